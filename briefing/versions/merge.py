"""Two people's edits of one trip, combined field by field against the version both started from.

`merge(base, mine, theirs)` walks the three trips together. A field changed on one side only takes
that change; a field both changed alike takes it once; a field both changed differently is a
collision: the merged trip holds mine, and `Merged.choose` puts theirs in its place. Lists of
records (stops, agenda items, talking points...) are paired the way the changes page pairs them
(`briefing.versions.changes.match`: by title, text, name or similarity, never by position), so a stop
inserted by one side and an edit by the other both survive. A record deleted on one side and
edited on the other is a collision too; deleted and unchanged, it goes. Lists of short texts
(objectives, details, attendees) are combined line by line: a line edited on both sides keeps
both versions. Comments are combined like values: a comment one side deleted or edited and the
other left alone is deleted or edited; changed differently on both sides, it is a collision. Nothing of either side is dropped without a collision that
names it.

A combination can break a rule neither side broke (mine moves the trip's start, theirs its end,
before the new start): the fields of theirs that break it are put back to mine and each is a
collision that says why, so that such a trip is never written without a word.

Pure Python over `briefing.model` (no Qt): the window and `briefing merge` share it.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.rules import validate
from briefing.trip import places, schema
from briefing.trip.model import Trip
from briefing.trip.problems import Problem
from briefing.trip.words import Words
from briefing.versions import changes

MINE, THEIRS = "mine", "theirs"


class _Deleted:
    def __repr__(self) -> str:
        return "DELETED"


DELETED: Any = _Deleted()  # one side deleted the record the other edited


@dataclass
class Collision:
    """One place where both sides changed the same thing differently."""

    where: tuple  # a field: its path in the merged trip; a record: the path of its list
    base: Any
    mine: Any  # the value, the record, or DELETED
    theirs: Any
    label: str = ""  # a record: what it is ("Welcome", a stop's title); "" for a field
    why: Problem | None = None  # the rule the two sides' changes together break, if that is all
    _apply: Callable[[Any], None] | None = field(default=None, repr=False, compare=False)

    @property
    def is_record(self) -> bool:
        return bool(self.label) or self.mine is DELETED or self.theirs is DELETED

    def place(self, lang: str = "en", trip: Trip | None = None) -> str:
        """Where it is, in the reader's words (briefing.places)."""
        where = places.describe(self.where, lang, trip)
        if self.is_record and self.label:
            return f"{where}{places.SEPARATOR}{self.label}"
        return where

    def reason(self, lang: str = "en") -> str:
        """Why two changes of different fields collide: the rule they break together ("")."""
        return self.why.describe(lang) if self.why is not None else ""

    def text(self, side: str, lang: str = "en") -> str:
        """One side's value in words: a field's value, or what was changed in a record."""
        value = self.mine if side == MINE else self.theirs
        say = Words(lang)
        if value is DELETED:
            return say("(deleted)")
        if not self.is_record:
            return value_text(value, self.where[-1] if self.where else "", lang)
        return record_text(self.base, value, lang)


@dataclass
class Merged:
    trip: Trip  # mine at every collision, until `choose` says otherwise
    collisions: list[Collision]

    @property
    def clean(self) -> bool:
        return not self.collisions

    def choose(self, sides: Mapping[int, str] | Sequence[str]) -> Trip:
        """Take THEIRS at the collisions so marked (by index); the rest keep MINE. Once only."""
        picked = sides.items() if isinstance(sides, Mapping) else enumerate(sides)
        # records put back go in last to first, so that each lands after its neighbour
        for i, side in sorted(picked, reverse=True):
            if side == THEIRS and self.collisions[i]._apply is not None:
                self.collisions[i]._apply(self.collisions[i].theirs)
        return self.trip


def merge(base: Trip, mine: Trip, theirs: Trip) -> Merged:
    """MINE and THEIRS combined; see the module's description."""
    found: list[Collision] = []
    _state.carried, _state.base_carried, _state.alive = {}, {}, []
    _state.mine_of, _state.base_of = {}, {}
    try:
        trip = _record(base, mine, theirs, (), found)
        trip.comments = _comments(base.comments, mine.comments, theirs.comments, trip, found)
        found += _broken(mine, theirs, trip)
    finally:
        _state.carried = _state.base_carried = _state.alive = None
        _state.mine_of = _state.base_of = None
    trip.source = None  # positions in a file no longer describe this trip
    return Merged(trip, found)


# Which merged record each of mine (and of the base's, and of theirs) became, so that comments
# follow their records into the merge (a comment is tied to the record it was written beside; see
# briefing/fileformat/comments.py), and which of mine each merged record came from.
_state = threading.local()


