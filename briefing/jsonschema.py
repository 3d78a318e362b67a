"""A JSON Schema of the trip file, for editors (e.g. the YAML language server) to check trips."""

from __future__ import annotations

import json
from typing import Any

from . import model, schema

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
    top["properties"]["briefing"] = {
        "enum": [model.FORMAT_VERSION, str(model.FORMAT_VERSION)], "description": "Format version"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://briefing.invalid/trip-format-1.schema.json",
        "title": "Briefing trip file, format 1",
        **top,
        "$defs": {_name(cls): _object(fields) for cls, fields in schema.FIELDS.items()},
    }


def dumps() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
