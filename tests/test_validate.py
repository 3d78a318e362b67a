"""Validation: errors stop an export, warnings point at what a reader should check."""

import datetime as dt
import json
import os

import pytest

import briefing
from briefing.fileformat import reader as fileformat
from briefing.rules.validate import validate
from briefing.trip import model

HEAD = ("briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"
        "delegation:\n  - id: mayor\n    name: 이동환\n")


def problems(text):
    trip = fileformat.loads(text, "t.yaml")
    return [(p.severity, p.path, p.line, p.message) for p in validate(trip)]


def stop(body="", talking="    talking_points:\n      - text: 말씀\n"):
    return HEAD + "stops:\n  - title: 방문\n    date: 2023-02-27\n" + body + talking


def test_example_has_no_problems(example_trip):
    assert validate(example_trip) == []


def test_example_exercises_every_field(example_trip):
    import yaml

    from briefing.trip import schema

    data = yaml.safe_load(fileformat.dumps(example_trip))

    def used(cls, records):
        return {f.key for f in schema.fields_of(cls) for r in records if f.key in r}

    def declared(cls):  # the format-1 example: format 1's fields (tests/test_format2.py: the rest)
        return {f.key for f in schema.fields_of(cls) if f.since == 1}

    assert used(model.TripInfo, [data["trip"]]) == declared(model.TripInfo)
    for key, cls in [("delegation", model.Person), ("stops", model.Stop), ("travel", model.TravelLeg),
                     ("stays", model.Stay), ("contacts", model.Contact)]:
        assert used(cls, data[key]) == declared(cls), key
    for key, cls in [("agenda", model.AgendaItem), ("talking_points", model.TalkingPoint),
                     ("questions", model.Question), ("counterparts", model.Counterpart)]:
        records = [r for s in data["stops"] for r in s.get(key, [])]
        assert used(cls, records) == declared(cls), key


def test_example_follows_the_article(example_trip):
    stops = [(s.date, s.title) for s in example_trip.stops]
    assert [d for d, _ in stops] == [dt.date(2023, 2, 27), dt.date(2023, 2, 28), dt.date(2023, 3, 1),
                                     dt.date(2023, 3, 2), dt.date(2023, 3, 3)]
    titles = " ".join(t for _, t in stops)
    for name in ("MWC", "바르셀로나 액티바", "헤로나", "메쎄 프랑크푸르트", "리드 디스커버리"):
        assert name in titles
    assert (example_trip.info.start, example_trip.info.end) == (dt.date(2023, 2, 26), dt.date(2023, 3, 5))
    assert example_trip.delegation[0].name == "이동환"


def test_required_fields():
    found = problems("briefing: 1\ntrip:\n  subtitle: x\nstops:\n  - kind: visit\n")
    errors = {(path, line) for sev, path, line, _ in found if sev == "error"}
    assert ("trip.title", 3) in errors and ("trip.start", 3) in errors
    assert ("stops[0].title", 5) in errors and ("stops[0].date", 5) in errors


def test_trip_that_ends_before_it_starts():
    found = problems(HEAD.replace("end: 2023-03-05", "end: 2023-02-01"))
    assert ("error", "trip.end", 5) == found[0][:3]


def test_unknown_time_zone_suggests_a_real_one():
    (sev, path, line, message), *_ = problems(stop("    timezone: Europe/Barcelona\n"))
    assert (sev, path, line) == ("error", "stops[0].timezone", 12)
    assert "Europe/Barcelona" in message
    _, _, _, message = problems(stop("    timezone: europe/madrid\n"))[0]
    assert "Europe/Madrid" in message
    _, _, _, message = problems(stop("    timezone: Madrid\n"))[0]
    assert "Europe/Madrid" in message


def test_bad_choices():
    found = problems(stop("    kind: meating\n    press: closd\n"))
    assert [(p, "meeting" in m or "closed" in m) for _, p, _, m in found] == [
        ("stops[0].kind", True), ("stops[0].press", True)]


def test_stop_outside_the_trip_is_a_warning():
    found = problems(stop().replace("date: 2023-02-27", "date: 2023-03-09"))
    assert [(s, p) for s, p, _, _ in found] == [("warning", "stops[0].date")]


