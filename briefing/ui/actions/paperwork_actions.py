"""File ▸ Export Trip Plan… / Export Report…: the paperwork of the open trip (출장계획서 before
the trip, 결과보고서 after it) written as PDF or as a Word file, off the UI thread like the book.

What the documents say is briefing.paperwork's; writing them is briefing.book.paperwork's
export_file, which the command line calls too."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog

from briefing.paperwork import data as paperwork
from briefing.trip.words import N_
from briefing.ui.dialogs.export import confirm_replace
from briefing.ui.export_options import same_file
from briefing.ui.i18n import tr
from briefing.ui.preview.pages import PREVIEW, START

TRIP_SUFFIXES = (".yaml", ".yml")
WORD_SUFFIX = ".docx"
HANCOM_SUFFIX = ".hwpx"

# Menu entry, tooltip, file dialog title, status while it is written, per kind of document.
_WORDS = {
    paperwork.PLAN: (N_("Export Trip P&lan…"),
                     N_("Write the trip plan (purpose, necessity, travellers, itinerary, budget) "
                        "as PDF or Word"),
                     N_("Export Trip Plan"), N_("Writing the trip plan…")),
    paperwork.REPORT: (N_("Export Re&port…"),
                       N_("Write the post-trip report (results, insights, follow-up actions) as "
                          "PDF or Word"),
                       N_("Export Report"), N_("Writing the post-trip report…")),
}
_ICONS = {paperwork.PLAN: "mdi6.clipboard-text-outline",
          paperwork.REPORT: "mdi6.clipboard-check-outline"}


def install(window, menu) -> PaperworkExport:
    """Add the two entries to `menu` (the File menu) of `window`, a MainWindow."""
    return PaperworkExport(window, menu)


def with_suffix(path: str, word: bool | str) -> str:
    """The name as typed, with .pdf (or .docx when the Word filter was chosen, or the suffix
    `word` names) added when it has none of them; a trip file's name is left as it is, to be
    refused."""
    if not path or path.lower().endswith((*paperwork.SUFFIXES, *TRIP_SUFFIXES)):
        return path
    return path + (word if isinstance(word, str) else WORD_SUFFIX if word else ".pdf")


def target_problem(path: str, trip_path: str | None) -> str:
    """Why the paperwork must not be written to `path`, in the window's words, or "" if it may."""
    if trip_path and same_file(path, trip_path):
        return tr("That is the trip file itself; exporting there would overwrite it. "
                  "Choose another file name.")
    if not path.lower().endswith(paperwork.SUFFIXES):
        return tr("The trip plan and the report are written as PDF (.pdf), Word (.docx) or "
                  "Hancom (.hwpx) files. Choose a file name ending in .pdf, .docx or .hwpx.")
    from briefing.fileformat.outputs import refusal  # the rule of every output

    why = refusal(path, ("pdf", "docx", "hwpx"), own=trip_path)
    return why.say(tr) if why else ""


class PaperworkSignals(QObject):
    finished = Signal(str, int, list)  # the path written, its pages (0 for Word), notices
    failed = Signal(str)


class PaperworkJob(QRunnable):
    """Writes one plan or report from a copy of the trip, in the thread pool."""

    def __init__(self, trip, kind: str, path: str, *, paper: str = "a4", font: str = ""):
        super().__init__()
        self.trip, self.kind, self.path = trip, kind, path
        self.paper, self.font = paper, font
        self.signals = PaperworkSignals()

    def run(self) -> None:
        try:
            from briefing.book import paperwork as documents

            result = documents.export_file(self.trip, self.kind, self.path, paper=self.paper,
                                           font=self.font or None)
        except Exception as e:  # BookError, SaveError, or a bug: shown, never raised
            self.signals.failed.emit(str(e) or type(e).__name__)
            return
        self.signals.finished.emit(self.path, int(result.pages or 0),
                                   [str(n) for n in result.notices])


