"""Copies that say what they are, read back from the PDF: each edition's title and cover, personal
copies numbered in delegation order, drafts marked on every page, memo pages as an option, the
watermark, a book locked with AES-256, and a changes page that owns up to an unchanged version."""

from __future__ import annotations

import copy
import re

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import export_pdf, file_name, render


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def trip(tmp_path_factory) -> briefing.Trip:
    target = tmp_path_factory.mktemp("example") / "example.yaml"
    target.write_bytes(package_data.example_path().read_bytes())
    return briefing.load(target)


def texts(path, password: str | None = None) -> list[str]:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return [p.extract_text() or "" for p in reader.pages]


def title(path) -> str:
    return PdfReader(path).metadata.title


@pytest.mark.parametrize("edition, reader, expected", [
    ("full", None, "고양특례시 유럽 출장 — 전체본"),
    ("handout", None, "고양특례시 유럽 출장 — 배포본"),
    ("full", "mayor", "고양특례시 유럽 출장 — 전체본 — 이동환 시장 개인용 (배부번호 1/5)"),
    ("handout", "business_staff",
     "고양특례시 유럽 출장 — 배포본 — 박예시 기업지원과 주무관 (예시 인물) 개인용 (배부번호 5/5)"),
])
def test_each_edition_has_its_own_title_and_cover(trip, tmp_path, edition, reader, expected):
    out = tmp_path / "book.pdf"
    export_pdf(trip, out, edition=edition, reader=reader)
    assert title(out) == expected
    cover = texts(out)[0]
    assert ("배포본 (내부 자료 제외)" if edition == "handout" else "전체본") in cover
    if reader:
        assert "개인용 자료" in cover and expected.rsplit("(", 1)[1].rstrip(")") in cover
    else:
        assert "배부번호" not in cover and "개인용" not in cover


def test_copy_numbers_follow_the_delegation_order(trip, tmp_path):
    keys = [p.key for p in trip.delegation]
    assert len(keys) == 5
    for n, key in enumerate(keys, 1):
        out = tmp_path / f"{key}.pdf"
        export_pdf(trip, out, reader=key, notes_pages=False)
        assert f"배부번호 {n}/5" in texts(out)[0], key
        assert title(out).endswith(f"(배부번호 {n}/5)")


def test_english_books_say_copy_n_of_m(trip, tmp_path):
    english = copy.deepcopy(trip)
    english.info.language = "en"
    out = tmp_path / "en.pdf"
    export_pdf(english, out, reader="strategy_head", edition="handout", draft=True)
    cover = texts(out)[0]
    assert "Copy 2 of 5" in cover and "Handout edition" in cover
    assert "Draft: not the final book" in cover
    assert title(out).endswith("Handout — Copy for 홍길동 (전략산업과장 (예시 인물)) (Copy 2 of 5) — DRAFT")


def test_a_draft_is_marked_on_every_page(trip, tmp_path):
    out = tmp_path / "draft.pdf"
    export_pdf(trip, out, draft=True, edition="handout")
    pages = texts(out)
    assert len(pages) > 10
    for n, text in enumerate(pages, 1):
        assert "초안 / DRAFT" in text, f"page {n} is not marked as a draft"
    assert "초안 — 최종본이 아닙니다" in pages[0]
    assert title(out).endswith("— 초안 / DRAFT")
    clean = texts(export_pdf(trip, tmp_path / "clean.pdf", edition="handout").path)
    assert not any("DRAFT" in t or "초안" in t for t in clean)


def test_memo_pages_are_an_option_on_in_the_full_edition_off_in_the_handout(trip, tmp_path):
    stops = len(trip.stops)

    def memo_pages(**options) -> int:
        out = tmp_path / "memo.pdf"
        export_pdf(trip, out, **options)
        return sum(1 for t in texts(out) if re.search(r"^메모 — \d+\. ", t, re.M))

    assert memo_pages() == stops
    assert memo_pages(edition="handout") == 0
    assert memo_pages(notes_pages=False) == 0
    assert memo_pages(edition="handout", notes_pages=True) == stops


def test_the_watermark_names_the_marking_reader_and_copy_on_every_page(trip, tmp_path):
    out = tmp_path / "wm.pdf"
    result = export_pdf(trip, out, reader="strategy_staff", watermark=True)
    mark = "대외비 · 김철수 전략산업과 주무관 (예시 인물) · 배부번호 3/5"
    for n, text in enumerate(texts(out), 1):
        assert flat(mark) in flat(text), f"page {n} has no watermark"
    assert result.notices == []
    plain = tmp_path / "common.pdf"
    export_pdf(trip, plain, watermark=True)
    assert all(t.count("대외비") >= 3 for t in texts(plain))  # the marking, tiled


