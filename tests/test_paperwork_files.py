"""The plan and the report as files to finish in Word (.docx, read back with python-docx) and in
Hancom Office (.hwpx, read back with python-hwpx and checked by its validator): every section's
text, numbering as text (가. 나. 다.), the 결재란, photos fitted and never enlarged, 맑은 고딕, no
East Asian autospacing, table rows that never break across pages and header rows that repeat.

One sample plan holds a block of every kind, with a photo smaller than the page and one far larger.
"""

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from hwpx import HwpxDocument
from PIL import Image

import briefing
from briefing import package_data
from briefing.book import paperwork as documents
from briefing.cli.commands import main
from briefing.paperwork import data as pw
from briefing.paperwork import docx as paperwork_docx
from briefing.paperwork import hwpx as paperwork_hwpx

SMALL_PX, LARGE_PX = (300, 200), (4000, 3000)  # no resolution named: 96 dpi
APPROVAL = ("담당", "팀장", "과장", "국장")
OUTLINE = (pw.Line(0, "1)", "목적"), pw.Line(1, "가.", "우리측: 창업지원 협력 제안 3건"),
           pw.Line(1, "나.", "상대측: 4차 산업 프로그램 소개"), pw.Line(1, "다.", "MO/U 체결 논의"),
           pw.Line(2, "", "이어지는 줄"))


def photos(folder: Path) -> tuple[str, str]:
    paths = []
    for name, size in (("small.png", SMALL_PX), ("large.jpg", LARGE_PX)):
        path = folder / name
        Image.new("RGB", size, (40, 110, 170)).save(path)
        paths.append(str(path))
    return paths[0], paths[1]


def sample(folder: Path) -> pw.Paperwork:
    small, large = photos(folder)
    budget = pw.Grid(("항목", "통화", "금액", "산출근거"),
                     tuple((f"항목 {i}", "KRW", f"{i * 1000:,}", "4명 × 3박") for i in range(60)),
                     (46, 18, 36, 70), right=(2,), closing=(("합계", "KRW", "1,770,000", ""),),
                     unit="(단위: 원)")
    return pw.Paperwork(
        pw.PLAN, "ko", "출장계획서", "고양특례시 유럽 출장",
        ("2023. 2. 26.(일) – 3. 5.(일) (6박 8일)", "고양특례시 · 전략산업과"), "대외비",
        (pw.Section("1. 출장 개요", (
            pw.Facts((("출장 기간", "6박 8일"), ("출장자", "5명"))),
            pw.Part("가. 바르셀로나 액티바 방문", (pw.Outline(OUTLINE),)))),
         pw.Section("2. 소요 예산", (budget, pw.Flag("소요 예산이 아직 작성되지 않았습니다."))),
         pw.Section("3. 붙임", (pw.Photo(small, "사진 1. 면담"), pw.Photo(large, "사진 2. 전시장")))),
        pw.Approval(APPROVAL))


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> pw.Paperwork:
    return sample(tmp_path_factory.mktemp("photos"))


@pytest.fixture(scope="module")
def word(plan):
    return docx.Document(io.BytesIO(paperwork_docx.render(plan)))


@pytest.fixture(scope="module")
def hancom(plan) -> bytes:
    return paperwork_hwpx.render(plan)


# -- Word -----------------------------------------------------------------------------------------


def test_every_section_and_outline_line_is_text_with_its_marker(plan, word):
    paper_doc, document = plan, word
    texts = [p.text for p in document.paragraphs]
    for heading in paper_doc.headings():
        assert heading in texts
    for line in OUTLINE:  # '가.<tab>…', typed out: a Word list number is lost in Hancom
        assert (f"{line.marker}\t{line.text}" if line.marker else line.text) in texts
    outline = [p for p in document.paragraphs if p.text.startswith(("가.", "나.", "다."))
               and not p.style.name.startswith("Heading")]
    assert [p.text[:2] for p in outline] == ["가.", "나.", "다."]
    assert all(p._p.pPr.numPr is None for p in outline)
    assert all(p.paragraph_format.first_line_indent < 0 for p in outline)  # the text hangs
    assert "소요 예산이 아직 작성되지 않았습니다." in texts


