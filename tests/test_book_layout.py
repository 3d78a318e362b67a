"""How the example book reads on the page, checked in its PDF: tables that move whole rather than
leave a row at a page foot, itinerary columns wide enough for the language, words for counts,
the day of the arrival home, local time zones named, and the document's dates."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import export_pdf
from briefing.trip.model import Person, Stop, Trip, TripInfo


@pytest.fixture(scope="module")
def trip(tmp_path_factory) -> briefing.Trip:
    target = tmp_path_factory.mktemp("example") / "example.yaml"
    target.write_bytes(package_data.example_path().read_bytes())
    return briefing.load(target)


@pytest.fixture(scope="module")
def english(trip) -> briefing.Trip:
    trip = copy.deepcopy(trip)
    trip.info.language = "en"
    return trip


def texts(path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(path).pages]


@pytest.fixture(scope="module")
def english_letter(english, tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("en") / "en.pdf"
    export_pdf(english, out, paper="letter")
    return texts(out)


@pytest.fixture(scope="module")
def korean_a4(trip, tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("ko") / "ko.pdf"
    export_pdf(trip, out)
    return texts(out)


def test_a_short_table_moves_whole_with_its_heading(english, english_letter):
    pages = [t for t in english_letter if "Title and organization" in t]
    assert len(pages) == 1, "the delegation table is split over pages"
    assert "Delegation" in pages[0]
    for person in english.delegation:
        assert person.name in pages[0]


def test_english_itinerary_times_stay_on_one_line(english_letter):
    whole = "\n".join(english_letter)
    # A time with its day shift and label is one line in its column, not three or four.
    assert re.search(r"^01:45 \(\+1\) Departs$", whole, re.M)
    assert re.search(r"^03:55 \(\+1\) Arrives$", whole, re.M)
    assert re.search(r"^18:00–01:00 \(\+1\)$", whole, re.M)


def trip_of_days(days: int, people: int) -> briefing.Trip:
    """A trip whose itinerary (one visit a day) pushes the delegation table down the page."""
    start = dt.date(2026, 5, 1)
    return Trip(
        info=TripInfo(title="Test", start=start, end=start + dt.timedelta(days=days),
                      language="en"),
        delegation=[Person(id=f"p{i}", name=f"Person {i}", title="Officer", organization="City",
                           role="Delegate", email=f"p{i}@example.org") for i in range(people)],
        stops=[Stop(title=f"Visit {d}", date=start + dt.timedelta(days=d), start=dt.time(10),
                    end=dt.time(11), timezone="Europe/Paris", city="Paris")
               for d in range(days)])


@pytest.mark.parametrize("days", range(1, 15))
def test_a_delegation_of_five_is_never_split(tmp_path, days):
    out = tmp_path / "book.pdf"
    export_pdf(trip_of_days(days, 5), out, paper="letter")
    pages = [t for t in texts(out) if "Title and organization" in t]
    assert len(pages) == 1, "the delegation table is split over pages"
    assert all(f"Person {i}" in pages[0] for i in range(5))


@pytest.mark.parametrize("days", range(1, 15))
def test_a_long_table_keeps_rows_on_both_sides_of_a_page_break(tmp_path, days):
    out = tmp_path / "book.pdf"
    export_pdf(trip_of_days(days, 9), out, paper="letter")
    pages = [t for t in texts(out) if "Title and organization" in t]
    assert all(f"Person {i}" in "".join(pages) for i in range(9))
    if len(pages) > 1:
        counts = [len(re.findall(r"Person \d", t)) for t in pages]
        assert counts[0] >= 3 and counts[-1] >= 2, counts


def test_english_counts_nights_in_singular_and_plural(english, english_letter):
    whole = "\n".join(english_letter)
    assert "night(s)" not in whole
    assert re.search(r"\b1 night\b", whole) and re.search(r"\b[23] nights\b", whole)


@pytest.mark.parametrize("book", ["korean_a4", "english_letter"])
def test_hotel_addresses_are_not_broken_over_lines(trip, book, request):
    lines = {ln.strip() for t in request.getfixturevalue(book) for ln in t.splitlines()}
    for stay in trip.stays:
        assert stay.address in lines, f"{stay.address!r} wraps in the stays table"


def itinerary_days(pages: list[str]) -> dict[str, str]:
    """Each itinerary day's title and what follows it up to the next day (or section)."""
    # From after the contents to past the itinerary (the key-messages page comes before it);
    # what follows the last day is left at the end of its text.
    whole = "\n".join(p for p in pages[2:] if not re.search(r"^(Contents|목차)$", p, re.M))
    # A day's title, not the line that says a day runs on to a page ("… (계속)")
    parts = re.split(r"^(\d+일차 · \S+ \S+ \S+|Day \d+ · \S+ \d+ \S+ \d+)$", whole, flags=re.M)
    return {title: body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_the_arrival_home_has_its_own_day(korean_a4):
    days = itinerary_days(korean_a4)
    titles = list(days)
    assert titles[-2:] == ["7일차 · 2023. 3. 4.(토)", "8일차 · 2023. 3. 5.(일)"]
    day7, day8 = list(days.values())[-2:]
    assert "프랑크푸르트 (FRA) → 인천 (ICN)" in day7 and "17:30 출발" in day7
    assert "인천 (ICN) 도착" in day8.split("대표단")[0]
    assert re.search(r"^14:30 도착$", day8, re.M)


def test_each_day_names_its_local_time_zone_after_its_cities(korean_a4, english_letter):
    days = [body.strip().splitlines()[0] for body in itinerary_days(korean_a4).values()]
    assert days[0] == "현지: 서울 (UTC+9) · 프랑크푸르트·바르셀로나 (UTC+1)"
    assert days[1] == "현지: 바르셀로나 (UTC+1)"  # not the zone database's 마드리드
    assert days[3] == "현지: 바르셀로나·헤로나·프랑크푸르트 (UTC+1)"
    assert days[-1] == "현지: 서울 (UTC+9)"
    english = [body.strip().splitlines()[0] for body in itinerary_days(english_letter).values()]
    assert english[1] == "Local: 바르셀로나 (UTC+1)"  # the city as the trip file writes it
    assert english[4] == "Local: 프랑크푸르트 (UTC+1)"
