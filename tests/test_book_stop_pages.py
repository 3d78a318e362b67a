"""The stop pages a principal reads in the car, read back from the PDF: their order, talking points
set to be read aloud, cautions apart from the spoken lines, a running head naming the stop, the
key-messages page, and the marks of what changed since an earlier version."""

import copy
import datetime as dt
import io
import re

import pypdf
import pytest

import briefing
from briefing.book import styles as st
from briefing.book.build import render


@pytest.fixture(scope="module")
def trip() -> briefing.Trip:
    from briefing import package_data

    return briefing.load(package_data.example_path())


@pytest.fixture(scope="module")
def book(trip):
    data, result = render(trip)
    return pypdf.PdfReader(io.BytesIO(data)), result


def stop_pages(book, index: int) -> list[int]:
    """The 0-based pages of stop `index` (0-based), its notes page included."""
    reader, result = book
    first = result.bookmarks[f"stop{index + 1}"]
    after = result.bookmarks.get(f"stop{index + 2}") or result.bookmarks["travel"]
    return list(range(first - 1, after - 1))


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def sized_text(page) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            out.append((text, size * abs(tm[3]) * abs(cm[3])))

    page.extract_text(visitor_text=visit)
    return out


def test_a_stop_page_runs_in_the_order_of_a_korean_briefing(book):
    reader, _ = book
    text = "\n".join(reader.pages[i].extract_text() for i in stop_pages(book, 0))
    order = ["일시", "상대측", "목적 및 기대 성과", "인물 정보", "세부 일정", "말씀자료",
             "예상 질의응답", "배경", "의전", "현장 안내", "내부 메모"]
    at = [m.start() if (m := re.search(rf"(^|\n)\s*{word}\n", text)) else -1 for word in order]
    assert -1 not in at, dict(zip(order, at, strict=True))
    assert at == sorted(at), dict(zip(order, at, strict=True))
    # The counterpart row names the first counterpart, with their title and organization.
    row = text[at[1]:text.find("\n", at[1] + len("상대측") + 2)]
    assert "Laura Martí" in text[at[1]:at[1] + 120] and "GSMA" in text[at[1]:at[1] + 120], row


def test_talking_points_are_set_to_be_read_aloud(trip, book):
    reader, _ = book
    stop = trip.stops[0]
    spoken = [p for p in stop.talking_points if not p.internal]
    pieces = [x for i in stop_pages(book, 0) for x in sized_text(reader.pages[i])]
    for point in spoken:
        # The first words of each point are set at 13 pt or more (hand-made books use 14-16).
        start = point.text.split()[0]
        sizes = [size for text, size in pieces if text.strip().startswith(start)]
        assert sizes and max(sizes) >= 13, (start, sizes)
    assert st.READ_ALOUD_SIZE >= 13
    # Seoul times under the agenda's local times ("서울" and " 18:45" come out as two pieces)
    # are 9 pt at least, no longer 7.5.
    seoul = [size for text, size in pieces if re.match(r"^ \d\d:\d\d", text)]
    assert seoul and min(seoul) >= 9, seoul


