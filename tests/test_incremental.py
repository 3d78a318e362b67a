"""The incremental build (briefing.book.incremental) gives the pages a full export gives: after
any series of edits, each page's text, the outline (titles and pages) and every link's target
page are the same, so a cached segment can never print a stale page."""

import copy
import io

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import render
from briefing.book.incremental import IncrementalBook
from briefing.model import TalkingPoint


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


_EXAMPLE = briefing.fileformat.loads(package_data.example_text())


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
)


def apply(trip, edit) -> None:
    kind, where, what = edit
    stops = trip.stops
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
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


def test_an_edit_to_one_talking_point_lays_out_only_its_stop_and_the_front():
    trip = small_trip()
    builder = IncrementalBook()
    builder.render(trip)
    trip.stops[1].talking_points[0].text += " 추가 문장입니다."
    builder.render(trip)
    # The front sections (key messages, day sheets) read every stop; the head and the other
    # stops are the pages laid out before.
    assert builder.laid_out == ["front", "stop2"]


def test_the_changes_since_an_earlier_version_are_marked_as_in_a_full_export():
    earlier = small_trip()
    trip = small_trip()
    trip.stops[0].talking_points[0].text += " 새 문장."
    trip.stops[2].title += " (변경)"
    builder = IncrementalBook()
    assert_same_book(builder, trip, since=earlier)
    trip.stops[1].purpose = "목적이 바뀌었습니다."
    assert_same_book(builder, trip, since=earlier)
