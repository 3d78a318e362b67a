"""Comments in a trip file survive load, edits and save, beside the key they were written next to."""

import copy
import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefing
from briefing import package_data
from briefing.fileformat import comments
from briefing.trip import model

# Comments at every level: top, trip fields, a text list, delegation persons, stops, a block
# text's header, agenda rows, talking points and their details, ends of lists and mappings, a key
# emptied but commented, the end of the file. Written as the writer writes, so it saves byte for byte.
EVERY_LEVEL = """\
# 시작 주석
briefing: 1  # 형식

# 출장 개요
trip:
  # 제목 위
  title: 고양 출장  # 제목 옆
  objectives:
    # 첫 목표 위
    - 하나  # 하나 옆
    - 둘
    # 목표 끝
  start: 2023-02-26
  end: 2023-03-05  # 귀국일
  # 개요 끝

delegation:  # 대표단 옆
  # 시장 위
  - id: mayor  # 아이디
    name: 이동환

  - id: staff
    name: 김주무관
    # 김 끝

stops:
  # 첫 방문 위
  - title: A 방문
    date: 2023-02-27
    purpose: |  # 목적 옆
      여러 줄
      # 이건 본문

    # 일정 위
    agenda:
      - time: "10:00"  # 시간 옆
        item: 환영
        # 첫 행 끝
      # 일정 끝
    talking_points:
      - text: 말씀 # 붙은
        details:
          - 세부  # 세부 옆
          - "#해시는 값"
    # A 끝

  # B 위
  - title: B 방문
    date: 2023-02-28
    interpreter:  # 섭외 중

# 파일 끝
"""


