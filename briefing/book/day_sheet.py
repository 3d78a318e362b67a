"""The itinerary as day sheets: one page for every day of the trip, empty days included.

Each sheet says where the delegation is (its local zone named after the day's cities, with the
UTC offset), warns when the clocks change, lists the day in time order (lobby calls and meals from
the stops' logistics, meetings with their agenda, legs), where the delegation sleeps and whom to
call (outside contacts and the delegation's own members on duty). A stop's row links to its page
and prints that page's number. A sheet is a contents entry, and every page of it names its day in
the running head. In a book compared with an earlier version, a row the changes page lists is
marked as on the stop's page (a bar in the margin, the same 추가/변경 tag).
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table, TableStyle

from briefing.book import change_marks
from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.keep import MovesWhole, whole, widths
from briefing.book.sections import header_need, kind_words, lines, muted, not_attending, stop_key
from briefing.rules import clock, schedule
from briefing.rules import days as trip_days
from briefing.rules import timeline as tl
from briefing.rules.days import AGENDA, DST, PLAN, Day, Notice


def sheets(ctx: Ctx) -> list[Flowable]:
    """The itinerary section: a sheet per day, each on its own page."""
    body: list[Flowable] = []
    first = len(ctx.toc)
    for i, day in enumerate(trip_days.trip_days(ctx.trip)):
        if i:
            body.append(PageBreak())
        body += sheet(ctx, day, f"day{i + 1}")
    out = ctx.section(ctx.labels["itinerary"], "itinerary", body, new_page=True)
    if out:  # the section's contents entry, made after its days', goes before them
        ctx.toc.insert(first, ctx.toc.pop())
    return out


def title(ctx: Ctx, day: Day) -> str:
    L = ctx.labels
    return " · ".join(t for t in (L("day", n=day.number) if day.number else "", L.date(day.date))
                      if t) or "—"


def sheet(ctx: Ctx, day: Day, key: str) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    name = title(ctx, day)
    # The running head names the day on each of its pages: a sheet that runs on is still read
    # by its day.
    out: list[Flowable] = [ctx.heading(name, S.h2, key, 1,
                                       running=f"{L['itinerary']} · {ctx.text.clean(name)}")]
    zones = zones_note(ctx, day)
    if zones:
        out.append(Paragraph(muted(ctx.m(zones), 9.5), S.body))
    out += [_notice(ctx, day, n) for n in day.notices]
    home = _home_column(ctx)
    cols = _widths(ctx, home)
    rows = [r for r in (_row(ctx, e, day.date, cols[0]) for e in day.events) if r is not None]
    if not home:
        rows = [r[:1] + r[2:] for r in rows]
    if rows:
        out.append(ctx.table(_header(ctx, home), rows, cols))
    elif day.in_air:
        out.append(Paragraph(in_air(ctx, day), S.body))
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
    gap = time_difference(ctx, notice.zone, arrive) if arrive else ""
    if gap:  # abroad, what the reader sets a watch by is the gap to home ('※ 시차: …')
        head, detail = gap, " · ".join((head, detail)) if detail else head
    if notice.date_line and arrive is not None:
        detail = " · ".join((L("date_line", date=L.short_date(arrive)), detail))
    return head, detail


def in_air(ctx: Ctx, day: Day) -> str:
    """A day spent on board in words, with its legs: '기내 (날짜변경선 통과) · 대한항공 KE0017편'."""
    L = ctx.labels
    crossed = any(schedule.crosses_date_line(schedule.leg_clock_shift(ctx.trip, leg) or
                                             dt.timedelta(0)) for leg in day.in_air)
    head = L["in_air_date_line" if crossed else "in_air"]
    legs = [" ".join(x for x in (f"{leg.origin} → {leg.destination}", _leg_name(ctx, leg)) if x)
            for leg in day.in_air]
    return f"<b>{ctx.m(head)}</b>  " + ctx.m(" · ".join(legs))


def time_difference(ctx: Ctx, zone: str, day: dt.date) -> str:
    """'시차: 서울보다 8시간 늦음': a zone's clocks against home's on `day`, "" at home."""
    there, home = clock.zone(zone), clock.zone(ctx.home_tz)
    if there is None or home is None or ctx.same_zone(zone):
        return ""
    noon = dt.datetime.combine(day, dt.time(12))
    gap = noon.replace(tzinfo=there).utcoffset() - noon.replace(tzinfo=home).utcoffset()
    if not gap:
        return ""
    way = "time_ahead" if gap > dt.timedelta(0) else "time_behind"
    return ctx.labels(way, n=_duration(ctx, gap), city=ctx.labels.city(ctx.home_tz))


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


def _home_column(ctx: Ctx) -> bool:
    """Whether the sheets print home time beside local time: not on a trip that never leaves
    home's zone, where it would repeat every time."""
    trip = ctx.trip
    zones = {trip.stop_timezone(s) for s in trip.stops}
    zones.update(z for leg in trip.travel for z in trip.leg_timezones(leg))
    return any(z and not ctx.same_zone(z) for z in zones)


