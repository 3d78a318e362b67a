"""The export dialog: edition, paper, reader, changes since, draft, watermark, password; and the
question before files are replaced. What the options mean is briefing.ui.export_options's."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from briefing import options as book_options
from briefing.trip.problems import TripFileError
from briefing.ui.dialogs.buttons import ok_cancel
from briefing.ui.editors.path_row import path_row
from briefing.ui.export_options import (
    EVERY_MEMBER,
    TRIP_SUFFIXES,
    ExportOptions,
    book_name,
    existing,
    load_since,
    since_problem,
    target_problem,
    targets,
)
from briefing.ui.i18n import tr


def confirm_replace(parent, paths: list[str]) -> bool:
    """Ask before writing over files that exist; True to replace them."""
    names = [os.path.basename(p) for p in paths]
    if len(names) == 1:
        text = tr("{name} already exists. Replace it?", name=names[0])
    else:
        shown = "\n".join(names[:8]) + ("\n…" if len(names) > 8 else "")
        text = tr("{n} of these files already exist. Replace them?", n=len(names)) + "\n\n" + shown
    title = tr("Replace the file?") if len(names) == 1 else tr("Replace files?")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # Enter never overwrites
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def paper_combo(value: str, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    words = {"a4": "A4", "letter": tr("US Letter")}
    for paper in book_options.PAPERS:
        combo.addItem(words[paper], paper)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


def edition_combo(value: str, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    words = {book_options.FULL: tr("Full (principal's book)"),
             book_options.HANDOUT: tr("Handout (no internal items)")}
    for edition in book_options.EDITIONS:
        combo.addItem(words[edition], edition)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


def reader_combo(delegation, value: str, parent=None) -> QComboBox:
    """— none —, then each delegation member as 'name — title', with their key as data, then
    every member at once (one file each)."""
    combo = QComboBox(parent)
    combo.addItem(tr("— none —"), "")
    members = 0
    for person in delegation:
        if not person.key:
            continue
        name = person.name or person.key
        combo.addItem(f"{name} — {person.title}" if person.title else name, person.key)
        members += 1
    if members:
        combo.addItem(tr("Every personal copy (one PDF each)"), EVERY_MEMBER)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


class ExportDialog(QDialog):
    """Paper, edition, a personal copy (or every one), a changes page, a draft, memo pages, a
    watermark, a password, and where to write the PDF; the file name follows the choices."""

    def __init__(self, options: ExportOptions, parent=None, *, delegation=(),
                 trip_path: str | None = None, errors: int = 0):
        super().__init__(parent)
        self.setWindowTitle(tr("Export PDF"))
        self.font = options.font
        self.trip_path = trip_path
        self.delegation = list(delegation)
        self.stem = options.stem
        self.errors = errors
        self._replace = False
        self._since = (options.since, options.since_trip) if options.since_trip is not None else ("", None)
        self.paper = paper_combo(options.paper, self)
        self.edition = edition_combo(options.edition, self)
        self.reader = reader_combo(delegation, options.reader, self)
        self.reader.setToolTip(tr("A copy for one member: their name and copy number on the "
                                  "cover, their own talking points marked"))
        self.since = QLineEdit(options.since, self)
        self.since.setPlaceholderText(tr("No changes page (optional)"))
        self.since.setClearButtonEnabled(True)
        self.since.setToolTip(tr("An earlier version of this trip file: the book lists what changed since"))
        since_row = path_row(self.since, tr("Choose an earlier version of the trip"),
                             self._browse_since, self)
        self.notes_pages = QCheckBox(tr("A ruled page for notes after each visit"), self)
        self.notes_pages.setChecked(options.edition == "full" if options.notes_pages is None
                                    else options.notes_pages)
        self._notes_chosen = options.notes_pages is not None
        self.notes_pages.clicked.connect(self._choose_notes)
        self.draft = QCheckBox(tr("Draft: every page marked 초안 / DRAFT"), self)
        self.draft.setChecked(options.draft or errors > 0)
        if errors:  # a trip with errors is never exported as a clean book
            self.draft.setEnabled(False)
            self.draft.setToolTip(tr("Errors in the trip: {n}. Until they are fixed it can only "
                                     "be exported as a draft.", n=errors))
        self.watermark = QCheckBox(tr("Watermark: the marking (and the reader) across every page"),
                                   self)
        self.watermark.setChecked(options.watermark)
        self.password = QLineEdit(options.password, self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("None: anyone can open the PDF"))
        self.password.setToolTip(tr("The PDF is encrypted (AES-256) and opens only with this "
                                    "password; it cannot be recovered if forgotten"))
        self.password_again = QLineEdit(options.password, self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.path = QLineEdit(options.path, self)
        self.path.setMinimumWidth(360)
        self._named = options.path  # the path as last named for the choices (not typed)
        where = path_row(self.path, tr("Save PDF as"), self._browse, self)
        font = QLabel(os.path.basename(self.font) if self.font else tr("Chosen by Briefing"), self)
        font.setToolTip(self.font or tr("Set a font file in Edit ▸ Preferences"))
        font.setEnabled(False)
        form = QFormLayout()
        for text, widget in ((tr("&Paper:"), self.paper), (tr("E&dition:"), self.edition),
                             (tr("Personal &copy for:"), self.reader),
                             (tr("List changes &since:"), self.since),
                             (tr("Pass&word:"), self.password),
                             (tr("&Repeat password:"), self.password_again),
                             (tr("&File:"), self.path)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, {self.path: where, self.since: since_row}.get(widget, widget))
            if widget is self.path:
                self.path_label = label
        for box in (self.notes_pages, self.draft, self.watermark):
            form.addRow("", box)
        form.addRow(tr("Font:"), font)
        self.error = QLabel(self)  # why the export cannot start yet; the dialog stays open
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.buttons = ok_cancel(self, tr("Export"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.edition.currentIndexChanged.connect(self._edition_changed)
        self.reader.currentIndexChanged.connect(self._follow_choices)
        self.draft.toggled.connect(self._follow_choices)
        self.path.textChanged.connect(self._path_changed)
        self._was_every = self._every()
        self._show_path_kind()

    # -- the file name follows the choices ---------------------------------------------------

    def _path_changed(self) -> None:
        self._replace = False  # a yes to replacing one file is no yes to another

    def _every(self) -> bool:
        return self.reader.currentData() == EVERY_MEMBER

    def _choose_notes(self) -> None:
        self._notes_chosen = True

    def _edition_changed(self) -> None:
        if not self._notes_chosen:  # memo pages belong to the full edition unless chosen
            self.notes_pages.setChecked(self.edition.currentData() == "full")
        self._follow_choices()

    def _follow_choices(self) -> None:
        """Name the file for the copy now chosen, in the folder already chosen: exporting the
        handout after the full book must not land on the full book. A name the user typed stays
        (only its folder is kept when switching to or from every member's copy)."""
        current = self.path.text().strip()
        was_folder, self._was_every = self._was_every, self._every()
        folder = current if was_folder else os.path.dirname(current)
        if self._every():
            new = folder
        elif current == self._named or was_folder:
            reader = self.reader.currentData() or ""
            new = os.path.join(folder, book_name(self._stem(), self.edition.currentData(), reader,
                                                 self.draft.isChecked(), self.delegation))
        else:
            new = current
        self._named = new
        self.path.setText(new)
        self._show_path_kind()

    def _stem(self) -> str:
        if self.stem:
            return self.stem
        name = os.path.basename(self._named or self.path.text())
        return name.split(".", 1)[0] or "briefing"

    def _show_path_kind(self) -> None:
        every = self._every()
        self.path_label.setText(tr("&Folder:") if every else tr("&File:"))
        self.path.setToolTip(tr("One PDF per member is written into this folder") if every
                             else "")

    def _browse(self) -> None:
        if self._every():
            path = QFileDialog.getExistingDirectory(self, tr("Folder for the personal copies"),
                                                    self.path.text())
        else:
            path, _ = QFileDialog.getSaveFileName(  # the replace question is ours, asked once
                self, tr("Save PDF as"), self.path.text(), tr("PDF files (*.pdf)"), "",
                QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path.setText(path)
            # The system's save dialog has asked about replacing an existing file already.
            self._replace = not self._every() and os.path.exists(path)

    def _browse_since(self) -> None:
        start = self.since.text() or (os.path.dirname(self.trip_path) if self.trip_path else "")
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose an earlier version of the trip"), start,
            f"{tr('Trip files (*.yaml *.yml)')};;{tr('All files (*)')}")
        if path:
            self.since.setText(path)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        """Export only to a PDF that is not a trip file, with an earlier version that loads, a
        password typed the same twice, and over an existing file only when the user says so."""
        options = self.options()
        problem = ""
        if options.reader == EVERY_MEMBER:
            if options.path.lower().endswith((".pdf", *TRIP_SUFFIXES)):
                problem = tr("Every member's copy is a file of its own: choose a folder for them.")
        else:
            problem = target_problem(options.path, self.trip_path, options.since)
        if not problem and self.password.text() != self.password_again.text():
            problem = tr("The two passwords differ; type the same password twice.")
        if not problem and any(c in options.password for c in "\r\n"):
            problem = tr("A password cannot hold a line break.")
        if not problem and options.since and options.since_trip is None:
            try:
                self._since = (options.since, load_since(options.since))
            except TripFileError as e:
                problem = since_problem(options.since, e)
        self._show_error(problem)
        if problem:
            return
        there = existing(targets(self.options(), self.delegation))
        if there and not self._replace:
            if not confirm_replace(self, there):
                return  # the dialog stays open for another name
            self._replace = True
        super().accept()

    def options(self) -> ExportOptions:
        path = self.path.text().strip()
        every = self._every()
        if path and not every and not path.lower().endswith((".pdf", *TRIP_SUFFIXES)):
            path += ".pdf"
        since = self.since.text().strip()
        loaded = self._since[1] if since and self._since[0] == since else None
        edition = self.edition.currentData()
        notes = self.notes_pages.isChecked()
        return ExportOptions(
            path, self.paper.currentData(), edition, self.font, self.reader.currentData() or "",
            since, loaded, draft=self.draft.isChecked(), watermark=self.watermark.isChecked(),
            # Only a choice that differs from the edition's default is passed on.
            notes_pages=None if notes == (edition == "full") else notes,
            password=self.password.text(), stem=self._stem(), replace=self._replace)
