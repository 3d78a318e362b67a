"""A trip that validates exports, in both editions and on both papers, with every text field of
every record at an extreme length: a 1,500-letter Korean word, a 1,000-letter Latin one (a phone,
an e-mail), a paragraph of pages; and what it printed is there, whole."""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from briefing import validate
from briefing.book import render
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

WORD = "가" * 1500
LATIN = "x" * 1000  # breaks nowhere but between letters, as Korean does anywhere
PARAGRAPH = " ".join(["고양특례시는 첨단산업 협력을 제안합니다 & <b>강조</b>"] * 80) + " 끝문장"
LONG = f"{PARAGRAPH}\n\n- {WORD}\n- {PARAGRAPH}"
# Fields a person types without spaces.
UNBROKEN = {"phone", "email", "reference", "number"}


def stretched(record, keep=()):
    """`record` with every free text field long (choices, ids and zones left as they are)."""
    for f in schema.fields_of(type(record)):
        if f.name in keep or f.choices or "timezone" in f.key:
            continue
        if f.key in UNBROKEN:
            setattr(record, f.name, LATIN)
        elif f.kind in (schema.TEXT, schema.LONGTEXT):
            setattr(record, f.name, WORD if f.kind == schema.TEXT else LONG)
        elif f.kind == schema.TEXTS:
            setattr(record, f.name, [WORD, PARAGRAPH])
    return record


def extreme_trip() -> Trip:
    day = dt.date(2026, 5, 4)
    stop = stretched(Stop(kind="meeting", date=day, start=dt.time(9), end=dt.time(18),
                          timezone="Europe/Paris"), keep=("attendees",))
    stop.agenda = [stretched(AgendaItem(time=dt.time(9, i), minutes=1), keep=("lead",))
                   for i in range(3)]
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
        stops=[stop],
        travel=[leg], stays=[stretched(Stay()) for _ in range(2)],
        contacts=[stretched(Contact()) for _ in range(3)])


@pytest.mark.parametrize("edition, paper", [("full", "a4"), ("handout", "letter")])
def test_an_extreme_trip_that_validates_prints_every_text_whole(edition, paper):
    trip = extreme_trip()
    assert not any(p.is_error for p in validate(trip))
    data, result = render(trip, paper=paper, edition=edition)
    assert not result.notices  # laid out as designed: nothing set plainly
    text = re.sub(r"\s+", "", "".join(p.extract_text() or ""
                                      for p in PdfReader(io.BytesIO(data)).pages))
    # The contacts (day sheets and contacts page), the delegation, the travel: the Latin word
    # wraps in its cell, all of it printed.
    assert text.count(LATIN) >= 5
    assert text.count(WORD) >= 20
    # Every long paragraph to its last word (a page break may fall inside it: the running head
    # is then printed in its middle).
    assert text.count("끝문장") >= 10
