"""Text of any length prints: talking points, details, answers, bios and table cells run on
across pages, and where a block carries over the page says so."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from briefing.book import export_pdf
from briefing.trip.model import Person, Stop, TalkingPoint, Trip, TripInfo


def one_stop(**fields) -> Trip:
    stop = Stop(title="시청 방문", kind="meeting", city="파리", country="프랑스",
                timezone="Europe/Paris", date=dt.date(2026, 5, 4), start=dt.time(10),
                end=dt.time(11), **fields)
    return Trip(info=TripInfo(title="시험 출장", start=dt.date(2026, 5, 3),
                              end=dt.date(2026, 5, 6)),
                delegation=[Person(id="mayor", name="홍길동", title="시장")], stops=[stop])


def page_texts(trip: Trip, tmp_path, **options) -> list[str]:
    out = tmp_path / "book.pdf"
    export_pdf(trip, out, **options)
    return [p.extract_text() or "" for p in PdfReader(out).pages]


# Lengths (in words of "가나다라 ", ten to a line) where the rest of a talking point filled a
# page but for its details: the continuation then could not split and the export failed.
@pytest.mark.parametrize("words", [793, 800, 803])
def test_a_page_long_talking_point_followed_by_details(tmp_path, words):
    point = TalkingPoint(text="가나다라 " * words + "끝말", speaker="mayor",
                         details=["세부 하나", "세부 둘"])
    whole = "".join(page_texts(one_stop(talking_points=[point]), tmp_path))
    assert "끝말" in whole and "세부 둘" in whole


@pytest.mark.parametrize("words", [892, 896])
def test_a_page_long_detail_followed_by_another(tmp_path, words):
    point = TalkingPoint(text="짧은 말씀", speaker="mayor",
                         details=["가나다라 " * words + "끝말", "세부 둘"])
    whole = "".join(page_texts(one_stop(talking_points=[point]), tmp_path))
    assert "끝말" in whole and "세부 둘" in whole


def numbered(n: int) -> str:
    return " ".join(f"낱말{i}" for i in range(n))


@pytest.mark.parametrize("where", ["background", "talking_point", "answer"])
def test_a_paragraph_of_many_pages_prints_every_word_once(tmp_path, where):
    from briefing.trip.model import Question

    text = numbered(12000)  # about 40 pages, one paragraph without a line break
    fields = {"background": {"background": text},
              "talking_point": {"talking_points": [TalkingPoint(text=text, details=["끝 세부"])]},
              "answer": {"questions": [Question(question="질문?", answer=text)]}}[where]
    pages = page_texts(one_stop(**fields), tmp_path)
    words = "".join(pages).split()
    found = [w for w in words if w.startswith("낱말")]
    # Every word once, in order: nothing lost or doubled where the paragraph is cut into pieces.
    assert found == [f"낱말{i}" for i in range(12000)]
    assert len(pages) > 30


def test_hard_wrapped_long_text_flows_whole_and_in_order(tmp_path):
    # A single line break inside a paragraph is a space (the trip format's reading rules): the
    # 3,000 typed lines print as one flowing paragraph, nothing lost, nothing out of order.
    lines = [f"줄{i} " + "내용 " * 8 for i in range(3000)]
    pages = page_texts(one_stop(background="\n".join(lines)), tmp_path)
    whole = "\n".join(pages)
    assert re.findall(r"줄(\d+)", whole) == [str(i) for i in range(3000)]


@pytest.mark.parametrize("lang, mark", [("ko", "말씀자료 (계속)"), ("en", "Talking points (continued)")])
def test_a_200_line_talking_point_runs_over_pages_marked_as_continued(tmp_path, lang, mark):
    text = "가나다라 " * 2000 + "마지막 말씀입니다"  # about 200 lines
    point = TalkingPoint(text=text, speaker="mayor", key=True,
                         details=["첫째 세부", "가나다라 " * 300 + "마지막 세부"])
    trip = one_stop(talking_points=[point])
    trip.info.language = lang
    pages = page_texts(trip, tmp_path)
    # The stop's own pages carry its running head (the key-messages page before them reprints
    # the point too).
    head = "1. 시청 방문 · "
    start = next(i for i, t in enumerate(pages) if head in t and "가나다라" in t)
    end = next(i for i, t in enumerate(pages) if i > start and "마지막 세부" in t)
    assert end - start >= 4
    whole = "".join(pages[start:end + 1])
    assert "마지막 말씀입니다" in whole and "첫째 세부" in whole
    # Every page the point carries over to says so, under the head naming the visit.
    for page in pages[start + 1:end + 1]:
        assert mark in page and head in page
    assert mark not in pages[start]


def test_a_part_that_starts_at_the_top_of_a_page_is_not_marked_continued(tmp_path):
    pages = page_texts(one_stop(background="배경 " * 10), tmp_path)
    assert not any("(계속)" in p for p in pages)


def test_a_talking_point_of_many_paragraphs_lays_out_in_linear_time():
    import time

    from briefing.book import render

    def seconds(paragraphs: int) -> float:
        text = "\n\n".join(f"문단{i} " + "말씀 내용입니다 " * 12 for i in range(paragraphs))
        trip = one_stop(talking_points=[TalkingPoint(text=text, speaker="mayor")])
        start = time.process_time()  # CPU time: other work on the machine does not count
        render(trip)
        return time.process_time() - start

    # Once 13 / 46 / 182 s for 250 / 500 / 1,000 paragraphs: every page split laid out the
    # whole rest again.
    small, large = seconds(250), seconds(1000)
    assert large < 5
    assert large < 6 * small  # four times the text: about four times the time, not sixteen
