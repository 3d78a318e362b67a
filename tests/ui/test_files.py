"""Files: save and reopen, broken files, unsaved changes, recovery after a crash, read-only
folders, changes made on disk by another program."""

import json
import os
import stat
import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing.fileformat import reader as fileformat

from .conftest import load, small_trip


def test_save_and_reopen_gives_the_same_trip(opened, trip_file, qtbot, tmp_path):
    opened.editor.select_stop(1)
    qtbot.keyClicks(opened.editor.stop_editor.header.editors["venue"].widget, "Ajuntament")
    assert opened.isWindowModified()
    assert opened.save()
    assert not opened.isWindowModified()
    assert load(trip_file) == opened.doc.trip
    assert load(trip_file).stops[1].venue == "Ajuntament"
    assert os.path.exists(str(trip_file) + ".bak")


def test_save_as_on_a_new_trip_asks_where(window, tmp_path, monkeypatch, qtbot):
    window.new_trip()
    qtbot.keyClicks(window.editor.overview.editors["title"].widget, "Seoul to Paris")
    target = tmp_path / "new.yaml"
    monkeypatch.setattr(window, "get_save_path", lambda: str(target))
    window.act_save.trigger()
    assert load(target).info.title == "Seoul to Paris"
    assert window.doc.path == str(target)
    assert "new.yaml" in window.windowTitle()
    assert str(target) in window.settings.recent_files()


def test_a_broken_file_shows_its_errors_with_line_numbers(window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.yaml"
    broken.write_text("briefing: 1\ntrip:\n  title: x\n  start: 2023-13-01\n  tittle: y\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(window, "show_load_problems", lambda path, problems: shown.append(problems))
    assert not window.open_file(str(broken))
    lines = [str(p) for p in shown[0]]
    assert any(":4:" in line and "date" in line for line in lines)
    assert any(":5:" in line and "tittle" in line for line in lines)


def test_closing_with_unsaved_changes_asks(opened, qtbot, monkeypatch):
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "draft")
    asked = []
    monkeypatch.setattr(opened, "ask_save_changes", lambda: asked.append(1) or "cancel")
    assert not opened.close()
    assert asked and opened.isVisible()
    monkeypatch.setattr(opened, "ask_save_changes", lambda: "discard")
    assert opened.close()


def test_opening_another_file_with_unsaved_changes_can_save_first(opened, trip_file, tmp_path, qtbot, monkeypatch):
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "draft")
    other = tmp_path / "other.yaml"
    fileformat.save(small_trip(), other)
    monkeypatch.setattr(opened, "ask_save_changes", lambda: "save")
    assert opened.open_file(str(other))
    assert load(trip_file).info.subtitle == "draft"
    assert opened.doc.path == str(other)


_READ_ONLY_FOLDER_SAVE = """
import json, os, stat
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
import briefing
from briefing.trip import model
from briefing.ui.main_window import MainWindow
from briefing.ui.settings import Settings

QStandardPaths.setTestModeEnabled(True)
app = QApplication([])
os.mkdir("locked")
briefing.save(model.Trip(info=model.TripInfo(title="t")), "locked/trip.yaml")
window = MainWindow(Settings(QSettings("settings.ini", QSettings.Format.IniFormat)),
                    recovery_dir="recovery")
window.open_file(os.path.abspath("locked/trip.yaml"))
QTest.keyClicks(window.editor.overview.editors["subtitle"].widget, "edited")
os.chmod("locked", stat.S_IRUSR | stat.S_IXUSR)
errors = []
window.ask_save_as_after_error = lambda text: errors.append(text) or False
try:
    saved = window.save()
finally:
    os.chmod("locked", 0o700)
print(json.dumps({"saved": saved, "errors": errors, "modified": window.isWindowModified(),
                  "subtitle": window.doc.trip.info.subtitle}))
"""


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_save_into_a_read_only_folder_keeps_the_edits(unprivileged):
    done = unprivileged.run(_READ_ONLY_FOLDER_SAVE)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["saved"] is False and "permission denied" in result["errors"][0]
    assert result["modified"] and result["subtitle"] == "edited"


