"""The window's export: options, the job off the UI thread, the outcome, the preview."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from briefing.trip.problems import TripFileError
from briefing.ui.actions.export_job import ExportJob
from briefing.ui.dialogs.export import ExportDialog, confirm_replace
from briefing.ui.export_options import (
    EVERY_MEMBER,
    ExportOptions,
    book_name,
    existing,
    load_since,
    since_problem,
    target_problem,
    targets,
)
from briefing.ui.i18n import tr
from briefing.ui.preview.pages import PREVIEW


class ExportActions:
    """Export PDF for MainWindow (which provides doc, problems, busy, preview, thread_pool…)."""

    export_errors = 0  # errors in the trip being exported: only a draft can be made of it

    def ask_export_options(self, options: ExportOptions) -> ExportOptions | None:
        dialog = ExportDialog(options, self, delegation=self.doc.trip.delegation,
                              trip_path=self.doc.path, errors=self.export_errors)
        return dialog.options() if dialog.exec() else None

    def ask_export_draft(self, errors: int) -> bool:
        """A trip with errors: export a draft (marked on every page) or go and fix them."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Cannot export"),
                          tr("Errors in the trip: {n}. Fix them first (see Problems).", n=errors),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(tr("Or export a draft now: every page is marked 초안 / DRAFT, so "
                                  "it cannot pass for the final book."))
        draft = box.addButton(tr("Export as draft…"), QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton(tr("Fix the errors"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fix)
        box.setEscapeButton(fix)
        box.exec()
        return box.clickedButton() is draft

    def ask_replace(self, paths: list[str]) -> bool:
        return confirm_replace(self, paths)

    def export_pdf(self) -> bool:
        if self.export_job is not None:
            return False
        if self._refuse_unstored(exporting=True):  # the book would print the row as if the cell were empty
            return False
        self.revalidate()
        errors = [p for p in self.problems.problems if p.is_error]
        if errors:
            self.problems.show()
            if not self.ask_export_draft(len(errors)):
                return False
        self.export_errors = len(errors)
        settings = self.settings
        try:
            options = self.ask_export_options(ExportOptions(
                self._default_pdf_path(settings.last_edition(), draft=bool(errors)),
                settings.paper(), settings.last_edition(), settings.book_font(), draft=bool(errors),
                stem=self._export_stem()))
        finally:
            self.export_errors = 0
        if options is None or not options.path:
            return False
        settings.set_last_edition(options.edition)
        if errors:  # never a clean book of a trip with errors, whatever the caller asked for
            options.draft = True
        if options.reader != EVERY_MEMBER:
            problem = target_problem(options.path, self.doc.path, options.since)
            if problem:  # the dialog refuses these too; this guards every other way in
                self.show_error(tr("Cannot export"), problem)
                return False
        else:  # every personal copy by the rule of every output, before any is written
            problems = [target_problem(path, self.doc.path, options.since)
                        for path in targets(options, self.doc.trip.delegation)]
            if any(problems):
                self.show_error(tr("Cannot export"), next(p for p in problems if p))
                return False
        if options.since and options.since_trip is None:  # the dialog loads it; a caller may not
            try:
                options.since_trip = load_since(options.since)
            except TripFileError as e:
                self.show_error(tr("Cannot export"), since_problem(options.since, e))
                return False
        there = existing(targets(options, self.doc.trip.delegation))
        if there and not options.replace and not self.ask_replace(there):
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

    def _export_stem(self) -> str:
        """What the book's files are named after: the trip file's name, else the trip's title."""
        if self.doc.path:
            return os.path.splitext(os.path.basename(self.doc.path))[0]
        name = self.doc.trip.info.title or os.path.splitext(self.display_name)[0] or "briefing"
        return "".join(c for c in name if c not in '/\\:*?"<>|').strip(" .") or "briefing"

    def _default_pdf_path(self, edition: str = "full", *, draft: bool = False) -> str:
        if self.doc.path:
            folder = os.path.dirname(self.doc.path)
        else:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return os.path.join(folder, book_name(self._export_stem(), edition, draft=draft))

    def _export_done(self) -> None:
        self.export_job = None
        self.busy.hide()
        self._update_actions()
        self.statusBar().clearMessage()

    def _export_finished(self, paths: list, pages: int, notices: list) -> None:
        job = self.export_job
        self._export_done()
        if not paths:
            return
        path = paths[0]
        self.last_export = path
        if len(paths) > 1:
            message = tr("Wrote {n} personal copies in {folder}", n=len(paths),
                         folder=os.path.dirname(path))
        else:
            message = tr("Wrote {name} ({pages} pages)", name=os.path.basename(path), pages=pages)
        self.statusBar().showMessage(message, 8000)
        if notices:
            self.show_notices(notices)
        self.preview.password = job.options.password if job is not None else ""
        try:
            shown = self.preview.show_pdf(path)
        finally:
            self.preview.password = ""
        if shown:
            self._show_page(PREVIEW)

    def show_notices(self, notices: list[str]) -> None:
        QMessageBox.information(self, tr("Export PDF"), "\n".join(notices))

    def _export_failed(self, message: str) -> None:
        self._export_done()
        self.show_error(tr("Export failed"), message)
