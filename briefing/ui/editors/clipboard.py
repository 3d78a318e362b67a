"""Records to and from the clipboard: JSON for Briefing itself, tab-separated text for others.

The JSON holds field texts only (never code), so pasting something foreign is harmless.
"""

from __future__ import annotations

import json

from briefing.trip import schema
from briefing.ui.editors import values

RECORDS_MIME = "application/x-briefing-records"


def _fields(record_type: type) -> list[schema.Field]:
    return [f for f in schema.fields_of(record_type) if f.kind != schema.RECORDS]


def to_json(records: list) -> str:
    return json.dumps([{f.key: values.to_text(f, getattr(r, f.name), lines=True)
                        for f in _fields(type(r))} for r in records], ensure_ascii=False)


def from_json(record_type: type, text: str) -> list:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    out = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict):
            out.append(_record(record_type, {k: v for k, v in item.items() if isinstance(v, str)}, lines=True))
    return out


def to_tsv(records: list, fields: list[schema.Field | None]) -> str:
    """One line a record, one cell a column as the table shows them (None: a computed column)."""
    def cell(f, r):
        if f is None:
            return ""
        return values.to_text(f, getattr(r, f.name)).replace("\t", " ").replace("\n", " ")
    return "\n".join("\t".join(cell(f, r) for f in fields) for r in records)


def from_tsv(record_type: type, text: str, fields: list[schema.Field | None]) -> list:
    out = []
    for line in text.splitlines():
        if line.strip():
            cells = line.split("\t")
            out.append(_record(record_type, {f.key: c for f, c in zip(fields, cells, strict=False)
                                             if f is not None}))
    return out


def _record(record_type: type, texts: dict[str, str], lines: bool = False):
    record = record_type()
    for f in _fields(record_type):
        if f.key in texts:
            try:
                setattr(record, f.name, values.from_text(f, texts[f.key], lines=lines))
            except ValueError:
                pass  # a cell that is not a time or a date stays empty rather than wrong
    return record
