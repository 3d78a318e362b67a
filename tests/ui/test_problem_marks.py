"""Problems are marked where they are edited: the form field, the table cell, the stop's tab and
the outline entry; the marks follow edits, undo and redo."""

from PySide6.QtCore import Qt

from briefing.trip import model as trip_model
from briefing.trip.problems import WARNING, Problem
from briefing.ui.icons import problem_icon
from briefing.ui.problem_marks import MARK_PROPERTY, locate, marks_of, text_property

from .conftest import small_trip

BG, TIP, DECO = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.DecorationRole)


def same_icon(a, b) -> bool:
    return a is not None and b is not None and a.cacheKey() == b.cacheKey()


def mark(widget) -> str:
    return text_property(widget, MARK_PROPERTY)


def has_path(window, path: str) -> bool:
    return any(p.path == path for p in window.problems.problems)


def retype(qtbot, line, text: str) -> None:
    """Select all in a line edit, type `text`, and finish with Enter (one undo step)."""
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_an_empty_agenda_item_marks_its_cell_its_tab_and_its_stop(opened, qtbot):
    editor = opened.editor
    editor.select_stop(0)
    panel = editor.stop_editor.tables["agenda"]
    model = panel.model
    cell = model.index(0, model.column_of("item"))
    time_cell = model.index(0, model.column_of("time"))
    stop = editor.outline_model.stop_index(0)
    agenda_tab = editor.stop_editor.tab_of["agenda"]
    opened.revalidate()
    assert cell.data(BG) is None and cell.data(DECO) is None
    assert not same_icon(stop.data(DECO), problem_icon("error"))

    assert model.setData(cell, "")
    qtbot.waitUntil(lambda: has_path(opened, "stops[0].agenda[0].item"), timeout=2000)
    assert cell.data(BG) is not None
    assert same_icon(cell.data(DECO), problem_icon("error"))
    assert "must be filled in" in cell.data(TIP)
    assert time_cell.data(BG) is None  # only the cell in error
    assert same_icon(stop.data(DECO), problem_icon("error"))
    assert "1 errors" in stop.data(TIP)
    stops_entry = editor.outline_model.stops_index()
    assert same_icon(stops_entry.data(DECO), problem_icon("error"))
    tabs = editor.stop_editor.tabs
    assert same_icon(tabs.tabIcon(agenda_tab), problem_icon("error"))
    assert tabs.tabIcon(editor.stop_editor.tab_of["talking_points"]).isNull()
    # the other stop, and the stops table's row of this stop, show it too
    assert not same_icon(editor.outline_model.stop_index(1).data(DECO), problem_icon("error"))
    stops_table = editor.tables["stops"].model
    assert "must be filled in" in stops_table.index(0, 0).data(TIP)

    assert model.setData(cell, "Welcome again")
    qtbot.waitUntil(lambda: not has_path(opened, "stops[0].agenda[0].item"), timeout=2000)
    assert cell.data(BG) is None and cell.data(DECO) is None
    assert "must be filled in" not in (cell.data(TIP) or "")
    assert not same_icon(stop.data(DECO), problem_icon("error"))
    assert "errors" not in stop.data(TIP)
    assert tabs.tabIcon(agenda_tab).isNull()


def test_a_whole_row_problem_marks_the_rows_first_column(opened):
    editor = opened.editor
    editor.select_stop(0)
    model = editor.stop_editor.tables["agenda"].model
    marks = marks_of(opened.doc)
    opened.revalidate()
    marks.set_problems([Problem(WARNING, "stops[0].agenda[1]", "check this row")])
    assert "check this row" in model.index(1, 0).data(TIP)
    assert same_icon(model.index(1, 0).data(DECO), problem_icon("warning"))
    assert model.index(1, 3).data(BG) is None
    assert model.index(0, 0).data(BG) is None


def test_the_agendas_own_tints_do_not_hide_a_problem(opened, qtbot):
    editor = opened.editor
    editor.select_stop(0)
    model = editor.stop_editor.tables["agenda"].model
    time = model.column_of("time")
    assert model.setData(model.index(1, time), "10:15")  # overlaps the row before: a warning
    qtbot.waitUntil(lambda: has_path(opened, "stops[0].agenda[1].time"), timeout=2000)
    tip = model.index(1, time).data(TIP)
    assert "overlap" in tip
    assert same_icon(model.index(1, time).data(DECO), problem_icon("warning"))


