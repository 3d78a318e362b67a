"""The trip's schedule as an iCalendar file (RFC 5545), for delegation members' own calendars.

Written with the `icalendar` package, which quotes, escapes, folds and builds each time zone's
VTIMEZONE from the zone database, so this module only decides what goes in:

- Stops and travel legs are timed events in their own zone (`DTSTART;TZID=Europe/Madrid`, with
  a VTIMEZONE for each zone used), so that a calendar can show the local time where the event is
  and still place it right in its owner's zone. A leg starts in its departure zone and ends in
  its arrival zone. Stays, and stops with a date but no start time, are all-day events.
- When things happen is briefing.schedule's to say: a stop from 22:00 to 01:00 ends at 01:00 the
  next day. A stop without an end, or a leg without a later arrival, is shown as one hour long,
  since a calendar shows next to nothing of an event without length.
- A UID follows what identifies the event, not its position, so that inserting, deleting or
  reordering stops changes no other event's UID: the trip's start date with the stop's date and
  title (a leg's departure and route, a stay's check-in and name), and a counter for exact
  duplicates. The price: changing a stop's title or date, or the trip's start, makes it a new
  event for calendars, which then hold the old one until it is deleted or the calendar is
  re-subscribed. A personal calendar (`reader`) keeps the UIDs of the full one.
- Control characters are left out of every text (RFC 5545 forbids them).
- The same trip gives the same bytes: DTSTAMP is the trip's `updated` date (else its start), and
  time zones are written in name order, covering only the trip's dates.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import re

import icalendar

from briefing.rules import schedule
from briefing.trip import model

_HOUR = dt.timedelta(hours=1)
# C0 controls other than tab and line feed, DEL, C1 controls and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def dumps(trip: model.Trip, reader: str | None = None) -> str:
    """The calendar of `trip`; with `reader` (a delegation member's id) only the stops that
    member attends (a stop without an attendees list is everyone's), and every leg and stay."""
    person = None
    if reader:
        person = trip.person(reader)
        if person is None:
            raise ValueError(f"no delegation member with the id ‘{reader}’")
    info = trip.info
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Briefing//Briefing//KO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = f"{info.title} — {person.name}" if person is not None and person.name else info.title
    # A calendar's name is one line: icalendar writes this property as it is, unescaped.
    cal.add("x-wr-calname", _text(name).replace("\n", " "))
    stamp = dt.datetime.combine(info.updated or info.start or dt.date(2000, 1, 1), dt.time(),
                                tzinfo=dt.UTC)
    uids = _uids(trip)
    events: list[icalendar.Event] = []
    for i, stop in enumerate(trip.stops):
        if person is None or stop.attendees is None or person.key in stop.attendees:
            events += _stop_event(trip, stop, uids[("stop", i)])
    for i, leg in enumerate(trip.travel):
        events += _leg_event(trip, leg, uids[("leg", i)])
    for i, stay in enumerate(trip.stays):
        events += _stay_event(stay, uids[("stay", i)])
    for zone in _zones(events):
        cal.add_component(zone)
    for event in events:
        event.add("dtstamp", stamp)
        if info.marking:
            event.add("class", "CONFIDENTIAL")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def _stop_event(trip: model.Trip, stop: model.Stop, uid: str) -> list[icalendar.Event]:
    if stop.date is None:
        return []
    start, end = schedule.stop_bounds(trip, stop)
    if stop.start is not None and start is None:  # an unknown zone: no time to put it at
        return []
    where = ", ".join(x for x in (stop.venue, stop.address, stop.city, stop.country) if x)
    about = [stop.host] if stop.host else []
    if stop.purpose.strip():
        about.append(stop.purpose.strip())
    times = schedule.agenda(stop)
    for item, row in zip(stop.agenda, times.rows, strict=True):
        when = schedule.clock_text(row.start, times.day) + " " if row.start else ""
        about.append(f"{when}{item.item}")
    if start is None:
        return [_event(uid, stop.date, stop.date + dt.timedelta(days=1), stop.title, where,
                       "\n".join(about))]
    return [_event(uid, start, end if end and end > start else start + _HOUR, stop.title,
                   where, "\n".join(about))]


def _leg_event(trip: model.Trip, leg: model.TravelLeg, uid: str) -> list[icalendar.Event]:
    start, end = schedule.leg_bounds(trip, leg)
    if start is None:
        return []
    name = " ".join(x for x in (leg.carrier, leg.number) if x)
    summary = f"{leg.origin} → {leg.destination}" + (f" ({name})" if name else "")
    notes = "\n".join(x for x in (leg.reference and f"예약 {leg.reference}", leg.notes) if x)
    return [_event(uid, start, end if end and end > start else start + _HOUR, summary,
                   leg.origin, notes)]


def _stay_event(stay: model.Stay, uid: str) -> list[icalendar.Event]:
    if stay.check_in is None:
        return []
    out = stay.check_out if stay.check_out and stay.check_out > stay.check_in else (
        stay.check_in + dt.timedelta(days=1))
    where = ", ".join(x for x in (stay.address, stay.city) if x)
    notes = "\n".join(x for x in (stay.phone, stay.notes) if x)
    return [_event(uid, stay.check_in, out, stay.name, where, notes)]


def _event(uid: str, start, end, summary: str, where: str, description: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", _text(summary))
    if _text(where):
        event.add("location", _text(where))
    if _text(description):
        event.add("description", _text(description))
    return event


def _uids(trip: model.Trip) -> dict[tuple[str, int], str]:
    """Every event's UID, keyed by (kind, position); see the module's notes for why."""
    start = str(trip.info.start or "")
    keys = {("stop", i): ("stop", start, str(s.date), s.title) for i, s in enumerate(trip.stops)}
    keys |= {("leg", i): ("leg", start, str(leg.depart), leg.origin, leg.destination)
             for i, leg in enumerate(trip.travel)}
    keys |= {("stay", i): ("stay", start, str(s.check_in), s.name) for i, s in enumerate(trip.stays)}
    seen: collections.Counter = collections.Counter()
    out = {}
    for where, key in keys.items():
        seen[key] += 1
        text = "\n".join(key) + (f"\n{seen[key]}" if seen[key] > 1 else "")
        out[where] = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:24] + "@briefing"
    return out


def _zones(events: list[icalendar.Event]) -> list[icalendar.Timezone]:
    """A VTIMEZONE for each zone the events' times are in, covering the days they span."""
    days: dict[str, list[dt.date]] = collections.defaultdict(list)
    for event in events:
        for name in ("dtstart", "dtend"):
            value = event[name].dt
            key = getattr(getattr(value, "tzinfo", None), "key", None)
            if key and key != "UTC":
                days[key].append(value.date())
    out = []
    for key in sorted(days):
        first, last = min(days[key]), max(days[key])
        out.append(icalendar.Timezone.from_tzid(key, first_date=first - dt.timedelta(days=1),
                                                last_date=last + dt.timedelta(days=1)))
    return out


def _text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", value)
