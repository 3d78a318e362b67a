"""One section per stop, in the order Korean 면담자료 put it: facts (with the main counterpart),
purpose and outcomes, counterparts, agenda, talking points, Q&A, background, protocol, logistics,
notes, and a ruled page to write on.

Talking points are set to be read aloud. An internal point (a caution for the principal, never to
be said) is not numbered among them: it stands in a ※ box of its own under the spoken point just
before it in the trip file, which is the point it qualifies; cautions listed before any spoken
point stand before the first one.

A point is read aloud from one page: one that fits on a page moves to the next page whole rather
than break mid-sentence, and a longer one breaks only between its paragraphs (the page it runs
on to says it continues). A point and its cautions move together.
"""

from __future__ import annotations

import datetime as dt
import re

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from briefing.book import change_marks
from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.flowables import KeepHead, LinedPage, Panel, keep_head
from briefing.book.keep import whole
from briefing.book.sections import kind_words, lines, not_attending, stop_key
from briefing.rules import timeline as tl
from briefing.trip.model import Stop, TalkingPoint

_KEY = st.KEY_BAR.hexval().replace("0x", "#")
_INTERNAL = st.MARKING.hexval().replace("0x", "#")
_MINE = st.ACCENT.hexval().replace("0x", "#")
_QUIET = st.QUIET.hexval().replace("0x", "#")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
MEMO_ROOM = 330  # points: about half the body of a page, on A4 and Letter alike


def quiet(markup: str, size: float = st.QUIET_SIZE) -> str:
    """Secondary text a reader still needs (home times, notes, addresses): small but dark."""
    return f'<font color="{_QUIET}" size="{size}">{markup}</font>' if markup else ""


def running_head(ctx: Ctx, index: int, stop: Stop) -> str:
    """What the running head says on every page of a stop: its number and title, and its day
    ('1. 모바일 월드 콩그레스 · 2일차 2. 27.(월)')."""
    L = ctx.labels
    day = ""
    if stop.date is not None:
        start = ctx.trip.info.start
        number = (stop.date - start).days + 1 if start is not None else None
        day = " ".join(x for x in (L("day", n=number) if number and number >= 1 else "",
                                   L.short_date(stop.date)) if x)
    title = ctx.text.clean(f"{index + 1}. {stop.title}")
    return " · ".join(x for x in (title, day) if x)


def spoken_points(ctx: Ctx, stop: Stop) -> list[tuple[int, TalkingPoint]]:
    """The points to be said, with the number each has on the stop's page."""
    spoken = [p for p in stop.talking_points if not p.internal]
    return list(enumerate(spoken, 1))


def stops(ctx: Ctx) -> list[Flowable]:
    out: list[Flowable] = []
    for i, stop in enumerate(ctx.trip.stops):
        out += _stop(ctx, i, stop)
    return out


class _Marks:
    """The changes-page records about one stop's items, handed out as the page is made; what
    was not handed out (a row left empty now) marks the stop's heading, so every record of the
    stop is drawn somewhere."""

    def __init__(self, ctx: Ctx, index: int):
        self.index = index
        self.places = {place: keys for place, keys in change_marks.index(ctx).items()
                       if place[0] == index}
        self.given: set[str] = set()

    def __call__(self, part: str, row=None) -> tuple[str, ...]:
        keys = self.places.get((self.index, part, row), ())
        self.given.update(keys)
        return keys

    def rest(self) -> tuple[str, ...]:
        return tuple(k for keys in self.places.values() for k in keys if k not in self.given)


