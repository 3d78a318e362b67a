"""Personal copies (`reader=`) and the changes page (`since=`), read back from the PDF."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data
from briefing.book import BookError, export_pdf


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def trip(tmp_path_factory) -> briefing.Trip:
    target = tmp_path_factory.mktemp("example") / "example.yaml"
    target.write_bytes(package_data.example_path().read_bytes())
    return briefing.load(target)


def texts(path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(path).pages]


def old_version(trip: briefing.Trip) -> briefing.Trip:
    old = copy.deepcopy(trip)
    old.info.version, old.info.updated = "2", dt.date(2023, 2, 20)
    old.stops[0].start = dt.time(9, 30)
    old.stops[1].title = "바르셀로나 액티바 방문"
    del old.stops[2].talking_points[0]
    old.stops[0].agenda[2].minutes = 45
    old.stops[0].notes = "예전 내부 메모"
    internal = next(p for p in trip.stops[0].talking_points if p.internal)
    next(p for p in old.stops[0].talking_points if p.internal).text = internal.text + " 예전 문구"
    return old


def test_personal_copy_cover_footer_and_own_points(trip, tmp_path):
    out = tmp_path / "mayor.pdf"
    export_pdf(trip, out, reader="mayor")
    pages = texts(out)
    assert "개인용 자료" in pages[0] and "이동환 시장님" in pages[0]
    for n, text in enumerate(pages[1:], 2):
        assert "이동환 시장 개인용" in text, f"page {n} does not say whose copy it is"
    whole = "".join(pages)
    mine = sum(1 for s in trip.stops for p in s.talking_points if p.speaker == "mayor")
    assert whole.count("본인 발언") == mine > 0
    led = sum(1 for s in trip.stops for a in s.agenda if a.lead == "mayor")
    assert whole.count("내 순서") == led > 0
    assert "불참" not in whole  # the mayor attends every visit
    plain = "".join(texts(export_pdf(trip, tmp_path / "plain.pdf").path))
    assert "개인용" not in plain and "본인 발언" not in plain


def test_personal_copy_marks_visits_not_attended(trip, tmp_path):
    out = tmp_path / "staff.pdf"
    export_pdf(trip, out, reader="business_staff", edition="handout")
    pages = texts(out)
    skipped = [i for i, s in enumerate(trip.stops) if "business_staff" not in s.attendees]
    assert skipped
    itinerary = "".join(t for t in pages if "현지 시각" in t)  # the day sheets
    assert itinerary.count("불참") >= 1
    for i in skipped:
        title = f"{i + 1}. {trip.stops[i].title}"
        page = next(t for t in pages if title in t and "일시" in t)
        assert "참석 대상이 아닙니다" in page
    assert "배포본" in pages[0] and "박예시" in pages[0]


def test_unknown_reader_is_an_error_with_a_hint(trip, tmp_path):
    with pytest.raises(BookError, match=r"did you mean ‘mayor’\?.*strategy_head"):
        export_pdf(trip, tmp_path / "x.pdf", reader="mayr")
    assert not (tmp_path / "x.pdf").exists()


def changes_page(path) -> str:
    pages = texts(path)
    assert "변경 사항" in pages[1]  # listed in the contents
    return next(t for t in pages[2:4] if "변경 사항" in t and "이후 바뀐 내용" in t)


def test_changes_page_after_the_contents(trip, tmp_path):
    out = tmp_path / "since.pdf"
    export_pdf(trip, out, since=old_version(trip))
    page = changes_page(out)
    assert texts(out).index(page) == 2
    assert "제2판(2023. 2. 20.) 이후" in page
    for needle in ("시작 시각", "09:30", "10:00", "제목", "바르셀로나 액티바 방문", "소요", "45분",
                   "60분", "추가", "말씀자료", "내부 메모", "예전 문구"):
        assert flat(needle) in flat(page), needle
    # The contents name the page, and the outline has it.
    reader = PdfReader(out)
    assert "변경 사항" in [i["/Title"] for i in reader.outline if not isinstance(i, list)]


def test_handout_changes_page_has_no_internal_items(trip, tmp_path):
    out = tmp_path / "since.pdf"
    export_pdf(trip, out, since=old_version(trip), edition="handout")
    page = changes_page(out)
    assert "시작 시각" in page
    for secret in ("내부 메모", "예전 내부 메모", "예전 문구", "내부용"):
        assert secret not in page, secret


def test_no_changes_says_so(trip, tmp_path):
    out = tmp_path / "same.pdf"
    export_pdf(trip, out, since=copy.deepcopy(trip))
    assert "바뀐 내용이 없습니다." in changes_page(out)


def test_same_inputs_same_bytes(trip, tmp_path):
    old = old_version(trip)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_pdf(trip, a, reader="mayor", since=old)
    export_pdf(trip, b, reader="mayor", since=old)
    assert a.read_bytes() == b.read_bytes()


def test_hostile_text_in_changes_and_names_prints_literally(tmp_path):
    hostile = '<img src="/etc/passwd"/> & <b>x</b>'
    trip = briefing.Trip(
        info=briefing.model.TripInfo(title="t", start=dt.date(2026, 1, 1),
                                     end=dt.date(2026, 1, 2)),
        delegation=[briefing.model.Person(id="p", name=hostile, title=hostile)],
        stops=[briefing.model.Stop(title=hostile, date=dt.date(2026, 1, 1), attendees=[])])
    old = copy.deepcopy(trip)
    old.stops[0].venue = hostile
    out = tmp_path / "h.pdf"
    export_pdf(trip, out, reader="p", since=old)
    whole = flat("".join(texts(out)))
    assert whole.count(flat(hostile)) >= 4


def test_cli_for_and_since(trip, tmp_path, cli):
    new, old = tmp_path / "new.yaml", tmp_path / "old.yaml"
    new.write_bytes(package_data.example_path().read_bytes())
    briefing.save(old_version(trip), old)
    out = tmp_path / "book.pdf"
    done = cli("export", str(new), "-o", str(out), "--for", "mayor", "--since", str(old),
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pages = texts(out)
    assert "이동환 시장님" in pages[0] and "변경 사항" in pages[2]

    bad = tmp_path / "bad.pdf"
    done = cli("export", str(new), "-o", str(bad), "--for", "mayr", cwd=tmp_path)
    assert done.returncode == 1 and "did you mean ‘mayor’" in done.stderr
    done = cli("export", str(new), "-o", str(bad), "--since", str(tmp_path / "none.yaml"),
               cwd=tmp_path)
    assert done.returncode == 1
    assert not bad.exists()
