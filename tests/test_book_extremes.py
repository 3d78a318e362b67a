"""A trip that validates exports, in both editions and on both papers, with every text field of
every record at an extreme length: a 3,000-letter word, a 200-line paragraph, long lists."""

import dataclasses
import datetime as dt

import pytest

from briefing.book import render
from briefing.rules import validate
from briefing.trip import schema
from briefing.trip.model import (
    AgendaItem,
    Contact,
    Counterpart,
    Person,
    Question,
    Stay,
    Stop,
    TalkingPoint,
    TravelLeg,
    Trip,
    TripInfo,
)

WORD = "가" * 3000
PARAGRAPH = " ".join(["고양특례시는 첨단산업 협력을 제안합니다 & <b>강조</b>"] * 200)
LONG = f"{PARAGRAPH}\n\n- {WORD}\n- {PARAGRAPH}"


def stretched(record, keep=()):
    """`record` with every free text field long (choices, ids and zones left as they are)."""
    for f in schema.fields_of(type(record)):
        if f.name in keep or f.choices or "timezone" in f.key:
            continue
        if f.kind in (schema.TEXT, schema.LONGTEXT):
            setattr(record, f.name, WORD if f.kind == schema.TEXT else LONG)
        elif f.kind == schema.TEXTS:
            setattr(record, f.name, [WORD, PARAGRAPH] * 3)
    return record


def extreme_trip() -> Trip:
    day = dt.date(2026, 5, 4)
    stop = stretched(Stop(kind="meeting", date=day, start=dt.time(9), end=dt.time(18),
                          timezone="Europe/Paris"), keep=("attendees",))
    stop.agenda = [stretched(AgendaItem(time=dt.time(9, i), minutes=1), keep=("lead",))
                   for i in range(12)]
    stop.talking_points = [stretched(TalkingPoint(speaker="mayor", key=i % 2 == 0,
                                                  internal=i == 1), keep=("speaker",))
                           for i in range(3)]
    stop.questions = [stretched(Question(internal=i == 1)) for i in range(3)]
    stop.counterparts = [stretched(Counterpart()) for _ in range(2)]
    leg = stretched(TravelLeg(mode="flight", depart=dt.datetime(2026, 5, 3, 13),
                              arrive=dt.datetime(2026, 5, 3, 18)))
    return Trip(
        info=stretched(TripInfo(start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 6)),
                       keep=("version", "language")),
        delegation=[stretched(Person(id="mayor"), keep=("id",))],
        stops=[stop, dataclasses.replace(stop, title="둘째 방문")],
        travel=[leg], stays=[stretched(Stay()) for _ in range(4)],
        contacts=[stretched(Contact()) for _ in range(12)])


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["full", "handout"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_an_extreme_trip_that_validates_exports(edition, paper):
    trip = extreme_trip()
    assert not any(p.is_error for p in validate(trip))
    data, result = render(trip, paper=paper, edition=edition)
    assert data.startswith(b"%PDF") and result.pages > 20
