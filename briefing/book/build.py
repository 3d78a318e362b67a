"""Assembling the book: the story in reading order, laid out once into PDF bytes in memory."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from briefing.book import changes_page, day_sheet, front, key_messages, sections, stop
from briefing.book.context import FULL, HANDOUT, Ctx
from briefing.book.document import PAPERS, BookCanvas, BookDoc, Furniture, text_width
from briefing.book.fallback import Rescue
from briefing.book.fonts import BUILD_LOCK, FontNotUsable, FontSet, choose, missing_scripts
from briefing.book.labels import Labels
from briefing.book.page_marks import MarkedCanvas, marks_for
from briefing.book.protect import ProtectError, encrypt
from briefing.book.styles import make_styles
from briefing.book.text import Text
from briefing.trip.model import Person, Trip

EDITIONS = (FULL, HANDOUT)


class BookError(Exception):
    """A book that cannot be made; the message says why in words a user can act on."""


@dataclass
class BookResult:
    pages: int
    notices: list[str] = field(default_factory=list)
    size: int = 0  # bytes
    path: str = ""
    bookmarks: dict[str, int] = field(default_factory=dict)  # a heading's key → its page (from 1)
    # Compared with an earlier version whose version label and date are this one's, though the
    # content differs (changes_page.unlabelled_change): the caller warns in its own words.
    same_version: bool = False


def check_options(paper: str, edition: str) -> tuple[str, str]:
    paper, edition = (paper or "a4").lower(), (edition or FULL).lower()
    if paper not in PAPERS:
        raise BookError(f"unknown paper ‘{paper}’; use one of: {', '.join(PAPERS)}")
    if edition not in EDITIONS:
        raise BookError(f"unknown edition ‘{edition}’; use one of: {', '.join(EDITIONS)}")
    return paper, edition


def fonts_for(font) -> FontSet:
    try:
        return choose(font)
    except FontNotUsable as e:
        raise BookError(str(e)) from e


def find_reader(trip: Trip, reader: str | None) -> Person | None:
    """The delegation member a personal copy is for; BookError with a hint when unknown."""
    if reader is None or reader == "":
        return None
    person = trip.person(reader)
    if person is not None:
        return person
    keys = [p.key for p in trip.delegation]
    if not keys:
        raise BookError(f"no delegation member ‘{reader}’: the trip lists no delegation")
    close = difflib.get_close_matches(reader, keys, n=1, cutoff=0.5)
    # People type a name as often as an id.
    by_name = [p.key for p in trip.delegation if p.name == reader]
    hint = f"did you mean ‘{(by_name or close)[0]}’? " if by_name or close else ""
    raise BookError(f"no delegation member with the id ‘{reader}’; {hint}"
                    f"the ids are: {', '.join(keys)}")


def make_doc(target, trip: Trip, paper: str, ctx: Ctx) -> BookDoc:
    info, labels = trip.info, ctx.labels
    footer = " · ".join(x for x in (
        labels("version", v=info.version) if info.version else "",
        labels("as_of", date=labels.date(info.updated)) if info.updated else "",
        labels["edition_full_short" if ctx.full else "edition_handout_short"]) if x)
    owner = labels("copy_for", name=ctx.person_name(ctx.reader)) if ctx.reader else ""
    furniture = Furniture(ctx.text.clean(info.title), ctx.text.clean(info.marking),
                          ctx.text.clean(footer), ctx.styles.regular_font, ctx.styles.bold_font,
                          ctx.text.clean(owner), labels["continued"])
    doc = BookDoc(
        target, paper, furniture,
        title=front.pdf_title(ctx), author=info.organization,
        subject=info.subtitle or labels["overview"], creator="Briefing",
        lang="en-US" if labels.lang == "en" else "ko-KR")
    doc.rescue = Rescue(ctx)
    return doc


def context(trip: Trip, edition: str, fonts: FontSet, width: float, *,
            reader: Person | None = None, since: Trip | None = None,
            notes_pages: bool | None = None, draft: bool = False) -> Ctx:
    """`notes_pages` None: a ruled page after each stop in the full edition, none in the handout."""
    labels = Labels(trip.info.lang)
    if notes_pages is None:
        notes_pages = edition == FULL
    return Ctx(trip, edition, labels, make_styles(fonts), Text(fonts, labels["placeholder"]), width,
               reader=reader, since=since, notes_pages=notes_pages, draft=draft)


def story(ctx: Ctx, page_height: float, *, with_contents: bool = True) -> list[Flowable]:
    """Every flowable of the book in reading order; the contents are made last, from the
    headings the other sections registered, and put in their place."""
    body: list[Flowable] = []
    body += changes_page.page(ctx)
    body += sections.overview(ctx)
    body += key_messages.page(ctx)
    body += day_sheet.sheets(ctx)
    body += sections.delegation(ctx)
    body += stop.stops(ctx)
    body += sections.travel(ctx)
    body += sections.contacts(ctx)
    head = front.cover(ctx, page_height)
    if with_contents:
        head += front.contents(ctx)
    return head + _drop_leading_break(body)


def _drop_leading_break(flowables: list[Flowable]) -> list[Flowable]:
    # The contents end with a page break; a section's own break right after it would leave
    # a blank page.
    from reportlab.platypus import PageBreak

    while flowables and isinstance(flowables[0], PageBreak):
        flowables = flowables[1:]
    return flowables


def render(trip: Trip, *, paper: str = "a4", edition: str = FULL, font=None,
           reader: str | None = None, since: Trip | None = None, draft: bool = False,
           watermark: bool = False, notes_pages: bool | None = None,
           password: str | None = None) -> tuple[bytes, BookResult]:
    """The book as PDF bytes, with its page count and notices.

    `reader`: a delegation member's id, for a personal copy; `since`: an earlier version of the
    trip, for a page of what changed since then; `draft`: a book of a trip that is not final,
    marked so on every page; `watermark`: the trip's marking (and a personal copy's reader and
    copy number) faintly across every page; `notes_pages`: a ruled page after each stop (None:
    the edition's default); `password`: the PDF encrypted with AES-256, opening only with it.
    """
    paper, edition = check_options(paper, edition)
    person = find_reader(trip, reader)
    fonts = fonts_for(font)
    buffer = io.BytesIO()
    canvases: list[BookCanvas] = []

    marks = None

    def canvasmaker(*args, **kwargs):
        canv = MarkedCanvas(*args, **kwargs)
        canv.marks = marks
        canv.setDateFormatter(pdf_date(trip))
        canvases.append(canv)
        return canv

    with BUILD_LOCK:
        ctx = context(trip, edition, fonts, text_width(paper), reader=person, since=since,
                      notes_pages=notes_pages, draft=draft)
        marks = marks_for(ctx, watermark=watermark)
        doc = make_doc(buffer, trip, paper, ctx)
        try:
            doc.build(story(ctx, doc.pagesize[1]), canvasmaker=canvasmaker)
        except BookError:
            raise
        except Exception as e:  # ReportLab's LayoutError and kin: say so, keep the cause
            raise BookError(f"the book could not be made: {type(e).__name__}: {e}") from e
    notices = text_notices(trip, fonts, ctx)
    for i in sorted(doc.rescued):  # a contact is on each day sheet, told once
        if doc.rescued[i] not in notices:
            notices.append(doc.rescued[i])
    if watermark and not marks.watermark:
        notices.append("nothing to print as a watermark: the trip has no marking "
                       "and the book is not a personal copy")
    data = buffer.getvalue()
    if password is not None:
        data = locked(data, password)
    last = canvases[-1] if canvases else None
    same = since is not None and changes_page.unlabelled_change(since, trip)
    return data, BookResult(last.pages if last else 0, notices, len(data),
                            bookmarks=dict(last.page_of) if last else {}, same_version=same)


def locked(data: bytes, password: str) -> bytes:
    """The PDF encrypted with AES-256, opening only with `password`."""
    try:
        return encrypt(data, password)
    except ProtectError as e:
        raise BookError(str(e)) from e


def text_notices(trip: Trip, fonts: FontSet, ctx: Ctx) -> list[str]:
    """What the reader should know about the book's letters: the font's own notices, characters
    left out, Korean the font cannot print. One list for the book, its incremental build and
    the paperwork."""
    notices = list(fonts.notices)
    notices += missing_scripts(fonts, trip)  # Arabic, Hebrew …: boxes, told like emoji
    if ctx.text.dropped_notice():
        notices.append(ctx.text.dropped_notice())
    if _has_hangul(trip) and fonts.charset is not None and "가" not in fonts.charset:
        notices.append(f"the font {fonts.source} has no Korean letters; they print as boxes")
    return notices


def pdf_date(trip: Trip):
    """The book's creation and modification date: the day the trip was last updated (else its
    first day), so that the same trip still gives the same bytes.

    ReportLab's invariant mode would write 2000-01-01, which viewers show as the document's date;
    its date formatter (called with the build time, ignored here) lets the trip's date in. The
    date goes without a time or zone ('D:20230223'), so no viewer shows it as the day before.
    """
    day = trip.info.updated or trip.info.start
    if day is None:
        return None  # the invariant default
    stamp = f"D:{day:%Y%m%d}"
    return lambda *_: stamp


def _has_hangul(trip: Trip) -> bool:
    sample = " ".join((trip.info.title, trip.info.subtitle, trip.info.purpose,
                       *(s.title for s in trip.stops)))
    return any("\uac00" <= ch <= "\ud7a3" for ch in sample)
