"""`briefing merge BASE MINE THEIRS [-o OUT]`: like git merge-file, into MINE unless -o says
where; exit 0 clean, 1 with the collisions listed in words, 2 on bad input, nothing lost."""

import copy
import datetime as dt

import pytest

from briefing.fileformat import reader as fileformat
from briefing.trip import model


@pytest.fixture
def three(tmp_path):
    """BASE, MINE and THEIRS files: mine edits a stop, theirs inserts a stop before it."""
    base = model.Trip(
        info=model.TripInfo(title="Europe", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5)),
        stops=[model.Stop(title="MWC", date=dt.date(2023, 2, 27),
                          agenda=[model.AgendaItem(time=dt.time(10), item="Welcome")])])
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.stops[0].venue = "Fira Gran Via"
    theirs.stops.insert(0, model.Stop(title="Embassy", date=dt.date(2023, 2, 26)))
    paths = {}
    for name, trip in (("base", base), ("mine", mine), ("theirs", theirs)):
        paths[name] = tmp_path / f"{name}.yaml"
        fileformat.save(trip, paths[name])
    return paths


def titles(path):
    return [s.title for s in fileformat.load(path).stops]


def test_a_clean_merge_replaces_mine_and_keeps_its_backup(three, cli, tmp_path):
    before = three["mine"].read_bytes()
    out = cli("merge", three["base"], three["mine"], three["theirs"], cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert titles(three["mine"]) == ["Embassy", "MWC"]
    assert fileformat.load(three["mine"]).stops[1].venue == "Fira Gran Via"
    assert (tmp_path / "mine.yaml.bak").read_bytes() == before


def test_output_to_another_file_or_standard_output(three, cli, tmp_path):
    before = three["mine"].read_bytes()
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "merged.yaml", cwd=tmp_path)
    assert out.returncode == 0 and titles(tmp_path / "merged.yaml") == ["Embassy", "MWC"]
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "-", cwd=tmp_path)
    assert out.returncode == 0
    assert [s.title for s in fileformat.loads(out.stdout).stops] == ["Embassy", "MWC"]
    assert three["mine"].read_bytes() == before


def test_collisions_are_listed_in_words_and_exit_1(three, cli, tmp_path):
    mine, theirs = fileformat.load(three["mine"]), fileformat.load(three["theirs"])
    mine.stops[0].agenda[0].time = dt.time(10, 15)
    theirs.stops[1].agenda[0].time = dt.time(10, 30)
    fileformat.save(mine, three["mine"])
    fileformat.save(theirs, three["theirs"])
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "out.yaml", cwd=tmp_path)
    assert out.returncode == 1
    assert "1 collision(s); the result keeps mine at each:" in out.stderr
    assert '1. Stop 2 "MWC" › Agenda row 1 › Time' in out.stderr
    assert "theirs: 10:30" in out.stderr and "mine  : 10:15" in out.stderr
    merged = fileformat.load(tmp_path / "out.yaml")
    assert merged.stops[1].agenda[0].time == dt.time(10, 15) and merged.stops[1].venue
    # another output: out.yaml is a trip file now, which no output overwrites
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "theirs-out.yaml",
              "--theirs", "--lang", "ko", cwd=tmp_path)
    assert out.returncode == 0
    assert "2. MWC › 세부 일정 1행 › 시각" in out.stderr
    assert fileformat.load(tmp_path / "theirs-out.yaml").stops[1].agenda[0].time == dt.time(10, 30)


def test_bad_input_exits_2_and_writes_nothing(three, cli, tmp_path):
    three["theirs"].write_text("briefing: 1\ntrip:\n  title: x\n  start: 2023-13-01\n",
                               encoding="utf-8")
    before = three["mine"].read_bytes()
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", cwd=tmp_path)
    assert out.returncode == 2
    assert "theirs.yaml cannot be read; nothing was merged" in out.stderr
    assert "theirs.yaml:4:" in out.stderr
    assert three["mine"].read_bytes() == before
    out = cli("merge", "base.yaml", "mine.yaml", cwd=tmp_path)
    assert out.returncode == 2 and "usage: briefing merge" in out.stderr


def write(tmp_path, **trips):
    for name, trip in trips.items():
        fileformat.save(trip, tmp_path / f"{name}.yaml")


def test_theirs_deleting_a_same_titled_stop_keeps_my_edit_of_the_other(cli, tmp_path):
    stops = [model.Stop(title="Talk", date=dt.date(2023, 2, 27), start=dt.time(10), venue="Hall A"),
             model.Stop(title="Talk", date=dt.date(2023, 2, 27), start=dt.time(15), venue="Hall B")]
    base = model.Trip(info=model.TripInfo(title="Expo", start=dt.date(2023, 2, 26),
                                          end=dt.date(2023, 3, 5)), stops=stops)
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.stops[1].purpose = "Present the plan"
    del theirs.stops[0]
    write(tmp_path, base=base, mine=mine, theirs=theirs)
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "out.yaml", "--theirs",
              cwd=tmp_path)
    assert out.returncode == 0 and "collision" not in out.stderr
    assert [(s.venue, s.purpose) for s in fileformat.load(tmp_path / "out.yaml").stops] == [
        ("Hall B", "Present the plan")]


def test_a_result_that_breaks_a_rule_is_a_collision_and_exit_1(cli, tmp_path):
    base = model.Trip(info=model.TripInfo(title="Europe", start=dt.date(2023, 2, 26),
                                          end=dt.date(2023, 3, 5)))
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.info.start, theirs.info.end = dt.date(2023, 3, 1), dt.date(2023, 2, 28)
    write(tmp_path, base=base, mine=mine, theirs=theirs)
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "out.yaml", cwd=tmp_path)
    assert out.returncode == 1
    assert "1. Trip › End: the trip ends (2023-02-28) before it starts (2023-03-01)" in out.stderr
    result = fileformat.load(tmp_path / "out.yaml")
    assert (result.info.start, result.info.end) == (dt.date(2023, 3, 1), dt.date(2023, 3, 5))
    out = cli("validate", "out.yaml", cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    # --theirs takes theirs where only one field collides; a rule broken by both stays mine
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "-", "--theirs",
              cwd=tmp_path)
    assert out.returncode == 1
    assert fileformat.loads(out.stdout).info.end == dt.date(2023, 3, 5)


@pytest.mark.parametrize("theirs_note", ["  # theirs note", ""])
def test_a_comment_both_sides_changed_differently_is_a_collision_that_keeps_mine(
        three, cli, tmp_path, theirs_note):
    text = three["base"].read_text(encoding="utf-8")
    assert "title: Europe\n" in text
    for name, note in (("base", "  # note"), ("mine", "  # mine note"), ("theirs", theirs_note)):
        three[name].write_text(text.replace("title: Europe\n", f"title: Europe{note}\n"),
                               encoding="utf-8")
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "out.yaml", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert "1 collision" in out.stderr and "mine note" in out.stderr
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "title: Europe  # mine note\n" in written and "theirs note" not in written
    out = cli("merge", "base.yaml", "mine.yaml", "theirs.yaml", "-o", "out2.yaml", "--theirs",
              cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert f"title: Europe{theirs_note}\n" in (tmp_path / "out2.yaml").read_text(encoding="utf-8")
