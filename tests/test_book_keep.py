"""Headings and questions are never left alone at a page foot: each stays with (the first lines
of) what follows it. Checked on books made to put many of them near page ends."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from briefing.book import export_pdf
from briefing.trip.model import Counterpart, Person, Question, Stop, TalkingPoint, Trip, TripInfo

HEADINGS = ("목적 및 기대 성과", "기대 성과", "진행 순서", "말씀자료", "예상 질의응답", "인물 정보",
            "배경", "의전", "현장 안내", "내부 메모")


def crowded_trip(shift: int) -> Trip:
    """Stops whose parts vary in length, so that headings and questions fall at page ends."""
    stops = []
    for s in range(6):
        n = s + shift
        stops.append(Stop(
            title=f"방문 {s}", date=dt.date(2026, 5, 4), start=dt.time(10),
            purpose="목적 문장입니다. " * (5 + 7 * n % 23),
            outcomes=[f"성과 {i}" for i in range(1 + n % 3)],
            talking_points=[TalkingPoint(text=f"말씀 {i} " + "내용 " * (10 + 13 * i % 40),
                                         speaker="mayor") for i in range(2 + n % 4)],
            questions=[Question(question=f"질문 {s}-{i} 무엇입니까?",
                                answer=f"답변 {s}-{i} " + "설명 " * (15 + 17 * (i + n) % 50))
                       for i in range(12)],
            counterparts=[Counterpart(name=f"인물 {s}-{i}", title="직함", organization="기관",
                                      bio="약력 " * (20 + 11 * i % 30)) for i in range(4)],
            background="배경 설명. " * (30 + 9 * n % 40),
            protocol="의전 안내. " * (10 + n % 7)))
    return Trip(info=TripInfo(title="시험", start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 6)),
                delegation=[Person(id="mayor", name="홍길동", title="시장")], stops=stops)


def last_lines(path) -> list[str]:
    """The last line of body text on each page (the running header and footer come first)."""
    out = []
    for page in PdfReader(path).pages:
        text = [ln.strip() for ln in (page.extract_text() or "").splitlines() if ln.strip()]
        out.append(text[-1] if text else "")
    return out


@pytest.mark.parametrize("shift", [0, 1, 2])
def test_no_heading_or_question_ends_a_page(tmp_path, shift):
    out = tmp_path / "book.pdf"
    export_pdf(crowded_trip(shift), out)
    reader = PdfReader(out)
    texts = [p.extract_text() or "" for p in reader.pages]
    for n, line in enumerate(last_lines(out), 1):
        assert line not in HEADINGS, f"heading {line!r} alone at the foot of page {n}"
        assert not line.startswith("문"), f"question alone at the foot of page {n}: {line}"
        assert not line.startswith("인물 "), f"a counterpart's name ends page {n}"
    # Every question shares its page with the start of its answer.
    for s in range(6):
        for i in range(12):
            page = next(t for t in texts if f"질문 {s}-{i} 무엇" in t)
            assert f"답변 {s}-{i}" in page


def counterpart_trip(shift: int) -> Trip:
    """Stops whose counterparts (with a way to address them and a bio) fall at page ends."""
    stops = []
    for s in range(4):
        n = s + shift
        stops.append(Stop(
            title=f"방문 {s}", date=dt.date(2026, 5, 4),
            purpose="목적 문장입니다. " * (3 + 23 * n % 70),
            counterparts=[Counterpart(name=f"인물 {s}-{i}", title="직함", organization="기관",
                                      address_as=f"호칭값 {s}-{i}",
                                      bio=f"약력{s}-{i} " + "경력 " * (2 + 17 * (i + n) % 25))
                          for i in range(12)]))
    return Trip(info=TripInfo(title="시험", start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 6)),
                stops=stops)


@pytest.mark.parametrize("shift", range(8))
def test_counterpart_name_title_address_and_bio_start_share_a_page(tmp_path, shift):
    out = tmp_path / "book.pdf"
    export_pdf(counterpart_trip(shift), out)
    texts = [p.extract_text() or "" for p in PdfReader(out).pages]
    for s in range(4):
        for i in range(12):
            page = next(t for t in texts if f"인물 {s}-{i}" in t)
            assert "직함 · 기관" in page
            assert f"호칭값 {s}-{i}" in page, f"인물 {s}-{i}: how to address is on another page"
            assert f"약력{s}-{i}" in page, f"인물 {s}-{i}: the bio starts on another page"
