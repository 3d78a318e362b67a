"""The paperwork before and after a trip, as plain data: the trip plan (출장계획서) and the
post-trip report (결과보고서) that the rules on official overseas trips ask for.

What each document holds, in which order and in which words, is decided here once; the PDF
(briefing.book.paperwork) and the Word and Hancom files (briefing.paperwork.docx, .hwpx) only lay
it out. Every string is final text in the document's language: headings from the catalog, field
words from their declarations (briefing.trip.schema), dates from briefing.trip.dates, the days
from briefing.rules.timeline.

Issue 20 changed what existing blocks say, not what they mean: a Part's title now carries its
Korean marker ('가. 바르셀로나 액티바 면담', not '1. …'), and the staff's text is now given as an
Outline (○ paragraphs, - bullets) rather than Text, and numbered items too, so Text and
Bullets are no longer made (a writer may still lay them out). New: Outline, Approval (on
Paperwork), Photo, Grid.unit, Grid.marked (cells that stand out), Grid.carried (the column a
continued table repeats), and Paperwork.marking "" for a copy to publish.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from briefing.rules import attachments, basis
from briefing.rules import timeline as tl
from briefing.rules.validate import stay_nights
from briefing.trip import dates, money, schema, textblocks
from briefing.trip.model import (
    DEFAULT_CURRENCY,
    BudgetItem,
    Contact,
    ExchangeRate,
    FollowUp,
    Person,
    Report,
    Stay,
    Stop,
    TravelLeg,
    Trip,
    TripInfo,
)
from briefing.trip.words import Words

PLAN, REPORT = "plan", "report"
KINDS = (PLAN, REPORT)
SUFFIXES = (".pdf", ".docx", ".hwpx")  # the PDF in the book's style; Word and Hancom, to finish


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
    unit: str = ""  # '(단위: 원)': printed flush right just above the table, when set
    # Cells that must stand out (an overspend), as (row, column), rows counted through the body
    # rows and then the closing ones: red in the PDF, red and bold in Word and Hancom.
    marked: tuple[tuple[int, int], ...] = ()
    # A column whose value stands for the rows under it until the next (the itinerary's day):
    # a page the table runs onto repeats it on its first row.
    carried: int | None = None


@dataclass(frozen=True)
class Line:
    """One line of an Outline: `marker` is final text ('가.', '1)', '○', '-', '※', or '' for
    a line that continues the one above), `level` how far it is indented (0: flush)."""

    level: int
    marker: str
    text: str


@dataclass(frozen=True)
class Outline:
    """Items the way Korean official documents number them: 1. › 가. › 1) › 가), with ○ and
    then - for bullets. The markers are written as text, never as a list style, so that they
    survive copy-paste into Hancom; a writer indents each line by its level and sets the marker
    before the text with a hanging indent. `marker()` gives the numbering of each level."""

    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Approval:
    """The 결재란 (approval box) on the first page, at the top right: one row with the labels in
    order ('담당', '팀장', '과장', '국장'), and under it a row of empty cells of the same width,
    tall enough for a signature or a seal (about 15 mm). Nothing else is printed in it."""

    labels: tuple[str, ...]


@dataclass(frozen=True)
class Photo:
    """A photo (붙임) with its title printed under it. `path` is absolute, a PNG or JPEG the
    checks have found readable. Width rule: the image's natural size (its pixels at its own
    resolution, 96 dpi when it names none) scaled down to fit the text width and at most
    PHOTO_HEIGHT of the page's text height, keeping its proportions; never scaled up."""

    path: str
    title: str


PHOTO_HEIGHT = 0.6  # of the text height: a photo and its title leave room for the next one


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
    marking: str  # "" when the document is for publication (--no-marking)
    sections: tuple[Section, ...]
    approval: Approval | None = None  # the 결재란, when the trip names an approval line

    def headings(self) -> list[str]:
        """Every heading in reading order (sections and their parts)."""
        out = []
        for section in self.sections:
            out.append(section.title)
            out += [b.title for b in section.blocks if isinstance(b, Part)]
        return out


_HANGUL = "가나다라마바사아자차카타파하"
_LATIN = "abcdefghijklmnopqrstuvwxyz"
BULLETS = ("○", "-")  # under the numbered levels: ○ first, then -


