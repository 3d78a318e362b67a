"""A colleague saves the trip file while the window has unsaved edits: the two are combined field
by field against the version both started from; collisions are chosen in the real dialog."""

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

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


def two_sides(opened, trip_file, qtbot) -> None:
    """My unsaved venue and subtitle; their saved venue of the same stop and a new contact."""
    opened.editor.select_stop(1)
    qtbot.keyClicks(opened.editor.stop_editor.header.editors["venue"].widget, "Ajuntament")
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "mine")

    def edit(trip):
        trip.stops[1].venue = "Plaça del Vi"
        trip.contacts.append(model.Contact(name="Consulate"))

    colleague_saves(trip_file, edit)


def test_enter_in_the_merge_dialog_keeps_mine_whatever_has_the_focus(opened, trip_file, qtbot):
    vars(opened).pop("ask_merge", None)
    two_sides(opened, trip_file, qtbot)

    def act(dialog):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)  # as it opened
        assert not dialog.isVisible()

    answer_merge(act, [])
    opened.watch.check()
    assert opened.doc.trip.stops[1].venue == "Ajuntament"
    colleague_saves(trip_file, lambda trip: setattr(trip.info, "subtitle", "theirs"))

    def focused(dialog):
        dialog.all_theirs.setFocus()
        qtbot.keyClick(dialog.all_theirs, Qt.Key.Key_Return)
        assert not dialog.isVisible()

    answer_merge(focused, [])
    opened.watch.check()
    assert opened.doc.trip.info.subtitle == "mine"


def test_their_other_changes_are_listed_in_the_merge_dialog(opened, trip_file, qtbot):
    vars(opened).pop("ask_merge", None)
    two_sides(opened, trip_file, qtbot)
    listed = []

    def act(dialog):
        listed.extend(w.text() for w in dialog.findChildren(QLabel))
        listed.extend(w.item(i).text() for w in dialog.findChildren(QListWidget)
                      for i in range(w.count()))
        dialog.use.click()

    answer_merge(act, [])
    opened.watch.check()
    assert [c.name for c in opened.doc.trip.contacts] == ["Embassy", "Consulate"]
    assert "Their other changes, taken in (1):" in listed
    assert "Added: Contacts › Consulate" in listed


def test_esc_puts_the_merge_off_and_save_asks_again_before_writing(opened, trip_file, qtbot):
    vars(opened).pop("ask_merge", None)
    two_sides(opened, trip_file, qtbot)
    answer_merge(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape), [])
    opened.watch.check()
    trip = opened.doc.trip
    assert trip.stops[1].venue == "Ajuntament" and [c.name for c in trip.contacts] == ["Embassy"]
    assert opened.isWindowModified()
    assert load(trip_file).stops[1].venue == "Plaça del Vi"  # theirs, not written over
    asked = []
    opened.ask_merge = lambda result, name, **_: asked.append(len(result.collisions)) or [
        "mine"] * len(result.collisions)
    assert opened.save()
    assert asked == [1]
    saved = load(trip_file)
    assert saved.stops[1].venue == "Ajuntament" and [c.name for c in saved.contacts] == [
        "Embassy", "Consulate"]


def test_a_merge_is_one_undo_step_and_the_steps_before_it_stay(opened, trip_file, qtbot):
    qtbot.keyClicks(opened.editor.overview.editors["subtitle"].widget, "mine")
    opened.editor.overview.editors["subtitle"].widget.editingFinished.emit()
    stack = opened.doc.undo_stack
    before = stack.count()
    assert before >= 1
    colleague_saves(trip_file, lambda trip: trip.contacts.append(model.Contact(name="Consulate")))
    opened.watch.check()
    assert [c.name for c in opened.doc.trip.contacts] == ["Embassy", "Consulate"]
    assert stack.count() == before + 1 and stack.canUndo()
    assert "Consulate" in opened.statusBar().currentMessage()  # what they changed, in words
    stack.undo()  # the merge, as one step
    assert [c.name for c in opened.doc.trip.contacts] == ["Embassy"]
    assert opened.doc.trip.info.subtitle == "mine"
    while stack.canUndo():
        stack.undo()
    assert opened.doc.trip.info.subtitle == ""  # my earlier typing, undone on its own
    stack.redo()
    while stack.canRedo():
        stack.redo()
    assert opened.doc.trip.info.subtitle == "mine"
    assert [c.name for c in opened.doc.trip.contacts] == ["Embassy", "Consulate"]
