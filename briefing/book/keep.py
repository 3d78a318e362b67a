"""Table cells that never break what must stay whole, and tables that move whole.

A phone number broken over two lines is misdialled, a booking reference split at a space is
mistyped: phone numbers, e-mail addresses, booking references, times with their '(+1)' and dates
are set with no-break spaces, and their column is made as wide as its widest entry, so that
nothing has to wrap inside them. Columns of running text share what is left.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

PAD = 4 + 4 + 1.5  # a table cell's left and right padding (Ctx.table), and a little air
SHORT = 0.5  # a table no taller than this share of a page moves whole rather than split


def whole(markup: str) -> str:
    """Escaped markup whose spaces never break a line."""
    return markup.replace(" ", "&nbsp;")


def need(texts, font: str, size: float) -> float:
    """The width (points) of the widest of `texts`, set whole in one cell, with its padding
    (room for a short header when the column is empty)."""
    widest = max((stringWidth(t, font, size) for t in texts if t), default=0.0)
    return max(widest, 3 * size) + PAD


def widths(total: float, needs: list[float | None], shares: list[float]) -> list[float]:
    """Column widths that give each column with a need (points) that much, and share the rest
    among the others by `shares`; when the needs leave the others less than `floor` of the
    total, the widest needed columns are narrowed to one width (their text then wraps, as it
    must), so that a narrow column beside an endless one keeps its need."""
    floor = total * 0.3 if any(n is None for n in needs) else 0.0
    fixed = [n for n in needs if n is not None]
    cap = _cap(fixed, total - floor)
    rest = total - sum(min(n, cap) for n in fixed)
    rest_share = sum(s for n, s in zip(needs, shares, strict=True) if n is None) or 1.0
    return [min(n, cap) if n is not None else rest * s / rest_share
            for n, s in zip(needs, shares, strict=True)]


def _cap(needs: list[float], room: float) -> float:
    """The largest width such that the needs, each cut to it, fill no more than `room`."""
    if sum(needs) <= room:
        return max(needs, default=0.0)
    left, count = room, len(needs)
    for n in sorted(needs):
        if n * count > left:  # this one and all wider ones share what is left equally
            return left / count
        left -= n
        count -= 1
    return room


class MovesWhole(Flowable):
    """A short table that moves to the next page whole instead of leaving some rows behind
    (the contacts page, where a reader looks for one number, must not send them over a page).
    A table taller than SHORT of a page splits as before."""

    def __init__(self, table: Flowable):
        super().__init__()
        self.table = table
        self._frame_height = 0.0

    def wrap(self, aw, ah):
        self.width, self.height = self.table.wrapOn(self.canv, aw, ah)
        return self.width, self.height

    def getSpaceBefore(self):
        return self.table.getSpaceBefore()

    def getSpaceAfter(self):
        return self.table.getSpaceAfter()

    def split(self, aw, ah):
        frame = getattr(getattr(self.canv, "_doctemplate", None), "frame", None)
        page = getattr(frame, "_height", 0) or 0
        at_top = bool(getattr(frame, "_atTop", False))
        if not at_top and page and self.height <= page * SHORT:
            return []
        return self.table.splitOn(self.canv, aw, ah)

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)
