"""Bad trip files: each gets a clear message at the right line and column, never a traceback."""

import os

import pytest

import briefing
from briefing.fileformat import reader as fileformat
from briefing.trip.problems import TripFileError

GOOD_HEAD = "briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"


def problems_of(data, name="t.yaml"):
    with pytest.raises(TripFileError) as info:
        fileformat.loads(data, name)
    return info.value.problems


def only(data):
    problems = problems_of(data)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_not_yaml_points_at_the_broken_line():
    p = only(GOOD_HEAD + "stops:\n  - title: [unclosed\n    date: 2023-02-27\n")
    assert "not valid YAML" in p.message
    assert "line 7, column 12" in p.message  # where the flow list that never closes starts
    assert str(p).startswith("t.yaml:")


def test_tab_indentation_is_named_as_such():
    p = only("briefing: 1\ntrip:\n\ttitle: x\n")
    assert (p.line, p.column) == (3, 1)
    assert "tab" in p.message and "spaces" in p.message


def test_list_where_a_mapping_belongs():
    p = only(GOOD_HEAD.replace("trip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n",
                               "trip:\n  - title: 출장\n"))
    assert p.path == "trip" and (p.line, p.column) == (3, 3)
    assert "expected a mapping" in p.message and "found a list" in p.message


def test_mapping_where_a_list_belongs():
    p = only(GOOD_HEAD + "stops:\n  title: 방문\n")
    assert p.path == "stops" and p.line == 7
    assert "expected a list" in p.message


def test_unknown_key_suggests_the_right_one():
    p = only(GOOD_HEAD + "stops:\n  - title: 방문\n    date: 2023-02-27\n    venu: Fira\n")
    assert p.path == "stops[0].venu" and (p.line, p.column) == (9, 5)
    assert "did you mean `venue`" in p.message


def test_unknown_top_level_key():
    p = only(GOOD_HEAD + "delegaton: []\n")
    assert (p.line, p.column) == (6, 1) and "did you mean `delegation`" in p.message


def test_duplicate_key_is_an_error_not_a_silent_overwrite():
    p = only(GOOD_HEAD + "  title: 두번째\n")
    assert p.path == "trip.title" and p.line == 6
    assert "twice" in p.message and "line 3" in p.message


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "2023-02-29"])
def test_impossible_dates(value):
    p = only(GOOD_HEAD.replace("2023-02-26", value))
    assert p.path == "trip.start" and (p.line, p.column) == (4, 10)
    assert value in p.message and "not a real date" in p.message


def test_date_in_the_wrong_shape():
    p = only(GOOD_HEAD.replace("2023-02-26", "26.02.2023"))
    assert "YYYY-MM-DD" in p.message


@pytest.mark.parametrize("value", ["25:61", "24:00", "9:60", "10h", "ten"])
def test_bad_times(value):
    p = only(GOOD_HEAD + f"stops:\n  - title: 방문\n    date: 2023-02-27\n    start: {value}\n")
    assert p.path == "stops[0].start" and (p.line, p.column) == (9, 12)
    assert value in p.message and "HH:MM" in p.message or "time of day" in p.message


def test_bad_minutes_and_flags():
    text = GOOD_HEAD + (
        "stops:\n  - title: 방문\n    date: 2023-02-27\n"
        "    agenda:\n      - item: 인사\n        minutes: 30분\n"
        "    talking_points:\n      - text: 말씀\n        key: maybe\n")
    problems = problems_of(text)
    assert [(p.path, p.line) for p in problems] == [
        ("stops[0].agenda[0].minutes", 11), ("stops[0].talking_points[0].key", 14)]


def test_format_version_from_the_future():
    p = only("briefing: 3\ntrip:\n  title: x\n")
    assert (p.line, p.column) == (1, 11)
    assert "format 3" in p.message and "newer Briefing" in p.message


def test_missing_format_version():
    p = only("trip:\n  title: x\n")
    assert "briefing: 1" in p.message


