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
    assert (p.line, p.column) == (7, 12)  # where the flow list that never closes starts
    assert "‘[’ here is not closed; add ‘]’" in p.message
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
    assert p.path == "stops[0].venue" and (p.line, p.column) == (9, 5)
    assert "unknown key ‘venu’; rename it to ‘venue’" in p.message


def test_unknown_top_level_key():
    p = only(GOOD_HEAD + "delegaton: []\n")
    assert (p.line, p.column) == (6, 1) and "rename it to ‘delegation’" in p.message


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
    assert "more than one document (a line with ‘---’)" in only(GOOD_HEAD + "---\n" + GOOD_HEAD).message


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


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_file(unprivileged):
    done = unprivileged.run(
        "import pathlib, briefing\n"
        "from briefing.trip.problems import TripFileError\n"
        f"path = pathlib.Path('t.yaml')\npath.write_text({GOOD_HEAD!r})\npath.chmod(0)\n"
        "try:\n    briefing.load(path)\nexcept TripFileError as e:\n    print('refused:', e)\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused:") and "permission denied" in done.stdout


def test_every_problem_is_reported_in_one_pass(tmp_path, cli):
    """A bad value does not hide the other problems of the file (the validate command)."""
    path = tmp_path / "t.yaml"
    path.write_text(GOOD_HEAD.replace("2023-02-26", "2023-02-30") + (
        "  home_timezone: Asia/Seol\nstops:\n  - title: 방문\n    date: 2023-02-27\n"
        "    kind: meating\n    start: 25:00\n"), encoding="utf-8")
    out = cli("validate", path)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert f"{path}:4:10: error: Trip › Start: ‘2023-02-30’ is not a real date" in lines[0]
    assert any(":6:18: error: Trip › Home time zone: unknown time zone ‘Asia/Seol’; did you mean ‘Asia/Seoul’?" in x for x in lines)
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
    assert p.path == path and "tags such as ‘!!" in p.message


def test_a_bad_value_on_every_line_is_located_in_linear_time(tmp_path):
    """5,000 stops whose titles each hold a control character: every one reported at its line
    and column, in a second or so (it took a minute: each was located, and compared with every
    other, from the start of the file)."""
    import time

    from briefing.rules.validate import check_file

    path = tmp_path / "t.yaml"
    path.write_text(GOOD_HEAD + "stops:\n" + '  - title: "방문\\e"\n' * 5000, encoding="utf-8")
    first = GOOD_HEAD.count("\n") + 2
    started = time.perf_counter()
    trip, problems = check_file(path, partial=True)
    took = time.perf_counter() - started
    titles = [p for p in problems if p.path.endswith(".title")]
    assert [(p.line, p.column) for p in titles] == [(first + i, 15) for i in range(5000)]
    assert all("U+001B" in p.message for p in titles)
    assert took < 10, f"{took:.1f} s"


# -- messages that say what, where and what to do (issue 23) ----------------------------------


def test_a_misspelt_required_key_is_one_message_saying_to_rename_it(tmp_path):
    from briefing.rules.validate import check_file

    path = tmp_path / "t.yaml"
    path.write_text(GOOD_HEAD.replace("title:", "tilte:"), encoding="utf-8")
    _, found = check_file(path, partial=True)
    assert [(p.path, p.line, p.column) for p in found] == [("trip.title", 3, 3)]
    assert found[0].message == "unknown key ‘tilte’; rename it to ‘title’"
    assert found[0].describe("ko") == "‘tilte’는 알 수 없는 항목 이름입니다. ‘title’로 고치십시오."


@pytest.mark.parametrize("written, amount", [
    ("14,500,000", "14500000"), ("14,500,000원", "14500000"), ("14500000 원", "14500000"),
    ("1,450.50", "1450.50"),
])
def test_amounts_are_read_as_staff_type_them_and_written_plain(written, amount):
    from decimal import Decimal

    text = GOOD_HEAD.replace("briefing: 1", "briefing: 2") + (
        f"  budget:\n    - item: 항공\n      amount: {written}\n")
    trip = fileformat.loads(text)
    assert trip.info.budget[0].amount == Decimal(amount)
    assert f"amount: {amount}\n" in fileformat.dumps(trip)


def test_commas_are_read_only_between_thousands():
    head = GOOD_HEAD.replace("briefing: 1", "briefing: 2") + "  budget:\n    - item: 항공\n"
    assert fileformat.loads(head + "      amount: 1,450,000\n").info.budget[0].amount == 1450000
    for written in ("1,45", "14,500,00", "1.450,50", "원 1000"):
        p = only(head + f"      amount: {written}\n")
        assert p.path == "trip.budget[0].amount" and "is not an amount" in p.message


def test_won_on_a_line_in_another_currency_is_an_error_saying_so():
    text = GOOD_HEAD.replace("briefing: 1", "briefing: 2") + (
        "  budget:\n    - item: 숙박\n      amount: 1,450원\n      currency: eur\n")
    p = only(text)
    assert (p.path, p.line, p.column) == ("trip.budget[0].amount", 8, 15)
    assert "‘1,450원’ is in won (원), but this line's currency is EUR" in p.message
    assert p.describe("ko").startswith("‘1,450원’은 원화 금액인데 이 항목의 통화는 외화(EUR)입니다.")


def test_a_missing_colon_is_named_on_its_own_line_with_the_fix():
    p = only(GOOD_HEAD + "stops:\n  - title: 방문\n    venue Fira Gran Via\n    date: 2023-02-27\n")
    assert (p.line, p.column) == (8, 5)  # PyYAML gives up on the line after
    assert p.message == ("‘venue Fira Gran Via’ has no colon (:) after its name; write the name,"
                         " a colon and a space: ‘venue: Fira Gran Via’")
    assert "쌍점(:)이 없습니다" in p.describe("ko") and "YAML" not in p.describe("ko")


def test_an_unclosed_quote_is_named_on_the_line_that_opens_it():
    p = only(GOOD_HEAD + 'stops:\n  - title: 방문\n    date: 2023-02-27\n    agenda:\n'
             '      - time: "12:00"\n        item: "오찬 (전시장 내)\n      - time: "13:00"\n'
             '        item: 이동\n')
    assert (p.line, p.column) == (11, 15)
    assert 'opens with " is not closed on this line' in p.message


def test_a_line_indented_too_far_says_how_far_to_indent_it():
    p = only(GOOD_HEAD + "stops:\n  - title: 방문\n    city: Barcelona\n      venue: Fira\n"
             "    date: 2023-02-27\n")
    assert (p.line, p.column) == (9, 1)
    assert "indented further than the line above" in p.message and "‘venue’" in p.message
    assert "4칸" in p.describe("ko")


def test_the_parsers_own_words_come_last_after_plain_ones():
    p = only(GOOD_HEAD + "stops:\n  - title: 방문\n  date: 2023-02-27\n   - x\n")
    plain, _, parser = p.message.partition("(the parser says: ")
    assert "a quote that is not closed" in plain and parser


def test_no_message_of_the_reader_validate_or_bounds_wraps_a_value_in_backticks():
    import ast
    from pathlib import Path

    found = []
    for module in ("fileformat/reader.py", "rules/validate.py", "trip/bounds.py"):
        tree = ast.parse((Path(briefing.__file__).parent / module).read_text(encoding="utf-8"))
        found += [n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call)
                  and (getattr(n.func, "id", "") or getattr(n.func, "attr", "")) == "msg"
                  and isinstance(n.args[0], ast.Constant) and "`" in n.args[0].value]
    assert found == []
