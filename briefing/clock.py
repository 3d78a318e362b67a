"""Local time and home time: the conversions that itineraries and checks need."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo

from . import bounds


@functools.lru_cache(maxsize=256)
def zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The time zone called `name`, or None when it is no zone a trip may use (briefing.bounds).

    Only listed names reach zoneinfo: it would look up any other as a path, a few hundred
    `A/A/…` deep ending in a RecursionError, and `localtime` as whatever the machine is set to.
    """
    if not bounds.zone_ok(name):
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


@functools.lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """The zone names a picker offers, sorted: those named by region (Asia/Seoul), and UTC."""
    return tuple(sorted(n for n in bounds.zones() if "/" in n or n == "UTC"))


def localize(moment: dt.datetime, tz_name: str) -> dt.datetime | None:
    """A naive local date-time made aware in `tz_name`; None if the zone is unknown.

    None too for a moment outside the bounds' years (a trip built through the API): comparing
    or converting year 1 or 9999 in a zone overflows.
    """
    tz = zone(tz_name)
    if tz is None or bounds.date_problem(moment.date()) is not None:
        return None
    return moment.replace(tzinfo=tz)


def at(day: dt.date, time: dt.time, tz_name: str) -> dt.datetime | None:
    return localize(dt.datetime.combine(day, time), tz_name)


def convert(moment: dt.datetime, tz_name: str) -> dt.datetime | None:
    """An aware date-time seen in another zone (naive local date-time there)."""
    tz = zone(tz_name)
    return None if tz is None else moment.astimezone(tz).replace(tzinfo=None)


def day_shift(local_day: dt.date, other_day: dt.date) -> str:
    """'+1', '-1' or '' — how a converted time's day differs from the day it was written on."""
    days = (other_day - local_day).days
    return "" if days == 0 else f"{days:+d}"
