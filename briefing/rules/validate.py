"""Checks over a whole trip: what stops an export (errors) and what a reader should look at
(warnings). Every message names the field and, for a trip read from a file, its position."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from briefing.rules import schedule
from briefing.trip import bounds, model, schema
from briefing.trip.problems import ERROR, WARNING, Message, Problem, msg

_ID_LIKE = set("abcdefghijklmnopqrstuvwxyz0123456789_-.")
_CURRENCY = re.compile(r"[A-Z]{3}")  # ISO 4217's form; the code list itself changes over time


def validate(trip: model.Trip) -> list[Problem]:
    """Every error and warning about `trip`, in file order."""
    checker = _Checker(trip)
    checker.run()
    return sorted(checker.problems, key=_order)


class _Checker:
    def __init__(self, trip: model.Trip):
        self.trip = trip
        self.problems: list[Problem] = []
        self.keys = [p.key for p in trip.delegation]
        self.home = trip.info.timezone

    # -- reporting ------------------------------------------------------------------------------

    def add(self, severity: str, path: tuple, message: Message) -> None:
        source = self.trip.source
        file, line, column = "", 0, 0
        if source is not None:
            file = source.file
            line, column = source.locate(path)
        self.problems.append(Problem(severity, schema.format_path(path), message, file, line, column))

    def error(self, path: tuple, message: Message) -> None:
        self.add(ERROR, path, message)

    def warn(self, path: tuple, message: Message) -> None:
        self.add(WARNING, path, message)

    # -- generic field checks -------------------------------------------------------------------

    def record(self, obj, path: tuple) -> None:
        for f in schema.fields_of(type(obj)):
            value = getattr(obj, f.name)
            if f.required and (value is None or value == ""):
                self.error(path + (f.key,), msg("empty; this field must be filled in"))
            if f.choices and value and value not in f.choices:
                hint = difflib.get_close_matches(value, f.choices, n=1, cutoff=0.5)
                fix = msg("did you mean `{name}`? ", name=hint[0]) if hint else ""
                self.error(path + (f.key,), msg(
                    "`{value}` is not one of the choices; {hint}use one of: {choices}",
                    value=value, hint=fix, choices=", ".join(f.choices)))

    def timezone(self, name: str, path: tuple) -> bool:
        problem = bounds.zone_problem(name) if name else None
        if problem is not None:
            self.error(path, problem)
        return problem is None

    def reference(self, key: str, path: tuple) -> None:
        if key and key not in self.keys:
            self.warn(path, msg("`{key}` is not in the delegation; {hint}",
                                key=key, hint=_id_hint(key, self.keys)))

    # -- the trip -------------------------------------------------------------------------------

    def run(self) -> None:
        trip, info = self.trip, self.trip.info
        # What a file cannot hold: a loaded trip has none, one built through the API may.
        for path, message in bounds.trip_problems(trip):
            self.error(path, message)
        self.record(info, ("trip",))
        self.timezone(info.home_timezone, ("trip", "home_timezone"))
        if info.start and info.end and info.end < info.start:
            self.error(("trip", "end"), msg("the trip ends ({end}) before it starts ({start})",
                                            end=info.end, start=info.start))
        seen: dict[str, int] = {}
        for i, person in enumerate(trip.delegation):
            path = ("delegation", i)
            self.record(person, path)
            if person.key and person.key in seen:
                self.error(path + ("id" if person.id else "name",), msg(
                    "`{key}` also names delegation row {n}; give each member a different id",
                    key=person.key, n=seen[person.key] + 1))
            seen.setdefault(person.key, i)
        for i, stop in enumerate(trip.stops):
            self.stop(stop, ("stops", i))
        self.stop_order()
        for i, leg in enumerate(trip.travel):
            self.leg(leg, ("travel", i))
        for i, stay in enumerate(trip.stays):
            path = ("stays", i)
            self.record(stay, path)
            if stay.check_in and stay.check_out and stay.check_out < stay.check_in:
                self.error(path + ("check_out",), msg(
                    "check-out ({check_out}) is before check-in ({check_in})",
                    check_out=stay.check_out, check_in=stay.check_in))
        for i, contact in enumerate(trip.contacts):
            self.record(contact, ("contacts", i))
        self.paperwork()

    def paperwork(self) -> None:
        """Format 2's trip fields: the plan's budget and the post-trip report."""
        info = self.trip.info
        for i, line in enumerate(info.budget):
            path = ("trip", "budget", i)
            self.record(line, path)
            if line.currency and not _CURRENCY.fullmatch(line.currency):
                self.warn(path + ("currency",), msg(
                    "`{currency}` is not a currency code; write the ISO 4217 code, e.g. KRW, EUR, USD",
                    currency=bounds.shown(line.currency)))
        self.record(info.report, ("trip", "report"))
        if info.report.date and info.end and info.report.date < info.end:
            self.warn(("trip", "report", "date"), msg(
                "the report is dated {date}, before the trip ends ({end})",
                date=info.report.date, end=info.end))

    def stop(self, stop: model.Stop, path: tuple) -> None:
        info = self.trip.info
        self.record(stop, path)
        self.timezone(stop.timezone, path + ("timezone",))
        if stop.date and info.start and info.end and not info.start <= stop.date <= info.end:
            self.warn(path + ("date",), msg(
                "{date} is outside the trip ({start} – {end})",
                date=stop.date, start=info.start, end=info.end))
        for j, key in enumerate(stop.attendees or ()):
            self.reference(key, path + ("attendees", j))
        self.agenda(stop, path)
        for j, point in enumerate(stop.talking_points):
            self.record(point, path + ("talking_points", j))
            self.reference(point.speaker, path + ("talking_points", j, "speaker"))
        if not stop.talking_points:
            self.warn(path + ("talking_points",), msg("this stop has no talking points yet"))
        for j, question in enumerate(stop.questions):
            self.record(question, path + ("questions", j))
        for j, person in enumerate(stop.counterparts):
            self.record(person, path + ("counterparts", j))
        for j, action in enumerate(stop.follow_up):
            here = path + ("follow_up", j)
            self.record(action, here)
            if action.owner and set(action.owner) <= _ID_LIKE:  # an id, not a name written out
                self.reference(action.owner, here + ("owner",))
            if action.due and stop.date and action.due < stop.date:
                self.warn(here + ("due",), msg(
                    "due {due}, before the stop itself ({date})", due=action.due, date=stop.date))

    def agenda(self, stop: model.Stop, path: tuple) -> None:
        counterparts = {c.name for c in stop.counterparts}
        for j, item in enumerate(stop.agenda):
            here = path + ("agenda", j)
            self.record(item, here)
            if item.lead and item.lead not in counterparts and set(item.lead) <= _ID_LIKE:
                self.reference(item.lead, here + ("lead",))
        times = schedule.agenda(stop)
        for found in times.findings:
            here = path + ("agenda", found.row)
            at, limit = (schedule.clock_text(t, times.day) for t in (found.at, found.limit))
            if found.kind == schedule.BEFORE_START:
                self.warn(here + ("time",), msg(
                    "starts at {time}, before the stop begins at {start}", time=at, start=limit))
            elif found.kind == schedule.PAST_END and times.rows[found.row].end is None:
                self.warn(here + ("time",), msg(
                    "starts at {time}, after the stop's end at {stop_end}", time=at, stop_end=limit))
            elif found.kind == schedule.PAST_END:
                self.warn(here + ("minutes",), msg(
                    "runs until {end}, past the stop's end at {stop_end}", end=at, stop_end=limit))
            elif found.kind == schedule.OVERLAP:
                self.warn(here + ("time",), msg(
                    "starts at {time} while row {row} runs until {end}; the items overlap",
                    time=at, row=found.other + 1, end=limit))

    def stop_order(self) -> None:
        previous = None
        for i, stop in enumerate(self.trip.stops):
            moment = self.stop_start(stop)
            if moment is None:
                continue
            if previous is not None and moment < previous[1]:
                self.warn(("stops", i, "date"), msg(
                    "this stop comes before stop {n} in time but after it in the book;"
                    " stops are printed in file order", n=previous[0] + 1))
            previous = (i, moment)

    def stop_start(self, stop: model.Stop) -> dt.datetime | None:
        return schedule.stop_begins(self.trip, stop)

    def leg(self, leg: model.TravelLeg, path: tuple) -> None:
        self.record(leg, path)
        ok_from = self.timezone(leg.depart_timezone, path + ("depart_timezone",))
        ok_to = self.timezone(leg.arrive_timezone, path + ("arrive_timezone",))
        if not (ok_from and ok_to and leg.depart and leg.arrive):
            return
        from_tz, to_tz = self.trip.leg_timezones(leg)
        depart, arrive = schedule.leg_bounds(self.trip, leg)
        if depart is None or arrive is None:
            return
        if arrive < depart:
            self.warn(path + ("arrive",), msg(
                "arrives ({arrive}) before it departs ({depart}); check the times and time zones",
                arrive=f"{leg.arrive:%Y-%m-%d %H:%M} {to_tz}",
                depart=f"{leg.depart:%Y-%m-%d %H:%M} {from_tz}"))
            return
        for i, stop in enumerate(self.trip.stops):
            begins = self.stop_start(stop)
            if begins is not None and begins >= depart:
                if arrive > begins:
                    self.warn(path + ("arrive",), msg(
                        'arrives after stop {n} "{title}" begins at {when}', n=i + 1,
                        title=stop.title, when=f"{stop.date} {(stop.start or dt.time(0)):%H:%M}"))
                break


def _id_hint(key: str, keys: list[str]) -> Message:
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.5)
    if close:
        return msg("did you mean `{name}`?", name=close[0])
    if not keys:
        return msg("the delegation is empty")
    return msg("known ids: {ids}", ids=", ".join(keys))


def check_file(path, *, partial: bool = False) -> tuple[model.Trip | None, list[Problem]]:
    """Read and check one trip file: (the trip, or None if it cannot be read; every problem).

    When some values cannot be read, the rest of the file is still checked, so one run reports
    everything; a check is not repeated on a field whose value was already reported unreadable.
    With `partial`, a file that cannot be read whole gives what could be read around its bad
    values instead of None (to name its stops in messages); its problems then include errors.
    """
    from briefing.fileformat.reader import load
    from briefing.trip.problems import TripFileError

    try:
        trip = load(path)
    except TripFileError as e:
        if e.trip is None:
            return None, e.problems
        bad = [p.path for p in e.problems]
        more = [p for p in validate(e.trip) if not any(_within(p.path, b) for b in bad)]
        return (e.trip if partial else None), sorted(e.problems + more, key=_order)
    return trip, validate(trip)


def _within(path: str, other: str) -> bool:
    return path == other or path.startswith(other + ".") or path.startswith(other + "[")


def _order(p: Problem) -> tuple:
    return (p.line == 0, p.line, p.column)
