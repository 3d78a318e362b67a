"""Building the book again after an edit without laying out what the edit did not touch.

(Over 400 lines: the cache's validity rules and the replay share state that a split would pass
around; the recording canvas is apart, in book/recording.py.)

Design
------
The book is cut into *parts* (the cover and contents, each front section, each stop, each back
section) and into *segments* where a page break already cuts it (a part that does not start on a
new page, e.g. the overview or the travel section of a handout, joins the segment before it).
Each segment is laid out in its own ReportLab pass on a *recording canvas*: its pages are not
written, but kept as content-stream code with what goes beside it (the page-number forms the page
uses, its bookmarks, outline entries and links, with absolute positions). A segment stays valid
while the options (edition, reader, paper, font, ...) are the same, its change marks are, and
every field of the trip that making and laying out its parts read still has the value it had
(tracked_reads: the key messages read a point's text only when it is a key message), so an edit
re-lays out only the segments that read what it changed.

The book is then assembled by *replaying* the recorded pages on one real canvas: the PDF has one
page tree, one outline, real named destinations and links, and one embedded subset per font,
as a full export has. Three things make a recorded page independent of where it lands:

- Layout never depends on a page's number: numbers of other pages (contents, day sheets,
  "of M") are form XObjects filled in at save (document.py), and the page's own number in the
  footer is left as a placeholder (`BookCanvas.own_page_number`) drawn during the replay.
- The font encoding is shared: every recording canvas and the final canvas use one TrueType
  subset state per font (ReportLab numbers glyphs in order of first use, per document), so a
  glyph's code in a cached page stays valid in every later book of this builder. Glyphs stay
  assigned for the builder's life; a character that was deleted is still embedded (a few
  bytes), which is why the output is not byte-identical to a full export, whose subsets number
  glyphs in its own order. The text of every page, the page numbers, contents, outline, links
  and bookmarks are the same (tests/test_incremental.py).
- Marks over the page (draft, watermark) are drawn by the final canvas, not recorded.

Limits: the head is laid out again whenever a contents entry changes (a stop's title, a stop
added or removed); a stop added, removed or moved lays out every stop after it (their numbers
move); an edit to the trip's title lays out every segment (the running head). A book whose
fonts are not embedded TrueType (the CID fallback), or whose pages use something the recorder
does not carry (images, spot colours, a standard font), is built by `render()` in full: correct, only not faster.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak

from briefing.book import changes_page, day_sheet, front, key_messages, sections
from briefing.book import stop as stop_pages
from briefing.book.build import (
    BookError,
    BookResult,
    check_options,
    context,
    find_reader,
    fonts_for,
    make_doc,
    pdf_date,
    render,
    text_notices,
)
from briefing.book.change_marks import index as change_index
from briefing.book.change_marks import listed as change_listed
from briefing.book.context import FULL, Ctx, TocEntry
from briefing.book.document import PAPERS, text_width
from briefing.book.fonts import BUILD_LOCK, FontSet
from briefing.book.page_marks import MarkedCanvas, marks_for
from briefing.book.recording import NotRecordable, Recorder, Segment
from briefing.book.tracked_reads import Reads, Resolver, Tracker
from briefing.trip.model import Trip


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"),
                           digest_size=20).hexdigest()


@dataclass
class _Part:
    name: str
    extra: str  # what the part shows besides what it reads of the trip (its change marks)
    make: Callable[[], list[Flowable]]


@dataclass
class _Made:
    """What is known of a part from when it was last made."""

    version: int  # new each time the part is made
    extra: str
    reads: Reads
    starts: bool  # with a page break: it begins a segment


@dataclass
class _Cached:
    versions: tuple  # of its parts when it was laid out (the head: the contents)
    reads: Reads  # what laying it out read of the trip (the running heads, the footer)
    segment: Segment


@dataclass
class IncrementalBook:
    """A book builder that remembers the layout of each segment between builds.

    `render(trip, ...)` takes the options of `build.render` (but `password`) and gives the
    same (bytes, BookResult). One builder serves one window or one watch loop; it keeps the
    segments of its last build only.
    """

    segments: dict[tuple, _Cached] = field(default_factory=dict)  # by the names of its parts
    parts: dict[str, _Made] = field(default_factory=dict)
    laid_out: list[str] = field(default_factory=list)  # the segments the last build laid out
    _common: str = ""  # the options and fonts the cache was made with
    _version: int = 0
    # The last whole book: where each segment began, each heading's page, the page count.
    first_page: dict[tuple, int] = field(default_factory=dict)
    page_of: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    _states: dict[str, TTFont.State] = field(default_factory=dict)
    _fonts_key: tuple = ()

    def render(self, trip: Trip, *, paper: str = "a4", edition: str = FULL, font=None,
               reader: str | None = None, since: Trip | None = None, draft: bool = False,
               watermark: bool = False, notes_pages: bool | None = None
               ) -> tuple[bytes, BookResult]:
        options = dict(paper=paper, edition=edition, font=font, reader=reader, since=since,
                       draft=draft, watermark=watermark, notes_pages=notes_pages)
        paper, edition = check_options(paper, edition)
        fonts = fonts_for(font)
        if not fonts.embedded:
            return render(trip, **options)
        with BUILD_LOCK:
            try:
                return self._render(trip, fonts, paper, edition, reader, since, draft,
                                    watermark, notes_pages)
            except BookError:
                raise
            except Exception:
                # Something the recorder does not carry, or a fault of this builder's own
                # machinery: the full build makes the same book, or says why it cannot.
                self.segments.clear()
                self.parts.clear()
                return render(trip, **options)

    def stop_pages(self, trip: Trip, index: int, *, paper: str = "a4", edition: str = FULL,
                   font=None, reader: str | None = None, since: Trip | None = None,
                   draft: bool = False, watermark: bool = False,
                   notes_pages: bool | None = None) -> tuple[bytes, int] | None:
        """The PDF of stop `index`'s pages alone and the number of its first page, numbered as
        in the whole book of the last `render` with these options; only that stop is laid out
        (when an edit changed it). None when this is not known (no book yet, other options, a
        stop added or removed since, the stop sharing a page with what follows it): render the
        whole book then. The pages are the whole book's while the edits since its last render
        moved no page before the stop (the caller renders the whole book again after)."""
        paper, edition = check_options(paper, edition)
        fonts = fonts_for(font)
        name = f"stop{index + 1}"
        if not fonts.embedded or (name,) not in self.first_page:
            return None
        with BUILD_LOCK:
            person = find_reader(trip, reader)
            ctx = context(trip, edition, fonts, text_width(paper), reader=person, since=since,
                          notes_pages=notes_pages, draft=draft)
            if tuple(dict.fromkeys((fonts.regular, fonts.bold))) != self._fonts_key:
                return None
            common = _digest(paper, edition, fonts.regular, fonts.bold, fonts.source, reader,
                             draft, ctx.notes_pages, ctx.labels.lang, since)
            if common != self._common or f"stop{len(trip.stops)}" not in self.parts or (
                    f"stop{len(trip.stops) + 1}" in self.parts):
                return None
            part = next(p for p in self._parts(ctx) if p.name == name)
            check = Resolver(trip)
            try:
                with Tracker(trip) as tracker:
                    known = self.parts.get(name)
                    cached = self.segments.get((name,))
                    if (known is None or known.extra != part.extra
                            or not check.holds(known.reads)):
                        ctx.toc, ctx.text.dropped, ctx.text._cache = [], {}, {}
                        tracker.reads = reads = {}
                        try:
                            flowables = part.make()
                        finally:
                            tracker.reads = None
                        self._version += 1
                        known = self.parts[name] = _Made(self._version, part.extra, reads, True)
                        made = (flowables, ctx.toc, ctx.text.dropped)
                        cached = None
                    elif cached is None or cached.versions != (known.version,) or (
                            not check.holds(cached.reads)):
                        ctx.toc, ctx.text.dropped, ctx.text._cache = [], {}, {}
                        made = (part.make(), ctx.toc, ctx.text.dropped)
                        cached = None
                    if cached is None:
                        flowables, toc, dropped = made
                        if flowables and not isinstance(flowables[0], PageBreak):
                            return None
                        tracker.reads = reads = {}
                        try:
                            segment = self._lay_out(trip, paper, ctx, flowables, cover=False)
                        finally:
                            tracker.reads = None
                        segment.toc, segment.dropped = toc, dropped
                        cached = self.segments[(name,)] = _Cached((known.version,), reads,
                                                                  segment)
                first = self.first_page[(name,)]
                data, _, _ = self._assemble(trip, paper, ctx, [cached.segment], watermark,
                                            alone=(first, self.page_of, self.pages))
            except BookError:
                raise
            except Exception:  # not known here: the caller renders the whole book
                return None
        return data, first

    # -- the parts and what decides them -----------------------------------------------------------

    def _parts(self, ctx: Ctx) -> list[_Part]:
        """The book's body in reading order, one part per section and per stop; `extra` is what a
        part depends on besides its reads of the trip (the change marks it shows)."""
        trip = ctx.trip
        if ctx.since is not None:  # worked out before any part is made: read by none of them
            marks = change_index(ctx)
            every = _digest(sorted(marks.items()), change_listed(ctx))
        else:
            marks, every = {}, ""
        parts = [_Part("changes", every, lambda: changes_page.page(ctx)),
                 _Part("overview", every, lambda: sections.overview(ctx)),
                 _Part("key_messages", every, lambda: key_messages.page(ctx)),
                 _Part("itinerary", every, lambda: day_sheet.sheets(ctx)),
                 _Part("delegation", every, lambda: sections.delegation(ctx))]
        for i, stop in enumerate(trip.stops):
            mine = _digest(sorted((k, v) for k, v in marks.items() if k[0] == i)) if marks else ""
            parts.append(_Part(f"stop{i + 1}", mine,
                               lambda i=i, stop=stop: stop_pages._stop(ctx, i, stop)))
        parts.append(_Part("travel", every, lambda: sections.travel(ctx)))
        parts.append(_Part("contacts", every, lambda: sections.contacts(ctx)))
        return parts

    # -- building --------------------------------------------------------------------------------

    def _render(self, trip, fonts: FontSet, paper, edition, reader, since, draft, watermark,
                notes_pages):
        person = find_reader(trip, reader)
        ctx = context(trip, edition, fonts, text_width(paper), reader=person, since=since,
                      notes_pages=notes_pages, draft=draft)
        self._use_fonts(fonts)
        common = _digest(paper, edition, fonts.regular, fonts.bold, fonts.source, reader, draft,
                         ctx.notes_pages, ctx.labels.lang, since)
        if common != self._common:
            self.parts.clear()
            self.segments.clear()
            self._common = common
        check = Resolver(trip)
        made: dict[str, tuple[list[Flowable], list[TocEntry], dict]] = {}
        self.laid_out = []
        with Tracker(trip) as tracker:
            def make(part: _Part) -> _Made:
                ctx.toc = []
                ctx.text.dropped = {}
                ctx.text._cache = {}  # what a cached cleaning dropped is remembered only once
                tracker.reads = reads = {}
                try:
                    flowables = part.make()
                finally:
                    tracker.reads = None
                self._version += 1
                made[part.name] = (flowables, ctx.toc, ctx.text.dropped)
                starts = not flowables or isinstance(flowables[0], PageBreak)
                return _Made(self._version, part.extra, reads, starts)

            groups: list[list[_Part]] = []
            versions: dict[str, int] = {}
            for part in self._parts(ctx):
                known = self.parts.get(part.name)
                if known is None or known.extra != part.extra or not check.holds(known.reads):
                    known = self.parts[part.name] = make(part)
                versions[part.name] = known.version
                if known.starts or not groups:
                    groups.append([part])
                else:
                    groups[-1].append(part)
            for name in [n for n in self.parts if n not in versions]:
                del self.parts[name]

            body: list[Segment] = []
            kept: dict[tuple, _Cached] = {}
            for group in groups:
                names = tuple(p.name for p in group)
                mine = tuple(versions[n] for n in names)
                cached = self.segments.get(names)
                if cached is None or cached.versions != mine or not check.holds(cached.reads):
                    flowables, toc, dropped = [], [], {}
                    for part in group:
                        if part.name not in made:  # its reads held, its neighbour's did not
                            self.parts[part.name] = make(part)
                            versions[part.name] = self.parts[part.name].version
                        f, t, d = made.pop(part.name)
                        flowables += f
                        toc += t
                        dropped.update(d)
                    mine = tuple(versions[n] for n in names)
                    tracker.reads = reads = {}
                    try:
                        segment = self._lay_out(trip, paper, ctx, flowables, cover=False)
                    finally:
                        tracker.reads = None
                    segment.toc, segment.dropped = toc, dropped
                    cached = _Cached(mine, reads, segment)
                    self.laid_out.append(group[0].name)
                kept[names] = cached
                body.append(cached.segment)

            ctx.toc = [entry for segment in body for entry in segment.toc]
            contents = _digest([dataclasses.astuple(e) for e in ctx.toc])
            cached = self.segments.get(("head",))
            if cached is None or cached.versions != (contents,) or not check.holds(cached.reads):
                ctx.text.dropped = {}
                ctx.text._cache = {}
                toc = list(ctx.toc)
                tracker.reads = reads = {}
                try:
                    head = self._lay_out(trip, paper, ctx, front.cover(ctx, PAPERS[paper][1])
                                         + front.contents(ctx), cover=True)
                finally:
                    tracker.reads = None
                head.toc, head.dropped = ctx.toc[len(toc):], ctx.text.dropped  # the contents' own
                ctx.toc = toc
                cached = _Cached((contents,), reads, head)
                self.laid_out.insert(0, "head")
            kept[("head",)] = cached
            head = cached.segment
        self.segments = kept

        data, pages, page_of = self._assemble(trip, paper, ctx, [head, *body], watermark)
        first, self.first_page = 1, {}
        for names, segment in (((("head",), head),) + tuple(zip(kept, body, strict=False))):
            self.first_page[names] = first
            first += len(segment.pages)
        self.page_of, self.pages = page_of, pages
        ctx.text.dropped = {c: None for s in (head, *body) for c in s.dropped}
        notices = text_notices(trip, fonts, ctx)
        marks = marks_for(ctx, watermark=watermark)
        if watermark and not marks.watermark:
            notices.append("nothing to print as a watermark: the trip has no marking "
                           "and the book is not a personal copy")
        same = since is not None and changes_page.unlabelled_change(since, trip)
        return data, BookResult(pages, notices, len(data), bookmarks=page_of,
                                same_version=same)

    def _use_fonts(self, fonts: FontSet) -> None:
        """One subset state per font for every canvas of this builder, named F1, F2, ... in a
        fixed order, so that a recorded page means the same in every document."""
        names = tuple(dict.fromkeys((fonts.regular, fonts.bold)))
        if names == self._fonts_key:
            return
        self.segments.clear()
        self._states = {}
        for n, name in enumerate(names, 1):
            font = pdfmetrics.getFont(name)
            if not isinstance(font, TTFont):
                raise NotRecordable
            state = TTFont.State(font._asciiReadable, font)
            state.internalName = f"F{n}"
            self._states[name] = state
        self._fonts_key = names

    def _seed(self, pdf_doc, final: bool = False) -> None:
        for name, state in self._states.items():
            font = pdfmetrics.getFont(name)
            font.state[pdf_doc] = state
            if final:
                pdf_doc.fontMapping[name] = "/" + state.internalName
                pdf_doc.delayedFonts.append(font)

    def _lay_out(self, trip, paper, ctx, flowables: list[Flowable], *, cover: bool) -> Segment:
        while flowables and isinstance(flowables[0], PageBreak):
            flowables = flowables[1:]
        if not flowables:
            return Segment([], [], {}, {}, {})
        canvases: list[Recorder] = []

        def canvasmaker(*args, **kwargs):
            canv = Recorder(*args, **kwargs)
            self._seed(canv._doc)
            canvases.append(canv)
            return canv

        doc = make_doc(io.BytesIO(), trip, paper, ctx)
        if not cover:
            doc._firstPageTemplateIndex = 1  # the body's page template: see BookDoc
        doc.build(flowables, canvasmaker=canvasmaker)
        canv = canvases[-1]
        return Segment(canv.recorded, [], dict(canv.page_of), dict(canv._forms), {})

    def _assemble(self, trip, paper, ctx, segments: list[Segment], watermark: bool,
                  alone: tuple[int, dict, int] | None = None):
        """The PDF of `segments`; `alone` = (first page, page_of, page count) of the whole
        book when the segment is shown by itself, numbered as there (no outline: its levels
        start under entries it does not hold; no links out of it)."""
        buffer = io.BytesIO()
        marks = marks_for(ctx, watermark=watermark)

        def canvasmaker(*args, **kwargs):
            canv = MarkedCanvas(*args, **kwargs)
            canv.marks = marks
            canv.setDateFormatter(pdf_date(trip))
            return canv

        doc = make_doc(buffer, trip, paper, ctx)
        canv = doc._makeCanvas(filename=buffer, canvasmaker=canvasmaker)
        self._seed(canv._doc, final=True)
        page_of: dict[str, int] = dict(alone[1]) if alone else {}
        offset = alone[0] - 1 if alone else 0
        if alone:
            canv._pageNumber = alone[0]
        for segment in segments:
            for key, page in segment.page_of.items():
                if alone:
                    page_of[key] = offset + page
                page_of.setdefault(key, offset + page)
            for name, spec in segment.forms.items():
                canv._forms.setdefault(name, spec)
            offset += len(segment.pages)
        canv.page_of = page_of
        for segment in segments:
            for page in segment.pages:
                canv._code = code = []
                for item in page.code:
                    if type(item) is str:
                        code.append(item)
                    else:
                        item.draw(canv)
                canv._formsinuse = list(page.forms)
                for event in page.events:
                    kind = event[0]
                    if alone and (kind in ("outline", "show_outline") or (
                            kind == "link" and event[2] not in segment.page_of)):
                        continue
                    if kind == "bookmark":
                        canv.bookmarkPage(event[1], **event[2])
                    elif kind == "outline":
                        canv.addOutlineEntry(*event[1:])
                    elif kind == "link":
                        canv.linkRect(event[1], event[2], event[3], relative=0, **event[4])
                    else:
                        canv.showOutline()
                canv.showPage()
        if alone:
            canv.pages = alone[2]  # "of M": the whole book's
        try:
            canv.save()
        finally:
            for state in self._states.values():
                state.frozen = 0  # saving froze the subsets; the next book may add glyphs
        return buffer.getvalue(), canv.pages, page_of
