"""Marks printed over every page, the cover included: the draft mark of a book made from a trip
that is not final, and the watermark that names a private book's marking and reader.

They are drawn when a page is finished, over its content and half transparent, so that no table
shading hides them and the text under them stays readable. A copy that leaks is known by the
name across each of its pages; a draft can never pass for a clean book, whatever page is
printed or photographed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.document import BookCanvas
from briefing.book.front import copy_words

_DRAFT_ALPHA = 0.16
_WATERMARK_ALPHA = 0.09
_WATERMARK_SIZE = 17


@dataclass
class PageMarks:
    font: str  # a bold font of the book
    draft: str = ""  # the draft word ("초안 / DRAFT"); "" for a final book
    watermark: str = ""  # the marking, reader and copy number; "" for none

    def __bool__(self) -> bool:
        return bool(self.draft or self.watermark)

    def draw(self, canv, width: float, height: float) -> None:
        # Each mark in its own graphics state: the watermark's turn and transparency must not
        # reach the draft mark drawn after it.
        for wanted, mark in ((self.watermark, self._watermark), (self.draft, self._draft)):
            if wanted:
                canv.saveState()
                mark(canv, width, height)
                canv.restoreState()

    def _draft(self, canv, width: float, height: float) -> None:
        # Across the page, corner to corner, as large as the diagonal allows.
        angle = math.degrees(math.atan2(height, width))
        room = math.hypot(width, height) * 0.72
        size = min(110.0, room / max(stringWidth(self.draft, self.font, 1), 1))
        canv.saveState()
        canv.setFillColor(st.MARKING)
        canv.setFillAlpha(_DRAFT_ALPHA)
        canv.setFont(self.font, size)
        canv.translate(width / 2, height / 2)
        canv.rotate(angle)
        canv.drawCentredString(0, -size * 0.35, self.draft)
        canv.restoreState()
        # And a solid tag at the top of the page: readable when the diagonal is not.
        tag_size = 9
        tag_w = stringWidth(self.draft, self.font, tag_size) + 6 * mm
        x, y = (width - tag_w) / 2, height - 10 * mm
        canv.setFillColor(st.MARKING)
        canv.roundRect(x, y, tag_w, 5.5 * mm, 1.2 * mm, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(self.font, tag_size)
        canv.drawCentredString(width / 2, y + 1.7 * mm, self.draft)

    def _watermark(self, canv, width: float, height: float) -> None:
        # Rows of the text at 30 degrees, far enough apart to leave the page readable, close
        # enough that no part of it can be cut out without cutting through one.
        text = self.watermark
        size = _WATERMARK_SIZE
        step_x = stringWidth(text, self.font, size) + 30 * mm
        step_y = 62 * mm
        canv.setFillColor(st.INK)
        canv.setFillAlpha(_WATERMARK_ALPHA)
        canv.setFont(self.font, size)
        canv.translate(width / 2, height / 2)
        canv.rotate(30)
        reach = math.hypot(width, height) / 2 + step_x
        rows = int(reach // step_y) + 1
        for row in range(-rows, rows + 1):
            shift = (row % 2) * step_x / 2  # brick-laid, so the rows do not line up in columns
            x = -reach + shift
            while x < reach:
                canv.drawString(x, row * step_y, text)
                x += step_x


def marks_for(ctx: Ctx, *, watermark: bool) -> PageMarks:
    """The marks of this copy: the draft word on a draft; with `watermark`, the trip's marking
    and a personal copy's reader and copy number."""
    words = ""
    if watermark:
        parts = [ctx.trip.info.marking.strip()]
        if ctx.reader is not None:
            parts += [ctx.person_name(ctx.reader), copy_words(ctx)]
        words = ctx.text.clean(" · ".join(p for p in parts if p))
    return PageMarks(ctx.styles.bold_font, ctx.labels["draft_mark"] if ctx.draft else "", words)


class MarkedCanvas(BookCanvas):
    """The book's canvas, drawing `marks` on each page just before the page is finished."""

    marks: PageMarks | None = None

    def showPage(self):
        if self.marks:
            self.marks.draw(self, *self._pagesize)
        super().showPage()
