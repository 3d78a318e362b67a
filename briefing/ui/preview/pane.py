"""The exported book shown in the window (QtPdf), with zoom and a way out to the system viewer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar, QVBoxLayout, QWidget

from briefing.ui.i18n import tr
from briefing.ui.icons import icon
from briefing.ui.shortcuts import with_shortcut


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
