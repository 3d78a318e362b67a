"""The plan and report a 과장 signs (issue 20), read back as the reader gets them: each section's
text from the PDF (pypdf), the 결재란 on the first page, the photo as an image in the PDF, the won
totals to the won; the checks on the new fields; the format-2 example the command line writes."""

import copy
import datetime as dt
import io
import re
import time
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import paperwork as pdf
from briefing.cli.commands import main
from briefing.paperwork import data as paperwork
from briefing.paperwork import docx as paperwork_docx
from briefing.rules.validate import validate
from briefing.trip import model, schema


@pytest.fixture
def report_path(tmp_path: Path) -> Path:
    """The format-2 example and its photos, as `briefing example --paperwork` writes them."""
    target = tmp_path / "report.yaml"
    assert main(["example", "--paperwork", "-o", str(target)]) == 0
    return target


def pages_of(data: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def flat(data: bytes) -> str:
    return "".join(pages_of(data))


def render(trip: model.Trip, kind: str, lang: str | None = None) -> bytes:
    data, _ = pdf.render(trip, paperwork.build(trip, kind, lang))
    return data


# -- the example ----------------------------------------------------------------------------------


def test_the_paperwork_example_is_written_with_its_photo_and_fills_every_new_field(report_path):
    assert (report_path.parent / "photos" / "activa.png").is_file()
    trip = briefing.load(report_path)
    assert trip.format_version == 2 and validate(trip) == []
    assert report_path.read_bytes() == package_data.report_example_path().read_bytes()
    info = trip.info
    for name in ("expected_effects", "budget_code", "exchange_rates", "approval_line"):
        assert getattr(info, name), name
    for record, rows in ((model.ExchangeRate, info.exchange_rates),
                         (model.Attachment, info.report.attachments),
                         (model.Remark, [r for s in trip.stops for r in s.discussion]),
                         (model.BudgetItem, info.report.expenses)):
        used = {f.name for f in schema.fields_of(record) for r in rows if getattr(r, f.name)}
        assert used == {f.name for f in schema.fields_of(record)}, record
    assert {r.side for s in trip.stops for r in s.discussion} == {"ours", "theirs"}
    assert any(a.file for a in info.report.attachments)
    assert any(not a.file for a in info.report.attachments)
    one = report_path.parent / "one" / "trip.yaml"  # without --paperwork: format 1, no photos
    one.parent.mkdir()
    assert main(["example", "-o", str(one)]) == 0
    assert one.read_bytes() == package_data.example_path().read_bytes()
    assert not (one.parent / "photos").exists()


# -- the plan -------------------------------------------------------------------------------------


def test_the_plan_gives_each_visit_its_host_counterparts_purpose_agenda_and_messages(report_path):
    trip = briefing.load(report_path)
    text = flat(render(trip, paperwork.PLAN))
    section = text[text.index("4.방문기관별주요내용"):text.index("5.숙박")]
    visit = section[section.index("나.바르셀로나액티바"):section.index("다.헤로나")]
    stop = trip.stops[1]
    assert re.sub(r"\s+", "", stop.host) in visit
    assert re.sub(r"\s+", "", stop.counterparts[0].name) in visit
    for heading in ("1)목적", "2)주요일정", "3)우리측주요메시지"):
        assert heading in visit
    assert re.sub(r"\s+", "", stop.agenda[0].item) in visit
    key = next(p for p in stop.talking_points if p.key)
    assert re.sub(r"\s+", "", key.text)[:30] in visit


def test_the_plan_has_every_section_in_order_and_its_own_expected_effects(report_path):
    trip = briefing.load(report_path)
    text = flat(render(trip, paperwork.PLAN))
    order = ["1.출장개요", "다.출장자명단", "2.출장필요성", "3.세부일정", "4.방문기관별주요내용",
             "5.숙박", "6.소요예산", "7.기대효과", "8.비상연락처"]
    positions = [text.index(h) for h in order]
    assert positions == sorted(positions)
    effects = text[text.index("7.기대효과"):text.index("8.비상연락처")]
    assert "일산테크노밸리입주상담대상해외스타트업10곳" in effects
    assert trip.info.objectives[0].replace(" ", "") not in effects  # not the objectives again
    assert "주스페인대한민국대사관" in text[text.index("8.비상연락처"):]
    stays = text[text.index("5.숙박"):text.index("6.소요예산")]
    assert "3박" in stays and "합계" in stays and "6박" in stays


def test_a_flight_is_on_its_departure_day_with_the_day_it_lands(report_path):
    trip = briefing.load(report_path)
    text = flat(render(trip, paperwork.PLAN))
    itinerary = text[text.index("3.세부일정"):text.index("4.방문기관별주요내용")]
    assert itinerary.count("KE0001") == 1  # not again on the day it lands
    assert "17:30(프랑크푸르트)~익일14:30(인천)" in itinerary
    assert "10:00~17:00" in itinerary  # a stop's range as official documents write it
    trip.stops[2].start, trip.stops[2].end = dt.time(19), dt.time(0, 30)  # a late reception
    text = flat(render(trip, paperwork.PLAN))
    assert "19:00~익일00:30" in text[text.index("3.세부일정"):text.index("4.방문기관별주요내용")]


def test_no_sub_heading_ends_a_page_and_a_continued_itinerary_names_its_day(report_path):
    trip = briefing.load(report_path)
    pages = PdfReader(io.BytesIO(render(trip, paperwork.PLAN))).pages
    continued = 0
    for n, page in enumerate(pages, 1):
        lines = [re.sub(r"\s+", "", line) for line in page.extract_text().splitlines()]
        heads = [i for i, line in enumerate(lines) if re.match(r"\d\)\S", line)]
        if heads:  # '3) 우리측 주요 메시지' has its first line under it on the same page
            assert any(x[:1] in "○-" for x in lines[heads[-1] + 1:] if x), (n, lines[heads[-1]])
        text = "".join(lines)
        if "3.세부일정(계속)" in text:
            continued += 1
            assert re.search(r"일자시간일정장소\d+일차\d+\.\d+\.", text), n  # not a blank day
    assert continued == 1


def test_the_budget_in_won_is_exact_with_the_rate_and_its_date_and_source(report_path):
    trip = briefing.load(report_path)
    info = trip.info
    info.budget = [model.BudgetItem("항공료", Decimal("1000000"), "KRW", "1명"),
                   model.BudgetItem("입장권", Decimal("1"), "EUR", ""),
                   model.BudgetItem("자료집", Decimal("1"), "EUR", "")]
    info.exchange_rates = [model.ExchangeRate("EUR", Decimal("1000.5"), dt.date(2023, 2, 20),
                                              "서울외국환중개")]
    text = flat(render(trip, paperwork.PLAN))
    budget = text[text.index("6.소요예산"):text.index("7.기대효과")]
    # each row rounds half-up to 1,001 won; the total is of the exact amounts: 1,002,001
    assert budget.count("1유로1,001") == 2
    assert "원화합계1,002,001" in budget
    assert "(단위:원)" in budget and "예산과목국외업무여비" in budget
    assert "적용환율:1,000.50원/EUR(2023.2.20.(월),서울외국환중개)" in budget


def test_a_currency_without_a_rate_is_left_out_of_the_won_total_and_said(report_path):
    trip = briefing.load(report_path)
    trip.info.exchange_rates = []
    text = flat(render(trip, paperwork.PLAN))
    assert "원화합계(EUR제외)27,220,000" in text
    assert "EUR은환율이없어원화합계에서빠짐." in text  # 개조식, with its full stop


# -- the report -----------------------------------------------------------------------------------


def test_the_report_gives_each_visit_what_each_side_said_then_the_results(report_path):
    trip = briefing.load(report_path)
    text = flat(render(trip, paperwork.REPORT))
    section = text[text.index("3.주요활동및성과"):text.index("4.총괄결과")]
    visit = section[section.index("나.바르셀로나액티바"):section.index("다.헤로나")]
    said = visit.index("1)주요면담내용")
    assert visit.index("○우리측(이동환시장):고양방송영상밸리와바르셀로나미디어클러스터") > said
    assert "○상대측(BarcelonaActiva대표,예시):스타트업상호파견" in visit  # no nested brackets
    assert visit.index("2)결과") > visit.index("상대측")
    assert "창업보육프로그램과도시재생연계사례를청취" in visit[visit.index("2)결과"):]


def test_sub_items_are_numbered_the_korean_way_in_the_text_itself(report_path):
    assert [paperwork.marker(level, n) for level in range(4) for n in (1, 2, 3)] == [
        "1.", "2.", "3.", "가.", "나.", "다.", "1)", "2)", "3)", "가)", "나)", "다)"]
    assert paperwork.marker(1, 2, "en") == "b."
    trip = briefing.load(report_path)
    text = flat(render(trip, paperwork.REPORT))
    section = text[text.index("3.주요활동및성과"):text.index("4.총괄결과")]
    titles = [m + "." + re.sub(r"\s+", "", s.title) for m, s in zip("가나다라마", trip.stops, strict=True)]
    positions = [section.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "1.모바일월드" not in section  # not 1. 2. 3. under a numbered section


def test_visits_come_in_the_order_they_happen_not_the_files(report_path):
    trip = briefing.load(report_path)
    trip.stops.reverse()  # the file now starts with 3. 3. and ends with 2. 27.
    expected = ["모바일월드콩그레스", "바르셀로나액티바", "헤로나", "메쎄프랑크푸르트", "리드디스커버리"]
    for kind, first, after in ((paperwork.PLAN, "4.방문기관별주요내용", "5.숙박"),
                               (paperwork.REPORT, "3.주요활동및성과", "4.총괄결과")):
        text = flat(render(trip, kind))
        section = text[text.index(first):text.index(after)]
        titled = [f"{m}.{name}" for m, name in zip("가나다라마", expected, strict=True)]
        assert [section.find(t) for t in titled] == sorted(section.find(t) for t in titled)
        assert -1 not in [section.find(t) for t in titled], kind


def test_the_wording_is_the_way_staff_write_it_and_both_documents_end_with_kkeut(report_path):
    trip = briefing.load(report_path)
    plan = flat(render(trip, paperwork.PLAN))
    report = flat(render(trip, paperwork.REPORT))
    for text in (plan, report):
        assert "방문(방문)" not in text  # the kind is not said twice
        assert "바르셀로나액티바(BarcelonaActiva)방문" in text
        assert "항공:대한항공KE0000편" in text and "차량:현지코디네이터(예시)" in text
    assert "모바일월드콩그레스(MWC)2023(전시회)" in plan  # a title that does not say its kind
    stays = plan[plan.index("5.숙박"):plan.index("6.소요예산")]
    assert "숙소도시숙박기간숙박일수" in stays and "출장기간" not in stays
    follow = report[report.index("6.향후추진계획"):report.index("7.경비집행")]
    assert "조치사항관련방문담당" in follow
    # the 붙임 list ends the report, the emergency contacts table the plan
    assert "3.GSMAMWC2023전시안내책자1부.끝." in report
    assert plan.endswith("strategy@example.org끝.출장계획서·고양특례시유럽출장")
    # 시사점 typed as bullets only: the first level, ○, as 총괄 결과's
    insights = report[report.index("5.시사점"):report.index("6.향후추진계획")]
    assert insights.startswith("5.시사점○첨단산업유치는") and "-" not in insights
    english = flat(render(trip, paperwork.REPORT, "en"))
    assert "끝." not in english and "Flight:대한항공KE0000" in english
    for text in (plan, report):  # the two overviews in one order, to be read side by side
        assert text.index("방문지") < text.index("출장자5명")
    assert "합계(원)" in plan and "합계(유로)3,995유로" in plan and "(KRW)" not in plan
    visits = plan[plan.index("4.방문기관별주요내용"):plan.index("5.숙박")]
    assert "(홍길동전략산업과장,예시인물)" in visits and "인물))" not in visits  # one pair
    contacts = plan[plan.index("8.비상연락처"):]
    assert contacts.index("이동환시장단장+8210-0000-0001") < contacts.index("주스페인대한민국대사관")


def test_the_expenses_give_each_column_one_unit_and_mark_an_overspend(report_path):
    trip = briefing.load(report_path)
    text = flat(render(trip, paperwork.REPORT))
    spent = text[text.index("7.경비집행"):text.index("8.붙임")]
    assert "항목산출근거예산(외화)집행액(외화)예산(원화)집행액(원화)증감(원화)" in spent
    # a won item has no foreign amount; a decrease is written △, as official documents do
    assert "항공료5명×2,824,000원(예시)14,500,00014,120,000△380,000" in spent
    assert "5명×799.00유로(예시)3,995유로3,995유로5,674,8985,674,8980" in spent
    # 27,220,000 + 3,995 × 1,420.50 = 32,894,897.5 planned; 32,589,897.5 spent: won under won
    assert "원화합계32,894,89832,589,898△305,000" in spent
    assert "외화집행액은계획서환율로환산함:1,420.50원/EUR" in spent
    assert "-380,000" not in spent and "초과" not in spent
    report = paperwork.report(trip)
    grid = next(b for s in report.sections for b in s.blocks
                if isinstance(b, paperwork.Grid) and "증감(원화)" in b.header)
    over = [grid.rows[r][0] for r, c in grid.marked if r < len(grid.rows)]
    assert over == ["현지 교통비"] and grid.rows[3][-1] == "255,000"  # 2,655,000 - 2,400,000
    word = docx.Document(io.BytesIO(paperwork_docx.render(report)))
    table = next(t for t in word.tables if t.rows[0].cells[-1].text == "증감(원화)")
    run = table.rows[4].cells[-1].paragraphs[0].runs[0]
    assert run.text == "255,000" and run.bold and str(run.font.color.rgb) == "B42318"
    trip.info.report.expenses[0].amount = Decimal("16000000")  # 1,880,000 more than planned
    over = flat(render(trip, paperwork.REPORT))
    spent = over[over.index("7.경비집행"):over.index("8.붙임")]
    assert "원화합계32,894,89834,469,8981,575,000" in spent
    # a line the 과장 may keep, not a red box in the document to be signed
    assert "※집행액이예산을1,575,000원초과함." in spent
    assert "많습니다" not in over


def test_the_report_prints_the_photo_with_its_title_and_lists_the_material(report_path):
    trip = briefing.load(report_path)
    data = render(trip, paperwork.REPORT)
    text = flat(data)
    attached = text[text.index("8.붙임"):]
    assert "1.바르셀로나액티바면담사진(예시)1부." in attached
    assert "3.GSMAMWC2023전시안내책자1부." in attached
    assert attached.count("바르셀로나액티바면담사진(예시)") == 2  # listed, and under the photo
    sizes = _images(data)
    assert len(sizes) == 1
    (width, height), = sizes.values()
    assert width == pytest.approx(pdf.text_width("a4"), abs=0.5)  # 960 px: scaled down
    assert height == pytest.approx(width * 640 / 960, abs=0.5)


def test_a_small_photo_is_never_scaled_up(report_path):
    from PIL import Image  # ReportLab's own dependency

    Image.new("RGB", (4, 2), "red").save(report_path.parent / "photos" / "dot.png", dpi=(96, 96))
    trip = briefing.load(report_path)
    trip.info.report.attachments = [model.Attachment("점", "photos/dot.png")]
    sizes = _images(render(trip, paperwork.REPORT))
    assert list(sizes.values()) == [(pytest.approx(3, abs=0.01), pytest.approx(1.5, abs=0.01))]  # 4×2 px at 96 dpi


def _images(data: bytes) -> dict[str, tuple[float, float]]:
    """Every image drawn in the PDF (ReportLab wraps each in a form), with the size it is drawn at."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        forms = {name: x.get_object() for name, x in xobjects.items()}
        images = {name for name, form in forms.items()
                  if form.get("/Subtype") == "/Image" or any(
                      o.get_object().get("/Subtype") == "/Image"
                      for o in form.get("/Resources", {}).get("/XObject", {}).values())}
        matrix = None
        for operands, operator in page.get_contents().operations:
            if operator == b"cm":
                matrix = [float(x) for x in operands]
            elif operator == b"Do" and operands[0] in images:
                found[operands[0]] = (matrix[0], matrix[3])
    return found


# -- the 결재란 and the marking ------------------------------------------------------------------


@pytest.mark.parametrize("kind", paperwork.KINDS)
def test_the_approval_box_is_on_the_first_page_with_its_labels_in_order(report_path, kind):
    trip = briefing.load(report_path)
    trip.info.approval_line = ["담당", "팀장", "과장", "부시장"]
    first = pages_of(render(trip, kind))[0]
    assert "담당팀장과장부시장" in first
    assert first.index("부시장") < first.index("1.출장개요")
    assert paperwork.build(trip, kind).approval == paperwork.Approval(("담당", "팀장", "과장", "부시장"))
    trip.info.approval_line = []
    assert "팀장과장" not in pages_of(render(trip, kind))[0]


def test_no_marking_leaves_the_marking_out_of_plan_and_report(report_path, tmp_path):
    for kind in paperwork.KINDS:
        marked, clean = tmp_path / f"{kind}.pdf", tmp_path / f"{kind}.public.pdf"
        assert main([kind, str(report_path), "-o", str(marked)]) == 0
        assert main([kind, str(report_path), "-o", str(clean), "--no-marking"]) == 0
        assert "대외비" in flat(marked.read_bytes())
        assert "대외비" not in flat(clean.read_bytes())


# -- the checks -----------------------------------------------------------------------------------


def _found(trip) -> dict[str, tuple[str, str]]:
    return {p.path: (p.severity, p.describe("ko").rstrip(".")) for p in validate(trip)}


def test_a_basis_counting_other_nights_or_people_than_the_trip_is_a_warning(report_path):
    trip = briefing.load(report_path)
    trip.info.budget[1].basis = "4명 × 4박 × 180,000원"  # the stays: 6 nights; delegation: 5
    trip.stays[0].check_out = dt.date(2023, 2, 27)  # now 1 + 2 + 1 = 4 nights: that one agrees
    found = _found(trip)
    severity, text = found["trip.budget[1].basis"]
    assert severity == "warning"
    assert text == "숙박비 산출근거 '4명 …': 출장자는 5명입니다"
    trip.info.budget[1].basis = "5명 × 3박 × 240,000원"
    assert found != _found(trip)
    assert _found(trip)["trip.budget[1].basis"][1] == "숙박비 산출근거 '5명 × 3박 …': 숙박은 4박입니다"
    trip.info.budget[1].basis = "5명 × 4박 × 240,000원"
    assert "trip.budget[1].basis" not in _found(trip)


def test_an_amount_that_is_not_what_its_basis_multiplies_out_to_is_a_warning(report_path):
    trip = briefing.load(report_path)
    assert not any(p.path.endswith(".amount") for p in validate(trip))  # the example adds up
    trip.info.budget[1].amount = Decimal("7000000")  # basis: 5명 × 6박 × 240,000원 (예시)
    trip.info.report.expenses[4].amount = Decimal("3990")  # basis: 5명 × 799.00유로 (예시)
    found = _found(trip)
    assert found["trip.budget[1].amount"] == ("warning", "숙박비 산출근거 '5명 × 6박 × 240,000원 "
                                              "(예시)': 곱하면 7,200,000이나 금액은 7,000,000입니다")
    assert "3,995.00" in found["trip.report.expenses[4].amount"][1]
    plan = paperwork.plan(trip)  # the plan shows which amount the warning is about
    grid = next(b for s in plan.sections for b in s.blocks
                if isinstance(b, paperwork.Grid) and b.unit)
    assert grid.marked == ((1, 2),) and grid.rows[1][2] == "7,000,000원"
    trip.info.budget[1].basis = "5명 x 6박 x 240,000원 x 환율 변동분"  # not counts times a price
    trip.info.budget[3].basis = "전용 차량 4일, 열차 2구간"
    assert "trip.budget[1].amount" not in _found(trip)


def test_rates_missing_duplicated_or_for_won_are_caught(report_path):
    trip = briefing.load(report_path)
    trip.info.exchange_rates = []
    found = _found(trip)
    assert found["trip.budget[4].currency"][0] == "warning"
    assert "EUR의 환율이 없어" in found["trip.budget[4].currency"][1]
    assert "trip.report.expenses[4].currency" in found
    trip.info.exchange_rates = [model.ExchangeRate("EUR", Decimal("1420.5")),
                                model.ExchangeRate("EUR", Decimal("1400")),
                                model.ExchangeRate("KRW", Decimal("1"))]
    found = _found(trip)
    assert found["trip.exchange_rates[1].currency"][0] == "error"
    assert "1행" in found["trip.exchange_rates[1].currency"][1]
    assert found["trip.exchange_rates[2].currency"][0] == "error"
    assert "trip.budget[4].currency" not in found


def test_an_approval_line_holds_up_to_six_short_labels(report_path):
    trip = briefing.load(report_path)
    trip.info.approval_line = ["담당", "팀장", "과장", "국장", "부시장", "시장"]
    assert not [p for p in validate(trip) if "approval_line" in p.path]
    trip.info.approval_line += ["비서실장"]
    assert _found(trip)["trip.approval_line[6]"][0] == "error"
    trip.info.approval_line = ["담당", "전략산업과 기업유치팀장"]
    severity, text = _found(trip)["trip.approval_line[1]"]
    assert severity == "warning" and "직위만" in text


def test_an_attachment_that_cannot_be_printed_is_an_error_at_its_line(report_path):
    folder = report_path.parent / "photos"
    (folder / "notes.png").write_text("not an image", encoding="utf-8")
    with open(folder / "huge.jpg", "wb") as f:  # sparse: 21 MB on paper, nothing on disk
        f.write(b"\xff\xd8\xff")
        f.truncate(21 * 2**20)
    text = report_path.read_text(encoding="utf-8").replace(
        "        file: photos/activa.png\n",
        "        file: photos/activa.png\n      - title: 없음\n        file: photos/gone.png\n"
        "      - title: 글\n        file: photos/notes.png\n      - title: 큼\n"
        "        file: photos/huge.jpg\n      - title: 폴더\n        file: photos\n")
    report_path.write_text(text, encoding="utf-8")
    trip = briefing.load(report_path)
    errors = {p.path: p for p in validate(trip) if p.severity == "error"}
    lines = text.splitlines()
    for i, words in ((1, "gone.png"), (2, "PNG or JPEG"), (3, "at most 20 MB"),
                     (4, "not a regular file")):
        problem = errors.pop(f"trip.report.attachments[{i}].file")
        assert words in problem.message
        assert "file: photos" in lines[problem.line - 1]
    assert errors == {}
    assert main(["report", str(report_path)]) == 1  # nothing is printed with a bad photo


# -- at scale -------------------------------------------------------------------------------------


def test_the_report_of_thousands_of_stops_builds_in_linear_time(report_path):
    trip = briefing.load(report_path)

    def timed(n: int) -> float:
        big = copy.copy(trip)
        big.stops = [copy.deepcopy(trip.stops[i % 5]) for i in range(n)]
        for stop in big.stops[::2]:
            stop.results = ""
        start = time.perf_counter()
        paperwork.report(big)
        assert [n for n, _ in paperwork.without_results(big)][:2] == [1, 3]
        return time.perf_counter() - start

    small, large = min(timed(250) for _ in range(2)), min(timed(1000) for _ in range(2))
    assert large < 8 * small  # four times the stops: about four times the time, not sixteen
