"""Every trip that validates prints, in either edition, on either paper, as any copy: hypothesis
draws trips whose every text field may be short, long, one unbreakable Latin or Korean word,
many paragraphs or many lines, with lists of any length, and exports each.

The default run draws the number of examples of the `ci` profile (tests/conftest.py); a long
run: `pytest tests/test_book_property.py --hypothesis-profile nightly`.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

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

SENTENCE = "고양특례시는 첨단산업 협력을 제안합니다 & <b>강조</b> a<b "
# Fields whose value the format constrains (ids, zones, people's ids): left as the skeleton has them.
FIXED = {"id", "attendees", "speaker", "lead", "language", "version"}


@st.composite
def texts(draw, long_text: bool = True, required: bool = False) -> str:
    """One text of any of the shapes that broke a layout once (empty unless `required`)."""
    # Mostly short, so that a book stays a few pages and 200 of them fit the CI budget.
    kind = draw(st.sampled_from(
        ["", "", "", "", "", "", "short", "short", "short", "short", "short", "short",
         "long", "latin", "korean", "paragraphs", "lines"][required * 6:]))
    if kind == "":
        return ""
    if kind == "short":
        return draw(st.sampled_from(["회의", "Meeting", "a < b & c", "010-1234-5678", "가 나"]))
    if kind == "latin":  # a phone, an e-mail, a URL without a space
        return "x" * draw(st.integers(20, 400)) + draw(st.sampled_from(["", "@example.org"]))
    if kind == "korean":
        return "가" * draw(st.integers(20, 400))
    if kind == "long":
        return (SENTENCE * draw(st.integers(5, 30 if long_text else 15))).strip()
    n = draw(st.integers(2, 25 if long_text else 12))
    if kind == "paragraphs":
        return "\n\n".join(f"문단{i} {SENTENCE}" for i in range(n))
    return "\n".join(f"줄{i} 내용" for i in range(n))


@st.composite
def filled(draw, record):
    """`record` with every free text field drawn (choices, ids and zones left as they are)."""
    for f in schema.fields_of(type(record)):
        if f.name in FIXED or f.choices or "timezone" in f.key:
            continue
        if f.kind in (schema.TEXT, schema.LONGTEXT):
            setattr(record, f.name, draw(texts(f.kind == schema.LONGTEXT, f.required)))
        elif f.kind == schema.TEXTS:
            setattr(record, f.name, draw(st.lists(texts(False), max_size=3)))
    return record


def records(blank, most: int):
    """Lists of records drawn from `blank` (a strategy of records), their texts filled."""
    return st.lists(blank.flatmap(filled), max_size=most)


@st.composite
def trips(draw) -> Trip:
    day = dt.date(2026, 5, 4)

    stop = st.builds(Stop, kind=st.just("meeting"), date=st.just(day),
                     start=st.just(dt.time(9)), end=st.just(dt.time(18)),
                     timezone=st.just("Europe/Paris"))
    stops = draw(st.lists(stop.flatmap(filled), min_size=1, max_size=2))
    for s in stops:
        s.agenda = draw(records(st.builds(AgendaItem, time=st.just(dt.time(10)),
                                          minutes=st.just(30)), 4))
        s.talking_points = draw(records(st.builds(
            TalkingPoint, speaker=st.just("mayor"), key=st.booleans(), internal=st.booleans()),
            3))
        s.questions = draw(records(st.builds(Question, internal=st.booleans()), 3))
        s.counterparts = draw(records(st.builds(Counterpart), 2))
    info = draw(filled(TripInfo(start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 6))))
    info.title = info.title or "출장"
    mayor = draw(filled(Person(id="mayor")))
    return Trip(
        info=info,
        delegation=[mayor, *draw(records(st.builds(Person, id=st.just("aide")), 1))],
        stops=stops,
        travel=draw(records(st.builds(TravelLeg, mode=st.just("flight"),
                                      depart=st.just(dt.datetime(2026, 5, 3, 13)),
                                      arrive=st.just(dt.datetime(2026, 5, 3, 18))), 2)),
        stays=draw(records(st.builds(Stay), 2)),
        contacts=draw(records(st.builds(Contact), 4)))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                HealthCheck.filter_too_much])
@given(trip=trips(), edition=st.sampled_from(["full", "handout"]),
       paper=st.sampled_from(["a4", "letter"]), copy=st.sampled_from([None, "mayor"]))
def test_every_trip_that_validates_prints(trip, edition, paper, copy):
    assume(not any(p.is_error for p in validate(trip)))
    data, result = render(trip, paper=paper, edition=edition, reader=copy)
    assert data.startswith(b"%PDF") and result.pages >= 2
    # Laid out as designed, else set plainly under a notice naming the field (book/fallback.py).
    plain = [n for n in result.notices if "일반 텍스트" in n or "plain text" in n]
    assert not [n for n in plain if n.startswith(("자료집의 한 부분", "A part of the book"))]
