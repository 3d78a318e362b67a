"""Ctrl+S never says "saved" while a field shows text that was not stored (a time typed 2460)."""

import datetime as dt

from PySide6.QtCore import Qt

from .conftest import load


def test_ctrl_s_with_a_time_that_is_no_time_saves_nothing_and_says_so(opened, qtbot, trip_file):
    errors = []
    opened.show_error = lambda title, text: errors.append((title, text))
    opened.show()
    opened.editor.select_stop(0)
    venue = opened.editor.stop_editor.header.editors["venue"].widget
    venue.setFocus()
    qtbot.keyClicks(venue, "Fira Gran Via")  # unsaved work, so a save would write something
    edit = opened.editor.stop_editor.header.editors["start"].widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2460")
    before = trip_file.read_bytes()
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert trip_file.read_bytes() == before  # nothing written
    assert opened.isWindowModified()  # and the window still says there is unsaved work
    assert errors and "2460" in errors[0][1]
    assert edit.hasFocus() and edit.text() == "2460"
    # Corrected, the same key saves, with the time as meant.
    edit.selectAll()
    qtbot.keyClicks(edit, "1245")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = load(trip_file).stops[0]
    assert saved.start == dt.time(12, 45) and saved.venue == "Fira Gran Via"
