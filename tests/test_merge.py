"""Three-way merge of trips: two people's edits of one version combined field by field, records
paired as the changes page pairs them, collisions named and chosen, nothing lost."""

import copy
import datetime as dt

from briefing.fileformat import reader as fileformat
from briefing.trip import model
from briefing.versions.merge import DELETED, MINE, THEIRS, merge


def base_trip() -> model.Trip:
    return model.Trip(
        info=model.TripInfo(title="Europe", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5),
                            objectives=["Investment", "Partnerships"]),
        delegation=[model.Person(id="mayor", name="Lee"), model.Person(id="aide", name="Kim")],
        stops=[
            model.Stop(title="MWC", date=dt.date(2023, 2, 27), start=dt.time(10), venue="Fira",
                       agenda=[model.AgendaItem(time=dt.time(10), minutes=30, item="Welcome"),
                               model.AgendaItem(time=dt.time(10, 30), minutes=60, item="Tour")],
                       talking_points=[model.TalkingPoint(text="Thank the hosts for the invitation"),
                                       model.TalkingPoint(text="Propose a smart city partnership"),
                                       model.TalkingPoint(text="Invite them to Goyang next year")]),
            model.Stop(title="City hall", date=dt.date(2023, 3, 1), venue="Ajuntament"),
        ],
    )


def three():
    base = base_trip()
    return base, copy.deepcopy(base), copy.deepcopy(base)


def test_edits_that_do_not_collide_are_combined():
    base, mine, theirs = three()
    mine.stops[1].venue = "Plaça del Vi 1"
    mine.info.subtitle = "MWC 2023"
    theirs.stops[0].agenda[1].minutes = 45
    theirs.contacts.append(model.Contact(name="Embassy"))
    result = merge(base, mine, theirs)
    assert result.clean
    trip = result.trip
    assert trip.stops[1].venue == "Plaça del Vi 1" and trip.info.subtitle == "MWC 2023"
    assert trip.stops[0].agenda[1].minutes == 45
    assert [c.name for c in trip.contacts] == ["Embassy"]
    assert fileformat.loads(fileformat.dumps(trip)) == trip  # a trip that saves and reads back


def test_a_stop_inserted_by_one_and_an_edit_by_the_other_both_survive():
    base, mine, theirs = three()
    theirs.stops.insert(0, model.Stop(title="Embassy briefing", date=dt.date(2023, 2, 26)))
    mine.stops[0].venue = "Fira Gran Via, Hall 4"  # mine's stop 1 is theirs' stop 2
    mine.stops[1].agenda.append(model.AgendaItem(time=dt.time(9), item="Courtesy call"))
    result = merge(base, mine, theirs)
    assert result.clean
    assert [s.title for s in result.trip.stops] == ["Embassy briefing", "MWC", "City hall"]
    assert result.trip.stops[1].venue == "Fira Gran Via, Hall 4"
    assert result.trip.stops[2].agenda[0].item == "Courtesy call"


def test_both_inserting_stops_keeps_both_and_their_places():
    base, mine, theirs = three()
    mine.stops.insert(1, model.Stop(title="Lunch", date=dt.date(2023, 2, 27)))
    theirs.stops.append(model.Stop(title="Dortmund", date=dt.date(2023, 3, 4)))
    result = merge(base, mine, theirs)
    assert [s.title for s in result.trip.stops] == ["MWC", "Lunch", "City hall", "Dortmund"]


def test_the_same_stop_added_on_both_sides_is_one_stop():
    base, mine, theirs = three()
    mine.stops.append(model.Stop(title="Dortmund", date=dt.date(2023, 3, 4), city="Dortmund"))
    theirs.stops.append(model.Stop(title="Dortmund", date=dt.date(2023, 3, 4), venue="Rathaus"))
    result = merge(base, mine, theirs)
    assert result.clean
    last = result.trip.stops[-1]
    assert len(result.trip.stops) == 3 and (last.city, last.venue) == ("Dortmund", "Rathaus")


def test_list_items_reordered_by_one_and_edited_by_the_other():
    base, mine, theirs = three()
    points = theirs.stops[0].talking_points
    points.insert(0, points.pop(2))  # theirs moves the last point first
    mine.stops[0].talking_points[1].text = "Propose a smart city partnership with Barcelona"
    mine.stops[0].talking_points[0].key = True
    result = merge(base, mine, theirs)
    assert result.clean
    texts = [p.text for p in result.trip.stops[0].talking_points]
    assert texts == ["Invite them to Goyang next year", "Thank the hosts for the invitation",
                     "Propose a smart city partnership with Barcelona"]
    assert result.trip.stops[0].talking_points[1].key


