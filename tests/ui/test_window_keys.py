"""The window's keys from inside any field: Ctrl+E and Ctrl+S in a one-line field, Ctrl+Y and
Ctrl+Shift+Z both redo, a tab's Alt key puts the focus in the tab, Tab skips read-only cells."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import load

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def title_box(window):
    window.editor.select_stop(0)
    edit = window.editor.stop_editor.header.editors["title"].widget
    edit.setFocus()
    return edit


def test_ctrl_e_inside_a_one_line_field_exports(opened, qtbot):
    asked = []
    opened.ask_export_options = lambda *a, **k: asked.append(a) or None  # then cancel
    edit = title_box(opened)
    with qtbot.waitSignal(opened.act_export.triggered, timeout=1000):
        qtbot.keyClick(edit, Qt.Key.Key_E, CTRL)
    assert asked
    assert edit.text() == "MWC"  # the field did not take the key (end of line) instead


def test_ctrl_s_inside_a_one_line_field_saves_what_was_typed(opened, qtbot, trip_file):
    edit = title_box(opened)
    edit.end(False)
    qtbot.keyClicks(edit, " 2023")
    qtbot.keyClick(edit, Qt.Key.Key_S, CTRL)
    assert not opened.doc.is_modified()
    assert load(trip_file).stops[0].title == "MWC 2023"


def test_ctrl_y_and_ctrl_shift_z_both_redo_from_inside_a_field(opened, qtbot):
    edit = title_box(opened)
    edit.end(False)
    qtbot.keyClicks(edit, "!")
    edit.editingFinished.emit()
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert opened.doc.trip.stops[0].title == "MWC"
    qtbot.keyClick(edit, Qt.Key.Key_Y, CTRL)
    assert opened.doc.trip.stops[0].title == "MWC!"
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert opened.doc.trip.stops[0].title == "MWC"
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL | SHIFT)
    assert opened.doc.trip.stops[0].title == "MWC!"


def test_the_redo_action_lists_both_keys(opened):
    keys = [k.toString() for k in opened.act_redo.shortcuts()]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys


def test_a_field_keeps_its_own_keys_that_the_window_does_not_use(opened, qtbot):
    edit = title_box(opened)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "MWC"


def test_a_tabs_alt_key_moves_the_focus_into_the_tab(opened, qtbot):
    stop = opened.editor.stop_editor
    edit = title_box(opened)
    qtbot.keyClick(edit, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # 세부 일정 / A&genda
    qtbot.waitUntil(lambda: stop.tabs.currentIndex() == stop.tab_of["agenda"], timeout=1000)
    qtbot.waitUntil(lambda: stop.tabs.currentWidget().isAncestorOf(QApplication.focusWidget()),
                    timeout=1000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: stop.tabs.currentIndex() == stop.tab_of["background"], timeout=1000)
    qtbot.waitUntil(lambda: stop.tabs.currentWidget().isAncestorOf(QApplication.focusWidget()),
                    timeout=1000)


def test_tab_skips_the_read_only_end_column(opened, qtbot):
    stop = opened.editor.stop_editor
    opened.editor.select_stop(0)
    stop.tabs.setCurrentIndex(stop.tab_of["agenda"])
    panel = stop.tables["agenda"]
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, panel.model.column_of("minutes")))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == panel.model.column_of("item")  # not the computed end
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex().column() == panel.model.column_of("minutes")
