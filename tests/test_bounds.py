"""One set of bounds for load, save, validate and the window: what a save writes, a load reads."""

import datetime as dt
import subprocess
import sys

import pytest

import briefing
from briefing.fileformat import reader as fileformat
from briefing.rules import clock
from briefing.rules.validate import validate
from briefing.trip import bounds, model
from briefing.trip.problems import SaveError, TripFileError

HEAD = "briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"


def problems_of(text):
    with pytest.raises(TripFileError) as info:
        fileformat.loads(text, "t.yaml")
    return info.value.problems


def only(text):
    problems = problems_of(text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def trip(**info) -> model.Trip:
    fields = {"title": "출장", "start": dt.date(2023, 2, 26), "end": dt.date(2023, 3, 5), **info}
    return model.Trip(info=model.TripInfo(**fields))


def errors(t: model.Trip) -> list[str]:
    return [str(p) for p in validate(t) if p.is_error]


def refused_on_save(t: model.Trip, tmp_path) -> str:
    path = tmp_path / "t.yaml"
    with pytest.raises(SaveError) as info:
        briefing.save(t, path)
    assert not path.exists()  # nothing half-written, nothing written
    return str(info.value)


def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120)


# -- 5: any length of time-zone name --------------------------------------------------------------

DEEP_ZONE = "/".join(["A"] * 400)  # zoneinfo looked this up as a path: RecursionError


def test_a_deep_zone_name_is_an_unknown_zone_not_a_recursion_error():
    assert clock.zone(DEEP_ZONE) is None
    (p,) = errors(trip(home_timezone=DEEP_ZONE))
    assert "unknown time zone" in p and len(p) < 300  # the name is quoted short


@pytest.mark.parametrize("command", ["validate", "calendar", "export"])
def test_a_deep_zone_name_in_a_file_is_reported_by_every_command(tmp_path, command):
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + f"  home_timezone: {DEEP_ZONE}\n", encoding="utf-8")
    out = run(command, path, *(["-o", tmp_path / "out.pdf"] if command == "export" else []))
    assert "Traceback" not in out.stderr and "RecursionError" not in out.stderr
    assert "unknown time zone" in out.stdout + out.stderr


# -- 11: zones that mean the same on every machine ------------------------------------------------

@pytest.mark.parametrize("name, hint", [
    ("localtime", "this computer"), ("posixrules", "this computer"), ("Factory", "this computer"),
    ("posix/Asia/Seoul", "did you mean ‘Asia/Seoul’"), ("right/Europe/Oslo", "did you mean ‘Europe/Oslo’"),
    ("Asia/Seol", "did you mean ‘Asia/Seoul’"),
])
def test_machine_dependent_zones_are_refused_with_a_hint(name, hint):
    (p,) = errors(trip(home_timezone=name))
    assert "unknown time zone" in p and hint in p
    assert clock.zone(name) is None


@pytest.mark.parametrize("name", ["Asia/Seoul", "Europe/Oslo", "Asia/Calcutta", "UTC", "US/Pacific"])
def test_zones_and_their_standard_aliases_stay_valid(name):
    assert errors(trip(home_timezone=name)) == []
    assert clock.zone(name) is not None


def test_the_zone_picker_offers_no_machine_zone():
    names = clock.zone_names()
    assert "Asia/Seoul" in names and "localtime" not in names
    assert not any(n.startswith(("posix/", "right/")) for n in names)


# -- 8: years 1900-2199 -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_a_date_outside_the_years_is_refused_at_its_place(value):
    p = only(HEAD.replace("2023-02-26", value))
    assert p.path == "trip.start" and (p.line, p.column) == (4, 10)
    assert value in p.message and "1900" in p.message and "2199" in p.message


def test_the_first_and_last_years_are_read():
    t = fileformat.loads(HEAD.replace("2023-02-26", "1900-01-01").replace("2023-03-05", "2199-12-31"))
    assert (t.info.start.year, t.info.end.year) == (1900, 2199)


def test_extreme_dates_in_a_datetime_are_refused():
    text = HEAD + "travel:\n  - from: A\n    to: B\n    depart: 9999-12-31 23:00\n"
    p = only(text)
    assert p.path == "travel[0].depart" and p.line == 9 and "2199" in p.message


