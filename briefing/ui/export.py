"""Exporting the briefing book: the options dialog, the worker off the UI thread, the preview."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefing import fileformat
from briefing.problems import TripFileError

from .i18n import tr
from .icons import icon
from .path_row import path_row
from .shortcuts import with_shortcut

TRIP_SUFFIXES = (".yaml", ".yml")


@dataclass
class ExportOptions:
    path: str
    paper: str = "a4"
    edition: str = "full"
    font: str = ""  # a .ttf/.ttc file from Preferences; "" lets the book choose
    reader: str = ""  # a delegation member's key: their personal copy; "" for the common book
    since: str = ""  # an earlier version's trip file: a 'changes since' page; "" for none
    since_trip: Any = field(default=None, compare=False, repr=False)  # `since`, once loaded


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
    """— none —, then each delegation member as 'name — title', with their key as data."""
    combo = QComboBox(parent)
    combo.addItem(tr("— none —"), "")
    for person in delegation:
        if not person.key:
            continue
        name = person.name or person.key
        combo.addItem(f"{name} — {person.title}" if person.title else name, person.key)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    return combo


class ExportDialog(QDialog):
    """Paper, edition, a personal copy, a changes page, and where to write the PDF."""

    def __init__(self, options: ExportOptions, parent=None, *, delegation=(), trip_path: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export PDF"))
        self.font = options.font
        self.trip_path = trip_path
        self._since = (options.since, options.since_trip) if options.since_trip is not None else ("", None)
        self.paper = paper_combo(options.paper, self)
        self.edition = edition_combo(options.edition, self)
        self.reader = reader_combo(delegation, options.reader, self)
        self.reader.setToolTip(tr("A copy for one member: their name on the cover, their own "
                                  "talking points marked"))
        self.since = QLineEdit(options.since, self)
        self.since.setPlaceholderText(tr("No changes page (optional)"))
        self.since.setClearButtonEnabled(True)
        self.since.setToolTip(tr("An earlier version of this trip file: the book lists what changed since"))
        since_row = path_row(self.since, tr("Choose an earlier version of the trip"),
                             self._browse_since, self)
        self.path = QLineEdit(options.path, self)
        self.path.setMinimumWidth(360)
        where = path_row(self.path, tr("Save PDF as"), self._browse, self)
        font = QLabel(os.path.basename(self.font) if self.font else tr("Chosen by Briefing"), self)
        font.setToolTip(self.font or tr("Set a font file in Edit ▸ Preferences"))
        font.setEnabled(False)
        form = QFormLayout()
        for text, widget in ((tr("&Paper:"), self.paper), (tr("E&dition:"), self.edition),
                             (tr("Personal &copy for:"), self.reader),
                             (tr("List changes &since:"), self.since), (tr("&File:"), self.path)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, {self.path: where, self.since: since_row}.get(widget, widget))
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

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save PDF as"), self.path.text(), tr("PDF files (*.pdf)"))
        if path:
            self.path.setText(path)

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
        """Export only to a PDF that is not a trip file, and with an earlier version that loads."""
        options = self.options()
        problem = target_problem(options.path, self.trip_path, options.since)
        if not problem and options.since and options.since_trip is None:
            try:
                self._since = (options.since, load_since(options.since))
            except TripFileError as e:
                problem = since_problem(options.since, e)
        self._show_error(problem)
        if not problem:
            super().accept()

    def options(self) -> ExportOptions:
        path = self.path.text().strip()
        if path and not path.lower().endswith((".pdf", *TRIP_SUFFIXES)):
            path += ".pdf"
        since = self.since.text().strip()
        loaded = self._since[1] if since and self._since[0] == since else None
        return ExportOptions(path, self.paper.currentData(), self.edition.currentData(), self.font,
                             self.reader.currentData() or "", since, loaded)


class ExportSignals(QObject):
    finished = Signal(str, int, list)  # path, pages, notices
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
        if options.reader:
            extra["reader"] = options.reader
        if options.since_trip is not None:
            extra["since"] = options.since_trip
        try:
            result = export_pdf(self.trip, options.path, paper=options.paper,
                                edition=options.edition, font=options.font or None, **extra)
        except Exception as e:  # BookError, SaveError, or a bug: shown to the user, never raised
            self.signals.failed.emit(str(e) or type(e).__name__)
            return
        pages = int(getattr(result, "pages", 0) or 0)
        notices = [str(n) for n in getattr(result, "notices", ()) or ()]
        self.signals.finished.emit(self.options.path, pages, notices)


class PreviewPane(QWidget):
    """The exported book, shown in the window (QtPdf), with a way out to the system viewer."""

    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.path = ""
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
