"""Saving and loading: any trip survives save/load unchanged, and saving is stable and atomic."""

import datetime as dt
import os
import string
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefing
from briefing.fileformat import reader as fileformat
from briefing.trip import model
from briefing.trip.problems import SaveError

# Any text a person could type or paste: Korean, emoji, markup, YAML syntax, odd whitespace;
# control characters but tab and line breaks are out of bounds (tests/test_bounds.py).
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n\r"), max_size=40,
) | st.sampled_from([
    "10:00", "NO", "yes", "null", "~", "2023-02-27", "- 항목", "a: b", "#해시", "'따옴표'", '"',
    "<b>굵게</b> & co", "첫 줄\n둘째 줄", "끝 줄바꿈\n", "\n앞 줄바꿈", "  들여쓰기", "꼬리 공백 ",
    "🇰🇷 고양", "tab\there", "x" * 300, "*alias", "&anchor", "!tag", "%", "@", "`", "0x1F", "1e3",
])
lines = st.lists(texts, max_size=3)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))
times = st.times().map(lambda t: t.replace(microsecond=0))
datetimes = st.builds(dt.datetime.combine, dates, times)
opt = st.none
# Sums of money as people write them: whole won, cents, trailing zeros kept (1450.50).
amounts = st.decimals(min_value=0, max_value=10**15 - 1, places=2, allow_nan=False,
                      allow_infinity=False) | st.integers(0, 10**15 - 1).map(Decimal)


def record(cls, **overrides):
    """A strategy for a model record whose every field may be empty or filled."""
    from briefing.trip import schema

    kinds = {
        schema.TEXT: texts, schema.LONGTEXT: texts, schema.TEXTS: lines, schema.DATE: opt() | dates,
        schema.TIME: opt() | times, schema.DATETIME: opt() | datetimes,
        schema.INT: opt() | st.integers(0, 24 * 60), schema.BOOL: st.booleans(),
        schema.DECIMAL: opt() | amounts,
    }
    fields = {}
    for f in schema.fields_of(cls):
        if f.name in overrides:
            fields[f.name] = overrides[f.name]
        elif f.kind == schema.RECORDS:
            fields[f.name] = st.lists(record(f.record), max_size=2)
        elif f.kind == schema.RECORD:
            fields[f.name] = record(f.record)
        elif f.key == "currency":  # read as its code (` eur` is EUR): drawn as one
            from briefing.trip import money

            fields[f.name] = texts.map(money.code)
        else:
            fields[f.name] = kinds[f.kind]
    return st.builds(cls, **fields)


