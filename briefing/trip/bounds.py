"""The bounds of a trip, declared once: what load reads, save writes, validate reports and the
window's editors accept (docs/format.md, "Bounds").

A value outside them once got through one door and broke another: a year-1 date overflowed the
book's time conversions, a control character made a saved file unreadable, `localtime` printed
different home times on different machines. Every door now asks the functions below.
Pure Python: no YAML, no Qt, no ReportLab.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import zoneinfo
from decimal import Decimal
from importlib import resources

from briefing.trip import schema
from briefing.trip.problems import Message, msg
from briefing.trip.words import N_

FIRST_YEAR, LAST_YEAR = 1900, 2199  # far beyond any trip, well inside every time conversion
MAX_MINUTES = 24 * 60  # an agenda item runs at most a day: past midnight, not past the next day
MAX_BYTES = 5 * 1024 * 1024  # a real trip is well under 1 MB; this stops a stray 50 MB file early
MAX_SHOWN = 60  # characters of a value quoted in a message

# Tab and line breaks are part of text; every other control character (C0, DEL, C1) is invisible
# junk from another program, and a lone surrogate is half a character that UTF-8 cannot hold.
# U+FFFE and U+FFFF are no characters at all: XML (so a Word file) cannot hold them.
_REFUSED = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufffe\\uffff]")
# A comment is written as it is, so it must also hold what YAML accepts in a file, and no line
# break but `\n` (after a CR, NEL or U+2028 the rest of the line would be read as YAML).
_REFUSED_IN_COMMENT = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff\\ufffe\\uffff]")

# Names whose zone is whatever the machine says (its own setting, its build's rules), so the
# book's home times would differ between two laptops.
MACHINE_ZONES = frozenset({"localtime", "posixrules", "Factory"})
MACHINE_PREFIXES = ("posix/", "right/")


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` short enough to quote in a message (a pasted page is not repeated back)."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- text ---------------------------------------------------------------------------------------


def text_problem(text: str, *, comment: bool = False) -> tuple[int, Message] | None:
    """The first character `text` may not hold, as (its index, why); None when all are fine."""
    m = (_REFUSED_IN_COMMENT if comment else _REFUSED).search(text)
    if m is None:
        return None
    code = f"U+{ord(m.group()):04X}"
    if 0xD800 <= ord(m.group()) <= 0xDFFF:
        return m.start(), msg("holds half of a character ({code}) that cannot be saved; type it again",
                              code=code)
    if m.group() in "\ufffe\uffff":
        return m.start(), msg("holds {code}, which is no character (no document can hold it); "
                              "delete it", code=code)
    return m.start(), msg("holds an invisible control character ({code}); delete it", code=code)


def clean_text(text: str) -> str:
    """`text` with what no value may hold taken out: for the window, where text is pasted."""
    return _REFUSED.sub(lambda m: "\n" if m.group() in "\x0b\x0c\x85" else "", text)


# -- dates and durations ------------------------------------------------------------------------


def date_problem(day: dt.date) -> Message | None:
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return msg("{date} is not between the years {first} and {last}; check the year",
               date=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)


def minutes_problem(minutes: int) -> Message | None:
    if 0 <= minutes <= MAX_MINUTES:
        return None
    return msg("‘{minutes}’ minutes is not a duration from 0 to {limit} (a day)",
               minutes=shown(str(minutes)), limit=MAX_MINUTES)


# -- time zones ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def zones() -> frozenset[str]:
    """Every time zone name a trip may use: the zone database's zones and standard aliases.

    The list is the `tzdata` package's, so that a name is valid or not on every machine alike.
    """
    try:
        text = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
        names = {line.strip() for line in text.splitlines() if line.strip()}
    except (ModuleNotFoundError, OSError):  # pragma: no cover - tzdata is a dependency
        names = set(zoneinfo.available_timezones())
    return frozenset(n for n in names if n not in MACHINE_ZONES and not n.startswith(MACHINE_PREFIXES))


def zone_ok(name: str) -> bool:
    return name in zones()


def zone_problem(name: str) -> Message | None:
    """Why `name` is no time zone a trip may use, with a "did you mean"; None if it is one."""
    if zone_ok(name):
        return None
    return msg("unknown time zone ‘{name}’; {hint}", name=shown(name), hint=_zone_hint(name))


def _zone_hint(name: str) -> Message:
    names = sorted(zones())
    if name in MACHINE_ZONES:
        return msg("it means whatever this computer is set to; name the zone, e.g. Asia/Seoul")
    bare = name[len(name.split("/", 1)[0]) + 1:] if name.startswith(MACHINE_PREFIXES) else ""
    if bare in zones():
        return msg("did you mean ‘{name}’?", name=bare)
    if len(name) > 100:  # no zone name is this long: not worth comparing against every zone
        return msg("use an IANA name such as Asia/Seoul or Europe/Madrid")
    lowered = {n.lower(): n for n in names}
    if name.lower() in lowered:
        return msg("did you mean ‘{name}’? (names are case-sensitive)", name=lowered[name.lower()])
    by_city = [n for n in names if n.lower().endswith("/" + name.lower().replace(" ", "_"))]
    close = by_city or difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    if close:
        return msg("did you mean ‘{name}’?", name=close[0])
    return msg("use an IANA name such as Asia/Seoul or Europe/Madrid")


# -- whole values and trips ---------------------------------------------------------------------

_TYPES = {
    schema.TEXT: str, schema.LONGTEXT: str, schema.DATE: dt.date, schema.TIME: dt.time,
    schema.DATETIME: dt.datetime, schema.INT: int, schema.BOOL: bool, schema.DECIMAL: Decimal,
}
_KIND_WORDS = {
    schema.TEXT: N_("a text"), schema.LONGTEXT: N_("a text"), schema.TEXTS: N_("a list of texts"),
    schema.DATE: N_("a date"), schema.TIME: N_("a time"), schema.DATETIME: N_("a date and time"),
    schema.INT: N_("a whole number"), schema.BOOL: N_("true or false"),
    schema.DECIMAL: N_("an amount"),
}


def value_problem(f: schema.Field, value) -> Message | None:
    """Why a field's value (as the model holds it) could not be saved and read back; or None."""
    if value is None or f.kind in (schema.RECORD, schema.RECORDS):
        return None
    if f.kind == schema.TEXTS:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            return _wrong_type(f, value)
        found = next((p for p in map(text_problem, value) if p), None)
        return found and found[1]
    kind = _TYPES[f.kind]
    wrong = not isinstance(value, kind) or (f.kind == schema.DATE and isinstance(value, dt.datetime)) \
        or (f.kind == schema.INT and isinstance(value, bool))
    if wrong:
        return _wrong_type(f, value)
    if kind is str:
        found = text_problem(value)
        return found and found[1]
    if f.kind in (schema.DATE, schema.DATETIME):
        return date_problem(value)
    if f.kind == schema.INT:
        return minutes_problem(value)
    if f.kind == schema.DECIMAL:
        return amount_problem(value)
    return None


