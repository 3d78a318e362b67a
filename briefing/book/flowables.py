"""The book's own flowables: marked headings, contents lines, key-message panels, a notes page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.doctemplate import ActionFlowable

from briefing.book import styles as st
from briefing.book.document import MARGIN_SIDE

# Where a changed item's bar sits: in the left margin, clear of the text column.
CHANGE_BAR_X = MARGIN_SIDE - 5 * mm
CHANGE_BAR_WIDTH = 2.2


def change_bar(canv, keys, height: float, y: float = 0) -> None:
    """A bar in the page's left margin beside `height` points from `y` (in the flowable's own
    coordinates), for the changes-page records `keys`; the first piece drawn also records each
    record's page and a bookmark, which the changes page prints and links to."""
    if not keys or height <= 0:
        return
    x, _ = canv.absolutePosition(0, 0)
    canv.saveState()
    canv.setFillColor(st.CHANGE_BAR)
    canv.rect(CHANGE_BAR_X - x, y, CHANGE_BAR_WIDTH, height, stroke=0, fill=1)
    canv.restoreState()
    pages = getattr(canv, "page_of", None)
    for key in keys:
        if pages is not None and key not in pages:
            pages[key] = canv.getPageNumber()
            canv.bookmarkHorizontal(key, 0, y + height + 4)


def changed_keys(cell) -> tuple[str, ...]:
    """The changes-page records a table cell is marked with (see `ChangeRows`)."""
    if isinstance(cell, (list, tuple)):
        return tuple(k for c in cell for k in changed_keys(c))
    return tuple(getattr(cell, "changed", ()))


class Marked(Flowable):
    """A heading that is also a PDF bookmark, an outline entry and a contents target.

    The marks live inside the heading, not in a separate zero-size flowable, so that a heading
    pushed to the next page takes its bookmark along.
    """

    def __init__(self, heading: Flowable, marks: list[tuple[str, str, int]],
                 block: tuple[int, str] | None = None, running: str = ""):
        super().__init__()
        self.heading = heading
        self.marks = marks  # (key, outline title, level)
        # (level, name): the block this heading opens, named atop a page it carries over to
        if block is None and marks:
            block = (0, marks[-1][1])
        self.block = block
        # What the running head says on the pages of the section this heading opens (a stop
        # and its day); "" for the trip's title. Only a top-level block sets it.
        self.running = running

    def wrap(self, aw, ah):
        self.width, self.height = self.heading.wrapOn(self.canv, aw, ah)
        return self.width, self.height

    def getSpaceBefore(self):
        return self.heading.getSpaceBefore()

    def getSpaceAfter(self):
        return self.heading.getSpaceAfter()

    def split(self, aw, ah):
        parts = self.heading.splitOn(self.canv, aw, ah)
        if len(parts) < 2:
            return []
        return [Marked(parts[0], self.marks, self.block, self.running), *parts[1:]]

    def draw(self):
        canv = self.canv
        self.heading.drawOn(canv, 0, 0)
        pages = getattr(canv, "page_of", None)
        blocks = getattr(canv, "blocks", None)
        if blocks is not None and self.block is not None:
            level, name = self.block
            del blocks[level:]
            blocks.append(name)
            if level == 0:
                canv.running = self.running
        for key, title, level in self.marks:
            canv.bookmarkHorizontal(key, 0, self.height + 4)
            canv.addOutlineEntry(title, key, level, closed=False)
            if pages is not None:
                pages[key] = canv.getPageNumber()


