"""The trip as plain dataclasses: what a trip file holds, with no I/O, no Qt and no ReportLab.

Empty text is "", an unset date or time is None, an absent list is []. The one exception is
`Stop.attendees`, where None (the whole delegation) and [] (nobody named) mean different things.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

KINDS = ("meeting", "visit", "exhibition", "conference", "reception", "other")
PRESS = ("open", "closed")
LANGUAGES = ("ko", "en")
MODES = ("flight", "train", "car", "bus", "ship", "other")
SIDES = ("ours", "theirs")  # who spoke, in a stop's discussion
DEFAULT_TIMEZONE = "Asia/Seoul"
DEFAULT_CURRENCY = "KRW"
# The newest format this version reads and writes. A trip is saved in the oldest format that holds
# it (see writer.needed_version), so a format-1 file stays readable by older copies of Briefing.
FORMAT_VERSION = 2


@dataclass
class BudgetItem:
    item: str = ""
    # Exact, as written (Decimal("1450.50")): totals per currency never show float dust.
    amount: Decimal | None = None
    currency: str = ""
    basis: str = ""

    @property
    def currency_code(self) -> str:
        return self.currency or DEFAULT_CURRENCY


@dataclass
class ExchangeRate:
    """Home-currency units for one unit of `currency`, as of a day (1,420.50 won per euro)."""

    currency: str = ""
    rate: Decimal | None = None
    as_of: dt.date | None = None
    quoted_by: str = ""  # `source` in the file: where the rate comes from


@dataclass
class Attachment:
    """붙임: a photo printed in the report (`file`, relative to the trip file), or collected
    material listed by its title only (no file)."""

    title: str = ""
    file: str = ""


@dataclass
class Report:
    """The post-trip report's own text (결과보고서); the rest of the report comes from the stops."""

    summary: str = ""
    insights: str = ""
    author: str = ""
    date: dt.date | None = None
    expenses: list[BudgetItem] = field(default_factory=list)  # what was spent, against the budget
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class TripInfo:
    title: str = ""
    subtitle: str = ""
    organization: str = ""
    purpose: str = ""
    objectives: list[str] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    home_timezone: str = ""
    language: str = ""
    marking: str = ""
    version: str = ""
    updated: dt.date | None = None
    prepared_by: str = ""
    necessity: str = ""
    expected_effects: str = ""
    budget: list[BudgetItem] = field(default_factory=list)
    budget_code: str = ""
    exchange_rates: list[ExchangeRate] = field(default_factory=list)
    approval_line: list[str] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    @property
    def timezone(self) -> str:
        return self.home_timezone or DEFAULT_TIMEZONE

    @property
    def lang(self) -> str:
        return self.language or "ko"


@dataclass
class Person:
    id: str = ""
    name: str = ""
    title: str = ""
    organization: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""

    @property
    def key(self) -> str:
        """What stops and talking points use to refer to this person."""
        return self.id or self.name


@dataclass
class AgendaItem:
    time: dt.time | None = None
    minutes: int | None = None
    item: str = ""
    lead: str = ""
    notes: str = ""

    @property
    def end_time(self) -> dt.time | None:
        if self.time is None or self.minutes is None:
            return None
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.time)
        return (start + dt.timedelta(minutes=self.minutes)).time()


@dataclass
class TalkingPoint:
    text: str = ""
    speaker: str = ""
    key: bool = False
    details: list[str] = field(default_factory=list)
    internal: bool = False


@dataclass
class Question:
    question: str = ""
    answer: str = ""
    internal: bool = False


@dataclass
class Counterpart:
    name: str = ""
    title: str = ""
    organization: str = ""
    address_as: str = ""
    bio: str = ""


@dataclass
class Remark:
    """One line of what was said at a meeting (주요 면담 내용): our side's or theirs."""

    side: str = ""  # ours | theirs
    speaker: str = ""  # a delegation id, a counterpart's name, or free text
    text: str = ""


@dataclass
class FollowUp:
    action: str = ""
    owner: str = ""  # a delegation id, or free text
    due: dt.date | None = None
    done: bool = False


@dataclass
class Stop:
    title: str = ""
    kind: str = ""
    host: str = ""
    city: str = ""
    country: str = ""
    venue: str = ""
    address: str = ""
    timezone: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    attendees: list[str] | None = None
    press: str = ""
    interpreter: str = ""
    dress_code: str = ""
    purpose: str = ""
    outcomes: list[str] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    talking_points: list[TalkingPoint] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    counterparts: list[Counterpart] = field(default_factory=list)
    background: str = ""
    protocol: str = ""
    logistics: str = ""
    notes: str = ""
    discussion: list[Remark] = field(default_factory=list)
    results: str = ""
    follow_up: list[FollowUp] = field(default_factory=list)


@dataclass
class TravelLeg:
    mode: str = ""
    carrier: str = ""
    number: str = ""
    origin: str = ""  # `from` in the file
    destination: str = ""  # `to` in the file
    depart: dt.datetime | None = None
    depart_timezone: str = ""
    arrive: dt.datetime | None = None
    arrive_timezone: str = ""
    reference: str = ""
    notes: str = ""


@dataclass
class Stay:
    name: str = ""
    city: str = ""
    address: str = ""
    phone: str = ""
    check_in: dt.date | None = None
    check_out: dt.date | None = None
    notes: str = ""


@dataclass
class Contact:
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


@dataclass
class Trip:
    info: TripInfo = field(default_factory=TripInfo)
    delegation: list[Person] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    travel: list[TravelLeg] = field(default_factory=list)
    stays: list[Stay] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    # The version the file said; a new trip is format 1 until a format-2 field is filled in. Not
    # part of the trip's value: the same trip read from either format is the same trip.
    format_version: int = field(default=1, compare=False)
    # The comment lines at the top of the file, written back on save.
    comment: str = ""
    # The file's other comments, beside the records they were written next to
    # (briefing.fileformat.comments.Comments); written back on save, not part of the trip's value.
    comments: Any = field(default=None, compare=False, repr=False)
    # Where each field was read from, when the trip came from a file: {path tuple: (line, col)}.
    # Not part of the trip's value, so it is left out of comparisons.
    source: Any = field(default=None, compare=False, repr=False)

    def person(self, key: str) -> Person | None:
        for person in self.delegation:
            if person.key == key:
                return person
        return None

    def stop_timezone(self, stop: Stop) -> str:
        return stop.timezone or self.info.timezone

    def leg_timezones(self, leg: TravelLeg) -> tuple[str, str]:
        home = self.info.timezone
        return leg.depart_timezone or home, leg.arrive_timezone or home

    def attendees(self, stop: Stop) -> list[Person]:
        """The delegation members at a stop: everyone unless the stop names them."""
        if stop.attendees is None:
            return list(self.delegation)
        return [p for k in stop.attendees if (p := self.person(k)) is not None]


# -- edits by index, each returning what its undo needs ------------------------------------------


def insert_item(items: list, index: int, item: Any) -> int:
    """Insert `item` at `index` (clamped); return the index it landed at."""
    index = max(0, min(index, len(items)))
    items.insert(index, item)
    return index


def remove_item(items: list, index: int) -> Any:
    """Remove and return the item at `index`; undo is `insert_item(items, index, item)`."""
    return items.pop(index)


def move_item(items: list, source: int, target: int) -> None:
    """Move the item at `source` so that it ends up at `target`; undo is move(target, source)."""
    items.insert(target, items.pop(source))


def set_field(record: Any, name: str, value: Any) -> Any:
    """Set a field and return its old value, for undo."""
    old = getattr(record, name)
    setattr(record, name, value)
    return old