def test_a_watermark_with_nothing_to_say_is_reported(trip, tmp_path):
    unmarked = copy.deepcopy(trip)
    unmarked.info.marking = ""
    result = export_pdf(unmarked, tmp_path / "x.pdf", watermark=True)
    assert any("watermark" in n for n in result.notices)


def test_a_locked_book_opens_with_its_password_only(trip, tmp_path):
    out = tmp_path / "locked.pdf"
    password = "고양 2023 secret "
    export_pdf(trip, out, reader="mayor", password=password)
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("wrong").name == "NOT_DECRYPTED"
    assert reader.decrypt(password.strip()).name == "NOT_DECRYPTED"  # the space is part of it
    assert reader.decrypt(password).name in ("USER_PASSWORD", "OWNER_PASSWORD")
    encryption = reader.trailer["/Encrypt"]
    assert encryption["/V"] == 5 and encryption["/R"] == 6
    assert encryption["/CF"]["/StdCF"]["/CFM"] == "/AESV3"  # AES-256
    pages = texts(out, password)
    assert "이동환 시장님" in pages[0] and "배부번호 1/5" in pages[0]
    assert reader.metadata.title.endswith("(배부번호 1/5)")
    assert len(reader.outline) > 3  # bookmarks survive the encryption


@pytest.mark.parametrize("password", ["", "two\nlines"])
def test_an_unusable_password_writes_nothing(trip, tmp_path, password):
    from briefing.book import BookError

    with pytest.raises(BookError, match="cannot be locked"):
        export_pdf(trip, tmp_path / "x.pdf", password=password)
    assert not (tmp_path / "x.pdf").exists()


def test_same_version_with_other_content_is_said_plainly(trip):
    old = copy.deepcopy(trip)
    old.stops[0].title = "예전 제목"
    data, result = render(trip, since=old)
    assert result.same_version
    import io

    changes = next(t for t in (p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
                   if "이후 바뀐 내용" in t)
    assert flat("수정 차수와 작성일이 같지만 내용이 다릅니다") in flat(changes)


@pytest.mark.parametrize("change", ["nothing", "version", "updated"])
def test_no_same_version_note_when_it_does_not_apply(trip, change):
    import datetime as dt
    import io

    old = copy.deepcopy(trip)
    if change != "nothing":
        old.stops[0].title = "예전 제목"
    if change == "version":
        old.info.version = "2"
    if change == "updated":
        old.info.updated = dt.date(2023, 2, 20)
    data, result = render(trip, since=old)
    assert not result.same_version
    whole = flat("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    assert flat("수정 차수와 작성일이 같지만") not in whole


@pytest.mark.parametrize("stem, options, name", [
    ("trip", {}, "trip.pdf"),
    ("trip", {"edition": "handout"}, "trip.handout.pdf"),
    ("trip", {"reader": "mayor"}, "trip.mayor.pdf"),
    ("trip", {"reader": "mayor", "edition": "handout"}, "trip.mayor.handout.pdf"),
    ("trip", {"draft": True}, "trip.draft.pdf"),
    ("goyang.ko", {"reader": 'a/b:c*?"<>|'}, "goyang.ko.a_b_c_.pdf"),
    ("trip", {"reader": "홍 길동"}, "trip.홍 길동.pdf"),
])
def test_file_names_say_which_copy(stem, options, name):
    assert file_name(stem, **options) == name


def test_a_watermarked_draft_still_has_its_marks_on_the_page(trip, tmp_path):
    """The watermark's turn must not carry the draft marks off the page (they are drawn after)."""
    out = tmp_path / "both.pdf"
    export_pdf(trip, out, reader="mayor", draft=True, watermark=True, edition="handout")
    for n, page in enumerate(PdfReader(out).pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        where = []

        def visit(text, cm, tm, font, size, where=where):
            if "DRAFT" in text:
                a, b, c, d, e, f = cm
                x, y = tm[4] * a + tm[5] * c + e, tm[4] * b + tm[5] * d + f
                where.append((x, y))

        page.extract_text(visitor_text=visit)
        assert where, f"page {n} has no draft mark"
        assert all(0 <= x <= width and 0 <= y <= height for x, y in where), (n, where)
        assert any(y > height - 12 * 2.8346 for _x, y in where), f"page {n}: no tag at the top"
