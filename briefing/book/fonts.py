"""Finding a Korean TrueType font on this machine (or the one the user names) and registering it.

The lookup is split from the loading so that tests can fake another platform: `candidates()`
takes the platform, the environment and a filesystem root instead of reading them itself.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import struct
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from briefing.trip import places

CID_FALLBACK = "HYGothic-Medium"

# (regular, bold) file names, best first, per platform family.
_WINDOWS = [("malgun.ttf", "malgunbd.ttf"), ("gulim.ttc", None), ("batang.ttc", None)]
_MAC = [
    ("System/Library/Fonts/Supplemental/AppleGothic.ttf", None),
    ("Library/Fonts/AppleGothic.ttf", None),
    ("System/Library/Fonts/AppleSDGothicNeo.ttc", None),
]
_LINUX_DIRS = [
    "usr/share/fonts/truetype/nanum",
    "usr/share/fonts/nanum",
    "usr/share/fonts/truetype/nanum-fonts",
    "usr/local/share/fonts",
    "usr/share/fonts/truetype/unfonts-core",
    "usr/share/fonts/truetype/baekmuk",
]
_LINUX = [
    ("NanumGothic.ttf", "NanumGothicBold.ttf"),
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"),
    ("NanumMyeongjo.ttf", "NanumMyeongjoBold.ttf"),
    ("UnDotum.ttf", "UnDotumBold.ttf"),
    ("dotum.ttf", None),
]

_BOLD_SUFFIXES = ("Bold", "-Bold", " Bold", "_Bold", "bd", "-bd", "B", "-B", "b")
_REGULAR_SUFFIXES = ("-Regular", "Regular", " Regular", "_Regular", "-R", "R")


@dataclass(frozen=True)
class Candidate:
    regular: str
    bold: str | None = None


def candidates(platform: str = sys.platform, env: Mapping[str, str] | None = None,
               root: str = "/") -> Iterator[Candidate]:
    """Places a Korean TrueType font usually lives on `platform`, best first (they may not exist)."""
    env = os.environ if env is None else env
    if platform.startswith("win"):
        folders = [os.path.join(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows", "Fonts")]
        if env.get("LOCALAPPDATA"):
            folders.append(os.path.join(env["LOCALAPPDATA"], "Microsoft", "Windows", "Fonts"))
        for folder in folders:
            for regular, bold in _WINDOWS:
                yield Candidate(os.path.join(folder, regular), bold and os.path.join(folder, bold))
    elif platform == "darwin":
        for regular, bold in _MAC:
            yield Candidate(os.path.join(root, regular), bold and os.path.join(root, bold))
        if env.get("HOME"):
            yield Candidate(os.path.join(env["HOME"], "Library", "Fonts", "AppleGothic.ttf"))
    else:
        folders = [os.path.join(root, d) for d in _LINUX_DIRS]
        if env.get("HOME"):
            folders[:0] = [os.path.join(env["HOME"], ".local", "share", "fonts"),
                           os.path.join(env["HOME"], ".fonts")]
        for regular, bold in _LINUX:
            for folder in folders:
                yield Candidate(os.path.join(folder, regular), bold and os.path.join(folder, bold))


def bold_beside(path: str, exists: Callable[[str], bool] = os.path.isfile) -> str | None:
    """The bold face next to a user's font file, found by the usual naming (X → XBold, Xbd...)."""
    p = Path(path)
    stem = p.stem
    bases = [stem] + [stem[: -len(s)] for s in _REGULAR_SUFFIXES if stem.endswith(s)]
    try:
        present = {f.lower(): f for f in os.listdir(p.parent)} if p.parent.is_dir() else {}
    except OSError:
        present = {}
    for base in bases:
        for suffix in _BOLD_SUFFIXES:
            for ext in (p.suffix, ".ttf", ".ttc"):
                name = f"{base}{suffix}{ext}"
                if name.lower() == p.name.lower():
                    continue
                actual = present.get(name.lower())
                if actual and exists(str(p.parent / actual)):
                    return str(p.parent / actual)
    return None


