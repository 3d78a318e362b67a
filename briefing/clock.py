"""Local time and home time: the conversions that itineraries and checks need."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo


@functools.lru_cache(maxsize=256)
def zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The time zone called `name`, or None when there is no such IANA zone."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


@functools.lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted (for pickers and 'did you mean')."""
    return tuple(sorted(n for n in zoneinfo.available_timezones() if "/" in n or n == "UTC"))


def localize(moment: dt.datetime, tz_name: str) -> dt.datetime | None:
    """A naive local date-time made aware in `tz_name`; None if the zone is unknown."""
    tz = zone(tz_name)
    return None if tz is None else moment.replace(tzinfo=tz)


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
