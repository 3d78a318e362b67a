"""The live preview: the pages of the stop being edited, as they will print, beside the editor.

The book is laid out in the thread pool from a snapshot of the trip once typing pauses; the pages
on screen stay until the new ones are ready, so the pane never goes blank and never holds up
typing. A change made while a layout runs is picked up by one more layout when it ends. The dock
keeps one incremental builder (briefing.book.incremental), so a layout redoes only the segments
of the book the edit touched; one job runs at a time, so the builder is never shared. The pane
shows the selected stop's pages alone: they are laid out and shown first, numbered as in the
last whole book, which is then laid out too, unless another edit is already waiting.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    QRunnable,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.i18n import plain, tr
from briefing.ui.icons import icon
from briefing.ui.shortcuts import with_shortcut

# Long enough that a typist's pause, not every keystroke, starts a layout.
PREVIEW_DELAY_MS = 400
ZOOM_STEP = 1.25  # one Ctrl++ or one notch of Ctrl+wheel
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
# The book's section of a stop tab (briefing.book.stop prints them under these labels).
SECTION_HEADINGS = {"purpose": "stop_purpose", "outcomes": "stop_purpose"}
BOOK_PARTS = ("stop_purpose", "counterparts", "agenda", "talking_points", "questions",
              "background", "protocol", "logistics", "notes")


class PreviewSignals(QObject):
    # Only the generation crosses threads; the job keeps what it made (a Python dict or bytes
    # carried by a queued signal has crashed PySide6 with a reference-count error).
    stop_ready = Signal(int)
    done = Signal(int)
    failed = Signal(int)


class PreviewJob(QRunnable):
    """Lays out the selected stop alone first (its pages are shown at once, numbered as in the
    last whole book), then the whole book, which gives the page numbers and, when the stop
    moved, its pages again; the whole book is skipped when another edit is already waiting
    (`skip_whole`), so while staff type only the stop is laid out."""

    def __init__(self, generation: int, trip, paper: str, edition: str, font: str, builder=None,
                 row: int = -1):
        super().__init__()
        self.generation, self.trip, self.builder, self.row = generation, trip, builder, row
        self.paper, self.edition, self.font = paper, edition, font
        self.signals = PreviewSignals()
        self.data, self.bookmarks, self.pages, self.seconds, self.error = b"", {}, 0, 0.0, ""
        self.first = 1  # the book's number of the first page in `data`
        self.stop_data, self.stop_first = b"", 1  # the stop's pages, before the whole book
        self.whole = False  # the whole book was laid out: bookmarks and pages are new
        self.skip_whole = False

    def run(self) -> None:
        from briefing.book import render

        started = time.perf_counter()
        options = dict(paper=self.paper, edition=self.edition, font=self.font or None)
        builder = self.builder
        try:
            alone = (builder.stop_pages(self.trip, self.row, **options)
                     if builder is not None and self.row >= 0 else None)
            if alone is not None:
                self.stop_data, self.stop_first = alone
                self.seconds = time.perf_counter() - started
                self.signals.stop_ready.emit(self.generation)
                if self.skip_whole:
                    self.signals.done.emit(self.generation)
                    return
            build = builder.render if builder is not None else render
            data, result = build(self.trip, **options)
            self.bookmarks, self.pages = dict(result.bookmarks), result.pages
            alone = (builder.stop_pages(self.trip, self.row, **options)
                     if builder is not None and self.row >= 0 else None)
        except Exception as e:  # a book that cannot be made: say why, keep the old pages
            self.error = str(e) or type(e).__name__
            self.signals.failed.emit(self.generation)
            return
        self.data, self.first = alone if alone is not None else (data, 1)
        self.whole = True
        if not self.seconds:
            self.seconds = time.perf_counter() - started
        self.signals.done.emit(self.generation)


def stop_pages(bookmarks: dict[str, int], row: int, pages: int) -> tuple[int, int] | None:
    """The first and last page (from 1) of stop `row`: from its heading to the page before the
    next heading that starts a page after it."""
    first = bookmarks.get(f"stop{row + 1}")
    if first is None:
        return None
    later = [p for p in bookmarks.values() if p > first]
    return first, (min(later) - 1 if later else pages)


class StatusLine(QLabel):
    """One line, cut with '…' when the pane is narrow, the whole text in its tooltip: wrapped
    onto three or four lines it pushed the pages down and its width set the pane's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self.full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight,
                                                      max(self.width(), 1)))