def test_the_approval_box_opens_the_first_page_with_its_labels_and_empty_cells(word):
    document = word
    body = list(document.element.body.iterchildren())
    assert body[0].tag == qn("w:tbl")  # above the title
    box = document.tables[0]
    assert [c.text for c in box.rows[0].cells] == list(APPROVAL)
    assert [c.text for c in box.rows[1].cells] == [""] * len(APPROVAL)
    assert box.rows[1].height >= Pt(40)  # room for a seal
    assert document.paragraphs[0].text == "출장계획서"


def test_photos_fit_the_page_and_are_never_enlarged(word):
    document = word
    small, large = document.inline_shapes
    assert round(small.width / Pt(1)) == SMALL_PX[0] * 72 // 96  # natural size, 96 dpi
    section = document.sections[0]
    room = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    assert large.width <= room and large.height <= height * pw.PHOTO_HEIGHT + 1
    assert abs(large.width / large.height - 4 / 3) < 0.01
    texts = [p.text for p in document.paragraphs]
    assert "사진 1. 면담" in texts and "사진 2. 전시장" in texts


def test_rows_never_break_and_header_rows_repeat(word):
    document = word
    for table in document.tables:
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    budget = next(t for t in document.tables if t.rows[0].cells[0].text == "항목")
    assert budget.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    unit = Paragraph(budget._tbl.getprevious(), None)
    assert unit.text == "(단위: 원)"  # just above the table, flush right


def test_malgun_gothic_for_hangul_and_latin_and_no_autospacing(word):
    document = word
    for name in ("Normal", "Heading 1", "Title"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Malgun Gothic"
        assert fonts.get(qn("w:eastAsia")) == "맑은 고딕"
    font_table = next(r.target_part for r in document.part.rels.values()
                      if r.reltype.endswith("/fontTable"))
    assert b'w:name="Malgun Gothic"' in font_table.blob and b'w:val="81"' in font_table.blob
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # '6박 8일', not '6 박 8 일', everywhere
        assert defaults.find(qn("w:pPr")).find(qn(tag)).get(qn("w:val")) == "0"
        assert document.styles["Normal"].element.pPr.find(qn(tag)).get(qn("w:val")) == "0"


def test_the_export_asks_for_malgun_gothic_unless_a_font_is_picked(tmp_path):
    trip = briefing.loads(package_data.example_text())
    out = tmp_path / "plan.docx"
    documents.export_file(trip, pw.PLAN, out)  # no font picked: not the book's own fallback
    fonts = docx.Document(str(out)).styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Malgun Gothic"


# -- Hancom ---------------------------------------------------------------------------------------


def test_the_footer_properties_and_totals_are_the_documents_own(plan):
    data = paperwork_docx.render(plan)
    word = docx.Document(io.BytesIO(data))
    footer = word.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("고양특례시 · 전략산업과\t")  # as the PDF's, then the page
    assert "PAGE" in footer._p.xml and "NUMPAGES" in footer._p.xml
    parts = _parts(data)
    app = parts["docProps/app.xml"].decode()
    assert "<Application>Briefing</Application>" in app
    assert "Microsoft" not in app and "<Pages>" not in app
    assert not any("thumbnail" in name for name in parts)  # the template's blank page
    assert b"thumbnail" not in parts["_rels/.rels"]
    # the 합계 row never opens a page alone: the last body row keeps with it
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "항목")
    last, total = table.rows[-2], table.rows[-1]
    assert total.cells[0].text == "합계" and last.cells[0].text == "항목 59"
    assert all(p.paragraph_format.keep_with_next for c in last.cells for p in c.paragraphs)
    assert not table.rows[-3].cells[0].paragraphs[0].paragraph_format.keep_with_next


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_a_valid_package_that_hancom_reads(hancom):
    data = hancom
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/hwp+zip"
        names = z.namelist()
    for part in ("version.xml", "META-INF/container.xml", "META-INF/manifest.xml",
                 "Contents/content.hpf", "Contents/header.xml", "Contents/section0.xml"):
        assert part in names
    document = HwpxDocument.open(io.BytesIO(data))
    try:
        report = document.validate()  # the OWPML schemas the library ships
        assert report.ok, report.errors
    finally:
        document.close()


