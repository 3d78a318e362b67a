"""Exporting the briefing book: the options dialog, the worker off the UI thread, the preview."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
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


@dataclass
class ExportOptions:
    path: str
    paper: str = "a4"
    edition: str = "full"


class ExportDialog(QDialog):
    """Paper, edition and where to write the PDF."""

    def __init__(self, options: ExportOptions, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export PDF"))
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(options.paper), 0))
        self.edition = QComboBox(self)
        self.edition.addItem(tr("Full (principal's book)"), "full")
        self.edition.addItem(tr("Handout (no internal items)"), "handout")
        self.edition.setCurrentIndex(max(self.edition.findData(options.edition), 0))
        self.path = QLineEdit(options.path, self)
        self.path.setMinimumWidth(360)
        browse = QToolButton(self)
        browse.setIcon(icon("mdi6.folder-open-outline"))
        browse.setToolTip(tr("Save PDF as"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Paper"), self.paper)
        form.addRow(tr("Edition"), self.edition)
        form.addRow("PDF", where)
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
        return ExportOptions(path, self.paper.currentData(), self.edition.currentData())


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
                                edition=self.options.edition)
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
        back = bar.addAction(icon("mdi6.arrow-left"), tr("Close preview"), self.closed)
        back.setToolTip(tr("Close preview"))
        bar.addAction(icon("mdi6.open-in-new"), tr("Open in viewer"), self.open_external)
        bar.addSeparator()
        bar.addAction(icon("mdi6.magnify-minus-outline"), tr("Zoom out"), lambda: self._zoom(1 / 1.25))
        bar.addAction(icon("mdi6.magnify-plus-outline"), tr("Zoom in"), lambda: self._zoom(1.25))
        bar.addAction(icon("mdi6.arrow-expand-horizontal"), tr("Fit width"),
                      lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        bar.addAction(icon("mdi6.fit-to-page-outline"), tr("Whole page"),
                      lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
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
