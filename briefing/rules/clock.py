"""Local time and home time: the conversions that itineraries and checks need."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import zoneinfo

from briefing.trip import bounds
from briefing.trip.problems import msg


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


# -- times and dates as people type them --------------------------------------------------------
# Staff type times as HWP and Excel taught them (1245, 12.45, 9:5) and dates as Korean papers
# write them (2023. 2. 27.); each form is read as the one moment it means, and anything that
# could mean two things is refused with a reason rather than guessed.

_CLOCK = re.compile(r"(\d{1,2})\s*[:.]\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?")
_DIGITS = re.compile(r"\d{1,4}")
_FULL_DATE = re.compile(r"(\d+)\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d+)\s*\.?")
_EIGHT_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?")
_DATE_AND_TIME = re.compile(r"(.+?)(?:\s+|(?<=\d)[Tt](?=\d))(\S+)")


def _plain(text: str) -> str:
    """Full-width digits and colons (a Korean input method's) as the ASCII ones."""
    return unicodedata.normalize("NFKC", text).strip()


def read_time(text: str) -> dt.time:
    """The time `text` means: '12:45', '12.45', '1245', '930', '9:5' (09:05), '9' (09:00).

    ValueError with a translatable Message saying how to write a time, for anything else.
    """
    plain = _plain(text)
    m = _CLOCK.fullmatch(plain)
    if m:
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    elif _DIGITS.fullmatch(plain):
        hour, minute, second = (int(plain[:-2]), int(plain[-2:]), 0) if len(plain) > 2 else (int(plain), 0, 0)
    else:
        raise ValueError(msg("`{text}` is not a time; write it as 12:45, 12.45 or 1245",
                             text=bounds.shown(text.strip())))
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(msg("‘{text}’ is not a time of day; use 00:00 to 23:59", text=bounds.shown(plain)))
    return dt.time(hour, minute, second)


def read_date(text: str, near: dt.date | None = None) -> dt.date:
    """The date `text` means: '2023-02-27', '2023.2.27', '2023. 2. 27.', '20230227', and '2/27'
    or '2.27' (month and day) in the year that puts it nearest `near` (the trip's first day, so
    '1/2' on a trip from 28 December is in the next year).

    ValueError with a translatable Message for anything else, a month/day with no `near` too.
    """
    plain = _plain(text)
    m = _FULL_DATE.fullmatch(plain) or _EIGHT_DIGITS.fullmatch(plain)
    if m and len(m[1]) == 4 and len(m[3]) <= 2:
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m:  # 27/2/2023 or 2/27/23: which is the day depends on who wrote it
        raise ValueError(msg("`{text}`: write the year first and in full, as 2023-02-27 or 2023.2.27",
                             text=bounds.shown(plain)))
    elif (m := _MONTH_DAY.fullmatch(plain)) and near is not None:
        parts = _nearest_year(int(m[1]), int(m[2]), near), int(m[1]), int(m[2])
    elif m:
        raise ValueError(msg("`{text}` has no year; write it as 2023-02-27",
                             text=bounds.shown(plain)))
    else:
        raise ValueError(msg("`{text}` is not a date; write it as 2023-02-27, 2023.2.27 or 2/27",
                             text=bounds.shown(text.strip())))
    try:
        day = dt.date(*parts)
    except ValueError:
        raise ValueError(msg("‘{text}’ is not a real date (no such day in the calendar)",
                             text=bounds.shown(plain))) from None
    problem = bounds.date_problem(day)
    if problem is not None:
        raise ValueError(problem)
    return day


def _nearest_year(month: int, day: int, near: dt.date) -> int:
    def distance(year: int) -> int:
        try:
            return abs((dt.date(year, month, day) - near).days)
        except ValueError:  # no such day that year (29 February); the caller says so
            return 1 << 30

    return min((near.year, near.year + 1, near.year - 1), key=distance)


def read_datetime(text: str, near: dt.date | None = None) -> dt.datetime:
    """A date and a time, each as read_date and read_time read them ('2/27 930',
    '2023.2.27 12.45', '2023-02-27 09:30')."""
    m = _DATE_AND_TIME.fullmatch(_plain(text))
    if m is None:
        raise ValueError(msg(
            "‘{text}’ is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2023-02-26 13:00",
            text=bounds.shown(text.strip())))
    return dt.datetime.combine(read_date(m[1], near), read_time(m[2]))
