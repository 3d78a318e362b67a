"""What changed between two versions of a trip: `briefing.changes.diff` over constructed trips."""

from __future__ import annotations

import copy
import datetime as dt

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
from briefing.versions.changes import (
    ADDED,
    AGENDA,
    CHANGED,
    CONTACTS,
    COUNTERPARTS,
    DELEGATION,
    QUESTIONS,
    REMOVED,
    STAYS,
    STOP,
    TALKING_POINTS,
    TRAVEL,
    diff,
    excerpt,
)


def trip() -> Trip:
    return Trip(
        info=TripInfo(title="출장", start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 6),
                      version="2"),
        delegation=[Person(id="mayor", name="홍길동", title="시장"),
                    Person(id="aide", name="김비서", title="주무관")],
        stops=[
            Stop(title="시청 방문", date=dt.date(2026, 5, 4), start=dt.time(10), end=dt.time(11),
                 venue="시청", agenda=[AgendaItem(time=dt.time(10), minutes=20, item="인사"),
                                      AgendaItem(time=dt.time(10, 20), minutes=40, item="협의")],
                 talking_points=[
                     TalkingPoint(text="두 도시의 우정이 깊어지기를 바랍니다.", speaker="mayor"),
                     TalkingPoint(text="투자 유치 설명회에 초대합니다.", speaker="mayor"),
                     TalkingPoint(text="인센티브를 약속하지 않음", internal=True)],
                 questions=[Question(question="왜 왔습니까?", answer="협력하려고요.")],
                 counterparts=[Counterpart(name="Anne", title="Mayor")],
                 notes="비밀 메모"),
            Stop(title="공장 견학", date=dt.date(2026, 5, 5), start=dt.time(14)),
        ],
        travel=[TravelLeg(carrier="KE", number="KE901", origin="ICN", destination="CDG",
                          depart=dt.datetime(2026, 5, 3, 13), arrive=dt.datetime(2026, 5, 3, 18))],
        stays=[Stay(name="호텔", check_in=dt.date(2026, 5, 3), check_out=dt.date(2026, 5, 6))],
        contacts=[Contact(name="대사관", phone="+33 1")],
    )


def kinds(changes) -> list[tuple[str, str, str]]:
    return [(c.section, c.kind, c.field) for c in changes]


def test_same_trip_no_changes():
    assert diff(trip(), trip()) == []


def test_stop_moved_retimed_and_venue_changed():
    old, new = trip(), trip()
    new.stops[0].date = dt.date(2026, 5, 5)
    new.stops[0].start = dt.time(9, 30)
    new.stops[0].venue = "시청 별관"
    found = diff(old, new)
    assert kinds(found) == [(STOP, CHANGED, "date"), (STOP, CHANGED, "start"),
                            (STOP, CHANGED, "venue")]
    assert found[0].before == "2026-05-04" and found[0].after == "2026-05-05"
    assert found[0].old == dt.date(2026, 5, 4) and found[0].stop == "시청 방문"
    assert (found[1].before, found[1].after) == ("10:00", "09:30")


def test_stops_added_removed_and_renamed():
    old, new = trip(), trip()
    new.stops[0].title = "파리 시청 방문"  # renamed, same day and time: the same stop
    del new.stops[1]
    new.stops.append(Stop(title="리셉션", date=dt.date(2026, 5, 5), start=dt.time(19)))
    found = diff(old, new)
    assert kinds(found) == [(STOP, CHANGED, "title"), (STOP, ADDED, ""), (STOP, REMOVED, "")]
    assert found[0].before == "시청 방문" and found[0].after == "파리 시청 방문"
    assert found[1].label == "리셉션" and found[1].after == "2026-05-05 19:00"
    assert found[2].label == "공장 견학"


def test_stops_with_the_same_title_match_by_date():
    old, new = trip(), trip()
    old.stops[1].title = new.stops[1].title = "시청 방문"
    new.stops.reverse()
    new.stops[0].start = dt.time(15)
    found = diff(old, new)
    assert [(c.label, c.field, c.before, c.after) for c in found] == [
        ("시청 방문", "start", "14:00", "15:00")]