def marker(level: int, n: int, lang: str = "ko") -> str:
    """The number of the n-th item (from 1) at a numbering level: 0 '1.', 1 '가.', 2 '1)',
    3 '가)' (in English a. and a) for the Hangul ones); past the alphabet, digits."""
    letters = _LATIN if lang == "en" else _HANGUL
    number = str(n) if level % 2 == 0 or n > len(letters) else letters[n - 1]
    return number + ("." if level < 2 else ")")


# -- building them --------------------------------------------------------------------------------


def build(trip: Trip, kind: str, lang: str | None = None, *, marking: bool = True) -> Paperwork:
    """The trip plan (PLAN) or the post-trip report (REPORT) of `trip`, in `lang` (default: the
    trip's language); without the trip's handling marking when `marking` is False (a copy for
    publication)."""
    if kind not in KINDS:
        raise ValueError(f"unknown paperwork ‘{kind}’; use one of: {', '.join(KINDS)}")
    w = _Writer(trip, lang or trip.info.lang)
    doc = w.plan() if kind == PLAN else w.report()
    return doc if marking else replace(doc, marking="")


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


def without_results(trip: Trip) -> list[tuple[int, Stop]]:
    """The stops whose results are not written yet, each with its number (from 1): the report
    flags each one."""
    return [(n, stop) for n, stop in enumerate(trip.stops, 1) if not stop.results.strip()]


def follow_ups(trip: Trip) -> list[tuple[Stop, FollowUp]]:
    """Every stop's follow-up actions, by due date (those without one last), else in trip order."""
    found = [(stop, f) for stop in trip.stops for f in stop.follow_up]
    return sorted(found, key=lambda pair: (pair[1].due is None, pair[1].due or dt.date.min))


def won(amount: Decimal | None, currency: str, rates: dict[str, ExchangeRate]) -> Decimal | None:
    """`amount` in the home currency, exact (not rounded); None when its currency has no rate."""
    if amount is None:
        return None
    code = (currency or DEFAULT_CURRENCY).upper()
    if code == DEFAULT_CURRENCY:
        return amount
    rate = rates.get(code)
    return amount * rate.rate if rate is not None and rate.rate is not None else None


def rates_of(trip: Trip) -> dict[str, ExchangeRate]:
    """The trip's exchange rates by currency code (the first, when a code is given twice)."""
    out: dict[str, ExchangeRate] = {}
    for rate in trip.info.exchange_rates:
        out.setdefault(rate.currency.strip().upper(), rate)
    return out


def won_text(amount: Decimal) -> str:
    """A home-currency amount as printed: rounded half-up to the won, grouped ('1,134,980')."""
    return f"{amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def _label(record: type, name: str, lang: str) -> str:
    return schema.field(record, name).label(lang)


def _numbered(sections: list[tuple[str, list]], lang: str) -> tuple[Section, ...]:
    """Sections with something in them, numbered as they come; a Korean document ends with
    '끝.' (an English one has no such word)."""
    kept = [(title, blocks) for title, blocks in sections if blocks]
    if kept and lang != "en":
        kept[-1] = (kept[-1][0], _ended(list(kept[-1][1])))
    return tuple(Section(f"{marker(0, i, lang)} {title}", tuple(blocks))
                 for i, (title, blocks) in enumerate(kept, 1))


END = "끝."


def _ended(blocks: list) -> list:
    """'끝.' two spaces after the last line when the section ends with a list (the 붙임 list,
    its photos printed after it), else on a line of its own under the last table."""
    last = max((i for i, b in enumerate(blocks) if not isinstance(b, Photo)), default=-1)
    if last >= 0 and isinstance(blocks[last], Outline) and blocks[last].lines:
        lines = blocks[last].lines
        blocks[last] = Outline((*lines[:-1], replace(lines[-1], text=f"{lines[-1].text}  {END}")))
        return blocks
    return [*blocks, Outline((Line(0, "", END),))]




