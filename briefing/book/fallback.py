"""A part of the book that cannot be laid out as designed is set plainly, and the user is told
which field it shows, in the reader's words (`연락처 2행 › 전화`): a book is always made.

The layout is meant never to need this (every flowable splits or shrinks); it is the last line
of defence against a combination nobody foresaw, which would otherwise cost the user the whole
book for one field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import PageBreak

from briefing.book.flowables import Marked
from briefing.book.longtext import LongText, paragraphs
from briefing.trip import places, schema
from briefing.trip.words import N_, fill, translate

# Where a container keeps what it holds (the book's own flowables and ReportLab's).
_INSIDE = ("content", "_content", "flowable", "table")
_SPACE = re.compile(r"\s+")


def plain_style(style: ParagraphStyle) -> ParagraphStyle:
    """`style` breaking lines between any two letters: nothing can be wider than the page."""
    return ParagraphStyle(f"{style.name}~plain", parent=style, wordWrap="CJK",
                          spaceBefore=0, spaceAfter=3, firstLineIndent=0, bulletIndent=0,
                          leftIndent=0)


def plain(flowable: Flowable, style: ParagraphStyle) -> list[Flowable]:
    """The text of `flowable` as plain paragraphs; headings (which split as any paragraph, and
    carry the bookmarks that links point at) and page breaks stay as they are."""
    if isinstance(flowable, (Marked, ActionFlowable, PageBreak)):
        return [flowable]
    if isinstance(flowable, Table):
        return [p for row in flowable._cellvalues
                for p in paragraphs(" · ".join(t for cell in row for t in _texts(cell)), style)]
    inside = _inside(flowable)
    if inside is not None:
        return [p for f in inside for p in plain(f, style)]
    return [p for t in _texts(flowable) for p in paragraphs(t, style)]


def text(flowable) -> str:
    """All the text `flowable` shows, as plain text."""
    return " ".join(_plain(t) for t in _texts(flowable))


def _inside(flowable) -> list[Flowable] | None:
    for name in _INSIDE:
        value = getattr(flowable, name, None)
        if isinstance(value, Flowable):
            return [value]
        if isinstance(value, (list, tuple)) and all(isinstance(v, Flowable) for v in value):
            return list(value)
    return None


def _texts(item) -> Iterator[str]:
    """The markup of every paragraph in `item` (a flowable, a table cell, a list of them)."""
    if item is None or isinstance(item, Spacer):
        return
    if isinstance(item, str):
        if item.strip():
            yield escape(item)
    elif isinstance(item, (list, tuple)):
        for x in item:
            yield from _texts(x)
    elif isinstance(item, LongText):
        yield item.markup
    elif isinstance(item, Paragraph):
        markup = _markup(item)
        if markup:
            yield markup
    elif isinstance(item, Marked):
        yield from _texts(item.heading)
    elif isinstance(item, Table):
        for row in item._cellvalues:
            yield from _texts(list(row))
    else:
        yield from _texts(_inside(item))


def _markup(para: Paragraph) -> str:
    """A paragraph's words as escaped markup, its line breaks kept, its styling left out."""
    out: list[str] = []
    bullet = getattr(para, "bulletText", None)
    if isinstance(bullet, str) and bullet.strip():
        out.append(escape(bullet) + " ")
    for frag in getattr(para, "frags", None) or []:
        if getattr(frag, "lineBreak", False):
            out.append("<br/>")
        elif hasattr(frag, "words"):  # the second piece of a split paragraph
            out.append(escape(" ".join(str(w) for w in frag.words)))
        else:
            out.append(escape(getattr(frag, "text", "") or ""))
    return "".join(out).strip()


def _plain(markup: str) -> str:
    return (markup.replace("<br/>", "\n").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&nbsp;", " ").replace("&amp;", "&"))


# -- which field a part shows ----------------------------------------------------------------------


def fields(trip) -> Iterator[tuple[tuple, str]]:
    """Every text of the trip with its path (`('contacts', 1, 'phone')`)."""
    yield from _fields(trip, schema.TOP, ())


def _fields(record, fields_, path: tuple) -> Iterator[tuple[tuple, str]]:
    for f in fields_:
        value = getattr(record, f.name, None)
        if value is None:
            continue
        if f.kind in (schema.TEXT, schema.LONGTEXT) and isinstance(value, str):
            yield (*path, f.key), value
        elif f.kind == schema.TEXTS:
            for i, v in enumerate(value):
                if isinstance(v, str):
                    yield (*path, f.key, i), v
        elif f.kind == schema.RECORD and f.record is not None:
            yield from _fields(value, schema.fields_of(f.record), (*path, f.key))
        elif f.kind == schema.RECORDS and f.record is not None:
            for i, v in enumerate(value):
                yield from _fields(v, schema.fields_of(f.record), (*path, f.key, i))


def place(shown: str, trip, lang: str, clean=lambda s: s) -> str:
    """Where in the trip the longest text that `shown` holds comes from, in the words of
    `lang`; "" when none does. The longest is the one most likely to have broken the layout."""
    haystack = _SPACE.sub("", shown)
    best: tuple[int, tuple] | None = None
    for path, value in fields(trip):
        needle = _SPACE.sub("", clean(value))
        if needle and (best is None or len(needle) > best[0]) and needle in haystack:
            best = (len(needle), path)
    return places.describe(best[1], lang, trip) if best else ""


def notice(where: str, lang: str, omitted: bool = False) -> str:
    """What the user is told about a part set plainly (or, when even that failed, left out)."""
    if omitted:
        message = translate(lang, N_("{place} could not be printed and is left out of the book"))
    else:
        message = translate(lang, N_("{place} did not fit the page as designed and is printed "
                                     "as plain text"))
    return fill(message, place=where or translate(lang, N_("A part of the book")))


class Rescue:
    """Sets a part of one book plainly (`omitted`: leaves it out, keeping its headings'
    bookmarks), returning the flowables in its place and the notice for the user."""

    def __init__(self, ctx):
        self.ctx = ctx

    def __call__(self, flowable: Flowable, *, omitted: bool = False
                 ) -> tuple[list[Flowable], str]:
        ctx = self.ctx
        lang = ctx.labels.lang
        where = place(text(flowable), ctx.trip, lang, ctx.text.clean)
        message = notice(where, lang, omitted)
        style = plain_style(ctx.styles.body)
        if not omitted:
            return plain(flowable, style), message
        kept = [Marked(Paragraph(escape(m[1][:200]), style), [m], f.block, f.running)
                for f in _marked(flowable) for m in f.marks[:1]]
        return [*kept, Paragraph(f"<i>{escape(message)}</i>", style)], message


def _marked(flowable) -> Iterator[Marked]:
    """The headings in `flowable` that carry bookmarks (links elsewhere point at them)."""
    if isinstance(flowable, Marked):
        if flowable.marks:
            yield flowable
        return
    for f in _inside(flowable) or []:
        yield from _marked(f)
