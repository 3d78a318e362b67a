"""Table cells edited through the editor their delegate makes, as a user does: select the cell,
F2, type into the box, Enter. (Other tests reach the model through setData; these go through
the real line edits and pickers of briefing/ui/delegates.py.)"""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QToolTip

from briefing.ui.editors.field_editors import PersonCombo, ZoneCombo


def agenda(window):
    window.editor.select_stop(0)
    stop_editor = window.editor.stop_editor
    stop_editor.tabs.setCurrentIndex(stop_editor.tab_of["agenda"])
    return stop_editor.tables["agenda"]


def talking_points(window):
    window.editor.select_stop(0)
    stop_editor = window.editor.stop_editor
    stop_editor.tabs.setCurrentIndex(stop_editor.tab_of["talking_points"])
    return stop_editor.tables["talking_points"]


def start_editing(qtbot, panel, row: int, name: str):
    """Select the cell, press F2 and return the editor widget the delegate made."""
    view = panel.view
    view.window().activateWindow()
    index = panel.model.index(row, panel.model.column_of(name))
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.state() == QAbstractItemView.State.EditingState, timeout=2000)
    editor = view.indexWidget(index)
    assert editor is not None
    return editor


def line_of(editor):
    """The text box to type into: the editor itself, or the line edit of an editable combo."""
    return editor.lineEdit() if isinstance(editor, QComboBox) else editor


def enter(qtbot, editor) -> None:
    qtbot.keyClick(line_of(editor), Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits and closes the editor in a queued call


def type_and_enter(qtbot, editor, text: str) -> None:
    box = line_of(editor)
    box.selectAll()
    qtbot.keyClicks(box, text)
    enter(qtbot, editor)


def pick_and_enter(qtbot, editor, typed: str) -> None:
    """Type part of a name, take the first suggestion of the picker's list, Enter."""
    box = line_of(editor)
    box.selectAll()
    if typed.isascii():
        qtbot.keyClicks(box, typed)
    else:
        type_korean(box, typed)
    popup = editor.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    enter(qtbot, editor)


def type_korean(box, text: str) -> None:
    """Hangul arrives through the input method, as the words it composed (QTest types ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def editing(panel) -> bool:
    return panel.view.state() == QAbstractItemView.State.EditingState


def item(window, row):
    return window.doc.trip.stops[0].agenda[row]


# -- times ------------------------------------------------------------------------------------

def test_a_time_typed_with_its_colon_is_stored(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    assert isinstance(editor, QLineEdit) and editor.text() == "10:30"
    type_and_enter(qtbot, editor, "9:30")
    assert not editing(panel)
    assert item(opened, 1).time == dt.time(9, 30)
    assert panel.model.index(1, panel.model.column_of("time")).data() == "09:30"


def test_a_time_typed_without_its_colon_is_read_as_hours_and_minutes(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    editor.selectAll()
    qtbot.keyClicks(editor, "0930")
    assert editor.text() == "0930"
    enter(qtbot, editor)
    assert not editing(panel)
    assert item(opened, 1).time == dt.time(9, 30)


def test_a_short_time_without_its_colon(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    type_and_enter(qtbot, editor, "930")
    assert not editing(panel)
    assert item(opened, 1).time == dt.time(9, 30)


def test_a_time_that_is_not_one_keeps_the_editor_open_and_the_old_value(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    type_and_enter(qtbot, editor, "99:99")
    assert editing(panel)  # Enter did not close it: the user sees why and can fix it
    assert QToolTip.isVisible() and "00:00" in QToolTip.text()  # says what a time is
    assert panel.view.indexWidget(panel.model.index(1, panel.model.column_of("time"))) is editor
    assert item(opened, 1).time == dt.time(10, 30)
    assert not opened.doc.is_modified()
    type_and_enter(qtbot, editor, "11:15")
    assert not editing(panel)
    assert item(opened, 1).time == dt.time(11, 15)


def test_enter_on_a_time_that_is_not_one_keeps_the_editor_open_and_tab_moves_on(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 0, "time")
    editor.selectAll()
    qtbot.keyClicks(editor, "25:00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert editing(panel) and panel.view.indexWidget(panel.model.index(0, 0)) is editor
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # staff fill the row and come back to it
    QApplication.processEvents()
    assert panel.view.currentIndex().column() != 0
    assert item(opened, 0).time == dt.time(10)
    assert panel.model.index(0, 0).data() == "25:00"  # still there, in red, with why


def test_a_date_typed_in_a_cell(opened, qtbot):
    opened.editor.select_section("stays")
    panel = opened.editor.tables["stays"]
    panel.model.add_row()
    editor = start_editing(qtbot, panel, 0, "check_in")
    type_and_enter(qtbot, editor, "2023-02-26")
    assert not editing(panel)
    assert opened.doc.trip.stays[0].check_in == dt.date(2023, 2, 26)


def test_letters_never_reach_a_time_cell(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 0, "time")
    editor.selectAll()
    qtbot.keyClicks(editor, "9x:3a0")
    assert editor.text() == "9:30"


def test_escape_leaves_the_time_as_it_was(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 0, "time")
    editor.selectAll()
    qtbot.keyClicks(editor, "8:15")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editing(panel)
    assert item(opened, 0).time == dt.time(10)
    assert not opened.doc.is_modified()


def test_minutes_typed_in_a_cell_and_undone(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 0, "minutes")
    type_and_enter(qtbot, editor, "45")
    assert item(opened, 0).minutes == 45
    assert panel.model.index(0, 2).data() == "10:45"  # the computed end follows
    opened.act_undo.trigger()
    assert item(opened, 0).minutes == 30


# -- people -----------------------------------------------------------------------------------

def test_a_lead_is_picked_by_typing_part_of_the_name(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "lead")
    assert isinstance(editor, PersonCombo)
    pick_and_enter(qtbot, editor, "Ki")
    assert not editing(panel)
    assert item(opened, 1).lead == "aide"
    assert panel.model.index(1, panel.model.column_of("lead")).data() == "Kim"


def test_a_lead_shown_as_a_member_is_kept_when_the_editor_is_closed(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 0, "lead")
    assert editor.currentData() == "mayor"
    enter(qtbot, editor)
    assert not editing(panel)
    assert item(opened, 0).lead == "mayor"
    assert not opened.doc.is_modified()


def test_a_lead_from_outside_the_delegation_is_free_text(opened, qtbot):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "lead")
    type_and_enter(qtbot, editor, "GSMA host")
    assert not editing(panel)
    assert item(opened, 1).lead == "GSMA host"
    assert panel.model.index(1, panel.model.column_of("lead")).data() == "GSMA host"


# -- time zones -------------------------------------------------------------------------------

def travel(window):
    window.editor.select_section("travel")
    panel = window.editor.tables["travel"]
    panel.model.add_row()
    return panel


def test_typing_madrid_in_a_zone_cell_picks_europe_madrid(opened, qtbot):
    panel = travel(opened)
    editor = start_editing(qtbot, panel, 0, "depart_timezone")
    assert isinstance(editor, ZoneCombo)
    pick_and_enter(qtbot, editor, "Madrid")
    assert opened.doc.trip.travel[0].depart_timezone == "Europe/Madrid"
