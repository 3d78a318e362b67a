"""Recovery like a word processor: a copy a couple of seconds after each change, a crash that
loses nothing typed before that, the real dialog saying what would come back, copies kept a week."""

import datetime as dt
import json

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.ui.recovery import RecoveryStore

from .conftest import load, small_trip
from .test_real_dialogs import Answer, labelled, real


def test_a_crash_loses_nothing_typed_more_than_3_seconds_before(make_window, trip_file, qtbot, recovery_dir):
    first = make_window()
    assert first.open_file(str(trip_file))
    first.editor.select_stop(0)
    qtbot.keyClicks(first.editor.stop_editor.header.editors["venue"].widget, "Fira Gran Via")
    store = RecoveryStore(recovery_dir)
    qtbot.waitUntil(lambda: bool(store.copies()), timeout=3000)  # debounced, not 30 s
    # the crash: the window goes without closing (no save, no clean-up)
    first.recovery_timer.stop()
    first.watch.watch(None)
    first.hide()
    second = real(make_window(), "ask_restore")
    answer = Answer(labelled("Restore"))
    second.start(str(trip_file))
    assert answer.answered
    box_text = answer.text
    assert "trip.yaml" in box_text
    assert second.doc.trip.stops[0].venue == "Fira Gran Via"
    assert second.isWindowModified() and load(trip_file).stops[0].venue == ""
    assert second.save() and load(trip_file).stops[0].venue == "Fira Gran Via"


def test_the_dialog_lists_what_would_come_back(make_window, trip_file, recovery_dir):
    store = RecoveryStore(recovery_dir)
    trip = small_trip()
    trip.stops[0].venue = "Fira Gran Via"
    trip.stops[1].talking_points.append(type(trip.stops[1].talking_points[0])(text="New point"))
    store.write(store.key_for(str(trip_file), "crashed"), trip, str(trip_file))
    win = real(make_window(), "ask_restore")
    seen = []
    answer = Answer(lambda box: seen.append(box.informativeText()) or next(
        b for b in box.buttons() if b.text() == "Decide later").click())
    win.start(str(trip_file))
    assert answer.answered
    assert "Changed: MWC › Venue: — → Fira Gran Via" in seen[0]
    assert "Added: City hall › Talking points › New point" in seen[0]
    assert "kept for a week" in seen[0]


def test_copies_older_than_a_week_are_removed(recovery_dir, trip_file):
    store = RecoveryStore(recovery_dir)
    store.write("file-old", small_trip(), str(trip_file))
    store.write("file-new", small_trip(), str(trip_file))
    meta = recovery_dir / "file-old.json"
    data = json.loads(meta.read_text())
    data["written"] = (dt.datetime.now() - dt.timedelta(days=8)).isoformat(timespec="seconds")
    meta.write_text(json.dumps(data))
    assert store.prune() == ["file-old"]
    assert [c.key for c in store.copies()] == ["file-new"]
    assert not (recovery_dir / "file-old.yaml").exists()


def test_the_restore_dialog_in_korean(make_window, trip_file, recovery_dir, monkeypatch, tmp_path):
    from briefing.ui import i18n

    store = RecoveryStore(recovery_dir)
    trip = small_trip()
    trip.stops[0].venue = "Fira Gran Via"
    store.write(store.key_for(str(trip_file), "crashed"), trip, str(trip_file))
    monkeypatch.setattr(i18n, "_language", "ko")
    win = real(make_window(), "ask_restore")
    answer = Answer(lambda box: QApplication.primaryScreen().grabWindow(0) and box.grab().save(
        str(tmp_path / "restore-ko.png")) and labelled("복원")(box))
    win.start(str(trip_file))
    assert answer.answered
    assert set(answer.buttons) == {"복원", "저장된 파일 열기", "나중에 결정"}
    assert isinstance(QMessageBox, type)


def crash_with_venue(make_window, trip_file, qtbot, venue: str):
    """A window types a stop's venue, its copy is written, and it goes without closing."""
    first = make_window()
    assert first.open_file(str(trip_file))
    first.editor.select_stop(0)
    qtbot.keyClicks(first.editor.stop_editor.header.editors["venue"].widget, venue)
    first.write_recovery()
    first.recovery_timer.stop()
    first.watch.watch(None)
    first.hide()


