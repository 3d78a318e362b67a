"""The window's export: options, the job off the UI thread, the outcome, the preview."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from briefing.problems import TripFileError

from .export import (
    ExportDialog,
    ExportJob,
    ExportOptions,
    load_since,
    since_problem,
    target_problem,
)
from .i18n import tr
from .pages import PREVIEW


class ExportActions:
    """Export PDF for MainWindow (which provides doc, problems, busy, preview, thread_pool…)."""

    def ask_export_options(self, options: ExportOptions) -> ExportOptions | None:
        dialog = ExportDialog(options, self, delegation=self.doc.trip.delegation, trip_path=self.doc.path)
        return dialog.options() if dialog.exec() else None

    def export_pdf(self) -> bool:
        if self.export_job is not None:
            return False
        self.revalidate()
        errors = [p for p in self.problems.problems if p.is_error]
        if errors:
            self.problems.show()
            self.show_error(tr("Cannot export"), tr("The trip has {n} error(s); fix them first (see Problems).", n=len(errors)))
            return False
        settings = self.settings
        options = self.ask_export_options(ExportOptions(
            self._default_pdf_path(), settings.paper(), settings.edition(), settings.book_font()))
        if options is None or not options.path:
            return False
        problem = target_problem(options.path, self.doc.path, options.since)
        if problem:  # the dialog refuses these too; this guards every other way in
            self.show_error(tr("Cannot export"), problem)
            return False
        if options.since and options.since_trip is None:  # the dialog loads it; a caller may not
            try:
                options.since_trip = load_since(options.since)
            except TripFileError as e:
                self.show_error(tr("Cannot export"), since_problem(options.since, e))
                return False
        job = ExportJob(self.doc.snapshot(), options)
        job.setAutoDelete(False)
        job.signals.finished.connect(self._export_finished)
        job.signals.failed.connect(self._export_failed)
        self.export_job = job
        self.busy.show()
        self.act_export.setEnabled(False)
        self.statusBar().showMessage(tr("Exporting the briefing book…"))
        self.thread_pool.start(job)
        return True

    def _default_pdf_path(self) -> str:
        if self.doc.path:
            return os.path.splitext(self.doc.path)[0] + ".pdf"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.doc.trip.info.title or os.path.splitext(self.display_name)[0] or "briefing"
        return os.path.join(folder, "".join(c for c in name if c not in '/\\:*?"<>|') + ".pdf")

    def _export_done(self) -> None:
        self.export_job = None
        self.busy.hide()
        self._update_actions()
        self.statusBar().clearMessage()

    def _export_finished(self, path: str, pages: int, notices: list) -> None:
        self._export_done()
        self.last_export = path
        self.statusBar().showMessage(tr("Wrote {name} ({pages} pages)", name=os.path.basename(path), pages=pages), 8000)
        if notices:
            self.show_notices(notices)
        if self.preview.show_pdf(path):
            self._show_page(PREVIEW)

    def show_notices(self, notices: list[str]) -> None:
        QMessageBox.information(self, tr("Export PDF"), "\n".join(notices))

    def _export_failed(self, message: str) -> None:
        self._export_done()
        self.show_error(tr("Export failed"), message)