class TocLine(Flowable):
    """One contents entry: its title, dot leaders, and a page number filled in at save time."""

    NUMBER_WIDTH = 34

    def __init__(self, markup: str, key: str, style, number_font: str):
        super().__init__()
        self.key = key
        self.style = style
        self.number_font = number_font
        self.para = Paragraph(markup, style)

    def wrap(self, aw, ah):
        self.width = aw
        _, self.height = self.para.wrap(aw - self.NUMBER_WIDTH, ah)
        return aw, self.height

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        canv, style = self.canv, self.style
        self.para.drawOn(canv, 0, 0)
        lines = self.para.blPara.lines
        baseline = self.height - style.fontSize - (len(lines) - 1) * style.leading
        text_end = self._last_line_end()
        leader_end = self.width - self.NUMBER_WIDTH + 4
        if text_end is not None and text_end + 12 < leader_end:
            canv.saveState()
            canv.setStrokeColor(st.RULE)
            canv.setLineWidth(0.8)
            canv.setDash(0.6, 3)
            canv.setLineCap(1)
            canv.line(text_end + 6, baseline + 1, leader_end, baseline + 1)
            canv.restoreState()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.page_number(self.key, self.number_font, style.fontSize, style.textColor, "right")
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)

    def _last_line_end(self) -> float | None:
        try:
            last = self.para.blPara.lines[-1]
            extra = last.extraSpace if hasattr(last, "extraSpace") else last[0]
        except (AttributeError, IndexError, TypeError):
            return None
        avail = self.width - self.NUMBER_WIDTH - self.style.leftIndent - self.style.rightIndent
        return self.style.leftIndent + avail - extra


