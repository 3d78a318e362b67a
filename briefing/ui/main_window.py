"""The main window: menus, toolbar, files, recovery, problems, export. A passive view whose
dialogs are small `ask_*` / `get_*` / `show_*` methods that tests replace."""

from __future__ import annotations

import copy
import datetime as dt
import os
import uuid

from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolBar,
)

from briefing import fileformat, model, package_data
from briefing.problems import SaveError, TripFileError
from briefing.validate import validate

from .commands import InsertCommand, MoveCommand, RemoveCommand
from .document import TripDocument, new_trip
from .export import ExportDialog, ExportJob, ExportOptions, PreviewPane
from .i18n import plain, tr
from .icons import icon
from .problems_panel import ProblemsPanel
from .recovery import RecoveryStore
from .settings import Settings
from .start_page import StartPage
from .trip_editor import TripEditor
from .watcher import FileWatch

RECOVERY_INTERVAL_MS = 30_000
VALIDATE_DELAY_MS = 300
START, EDITOR, PREVIEW = range(3)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, recovery_dir: str | None = None):
        super().__init__()
        self.settings = settings or Settings()
        self.doc = TripDocument(parent=self)
        self.untitled_id = uuid.uuid4().hex[:12]
        self.display_name = ""
        if recovery_dir is None:
            base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
            recovery_dir = os.path.join(base, "recovery")
        self.recovery = RecoveryStore(recovery_dir)
        self.recovery_key: str | None = None
        self.recovery_due = False
        self.export_job: ExportJob | None = None
        self.thread_pool = QThreadPool.globalInstance()

        self.setWindowTitle("Briefing[*]")
        self.setWindowIcon(icon("mdi6.book-open-page-variant"))
        self.setAcceptDrops(True)
        self.start_page = StartPage()
        self.editor = TripEditor(self.doc)
        self.preview = PreviewPane()
        self.central = QStackedWidget(self)
        for page in (self.start_page, self.editor, self.preview):
            self.central.addWidget(page)
        self.setCentralWidget(self.central)
        self.problems = ProblemsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)

        self._make_actions()
        self._make_menus()
        self._make_status_bar()
        self._connect()
        self.resize(1280, 820)
        self._layout_restored = self._restore_layout()
        self._refresh_recent()
        self._show_page(START)

    # -- building -------------------------------------------------------------------------------

    def _action(self, name: str, text: str, icon_name: str, slot, keys=None, tip: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setObjectName(name)
        action.setIconText(plain(text))
        if keys is not None:
            action.setShortcuts(keys if isinstance(keys, list) else QKeySequence.keyBindings(keys)
                                if isinstance(keys, QKeySequence.StandardKey) else [QKeySequence(keys)])
        action.setToolTip(tip or plain(text))
        action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new = self._action("new", tr("&New Trip"), "mdi6.file-document-plus-outline", self.new_trip, K.New, tr("Start a new, empty trip"))
        self.act_open = self._action("open", tr("&Open…"), "mdi6.folder-open-outline", lambda: self.open_file(), K.Open, tr("Open a trip file"))
        self.act_save = self._action("save", tr("&Save"), "mdi6.content-save-outline", self.save, K.Save, tr("Save the trip"))
        self.act_save_as = self._action("saveAs", tr("Save &As…"), "mdi6.content-save-edit-outline", self.save_as, "Ctrl+Shift+S", tr("Save the trip under a new name"))
        self.act_revert = self._action("revert", tr("&Revert"), "mdi6.restore", self.revert, None, tr("Throw away unsaved changes and reload the file"))
        self.act_example = self._action("example", tr("Open the &Example Trip"), "mdi6.book-open-variant", self.open_example)
        self.act_export = self._action("export", tr("&Export PDF…"), "mdi6.file-pdf-box", self.export_pdf, "Ctrl+E", tr("Write the briefing book as PDF"))
        self.act_quit = self._action("quit", tr("&Quit"), "mdi6.exit-to-app", self.close, K.Quit)
        stack = self.doc.undo_stack
        self.act_undo = stack.createUndoAction(self, tr("Undo"))
        self.act_undo.setIcon(icon("mdi6.undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.act_redo = stack.createRedoAction(self, tr("Redo"))
        self.act_redo.setIcon(icon("mdi6.redo"))
        self.act_redo.setShortcuts(QKeySequence.keyBindings(K.Redo))
        for action in (self.act_undo, self.act_redo):
            self.addAction(action)
        self.act_add_stop = self._action("addStop", tr("New Stop"), "mdi6.map-marker-plus-outline", self.add_stop, "Ctrl+T", tr("Add a stop after the selected one"))
        self.act_dup_stop = self._action("duplicateStop", tr("Duplicate Stop"), "mdi6.content-copy", self.duplicate_stop, "Ctrl+D", tr("Copy the selected stop"))
        self.act_del_stop = self._action("deleteStop", tr("Delete Stop"), "mdi6.map-marker-remove-outline", self.delete_stop, "Ctrl+Shift+Delete", tr("Delete the selected stop"))
        self.act_stop_up = self._action("stopUp", tr("Move Stop Up"), "mdi6.arrow-up-bold-outline", lambda: self.move_stop(-1), "Alt+Shift+Up")
        self.act_stop_down = self._action("stopDown", tr("Move Stop Down"), "mdi6.arrow-down-bold-outline", lambda: self.move_stop(1), "Alt+Shift+Down")
        self.act_about = self._action("about", tr("&About Briefing"), "mdi6.information-outline", self.about)

        toolbar = QToolBar(tr("Toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_new, self.act_open, self.act_save, None, self.act_undo, self.act_redo,
                       None, self.act_add_stop, self.act_del_stop, None, self.act_export):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = file_menu.addMenu(icon("mdi6.history"), tr("Open &Recent"))
        file_menu.addAction(self.act_example)
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as, self.act_revert])
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_add_stop, self.act_dup_stop, self.act_del_stop,
                              self.act_stop_up, self.act_stop_down])
        view_menu = bar.addMenu(tr("&View"))
        problems_action = self.problems.toggleViewAction()
        problems_action.setText(tr("&Problems"))
        problems_action.setIcon(icon("mdi6.alert-circle-outline"))
        problems_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        view_menu.addAction(problems_action)
        language_menu = view_menu.addMenu(icon("mdi6.translate"), tr("&Language"))
        current = self.settings.language()
        for code, label in (("", tr("System")), ("ko", tr("Korean")), ("en", tr("English"))):
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.act_about)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.counts = QLabel(self)
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.counts)

    def _connect(self) -> None:
        doc = self.doc
        doc.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        doc.undo_stack.cleanChanged.connect(lambda _c: self._update_actions())
        self.validate_timer = QTimer(self)
        self.validate_timer.setSingleShot(True)
        self.validate_timer.setInterval(VALIDATE_DELAY_MS)
        self.validate_timer.timeout.connect(self.revalidate)
        for signal in (doc.field_changed, doc.inserted, doc.removed, doc.moved, doc.reset):
            signal.connect(self._changed)
        self.recovery_timer = QTimer(self)
        self.recovery_timer.setInterval(RECOVERY_INTERVAL_MS)
        self.recovery_timer.timeout.connect(self.write_recovery)
        self.recovery_timer.start()
        self.watch = FileWatch(self)
        self.watch.changed_on_disk.connect(self.file_changed_on_disk)
        self.start_page.new_requested.connect(self.new_trip)
        self.start_page.open_requested.connect(lambda: self.open_file())
        self.start_page.example_requested.connect(self.open_example)
        self.start_page.recent_requested.connect(self.open_file)
        self.problems.activated.connect(self.go_to)
        self.problems.counts_changed.connect(self._show_counts)
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.outline.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.preview.closed.connect(lambda: self._show_page(EDITOR))

    # -- window state ---------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:  # first run: a modest Problems dock
            self._layout_restored = True
            self.resizeDocks([self.problems], [6 * self.fontMetrics().height() + 40], Qt.Orientation.Vertical)

    def _restore_layout(self) -> bool:
        geometry = self.settings.bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.bytes("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.bytes("window/splitter")
        if splitter is not None:
            self.editor.restoreState(splitter)
        stop_splitter = self.settings.bytes("window/stopSplitter")
        if stop_splitter is not None:
            self.editor.stop_editor.splitter.restoreState(stop_splitter)
        return state is not None

    def _save_layout(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/state", self.saveState())
        self.settings.set_bytes("window/splitter", self.editor.saveState())
        self.settings.set_bytes("window/stopSplitter", self.editor.stop_editor.splitter.saveState())

    def _show_page(self, page: int) -> None:
        self.central.setCurrentIndex(page)
        self.problems.setVisible(page == EDITOR)
        self._update_actions()

    def _update_actions(self) -> None:
        editing = self.central.currentIndex() != START
        for action in (self.act_save, self.act_save_as, self.act_export, self.act_add_stop):
            action.setEnabled(editing)
        self.act_revert.setEnabled(editing and self.doc.path is not None and self.doc.is_modified())
        has_stop = editing and self.editor.current_stop_row() >= 0
        for action in (self.act_del_stop, self.act_dup_stop, self.act_stop_up, self.act_stop_down):
            action.setEnabled(has_stop)

    def _update_title(self) -> None:
        name = self.display_name or tr("Untitled")
        title = self.doc.trip.info.title
        self.setWindowTitle(f"{name}[*] — {title} — Briefing" if title else f"{name}[*] — Briefing")
        self.setWindowModified(self.doc.is_modified())

    def _refresh_recent(self) -> None:
        files = self.settings.recent_files()
        self.start_page.set_recent(files)
        self.recent_menu.clear()
        for path in files:
            action = self.recent_menu.addAction(os.path.basename(path))
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(tr("Clear Recent"))
        clear.triggered.connect(lambda: (self.settings.clear_recent_files(), self._refresh_recent()))
        self.recent_menu.setEnabled(bool(files))

    # -- dialogs (tests replace these) ----------------------------------------------------------

    def ask_save_changes(self) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Unsaved changes"),
                          tr("Save changes to “{name}”?", name=self.display_name or tr("Untitled")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(tr("Your changes will be lost if you don't save them."))
        box.button(QMessageBox.StandardButton.Save).setText(tr("Save"))
        box.button(QMessageBox.StandardButton.Discard).setText(tr("Discard"))
        box.button(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    def show_load_problems(self, path: str, problems: list) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Cannot open the trip"),
                          tr("{file} could not be read:", file=os.path.basename(path)),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText("\n".join(str(p) for p in problems[:8]))
        box.setDetailedText("\n".join(str(p) for p in problems))
        box.exec()

    def get_open_path(self) -> str:
        folder = os.path.dirname(self.doc.path) if self.doc.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open trip"), folder, f"{tr('Trip files (*.yaml *.yml)')};;{tr('All files (*)')}")
        return path

    def get_save_path(self) -> str:
        suggested = self.doc.path or (self.doc.trip.info.title or tr("Untitled")) + ".yaml"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save trip as"), suggested, tr("Trip files (*.yaml *.yml)"))
        if path and not path.lower().endswith((".yaml", ".yml")):
            path += ".yaml"
        return path

    def ask_restore(self, name: str, when: dt.datetime) -> bool:
        answer = QMessageBox.question(
            self, tr("Restore unsaved work?"),
            tr("Briefing found unsaved work on {name} from {when}. Restore it?",
               name=name, when=when.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reload(self, name: str, modified: bool) -> bool:
        """True: reload from disk; False: keep what the window has."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Changed on disk"), tr(
            "{name} was changed by another program. Reload it and lose your changes, or keep yours?"
            if modified else "{name} was changed by another program. Reload it?", name=name), parent=self)
        reload_button = box.addButton(tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is reload_button

    def ask_export_options(self, options: ExportOptions) -> ExportOptions | None:
        dialog = ExportDialog(options, self)
        return dialog.options() if dialog.exec() else None

    # -- files ----------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current trip (saved, discarded or unchanged)."""
        if not self.doc.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._drop_recovery()
            return True
        return False

    def _set_document(self, trip: model.Trip, path: str | None, name: str = "") -> None:
        self._drop_recovery()
        self.doc.replace(trip, path)
        self.display_name = name or (os.path.basename(path) if path else "")
        self.recovery_key = None
        self.watch.watch(self.doc.path)
        self._show_page(EDITOR)
        self._update_title()
        self.validate_timer.start()  # soon, not before the window has shown the trip
        self.editor.outline.setFocus()

    def new_trip(self) -> None:
        if not self.maybe_save():
            return
        self.untitled_id = uuid.uuid4().hex[:12]
        self._set_document(new_trip(), None)
        self.editor.overview.focus_field("title")

    def open_file(self, path: str | None = None) -> bool:
        path = path or self.get_open_path()
        if not path or not self.maybe_save():
            return False
        try:
            trip = fileformat.load(path)
        except TripFileError as e:
            self.show_load_problems(path, e.problems)
            return False
        self._set_document(trip, path)
        self.settings.add_recent_file(path)
        self._refresh_recent()
        self.statusBar().showMessage(tr("Opened {name}", name=os.path.basename(path)), 4000)
        copy_ = self.recovery.for_file(path)
        if copy_ is not None and self.ask_restore(os.path.basename(path), copy_.written):
            self._restore(copy_)
        elif copy_ is not None:
            self.recovery.remove(copy_.key)
        return True

    def open_example(self) -> bool:
        if not self.maybe_save():
            return False
        try:
            trip = fileformat.loads(package_data.example_text(), package_data.EXAMPLE)
        except (OSError, TripFileError) as e:
            self.show_error(tr("Cannot open the trip"), str(e))
            return False
        self.untitled_id = uuid.uuid4().hex[:12]
        self._set_document(trip, None, name=package_data.EXAMPLE)
        return True

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        path = self.get_save_path()
        return bool(path) and self._write(path)

    def _write(self, path: str) -> bool:
        try:
            fileformat.save(self.doc.trip, path)
        except SaveError as e:
            self.show_error(tr("Cannot save the trip"),
                            f"{e}\n\n{tr('Your edits are still here; save to another folder.')}")
            return False
        self._drop_recovery()
        if os.path.abspath(path) != self.doc.path:
            self.doc.set_path(path)
            self.watch.watch(self.doc.path)
        else:
            self.watch.remember()
        self.display_name = os.path.basename(path)
        self.doc.undo_stack.setClean()
        self.settings.add_recent_file(path)
        self._refresh_recent()
        self._update_title()
        self.statusBar().showMessage(tr("Saved {name}", name=os.path.basename(path)), 4000)
        return True

    def revert(self) -> None:
        if self.doc.path is None:
            return
        path = self.doc.path
        try:
            trip = fileformat.load(path)
        except TripFileError as e:
            self.show_load_problems(path, e.problems)
            return
        self._set_document(trip, path)

    def file_changed_on_disk(self, path: str) -> None:
        if path != self.doc.path:
            return
        if not os.path.exists(path):
            return  # gone (moved or deleted): the work stays here, Save writes it again
        if self.ask_reload(os.path.basename(path), self.doc.is_modified()):
            try:
                trip = fileformat.load(path)
            except TripFileError as e:
                self.show_load_problems(path, e.problems)
                return
            self._set_document(trip, path)
        elif not self.doc.is_modified():
            self.doc.undo_stack.resetClean()  # the window now differs from the file

    # -- recovery -------------------------------------------------------------------------------

    def _recovery_key(self) -> str:
        return self.recovery.key_for(self.doc.path, self.untitled_id)

    def write_recovery(self) -> None:
        if not self.doc.is_modified() or not self.recovery_due:
            return
        key = self._recovery_key()
        if self.recovery_key and self.recovery_key != key:
            self.recovery.remove(self.recovery_key)
        try:
            self.recovery.write(key, self.doc.trip, self.doc.path)
        except (SaveError, OSError) as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        self.recovery_key = key
        self.recovery_due = False

    def _drop_recovery(self) -> None:
        if self.recovery_key:
            self.recovery.remove(self.recovery_key)
        self.recovery.remove(self._recovery_key())
        self.recovery_key = None
        self.recovery_due = False

    def _restore(self, copy_) -> None:
        try:
            trip = copy_.load()
        except TripFileError as e:
            self.show_load_problems(str(copy_.yaml_path), e.problems)
            return
        if copy_.original is None:
            self.untitled_id = copy_.key.removeprefix("untitled-")
        self.doc.replace(trip, copy_.original)
        self.display_name = os.path.basename(copy_.original) if copy_.original else ""
        self.recovery_key = copy_.key
        self.watch.watch(self.doc.path)
        self.doc.undo_stack.resetClean()  # restored work is unsaved work
        self._show_page(EDITOR)
        self._update_title()
        self.revalidate()

    def offer_untitled_recovery(self) -> bool:
        """At start-up: offer the newest unsaved untitled trip left by a crash."""
        for copy_ in self.recovery.untitled():
            if self.ask_restore(tr("Untitled"), copy_.written):
                self._restore(copy_)
                return True
            self.recovery.remove(copy_.key)
        return False

    def start(self, path: str | None = None, example: bool = False) -> None:
        """What `briefing`, `briefing FILE` and `briefing --example` show first."""
        if path:
            if not self.open_file(path):
                self._show_page(START)
        elif example:
            self.open_example()
        elif not self.offer_untitled_recovery():
            self._show_page(START)

    # -- editing --------------------------------------------------------------------------------

    def _changed(self, *args) -> None:
        self.recovery_due = True
        self.validate_timer.start()
        self._update_actions()

    def revalidate(self) -> None:
        self.validate_timer.stop()
        self.problems.set_problems(validate(self.doc.trip))
        if self.doc.trip.info.title and "—" not in self.windowTitle():
            self._update_title()

    def _show_counts(self, errors: int, warnings: int) -> None:
        self.counts.setText(tr("{e} errors, {w} warnings", e=errors, w=warnings))

    def go_to(self, path: str) -> None:
        self._show_page(EDITOR)
        self.editor.go_to(path)

    def add_stop(self) -> None:
        stops = self.doc.trip.stops
        row = self.editor.current_stop_row()
        before = stops[row] if row >= 0 else (stops[-1] if stops else None)
        stop = model.Stop(date=before.date if before else self.doc.trip.info.start,
                          city=before.city if before else "", country=before.country if before else "",
                          timezone=before.timezone if before else "")
        index = row + 1 if row >= 0 else len(stops)
        self.doc.undo_stack.push(InsertCommand(self.doc, stops, index, stop, tr("New Stop")))
        self.editor.select_stop(index)
        self.editor.stop_editor.header.focus_field("title")

    def duplicate_stop(self) -> None:
        row = self.editor.current_stop_row()
        if row < 0:
            return
        stops = self.doc.trip.stops
        self.doc.undo_stack.push(InsertCommand(self.doc, stops, row + 1, copy.deepcopy(stops[row]), tr("Duplicate Stop")))
        self.editor.select_stop(row + 1)

    def delete_stop(self) -> None:
        row = self.editor.current_stop_row()
        if row < 0:
            return
        self.doc.undo_stack.push(RemoveCommand(self.doc, self.doc.trip.stops, row, tr("Delete Stop")))
        if self.doc.trip.stops:
            self.editor.select_stop(min(row, len(self.doc.trip.stops) - 1))
        else:
            self.editor.select_section("stops")

    def move_stop(self, step: int) -> None:
        row = self.editor.current_stop_row()
        target = row + step
        if row < 0 or not 0 <= target < len(self.doc.trip.stops):
            return
        self.doc.undo_stack.push(MoveCommand(self.doc, self.doc.trip.stops, row, target, tr("Move stop")))
        self.editor.select_stop(target)

    # -- export ---------------------------------------------------------------------------------

    def export_pdf(self) -> bool:
        if self.export_job is not None:
            return False
        self.revalidate()
        errors = [p for p in self.problems.problems if p.is_error]
        if errors:
            self.problems.show()
            self.show_error(tr("Cannot export"), tr("The trip has {n} error(s); fix them first (see Problems).", n=len(errors)))
            return False
        options = self.ask_export_options(ExportOptions(self._default_pdf_path()))
        if options is None or not options.path:
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

    # -- the rest -------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        self.settings.set_language(code)
        QMessageBox.information(self, tr("&Language").replace("(&L)", "").replace("&", ""),
                                tr("The language takes effect when Briefing starts again."))

    def about(self) -> None:
        from briefing import __version__

        QMessageBox.about(self, tr("&About Briefing").replace("&", ""),
                          f"<b>Briefing {__version__}</b><br>{tr('Delegation trip briefing books')}")

    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith((".yaml", ".yml")):
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda p=path: self.open_file(p))
                return
        self.statusBar().showMessage(tr("Only .yaml trip files can be dropped here."), 5000)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._drop_recovery()
        self._save_layout()
        self.recovery_timer.stop()
        self.validate_timer.stop()
        try:
            self.doc.undo_stack.cleanChanged.disconnect()
        except (RuntimeError, TypeError):
            pass
        event.accept()
