"""Trip-wide sections: overview, itinerary at a glance, delegation, travel and stays, contacts."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from . import styles as st
from . import timeline as tl
from .context import Ctx
from .flowables import keep_head

_MUTED = st.MUTED.hexval().replace("0x", "#")


def muted(markup: str, size: float = 8) -> str:
    return f'<font color="{_MUTED}" size="{size}">{markup}</font>' if markup else ""


def lines(*parts: str) -> str:
    return "<br/>".join(p for p in parts if p)


def overview(ctx: Ctx) -> list[Flowable]:
    info, L, S = ctx.trip.info, ctx.labels, ctx.styles
    body = ctx.sub(L["purpose"], ctx.rich(info.purpose))
    objectives = [Paragraph(ctx.m(o), S.bullet, bulletText=f"{i}.")
                  for i, o in enumerate((o for o in info.objectives if o.strip()), 1)]
    body += ctx.sub(L["objectives"], objectives)
    body += ctx.sub(L["visits"], _visits(ctx))
    return ctx.section(L["overview"], "overview", body, new_page=False)


def _visits(ctx: Ctx) -> list[Flowable]:
    """Every stop on one line: the trip at a glance, before the day-by-day itinerary."""
    L, S = ctx.labels, ctx.styles
    rows = []
    for i, stop in enumerate(ctx.trip.stops, 1):
        place = ", ".join(x for x in (stop.city, stop.country) if x)
        kind = L.choice("kind", stop.kind) if stop.kind else ""
        title = f"<b>{ctx.m(stop.title)}</b>"
        if not ctx.attends(stop):
            title = f"{muted(ctx.m(stop.title), 9)}  {not_attending(ctx)}"
        rows.append([ctx.cell(str(i)), ctx.cell(L.short_date(stop.date)), ctx.cell(place),
                     Paragraph(lines(title, muted(ctx.m(kind))), S.cell)])
    table = ctx.table(["", L["date"], L["place"], L["stop"]], rows, [8, 26, 40, 96])
    return [table] if table else []


def itinerary(ctx: Ctx) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    body: list[Flowable] = []
    header = [L["local_time"], L("home_time", city=L.city(ctx.home_tz)), L["event"], L["place"]]
    for number, day, events in tl.days(ctx.trip):
        rows = [_itinerary_row(ctx, event, day) for event in events]
        title = " · ".join(t for t in (L("day", n=number) if number else "", L.date(day)) if t)
        zones = _zones_note(ctx, day, events)
        markup = ctx.m(title or "—") + (f"   {muted(ctx.m(zones), 8.5)}" if zones else "")
        body.append(CondPageBreak(st.BODY_LEADING * 6))
        body += keep_head([Paragraph(markup, S.h3)],
                          [ctx.table(header, rows, _itinerary_widths(ctx))])
    # Readers come back to the itinerary all trip long: give it its own first page.
    return ctx.section(L["itinerary"], "itinerary", body, new_page=True)


def _zones_note(ctx: Ctx, day, events: list[tl.Event]) -> str:
    """'현지: 마드리드 (UTC+1)': what the day's local times are, zones of one offset together."""
    if day is None:
        return ""
    groups: dict[str, list[str]] = {}  # offset → city names, in the order the day meets them
    for zone in tl.day_zones(ctx.trip, day, events):
        names = groups.setdefault(tl.utc_offset(zone, day), [])
        name = _zone_city(ctx, zone, events)
        if name not in names:
            names.append(name)
    if not groups:
        return ""
    parts = [f"{'·'.join(names)} ({offset})" if offset else "·".join(names)
             for offset, names in groups.items()]
    return ctx.labels("local_zone", zones=" · ".join(parts))


def _zone_city(ctx: Ctx, zone: str, events: list[tl.Event]) -> str:
    """A zone by the city it is named for; an unfamiliar zone by the day's stop city in it."""
    known = ctx.labels.known_city(zone)
    if known:
        return known
    for event in events:
        stop = event.item
        if event.kind == tl.STOP and ctx.trip.stop_timezone(stop) == zone and stop.city.strip():
            return stop.city.strip()
    return ctx.labels.city(zone)


def _itinerary_widths(ctx: Ctx) -> list[float]:
    """Column widths in points: each time column as wide as its longest usual entry in this
    language ("01:45 (+1) Departs", "18:00–01:00 (+1)") needs, the rest to the event and place."""
    L, S = ctx.labels, ctx.styles
    font, size = S.cell.fontName, S.cell.fontSize
    pad = 8 + 2  # the cell's left and right padding, and a little air
    time = stringWidth("00:00 (+1) ", font, size)
    need = max([time + stringWidth(L[k], font, 8) for k in ("depart", "arrive")]
               + [stringWidth("00:00–00:00 (+1)", font, size)]) + pad
    time_w = min(max(need, ctx.width * 27 / 170), ctx.width * 0.24)
    rest = ctx.width - 2 * time_w
    return [time_w, time_w, rest * 81 / 116, rest * 35 / 116]