def _carried() -> dict[int, Any]:
    carried = getattr(_state, "carried", None)
    return carried if carried is not None else {}


def _mine(value: Any) -> Any:
    """A copy of one of my values; the records inside it are remembered as carried."""
    return copy.deepcopy(value, _carried())


def _comments(base: Any, mine: Any, theirs: Any, trip: Trip, found: list[Collision]) -> Any:
    """The comments of the merged records, merged three-way like values: a comment one side
    deleted or reworded is deleted or reworded; both sides rewording it differently (or one
    deleting what the other reworded) is a collision that keeps mine; a record one side deleted
    takes its comments with it."""
    if not hasattr(mine, "kept") and not hasattr(theirs, "kept"):
        return mine
    carried = (_state.base_carried, _carried(), _carried())
    slots: dict[tuple, list] = {}
    order: list[tuple] = []
    for n, side in enumerate((base, mine, theirs)):
        for entry in getattr(side, "kept", ()):
            owner = carried[n].get(id(entry.owner))
            if owner is None:
                continue
            slot = (id(owner), entry.key, entry.place, entry.index)
            if slot not in slots:
                slots[slot] = [owner, None, None, None]
            if n and slots[slot][2] is None and slots[slot][3] is None:
                order.append(slot)
            slots[slot][n + 1] = entry
    kept = []
    for slot in order:
        owner, *entries = slots[slot]
        a, m, t = ([note.text for note in e.notes] if e else [] for e in entries)
        texts = m if m == t or a == t else t if a == m else None
        entry = entries[1] or entries[2]
        if texts is None:  # both changed it, differently
            found.append(_comment_collision(trip, owner, entry, a, m, t, entries[2], kept))
            texts = m
        if not texts:
            continue
        notes = {note.text: note for e in entries[:0:-1] if e for note in e.notes}  # mine wins
        kept.append(dataclasses.replace(entry, owner=owner, notes=[notes[x] for x in texts]))
    return dataclasses.replace(mine if hasattr(mine, "kept") else theirs, kept=kept)


def _comment_collision(trip: Trip, owner: Any, entry: Any, base: list[str], mine: list[str],
                       theirs: list[str], theirs_entry: Any, kept: list) -> Collision:
    """A comment both sides changed differently, placed at the field (or record) it is beside;
    choosing theirs puts their comment (or its absence) in place of mine."""
    where = _path_to(trip, owner) + ((entry.key,) if entry.key else ())

    def apply(_theirs: Any) -> None:
        kept[:] = [k for k in kept if not (k.owner is owner and k.key == entry.key
                                           and k.place == entry.place and k.index == entry.index)]
        if theirs_entry is not None and theirs_entry.notes:
            kept.append(dataclasses.replace(theirs_entry, owner=owner))

    def said(texts: list[str]) -> str:
        return "\n".join("# " + x.lstrip("#").strip() for x in texts)

    return Collision(where, said(base), said(mine), said(theirs), _apply=apply)


def _path_to(record: Any, target: Any, path: tuple = ()) -> tuple:
    """Where `target` is inside `record` (field names and list positions); () if not found."""
    if record is target:
        return path
    if not _is_record(record):
        return ()
    for f in dataclasses.fields(record):
        if not f.compare:  # the comments themselves, the file's positions
            continue
        value = getattr(record, f.name)
        items = enumerate(value) if isinstance(value, list) else ((None, value),)
        for i, item in items:
            if item is target or _is_record(item):
                inner = path + ((f.name,) if i is None else (f.name, i))
                found = _path_to(item, target, inner)
                if found or item is target:
                    return found
    return ()


# -- a combination that breaks a rule ------------------------------------------------------------


def _broken(mine: Trip, theirs: Trip, merged: Trip) -> list[Collision]:
    """The errors of the merged trip that neither side has: theirs' changes to the fields of the
    record at fault are put back to mine, each a collision that names the rule."""
    known, carried = set(), _carried()
    for side in (mine, theirs):
        for p in validate.validate(side):
            owner, name = _at(side, p.path)
            if p.is_error and owner is not None:
                known.add((id(carried.get(id(owner), owner)), name, p.translatable.template))
    found: list[Collision] = []
    for p in validate.validate(merged):
        owner, name = _at(merged, p.path)
        if not p.is_error or owner is None or (id(owner), name, p.translatable.template) in known:
            continue
        before = _state.mine_of.get(id(owner))
        if before is None:
            continue  # a record from one side whole: it broke no rule there
        parts = places.parse(p.path)
        where = parts[:max(n for n, part in enumerate(parts) if isinstance(part, str))]
        names = [f.name for f in dataclasses.fields(owner) if f.compare and not _is_record(
            getattr(owner, f.name)) and not _records(getattr(owner, f.name), [])]
        # the field the rule names first; else the record's other fields theirs changed
        changed = [x for x in names if getattr(owner, x) != getattr(before, x)]
        for x in [name] if name in changed else changed:
            c = Collision(where + (x,), getattr(_state.base_of[id(owner)], x, None),
                          getattr(before, x), getattr(owner, x), why=p, _apply=_setter(owner, x))
            setattr(owner, x, copy.deepcopy(c.mine))
            found.append(c)
    return found


