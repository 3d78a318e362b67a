"""The book after a principal's second reading (issue 21), read back from the PDF: day sheets that
carry the `--since` marks with the changes page's own words and name their day atop every page,
days in the contents, pages in the visit summary, a day in the air said so, the aides on duty
among the day's contacts, times never broken, talking points never split mid-sentence and their
cautions apart, key messages kept with their stop, and the terms staff write (issue 23)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import stop as stop_pages
from briefing.book import styles as st
from briefing.book.build import render
from briefing.book.flowables import KeepHead, Panel
from briefing.trip.model import (
    AgendaItem,
    Person,
    Stop,
    TalkingPoint,
    TravelLeg,
    Trip,
    TripInfo,
)


def pages_of(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def example() -> Trip:
    return briefing.load(package_data.example_path())


@pytest.fixture(scope="module")
def since_book(example):
    """The example after a late round of edits: a lunch moved 13:00→13:10, a 17:00 meeting and
    a stop added; the book compared with the version before."""
    new = copy.deepcopy(example)
    lunch = next(a for a in new.stops[2].agenda if a.item.startswith("오찬"))
    lunch.time = dt.time(13, 10)
    new.stops[0].agenda.append(AgendaItem(time=dt.time(17), minutes=30, item="GSMA 사무총장 면담",
                                          lead="mayor"))
    new.stops.insert(2, Stop(
        title="바르셀로나 한인회 간담회", kind="meeting", city="바르셀로나", country="스페인",
        timezone="Europe/Madrid", date=dt.date(2023, 2, 28), start=dt.time(18),
        end=dt.time(19, 30)))
    new.info.version = "4"
    data, result = render(new, since=example)
    return pages_of(data), result


def day_of_page(result, page: int) -> int | None:
    """The day whose sheet is on `page` (from 1), by the sheets' bookmarks."""
    starts = sorted((p, int(k[3:])) for k, p in result.bookmarks.items()
                    if re.fullmatch(r"day\d+", k))
    if not starts or page < starts[0][0] or page >= result.bookmarks["delegation"]:
        return None
    return max(n for p, n in starts if p <= page)


def sheet_text(pages, result, number: int) -> str:
    return "\n".join(t for i, t in enumerate(pages, 1) if day_of_page(result, i) == number)


# -- the day sheets of a --since book -------------------------------------------------------------


def test_day_sheets_carry_the_change_marks_with_the_changes_page_words(since_book):
    pages, result = since_book
    assert "GSMA 사무총장 면담 추가" in sheet_text(pages, result, 2)
    assert "바르셀로나 한인회 간담회 추가" in sheet_text(pages, result, 3)
    assert "오찬 — 헤로나 미식 체험 변경" in sheet_text(pages, result, 4)
    # The bar beside each marked row is drawn on the day sheet (its own bookmark) while the
    # changes page still points to the stop's page.
    marked = {k: p for k, p in result.bookmarks.items() if k.endswith(".day")}
    assert len(marked) == 3
    assert all(day_of_page(result, p) for p in marked.values())
    for key in marked:
        assert result.bookmarks[key.removesuffix(".day")] >= result.bookmarks["stop1"]


def test_an_added_stop_is_tagged_added_everywhere(since_book):
    pages, result = since_book
    stop = pages[result.bookmarks["stop3"] - 1]
    assert re.search(r"^3\. 바르셀로나 한인회 간담회 추가$", stop, re.M)
    assert "바르셀로나 한인회 간담회 변경" not in "\n".join(pages)


def test_every_page_of_a_day_sheet_names_its_day_in_the_running_head(since_book):
    pages, result = since_book
    seen = set()
    for number, text in enumerate(pages, 1):
        day = day_of_page(result, number)
        if day is None or number == result.bookmarks["itinerary"]:
            continue
        seen.add(number)
        assert re.search(rf"^일정표 · {day}일차 · 2023\. ", text, re.M), (number, day)
    # a sheet that runs over a page (4일차) names its day on the next one too
    assert any(day_of_page(result, n - 1) == day_of_page(result, n) for n in seen)


def test_the_contents_list_the_days_and_each_day_starts_a_page(since_book):
    pages, result = since_book
    contents = pages[1]
    lines = [ln.strip() for ln in contents.splitlines()]
    at = lines.index("일정표")
    for n in range(1, 9):
        assert re.match(rf"{n}일차 · 2023\. ", lines[at + 2 * n]), lines[at:at + 18]
        assert lines[at + 2 * n + 1] == str(result.bookmarks[f"day{n}"])
    assert result.bookmarks["delegation"] > result.bookmarks["day8"]


