"""The example's briefing book, read back with pypdf: contents, outline, fonts, editions, paper,
determinism, atomic writing, and the `briefing export` command end to end."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import BookError, export_pdf
from briefing.trip.problems import SaveError


def flat(text: str) -> str:
    """Text without white space, so that a phrase wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def trip(tmp_path_factory) -> briefing.Trip:
    target = tmp_path_factory.mktemp("example") / "example.yaml"
    target.write_bytes(package_data.example_path().read_bytes())
    return briefing.load(target)


@pytest.fixture(scope="module")
def books(trip, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("books")
    out = {}
    for edition in ("full", "handout"):
        out[edition] = folder / f"{edition}.pdf"
        result = export_pdf(trip, out[edition], edition=edition)
        assert result.pages == len(PdfReader(out[edition]).pages)
        assert result.notices == []
    return out


@pytest.fixture(scope="module")
def full(books) -> PdfReader:
    return PdfReader(books["full"])


def page_texts(reader: PdfReader) -> list[str]:
    return [p.extract_text() or "" for p in reader.pages]


def contents_entries(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page) pairs as printed on the contents page (page 2)."""
    lines = [ln.strip() for ln in page_texts(reader)[1].splitlines() if ln.strip()]
    start = lines.index("목차") + 1
    entries = []
    for title, number in zip(lines[start::2], lines[start + 1::2], strict=False):
        entries.append((title, int(number)))
    return entries


def test_contents_pages_match_where_each_stop_starts(trip, full):
    entries = dict(contents_entries(full))
    texts = page_texts(full)
    pages = []
    for i, stop in enumerate(trip.stops, 1):
        title = f"{i}. {stop.title}"
        assert title in entries, f"{title} missing from the contents"
        page = entries[title]
        assert flat(title) in flat(texts[page - 1]), f"{title} is not on page {page}"
        # The page number printed in the footer is the page's own number.
        assert re.search(rf"(^|\n){page}\n/\n{len(texts)}\n", texts[page - 1])
        pages.append(page)
    assert pages == sorted(pages) and len(set(pages)) == len(pages)


def test_every_section_is_in_the_contents_and_outline_in_order(trip, full):
    # The days are listed under the itinerary (and in the outline under it)
    titles = [t for t, _ in contents_entries(full) if not re.match(r"\d+일차 · ", t)]
    entries = [t for t, _ in contents_entries(full)]
    days = entries[entries.index("일정표") + 1:entries.index("대표단")]
    assert [d.split("일차 · ")[0] for d in days] == [str(n) for n in range(1, 9)]
    assert titles[:5] == ["출장 개요", "핵심 메시지", "일정표", "대표단", "방문 일정별 자료"]
    assert titles[-2:] == ["이동 및 숙박", "연락처"]

    outline = full.outline
    top = [item["/Title"] for item in outline if not isinstance(item, list)]
    assert top == ["목차", *titles[:5], "이동 및 숙박", "연락처"]
    stops_at = next(i for i, item in enumerate(outline)
                    if not isinstance(item, list) and item["/Title"] == "방문 일정별 자료")
    children = outline[stops_at + 1]  # the entries under a heading follow it as a list
    assert [c["/Title"] for c in children] == [f"{i}. {s.title}"
                                               for i, s in enumerate(trip.stops, 1)]
    # Each bookmark points at the page the contents name.
    pages = dict(contents_entries(full))
    for child in children:
        assert full.get_destination_page_number(child) + 1 == pages[child["/Title"]]


def test_contents_entries_are_links(full):
    annots = full.pages[1].get("/Annots") or []
    links = [a.get_object() for a in annots if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) == len(contents_entries(full))


def test_fonts_are_embedded_subsets_and_korean_extracts(full):
    descriptors = []
    for page in full.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontDescriptor" in font, f"{font['/BaseFont']} is not embedded"
            descriptors.append(font["/FontDescriptor"].get_object())
    assert descriptors
    assert all("/FontFile2" in d for d in descriptors)
    assert "고양특례시 유럽 출장" in page_texts(full)[0]


def test_metadata_and_language(trip, full):
    meta = full.metadata
    assert meta.title == f"{trip.info.title} — 전체본"  # the edition too (test_book_copies)
    assert meta.author == trip.info.organization
    assert meta.subject == trip.info.subtitle
    assert full.trailer["/Root"]["/Lang"] == "ko-KR"


def test_running_header_and_marking_on_every_page(trip, full):
    """The marking on every page; the head names the stop on each page of a stop (its
    continuation and notes pages too), and the trip everywhere else."""
    texts = page_texts(full)
    assert "대외비" in texts[0]
    starts = dict(contents_entries(full))
    stops = [(starts[f"{i}. {s.title}"], f"{i}. {s.title}") for i, s in enumerate(trip.stops, 1)]
    after = starts["이동 및 숙박"]
    for n, text in enumerate(texts[1:], 2):
        assert "대외비" in text, f"page {n}"
        mine = [head for first, head in stops if first <= n < after]
        if mine:
            assert mine[-1] + " · " in text, f"page {n} should be headed by {mine[-1]}"
        elif starts["일정표"] <= n < starts["대표단"]:
            assert re.search(r"^일정표 · \d+일차 · ", text, re.M), f"page {n} names no day"
        else:
            assert trip.info.title in text, f"page {n}"


def test_cover_carries_edition_version_and_dates(books):
    full_cover = page_texts(PdfReader(books["full"]))[0]
    handout_cover = page_texts(PdfReader(books["handout"]))[0]
    assert "제3판" in full_cover and "2023. 2. 23." in full_cover
    assert "전체본" in full_cover
    assert "배포본" in handout_cover
    assert "2023. 2. 26." in full_cover and "작성 부서: 전략산업과" in full_cover


def internal_texts(trip) -> list[str]:
    found = []
    for stop in trip.stops:
        found += [p.text for p in stop.talking_points if p.internal]
        found += [q.question for q in stop.questions if q.internal]
        found += [line for line in stop.notes.splitlines() if line.strip()]
    return [flat(t.lstrip("- "))[:40] for t in found]


def test_handout_leaves_out_internal_items_and_qa(trip, books):
    needles = internal_texts(trip)
    assert len(needles) >= 3
    full_text = flat("".join(page_texts(PdfReader(books["full"]))))
    handout_text = flat("".join(page_texts(PdfReader(books["handout"]))))
    for needle in needles:
        assert needle in full_text
        assert needle not in handout_text
    assert "예상질의응답" in full_text and "예상질의응답" not in handout_text
    public = [flat(s.questions[0].question) for s in trip.stops if s.questions]
    assert public and all(q not in handout_text for q in public)
    public_points = [flat(p.text)[:30] for s in trip.stops for p in s.talking_points
                     if not p.internal]
    assert all(p in handout_text for p in public_points)


def test_same_trip_same_bytes(trip, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_pdf(trip, a)
    export_pdf(trip, b)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_paper_sizes(trip, tmp_path, paper, size):
    out = tmp_path / f"{paper}.pdf"
    export_pdf(trip, out, paper=paper)
    for page in PdfReader(out).pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == size


def test_unknown_options_raise_book_error(trip, tmp_path):
    with pytest.raises(BookError):
        export_pdf(trip, tmp_path / "x.pdf", paper="a3")
    with pytest.raises(BookError):
        export_pdf(trip, tmp_path / "x.pdf", edition="personal")
    assert not (tmp_path / "x.pdf").exists()


def test_missing_folder_raises_save_error_and_writes_nothing(trip, tmp_path):
    out = tmp_path / "no" / "such" / "folder" / "book.pdf"
    with pytest.raises(SaveError):
        export_pdf(trip, out)
    assert not out.parent.exists()


def test_failed_export_keeps_the_previous_book(trip, tmp_path, monkeypatch):
    out = tmp_path / "book.pdf"
    out.write_bytes(b"previous")
    from briefing.book import build

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build.stop, "stops", broken)
    with pytest.raises(BookError):
        export_pdf(trip, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["book.pdf"]


def test_package_level_export(trip, tmp_path):
    result = briefing.export_pdf(trip, tmp_path / "b.pdf", paper="letter", edition="handout")
    assert result.pages > 10 and (tmp_path / "b.pdf").exists()


def test_cli_export_end_to_end(tmp_path, cli):
    source = tmp_path / "trip.yaml"
    source.write_bytes(package_data.example_path().read_bytes())
    out = tmp_path / "out.pdf"
    done = cli("export", str(source), "-o", str(out), "--paper", "letter",
               "--edition", "handout", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    reader = PdfReader(out)
    assert float(reader.pages[0].mediabox.width) == 612
    assert "배포본" in reader.pages[0].extract_text()


def test_cli_refuses_a_trip_with_errors(tmp_path, cli):
    source = tmp_path / "bad.yaml"
    text = package_data.example_path().read_text(encoding="utf-8")
    source.write_text(text.replace("end: 2023-03-05", "end: 2023-01-01"), encoding="utf-8")
    done = cli("export", str(source), "-o", str(tmp_path / "bad.pdf"), cwd=tmp_path)
    assert done.returncode == 1
    assert list(tmp_path.glob("*.pdf")) == []
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_document_dates_are_the_trips_and_the_bytes_stay_the_same(trip, full, tmp_path):
    meta = full.metadata
    assert trip.info.updated is not None
    assert meta.creation_date.date() == trip.info.updated
    assert meta.modification_date.date() == trip.info.updated
    undated = copy.deepcopy(trip)
    undated.info.updated = None
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_pdf(undated, a)
    export_pdf(undated, b)
    assert a.read_bytes() == b.read_bytes()
    assert PdfReader(a).metadata.creation_date.date() == trip.info.start
