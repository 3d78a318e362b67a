"""Text of any length prints: talking points, details, answers, bios and table cells run on
across pages, and where a block carries over the page says so."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from briefing.book import export_pdf
from briefing.model import Person, Stop, TalkingPoint, Trip, TripInfo


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
