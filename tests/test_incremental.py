"""The incremental build (briefing.book.incremental) gives the pages a full export gives: after
any series of edits, each page's text, the outline (titles and pages) and every link's target
page are the same, so a cached segment can never print a stale page."""

import copy
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import render
from briefing.book.incremental import IncrementalBook
from briefing.trip.model import AgendaItem, TalkingPoint


def pages_of(data: bytes) -> tuple[list[str], list[tuple], list[tuple]]:
    """Each page's text, the outline as (depth, title, page), the links as (page, rect, target)."""
    reader = PdfReader(io.BytesIO(data))

    def walk(items, depth=0):
        out = []
        for item in items:
            if isinstance(item, list):
                out += walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item)))
        return out

    links = []
    for n, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot["/Dest"]  # ReportLab writes [page /XYZ left top zoom]
            links.append((n, [round(float(x)) for x in annot["/Rect"]],
                          reader.get_page_number(dest[0].get_object()), round(float(dest[3]))))
    return [p.extract_text() for p in reader.pages], walk(reader.outline), links


def assert_same_book(builder: IncrementalBook, trip, **options) -> None:
    full, full_result = render(trip, **options)
    mine, mine_result = builder.render(trip, **options)
    texts, outline, links = pages_of(full)
    my_texts, my_outline, my_links = pages_of(mine)
    assert mine_result.pages == full_result.pages == len(texts)
    for n, (a, b) in enumerate(zip(texts, my_texts, strict=True), 1):
        assert b == a, f"page {n} differs"
    assert my_outline == outline
    assert my_links == links
    assert mine_result.bookmarks == full_result.bookmarks
    assert mine_result.notices == full_result.notices


_EXAMPLE = briefing.loads(package_data.example_text())


def small_trip():
    """The example with three stops: every kind of page, quick to lay out."""
    trip = copy.deepcopy(_EXAMPLE)
    trip.stops = trip.stops[:3]
    return trip


_WORDS = st.sampled_from(["협력 방안을 논의합니다.", "투자 유치", "MOU signing follow-up",
                          "스마트시티 실증 사업 공동 추진", "A < B & C"])
_TEXT = st.builds(lambda w, n: " ".join([w] * n), _WORDS, st.integers(1, 60))

_EDIT = st.one_of(
    st.tuples(st.just("point"), st.integers(0, 9), _TEXT),
    st.tuples(st.just("new_point"), st.integers(0, 9), _TEXT),
    st.tuples(st.just("key"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("title"), st.integers(0, 9), _TEXT),
    st.tuples(st.just("add"), st.integers(0, 9), _TEXT),
    st.tuples(st.just("delete"), st.integers(0, 9), st.none()),
    st.tuples(st.just("reorder"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("person"), st.integers(0, 9), _TEXT),
    st.tuples(st.just("agenda_time"), st.integers(0, 9), st.integers(0, 23 * 60)),
    st.tuples(st.just("trip_title"), st.integers(0, 9), _TEXT),
)


def apply(trip, edit) -> None:
    kind, where, what = edit
    stops = trip.stops
    if kind == "person":  # read by the stops through speaker and lead names
        if trip.delegation:
            trip.delegation[where % len(trip.delegation)].name = what[:40]
        return
    if kind == "trip_title":  # the running head and the cover
        trip.info.title = what[:100]
        return
    if not stops and kind != "add":
        return
    i = where % max(len(stops), 1)
    if kind == "point":
        points = stops[i].talking_points
        if points:
            points[0].text = what
        else:
            points.append(TalkingPoint(text=what))
    elif kind == "new_point":
        stops[i].talking_points.append(TalkingPoint(text=what, speaker="mayor"))
    elif kind == "key":
        points = stops[i].talking_points
        if points:
            point = points[what % len(points)]
            point.key = not point.key
    elif kind == "title":
        stops[i].title = what[:120]
    elif kind == "add":
        new = copy.deepcopy(stops[0]) if stops else briefing.model.Stop()
        new.title = what[:80]
        stops.insert(i, new)
    elif kind == "delete":
        del stops[i]
    elif kind == "reorder":
        stops.insert(what % len(stops), stops.pop(i))
    elif kind == "agenda_time":  # the day sheets and the stop's agenda
        agenda = stops[i].agenda
        if not agenda:
            agenda.append(AgendaItem(item="도착", minutes=10))
        agenda[0].time = dt.time(what // 60, what % 60)


_shared = IncrementalBook()  # one builder for every example, as a window keeps one for hours


# Each step lays the book out twice: no shrinking here (the slow variant below shrinks).
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(_EDIT, min_size=1, max_size=3))
def test_after_random_edits_the_incremental_book_is_the_full_export(edits):
    trip = small_trip()
    _shared.render(trip)
    for edit in edits:
        apply(trip, edit)
        assert_same_book(_shared, trip)


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_EDIT, min_size=1, max_size=6),
       st.sampled_from([{}, {"edition": "handout"}, {"paper": "letter", "draft": True},
                        {"reader": "mayor", "watermark": True}]))
