"""Where something is in a trip, in the reader's words: `2. 바르셀로나 액티바 방문 › 세부 일정 6행 › 내용`.

A field path (`stops[1].agenda[5].item`, indices from 0) becomes the stop by its number and title,
the section and field by their declared words (briefing.schema), rows counted from 1, as the
window's outline, tabs and tables show them.
"""

from __future__ import annotations

import re

from briefing.trip import schema
from briefing.trip.words import translate

SEPARATOR = " › "


def parse(path: str) -> tuple:
    """'stops[2].agenda[1].time' -> ('stops', 2, 'agenda', 1, 'time')."""
    return tuple(int(index) if index else name
                 for name, index in re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", path))


def describe(path: str | tuple, lang: str = "en", trip=None) -> str:
    parts = parse(path) if isinstance(path, str) else tuple(path)
    if not parts:
        return ""
    out: list[str] = []
    record: type | None = None
    i = 0
    while i < len(parts):
        part = parts[i]
        if isinstance(part, int):  # an index into a list of texts (objectives, details, ...)
            out[-1] = _row(out[-1], part, lang)
            i += 1
            continue
        f = _field(record, part)
        if f is None:  # a key the format does not know: shown as written
            out.append(part)
            break
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if record is None and f.key == "stops" and isinstance(nxt, int):
            out.append(_stop(nxt, lang, trip))
            record, i = f.record, i + 2
            continue
        label = f.label(lang)
        if f.kind == schema.RECORDS and isinstance(nxt, int):
            out.append(_row(label, nxt, lang))
            record, i = f.record, i + 2
            continue
        out.append(label)
        record = f.record if f.kind == schema.RECORD else record
        i += 1
    return SEPARATOR.join(out)


def _field(record: type | None, key: str) -> schema.Field | None:
    fields = schema.TOP if record is None else schema.fields_of(record)
    return next((f for f in fields if f.key == key or f.name == key), None)


def _row(label: str, index: int, lang: str) -> str:
    return translate(lang, "{section} row {n}", "place").format(section=label, n=index + 1)


def _stop(index: int, lang: str, trip) -> str:
    title = ""
    if trip is not None and 0 <= index < len(trip.stops):
        title = trip.stops[index].title.strip()
    if title:
        return translate(lang, 'Stop {n} "{title}"', "place").format(n=index + 1, title=title)
    return translate(lang, "Stop {n}", "place").format(n=index + 1)
