"""Which fields of a trip a piece of the book read, so that its layout is kept while they hold.

The way Typst's comemo memoizes on tracked accesses: while a part of the book is made and laid
out, every read of a field of a trip's record (Trip, TripInfo, Stop, Person, TalkingPoint, ...)
is logged as (path of the record in the trip, field, a summary of the value). The part's layout
stays valid while every logged read gives the same summary on a later trip; a path the later trip
no longer has (a stop deleted) makes it invalid.

Reads are caught by a `__getattribute__` given to the model's dataclasses only while a `Tracker`
is active (restored in a `finally`); it logs only records whose id is in the map built by walking
the trip being built, so another thread's records (the window's own trip) pass through unlogged.
Book code must read records through attributes: no `__dict__`, `vars()`, `copy` or `pickle` on
them (none does; dataclass `==` and `dataclasses.replace` go through attributes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import threading
from decimal import Decimal

from briefing.trip import model

_MODEL = tuple(c for c in vars(model).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == model.__name__)
_FIELDS = {c: frozenset(f.name for f in dataclasses.fields(c)) for c in _MODEL}
_SCALARS = (str, int, float, bool, Decimal, dt.date, dt.time, dt.datetime, dt.timedelta,
            type(None))
_MISSING = object()
_LOCK = threading.Lock()

Path = tuple  # field names (str) and list indexes (int), from the trip down
Reads = dict  # (record path, field) -> summary


def summary(value):
    """What of a value a reader may have depended on: a scalar itself, a list its length (and its
    items when they are scalars), a record its type; anything else a digest of its repr."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list):
        if all(isinstance(v, _SCALARS) for v in value):
            return ("list", tuple(value))
        return ("list", len(value))
    if type(value) in _FIELDS:
        return ("record", type(value).__name__)
    return ("other", hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"),
                                     digest_size=16).digest())


def paths(trip) -> dict[int, Path]:
    """id of each record in the trip -> its path."""
    out: dict[int, Path] = {}

    def walk(record, path: Path) -> None:
        out[id(record)] = path
        for name in _FIELDS[type(record)]:
            value = object.__getattribute__(record, name)
            if type(value) in _FIELDS:
                walk(value, (*path, name))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if type(item) in _FIELDS:
                        walk(item, (*path, name, i))

    walk(trip, ())
    return out


class Tracker:
    """`with tracker.logging(reads):` logs the reads of the trip's records into `reads`."""

    def __init__(self, trip):
        self.paths = paths(trip)
        self.reads: Reads | None = None

    def __enter__(self) -> Tracker:
        _LOCK.acquire()
        try:
            tracked = self.paths
            getter = object.__getattribute__

            def __getattribute__(record, name, _get=getter):
                value = _get(record, name)
                log = tracker.reads
                if log is not None:
                    path = tracked.get(id(record))
                    if path is not None and name in _get(record, "__dataclass_fields__"):
                        key = (path, name)
                        if key not in log:
                            log[key] = summary(value)
                return value

            tracker = self
            for cls in _MODEL:
                cls.__getattribute__ = __getattribute__
        except BaseException:
            self._restore()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._restore()

    def _restore(self) -> None:
        try:
            for cls in _MODEL:
                if "__getattribute__" in cls.__dict__:
                    del cls.__getattribute__
        finally:
            self.reads = None
            _LOCK.release()


class Resolver:
    """Resolves record paths on a trip, each prefix once."""

    def __init__(self, trip):
        self.found: dict[Path, object] = {(): trip}

    def record(self, path: Path):
        found = self.found.get(path, _MISSING)
        if found is not _MISSING:
            return found
        parent = self.record(path[:-1])
        step = path[-1]
        if parent is _MISSING:
            found = _MISSING
        elif type(step) is int:
            found = parent[step] if isinstance(parent, list) and step < len(parent) else _MISSING
        elif type(parent) in _FIELDS and step in _FIELDS[type(parent)]:
            found = getattr(parent, step)
        else:
            found = _MISSING
        self.found[path] = found
        return found

    def holds(self, reads: Reads) -> bool:
        """Whether every read gives the same summary on this trip."""
        for (path, name), seen in reads.items():
            record = self.record(path)
            if record is _MISSING or type(record) not in _FIELDS or name not in _FIELDS[
                    type(record)]:
                return False
            if summary(getattr(record, name)) != seen:
                return False
        return True
