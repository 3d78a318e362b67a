"""The schedule as an iCalendar file, read back with the icalendar package: events in their own
time zones, overnight stops ending the next day, UIDs that survive reordering, personal calendars,
no control characters, and the same bytes for the same trip."""

import datetime as dt
import os
import zoneinfo

import icalendar

from briefing import calendar
from briefing.trip import model

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")


def read(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> list[icalendar.Event]:
    return read(text).walk("VEVENT")


def by_title(text: str) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in events(text)}


def tzid(event: icalendar.Event, name: str = "DTSTART") -> str:
    return event[name].params.get("TZID", "")


def one_stop_trip(**fields) -> model.Trip:
    stop = model.Stop(title="Visit", date=dt.date(2023, 2, 27), timezone="Europe/Madrid")
    for name, value in fields.items():
        setattr(stop, name, value)
    return model.Trip(info=model.TripInfo(title="t", start=dt.date(2023, 2, 26)), stops=[stop])


def test_example_calendar_in_local_time_with_its_zones(example_trip):
    text = calendar.dumps(example_trip)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = read(text)
    found = cal.walk("VEVENT")
    trip = example_trip
    assert len(found) == len(trip.stops) + len(trip.travel) + len(trip.stays)
    mwc = by_title(text)[trip.stops[0].title]
    assert "DTSTART;TZID=Europe/Madrid:20230227T100000" in text
    assert tzid(mwc) == "Europe/Madrid" and mwc.start == dt.datetime(2023, 2, 27, 10, tzinfo=MADRID)
    assert mwc.start.utcoffset() == dt.timedelta(hours=1)
    assert str(mwc["CLASS"]) == "CONFIDENTIAL"  # the trip is marked 대외비
    used = {tzid(e, name) for e in found for name in ("DTSTART", "DTEND")} - {""}
    assert used == {"Asia/Seoul", "Europe/Madrid", "Europe/Berlin"}
    assert sorted(str(z["TZID"]) for z in cal.walk("VTIMEZONE")) == sorted(used)
    assert calendar.dumps(example_trip) == text  # same trip, same bytes


