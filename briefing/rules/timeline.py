"""The trip as one time-ordered list of events (stops, travel legs, stays), grouped by day.

Pure logic: the book's itinerary pages, the trip plan and the report (briefing.paperwork) and
their tests read it. When things happen (past midnight, on which local day) is briefing.schedule's
to say; this adds home time beside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.rules import clock, schedule
from briefing.trip.model import Stay, Stop, TravelLeg, Trip

STOP, LEG, STAY = "stop", "leg", "stay"
ARRIVAL = "arrival"  # a leg's arrival on a later local day than its departure


@dataclass(frozen=True)
class Moment:
    """A time as written (local) and the same instant at home; `home` is None if unknown."""

    local: dt.datetime
    home: dt.datetime | None

    @property
    def home_shift(self) -> str:
        """'+1' / '-1' when home time falls on another day than the local time."""
        return "" if self.home is None else clock.day_shift(self.local.date(), self.home.date())


def moment(local: dt.datetime | None, tz_name: str, home_tz: str) -> Moment | None:
    if local is None:
        return None
    aware = clock.localize(local, tz_name)
    home = clock.convert(aware, home_tz) if aware is not None else None
    return Moment(local, home)


@dataclass(frozen=True)
class Event:
    kind: str  # STOP, LEG, ARRIVAL or STAY
    day: dt.date | None  # the local day it happens on
    index: int  # position in trip.stops / trip.travel / trip.stays
    item: Stop | TravelLeg | Stay
    start: Moment | None = None
    end: Moment | None = None


def stop_times(trip: Trip, stop: Stop) -> tuple[Moment | None, Moment | None]:
    """A stop's start and end (the next day's, past midnight); (None, None) without a date."""
    if stop.date is None:
        return None, None
    tz, home = trip.stop_timezone(stop), trip.info.timezone
    start, end = schedule.stop_span(stop)
    return moment(start, tz, home), moment(end, tz, home)


def agenda_times(trip: Trip, stop: Stop) -> list[tuple[Moment | None, Moment | None]]:
    """Each agenda row's start and end (an item after midnight is on the next day); all None
    when the stop has no date."""
    times = schedule.agenda(stop)
    if stop.date is None:
        return [(None, None) for _ in times.rows]
    tz, home = trip.stop_timezone(stop), trip.info.timezone
    return [(moment(row.start, tz, home), moment(row.end, tz, home)) for row in times.rows]


def leg_times(trip: Trip, leg: TravelLeg) -> tuple[Moment | None, Moment | None]:
    depart_tz, arrive_tz = trip.leg_timezones(leg)
    home = trip.info.timezone
    return moment(leg.depart, depart_tz, home), moment(leg.arrive, arrive_tz, home)


def arrival_shift(leg: TravelLeg) -> str:
    """'+1' when a leg arrives on a later local day than it left (each in its own zone)."""
    depart, arrive = schedule.leg_days(leg)
    if depart is None or arrive is None:
        return ""
    return clock.day_shift(depart, arrive)


def events(trip: Trip) -> list[Event]:
    """Stops, legs (and their arrivals on a later day) and stay check-ins in time order."""
    found: list[tuple[tuple, Event]] = []
    for i, stop in enumerate(trip.stops):
        start, end = stop_times(trip, stop)
        day = schedule.stop_day(stop)
        found.append((_key(day, start, trip, 1), Event(STOP, day, i, stop, start, end)))
    for i, leg in enumerate(trip.travel):
        start, end = leg_times(trip, leg)
        day, arrival = schedule.leg_days(leg)
        found.append((_key(day, start, trip, 1), Event(LEG, day, i, leg, start, end)))
        if arrival is not None and day is not None and arrival > day:
            # An overnight flight lands on another day: that day has its line too (the trip's
            # last day is often nothing but the arrival home).
            found.append((_key(arrival, end, trip, 1), Event(ARRIVAL, arrival, i, leg, start, end)))
    for i, stay in enumerate(trip.stays):
        # A check-in has no time: it closes the day it happens on.
        found.append(((_day_ord(stay.check_in), 2, 0.0, i), Event(STAY, stay.check_in, i, stay)))
    found.sort(key=lambda pair: pair[0])
    return [event for _, event in found]


def _day_ord(day: dt.date | None) -> int:
    return day.toordinal() if day else 10**9


def _key(day: dt.date | None, start: Moment | None, trip: Trip, bucket: int) -> tuple:
    # Within a local day, order by the absolute instant, so that events in different zones
    # still come out in the order they happen; events without a time open the day.
    if start is None:
        return (_day_ord(day), 0, 0.0, 0)
    if start.home is None:
        return (_day_ord(day), bucket, start.local.timestamp(), 0)
    home_zone = clock.zone(trip.info.timezone)
    return (_day_ord(day), bucket, start.home.replace(tzinfo=home_zone).timestamp(), 0)


def days(trip: Trip) -> list[tuple[int | None, dt.date | None, list[Event]]]:
    """Events grouped by local day: (day number counted from the trip's start, date, events)."""
    groups: list[tuple[int | None, dt.date | None, list[Event]]] = []
    for event in events(trip):
        if groups and groups[-1][1] == event.day:
            groups[-1][2].append(event)
            continue
        groups.append((_day_number(trip, event.day, groups), event.day, [event]))
    return groups


def _day_number(trip: Trip, day: dt.date | None, groups: list) -> int | None:
    if day is None:
        return None
    if trip.info.start is not None:
        number = (day - trip.info.start).days + 1
        return number if number >= 1 else None
    return len(groups) + 1


def day_zones(trip: Trip, day: dt.date | None, events_of_day: list[Event]) -> list[str]:
    """The time zones a day's local times are in, in the order the day meets them (an event
    without a time prints no local time, so its zone does not count)."""
    zones: list[str] = []
    for event in events_of_day:
        if event.start is None and event.end is None:
            found = []
        elif event.kind == STOP:
            found = [trip.stop_timezone(event.item)]
        elif event.kind == LEG:
            depart, arrive = trip.leg_timezones(event.item)
            same_day = event.end is not None and event.end.local.date() == day
            found = [depart, arrive] if same_day else [depart]
        elif event.kind == ARRIVAL:
            found = [trip.leg_timezones(event.item)[1]]
        else:
            found = []  # a check-in has no time of its own
        zones += [z for z in found if z and z not in zones and clock.zone(z) is not None]
    return zones


def utc_offset(tz_name: str, day: dt.date) -> str:
    """'UTC+1', 'UTC+5:30', 'UTC-3': the zone's offset at noon that day ('' if unknown)."""
    aware = clock.at(day, dt.time(12), tz_name)
    offset = aware.utcoffset() if aware is not None else None
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