def _stop(ctx: Ctx, i: int, stop: Stop) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    marks = _Marks(ctx, i)
    title = f"{i + 1}. {stop.title}"
    # The first stop's heading also carries the entry of the group all stops sit under.
    group = [("stops", L["stops"], 0)] if i == 0 else None
    place = ", ".join(x for x in (stop.city, stop.country) if x)
    subtitle = " · ".join(x for x in (place, kind_words(ctx, stop), stop.host) if x)
    head: list[Flowable] = []
    if subtitle:
        head.append(Paragraph(quiet(ctx.m(subtitle), 10), S.body))
    if not ctx.attends(stop):
        note = L("not_attending_note", name=ctx.reader.name)
        head.append(Paragraph(f"{not_attending(ctx)}  {quiet(ctx.m(note), 10)}", S.body))
    body: list[Flowable] = _facts(ctx, stop, marks)
    body += ctx.sub(L["stop_purpose"], _purpose(ctx, stop),
                    marks("part", "purpose") if stop.purpose or stop.outcomes else ())
    body += _part(ctx, marks, "counterparts", _counterparts(ctx, stop, marks))
    body += _part(ctx, marks, "agenda", _agenda(ctx, stop, marks))
    body += _part(ctx, marks, "talking_points", _talking_points(ctx, stop, marks))
    if ctx.full:
        body += _part(ctx, marks, "questions", _questions(ctx, stop, marks))
    for name, value in (("background", stop.background), ("protocol", stop.protocol),
                        ("logistics", stop.logistics)) + ((("notes", stop.notes),)
                                                          if ctx.full else ()):
        part = ctx.rich(value)
        body += ctx.sub(L[name], part, marks("part", name) if part else ())
    # The heading is made last, when it is known which records nothing else showed; its
    # contents entry still comes before any other of the stop's (parts have none).
    heading = ctx.heading(title, S.h1, stop_key(i), 1, group, running=running_head(ctx, i, stop))
    out: list[Flowable] = [PageBreak()]
    rest = marks("heading") + marks.rest()
    if rest:  # a new stop, a new title or place, or a record whose row is gone
        heading.heading = Paragraph(f"{ctx.m(title)}   {change_marks.tag(ctx, rest)}", S.h1)
        out.append(KeepHead([heading, *head], keep=0, changed=rest))
    else:
        out += [heading, *head]
    out += body
    if ctx.notes_pages:
        # The memo takes the rest of the stop's last page when half a page is left there: a
        # page holding only the stop's last line would precede it otherwise.
        out += [CondPageBreak(MEMO_ROOM), Paragraph(ctx.m(f"{L['notes_page']} — {title}"), S.h2),
                LinedPage()]
    return out


def _part(ctx: Ctx, marks: _Marks, name: str, body: list[Flowable]) -> list[Flowable]:
    """A titled part whose records are marked on its items, and on the whole part for those
    about items no longer there (a removed agenda item)."""
    return ctx.sub(ctx.labels[name], body, marks("part", name) if body else ())


def _facts(ctx: Ctx, stop: Stop, marks: _Marks):
    L, S = ctx.labels, ctx.styles
    start, end = tl.stop_times(ctx.trip, stop)
    when = " ".join(x for x in (L.date(stop.date),
                                ctx.span(start and start.local, end and end.local, stop.date)) if x)
    when_markup = ctx.m(when)
    tz = ctx.trip.stop_timezone(stop)
    if start is not None and start.home is not None and not ctx.same_zone(tz):
        home = f"{L.city(ctx.home_tz)} {ctx.span(start.home, end and end.home, stop.date)}"
        when_markup = lines(when_markup, quiet(ctx.m(home)))
    venue = lines(ctx.m(stop.venue), quiet(ctx.m(stop.address)))
    people = ", ".join(f"<b>{ctx.m(ctx.person_name(p))}</b>" if ctx.mine(p.key)
                       else ctx.m(ctx.person_name(p)) for p in ctx.trip.attendees(stop))
    rows = [
        ("when", [Paragraph(when_markup, S.cell)] if when_markup else ""),
        ("venue", [Paragraph(venue, S.cell)] if venue else ""),
        ("host", stop.host),  # its label says whether we visit the host or it holds an event
        ("counterpart_main", _main_counterpart(ctx, stop)),
        ("kind", L.choice("kind", stop.kind) if stop.kind else ""),
        ("press", L.choice("press", stop.press) if stop.press else ""),
        ("interpreter", stop.interpreter),
        ("dress_code", stop.dress_code),
        ("attendees", [Paragraph(people, S.cell)] if people else ""),
    ]
    out = []
    for name, value in rows:
        keys = marks("fact", name) if value else ()
        if keys:
            if not isinstance(value, list):
                value = [Paragraph(ctx.m(value), S.cell)]
            value = [*value, Paragraph(change_marks.tag(ctx, keys), S.cell)]
        out.append((host_label(ctx, stop) if name == "host" else L[name], value, keys))
    return ctx.facts(out)


