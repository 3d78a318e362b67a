"""Field values as the user types them and back, for every schema kind. No Qt here."""

from __future__ import annotations

import datetime as dt

from briefing.fileformat import reader as fileformat
from briefing.rules import clock
from briefing.trip import bounds, places, schema
from briefing.trip.problems import Message
from briefing.trip.words import N_
from briefing.ui import i18n
from briefing.ui.i18n import tr

# What may stand in the box while the user is still typing (a QRegularExpressionValidator's
# "intermediate" text); the finished text must also parse.
# Only the characters; what they mean is read by briefing.clock (1245, 12.45, 2023.2.27, 2/27).
PATTERNS = {
    schema.TIME: r"[\d:.：\s]{0,8}",
    schema.INT: r"\d{0,6}",
    schema.DATE: r"[\d\-./\s]{0,14}",
    schema.DATETIME: r"[\d\-./:：Tt\s]{0,24}",
    schema.DECIMAL: r"[\d,.\s]{0,28}원?",  # typed as staff write it: 14,500,000원
}
HINTS = {
    schema.TIME: N_("Write a time as 12:45, 12.45 or 1245"),
    schema.INT: N_("Write minutes as a whole number, e.g. 30"),
    schema.DATE: N_("Write a date as 2023-02-27, 2023.2.27 or 2/27"),
    schema.DATETIME: N_("Write a date and time as 2023-02-27 12:45 or 2/27 1245"),
    schema.DECIMAL: "Write an amount as 14,500,000 or 1450.50",
}
PLACEHOLDERS = {schema.TIME: "HH:MM", schema.DATE: "YYYY-MM-DD", schema.DATETIME: "YYYY-MM-DD HH:MM"}
ZONE_FIELDS = {"timezone", "home_timezone", "depart_timezone", "arrive_timezone"}
PERSON_FIELDS = schema.person_keys(schema.TEXT)  # one person each; attendees has its own editor


def choice_label(choice: str) -> str:
    """The word for a choice code in the window's language (declared in briefing.schema)."""
    return schema.choice_label(choice, i18n.language())


def english_label(f: schema.Field) -> str:
    return f.en


def label(f: schema.Field) -> str:
    return i18n.field_label(f)


def description(f: schema.Field) -> str:
    """A field's long words, for its tooltip."""
    return i18n.field_description(f)


def hint(f: schema.Field) -> str:
    return tr(HINTS[f.kind]) if f.kind in HINTS else ""


def to_text(f: schema.Field, value, *, lines: bool = False) -> str:
    """The value as it is shown for editing; lists one a line (`lines`) or comma-separated."""
    if value is None:
        return ""
    if f.kind == schema.TEXTS:
        return ("\n" if lines else ", ").join(value)
    if f.kind == schema.TIME:
        return fileformat.format_time(value)
    if f.kind == schema.DATETIME:
        return fileformat.format_datetime(value)
    if f.kind == schema.DATE:
        return value.isoformat()
    if f.kind == schema.BOOL:
        return "✓" if value else ""
    if f.kind == schema.DECIMAL:
        return f"{value:,f}"  # 14,500,000 and 1,450.50: as people read sums; the file has digits
    return str(value)


def from_text(f: schema.Field, text: str, *, lines: bool = False, near: dt.date | None = None,
              currency: str = ""):
    """The value typed as `text`; ValueError (with a hint to show) if it is not one.

    Times and dates are read as people type them (briefing.clock: '1245', '2023.2.27'); a month
    and day alone ('2/27') take the year nearest `near` (the trip's first day, see `near_day`).
    """
    stripped = text.strip()
    if f.kind in (schema.TEXT, schema.LONGTEXT):
        return bounds.clean_text(text)  # pasted text may carry control characters no file holds
    if f.kind == schema.TEXTS:
        parts = bounds.clean_text(text).split("\n" if lines else ",")
        return [p.strip() for p in parts if p.strip()]
    if f.kind == schema.BOOL:
        return stripped.lower() in ("1", "true", "yes", "y", "on", "✓")
    if not stripped:
        return None
    try:
        if f.kind == schema.TIME:
            return clock.read_time(stripped)
        if f.kind == schema.DATE:
            return clock.read_date(stripped, near)
        if f.kind == schema.DATETIME:
            return clock.read_datetime(stripped, near)
        if f.kind == schema.INT:
            if not stripped.isdigit():
                raise ValueError(stripped)
            problem = bounds.minutes_problem(int(stripped))
            if problem is not None:
                raise ValueError(problem)
            return int(stripped)
        if f.kind == schema.DECIMAL:
            amount = fileformat.parse_amount("".join(stripped.split()))
            # 원 on a budget line in euros (a rate is in won whatever its currency)
            problem = fileformat.won_problem(stripped, currency) if f.key == "amount" else None
            if problem is not None:
                raise ValueError(problem)
            problem = bounds.amount_problem(amount)
            if problem is not None:
                raise ValueError(problem)
            return amount
    except ValueError as e:
        reason = e.args[0] if e.args else None  # a bound says what is wrong; else: how to write it
        raise ValueError(reason.render(i18n.language()) if isinstance(reason, Message) else hint(f)) from None
    return text


def near_day(trip) -> dt.date | None:
    """The day a month and day typed without a year are read near: the trip's first day."""
    info = trip.info
    return info.start or info.end or next((s.date for s in trip.stops if s.date), None)


def field(record_type: type, name: str) -> schema.Field:
    for f in schema.fields_of(record_type):
        if f.name == name:
            return f
    raise KeyError(name)


# 'stops[2].agenda[1].time' -> ('stops', 2, 'agenda', 1, 'time'): the one reader of field paths
parse_path = places.parse
