"""One schedule: every rule about time, and the checks, the book and the calendar agreeing on it."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.rules import schedule, timeline
from briefing.rules.validate import validate
from briefing.trip import model

DAY = dt.date(2023, 2, 27)
NEXT = DAY + dt.timedelta(days=1)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def stop(start=None, end=None, agenda=(), date=DAY, tz="Europe/Madrid") -> model.Stop:
    items = [model.AgendaItem(time=dt.time(*t) if t else None, minutes=m, item=f"item {i + 1}")
             for i, (t, m) in enumerate(agenda)]
    return model.Stop(title="Visit", date=date, timezone=tz, start=start and dt.time(*start),
                      end=end and dt.time(*end), agenda=items,
                      talking_points=[model.TalkingPoint(text="point")])


def trip(*stops: model.Stop, travel=()) -> model.Trip:
    return model.Trip(info=model.TripInfo(title="t", start=DAY - dt.timedelta(days=1),
                                          end=DAY + dt.timedelta(days=5)),
                      stops=list(stops), travel=list(travel))


def time_warnings(t: model.Trip) -> list[tuple[str, str]]:
    """(path, message) of every problem about agenda or stop times."""
    return [(p.path, p.message) for p in validate(t)
            if ".agenda[" in p.path or p.path.endswith((".end", ".start"))]


# -- stops ------------------------------------------------------------------------------------


def test_a_stop_past_midnight_ends_the_next_day():
    late = stop(start=(22,), end=(1,))
    assert schedule.runs_overnight(late)
    assert schedule.stop_span(late) == (at(22), at(1, day=NEXT))
    begins, ends = schedule.stop_bounds(trip(late), late)
    assert ends - begins == dt.timedelta(hours=3)
    assert begins.utcoffset() == dt.timedelta(hours=1)  # Madrid in February


def test_a_stop_past_midnight_is_no_error_anywhere():
    late = stop(start=(22,), end=(1,))
    assert validate(trip(late)) == []
    start, end = timeline.stop_times(trip(late), late)
    assert (start.local, end.local) == (at(22), at(1, day=NEXT))


def test_an_end_equal_to_the_start_counts_as_no_end():
    same = stop(start=(10,), end=(10,))
    assert schedule.stop_end_time(same) is None and not schedule.runs_overnight(same)
    assert schedule.stop_span(same) == (at(10), None)
    assert validate(trip(same)) == []
    assert timeline.stop_times(trip(same), same)[1] is None


def test_stop_begins_is_absolute_and_the_day_start_without_a_time():
    seoul = stop(start=(10,), tz="Asia/Seoul")
    madrid = stop(start=(9,), tz="Europe/Madrid")
    t = trip(seoul, madrid)
    assert schedule.stop_begins(t, seoul) < schedule.stop_begins(t, madrid)
    untimed = stop()
    assert schedule.stop_begins(t, untimed) == dt.datetime(2023, 2, 27, tzinfo=schedule.clock.zone(
        "Europe/Madrid"))
    assert schedule.stop_begins(t, stop(date=None)) is None
    assert schedule.stop_begins(t, stop(start=(9,), tz="Nowhere/Else")) is None


def test_leg_days_and_bounds_are_local_to_each_end():
    leg = model.TravelLeg(depart=dt.datetime(2023, 3, 4, 17, 30), depart_timezone="Europe/Berlin",
                          arrive=dt.datetime(2023, 3, 5, 14, 30), arrive_timezone="Asia/Seoul")
    assert schedule.leg_days(leg) == (dt.date(2023, 3, 4), dt.date(2023, 3, 5))
    depart, arrive = schedule.leg_bounds(trip(), leg)
    assert arrive - depart == dt.timedelta(hours=13)
    assert schedule.leg_days(model.TravelLeg()) == (None, None)
    assert timeline.arrival_shift(leg) == "+1"


# -- the agenda -------------------------------------------------------------------------------


def kinds(agenda: schedule.Agenda) -> list[tuple[int, str, int | None]]:
    return [(f.row, f.kind, f.other) for f in agenda.findings]


def test_an_item_overlaps_the_latest_end_of_any_earlier_row():
    times = schedule.agenda(stop(agenda=[((10,), 60), ((10, 30), None), ((10, 45), None)]))
    assert kinds(times) == [(1, schedule.OVERLAP, 0), (2, schedule.OVERLAP, 0)]
    assert times.findings[1].limit == at(11)
    assert [row.end for row in times.rows] == [at(11), None, None]


def test_rows_that_follow_on_do_not_overlap():
    times = schedule.agenda(stop(agenda=[((10,), 30), ((10, 30), 30), (None, 10), ((11,), None)]))
    assert times.findings == []
    assert times.rows[2] == schedule.AgendaRow(None, None)
    assert times.last_end == at(11)


def test_items_before_the_stop_and_past_its_end():
    times = schedule.agenda(stop(start=(10,), end=(12,), agenda=[
        ((9, 30), 20), ((11, 30), 45), ((12, 30), None), ((12,), None)]))
    assert kinds(times) == [(0, schedule.BEFORE_START, None), (1, schedule.PAST_END, None),
                            (2, schedule.PAST_END, None),
                            (3, schedule.OUT_OF_ORDER, 2)]  # 12:00 is not past the end: it is the end
    assert [(f.at, f.limit) for f in times.findings] == [
        (at(9, 30), at(10)), (at(12, 15), at(12)), (at(12, 30), at(12)), (at(12), at(12, 30))]


def test_agenda_items_after_midnight_in_an_overnight_stop():
    times = schedule.agenda(stop(start=(22,), end=(1,), agenda=[
        ((22,), 90), ((23, 30), 60), ((0, 30), 45), ((21, 30), None)]))
    assert [row.start for row in times.rows] == [at(22), at(23, 30), at(0, 30, NEXT), at(21, 30)]
    assert times.rows[1].end == at(0, 30, NEXT)
    assert kinds(times) == [(2, schedule.PAST_END, None), (3, schedule.BEFORE_START, None),
                            (3, schedule.OUT_OF_ORDER, 2)]
    assert schedule.clock_text(times.findings[0].at, times.day) == "01:15 (+1)"


def test_an_item_far_from_an_overnight_stop_goes_to_the_nearer_day():
    times = schedule.agenda(stop(start=(22,), end=(1,), agenda=[((2,), None), ((20,), None)]))
    assert [row.start for row in times.rows] == [at(2, day=NEXT), at(20)]


def test_an_undated_stop_is_still_checked():
    times = schedule.agenda(stop(date=None, start=(10,), end=(11,), agenda=[((10, 30), 45)]))
    assert kinds(times) == [(0, schedule.PAST_END, None)]
    assert schedule.clock_text(times.findings[0].at, times.day) == "11:15"


def test_clock_text_marks_other_days():
    assert schedule.clock_text(at(1, day=NEXT), DAY) == "01:00 (+1)"
    assert schedule.clock_text(at(23), NEXT) == "23:00 (-1)"
    assert schedule.clock_text(at(9, 5), DAY) == "09:05"


# -- the checks say what the schedule says ------------------------------------------------------


@pytest.mark.parametrize("case", [
    dict(agenda=[((10,), 60), ((10, 30), None), ((10, 45), None)]),
    dict(start=(22,), end=(1,), agenda=[((22,), 90), ((23, 30), 60), ((0, 30), 45), ((21, 30), None)]),
    dict(start=(10,), end=(12,), agenda=[((9, 30), 20), ((11, 30), 45), ((12, 30), None)]),
])
def test_validate_reports_each_finding_on_its_row(case):
    s = stop(**case)
    found = time_warnings(trip(s))
    expected = schedule.agenda(s).findings
    assert len(found) == len(expected)
    for (path, message), finding in zip(found, sorted(expected, key=lambda f: f.row), strict=True):
        assert path.startswith(f"stops[0].agenda[{finding.row}].")
        assert schedule.clock_text(finding.limit, DAY) in message


def test_validate_messages_for_an_overnight_agenda():
    s = stop(start=(22,), end=(1,), agenda=[((23, 30), 60), ((0, 15), 60)])
    assert time_warnings(trip(s)) == [
        ("stops[0].agenda[1].time", "starts at 00:15 (+1) while row 1 runs until 00:30 (+1); the items overlap"),
        ("stops[0].agenda[1].minutes", "runs until 01:15 (+1), past the stop's end at 01:00 (+1)"),
    ]


def test_validate_names_the_start_of_an_item_without_length_past_the_end():
    s = stop(start=(10,), end=(12,), agenda=[((12, 30), None)])
    assert time_warnings(trip(s)) == [
        ("stops[0].agenda[0].time", "starts at 12:30, after the stop's end at 12:00")]


def test_stop_order_uses_the_same_start():
    first = stop(start=(10,), tz="Europe/Madrid")
    second = stop(start=(9,), tz="Europe/Madrid")
    assert [p.path for p in validate(trip(first, second))] == ["stops[1].date"]


def test_the_book_prints_agenda_items_on_the_schedule_s_days():
    s = stop(start=(22,), end=(1,), agenda=[((23, 30), 60), ((0, 15), None)])
    (first_start, first_end), (second_start, second_end) = timeline.agenda_times(trip(s), s)
    assert (first_start.local, first_end.local) == (at(23, 30), at(0, 30, NEXT))
    assert second_start.local == at(0, 15, NEXT) and second_end is None
    assert second_start.home == at(8, 15, NEXT)  # Seoul, eight hours ahead
    assert timeline.agenda_times(trip(), stop(date=None, agenda=[((10,), 5)])) == [(None, None)]


def test_a_stop_running_long_past_midnight_is_a_warning_naming_both_times():
    long = stop(start=(10, 0), end=(1, 0))
    assert schedule.long_overnight(long) == dt.timedelta(hours=15)
    (p,) = [p for p in validate(trip(long)) if p.path == "stops[0].end"]
    assert not p.is_error
    assert p.describe("ko") == ("끝나는 시각(01:00)이 시작 시각(10:00)보다 이릅니다: 다음 날 01:00까지"
                                " 15시간입니다. 맞는지 확인하십시오.")
    half = stop(start=(10, 0), end=(1, 30))
    assert "15 hours 30 minutes" in [p.message for p in validate(trip(half))
                                     if p.path == "stops[0].end"][0]


def test_an_evening_reception_past_midnight_is_no_warning():
    reception = stop(start=(19, 0), end=(1, 0))
    assert schedule.long_overnight(reception) is None
    assert [p for p in validate(trip(reception)) if p.path == "stops[0].end"] == []
