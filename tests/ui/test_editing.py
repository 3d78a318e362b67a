"""Typing, adding, moving and deleting through the editors changes the trip, and undo/redo
restore it exactly."""

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication


def type_korean(widget, text):
    """What an input method does when the user finishes composing Hangul: commit the text."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def undo_all(window):
    stack = window.doc.undo_stack
    while stack.canUndo():
        stack.undo()


def test_typing_in_a_stop_title_changes_the_trip_and_undoes_in_one_step(opened, qtbot):
    before = copy.deepcopy(opened.doc.trip)
    opened.editor.select_stop(0)
    edit = opened.editor.stop_editor.header.editors["title"].widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "MWC 2023 ")
    type_korean(edit, "전시")
    assert opened.doc.trip.stops[0].title == "MWC 2023 전시"
    assert opened.isWindowModified()
    assert opened.doc.undo_stack.count() == 1  # one field edit session, one undo step
    assert "Title" in opened.act_undo.text()
    opened.act_undo.trigger()
    assert opened.doc.trip == before
    assert edit.text() == "MWC"
    assert not opened.isWindowModified()
    opened.act_redo.trigger()
    assert opened.doc.trip.stops[0].title == "MWC 2023 전시"


def test_ctrl_z_in_a_line_edit_goes_to_the_window_undo(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_stop(0)
    edit = opened.editor.stop_editor.header.editors["city"].widget
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.end(False)
    qtbot.keyClicks(edit, "X")
    assert opened.doc.trip.stops[0].city == "BarcelonaX"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.doc.trip.stops[0].city == "Barcelona"
    assert edit.text() == "Barcelona"


def test_separate_fields_are_separate_undo_steps(opened, qtbot):
    header = opened.editor.stop_editor
    opened.editor.select_stop(0)
    header.header.editors["host"].widget.end(False)
    qtbot.keyClicks(header.header.editors["host"].widget, "GSMA")
    header.header.editors["host"].widget.editingFinished.emit()
    qtbot.keyClicks(header.header.editors["venue"].widget, "Fira")
    assert opened.doc.undo_stack.count() == 2
    opened.doc.undo_stack.undo()
    assert opened.doc.trip.stops[0].host == "GSMA"
    assert opened.doc.trip.stops[0].venue == ""


def test_invalid_time_is_refused_and_not_written(opened, qtbot):
    opened.editor.select_stop(0)
    editor = opened.editor.stop_editor.header.editors["start"]
    edit = editor.widget
    edit.selectAll()
    qtbot.keyClicks(edit, "9x:3")  # the x is refused by the validator
    assert edit.text() == "9:3"
    assert opened.doc.trip.stops[0].start.strftime("%H:%M") == "10:00"  # read when typing is done
    qtbot.keyClicks(edit, "0")
    edit.editingFinished.emit()
    assert opened.doc.trip.stops[0].start.strftime("%H:%M") == "09:30"
    edit.selectAll()
    qtbot.keyClicks(edit, "99:99")
    edit.editingFinished.emit()
    assert not editor.valid  # shown in red; the model keeps the last good value
    assert opened.doc.trip.stops[0].start.strftime("%H:%M") == "09:30"
    edit.setText("1415")  # typed without the colon: read as 14:15 when the user is done
    edit.editingFinished.emit()
    assert opened.doc.trip.stops[0].start.strftime("%H:%M") == "14:15"
    assert edit.text() == "14:15"


def test_time_zone_picker_finds_zones_by_part_of_the_name(opened):
    opened.editor.select_stop(0)
    combo = opened.editor.stop_editor.header.editors["timezone"].widget
    completer = combo.completer()
    completer.setCompletionPrefix("madrid")
    assert completer.completionCount() >= 1
    assert completer.currentCompletion() == "Europe/Madrid"


def test_add_insert_move_delete_agenda_rows_with_undo(opened, qtbot):
    before = copy.deepcopy(opened.doc.trip)
    opened.editor.select_stop(0)
    panel = opened.editor.stop_editor.tables["agenda"]
    agenda = opened.doc.trip.stops[0].agenda
    panel.add_row()
    assert len(agenda) == 3
    index = panel.model.index(2, panel.model.column_of("item"))
    assert panel.model.setData(index, "Lunch")
    assert panel.model.setData(panel.model.index(2, 0), "11:30")
    assert panel.model.setData(panel.model.index(2, 1), "45")
    assert agenda[2].item == "Lunch" and agenda[2].minutes == 45
    assert panel.model.index(2, 2).data() == "12:15"  # the computed end
    assert "stop ends 12:00" in panel.summary.text()
    assert not panel.model.setData(panel.model.index(2, 0), "25:00")  # refused
    panel.select(2)
    panel.move_current(-1)
    assert [a.item for a in agenda] == ["Welcome", "Lunch", "Tour"]
    panel.select(0)
    panel.insert_row()
    assert len(agenda) == 4 and agenda[0].item == ""
    panel.select(0)
    panel.delete_rows()
    assert [a.item for a in agenda] == ["Welcome", "Lunch", "Tour"]
    undo_all(opened)
    assert opened.doc.trip == before
    while opened.doc.undo_stack.canRedo():
        opened.doc.undo_stack.redo()
    assert [a.item for a in opened.doc.trip.stops[0].agenda] == ["Welcome", "Lunch", "Tour"]


def test_agenda_keyboard_shortcuts(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_stop(0)
    stop_editor = opened.editor.stop_editor
    stop_editor.tabs.setCurrentIndex(stop_editor.tab_of["agenda"])
    panel = stop_editor.tables["agenda"]
    panel.select(0, 3)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [a.item for a in opened.doc.trip.stops[0].agenda] == ["Tour", "Welcome"]
    assert panel.current_row() == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    assert len(opened.doc.trip.stops[0].agenda) == 3
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(opened.doc.trip.stops[0].agenda) == 2


def test_overlapping_agenda_rows_are_marked(opened):
    opened.editor.select_stop(0)
    panel = opened.editor.stop_editor.tables["agenda"]
    panel.model.setData(panel.model.index(1, 0), "10:15")
    assert 1 in panel.model.times.overlapping
    assert panel.model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "overlapping" in panel.summary.text()


def test_add_move_delete_stops(opened, qtbot):
    before = copy.deepcopy(opened.doc.trip)
    opened.editor.select_stop(0)
    opened.act_add_stop.trigger()
    stops = opened.doc.trip.stops
    assert len(stops) == 3 and opened.editor.current_stop_row() == 1
    qtbot.keyClicks(opened.editor.stop_editor.header.editors["title"].widget, "New one")
    assert stops[1].title == "New one"
    assert "New one" in opened.editor.outline_model.stop_index(1).data()
    opened.act_stop_down.trigger()
    assert [s.title for s in stops] == ["MWC", "City hall", "New one"]
    opened.act_del_stop.trigger()
    assert [s.title for s in stops] == ["MWC", "City hall"]
    undo_all(opened)
    assert opened.doc.trip == before


def test_drag_a_stop_in_the_outline(opened):
    model = opened.editor.outline_model
    data = model.mimeData([model.stop_index(1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.stops_index())
    assert [s.title for s in opened.doc.trip.stops] == ["City hall", "MWC"]
    opened.doc.undo_stack.undo()
    assert [s.title for s in opened.doc.trip.stops] == ["MWC", "City hall"]


def test_undo_action_uses_the_standard_shortcut(window):
    assert window.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.act_save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.act_export.shortcut() == QKeySequence("Ctrl+E")
    assert not window.act_export.icon().isNull()


def test_problems_follow_edits_and_jump_to_the_field(opened, qtbot):
    opened.editor.select_stop(0)
    title = opened.editor.stop_editor.header.editors["title"].widget
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: any(p.path == "stops[0].title" for p in opened.problems.problems), timeout=2000)
    opened.editor.select_section("trip")
    opened.go_to("stops[0].agenda[1].minutes")
    editor = opened.editor.stop_editor
    assert opened.editor.current_stop_row() == 0
    assert editor.tabs.currentIndex() == editor.tab_of["agenda"]
    panel = editor.tables["agenda"]
    assert panel.current_row() == 1
    assert panel.view.currentIndex().column() == panel.model.column_of("minutes")
    opened.go_to("contacts[0].phone")
    assert opened.editor.pages.currentWidget() is opened.editor.page_of["contacts"]


def test_copy_and_paste_agenda_rows_is_one_undo_step(opened):
    opened.editor.select_stop(0)
    panel = opened.editor.stop_editor.tables["agenda"]
    agenda = opened.doc.trip.stops[0].agenda
    panel.select(0)
    panel.copy_rows()
    panel.select(1)
    panel.paste_rows()
    assert [a.item for a in agenda] == ["Welcome", "Tour", "Welcome"]
    assert agenda[2] == agenda[0] and agenda[2] is not agenda[0]
    assert "Paste" in opened.act_undo.text()
    opened.doc.undo_stack.undo()
    assert [a.item for a in agenda] == ["Welcome", "Tour"]


def test_paste_tab_separated_text_from_a_spreadsheet(opened):
    QApplication.clipboard().setText("14:00\t30\t\tClosing\tmayor\n14:30\tx\t\tPhotos\t\n")
    opened.editor.select_stop(0)
    panel = opened.editor.stop_editor.tables["agenda"]
    panel.model.bind(opened.doc.trip.stops[0], "agenda")
    panel.select(1)
    panel.paste_rows()
    agenda = opened.doc.trip.stops[0].agenda
    assert [a.item for a in agenda] == ["Welcome", "Tour", "Closing", "Photos"]
    assert agenda[2].minutes == 30 and agenda[3].minutes is None  # 'x' is not minutes
