"""What tells one copy of the book from another: its edition, its reader and copy number, whether
it is a draft; and the file name and PDF title that say so, so that exporting the handout never
lands on the principal's book and a personal copy is known by its name in a folder or a mail."""

from __future__ import annotations

import re

from briefing.book.context import HANDOUT
from briefing.trip.model import Person, Trip

# `--for all`: one personal copy for every delegation member
EVERY_MEMBER = "all"

# Characters Windows refuses in a file name, and control characters; a member's key may be a
# name with any of them.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def members(trip: Trip) -> list[Person]:
    """The members a personal copy can be made for, in delegation order, each key once."""
    seen: set[str] = set()
    out = []
    for person in trip.delegation:
        if person.key and person.key not in seen:
            seen.add(person.key)
            out.append(person)
    return out


def copy_number(trip: Trip, person: Person | None) -> tuple[int, int] | None:
    """(n, of) for a personal copy: its place in the delegation's order, counted from 1."""
    if person is None:
        return None
    keys = [p.key for p in members(trip)]
    if person.key not in keys:
        return None
    return keys.index(person.key) + 1, len(keys)


def file_part(text: str) -> str:
    """`text` made fit for a file name on every system (a member's key, a trip's title)."""
    cleaned = _NOT_IN_NAMES.sub("_", text).strip(" .")
    return cleaned or "_"


def reader_part(key: str, people=()) -> str:
    """What a personal copy's file is named by: the member's name (`이동환`), with the key only
    when two members share that name (`김민수.aide`); the key when `people` do not know it."""
    person = next((p for p in people if p.key == key), None)
    if person is None or not person.name.strip():
        return key
    name = person.name.strip()
    shared = sum(p.name.strip() == name for p in people if p.key) > 1
    return f"{name}.{key}" if shared and key != name else name


def file_name(stem: str, *, edition: str = "full", reader: str = "", draft: bool = False,
              people=()) -> str:
    """The book's file name for this copy: `trip.pdf`, `trip.handout.pdf`, `trip.이동환.pdf`,
    `trip.이동환.handout.pdf`, with `.draft` before `.pdf` for a draft; `reader` is a member's
    key, named as `reader_part` says when `people` (the delegation) are given."""
    parts = [stem]
    if reader:
        parts.append(file_part(reader_part(reader, people)))
    if edition == HANDOUT:
        parts.append("handout")
    if draft:
        parts.append("draft")
    return ".".join(parts) + ".pdf"
