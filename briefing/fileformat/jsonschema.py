"""A JSON Schema of the trip file, for editors (e.g. the YAML language server) to check trips."""

from __future__ import annotations

import json
from typing import Any

from briefing.trip import model, schema

_SCALARS: dict[str, dict[str, Any]] = {
    schema.TEXT: {"type": ["string", "number", "boolean"]},
    schema.LONGTEXT: {"type": ["string", "number", "boolean"]},
    schema.DATE: {"type": "string", "pattern": r"^\d{4}-\d{1,2}-\d{1,2}$"},
    schema.TIME: {
        "type": ["string", "integer"],
        "pattern": r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$",
        "description": "HH:MM",
    },
    schema.DATETIME: {
        "type": "string",
        "pattern": r"^\d{4}-\d{1,2}-\d{1,2}[ Tt]([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$",
    },
    schema.INT: {"type": "integer", "minimum": 0},
    schema.BOOL: {"type": "boolean"},
    # YAML reads 1450.50 as a number; quoted, it is still read from its digits.
    schema.DECIMAL: {
        "type": ["number", "string"], "minimum": 0, "pattern": r"^\+?\d{1,15}(\.\d{1,6})?$",
    },
}


def _name(cls: type) -> str:
    return cls.__name__


def _field(f: schema.Field) -> dict[str, Any]:
    if f.kind == schema.RECORD:
        out: dict[str, Any] = {"$ref": f"#/$defs/{_name(f.record)}"}
    elif f.kind == schema.RECORDS:
        out = {"type": "array", "items": {"$ref": f"#/$defs/{_name(f.record)}"}}
    elif f.kind == schema.TEXTS:
        out = {"type": "array", "items": {"type": ["string", "number", "boolean"]}}
    else:
        out = dict(_SCALARS[f.kind])
    if f.choices:
        out = {"enum": list(f.choices)}
    if f.doc:
        out["description"] = f.doc
    return out


def _object(fields: tuple[schema.Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.key for f in fields if f.required],
        "properties": {f.key: _field(f) for f in fields},
    }


def build() -> dict[str, Any]:
    top = _object(schema.TOP)
    versions = range(1, model.FORMAT_VERSION + 1)
    top["properties"]["briefing"] = {
        "enum": [*versions, *map(str, versions)], "description": schema.top("briefing").doc}
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://briefing.invalid/trip-format-{model.FORMAT_VERSION}.schema.json",
        "title": f"Briefing trip file, formats 1 to {model.FORMAT_VERSION}",
        **top,
        "$defs": {_name(cls): _object(fields) for cls, fields in schema.FIELDS.items()},
    }
    # A newer field needs the file to say so: `briefing: 1` with `budget:` is refused on load.
    out["allOf"] = [_needs_version(since) for since in range(2, model.FORMAT_VERSION + 1)]
    return out


def _needs_version(since: int) -> dict[str, Any]:
    """'if a field of format `since` is present, `briefing` is at least `since`'."""
    newer = [*range(since, model.FORMAT_VERSION + 1)]
    present = []
    trip_keys = [f.key for f in schema.fields_of(model.TripInfo) if f.since == since]
    if trip_keys:
        present.append({"required": ["trip"], "properties": {"trip": {
            "anyOf": [{"required": [k]} for k in trip_keys]}}})
    stop_keys = [f.key for f in schema.fields_of(model.Stop) if f.since == since]
    if stop_keys:
        present.append({"required": ["stops"], "properties": {"stops": {
            "contains": {"anyOf": [{"required": [k]} for k in stop_keys]}}}})
    return {"if": {"anyOf": present},
            "then": {"properties": {"briefing": {"enum": [*newer, *map(str, newer)]}}}}


def dumps() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
