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