def test_the_visit_summary_gives_each_stop_its_page(since_book):
    pages, result = since_book
    overview = pages[result.bookmarks["overview"] - 1].split("방문 일정 요약", 1)[1]
    lines = [ln.strip() for ln in overview.splitlines()]
    for i in range(1, 7):
        page = str(result.bookmarks[f"stop{i}"])
        row = lines[lines.index(str(i), 3):]
        assert page in row[:7], (i, row[:7])


def test_the_aides_on_duty_are_among_the_day_contacts_not_the_principal(since_book, example):
    pages, result = since_book
    day2 = sheet_text(pages, result, 2)
    for person in example.delegation[1:]:
        assert person.phone in day2
    assert example.delegation[0].phone not in day2
    assert "기관·성명" in day2


def test_time_ranges_break_only_between_their_times(since_book):
    pages, result = since_book
    for number, text in enumerate(pages, 1):  # day sheets and stop pages alike
        for line in text.splitlines():
            assert not line.strip().startswith("(+1)"), (number, line)
    day3 = sheet_text(pages, result, 3)
    assert re.search(r"^02:00 \(\+1\)~$", day3, re.M) and "18:00~19:30" in day3


# -- days, contacts and words ---------------------------------------------------------------------


def test_a_day_in_the_air_says_so_with_its_leg():
    trip = Trip(
        info=TripInfo(title="LA trip", start=dt.date(2024, 5, 10), end=dt.date(2024, 5, 14),
                      language="en"),
        stops=[Stop(title="Port visit", city="Los Angeles", timezone="America/Los_Angeles",
                    date=dt.date(2024, 5, 11), start=dt.time(9), end=dt.time(11))],
        travel=[TravelLeg(mode="flight", carrier="KE", number="KE0012", origin="Los Angeles (LAX)",
                          destination="Incheon (ICN)", depart=dt.datetime(2024, 5, 12, 23, 30),
                          depart_timezone="America/Los_Angeles",
                          arrive=dt.datetime(2024, 5, 14, 5, 0), arrive_timezone="Asia/Seoul")])
    data, result = render(trip)
    pages = pages_of(data)
    day4 = "\n".join(pages[result.bookmarks["day4"] - 1:result.bookmarks["day5"] - 1])
    assert "On board (crossing the date line)" in day4
    assert "Los Angeles (LAX) → Incheon (ICN)" in day4 and "No events planned" not in day4


def home_trip(**info) -> Trip:
    return Trip(
        info=TripInfo(title="Busan", start=dt.date(2024, 5, 10), end=dt.date(2024, 5, 10),
                      language="en", **info),
        delegation=[Person(id="mayor", name="Mayor Kim"), Person(id="aide", name="Lee")],
        stops=[Stop(title="Port visit", kind="visit", host="Busan Port Authority", city="Busan",
                    date=dt.date(2024, 5, 10), start=dt.time(9), end=dt.time(11),
                    talking_points=[TalkingPoint(text=f"Message {n}.", speaker="mayor", key=True)
                                    for n in range(3)])])


def test_a_home_country_trip_has_no_home_time_column_and_headers_stay_whole():
    data, _ = render(home_trip())
    text = "\n".join(pages_of(data))
    assert "Seoul time" not in text
    assert re.search(r"^Contact$", text, re.M)  # nobody has one: the header is not "Conta/ct"
    assert "Port visit" in text and "(Visit)" not in text and "· Visit ·" not in text
    assert re.search(r"^Host$", text, re.M)


def test_the_key_messages_page_names_the_speaker_once_per_stop(example):
    data, result = render(example)
    page = pages_of(data)[result.bookmarks["key_messages"] - 1]
    stops = sum(1 for s in example.stops if any(p.key for p in s.talking_points))
    assert page.count("— 이동환 시장") == stops


def test_scripts_the_font_lacks_are_told_with_where():
    trip = home_trip()
    trip.stops[0].title = "زيارة الميناء"
    trip.stops[0].talking_points[1].text = "שלום"
    _, result = render(trip)
    arabic = next(n for n in result.notices if "Arabic" in n)
    assert "Stop 1" in arabic or "1." in arabic
    assert any("Hebrew" in n and "alking" in n for n in result.notices)


