"""The trip plan and the post-trip report, read back as a reader gets them: the PDF's text (pypdf),
the .docx opened with python-docx, and the command line's files and exit codes."""

import datetime as dt
import io
import re
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import paperwork as pdf
from briefing.cli.commands import main
from briefing.paperwork import data as paperwork
from briefing.paperwork import docx as paperwork_docx
from briefing.trip import model, money


def format2_trip() -> model.Trip:
    """The example trip with everything format 2 adds, including a stop without results."""
    trip = briefing.loads(package_data.example_text())
    info = trip.info
    info.necessity = "MWC는 세계 최대 모바일 전시회로, 현장에서 동향을 확인할 필요가 있음.\n\n- 기업 유치\n- 협력망 구축"
    info.budget = [
        model.BudgetItem("항공료", Decimal("12000000"), "", "5명 × 2,400,000원"),
        model.BudgetItem("현지 교통", Decimal("480000"), "KRW", "버스 임차"),
        model.BudgetItem("경유지 교통", Decimal("1200.25"), "SGD", "택시"),
        model.BudgetItem("경유지 식비", Decimal("250.25"), "sgd", ""),
    ]
    info.report = model.Report("협력망을 넓혔음.", "전시장 운영 사례를 참고할 것.", "전략산업과",
                               dt.date(2023, 3, 20))
    first, second, third = trip.stops[:3]
    first.results = "- GSMA 면담\n- 한국관 기업 12곳 방문"
    first.follow_up = [model.FollowUp("GSMA와 2024 공동관 협의", "mayor", dt.date(2023, 5, 31)),
                       model.FollowUp("기업 목록 정리", "현지 코디네이터", dt.date(2023, 3, 31), True)]
    second.results = "창업지원 자료 입수"
    third.follow_up = [model.FollowUp("꽃박람회 초청장 발송", "strategy_head", dt.date(2023, 4, 15)),
                       model.FollowUp("기한 없는 조치", "strategy_staff")]
    # the fourth and fifth stops have no results: the report must say so
    return trip


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- what the documents hold ----------------------------------------------------------------------


def test_amounts_are_exact_and_written_with_their_currencys_decimals():
    assert money.money_text(Decimal("12480000"), "KRW") == "KRW 12,480,000"
    assert money.money_text(Decimal("1450.5"), "SGD") == "SGD 1,450.50"
    assert money.money_text(Decimal("12.345"), "KWD") == "KWD 12.345"
    assert money.amount_text(Decimal("100.5"), "KRW") == "100.5"  # never rounded away
    items = [model.BudgetItem("a", Decimal("0.1"), "USD"), model.BudgetItem("b", Decimal("0.2"), "usd"),
             model.BudgetItem("c", None, "EUR"), model.BudgetItem("d", Decimal("5"))]
    assert money.totals(items) == [("USD", Decimal("0.3")), ("KRW", Decimal("5"))]


def test_the_plan_totals_each_currency_apart():
    plan = paperwork.plan(format2_trip())
    budget = next(s for s in plan.sections if s.title.endswith("소요 예산")).blocks[0]
    assert budget.closing == (("합계 (원)", "", "12,480,000원", "12,480,000"),
                              ("합계 (싱가포르달러)", "", "1,450.50싱가포르달러", ""),
                              ("원화 합계 (SGD 제외)", "", "", "12,480,000"))
    assert budget.unit == "(단위: 원)"


def test_follow_ups_come_by_due_date_with_the_owner_by_name():
    report = paperwork.report(format2_trip())
    table = report.sections[-1].blocks[0]
    assert [row[1] for row in table.rows] == [
        "기업 목록 정리", "꽃박람회 초청장 발송", "GSMA와 2024 공동관 협의", "기한 없는 조치"]
    assert [row[3] for row in table.rows] == [
        "현지 코디네이터", "홍길동 전략산업과장 (예시 인물)", "이동환 시장", "김철수 전략산업과 주무관 (예시 인물)"]
    assert [row[5] for row in table.rows] == ["완료", "추진 중", "추진 중", "추진 중"]


# -- the PDF --------------------------------------------------------------------------------------


