"""Writing a trip as YAML text (format 1, or 2 once it uses format 2's fields): the layout people
read, and the same bytes every time.

The structure is fixed by the schema, so the only real decision is how to write each text value:
plain where it reads back as the same text, a `|` block for multi-line text, double quotes
otherwise. PyYAML's own emitter makes the same decisions but is ten times slower on a large trip
and cannot indent lists under their key, as people write them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import yaml

from briefing.fileformat import comments
from briefing.trip import bounds, model, places, schema
from briefing.trip.problems import SaveError

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
_NEEDS_ESCAPE = re.compile('[\\\\"\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff\\ud800-\\udfff]')
# Characters that cannot stand unescaped in a plain or block scalar (or that YAML reads as a
# line break); astral characters such as emoji are fine.
_UNSAFE = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff\\ud800-\\udfff\\r]")


def dumps(trip: model.Trip) -> str:
    """The trip as file text; SaveError, naming the field, for what a load would refuse."""
    refused = bounds.trip_problems(trip)
    if refused:
        raise _refusal(trip, refused)
    text = _dumps(trip)
    size = len(text.encode("utf-8"))
    if size > bounds.MAX_BYTES:
        path = max(_texts(trip), key=lambda item: len(item[1]), default=((), ""))[0]
        where = places.describe(path, "en", trip) if path else ""
        raise SaveError(
            f"the trip would be {size / 1e6:.1f} MB; a trip file is at most"
            f" {bounds.MAX_BYTES // 2**20} MB{f' (the longest text is {where})' if where else ''}")
    return text


def _refusal(trip: model.Trip, refused: list) -> SaveError:
    path, message = refused[0]
    where = "the comment at the top" if path == ("comment",) else places.describe(path, "en", trip)
    more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
    error = SaveError(f"cannot save: {where}: {message}{more}; nothing was changed on disk")
    error.refused = refused  # (field path, Message) pairs, for a window that names them all
    return error


def _texts(trip: model.Trip):
    """(field path, text) of every text value, for naming the one that makes a file too big."""
    def walk(record, path):
        for f in schema.fields_of(type(record)):
            value = getattr(record, f.name)
            if f.kind == schema.RECORDS:
                for i, item in enumerate(value):
                    yield from walk(item, path + (f.key, i))
            elif f.kind in (schema.TEXT, schema.LONGTEXT):
                yield path + (f.key,), value
            elif f.kind == schema.TEXTS:
                yield from ((path + (f.key, i), v) for i, v in enumerate(value or ()))
    yield from walk(trip.info, ("trip",))
    for f in schema.TOP[2:]:
        for i, item in enumerate(getattr(trip, f.name)):
            yield from walk(item, (f.key, i))


def _dumps(trip: model.Trip) -> str:
    out: list[str] = []
    if trip.comment:
        out.extend(f"# {line}".rstrip() + "\n" for line in trip.comment.split("\n"))
    out.append(f"briefing: {file_version(trip)}\n")
    kept = comments.placer(trip)  # None (nothing to do) unless the file had comments
    if kept:
        kept.field(out, len(out) - 1, trip, schema.TOP[0], "")
    for f in schema.TOP[1:]:
        value = getattr(trip, f.name)
        held = kept is not None and kept.holds(trip, f.key)
        if f.kind == schema.RECORD:
            lines = _record(value, "  ", kept)
            if not (lines or held):
                continue
            out.append("\n")
            start = len(out)
            out.append(f"{f.key}:\n")
            out.extend(lines)
        elif value or held:
            out.append("\n")
            start = len(out)
            out.append(f"{f.key}:\n")
            for i, item in enumerate(value):
                if i:
                    out.append("\n")  # a blank line between stops, flights, people: for the eye
                out.extend(_item(item, "  ", kept))
        else:
            continue
        if kept:
            kept.field(out, start, trip, f, "")
    if kept:
        kept.record_end(out, trip, "")
        return comments.join(out)
    return "".join(out)


def file_version(trip: model.Trip) -> int:
    """The format a save writes: the trip's own, or format 2 once a format-2 field is filled in.

    A format-1 file without the new fields stays format 1, readable by older copies of Briefing.
    """
    return max(trip.format_version, _needed_version(trip.info),
               *(_needed_version(stop) for stop in trip.stops))


def _needed_version(record) -> int:
    needed = 1
    for f in schema.fields_of(type(record)):
        if f.since > needed and _filled(getattr(record, f.name)):
            needed = f.since
    return needed


def _filled(value) -> bool:
    if value is None or value is False or value == "" or value == []:
        return False
    if hasattr(value, "__dataclass_fields__"):
        return any(_filled(getattr(value, f.name)) for f in schema.fields_of(type(value)))
    return True


def _item(record, indent: str, kept: comments.Placer | None = None) -> list[str]:
    """A record as a list entry: its first line behind '- ', the rest indented under it."""
    lines = _record(record, indent + "  ", kept)
    above = kept.item(lines, record, indent) if kept else []
    if not lines:
        lines = [f"{indent}- {{}}\n"]
    else:
        lines[0] = f"{indent}- {lines[0][len(indent) + 2:]}"
    if kept:
        kept.item_eol(lines, record)
        return above + lines
    return lines


def _record(record, indent: str, kept: comments.Placer | None = None) -> list[str]:
    lines: list[str] = []
    owner = type(record)
    for f in schema.fields_of(owner):
        value = getattr(record, f.name)
        start = len(lines)
        if value is None or value is False or value == "":
            if kept:
                kept.field(lines, start, record, f, indent)
            continue
        kind = f.kind
        if kind == schema.RECORD:
            nested = _record(value, indent + "  ", kept)
            if nested:
                lines.append(f"{indent}{f.key}:\n")
                lines.extend(nested)
        elif kind == schema.RECORDS:
            if value:
                lines.append(f"{indent}{f.key}:\n")
                for item in value:
                    lines.extend(_item(item, indent + "  ", kept))
        elif kind == schema.TEXTS:
            if value:
                lines.append(f"{indent}{f.key}:\n")
                lines.extend(f"{indent}  - {_inline(v)}\n" for v in value)
            elif (owner, f.name) in schema.NULLABLE_LISTS:
                lines.append(f"{indent}{f.key}: []\n")
        elif kind in (schema.TEXT, schema.LONGTEXT):
            lines.append(f"{indent}{f.key}: {_text(value, indent + '  ')}\n")
        elif kind == schema.TIME:
            lines.append(f'{indent}{f.key}: "{format_time(value)}"\n')
        elif kind == schema.DATETIME:
            lines.append(f"{indent}{f.key}: {format_datetime(value)}\n")
        elif kind == schema.BOOL:
            lines.append(f"{indent}{f.key}: true\n")
        elif kind == schema.DECIMAL:
            lines.append(f"{indent}{f.key}: {value:f}\n")  # never 1E+3: the digits as written
        else:  # DATE, INT
            lines.append(f"{indent}{f.key}: {value}\n")
        if kept:
            kept.field(lines, start, record, f, indent)
    if kept:
        kept.record_end(lines, record, indent)
    return lines


def format_time(value: dt.time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def format_datetime(value: dt.datetime) -> str:
    return f"{value.date().isoformat()} {format_time(value.time())}"


def _text(value: str, indent: str) -> str:
    """A text value after `key: `: plain, a `|` block, or double-quoted."""
    if "\n" in value and _block_ok(value):
        chomp = "" if value.endswith("\n") else "-"
        body = "".join(f"{indent}{line}\n" if line else "\n" for line in value.rstrip("\n").split("\n"))
        return f"|{chomp}\n{body}".rstrip("\n")
    return _inline(value)


def _inline(value: str) -> str:
    return value if _plain_ok(value) else _quoted(value)


def _block_ok(value: str) -> bool:
    if _UNSAFE.search(value) or value[0] in " \n\t" or value.endswith("\n\n"):
        return False
    return not any(line != line.rstrip(" \t") for line in value.split("\n"))


def _plain_ok(value: str) -> bool:
    if not value or value[0] in _INDICATORS or value != value.strip() or _UNSAFE.search(value):
        return False
    if "\n" in value or "\t" in value or ": " in value or " #" in value or value.endswith(":"):
        return False
    if any(unicodedata.category(c)[0] in "CZ" and c != " " for c in value):
        return False
    # What YAML 1.1 would read as something other than text (a number, a boolean, a date, null)
    # must be quoted for other programs, even though Briefing itself reads the raw text.
    return not any(regexp.match(value) for _, regexp in _RESOLVERS.get(value[0], ()))


def _quoted(value: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"
