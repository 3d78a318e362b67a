"""A damaged font file: skipped with a warning when the automatic search finds it, refused with
a clear message when the user names it (--font, Preferences), never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.book import BookError, export_pdf, font_error, fonts
from briefing.cli import commands as cli
from briefing.trip.model import Stop, Trip, TripInfo

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
pytestmark = pytest.mark.skipif(not NANUM.exists(), reason="fonts-nanum is not installed")


def cut(tmp_path: Path, share: float, name: str = "NanumGothic.ttf") -> Path:
    data = NANUM.read_bytes()
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data[:int(len(data) * share)])
    return target


def trip() -> Trip:
    return Trip(info=TripInfo(title="글꼴 시험", start=dt.date(2026, 1, 1),
                              end=dt.date(2026, 1, 2)),
                stops=[Stop(title="방문", date=dt.date(2026, 1, 1))])


# Cut early, ReportLab fails reading the tables (struct.error); cut late, it loads and would
# only fail, or embed broken letters, when the book is written.
@pytest.mark.parametrize("share", [0.0, 0.01, 0.5, 0.999])
def test_a_named_damaged_font_is_refused_with_its_name(tmp_path, share):
    font = cut(tmp_path, share)
    with pytest.raises(BookError) as caught:
        export_pdf(trip(), tmp_path / "book.pdf", font=font)
    assert str(font) in str(caught.value)
    assert "TrueType" in str(caught.value)
    assert not (tmp_path / "book.pdf").exists()
    assert font_error(font)


def test_a_damaged_font_found_by_the_search_is_skipped_with_a_warning(tmp_path):
    home = tmp_path / "home"
    damaged = cut(home / ".local" / "share" / "fonts", 0.5)
    found = fonts.choose(platform="linux", env={"HOME": str(home)})
    assert found.source == str(NANUM)  # the next candidate
    assert any(str(damaged) in n and "skipped" in n for n in found.notices)


def test_the_export_warns_about_the_damaged_font_it_skipped(tmp_path, monkeypatch):
    home = tmp_path / "home"
    damaged = cut(home / ".fonts", 0.2)
    monkeypatch.setenv("HOME", str(home))
    result = export_pdf(trip(), tmp_path / "book.pdf")
    assert result.pages >= 1
    assert any(str(damaged) in n for n in result.notices)


def test_the_command_line_refuses_a_damaged_font_without_a_traceback(tmp_path, capsys):
    source = tmp_path / "trip.yaml"
    assert cli.main(["example", "-o", str(source)]) == 0
    font = cut(tmp_path, 0.3, "broken.ttf")
    code = cli.main(["export", str(source), "-o", str(tmp_path / "book.pdf"), "--font", str(font)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "struct.error" not in err
    assert str(font) in err and "damaged" in err
    assert not (tmp_path / "book.pdf").exists()


def test_a_sound_font_has_no_error():
    assert font_error(NANUM) == ""
