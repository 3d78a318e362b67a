"""Books from awkward trips: hostile markup, emoji, endless words, pages-long text, huge tables,
empty fields, English labels, overnight flights."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from briefing.book import export_pdf
from briefing.trip.model import (
    AgendaItem,
    Contact,
    Counterpart,
    Person,
    Question,
    Stop,
    TalkingPoint,
    TravelLeg,
    Trip,
    TripInfo,
)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def small_trip(**stop_fields) -> Trip:
    stop = Stop(title="시청 방문", kind="meeting", city="파리", country="프랑스",
                timezone="Europe/Paris", date=dt.date(2026, 5, 4), start=dt.time(10),
                end=dt.time(11), **stop_fields)
    return Trip(
        info=TripInfo(title="시험 출장", organization="시험시", start=dt.date(2026, 5, 3),
                      end=dt.date(2026, 5, 6), marking="대외비"),
        delegation=[Person(id="mayor", name="홍길동", title="시장")],
        stops=[stop],
    )


def export_text(trip: Trip, tmp_path, **options) -> tuple[list[str], PdfReader]:
    out = tmp_path / "book.pdf"
    export_pdf(trip, out, **options)
    reader = PdfReader(out)
    return [p.extract_text() or "" for p in reader.pages], reader


HOSTILE = ['<b>굵게</b>', "&amp;", '<img src="/etc/passwd"/>', "a < b && c > d",
           '<font color="red">x</font>', "]]><!--"]


def test_markup_in_user_text_prints_literally(tmp_path):
    text = " ".join(HOSTILE)
    trip = small_trip(
        purpose=text, background=f"- {text}\n\n{text}", notes=text,
        talking_points=[TalkingPoint(text=text, speaker="mayor", key=True, details=[text])],
        questions=[Question(question=text, answer=text)],
        counterparts=[Counterpart(name=text, title=text, address_as=text, bio=text)],
        agenda=[AgendaItem(time=dt.time(10), minutes=5, item=text, lead=text, notes=text)],
    )
    trip.info.title = "<b>제목</b> & <i>"
    texts, _ = export_text(trip, tmp_path)
    whole = flat("".join(texts))
    for piece in HOSTILE:
        assert whole.count(flat(piece)) >= 8, piece
    assert flat("<b>제목</b> & <i>") in flat(texts[0])
    assert "root:" not in "".join(texts)  # nothing of /etc/passwd was read in


def test_emoji_and_missing_glyphs_do_not_break_the_export(tmp_path):
    trip = small_trip(purpose="환영 🎉👍🏽 합니다 👨‍👩‍👧 ✈ \x07 끝 𠀀자", background="😀" * 500)
    trip.info.title = "🇰🇷✈️🇪🇸 👍🏽 𝕏 출장"
    out = tmp_path / "book.pdf"
    result = export_pdf(trip, out)
    texts = [p.extract_text() or "" for p in PdfReader(out).pages]
    whole = "".join(texts)
    assert "환영 합니다" in whole and "끝" in whole
    # Emoji the font lacks are left out, and said so once; a rare letter stays a visible box,
    # told as emoji are: what and where.
    assert whole.count("□") == 1 and "□자" in whole
    hanja, emoji = result.notices
    assert "has no Chinese (Hanja) letters (𠀀)" in hanja and "› Purpose" in hanja
    assert emoji == "7 characters the font cannot print were left out: 🇰🇷 ✈ 🇪🇸 👍🏽 🎉 👨‍👩‍👧 😀"
    # The running head (and the cover) carry the title without boxes; a stop's pages are
    # headed by the stop instead.
    assert "X 출장" in texts[0]
    stop_head = f"1. {trip.stops[0].title} · "
    for n, text in enumerate(texts[1:], 2):
        assert (text.splitlines()[1:2] == ["X 출장"] or "\nX 출장\n" in text
                or stop_head in text or "\n일정표 · " in text), f"page {n}"


def test_endless_word_and_url_wrap(tmp_path):
    word = "가" * 1500 + "x" * 1500
    url = "https://example.org/" + "a/" * 600
    trip = small_trip(purpose=word, background=url,
                      agenda=[AgendaItem(time=dt.time(10), minutes=5, item=word, lead=url)],
                      talking_points=[TalkingPoint(text=word, key=True, details=[url])])
    texts, reader = export_text(trip, tmp_path)
    assert flat("".join(texts)).count("x" * 200) >= 2 or "x" * 50 in "".join(texts)
    assert len(reader.pages) > 3


def test_pages_long_text_flows_across_pages(tmp_path):
    para = "배경 설명 문장입니다. " * 60
    long_text = "\n\n".join([para] * 30)  # ten pages and more
    one_block = "긴 말씀자료 " * 3000  # a single talking point of several pages
    trip = small_trip(background=long_text,
                      talking_points=[TalkingPoint(text=one_block, key=True,
                                                   details=["세부"] * 40)],
                      questions=[Question(question="질문?", answer=one_block)],
                      counterparts=[Counterpart(name="상대", bio=one_block)])
    texts, reader = export_text(trip, tmp_path)
    assert len(reader.pages) >= 20


def test_long_tables_split_and_repeat_their_header(tmp_path):
    agenda = [AgendaItem(time=dt.time(10, i % 60), minutes=1, item=f"순서 {i} " + "내용 " * 30,
                         lead="mayor") for i in range(150)]
    agenda.append(AgendaItem(time=dt.time(12), minutes=1, item="아주 긴 칸 " * 900))
    trip = small_trip(agenda=agenda)
    texts, _ = export_text(trip, tmp_path)
    with_header = [t for t in texts if "소요" in t and "담당" in t]
    assert len(with_header) >= 4
    assert "순서 149" in "".join(texts)


def test_empty_fields_print_no_headings(tmp_path):
    trip = small_trip()
    trip.info.purpose = ""
    texts, reader = export_text(trip, tmp_path)
    whole = "".join(texts)
    for heading in ("출장 목적", "주요 목표", "말씀자료", "예상 질의응답", "인물 정보", "배경", "의전",
                    "현장 안내", "내부 메모", "진행 순서", "목적 및 기대 성과",
                    "이동 및 숙박", "교통편", "숙소"):
        assert heading not in whole, heading
    assert "시청 방문" in whole and "일정표" in whole
    outline = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert outline == ["목차", "출장 개요", "일정표", "대표단", "방문 일정별 자료"]


def test_a_trip_with_nothing_but_required_fields(tmp_path):
    trip = Trip(info=TripInfo(title="빈 출장", start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 2)))
    texts, reader = export_text(trip, tmp_path)
    assert "빈 출장" in texts[0]


def test_english_labels(tmp_path):
    trip = small_trip(talking_points=[TalkingPoint(text="Hello", speaker="mayor", key=True)])
    trip.info.language = "en"
    texts, reader = export_text(trip, tmp_path)
    whole = "".join(texts)
    for label in ("Contents", "Itinerary", "Day 2", "Delegation", "Talking points", "Key",
                  "Mon 4 May 2026", "Seoul time"):
        assert label in whole, label
    for korean in ("목차", "일정표", "일차", "말씀자료", "핵심"):
        assert korean not in whole, korean
    assert reader.trailer["/Root"]["/Lang"] == "en-US"


def test_overnight_flight_is_marked_plus_one(tmp_path):
    trip = small_trip()
    trip.travel = [TravelLeg(mode="flight", carrier="대한항공", number="KE901", origin="파리 (CDG)",
                             destination="인천 (ICN)", depart=dt.datetime(2026, 5, 5, 21, 0),
                             depart_timezone="Europe/Paris",
                             arrive=dt.datetime(2026, 5, 6, 15, 30),
                             arrive_timezone="Asia/Seoul")]
    texts, _ = export_text(trip, tmp_path)
    travel = next(t for t in texts if "교통편" in t)
    assert re.search(r"15:30 \(\+1\)", travel)
    # Home time beside the local departure: 21:00 in Paris is 04:00 the next day in Seoul.
    assert re.search(r"서울 04:00 \(\+1\)", travel)


@pytest.mark.parametrize("edition", ["full", "handout"])
def test_editions_of_a_small_trip(tmp_path, edition):
    trip = small_trip(
        talking_points=[TalkingPoint(text="공개 말씀", speaker="mayor"),
                        TalkingPoint(text="내부 전략", internal=True)],
        questions=[Question(question="공개 질문", answer="답"),
                   Question(question="내부 질문", internal=True)],
        notes="비밀 메모")
    whole = "".join(export_text(trip, tmp_path, edition=edition)[0])
    assert "공개 말씀" in whole
    for secret in ("내부 전략", "내부 질문", "비밀 메모"):
        assert (secret in whole) == (edition == "full")
    assert ("공개 질문" in whole) == (edition == "full")


def test_an_endless_stop_title_and_trip_title(tmp_path):
    trip = small_trip()
    trip.stops[0].title = "제목" * 1500
    trip.info.title = "출장" * 1500
    texts, reader = export_text(trip, tmp_path)
    assert "제목제목" in texts[2] or any("제목제목" in t for t in texts)
    assert len(reader.outline) >= 3


@pytest.mark.parametrize("field, value", [("phone", "1" * 400), ("email", "x" * 400 + "@example.org")])
def test_an_unbreakable_phone_or_email_wraps_in_its_table_cell(tmp_path, field, value):
    # Once `ValueError: ... negative availWidth`: the endless column squeezed its neighbour
    # below its padding.
    trip = small_trip()
    trip.contacts = [Contact(name="대사관", phone="+33 1 00 00 00 00"),
                     Contact(name="현지 담당", **{field: value})]
    for edition in ("full", "handout"):
        out = tmp_path / f"{edition}.pdf"
        result = export_pdf(trip, out, edition=edition)
        assert not result.notices
        whole = flat("".join(p.extract_text() or "" for p in PdfReader(out).pages))
        assert whole.count(value) >= 2  # the day sheet's contacts and the contacts page


def test_a_part_that_cannot_be_laid_out_is_set_plainly_and_named(tmp_path, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    from briefing.book import flowables

    # A table no layout can place (as ReportLab's own limits may still make one): the book is
    # made all the same, that part set as plain text, the field named in the reader's words.
    wrap = flowables.BookTable.wrap

    def refuse(self, aw, ah):
        if any("9" * 40 in str(getattr(c, "text", "")) for row in self._cellvalues for c in row):
            raise LayoutError("no room")
        return wrap(self, aw, ah)

    monkeypatch.setattr(flowables.BookTable, "wrap", refuse)
    trip = small_trip()
    trip.contacts = [Contact(name="대사관", phone="112"), Contact(name="현지 담당", phone="9" * 60)]
    out = tmp_path / "book.pdf"
    result = export_pdf(trip, out)
    assert len(result.notices) == 1  # told once, though the contact is on the day sheets too
    assert result.notices[0].startswith("연락처 2행 › 전화: 쪽에 맞게 배치할 수 없어 일반 텍스트로")
    whole = flat("".join(p.extract_text() or "" for p in PdfReader(out).pages))
    assert "9" * 60 in whole and "현지담당" in whole and "대사관" in whole
