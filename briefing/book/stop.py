"""One section per stop: facts, purpose, agenda, talking points, Q&A, counterparts, background,
protocol, logistics, notes, and a ruled page to write on."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from ..model import Stop
from . import styles as st
from . import timeline as tl
from .context import Ctx
from .flowables import KeepHead, LinedPage, Panel, keep_head
from .sections import lines, muted, not_attending

_KEY = st.KEY_BAR.hexval().replace("0x", "#")
_INTERNAL = st.MARKING.hexval().replace("0x", "#")
_MINE = st.ACCENT.hexval().replace("0x", "#")


def stop_key(index: int) -> str:
    return f"stop{index + 1}"


def stops(ctx: Ctx) -> list[Flowable]:
    out: list[Flowable] = []
    for i, stop in enumerate(ctx.trip.stops):
        out += _stop(ctx, i, stop)
    return out


def _stop(ctx: Ctx, i: int, stop: Stop) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    title = f"{i + 1}. {stop.title}"
    # The first stop's heading also carries the entry of the group all stops sit under.
    group = [("stops", L["stops"], 0)] if i == 0 else None
    out: list[Flowable] = [PageBreak(), ctx.heading(title, S.h1, stop_key(i), 1, group)]
    place = ", ".join(x for x in (stop.city, stop.country) if x)
    subtitle = " · ".join(x for x in (place, L.choice("kind", stop.kind) if stop.kind else "",
                                      stop.host) if x)
    if subtitle:
        out.append(Paragraph(muted(ctx.m(subtitle), 9.5), S.body))
    if not ctx.attends(stop):
        note = L("not_attending_note", name=ctx.reader.name)
        out.append(Paragraph(f"{not_attending(ctx)}  {muted(ctx.m(note), 9.5)}", S.body))
    out += [t for t in [_facts(ctx, stop)] if t]
    out += ctx.sub(L["stop_purpose"], _purpose(ctx, stop))
    out += ctx.sub(L["agenda"], _agenda(ctx, stop))
    out += ctx.sub(L["talking_points"], _talking_points(ctx, stop))
    if ctx.full:
        out += ctx.sub(L["questions"], _questions(ctx, stop))
    out += ctx.sub(L["counterparts"], _counterparts(ctx, stop))
    out += ctx.sub(L["background"], ctx.rich(stop.background))
    out += ctx.sub(L["protocol"], ctx.rich(stop.protocol))
    out += ctx.sub(L["logistics"], ctx.rich(stop.logistics))
    if ctx.full:
        out += ctx.sub(L["notes"], ctx.rich(stop.notes))
    out += [PageBreak(), Paragraph(ctx.m(f"{L['notes_page']} — {title}"), S.h2), LinedPage()]
    return out


def _facts(ctx: Ctx, stop: Stop):
    L, S = ctx.labels, ctx.styles
    start, end = tl.stop_times(ctx.trip, stop)
    when = " ".join(x for x in (L.date(stop.date),
                                ctx.span(start and start.local, end and end.local, stop.date)) if x)
    when_markup = ctx.m(when)
    tz = ctx.trip.stop_timezone(stop)
    if start is not None and start.home is not None and not ctx.same_zone(tz):
        home = f"{L.city(ctx.home_tz)} {ctx.span(start.home, end and end.home, stop.date)}"
        when_markup = lines(when_markup, muted(ctx.m(home), 8.5))
    venue = lines(ctx.m(stop.venue), muted(ctx.m(stop.address), 8.5))
    people = ", ".join(f"<b>{ctx.m(ctx.person_name(p))}</b>" if ctx.mine(p.key)
                       else ctx.m(ctx.person_name(p)) for p in ctx.trip.attendees(stop))
    return ctx.facts([
        (L["when"], [Paragraph(when_markup, S.cell)] if when_markup else ""),
        (L["venue"], [Paragraph(venue, S.cell)] if venue else ""),
        (L["host"], stop.host),
        (L["kind"], L.choice("kind", stop.kind) if stop.kind else ""),
        (L["press"], L.choice("press", stop.press) if stop.press else ""),
        (L["interpreter"], stop.interpreter),
        (L["dress_code"], stop.dress_code),
        (L["attendees"], [Paragraph(people, S.cell)] if people else ""),
    ])


def _purpose(ctx: Ctx, stop: Stop) -> list[Flowable]:
    out = ctx.rich(stop.purpose)
    outcomes = ctx.bullets(stop.outcomes, ctx.styles.bullet)
    if outcomes:
        if out:
            outcomes = keep_head([Paragraph(ctx.m(ctx.labels["outcomes"]), ctx.styles.h3)],
                                 outcomes)
        out += outcomes
    return out


def _agenda(ctx: Ctx, stop: Stop) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    tz = ctx.trip.stop_timezone(stop)
    show_home = not ctx.same_zone(tz)
    rows = []
    for item in stop.agenda:
        time = ""
        if item.time is not None and stop.date is not None:
            when = tl.moment(dt.datetime.combine(stop.date, item.time), tz, ctx.home_tz)
            time = ctx.hm(when.local, stop.date)
            if show_home and when.home is not None:
                time = lines(time, muted(ctx.m(f"{L.city(ctx.home_tz)} "
                                               f"{ctx.hm(when.home, stop.date)}"), 7.5))
        elif item.time is not None:
            time = L.time(item.time)
        minutes = L("minutes_value", n=item.minutes) if item.minutes is not None else ""
        what = lines(ctx.m(item.item), muted(ctx.m(item.notes), 8))
        lead = ctx.m(ctx.who(item.lead))
        if ctx.mine(item.lead):
            lead = f"<b>{lead}</b><br/>{_mine(ctx, 'my_turn')}"
        rows.append([Paragraph(time, S.cell), ctx.cell(minutes), Paragraph(what, S.cell),
                     Paragraph(lead, S.cell)])
    table = ctx.table([L["time"], L["minutes"], L["item"], L["lead"]], rows, [22, 14, 88, 46])
    return [table] if table else []


def _mine(ctx: Ctx, label: str) -> str:
    return f'<font color="{_MINE}"><b>▶ {ctx.m(ctx.labels[label])}</b></font>'


def _tags(ctx: Ctx, key: bool, internal: bool, mine: bool = False) -> str:
    tags = [_mine(ctx, "mine")] if mine else []
    if key:
        tags.append(f'<font color="{_KEY}"><b>■ {ctx.m(ctx.labels["key"])}</b></font>')
    if internal:
        tags.append(f'<font color="{_INTERNAL}"><b>{ctx.m(ctx.labels["internal"])}</b></font>')
    return "   ".join(tags)


def _talking_points(ctx: Ctx, stop: Stop) -> list[Flowable]:
    S = ctx.styles
    out: list[Flowable] = []
    points = [p for p in stop.talking_points if ctx.full or not p.internal]
    for n, point in enumerate(points, 1):
        meta = "   ".join(x for x in (
            f'<font size="10.5" color="#1d4e89"><b>{n}</b></font>', ctx.m(ctx.who(point.speaker)),
            _tags(ctx, point.key, point.internal, ctx.mine(point.speaker)))
            if x)
        content: list[Flowable] = [Paragraph(meta, S.tp_meta)]
        text_style = S.tp_text if not point.key else S.tp_key
        content += ctx.paras(point.text, text_style)
        content += [p for d in point.details if d.strip()
                    for p in ctx.paras(d, S.sub_bullet, "–")]
        if point.key:
            out.append(Panel(content, fill=st.KEY_TINT, bar=st.KEY_BAR, bar_width=3.5))
        elif ctx.mine(point.speaker):  # the reader's own words stand out on the page
            out.append(Panel(content, fill=st.ACCENT_TINT, bar=st.ACCENT, bar_width=3.5))
        else:
            out.append(Panel(content, bar=st.RULE, bar_width=1.5))
        out.append(Spacer(1, 6))
    return out[:-1] if out else out


def _questions(ctx: Ctx, stop: Stop) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    out: list[Flowable] = []
    for q in stop.questions:
        if q.internal and not ctx.full:
            continue
        tag = _tags(ctx, False, q.internal)
        question = Paragraph(ctx.m(q.question) + (f"   {tag}" if tag else ""), S.question,
                             bulletText=L["q"])
        answer = ctx.paras(q.answer, S.answer, L["a"]) if q.answer.strip() else []
        # A question never ends a page without (the first lines of) its answer.
        out += keep_head([question], answer)
    return out


def _counterparts(ctx: Ctx, stop: Stop) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    out: list[Flowable] = []
    for c in stop.counterparts:
        head: list[Flowable] = [Paragraph(ctx.m(c.name), S.person)]
        role = " · ".join(x for x in (c.title, c.organization) if x)
        if role:
            head.append(Paragraph(muted(ctx.m(role), 9), S.body))
        if c.address_as:
            head.append(Paragraph(f"<b>{ctx.m(L['address_as'])}</b>  {ctx.m(c.address_as)}",
                                  S.body))
        body = ctx.rich(c.bio)
        # Name, title, organization and how to address the person stay together, and with the
        # first lines of the bio: only the bio may run on to the next page.
        out += keep_head(head, body) if body else [KeepHead(head, keep=len(head) - 1)]
    return out
