"""The main window: actions, menus, toolbar, pages, status and layout. File, recovery, stop and
export work live in the mixins it is made of; its dialogs are small `ask_*` / `get_*` / `show_*`
methods that tests replace."""

from __future__ import annotations

import os
import uuid

from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolBar,
)

from briefing.rules.validate import validate
from briefing.trip.problems import ERROR, Problem, msg
from briefing.ui.actions import paperwork_actions
from briefing.ui.actions.export_actions import ExportActions
from briefing.ui.actions.export_job import ExportJob
from briefing.ui.actions.file_actions import FileActions
from briefing.ui.actions.recovery_actions import RecoveryActions
from briefing.ui.actions.stop_actions import StopActions
from briefing.ui.dialogs.preferences import PreferencesDialog
from briefing.ui.dialogs.start_page import StartPage
from briefing.ui.document import TripDocument
from briefing.ui.editors.trip_editor import TripEditor
from briefing.ui.i18n import plain, tr
from briefing.ui.icons import app_icon, icon
from briefing.ui.preview import live_preview
from briefing.ui.preview.pages import EDITOR, START
from briefing.ui.preview.pane import PreviewPane
from briefing.ui.problem_marks import marks_of, path_to
from briefing.ui.problems_panel import ProblemsPanel
from briefing.ui.recovery import RecoveryStore
from briefing.ui.settings import Settings
from briefing.ui.shortcuts import WindowKeys, redo_keys, with_shortcut
from briefing.ui.watcher import FileWatch

VALIDATE_DELAY_MS = 300


