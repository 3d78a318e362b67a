"""The key-messages page: every stop's key messages in trip order, under the stop's title, day and
page number (linked) — what the principal rereads on the way in.

A message keeps the number it has among the stop's spoken points, so that it is found at once on
the stop's page. Internal points are cautions, never messages: they are left out.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from briefing.book.context import Ctx
from briefing.book.flowables import TocLine, keep_head
from briefing.book.front import short
from briefing.book.stop import quiet, spoken_points, stop_key


def page(ctx: Ctx) -> list[Flowable]:
    """The page, or nothing when no stop has a key message."""
    L, S = ctx.labels, ctx.styles
    body: list[Flowable] = []
    for i, stop in enumerate(ctx.trip.stops):
        messages = [(n, p) for n, p in spoken_points(ctx, stop) if p.key and p.text.strip()]
        if not messages:
            continue
        # A line or two however long the title, as in the contents (a line cannot split).
        title = f"<b>{ctx.m(short(f'{i + 1}. {stop.title}'))}</b>"
        day = L.short_date(stop.date)
        head = TocLine(title + (f"   {quiet(ctx.m(day), 9.5)}" if day else ""), stop_key(i),
                       S.toc0, S.bold_font)
        items: list[Flowable] = []
        for n, point in messages:
            items += ctx.prose(point.text, S.key_message, f"{n}.")
            speaker = ctx.who(point.speaker)
            if speaker:
                items.append(Paragraph(f"— {quiet(ctx.m(speaker))}", S.key_message_by))
        body += keep_head([head], items)
    return ctx.section(L["key_messages"], "key_messages", body, new_page=True)
