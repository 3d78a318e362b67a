"""At 1024×700 with the live preview open, editing the stop keeps the window within the screen
and its panes where they were; a cell left with text that is no value is never saved or
exported as if it were empty."""

import os
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QToolButton, QWidget

from . import test_narrow_window

korean, narrow = test_narrow_window.korean, test_narrow_window.narrow  # the 1024×700 window


def agenda_of(win, qtbot):
    stop = win.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["agenda"])
    panel = stop.tables["agenda"]
    qtbot.waitUntil(panel.isVisible)
    return panel


def type_into_cell(panel, qtbot, row: int, name: str, text: str) -> None:
    view = panel.view
    cell = panel.model.index(row, panel.model.column_of(name))
    view.setCurrentIndex(cell)
    view.setFocus()
    view.edit(cell)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not view)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.currentIndex().column() != cell.column())


def test_edits_in_the_agenda_keep_the_window_within_the_screen(narrow, qtbot):
    panel = agenda_of(narrow, qtbot)
    panel.actions["add"].trigger()
    row = panel.model.rowCount() - 1
    type_into_cell(panel, qtbot, row, "time", "1030")
    type_into_cell(panel, qtbot, row, "time", "2460")
    panel.view.setCurrentIndex(panel.model.index(1, panel.model.column_of("item")))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(1200)  # the preview lays the stop out again and says where it is
    assert narrow.minimumSizeHint().width() <= 1024
    assert narrow.width() == 1024


def alt_letters(win) -> list[str]:
    """The Alt letters of what the window shows: labels, buttons, the toolbar's buttons."""
    letters = []
    for widget in win.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisible():
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue
            found = re.search(r"&([^&])", widget.text().replace("&&", ""))
            if found:
                letters.append(found[1].upper())
    return letters


def test_alt_letters_are_unique_on_every_tab(narrow, qtbot):
    tabs = narrow.editor.stop_editor.tabs
    toolbar = [b.text() for b in narrow.toolbar.findChildren(QToolButton) if b.isVisible()]
    assert not any("(P)" in t or "&" in t for t in toolbar), toolbar
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(10)
        letters = alt_letters(narrow)
        twice = {c for c in letters if letters.count(c) > 1}
        assert not twice, (tabs.tabText(i), sorted(twice))


def test_a_bad_time_left_in_a_cell_is_an_error_and_is_not_saved(narrow, qtbot, trip_file):
    errors = []
    narrow.show_error = lambda title, text: errors.append(text)
    panel = agenda_of(narrow, qtbot)
    type_into_cell(panel, qtbot, 0, "item", "Lunch")  # unsaved work, so a save would write
    type_into_cell(panel, qtbot, 0, "time", "2460")
    qtbot.waitUntil(lambda: any(p.is_error and p.path.endswith("agenda[0].time")
                                for p in narrow.problems.problems), timeout=3000)
    before = trip_file.read_bytes()
    narrow.act_save.trigger()
    assert trip_file.read_bytes() == before and errors and "2460" in errors[0]
    assert panel.view.currentIndex().column() == panel.model.column_of("time")
    assert panel.view.currentIndex().row() == 0
    narrow.ask_export_options = lambda *a: pytest.fail("exported a row without its time")
    assert narrow.export_pdf() is False and len(errors) == 2 and "2460" in errors[1]


def test_the_panes_stay_put_while_typing_and_the_preview_says_where_on_one_line(narrow, qtbot):
    stop = narrow.editor.stop_editor
    preview = narrow.live_preview
    qtbot.waitUntil(lambda: preview.pages > 0, timeout=5000)
    qtbot.wait(200)
    undo = narrow.toolbar.widgetForAction(narrow.act_undo)
    sizes = lambda: (narrow.editor.outline.width(), preview.width(), stop.header.shown_columns,  # noqa: E731
                     narrow.width(), undo.text())
    before = sizes()
    panel = agenda_of(narrow, qtbot)
    panel.actions["add"].trigger()
    type_into_cell(panel, qtbot, panel.model.rowCount() - 1, "time", "0930")  # out of order
    stop.tabs.setCurrentIndex(stop.tab_of["talking_points"])
    points = stop.tables["talking_points"]
    qtbot.waitUntil(points.isVisible)
    points.actions["add"].trigger()
    qtbot.wait(1200)  # laid out again, and the status line says where the stop is
    assert sizes() == before
    status = preview.status
    assert status.height() < 2 * status.fontMetrics().lineSpacing(), status.height()
    assert status.sizeHint().width() <= preview.width()
    assert "초" not in status.text() and status.text()


def test_problems_take_one_line_while_there_are_none(narrow, qtbot):
    tree = narrow.problems.tree
    narrow.revalidate()
    assert not narrow.problems.problems, narrow.problems.problems
    one_line = tree.header().height() + 3 * tree.fontMetrics().height()
    qtbot.waitUntil(lambda: tree.height() <= one_line, timeout=2000)
    title = narrow.editor.stop_editor.header.editors["title"].widget
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)  # a stop needs its title: an error to list
    qtbot.waitUntil(lambda: bool(narrow.problems.problems), timeout=2000)
    qtbot.waitUntil(lambda: tree.height() >= 4 * tree.fontMetrics().height(), timeout=2000)


def test_the_preview_docked_as_a_tab_beside_problems_shows_a_page(narrow, qtbot):
    preview = narrow.live_preview
    narrow.removeDockWidget(preview)
    narrow.tabifyDockWidget(narrow.problems, preview)
    preview.show()
    preview.raise_()
    qtbot.waitUntil(lambda: preview.view.height() >= 8 * preview.fontMetrics().lineSpacing(),
                    timeout=2000)
    assert narrow.height() <= 700 and narrow.minimumSizeHint().height() <= 640


def test_open_starts_in_the_last_trips_folder_and_shows_the_dates(narrow, qtbot, tmp_path):
    from PySide6.QtCore import QDir, QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QHeaderView

    assert QDir(narrow.open_dialog().directory()).absolutePath() == str(
        (tmp_path / narrow.doc.path).parent if narrow.doc.path else tmp_path)
    narrow.doc.path = None
    narrow.settings.clear_recent_files()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    shown = QDir(narrow.open_dialog().directory()).absolutePath()
    # Documents, or home where there is no Documents folder: not where the program started
    assert shown in (QDir(documents).absolutePath(), QDir.homePath()) and shown != os.getcwd()
    dialog = narrow.open_dialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setDirectory(str(tmp_path))
    dialog.show()
    qtbot.waitExposed(dialog)
    header = next(h for h in dialog.findChildren(QHeaderView) if h.isVisible())
    last = header.logicalIndexAt(header.viewport().width() - 1)
    date = header.count() - 1
    assert header.sectionViewportPosition(date) + header.sectionSize(date) <= header.viewport().width(), last
    dialog.close()
