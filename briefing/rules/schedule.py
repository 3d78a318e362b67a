"""Every rule about time in a trip, in one place: the checks, the window's agenda tints, the book's
itinerary and the calendar all ask here, so that they never disagree.

The rules:

- Clock times are local: a stop's in its time zone, a leg's departure and arrival each in its
  own. Days are local days (a stop's `date`; a leg's departure and arrival dates as written).
- A stop whose end is earlier than its start runs past midnight: 22:00–01:00 ends at 01:00 the
  next day. An end equal to the start gives the stop no length (it is neither an empty moment
  nor 24 hours long): it counts as if no end were written.
- An agenda item is on its stop's day. In a stop that runs past midnight, an item whose time is
  earlier than the stop's start is on whichever day puts it nearer the stop's hours: 00:30 in a
  22:00–01:00 stop is the next day; 21:30 is the same day, half an hour before the stop begins.
  In any other stop there is no next day to guess at: 00:30 in a stop from 22:00 (no end) starts
  before the stop does, and is reported so that the writer adds the end.
- An item ends `minutes` after it starts (on the next day, if that is where it ends); without
  `minutes` it has no length. It is out of order when it starts before an earlier row starts
  (the cure is sorting, not shortening); else it overlaps when it starts before the latest end
  of any earlier row; it runs past the stop when its end (or, without a length, its start) is after the stop's
  end; it starts too early when it starts before the stop does.
- A stop without a date is laid out on a stand-in day (`UNDATED`), so that its agenda is still
  checked; only clock times and day offsets ('01:00 (+1)') of such a stop mean anything.

Local and absolute time are converted by briefing.clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.rules import clock
from briefing.trip import model

UNDATED = dt.date(2000, 1, 3)  # any day will do: local clock times never meet a zone's rules here

OVERLAP = "overlap"  # starts before an earlier row has ended
OUT_OF_ORDER = "out_of_order"  # starts before an earlier row starts: listed out of time order
PAST_END = "past_end"  # ends (or, without a length, starts) after the stop ends
BEFORE_START = "before_start"  # starts before the stop begins


# -- stops ---------------------------------------------------------------------------------------


def stop_day(stop: model.Stop) -> dt.date | None:
    """The local day a stop is on (the day of its start)."""
    return stop.date


def stop_end_time(stop: model.Stop) -> dt.time | None:
    """The stop's end as a clock time, or None when it has none (or one equal to its start)."""
    if stop.end is None or (stop.start is not None and stop.end == stop.start):
        return None
    return stop.end


def runs_overnight(stop: model.Stop) -> bool:
    end = stop_end_time(stop)
    return stop.start is not None and end is not None and end < stop.start


# Past midnight, a reception of a few hours is usual; a stop that would run this long or longer
# is more likely an end typed wrong (01:00 for 11:00), so the checks ask about it.
LONG_OVERNIGHT = dt.timedelta(hours=12)


def long_overnight(stop: model.Stop) -> dt.timedelta | None:
    """How long a stop that runs past midnight lasts, when that is LONG_OVERNIGHT or more."""
    if not runs_overnight(stop):
        return None
    start, end = stop_span(stop)
    return end - start if end - start >= LONG_OVERNIGHT else None


def stop_span(stop: model.Stop) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The stop's start and end as local date-times (on `UNDATED` when the stop has no date)."""
    day = stop.date or UNDATED
    start = dt.datetime.combine(day, stop.start) if stop.start is not None else None
    end_time = stop_end_time(stop)
    end = None
    if end_time is not None:
        end = dt.datetime.combine(day + dt.timedelta(days=runs_overnight(stop)), end_time)
    return start, end


def stop_begins(trip: model.Trip, stop: model.Stop) -> dt.datetime | None:
    """The absolute instant a stop begins (the start of its local day when it has no start
    time); None without a date or with an unknown zone."""
    if stop.date is None:
        return None
    return clock.at(stop.date, stop.start or dt.time(0), trip.stop_timezone(stop))