def test_save_refused_by_the_system_keeps_the_edits(opened, qtbot, monkeypatch):
    """What a read-only folder does when the tests run as root (who may write anywhere)."""
    import errno

    from briefing.fileformat import atomic

    def refuse(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "edited")
    monkeypatch.setattr(atomic.os, "replace", refuse)
    errors = []
    monkeypatch.setattr(opened, "ask_save_as_after_error", lambda text: errors.append(text) or False)
    assert not opened.save()
    assert "permission denied" in errors[0]
    assert opened.isWindowModified()
    assert opened.doc.trip.info.subtitle == "edited"


def test_save_into_a_vanished_folder_keeps_the_edits(window, tmp_path, qtbot, monkeypatch):
    folder = tmp_path / "gone"
    folder.mkdir()
    path = folder / "trip.yaml"
    fileformat.save(small_trip(), path)
    window.open_file(str(path))
    qtbot.keyClicks(window.editor.overview.editors["subtitle"].widget, "edited")
    for name in os.listdir(folder):
        os.unlink(folder / name)
    folder.rmdir()
    errors = []
    monkeypatch.setattr(window, "ask_save_as_after_error", lambda text: errors.append(text) or False)
    assert not window.save()
    assert "does not exist" in errors[0]
    assert window.isWindowModified()
    assert window.doc.trip.info.subtitle == "edited"


def answer_save_error(monkeypatch, button: str, shown: list):
    """The save error box, answered by clicking `button`; `shown` gets its texts."""
    def click(box):
        shown.append((box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)


def test_a_read_only_file_offers_save_as_and_keeps_the_edits(opened, trip_file, tmp_path, qtbot, monkeypatch):
    before = trip_file.read_bytes()
    trip_file.chmod(0o444)
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "edited")
    shown = []
    answer_save_error(monkeypatch, "Save As…", shown)
    copy = tmp_path / "copy.yaml"
    monkeypatch.delattr(opened, "get_save_path")  # the real one, which asks QFileDialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(copy), ""))
    assert opened.save()
    assert "read-only" in shown[0][0] and "Save As" in shown[0][1]
    assert trip_file.read_bytes() == before
    assert load(copy).info.subtitle == "edited"
    assert opened.doc.path == str(copy) and not opened.isWindowModified()


def test_a_hard_linked_file_is_refused_and_closing_the_box_keeps_the_edits(
        opened, trip_file, tmp_path, qtbot, monkeypatch):
    os.link(trip_file, tmp_path / "other-name.yaml")
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "edited")
    shown = []
    answer_save_error(monkeypatch, "Close", shown)
    assert not opened.save()
    assert "other hard links" in shown[0][0]
    assert opened.isWindowModified() and opened.doc.trip.info.subtitle == "edited"
    assert load(trip_file).info.subtitle == ""


def test_opening_a_pipe_says_so_at_once(window, tmp_path, monkeypatch):
    fifo = tmp_path / "trip.yaml"
    os.mkfifo(fifo)
    shown = []
    monkeypatch.setattr(window, "show_load_problems", lambda path, problems: shown.append(problems))
    release = threading.Timer(10, unblock, (fifo,))  # a blocked open fails the test, not hangs it
    release.start()
    try:
        assert not window.open_file(str(fifo))
    finally:
        release.cancel()
    assert "this is a pipe (FIFO), not a trip file" in str(shown[0][0])


def unblock(fifo):
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the reader then sees an empty file
    except OSError:
        pass  # no reader waiting


def test_a_folder_in_the_way_of_the_backup_is_shown_after_saving(opened, trip_file, qtbot):
    (trip_file.parent / "trip.yaml.bak").mkdir()
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "edited")
    assert opened.save()
    message = opened.statusBar().currentMessage()
    assert message.startswith("Saved trip.yaml; no backup was kept") and "is a folder" in message


