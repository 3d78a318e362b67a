"""The page side of the book: paper, margins, running header and footer, and the canvas that
fills in page numbers once the last page is known.

Page numbers that are not known while a page is drawn (the contents' entries, "of M" in the
footer) are drawn as PDF form XObjects that the canvas defines just before it saves. The book is
therefore laid out once, not once per `multiBuild` pass.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from briefing.book import styles as st

PAPERS = {"a4": A4, "letter": LETTER}
# What ReportLab raises when a flowable does not fit (too tall, too wide, a negative width inside
# a table): such a part is set plainly (see BookDoc.build); anything else (a canvas that cannot
# record, a fault of ours) goes up.
LAYOUT_ERRORS = (LayoutError, ValueError, IndexError, ArithmeticError)

# Margins in millimetres, the same on every paper; positions are computed from the page size.
MARGIN_SIDE = 20 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_Y = 15 * mm  # header baseline, from the top edge
FOOTER_Y = 11 * mm  # footer baseline, from the bottom edge


def text_width(paper: str) -> float:
    return PAPERS[paper][0] - 2 * MARGIN_SIDE


class BookCanvas(Canvas):
    """A canvas that knows each bookmark's page and defines the page-number forms on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_of: dict[str, int] = {}
        self.pages = 0
        self.blocks: list[str] = []  # the section and part being printed (see Marked)
        self.running = ""  # the running head of the section being printed (see Marked)
        self._forms: dict[str, tuple[str | None, str, float, object, str]] = {}

    def showPage(self):
        self.pages += 1
        super().showPage()

    def own_page_number(self, x: float, y: float) -> None:
        """This page's number, ending at `x`, in the current font (a canvas that records pages
        for the incremental build leaves its place open: see incremental.py)."""
        self.drawRightString(x, y, str(self.getPageNumber()))

    def page_number(self, key: str | None, font: str, size: float, color, align: str) -> None:
        """Draw here the page of `key` (None: the page count), once it is known."""
        name = f"pg_{key}" if key is not None else "pg__total"
        self._forms.setdefault(name, (key, font, size, color, align))
        self.doForm(name)

    def save(self):
        if self._code:
            self.showPage()
        for name, (key, font, size, color, align) in self._forms.items():
            value = self.pages if key is None else self.page_of.get(key)
            self.beginForm(name, -300, -20, 300, 40)
            self.setFont(font, size)
            self.setFillColor(color)
            text = str(value) if value else "–"
            if align == "right":
                self.drawRightString(0, 0, text)
            else:
                self.drawString(0, 0, text)
            self.endForm()
        with binary_streams():
            super().save()