def test_the_plan_pdf_prints_its_sections_and_a_total_per_currency():
    trip = format2_trip()
    data, result = pdf.render(trip, paperwork.plan(trip))
    text = pdf_text(data)
    assert result.pages >= 3
    flat = squashed(text)
    headings = ("1.출장개요", "가.출장목적", "나.주요목표", "다.출장자명단", "2.출장필요성",
                "3.세부일정", "4.방문기관별주요내용", "5.숙박", "6.소요예산", "7.기대효과",
                "8.비상연락처")
    positions = [flat.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "합계(원)12,480,000원12,480,000" in flat and "합계(싱가포르달러)1,450.50싱가포르달러" in flat
    assert "(단위:원)" in flat and "원화합계(SGD제외)" in flat
    assert "5명×2,400,000원" in flat  # the basis beside its amount
    assert "(6박8일)" in flat  # nights in hotels, not on the plane


def test_the_report_pdf_has_its_sections_in_order_and_flags_stops_without_results():
    trip = format2_trip()
    data, _ = pdf.render(trip, paperwork.report(trip))
    flat = squashed(pdf_text(data))
    order = ["1.출장개요", "2.세부일정", "3.주요활동및성과", "4.총괄결과", "5.시사점", "6.향후추진계획"]
    positions = [flat.index(h) for h in order]
    assert positions == sorted(positions)
    assert flat.count("이방문의결과가아직작성되지않았습니다.") == 3  # stops 3, 4 and 5
    table = flat[flat.index("6.향후추진계획"):]
    rows = ["기업목록정리", "꽃박람회초청장발송", "GSMA와2024공동관협의", "기한없는조치"]
    assert [table.index(r) for r in rows] == sorted(table.index(r) for r in rows)
    assert "현지코디네이터" in table and "이동환시장" in table


def test_the_report_in_english():
    trip = format2_trip()
    data, _ = pdf.render(trip, paperwork.report(trip, "en"))
    text = pdf_text(data)
    for heading in ("Post-trip report", "1. Overview", "3. Main activities and results",
                    "4. Overall results", "5. Insights", "6. Follow-up plan"):
        assert heading in text
    assert "No results written for this visit yet." in text


# -- the Word file --------------------------------------------------------------------------------


def _docx(paper_doc, **kw) -> docx.document.Document:
    return docx.Document(io.BytesIO(paperwork_docx.render(paper_doc, **kw)))


@pytest.mark.parametrize("kind", paperwork.KINDS)
def test_the_docx_has_the_same_headings_as_real_heading_styles(kind):
    paper_doc = paperwork.build(format2_trip(), kind)
    document = _docx(paper_doc)
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    expected = []
    for section in paper_doc.sections:
        expected.append(("Heading 1", section.title))
        expected += [("Heading 2", b.title) for b in section.blocks if isinstance(b, paperwork.Part)]
    assert headings == expected
    assert document.paragraphs[0].text == paper_doc.title


def test_the_docx_tables_hold_the_budget_and_follow_up_rows():
    trip = format2_trip()
    plan = _docx(paperwork.plan(trip))
    budget = next(t for t in plan.tables if t.rows[0].cells[0].text == "항목")
    rows = [[c.text for c in row.cells] for row in budget.rows]
    assert rows[-3:] == [["합계 (원)", "", "12,480,000원", "12,480,000"],
                         ["합계 (싱가포르달러)", "", "1,450.50싱가포르달러", ""],
                         ["원화 합계 (SGD 제외)", "", "", "12,480,000"]]
    report_doc = paperwork.report(trip)
    follow = next(t for t in _docx(report_doc).tables if t.rows[0].cells[0].text == "#")
    assert [[c.text for c in row.cells] for row in follow.rows[1:]] == [
        list(r) for r in report_doc.sections[-1].blocks[0].rows]
    # the header row repeats on each page the table runs onto
    assert follow.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_docx_names_the_font_for_korean_and_sets_the_paper():
    document = _docx(paperwork.plan(format2_trip()), font="NanumGothic", paper="letter")
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "NanumGothic" == fonts.get(qn("w:ascii")), name
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over it
    section = document.sections[0]
    assert round(section.page_width.mm, 1) == 215.9 and round(section.page_height.mm, 1) == 279.4


# -- the command line -----------------------------------------------------------------------------


@pytest.fixture
def trip_file(tmp_path):
    path = tmp_path / "trip.yaml"
    briefing.save(format2_trip(), path)
    return path


def test_plan_and_report_default_to_pdfs_beside_the_trip(trip_file, capsys):
    assert main(["plan", str(trip_file)]) == 0
    assert main(["report", str(trip_file), "--lang", "en"]) == 0
    plan = trip_file.with_name("trip.plan.pdf")
    report = trip_file.with_name("trip.report.pdf")
    assert "출장계획서" in pdf_text(plan.read_bytes())
    assert "Post-trip report" in pdf_text(report.read_bytes())
    assert f"wrote {plan}" in capsys.readouterr().out


def test_a_docx_output_is_a_word_file(trip_file):
    out = trip_file.with_name("plan.docx")
    assert main(["plan", str(trip_file), "-o", str(out)]) == 0
    assert docx.Document(str(out)).paragraphs[0].text == "출장계획서"


def test_an_output_that_is_neither_pdf_nor_docx_is_refused(trip_file, capsys):
    before = trip_file.read_bytes()
    assert main(["report", str(trip_file), "-o", str(trip_file)]) == 1
    assert main(["report", str(trip_file), "-o", str(trip_file.with_name("x.txt"))]) == 1
    err = capsys.readouterr().err
    assert ".pdf" in err and "nothing was written" in err
    assert trip_file.read_bytes() == before and not trip_file.with_name("x.txt").exists()


def test_a_trip_with_errors_writes_no_paperwork(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("briefing: 2\ntrip:\n  title: x\n", encoding="utf-8")  # no dates
    assert main(["plan", str(bad), "--lang", "en"]) == 1
    assert "no trip plan was written" in capsys.readouterr().err
    assert not (tmp_path / "bad.plan.pdf").exists()


# -- how the pages look (found by looking at the format-2 example page by page) -----------------


def example_report_trip() -> model.Trip:
    return briefing.load(str(package_data.report_example_path()))


def test_a_visits_facts_are_not_split_over_two_pages():
    trip = example_report_trip()
    data, _ = pdf.render(trip, paperwork.report(trip))
    pages = [squashed(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]
    for i, stop in enumerate(trip.stops, 1):
        heading = squashed(f"{paperwork.marker(1, i)} {stop.title}") + "일시"  # heading, facts
        page = next(p for p in pages if heading in p)
        assert "참석자" in page[page.index(heading):], stop.title  # the last row came along


def test_the_follow_up_status_fits_its_column_in_english():
    trip = example_report_trip()
    data, _ = pdf.render(trip, paperwork.report(trip, "en"))
    lines = [line.strip() for line in pdf_text(data).splitlines()]
    assert any(line.endswith("In progress") for line in lines)
    assert not any(line.endswith(" In") or line == "progress" for line in lines)  # one line


def test_the_docx_keeps_rows_whole_and_korean_without_extra_spaces():
    document = _docx(paperwork.plan(example_report_trip()))
    for table in document.tables:
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        tags = [child.tag for child in table._tbl.tblPr]
        assert tags.index(qn("w:tblCellMar")) < tags.index(qn("w:tblLook"))  # the schema's order
    ppr = document.styles["Normal"].element.pPr
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # '6박 8일', not '6 박 8 일'
        assert ppr.find(qn(tag)).get(qn("w:val")) == "0"
    tags = [child.tag for child in ppr]
    assert tags.index(qn("w:autoSpaceDN")) < tags.index(qn("w:spacing"))


def test_the_report_command_warns_of_visits_without_results(trip_file, capsys):
    assert main(["report", str(trip_file), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    trip = briefing.load(trip_file)
    missing = [(i, s) for i, s in enumerate(trip.stops, 1) if not s.results.strip()]
    assert len(missing) >= 2
    assert f"{len(missing)} visit(s) have no results yet" in err
    assert all(f"{i}. {s.title}" in err for i, s in missing)
    assert main(["plan", str(trip_file)]) == 0  # the plan is written before the trip: no results
    assert "no results" not in capsys.readouterr().err
    assert main(["report", str(trip_file), "--lang", "ko"]) == 0
    err = capsys.readouterr().err
    said = f"briefing: 경고: 결과가 작성되지 않은 방문 {len(missing)}건"
    assert any(line.startswith(said) for line in err.splitlines())
