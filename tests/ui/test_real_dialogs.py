"""The window's own message boxes, shown for real and answered by clicking their buttons: unsaved
changes on close (Save, Discard, Cancel), unsaved work found at start-up (Restore or not) and a
trip file changed by another program (combined with unsaved edits). Other tests replace these dialogs;
these make sure the boxes' buttons mean what the window does with them."""

import datetime as dt
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.fileformat import reader as fileformat
from briefing.ui.recovery import RecoveryStore

from .conftest import load, small_trip

TRIES = 300  # polls 10 ms apart: a box that has not shown after 3 s fails the test


class Answer:
    """Waits for the next message box and answers it with `act(box)` (a click, a key); records
    what the box said. It gives up (and the test fails on `answered`) if no box comes."""

    def __init__(self, act):
        self.act = act
        self.title = self.text = ""
        self.buttons: list[str] = []
        self.answered = False
        self.tries = 0
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            self.title, self.text = box.windowTitle(), box.text()
            self.buttons = [b.text() for b in box.buttons()]
            try:
                self.act(box)
                self.answered = True
            finally:
                if box.isVisible():  # the answer did not close it: do not hang the test
                    box.done(-1)
            return
        self.tries += 1
        if self.tries < TRIES:
            QTimer.singleShot(10, self._poll)


def click(find):
    def act(box):
        button = find(box)
        assert button is not None, f"no such button in {[b.text() for b in box.buttons()]}"
        button.click()
    return act


def standard(which: QMessageBox.StandardButton):
    return click(lambda box: box.button(which))


def labelled(text: str):
    return click(lambda box: next((b for b in box.buttons() if b.text() == text), None))


def real(window, *names: str):
    """Undo the test fixture's stand-ins: the window's own dialog methods show their boxes."""
    for name in names:
        vars(window).pop(name, None)
    return window


def edit_subtitle(window, qtbot, text: str = "draft") -> None:
    qtbot.keyClicks(window.editor.overview.editors["subtitle"].widget, text)
    assert window.isWindowModified()


# -- unsaved changes when the window closes -----------------------------------------------------

def test_save_in_the_unsaved_changes_box_writes_the_file_and_closes(opened, trip_file, qtbot):
    real(opened, "ask_save_changes")
    edit_subtitle(opened, qtbot)
    answer = Answer(standard(QMessageBox.StandardButton.Save))
    assert opened.close()
    assert answer.answered
    assert answer.title == "Unsaved changes" and "trip.yaml" in answer.text
    assert set(answer.buttons) == {"Save", "Discard", "Cancel"}
    assert not opened.isVisible()
    assert load(trip_file).info.subtitle == "draft"
    assert load(trip_file) == opened.doc.trip


def test_discard_in_the_unsaved_changes_box_writes_nothing_and_closes(opened, trip_file, qtbot):
    real(opened, "ask_save_changes")
    before = trip_file.read_bytes()
    edit_subtitle(opened, qtbot)
    opened.write_recovery()  # a copy was put aside meanwhile: discarding drops it too
    assert opened.recovery.copies()
    answer = Answer(standard(QMessageBox.StandardButton.Discard))
    assert opened.close()
    assert answer.answered
    assert not opened.isVisible()
    assert trip_file.read_bytes() == before
    assert not (trip_file.parent / "trip.yaml.bak").exists()
    assert opened.recovery.copies() == []


def test_cancel_in_the_unsaved_changes_box_keeps_the_window_and_the_edits(opened, trip_file, qtbot):
    real(opened, "ask_save_changes")
    before = trip_file.read_bytes()
    edit_subtitle(opened, qtbot)
    answer = Answer(standard(QMessageBox.StandardButton.Cancel))
    assert not opened.close()
    assert answer.answered
    assert opened.isVisible()
    assert opened.isWindowModified()
    assert opened.doc.trip.info.subtitle == "draft"
    assert opened.editor.overview.editors["subtitle"].widget.text() == "draft"
    assert trip_file.read_bytes() == before
    # and the edits are still there to save
    assert opened.save()
    assert load(trip_file).info.subtitle == "draft"