def test_a_restore_later_brings_back_the_lost_work_and_keeps_what_was_saved_since(
        make_window, trip_file, qtbot):
    crash_with_venue(make_window, trip_file, qtbot, "Fira Gran Via")
    second = make_window()
    second.ask_restore = lambda *a, **k: "later"  # 나중에 결정
    second.start(str(trip_file))
    qtbot.keyClicks(second.editor.overview.editors["subtitle"].widget, "Saved since")
    assert second.save()
    second.hide()
    third = make_window()
    third.ask_restore = lambda *a, **k: "restore"
    third.start(str(trip_file))
    trip = third.doc.trip
    assert trip.stops[0].venue == "Fira Gran Via"  # the lost work is back
    assert trip.info.subtitle == "Saved since"  # and the saved edit is not undone
    assert third.isWindowModified()
    third.doc.undo_stack.undo()  # the restore is one step: undone, the window shows the file
    assert third.doc.trip.stops[0].venue == "" and not third.isWindowModified()


def test_a_restore_that_collides_with_a_later_save_asks_in_the_merge_dialog(
        make_window, trip_file, qtbot):
    crash_with_venue(make_window, trip_file, qtbot, "Fira Gran Via")
    trip = load(trip_file)
    trip.stops[0].venue = "Hall 8"  # saved since, elsewhere
    from briefing.fileformat import reader as fileformat

    fileformat.save(trip, trip_file)
    win = make_window()
    win.ask_restore = lambda *a, **k: "restore"
    asked = []
    win.ask_merge = lambda result, name, **_: asked.append(
        [(c.text("mine"), c.text("theirs")) for c in result.collisions]) or ["theirs"]
    win.start(str(trip_file))
    assert asked == [[("Fira Gran Via", "Hall 8")]]
    assert win.doc.trip.stops[0].venue == "Hall 8"


def test_odd_entries_in_the_recovery_folder_are_passed_over_with_a_note(
        make_window, trip_file, recovery_dir):
    import os
    import signal

    store = RecoveryStore(recovery_dir)
    trip = small_trip()
    trip.stops[0].venue = "Fira Gran Via"
    store.write(store.key_for(str(trip_file), "crashed"), trip, str(trip_file))
    store.write("file-zoned", small_trip(), str(trip_file))  # written with a zone offset, old
    zoned = recovery_dir / "file-zoned.json"
    meta = json.loads(zoned.read_text())
    seoul = dt.timezone(dt.timedelta(hours=9))
    meta["written"] = (dt.datetime.now(seoul) - dt.timedelta(days=9)).isoformat()
    zoned.write_text(json.dumps(meta))
    (recovery_dir / "broken.json").write_text("{not json")
    (recovery_dir / "broken.yaml").write_text("briefing: 1\n")
    (recovery_dir / "list.json").write_text("[1, 2]")
    (recovery_dir / "list.yaml").write_text("briefing: 1\n")
    os.mkfifo(recovery_dir / "pipe.json")
    (recovery_dir / "pipe.yaml").write_text("briefing: 1\n")
    (recovery_dir / "folder.json").mkdir()
    (recovery_dir / "folder.yaml").write_text("briefing: 1\n")
    def hung(*_):
        raise TimeoutError("the recovery folder hung the start-up")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a hang fails the test instead of the run
    try:
        win = make_window()
        seen = []
        win.ask_restore = lambda name, when, lines, **_: seen.append(lines) or "later"
        win.start(str(trip_file))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert any("Fira Gran Via" in line for line in seen[0])  # the good copy is still offered
    assert not zoned.exists()  # the zoned copy, older than a week, is pruned
    assert "4 entries in the recovery folder" in win.statusBar().currentMessage()


def test_an_entry_that_cannot_be_read_or_loaded_is_passed_over_and_the_real_copy_offered(
        make_window, trip_file, recovery_dir):
    store = RecoveryStore(recovery_dir)
    trip = small_trip()
    trip.stops[0].venue = "Fira Gran Via"
    store.write(store.key_for(str(trip_file), "crashed"), trip, str(trip_file))
    for key, written in (("early", "0001-01-01T00:00:00+14:00"),  # before year 1 in UTC
                         ("damaged", dt.datetime.now().isoformat())):  # newer than the real one
        (recovery_dir / f"{key}.json").write_text(
            json.dumps({"original": str(trip_file), "written": written}))
        (recovery_dir / f"{key}.yaml").write_text("briefing: 1\n")
    (recovery_dir / "damaged.yaml").write_bytes(bytes(range(256)) * 4)
    win = make_window()
    seen = []
    win.ask_restore = lambda name, when, lines, **_: seen.append(lines) or "later"
    win.start(str(trip_file))
    assert len(seen) == 1 and any("Fira Gran Via" in line for line in seen[0])
    assert "2 entries in the recovery folder" in win.statusBar().currentMessage()