def test_the_preview_text_is_the_documents_first_lines(plan, hancom):
    preview = _parts(hancom)["Preview/PrvText.txt"].decode("utf-8")
    assert preview.startswith("출장계획서\r\n고양특례시 유럽 출장\r\n2023. 2. 26.(일)")
    assert "3. 붙임" in preview and len(preview) <= 1024


def test_every_section_reads_back_with_its_markers(plan, hancom):
    paper_doc = plan
    lines = paperwork_hwpx.text_of(hancom).splitlines()
    for heading in paper_doc.headings():
        assert heading in lines
    for line in OUTLINE:
        assert (f"{line.marker} {line.text}" if line.marker else line.text) in lines
    assert "항목 59\tKRW\t59,000\t4명 × 3박" in lines
    assert "합계\tKRW\t1,770,000\t" in lines
    assert "사진 1. 면담" in lines and "소요 예산이 아직 작성되지 않았습니다." in lines


def test_the_approval_box_comes_first_labels_over_empty_cells(hancom):
    section = _parts(hancom)["Contents/section0.xml"].decode()
    first = section[section.index("<hp:tbl "):section.index("</hp:tbl>")]
    assert section.index("<hp:tbl ") < section.index("<hp:t>출장계획서</hp:t>")
    rows = re.findall(r"<hp:tr>(.*?)</hp:tr>", first)
    assert [re.findall(r"<hp:t>([^<]*)</hp:t>", r) for r in rows] == [list(APPROVAL), []]
    assert len(re.findall(r"<hp:tc ", rows[1])) == len(APPROVAL)


def test_photos_are_embedded_fitted_and_never_enlarged(hancom):
    parts = _parts(hancom)
    assert len([n for n in parts if n.startswith("BinData/")]) == 2
    section = parts["Contents/section0.xml"].decode()
    sizes = [(int(w), int(h)) for w, h in
             re.findall(r'<hp:pic .*?<hp:sz width="(\d+)"[^>]*height="(\d+)"', section)]
    small, large = sizes
    assert abs(small[0] - SMALL_PX[0] * 72 // 96 * 100) <= 2  # HWPUNIT: 100 to the point
    text_width = (210 - 2 * paperwork_hwpx.MARGIN_SIDE) * paperwork_hwpx.HWPUNIT_PER_MM
    assert large[0] <= text_width + 1 and abs(large[0] / large[1] - 4 / 3) < 0.01


def test_malgun_gothic_rows_kept_whole_and_header_rows_repeated(hancom):
    parts = _parts(hancom)
    header = parts["Contents/header.xml"].decode()
    faces = set(re.findall(r'<hh:font [^>]*face="([^"]*)"', header))
    assert faces == {"맑은 고딕"}
    assert 'name="제목 1"' in header and 'name="제목 2"' in header  # headings are styles
    heading = re.search(r'<hh:style [^>]*name="제목 1"[^>]*paraPrIDRef="(\d+)"', header)[1]
    shape = re.search(rf'<hh:paraPr [^>]*id="{heading}".*?</hh:paraPr>', header)[0]
    assert 'keepWithNext="1"' in shape  # a heading never ends a page
    # no space put between Hangul and Latin letters or digits; lines break between words
    assert set(re.findall(r"<hh:autoSpacing [^>]*>", header)) == {
        '<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>'}
    assert set(re.findall(r'breakNonLatinWord="(\w+)"', header)) == {"KEEP_WORD"}
    section = parts["Contents/section0.xml"].decode()
    tables = re.findall(r"<hp:tbl [^>]*>", section)
    assert tables and all('pageBreak="CELL"' in t for t in tables)  # a row never splits
    budget = next(t for t in tables if 'rowCnt="62"' in t)
    assert 'repeatHeader="1"' in budget


def test_the_commands_write_hwpx(tmp_path, capsys):
    trip_path = tmp_path / "trip.yaml"
    trip = briefing.loads(package_data.example_text())
    briefing.save(trip, trip_path)
    for kind in pw.KINDS:
        out = tmp_path / f"{kind}.hwpx"
        assert main([kind, str(trip_path), "-o", str(out)]) == 0
        lines = paperwork_hwpx.text_of(out.read_bytes()).splitlines()
        assert set(pw.build(trip, kind).headings()) <= set(lines)
    assert main(["plan", str(trip_path), "-o", str(tmp_path / "plan.hwp")]) == 1
    assert ".hwpx" in capsys.readouterr().err
