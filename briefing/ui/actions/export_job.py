"""The book written off the window's thread: one export (or one per personal copy) in the pool,
its outcome reported by signals."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing.ui.export_options import ExportOptions, copies
from briefing.ui.i18n import tr


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
