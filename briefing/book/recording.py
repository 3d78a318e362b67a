"""The recording canvas of the incremental book: it lays out pages without writing them, keeping
each page's content-stream code and what goes beside it (the page-number forms it uses, its
bookmarks, outline entries and links), so that a later build can replay it (book/incremental.py)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.book.context import TocEntry
from briefing.book.document import BookCanvas

_TEXT_STATE = ("_fontname", "_fontsize", "_leading", "_charSpace", "_wordSpace", "_horizScale",
               "_rise", "_textRenderMode")


class NotRecordable(Exception):
    """A page uses something the recorder does not carry: build this book in full."""


class OwnNumber:
    """Where a recorded page prints its own number, with the text state it is printed in."""

    __slots__ = ("x", "y", "state")

    def __init__(self, canv, x: float, y: float):
        self.x, self.y = x, y
        self.state = tuple(getattr(canv, a) for a in _TEXT_STATE)

    def draw(self, canv) -> None:
        saved = tuple(getattr(canv, a) for a in _TEXT_STATE)
        for name, value in zip(_TEXT_STATE, self.state, strict=True):
            setattr(canv, name, value)
        canv.drawRightString(self.x, self.y, str(canv.getPageNumber()))
        for name, value in zip(_TEXT_STATE, saved, strict=True):
            setattr(canv, name, value)


@dataclass
class RecordedPage:
    code: list
    forms: list[str]
    events: list[tuple]  # bookmarks, outline entries and links, in the order they were made


@dataclass
class Segment:
    pages: list[RecordedPage]
    toc: list[TocEntry]
    page_of: dict[str, int]  # key -> page within the segment, from 1
    forms: dict[str, tuple]
    dropped: dict[str, None]  # characters the text layer left out (emoji)


class Recorder(BookCanvas):
    """A canvas that keeps each page instead of writing it (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.recorded: list[RecordedPage] = []
        self._events: list[tuple] = []

    def own_page_number(self, x: float, y: float) -> None:
        self._code.append(OwnNumber(self, x, y))

    def bookmarkPage(self, key, **kw):
        self._events.append(("bookmark", key, kw))

    def addOutlineEntry(self, title, key, level=0, closed=None):
        self._events.append(("outline", title, key, level, closed))

    def showOutline(self):
        self._events.append(("show_outline",))

    def linkRect(self, contents, destinationname, Rect=None, addtopage=1, name=None, relative=1,
                 **kw):
        self._events.append(("link", contents, destinationname, self._absRect(Rect, relative),
                             kw))

    def showPage(self):
        if self._colorsUsed or self._shadingUsed:
            raise NotRecordable
        self.pages += 1
        self.recorded.append(RecordedPage(self._code, list(self._formsinuse), self._events))
        self._events = []
        if self._onPage:
            self._onPage(self._pageNumber)
        self._startPage()

    def save(self):
        if self._code:
            self.showPage()
        if self._doc.fontMapping:  # a standard font: named per document, not shared
            raise NotRecordable