def _header(ctx: Ctx, home: bool = True) -> list[str]:
    L = ctx.labels
    return [L["local_time"], *([L("home_time", city=L.city(ctx.home_tz))] if home else []),
            L["event"], L["place"], L["page_col"]]


def _widths(ctx: Ctx, home: bool = True) -> list[float]:
    """Each time column as wide as its longest usual entry in this language ("01:45 (+1)
    Departs", "18:00–01:00 (+1)") needs, the page column its number; the rest to event and
    place."""
    L, S = ctx.labels, ctx.styles
    font, size = S.cell.fontName, S.cell.fontSize
    time = stringWidth("00:00 (+1) ", font, size)
    time_w = max([time + stringWidth(L[k], font, 8) for k in ("depart", "arrive")]
                 + [stringWidth(f"00:00{L['range']}00:00 (+1)", font, size)]) + 10
    time_w = min(max(time_w, ctx.width * 27 / 170), ctx.width * 0.24)
    page_w = header_need(ctx, ["000"], L["page_col"])
    if not home:
        return widths(ctx.width, [time_w, None, None, page_w], [0, 81, 35, 0])
    return widths(ctx.width, [time_w, time_w, None, None, page_w], [0, 0, 81, 35, 0])


def _span(ctx: Ctx, start, end, day, room: float) -> str:
    """A time range as markup that breaks, if it must, after its '~', never inside a time
    ('03:00 (+1)~' over '04:30 (+1)')."""
    if start is None:
        return ""
    first, sep = ctx.hm(start, day), ctx.labels["range"]
    if end is None:
        return whole(ctx.m(first))
    last = ctx.hm(end, day)
    S = ctx.styles
    fits = stringWidth(first + sep + last, S.cell.fontName, S.cell.fontSize) <= room - 9
    return whole(ctx.m(first + sep)) + ("" if fits else "<br/>") + whole(ctx.m(last))


def _marked(ctx: Ctx, cell: Paragraph, place: tuple) -> str:
    """Marks the row of `cell` with the changes-page records about `place` (a bar beside it);
    returns the tag that goes beside its text ("" when there are none)."""
    keys = change_marks.index(ctx).get(place, ()) if ctx.since is not None else ()
    if not keys:
        return ""
    cell.changed = change_marks.elsewhere(keys, "day")
    return f"   {change_marks.tag(ctx, keys)}"


def _stop_places(index: int) -> list[tuple]:
    # What a stop's row on a day sheet shows: the stop, its title, time, place and kind.
    return [(index, "heading", None), *((index, "fact", f) for f in ("when", "venue", "kind"))]