def test_agenda_overlap_and_overrun():
    body = ('    start: "10:00"\n    end: "11:00"\n    agenda:\n'
            '      - time: "10:00"\n        minutes: 30\n        item: a\n'
            '      - time: "10:20"\n        minutes: 50\n        item: b\n')
    found = problems(stop(body))
    assert [(s, p, line) for s, p, line, _ in found] == [
        ("warning", "stops[0].agenda[1].time", 18), ("warning", "stops[0].agenda[1].minutes", 19)]
    assert "overlap" in found[0][3] and "11:10" in found[1][3]


def test_unknown_people_are_warned_with_a_hint():
    body = ("    attendees: [mayor, mayr]\n    agenda:\n      - item: 인사\n        lead: maor\n"
            "      - item: 소개\n        lead: 예시 Laura Martí\n")
    talking = "    talking_points:\n      - text: 말씀\n        speaker: mayorr\n"
    found = problems(stop(body, talking))
    paths = [(s, p) for s, p, _, _ in found]
    assert paths == [("warning", "stops[0].attendees[1]"), ("warning", "stops[0].agenda[0].lead"),
                     ("warning", "stops[0].talking_points[0].speaker")]
    assert all("did you mean ‘mayor’" in m for *_, m in found)


def test_stop_without_talking_points():
    assert [p for _, p, _, _ in problems(stop(talking=""))] == ["stops[0].talking_points"]


def test_stops_out_of_date_order():
    text = stop() + "  - title: 둘째\n    date: 2023-02-26\n    talking_points:\n      - text: x\n"
    assert [(s, p) for s, p, _, _ in problems(text)] == [("warning", "stops[1].date")]


def test_stops_compare_in_absolute_time():
    """09:00 in Madrid is after 10:00 in Seoul on the same day: no warning."""
    text = stop('    timezone: Asia/Seoul\n    start: "10:00"\n') + (
        '  - title: 둘째\n    date: 2023-02-27\n    timezone: Europe/Madrid\n    start: "09:00"\n'
        "    talking_points:\n      - text: x\n")
    assert problems(text) == []


def test_travel_leg_arriving_before_it_departs():
    text = HEAD + ("travel:\n  - from: ICN\n    to: BCN\n    depart: 2023-02-26 13:00\n"
                   "    arrive: 2023-02-26 12:00\n    arrive_timezone: Asia/Seoul\n")
    (sev, path, line, message), = problems(text)
    assert (sev, path, line) == ("warning", "travel[0].arrive", 13)
    # the same clock times are fine when the arrival is in Madrid (eight hours behind)
    assert problems(text.replace("arrive_timezone: Asia/Seoul", "arrive_timezone: Europe/Madrid")) == []


def test_travel_leg_arriving_after_the_next_stop_begins():
    text = stop('    timezone: Europe/Madrid\n    start: "10:00"\n') + (
        "travel:\n  - from: ICN\n    to: BCN\n    depart: 2023-02-27 01:00\n"
        "    arrive: 2023-02-27 11:00\n    arrive_timezone: Europe/Madrid\n")
    assert [(s, p) for s, p, _, _ in problems(text)] == [("warning", "travel[0].arrive")]


def test_a_stop_still_under_way_when_a_leg_departs_is_warned():
    """A stop copied to make a new visit keeps its hours: 11:00~15:00 on the day the train to
    the airport leaves at 11:40 is one the delegation cannot attend to its end."""
    text = stop('    timezone: Europe/Berlin\n    start: "11:00"\n    end: "15:00"\n') + (
        "travel:\n  - from: 도르트문트\n    to: 프랑크푸르트 공항\n    depart: 2023-02-27 11:40\n"
        "    depart_timezone: Europe/Berlin\n    arrive: 2023-02-27 14:00\n"
        "    arrive_timezone: Europe/Berlin\n")
    found = [(s, p, m) for s, p, _, m in problems(text)]
    assert [(s, p) for s, p, _ in found] == [("warning", "stops[0].end")]
    assert "도르트문트 → 프랑크푸르트 공항" in found[0][2] and "11:40" in found[0][2]
    # leaving after the stop has ended is the normal day
    assert problems(text.replace('end: "15:00"', 'end: "11:30"')) == []


