"""The key-messages page: every stop's key messages in trip order, under the stop's title, day and
page number (linked) — what the principal rereads on the way in.

A message keeps the number it has among the stop's spoken points, so that it is found at once on
the stop's page. Internal points are cautions, never messages: they are left out. The speaker is
named once per stop (under its line) when one person says them all, else under each message
whose speaker differs from the one before. A stop's messages move to the next page together
when a page holds them: one message alone atop a page has lost its stop.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from briefing.book.context import Ctx
from briefing.book.flowables import KeepHead, TocLine
from briefing.book.front import short
from briefing.book.stop import Unbroken, quiet, spoken_points, stop_key


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
        speakers = {ctx.who(p.speaker) for _, p in messages}
        one = speakers.pop() if len(speakers) == 1 else None
        items: list[Flowable] = [head]
        if one:
            items.append(Paragraph(f"— {quiet(ctx.m(one))}", S.key_message_by))
        previous = None
        for n, point in messages:
            items += [Unbroken(f) for f in ctx.prose(point.text, S.key_message, f"{n}.")]
            speaker = ctx.who(point.speaker)
            if one is None and speaker and speaker != previous:
                items.append(Paragraph(f"— {quiet(ctx.m(speaker))}", S.key_message_by))
            previous = speaker
        group = KeepHead(items, keep=2 if one else 1)
        group.whole = True
        body.append(group)
    return ctx.section(L["key_messages"], "key_messages", body, new_page=True)