def _at(trip: Trip, path: str) -> tuple[Any, str]:
    """The record a problem's path points into, and the field's name: (None, "") if none."""
    parts = places.parse(path)
    record: Any = trip
    for n, part in enumerate(parts):
        if isinstance(part, int):
            if not isinstance(record, list) or not 0 <= part < len(record):
                return None, ""
            record = record[part]
            continue
        if not _is_record(record):
            return None, ""
        fields = schema.TOP if isinstance(record, Trip) else schema.fields_of(type(record))
        f = next((f for f in fields if part in (f.key, f.name)), None)
        if f is None:
            return None, ""
        value = getattr(record, f.name)
        if n == len(parts) - 1 or (isinstance(parts[n + 1], int) and not _records(value, [])):
            return record, f.name
        record = value
    return None, ""


# -- values in words -----------------------------------------------------------------------------


def value_text(value: Any, name: str, lang: str = "en") -> str:
    """A field's value in words: a choice in the reader's language, yes/no, lists joined."""
    say = Words(lang)
    if value is None or value == "" or value == []:
        return say("(empty)")
    if isinstance(value, bool):
        return say("yes") if value else say("no")
    if isinstance(value, str) and value in schema.CHOICE_WORDS and name in _CHOICE_FIELDS:
        return schema.choice_label(value, lang)
    if isinstance(value, str):
        return value  # long text in full: this is where someone decides between two versions
    return changes.text(value)


_CHOICE_FIELDS = {f.name for fields in schema.FIELDS.values() for f in fields if f.choices}


def record_text(base: Any, record: Any, lang: str = "en") -> str:
    """A record as one side has it: the fields that differ from `base`, one per line."""
    lines = []
    for f in dataclasses.fields(record):
        if not f.compare:
            continue
        value = getattr(record, f.name)
        if base is not None and getattr(base, f.name) == value:
            continue
        if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            value = [label(v) for v in value]
        if value in (None, "", []):
            continue
        lines.append(f"{_field_words(type(record), f.name, lang)}: "
                     f"{changes.excerpt(value_text(value, f.name, lang), 200)}")
    return "\n".join(lines) or label(record)


def _field_words(record: type, name: str, lang: str) -> str:
    try:
        return schema.field(record, name).label(lang)
    except KeyError:
        return name