@dataclass
class FontSet:
    """The fonts one book is set in; `covers(ch)` says whether a character will print."""

    regular: str
    bold: str
    embedded: bool
    source: str = ""
    notices: list[str] = field(default_factory=list)
    charset: frozenset[str] | None = None  # None: unknown (CID fonts)

    def covers(self, ch: str) -> bool:
        if self.charset is not None:
            return ch in self.charset
        return ord(ch) <= 0xFFFF and not (0xD800 <= ord(ch) <= 0xDFFF)


_lock = threading.Lock()
_loaded: dict[tuple[str, int], TTFont] = {}
# What a font file that could not be loaded raises: ReportLab reads a truncated or garbled
# file with `struct` and indexes its tables without checking them.
_UNUSABLE = (TTFError, OSError, ValueError, KeyError, IndexError, struct.error, TypeError,
             AssertionError, OverflowError, ZeroDivisionError)

# One TTFont keeps per-document subset state; builds that share one are serialized by this lock.
BUILD_LOCK = threading.RLock()


def _ttfont(path: str) -> TTFont:
    """Load (once per file) and register a TrueType font under a name stable across runs."""
    path = os.path.abspath(path)
    key = (path, 0)
    with _lock:
        font = _loaded.get(key)
        if font is None:
            # The name goes into no output bytes that matter, but keep it stable anyway.
            name = "BriefingTT-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]
            font = TTFont(name, path, subfontIndex=0)
            _check_complete(font, path)
            pdfmetrics.registerFont(font)
            _loaded[key] = font
        return font


def _check_complete(font: TTFont, path: str) -> None:
    """Refuse a file cut short: ReportLab loads its first tables and would fail (or embed
    broken letters) only when the book is written."""
    size = os.path.getsize(path)
    for tag, entry in font.face.table.items():
        if entry["offset"] + entry["length"] > size:
            raise TTFError(f"the file is cut short (its table {tag!r} ends past the end of the file)")


def _reason(e: Exception) -> str:
    if isinstance(e, TTFError):
        return str(e)
    return f"the file is damaged or not a TrueType font ({type(e).__name__}: {e})"


def _family(regular: TTFont, bold: TTFont) -> None:
    name = regular.fontName
    for b, i, face in ((0, 0, regular), (1, 0, bold), (0, 1, regular), (1, 1, bold)):
        addMapping(name, b, i, face.fontName)
    if bold.fontName != name:
        for b, i, face in ((0, 0, regular), (1, 0, bold), (0, 1, regular), (1, 1, bold)):
            addMapping(bold.fontName, b, i, face.fontName)


def load_pair(regular: str, bold: str | None) -> FontSet:
    """Register a regular (and bold) TrueType face; raise TTFError/OSError if unusable."""
    reg = _ttfont(regular)
    bold_font = reg
    notices = []
    if bold:
        try:
            bold_font = _ttfont(bold)
        except _UNUSABLE as e:
            bold_font = reg
            notices.append(f"the bold font {bold} cannot be used ({_reason(e)}); "
                           "bold text prints in the regular font")
    _family(reg, bold_font)
    chars = set(map(chr, reg.face.charToGlyph))
    if bold_font is not reg:
        chars &= set(map(chr, bold_font.face.charToGlyph))
    return FontSet(reg.fontName, bold_font.fontName, True, regular, notices,
                   charset=frozenset(chars))


def _cid() -> FontSet:
    with _lock:
        if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
            addMapping(CID_FALLBACK, 0, 0, CID_FALLBACK)
            addMapping(CID_FALLBACK, 1, 0, CID_FALLBACK)
            addMapping(CID_FALLBACK, 0, 1, CID_FALLBACK)
            addMapping(CID_FALLBACK, 1, 1, CID_FALLBACK)
    return FontSet(CID_FALLBACK, CID_FALLBACK, False, CID_FALLBACK)


class FontNotUsable(Exception):
    """The font file the user named cannot be embedded."""


_errors: dict[tuple[str, int, int], str] = {}


