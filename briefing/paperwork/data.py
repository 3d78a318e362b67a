"""The paperwork before and after a trip, as plain data: the trip plan (출장계획서) and the
post-trip report (결과보고서) that the rules on official overseas trips ask for.

What each document holds, in which order and in which words, is decided here once; the PDF
(briefing.book.paperwork) and the Word file (briefing.paperwork_docx) only lay it out. Every
string is final text in the document's language: headings from the catalog, field words from
their declarations (briefing.schema), dates from briefing.dates, the days from briefing.timeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefing.rules import schedule
from briefing.rules import timeline as tl
from briefing.trip import dates, money, schema
from briefing.trip.model import (
    BudgetItem,
    FollowUp,
    Person,
    Report,
    Stop,
    TravelLeg,
    Trip,
    TripInfo,
)
from briefing.trip.words import Words

PLAN, REPORT = "plan", "report"
KINDS = (PLAN, REPORT)
SUFFIXES = (".pdf", ".docx")  # the PDF in the book's style; Word, for staff to finish


# -- the blocks a document is made of -------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Text as the staff wrote it: blank lines between paragraphs, `- ` bullets."""

    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Facts:
    """Label–value rows (when, where, who)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Grid:
    """A table: a header row, body rows, and rows that close it (totals), in bold."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # relative
    right: tuple[int, ...] = ()  # columns set flush right (amounts)
    closing: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Flag:
    """Something the document needs and the trip file does not hold yet: printed so that it
    stands out, never left out silently."""

    text: str


@dataclass(frozen=True)
class Part:
    """A titled part of a section (a second-level heading)."""

    title: str
    blocks: tuple


@dataclass(frozen=True)
class Section:
    title: str  # numbered: '1. 출장 개요'
    blocks: tuple


@dataclass(frozen=True)
class Paperwork:
    kind: str  # PLAN or REPORT
    lang: str
    title: str  # the document's name: 출장계획서
    subject: str  # the trip's title
    lines: tuple[str, ...]  # under the title: who, when
    marking: str
    sections: tuple[Section, ...]

    def headings(self) -> list[str]:
        """Every heading in reading order (sections and their parts)."""
        out = []
        for section in self.sections:
            out.append(section.title)
            out += [b.title for b in section.blocks if isinstance(b, Part)]
        return out


# -- building them --------------------------------------------------------------------------------


def build(trip: Trip, kind: str, lang: str | None = None) -> Paperwork:
    """The trip plan (PLAN) or the post-trip report (REPORT) of `trip`, in `lang` (default: the
    trip's language)."""
    if kind not in KINDS:
        raise ValueError(f"unknown paperwork `{kind}`; use one of: {', '.join(KINDS)}")
    w = _Writer(trip, lang or trip.info.lang)
    return w.plan() if kind == PLAN else w.report()


def plan(trip: Trip, lang: str | None = None) -> Paperwork:
    return build(trip, PLAN, lang)


def report(trip: Trip, lang: str | None = None) -> Paperwork:
    return build(trip, REPORT, lang)


def default_output(trip_path: str, kind: str) -> str:
    """trip.yaml -> trip.plan.pdf / trip.report.pdf, beside the trip."""
    return str(Path(trip_path).with_suffix(f".{kind}.pdf"))


def document_day(trip: Trip, kind: str) -> dt.date | None:
    """The date a plan or report carries: the report's own date, else the trip's edition."""
    report_day = trip.info.report.date if kind == REPORT else None
    return report_day or trip.info.updated or trip.info.start


def without_results(trip: Trip) -> list[Stop]:
    """The stops whose results are not written yet: the report flags each one."""
    return [stop for stop in trip.stops if not stop.results.strip()]


def follow_ups(trip: Trip) -> list[tuple[Stop, FollowUp]]:
    """Every stop's follow-up actions, by due date (those without one last), else in trip order."""
    found = [(stop, f) for stop in trip.stops for f in stop.follow_up]
    return sorted(found, key=lambda pair: (pair[1].due is None, pair[1].due or dt.date.min))


def _label(record: type, name: str, lang: str) -> str:
    return schema.field(record, name).label(lang)


def _numbered(sections: list[tuple[str, list]]) -> tuple[Section, ...]:
    """Sections with something in them, numbered as they come."""
    kept = [(title, blocks) for title, blocks in sections if blocks]
    return tuple(Section(f"{i}. {title}", tuple(blocks)) for i, (title, blocks) in enumerate(kept, 1))