def test_same_bytes_in_another_process(example_path, cli, tmp_path):
    """Whatever order a process happens to keep sets in, the file is the same."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.ics"
        result = cli("calendar", example_path, "-o", out,
                     env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_an_overnight_stop_ends_the_next_day():
    trip = one_stop_trip(start=dt.time(22), end=dt.time(1))
    (event,) = events(calendar.dumps(trip))
    assert event.start == dt.datetime(2023, 2, 27, 22, tzinfo=MADRID)
    assert event.end == dt.datetime(2023, 2, 28, 1, tzinfo=MADRID)
    assert tzid(event, "DTEND") == "Europe/Madrid"


def test_overnight_agenda_items_say_their_day():
    trip = one_stop_trip(start=dt.time(22), end=dt.time(1), agenda=[
        model.AgendaItem(time=dt.time(22), item="Dinner"),
        model.AgendaItem(time=dt.time(0, 30), item="Fireworks")])
    (event,) = events(calendar.dumps(trip))
    assert str(event["DESCRIPTION"]).splitlines() == ["22:00 Dinner", "00:30 (+1) Fireworks"]


def test_stops_without_an_end_or_a_start():
    trip = one_stop_trip(start=dt.time(10), end=dt.time(10))  # the same time is no end
    (event,) = events(calendar.dumps(trip))
    assert event.end - event.start == dt.timedelta(hours=1)
    (event,) = events(calendar.dumps(one_stop_trip()))  # a day, no time: all day
    assert (event.start, event.end) == (dt.date(2023, 2, 27), dt.date(2023, 2, 28))


def test_overnight_flight_starts_and_ends_in_its_own_zones_and_stays_are_all_day():
    trip = model.Trip(info=model.TripInfo(title="t", start=dt.date(2023, 3, 4)))
    trip.travel.append(model.TravelLeg(
        origin="FRA", destination="ICN", depart=dt.datetime(2023, 3, 4, 17, 30),
        depart_timezone="Europe/Berlin", arrive=dt.datetime(2023, 3, 5, 14, 30)))
    trip.stays.append(model.Stay(name="호텔", check_in=dt.date(2023, 2, 26), check_out=dt.date(2023, 3, 1)))
    text = calendar.dumps(trip)
    leg, stay = events(text)
    assert (tzid(leg), tzid(leg, "DTEND")) == ("Europe/Berlin", "Asia/Seoul")  # home by default
    assert leg.start.astimezone(dt.UTC) == dt.datetime(2023, 3, 4, 16, 30, tzinfo=dt.UTC)
    assert leg.end.astimezone(dt.UTC) == dt.datetime(2023, 3, 5, 5, 30, tzinfo=dt.UTC)
    assert (stay.start, stay.end) == (dt.date(2023, 2, 26), dt.date(2023, 3, 1))
    assert "DTSTART;VALUE=DATE:20230226" in text


def test_uids_follow_the_event_not_its_position(example_trip):
    def uids(trip):
        return {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar.dumps(trip))}

    before = uids(example_trip)
    assert len(set(before.values())) == len(before)
    example_trip.stops.insert(0, model.Stop(title="New first stop", date=dt.date(2023, 2, 26)))
    example_trip.stops.reverse()
    example_trip.travel.reverse()
    example_trip.stays.pop(0)
    after = uids(example_trip)
    assert {k: after[k] for k in before if k in after} == {k: v for k, v in before.items() if k in after}
    assert after["New first stop"] not in before.values()


def test_exact_duplicates_get_their_own_uids():
    trip = one_stop_trip(start=dt.time(10))
    trip.stops.append(model.Stop(title="Visit", date=dt.date(2023, 2, 27), start=dt.time(15)))
    first, second = (str(e["UID"]) for e in events(calendar.dumps(trip)))
    assert first != second
    assert str(events(calendar.dumps(one_stop_trip(start=dt.time(10))))[0]["UID"]) == first


def test_text_is_escaped_and_reads_back_the_same():
    trip = one_stop_trip(title="a, b; c\\d", purpose="줄1\n줄2")
    text = calendar.dumps(trip)
    assert "SUMMARY:a\\, b\\; c\\\\d" in text
    (event,) = events(text)
    assert str(event["SUMMARY"]) == "a, b; c\\d"
    assert str(event["DESCRIPTION"]) == "줄1\n줄2"


def test_control_characters_never_reach_the_ics():
    trip = one_stop_trip(title="MWC\x00 \x1b[31m2023\x07\x7f", purpose="a\r\nb\x1bc\x85",
                         venue="Fira\x0c Gran Via", start=dt.time(10))
    trip.info.title = "출장\x1b]0;pwned\x07"
    text = calendar.dumps(trip)
    assert not any(c in text for c in "\x00\x07\x0c\x1b\x7f\x85")
    assert all(ord(c) >= 0x20 for line in text.split("\r\n") for c in line)
    (event,) = events(text)
    assert str(event["SUMMARY"]) == "MWC [31m2023"
    assert str(event["DESCRIPTION"]) == "a\nbc"
    assert str(read(text)["X-WR-CALNAME"]) == "출장]0;pwned"


def test_a_name_of_two_lines_is_one_line_in_the_calendar(example_trip):
    example_trip.info.title = "Goyang delegation\nMWC 2023"
    person = example_trip.delegation[0]
    person.name = "김\r\n이"
    assert str(read(calendar.dumps(example_trip))["X-WR-CALNAME"]) == "Goyang delegation MWC 2023"
    text = calendar.dumps(example_trip, reader=person.key)
    assert str(read(text)["X-WR-CALNAME"]) == "Goyang delegation MWC 2023 — 김 이"


def test_a_personal_calendar_has_the_stops_its_member_attends(example_trip):
    girona = example_trip.stops[2]
    assert "business_staff" not in girona.attendees
    example_trip.stops[0].attendees = None  # no list: everyone
    mine = by_title(calendar.dumps(example_trip, reader="business_staff"))
    everyone = by_title(calendar.dumps(example_trip))
    assert set(everyone) - set(mine) == {girona.title}
    assert all(str(mine[t]["UID"]) == str(everyone[t]["UID"]) for t in mine)
    person = example_trip.person("business_staff")
    text = calendar.dumps(example_trip, reader="business_staff")
    assert person.name in str(read(text)["X-WR-CALNAME"])


def test_cli_calendar(tmp_path, example_path, cli):
    out = cli("calendar", example_path)
    assert out.returncode == 0, out.stderr
    full = (tmp_path / "example.ics").read_text(encoding="utf-8")
    assert full.count("BEGIN:VEVENT") > 5

    out = cli("calendar", example_path, "--for", "business_staff", "-o", tmp_path / "mine.ics")
    assert out.returncode == 0, out.stderr
    mine = (tmp_path / "mine.ics").read_text(encoding="utf-8")
    assert mine.count("BEGIN:VEVENT") == full.count("BEGIN:VEVENT") - 1


def test_cli_calendar_refuses_an_unknown_member_like_export(tmp_path, example_path, cli):
    out = cli("calendar", example_path, "--for", "business_staf", "-o", tmp_path / "x.ics")
    assert out.returncode == 1
    assert "did you mean ‘business_staff’?" in out.stderr
    assert not (tmp_path / "x.ics").exists()
    book = cli("export", example_path, "--for", "business_staf", "-o", tmp_path / "x.pdf")
    assert book.stderr.splitlines()[-1] == out.stderr.splitlines()[-1]
