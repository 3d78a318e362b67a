"""User text into safe ReportLab markup: escaped, with glyphs the font lacks replaced.

Everything a user typed passes through `Text.markup` before it reaches a Paragraph, so that
`<img src=...>` prints as text and an emoji cannot break the export.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from briefing.book.fonts import FontSet
from briefing.trip.textblocks import Block, blocks  # noqa: F401  (the book's callers read them here)

# Emoji and other pictographs: left out when the font lacks them (and reported once), since a
# row of boxes in a title or a running header says nothing a reader can use.
_PICTOGRAPHS = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF),
                (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3299))
# What only shapes the emoji before it: joiner, variation selectors, skin tones, keycap, tags.
_ZWJ = "\u200d"
_MODIFIERS = ((0xFE00, 0xFE0F), (0x1F3FB, 0x1F3FF), (0x20E3, 0x20E3), (0xE0020, 0xE007F))
_REGIONAL = (0x1F1E6, 0x1F1FF)


def _within(ch: str, ranges) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ranges)


def is_pictograph(ch: str) -> bool:
    return _within(ch, _PICTOGRAPHS)


class Text:
    """Cleans user text for one font set, remembering the emoji it left out."""

    def __init__(self, fonts: FontSet, placeholder: str = "□"):
        self.fonts = fonts
        self.placeholder = placeholder if fonts.covers(placeholder) else "?"
        self._cache: dict[str, str] = {}
        self.dropped: dict[str, None] = {}  # emoji left out, as written (an ordered set)

    def clean(self, value: str) -> str:
        """The text with characters the font cannot print replaced or left out.

        Emoji and pictographs the font lacks are left out, with the joiners, variation
        selectors and skin tones that go with them, and remembered in `dropped` (the book
        reports them); a letter the font lacks prints as its plain form where there is one
        (𝕏 as X), else as the placeholder (□), so that lost text stays visible.
        """
        if not value:
            return ""
        charset = self.fonts.charset
        if charset is not None and charset.issuperset(value):
            return value
        cached = self._cache.get(value)
        if cached is None:
            cached = self._cache[value] = self._clean(value)
        return cached

    def _clean(self, value: str) -> str:
        out: list[str] = []
        cluster: list[str] = []  # the emoji being left out, with what shapes it
        dropped_any = False

        def close() -> None:
            if cluster:
                shown = "".join(c for c in cluster if not 0xFE00 <= ord(c) <= 0xFE0F)
                self.dropped.setdefault(shown or "".join(cluster), None)
                cluster.clear()

        for ch in value:
            covered = self.fonts.covers(ch)
            if cluster and not covered and (_within(ch, _MODIFIERS) or ch == _ZWJ or (
                    cluster[-1] == _ZWJ and is_pictograph(ch)) or (
                    _within(ch, (_REGIONAL,)) and len(cluster) == 1
                    and _within(cluster[0], (_REGIONAL,)))):
                cluster.append(ch)
                continue
            close()
            if not covered and is_pictograph(ch):
                cluster.append(ch)
                dropped_any = True
                continue
            out.append(self._char(ch, covered))
        close()
        text = "".join(out)
        if dropped_any:  # no double spaces where an emoji stood between words
            text = "\n".join(re.sub(r" {2,}", " ", line).strip(" ") for line in text.split("\n"))
        return text

    def _char(self, ch: str, covered: bool) -> str:
        if ch == "\n":
            return ch
        if ch == "\t":
            return " "
        if covered:
            return ch
        category = unicodedata.category(ch)
        # Joiners, variation selectors, combining marks and controls carry no visible glyph of
        # their own; replacing them would print stray boxes.
        if category in ("Cc", "Cf", "Mn", "Me", "Cs", "Co", "Cn") or _within(ch, _MODIFIERS):
            return ""
        if category.startswith("Z"):
            return " "
        plain = unicodedata.normalize("NFKC", ch)
        if plain != ch and plain.strip() and all(self.fonts.covers(c) for c in plain):
            return plain  # a styled letter (𝕏, ｆｕｌｌ width) as the letter itself
        return self.placeholder

    def dropped_notice(self) -> str:
        """One line about the emoji left out, or "" when none were."""
        if not self.dropped:
            return ""
        shown = list(self.dropped)
        listed = " ".join(shown[:20]) + (" …" if len(shown) > 20 else "")
        n = len(shown)
        return (f"{n} character{'s' if n != 1 else ''} the font cannot print "
                f"{'were' if n != 1 else 'was'} left out: {listed}")

    def markup(self, value: str) -> str:
        """Escaped Paragraph markup for one plain-text value, line breaks kept."""
        if not value:
            return ""
        return escape(self.clean(value.strip("\n"))).replace("\n", "<br/>")

    def prose(self, value: str) -> str:
        """Markup for a long text field read by the trip format's rules (briefing.textblocks):
        its wrapped lines as one, a blank line between paragraphs, each bullet on its line."""
        out: list[str] = []
        for block in blocks(value):
            line = escape(self.clean(" ".join(block.lines)))
            if out:
                out.append("<br/>" if block.bullet and out[-1].startswith("• ") else "<br/><br/>")
            out.append(f"• {line}" if block.bullet else line)
        return "".join(out)
