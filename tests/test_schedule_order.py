"""A row listed out of time order is told apart from one that overlaps; two stops of the
delegation at the same hours are warned about, unless the delegation splits up."""

import datetime as dt

from briefing.rules import schedule
from briefing.rules.validate import validate
from briefing.trip import model

DAY = dt.date(2023, 2, 27)


def stop(title, start, end, agenda=(), attendees=None) -> model.Stop:
    items = [model.AgendaItem(time=dt.time(*t), minutes=m, item=f"item {i + 1}")
             for i, (t, m) in enumerate(agenda)]
    return model.Stop(title=title, date=DAY, timezone="Europe/Madrid", start=dt.time(*start),
                      end=dt.time(*end), agenda=items, attendees=attendees,
                      talking_points=[model.TalkingPoint(text="point")])


def trip(*stops) -> model.Trip:
    return model.Trip(
        info=model.TripInfo(title="t", start=DAY, end=DAY + dt.timedelta(days=2)),
        delegation=[model.Person(id="mayor", name="이동환"), model.Person(id="aide", name="Kim")],
        stops=list(stops))


def messages(t: model.Trip, path: str) -> list[str]:
    return [p.message for p in validate(t) if p.path.startswith(path)]


def test_a_row_listed_before_an_earlier_time_is_out_of_order_not_an_overlap():
    s = stop("Visit", (10,), (12,), agenda=[((11,), 30), ((10,), 30), ((11, 15), 30)])
    times = schedule.agenda(s)
    assert [(f.row, f.kind, f.other) for f in times.findings] == [
        (1, schedule.OUT_OF_ORDER, 0), (2, schedule.OVERLAP, 0)]
    found = messages(trip(s), "stops[0].agenda[1]")
    assert len(found) == 1 and "out of order" in found[0] and "overlap" not in found[0]
    assert "overlap" in messages(trip(s), "stops[0].agenda[2]")[0]


def test_two_stops_at_the_same_hours_are_warned_about():
    t = trip(stop("MWC", (10,), (12,)), stop("City hall", (11,), (13,)), stop("Dinner", (13,), (14,)))
    assert messages(t, "stops[0]") == []
    found = messages(t, "stops[1].start")
    assert len(found) == 1 and "stop 1" in found[0] and "MWC" in found[0]
    assert messages(t, "stops[2]") == []  # it starts as the one before ends


def test_a_delegation_that_splits_up_may_be_in_two_places():
    t = trip(stop("MWC", (10,), (12,), attendees=["mayor"]),
             stop("Factory", (10,), (12,), attendees=["aide"]))
    assert messages(t, "stops[1].start") == []