def test_a_field_both_changed_differently_is_a_collision_shown_and_chosen():
    base, mine, theirs = three()
    mine.stops[0].agenda[1].time = dt.time(10, 45)
    theirs.stops[0].agenda[1].time = dt.time(11, 0)
    theirs.stops[0].venue = "Fira Gran Via"  # no collision: taken
    result = merge(base, mine, theirs)
    [c] = result.collisions
    assert (c.mine, c.theirs, c.base) == (dt.time(10, 45), dt.time(11), dt.time(10, 30))
    assert c.place("en", result.trip) == 'Stop 1 "MWC" › Agenda row 2 › Time'
    assert c.place("ko", result.trip) == '1. MWC › 세부 일정 2행 › 시각'
    assert (c.text(THEIRS), c.text(MINE)) == ("11:00", "10:45")
    assert result.trip.stops[0].agenda[1].time == dt.time(10, 45)  # mine until chosen
    assert result.trip.stops[0].venue == "Fira Gran Via"
    trip = result.choose([THEIRS])
    assert trip.stops[0].agenda[1].time == dt.time(11)


def test_both_making_the_same_change_is_no_collision():
    base, mine, theirs = three()
    mine.info.title = theirs.info.title = "Europe 2023"
    assert merge(base, mine, theirs).clean


def test_a_record_deleted_by_them_and_edited_by_me_is_asked_about():
    base, mine, theirs = three()
    del theirs.stops[0].agenda[0]
    mine.stops[0].agenda[0].minutes = 20
    result = merge(base, mine, theirs)
    [c] = result.collisions
    assert c.theirs is DELETED and c.label == "Welcome"
    assert c.place("en", result.trip) == 'Stop 1 "MWC" › Agenda › Welcome'
    assert c.text(THEIRS) == "(deleted)" and "Minutes: 20" in c.text(MINE)
    assert [a.item for a in result.trip.stops[0].agenda] == ["Welcome", "Tour"]
    assert [a.item for a in result.choose({0: THEIRS}).stops[0].agenda] == ["Tour"]


def test_a_record_deleted_by_me_and_edited_by_them_is_asked_about():
    base, mine, theirs = three()
    del mine.stops[0].talking_points[1]
    theirs.stops[0].talking_points[1].speaker = "mayor"
    result = merge(base, mine, theirs)
    [c] = result.collisions
    assert c.mine is DELETED
    assert len(result.trip.stops[0].talking_points) == 2  # mine: deleted, until chosen
    points = result.choose([THEIRS]).stops[0].talking_points
    assert [p.speaker for p in points] == ["", "mayor", ""]


def test_a_record_deleted_on_one_side_and_untouched_on_the_other_goes():
    base, mine, theirs = three()
    del theirs.stops[1]
    mine.stops[0].title = "MWC 2023"
    result = merge(base, mine, theirs)
    assert result.clean and [s.title for s in result.trip.stops] == ["MWC 2023"]


def test_lines_added_on_both_sides_are_all_kept():
    base, mine, theirs = three()
    mine.info.objectives.append("Tourism")
    theirs.info.objectives.insert(0, "Culture")
    theirs.info.objectives.remove("Partnerships")
    result = merge(base, mine, theirs)
    assert result.clean
    assert result.trip.info.objectives == ["Culture", "Investment", "Tourism"]


def test_several_collisions_choose_each_side_separately():
    base, mine, theirs = three()
    mine.info.title, theirs.info.title = "Mine", "Theirs"
    mine.stops[1].venue, theirs.stops[1].venue = "Here", "There"
    result = merge(base, mine, theirs)
    assert len(result.collisions) == 2
    trip = result.choose({0: MINE, 1: THEIRS})
    assert (trip.info.title, trip.stops[1].venue) == ("Mine", "There")


def test_my_comments_follow_my_records_into_the_merge():
    from briefing.fileformat import comments

    text = (
        "briefing: 1\n"
        "trip:\n"
        "  title: 출장  # 가제\n"
        "  start: 2023-02-26\n"
        "  end: 2023-03-05\n"
        "stops:\n"
        "  # 시장실 확인 필요\n"
        "  - title: 방문 A\n"
        "    date: 2023-02-27\n"
        "  - title: 방문 B  # 일정 미정\n"
        "    date: 2023-02-28\n"
    )
    base, mine, theirs = (fileformat.loads(text) for _ in range(3))
    mine.stops[1].city = "Girona"
    theirs.stops.insert(0, model.Stop(title="방문 0", date=dt.date(2023, 2, 26)))
    merged = merge(base, mine, theirs)
    assert merged.clean
    saved = fileformat.dumps(merged.trip)
    found = {(path, note) for path, _place, note in comments.listing(fileformat.loads(saved))}
    # The comments stay beside the stops they were written next to, now one further down.
    assert (("stops", 1), "# 시장실 확인 필요") in found
    assert (("stops", 2, "title"), "# 일정 미정") in found
    assert (("trip", "title"), "# 가제") in found


