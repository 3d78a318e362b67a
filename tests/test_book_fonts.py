"""Finding a Korean font: Malgun Gothic on Windows, AppleGothic on macOS, Nanum on Linux, a file
the user names, and the CID fallback with its notice. Other platforms are faked with a folder
tree in tmp_path holding a copy of Nanum Gothic under the other platform's file names."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.book import BookError, export_pdf, fonts
from briefing.trip.model import Stop, Trip, TripInfo

NANUM = Path("/usr/share/fonts/truetype/nanum")
REGULAR, BOLD = NANUM / "NanumGothic.ttf", NANUM / "NanumGothicBold.ttf"
needs_nanum = pytest.mark.skipif(not REGULAR.exists(), reason="fonts-nanum is not installed")


def place(src: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.symlink_to(src)
    except OSError:
        shutil.copyfile(src, target)
    return target


def trip() -> Trip:
    return Trip(info=TripInfo(title="글꼴 시험", start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 2)),
                stops=[Stop(title="방문", date=dt.date(2026, 1, 1))])


def embedded_fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"]:
                names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@needs_nanum
def test_windows_finds_malgun_gothic_and_its_bold(tmp_path):
    windir = tmp_path / "Windows"
    regular = place(REGULAR, windir / "Fonts" / "malgun.ttf")
    bold = place(BOLD, windir / "Fonts" / "malgunbd.ttf")
    found = fonts.choose(platform="win32", env={"WINDIR": str(windir)}, root=str(tmp_path))
    assert found.source == str(regular) and found.embedded
    assert found.bold != found.regular
    assert fonts._loaded[(os.path.abspath(bold), 0)].fontName == found.bold


def test_windows_candidates_cover_system_and_user_font_folders():
    env = {"WINDIR": r"D:\Win", "LOCALAPPDATA": r"C:\Users\kim\AppData\Local"}
    paths = [c.regular for c in fonts.candidates("win32", env)]
    assert paths[0] == os.path.join(r"D:\Win", "Fonts", "malgun.ttf")
    assert any("AppData" in p and p.endswith("malgun.ttf") for p in paths)
    first = next(fonts.candidates("win32", {}))
    assert first.regular == os.path.join(r"C:\Windows", "Fonts", "malgun.ttf")
    assert first.bold.endswith("malgunbd.ttf")


@needs_nanum
def test_macos_finds_apple_gothic(tmp_path):
    apple = place(REGULAR, tmp_path / "System/Library/Fonts/Supplemental/AppleGothic.ttf")
    found = fonts.choose(platform="darwin", env={"HOME": str(tmp_path / "home")},
                         root=str(tmp_path))
    assert found.source == str(apple)
    assert found.bold == found.regular  # AppleGothic has no bold face: regular serves for bold


@needs_nanum
def test_macos_skips_a_font_that_cannot_be_embedded(tmp_path):
    # A damaged (or CFF) file where AppleGothic should be: the next candidate is used.
    broken = tmp_path / "System/Library/Fonts/Supplemental/AppleGothic.ttf"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"OTTO" + b"\0" * 200)
    good = place(REGULAR, tmp_path / "Library/Fonts/AppleGothic.ttf")
    found = fonts.choose(platform="darwin", env={}, root=str(tmp_path))
    assert found.source == str(good)


@needs_nanum
def test_linux_finds_nanum_gothic_with_bold():
    found = fonts.choose(platform="linux", env={}, root="/")
    assert found.source == str(REGULAR)
    assert found.bold != found.regular


def test_nothing_found_falls_back_to_cid_with_a_notice(tmp_path):
    found = fonts.choose(platform="linux", env={}, root=str(tmp_path))
    assert found.regular == fonts.CID_FALLBACK and not found.embedded
    assert any("viewer" in n for n in found.notices)


def test_export_reports_the_cid_fallback(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "candidates", lambda *a, **k: iter(()))
    result = export_pdf(trip(), tmp_path / "cid.pdf")
    assert any(fonts.CID_FALLBACK in n for n in result.notices)
    assert "글꼴 시험" in PdfReader(tmp_path / "cid.pdf").pages[0].extract_text()


@needs_nanum
def test_user_font_and_the_bold_beside_it(tmp_path):
    regular = place(REGULAR, tmp_path / "fonts" / "MyFont-Regular.ttf")
    bold = place(BOLD, tmp_path / "fonts" / "MyFont-Bold.ttf")
    assert fonts.bold_beside(str(regular)) == str(bold)
    assert fonts.bold_beside(str(place(REGULAR, tmp_path / "w" / "malgun.ttf"))) is None
    place(BOLD, tmp_path / "w" / "malgunbd.ttf")
    assert fonts.bold_beside(str(tmp_path / "w" / "malgun.ttf")).endswith("malgunbd.ttf")

    result = export_pdf(trip(), tmp_path / "user.pdf", font=str(regular))
    assert result.notices == []
    assert embedded_fonts(tmp_path / "user.pdf") == {"NanumGothic", "NanumGothicBold"}


def test_a_user_font_that_cannot_be_used_is_an_error(tmp_path):
    with pytest.raises(BookError, match="does not exist"):
        export_pdf(trip(), tmp_path / "x.pdf", font=str(tmp_path / "nope.ttf"))
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + b"\0" * 200)
    with pytest.raises(BookError, match="cannot embed"):
        export_pdf(trip(), tmp_path / "x.pdf", font=str(cff))
    assert not (tmp_path / "x.pdf").exists()


@needs_nanum
def test_concurrent_exports_give_the_same_bytes(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    def one(n: int) -> bytes:
        out = tmp_path / f"{n}.pdf"
        export_pdf(trip(), out)
        return out.read_bytes()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(one, range(4)))
    assert len(set(results)) == 1