class _Writer:
    def __init__(self, trip: Trip, lang: str):
        self.trip = trip
        self.lang = "en" if lang == "en" else "ko"
        self.say = Words(self.lang)

    # -- words ------------------------------------------------------------------------------

    def date(self, day: dt.date | None) -> str:
        return dates.date(day, self.lang)

    def person(self, person: Person) -> str:
        if not person.title:
            return person.name
        return f"{person.name} ({person.title})" if self.lang == "en" else f"{person.name} {person.title}"

    def who(self, key: str) -> str:
        """A delegation id as the person's name and title; free text as written."""
        person = self.trip.person(key) if key else None
        return self.person(person) if person else key

    def period(self) -> str:
        info, say = self.trip.info, self.say
        text = dates.date_range(info.start, info.end, self.lang)
        if info.start and info.end and info.end >= info.start:
            days = (info.end - info.start).days + 1
            # Nights are the nights in hotels (a night on a plane is none): '6박 8일'.
            nights = sum((s.check_out - s.check_in).days for s in self.trip.stays
                         if s.check_in and s.check_out and s.check_out > s.check_in)
            text += " " + (say("({nights} nights, {days} days)", nights=nights, days=days)
                           if nights else say("({days} days)", days=days))
        return text

    def places(self) -> str:
        """'스페인 (바르셀로나, 헤로나), 독일 (프랑크푸르트)': countries and their cities, in
        the order the trip reaches them."""
        countries: dict[str, list[str]] = {}
        for stop in self.trip.stops:
            cities = countries.setdefault(stop.country.strip(), [])
            if stop.city.strip() and stop.city.strip() not in cities:
                cities.append(stop.city.strip())
        parts = []
        for country, cities in countries.items():
            inner = ", ".join(cities)
            parts.append(f"{country} ({inner})" if country and inner else country or inner)
        return ", ".join(p for p in parts if p)

    def travellers_line(self) -> str:
        people = [self.person(p) for p in self.trip.delegation if p.name]
        if not people:
            return ""
        return self.say("{n} people: {names}", n=len(people), names=", ".join(people))

    # -- shared parts -----------------------------------------------------------------------

    def travellers(self) -> list:
        lang = self.lang
        rows = tuple((p.name, p.title, p.organization, p.role) for p in self.trip.delegation)
        if not rows:
            return []
        return [Grid((_label(Person, "name", lang), _label(Person, "title", lang),
                      _label(Person, "organization", lang), _label(Person, "role", lang)),
                     rows, (22, 40, 46, 42))]

    def itinerary(self) -> list:
        """The days, each stop and travel leg on its own row with its place."""
        lang, say = self.lang, self.say
        rows = []
        for number, day, events in tl.days(self.trip):
            shown = [e for e in events if e.kind in (tl.STOP, tl.LEG, tl.ARRIVAL)]
            for j, event in enumerate(shown):
                heading = ""
                if j == 0:
                    heading = "\n".join(x for x in (
                        say("Day {n}", n=number) if number else "",
                        dates.short_date(day, lang)) if x)
                rows.append((heading, *self._event(event, day)))
        if not rows:
            return []
        return [Grid((say("Day"), say("Time"),
                      say("Schedule"), say("Place")), tuple(rows), (22, 26, 70, 52))]

    def _event(self, event: tl.Event, day: dt.date | None) -> tuple[str, str, str]:
        say, lang = self.say, self.lang
        if event.kind == tl.STOP:
            stop: Stop = event.item
            time = self._span(event, day)
            kind = schema.choice_label(stop.kind, lang) if stop.kind else ""
            what = stop.title + (f" ({kind})" if kind else "")
            place = ", ".join(x for x in (stop.venue, stop.city, stop.country) if x.strip())
            return time, what, place
        leg: TravelLeg = event.item
        mode = schema.choice_label(leg.mode, lang) if leg.mode else ""
        name = " ".join(x for x in (mode, leg.carrier, leg.number) if x.strip())
        route = f"{leg.origin} → {leg.destination}"
        if event.kind == tl.ARRIVAL:
            time = self._clock(event.end, day)
            return time, say("Arrival in {place}", place=leg.destination) + (
                f" ({name})" if name else ""), route
        return self._span(event, day), name or say("Travel"), route

    def _clock(self, moment: tl.Moment | None, day: dt.date | None) -> str:
        if moment is None:
            return ""
        return schedule.clock_text(moment.local, day or moment.local.date())

    def _span(self, event: tl.Event, day: dt.date | None) -> str:
        start, end = self._clock(event.start, day), self._clock(event.end, day)
        return f"{start}–{end}" if start and end else start

    # -- the trip plan ----------------------------------------------------------------------

    def plan(self) -> Paperwork:
        info, lang, say = self.trip.info, self.lang, self.say
        overview = [Facts(tuple((label, value) for label, value in (
            (_label(TripInfo, "title", lang), info.title),
            (say("Period"), self.period()),
            (say("Destinations"), self.places()),
            (say("Travellers"), self.travellers_line()),
            (_label(TripInfo, "prepared_by", lang), info.prepared_by),
        ) if value))]
        overview += self._part(_label(TripInfo, "purpose", lang), [Text(info.purpose)]
                               if info.purpose.strip() else [])
        overview += self._part(_label(TripInfo, "necessity", lang), [Text(info.necessity)]
                               if info.necessity.strip() else [Flag(say("Not written yet."))])
        sections = [
            (say("Overview"), overview),
            (say("Travellers"), self.travellers()),
            (say("Countries and bodies to visit"), self.bodies()),
            (say("Itinerary"), self.itinerary()),
            (_label(TripInfo, "budget", lang), self.budget()),
            (say("Expected outcomes"), self.outcomes()),
        ]
        return Paperwork(PLAN, lang, say("Trip plan"), info.title, self._lines(
            info.organization, info.prepared_by, self.date(info.updated)), info.marking,
            _numbered(sections))

    def _lines(self, *parts: str) -> tuple[str, ...]:
        line = " · ".join(dict.fromkeys(p for p in parts if p and p.strip()))
        return (self.period(), line) if line else (self.period(),)

    def _part(self, title: str, blocks: list) -> list:
        return [Part(title, tuple(blocks))] if blocks else []

    def bodies(self) -> list:
        lang = self.lang
        rows = tuple((s.country, s.city, s.host or s.venue, s.title, dates.short_date(s.date, lang))
                     for s in self.trip.stops)
        if not rows:
            return []
        return [Grid((_label(Stop, "country", lang), _label(Stop, "city", lang),
                      _label(Stop, "host", lang), self.say("Visit"), _label(Stop, "date", lang)),
                     rows, (20, 24, 48, 56, 24))]

    def budget(self) -> list:
        lang, say = self.lang, self.say
        items: list[BudgetItem] = self.trip.info.budget
        if not items:
            return [Flag(say("No budget written yet."))]
        rows = tuple((b.item, b.currency_code.upper(),
                      money.amount_text(b.amount, b.currency_code) if b.amount is not None else "",
                      b.basis) for b in items)
        closing = tuple((say("Total"), code,
                         money.amount_text(total, code), "")
                        for code, total in money.totals(items))
        return [Grid((_label(BudgetItem, "item", lang), _label(BudgetItem, "currency", lang),
                      _label(BudgetItem, "amount", lang), _label(BudgetItem, "basis", lang)),
                     rows, (46, 18, 36, 70), right=(2,), closing=closing)]

    def outcomes(self) -> list:
        lang = self.lang
        blocks: list = []
        objectives = tuple(o for o in self.trip.info.objectives if o.strip())
        blocks += self._part(_label(TripInfo, "objectives", lang),
                             [Bullets(objectives, numbered=True)] if objectives else [])
        for i, stop in enumerate(self.trip.stops, 1):
            outcomes = tuple(o for o in stop.outcomes if o.strip())
            if outcomes:
                blocks.append(Part(f"{i}. {stop.title}", (Bullets(outcomes),)))
        return blocks

    # -- the post-trip report ---------------------------------------------------------------

    def report(self) -> Paperwork:
        info, lang, say = self.trip.info, self.lang, self.say
        rep: Report = info.report
        overview = [Facts(tuple((label, value) for label, value in (
            (_label(TripInfo, "title", lang), info.title),
            (say("Period"), self.period()),
            (say("Travellers"), self.travellers_line()),
            (say("Destinations"), self.places()),
        ) if value))]
        overview += self._part(_label(TripInfo, "purpose", lang),
                               [Text(info.purpose)] if info.purpose.strip() else [])
        missing = Flag(say("Not written yet."))
        sections = [
            (say("Overview"), overview),
            (say("Itinerary"), self.itinerary()),
            (_label(Stop, "results", lang), self.results()),
            (say("Overall results"), [Text(rep.summary) if rep.summary.strip() else missing]),
            (_label(Report, "insights", lang), [Text(rep.insights) if rep.insights.strip() else missing]),
            (_label(Stop, "follow_up", lang), self.follow_up()),
        ]
        return Paperwork(REPORT, lang, say("Post-trip report"), info.title,
                         self._lines(info.organization, rep.author, self.date(rep.date)),
                         info.marking, _numbered(sections))

    def results(self) -> list:
        lang, say = self.lang, self.say
        blocks: list = []
        for i, stop in enumerate(self.trip.stops, 1):
            facts = Facts(tuple((label, value) for label, value in (
                (_label(Stop, "date", lang), dates.date(stop.date, lang)),
                (say("Place"), ", ".join(x for x in (stop.venue, stop.city, stop.country)
                                          if x.strip())),
                (_label(Stop, "host", lang), stop.host),
                (_label(Stop, "attendees", lang), ", ".join(
                    self.person(p) for p in self.trip.attendees(stop))),
            ) if value))
            body = Text(stop.results) if stop.results.strip() else Flag(
                say("No results written for this visit yet."))
            blocks.append(Part(f"{i}. {stop.title}", (facts, body)))
        return blocks

    def follow_up(self) -> list:
        lang, say = self.lang, self.say
        found = follow_ups(self.trip)
        if not found:
            return []
        rows = tuple((str(n), f.action, stop.title, self.who(f.owner), dates.date(f.due, lang),
                      say("Done") if f.done else say("Pending"))
                     for n, (stop, f) in enumerate(found, 1))
        return [Grid(("#", _label(FollowUp, "action", lang), say("Visit"),
                      _label(FollowUp, "owner", lang), _label(FollowUp, "due", lang),
                      _label(FollowUp, "done", lang)), rows, (6, 52, 36, 32, 34, 18))]