class PageRef(Flowable):
    """The page a bookmark is on (filled in at save time), right-aligned and linked to it; "–"
    without a bookmark."""

    def __init__(self, key: str | None, font: str, size: float, color, link=True):
        super().__init__()
        self.key, self.font, self.size, self.color = key, font, size, color
        # Whether the bookmark will exist (a link to a missing one breaks the PDF): a callable
        # is asked when the page is drawn, after the whole story has been made.
        self.link = link

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.size * 1.3
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.translate(self.width, self.height - self.size)
        if self.key is None:
            canv.setFont(self.font, self.size)
            canv.setFillColor(self.color)
            canv.drawRightString(0, 0, "–")
        else:
            canv.page_number(self.key, self.font, self.size, self.color, "right")
        canv.restoreState()
        link = self.link() if callable(self.link) else self.link
        if self.key is not None and link:
            canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class Panel(Flowable):
    """Flowables set on a tinted band with a bar on the left; splits across pages like text.

    Used for key messages instead of a one-cell table, which cannot split a cell taller than a
    page, and instead of KeepTogether, which cannot hold content longer than a page.

    Each flowable is measured once: the pieces of a split take over what is known of the
    flowables they share, so a panel of many pages is laid out in time linear in its length
    (measuring the whole rest again at every page made it quadratic).
    """

    def __init__(self, content: list[Flowable], *, fill=None, bar=None, bar_width: float = 3,
                 pad: float = 7, top: bool = True, bottom: bool = True, keep: int = 1,
                 changed: tuple[str, ...] = ()):
        super().__init__()
        self.content = content
        self.changed = changed  # changes-page records about this block: a bar in the margin
        # The first `keep` flowables never end a page without something that follows them.
        self.keep = keep
        self.fill = fill
        self.bar = bar
        self.bar_width = bar_width if bar is not None else 0
        self.pad = pad
        self.top, self.bottom = top, bottom  # whether this piece has its own top/bottom padding
        self._sizes: list[tuple[float, float] | None] = [None] * len(content)
        self._sizes_width: float | None = None  # the inner width the sizes were measured at
        self.whole = False  # moves to the next page rather than split, if a page can hold it

    def _inner(self, aw: float) -> float:
        return aw - self.bar_width - 2 * self.pad

    def _gap(self, i: int) -> float:
        if i == 0:
            return 0
        return max(self.content[i - 1].getSpaceAfter(), self.content[i].getSpaceBefore())

    def _measure(self, inner: float) -> list[tuple[float, float]]:
        if self._sizes_width != inner:
            self._sizes = [None] * len(self.content)
            self._sizes_width = inner
        for i, f in enumerate(self.content):
            if self._sizes[i] is None:
                self._sizes[i] = f.wrapOn(self.canv, inner, 1e6)
        return self._sizes  # type: ignore[return-value]

    def wrap(self, aw, ah):
        sizes = self._measure(self._inner(aw))
        body = sum(h for _, h in sizes) + sum(self._gap(i) for i in range(len(self.content)))
        self.width = aw
        self.height = body + self.pad * (self.top + self.bottom)
        return aw, self.height

    def split(self, aw, ah):
        page = _page_room(self.canv)
        if self.whole and ah < self.height <= page:
            return []  # whole on the next page
        pieces = self._split(aw, ah, strict=True)
        if pieces or not _at_page_top(self.canv) or self.height <= ah:
            return pieces
        # On an empty page that cannot hold it whole: moving on would not help, so it splits
        # wherever it can (a 0.34 pt overflow once ended the export here).
        return self._split(aw, ah, strict=False)

    def _split(self, aw: float, ah: float, *, strict: bool) -> list[Flowable]:
        """Two pieces, the first fitting `ah`; `strict`: only where the kept flowables stay
        with what follows and the first piece has air below its last line."""
        inner = self._inner(aw)
        sizes = self._measure(inner)
        room = ah - self.pad * self.top
        air = self.pad * 0.5 if strict else 0
        used = 0.0
        for i, f in enumerate(self.content):
            gap = self._gap(i) if i else 0
            h = sizes[i][1]
            if used + gap + h <= room - air:
                used += gap + h
                continue
            parts = self._split_one(i, inner, room - used - gap)
            if len(parts) >= 2:
                return self._pieces(i, parts[0], parts[1:])
            if i == 0 or (strict and i <= self.keep):
                # a talking point's speaker line alone at a page foot: move it all
                return []
            return self._pieces(i, None, [f])
        if strict or not self.content:
            return []  # it fits but for its bottom padding: better whole on the next page
        # It fits but for its bottom padding, on a page where it cannot move: the last lines go.
        i = len(self.content) - 1
        parts = self._split_one(i, inner, sizes[i][1] - 0.5)
        if len(parts) >= 2:
            return self._pieces(i, parts[0], parts[1:])
        return self._pieces(i, None, [self.content[i]]) if i else []

    def _split_one(self, i: int, inner: float, room: float) -> list[Flowable]:
        if room <= 0:
            return []
        parts = self.content[i].splitOn(self.canv, inner, room)
        if len(parts) < 2:
            # A paragraph that fails to split forgets its lines: it is measured again.
            self._sizes[i] = None
        return parts

    def _pieces(self, i: int, first: Flowable | None, rest: list[Flowable]) -> list[Flowable]:
        """This panel cut before content[i]: `first` (a piece of it) ends the first part and
        `rest` opens the second; what is known of the others' sizes goes with them."""
        head = self.content[:i] + ([first] if first is not None else [])
        tail = rest + self.content[i + 1:]
        known = self._sizes
        a = self._piece(head, top=self.top, bottom=False)
        b = self._piece(tail, top=False, bottom=self.bottom)
        a._sizes, a._sizes_width = known[:i] + [None] * (len(head) - i), self._sizes_width
        b._sizes = [None] * len(rest) + known[i + 1:]
        b._sizes_width = self._sizes_width
        return [a, b]

    def _piece(self, content, *, top, bottom) -> Panel:
        # Only the first piece has a speaker line to keep: a continuation that fills a page but
        # for the next detail must still split there.
        return Panel(content, fill=self.fill, bar=self.bar, bar_width=self.bar_width,
                     pad=self.pad, top=top, bottom=bottom, keep=self.keep if top else 0,
                     changed=self.changed)

    def draw(self):
        canv = self.canv
        change_bar(canv, self.changed, self.height)
        if self.fill is not None or self.bar is not None:
            canv.saveState()
            if self.fill is not None:
                canv.setFillColor(self.fill)
                canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            if self.bar is not None:
                canv.setFillColor(self.bar)
                canv.rect(0, 0, self.bar_width, self.height, stroke=0, fill=1)
            canv.restoreState()
        x = self.bar_width + self.pad
        y = self.height - self.pad * self.top
        for i, (f, size) in enumerate(zip(self.content, self._sizes, strict=True)):
            y -= self._gap(i) + size[1]
            f.drawOn(canv, x, y)