def test_book_terms_as_staff_write_them(since_book, example):
    pages, result = since_book
    text = "\n".join(pages)
    assert "※ 시차: 서울보다 8시간 늦음" in sheet_text(pages, result, 1)
    assert re.search(r"^주최$", pages[result.bookmarks["stop1"] - 1], re.M)  # an exhibition
    assert re.search(r"^방문 기관$", pages[result.bookmarks["stop4"] - 1], re.M)  # a city hall
    assert "바르셀로나 액티바(Barcelona Activa) 방문\n방문" not in text
    assert "10:00~17:00" in pages[result.bookmarks["stop1"] - 1]
    changes = pages[result.bookmarks["changes"] - 1]
    assert "변경 전" in changes and "변경 후" in changes
    night = copy.deepcopy(example)
    leg = night.travel[-1]
    assert leg.mode == "flight"
    data, result = render(night)
    day7 = "\n".join(pages_of(data)[result.bookmarks["day7"] - 1:result.bookmarks["day8"] - 1])
    assert f"숙박: 기내 1박({leg.carrier} {leg.number}편)" in day7


def test_a_personal_copy_calls_the_readers_caution_theirs(example):
    data, _ = render(example, reader="strategy_head")
    text = "\n".join(pages_of(data))
    assert "※ 내부 참고 — 발언하지 않음 홍길동 전략산업과장 (예시 인물) ▶ 본인 발언" in text
    assert "내 발언" not in text


# -- talking points on the page -------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("edition", ["full", "handout"])
def test_no_talking_point_splits_mid_sentence(example, paper, edition):
    data, result = render(example, paper=paper, edition=edition)
    pages = [squeeze(t) for t in pages_of(data)]
    full = edition == "full"
    for stop in example.stops:
        points = [p for p in stop.talking_points if full or not p.internal]
        for point in points:
            text = squeeze(point.text)
            assert any(text in page for page in pages), (paper, edition, point.text[:30])
        if full:  # a caution is on the page of the point it qualifies
            for before, point in zip(points, points[1:], strict=False):
                if point.internal and not before.internal:
                    assert any(squeeze(before.text)[-20:] in page and squeeze(point.text) in page
                               for page in pages), point.text[:30]


def test_a_caution_is_its_own_block_under_its_point(example):
    from briefing.book.build import context, fonts_for
    from briefing.book.document import text_width

    ctx = context(example, "full", fonts_for(None), text_width("a4"))
    stop = next(s for s in example.stops if any(p.internal for p in s.talking_points))
    flow = stop_pages._talking_points(ctx, stop, stop_pages._Marks(ctx, 0))
    groups = [f for f in flow if isinstance(f, KeepHead)]
    assert groups, "the point and its caution do not move together"
    for group in groups:
        point, *rest = [f for f in group.content if isinstance(f, Panel)]
        assert point.bar is not st.MARKING
        assert all(not isinstance(f, Panel) or f.fill is not st.CAUTION_TINT
                   for f in point.content), "the caution is drawn inside the point's bar"
        assert rest and all(c.fill is st.CAUTION_TINT for c in rest)


def test_a_letter_handout_keeps_each_stops_key_messages_together(example):
    data, result = render(example, paper="letter", edition="handout")
    pages = [squeeze(t) for t in pages_of(data)]
    first = result.bookmarks["key_messages"] - 1
    for i, stop in enumerate(example.stops):
        keys = [squeeze(p.text) for p in stop.talking_points if p.key and not p.internal]
        if keys:
            title = squeeze(f"{i + 1}. {stop.title}")
            assert any(title in page and all(k in page for k in keys)
                       for page in pages[first:first + 3]), stop.title


def test_a_point_longer_than_a_page_breaks_between_paragraphs_marked_continued():
    paragraphs = [f"Paragraph {n}: " + " ".join(["the delegation will say this sentence."] * 40)
                  for n in range(6)]
    trip = home_trip()
    trip.stops[0].talking_points = [TalkingPoint(text="\n\n".join(paragraphs), speaker="mayor")]
    data, result = render(trip, edition="handout")
    pages = pages_of(data)
    flat = [squeeze(t) for t in pages]
    for paragraph in paragraphs:
        assert any(squeeze(paragraph) in page for page in flat), paragraph[:12]
    carried = [t for t in pages[result.bookmarks["stop1"]:] if "Paragraph" in t]
    assert carried and all("Talking points (continued)" in t for t in carried)
