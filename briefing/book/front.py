"""The cover and the contents."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.editions import copy_number
from briefing.book.flowables import TocLine

CONTENTS_KEY = "contents"
_ACCENT = st.ACCENT.hexval().replace("0x", "#")
_MARKING = st.MARKING.hexval().replace("0x", "#")


def cover(ctx: Ctx, page_height: float) -> list[Flowable]:
    info, L, S = ctx.trip.info, ctx.labels, ctx.styles
    out: list[Flowable] = [NextPageTemplate("body"), Spacer(1, page_height * 0.12)]
    out.append(Paragraph(ctx.m(info.title), S.cover_title))
    if info.subtitle:
        out.append(Paragraph(ctx.m(info.subtitle), S.cover_subtitle))
    out.append(HRFlowable(width="35%", thickness=2, color=st.ACCENT, hAlign="LEFT",
                          spaceBefore=8, spaceAfter=14))
    dates = L.date_range(info.start, info.end)
    if dates:
        out.append(Paragraph(ctx.m(dates), S.cover_line))
    cities = _cities(ctx)
    if cities:
        out.append(Paragraph(ctx.m(cities), S.cover_line))
    # Which book this is, where the eye lands after the title: the handout and the principal's
    # book look alike from a distance.
    tags = [f'<font color="{_ACCENT}"><b>{ctx.m(edition_words(ctx))}</b></font>']
    if ctx.draft:
        tags.append(f'<font color="{_MARKING}"><b>{ctx.m(L["draft_note"])}</b></font>')
    middle: list[Flowable] = [Spacer(1, 4 * mm), *(Paragraph(t, S.cover_line) for t in tags)]
    if ctx.reader is not None:
        # A personal copy says whose it is where a reader picks it up from a pile.
        middle += [Spacer(1, 8 * mm), Paragraph(ctx.m(L["personal_copy"]), S.cover_line),
                   Paragraph(ctx.m(ctx.reader_name()), S.cover_reader)]
        number = copy_words(ctx)
        if number:
            middle.append(Paragraph(ctx.m(number), S.cover_line))
    # The organization's lines stay where they were on every copy: what the middle takes is
    # taken from the space above them.
    used = sum(_height(f) for f in middle)
    out += middle + [Spacer(1, max(page_height * 0.2 - used, 6 * mm))]

    edition = []
    if info.version:
        edition.append(L("version", v=info.version))
    if info.updated:
        edition.append(L("as_of", date=L.date(info.updated)))
    lines = []
    if info.organization:
        lines.append(f"<b>{ctx.m(info.organization)}</b>")
    if info.prepared_by:
        lines.append(f"{ctx.m(L['prepared_by'])}: {ctx.m(info.prepared_by)}")
    if edition:
        lines.append(ctx.m(" · ".join(edition)))
    for line in lines:
        out.append(Paragraph(line, S.cover_line))
    out.append(PageBreak())
    return out


def _height(flowable: Flowable) -> float:
    if isinstance(flowable, Spacer):
        return flowable.height
    return flowable.style.leading + flowable.style.spaceAfter + flowable.style.spaceBefore


def edition_words(ctx: Ctx) -> str:
    """The edition in words: 'Full edition', 'Handout edition (internal items left out)'."""
    return ctx.labels["edition_full" if ctx.full else "edition_handout"]


def copy_words(ctx: Ctx) -> str:
    """A personal copy's number in the delegation's order ('배부번호 3/5'), else ""."""
    number = copy_number(ctx.trip, ctx.reader)
    return ctx.labels("copy_number", n=number[0], of=number[1]) if number else ""


def pdf_title(ctx: Ctx) -> str:
    """The document title a viewer shows and a file list sorts by: the trip, the edition, the
    reader and copy number, and a draft's mark, so that no two kinds of copy look the same."""
    L = ctx.labels
    parts = [ctx.trip.info.title, L["edition_full_short" if ctx.full else "edition_handout_short"]]
    if ctx.reader is not None:
        owner = L("copy_for", name=ctx.person_name(ctx.reader))
        number = copy_words(ctx)
        parts.append(f"{owner} ({number})" if number else owner)
    if ctx.draft:
        parts.append(L["draft_mark"])
    return " — ".join(p for p in parts if p)


def _cities(ctx: Ctx) -> str:
    seen: list[str] = []
    for stop in ctx.trip.stops:
        city = stop.city.strip()
        if city and city not in seen:
            seen.append(city)
    return " · ".join(seen)


def contents(ctx: Ctx) -> list[Flowable]:
    """The contents page; its entries are the headings the sections registered."""
    S = ctx.styles
    out: list[Flowable] = [
        ctx.heading(ctx.labels["contents"], S.h1, CONTENTS_KEY, 0),
        Spacer(1, 3 * mm),
    ]
    for entry in ctx.toc:
        if entry.key == CONTENTS_KEY:
            continue
        style = S.toc0 if entry.level == 0 else S.toc1
        font = S.bold_font if entry.level == 0 else S.regular_font
        out.append(TocLine(ctx.m(short(entry.title)), entry.key, style, font))
    out.append(PageBreak())
    return out


def short(title: str, limit: int = 150) -> str:
    """A contents line stays a line or two, however long the stop's title."""
    return title if len(title) <= limit else title[:limit].rstrip() + "…"