def test_extreme_dates_built_through_the_api_are_errors_not_overflows(tmp_path):
    t = trip(start=dt.date(1, 1, 1))
    t.stops.append(model.Stop(title="방문", date=dt.date(1, 1, 1), start=dt.time(0, 10)))
    t.travel.append(model.TravelLeg(origin="A", destination="B", depart=dt.datetime(9999, 12, 31, 23),
                                    depart_timezone="America/Los_Angeles",
                                    arrive=dt.datetime(9999, 12, 31, 23, 30)))
    found = errors(t)
    assert any("trip.start" in p and "1900" in p for p in found)
    assert any("stops[0].date" in p for p in found) and any("travel[0].depart" in p for p in found)
    assert "0001-01-01" in refused_on_save(t, tmp_path)


# -- 9: what save writes, load reads ----------------------------------------------------------------

def test_save_refuses_a_lone_surrogate_naming_the_field(tmp_path):
    t = trip()
    t.contacts.append(model.Contact(name="대사관", phone="\ud83d"))
    message = refused_on_save(t, tmp_path)
    assert "Contacts row 1 › Phone" in message and "U+D83D" in message


@pytest.mark.parametrize("minutes", [10**10, bounds.MAX_MINUTES + 1, -5])
def test_save_refuses_minutes_beyond_a_day(tmp_path, minutes):
    t = trip()
    t.stops.append(model.Stop(title="방문", date=dt.date(2023, 2, 27),
                              agenda=[model.AgendaItem(time=dt.time(9), minutes=minutes, item="인사")]))
    message = refused_on_save(t, tmp_path)
    assert "Agenda row 1 › Minutes" in message and str(bounds.MAX_MINUTES) in message
    if minutes < 10**9:  # briefing.schedule still overflows on 10**10 minutes (reported)
        assert any("stops[0].agenda[0].minutes" in p for p in errors(t))


def test_minutes_are_read_up_to_a_day_and_no_further():
    text = HEAD + "stops:\n  - title: 방문\n    date: 2023-02-27\n    agenda:\n      - item: 밤샘\n        minutes: {}\n"
    assert fileformat.loads(text.format(bounds.MAX_MINUTES)).stops[0].agenda[0].minutes == 1440
    for value in (bounds.MAX_MINUTES + 1, 10**10):
        p = only(text.format(value))
        assert p.path == "stops[0].agenda[0].minutes" and (p.line, p.column) == (11, 18)


def test_save_refuses_a_trip_over_the_file_size_naming_the_longest_text(tmp_path):
    t = trip()
    t.stops.append(model.Stop(title="방문", date=dt.date(2023, 2, 27), background="가" * (2 * 2**20)))
    message = refused_on_save(t, tmp_path)
    assert "5 MB" in message and "Background" in message


@pytest.mark.parametrize("comment", ["출처\x1b[31m", "줄\r바꿈", "a\u2028b", "\x00", "\x85"])
def test_save_refuses_a_comment_that_would_not_read_back(tmp_path, comment):
    t = trip()
    t.comment = comment
    assert "comment" in refused_on_save(t, tmp_path)


def test_a_comment_with_a_tab_and_lines_round_trips(tmp_path):
    t = trip()
    t.comment = "출처:\t전략산업과\n둘째 줄"
    briefing.save(t, tmp_path / "t.yaml")
    assert briefing.load(tmp_path / "t.yaml").comment == t.comment


# -- 12: control characters -------------------------------------------------------------------------

@pytest.mark.parametrize("escape, code", [
    ("\\0", "U+0000"), ("\\e", "U+001B"), ("\\a", "U+0007"), ("\\x7F", "U+007F"), ("\\x9b", "U+009B"),
    ("\\N", "U+0085"), ("\\u0008", "U+0008"),
])
def test_an_escaped_control_character_is_refused_at_its_line_and_column(escape, code):
    p = only(HEAD.replace("title: 출장", f'title: "가나{escape}다"'))
    assert p.path == "trip.title" and (p.line, p.column) == (3, 13) and code in p.message


def test_a_control_character_typed_into_the_file_is_located():
    p = only(HEAD.replace("title: 출장", "title: 출\x1b장"))
    assert (p.line, p.column) == (3, 11) and "U+001B" in p.message


def test_control_characters_in_lists_and_on_crlf_files_are_located():
    text = HEAD + "  objectives:\n    - 하나\n    - \"둘\\a\"\n"
    p = only(text)
    assert p.path == "trip.objectives[1]" and (p.line, p.column) == (8, 9)
    p = only(text.replace("\n", "\r\n"))
    assert (p.line, p.column) == (8, 9)