MAX_AMOUNT_DIGITS, MAX_AMOUNT_DECIMALS = 15, 6  # beyond any budget; keeps the text short


def amount_problem(amount: Decimal) -> Message | None:
    """Why an amount could not be written and read back as the same number; None if it can."""
    if amount.is_finite() and not amount.is_signed():  # -0 too: the file has no minus sign
        sign, digits, exponent = amount.as_tuple()
        decimals = max(0, -exponent)
        if decimals <= MAX_AMOUNT_DECIMALS and len(digits) + max(0, exponent) - decimals <= MAX_AMOUNT_DIGITS:
            return None
    return msg("‘{amount}’ is not an amount from 0 with at most {digits} digits and {decimals}"
               " decimals", amount=shown(str(amount)), digits=MAX_AMOUNT_DIGITS,
               decimals=MAX_AMOUNT_DECIMALS)


def _wrong_type(f: schema.Field, value) -> Message:
    return msg("expected {kind}, found ‘{value}’", kind=msg(_KIND_WORDS[f.kind]),
               value=shown(repr(value)))


def trip_problems(trip) -> list[tuple[tuple, Message]]:
    """Every value of `trip` outside the bounds, as (field path, why), in file order.

    The path of the file's opening comment is `("comment",)`.
    """
    out: list[tuple[tuple, Message]] = []
    found = text_problem(trip.comment or "", comment=True)
    if found:
        out.append((("comment",), found[1]))
    for f in schema.TOP[1:]:
        value = getattr(trip, f.name)
        if f.kind == schema.RECORD:
            _record(value, (f.key,), out)
        else:
            for i, item in enumerate(value):
                _record(item, (f.key, i), out)
    return out


def _record(record, path: tuple, out: list) -> None:
    for f in schema.fields_of(type(record)):
        value = getattr(record, f.name)
        if f.kind == schema.RECORDS:
            for i, item in enumerate(value or ()):
                _record(item, path + (f.key, i), out)
        elif f.kind == schema.RECORD:
            if value is not None:
                _record(value, path + (f.key,), out)
        elif f.kind == schema.TEXTS and isinstance(value, list):
            for i, text in enumerate(value):  # each item named by its row
                problem = value_problem(f, [text])
                if problem is not None:
                    out.append((path + (f.key, i), problem))
        else:
            problem = value_problem(f, value)
            if problem is not None:
                out.append((path + (f.key,), problem))
