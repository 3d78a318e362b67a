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

from . import styles as st
from .context import Ctx
from .flowables import TocLine

CONTENTS_KEY = "contents"


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
    if ctx.reader is not None:
        # A personal copy says whose it is where a reader picks it up from a pile.
        out.append(Spacer(1, 10 * mm))
        out.append(Paragraph(ctx.m(L["personal_copy"]), S.cover_line))
        out.append(Paragraph(ctx.m(ctx.reader_name()), S.cover_reader))
        out.append(Spacer(1, page_height * 0.2 - 10 * mm - 50))
    else:
        out.append(Spacer(1, page_height * 0.2))

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
    lines.append(ctx.m(L["edition_full" if ctx.full else "edition_handout"]))
    for line in lines:
        out.append(Paragraph(line, S.cover_line))
    out.append(PageBreak())
    return out


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
        out.append(TocLine(ctx.m(_short(entry.title)), entry.key, style, font))
    out.append(PageBreak())
    return out


def _short(title: str, limit: int = 150) -> str:
    """A contents line stays a line or two, however long the stop's title."""
    return title if len(title) <= limit else title[:limit].rstrip() + "…"
