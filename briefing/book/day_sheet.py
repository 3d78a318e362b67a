"""The itinerary as day sheets: one page for every day of the trip, empty days included.

Each sheet says where the delegation is (its local zone named after the day's cities, with the
UTC offset), warns when the clocks change, lists the day in time order (lobby calls and meals from
the stops' logistics, meetings with their agenda, legs), where the delegation sleeps and whom to
call. A stop's row links to its page and prints that page's number.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table, TableStyle

from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.flowables import Marked
from briefing.book.keep import MovesWhole, need, whole, widths
from briefing.book.sections import lines, muted, not_attending
from briefing.book.stop import stop_key
from briefing.rules import days as trip_days
from briefing.rules import timeline as tl
from briefing.rules.days import AGENDA, DST, PLAN, Day, Notice


def sheets(ctx: Ctx) -> list[Flowable]:
    """The itinerary section: a sheet per day, each on its own page."""
    body: list[Flowable] = []
    for i, day in enumerate(trip_days.trip_days(ctx.trip)):
        if i:
            body.append(PageBreak())
        body += sheet(ctx, day, f"day{i + 1}")
    return ctx.section(ctx.labels["itinerary"], "itinerary", body, new_page=True)


def title(ctx: Ctx, day: Day) -> str:
    L = ctx.labels
    return " · ".join(t for t in (L("day", n=day.number) if day.number else "", L.date(day.date))
                      if t) or "—"


def sheet(ctx: Ctx, day: Day, key: str) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    name = title(ctx, day)
    out: list[Flowable] = [Marked(Paragraph(ctx.m(name), S.h2), [(key, ctx.text.clean(name), 1)],
                                  (1, ctx.text.clean(name)))]
    zones = zones_note(ctx, day)
    if zones:
        out.append(Paragraph(muted(ctx.m(zones), 9.5), S.body))
    out += [_notice(ctx, day, n) for n in day.notices]
    rows = [r for r in (_row(ctx, e, day.date) for e in day.events) if r is not None]
    if rows:
        out.append(ctx.table(_header(ctx), rows, _widths(ctx)))
    else:
        out.append(Paragraph(muted(ctx.m(L["no_events"]), 10), S.body))
    night = _night(ctx, day)
    if night:
        out.append(Paragraph(night, S.body))
    contacts = _contacts(ctx, day)
    if contacts is not None:
        # The heading goes with its table: alone at a page's foot it names nothing.
        out.append(KeepTogether([Paragraph(ctx.m(L["contacts"]), S.h3), contacts]))
    return out


# -- where and when -------------------------------------------------------------------------------


def zones_note(ctx: Ctx, day: Day) -> str:
    """'현지: 바르셀로나 (UTC+1)': the day's zones by the cities the delegation is in, zones of
    one offset together."""
    if day.date is None:
        return ""
    groups: dict[str, list[str]] = {}  # offset → city names, in the order the day meets them
    for zone, cities in day.zones:
        names = groups.setdefault(tl.utc_offset(zone, day.date), [])
        for name in cities or [ctx.labels.city(zone)]:  # no city of the trip's is in it
            if name not in names:
                names.append(name)
    parts = [f"{'·'.join(names)} ({offset})" if offset else "·".join(names)
             for offset, names in groups.items()]
    return ctx.labels("local_zone", zones=" · ".join(parts)) if parts else ""


def _duration(ctx: Ctx, shift: dt.timedelta) -> str:
    minutes = abs(int(shift.total_seconds())) // 60
    hours, rest = divmod(minutes, 60)
    parts = [ctx.labels.count("hours", hours)] if hours else []
    if rest:
        parts.append(ctx.labels("minutes_value", n=rest))
    return " ".join(parts)


def notice_text(ctx: Ctx, day: Day, notice: Notice) -> tuple[str, str]:
    """The clock change in words (plain text): what happens, and its detail."""
    L = ctx.labels
    way = "forward" if notice.shift > dt.timedelta(0) else "back"
    n = _duration(ctx, notice.shift)
    if notice.kind == DST:
        when = "tonight" if notice.at.date() > day.date else "today"
        after = notice.at + notice.shift
        offset = tl.utc_offset(notice.zone, notice.at.date() + dt.timedelta(days=1))
        detail = (f"{L.short_date(notice.at.date())} {L.time(notice.at)} → {L.time(after)}"
                  f" ({offset})")
        return L(f"clocks_{way}_{when}", n=n), detail
    leg = notice.leg
    head = L(f"clocks_{way}_arrival", n=n, place=notice.place)
    arrive = leg.arrive.date() if leg.arrive else None
    offset = tl.utc_offset(notice.zone, arrive) if arrive else ""
    detail = " · ".join(x for x in (_leg_name(ctx, leg), offset) if x)
    if notice.date_line and arrive is not None:
        detail = " · ".join((L("date_line", date=L.short_date(arrive)), detail))
    return head, detail


def _notice(ctx: Ctx, day: Day, notice: Notice) -> Table:
    head, detail = notice_text(ctx, day, notice)
    markup = lines(f"<b>※ {ctx.m(head)}</b>", muted(ctx.m(detail), 8.5))
    return Table([[Paragraph(markup, ctx.styles.cell)]], colWidths=[ctx.width], hAlign="LEFT",
                 spaceBefore=2, spaceAfter=6, style=TableStyle([
                     ("FONTNAME", (0, 0), (-1, -1), ctx.styles.regular_font),
                     ("BACKGROUND", (0, 0), (-1, -1), st.KEY_TINT),
                     ("LINEBEFORE", (0, 0), (0, -1), 3, st.KEY_BAR),
                     ("LEFTPADDING", (0, 0), (-1, -1), 8),
                     ("TOPPADDING", (0, 0), (-1, -1), 5),
                     ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))


# -- the timeline ---------------------------------------------------------------------------------


def _header(ctx: Ctx) -> list[str]:
    L = ctx.labels
    return [L["local_time"], L("home_time", city=L.city(ctx.home_tz)), L["event"], L["place"],
            L["page_col"]]


def _widths(ctx: Ctx) -> list[float]:
    """Each time column as wide as its longest usual entry in this language ("01:45 (+1)
    Departs", "18:00–01:00 (+1)") needs, the page column its number; the rest to event and
    place."""
    L, S = ctx.labels, ctx.styles
    font, size = S.cell.fontName, S.cell.fontSize
    time = stringWidth("00:00 (+1) ", font, size)
    time_w = max([time + stringWidth(L[k], font, 8) for k in ("depart", "arrive")]
                 + [stringWidth("00:00–00:00 (+1)", font, size)]) + 10
    time_w = min(max(time_w, ctx.width * 27 / 170), ctx.width * 0.24)
    page_w = need(["000", L["page_col"]], S.cell_head.fontName, size)
    return widths(ctx.width, [time_w, time_w, None, None, page_w], [0, 0, 81, 35, 0])


def _row(ctx: Ctx, event: tl.Event, day: dt.date | None) -> list | None:
    L, S = ctx.labels, ctx.styles
    page: Flowable | str = ""
    if event.kind in (AGENDA, PLAN):
        stop = ctx.trip.stops[event.index]
        if not ctx.attends(stop):
            return None  # a stop the reader is not at: its row says so, its details are others'
        if event.kind == AGENDA:
            item = event.item
            lead = ctx.who(item.lead)
            what = ctx.m(item.item) + (f"  {muted(ctx.m(lead))}" if lead else "")
        else:
            what = ctx.m(event.item)
        local = whole(ctx.m(ctx.hm(event.start.local, day)))
        home = whole(ctx.m(ctx.hm(event.start.home, day)))
        return [Paragraph(local, S.cell), Paragraph(muted(home, 9), S.cell),
                Paragraph(what, _sub_style(ctx)), "", ""]
    if event.kind == tl.STOP:
        stop = event.item
        start, end = event.start, event.end
        local = whole(ctx.m(ctx.span(start and start.local, end and end.local, day)))
        home = whole(ctx.m(ctx.span(start and start.home, end and end.home, day)))
        detail = " · ".join(x for x in (L.choice("kind", stop.kind) if stop.kind else "",
                                        stop.venue) if x)
        key = stop_key(event.index)
        link = f'<a href="#{key}" color="{_ink()}"><b>{ctx.m(stop.title)}</b></a>'
        what = lines(link, muted(ctx.m(detail)))
        place = ctx.m(", ".join(x for x in (stop.city, stop.country) if x))
        page = PageRef(key, S.regular_font, S.cell.fontSize)
        if not ctx.attends(stop):
            # Kept in the day (the reader still needs to know where the others are and when
            # they rejoin), but greyed and tagged so that it reads as someone else's.
            local, home, place = muted(local, 9), muted(home, 9), muted(place, 9)
            what = lines(not_attending(ctx), muted(ctx.m(stop.title), 9), muted(ctx.m(detail)))
        return [Paragraph(local, S.cell), Paragraph(home, S.cell), Paragraph(what, S.cell),
                Paragraph(place, S.cell), page]
    if event.kind == tl.LEG:
        leg = event.item
        start, end = event.start, event.end
        local = lines(_labelled(ctx, start and start.local, day, L["depart"]),
                      _labelled(ctx, end and end.local, day, L["arrive"]))
        home = lines(_labelled(ctx, start and start.home, day, L["depart"]),
                     _labelled(ctx, end and end.home, day, L["arrive"]))
        what = lines(f"<b>{ctx.m(leg.origin)} → {ctx.m(leg.destination)}</b>",
                     muted(ctx.m(_leg_name(ctx, leg))))
        place = ""
    elif event.kind == tl.ARRIVAL:
        leg = event.item
        local = _labelled(ctx, event.end.local, day, L["arrive"])
        home = _labelled(ctx, event.end.home, day, L["arrive"])
        since = ""
        if leg.depart is not None:
            since = L("departed", place=leg.origin, date=L.short_date(leg.depart.date()),
                      time=L.time(leg.depart))
        what = lines(f"<b>{ctx.m(L('arrival_at', place=leg.destination))}</b>",
                     muted(ctx.m(" · ".join(x for x in (_leg_name(ctx, leg), since) if x))))
        place = ""
    else:
        stay = event.item
        local = home = ""
        nights = _nights(ctx, stay)
        until = f"{L['check_out']} {L.short_date(stay.check_out)}" if stay.check_out else ""
        what = lines(f"{ctx.m(L['check_in'])}: <b>{ctx.m(stay.name)}</b>",
                     muted(ctx.m(" · ".join(x for x in (until, nights) if x))))
        place = ctx.m(stay.city)
    return [Paragraph(local, S.cell), Paragraph(home, S.cell), Paragraph(what, S.cell),
            Paragraph(place, S.cell), page]


def _ink() -> str:
    return st.INK.hexval().replace("0x", "#")


_SUB: dict[int, ParagraphStyle] = {}


def _sub_style(ctx: Ctx) -> ParagraphStyle:
    """An agenda row or a logistics line: set in under its stop, a little smaller."""
    style = _SUB.get(id(ctx.styles))
    if style is None:
        style = ParagraphStyle("day_sub", parent=ctx.styles.cell, leftIndent=8, fontSize=8.5,
                               leading=12)
        _SUB.clear()
        _SUB[id(ctx.styles)] = style
    return style


def _labelled(ctx: Ctx, when, day, label: str) -> str:
    text = ctx.hm(when, day)
    return f"{whole(ctx.m(text))} {muted(ctx.m(label))}" if text else ""


def _leg_name(ctx: Ctx, leg) -> str:
    mode = ctx.labels.choice("mode", leg.mode) if leg.mode else ""
    return " ".join(x for x in (mode, leg.carrier, leg.number) if x)


def _nights(ctx: Ctx, stay) -> str:
    if stay.check_in and stay.check_out and stay.check_out > stay.check_in:
        return ctx.labels.count("nights", (stay.check_out - stay.check_in).days)
    return ""


# -- the night and the day's contacts -------------------------------------------------------------


def _night(ctx: Ctx, day: Day) -> str:
    L = ctx.labels
    label = f"<b>{ctx.m(L['overnight'])}</b>  "
    if day.night is not None:
        stay = day.night
        parts = [f"<b>{ctx.m(stay.name)}</b>", ctx.m(stay.address), whole(ctx.m(stay.phone))]
        return label + " · ".join(p for p in parts if p)
    if day.night_leg is not None:
        return label + ctx.m(L("night_on_board", what=_leg_name(ctx, day.night_leg)
                               or f"{day.night_leg.origin} → {day.night_leg.destination}"))
    return ""


def _contacts(ctx: Ctx, day: Day):
    L, S = ctx.labels, ctx.styles
    if not day.contacts:
        return None
    font, size = S.cell.fontName, S.cell.fontSize
    rows = [[Paragraph(lines(f"<b>{ctx.m(c.name)}</b>", muted(ctx.m(c.role), 8)), S.cell),
             Paragraph(whole(ctx.m(c.phone)), S.cell), Paragraph(whole(ctx.m(c.email)), S.cell)]
            for c in day.contacts]
    cols = widths(ctx.width, [None, need([c.phone for c in day.contacts], font, size),
                              need([c.email for c in day.contacts], font, size)], [1, 0, 0])
    table = ctx.table([L["name"], L["phone"], L["email"]], rows, cols)
    return MovesWhole(table) if table is not None else None


class PageRef(Flowable):
    """The page a bookmark is on, right-aligned, linking there (known once the book is laid
    out: the canvas fills it in when it saves)."""

    def __init__(self, key: str, font: str, size: float):
        super().__init__()
        self.key, self.font, self.size = key, font, size

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.size * 1.3
        return self.width, self.height

    def draw(self):
        canv = self.canv
        if hasattr(canv, "page_number"):
            canv.saveState()
            canv.translate(self.width, self.height - self.size)
            canv.page_number(self.key, self.font, self.size, st.ACCENT, "right")
            canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
