"""The day sheets, read back from the PDF: a sheet for every calendar day (empty days too), the
clocks-change notice on the right day (daylight saving, the date line), each day's zone named
after the city the delegation is in, stop rows that print their stop's page; tables that never
split a phone number, an e-mail address or a booking reference; hard-wrapped text as one
paragraph."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book.build import render
from briefing.rules import days, schedule
from briefing.trip.model import Contact, Person, Stay, Stop, TravelLeg, Trip, TripInfo

SF = "America/Los_Angeles"


def us_trip() -> Trip:
    """Seoul to San Francisco over the date line, across the start of daylight saving
    (2024-03-10 02:00), with two days without events."""
    return Trip(
        info=TripInfo(title="US trip", start=dt.date(2024, 3, 7), end=dt.date(2024, 3, 13),
                      language="en"),
        delegation=[Person(id="mayor", name="Mayor Kim", phone="+82 10 0000 0000 0000 0001",
                           email="the.mayor.of.a.city.with.a.long.name@city.example.org")],
        stops=[
            Stop(title="City Hall visit", city="San Francisco", country="USA", timezone=SF,
                 date=dt.date(2024, 3, 8), start=dt.time(10), end=dt.time(11),
                 background="This background was typed with a hard wrap in the\n"
                            "middle of a sentence that goes on.\n\nA second paragraph."),
            Stop(title="Port visit", city="San Francisco", country="USA", timezone=SF,
                 date=dt.date(2024, 3, 11), start=dt.time(9), end=dt.time(12),
                 logistics="- 08:15 lobby call, van to the port\n- bring passports"),
        ],
        travel=[
            TravelLeg(mode="flight", carrier="Air", number="XX1", origin="Incheon (ICN)",
                      destination="San Francisco (SFO)", depart=dt.datetime(2024, 3, 7, 18),
                      depart_timezone="Asia/Seoul", arrive=dt.datetime(2024, 3, 7, 11),
                      arrive_timezone=SF, reference="ABCD EFGH 1234 5678 90"),
            TravelLeg(mode="flight", carrier="Air", number="XX2", origin="San Francisco (SFO)",
                      destination="Incheon (ICN)", depart=dt.datetime(2024, 3, 12, 12),
                      depart_timezone=SF, arrive=dt.datetime(2024, 3, 13, 17),
                      arrive_timezone="Asia/Seoul"),
        ],
        stays=[Stay(name="Hotel Example", city="San Francisco", phone="+1 415 000 0000 0000",
                    check_in=dt.date(2024, 3, 7), check_out=dt.date(2024, 3, 12))],
        contacts=[
            Contact(name="Consulate General in San Francisco", role="consular help",
                    phone="+1 (415) 000 0000 ext. 1234",
                    email="emergencies@sf-consulate.example.org"),
            Contact(name="Home office", phone="+82 31 000 0000 0000"),
        ],
    )


@pytest.fixture(scope="module")
def us_book():
    data, result = render(us_trip(), paper="letter")
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages], result


def sheets(pages: list[str]) -> dict[str, str]:
    """Each day sheet's title and its text up to the next one (the contents, which list the
    days too, left out)."""
    whole = "\n".join(p for p in pages if not re.search(r"^(Contents|목차)$", p, re.M))
    parts = re.split(r"^(Day \d+ · \S+ \d+ \S+ \d+|\d+일차 · \S+ \S+ \S+)$", whole, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_clock_changes_of_a_zone():
    (change,) = schedule.clock_changes(SF, dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert change.at == dt.datetime(2024, 3, 10, 2) and change.shift == dt.timedelta(hours=1)
    assert change.notice_day == dt.date(2024, 3, 9)  # 02:00 is that night's
    assert schedule.clock_changes("Asia/Seoul", dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == []
    assert schedule.crosses_date_line(schedule.leg_clock_shift(us_trip(), us_trip().travel[0]))


def test_every_calendar_day_has_a_sheet_empty_days_included(us_book):
    titles = list(sheets(us_book[0]))
    assert titles == [f"Day {n} · {d}" for n, d in enumerate(
        ["Thu 7 Mar 2024", "Fri 8 Mar 2024", "Sat 9 Mar 2024", "Sun 10 Mar 2024",
         "Mon 11 Mar 2024", "Tue 12 Mar 2024", "Wed 13 Mar 2024"], 1)]
    assert "No events planned" in sheets(us_book[0])["Day 3 · Sat 9 Mar 2024"]
    assert [d.date for d in days.trip_days(us_trip())] == [
        dt.date(2024, 3, 7) + dt.timedelta(days=n) for n in range(7)]


def test_the_clocks_change_notice_is_on_the_night_they_change(us_book):
    found = {t: "Clocks go forward 1 hour tonight" in body
             for t, body in sheets(us_book[0]).items()}
    assert found == {t: t.startswith("Day 3 ") for t in found}
    day3 = sheets(us_book[0])["Day 3 · Sat 9 Mar 2024"]
    assert "Sun 10 Mar 02:00 → 03:00 (UTC-7)" in day3


def test_the_date_line_crossing_is_told_on_its_day(us_book):
    texts = sheets(us_book[0])
    day1 = texts["Day 1 · Thu 7 Mar 2024"]
    assert "Clocks go back 17 hours on arrival in San Francisco" in day1
    assert "Crossing the date line: arrival Thu 7 Mar" in day1
    day6 = texts["Day 6 · Tue 12 Mar 2024"]
    assert "Clocks go forward 16 hours on arrival in Incheon (ICN)" in day6
    assert sum("Crossing the date line" in body for body in texts.values()) == 2


def test_each_day_is_named_after_the_city_not_the_zone_database(us_book):
    for title, body in sheets(us_book[0]).items():
        assert "Los Angeles" not in body, title
    assert "Local: San Francisco (UTC-8)" in sheets(us_book[0])["Day 2 · Fri 8 Mar 2024"]
    assert "Local: San Francisco (UTC-7)" in sheets(us_book[0])["Day 5 · Mon 11 Mar 2024"]


def test_a_day_lists_its_lobby_call_its_hotel_and_its_contacts(us_book):
    day5 = sheets(us_book[0])["Day 5 · Mon 11 Mar 2024"]
    assert re.search(r"^08:15$", day5, re.M) and "lobby call, van to the port" in day5
    assert "bring passports" not in day5  # no time: not a line of the day
    assert "Overnight: Hotel Example" in day5
    assert "Consulate General in San Francisco" in day5 and "Home office" in day5
    assert "Overnight" not in sheets(us_book[0])["Day 7 · Wed 13 Mar 2024"]


def test_a_stop_row_prints_the_page_of_its_stop(us_book):
    pages, result = us_book
    for i, title in enumerate(("City Hall visit", "Port visit")):
        page = result.bookmarks[f"stop{i + 1}"]
        sheet = next(p for p in pages if "Local time" in p and title in p)
        after = sheet.split(title, 1)[1].splitlines()
        assert str(page) in after[:4], (title, page, after[:4])


def test_phone_numbers_emails_and_references_are_never_split(us_book):
    lines = {ln.strip() for p in us_book[0] for ln in p.splitlines()}
    trip = us_trip()
    whole = [trip.delegation[0].phone, trip.delegation[0].email, trip.stays[0].phone,
             *(c.phone for c in trip.contacts), *(c.email for c in trip.contacts if c.email)]
    for value in whole:
        assert value in lines, f"{value!r} is broken over lines"
    assert any(trip.travel[0].reference in ln for ln in lines)


def test_a_hard_wrapped_paragraph_prints_as_one(us_book):
    text = "\n".join(us_book[0])
    # The line break typed after "the" is a space: the sentence is one short line.
    assert "typed with a hard wrap in the middle of a sentence that goes on." in text
    assert "A second paragraph." in text


def test_the_example_has_a_sheet_for_each_of_its_eight_days():
    trip = briefing.load(package_data.example_path())
    data, _ = render(trip)
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    titles = list(sheets(pages))
    assert [t.split(" · ")[0] for t in titles] == [f"{n}일차" for n in range(1, 9)]
    assert "프랑크푸르트 도착 시 시계가 8시간 늦어짐" in sheets(pages)[titles[0]]
    lines = {ln.strip() for p in pages for ln in p.splitlines()}
    for contact in trip.contacts:
        assert contact.phone in lines and (not contact.email or contact.email in lines)