def stop_bounds(trip: model.Trip, stop: model.Stop) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The stop's start and end as absolute instants; None where there is no date, time or zone."""
    if stop.date is None:
        return None, None
    tz = trip.stop_timezone(stop)
    start, end = stop_span(stop)
    return (clock.localize(start, tz) if start else None, clock.localize(end, tz) if end else None)


# -- travel legs ---------------------------------------------------------------------------------


def leg_days(leg: model.TravelLeg) -> tuple[dt.date | None, dt.date | None]:
    """The local days a leg departs and arrives on, each in its own zone."""
    return (leg.depart.date() if leg.depart else None, leg.arrive.date() if leg.arrive else None)


def leg_bounds(trip: model.Trip, leg: model.TravelLeg) -> tuple[dt.datetime | None, dt.datetime | None]:
    """A leg's departure and arrival as absolute instants; None where unknown."""
    from_tz, to_tz = trip.leg_timezones(leg)
    depart = clock.localize(leg.depart, from_tz) if leg.depart else None
    arrive = clock.localize(leg.arrive, to_tz) if leg.arrive else None
    return depart, arrive


# -- the agenda ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """Something wrong with one agenda row's times.

    `at` is the time that is wrong (the row's start; for PAST_END its end, or its start when it
    has no length), `limit` what it collides with (the other row's end, the stop's end or start),
    `other` the row it overlaps or should come before (OVERLAP, OUT_OF_ORDER), counted from 0.
    """

    kind: str
    row: int
    at: dt.datetime
    limit: dt.datetime
    other: int | None = None


@dataclass(frozen=True)
class AgendaRow:
    start: dt.datetime | None  # local; None for an item without a time
    end: dt.datetime | None  # None without a length
    findings: tuple[Finding, ...] = ()

    def has(self, kind: str) -> bool:
        return any(f.kind == kind for f in self.findings)


@dataclass(frozen=True)
class Agenda:
    day: dt.date  # the stop's day (or UNDATED): what '(+1)' counts from
    start: dt.datetime | None  # the stop's
    end: dt.datetime | None
    rows: tuple[AgendaRow, ...] = field(default_factory=tuple)

    @property
    def findings(self) -> list[Finding]:
        return [f for row in self.rows for f in row.findings]

    def flagged(self, kind: str | None = None) -> set[int]:
        """The rows with a finding (of `kind`, if given)."""
        return {f.row for f in self.findings if kind is None or f.kind == kind}

    @property
    def last_end(self) -> dt.datetime | None:
        ends = [row.end for row in self.rows if row.end is not None]
        return max(ends) if ends else None


def item_start(stop: model.Stop, time: dt.time) -> dt.datetime:
    """An agenda time as a local date-time within its stop (see the module's rules)."""
    day = stop.date or UNDATED
    moment = dt.datetime.combine(day, time)
    if runs_overnight(stop) and time < stop.start:
        start, end = stop_span(stop)
        after = max(dt.timedelta(0), moment + dt.timedelta(days=1) - end)
        before = start - moment
        if after <= before:
            moment += dt.timedelta(days=1)
    return moment


def agenda(stop: model.Stop) -> Agenda:
    """Each agenda row's local start and end, and what is wrong with its times."""
    start, end = stop_span(stop)
    rows: list[AgendaRow] = []
    latest: tuple[int, dt.datetime] | None = None  # the earlier row that ends last
    last_start: tuple[int, dt.datetime] | None = None  # the earlier row that starts last
    for j, item in enumerate(stop.agenda):
        if item.time is None:
            rows.append(AgendaRow(None, None))
            continue
        begins = item_start(stop, item.time)
        ends = begins + dt.timedelta(minutes=item.minutes) if item.minutes is not None else None
        found = []
        if start is not None and begins < start:
            found.append(Finding(BEFORE_START, j, begins, start))
        if last_start is not None and begins < last_start[1]:
            found.append(Finding(OUT_OF_ORDER, j, begins, last_start[1], other=last_start[0]))
        elif latest is not None and begins < latest[1]:
            found.append(Finding(OVERLAP, j, begins, latest[1], other=latest[0]))
        if end is not None and (ends or begins) > end:
            found.append(Finding(PAST_END, j, ends or begins, end))
        rows.append(AgendaRow(begins, ends, tuple(found)))
        if ends is not None and (latest is None or ends > latest[1]):
            latest = (j, ends)
        if last_start is None or begins > last_start[1]:
            last_start = (j, begins)
    return Agenda(stop.date or UNDATED, start, end, tuple(rows))


# -- words ---------------------------------------------------------------------------------------


def clock_text(moment: dt.datetime, day: dt.date) -> str:
    """'HH:MM', with ' (+1)' when `moment` is on a later day than `day` (' (-1)' earlier)."""
    text = f"{moment:%H:%M}"
    shift = clock.day_shift(day, moment.date())
    return f"{text} ({shift})" if shift else text


# -- clock changes -------------------------------------------------------------------------------
# Readers must be told the night their clocks jump (daylight saving) and the leg on which they
# cross many zones or the date line: a meeting set for "09:00" the morning after is otherwise
# an hour off.


@dataclass(frozen=True)
class ClockChange:
    """A zone's clocks jumping: at local wall time `at` (as read just before) by `after - before`."""

    zone: str
    at: dt.datetime  # naive local time the clocks show when they jump
    before: dt.timedelta  # UTC offsets
    after: dt.timedelta

    @property
    def shift(self) -> dt.timedelta:
        return self.after - self.before

    @property
    def notice_day(self) -> dt.date:
        """The local day whose sheet warns of it: a jump in the small hours is that night's
        ('tonight'), one later in the day is that day's."""
        return self.at.date() - dt.timedelta(days=1) if self.at.hour < 12 else self.at.date()


def clock_changes(tz_name: str, first: dt.date, last: dt.date) -> list[ClockChange]:
    """Every jump of a zone's clocks on the local days `first` to `last` (daylight saving in or
    out, a zone's offset redrawn); [] for an unknown zone or days outside the bounds."""
    tz = clock.zone(tz_name)
    start = clock.at(first, dt.time(0), tz_name)
    end = clock.at(last + dt.timedelta(days=1), dt.time(0), tz_name)
    if tz is None or start is None or end is None or end <= start:
        return []
    utc = dt.UTC

    def offset(instant: dt.datetime) -> dt.timedelta:
        return instant.astimezone(tz).utcoffset() or dt.timedelta(0)

    found: list[ClockChange] = []
    lo = start.astimezone(utc)
    end = end.astimezone(utc)
    step = dt.timedelta(hours=6)  # no zone jumps twice within six hours
    while lo < end:
        hi = min(lo + step, end)
        before, after = offset(lo), offset(hi)
        if before != after:
            a, b = lo, hi  # the jump is after a and at or before b: halve to the minute
            while b - a > dt.timedelta(minutes=1):
                mid = a + (b - a) / 2
                if offset(mid) == before:
                    a = mid
                else:
                    b = mid
            b = b.replace(second=0, microsecond=0)
            if offset(b) == before:
                b += dt.timedelta(minutes=1)
            found.append(ClockChange(tz_name, (b + before).replace(tzinfo=None), before, after))
        lo = hi
    return found


def leg_clock_shift(trip: model.Trip, leg: model.TravelLeg) -> dt.timedelta | None:
    """How far a traveller's clock moves on a leg: the arrival zone's UTC offset on arrival less
    the departure zone's on departure; None when a time or zone is unknown."""
    depart, arrive = leg_bounds(trip, leg)
    if depart is None or arrive is None:
        return None
    return (arrive.utcoffset() or dt.timedelta(0)) - (depart.utcoffset() or dt.timedelta(0))


def crosses_date_line(shift: dt.timedelta) -> bool:
    """Whether a clock shift that large means flying over the date line: going the short way
    round, a change of more than twelve hours cannot be made without crossing it."""
    return abs(shift) > dt.timedelta(hours=12)