def test_tab_and_line_breaks_stay_allowed(tmp_path):
    t = fileformat.loads(HEAD.replace("title: 출장", 'title: "열\\t탭"') + '  purpose: "첫 줄\\n둘째\\r\\n"\n')
    assert t.info.title == "열\t탭" and t.info.purpose == "첫 줄\n둘째\r\n"
    briefing.save(t, tmp_path / "t.yaml")
    assert briefing.load(tmp_path / "t.yaml") == t


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\x7f", "\x9b", "\x0b"])
def test_control_characters_built_through_the_api_are_errors_and_not_saved(tmp_path, char):
    t = trip()
    t.stops.append(model.Stop(title="방문", date=dt.date(2023, 2, 27),
                              outcomes=["좋음", f"나{char}쁨"]))
    found = errors(t)
    assert len(found) == 1 and "stops[0].outcomes[1]" in found[0] and "control character" in found[0]
    assert 'Stop 1 "방문" › Desired outcomes row 2' in refused_on_save(t, tmp_path)


@pytest.mark.parametrize("escape, code", [("\\uFFFE", "U+FFFE"), ("\\uffff", "U+FFFF")])
def test_a_non_character_is_refused_at_its_line_and_column(escape, code):
    p = only(HEAD.replace("title: 출장", f'title: "가나{escape}다"'))
    assert p.path == "trip.title" and (p.line, p.column) == (3, 13) and code in p.message


def test_a_non_character_never_reaches_a_word_file(tmp_path, cli):
    t = trip()
    t.delegation.append(model.Person(id="kim", name="김\ufffe"))
    assert any("delegation[0].name" in e and "U+FFFE" in e for e in errors(t))
    (tmp_path / "t.yaml").write_text(HEAD.replace("title: 출장", 'title: "출장\\uFFFE"'),
                                      encoding="utf-8")
    out = cli("plan", "t.yaml", "-o", "x.docx", cwd=tmp_path)
    assert out.returncode == 1 and "t.yaml:3:13" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "x.docx").exists()


def test_clean_text_drops_what_no_value_may_hold():
    assert bounds.clean_text("줄\x0b바꿈\x07 탭\t\ud800끝\ufffe") == "줄\n바꿈 탭\t끝"


# -- 14a: the format version ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1.0", "one", "~", "'1.0'", "-1"])
def test_a_format_version_that_is_no_whole_number_is_named_as_such(value):
    p = only(f"briefing: {value}\ntrip:\n  title: x\n")
    assert p.path == "briefing" and "format version" in p.message and "minutes" not in p.message


# -- any length -------------------------------------------------------------------------------------

def test_a_hundred_kilobyte_title_key_and_zone_name(tmp_path):
    long = "가" * 100_000
    t = fileformat.loads(HEAD.replace("title: 출장", f"title: {long}"))
    briefing.save(t, tmp_path / "t.yaml")
    assert briefing.load(tmp_path / "t.yaml").info.title == long
    assert errors(t) == []
    p = only(HEAD + f'  "{"k" * 100_000}": 1\n')  # YAML's limit on an implicit key
    assert "the parser says" in p.message and len(p.message) < 400
    p = only(HEAD + f'  ? {"k" * 100_000}\n  : 1\n')
    assert "unknown key" in p.message and len(p.message) < 400  # the key short, then the known ones
    (e,) = errors(trip(home_timezone="Z" * 100_000))
    assert "unknown time zone" in e and len(e) < 300
    (e,) = errors(trip(home_timezone="Asia/" * 20_000))
    assert "unknown time zone" in e and len(e) < 300


# -- the window's typed values ----------------------------------------------------------------------

def test_the_window_refuses_dates_and_minutes_out_of_bounds_and_says_why():
    from briefing.ui.editors import values

    date, minutes = model_field(model.TripInfo, "start"), model_field(model.AgendaItem, "minutes")
    for f, text, words in [(date, "0001-01-01", "1900"), (minutes, "99999", "1440")]:
        with pytest.raises(ValueError, match=words):
            values.from_text(f, text)
    assert values.from_text(minutes, "1440") == 1440
    assert values.from_text(model_field(model.Stop, "title"), "붙여\x07넣기\x0b끝") == "붙여넣기\n끝"


def model_field(record, name):
    from briefing.trip import schema

    return schema.field(record, name)


def test_the_window_reads_amounts_as_staff_type_them():
    from decimal import Decimal

    from briefing.ui.editors import values

    amount = model_field(model.BudgetItem, "amount")
    assert values.from_text(amount, "14,500,000원") == Decimal("14500000")
    assert values.from_text(amount, "1,450.50") == Decimal("1450.50")
    with pytest.raises(ValueError):
        values.from_text(amount, "1,45")
    with pytest.raises(ValueError, match="this line's currency is EUR"):
        values.from_text(amount, "1,450원", currency="EUR")
    assert values.from_text(model_field(model.ExchangeRate, "rate"), "1,420.50원") == Decimal("1420.50")