def label(record: Any) -> str:
    """What a record is called: its first text that is not empty (a title, an item, a name)."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str) and value.strip() and f.name not in ("id", "kind", "mode"):
            return changes.excerpt(value)
    return type(record).__name__


# -- the walk ------------------------------------------------------------------------------------


def _record(base: Any, mine: Any, theirs: Any, path: tuple, found: list[Collision]) -> Any:
    values: dict[str, Any] = {}
    pending: list[Collision] = []
    for f in dataclasses.fields(mine):
        name = f.name
        a, m, t = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        here = path + (name,)
        if not f.compare:
            values[name] = m
        # Records are merged one by one even when only one side changed them, so that both
        # sides' records are paired with the merged ones (their comments follow them).
        elif _is_record(m) and _is_record(t) and type(m) is type(t):
            values[name] = _record(a if type(a) is type(m) else type(m)(), m, t, here, found)
        elif _records(m, t):
            values[name] = _list(a or [], m, t, here, found)
        elif m == t or a == t:
            values[name] = _mine(m)
        elif a == m:
            values[name] = _mine(t)
        elif _texts(a, m, t):
            values[name] = _lines(a, m, t)
        else:
            values[name] = _mine(m)
            pending.append(Collision(here, a, m, t))
    merged = type(mine)(**values)
    _carried().setdefault(id(mine), merged)
    _carried().setdefault(id(theirs), merged)
    _state.base_carried.setdefault(id(base), merged)
    _state.alive.append(base)  # a blank stand-in's id must not be reused while the map holds it
    _state.mine_of[id(merged)], _state.base_of[id(merged)] = mine, base
    for c in pending:
        c._apply = _setter(merged, c.where[-1])
        found.append(c)
    return merged


def _setter(record: Any, name: str) -> Callable[[Any], None]:
    return lambda value: setattr(record, name, copy.deepcopy(value))


def _is_record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _records(*lists: Any) -> bool:
    return all(isinstance(x, list) for x in lists) and any(
        x and _is_record(x[0]) for x in lists)


def _texts(*lists: Any) -> bool:
    return all(isinstance(x, list) and all(isinstance(v, str) for v in x) for x in lists)


def _lines(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """Mine, less the lines theirs removed, plus the lines theirs added after their neighbour."""
    out = [x for x in mine if not (x in base and x not in theirs)]
    for k, line in enumerate(theirs):
        if line in base or line in out:
            continue
        before = next((theirs[p] for p in range(k - 1, -1, -1) if theirs[p] in out), None)
        out.insert(out.index(before) + 1 if before is not None else 0, line)
    return out


def _list(base: list, mine: list, theirs: list, path: tuple, found: list[Collision]) -> list:
    """Records paired with the base on each side, kept in one side's order, merged one by one."""
    to_mine = {i: j for i, j in changes.match(base, mine)}
    to_theirs = {i: k for i, k in changes.match(base, theirs)}
    entries = [[i, to_mine.get(i), to_theirs.get(i)] for i in range(len(base))]
    mine_new = [j for j in range(len(mine)) if j not in to_mine.values()]
    theirs_new = [k for k in range(len(theirs)) if k not in to_theirs.values()]
    both = {mine_new[a]: theirs_new[b] for a, b in changes.match(
        [mine[j] for j in mine_new], [theirs[k] for k in theirs_new])}
    entries += [[None, j, both.get(j)] for j in mine_new]
    entries += [[None, None, k] for k in theirs_new if k not in both.values()]

    order = _order(entries, base, mine, theirs)
    out: list = []
    for i, j, k in order:
        a = base[i] if i is not None else None
        m = mine[j] if j is not None else None
        t = theirs[k] if k is not None else None
        if m is not None and t is not None:
            out.append(_record(a if a is not None else type(m)(), m, t, path + (len(out),), found))
        elif a is None:  # added on one side
            out.append(_mine(m if m is not None else t))
        elif t is None and m is not None:  # theirs deleted it
            if m == a:
                continue
            kept = _mine(m)
            out.append(kept)
            found.append(Collision(path, a, m, DELETED, label(m),
                                   _apply=_remover(out, kept)))
        elif m is None and t is not None:  # mine deleted it
            if t == a:
                continue
            anchor = out[-1] if out else None
            found.append(Collision(path, a, DELETED, t, label(t),
                                   _apply=_inserter(out, anchor)))
    return out


def _order(entries: list[list], base: list, mine: list, theirs: list) -> list[list]:
    """Mine's order, unless only theirs reordered; records only the other side has go in after
    their neighbour on that side."""
    def seq(side: int) -> list[list]:
        return sorted((e for e in entries if e[side] is not None), key=lambda e: e[side])

    common = [e for e in entries if e[0] is not None and e[1] is not None and e[2] is not None]
    by_base = [e[0] for e in sorted(common, key=lambda e: e[0])]
    mine_moved = [e[0] for e in sorted(common, key=lambda e: e[1])] != by_base
    theirs_moved = [e[0] for e in sorted(common, key=lambda e: e[2])] != by_base
    lead, other = (2, 1) if theirs_moved and not mine_moved else (1, 2)
    out = seq(lead)
    rest = seq(other)
    for n, e in enumerate(rest):
        if any(x is e for x in out):
            continue
        before = next((rest[p] for p in range(n - 1, -1, -1)
                       if any(x is rest[p] for x in out)), None)
        at = next(q for q, x in enumerate(out) if x is before) + 1 if before is not None else 0
        out.insert(at, e)
    # deleted by both sides: nothing to keep or ask about
    return [e for e in out if e[1] is not None or e[2] is not None]


def _remover(items: list, record: Any) -> Callable[[Any], None]:
    def remove(_theirs: Any) -> None:
        for n, x in enumerate(items):
            if x is record:
                del items[n]
                return
    return remove


def _inserter(items: list, anchor: Any) -> Callable[[Any], None]:
    def insert(theirs: Any) -> None:
        at = next((n + 1 for n, x in enumerate(items) if x is anchor), 0)
        items.insert(at, copy.deepcopy(theirs))
    return insert
