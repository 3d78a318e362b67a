"""The trip day by day, every calendar day from its start to its end (empty days included): what
happens, where the delegation is and sleeps, whom to call, and when the clocks jump.

Pure logic: the book's day sheets print it, and anything else that lists the trip by day can read
it. When things happen is briefing.schedule's to say; the events come from briefing.timeline.

A day's places are the cities the delegation is in that day, in the order it meets them: the
hotel it wakes up in, each stop's city, where each leg leaves from and goes to (when that is one
of the trip's stop or hotel cities), the hotel it sleeps in. A time zone is named after those
cities, never after the zone database's city ("Europe/Madrid" is "Barcelona" on a Barcelona day).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefing.rules import clock, schedule
from briefing.rules.timeline import ARRIVAL, LEG, STAY, STOP, Event, agenda_times, moment
from briefing.rules.timeline import days as event_days
from briefing.trip.model import Contact, Person, Stay, Stop, TravelLeg, Trip
from briefing.trip.textblocks import blocks

AGENDA = "agenda"  # a row of a stop's agenda (item: the AgendaItem, index: the stop's)
PLAN = "plan"  # a timed line of a stop's logistics, e.g. "08:45 lobby call" (item: its text)

DST, TRAVEL = "dst", "travel"

MAX_DAYS = 366  # a longer span (a typo in a year) lists only the days that have events

_LEADING_TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)[\s,.:–—-]*")
_CODE = re.compile(r"\s*\([^)]*\)\s*$")  # "Frankfurt (FRA)": the airport code


@dataclass(frozen=True)
class Notice:
    """The clocks change: overnight in the zone the delegation sleeps in (DST), or on a leg
    that lands in another offset (TRAVEL)."""

    kind: str  # DST or TRAVEL
    shift: dt.timedelta  # how far clocks move: positive forward
    zone: str  # the zone whose clocks these are afterwards
    at: dt.datetime | None = None  # DST: the local wall time of the jump
    leg: TravelLeg | None = None  # TRAVEL: the leg
    place: str = ""  # TRAVEL: where it lands, in the trip's words
    date_line: bool = False


@dataclass
class Day:
    number: int | None  # counted from the trip's start (1일차); None before it or undated
    date: dt.date | None
    events: list[Event] = field(default_factory=list)  # in time order, agenda and plans included
    zones: list[tuple[str, list[str]]] = field(default_factory=list)  # zone, its cities today
    night: Stay | None = None  # where the delegation sleeps
    night_leg: TravelLeg | None = None  # ... or on board, overnight
    contacts: list[Contact] = field(default_factory=list)
    # The delegation's own members to call that day: those with a phone who are with the
    # delegation (at one of its stops, or on a day without stops), the principal excepted.
    members: list[Person] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    # Legs in the air the whole local day (a day lost over the date line, a long flight)
    in_air: list[TravelLeg] = field(default_factory=list)


def trip_days(trip: Trip) -> list[Day]:
    """One Day for every date from the trip's start to its end, and for any other date (or no
    date) that has events, in date order (undated last)."""
    grouped = {day: events for _, day, events in event_days(trip)}
    dates: set[dt.date] = {d for d in grouped if d is not None}
    start, end = trip.info.start, trip.info.end
    if start is not None and end is not None and 0 <= (end - start).days <= MAX_DAYS:
        dates.update(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    places = _Places(trip)
    out = [_day(trip, places, d, grouped.get(d, [])) for d in sorted(dates)]
    if None in grouped:
        out.append(Day(None, None, _with_details(trip, grouped[None])))
    return out


def _day(trip: Trip, places: _Places, day: dt.date, events: list[Event]) -> Day:
    number = None
    if trip.info.start is not None and day >= trip.info.start:
        number = (day - trip.info.start).days + 1
    out = Day(number, day, _with_details(trip, events))
    out.night = next((s for s in trip.stays if s.check_in and s.check_out
                      and s.check_in <= day < s.check_out), None)
    if out.night is None:
        out.night_leg = next((leg for leg in trip.travel if leg.depart and leg.arrive
                              and leg.depart.date() <= day < leg.arrive.date()), None)
    morning = next((s for s in trip.stays if s.check_in and s.check_out
                    and s.check_in < day <= s.check_out), None)
    out.zones = places.zones(day, morning, out.events, out.night)
    out.contacts = places.contacts([c for _, cities in out.zones for c in cities])
    out.members = members_on_duty(trip, [e.item for e in out.events if e.kind == STOP])
    out.in_air = [leg for leg in trip.travel if leg.depart and leg.arrive
                  and leg.depart.date() < day < leg.arrive.date()]
    out.notices = _notices(trip, places, day, out)
    return out


def members_on_duty(trip: Trip, stops: list[Stop]) -> list[Person]:
    """Delegation members with a phone who are with the delegation at one of `stops` (every
    member when there are none), in the delegation's order; the principal (listed first, the
    one the book is for) is not among the people to call."""
    out = []
    for person in trip.delegation[1:]:
        if not person.phone.strip():
            continue
        if stops and not any(s.attendees is None or person.key in s.attendees for s in stops):
            continue
        out.append(person)
    return out


# -- what happens --------------------------------------------------------------------------------


def _with_details(trip: Trip, events: list[Event]) -> list[Event]:
    """The day's events with each stop's agenda rows and timed logistics lines, in time order."""
    found: list[tuple[tuple, Event]] = []
    for seq, event in enumerate(events):
        found.append((_order(trip, event, seq), event))
        if event.kind != STOP or event.item.date is None:
            continue
        stop: Stop = event.item
        for row, (start, end) in zip(stop.agenda, agenda_times(trip, stop), strict=False):
            if start is not None:
                sub = Event(AGENDA, event.day, event.index, row, start, end)
                found.append((_order(trip, sub, seq), sub))
        for text, when in plans(stop):
            if _is_leg_time(trip, stop, when, events):
                continue  # the leg's own row says it
            local = dt.datetime.combine(stop.date, when)
            sub = Event(PLAN, event.day, event.index, text,
                        moment(local, trip.stop_timezone(stop), trip.info.timezone))
            found.append((_order(trip, sub, seq), sub))
    found.sort(key=lambda pair: pair[0])
    return [event for _, event in found]


def plans(stop: Stop) -> list[tuple[str, dt.time]]:
    """The lines of a stop's logistics that start with a time ("08:45 lobby call, ..."): the
    lobby calls, departures and meals of its day. The time is left off the text."""
    out = []
    for block in blocks(stop.logistics):
        text = " ".join(block.lines).strip()
        match = _LEADING_TIME.match(text)
        if match and text[match.end():].strip():
            out.append((text[match.end():].strip(), dt.time(int(match[1]), int(match[2]))))
    return out


def _is_leg_time(trip: Trip, stop: Stop, when: dt.time, events: list[Event]) -> bool:
    zone = trip.stop_timezone(stop)
    return any(e.kind == LEG and e.item.depart is not None and e.item.depart.time() == when
               and trip.leg_timezones(e.item)[0] == zone for e in events)


_RANK = {PLAN: 0, STOP: 1, LEG: 1, ARRIVAL: 1, AGENDA: 2, STAY: 3}


def _order(trip: Trip, event: Event, seq: int) -> tuple:
    # By the absolute instant, so that events in different zones come out in the order they
    # happen; what has no time opens the day, a check-in closes it.
    when = event.end if event.kind == ARRIVAL else event.start
    if event.kind == STAY:
        return (2, 0.0, 0, seq)
    if when is None:
        return (0, 0.0, 0, seq)
    if when.home is not None:
        home = clock.localize(when.home, trip.info.timezone)
        stamp = home.timestamp() if home is not None else when.local.timestamp()
    else:
        stamp = when.local.timestamp()
    return (1, stamp, _RANK.get(event.kind, 1), seq)


# -- where the delegation is ----------------------------------------------------------------------


class _Places:
    """The trip's own place names (stop and hotel cities, stop countries) and their zones."""

    def __init__(self, trip: Trip):
        self.trip = trip
        self.cities = sorted({c.strip() for c in (*(s.city for s in trip.stops),
                                                  *(s.city for s in trip.stays)) if c.strip()},
                             key=len, reverse=True)  # longest first: "Frankfurt am Main"
        self.zone_of: dict[str, str] = {}
        self.country_of: dict[str, str] = {}
        for stop in trip.stops:
            city = stop.city.strip()
            if city:
                self.zone_of.setdefault(city, trip.stop_timezone(stop))
                if stop.country.strip():
                    self.country_of.setdefault(city, stop.country.strip())
        for leg in trip.travel:  # a hotel city no stop is in: the zone of a leg landing there
            city = self.city_in(leg.destination)
            if city:
                self.zone_of.setdefault(city, trip.leg_timezones(leg)[1])
        self.names = [n for n in {*self.cities, *self.country_of.values()} if len(n) >= 2]

    def city_in(self, text: str) -> str:
        """The trip city a leg's end names ("Frankfurt (FRA)", "Barcelona airport"), or ""."""
        text = _CODE.sub("", text or "").strip()
        for city in self.cities:
            if text == city or text.startswith(city):
                return city
        return ""

    def zones(self, day: dt.date, morning: Stay | None, events: list[Event],
              night: Stay | None) -> list[tuple[str, list[str]]]:
        trip = self.trip
        seen: list[tuple[str, str]] = []  # (zone, city or "")
        if morning is not None:
            seen.append((self.zone_of.get(morning.city.strip(), ""), morning.city.strip()))
        for event in events:
            if event.kind == STOP:
                seen.append((trip.stop_timezone(event.item), event.item.city.strip()))
            elif event.kind == LEG and event.start is not None:
                depart, arrive = trip.leg_timezones(event.item)
                seen.append((depart, self.city_in(event.item.origin)))
                if event.end is not None and event.end.local.date() == day:
                    seen.append((arrive, self.city_in(event.item.destination)))
            elif event.kind == ARRIVAL:
                seen.append((trip.leg_timezones(event.item)[1],
                             self.city_in(event.item.destination)))
        if night is not None:
            seen.append((self.zone_of.get(night.city.strip(), ""), night.city.strip()))
        out: dict[str, list[str]] = {}
        for zone, city in seen:
            if not zone or clock.zone(zone) is None:
                continue
            names = out.setdefault(zone, [])
            if city and city not in names:
                names.append(city)
        return list(out.items())

    def contacts(self, cities: list[str]) -> list[Contact]:
        """The contacts for a day in these cities: those that name one of the trip's cities or
        countries when the day is there, and those that name none (home, an emergency line)."""
        here = {*cities, *(self.country_of.get(c, "") for c in cities)} - {""}
        out = []
        for contact in self.trip.contacts:
            text = " ".join((contact.name, contact.role, contact.notes))
            named = {n for n in self.names if n in text}
            if not named or named & here:
                out.append(contact)
        return out


# -- clocks ---------------------------------------------------------------------------------------


def _notices(trip: Trip, places: _Places, day: dt.date, sheet: Day) -> list[Notice]:
    out: list[Notice] = []
    for event in sheet.events:
        if event.kind != LEG:
            continue
        leg: TravelLeg = event.item
        shift = schedule.leg_clock_shift(trip, leg)
        if shift:
            place = places.city_in(leg.destination) or leg.destination.strip()
            out.append(Notice(TRAVEL, shift, trip.leg_timezones(leg)[1], leg=leg, place=place,
                              date_line=schedule.crosses_date_line(shift)))
    zone = ""
    if sheet.night is not None:
        zone = places.zone_of.get(sheet.night.city.strip(), "")
    if not zone and sheet.night_leg is None and sheet.zones:
        zone = sheet.zones[-1][0]
    if zone:
        for change in schedule.clock_changes(zone, day, day + dt.timedelta(days=1)):
            if change.notice_day == day:
                out.append(Notice(DST, change.shift, zone, at=change.at))
    return out
