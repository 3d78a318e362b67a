"""User text into safe ReportLab markup: escaped, with glyphs the font lacks replaced.

Everything a user typed passes through `Text.markup` before it reaches a Paragraph, so that
`<img src=...>` prints as text and an emoji cannot break the export.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .fonts import FontSet

_BULLET = re.compile(r"^\s*[-•]\s+")


class Text:
    """Cleans user text for one font set."""

    def __init__(self, fonts: FontSet, placeholder: str = "□"):
        self.fonts = fonts
        self.placeholder = placeholder if fonts.covers(placeholder) else "?"
        self._cache: dict[str, str] = {}

    def clean(self, value: str) -> str:
        """The text with characters the font cannot print replaced (or dropped if invisible)."""
        if not value:
            return ""
        charset = self.fonts.charset
        if charset is not None and charset.issuperset(value):
            return value
        cached = self._cache.get(value)
        if cached is None:
            cached = self._cache[value] = "".join(self._char(ch) for ch in value)
        return cached

    def _char(self, ch: str) -> str:
        if ch == "\n":
            return ch
        if ch == "\t":
            return " "
        if self.fonts.covers(ch):
            return ch
        category = unicodedata.category(ch)
        # Joiners, variation selectors, combining marks and controls carry no visible glyph of
        # their own; replacing them would print stray boxes after every emoji.
        if category in ("Cc", "Cf", "Mn", "Me", "Cs", "Co", "Cn") or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            return ""  # (the skin-tone modifiers too: they only colour the emoji before them)
        if category.startswith("Z"):
            return " "
        return self.placeholder

    def markup(self, value: str) -> str:
        """Escaped Paragraph markup for one plain-text value, line breaks kept."""
        if not value:
            return ""
        return escape(self.clean(value.strip("\n"))).replace("\n", "<br/>")


@dataclass(frozen=True)
class Block:
    """One paragraph (lines kept) or one bullet item of a longer text field."""

    bullet: bool
    lines: tuple[str, ...]


def blocks(value: str) -> list[Block]:
    """Split a text field: `- ` lines are bullets, blank lines separate paragraphs.

    An indented line right after a bullet continues that bullet: authors wrap long bullets that way.
    """
    out: list[Block] = []
    current: list[str] = []
    bullet = False

    def flush() -> None:
        nonlocal current
        if current:
            out.append(Block(bullet, tuple(current)))
        current = []

    for raw in (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
            bullet = False
            continue
        match = _BULLET.match(line)
        if match:
            flush()
            bullet = True
            current = [line[match.end():]]
        elif bullet and current and raw[:1].isspace():
            current[-1] = current[-1] + " " + line.strip()
        else:
            if bullet:
                flush()
                bullet = False
            current.append(line.strip() if not current else line)
    flush()
    return out
