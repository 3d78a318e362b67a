"""The "changes since version N" page: what `briefing.changes` found between an earlier version
of the trip and this one, in plain words, grouped trip-wide, per stop, travel and contacts."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, PageBreak, Paragraph

from briefing.book import change_marks
from briefing.book import styles as st
from briefing.book.context import Ctx
from briefing.book.flowables import keep_head
from briefing.book.sections import muted
from briefing.trip import schema
from briefing.trip.model import Trip
from briefing.versions import changes as ch

_COLOURS = {ch.ADDED: "#1d7a46", ch.REMOVED: st.MARKING.hexval().replace("0x", "#"),
            ch.CHANGED: st.ACCENT.hexval().replace("0x", "#")}
_SECTION_WORDS = {ch.AGENDA: "agenda", ch.TALKING_POINTS: "talking_points",
                  ch.QUESTIONS: "questions", ch.COUNTERPARTS: "counterparts",
                  ch.DELEGATION: "delegation", ch.TRAVEL: "flights", ch.STAYS: "stays",
                  ch.CONTACTS: "contacts"}
# Fields whose values are delegation ids, printed as names.
_PEOPLE = schema.person_keys()
_CHOICES = {"kind": "kind", "press": "press", "mode": "mode"}


def page(ctx: Ctx) -> list[Flowable]:
    """The page, or nothing when the book is not compared with an earlier version."""
    if ctx.since is None:
        return []
    L, S = ctx.labels, ctx.styles
    found = change_marks.listed(ctx)  # the same records the body marks
    body: list[Flowable] = [Paragraph(ctx.m(_since(ctx)), S.body)]
    if unlabelled_change(ctx.since, ctx.trip):
        body.append(Paragraph(f'<font color="{_COLOURS[ch.REMOVED]}"><b>'
                              f'{ctx.m(L["same_version_note"])}</b></font>', S.body))
    if not found:
        body.append(Paragraph(ctx.m(L["no_changes"]), S.body))
    for title, group in _groups(ctx, found):
        rows = [[*_row(ctx, c), change_marks.page_ref(ctx, c)] for c in group]
        table = ctx.table(["", L["change_what"], L["before"], L["after"], L["page_col"]], rows,
                          [15, 55, 50, 50, 10], zebra=False)
        body += keep_head([Paragraph(ctx.m(title), S.h3)], [table])
    return ctx.section(L["changes"], "changes", body) + [PageBreak()]


def unlabelled_change(old: Trip, new: Trip) -> bool:
    """Whether `new` differs from `old` in content while its version label and date are the
    same: two books that their covers cannot tell apart."""
    same = ((old.info.version.strip(), old.info.updated)
            == (new.info.version.strip(), new.info.updated))
    return same and bool(ch.diff(old, new))


def _since(ctx: Ctx) -> str:
    L, old = ctx.labels, ctx.since.info
    version = L("version", v=old.version) if old.version else L["previous_version"]
    if old.updated:
        day = old.updated  # no weekday here: it would put brackets inside the brackets
        date = L.date(day) if L.lang == "en" else f"{day.year}. {day.month}. {day.day}."
        return L("changes_since", version=version, date=date)
    return L("changes_since_nodate", version=version)


def _groups(ctx: Ctx, found: list[ch.Change]) -> list[tuple[str, list[ch.Change]]]:
    """Trip-wide changes, stops added or removed, each stop's changes, travel, contacts."""
    L = ctx.labels
    numbers = {stop.title: i for i, stop in enumerate(ctx.trip.stops, 1)}
    out: dict[str, list[ch.Change]] = {}

    def add(title: str, change: ch.Change) -> None:
        out.setdefault(title, []).append(change)

    for c in found:
        if c.section in (ch.TRIP, ch.DELEGATION):
            add(L["trip_wide"], c)
        elif c.section == ch.STOP and c.kind != ch.CHANGED:
            add(L["stops"], c)
        elif c.stop:
            number = numbers.get(c.stop)
            add(f"{number}. {c.stop}" if number else c.stop, c)
        elif c.section in (ch.TRAVEL, ch.STAYS):
            add(L["travel"], c)
        else:
            add(L["contacts"], c)
    return list(out.items())


def _row(ctx: Ctx, c: ch.Change) -> list:
    L, S = ctx.labels, ctx.styles
    tag = f'<font color="{_COLOURS[c.kind]}"><b>{ctx.m(L[c.kind])}</b></font>'
    what = []
    word = _SECTION_WORDS.get(c.section)
    if c.section == ch.STOP and c.kind != ch.CHANGED:
        what.append(f"<b>{ctx.m(c.label)}</b>")
    elif word:
        what.append(f"<b>{ctx.m(L[word])}</b>")
        if c.kind == ch.CHANGED or c.section not in (ch.TALKING_POINTS, ch.QUESTIONS):
            what.append(ctx.m(c.label))
    if c.field:
        name = ctx.m(L.field(c.field, c.section))
        what.append(muted(name, 8.5) if what else f"<b>{name}</b>")
    before, after = _value(ctx, c, c.old, c.before), _value(ctx, c, c.new, c.after)
    if c.kind == ch.ADDED and not c.field and c.section not in (ch.STOP, ch.AGENDA,
                                                                 ch.TALKING_POINTS, ch.QUESTIONS):
        after = ""  # the label already says what was added
    if c.kind == ch.REMOVED and not c.field and c.section not in (ch.STOP, ch.AGENDA,
                                                                   ch.TALKING_POINTS, ch.QUESTIONS):
        before = ""
    if c.section == ch.STOP and c.kind != ch.CHANGED:
        before, after = (_when(ctx, c.old, c.before), "") if c.kind == ch.REMOVED else (
            "", _when(ctx, c.new, c.after))
    return [Paragraph(tag, S.cell), Paragraph("<br/>".join(what), S.cell),
            Paragraph(muted(ctx.m(before), 9) if before else "", S.cell), ctx.cell(after)]


def _when(ctx: Ctx, day, fallback: str) -> str:
    """A stop's date in the book's words, and its time when the record has one."""
    if not isinstance(day, dt.date):
        return fallback
    time = fallback.split(" ", 1)[1] if " " in fallback else ""
    return " ".join(x for x in (ctx.labels.date(day), time) if x)


def _value(ctx: Ctx, c: ch.Change, value, text: str) -> str:
    """A changed value in the book's words: dates and times its way, ids as names."""
    L = ctx.labels
    if c.field == "attendees" and value is None and c.kind == ch.CHANGED:
        return L["everyone"]
    if value is None or not c.field:
        return text
    if isinstance(value, dt.datetime):
        return f"{L.short_date(value.date())} {L.time(value)}"
    if isinstance(value, dt.date):
        return L.date(value)
    if isinstance(value, dt.time):
        return L.time(value)
    if isinstance(value, bool):
        return L["yes"] if value else L["no"]
    if c.field == "minutes" and isinstance(value, int):
        return L("minutes_value", n=value)
    if c.field in _PEOPLE:
        keys = value if isinstance(value, list) else [value]
        return ", ".join(ctx.who(k) for k in keys if k)
    if c.field in _CHOICES and isinstance(value, str):
        return L.choice(_CHOICES[c.field], value)
    return text