def test_duplicate_delegation_ids():
    text = HEAD + "  - id: mayor\n    name: 다른 사람\n"
    assert [(s, p, line) for s, p, line, _ in problems(text)] == [("error", "delegation[1].id", 9)]


def test_check_out_before_check_in():
    text = HEAD + "stays:\n  - name: 호텔\n    check_in: 2023-02-28\n    check_out: 2023-02-26\n"
    assert [(s, p) for s, p, _, _ in problems(text)] == [("error", "stays[0].check_out")]


def test_messages_read_file_line_column_severity_path():
    trip = fileformat.loads(stop("    kind: meating\n"), "trip.yaml")
    assert str(validate(trip)[0]).startswith("trip.yaml:12:11: error: stops[0].kind: ‘meating’")


def test_trip_built_in_code_has_no_positions():
    trip = model.Trip(info=model.TripInfo(start=dt.date(2023, 1, 1), end=dt.date(2023, 1, 2)))
    (problem,) = briefing.validate(trip)
    assert problem.path == "trip.title" and str(problem).startswith("<trip>: error: trip.title")


# -- the command line ----------------------------------------------------------------------------


def test_cli_validate_exit_codes(tmp_path, example_path, cli):
    bad = tmp_path / "bad.yaml"
    bad.write_text(stop("    kind: meating\n"), encoding="utf-8")
    warn = tmp_path / "warn.yaml"
    warn.write_text(stop(talking=""), encoding="utf-8")
    ok = cli("validate", str(example_path))
    assert ok.returncode == 0 and ok.stdout.strip() == f"{example_path}: ok"
    assert cli("validate", str(warn)).returncode == 0
    both = cli("validate", str(example_path), str(bad), str(warn))
    assert both.returncode == 1
    assert f'{bad}:12:11: error: Stop 1 "방문" › Kind: ‘meating’ is not one of' in both.stdout
    assert f'{warn}:10:5: warning: Stop 1 "방문" › Talking points:' in both.stdout
    assert "Traceback" not in both.stderr


EMPTY_ITEM = "    agenda:\n      - time: \"10:00\"\n        item: 개회\n      - time: \"10:30\"\n        item: \"\"\n"


