"""Times and dates typed into the window the way staff type them: read by briefing.clock in every
editor (agenda cells, stop header, legs, stays), shown back as stored, saved as meant."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolTip

from .conftest import load
from .test_delegates import agenda, editing, start_editing, type_and_enter


def save(window, path):
    window.doc.path = str(path)
    assert window.save()


@pytest.mark.parametrize("typed", ["1245", "12.45", "12:45"])
def test_each_way_of_typing_a_time_in_an_agenda_cell_is_saved_as_meant(opened, qtbot, trip_file, typed):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    type_and_enter(qtbot, editor, typed)
    assert not editing(panel)
    assert panel.model.index(1, panel.model.column_of("time")).data() == "12:45"
    qtbot.keyClick(panel.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load(trip_file).stops[0].agenda[1].time == dt.time(12, 45)


@pytest.mark.parametrize("typed, meant", [("9:5", dt.time(9, 5)), ("930", dt.time(9, 30))])
def test_short_forms_in_an_agenda_cell(opened, qtbot, typed, meant):
    panel = agenda(opened)
    type_and_enter(qtbot, start_editing(qtbot, panel, 1, "time"), typed)
    assert opened.doc.trip.stops[0].agenda[1].time == meant


def test_a_bad_time_keeps_the_editor_open_and_saves_nothing_different(opened, qtbot, trip_file):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    type_and_enter(qtbot, editor, "2460")
    assert editing(panel) and QToolTip.isVisible() and "00:00" in QToolTip.text()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save while it is open
    QApplication.processEvents()
    assert editing(panel)
    assert load(trip_file).stops[0].agenda[1].time == dt.time(10, 30)
    assert opened.doc.trip.stops[0].agenda[1].time == dt.time(10, 30)


def test_ctrl_s_while_a_cell_is_being_typed_saves_what_was_typed(opened, qtbot, trip_file):
    panel = agenda(opened)
    editor = start_editing(qtbot, panel, 1, "time")
    editor.selectAll()
    qtbot.keyClicks(editor, "1245")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load(trip_file).stops[0].agenda[1].time == dt.time(12, 45)


def test_a_stop_time_is_stored_when_the_typing_is_done_never_half_typed(opened, qtbot, trip_file):
    opened.editor.select_stop(0)
    editor = opened.editor.stop_editor.header.editors["start"]
    edit = editor.widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "124")  # on the way to 12:45: not 01:24, not 12:00
    assert opened.doc.trip.stops[0].start == dt.time(10)
    qtbot.keyClicks(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert opened.doc.trip.stops[0].start == dt.time(12, 45)
    assert edit.text() == "12:45"


def test_ctrl_s_in_a_time_field_saves_the_time_typed(opened, qtbot, trip_file):
    opened.editor.select_stop(0)
    edit = opened.editor.stop_editor.header.editors["end"].widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "13.5")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load(trip_file).stops[0].end == dt.time(13, 5)
    assert edit.text() == "13:05"


def test_a_bad_stop_time_is_marked_explained_and_not_stored(opened, qtbot):
    opened.editor.select_stop(0)
    editor = opened.editor.stop_editor.header.editors["start"]
    edit = editor.widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "25:00")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not editor.valid and "00:00" in edit.toolTip()
    assert edit.text() == "25:00"  # kept to fix, not replaced
    assert opened.doc.trip.stops[0].start == dt.time(10)
    assert not opened.doc.is_modified()


@pytest.mark.parametrize("typed", ["2023.2.28", "2/28", "2023-02-28", "2023. 2. 28."])
def test_a_stop_date_typed_as_people_write_it(opened, qtbot, typed):
    opened.editor.select_stop(0)
    edit = opened.editor.stop_editor.header.editors["date"].widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert opened.doc.trip.stops[0].date == dt.date(2023, 2, 28)
    assert edit.text() == "2023-02-28"


def test_a_stay_date_typed_as_month_and_day_takes_the_trips_year(opened, qtbot):
    opened.editor.select_section("stays")
    panel = opened.editor.tables["stays"]
    panel.model.add_row()
    type_and_enter(qtbot, start_editing(qtbot, panel, 0, "check_in"), "2.26")
    assert not editing(panel)
    assert opened.doc.trip.stays[0].check_in == dt.date(2023, 2, 26)


def test_a_leg_departure_typed_as_month_day_and_time(opened, qtbot):
    opened.editor.select_section("travel")
    panel = opened.editor.tables["travel"]
    panel.model.add_row()
    type_and_enter(qtbot, start_editing(qtbot, panel, 0, "depart"), "2/26 1245")
    assert not editing(panel)
    assert opened.doc.trip.travel[0].depart == dt.datetime(2023, 2, 26, 12, 45)


def test_a_date_that_could_be_two_days_keeps_the_cell_open(opened, qtbot):
    opened.editor.select_section("stays")
    panel = opened.editor.tables["stays"]
    panel.model.add_row()
    editor = start_editing(qtbot, panel, 0, "check_in")
    type_and_enter(qtbot, editor, "2/3/2023")
    assert editing(panel) and "year first" in QToolTip.text()
    assert opened.doc.trip.stays[0].check_in is None
