"""The window's file work: new, open, save, save as, revert, recent files, changes on disk, drops.

A mixin of MainWindow; its dialogs are small `ask_*` / `get_*` methods that tests replace.
"""

from __future__ import annotations

import os
import uuid

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from briefing import package_data
from briefing.fileformat import reader as fileformat
from briefing.trip import model
from briefing.trip.problems import SaveError, TripFileError
from briefing.ui.dialogs.export import confirm_replace
from briefing.ui.dialogs.merge_dialog import MergeDialog
from briefing.ui.document import new_trip
from briefing.ui.editors.field_editors import finish_typing
from briefing.ui.i18n import language, tr
from briefing.ui.preview.pages import EDITOR
from briefing.versions import changes, merge


class FileActions:
    """Open, save and reload trips for MainWindow (which provides doc, settings, watch…)."""

    # -- dialogs (tests replace these) ----------------------------------------------------------

    def ask_save_changes(self) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Unsaved changes"),
                          tr("Save changes to “{name}”?", name=self.display_name or tr("Untitled")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(tr("Your changes will be lost if you don't save them."))
        box.button(QMessageBox.StandardButton.Save).setText(tr("Save"))
        box.button(QMessageBox.StandardButton.Discard).setText(tr("Discard"))
        box.button(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def show_load_problems(self, path: str, problems: list) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Cannot open the trip"),
                          tr("{file} could not be read:", file=os.path.basename(path)),
                          QMessageBox.StandardButton.Ok, self)
        lines = [p.text(language()) for p in problems]  # in the window's words, not the file's
        box.setInformativeText("\n".join(lines[:8]))
        box.setDetailedText("\n".join(lines))
        box.exec()

    def ask_save_as_after_error(self, text: str) -> bool:
        """A save was refused or failed: True when the user picks Save As (the edits stay)."""
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Cannot save the trip"), text,
                          QMessageBox.StandardButton.Close, self)
        box.setInformativeText(tr("Your edits are still here; use Save As to keep them in another file."))
        box.button(QMessageBox.StandardButton.Close).setText(tr("Close"))
        save_as = box.addButton(tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        return box.clickedButton() is save_as

    def get_open_path(self) -> str:
        dialog = self.open_dialog()
        return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""

    def open_dialog(self) -> QFileDialog:
        """File ▸ Open's dialog: in the trip's folder, else the last trip's, else Documents
        (never the folder the program happened to be started from), wide enough for the
        modified date."""
        last = self.doc.path or next(iter(self.settings.recent_files()), "")
        folder = os.path.dirname(last) if last else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, tr("Open trip"), folder,
                             f"{tr('Trip files (*.yaml *.yml)')};;{tr('All files (*)')}")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        room = self.screen().availableGeometry()
        dialog.resize(min(60 * dialog.fontMetrics().averageCharWidth() + 400, room.width() - 40),
                      min(520, room.height() - 60))
        return dialog

    def get_save_path(self) -> str:
        suggested = self.doc.path or (self.doc.trip.info.title or tr("Untitled")) + ".yaml"
        # Our own question about a file that exists, worded as every export words it (Qt's
        # dialog asked it in other words, and for 'trip' before '.yaml' was added).
        path, _ = QFileDialog.getSaveFileName(self, tr("Save trip as"), suggested, tr("Trip files (*.yaml *.yml)"),
                                              "", QFileDialog.Option.DontConfirmOverwrite)
        if path and not path.lower().endswith((".yaml", ".yml")):
            path += ".yaml"
        if path and os.path.exists(path) and not confirm_replace(self, [path]):
            return ""
        return path

    def ask_merge(self, result: merge.Merged, name: str, intro: str | None = None,
                  taken: list[str] | None = None) -> list[str] | None:
        """For each collision, merge.THEIRS or merge.MINE, as the user chose side by side;
        None when the user put it off (Esc, Decide later)."""
        dialog = MergeDialog(result, name, self, intro=intro, taken=taken or [])
        dialog.exec()
        return None if dialog.postponed else dialog.choices()

    # -- files ----------------------------------------------------------------------------------

    def _refresh_recent(self) -> None:
        files = self.settings.recent_files()
        self.start_page.set_recent(files)
        self.recent_menu.clear()
        for path in files:
            action = self.recent_menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(tr("Clear Recent"))
        clear.triggered.connect(lambda: (self.settings.clear_recent_files(), self._refresh_recent()))
        self.recent_menu.setEnabled(bool(files))

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current trip (saved, discarded or unchanged)."""
        if not self.doc.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._drop_recovery()
            return True
        return False

    def _set_document(self, trip: model.Trip, path: str | None, name: str = "") -> None:
        self._drop_recovery()
        self.doc.replace(trip, path)
        self.display_name = name or (os.path.basename(path) if path else "")
        self.recovery_key = None
        self.watch.watch(self.doc.path)
        self._show_page(EDITOR)
        self._update_title()
        self.validate_timer.start()  # soon, not before the window has shown the trip
        self.editor.outline.setFocus()

    def new_trip(self) -> None:
        if not self.maybe_save():
            return
        self.untitled_id = uuid.uuid4().hex[:12]
        self._set_document(new_trip(), None)
        self.editor.overview.focus_field("title")

    def open_file(self, path: str | None = None) -> bool:
        path = path or self.get_open_path()
        if not path or not self.maybe_save():
            return False
        try:
            trip = fileformat.load(path)
        except TripFileError as e:
            self.show_load_problems(path, e.problems)
            return False
        self._set_document(trip, path)
        self.settings.add_recent_file(path)
        self._refresh_recent()
        self.statusBar().showMessage(tr("Opened {name}", name=os.path.basename(path)), 4000)
        self.offer_file_recovery(path)
        return True

    def open_example(self) -> bool:
        if not self.maybe_save():
            return False
        try:
            trip = fileformat.loads(package_data.example_text(), package_data.EXAMPLE)
        except (OSError, TripFileError) as e:
            self.show_error(tr("Cannot open the trip"), str(e))
            return False
        self.untitled_id = uuid.uuid4().hex[:12]
        self._set_document(trip, None)  # an untitled copy: saving asks where, so says the title
        return True

    def save(self) -> bool:
        if self._refuse_unstored():
            return False
        if self.doc.path is None:
            return self.save_as()
        if not self.merge_waiting_first():  # never over a colleague's version unasked
            return False
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        if self._refuse_unstored():
            return False
        path = self.get_save_path()
        return bool(path) and self._write(path)

    def _refuse_unstored(self, exporting: bool = False) -> bool:
        """A field still showing text that is no value (a time typed as 2460) would not be
        saved while the window said it was: say so, put the cursor there, save nothing."""
        from PySide6.QtWidgets import QLineEdit, QWidget

        for widget in self.findChildren(QWidget):
            if widget.property("invalid") and widget.isVisible():
                text = widget.text() if isinstance(widget, QLineEdit) else ""
                self.show_error(tr("Not saved"), tr(
                    "“{typed}” in the marked field is not a value it can hold, so the trip was "
                    "not saved. Correct it (its tooltip says how), or clear it, then save again.",
                    typed=text))
                widget.setFocus()
                return True
        for path, text, _why in self.unstored_cells():
            if exporting:
                self.show_error(tr("Not exported"), tr(
                    "“{typed}” in the marked cell is not a value it can hold, so no book was "
                    "made (it would print the row without it). Correct it (its tooltip says "
                    "how), or clear it, then export again.", typed=text))
            else:
                self.show_error(tr("Not saved"), tr(
                    "“{typed}” in the marked field is not a value it can hold, so the trip was "
                    "not saved. Correct it (its tooltip says how), or clear it, then save again.",
                    typed=text))
            self.go_to(path)
            return True
        return False

    def unstored_cells(self) -> list[tuple[str, str, str]]:
        """(path, typed text, why) of each table cell left showing text that is no value (Tab
        moves on from a time typed 2460): the trip holds the row without it."""
        from briefing.ui.editors.record_panel import RecordTablePanel
        from briefing.ui.problem_marks import path_to

        found = []
        for panel in self.findChildren(RecordTablePanel):
            unstored = getattr(panel.model, "unstored", None)
            for record, name, text, why in unstored() if unstored else ():
                path = path_to(self.doc.trip, record, name)
                if path:  # not a row deleted since
                    found.append((path, text, why))
        return found

    def _write(self, path: str) -> bool:
        try:
            notes = fileformat.save(self.doc.trip, path)
        except SaveError as e:
            if self.ask_save_as_after_error(str(e)):
                return self.save_as()
            return False
        self._drop_recovery()
        if os.path.abspath(path) != self.doc.path:
            self.doc.set_path(path)
            self.watch.watch(self.doc.path)
        else:
            self.watch.remember()
        self.display_name = os.path.basename(path)
        self.doc.mark_saved()
        self.settings.add_recent_file(path)
        self._refresh_recent()
        self._update_title()
        saved = tr("Saved {name}", name=os.path.basename(path))
        # a hitch beside the save (no backup kept) stays up long enough to be read
        self.statusBar().showMessage("; ".join([saved, *notes]), 15000 if notes else 4000)
        return True

    def revert(self) -> None:
        if self.doc.path is None:
            return
        path = self.doc.path
        try:
            trip = fileformat.load(path)
        except TripFileError as e:
            self.show_load_problems(path, e.problems)
            return
        self._set_document(trip, path)

    def file_changed_on_disk(self, path: str) -> None:
        if path != self.doc.path:
            return
        if not os.path.exists(path):
            return  # gone (moved or deleted): the work stays here, Save writes it again
        name = os.path.basename(path)
        try:
            theirs = fileformat.load(path)
        except TripFileError as e:  # a half-done edit elsewhere: ours stays, unsaved
            self.show_load_problems(path, e.problems)
            self.doc.undo_stack.resetClean()  # the window now differs from the file
            return
        finish_typing(QApplication.focusWidget())  # what is being typed is ours too
        place = self._place()
        if not self.doc.is_modified():  # nothing of ours to lose: show theirs
            self._set_document(theirs, path)
            self._return_to(place)
            self.statusBar().showMessage(
                tr("{name} was changed by someone else; it now shows their version", name=name), 8000)
            return
        self.merge_changed_file(theirs, path)  # one undo step; the user may put it off
        self._return_to(place)

    def _place(self) -> tuple | None:
        """The stop being edited, its tab and the header field with the cursor, if any."""
        row = self.editor.current_stop_row()
        if row < 0:
            return None
        editor = self.editor.stop_editor
        focus = QApplication.focusWidget()
        field = next((name for name, e in editor.header.editors.items() if e.widget is focus),
                     None)
        return self.doc.trip.stops[row], editor.tabs.currentIndex(), field

    def _return_to(self, place: tuple | None) -> None:
        """Back to the same stop (found as the changes page pairs stops, wherever the other
        version moved it), tab and field after their version replaced the trip."""
        if place is None:
            return
        stop, tab, field = place
        stops = self.doc.trip.stops
        row = next((j for i, j in changes.match([stop], stops) if i == 0), None)
        if row is None:
            return
        self.editor.select_stop(row)
        editor = self.editor.stop_editor
        editor.tabs.setCurrentIndex(tab)
        if field is not None:
            editor.header.focus_field(field)

    # -- drops ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith((".yaml", ".yml")):
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda p=path: self.open_file(p))
                return
        self.statusBar().showMessage(tr("Only .yaml trip files can be dropped here."), 5000)