def test_after_random_edits_every_copy_is_the_full_export(edits, options):
    trip = small_trip()
    builder = IncrementalBook()
    builder.render(trip, **options)
    for edit in edits:
        apply(trip, edit)
        assert_same_book(builder, trip, **options)


def test_an_edit_to_a_key_message_lays_out_its_stop_and_the_key_messages_only():
    trip = small_trip()
    builder = IncrementalBook()
    builder.render(trip)
    assert trip.stops[1].talking_points[0].key
    trip.stops[1].talking_points[0].text += " 추가 문장입니다."
    assert_same_book(builder, trip)
    assert builder.laid_out == ["key_messages", "stop2"]


def test_an_edit_to_a_point_that_is_no_key_message_lays_out_its_stop_only():
    trip = small_trip()
    builder = IncrementalBook()
    builder.render(trip)
    point = next(p for p in trip.stops[1].talking_points if not p.key and not p.internal)
    point.text += " 추가 문장입니다."
    assert_same_book(builder, trip)
    assert builder.laid_out == ["stop2"]


def test_a_name_in_the_delegation_lays_out_what_prints_it():
    trip = small_trip()
    builder = IncrementalBook()
    builder.render(trip)
    speaker = trip.stops[0].talking_points[0].speaker
    person = trip.person(speaker)
    person.name = "홍길동"
    assert_same_book(builder, trip)
    assert "stop1" in builder.laid_out and "key_messages" in builder.laid_out
    assert any(name == "itinerary" or name == "delegation" for name in builder.laid_out)


def test_an_agenda_time_lays_out_the_day_sheets_and_its_stop():
    trip = small_trip()
    builder = IncrementalBook()
    builder.render(trip)
    item = trip.stops[2].agenda[0]
    item.time = dt.time(item.time.hour, (item.time.minute + 5) % 60)
    assert_same_book(builder, trip)
    assert builder.laid_out == ["itinerary", "stop3"]


def test_the_changes_since_an_earlier_version_are_marked_as_in_a_full_export():
    earlier = small_trip()
    trip = small_trip()
    trip.stops[0].talking_points[0].text += " 새 문장."
    trip.stops[2].title += " (변경)"
    builder = IncrementalBook()
    assert_same_book(builder, trip, since=earlier)
    trip.stops[1].purpose = "목적이 바뀌었습니다."
    assert_same_book(builder, trip, since=earlier)


def test_export_with_a_builder_keeps_it_and_locks_the_book_itself(tmp_path):
    from briefing.book import export_pdf

    trip = small_trip()
    builder = IncrementalBook()
    path = tmp_path / "book.pdf"
    export_pdf(trip, path, builder=builder, password="비밀 번호")
    point = next(p for p in trip.stops[2].talking_points if not p.key and not p.internal)
    point.text += " 한 단어"
    result = export_pdf(trip, path, builder=builder, password="비밀 번호")
    assert builder.laid_out == ["stop3"]
    locked = PdfReader(path)
    assert locked.is_encrypted
    assert locked.decrypt("비밀 번호")
    full, _ = render(trip)
    assert [p.extract_text() for p in locked.pages] == pages_of(full)[0]
    assert result.size == path.stat().st_size


@pytest.mark.parametrize("options", [{}, {"reader": "mayor", "watermark": True}])
def test_one_stop_alone_has_that_stops_pages_of_the_whole_book(options):
    trip = small_trip()
    builder = IncrementalBook()
    assert builder.stop_pages(trip, 1, **options) is None  # no whole book yet
    builder.render(trip, **options)
    point = next(p for p in trip.stops[1].talking_points if not p.key and not p.internal)
    point.text += " 한 단어 더"
    data, first = builder.stop_pages(trip, 1, **options)
    assert builder.parts["stop2"].version > builder.parts["stop1"].version  # laid out again
    full, result = render(trip, **options)
    last = result.bookmarks["stop3"] - 1
    assert first == result.bookmarks["stop2"]
    assert pages_of(data)[0] == pages_of(full)[0][first - 1:last]
    assert builder.stop_pages(trip, 1, paper="letter") is None  # another book: render it whole


def test_a_fault_of_the_builder_falls_back_to_the_full_build(monkeypatch):
    """The incremental builder is an optimization: when its own machinery fails, the user still
    gets the book a full export makes, not an error."""
    trip = small_trip()
    builder = IncrementalBook()

    def broken(*args, **kwargs):
        raise RuntimeError("a replay that went wrong")

    monkeypatch.setattr(IncrementalBook, "_assemble", broken)
    assert_same_book(builder, trip)
    assert builder.stop_pages(trip, 0) is None  # no quick answer, the caller builds the book
