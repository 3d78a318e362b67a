"""The stop editor at 1024×700 with the live preview open, in Korean: every section's name
whole, a new card in sight with the cursor in it, a bad time that lets Tab move on, and the
agenda sorted by time in one undo step."""

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from briefing.ui import i18n
from briefing.ui.editors.tab_fit import shown

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


@pytest.fixture
def narrow(korean, make_window, trip_file, qtbot):
    """The window at 1024×700 on the first stop, with the live preview open."""
    win = make_window()
    assert win.open_file(str(trip_file))
    win.resize(1024, 700)
    win.activateWindow()
    win.editor.select_stop(0)
    win.act_live_preview.trigger()
    qtbot.waitUntil(win.live_preview.isVisible)
    qtbot.wait(50)  # the docks and the section names are laid out
    return win


def in_sight(widget, area) -> bool:
    """`widget` lies wholly inside `area`'s visible rectangle."""
    top_left = widget.mapTo(area.window(), widget.rect().topLeft())
    frame = QRect(area.mapTo(area.window(), area.rect().topLeft()), area.size())
    return frame.contains(QRect(top_left, widget.size()))


def test_every_section_name_is_whole_with_the_preview_open(narrow, qtbot):
    stop = narrow.editor.stop_editor
    tabs = stop.tabs
    assert tabs.count() >= 9
    for i in range(tabs.count()):
        button = tabs.button(i)
        text = button.text()
        assert text == tabs.tabText(i) and "…" not in text, text
        assert "(&" in text  # its Alt key
        needed = button.fontMetrics().horizontalAdvance(shown(text))
        assert button.width() >= needed, (text, button.width(), needed)
        assert in_sight(button, stop), text
    assert narrow.width() <= 1024  # the names did not widen the window


def test_the_window_fits_a_1024x700_screen_with_the_preview_open(narrow):
    # a title bar and a taskbar take some 60 pixels of the 700
    assert narrow.minimumSizeHint().height() <= 640, narrow.minimumSizeHint()
    assert narrow.minimumSizeHint().width() <= 1000
    assert narrow.height() <= 700


def test_a_narrow_card_keeps_its_text_box_wide(narrow, qtbot):
    stop = narrow.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["talking_points"])
    panel = stop.tables["talking_points"]
    qtbot.waitUntil(panel.isVisible)
    card = panel.cards[0]
    text = card.editors["text"].widget
    qtbot.waitUntil(lambda: text.width() > card.width() * 0.6, timeout=2000)


def test_a_new_card_is_in_sight_with_the_cursor_in_it(narrow, qtbot):
    stop = narrow.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["questions"])
    panel = stop.tables["questions"]
    qtbot.waitUntil(panel.isVisible)
    for n in range(5):  # more cards than the surface holds
        panel.add_point()
        panel.cards[-1].editors["question"].widget.setPlainText(f"question {n} " * 30)
        panel.cards[-1].editors["answer"].widget.setPlainText(f"answer {n} " * 30)
    qtbot.wait(100)
    panel.scroll.verticalScrollBar().setValue(0)
    add = next(b for b in panel.findChildren(QToolButton) if b.defaultAction() is panel.actions["add"])
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # "+ 추가"; Ctrl+Enter is the same action
    new = panel.cards[-1]
    qtbot.waitUntil(new.editors["question"].widget.hasFocus, timeout=2000)
    qtbot.wait(300)  # the cards settle to their texts' heights
    assert in_sight(new, panel.scroll.viewport())


def test_tab_leaves_a_bad_time_which_keeps_its_mark(narrow, qtbot):
    stop = narrow.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["agenda"])
    panel = stop.tables["agenda"]
    qtbot.waitUntil(panel.isVisible)
    view = panel.view
    cell = panel.model.index(0, panel.model.column_of("time"))
    view.setCurrentIndex(cell)
    view.setFocus()
    view.edit(cell)
    editor = QApplication.focusWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not view)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "2460")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.currentIndex().column() == panel.model.column_of("minutes"))
    assert narrow.doc.trip.stops[0].agenda[0].time == dt.time(10)  # nothing stored
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "2460"  # what was typed, still there
    assert cell.data(Qt.ItemDataRole.ToolTipRole)  # and why it is wrong
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_sort_by_time_is_one_undo_step(narrow, qtbot):
    stop = narrow.editor.stop_editor
    agenda = narrow.doc.trip.stops[0].agenda
    agenda[0].time, agenda[1].time = dt.time(11), dt.time(10, 15)
    stop.bind(narrow.doc.trip.stops[0])
    stop.tabs.setCurrentIndex(stop.tab_of["agenda"])
    panel = stop.tables["agenda"]
    qtbot.waitUntil(panel.isVisible)
    before = [a.item for a in agenda]
    panel.actions["sort"].trigger()
    assert [a.time for a in agenda] == [dt.time(10, 15), dt.time(11)]
    assert panel.model.index(0, panel.model.column_of("item")).data() == "Tour"
    narrow.doc.undo_stack.undo()
    assert [a.item for a in agenda] == before