class _Writer:
    def __init__(self, trip: Trip, lang: str):
        self.trip = trip
        self.lang = "en" if lang == "en" else "ko"
        self.say = Words(self.lang)
        self.rates = rates_of(trip)
        self.people: dict[str, Person] = {}  # by key, the first of a key as trip.person finds it
        for person in trip.delegation:
            self.people.setdefault(person.key, person)

    # -- words ------------------------------------------------------------------------------

    def date(self, day: dt.date | None) -> str:
        return dates.date(day, self.lang)

    def person(self, person: Person) -> str:
        if not person.title:
            return person.name
        return f"{person.name} ({person.title})" if self.lang == "en" else f"{person.name} {person.title}"

    def who(self, key: str) -> str:
        """A delegation id as the person's name and title; free text as written."""
        person = self.people.get(key) if key else None
        return self.person(person) if person else key

    def money(self, amount: Decimal | None, currency: str) -> str:
        """'14,500,000원', '799유로', '1,200.25싱가포르달러'; in English 'EUR 799.00'."""
        if amount is None:
            return ""
        code = (currency or DEFAULT_CURRENCY).upper()
        if self.lang == "en":
            return money.money_text(amount, code)
        text = money.amount_text(amount, code)
        if "." in text and not text.split(".")[1].strip("0"):
            text = text.split(".")[0]  # 799.00유로 reads as 799유로 on paper
        name = basis.CURRENCY_WORDS.get(code)
        return f"{text}{name}" if name else f"{text} {code}"

    def nights(self, n: int) -> str:
        """'3박'; '3 nights', '1 night'."""
        return self.say("{n} night", n=n) if n == 1 else self.say("{n} nights", n=n)

    def period(self) -> str:
        info, say = self.trip.info, self.say
        text = dates.date_range(info.start, info.end, self.lang)
        if info.start and info.end and info.end >= info.start:
            days = (info.end - info.start).days + 1
            nights = stay_nights(self.trip)
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

    def lines(self, text: str) -> list[Line]:
        """A text field as outline lines: each paragraph a ○ line, each `- ` bullet a - line
        under it (a ○ line when no paragraph comes before it)."""
        out: list[Line] = []
        paragraph = False
        for b in textblocks.blocks(text):
            # bullets with no paragraph above them are the first level (○), as in every other
            # section, however the staff typed them; under a paragraph they are its - lines
            if b.bullet and paragraph:
                out.append(Line(1, BULLETS[1], " ".join(b.lines)))
            else:
                paragraph = paragraph or not b.bullet
                out.append(Line(0, BULLETS[0], " ".join(b.lines)))
        return out

    def text(self, text: str) -> list:
        """A text field as an Outline block, or nothing when it is empty."""
        found = self.lines(text)
        return [Outline(tuple(found))] if found else []

    # -- shared parts -----------------------------------------------------------------------

    def travellers(self) -> list:
        lang = self.lang
        rows = tuple((str(n), p.name, p.title, p.organization, p.role)
                     for n, p in enumerate(self.trip.delegation, 1))
        if not rows:
            return []
        return [Grid(("#", _label(Person, "name", lang), _label(Person, "title", lang),
                      _label(Person, "organization", lang), _label(Person, "role", lang)),
                     rows, (6, 22, 36, 46, 40))]

    def itinerary(self) -> list:
        """The days, each stop and travel leg on its own row with its place; a leg on the day
        it departs only, its arrival marked with the day it falls on (익일 05:20)."""
        lang, say = self.lang, self.say
        rows = []
        for number, day, events in tl.days(self.trip):
            shown = [e for e in events if e.kind in (tl.STOP, tl.LEG)]
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
                      say("Schedule"), say("Place")), tuple(rows), (20, 36, 64, 50), carried=0)]

    def _event(self, event: tl.Event, day: dt.date | None) -> tuple[str, str, str]:
        say, lang = self.say, self.lang
        if event.kind == tl.STOP:
            stop: Stop = event.item
            kind = schema.choice_label(stop.kind, lang) if stop.kind else ""
            said = kind.casefold() in stop.title.casefold()  # '… 방문', not '… 방문 (방문)'
            what = stop.title + (f" ({kind})" if kind and not said else "")
            place = ", ".join(x for x in (stop.venue, stop.city, stop.country) if x.strip())
            return self._span(event, day), what, place
        leg: TravelLeg = event.item
        mode = schema.choice_label(leg.mode, lang) if leg.mode else ""
        # '항공: 대한항공 KE0000편', '차량: 현지 코디네이터': the mode once, as staff write it
        carrier = " ".join(w for w in leg.carrier.split() if w.casefold() != mode.casefold())
        number = leg.number.strip()
        if number and leg.mode == "flight" and lang == "ko":
            number += "편"
        name = " ".join(x for x in (carrier, number) if x)
        name = f"{mode}: {name}" if mode and name else mode or name
        # a line each end: a narrow cell then never breaks inside a code ('(FR A)' in Word)
        route = f"{leg.origin} →\n{leg.destination}"
        zones = self.trip.leg_timezones(leg)
        places = (_place(leg.origin), _place(leg.destination)) if zones[0] != zones[1] else None
        return self._span(event, day, places), name or say("Travel"), route

    def _clock(self, moment: tl.Moment | None, day: dt.date | None, place: str = "") -> str:
        """'10:00', '익일 14:30' past midnight, '2일 후 05:20', '전일 13:00' across the date
        line; with the city in brackets when the two ends are in different zones."""
        if moment is None:
            return ""
        text = f"{moment.local:%H:%M}"
        if place:
            text += f"({place})"
        days = (moment.local.date() - day).days if day else 0
        if days == 1:
            return self.say("next day {time}", time=text)
        if days == -1:
            return self.say("previous day {time}", time=text)
        if days > 1:
            return self.say("{n} days later {time}", n=days, time=text)
        if days < -1:
            return self.say("{n} days earlier {time}", n=-days, time=text)
        return text

    def _span(self, event: tl.Event, day: dt.date | None,
              places: tuple[str, str] | None = None) -> str:
        """'10:00~17:00', '17:30~익일 14:30', as official documents write a range."""
        start = self._clock(event.start, day, places[0] if places else "")
        end = self._clock(event.end, day, places[1] if places else "")
        if not (start and end):
            return start
        return f"{start}~\n{end}" if places else f"{start}~{end}"  # a city each: a line each

    def stops_in_time(self) -> list[Stop]:
        """The stops in the order they happen, as the itinerary lists them (the file may hold
        a dinner of 2 March after a visit of 3 March)."""
        return [e.item for e in tl.events(self.trip) if e.kind == tl.STOP]

    def approval(self) -> Approval | None:
        labels = tuple(x.strip() for x in self.trip.info.approval_line if x.strip())
        return Approval(labels) if labels else None

    def _part_titles(self, titled: list[tuple[str, tuple]]) -> list:
        """Parts numbered 가. 나. 다. (a. b. c.), those with nothing in them left out."""
        kept = [(t, b) for t, b in titled if b]
        return [Part(f"{marker(1, n, self.lang)} {t}", b) for n, (t, b) in enumerate(kept, 1)]

    def _outline(self, items: list[tuple[str, list[Line]]]) -> list:
        """Numbered items 1) 2) 3), each with its lines under it; empty items left out."""
        lines: list[Line] = []
        kept = [(t, ls) for t, ls in items if ls]
        for n, (title, under) in enumerate(kept, 1):
            lines.append(Line(0, marker(2, n, self.lang), title))
            lines += [Line(x.level + 1, x.marker, x.text) for x in under]
        return [Outline(tuple(lines))] if lines else []

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
        objectives = [Line(0, BULLETS[0], o) for o in info.objectives if o.strip()]
        overview += self._part_titles([
            (_label(TripInfo, "purpose", lang), tuple(self.text(info.purpose))),
            (_label(TripInfo, "objectives", lang), (Outline(tuple(objectives)),) if objectives else ()),
            (say("List of travellers"), tuple(self.travellers())),
        ])
        missing = Flag(say("Not written yet."))
        sections = [
            (say("Overview"), overview),
            (_label(TripInfo, "necessity", lang), self.text(info.necessity) or [missing]),
            (say("Itinerary"), self.itinerary()),
            (say("Main points by visit"), self.visits()),
            (say("Accommodation"), self.stays()),
            (_label(TripInfo, "budget", lang), self.budget()),
            (_label(TripInfo, "expected_effects", lang), self.text(info.expected_effects) or [missing]),
            (say("Emergency contacts"), self.contacts()),
        ]
        return Paperwork(PLAN, lang, say("Trip plan"), info.title, self._lines(
            info.organization, info.prepared_by, self.date(info.updated)), info.marking,
            _numbered(sections, lang), self.approval())

    def _lines(self, *parts: str) -> tuple[str, ...]:
        line = " · ".join(dict.fromkeys(p for p in parts if p and p.strip()))
        return (self.period(), line) if line else (self.period(),)

    def _when(self, stop: Stop) -> str:
        start, end = tl.stop_times(self.trip, stop)
        span = self._span(tl.Event(tl.STOP, stop.date, 0, stop, start, end), stop.date)
        return " ".join(x for x in (self.date(stop.date), span) if x)

    def _counterparts(self, stop: Stop) -> str:
        out = []
        for c in stop.counterparts:
            extra = ", ".join(x for x in (c.title, c.organization) if x.strip())
            out.append(f"{c.name} ({extra})" if extra else c.name)
        return "; ".join(x for x in out if x.strip())

    def _stop_facts(self, stop: Stop, attendees: bool = False) -> Facts:
        """When, where, the host and the counterparts of a visit (and, in the report, who went)."""
        lang, say = self.lang, self.say
        rows = [
            (say("When"), self._when(stop)),
            (say("Place"), ", ".join(x for x in (stop.venue, stop.city, stop.country)
                                      if x.strip())),
            (_label(Stop, "host", lang), stop.host),
            (_label(Stop, "counterparts", lang), self._counterparts(stop)),
        ]
        if attendees:
            rows.append((_label(Stop, "attendees", lang), ", ".join(
                self.person(p) for p in self.trip.attendees(stop))))
        return Facts(tuple((label, value) for label, value in rows if value))

    def visits(self) -> list:
        """방문기관별 주요내용: per stop, who and why, the agenda in brief, what we will say."""
        lang, say = self.lang, self.say
        titled = []
        for stop in self.stops_in_time():
            facts = self._stop_facts(stop)
            agenda = [Line(0, BULLETS[0], " ".join(x for x in (
                f"{a.time:%H:%M}" if a.time else "", a.item,
                _bracketed(self.who(a.lead)) if a.lead else "") if x)) for a in stop.agenda
                if a.item]
            points = [p for p in stop.talking_points if p.text.strip()]
            key = [p for p in points if p.key] or points
            messages = [Line(0, BULLETS[0], " ".join(p.text.split()) + (
                " " + _bracketed(self.who(p.speaker)) if p.speaker else "")) for p in key]
            asks = [Line(0, BULLETS[0], o) for o in stop.outcomes if o.strip()]
            body = ((facts,) if facts.rows else ()) + tuple(self._outline([
                (_label(Stop, "purpose", lang), self.lines(stop.purpose)),
                (say("Agenda in brief"), agenda),
                (say("Our key messages"), messages),
                (_label(Stop, "outcomes", lang), asks),
            ]))
            titled.append((stop.title, body))
        return self._part_titles(titled)

    def stays(self) -> list:
        lang, say = self.lang, self.say
        rows = []
        total = 0
        for s in self.trip.stays:
            nights = (s.check_out - s.check_in).days if s.check_in and s.check_out else 0
            total += max(nights, 0)
            span = "~".join(dates.short_date(d, lang) for d in (s.check_in, s.check_out) if d)
            rows.append((s.name, s.city, span, self.nights(nights) if nights > 0 else "",
                         ", ".join(x for x in (s.address, s.phone) if x.strip())))
        if not rows:
            return []
        closing = ((say("Total"), "", "", self.nights(total), ""),) if len(rows) > 1 else ()
        return [Grid((_label(Stay, "name", lang), _label(Stay, "city", lang), say("Stay period"),
                      say("Nights"), _label(Stay, "address", lang)), tuple(rows),
                     (40, 24, 40, 16, 50), right=(3,), closing=closing)]

    def budget(self) -> list:
        return self.money_table(self.trip.info.budget, self.say("No budget written yet."))

    def money_table(self, items: list[BudgetItem], empty: str) -> list:
        """Items with their basis, the amount in its own currency and in won; the totals per
        currency and in won; the rates used, and the currencies left out for want of one."""
        lang, say, info = self.lang, self.say, self.trip.info
        if not items:
            return [Flag(empty)]
        blocks: list = []
        if info.budget_code.strip():
            blocks.append(Facts(((_label(TripInfo, "budget_code", lang), info.budget_code),)))
        rows, marked = [], []
        for b in items:
            in_won = won(b.amount, b.currency_code, self.rates)
            rows.append((b.item, b.basis, self.money(b.amount, b.currency_code),
                         won_text(in_won) if in_won is not None else ""))
            if basis.disagrees(b.basis, b.amount, b.currency_code.upper()) is not None:
                marked.append((len(rows) - 1, 2))  # the checks warn; the page shows where
        closing = []
        codes = money.totals(items)
        if len(codes) > 1 or codes and codes[0][0] != DEFAULT_CURRENCY:
            for code, total in codes:
                in_won = won(total, code, self.rates)
                # '합계 (유로)': a code is for machines; Korean papers name the currency
                name = code if self.lang == "en" else basis.CURRENCY_WORDS.get(code, code)
                closing.append((say("Total ({currency})", currency=name), "",
                                self.money(total, code),
                                won_text(in_won) if in_won is not None else ""))
        grand = sum((won(b.amount, b.currency_code, self.rates) or Decimal(0) for b in items),
                    Decimal(0))
        closing.append((self.won_total_label(c for c, _ in codes), "", "", won_text(grand)))
        blocks.append(Grid((_label(BudgetItem, "item", lang), _label(BudgetItem, "basis", lang),
                            _label(BudgetItem, "amount", lang), say("In won")),
                           tuple(rows), (36, 58, 38, 34), right=(2, 3), closing=tuple(closing),
                           unit=say("(unit: won)"), marked=tuple(marked)))
        notes = self.rate_notes({c for c, _ in codes})
        if notes:
            blocks.append(Outline(tuple(notes)))
        return blocks

    def won_total_label(self, codes) -> str:
        """'원화 합계', or '원화 합계 (SGD 제외)' when a currency has no rate to convert it."""
        left_out = [c for c in dict.fromkeys(codes)
                    if c != DEFAULT_CURRENCY and won(Decimal(1), c, self.rates) is None]
        if not left_out:
            return self.say("Total in won")
        return self.say("Total in won (without {currencies})", currencies=", ".join(left_out))

    def rate_notes(self, codes: set[str], *, spent: bool = False) -> list[Line]:
        """※ lines: each rate used ('1,420.50원/EUR (2023. 2. 20., 서울외국환중개)'), and each
        currency that has none and so is left out of the total in won. `spent`: the report's
        expenses, converted at the plan's rate (the file holds no rate actually paid)."""
        say, out = self.say, []
        for code in sorted(codes - {DEFAULT_CURRENCY}):
            rate = self.rates.get(code)
            if rate is None or rate.rate is None:
                out.append(Line(0, "※", say("{currency}: no exchange rate, so left out of the "
                                            "total in won.", currency=code)))
                continue
            where = ", ".join(x for x in (self.date(rate.as_of), rate.quoted_by) if x.strip())
            text = say("{rate} won/{currency}", rate=_rate_text(rate.rate), currency=code)
            text += f" ({where})" if where else ""
            out.append(Line(0, "※", say("Spending is converted at the plan's exchange rate: "
                                        "{rate}.", rate=text) if spent
                            else say("Exchange rate: {rate}", rate=text)))
        return out

    def contacts(self) -> list:
        """The travellers' own numbers first (the 단장's, the staff's), then the file's
        contacts: the embassies, the coordinators, the office at home."""
        lang = self.lang
        rows = tuple((self.person(p), p.role, p.phone, p.email)
                     for p in self.trip.delegation if p.name and p.phone.strip())
        rows += tuple((c.name, c.role, c.phone, c.email) for c in self.trip.contacts if c.name)
        if not rows:
            return []
        return [Grid((_label(Contact, "name", lang), _label(Contact, "role", lang),
                      _label(Contact, "phone", lang), _label(Contact, "email", lang)),
                     rows, (46, 38, 40, 52))]

    # -- the post-trip report ---------------------------------------------------------------

    def report(self) -> Paperwork:
        info, lang, say = self.trip.info, self.lang, self.say
        rep: Report = info.report
        overview = [Facts(tuple((label, value) for label, value in (
            (_label(TripInfo, "title", lang), info.title),
            (say("Period"), self.period()),
            (say("Destinations"), self.places()),  # in the plan's order: the two are compared
            (say("Travellers"), self.travellers_line()),
        ) if value))]
        overview += self._part_titles([
            (_label(TripInfo, "purpose", lang), tuple(self.text(info.purpose))),
        ])
        missing = Flag(say("Not written yet."))
        sections = [
            (say("Overview"), overview),
            (say("Itinerary"), self.itinerary()),
            (say("Main activities and results"), self.results()),
            (say("Overall results"), self.text(rep.summary) or [missing]),
            (_label(Report, "insights", lang), self.text(rep.insights) or [missing]),
            (say("Follow-up plan"), self.follow_up()),
            (_label(Report, "expenses", lang), self.expenses()),
            (_label(Report, "attachments", lang), self.attachments()),
        ]
        return Paperwork(REPORT, lang, say("Post-trip report"), info.title,
                         self._lines(info.organization, rep.author, self.date(rep.date)),
                         info.marking, _numbered(sections, lang), self.approval())

    def results(self) -> list:
        lang, say = self.lang, self.say
        titled = []
        for stop in self.stops_in_time():
            facts = self._stop_facts(stop, attendees=True)
            said = []
            for r in stop.discussion:
                if not r.text.strip():
                    continue
                side = schema.choice_label(r.side, lang) if r.side else ""
                who = self.who(r.speaker)
                joined = f"{side}, {who}" if self.lang == "en" else side + _bracketed(who)
                head = joined if side and who else side or who
                said.append(Line(0, BULLETS[0], (f"{head}: " if head else "")
                                 + " ".join(r.text.split())))
            body: tuple = ((facts,) if facts.rows else ()) + tuple(self._outline([
                (_label(Stop, "discussion", lang), said),
                (say("Results"), self.lines(stop.results)),
            ]))
            if not stop.results.strip():
                body += (Flag(say("No results written for this visit yet.")),)
            titled.append((stop.title, body))
        return self._part_titles(titled)

    def follow_up(self) -> list:
        lang, say = self.lang, self.say
        found = follow_ups(self.trip)
        if not found:
            return []
        rows = tuple((str(n), f.action, stop.title, self.who(f.owner), dates.date(f.due, lang),
                      say("Done") if f.done else say("In progress"))
                     for n, (stop, f) in enumerate(found, 1))
        return [Grid(("#", _label(FollowUp, "action", lang), say("Related visit"),
                      _label(FollowUp, "owner", lang), _label(FollowUp, "due", lang),
                      say("State")), rows, (6, 42, 40, 28, 30, 24))]

    def expenses(self) -> list:
        """경비 집행: per item the budget and what was spent, in the item's own currency when it
        is foreign and in won, and the difference in won; each column one unit, so the total in
        won stands under won only. An overspent item's difference is marked; the total's
        overspend is a ※ line the 과장 may keep or strike, not a box in the signed document."""
        lang, say = self.lang, self.say
        spent_items = self.trip.info.report.expenses
        if not spent_items:
            return []
        budget = self.trip.info.budget
        planned: dict[tuple[str, str], BudgetItem] = {
            (b.item.strip(), b.currency_code.upper()): b for b in budget}
        pairs, seen = [], set()
        for e in spent_items:
            key = (e.item.strip(), e.currency_code.upper())
            seen.add(key)
            pairs.append((e.item, planned.get(key), e))
        pairs += [(b.item, b, None) for key, b in planned.items() if key not in seen]
        rows, marked = [], []
        for n, (item, plan, spent) in enumerate(pairs):
            row, over = self._expense_row(item, plan, spent)
            rows.append(row)
            if over:
                marked.append((n, len(row) - 1))
        total_plan = sum((won(b.amount, b.currency_code, self.rates) or Decimal(0)
                          for b in budget), Decimal(0))
        total_spent = sum((won(e.amount, e.currency_code, self.rates) or Decimal(0)
                           for e in spent_items), Decimal(0))
        diff = total_spent - total_plan
        every = [b.currency_code.upper() for b in [*budget, *spent_items]]
        closing = ((self.won_total_label(every), "", "", "", won_text(total_plan),
                    won_text(total_spent), self.difference(diff)),)
        if diff > 0:
            marked.append((len(rows), len(closing[0]) - 1))
        blocks: list = [Grid(
            (_label(BudgetItem, "item", lang), _label(BudgetItem, "basis", lang),
             say("Budget (foreign currency)"), say("Spent (foreign currency)"),
             say("Budget in won"), say("Spent in won"), say("Difference in won")),
            tuple(rows), (26, 38, 21, 21, 21, 21, 20), right=(2, 3, 4, 5, 6),
            closing=closing, marked=tuple(marked))]
        codes = {b.currency_code.upper() for b in [*budget, *spent_items]}
        notes = self.rate_notes(codes, spent=True)
        if diff > 0:
            notes.append(Line(0, "※", say("Spending exceeds the budget by {amount} won.",
                                          amount=won_text(diff))))
        if notes:
            blocks.append(Outline(tuple(notes)))
        return blocks

    def _expense_row(self, item: str, plan: BudgetItem | None,
                     spent: BudgetItem | None) -> tuple[tuple[str, ...], bool]:
        """One item's row, and whether more was spent on it than planned."""
        code = (spent or plan).currency_code.upper()
        a = plan.amount if plan else None
        b = spent.amount if spent else None
        a_won, b_won = won(a, code, self.rates), won(b, code, self.rates)
        diff = None
        if (a_won is not None or b_won is not None) and won(Decimal(1), code, self.rates) is not None:
            diff = (b_won or Decimal(0)) - (a_won or Decimal(0))
        foreign = code != DEFAULT_CURRENCY
        basis = (spent.basis if spent and spent.basis.strip() else plan.basis if plan else "")
        return (item, basis, self.money(a, code) if foreign else "",
                self.money(b, code) if foreign else "",
                won_text(a_won) if a_won is not None else "",
                won_text(b_won) if b_won is not None else "",
                self.difference(diff) if diff is not None else ""), bool(diff and diff > 0)

    def difference(self, value: Decimal) -> str:
        """A difference in won as official documents write it: '△380,000' for less, '255,000'
        for more; in English '-380,000' and '+255,000'."""
        text = won_text(abs(value))
        if value < 0:
            return ("-" if self.lang == "en" else "△") + text
        return f"+{text}" if value > 0 and self.lang == "en" else text

    def attachments(self) -> list:
        """붙임: 1. title, 2. title…; the photos printed under the list, each with its title."""
        say = self.say
        found = [a for a in self.trip.info.report.attachments if a.title.strip() or a.file]
        if not found:
            return []
        lines, photos = [], []
        for n, a in enumerate(found, 1):
            title = a.title.strip() or Path(a.file).name
            lines.append(Line(0, marker(0, n, self.lang), title + say(" (1 copy)")))
            path = attachments.photo(self.trip, a)
            if path is not None:
                photos.append(Photo(str(path), f"{marker(0, n, self.lang)} {title}"))
        return [Outline(tuple(lines)), *photos]


def _bracketed(text: str) -> str:
    """'(GSMA 전시 담당, 예시)' for 'GSMA 전시 담당 (예시)': one pair of brackets, never one
    inside another, as official documents write an aside."""
    aside = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", text)
    return f"({aside[1]}, {aside[2]})" if aside else f"({text})"


def _rate_text(rate: Decimal) -> str:
    """'1,420.50': a rate as banks quote it, two decimals or as many as it was written with."""
    exponent = rate.as_tuple().exponent
    written = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return f"{rate:,.{max(2, written)}f}"


def _place(name: str) -> str:
    """'인천 (ICN)' -> '인천': the city of a leg's end, for a time beside it."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip() or name
