"""Times and dates read the way people type them (briefing.clock), and nothing else."""

import datetime as dt

import pytest

from briefing.rules import clock

TRIP_START = dt.date(2023, 2, 26)


@pytest.mark.parametrize("typed, meant", [
    ("1245", dt.time(12, 45)), ("12.45", dt.time(12, 45)), ("12:45", dt.time(12, 45)),
    ("9:5", dt.time(9, 5)), ("930", dt.time(9, 30)), ("0930", dt.time(9, 30)), ("9", dt.time(9)),
    ("00:00", dt.time(0)), ("23:59", dt.time(23, 59)), (" 7.05 ", dt.time(7, 5)),
    ("１２：４５", dt.time(12, 45)), ("12:30:15", dt.time(12, 30, 15)),
])
def test_times_as_people_type_them(typed, meant):
    assert clock.read_time(typed) == meant


@pytest.mark.parametrize("typed", ["", "12:", ":45", "24:00", "12:60", "2460", "12345", "1:2:3:4",
                                   "12,45", "noon", "12:45 pm"])
def test_anything_else_is_refused_with_a_reason(typed):
    with pytest.raises(ValueError) as e:
        clock.read_time(typed)
    assert "12:45" in str(e.value.args[0]) or "00:00" in str(e.value.args[0])


@pytest.mark.parametrize("typed, meant", [
    ("2023-02-27", dt.date(2023, 2, 27)), ("2023.2.27", dt.date(2023, 2, 27)),
    ("2023. 2. 27.", dt.date(2023, 2, 27)), ("2023/2/27", dt.date(2023, 2, 27)),
    ("20230227", dt.date(2023, 2, 27)), ("2/27", dt.date(2023, 2, 27)), ("2.27", dt.date(2023, 2, 27)),
    ("3-5", dt.date(2023, 3, 5)),
])
def test_dates_as_people_type_them(typed, meant):
    assert clock.read_date(typed, TRIP_START) == meant


def test_a_month_and_day_take_the_year_nearest_the_trip():
    assert clock.read_date("1/2", dt.date(2023, 12, 28)) == dt.date(2024, 1, 2)
    assert clock.read_date("12/30", dt.date(2024, 1, 2)) == dt.date(2023, 12, 30)


@pytest.mark.parametrize("typed, near", [
    ("27/2/2023", TRIP_START), ("2/27/23", TRIP_START), ("23.2.27", TRIP_START),  # which is the day?
    ("2/30", TRIP_START), ("2023-13-01", TRIP_START), ("0001-01-01", TRIP_START), ("tomorrow", TRIP_START),
    ("2/27", None),  # no trip year to put it in
])
def test_dates_that_could_mean_two_things_or_nothing_are_refused(typed, near):
    with pytest.raises(ValueError):
        clock.read_date(typed, near)


@pytest.mark.parametrize("typed, meant", [
    ("2023-02-27 09:30", dt.datetime(2023, 2, 27, 9, 30)), ("2/27 930", dt.datetime(2023, 2, 27, 9, 30)),
    ("2023.2.27 12.45", dt.datetime(2023, 2, 27, 12, 45)), ("2023. 2. 27. 1245", dt.datetime(2023, 2, 27, 12, 45)),
    ("2023-02-27T09:30", dt.datetime(2023, 2, 27, 9, 30)),
])
def test_a_date_and_a_time(typed, meant):
    assert clock.read_datetime(typed, TRIP_START) == meant


@pytest.mark.parametrize("typed", ["2023-02-27", "930", "2/27 25:00", "2/27 9:30 x"])
def test_a_date_and_time_needs_both(typed):
    with pytest.raises(ValueError):
        clock.read_datetime(typed, TRIP_START)