def _row(ctx: Ctx, event: tl.Event, day: dt.date | None, room: float = 1e6) -> list | None:
    L, S = ctx.labels, ctx.styles
    page: Flowable | str = ""
    if event.kind in (AGENDA, PLAN):
        stop = ctx.trip.stops[event.index]
        if not ctx.attends(stop):
            return None  # a stop the reader is not at: its row says so, its details are others'
        local = Paragraph(whole(ctx.m(ctx.hm(event.start.local, day))), S.cell)
        if event.kind == AGENDA:
            item = event.item
            lead = ctx.who(item.lead)
            row = next((n for n, a in enumerate(stop.agenda) if a is item), None)
            what = (ctx.m(item.item) + _marked(ctx, local, (event.index, "agenda", row))
                    + (f"  {muted(ctx.m(lead))}" if lead else ""))
        else:
            what = ctx.m(event.item) + _marked(ctx, local, (event.index, "part", "logistics"))
        home = whole(ctx.m(ctx.hm(event.start.home, day)))
        return [local, Paragraph(muted(home, 9), S.cell),
                Paragraph(what, _sub_style(ctx)), "", ""]
    if event.kind == tl.STOP:
        stop = event.item
        start, end = event.start, event.end
        local = _span(ctx, start and start.local, end and end.local, day, room)
        home = _span(ctx, start and start.home, end and end.home, day, room)
        detail = " · ".join(x for x in (kind_words(ctx, stop), stop.venue) if x)
        key = stop_key(event.index)
        marks = change_marks.index(ctx) if ctx.since is not None else {}
        keys = tuple(k for place in _stop_places(event.index) for k in marks.get(place, ()))
        tag = f"   {change_marks.tag(ctx, keys)}" if keys else ""
        link = f'<a href="#{key}" color="{_ink()}"><b>{ctx.m(stop.title)}</b></a>' + tag
        what = lines(link, muted(ctx.m(detail)))
        place = ctx.m(", ".join(x for x in (stop.city, stop.country) if x))
        page = PageRef(key, S.regular_font, S.cell.fontSize)
        if not ctx.attends(stop):
            # Kept in the day (the reader still needs to know where the others are and when
            # they rejoin), but greyed and tagged so that it reads as someone else's.
            local, home, place = muted(local, 9), muted(home, 9), muted(place, 9)
            what = lines(not_attending(ctx), muted(ctx.m(stop.title), 9), muted(ctx.m(detail)))
        cell = Paragraph(local, S.cell)
        cell.changed = change_marks.elsewhere(keys, "day")
        return [cell, Paragraph(home, S.cell), Paragraph(what, S.cell),
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


def _service(ctx: Ctx, leg) -> str:
    """A flight or train by its carrier and number as staff write it ('대한항공 KE0001편')."""
    name = " ".join(x for x in (leg.carrier, leg.number) if x)
    if not name:
        return f"{leg.origin} → {leg.destination}"
    return ctx.labels("service", name=name) if leg.number else name


def _nights(ctx: Ctx, stay) -> str:
    if stay.check_in and stay.check_out and stay.check_out > stay.check_in:
        return ctx.labels.count("nights", (stay.check_out - stay.check_in).days)
    return ""


# -- the night and the day's contacts -------------------------------------------------------------


def _night(ctx: Ctx, day: Day) -> str:
    L = ctx.labels
    label = f"<b>{ctx.m(L['overnight'])}:</b> "
    if day.night is not None:
        stay = day.night
        parts = [f"<b>{ctx.m(stay.name)}</b>", ctx.m(stay.address), whole(ctx.m(stay.phone))]
        return label + " · ".join(p for p in parts if p)
    leg = day.night_leg
    if leg is not None:
        what = "night_in_flight" if leg.mode == "flight" else "night_on_board"
        return label + ctx.m(L(what, what=_service(ctx, leg)))
    return ""


def _contacts(ctx: Ctx, day: Day):
    """Whom to call that day: the delegation's aides on duty first, then the outside contacts
    (an embassy, the local coordinator, 112)."""
    L, S = ctx.labels, ctx.styles
    people = [(f"<b>{ctx.m(p.name)}</b>", ctx.m(" · ".join(x for x in (p.title, p.role) if x)),
               p.phone, p.email) for p in day.members]
    people += [(f"<b>{ctx.m(c.name)}</b>", ctx.m(c.role), c.phone, c.email) for c in day.contacts]
    if not people:
        return None
    # Name and role on one line where they fit: the day's page holds more of the table.
    rows = [[Paragraph(f"{name}  {muted(role, 8)}" if role else name, S.cell),
             Paragraph(whole(ctx.m(phone)), S.cell), Paragraph(whole(ctx.m(email)), S.cell)]
            for name, role, phone, email in people]
    cols = widths(ctx.width, [None, header_need(ctx, [p[2] for p in people], L["phone"]),
                              header_need(ctx, [p[3] for p in people], L["email"])], [1, 0, 0])
    table = ctx.table([L["contact_name"], L["phone"], L["email"]], rows, cols)
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