def _itinerary_row(ctx: Ctx, event: tl.Event, day) -> list:
    L, S = ctx.labels, ctx.styles
    if event.kind == tl.STOP:
        stop = event.item
        start, end = event.start, event.end
        local = ctx.span(start and start.local, end and end.local, day)
        home = ctx.span(start and start.home, end and end.home, day)
        detail = " · ".join(x for x in (L.choice("kind", stop.kind) if stop.kind else "",
                                        stop.venue) if x)
        what = lines(f"<b>{ctx.m(stop.title)}</b>", muted(ctx.m(detail)))
        place = ", ".join(x for x in (stop.city, stop.country) if x)
        if not ctx.attends(stop):
            # Kept in the day (the reader still needs to know where the others are and when
            # they rejoin), but greyed and tagged so that it reads as someone else's.
            local, home = muted(local, 9), muted(home, 9)
            what = lines(not_attending(ctx), muted(ctx.m(stop.title), 9), muted(ctx.m(detail)))
            place = muted(ctx.m(place), 9)
            return [Paragraph(local, S.cell), Paragraph(home, S.cell), Paragraph(what, S.cell),
                    Paragraph(place, S.cell)]
    elif event.kind == tl.LEG:
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
        end = event.end
        local = _labelled(ctx, end.local, day, L["arrive"])
        home = _labelled(ctx, end.home, day, L["arrive"])
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
        place = stay.city
    return [Paragraph(local, S.cell), Paragraph(home, S.cell), Paragraph(what, S.cell),
            ctx.cell(place)]


def not_attending(ctx: Ctx) -> str:
    """The tag on a stop the reader of a personal copy does not attend."""
    return f'<font color="{_MUTED}"><b>{ctx.m(ctx.labels["not_attending"])}</b></font>'


def _labelled(ctx: Ctx, when, day, label: str) -> str:
    text = ctx.hm(when, day)
    return f"{text} {muted(ctx.m(label))}" if text else ""


def _leg_name(ctx: Ctx, leg) -> str:
    mode = ctx.labels.choice("mode", leg.mode) if leg.mode else ""
    return " ".join(x for x in (mode, leg.carrier, leg.number) if x)


def _nights(ctx: Ctx, stay) -> str:
    if stay.check_in and stay.check_out and stay.check_out > stay.check_in:
        return ctx.labels.count("nights", (stay.check_out - stay.check_in).days)
    return ""


def delegation(ctx: Ctx) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    rows = []
    for p in ctx.trip.delegation:
        position = lines(ctx.m(p.title), muted(ctx.m(p.organization), 8))
        contact = lines(ctx.m(p.phone), ctx.m(p.email))
        rows.append([Paragraph(f"<b>{ctx.m(p.name)}</b>", S.cell), Paragraph(position, S.cell),
                     ctx.cell(p.role), Paragraph(contact, S.cell)])
    table = ctx.table([L["name"], L["position"], L["role"], L["contact"]], rows, [20, 50, 46, 54])
    return ctx.section(L["delegation"], "delegation", [table] if table else [])


def travel(ctx: Ctx) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    body: list[Flowable] = []
    rows = []
    for leg in ctx.trip.travel:
        start, end = tl.leg_times(ctx.trip, leg)
        mode = lines(f"<b>{ctx.m(ctx.labels.choice('mode', leg.mode))}</b>" if leg.mode else "",
                     ctx.m(" ".join(x for x in (leg.carrier, leg.number) if x)))
        depart_day = leg.depart.date() if leg.depart else None
        rows.append([
            Paragraph(mode, S.cell),
            Paragraph(_end_cell(ctx, leg.origin, start, depart_day), S.cell),
            Paragraph(_end_cell(ctx, leg.destination, end, depart_day), S.cell),
            Paragraph(lines(muted(ctx.m(f"{L['reference']} {leg.reference}"), 8.5)
                            if leg.reference else "",
                            ctx.m(leg.notes)), S.cell),
        ])
    body += ctx.sub(L["flights"], [t for t in [ctx.table(
        [L["mode"], L["depart"], L["arrive"], L["notes_col"]], rows, [26, 42, 42, 60])] if t])
    rows = []
    for stay in ctx.trip.stays:
        name = lines(f"<b>{ctx.m(stay.name)}</b>", ctx.m(stay.city), muted(ctx.m(stay.address)),
                     muted(ctx.m(stay.phone)))
        period = lines(f"{ctx.m(L['check_in'])} {ctx.m(L.short_date(stay.check_in))}"
                       if stay.check_in else "",
                       f"{ctx.m(L['check_out'])} {ctx.m(L.short_date(stay.check_out))}"
                       if stay.check_out else "",
                       muted(ctx.m(_nights(ctx, stay))))
        rows.append([Paragraph(name, S.cell), Paragraph(period, S.cell), ctx.cell(stay.notes)])
    body += ctx.sub(L["stays"], [t for t in [ctx.table(
        [L["stay"], L["period"], L["notes_col"]], rows, [80, 36, 54])] if t])
    return ctx.section(L["travel"], "travel", body)


def _end_cell(ctx: Ctx, place: str, when: tl.Moment | None, day) -> str:
    """A departure or arrival: place, local date and time ('+1' on a later day), home time."""
    L = ctx.labels
    if when is None:
        return f"<b>{ctx.m(place)}</b>"
    local = f"{ctx.m(L.short_date(when.local.date()))} {ctx.hm(when.local, day)}"
    home = ""
    if when.home is not None and when.home != when.local:
        home = muted(ctx.m(f"{L.city(ctx.home_tz)} {ctx.hm(when.home, day)}"), 8)
    return lines(f"<b>{ctx.m(place)}</b>", local, home)


def contacts(ctx: Ctx) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    rows = [[Paragraph(lines(f"<b>{ctx.m(c.name)}</b>", muted(ctx.m(c.role), 8)), S.cell),
             ctx.cell(c.phone), ctx.cell(c.email), ctx.cell(c.notes)]
            for c in ctx.trip.contacts]
    table = ctx.table([L["name"], L["phone"], L["email"], L["notes_col"]], rows, [46, 30, 52, 42])
    return ctx.section(L["contacts"], "contacts", [table] if table else [])