def font_error(path: str | os.PathLike) -> str:
    """Why the book cannot be set in the font file `path` (in English), or "" when it can.

    Remembered per file version, so that a dialog may ask as often as its field changes.
    """
    path = os.path.abspath(os.fspath(path))
    try:
        st = os.stat(path)
    except OSError as e:
        return _reason(e)
    key = (path, st.st_size, st.st_mtime_ns)
    if key not in _errors:
        try:
            load_pair(path, None)
            _errors[key] = ""
        except _UNUSABLE as e:
            _errors[key] = _reason(e)
    return _errors[key]


def choose(user_font: str | os.PathLike | None = None, *, platform: str = sys.platform,
           env: Mapping[str, str] | None = None, root: str = "/",
           exists: Callable[[str], bool] = os.path.isfile) -> FontSet:
    """The font set for a book: the user's font, else the first usable system font, else CID."""
    if user_font:
        path = os.fspath(user_font)
        if not exists(path):
            raise FontNotUsable(f"font file {path} does not exist")
        try:
            return load_pair(path, bold_beside(path, exists))
        except _UNUSABLE as e:
            raise FontNotUsable(
                f"cannot embed font {path}: {_reason(e)} (use a TrueType .ttf or .ttc font)"
            ) from e
    skipped: list[str] = []
    for cand in candidates(platform, env, root):
        if not exists(cand.regular):
            continue
        try:
            found = load_pair(cand.regular,
                              cand.bold if cand.bold and exists(cand.bold) else None)
        except _UNUSABLE as e:
            # A CFF font, a font that forbids embedding, a damaged file: say so, try the next.
            skipped.append(f"the font {cand.regular} was skipped: {_reason(e)}")
            continue
        found.notices[:0] = skipped
        return found
    fonts = _cid()
    fonts.notices += skipped
    fonts.notices.append(
        "no Korean TrueType font was found, so the book uses the built-in font "
        f"{CID_FALLBACK}, which is not embedded: the PDF then depends on the reader's viewer "
        "having a Korean font, and bold prints as regular. Install a Korean TrueType font "
        "(e.g. Nanum Gothic) or name one with --font PATH.")
    return fonts


# -- letters of scripts the font lacks ------------------------------------------------------------

# Scripts whose own notice is elsewhere (Korean: build.text_notices) or that print as their
# plain form (styled Latin letters).
_SCRIPTS_TOLD_ELSEWHERE = {"HANGUL"}
_SCRIPT_NAMES = {"CJK": "Chinese (Hanja)"}
_PLACES_SHOWN = 3


def missing_scripts(fonts: FontSet, trip) -> list[str]:
    """A notice for each script whose letters the font cannot print (Arabic, Hebrew, Thai …),
    naming what prints as boxes and where, as the book tells of emoji it left out."""
    if fonts.charset is None:
        return []
    found: dict[str, tuple[list[str], list[str]]] = {}  # script -> (letters, places)
    for path, text in _texts(trip, ""):
        if fonts.charset.issuperset(text):
            continue
        for ch in dict.fromkeys(text):
            script = _script(fonts, ch)
            if not script:
                continue
            letters, where = found.setdefault(script, ([], []))
            if ch not in letters:
                letters.append(ch)
            place = places.describe(path, "en", trip) or path
            if place not in where:
                where.append(place)
    out = []
    for script, (letters, where) in found.items():
        name = _SCRIPT_NAMES.get(script, script.title())
        shown = "; ".join(where[:_PLACES_SHOWN]) + (" …" if len(where) > _PLACES_SHOWN else "")
        sample = "".join(letters[:12])
        out.append(f"the font {fonts.source} has no {name} letters ({sample}); they print as "
                   f"boxes in: {shown}")
    return out


def _script(fonts: FontSet, ch: str) -> str:
    """The script of a letter the font cannot print and has no plain form for, else ""."""
    if fonts.covers(ch) or not unicodedata.category(ch).startswith("L"):
        return ""
    plain = unicodedata.normalize("NFKC", ch)
    if plain != ch and all(fonts.covers(c) for c in plain):
        return ""
    script = unicodedata.name(ch, "").split(" ")[0]
    return "" if not script or script in _SCRIPTS_TOLD_ELSEWHERE else script


def _texts(value, path: str):
    """Every text of a trip with its field path ('stops[1].talking_points[0].text')."""
    if isinstance(value, str):
        if value:
            yield path, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
