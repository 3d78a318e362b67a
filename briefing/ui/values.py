"""Field values as the user types them and back, for every schema kind. No Qt here."""

from __future__ import annotations

from briefing import bounds, fileformat, places, schema
from briefing.problems import Message

from . import i18n
from .i18n import tr

# What may stand in the box while the user is still typing (a QRegularExpressionValidator's
# "intermediate" text); the finished text must also parse.
PATTERNS = {
    schema.TIME: r"\d{0,4}|\d{0,2}:\d{0,2}",  # people type 0930 as often as 09:30
    schema.INT: r"\d{0,6}",
    schema.DATE: r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?",
    schema.DATETIME: r"\d{0,4}(-\d{0,2}(-\d{0,2}( \d{0,2}(:\d{0,2})?)?)?)?",
    schema.DECIMAL: r"[\d,.\s]{0,28}",  # thousands separators are typed, and dropped
}
HINTS = {
    schema.TIME: "Write a time as HH:MM, e.g. 09:30",
    schema.INT: "Write minutes as a whole number, e.g. 30",
    schema.DATE: "Write a date as YYYY-MM-DD, e.g. 2023-02-27",
    schema.DATETIME: "Write a date and time as YYYY-MM-DD HH:MM",
    schema.DECIMAL: "Write an amount as 14,500,000 or 1450.50",
}
PLACEHOLDERS = {schema.TIME: "HH:MM", schema.DATE: "YYYY-MM-DD", schema.DATETIME: "YYYY-MM-DD HH:MM"}
ZONE_FIELDS = {"timezone", "home_timezone", "depart_timezone", "arrive_timezone"}
PERSON_FIELDS = {"speaker", "lead", "owner"}


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


def from_text(f: schema.Field, text: str, *, lines: bool = False, strict: bool = False):
    """The value typed as `text`; ValueError (with a hint to show) if it is not one.

    Unless `strict`, a time typed without its colon ('930') is read as 09:30.
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
            return fileformat.parse_time(stripped if strict else _normal_time(stripped))
        if f.kind == schema.DATE:
            return fileformat.parse_date(stripped)
        if f.kind == schema.DATETIME:
            return fileformat.parse_datetime(stripped)
        if f.kind == schema.INT:
            if not stripped.isdigit():
                raise ValueError(stripped)
            problem = bounds.minutes_problem(int(stripped))
            if problem is not None:
                raise ValueError(problem)
            return int(stripped)
        if f.kind == schema.DECIMAL:
            amount = fileformat.parse_amount("".join(stripped.replace(",", "").split()))
            problem = bounds.amount_problem(amount)
            if problem is not None:
                raise ValueError(problem)
            return amount
    except ValueError as e:
        reason = e.args[0] if e.args else None  # a bound says what is wrong; else: how to write it
        raise ValueError(reason.render(i18n.language()) if isinstance(reason, Message) else hint(f)) from None
    return text


def _normal_time(text: str) -> str:
    """'930' and '0930' are 09:30: people type times without the colon."""
    if text.isdigit() and len(text) in (3, 4):
        return f"{text[:-2]}:{text[-2:]}"
    if text.isdigit() and len(text) <= 2:
        return f"{text}:00"
    return text


def field(record_type: type, name: str) -> schema.Field:
    for f in schema.fields_of(record_type):
        if f.name == name:
            return f
    raise KeyError(name)


# 'stops[2].agenda[1].time' -> ('stops', 2, 'agenda', 1, 'time'): the one reader of field paths
parse_path = places.parse
