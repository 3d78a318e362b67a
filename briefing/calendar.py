"""The trip's schedule as an iCalendar file (RFC 5545), for delegation members' own calendars.

Stops and travel legs become timed events in UTC (so every calendar shows them in its owner's
zone), stays become all-day events. The same trip gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from . import clock, model


def dumps(trip: model.Trip) -> str:
    info = trip.info
    stamp = _utc_stamp(dt.datetime.combine(info.updated or info.start or dt.date(2000, 1, 1), dt.time()))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Briefing//Briefing//KO", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_text(info.title)}"]
    for i, stop in enumerate(trip.stops):
        lines += _stop_event(trip, stop, i, stamp)
    for i, leg in enumerate(trip.travel):
        lines += _leg_event(trip, leg, i, stamp)
    for i, stay in enumerate(trip.stays):
        lines += _stay_event(trip, stay, i, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _stop_event(trip: model.Trip, stop: model.Stop, index: int, stamp: str) -> list[str]:
    if stop.date is None:
        return []
    tz = trip.stop_timezone(stop)
    start = clock.at(stop.date, stop.start or dt.time(9), tz)
    if start is None:
        return []
    if stop.end and stop.start and stop.end > stop.start:
        end = clock.at(stop.date, stop.end, tz)
    else:
        end = start + dt.timedelta(hours=1)
    where = ", ".join(x for x in (stop.venue, stop.address, stop.city, stop.country) if x)
    about = [stop.purpose.strip()] if stop.purpose.strip() else []
    if stop.host:
        about.insert(0, stop.host)
    for item in stop.agenda:
        when = item.time.strftime("%H:%M ") if item.time else ""
        about.append(f"{when}{item.item}")
    return _event(trip, f"stop{index}", stamp, _utc_stamp(start), _utc_stamp(end), stop.title,
                  where, "\n".join(about))


def _leg_event(trip: model.Trip, leg: model.TravelLeg, index: int, stamp: str) -> list[str]:
    if leg.depart is None:
        return []
    from_tz, to_tz = trip.leg_timezones(leg)
    start = clock.localize(leg.depart, from_tz)
    if start is None:
        return []
    end = clock.localize(leg.arrive, to_tz) if leg.arrive else None
    if end is None or end <= start:
        end = start + dt.timedelta(hours=1)
    name = " ".join(x for x in (leg.carrier, leg.number) if x)
    summary = f"{leg.origin} → {leg.destination}" + (f" ({name})" if name else "")
    notes = "\n".join(x for x in (leg.reference and f"예약 {leg.reference}", leg.notes) if x)
    return _event(trip, f"travel{index}", stamp, _utc_stamp(start), _utc_stamp(end), summary,
                  leg.origin, notes)


def _stay_event(trip: model.Trip, stay: model.Stay, index: int, stamp: str) -> list[str]:
    if stay.check_in is None:
        return []
    out = stay.check_out if stay.check_out and stay.check_out > stay.check_in else (
        stay.check_in + dt.timedelta(days=1))
    where = ", ".join(x for x in (stay.address, stay.city) if x)
    notes = "\n".join(x for x in (stay.phone, stay.notes) if x)
    return _event(trip, f"stay{index}", stamp, f"VALUE=DATE:{stay.check_in:%Y%m%d}",
                  f"VALUE=DATE:{out:%Y%m%d}", stay.name, where, notes)


def _event(trip, key, stamp, start, end, summary, where, description) -> list[str]:
    uid = hashlib.sha1(f"{trip.info.title}\n{trip.info.start}\n{key}".encode()).hexdigest()[:24]
    lines = ["BEGIN:VEVENT", f"UID:{uid}@briefing", f"DTSTAMP:{stamp}", _when("DTSTART", start),
             _when("DTEND", end), f"SUMMARY:{_text(summary)}"]
    if where:
        lines.append(f"LOCATION:{_text(where)}")
    if description:
        lines.append(f"DESCRIPTION:{_text(description)}")
    if trip.info.marking:
        lines.append("CLASS:CONFIDENTIAL")
    lines.append("END:VEVENT")
    return lines


def _when(name: str, value: str) -> str:
    if value.startswith("VALUE=DATE:"):
        return f"{name};{value}"
    return f"{name}:{value}"


def _utc_stamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)
