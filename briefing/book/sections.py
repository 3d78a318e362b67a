"""Trip-wide sections: overview, itinerary at a glance, delegation, travel and stays, contacts."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.flowables import PageRef
from briefing.book.keep import MovesWhole, need, whole, widths
from briefing.rules import timeline as tl

_MUTED = st.MUTED.hexval().replace("0x", "#")


def muted(markup: str, size: float = 8) -> str:
    return f'<font color="{_MUTED}" size="{size}">{markup}</font>' if markup else ""


def lines(*parts: str) -> str:
    return "<br/>".join(p for p in parts if p)


def stop_key(index: int) -> str:
    return f"stop{index + 1}"


def kind_words(ctx: Ctx, stop) -> str:
    """The stop's kind in words, or "" when its title already says it ("… 방문", not
    "… 방문 (방문)")."""
    word = ctx.labels.choice("kind", stop.kind) if stop.kind else ""
    return "" if word and word.casefold() in stop.title.casefold() else word


def header_need(ctx: Ctx, texts, header: str) -> float:
    """A column's width for its entries set whole (see keep.need), and never less than its
    header word needs: a header broken inside a word ("Conta/ct") reads as two."""
    S = ctx.styles
    return max(need(texts, S.cell.fontName, S.cell.fontSize),
               need([w for w in header.split() if w], S.cell_head.fontName,
                    S.cell_head.fontSize))


def overview(ctx: Ctx) -> list[Flowable]:
    info, L, S = ctx.trip.info, ctx.labels, ctx.styles
    body = ctx.sub(L["purpose"], ctx.rich(info.purpose))
    objectives = [Paragraph(ctx.m(o), S.bullet, bulletText=f"{i}.")
                  for i, o in enumerate((o for o in info.objectives if o.strip()), 1)]
    body += ctx.sub(L["objectives"], objectives)
    body += ctx.sub(L["visits"], _visits(ctx))
    return ctx.section(L["overview"], "overview", body, new_page=False)


def _visits(ctx: Ctx) -> list[Flowable]:
    """Every stop on one line, with its page: the trip at a glance, before the day-by-day
    itinerary."""
    L, S = ctx.labels, ctx.styles
    rows = []
    for i, stop in enumerate(ctx.trip.stops, 1):
        place = ", ".join(x for x in (stop.city, stop.country) if x)
        kind = kind_words(ctx, stop)
        title = f"<b>{ctx.m(stop.title)}</b>"
        if not ctx.attends(stop):
            title = f"{muted(ctx.m(stop.title), 9)}  {not_attending(ctx)}"
        rows.append([ctx.cell(str(i)), ctx.cell(L.short_date(stop.date)), ctx.cell(place),
                     Paragraph(lines(title, muted(ctx.m(kind))), S.cell),
                     PageRef(stop_key(i - 1), S.regular_font, S.cell.fontSize, st.ACCENT)])
    page_w = header_need(ctx, ["000"], L["page_col"])
    table = ctx.table(["", L["date"], L["place"], L["stop"], L["page_col"]], rows,
                      widths(ctx.width, [None, None, None, None, page_w], [8, 26, 40, 96, 0]))
    return [table] if table else []


def not_attending(ctx: Ctx) -> str:
    """The tag on a stop the reader of a personal copy does not attend."""
    return f'<font color="{_MUTED}"><b>{ctx.m(ctx.labels["not_attending"])}</b></font>'


def _nights(ctx: Ctx, stay) -> str:
    if stay.check_in and stay.check_out and stay.check_out > stay.check_in:
        return ctx.labels.count("nights", (stay.check_out - stay.check_in).days)
    return ""


def delegation(ctx: Ctx) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    rows = []
    for p in ctx.trip.delegation:
        position = lines(ctx.m(p.title), muted(ctx.m(p.organization), 8))
        contact = lines(whole(ctx.m(p.phone)), whole(ctx.m(p.email)))
        rows.append([Paragraph(f"<b>{ctx.m(p.name)}</b>", S.cell), Paragraph(position, S.cell),
                     ctx.cell(p.role), Paragraph(contact, S.cell)])
    contact_w = header_need(ctx, [x for p in ctx.trip.delegation for x in (p.phone, p.email)],
                            L["contact"])
    table = ctx.table([L["name"], L["position"], L["role"], L["contact"]], rows,
                      widths(ctx.width, [None, None, None, contact_w], [20, 50, 46, 54]))
    # A page of its own, as each day sheet before it has: the last day is not shared.
    return ctx.section(L["delegation"], "delegation", [MovesWhole(table)] if table else [],
                       new_page=True)


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
            Paragraph(lines(muted(ctx.m(L['reference']) + " " + whole(ctx.m(leg.reference)), 8.5)
                            if leg.reference else "",
                            ctx.m(leg.notes)), S.cell),
        ])
    end_w = need([_end_text(ctx, w, leg.depart.date() if leg.depart else None)
                  for leg in ctx.trip.travel for w in tl.leg_times(ctx.trip, leg)],
                 S.cell.fontName, S.cell.fontSize)
    table = ctx.table([L["mode"], L["depart"], L["arrive"], L["notes_col"]], rows,
                      widths(ctx.width, [None, end_w, end_w, None], [26, 42, 42, 60]))
    body += ctx.sub(L["flights"], [MovesWhole(table)] if table else [])
    rows = []
    for stay in ctx.trip.stays:
        name = lines(f"<b>{ctx.m(stay.name)}</b>", ctx.m(stay.city), muted(ctx.m(stay.address)),
                     muted(whole(ctx.m(stay.phone))))
        period = lines(f"{ctx.m(L['check_in'])} {whole(ctx.m(L.short_date(stay.check_in)))}"
                       if stay.check_in else "",
                       f"{ctx.m(L['check_out'])} {whole(ctx.m(L.short_date(stay.check_out)))}"
                       if stay.check_out else "",
                       muted(ctx.m(_nights(ctx, stay))))
        rows.append([Paragraph(name, S.cell), Paragraph(period, S.cell), ctx.cell(stay.notes)])
    table = ctx.table([L["stay"], L["period"], L["notes_col"]], rows, [80, 36, 54])
    body += ctx.sub(L["stays"], [MovesWhole(table)] if table else [])
    return ctx.section(L["travel"], "travel", body)


def _end_cell(ctx: Ctx, place: str, when: tl.Moment | None, day) -> str:
    """A departure or arrival: place, local date and time ('+1' on a later day), home time."""
    L = ctx.labels
    if when is None:
        return f"<b>{ctx.m(place)}</b>"
    local = whole(ctx.m(_end_text(ctx, when, day)))
    home = ""
    if when.home is not None and when.home != when.local:
        home = muted(whole(ctx.m(f"{L.city(ctx.home_tz)} {ctx.hm(when.home, day)}")), 8)
    return lines(f"<b>{ctx.m(place)}</b>", local, home)


def _end_text(ctx: Ctx, when: tl.Moment | None, day) -> str:
    """A departure's or arrival's local date and time, set whole in its cell."""
    if when is None:
        return ""
    return f"{ctx.labels.short_date(when.local.date())} {ctx.hm(when.local, day)}"


def contacts(ctx: Ctx) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    people = ctx.trip.contacts
    rows = [[Paragraph(lines(f"<b>{ctx.m(c.name)}</b>", muted(ctx.m(c.role), 8)), S.cell),
             Paragraph(whole(ctx.m(c.phone)), S.cell), Paragraph(whole(ctx.m(c.email)), S.cell),
             ctx.cell(c.notes)]
            for c in people]
    cols = widths(ctx.width, [None, header_need(ctx, [c.phone for c in people], L["phone"]),
                              header_need(ctx, [c.email for c in people], L["email"]), None],
                  [46, 0, 0, 42])
    # A contact is an office (an embassy, 112) as often as a person.
    table = ctx.table([L["contact_name"], L["phone"], L["email"], L["notes_col"]], rows, cols)
    return ctx.section(L["contacts"], "contacts", [MovesWhole(table)] if table else [])