def test_an_unknown_time_zone_marks_the_zone_field_and_undo_brings_the_mark_back(opened, qtbot):
    editor = opened.editor
    editor.select_stop(0)
    zone = editor.stop_editor.header.editors["timezone"].widget
    own_tip = zone.toolTip()
    opened.revalidate()
    assert not mark(zone)

    retype(qtbot, zone.lineEdit(), "Mars/Olympus")
    assert opened.doc.trip.stops[0].timezone == "Mars/Olympus"
    qtbot.waitUntil(lambda: mark(zone) == "error", timeout=2000)
    assert "unknown time zone" in zone.toolTip()
    assert zone.toolTip().endswith(own_tip)  # what the field is, still under the problem

    retype(qtbot, zone.lineEdit(), "Europe/Madrid")
    qtbot.waitUntil(lambda: not mark(zone), timeout=2000)
    assert zone.toolTip() == own_tip

    opened.act_undo.trigger()
    assert opened.doc.trip.stops[0].timezone == "Mars/Olympus"
    qtbot.waitUntil(lambda: mark(zone) == "error", timeout=2000)
    assert "unknown time zone" in zone.toolTip()
    opened.act_redo.trigger()
    qtbot.waitUntil(lambda: not mark(zone), timeout=2000)

    # the header shows the next stop's own marks, not the first one's
    opened.act_undo.trigger()
    qtbot.waitUntil(lambda: mark(zone) == "error", timeout=2000)
    editor.select_stop(1)
    assert not mark(zone)
    editor.select_stop(0)
    assert mark(zone) == "error"


def test_trip_fields_and_the_trip_entry_are_marked(opened, qtbot):
    editor = opened.editor
    title = editor.overview.editors["title"].widget
    trip_entry = editor.outline_model.index(0, 0)
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: mark(title) == "error", timeout=2000)
    assert same_icon(trip_entry.data(DECO), problem_icon("error"))
    assert "must be filled in" in title.toolTip()
    opened.act_undo.trigger()
    qtbot.waitUntil(lambda: not mark(title), timeout=2000)
    assert not same_icon(trip_entry.data(DECO), problem_icon("error"))


def test_a_mark_stays_on_its_row_when_the_row_moves(opened, qtbot):
    editor = opened.editor
    editor.select_stop(0)
    model = editor.stop_editor.tables["agenda"].model
    item = model.column_of("item")
    assert model.setData(model.index(1, item), "")
    opened.revalidate()
    assert model.index(1, item).data(BG) is not None
    assert model.move_row(1, 0)  # before the next validation
    assert same_icon(model.index(0, item).data(DECO), problem_icon("error"))
    assert model.index(1, item).data(DECO) is None


def test_opening_another_trip_clears_the_marks(opened, qtbot):
    editor = opened.editor
    editor.select_stop(0)
    model = editor.stop_editor.tables["agenda"].model
    assert model.setData(model.index(0, model.column_of("item")), "")
    opened.revalidate()
    assert editor.outline_model.problems_at(editor.outline_model.stop_index(0))
    opened.doc.replace(small_trip(), None)
    assert not editor.outline_model.problems_at(editor.outline_model.stop_index(0))


def test_locate_reads_a_problem_path_against_the_trip():
    trip = small_trip()
    spot = locate(trip, "stops[0].agenda[1].time")
    assert (spot.section, spot.stop, spot.table, spot.row, spot.name) == ("stops", 0, "agenda", 1, "time")
    assert spot.record is trip.stops[0].agenda[1] and spot.part == "agenda"
    spot = locate(trip, "stops[1].title")
    assert (spot.stop, spot.table, spot.row, spot.name, spot.part) == (1, "stops", 1, "title", "title")
    assert spot.record is trip.stops[1]
    spot = locate(trip, "stops[0].talking_points[0]")
    assert spot.name == "" and spot.record is trip.stops[0].talking_points[0]
    assert locate(trip, "stops[0].talking_points").name == "talking_points"
    assert locate(trip, "stops[0].attendees[1]").name == "attendees"
    assert locate(trip, "trip.objectives[2]").record is trip.info
    assert locate(trip, "trip.objectives[2]").name == "objectives"
    assert locate(trip, "briefing").section == "trip"
    assert locate(trip, "contacts[0].phone").record is trip.contacts[0]
    trip.travel.append(trip_model.TravelLeg())
    assert locate(trip, "travel[0].from").name == "origin"  # the file's key, the model's name
    assert locate(trip, "stops[7].title") is None  # the trip changed since
    assert locate(trip, "") is None