class PaperworkExport(QObject):
    """The two File menu entries of one window and the export they start; its questions are
    small ask_* / get_* methods that tests may replace."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.window = window
        self.job: PaperworkJob | None = None
        self.actions = {}
        for kind, (text, tip, _title, _status) in _WORDS.items():
            action = window._action(f"export{kind.title()}", tr(text), _ICONS[kind],
                                    lambda _c=False, k=kind: self.export(k), None, tr(tip))
            menu.addAction(action)
            self.actions[kind] = action
        self.act_plan, self.act_report = self.actions[paperwork.PLAN], self.actions[paperwork.REPORT]
        window.central.currentChanged.connect(lambda _page: self._update())
        self._update()

    def _update(self) -> None:
        allowed = self.window.central.currentIndex() != START and self.job is None
        for action in self.actions.values():
            action.setEnabled(allowed)

    # -- questions (tests may replace these) -------------------------------------------------

    def get_path(self, kind: str, suggested: str) -> str:
        """Where to write: a PDF or a Word file, named beside the trip to begin with. The
        replace question comes afterwards, once the name has its suffix."""
        pdf, word = tr("PDF files (*.pdf)"), tr("Word documents (*.docx)")
        hancom = tr("Hancom documents (*.hwpx)")
        path, chosen = QFileDialog.getSaveFileName(
            self.window, tr(_WORDS[kind][2]), suggested, f"{pdf};;{word};;{hancom}", pdf,
            QFileDialog.Option.DontConfirmOverwrite)
        return with_suffix(path, HANCOM_SUFFIX if chosen == hancom else chosen == word)

    def ask_replace(self, path: str) -> bool:
        return confirm_replace(self.window, [path])  # the book's question, in the same words

    # -- the export --------------------------------------------------------------------------

    def default_path(self, kind: str) -> str:
        """trip.plan.pdf beside the trip file; for a trip never saved, in Documents, named
        after its title."""
        doc = self.window.doc
        if doc.path:
            return paperwork.default_output(doc.path, kind)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        title = doc.trip.info.title or tr("Untitled")
        stem = "".join(c for c in title if c not in '/\\:*?"<>|').strip(" .") or "briefing"
        return os.path.join(folder, f"{stem}.{kind}.pdf")

    def export(self, kind: str) -> bool:
        """Ask where, then write the plan or the report in the thread pool; False when nothing
        was started (a trip with errors, no file chosen, a refused name, no to replacing)."""
        window = self.window
        if self.job is not None:
            return False
        window.revalidate()
        errors = [p for p in window.problems.problems if p.is_error]
        if errors:  # the command line refuses these too: the paperwork is never a draft
            window.problems.show()
            window.show_error(tr("Cannot export"), tr(
                "Errors in the trip: {n}. Fix them first (see Problems).", n=len(errors)))
            return False
        path = self.get_path(kind, self.default_path(kind))
        if not path:
            return False
        problem = target_problem(path, window.doc.path)
        if problem:
            window.show_error(tr("Cannot export"), problem)
            return False
        if os.path.lexists(path) and not self.ask_replace(path):
            return False
        job = PaperworkJob(window.doc.snapshot(), kind, path, paper=window.settings.paper(),
                           font=window.settings.book_font())
        job.setAutoDelete(False)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = job
        self._update()
        window.busy.show()
        window.statusBar().showMessage(tr(_WORDS[kind][3]))
        window.thread_pool.start(job)
        return True

    def _done(self) -> PaperworkJob | None:
        job, self.job = self.job, None
        if getattr(self.window, "export_job", None) is None:  # the book's export shows it too
            self.window.busy.hide()
        self.window.statusBar().clearMessage()
        self._update()
        return job

    def _finished(self, path: str, pages: int, notices: list) -> None:
        job = self._done()
        name = os.path.basename(path)
        message = (tr("Wrote {name} ({pages} pages)", name=name, pages=pages) if pages
                   else tr("Wrote {name}", name=name))
        if job is not None and job.kind == paperwork.REPORT:
            missing = len(paperwork.without_results(job.trip))
            if missing:
                message += " — " + tr("{n} visit(s) have no results yet; the report marks them.",
                                      n=missing)
        self.window.statusBar().showMessage(message, 15000)
        if notices:
            self.window.show_notices(notices)
        if pages and self.window.preview.show_pdf(path):  # a PDF is shown as the book is
            self.window._show_page(PREVIEW)

    def _failed(self, message: str) -> None:
        self._done()
        self.window.show_error(tr("Export failed"), message)