def test_recovery_copy_is_written_private_and_offered_after_a_crash(
        opened, trip_file, recovery_dir, make_window, qtbot, monkeypatch):
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "unsaved work")
    opened.write_recovery()  # what the timer does a couple of seconds after the typing
    copies = opened.recovery.copies()
    assert len(copies) == 1 and copies[0].original == str(trip_file)
    assert stat.S_IMODE(os.stat(copies[0].yaml_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(recovery_dir).st_mode) == 0o700

    # the crash: a new window starts on the same file while the copy is still there
    second = make_window()
    offered = []
    monkeypatch.setattr(second, "ask_restore",
                        lambda name, when, lines, untitled=False: offered.append(name) or "restore")
    second.start(str(trip_file))
    assert offered == ["trip.yaml"]
    assert second.doc.trip.info.subtitle == "unsaved work"
    assert second.isWindowModified()
    assert second.save()
    assert opened.recovery.copies() == []  # saved: the copy is gone


def test_untitled_work_is_offered_at_start_up(window, make_window, qtbot, monkeypatch):
    window.new_trip()
    qtbot.keyClicks(window.editor.overview.editors["title"].widget, "Never saved")
    window.write_recovery()
    second = make_window()
    monkeypatch.setattr(second, "ask_restore", lambda name, when, lines, untitled=False: "restore")
    second.start(None)
    assert second.doc.trip.info.title == "Never saved"
    assert second.doc.path is None and second.isWindowModified()
    monkeypatch.setattr(second, "ask_save_changes", lambda: "discard")
    second.close()
    assert second.recovery.copies() == []  # discarded: the copy is gone


def test_opening_the_saved_file_keeps_the_copy_but_offers_it_no_more(
        trip_file, make_window, recovery_dir, monkeypatch):
    from briefing.ui.recovery import RecoveryStore

    store = RecoveryStore(recovery_dir)
    store.write(store.key_for(str(trip_file), ""), small_trip(), str(trip_file))
    win = make_window()
    monkeypatch.setattr(win, "ask_restore", lambda name, when, lines, untitled=False: "open")
    win.start(str(trip_file))
    assert not win.isWindowModified()
    assert len(store.copies()) == 1 and store.for_file(str(trip_file)) is None


def test_a_change_on_disk_is_noticed_but_our_own_save_is_not(opened, trip_file, qtbot, monkeypatch):
    asked = []
    opened.watch.changed_on_disk.connect(asked.append)
    opened.save()
    opened.watch.check()
    assert asked == []
    changed = small_trip()
    changed.info.title = "Changed elsewhere"
    fileformat.save(changed, trip_file)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert opened.doc.trip.info.title == "Changed elsewhere"


def test_dropping_a_yaml_file_opens_it(window, trip_file, qtbot):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(trip_file))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.doc.path == str(trip_file), timeout=2000)


def test_revert_reloads_the_file(opened, qtbot):
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "draft")
    opened.act_revert.trigger()
    assert opened.doc.trip.info.subtitle == ""
    assert not opened.isWindowModified()


def test_start_page_and_example(window, monkeypatch):
    assert window.central.currentIndex() == 0
    window.start_page.buttons[2].click()
    assert window.doc.path is None
    assert window.doc.trip.stops
    saved = []
    monkeypatch.setattr(window, "get_save_path", lambda: saved.append(1) or "")
    window.save()
    assert saved  # an untitled copy: Save asks where


def test_a_change_is_noticed_without_the_systems_notices(opened, trip_file, qtbot):
    """A network share sends no change notices: the regular look still finds the change."""
    from briefing.ui import watcher

    opened.watch.watcher.fileChanged.disconnect()
    opened.watch.watcher.directoryChanged.disconnect()
    asked = []
    opened.watch.changed_on_disk.connect(asked.append)
    changed = small_trip()
    changed.info.title = "Changed on the share"
    fileformat.save(changed, trip_file)
    qtbot.waitUntil(lambda: bool(asked), timeout=watcher.POLL_MS * 3)
    assert opened.doc.trip.info.title == "Changed on the share"