def test_a_comment_beside_a_stop_they_deleted_goes_with_it():
    from briefing.fileformat import comments

    text = ("briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"
            "stops:\n  - title: 방문 A  # 지울 것\n    date: 2023-02-27\n"
            "  - title: 방문 B\n    date: 2023-02-28\n")
    base, mine, theirs = (fileformat.loads(text) for _ in range(3))
    del theirs.stops[0]
    merged = merge(base, mine, theirs)
    assert merged.clean
    assert comments.listing(fileformat.loads(fileformat.dumps(merged.trip))) == []


def test_their_new_comments_join_mine_in_the_merge():
    from briefing.fileformat import comments

    text = ("briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"
            "stops:\n  - title: 방문 A\n    date: 2023-02-27\n    city: Girona\n")
    base, mine = fileformat.loads(text), fileformat.loads(text.replace(
        "  title: 출장\n", "  title: 출장  # 내 메모\n"))
    theirs = fileformat.loads(text.replace("    city: Girona\n", "    city: Girona  # 동료 수정\n"))
    mine.info.subtitle = "MWC"
    merged = merge(base, mine, theirs)
    assert merged.clean
    found = {(path, note) for path, _place, note in
             comments.listing(fileformat.loads(fileformat.dumps(merged.trip)))}
    assert (("trip", "title"), "# 내 메모") in found
    assert (("stops", 0, "city"), "# 동료 수정") in found


def test_a_stop_both_renamed_and_i_retimed_is_still_one_stop():
    text = ("briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"
            "stops:\n  - title: MWC\n    date: 2023-02-27\n    start: 10:00\n"
            "  - title: City hall\n    date: 2023-03-01\n")
    base, mine, theirs = (fileformat.loads(text) for _ in range(3))
    mine.stops[0].title, mine.stops[0].start = "MWC 2023 내 수정", dt.time(13)
    theirs.stops[0].title = "MWC 동료"
    theirs.stops.insert(1, model.Stop(title="New by colleague", date=dt.date(2023, 2, 28)))
    merged = merge(base, mine, theirs)
    # One collision, about the title: never "deleted" for a stop nobody deleted.
    assert [c.where[-1] for c in merged.collisions] == ["title"]
    assert [s.title for s in merged.trip.stops] == ["MWC 2023 내 수정", "New by colleague",
                                                     "City hall"]
    assert merged.trip.stops[0].start == dt.time(13)
    assert [s.title for s in merged.choose([THEIRS]).stops] == ["MWC 동료", "New by colleague",
                                                                 "City hall"]


def two_talks() -> model.Trip:
    """Two same-titled stops on one day, told apart only by their time and hall."""
    return model.Trip(
        info=model.TripInfo(title="Expo", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5)),
        stops=[model.Stop(title="Talk", date=dt.date(2023, 2, 27), start=dt.time(10),
                          venue="Hall A"),
               model.Stop(title="Talk", date=dt.date(2023, 2, 27), start=dt.time(15),
                          venue="Hall B")])


def test_same_titled_stops_on_one_day_are_told_apart_by_time_and_place():
    base = two_talks()
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.stops[1].purpose = "Present the smart city plan"  # I edit the 15:00 talk in Hall B
    del theirs.stops[0]  # they delete the 10:00 talk in Hall A
    result = merge(base, mine, theirs)
    assert result.clean
    assert [(s.venue, s.purpose) for s in result.trip.stops] == [
        ("Hall B", "Present the smart city plan")]


def test_a_combination_that_breaks_a_rule_is_a_collision_never_a_silent_result():
    from briefing.rules.validate import validate

    base, mine, theirs = three()
    mine.info.start = dt.date(2023, 3, 1)  # mine moves the start later
    theirs.info.end = dt.date(2023, 2, 28)  # theirs the end earlier: before my new start
    result = merge(base, mine, theirs)
    [c] = result.collisions
    assert c.place("en", result.trip) == "Trip › End"
    assert "ends (2023-02-28) before it starts (2023-03-01)" in c.reason("en")
    assert (c.text(MINE), c.text(THEIRS)) == ("2023-03-05", "2023-02-28")
    assert not [p for p in validate(result.trip) if p.is_error]  # mine there: a valid trip
    assert result.choose([THEIRS]).info.end == dt.date(2023, 2, 28)  # only if asked for


def test_comments_merge_three_way_like_values():
    from briefing.fileformat import comments

    text = ("briefing: 1\ntrip:\n  title: 출장  # 가제\n  start: 2023-02-26\n  end: 2023-03-05\n"
            "stops:\n  # 시장실 확인 필요\n  - title: 방문 A\n    date: 2023-02-27\n")
    base, theirs = fileformat.loads(text), fileformat.loads(text)
    mine = fileformat.loads(text.replace("  # 가제", "").replace("확인 필요", "확인 완료"))
    theirs.stops[0].city = "Girona"
    merged = merge(base, mine, theirs)
    assert merged.clean
    found = [(path, note) for path, _place, note in
             comments.listing(fileformat.loads(fileformat.dumps(merged.trip)))]
    # the one I deleted does not come back; the one I edited is there once, as I wrote it
    assert found == [(("stops", 0), "# 시장실 확인 완료")]
