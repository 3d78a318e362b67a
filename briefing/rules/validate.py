"""Checks over a whole trip: what stops an export (errors) and what a reader should look at
(warnings). Every message names the field and, for a trip read from a file, its position."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from briefing.rules import attachments, basis, schedule
from briefing.trip import bounds, model, money, schema
from briefing.trip.problems import ERROR, WARNING, Message, Problem, msg
from briefing.trip.words import N_

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
                self.error(path + (f.key,), _choice_problem(value, f.choices))

    def timezone(self, name: str, path: tuple) -> bool:
        problem = bounds.zone_problem(name) if name else None
        if problem is not None:
            self.error(path, problem)
        return problem is None

    def reference(self, key: str, path: tuple) -> None:
        if key and key not in self.keys:
            self.warn(path, msg(
                "‘{key}’ is not in the delegation, so the book prints it as written; {hint}",
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
            self.error(("trip", "end"), msg(
                "the trip ends ({end}) before it starts ({start}); correct the trip's start and"
                " end dates", end=info.end, start=info.start))
        seen: dict[str, int] = {}
        for i, person in enumerate(trip.delegation):
            path = ("delegation", i)
            self.record(person, path)
            if person.key and person.key in seen:
                self.error(path + ("id" if person.id else "name",), msg(
                    "‘{key}’ also names delegation row {n}; give each member a different id",
                    key=person.key, n=seen[person.key] + 1))
            seen.setdefault(person.key, i)
        for i, stop in enumerate(trip.stops):
            self.stop(stop, ("stops", i))
        self.stop_order()
        self.same_hours()
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
        for base, lines in ((("trip", "budget"), info.budget),
                             (("trip", "exchange_rates"), info.exchange_rates),
                             (("trip", "report", "expenses"), info.report.expenses)):
            for i, line in enumerate(lines):
                self.currency(line.currency, base + (i, "currency"))
        self.record(info.report, ("trip", "report"))
        if info.report.date and info.end and info.report.date < info.end:
            self.warn(("trip", "report", "date"), msg(
                "the report is dated {date}, before the trip ends ({end})",
                date=info.report.date, end=info.end))
        self.amounts()
        line = info.approval_line
        if len(line) > MAX_APPROVALS:
            self.error(("trip", "approval_line", MAX_APPROVALS), msg(
                "the approval box has room for {n} signatures; this line names {count}",
                n=MAX_APPROVALS, count=len(line)))
        for i, label in enumerate(line):
            if len(label.strip()) > MAX_APPROVAL_LABEL:
                self.warn(("trip", "approval_line", i), msg(
                    "‘{label}’ is long for an approval box (it fits {n} letters); write the "
                    "position only", label=bounds.shown(label), n=MAX_APPROVAL_LABEL))
        for i, attachment in enumerate(info.report.attachments):
            path = ("trip", "report", "attachments", i)
            self.record(attachment, path)
            found = attachments.path_of(self.trip, attachment)
            problem = attachments.problem(found) if found is not None else None
            if problem is not None:
                self.error(path + ("file",), problem)

    def currency(self, currency: str, path: tuple) -> None:
        if not currency:
            return
        if not _CURRENCY.fullmatch(currency):
            self.warn(path, msg(
                "‘{currency}’ is not a currency code; write the ISO 4217 code, e.g. KRW, EUR, USD",
                currency=bounds.shown(currency)))
        elif not money.known(currency):
            self.warn(path, msg(
                "‘{currency}’ is no ISO 4217 currency code; its amounts are totalled apart from "
                "every other currency (e.g. KRW, EUR, USD)", currency=currency))

    def amounts(self) -> None:
        """The budget and the expenses: rates to convert them, bases that count nights or
        people the trip does not have, and amounts that are not what their basis multiplies out
        to (a wrong basis costs real money)."""
        info = self.trip.info
        rated: dict[str, int] = {}
        for i, rate in enumerate(info.exchange_rates):
            path = ("trip", "exchange_rates", i)
            self.record(rate, path)
            code = rate.currency.strip().upper()
            if code == model.DEFAULT_CURRENCY:
                self.error(path + ("currency",), msg(
                    "{currency} is the home currency; it needs no exchange rate", currency=code))
            elif code in rated:
                self.error(path + ("currency",), msg(
                    "{currency} already has a rate in row {n}; give each currency one rate",
                    currency=code, n=rated[code] + 1))
            rated.setdefault(code, i)
        nights = stay_nights(self.trip)
        people = len(self.trip.delegation)
        for key, items in (("budget", info.budget), ("expenses", info.report.expenses)):
            base = ("trip", key) if key == "budget" else ("trip", "report", key)
            for i, line in enumerate(items):
                code = line.currency_code.upper()
                if code != model.DEFAULT_CURRENCY and code not in rated and \
                        line.amount is not None and _CURRENCY.fullmatch(line.currency_code):
                    self.warn(base + (i, "currency"), msg(
                        "no exchange rate for {currency}; the total in won leaves it out "
                        "(add it under exchange rates)", currency=code))
                for counted, have, words in ((_NIGHTS, nights, _NIGHTS_WORDS),
                                             (_PEOPLE, people, _PEOPLE_WORDS)):
                    said = _counted(counted, line.basis)
                    if have and said and said[0] != have:
                        self.warn(base + (i, "basis"), msg(
                            words, item=line.item, basis=said[1], n=have))
                stated = basis.disagrees(line.basis, line.amount, code)
                if stated is not None:
                    self.warn(base + (i, "amount"), msg(
                        "{item} basis '{basis}' comes to {product}, not {amount}",
                        item=line.item, basis=line.basis.strip(),
                        product=money.amount_text(stated, code),
                        amount=money.amount_text(line.amount, code)))

    def stop(self, stop: model.Stop, path: tuple) -> None:
        info = self.trip.info
        self.record(stop, path)
        self.timezone(stop.timezone, path + ("timezone",))
        # A trip that ends before it starts has no period to be outside of: its own error says it.
        if stop.date and info.start and info.end and info.start <= info.end and \
                not info.start <= stop.date <= info.end:
            self.warn(path + ("date",), msg(
                "{date} is outside the trip ({start} – {end})",
                date=stop.date, start=info.start, end=info.end))
        length = schedule.long_overnight(stop)
        if length is not None:
            hours, minutes = divmod(length.seconds // 60, 60)
            self.warn(path + ("end",), msg(
                "the end ({end}) is earlier than the start ({start}): the stop would run {length},"
                " until {end} the next day; check that this is meant",
                end=f"{stop.end:%H:%M}", start=f"{stop.start:%H:%M}",
                length=msg("{hours} hours {minutes} minutes", hours=hours, minutes=minutes)
                if minutes else msg("{hours} hours", hours=hours)))
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
            elif found.kind == schedule.OUT_OF_ORDER:
                self.warn(here + ("time",), msg(
                    "starts at {time}, before row {row} above it ({start}); the rows are out of"
                    " order (sort them by time)", time=at, row=found.other + 1, start=limit))

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

    def same_hours(self) -> None:
        """Two stops of the delegation at the same hours: one of them is on the wrong day or
        time, unless the delegation splits up (no member at both)."""
        spans = []
        for i, stop in enumerate(self.trip.stops):
            start, end = schedule.stop_bounds(self.trip, stop)
            if start is not None and stop.start is not None:
                spans.append((i, stop, start, end or start))
        for n, (i, stop, start, end) in enumerate(spans):
            for j, other, other_start, other_end in spans[:n]:
                clash = (start < other_end and other_start < end) or start == other_start
                split = (stop.attendees is not None and other.attendees is not None
                         and not set(stop.attendees) & set(other.attendees))
                if clash and not split:
                    self.warn(("stops", i, "start"), msg(
                        "at the same time as stop {n} ({title}) on the same day",
                        n=j + 1, title=other.title))
                    break

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
            # A stop copied to make a new one keeps its old hours: it may still be under way
            # when the delegation has to leave (the reviewer's visit ran into the last train).
            start, end = schedule.stop_bounds(self.trip, stop)
            if start is not None and end is not None and stop.start is not None and (
                    start < depart < end):
                self.warn(("stops", i, "end"), msg(
                    "still under way when the delegation leaves: {leg} departs at {when}",
                    leg=f"{leg.origin} → {leg.destination}",
                    when=f"{leg.depart:%Y-%m-%d %H:%M}"))
        for i, stop in enumerate(self.trip.stops):
            begins = self.stop_start(stop)
            if begins is not None and begins >= depart:
                if arrive > begins:
                    self.warn(path + ("arrive",), msg(
                        'arrives after stop {n} "{title}" begins at {when}', n=i + 1,
                        title=stop.title, when=f"{stop.date} {(stop.start or dt.time(0)):%H:%M}"))
                break


# The 결재란 of an office's forms: up to six boxes (담당 … 부시장), each a short position title.
MAX_APPROVALS, MAX_APPROVAL_LABEL = 6, 8
# What a basis says it counts: '4박', '4 nights'; '5명', '5인', '5 people'.
_NIGHTS = re.compile(r"(\d+)\s*(?:박|nights?\b)", re.IGNORECASE)
_PEOPLE = re.compile(r"(\d+)\s*(?:명|인(?![가-힣])|(?:people|persons?|pax)\b)", re.IGNORECASE)
_NIGHTS_WORDS = N_("{item} basis '{basis}': the stays add up to {n} nights")
_PEOPLE_WORDS = N_("{item} basis '{basis}': the delegation has {n} people")


def _counted(pattern: re.Pattern, basis: str) -> tuple[int, str] | None:
    """The number a basis counts and the basis quoted up to it ('4명 × 4박 …'); None when it
    counts none."""
    found = pattern.search(basis or "")
    if not found:
        return None
    quoted = basis[:found.end()].strip() + (" …" if basis[found.end():].strip() else "")
    return int(found.group(1)), quoted


def stay_nights(trip: model.Trip) -> int:
    """The nights in hotels (a night on a plane is none): what '3박' in a plan counts."""
    return sum((s.check_out - s.check_in).days for s in trip.stays
               if s.check_in and s.check_out and s.check_out > s.check_in)


def _id_hint(key: str, keys: list[str]) -> Message:
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.5)
    if close:
        return msg("did you mean ‘{name}’?", name=close[0])
    if not keys:
        return msg("the delegation is empty")
    return msg("known ids: {ids}", ids=", ".join(keys))


def _choice_problem(value: str, choices: tuple[str, ...]) -> Message:
    """A value that is no choice: the code to write when it is a choice's own word (‘공개’ is
    written open), else every choice by its words."""
    typed = value.strip().casefold()
    for code in choices:
        if typed in (word.casefold() for word in schema.CHOICE_WORDS.get(code, ())):
            return msg("write ‘{value}’ as {code}", value=value, code=code)
    hint = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return msg("‘{value}’ is not one of the choices; {hint}write one of: {choices}", value=value,
               hint=msg("did you mean ‘{name}’? ", name=hint[0]) if hint else "",
               choices=_ChoiceWords("", tuple((code, code) for code in choices)))


class _ChoiceWords(Message):
    """The choices in the reader's words, each with the code the file takes: ‘면담’(meeting)."""

    def render(self, lang: str = "en") -> str:
        if lang == "en":  # the English words are the codes
            return ", ".join(f"‘{code}’" for code, _ in self.values)
        return ", ".join(f"‘{schema.choice_label(code, lang)}’({code})" for code, _ in self.values)


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
        bad = {p.path for p in e.problems}
        more = [p for p in validate(e.trip) if not _within(p.path, bad)]
        return (e.trip if partial else None), sorted(e.problems + more, key=_order)
    return trip, validate(trip)


def _within(path: str, paths: set[str]) -> bool:
    """Whether `path` is one of `paths` or inside one (a field or a row of it); looked up by
    the path's own prefixes, so a million problems are not compared with a million others."""
    if path in paths:
        return True
    return any(c in ".[" and path[:i] in paths for i, c in enumerate(path))


def _order(p: Problem) -> tuple:
    return (p.line == 0, p.line, p.column)
