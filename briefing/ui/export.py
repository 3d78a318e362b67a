"""Exporting the briefing book: the options dialog, the worker off the UI thread, the preview."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr
from .icons import icon
from .shortcuts import with_shortcut


@dataclass
class ExportOptions:
    path: str
    paper: str = "a4"
    edition: str = "full"
    font: str = ""  # a .ttf/.ttc file from Preferences; "" lets the book choose


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


class ExportDialog(QDialog):
    """Paper, edition and where to write the PDF."""

    def __init__(self, options: ExportOptions, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export PDF"))
        self.font = options.font
        self.paper = paper_combo(options.paper, self)
        self.edition = edition_combo(options.edition, self)
        self.path = QLineEdit(options.path, self)
        self.path.setMinimumWidth(360)
        browse = QToolButton(self)
        browse.setIcon(icon("mdi6.folder-open-outline"))
        browse.setToolTip(tr("Save PDF as"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        font = QLabel(os.path.basename(self.font) if self.font else tr("Chosen by Briefing"), self)
        font.setToolTip(self.font or tr("Set a font file in Edit ▸ Preferences"))
        font.setEnabled(False)
        form = QFormLayout()
        for text, field in ((tr("&Paper:"), self.paper), (tr("E&dition:"), self.edition),
                            (tr("&File:"), self.path)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, where if field is self.path else field)
        form.addRow(tr("Font:"), font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save PDF as"), self.path.text(), tr("PDF files (*.pdf)"))
        if path:
            self.path.setText(path)

    def options(self) -> ExportOptions:
        path = self.path.text().strip()
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return ExportOptions(path, self.paper.currentData(), self.edition.currentData(), self.font)


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
        try:
            result = export_pdf(self.trip, self.options.path, paper=self.options.paper,
                                edition=self.options.edition, font=self.options.font or None)
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