_EVENTS = {"exhibition", "conference", "reception"}  # kinds whose host holds an event we attend


def host_label(ctx: Ctx, stop: Stop) -> str:
    """방문 기관 for an organization we visit, 주최 for one holding an event."""
    return ctx.labels["host_event" if stop.kind in _EVENTS else "host_visit"]


def _main_counterpart(ctx: Ctx, stop: Stop) -> list[Flowable] | str:
    """The 상대측 row: the first counterpart listed, who sits across the table."""
    people = [c for c in stop.counterparts if c.name.strip()]
    if not people:
        return ""
    main = people[0]
    role = " · ".join(x for x in (main.title, main.organization) if x)
    markup = f"<b>{ctx.m(main.name)}</b>" + (f"  {ctx.m(role)}" if role else "")
    if len(people) > 1:
        markup += f"  {quiet(ctx.m(ctx.labels('counterpart_more', n=len(people) - 1)))}"
    return [Paragraph(markup, ctx.styles.cell)]


def _purpose(ctx: Ctx, stop: Stop) -> list[Flowable]:
    out = ctx.rich(stop.purpose)
    outcomes = ctx.bullets(stop.outcomes, ctx.styles.bullet)
    if outcomes:
        if out:
            outcomes = keep_head([Paragraph(ctx.m(ctx.labels["outcomes"]), ctx.styles.h3)],
                                 outcomes)
        out += outcomes
    return out


def _agenda(ctx: Ctx, stop: Stop, marks: _Marks) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    tz = ctx.trip.stop_timezone(stop)
    show_home = not ctx.same_zone(tz)
    rows = []
    for n, item in enumerate(stop.agenda):
        time = ""
        if item.time is not None and stop.date is not None:
            when = tl.moment(dt.datetime.combine(stop.date, item.time), tz, ctx.home_tz)
            time = ctx.hm(when.local, stop.date)
            if show_home and when.home is not None:
                # the city may go on a line of its own; the time with its (+1) never splits
                time = lines(time, quiet(f"{ctx.m(L.city(ctx.home_tz))} "
                                         f"{whole(ctx.m(ctx.hm(when.home, stop.date)))}"))
        elif item.time is not None:
            time = L.time(item.time)
        minutes = L("minutes_value", n=item.minutes) if item.minutes is not None else ""
        keys = marks("agenda", n)
        what = lines(ctx.m(item.item) + (f"   {change_marks.tag(ctx, keys)}" if keys else ""),
                     quiet(ctx.m(item.notes)))
        lead = ctx.m(ctx.who(item.lead))
        if ctx.mine(item.lead):
            lead = f"<b>{lead}</b><br/>{_mine(ctx, 'my_turn')}"
        first = Paragraph(time, S.cell)
        first.changed = keys
        rows.append([first, ctx.cell(minutes), Paragraph(what, S.cell), Paragraph(lead, S.cell)])
    table = ctx.table([L["time"], L["minutes"], L["item"], L["lead"]], rows, [22, 17, 85, 46])
    return [table] if table else []


def _mine(ctx: Ctx, label: str) -> str:
    return f'<font color="{_MINE}"><b>▶ {ctx.m(ctx.labels[label])}</b></font>'


