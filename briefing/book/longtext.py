"""Paragraphs of any length, laid out in time proportional to their length.

ReportLab breaks a whole paragraph into lines each time it is wrapped, and the rest of a
paragraph split at a page end is wrapped again on the next page: a paragraph of P pages costs P
times its own length (a 500 KB talking point took minutes). Here a long paragraph is set in
pieces that look like one paragraph:

- at its line breaks (`<br/>`), into consecutive paragraphs without space between them (a line
  break starts a new line either way);
- a run without line breaks, as a `LongText` that only ever breaks a window of about two pages
  of its text into lines. Line breaking is greedy, so the lines that fit on this page are the
  same whether the window or the whole text is broken.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

LONG = 4000  # characters of markup from which a paragraph is set in pieces
CAP = 760.0  # points: taller than the body frame of any paper the book prints on
_BR = "<br/>"
_TAG = re.compile(r"<(?!br/>)")
_ENTITY_TAIL = re.compile(r"&[a-z#0-9]{0,7}$")

def _style(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """`style` without its space before (unless `first`) and after (unless `last`)."""
    if first and last:
        return style
    return ParagraphStyle(f"{style.name}~", parent=style,
                          spaceBefore=style.spaceBefore if first else 0,
                          spaceAfter=style.spaceAfter if last else 0)


def paragraphs(markup: str, style: ParagraphStyle, bulletText: str | None = None
               ) -> list[Flowable]:
    """`markup` as one Paragraph, or, when long, as pieces that read as that one paragraph.

    Only markup without tags other than `<br/>` (escaped user text) is set in pieces.
    """
    if len(markup) <= LONG or _TAG.search(markup):
        return [Paragraph(markup, style, bulletText=bulletText)]
    runs = _runs(markup.split(_BR))
    out: list[Flowable] = []
    for i, run in enumerate(runs):
        piece_style = _style(style, first=i == 0, last=i == len(runs) - 1)
        bullet = bulletText if i == 0 else None
        if len(run) > LONG and _BR not in run:
            out.append(LongText(run, piece_style, bullet))
        else:
            out.append(Paragraph(run, piece_style, bulletText=bullet))
    return out


def _runs(lines: list[str]) -> list[str]:
    """Lines joined back into runs of about LONG characters. A run never ends on a blank line
    (an empty last line takes no room, where the blank line took one): a blank line before a
    cut opens the next run instead, so text of many short paragraphs is cut too."""
    runs: list[list[str]] = [[]]
    size = 0
    for line in lines:
        current = runs[-1]
        if current and size + len(line) > LONG and line:
            if current[-1]:
                runs.append([])
                size = 0
            elif len(current) > 1 and current[-2]:
                runs.append([current.pop()])
                size = len(_BR)
        runs[-1].append(line)
        size += len(line) + len(_BR)
    return [_BR.join(run) for run in runs]


class LongText(Flowable):
    """A paragraph without line breaks that is too long to be wrapped whole on every page."""

    def __init__(self, markup: str, style: ParagraphStyle, bulletText: str | None = None,
                 density: float = 0.0):
        super().__init__()
        self.markup = markup
        self.style = style
        self.bulletText = bulletText
        # Characters per point of height, as the last window found: the next window is cut to
        # just over a page, so that each word is measured about twice, not many times.
        self.density = density
        self._window: tuple[float, Paragraph, int, float] | None = None  # width, para, end, h

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def _cut(self, n: int) -> int:
        """Where a window of about `n` characters ends: at a space, else not inside an entity."""
        if n >= len(self.markup):
            return len(self.markup)
        space = self.markup.find(" ", n, n + 200)
        if space > 0:
            return space
        tail = _ENTITY_TAIL.search(self.markup, 0, n)
        return tail.start() if tail else n

    def _para(self, aw: float) -> tuple[Paragraph, int, float]:
        """A paragraph of the first characters, taller than any page unless it is all of them."""
        if self._window is not None and self._window[0] == aw:
            return self._window[1:]
        n = int(self.density * CAP * 1.15) if self.density else LONG
        while True:
            end = self._cut(n)
            whole = end >= len(self.markup)
            style = self.style if whole else _style(self.style, True, False)
            para = Paragraph(self.markup[:end], style, bulletText=self.bulletText)
            _, height = para.wrap(aw, 1e9)
            if whole or height > CAP:
                break
            n = max(2 * n, int(end / max(height, 1) * CAP * 1.15))
        self._window = (aw, para, end, height)
        self.density = end / max(height, 1)
        return para, end, height

    def wrap(self, aw, ah):
        para, end, height = self._para(aw)
        if end < len(self.markup):
            height += self.style.leading  # more than the window: more than any page
        self.width, self.height = aw, height
        return aw, height

    def split(self, aw, ah):
        if ah < self.style.leading:
            return []  # not a line's room: the frame moves on without breaking any line
        para, end, _ = self._para(aw)
        parts = para.split(aw, ah)
        if end >= len(self.markup) or len(parts) < 2:
            return parts
        rest = escape(_text(parts[1])) + self.markup[end:]
        return [parts[0], LongText(rest.lstrip(), _style(self.style, False, True),
                                   density=self.density)]

    def draw(self):
        para, _, _ = self._para(self.width)
        para.wrapOn(self.canv, self.width, 1e9)  # a split attempt may have dropped its lines
        para.drawOn(self.canv, 0, 0)


def _text(part: Paragraph) -> str:
    """The plain text of the second piece of a split paragraph (`getPlainText` is empty
    there: the piece keeps its words in its fragments)."""
    frags = getattr(part, "frags", None) or []
    if all(hasattr(f, "words") for f in frags):
        return " ".join(w for f in frags for w in f.words)
    return "".join(getattr(f, "text", "") for f in frags)