def test_validate_speaks_the_environments_language(tmp_path, cli):
    """LANG=ko_KR.UTF-8 gives Korean naming the stop; LANG=C English; --lang overrides both."""
    trip = tmp_path / "trip.yaml"
    trip.write_text(stop(EMPTY_ITEM), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    korean = cli("validate", str(trip), env={**env, "LANG": "ko_KR.UTF-8"})
    assert korean.returncode == 1
    assert f"{trip}:16:15: 오류: 1. 방문 › 세부 일정 2행 › 내용: 비어 있습니다" in korean.stdout
    assert "오류 1건, 경고 0건" in korean.stdout
    english = cli("validate", str(trip), env={**env, "LANG": "C"})
    assert f'{trip}:16:15: error: Stop 1 "방문" › Agenda row 2 › Item: empty' in english.stdout
    assert "1 error, 0 warnings" in english.stdout
    assert "비어" not in english.stdout
    # LC_ALL wins over LANG, LC_MESSAGES over LANG, and --lang over all of them
    assert "오류:" in cli("validate", str(trip), env={**env, "LANG": "C", "LC_ALL": "ko_KR"}).stdout
    assert "오류:" in cli("validate", str(trip), env={**env, "LANG": "C", "LC_MESSAGES": "ko"}).stdout
    assert "error:" in cli("validate", "--lang", "en", str(trip),
                           env={**env, "LANG": "ko_KR.UTF-8"}).stdout
    assert "오류:" in cli("validate", "--lang", "ko", str(trip), env={**env, "LANG": "C"}).stdout


def test_a_file_that_cannot_be_read_still_names_its_stops(tmp_path, cli):
    trip = tmp_path / "trip.yaml"
    trip.write_text(stop("    start: 25:00\n"), encoding="utf-8")
    out = cli("validate", "--lang", "ko", str(trip))
    assert out.returncode == 1 and "1. 방문 › 시작 시각:" in out.stdout


def test_cli_example_to_stdout_and_file(tmp_path, cli):
    out = cli("example")
    assert out.returncode == 0 and out.stdout.startswith("#") and "briefing: 1" in out.stdout
    target = tmp_path / "t.yaml"
    assert cli("example", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == out.stdout
    assert validate(briefing.load(target)) == []


def test_cli_example_into_a_missing_folder(tmp_path, cli):
    out = cli("example", "-o", str(tmp_path / "nope" / "t.yaml"))
    assert out.returncode == 1 and "folder does not exist" in out.stderr


def test_cli_schema_describes_the_format(example_trip, cli):
    out = cli("schema")
    schema = json.loads(out.stdout)
    assert schema["required"] == ["briefing", "trip"]
    stop_schema = schema["$defs"]["Stop"]
    assert stop_schema["properties"]["kind"]["enum"][0] == "meeting"
    assert stop_schema["additionalProperties"] is False
    assert set(schema["properties"]) == {"briefing", "trip", "delegation", "stops", "travel", "stays", "contacts"}


def test_schema_accepts_the_example_and_rejects_typos(example_path, cli):
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(cli("schema").stdout)
    # What an editor's YAML language server sees: YAML 1.1 values as PyYAML reads them.
    data = yaml.safe_load(example_path.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    jsonschema.validate(data, schema)
    data["stops"][0]["venu"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_cli_help_and_unknown_command(cli):
    assert "validate" in cli("--help").stdout
    out = cli("frobnicate", "x")
    assert out.returncode != 0 and "Traceback" not in out.stderr


# -- messages that say what to do (issue 23) --------------------------------------------------


def test_a_trip_that_ends_before_it_starts_is_one_error_not_a_warning_per_stop():
    found = problems(stop().replace("end: 2023-03-05", "end: 2023-02-20"))
    assert [(s, p) for s, p, _, _ in found] == [("error", "trip.end")]
    assert found[0][3].endswith("; correct the trip's start and end dates")


def test_a_choice_not_in_the_list_offers_the_choices_by_their_words():
    trip = fileformat.loads(stop("    kind: 미팅\n"), "t.yaml")
    (p,) = validate(trip)
    assert p.is_error and p.message == (
        "‘미팅’ is not one of the choices; write one of: ‘meeting’, ‘visit’, ‘exhibition’,"
        " ‘conference’, ‘reception’, ‘other’")
    assert p.describe("ko") == (
        "‘미팅’은 고를 수 있는 값이 아닙니다. 다음 중 하나를 쓰십시오: ‘면담’(meeting), ‘방문’(visit),"
        " ‘전시회’(exhibition), ‘회의’(conference), ‘리셉션’(reception), ‘기타’(other).")


@pytest.mark.parametrize("typed, code, korean", [
    ("공개", "open", "‘공개’는 open으로 쓰십시오."), ("비공개", "closed", "‘비공개’는 closed로 쓰십시오."),
])
def test_a_choice_typed_as_its_korean_word_says_which_code_to_write(typed, code, korean):
    trip = fileformat.loads(stop(f"    press: {typed}\n"), "t.yaml")
    (p,) = validate(trip)
    assert p.is_error and p.path == "stops[0].press"  # nothing new is accepted silently
    assert p.message == f"write ‘{typed}’ as {code}" and p.describe("ko") == korean


def test_a_speaker_not_in_the_delegation_says_the_book_prints_it_as_written():
    talking = "    talking_points:\n      - text: 말씀\n        speaker: mayr\n"
    (p,) = validate(fileformat.loads(stop(talking=talking), "t.yaml"))
    assert not p.is_error and "so the book prints it as written" in p.message
    assert "출장 자료집에 적힌 그대로 인쇄됩니다" in p.describe("ko")


def test_the_count_says_error_and_errors():
    from briefing.cli import terminal

    assert terminal.counts("t.yaml", 1, 2, "en") == "t.yaml: 1 error, 2 warnings"
    assert terminal.counts("t.yaml", 2, 1, "en") == "t.yaml: 2 errors, 1 warning"
    assert terminal.counts("t.yaml", 2, 0, "ko") == "t.yaml: 오류 2건, 경고 0건"