def test_an_internal_caution_is_not_numbered_among_the_spoken_points(trip, book):
    reader, _ = book
    stop = trip.stops[0]
    caution = next(p for p in stop.talking_points if p.internal)
    spoken = [p for p in stop.talking_points if not p.internal]
    pieces = [x for i in stop_pages(book, 0) for x in sized_text(reader.pages[i])]
    numbers = [text.strip() for text, size in pieces if size == 13 and text.strip().isdigit()]
    assert numbers == [str(n) for n in range(1, len(spoken) + 1)]
    text = flat("".join(reader.pages[i].extract_text() for i in stop_pages(book, 0)))
    box = text.find(flat("※ 내부 참고 — 발언하지 않음"))
    assert box != -1 and text.find(flat(caution.text)) > box
    # It stands under the spoken point just before it in the file.
    before = stop.talking_points[stop.talking_points.index(caution) - 1]
    assert text.find(flat(before.text)) < box
    # The handout has neither the caution nor its box.
    data, _ = render(trip, edition="handout")
    handout = flat("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
    assert flat(caution.text) not in handout and flat("※ 내부 참고") not in handout


def test_every_page_of_a_stop_names_the_stop_and_its_day_in_the_running_head(trip, book):
    reader, result = book
    for index, stop in enumerate(trip.stops):
        head = f"{index + 1}. {stop.title}"
        day = (stop.date - trip.info.start).days + 1
        pages = stop_pages(book, index)
        assert len(pages) >= 2  # a continuation or notes page at least
        for i in pages:
            text = reader.pages[i].extract_text()
            assert f"{head} · {day}일차" in text, (index, i + 1)
    itinerary = reader.pages[result.bookmarks["itinerary"] - 1].extract_text()
    assert "1일차 2." not in itinerary.splitlines()[-1]
    assert itinerary.rstrip().endswith("일정표 · 1일차 · 2023. 2. 26.(일)")  # its day, no stop


def test_the_key_messages_page_lists_every_key_message_with_its_stop_page(trip, book):
    reader, result = book
    first = result.bookmarks["key_messages"]
    assert first == result.bookmarks["overview"] + 1  # right after the overview
    end = result.bookmarks["itinerary"]
    text = "\n".join(reader.pages[i].extract_text() for i in range(first - 1, end - 1))
    assert end - first <= 2
    position = 0
    for index, stop in enumerate(trip.stops):
        keys = [p for p in stop.talking_points if p.key and not p.internal]
        if not keys:
            continue
        title = f"{index + 1}. {stop.title}"
        at = text.find(title, position)
        assert at >= position, title
        line = text[at:].splitlines()
        number = next(x for x in line[:3] if x.strip().isdigit())
        assert int(number) == result.bookmarks[f"stop{index + 1}"]
        for point in keys:
            assert flat(point.text) in flat(text)
        position = at
    internal = [p for s in trip.stops for p in s.talking_points if p.internal]
    assert not any(flat(p.text) in flat(text) for p in internal)


def old_version(trip: briefing.Trip) -> briefing.Trip:
    old = copy.deepcopy(trip)
    old.info.version, old.info.updated = "2", dt.date(2023, 2, 20)
    old.stops[0].interpreter = ""  # a facts row
    old.stops[0].agenda[2].minutes = 45  # an agenda row
    del old.stops[2].talking_points[0]  # a talking point added since
    old.stops[0].counterparts[0].title = "예전 직함"  # a counterpart
    return old


def test_every_change_listed_is_marked_in_the_body_on_the_page_the_list_gives(trip):
    data, result = render(trip, since=old_version(trip))
    reader = pypdf.PdfReader(io.BytesIO(data))
    changes_page = reader.pages[result.bookmarks["changes"] - 1].extract_text()
    marks = {k: v for k, v in result.bookmarks.items() if re.fullmatch(r"change\d+", k)}
    assert len(marks) == 4
    # The bar's colour, as ReportLab writes it (".478431 .247059 .690196 rg").
    bar = " ".join(f"{c:.6f}".strip("0") for c in st.CHANGE_BAR.rgb()) + " rg"
    for key, page in marks.items():
        body = reader.pages[page - 1]
        # the changes page's word for the record: 추가 for a talking point added since
        assert re.search(r"변경|추가|삭제", body.extract_text()), key
        content = body.get_contents().get_data().decode("latin-1")
        assert bar in content, key
    # The list gives the page of each: the interpreter on stop 1's first page, the new talking
    # point on one of stop 3's pages.
    rows = changes_page.splitlines()
    interpreter = rows.index(next(r for r in rows if r.startswith("통역")))
    assert str(result.bookmarks["stop1"]) in rows[interpreter:interpreter + 4]
    point = flat(trip.stops[2].talking_points[0].text)
    page = next(v for v in marks.values()
                if point in flat(reader.pages[v - 1].extract_text()))
    assert page - 1 in stop_pages((reader, result), 2)
    # Without --since, nothing is marked.
    plain, plain_result = render(trip)
    assert not any(re.fullmatch(r"change\d+", k) for k in plain_result.bookmarks)


def test_talking_points_questions_and_answers_typed_with_hard_wraps_flow_as_paragraphs():
    """A single line break inside a paragraph is a space (the trip format's reading rules), in
    what the principal reads aloud as everywhere else; a blank line still starts a paragraph."""
    import io

    from pypdf import PdfReader

    from briefing.book import render
    from briefing.trip.model import Person, Question, Stop, TalkingPoint, Trip, TripInfo

    trip = Trip(info=TripInfo(title="T", start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 5)),
                delegation=[Person(id="m", name="홍")],
                stops=[Stop(title="S", date=dt.date(2026, 5, 4),
                            talking_points=[TalkingPoint(text="알파 줄\n베타 줄\n\n감마 문단",
                                                         speaker="m", key=True)],
                            questions=[Question(question="질문 하나\n이어짐",
                                                answer="답 하나\n이어짐")])])
    data, _ = render(trip)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    for flowing in ("알파 줄 베타 줄", "질문 하나 이어짐", "답 하나 이어짐"):
        assert flowing in text
    assert "베타 줄\n감마 문단" in text  # the blank line's new paragraph


def test_a_caution_is_on_the_same_page_as_the_point_it_belongs_to(trip):
    data, _ = render(trip)
    pages = ["".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    checked = 0
    for stop in trip.stops:
        spoken = None
        for point in stop.talking_points:
            if not point.internal:
                spoken = point
                continue
            if spoken is None:
                continue
            caution = "".join(point.text.split())[:20]
            end = "".join(spoken.text.split())[-12:]
            where = [i for i, text in enumerate(pages) if caution in text and "내부참고" in text]
            assert where, caution
            assert end in pages[where[-1]], f"page {where[-1] + 1}: {caution} without its point"
            checked += 1
    assert checked >= 3
