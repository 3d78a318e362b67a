"""The schedule as an iCalendar file: every stop, leg and stay, in UTC, readable by calendars."""

import datetime as dt
import subprocess
import sys

from briefing import calendar, model


def events(text: str) -> list[dict]:
    unfolded = text.replace("\r\n ", "")
    out, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None and line:
            name, _, value = line.partition(":")
            current[name] = value
    return out


def test_example_calendar(example_trip):
    text = calendar.dumps(example_trip)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    found = events(text)
    assert len(found) == len(example_trip.stops) + len(example_trip.travel) + len(example_trip.stays)
    mwc = found[0]
    assert mwc["SUMMARY"] == example_trip.stops[0].title
    # 10:00 in Madrid (UTC+1 in February) is 09:00 UTC
    assert mwc["DTSTART"] == "20230227T090000Z"
    assert "CLASS" in mwc  # the trip is marked 대외비
    assert calendar.dumps(example_trip) == text  # same trip, same bytes


def test_overnight_flight_and_stay_dates():
    trip = model.Trip(info=model.TripInfo(title="t", start=dt.date(2023, 3, 4)))
    trip.travel.append(model.TravelLeg(
        origin="FRA", destination="ICN", depart=dt.datetime(2023, 3, 4, 17, 30),
        depart_timezone="Europe/Berlin", arrive=dt.datetime(2023, 3, 5, 14, 30)))
    trip.stays.append(model.Stay(name="호텔", check_in=dt.date(2023, 2, 26), check_out=dt.date(2023, 3, 1)))
    leg, stay = events(calendar.dumps(trip))
    assert (leg["DTSTART"], leg["DTEND"]) == ("20230304T163000Z", "20230305T053000Z")
    assert stay["DTSTART;VALUE=DATE"] == "20230226" and stay["DTEND;VALUE=DATE"] == "20230301"


def test_text_is_escaped():
    trip = model.Trip(info=model.TripInfo(title="t"))
    trip.stops.append(model.Stop(title="a, b; c\\d", date=dt.date(2023, 1, 1), purpose="줄1\n줄2"))
    (event,) = events(calendar.dumps(trip))
    assert event["SUMMARY"] == "a\\, b\\; c\\\\d"
    assert event["DESCRIPTION"] == "줄1\\n줄2"


def test_cli_calendar(tmp_path, example_path):
    out = subprocess.run([sys.executable, "-m", "briefing", "calendar", str(example_path)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "example.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") > 5