class LivePreview(QDockWidget):
    """A dock beside the editor; `window` is the MainWindow (doc, editor, settings, thread_pool)."""

    def __init__(self, window):
        super().__init__(tr("Live Preview"), window)
        self.setObjectName("livePreview")
        self.window_ = window
        self.generation = 0
        self.running: PreviewJob | None = None
        from briefing.book.incremental import IncrementalBook

        self.builder = IncrementalBook()
        self.again = False  # the trip changed while a layout ran
        self.bookmarks: dict[str, int] = {}
        self.pages = 0
        self.shown_row = -2  # the stop whose pages are shown (-1: the whole book)
        self.shown_from = 1  # the book's number of the first page shown
        self.shown_generation = 0
        self.seconds = 0.0
        # The view keeps showing the last document while the next is laid out and loaded.
        self.documents: list[QPdfDocument] = []
        self.buffers: list[QBuffer] = []
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.viewport().installEventFilter(self)  # Ctrl+wheel zooms
        self.status = StatusLine(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        self.zoom_actions: dict[str, QAction] = {}
        for name, text, keys, icon_name, slot in (
            ("out", tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, "mdi6.magnify-minus-outline",
             lambda: self.zoom_by(1 / ZOOM_STEP)),
            ("in", tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, "mdi6.magnify-plus-outline",
             lambda: self.zoom_by(ZOOM_STEP)),
            ("fit", tr("Fit width"), "Ctrl+0", "mdi6.arrow-expand-horizontal", self.fit_width),
        ):
            action = QAction(icon(icon_name), text, self)
            keys = (QKeySequence.keyBindings(keys) if isinstance(keys, QKeySequence.StandardKey)
                    else [QKeySequence(keys)])
            if name == "in":  # Ctrl+= too: '+' needs Shift on most keyboards
                keys.append(QKeySequence("Ctrl+="))
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            with_shortcut(action, text)
            action.triggered.connect(slot)
            self.addAction(action)
            self.zoom_actions[name] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        # It floats, or docks beside the editor or under it, or as a tab beside Problems.
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        doc = window.doc
        for signal in (doc.field_changed, doc.inserted, doc.removed, doc.moved, doc.reset):
            signal.connect(self.schedule)
        window.editor.outline.selectionModel().currentChanged.connect(lambda *_: self.follow())
        window.editor.stop_editor.tabs.currentChanged.connect(lambda _i: self.show_section())
        self.visibilityChanged.connect(self._shown)
        self.dockLocationChanged.connect(lambda _area: QTimer.singleShot(0, self._fit_height))
        self.sized = False

    def _fit_height(self) -> None:
        """Docked above or below the editor (a tab beside Problems): a third of the window's
        height at least, and never less than a few lines of a page (it was a 65-pixel strip)."""
        window = self.window_
        across = window.dockWidgetArea(self) in (Qt.DockWidgetArea.BottomDockWidgetArea,
                                                 Qt.DockWidgetArea.TopDockWidgetArea)
        self.view.setMinimumHeight(8 * self.fontMetrics().lineSpacing()
                                   if across and not self.isFloating() else 0)
        if across and not self.isFloating() and self.height() < window.height() // 3:
            window.resizeDocks([self], [window.height() // 3], Qt.Orientation.Vertical)

    def _shown(self, shown: bool) -> None:
        if not shown:
            return
        if not self.sized and not self.isFloating():
            # A page readable beside an editor whose tabs keep their names: a third of the
            # window (two fifths cut the stop's tabs down to their Alt letters at 1440 px).
            self.sized = True
            self.window_.resizeDocks([self], [max(300, self.window_.width() // 3)],
                                     Qt.Orientation.Horizontal)
            QTimer.singleShot(0, self._narrow_outline)
        self.refresh()

    def _narrow_outline(self) -> None:
        """The outline gives up width to the editor beside the preview (at 1024 pixels it kept
        300 and left the talking points 120)."""
        editor = self.window_.editor
        sizes = editor.sizes()
        total = sum(sizes)
        outline = min(sizes[0], max(editor.outline.minimumWidth(), total // 3))
        if outline != sizes[0]:
            editor.setSizes([outline, total - outline])

    # -- zoom ------------------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.Wheel and obj is self.view.viewport()
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
            return True
        return False

    def zoom_by(self, factor: float) -> None:
        """Zoom the pages by `factor` (from fitting the width, the zoom it showed)."""
        view = self.view
        zoom = view.zoomFactor()
        if view.zoomMode() != QPdfView.ZoomMode.Custom:
            zoom = self._fitted_zoom()
            view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(min(max(zoom * factor, MIN_ZOOM), MAX_ZOOM))

    def _fitted_zoom(self) -> float:
        """The zoom at which a page fills the view's width."""
        document = self.documents[0] if self.documents else None
        if document is None or document.pageCount() == 0:
            return 1.0
        points = document.pagePointSize(0).width()
        pixels = points * self.view.logicalDpiX() / 72
        return max(self.view.viewport().width() - 12, 50) / pixels if pixels else 1.0

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- when to lay out -----------------------------------------------------------------------

    def schedule(self, *_args) -> None:
        if self.isVisible():
            self.timer.start()
            if self.running is not None:
                self.running.skip_whole = True  # the next layout will do it

    def refresh(self) -> None:
        """Lay the book out again now (or as soon as the running layout ends)."""
        self.timer.stop()
        if not self.isVisible():
            return
        if self.running is not None:
            self.again = True
            return
        window = self.window_
        settings = window.settings
        self.generation += 1
        job = PreviewJob(self.generation, window.doc.snapshot(), settings.paper(),
                         settings.edition(), settings.book_font(), self.builder,
                         window.editor.current_stop_row())
        job.setAutoDelete(False)
        job.signals.stop_ready.connect(self._stop_ready)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.running = job
        if not self.documents:
            self.status.setText(tr("Laying out the pages…"))
        window.thread_pool.start(job)

    def _finished(self) -> None:
        # The pool's thread may still be returning from run() when its signal arrives here:
        # dropping the last reference now would free the job under it (a crash seen as
        # "deallocating None"). The job is let go when the next one finishes.
        self.retired = self.running
        self.running = None
        if self.again:
            self.again = False
            self.refresh()

    # -- showing -------------------------------------------------------------------------------

    def _stop_ready(self, generation: int) -> None:
        job = self.running
        if job is not None and generation == self.generation == job.generation:
            self.shown_generation = generation
            self._show(job.stop_data, job.stop_first, job.row, job.seconds)

    def _done(self, generation: int) -> None:
        job = self.running
        if job is not None and generation == self.generation == job.generation:
            if job.whole:
                self.bookmarks, self.pages = job.bookmarks, job.pages
                self._show(job.data, job.first, job.row, job.seconds)
            elif self.shown_generation != generation:
                self._show(job.stop_data, job.stop_first, job.row, job.seconds)
        self._finished()

    def _show(self, data: bytes, first: int, row: int, seconds: float) -> None:
        """Show `data`, whose first page is the book's page `first`: the pages of stop `row`
        alone, or the whole book (first 1)."""
        navigator = self.view.pageNavigator()
        keep = (navigator.currentPage(), navigator.currentLocation()) if self.documents else None
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        self.view.setDocument(document)
        # Drop the old document only once the view shows the new one.
        for old in self.documents:
            old.deleteLater()
        for old in self.buffers:
            old.deleteLater()
        self.documents, self.buffers = [document], [buffer]
        self.seconds, self.shown_from = seconds, first
        if keep is not None and row == self.shown_row:
            navigator.jump(keep[0], keep[1])  # the reader stays where they were reading
        else:
            self.shown_row = row
            page = self.section_page()
            navigator.jump(page if page is not None else 0, QPointF(0, 0), self.view.zoomFactor())
        self._say()

    def section_page(self) -> int | None:
        """The page shown (from 0) on which the section of the stop tab being edited starts
        (talking points on the stop's fourth page), or None."""
        if not self.documents or self.shown_row != self.window_.editor.current_stop_row():
            return None
        stop_editor = self.window_.editor.stop_editor
        tab = stop_editor.tabs.currentIndex()
        names = [n for n, i in stop_editor.tab_of.items() if i == tab]
        key = next((SECTION_HEADINGS.get(n, n) for n in names if SECTION_HEADINGS.get(n, n) in BOOK_PARTS), None)
        if key is None:
            return None
        from briefing.book.labels import Labels

        headings = {Labels(lang)[key] for lang in ("ko", "en")}
        document = self.documents[0]
        for page in range(document.pageCount()):
            lines = (line.strip() for line in document.getAllText(page).text().splitlines())
            if any(line.startswith(h) for line in lines for h in headings):
                return page
        return None

    def show_section(self) -> None:
        """Show the page of the section whose tab was chosen."""
        page = self.section_page()
        if page is not None:
            self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.zoomFactor())

    def _failed(self, generation: int) -> None:
        job = self.running
        if job is not None and generation == self.generation:
            self.status.setText(tr("The preview could not be made: {reason}", reason=job.error))
        self._finished()

    def follow(self) -> None:
        """Show the pages of the stop selected in the outline (laid out already, unless edited
        since: quick)."""
        if self.documents and self.window_.editor.current_stop_row() != self.shown_row:
            self.refresh()

    def current_span(self) -> tuple[int, int] | None:
        row = self.window_.editor.current_stop_row()
        return stop_pages(self.bookmarks, row, self.pages) if row >= 0 else None

    def _say(self) -> None:
        span = self.current_span()
        if span:
            where = tr("Stop on pages {first}–{last} of {pages}", first=span[0], last=span[1],
                       pages=self.pages)
        else:
            where = tr("{pages} pages", pages=self.pages)
        self.status.setText(where)


def install(window) -> LivePreview:
    """The dock, hidden at first, with its toggle in the View menu and on the toolbar."""
    dock = LivePreview(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    action = dock.toggleViewAction()
    action.setText(tr("Live &Preview"))
    action.setIconText(plain(action.text()))  # the toolbar's button: its Alt letter is a tab's
    action.setIcon(icon("mdi6.book-open-page-variant-outline"))
    action.setShortcut("F7")
    with_shortcut(action, tr("Show the pages of this stop as they will print"))
    window.addAction(action)
    window.act_live_preview = action
    if getattr(window, "view_menu", None) is not None:
        window.view_menu.addAction(action)
    window.toolbar.addAction(action)
    return dock
