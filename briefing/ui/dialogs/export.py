"""Exporting the briefing book: the options dialog, the worker off the UI thread, the preview."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefing.fileformat import reader as fileformat
from briefing.trip.problems import TripFileError
from briefing.ui.editors.path_row import path_row
from briefing.ui.i18n import tr
from briefing.ui.icons import icon
from briefing.ui.shortcuts import with_shortcut

TRIP_SUFFIXES = (".yaml", ".yml")
# The reader that stands for every delegation member: one personal copy each, `path` a folder.
# The same word as the command line's `--for all` (briefing.book.EVERY_MEMBER).
EVERY_MEMBER = "all"


@dataclass
class ExportOptions:
    path: str  # the PDF; for EVERY_MEMBER, the folder the copies go to
    paper: str = "a4"
    edition: str = "full"
    font: str = ""  # a .ttf/.ttc file from Preferences; "" lets the book choose
    reader: str = ""  # a delegation member's key: their personal copy; "" for the common book
    since: str = ""  # an earlier version's trip file: a 'changes since' page; "" for none
    since_trip: Any = field(default=None, compare=False, repr=False)  # `since`, once loaded
    draft: bool = False  # every page marked 초안 / DRAFT (the only export of a trip with errors)
    watermark: bool = False  # the marking (and reader, copy number) faintly across every page
    notes_pages: bool | None = None  # ruled pages after each stop; None: the edition's default
    password: str = field(default="", repr=False)  # "" for an open PDF, else AES-256 with it
    stem: str = ""  # what the files are named after ('trip' for trip.yaml); "" for the path's
    replace: bool = False  # the user has agreed to replace the files that exist


def book_name(stem: str, edition: str, reader: str = "", draft: bool = False) -> str:
    """The file name of one copy (trip.pdf, trip.handout.pdf, trip.mayor.pdf): the book's rule."""
    from briefing.book import file_name

    return file_name(stem, edition=edition, reader=reader, draft=draft)


def copies(options: ExportOptions, delegation=()) -> list[tuple[str, str]]:
    """(reader, path) of every book the export writes: one, or one per member for
    EVERY_MEMBER, in delegation order."""
    if options.reader != EVERY_MEMBER:
        return [(options.reader, options.path)] if options.path else []
    stem = options.stem or "briefing"
    seen: list[str] = []
    for person in delegation:
        if person.key and person.key not in seen:
            seen.append(person.key)
    return [(key, os.path.join(options.path, book_name(stem, options.edition, key, options.draft)))
            for key in seen]


def targets(options: ExportOptions, delegation=()) -> list[str]:
    """Every file the export writes."""
    return [path for _reader, path in copies(options, delegation)]


def existing(paths: list[str]) -> list[str]:
    return [p for p in paths if os.path.lexists(p)]


def confirm_replace(parent, paths: list[str]) -> bool:
    """Ask before writing over files that exist; True to replace them."""
    names = [os.path.basename(p) for p in paths]
    if len(names) == 1:
        text = tr("{name} already exists. Replace it?", name=names[0])
    else:
        shown = "\n".join(names[:8]) + ("\n…" if len(names) > 8 else "")
        text = tr("{n} of these files already exist. Replace them?", n=len(names)) + "\n\n" + shown
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Replace files?"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # Enter never overwrites
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare the names
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def target_problem(pdf_path: str, trip_path: str | None, since_path: str = "") -> str:
    """Why the book must not be written to `pdf_path`, or "" when it may: never over a trip file."""
    if not pdf_path:
        return tr("Choose where to write the PDF.")
    if trip_path and same_file(pdf_path, trip_path):
        return tr("That is the trip file itself; exporting there would overwrite it. "
                  "Choose another file name.")
    if since_path and same_file(pdf_path, since_path):
        return tr("That is the earlier version's trip file; exporting there would overwrite it. "
                  "Choose another file name.")
    if pdf_path.lower().endswith(TRIP_SUFFIXES):
        return tr("The book is a PDF and is not written over a trip file (.yaml). "
                  "Choose a file name ending in .pdf.")
    return ""


def load_since(path: str):
    """The earlier version of the trip for the 'changes since' page; raises TripFileError."""
    return fileformat.load(path)


def since_problem(path: str, error: TripFileError) -> str:
    problems = error.problems or [error]
    lines = "\n".join(str(p) for p in problems[:8])
    more = len(problems) - 8
    if more > 0:
        lines += "\n" + tr("… and {n} more", n=more)
    return tr("The earlier version {file} could not be read:", file=os.path.basename(path)) + "\n" + lines