def test_escape_in_the_unsaved_changes_box_is_cancel(opened, trip_file, qtbot):
    real(opened, "ask_save_changes")
    edit_subtitle(opened, qtbot)
    answer = Answer(lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert not opened.close()
    assert answer.answered
    assert opened.isVisible() and opened.doc.trip.info.subtitle == "draft"


def test_opening_another_trip_asks_with_the_same_box(opened, trip_file, tmp_path, qtbot):
    real(opened, "ask_save_changes")
    edit_subtitle(opened, qtbot)
    other = tmp_path / "other.yaml"
    fileformat.save(small_trip(), other)
    answer = Answer(standard(QMessageBox.StandardButton.Save))
    assert opened.open_file(str(other))
    assert answer.answered
    assert load(trip_file).info.subtitle == "draft"
    assert opened.doc.path == str(other)


# -- unsaved work found at start-up ----------------------------------------------------------------

def left_by_a_crash(recovery_dir, trip_file) -> RecoveryStore:
    """The recovery copy a crashed window left: the small trip with an unsaved subtitle."""
    store = RecoveryStore(recovery_dir)
    trip = small_trip()
    trip.info.subtitle = "unsaved work"
    store.write(store.key_for(str(trip_file), ""), trip, str(trip_file))
    return store


def test_restore_brings_the_unsaved_work_back(make_window, trip_file, recovery_dir):
    store = left_by_a_crash(recovery_dir, trip_file)
    win = real(make_window(), "ask_restore")
    answer = Answer(labelled("Restore"))
    win.start(str(trip_file))
    assert answer.answered, answer.buttons
    assert answer.title == "Restore unsaved work?" and "trip.yaml" in answer.text
    assert set(answer.buttons) == {"Restore", "Open the saved file", "Decide later"}
    assert win.doc.trip.info.subtitle == "unsaved work"
    assert win.isWindowModified()  # restored work is not saved yet
    assert load(trip_file).info.subtitle == ""
    assert store.copies()  # kept until the work is saved or thrown away
    assert win.save()
    assert load(trip_file).info.subtitle == "unsaved work"
    assert store.copies() == []


def test_open_the_saved_file_keeps_the_copy_without_offering_it_again(make_window, trip_file, recovery_dir):
    store = left_by_a_crash(recovery_dir, trip_file)
    win = real(make_window(), "ask_restore")
    answer = Answer(labelled("Open the saved file"))
    win.start(str(trip_file))
    assert answer.answered
    assert win.doc.trip.info.subtitle == ""
    assert not win.isWindowModified()
    assert len(store.copies()) == 1 and store.for_file(str(trip_file)) is None


def test_decide_later_keeps_the_copy_and_offers_it_next_time(make_window, trip_file, recovery_dir, qtbot):
    store = left_by_a_crash(recovery_dir, trip_file)
    win = real(make_window(), "ask_restore")
    answer = Answer(labelled("Decide later"))
    win.start(str(trip_file))
    assert answer.answered and not win.isWindowModified()
    edit_subtitle(win, qtbot, "other work")  # the window's own copy does not replace the kept one
    win.write_recovery()
    assert len(store.copies()) == 2
    win.doc.undo_stack.setClean()
    win.close()
    assert [c.original for c in store.copies()] == [str(trip_file)]
    again = real(make_window(), "ask_restore")
    answer = Answer(labelled("Restore"))
    again.start(str(trip_file))
    assert answer.answered and again.doc.trip.info.subtitle == "unsaved work"


def test_an_untitled_trip_left_by_a_crash_is_offered_at_start_up(make_window, recovery_dir):
    store = RecoveryStore(recovery_dir)
    trip = small_trip()
    trip.info.title = "Never saved"
    store.write(store.key_for(None, "abc123"), trip, None)
    win = real(make_window(), "ask_restore")
    answer = Answer(labelled("Restore"))
    win.start(None)
    assert answer.answered
    assert "Untitled" in answer.text
    assert win.doc.trip.info.title == "Never saved"
    assert win.doc.path is None and win.isWindowModified()


# -- the file changed by another program: see test_merge_window.py -------------------------------

def changed_elsewhere(trip_file) -> None:
    trip = small_trip()
    trip.info.title = "Changed elsewhere"
    trip.info.updated = dt.date(2023, 2, 1)
    fileformat.save(trip, trip_file)


def test_the_watcher_itself_combines_a_change_with_unsaved_edits(opened, trip_file, qtbot):
    edit_subtitle(opened, qtbot)
    changed_elsewhere(trip_file)
    qtbot.waitUntil(lambda: opened.doc.trip.info.title == "Changed elsewhere", timeout=5000)
    assert opened.doc.trip.info.subtitle == "draft"  # no collision: no box, both kept
    assert opened.isWindowModified()
    assert load(trip_file).info.subtitle == ""


def test_a_file_that_cannot_be_read_is_explained_in_the_windows_language(make_window, tmp_path,
                                                                          monkeypatch):
    """A Korean window said 'error: stops[0].end: `25:00` is not a time of day' (the file's own
    terms, in English); it speaks as the Problems panel and the command line do."""
    from briefing.ui import i18n

    broken = tmp_path / "broken.yaml"
    text = re.sub(r"end: ['\"]?12:00['\"]?", "end: '25:00'", fileformat.dumps(small_trip()), count=1)
    assert "25:00" in text
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "_language", "ko")
    window = real(make_window(), "show_load_problems")
    seen = []

    def read(box):
        seen.append(box.informativeText())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer = Answer(read)
    window.open_file(str(broken))
    assert answer.answered
    assert "25:00" in seen[0] and "오류" in seen[0] and "is not" not in seen[0]