@pytest.mark.parametrize("text", ["", "\n\n", "   \n# just a comment\n"])
def test_empty_file(text):
    p = only(text)
    assert ("empty" in p.message or "only comments" in p.message) and (p.line, p.column) == (1, 1)


def test_anchors_and_aliases_are_refused(tmp_path):
    p = only(GOOD_HEAD + "delegation:\n  - &m\n    name: 이동환\n  - *m\n")
    assert "anchors" in p.message and p.line == 7
    bomb = "briefing: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    assert "not allowed" in only(bomb).message


def test_binary_junk():
    p = only(bytes(range(256)) * 10)
    assert "binary" in p.message


def test_legacy_encoding_is_located():
    p = only((GOOD_HEAD + "delegation:\n  - name: 이동환\n").encode("euc-kr"))
    assert "not UTF-8" in p.message and p.line == 3


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.write(GOOD_HEAD.encode())
        f.seek(50 * 1024 * 1024)
        f.write(b"\n")
    with pytest.raises(TripFileError) as info:
        fileformat.load(big)
    assert "MB" in info.value.problems[0].message


def test_multiple_documents():
    assert "more than one YAML document" in only(GOOD_HEAD + "---\n" + GOOD_HEAD).message


def test_yaml_tags_are_refused():
    p = only(GOOD_HEAD + "  subtitle: !!python/object:os.system x\n")
    assert p.path == "trip.subtitle" and "tags" in p.message


def test_bom_and_crlf_are_read_as_the_same_trip():
    plain = fileformat.loads(GOOD_HEAD + "  marking: 대외비\n")
    windows = fileformat.loads(b"\xef\xbb\xbf" + (GOOD_HEAD + "  marking: 대외비\n").replace("\n", "\r\n").encode())
    assert windows == plain
    # positions stay right on CRLF files
    bad = (GOOD_HEAD + "  start: x\n").replace("\n", "\r\n").encode()
    assert problems_of(b"\xef\xbb\xbf" + bad)[0].line == 6


def test_missing_and_unreadable_files(tmp_path):
    for path, words in [(tmp_path / "none.yaml", "no such file"), (tmp_path, "folder")]:
        with pytest.raises(TripFileError) as info:
            briefing.load(path)
        assert words in str(info.value)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can read any file")
def test_unreadable_file(tmp_path):  # pragma: no cover - CI runs as root
    path = tmp_path / "t.yaml"
    path.write_text(GOOD_HEAD)
    path.chmod(0)
    with pytest.raises(TripFileError, match="permission"):
        briefing.load(path)


def test_every_problem_is_reported_in_one_pass(tmp_path, cli):
    """A bad value does not hide the other problems of the file (the validate command)."""
    path = tmp_path / "t.yaml"
    path.write_text(GOOD_HEAD.replace("2023-02-26", "2023-02-30") + (
        "  home_timezone: Asia/Seol\nstops:\n  - title: 방문\n    date: 2023-02-27\n"
        "    kind: meating\n    start: 25:00\n"), encoding="utf-8")
    out = cli("validate", path)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert f"{path}:4:10: error: Trip › Start: `2023-02-30` is not a real date" in lines[0]
    assert any(":6:18: error: Trip › Home time zone: unknown time zone `Asia/Seol`; did you mean `Asia/Seoul`?" in x for x in lines)
    assert any(':10:11: error: Stop 1 "방문" › Kind:' in x and "meeting" in x for x in lines)
    assert any(':11:12: error: Stop 1 "방문" › Start:' in x for x in lines)
    # a value reported unreadable is not reported again as missing
    assert not any("Trip › Start: empty" in x for x in lines)
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("text, path", [
    ("!!python/object/apply:os.system [echo hi]\n", ""),
    ("briefing: 1\ntrip: !!python/object/apply:os.system\n  - echo hi\n", "trip"),
    (GOOD_HEAD + "stops:\n  - !!python/object:x\n    title: a\n", "stops[0]"),
    (GOOD_HEAD + "stops: !!set\n  ? a\n", "stops"),
])
def test_tags_on_mappings_and_lists_are_named(text, path):
    p = only(text)
    assert p.path == path and "tags such as `!!" in p.message