class KeepHead(Panel):
    """A heading (or a question) kept with at least the first lines of what follows it.

    Splits like a panel without padding or colour, but never between its first `keep` flowables
    and the rest: then it moves to the next page whole. The spacing around it is its first and
    last flowables' own.
    """

    def __init__(self, content: list[Flowable], *, keep: int = 1, top: bool = True,
                 bottom: bool = True, changed: tuple[str, ...] = ()):
        super().__init__(content, pad=0, top=top, bottom=bottom, keep=keep, changed=changed)

    def getSpaceBefore(self):
        return self.content[0].getSpaceBefore() if self.top and self.content else 0

    def getSpaceAfter(self):
        return self.content[-1].getSpaceAfter() if self.bottom and self.content else 0

    def _piece(self, content, *, top, bottom) -> KeepHead:
        # The rest of a split has no heading left to keep.
        return KeepHead(content, keep=self.keep if top else 0, top=top, bottom=bottom,
                        changed=self.changed)


def _page_room(canv) -> float:
    """The height of the frame being filled when it is empty (0 when unknown)."""
    frame = getattr(getattr(canv, "_doctemplate", None), "frame", None)
    return getattr(frame, "_aH", 0) or 0


def _at_page_top(canv) -> bool:
    """Whether nothing is on the current page yet (a flowable cannot do better elsewhere)."""
    frame = getattr(getattr(canv, "_doctemplate", None), "frame", None)
    return bool(getattr(frame, "_atTop", False))


def keep_head(head: list[Flowable], body: list[Flowable]) -> list[Flowable]:
    """`head` and `body` with the head bound to the first flowable of the body."""
    if not body:
        return head
    if isinstance(body[0], ActionFlowable):  # a page break is no content to keep a head with
        return [*head, *body]
    return [KeepHead([*head, body[0]], keep=len(head)), *body[1:]]


class ChangeRows(Table):
    """A table that draws a change bar in the margin beside each row with a marked cell (a
    flowable with a `changed` attribute: see `changed_keys`). The mark lives in the cells, so
    the pieces of a split table keep it."""

    def draw(self):
        super().draw()
        for i, row in enumerate(self._cellvalues):
            keys = tuple(k for cell in row for k in changed_keys(cell))
            if keys:
                bottom = self._rowpositions[i + 1]
                change_bar(self.canv, keys, self._rowpositions[i] - bottom, bottom)


class BookTable(ChangeRows):
    """A table that splits across pages only where both pieces read as a table.

    A table of a few rows moves to the next page whole, and a longer one keeps at least
    `MIN_FIRST` rows on the page it starts on (with its heading) and carries at least `MIN_REST`
    rows over. At the top of a page (where moving would not help) it splits as any table.
    ReportLab builds the pieces with `self.__class__(...)`, so the settings are class attributes.
    """

    FEW = 5  # body rows that never split
    MIN_FIRST = 3
    MIN_REST = 2

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) < 2 or self._at_page_top():
            return parts
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        body = len(self._cellvalues) - header
        first = len(parts[0]._cellvalues) - header
        rest = len(parts[1]._cellvalues) - header
        if body <= self.FEW or first < self.MIN_FIRST:
            return []
        if rest < self.MIN_REST:
            # Leave fewer rows on this page, so that a row or two do not stand alone over there.
            end = len(parts[0]._cellvalues)
            less = sum(self._rowHeights[end - (self.MIN_REST - rest):end])
            parts = super().split(availWidth, availHeight - less)
            if len(parts) < 2 or len(parts[0]._cellvalues) - header < self.MIN_FIRST:
                return []
        return parts

    def _at_page_top(self) -> bool:
        return _at_page_top(getattr(self, "canv", None))


class LinedPage(Flowable):
    """Ruled lines filling the rest of the page, to write on during a meeting."""

    def __init__(self, spacing: float = 24):
        super().__init__()
        self.spacing = spacing

    def wrap(self, aw, ah):
        self.width, self.height = aw, max(ah - 1, 0)
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(st.NOTE_LINE)
        canv.setLineWidth(0.5)
        y = self.height - self.spacing
        while y > 0:
            canv.line(0, y, self.width, y)
            y -= self.spacing
        canv.restoreState()
