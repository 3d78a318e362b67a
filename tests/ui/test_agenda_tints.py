"""The agenda table tints exactly the rows the Problems list warns about: both ask
briefing.schedule, so an overlap, an item past the stop's end or before it begins is marked in
both places or in neither."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt

from briefing.fileformat import reader as fileformat
from briefing.trip import model
from briefing.ui.editors.agenda import END_COLUMN

ROW = re.compile(r"stops\[0\]\.agenda\[(\d+)\]\.")


def agenda_trip(start, end, agenda) -> model.Trip:
    items = [model.AgendaItem(time=dt.time(*t) if t else None, minutes=m, item=f"item {i + 1}")
             for i, (t, m) in enumerate(agenda)]
    return model.Trip(
        info=model.TripInfo(title="Tints", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5)),
        stops=[model.Stop(title="Visit", city="Barcelona", timezone="Europe/Madrid",
                          date=dt.date(2023, 2, 27), start=start and dt.time(*start),
                          end=end and dt.time(*end), agenda=items,
                          talking_points=[model.TalkingPoint(text="point")])])


def open_agenda(make_window, tmp_path, trip):
    path = tmp_path / "tints.yaml"
    fileformat.save(trip, path)
    window = make_window()
    assert window.open_file(str(path))
    window.editor.select_stop(0)
    return window, window.editor.stop_editor.tables["agenda"]


def marked(window, panel) -> set[int]:
    """The rows validate() reports (as the Problems list shows them), after checking that the
    agenda table tints exactly those rows."""
    window.revalidate()
    reported = {int(m.group(1)) for p in window.problems.problems if (m := ROW.match(p.path))}
    table = panel.model
    tinted = {row for row in range(table.rowCount())
              if any(table.index(row, c).data(Qt.ItemDataRole.BackgroundRole) is not None
                     for c in range(table.columnCount()))}
    assert tinted == reported
    assert table.times.flagged == reported  # the table's own tints, not only problem marks
    return reported


def tip(panel, row: int) -> str:
    return panel.model.index(row, END_COLUMN).data(Qt.ItemDataRole.ToolTipRole)


AGENDAS = {
    # the issue's example: the old tints marked row 2 only, the old check rows 2 and 3 differently
    "overlap with any earlier row": ((10,), (12,), [((10,), 60), ((10, 30), None), ((10, 45), None)]),
    "past the end, no length": ((10,), (12,), [((10,), 30), ((12, 30), None), ((12,), None)]),
    "before the stop begins": ((10,), (12,), [((9, 30), 20), ((10,), 30)]),
    "overnight stop": ((22,), (1,), [((22,), 90), ((23, 30), 60), ((0, 30), 45), ((21, 30), None)]),
    "untimed rows": (None, None, [(None, 30), ((10,), 30), (None, None), ((10, 15), None)]),
}


@pytest.mark.parametrize("name", AGENDAS)
def test_tinted_rows_are_the_rows_validate_reports(make_window, tmp_path, name):
    start, end, agenda = AGENDAS[name]
    window, panel = open_agenda(make_window, tmp_path, agenda_trip(start, end, agenda))
    assert marked(window, panel), "every case has something to mark"


def test_the_issue_example_marks_both_later_rows_everywhere(make_window, tmp_path):
    start, end, agenda = AGENDAS["overlap with any earlier row"]
    window, panel = open_agenda(make_window, tmp_path, agenda_trip(start, end, agenda))
    assert marked(window, panel) == {1, 2}
    assert tip(panel, 1) == tip(panel, 2) == "overlaps row 1 (until 11:00)"


def test_tints_follow_edits_as_the_problems_do(make_window, tmp_path):
    window, panel = open_agenda(make_window, tmp_path, agenda_trip((10,), (12,), [
        ((10,), 30), ((10, 30), 30), ((11,), 30)]))
    assert marked(window, panel) == set()
    table = panel.model
    table.setData(table.index(1, table.column_of("minutes")), "90")  # 10:30–12:00
    assert marked(window, panel) == {2}
    table.setData(table.index(2, table.column_of("time")), "12:10")  # now after the overlap
    assert marked(window, panel) == {2}
    assert tip(panel, 2) == "runs past the stop's end (12:00)"
    end = window.editor.stop_editor.header.editors["end"].widget  # the stop's times count too
    end.setText("13:00")
    end.editingFinished.emit()
    assert window.doc.trip.stops[0].end == dt.time(13)
    assert marked(window, panel) == set()


def test_an_overnight_agenda_shows_next_day_ends(make_window, tmp_path):
    start, end, agenda = AGENDAS["overnight stop"]
    window, panel = open_agenda(make_window, tmp_path, agenda_trip(start, end, agenda))
    table = panel.model
    ends = [table.index(row, 2).data() for row in range(table.rowCount())]
    assert ends == ["23:30", "00:30 (+1)", "01:15 (+1)", ""]
    assert "stop ends 01:00 (+1)" in panel.summary.text()
    assert not any(p.is_error for p in window.problems.problems)  # 22:00–01:00 is no error
