"""The attendees picker: "Everyone" or a chosen few (or nobody), one undo step per change, and
ids that are not in the delegation are kept."""

import datetime as dt

from PySide6.QtCore import Qt

from briefing.trip import model
from briefing.ui.commands import RemoveCommand, SetFieldCommand
from briefing.ui.editors.attendees import toggled


def picker(window):
    window.editor.select_stop(0)
    return window.editor.stop_editor.header.editors["attendees"]


def rows(editor):
    lst = editor.popup.list
    return [(lst.item(i).text(), lst.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(lst.count())]


def click_row(qtbot, editor, row):
    lst = editor.popup.list
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_button_says_everyone_and_opens_a_list_of_the_delegation(opened, qtbot):
    editor = picker(opened)
    assert editor.widget.full_text == "Everyone (2)"
    qtbot.mouseClick(editor.widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.popup.isVisible)
    assert rows(editor) == [("Everyone (2)", True), ("이동환 — 시장", True), ("Kim", True)]


def test_unticking_one_person_names_the_others_and_undoes_in_one_step(opened, qtbot):
    editor = picker(opened)
    qtbot.mouseClick(editor.widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.popup.isVisible)
    click_row(qtbot, editor, 2)  # Kim
    stop = opened.doc.trip.stops[0]
    assert stop.attendees == ["mayor"]
    assert editor.widget.full_text == "이동환"
    assert rows(editor) == [("Everyone (2)", False), ("이동환 — 시장", True), ("Kim", False)]
    assert opened.doc.undo_stack.count() == 1
    opened.act_undo.trigger()
    assert stop.attendees is None
    assert editor.widget.full_text == "Everyone (2)"


def test_nobody_can_be_chosen_with_the_keyboard(opened, qtbot):
    editor = picker(opened)
    editor.widget.setFocus()
    qtbot.keyClick(editor.widget, Qt.Key.Key_Space)  # a push button opens on Space
    qtbot.waitUntil(editor.popup.isVisible)
    lst = editor.popup.list
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, Qt.Key.Key_Space)  # off "Everyone": nobody yet
    stop = opened.doc.trip.stops[0]
    assert stop.attendees == []
    assert editor.widget.full_text == "Nobody"
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    qtbot.keyClick(lst, Qt.Key.Key_Space)  # Kim
    assert stop.attendees == ["aide"]
    qtbot.keyClick(lst, Qt.Key.Key_Up)
    qtbot.keyClick(lst, Qt.Key.Key_Space)  # the mayor goes before Kim, as in the delegation
    assert stop.attendees == ["mayor", "aide"]
    assert opened.doc.undo_stack.count() == 3
    qtbot.keyClick(lst, Qt.Key.Key_Escape)
    assert not editor.popup.isVisible()
    opened.act_undo.trigger()
    assert stop.attendees == ["aide"]


def test_ids_not_in_the_delegation_are_shown_and_kept(opened, qtbot):
    stop = opened.doc.trip.stops[0]
    stop.attendees = ["ghost", "mayor"]
    editor = picker(opened)
    editor.refresh()
    assert editor.widget.full_text == "ghost, 이동환"
    qtbot.mouseClick(editor.widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.popup.isVisible)
    assert rows(editor)[-1] == ("ghost (not in the delegation)", True)
    click_row(qtbot, editor, 2)  # add Kim: the ghost stays
    assert stop.attendees == ["ghost", "mayor", "aide"]
    click_row(qtbot, editor, 3)  # and can be taken off on purpose
    assert stop.attendees == ["mayor", "aide"]


def test_the_button_follows_a_renamed_delegate(opened, qtbot):
    editor = picker(opened)
    opened.doc.trip.stops[0].attendees = ["aide"]
    editor.refresh()
    aide = opened.doc.trip.delegation[1]
    opened.doc.undo_stack.push(SetFieldCommand(opened.doc, aide, "name", "Kim Minji"))
    assert editor.widget.full_text == "Kim Minji"
    opened.doc.undo_stack.push(RemoveCommand(opened.doc, opened.doc.trip.delegation, 0))
    qtbot.mouseClick(editor.widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.popup.isVisible)
    assert rows(editor) == [("Everyone (1)", False), ("Kim Minji", True)]


def test_toggled_rules():
    trip = model.Trip(info=model.TripInfo(title="t", start=dt.date(2023, 1, 1), end=dt.date(2023, 1, 1)),
                      delegation=[model.Person(id=k, name=k) for k in ("a", "b", "c")])
    assert toggled(trip, None, None) == []
    assert toggled(trip, [], None) is None
    assert toggled(trip, None, "b") == ["a", "c"]
    assert toggled(trip, ["c"], "a") == ["a", "c"]
    assert toggled(trip, ["x", "c"], "b") == ["x", "b", "c"]
    assert toggled(trip, ["a", "b"], "a") == ["b"]