def test_every_level_round_trips_byte_for_byte(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(EVERY_LEVEL, encoding="utf-8")
    trip = briefing.load(path)
    assert trip.stops[0].purpose == "여러 줄\n# 이건 본문\n"  # a `#` inside a value is text
    assert trip.stops[0].talking_points[0].details == ["세부", "#해시는 값"]
    found = comments.listing(trip)
    assert len(found) == EVERY_LEVEL.count("#") - 3  # all but the opening line and the two values
    assert (("trip", "title"), comments.EOL, "# 제목 옆") in found
    assert (("stops", 0, "agenda", 0, "time"), comments.EOL, "# 시간 옆") in found
    assert (("stops", 0, "agenda", 0), comments.END, "# 첫 행 끝") in found
    assert (("stops", 0, "agenda"), comments.END, "# 일정 끝") in found
    assert (("stops", 0, "purpose"), comments.EOL, "# 목적 옆") in found
    assert (("stops", 1), comments.BEFORE, "# B 위") in found
    assert (("trip", "objectives", 0), comments.BEFORE, "# 첫 목표 위") in found
    assert ((), comments.END, "# 파일 끝") in found
    briefing.save(trip, path)
    assert path.read_text(encoding="utf-8") == EVERY_LEVEL


def test_the_example_with_comments_added_saves_byte_for_byte(tmp_path):
    text = package_data.example_path().read_text(encoding="utf-8")
    text = text.replace("\ntrip:\n", "\n# 개요\ntrip:  # 시장실 확인 필요\n", 1)
    text = text.replace("\nstops:\n", "\nstops:\n  # 첫 방문\n", 1)
    assert text.count("#") > package_data.example_path().read_text(encoding="utf-8").count("#")
    assert briefing.dumps(briefing.loads(text)) == text
    original = package_data.example_path().read_text(encoding="utf-8")
    assert briefing.dumps(briefing.loads(original)) == original


def test_editing_fields_keeps_the_comments_beside_their_keys():
    trip = briefing.loads(EVERY_LEVEL)
    trip.info.title = "고양특례시 유럽 출장"
    trip.stops[1].interpreter = "홍길동"
    trip.stops[0].agenda[0].time = dt.time(10, 30)
    trip.info.objectives[1] = "둘째"  # another item of the list
    text = briefing.dumps(trip)
    assert "  title: 고양특례시 유럽 출장  # 제목 옆\n" in text
    assert "    interpreter: 홍길동  # 섭외 중\n" in text
    assert '      - time: "10:30"  # 시간 옆\n' in text
    assert "    - 하나  # 하나 옆\n    - 둘째\n" in text
    assert comments.listing(briefing.loads(text)) == comments.listing(trip)


def test_an_emptied_field_keeps_its_key_for_its_comment():
    trip = briefing.loads(EVERY_LEVEL)
    trip.info.title = ""
    text = briefing.dumps(trip)
    assert re.search("  # 제목 위\n  title: +# 제목 옆\n", text)
    assert briefing.loads(text, "t.yaml").info.title == ""
    trip.stops[0].agenda.clear()  # a list: `agenda: []`
    trip.info.end = None  # a date has no empty value: its comments stay on their own
    trip.stops[0].talking_points[0].details.clear()
    text = briefing.dumps(trip)
    assert "    # 일정 위\n    agenda: []\n    # 일정 끝\n" in text
    assert "  start: 2023-02-26\n  # 귀국일\n  # 개요 끝\n" in text
    again = briefing.loads(text, "t.yaml")
    assert again == trip
    assert briefing.dumps(again) == text


def test_an_end_of_line_comment_keeps_its_column_when_the_value_changes():
    text = "briefing: 1\n\ntrip:\n  title: 짧은 제목        # 정렬\n  start: 2023-02-26\n  end: 2023-02-27\n"
    trip = briefing.loads(text)
    assert briefing.dumps(trip) == text
    trip.info.title = "짧은"
    assert "  title: 짧은           # 정렬\n" in briefing.dumps(trip)
    trip.info.title = "아주 " * 10
    assert briefing.dumps(trip).count("  # 정렬\n") == 1


def test_a_deleted_item_takes_its_comments_with_it():
    trip = briefing.loads(EVERY_LEVEL)
    del trip.delegation[0]
    del trip.stops[0].agenda[0]
    del trip.info.objectives[0]
    text = briefing.dumps(trip)
    for gone in ("# 시장 위", "# 아이디", "# 시간 옆", "# 첫 행 끝", "# 첫 목표 위", "# 하나 옆"):
        assert gone not in text
    for kept in ("# 김 끝", "# 대표단 옆", "# 일정 끝", "# 일정 위", "# 목표 끝", "# B 위"):
        assert kept in text
    assert briefing.loads(text).delegation[0].id == "staff"


def test_a_stop_inserted_before_leaves_the_comments_with_their_stops():
    trip = briefing.loads(EVERY_LEVEL)
    before = comments.listing(trip)
    model.insert_item(trip.stops, 0, model.Stop(title="새 방문", date=dt.date(2023, 2, 26)))
    again = briefing.loads(briefing.dumps(trip))

    def shifted(path):
        return path[:1] + (path[1] + 1,) + path[2:] if path[:1] == ("stops",) and len(path) > 1 else path

    assert comments.listing(again) == [(shifted(p), place, t) for p, place, t in before]
    assert again.stops[1].title == "A 방문"


def test_reordered_stops_and_a_deep_copy_keep_their_comments():
    trip = copy.deepcopy(briefing.loads(EVERY_LEVEL))  # the window works on copies
    model.move_item(trip.stops, 1, 0)
    text = briefing.dumps(trip)
    assert text.index("# B 위") < text.index("  - title: B 방문") < text.index("# 섭외 중") \
        < text.index("# 첫 방문 위") < text.index("  - title: A 방문") < text.index("# A 끝")
    assert comments.listing(briefing.loads(text))[-1] == ((), comments.END, "# 파일 끝")


def test_comments_in_odd_places_are_kept_somewhere_near():
    text = """\
briefing: 1
trip:
  title: x
# 들여쓰기 없는 주석
  start: 2023-02-26
  end: 2023-02-27
  objectives: [하나,  # 흐름 목록
    둘]
stops:
- title: A
  date: 2023-02-26
  agenda:
  -   # 대시 옆
    item: 환영
# 끝
"""
    trip = briefing.loads(text)
    saved = briefing.dumps(trip)
    for note in ("# 들여쓰기 없는 주석", "# 흐름 목록", "# 대시 옆", "# 끝"):
        assert saved.count(note) == 1
    assert briefing.loads(saved) == trip
    assert briefing.dumps(briefing.loads(saved)) == saved  # and stable from then on


def test_a_file_without_comments_has_none():
    trip = briefing.loads(package_data.example_path().read_text(encoding="utf-8"))
    assert comments.listing(trip) == []
    assert trip.comment  # the opening lines are the trip's comment, as before


# -- random comments in a real file ---------------------------------------------------------------

_ENTRY = re.compile(r"( *)(?:- )?(?:[a-z_]+:(?: |$)|(?! *-)\S)")
_BLOCK = re.compile(r"( *)(?:- )?[a-z_]+: [|>]-?$")


def _entry_lines(text: str) -> list[tuple[int, int]]:
    """(line number, indentation) of every line that starts a key or list item, outside block texts."""
    out, block = [], None
    for n, line in enumerate(text.split("\n")):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            continue
        block = None
        if line.strip() and not line.startswith("#") and _ENTRY.match(line):
            out.append((n, indent))
        m = _BLOCK.match(line)
        if m:
            block = indent
    return out


EXAMPLE = package_data.example_path().read_text(encoding="utf-8")
ENTRIES = _entry_lines(EXAMPLE)
OPENING = EXAMPLE.split("\n").index("briefing: 1")  # a comment above joins the opening lines
notes = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp"),
                              blacklist_characters="\ufeff"), max_size=20).map(lambda t: t.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ENTRIES), st.booleans(), notes), min_size=1, max_size=12,
                unique_by=lambda x: (x[0], x[1])))
def test_random_comments_survive_load_save_load_at_the_same_paths(inserted):
    lines = EXAMPLE.split("\n")
    for (n, indent), eol, note in sorted(inserted, reverse=True):
        if eol:
            lines[n] += f"  # {note}".rstrip()
        else:
            lines.insert(n, " " * indent + f"# {note}".rstrip())
    text = "\n".join(lines)
    trip = briefing.loads(text)
    found = comments.listing(trip)
    assert len(found) == len(inserted) - sum(1 for (n, _), eol, _ in inserted if n == OPENING and not eol)
    saved = briefing.dumps(trip)
    assert saved == text  # the comments stood where the writer puts them: byte for byte
    assert comments.listing(briefing.loads(saved)) == found
