"""A colleague saves the trip file while the window has unsaved edits: the two are combined field
by field against the version both started from; collisions are chosen in the real dialog."""

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from briefing.fileformat import reader as fileformat
from briefing.trip import model
from briefing.ui.dialogs.merge_dialog import MergeDialog

from .conftest import load


def colleague_saves(trip_file, edit) -> None:
    trip = load(trip_file)
    edit(trip)
    fileformat.save(trip, trip_file)


def answer_merge(act, found: list) -> None:
    """Wait for the merge dialog, note what it shows, then `act(dialog)`."""
    tries = [0]

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, MergeDialog) and dialog.isVisible():
            found.append([w.text() for w in dialog.findChildren(QLabel, "place")])
            try:
                act(dialog)
            finally:
                if dialog.isVisible():
                    dialog.done(0)
            return
        tries[0] += 1
        if tries[0] < 300:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)


def test_a_colleagues_stop_and_my_unsaved_edit_both_survive(opened, trip_file, qtbot):
    opened.editor.select_stop(0)
    qtbot.keyClicks(opened.editor.stop_editor.header.editors["venue"].widget, "Fira Gran Via")
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "MWC 2023")

    def edit(trip):
        trip.stops.insert(0, model.Stop(title="Embassy briefing", date=dt.date(2023, 2, 26)))
        trip.stops[1].agenda[1].minutes = 45  # the stop I am editing, now second

    colleague_saves(trip_file, edit)
    opened.watch.check()  # what the watcher does a moment after the save
    trip = opened.doc.trip
    assert [s.title for s in trip.stops] == ["Embassy briefing", "MWC", "City hall"]
    assert trip.stops[1].venue == "Fira Gran Via" and trip.stops[1].agenda[1].minutes == 45
    assert trip.info.subtitle == "MWC 2023"
    assert opened.isWindowModified()  # combined, not saved yet
    assert "combined" in opened.statusBar().currentMessage()
    assert load(trip_file).stops[1].venue == ""  # nothing written over theirs
    assert opened.save()
    saved = load(trip_file)
    assert [s.title for s in saved.stops] == ["Embassy briefing", "MWC", "City hall"]
    assert saved.stops[1].venue == "Fira Gran Via" and saved.stops[1].agenda[1].minutes == 45


def test_a_collision_is_chosen_side_by_side_in_the_real_dialog(opened, trip_file, qtbot):
    vars(opened).pop("ask_merge", None)
    opened.editor.select_stop(1)
    qtbot.keyClicks(opened.editor.stop_editor.header.editors["venue"].widget, "Ajuntament")
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "mine")

    def edit(trip):
        trip.stops[1].venue = "Plaça del Vi"
        trip.info.subtitle = "theirs"
        trip.contacts.append(model.Contact(name="Consulate"))

    colleague_saves(trip_file, edit)
    shown = []

    def act(dialog):
        assert dialog.windowTitle() == "Combine with the changed file"
        dialog.theirs_buttons[1].click()  # the venue: theirs; the subtitle stays mine
        dialog.use.click()

    answer_merge(act, shown)
    opened.watch.check()
    assert shown == [["Trip › Subtitle", 'Stop 2 "City hall" › Venue']]
    trip = opened.doc.trip
    assert (trip.info.subtitle, trip.stops[1].venue) == ("mine", "Plaça del Vi")
    assert [c.name for c in trip.contacts] == ["Embassy", "Consulate"]
    assert opened.isWindowModified()
    # the next change on disk is merged against their version, not the old one
    assert opened.doc.base.stops[1].venue == "Plaça del Vi"


def test_without_unsaved_edits_their_version_is_shown(opened, trip_file, qtbot):
    colleague_saves(trip_file, lambda trip: setattr(trip.info, "title", "Changed elsewhere"))
    opened.watch.check()
    assert opened.doc.trip.info.title == "Changed elsewhere"
    assert not opened.isWindowModified()


def test_a_broken_file_from_elsewhere_keeps_the_window_as_it_is(opened, trip_file, monkeypatch, qtbot):
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "mine")
    shown = []
    monkeypatch.setattr(opened, "show_load_problems", lambda path, problems: shown.append(path))
    trip_file.write_text("briefing: 1\ntrip: [half written", encoding="utf-8")
    opened.watch.check()
    assert shown and opened.doc.trip.info.subtitle == "mine" and opened.isWindowModified()


def test_what_i_am_typing_and_where_i_am_survive_their_save(opened, trip_file, qtbot):
    opened.show()
    opened.editor.select_stop(1)  # City hall
    editor = opened.editor.stop_editor
    editor.tabs.setCurrentIndex(1)
    start = editor.header.editors["start"].widget
    start.setFocus()
    start.selectAll()
    qtbot.keyClicks(start, "1500")  # not finished: no Enter, no Tab

    def edit(trip):
        trip.stops.insert(0, model.Stop(title="Embassy briefing", date=dt.date(2023, 2, 26)))

    colleague_saves(trip_file, edit)
    opened.watch.check()
    trip = opened.doc.trip
    assert [s.title for s in trip.stops] == ["Embassy briefing", "MWC", "City hall"]
    assert trip.stops[2].start == dt.time(15)  # what I typed is kept
    # Still on the stop I was editing (now the third), its tab, the cursor in the same field.
    assert opened.editor.current_stop_row() == 2
    assert editor.stop is trip.stops[2]
    assert editor.tabs.currentIndex() == 1
    assert editor.header.editors["start"].widget.hasFocus()