class MainWindow(FileActions, RecoveryActions, StopActions, ExportActions, QMainWindow):
    def __init__(self, settings: Settings | None = None, recovery_dir: str | None = None):
        super().__init__()
        self.settings = settings or Settings()
        self.doc = TripDocument(parent=self)
        self.untitled_id = uuid.uuid4().hex[:12]
        self.display_name = ""
        if recovery_dir is None:
            base = QStandardPaths.writableLocation(  # %LOCALAPPDATA% on Windows
                QStandardPaths.StandardLocation.AppLocalDataLocation)
            recovery_dir = os.path.join(base, "recovery")
        self.recovery = RecoveryStore(recovery_dir)
        self.recovery_key: str | None = None
        self.recovery_due = False
        self.export_job: ExportJob | None = None
        self.thread_pool = QThreadPool.globalInstance()

        self.setWindowTitle("Briefing[*]")
        self.setWindowIcon(app_icon())
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
        self.live_preview = live_preview.install(self)
        self.resize(1280, 820)
        self._layout_restored = self._restore_layout()
        self._refresh_recent()
        self._show_page(START)

    # -- building -------------------------------------------------------------------------------

    def _action(self, name: str, text: str, icon_name: str, slot, keys=None, tip: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setObjectName(name)
        action.setIconText(plain(text))
        if isinstance(keys, QKeySequence.StandardKey):
            keys = QKeySequence.keyBindings(keys)
        elif isinstance(keys, str):
            keys = [QKeySequence(keys)]
        if keys:
            action.setShortcuts(keys)
        action.setStatusTip(tip)
        with_shortcut(action, tip or plain(text))
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
        self.act_revert = self._action("revert", tr("Re&vert"), "mdi6.restore", self.revert, None, tr("Throw away unsaved changes and reload the file"))
        self.act_example = self._action("example", tr("Open the E&xample Trip"), "mdi6.book-open-variant", self.open_example)
        self.act_export = self._action("export", tr("&Export PDF…"), "mdi6.file-pdf-box", self.export_pdf, "Ctrl+E", tr("Write the briefing book as PDF"))
        self.act_quit = self._action("quit", tr("&Quit"), "mdi6.exit-to-app", self.close, K.Quit)
        stack = self.doc.undo_stack
        self.act_undo = stack.createUndoAction(self, tr("Undo"))
        self.act_undo.setIcon(icon("mdi6.undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.act_redo = stack.createRedoAction(self, tr("Redo"))
        self.act_redo.setIcon(icon("mdi6.redo"))
        self.act_redo.setShortcuts(redo_keys())
        for action, step in ((self.act_undo, stack.undo), (self.act_redo, stack.redo)):
            # The toolbar's button keeps its short name (it grew to "Undo Add Row" and pushed the
            # others about); the menu and the tooltip say what it undoes.
            action.setIconText(plain(action.text()))
            self.addAction(action)
            with_shortcut(action, plain(action.text()))
            action.triggered.disconnect()  # the stack's own step, which shows nothing
            action.triggered.connect(lambda _c=False, step=step: self.step_showing(step))
        # The undo actions' texts follow the stack ("Undo Edit Title"); their tooltips follow too.
        stack.undoTextChanged.connect(self._undo_tooltips)  # after the actions' own update
        stack.redoTextChanged.connect(self._undo_tooltips)
        self.act_add_stop = self._action("addStop", tr("New Stop"), "mdi6.map-marker-plus-outline", self.add_stop, "Ctrl+T", tr("Add a stop after the selected one"))
        self.act_dup_stop = self._action("duplicateStop", tr("Duplicate Stop"), "mdi6.content-copy", self.duplicate_stop, "Ctrl+D", tr("Copy the selected stop"))
        self.act_del_stop = self._action("deleteStop", tr("Delete Stop"), "mdi6.map-marker-remove-outline", self.delete_stop, "Ctrl+Shift+Delete", tr("Delete the selected stop"))
        self.act_stop_up = self._action("stopUp", tr("Move Stop Up"), "mdi6.arrow-up-bold-outline", lambda: self.move_stop(-1), "Alt+Shift+Up")
        self.act_stop_down = self._action("stopDown", tr("Move Stop Down"), "mdi6.arrow-down-bold-outline", lambda: self.move_stop(1), "Alt+Shift+Down")
        self.act_about = self._action("about", tr("&About Briefing"), "mdi6.information-outline", self.about)
        self.act_preferences = self._action(
            "preferences", tr("&Preferences…"), "mdi6.cog-outline", self.edit_preferences,
            QKeySequence.keyBindings(K.Preferences) or [QKeySequence("Ctrl+,")],
            tr("Window language, the book's font, default paper and edition"))
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_focus_outline = self._action(
            "focusOutline", tr("Go to the &Outline"), "mdi6.file-tree-outline",
            self.focus_outline, "Ctrl+1", tr("Move the keyboard focus to the outline"))
        self.act_focus_editor = self._action(
            "focusEditor", tr("Go to the &Editor"), "mdi6.form-textbox", self.focus_editor,
            "Ctrl+2", tr("Move the keyboard focus to the editor of what is selected"))
        self.act_next_pane = self._action(
            "nextPane", tr("&Next Pane"), "mdi6.swap-horizontal", self.focus_next_pane, "F6",
            tr("Move the keyboard focus between the outline, the editor and Problems"))

        toolbar = QToolBar(tr("Toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_new, self.act_open, self.act_save, None, self.act_undo, self.act_redo,
                       None, self.act_add_stop, self.act_del_stop, None, self.act_export):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.window_keys = WindowKeys(self, keep_typing=(self.act_undo, self.act_redo))

    def step_showing(self, step) -> None:
        """Undo or redo (`step`), and show the stop and field it changed: an undo in a stop
        that is not on screen was made blind."""
        doc, changed = self.doc, []
        signals = ((doc.field_changed, lambda record, name: changed.append((record, name, -1))),
                   (doc.inserted, lambda items, row: changed.append((items, "", row))),
                   (doc.removed, lambda items, row: changed.append((items, "", row))),
                   (doc.moved, lambda items, _source, row: changed.append((items, "", row))))
        for signal, slot in signals:
            signal.connect(slot)
        try:
            step()
        finally:
            for signal, slot in signals:
                signal.disconnect(slot)
        if changed and self.central.currentIndex() == EDITOR:
            target, name, row = changed[0]
            path = path_to(doc.trip, target, name, row)
            if path:
                self.go_to(path)

    def _undo_tooltips(self, *_args) -> None:
        for action in (self.act_undo, self.act_redo):
            with_shortcut(action, plain(action.text()))

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
        self.paperwork_export = paperwork_actions.install(self, file_menu)  # plan, report
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_add_stop, self.act_dup_stop, self.act_del_stop,
                              self.act_stop_up, self.act_stop_down])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_preferences)
        view_menu = bar.addMenu(tr("&View"))
        problems_action = self.problems.toggleViewAction()
        problems_action.setText(tr("&Problems"))
        problems_action.setIcon(icon("mdi6.alert-circle-outline"))
        problems_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        with_shortcut(problems_action, tr("Show or hide the list of errors and warnings"))
        view_menu.addAction(problems_action)
        self.view_menu = view_menu  # the live preview adds its toggle here
        view_menu.addSeparator()
        view_menu.addActions([self.act_focus_outline, self.act_focus_editor, self.act_next_pane])
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
        self.recovery_timer = QTimer(self)  # restarted by each change: schedule_recovery
        self.recovery_timer.setSingleShot(True)
        self.recovery_timer.timeout.connect(self.write_recovery)
        self.watch = FileWatch(self)
        self.watch.changed_on_disk.connect(self.file_changed_on_disk)
        self.start_page.new_requested.connect(self.new_trip)
        self.start_page.open_requested.connect(lambda: self.open_file())
        self.start_page.example_requested.connect(self.open_example)
        self.start_page.recent_requested.connect(self.open_file)
        self.problems.activated.connect(self.go_to)
        self.problems.counts_changed.connect(self._show_counts)
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.message.connect(lambda _text: self.validate_timer.start())  # a refused cell
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
        for key, panel in self._detail_panels():
            saved = self.settings.bytes(key)
            if saved is not None:
                panel.restore_split(saved)
        return state is not None

    def _detail_panels(self):
        """(settings key, panel) for each stop table with a detail form (talking points, Q&A…)."""
        for attr, panel in self.editor.stop_editor.tables.items():
            if panel.splitter is not None:
                yield f"window/detailSplitter/{attr}", panel

    def _save_layout(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/state", self.saveState())
        self.settings.set_bytes("window/splitter", self.editor.saveState())
        self.settings.set_bytes("window/stopSplitter", self.editor.stop_editor.splitter.saveState())
        for key, panel in self._detail_panels():
            state = panel.split_state()
            if state is not None:
                self.settings.set_bytes(key, state)

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

    # -- dialogs (tests replace these) ----------------------------------------------------------

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    # -- files ----------------------------------------------------------------------------------

    # -- recovery -------------------------------------------------------------------------------

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
        self.schedule_recovery()
        self.validate_timer.start()
        self._update_actions()

    def revalidate(self) -> None:
        self.validate_timer.stop()
        problems = validate(self.doc.trip) + [
            Problem(ERROR, path, msg("“{typed}” was not stored: {why}", typed=text, why=why))
            for path, text, why in self.unstored_cells()]
        self.problems.set_problems(problems, self.doc.trip)
        marks_of(self.doc).set_problems(problems)
        if self.doc.trip.info.title and "—" not in self.windowTitle():
            self._update_title()

    def _show_counts(self, errors: int, warnings: int) -> None:
        self.counts.setText(tr("{e} errors, {w} warnings", e=errors, w=warnings))

    def go_to(self, path: str) -> None:
        self._show_page(EDITOR)
        self.editor.go_to(path)

    # -- export ---------------------------------------------------------------------------------

    # -- the rest -------------------------------------------------------------------------------

    def ask_preferences(self) -> bool:
        """Show Preferences; True when the user chose OK (the settings are then stored)."""
        dialog = PreferencesDialog(self.settings, self)
        if not dialog.exec():
            return False
        dialog.save()
        return True

    def edit_preferences(self) -> None:
        if self.ask_preferences():
            self.statusBar().showMessage(tr("Preferences saved"), 4000)

    # -- keyboard focus between the panes ----------------------------------------------------------

    def focus_outline(self) -> None:
        if self.central.currentIndex() == EDITOR:
            self.editor.outline.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_editor(self) -> None:
        if self.central.currentIndex() == EDITOR:
            self.editor.focus_current_page()

    def focus_next_pane(self) -> None:
        """F6: outline → editor → Problems (when shown) → outline."""
        if self.central.currentIndex() != EDITOR:
            return
        focus = self.focusWidget()
        in_outline = focus is self.editor.outline
        in_problems = focus is not None and self.problems.isAncestorOf(focus)
        if in_outline:
            self.focus_editor()
        elif not in_problems and self.problems.isVisible():
            self.problems.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.focus_outline()

    def about(self) -> None:
        from briefing import __version__

        QMessageBox.about(self, tr("&About Briefing").replace("&", ""),
                          f"<b>Briefing {__version__}</b><br>{tr('Delegation trip briefing books')}")

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._drop_recovery()
        self._save_layout()
        self.recovery_timer.stop()
        self.validate_timer.stop()
        stack = self.doc.undo_stack
        for signal in (stack.cleanChanged, stack.undoTextChanged, stack.redoTextChanged):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        event.accept()