def _tags(ctx: Ctx, key: bool, internal: bool, mine: bool = False,
          changed: tuple[str, ...] = ()) -> str:
    tags = [_mine(ctx, "mine")] if mine else []
    if key:
        tags.append(f'<font color="{_KEY}"><b>■ {ctx.m(ctx.labels["key"])}</b></font>')
    if internal:
        tags.append(f'<font color="{_INTERNAL}"><b>{ctx.m(ctx.labels["internal"])}</b></font>')
    if changed:
        tags.append(change_marks.tag(ctx, changed))
    return "   ".join(tags)


def _talking_points(ctx: Ctx, stop: Stop, marks: _Marks) -> list[Flowable]:
    """Spoken points numbered, each with the cautions that follow it in the file beneath it."""
    groups: list[tuple[int, int, TalkingPoint, list[Flowable]]] = []
    leading: list[Flowable] = []  # cautions before any spoken point
    n = 0
    for row, point in enumerate(stop.talking_points):
        if point.internal:
            if ctx.full:
                (groups[-1][3] if groups else leading).append(
                    _caution(ctx, point, marks("talking_points", row)))
            continue
        n += 1
        groups.append((n, row, point, []))
    out: list[Flowable] = []
    for box in leading:
        out += [box, Spacer(1, 6)]
    for number, row, point, cautions in groups:
        flow = _point(ctx, number, point, marks("talking_points", row))
        flow.whole = True
        if cautions:
            # A ※ box on the page after its point reads as a caution about nothing: the point
            # never ends a page without its cautions, and all move whole when a page holds them.
            content: list[Flowable] = [flow]
            for box in cautions:
                content += [Spacer(1, 5), box]
            flow = KeepHead(content, keep=1)
            flow.whole = True
        out += [flow, Spacer(1, 8)]
    return out[:-1] if out else out


class Unbroken(Flowable):
    """A paragraph of a talking point that is never broken across pages unless it is itself
    nearly a page long: the point then breaks between paragraphs, not mid-sentence."""

    def __init__(self, flowable: Flowable):
        super().__init__()
        self.flowable = flowable

    def wrap(self, aw, ah):
        self.width, self.height = self.flowable.wrapOn(self.canv, aw, ah)
        return self.width, self.height

    def getSpaceBefore(self):
        return self.flowable.getSpaceBefore()

    def getSpaceAfter(self):
        return self.flowable.getSpaceAfter()

    def split(self, aw, ah):
        frame = getattr(getattr(self.canv, "_doctemplate", None), "frame", None)
        page = getattr(frame, "_aH", 0) or 0
        if page and self.height <= page * 0.8:
            return []
        parts = self.flowable.splitOn(self.canv, aw, ah)
        if not parts:  # a paragraph that refuses to split forgets its lines: wrap it again
            self.flowable.wrapOn(self.canv, aw, ah)
        return parts

    def draw(self):
        self.flowable.drawOn(self.canv, 0, 0)


def _whole(flowables: list[Flowable]) -> list[Flowable]:
    return [Unbroken(f) for f in flowables]


def _spoken(ctx: Ctx, text: str, style) -> list[Flowable]:
    """A point's text paragraph by paragraph, each set whole, a blank line's height between
    them (what one paragraph of markup with a blank line would print): a point longer than a
    page then breaks between its paragraphs."""
    out: list[Flowable] = []
    for piece in _BLANK_LINE.split(text):
        if not piece.strip():
            continue
        flowables = _whole(ctx.prose(piece, style))
        if flowables and out:
            out.append(Spacer(1, style.leading))
        out += flowables
    return out