@contextlib.contextmanager
def binary_streams():
    """Write streams deflated but not ASCII85-encoded while the PDF is formatted.

    ASCII85 makes every page stream a quarter larger and, without ReportLab's C accelerator,
    costs as much time as laying out the text. ReportLab reads this setting only at format time,
    so it is changed for the duration of one save (under the book's build lock), not globally.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


@dataclass
class Furniture:
    """What every page but the cover carries."""

    title: str
    marking: str
    footer: str
    regular: str
    bold: str
    owner: str = ""  # whose personal copy this is
    continued: str = "{what}"  # the mark atop a page a block carries over to


class BookDoc(BaseDocTemplate):
    def __init__(self, target, paper: str, furniture: Furniture, **meta):
        self.furniture = furniture
        super().__init__(
            target, pagesize=PAPERS[paper], leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1,
            pageCompression=1, initialFontName=furniture.regular, **meta)
        width, height = self.pagesize
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = Frame(self.leftMargin + 6 * mm, self.bottomMargin, self.width - 12 * mm,
                      height - self.bottomMargin - 50 * mm, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._cover_page),
            PageTemplate("body", [body], onPage=self._body_page, onPageEnd=self._continued),
        ])
        self._first_on_page = False
        self._continues = False
        self._rest_now = False
        self._blocks_at_start: tuple[str, ...] = ()
        self._page_head = ""
        # Sets a part of the story plainly when it cannot be laid out (see fallback.Rescue);
        # None: such a part ends the build.
        self.rescue = None
        self.rescued: dict[int, str] = {}  # the story's index of a part set plainly → notice
        self._handling: int | None = None  # the story's index of the part being laid out

    # -- a part that cannot be laid out ----------------------------------------------------------
    # The build is made again with that part of the story set plainly (then, should even that
    # fail, left out), rather than the user getting no book for one field.

    RESCUES = 20  # parts set plainly before the build gives up

    def build(self, flowables, **kwargs):
        if self.rescue is None:
            return super().build(flowables, **kwargs)
        original = list(flowables)
        parts = [[f] for f in original]
        tries: dict[int, int] = {}
        self.rescued = {}
        while True:
            story = []
            for i, part in enumerate(parts):
                for f in part:
                    f._book_index = i
                    f.__dict__.pop("_postponed", None)  # left by the failed build
                story += part
            self._handling = None
            try:
                return super().build(story, **kwargs)
            except LAYOUT_ERRORS:
                i = self._handling
                if i is None or tries.get(i, 0) >= 2 or sum(tries.values()) >= self.RESCUES:
                    raise
                tries[i] = tries.get(i, 0) + 1
                parts[i], self.rescued[i] = self.rescue(original[i], omitted=tries[i] == 2)

    # -- where a block carries over to a new page --------------------------------------------
    # ReportLab puts the rest of a split flowable back in the story; the rest that opens a
    # page means the page continues a block, whose name is printed under the running head.

    def handle_pageBegin(self):
        self._first_on_page, self._continues = True, False
        self._blocks_at_start = tuple(getattr(self.canv, "blocks", ()))
        self._page_head = getattr(self.canv, "running", "")
        super().handle_pageBegin()

    def handle_flowable(self, flowables):
        first = flowables[0] if flowables else None
        following = flowables[1] if len(flowables) > 1 else None
        self._rest_now = bool(getattr(first, "_book_rest", False))
        index = self._handling = getattr(first, "_book_index", None)
        super().handle_flowable(flowables)
        for f in flowables:  # what the split put back in front: the rest of `first`
            if f is following or f is first:
                break
            f._book_rest = True
            f._book_index = index

    def afterFlowable(self, flowable):
        if self._first_on_page and getattr(flowable, "height", 0) > 0:
            self._first_on_page = False
            self._continues = self._rest_now or bool(getattr(flowable, "_book_rest", False))
            # A page belongs to the section its first content is part of: the heading that
            # opens a stop's first page has just set the canvas's running head.
            self._page_head = getattr(self.canv, "running", "")

    def _continued(self, canv, doc):
        self._running_head(canv)
        if not self._continues or not self._blocks_at_start:
            return
        width, height = self.pagesize
        f = self.furniture
        room = width - self.leftMargin - self.rightMargin
        blocks = self._blocks_at_start
        # The running head already names the stop: the note adds the part it continues.
        what = " › ".join(blocks[1:] if self._page_head and len(blocks) > 1 else blocks)
        text = f.continued.format(what=what)
        if stringWidth(text, f.regular, 8) > room:
            text = f.continued.format(what=_fit(what, f.regular, 8, room * 0.85))
        canv.saveState()
        canv.setFont(f.regular, 8)
        canv.setFillColor(st.ACCENT)
        canv.drawRightString(width - self.rightMargin, height - self.topMargin + 2.2 * mm, text)
        canv.restoreState()

    def _running_head(self, canv) -> None:
        """The head's left side, drawn when the page is done, once it is known what the page
        holds: the stop (and its day) on every page of a stop, else the trip's title."""
        width, height = self.pagesize
        f = self.furniture
        left, right = self.leftMargin, width - self.rightMargin
        room = right - left - (stringWidth(f.marking, f.bold, 9) + 8 * mm if f.marking else 0)
        canv.saveState()
        if self._page_head:
            canv.setFont(f.bold, 9)
            canv.setFillColor(st.ACCENT)
            canv.drawString(left, height - HEADER_Y, _fit(self._page_head, f.bold, 9, room))
        else:
            canv.setFont(f.regular, 8.5)
            canv.setFillColor(st.MUTED)
            canv.drawString(left, height - HEADER_Y, _fit(f.title, f.regular, 8.5, room))
        canv.restoreState()

    @property
    def text_width(self) -> float:
        return self.width

    def _cover_page(self, canv, doc):
        width, height = self.pagesize
        f = self.furniture
        canv.saveState()
        canv.showOutline()
        canv.setFillColor(st.ACCENT)
        canv.rect(0, height - 14 * mm, width, 14 * mm, stroke=0, fill=1)
        if f.marking:
            size = 15
            text_w = stringWidth(f.marking, f.bold, size)
            box_w = text_w + 14 * mm
            x = width - self.rightMargin - box_w
            y = height - 36 * mm
            canv.setStrokeColor(st.MARKING)
            canv.setLineWidth(1.6)
            canv.rect(x, y, box_w, 11 * mm, stroke=1, fill=0)
            canv.setFillColor(st.MARKING)
            canv.setFont(f.bold, size)
            canv.drawCentredString(x + box_w / 2, y + 3.6 * mm, f.marking)
        canv.setFillColor(st.ACCENT)
        canv.rect(0, 0, width, 4 * mm, stroke=0, fill=1)
        canv.restoreState()

    def _body_page(self, canv, doc):
        width, height = self.pagesize
        f = self.furniture
        left, right = self.leftMargin, width - self.rightMargin
        canv.saveState()
        y = height - HEADER_Y
        if f.marking:  # the left side is drawn at the page's end: see _running_head
            canv.setFont(f.bold, 9)
            canv.setFillColor(st.MARKING)
            canv.drawRightString(right, y, f.marking)
        canv.setStrokeColor(st.RULE)
        canv.setLineWidth(0.6)
        canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)

        y = FOOTER_Y
        canv.line(left, y + 4.5 * mm, right, y + 4.5 * mm)
        canv.setFont(f.regular, 8)
        canv.drawString(left, y, _fit(f.footer, f.regular, 8, (right - left) / 2 - 12 * mm))
        if f.owner:
            canv.setFont(f.bold, 8.5)
            canv.setFillColor(st.ACCENT)
            canv.drawRightString(right, y, _fit(f.owner, f.bold, 8.5, (right - left) / 2 - 12 * mm))
        centre = width / 2
        canv.setFillColor(st.INK)
        canv.setFont(f.regular, 9)
        canv.own_page_number(centre - 4, y)
        canv.drawCentredString(centre, y, "/")
        canv.translate(centre + 4, y)
        canv.page_number(None, f.regular, 9, st.INK, "left")
        canv.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with an ellipsis so that it fits `width` (a long trip title in the header)."""
    if stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + ellipsis, font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ellipsis