def test_agenda_items_added_removed_retimed():
    old, new = trip(), trip()
    agenda = new.stops[0].agenda
    agenda[1].time, agenda[1].minutes = dt.time(10, 30), 30
    del agenda[0]
    agenda.append(AgendaItem(time=dt.time(11), item="기념 촬영"))
    found = diff(old, new)
    assert kinds(found) == [(AGENDA, CHANGED, "time"), (AGENDA, CHANGED, "minutes"),
                            (AGENDA, ADDED, ""), (AGENDA, REMOVED, "")]
    assert [c.label for c in found] == ["협의", "협의", "기념 촬영", "인사"]
    assert found[0].after == "10:30" and found[2].after == "11:00 기념 촬영"


def test_talking_points_reworded_added_removed():
    old, new = trip(), trip()
    points = new.stops[0].talking_points
    points[0].text = "두 도시의 우정이 더욱 깊어지기를 바랍니다."
    del points[1]
    points.insert(0, TalkingPoint(text="완전히 새로운 말씀입니다.", key=True))
    found = diff(old, new)
    assert kinds(found) == [(TALKING_POINTS, ADDED, ""), (TALKING_POINTS, CHANGED, "text"),
                            (TALKING_POINTS, REMOVED, "")]
    assert found[1].before == "두 도시의 우정이 깊어지기를 바랍니다."
    assert found[1].after == "두 도시의 우정이 더욱 깊어지기를 바랍니다."
    assert found[2].before == "투자 유치 설명회에 초대합니다."


def test_a_long_talking_point_shows_where_it_changed():
    old, new = trip(), trip()
    start = "고양특례시는 서울과 맞닿은 인구 100만 이상의 특례시로, "
    old.stops[0].talking_points[0].text = start + "킨텍스를 품은 도시입니다."
    new.stops[0].talking_points[0].text = start + "킨텍스를 품은 첨단산업 도시입니다."
    change = diff(old, new)[0]
    assert change.before.startswith("…") and change.before.endswith("킨텍스를 품은 도시입니다.")
    assert change.after.endswith("첨단산업 도시입니다.")


def test_internal_items_are_left_out_of_the_public_changes():
    old, new = trip(), trip()
    new.stops[0].talking_points[2].text = "인센티브는 절대 약속하지 않음"
    new.stops[0].notes = "다른 메모"
    new.stops[0].questions.append(Question(question="내부 질문", internal=True))
    assert {c.section for c in diff(old, new)} == {STOP, TALKING_POINTS, QUESTIONS}
    assert diff(old, new, internal=False) == []
    # An internal point made public is new to handout readers.
    new = trip()
    new.stops[0].talking_points[2].internal = False
    assert kinds(diff(old, new, internal=False)) == [(TALKING_POINTS, ADDED, "")]
    assert kinds(diff(old, new)) == [(TALKING_POINTS, CHANGED, "internal")]


def test_counterparts_questions_people_travel_stays_contacts():
    old, new = trip(), trip()
    new.stops[0].counterparts = [Counterpart(name="Anne", title="Deputy Mayor"),
                                 Counterpart(name="Paul")]
    new.stops[0].questions[0].answer = "협력하기 위해서입니다."
    new.delegation.pop()
    new.travel[0].depart = dt.datetime(2026, 5, 3, 14)
    new.stays[0].check_out = dt.date(2026, 5, 5)
    new.contacts[0].phone = "+33 2"
    new.contacts.append(Contact(name="코디네이터"))
    found = diff(old, new)
    assert kinds(found) == [
        (DELEGATION, REMOVED, ""),
        (QUESTIONS, CHANGED, "answer"),
        (COUNTERPARTS, CHANGED, "title"), (COUNTERPARTS, ADDED, ""),
        (TRAVEL, CHANGED, "depart"), (STAYS, CHANGED, "check_out"),
        (CONTACTS, CHANGED, "phone"), (CONTACTS, ADDED, ""),
    ]
    assert found[0].label == "김비서 주무관"
    assert found[4].label == "KE KE901 ICN → CDG"
    assert (found[4].before, found[4].after) == ("2026-05-03 13:00", "2026-05-03 14:00")


def test_diff_does_not_touch_its_inputs():
    old, new = trip(), trip()
    new.stops.pop()
    before_old, before_new = copy.deepcopy(old), copy.deepcopy(new)
    diff(old, new)
    assert old == before_old and new == before_new


def test_excerpt():
    assert excerpt("a\n  b") == "a b"
    assert len(excerpt("가" * 200)) == 60 and excerpt("가" * 200).endswith("…")