def _point(ctx: Ctx, number: int, point: TalkingPoint, changed: tuple[str, ...]) -> Flowable:
    S = ctx.styles
    mine = ctx.mine(point.speaker)
    speaker = ctx.who(point.speaker)
    meta = "   ".join(x for x in (
        f'<font size="13" color="#1d4e89"><b>{number}</b></font>',
        f"<b>{ctx.m(speaker)}</b>" if speaker else "",
        _tags(ctx, point.key, False, mine, changed)) if x)
    content: list[Flowable] = [Paragraph(meta, S.tp_meta)]
    if ctx.full:
        text_style = S.tp_key if point.key else S.tp_text
        detail_style = S.tp_detail
    else:
        text_style = S.tp_key_handout if point.key else S.tp_text_handout
        detail_style = S.sub_bullet
    content += _spoken(ctx, point.text, text_style)
    content += _whole([p for d in point.details if d.strip()
                       for p in ctx.prose(d, detail_style, "–")])
    if point.key:
        return Panel(content, fill=st.KEY_TINT, bar=st.KEY_BAR, bar_width=3.5, changed=changed)
    if mine:  # the reader's own words stand out on the page
        return Panel(content, fill=st.ACCENT_TINT, bar=st.ACCENT, bar_width=3.5, changed=changed)
    return Panel(content, bar=st.RULE, bar_width=1.5, changed=changed)


def _caution(ctx: Ctx, point: TalkingPoint, changed: tuple[str, ...]) -> Flowable:
    """An internal point as a ※ box: for the principal's eyes, never read out, never numbered."""
    L, S = ctx.labels, ctx.styles
    speaker = ctx.who(point.speaker)
    head = "   ".join(x for x in (
        f'<font color="{_INTERNAL}"><b>※ {ctx.m(L["caution"])}</b></font>',
        quiet(ctx.m(speaker)) if speaker else "",
        _mine(ctx, "mine") if ctx.mine(point.speaker) else "",  # a caution for the reader
        change_marks.tag(ctx, changed) if changed else "") if x)
    content: list[Flowable] = [Paragraph(head, S.caution)]
    content += _spoken(ctx, point.text, S.caution)
    content += _whole([p for d in point.details if d.strip()
                       for p in ctx.prose(d, S.sub_bullet, "–")])
    box = Panel(content, fill=st.CAUTION_TINT, bar=st.MARKING, bar_width=2, pad=6,
                changed=changed)
    box.whole = True
    return box


def _questions(ctx: Ctx, stop: Stop, marks: _Marks) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    out: list[Flowable] = []
    for row, q in enumerate(stop.questions):
        if q.internal and not ctx.full:
            continue
        keys = marks("questions", row)
        tag = _tags(ctx, False, q.internal, changed=keys)
        question = Paragraph(ctx.text.prose(q.question) + (f"   {tag}" if tag else ""), S.question,
                             bulletText=L["q"])
        answer = ctx.prose(q.answer, S.answer, L["a"]) if q.answer.strip() else []
        # A question never ends a page without (the first lines of) its answer.
        out += _changed(keep_head([question], answer), keys)
    return out


def _changed(flowables: list[Flowable], keys: tuple[str, ...]) -> list[Flowable]:
    """An item marked with a bar beside its head (and the first lines that go with it): a
    long text after it is left in pieces, which lay out faster than one block."""
    if keys:
        first = flowables[0]
        if not isinstance(first, KeepHead):
            first = KeepHead([first], keep=0)
        first.changed = keys
        flowables = [first, *flowables[1:]]
    return flowables


def _counterparts(ctx: Ctx, stop: Stop, marks: _Marks) -> list[Flowable]:
    L, S = ctx.labels, ctx.styles
    out: list[Flowable] = []
    for row, c in enumerate(stop.counterparts):
        keys = marks("counterparts", row)
        name = ctx.m(c.name) + (f"   {change_marks.tag(ctx, keys)}" if keys else "")
        head: list[Flowable] = [Paragraph(name, S.person)]
        role = " · ".join(x for x in (c.title, c.organization) if x)
        if role:
            head.append(Paragraph(quiet(ctx.m(role), 9.5), S.body))
        if c.address_as:
            head.append(Paragraph(f"<b>{ctx.m(L['address_as'])}</b>  {ctx.m(c.address_as)}",
                                  S.body))
        body = ctx.rich(c.bio)
        # Name, title, organization and how to address the person stay together, and with the
        # first lines of the bio: only the bio may run on to the next page.
        out += _changed(keep_head(head, body) if body else [KeepHead(head, keep=len(head) - 1)],
                        keys)
    return out