trips = st.builds(
    model.Trip,
    info=record(model.TripInfo),
    delegation=st.lists(record(model.Person), max_size=3),
    stops=st.lists(record(model.Stop, attendees=st.none() | lines), max_size=2),
    travel=st.lists(record(model.TravelLeg), max_size=2),
    stays=st.lists(record(model.Stay), max_size=2),
    contacts=st.lists(record(model.Contact), max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trips)
def test_any_trip_survives_save_and_load(trip):
    text = fileformat.dumps(trip)
    again = fileformat.loads(text)
    assert again == trip
    assert fileformat.dumps(again) == text


def test_example_is_stable_byte_for_byte(example_path, tmp_path):
    trip = briefing.load(example_path)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    briefing.save(trip, first)
    briefing.save(briefing.load(first), second)
    assert first.read_bytes() == second.read_bytes()
    assert briefing.load(second) == trip


def test_saved_file_reads_as_people_write_it(tmp_path):
    trip = model.Trip(info=model.TripInfo(
        title="고양특례시 유럽 출장", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5), version="3",
        purpose="첫 문단\n\n- 항목 하나\n- 항목 둘\n"))
    trip.stops.append(model.Stop(title="MWC", date=dt.date(2023, 2, 27), start=dt.time(10),
                                 country="NO", agenda=[model.AgendaItem(time=dt.time(9, 30), minutes=30, item="인사")]))
    trip.travel.append(model.TravelLeg(origin="ICN", destination="BCN",
                                       depart=dt.datetime(2023, 2, 26, 13, 0)))
    path = tmp_path / "t.yaml"
    briefing.save(trip, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("briefing: 1\n")
    assert "title: 고양특례시 유럽 출장\n" in text  # Korean as Korean, no \uXXXX
    assert "\\u" not in text
    assert 'start: "10:00"' in text and 'time: "09:30"' in text
    assert "date: 2023-02-27\n" in text and "depart: 2023-02-26 13:00\n" in text
    assert "purpose: |\n    첫 문단\n\n    - 항목 하나\n" in text
    assert 'version: "3"' in text
    assert 'country: "NO"' in text  # quoted only because NO would read back as a boolean
    # keys in the format's order
    order = [text.index(k) for k in ("briefing:", "trip:", "stops:", "travel:")]
    assert order == sorted(order)
    assert briefing.load(path) == trip


def test_unquoted_values_read_as_meant():
    trip = fileformat.loads(
        "briefing: 1\ntrip:\n  title: 2023\n  version: 3\n  start: 2023-02-26\n  end: 2023-03-05\n"
        "stops:\n  - title: 방문\n    date: 2023-02-27\n    start: 10:00\n    country: NO\n"
        "    attendees: mayor\n    agenda:\n      - time: 9:05\n        item: yes\n")
    stop = trip.stops[0]
    assert trip.info.title == "2023" and trip.info.version == "3"
    assert stop.start == dt.time(10, 0) and stop.country == "NO"
    assert stop.agenda[0].time == dt.time(9, 5) and stop.agenda[0].item == "yes"
    assert stop.attendees == ["mayor"]


def test_save_keeps_a_backup_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "trip.yaml"
    trip = model.Trip(info=model.TripInfo(title="첫판"))
    briefing.save(trip, path)
    trip.info.title = "둘째판"
    briefing.save(trip, path)
    assert briefing.load(path).info.title == "둘째판"
    assert "첫판" in (tmp_path / "trip.yaml.bak").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.yaml", "trip.yaml.bak"]


def test_save_keeps_the_file_permissions(tmp_path):
    path = tmp_path / "trip.yaml"
    briefing.save(model.Trip(info=model.TripInfo(title="x")), path)
    path.chmod(0o640)
    briefing.save(model.Trip(info=model.TripInfo(title="y")), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_save_into_a_vanished_folder_says_so(tmp_path):
    with pytest.raises(SaveError, match="folder does not exist"):
        briefing.save(model.Trip(), tmp_path / "gone" / "trip.yaml")


def test_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "trip.yaml"
    briefing.save(model.Trip(info=model.TripInfo(title="원본")), path)
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SaveError, match="disk is full"):
        briefing.save(model.Trip(info=model.TripInfo(title="새것")), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.yaml"]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_read_only_folder(unprivileged):
    done = unprivileged.run(
        "import os, briefing\n"
        "from briefing.trip import model\n"
        "from briefing.trip.problems import SaveError\n"
        "os.mkdir('locked', 0o500)\n"
        "try:\n    briefing.save(model.Trip(), 'locked/trip.yaml')\n"
        "except SaveError as e:\n    print('refused:', e)\n"
        "print(os.listdir('locked'))\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused:") and "permission denied" in done.stdout
    assert done.stdout.endswith("[]\n")


def test_read_only_folder_as_root(tmp_path, monkeypatch):
    """Root ignores permissions, so the refusal is simulated where the OS would give it."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError, match="permission denied"):
        briefing.save(model.Trip(), tmp_path / "trip.yaml")
    assert not (tmp_path / "trip.yaml").exists()


def test_hostile_text_round_trips(tmp_path):
    nasty = ["<b>굵게</b> &amp; <img src=\"/etc/passwd\"/>", "😀🇰🇷" * 50, "가" * 3000,
             "line\r\nwith crlf", "\u2028sep\u2029", "\ufeffbom", " "]
    trip = model.Trip(info=model.TripInfo(title="t"), contacts=[model.Contact(name=n, notes=n) for n in nasty])
    path = tmp_path / "t.yaml"
    briefing.save(trip, path)
    assert briefing.load(path) == trip
    assert all(c in string.printable or ord(c) > 127 for c in Path(path).read_text(encoding="utf-8"))