def paper_combo(value: str, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("A4", "a4")
    combo.addItem(tr("US Letter"), "letter")
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


def edition_combo(value: str, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(tr("Full (principal's book)"), "full")
    combo.addItem(tr("Handout (no internal items)"), "handout")
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
            self.draft.setToolTip(tr("The trip has {n} error(s): it can only be exported as a "
                                     "draft until they are fixed", n=errors))
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
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
                                                 self.draft.isChecked()))
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
            path, _ = QFileDialog.getSaveFileName(self, tr("Save PDF as"), self.path.text(),
                                                  tr("PDF files (*.pdf)"))
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


class ExportSignals(QObject):
    finished = Signal(list, int, list)  # the paths written, the first one's pages, notices
    failed = Signal(str)


class ExportJob(QRunnable):
    """Builds the book from a copy of the trip, in the thread pool; reports by signals."""

    def __init__(self, trip, options: ExportOptions):
        super().__init__()
        self.trip, self.options = trip, options
        self.signals = ExportSignals()

    def run(self) -> None:
        try:
            from briefing.book import export_pdf
        except ImportError:
            self.signals.failed.emit(tr("The PDF export is not available yet."))
            return
        options = self.options
        extra = {}  # only what is asked for: a plain export calls the book as it always did
        if options.since_trip is not None:
            extra["since"] = options.since_trip
        if options.draft:
            extra["draft"] = True
        if options.watermark:
            extra["watermark"] = True
        if options.notes_pages is not None:
            extra["notes_pages"] = options.notes_pages
        if options.password:
            extra["password"] = options.password
        written: list[str] = []
        pages = 0
        notices: list[str] = []
        same_version = False
        for reader, path in copies(options, self.trip.delegation):
            kwargs = dict(extra, reader=reader) if reader else extra
            try:
                result = export_pdf(self.trip, path, paper=options.paper,
                                    edition=options.edition, font=options.font or None, **kwargs)
            except Exception as e:  # BookError, SaveError, or a bug: shown, never raised
                message = str(e) or type(e).__name__
                if written:  # the copies already written stay; say which one failed
                    message = tr("{name} could not be written ({n} written before it): {error}",
                                 name=os.path.basename(path), n=len(written), error=message)
                self.signals.failed.emit(message)
                return
            written.append(path)
            pages = pages or int(getattr(result, "pages", 0) or 0)
            for notice in getattr(result, "notices", ()) or ():
                if str(notice) not in notices:
                    notices.append(str(notice))
            same_version |= bool(getattr(result, "same_version", False))
        if same_version:
            notices.append(tr("The book differs from the earlier version {file}, but both have "
                              "the same version label and date: give this version a new version "
                              "label or date so that readers can tell the books apart.",
                              file=os.path.basename(options.since)))
        self.signals.finished.emit(written, pages, notices)


class PreviewPane(QWidget):
    """The exported book, shown in the window (QtPdf), with a way out to the system viewer."""

    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.path = ""
        self.password = ""  # the password of the book to show next, if it has one
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)  # a whole page first, as printed
        self.title = QLabel(self)
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for icon_name, text, slot, keys in (
            ("mdi6.arrow-left", tr("Close preview"), self.closed.emit, [QKeySequence("Esc")]),
            ("mdi6.open-in-new", tr("Open in viewer"), self.open_external, []),
            (None, None, None, None),
            ("mdi6.magnify-minus-outline", tr("Zoom out"), lambda: self._zoom(1 / 1.25),
             QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)),
            ("mdi6.magnify-plus-outline", tr("Zoom in"), lambda: self._zoom(1.25),
             QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)),
            ("mdi6.arrow-expand-horizontal", tr("Fit width"),
             lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth), []),
            ("mdi6.fit-to-page-outline", tr("Whole page"),
             lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView), []),
        ):
            if icon_name is None:
                bar.addSeparator()
                continue
            action = bar.addAction(icon(icon_name), text)
            action.triggered.connect(slot)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            with_shortcut(action, text)
            self.addAction(action)  # the keys work wherever the focus is in the preview
        bar.addSeparator()
        bar.addWidget(self.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)

    def show_pdf(self, path: str) -> bool:
        self.path = path
        self.document.close()
        self.document.setPassword(self.password)
        error = self.document.load(path)
        self.title.setText(path)
        return error == self.document.Error.None_

    def _zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    def open_external(self) -> None:
        if self.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.path))
