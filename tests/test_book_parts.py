"""The book's pure parts: the itinerary's time order and days, text fields, labels, escaping."""

from __future__ import annotations

import datetime as dt

from briefing.book import labels, text
from briefing.book.fonts import FontSet
from briefing.rules import timeline
from briefing.trip.model import Stay, Stop, TravelLeg, Trip, TripInfo


def trip() -> Trip:
    return Trip(
        info=TripInfo(title="t", start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 4)),
        stops=[
            Stop(title="late", date=dt.date(2026, 3, 2), start=dt.time(15), timezone="Europe/Paris"),
            Stop(title="early", date=dt.date(2026, 3, 2), start=dt.time(9), timezone="Europe/Paris"),
            Stop(title="untimed", date=dt.date(2026, 3, 2)),
        ],
        travel=[TravelLeg(origin="ICN", destination="CDG", depart=dt.datetime(2026, 3, 1, 13),
                          depart_timezone="Asia/Seoul", arrive=dt.datetime(2026, 3, 1, 18),
                          arrive_timezone="Europe/Paris")],
        stays=[Stay(name="hotel", check_in=dt.date(2026, 3, 1), check_out=dt.date(2026, 3, 3))],
    )


def test_events_in_time_order_grouped_by_day():
    days = timeline.days(trip())
    assert [(n, d.day) for n, d, _ in days] == [(1, 1), (2, 2)]
    first, second = days[0][2], days[1][2]
    assert [e.kind for e in first] == [timeline.LEG, timeline.STAY]
    assert [e.item.title for e in second] == ["untimed", "early", "late"]


def test_home_time_beside_local_time():
    start, end = timeline.stop_times(trip(), trip().stops[0])
    assert start.local == dt.datetime(2026, 3, 2, 15) and start.home == dt.datetime(2026, 3, 2, 23)
    assert end is None
    late = Stop(date=dt.date(2026, 3, 2), start=dt.time(18), timezone="Europe/Paris")
    assert timeline.stop_times(trip(), late)[0].home_shift == "+1"


def test_arrival_on_a_later_day():
    leg = TravelLeg(depart=dt.datetime(2026, 3, 4, 21), arrive=dt.datetime(2026, 3, 5, 15))
    assert timeline.arrival_shift(leg) == "+1"
    assert timeline.arrival_shift(TravelLeg(depart=dt.datetime(2026, 3, 4, 9))) == ""


def test_text_blocks_bullets_paragraphs_and_hard_wraps():
    # A single line break inside a paragraph is a wrap in the file: the lines are one.
    value = "첫 줄\n둘째 줄\n\n- 항목 하나\n  이어지는 줄\n- 항목 둘\n다음 문단"
    blocks = text.blocks(value)
    assert blocks == [
        text.Block(False, ("첫 줄 둘째 줄",)),
        text.Block(True, ("항목 하나 이어지는 줄",)),
        text.Block(True, ("항목 둘",)),
        text.Block(False, ("다음 문단",)),
    ]
    assert text.blocks("") == []


def test_markup_is_escaped_and_missing_glyphs_replaced():
    fonts = FontSet("x", "x", True, charset=frozenset("<>&/abcimgsr=\" 가□"))
    t = text.Text(fonts)
    assert t.markup('<img src="a"/>') == '&lt;img src="a"/&gt;'
    assert t.markup("a & b\nc") == "a &amp; b<br/>c"
    assert t.markup("가😀\u200d\ufe0f가") == "가가"  # an emoji the font lacks is left out
    assert t.markup("가 丒 가") == "가 □ 가"  # a letter it lacks stays visible as a box
    assert list(t.dropped) == ["😀\u200d"]


def test_emoji_left_out_with_their_modifiers_and_reported():
    fonts = FontSet("x", "x", True, charset=frozenset(" 가출장X□"))
    t = text.Text(fonts)
    assert t.clean("🇰🇷✈️🇪🇸 👍🏽 𝕏 출장") == "X 출장"
    assert t.clean("가 👨‍👩‍👧 가\n✈ 출장") == "가 가\n출장"
    assert list(t.dropped) == ["🇰🇷", "✈", "🇪🇸", "👍🏽", "👨‍👩‍👧"]
    assert t.dropped_notice() == ("5 characters the font cannot print were left out: "
                                  "🇰🇷 ✈ 🇪🇸 👍🏽 👨‍👩‍👧")
    assert text.Text(fonts).dropped_notice() == ""


def test_labels_in_both_languages():
    ko, en = labels.Labels("ko"), labels.Labels("en")
    day = dt.date(2023, 2, 27)
    assert ko.date(day) == "2023. 2. 27.(월)" and en.date(day) == "Mon 27 Feb 2023"
    assert ko("day", n=3) == "3일차" and en("day", n=3) == "Day 3"
    assert ko.city("Asia/Seoul") == "서울" and en.city("America/Sao_Paulo") == "Sao Paulo"
    assert ko.choice("press", "closed") == "비공개" and en.choice("kind", "odd") == "odd"
    assert labels.Labels("fr").lang == "ko"


def test_counts_in_singular_and_plural():
    ko, en = labels.Labels("ko"), labels.Labels("en")
    assert en.count("nights", 1) == "1 night" and en.count("nights", 3) == "3 nights"
    assert ko.count("nights", 1) == "1박" and ko.count("nights", 3) == "3박"


def test_an_overnight_leg_arrives_on_its_own_day():
    t = trip()
    t.travel.append(TravelLeg(origin="CDG", destination="ICN", depart=dt.datetime(2026, 3, 3, 21),
                              depart_timezone="Europe/Paris", arrive=dt.datetime(2026, 3, 4, 15),
                              arrive_timezone="Asia/Seoul"))
    days = timeline.days(t)
    assert [n for n, _, _ in days] == [1, 2, 3, 4]
    assert [e.kind for e in days[2][2]] == [timeline.LEG]
    (arrival,) = days[3][2]
    assert arrival.kind == timeline.ARRIVAL and arrival.item is t.travel[1]
    assert arrival.end.local == dt.datetime(2026, 3, 4, 15)


def test_utc_offsets_and_the_zones_of_a_day():
    assert timeline.utc_offset("Europe/Madrid", dt.date(2026, 1, 5)) == "UTC+1"
    assert timeline.utc_offset("Europe/Madrid", dt.date(2026, 7, 5)) == "UTC+2"
    assert timeline.utc_offset("Asia/Kolkata", dt.date(2026, 7, 5)) == "UTC+5:30"
    assert timeline.utc_offset("America/Sao_Paulo", dt.date(2026, 7, 5)) == "UTC-3"
    assert timeline.utc_offset("Nowhere/Else", dt.date(2026, 7, 5)) == ""
    t = trip()
    (_, day1, first), (_, day2, second) = timeline.days(t)
    assert timeline.day_zones(t, day1, first) == ["Asia/Seoul", "Europe/Paris"]
    assert timeline.day_zones(t, day2, second) == ["Europe/Paris"]  # "untimed" has no zone
