"""An editable table of records with add / insert / delete / move buttons and keys, and an
optional form under it for the selected record's long fields."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.editors import clipboard
from briefing.ui.editors.delegates import FieldDelegate
from briefing.ui.editors.field_editors import TextEditor
from briefing.ui.editors.forms import FieldForm
from briefing.ui.editors.table_models import RecordTableModel
from briefing.ui.i18n import tr
from briefing.ui.icons import icon
from briefing.ui.shortcuts import with_shortcut

# One set of keys to delete and move rows, in the tables and on the cards of talking points
# and Q&A (points_editor): the first is the one shown; the others are the keys each used to have.
ROW_KEYS = {
    "delete": ("Alt+Del", "Del"),  # a card's text box keeps Del for itself
    "up": ("Alt+Up", "Ctrl+Shift+Up"),
    "down": ("Alt+Down", "Ctrl+Shift+Down"),
}

# A table with a detail form under it: the rows it shows at first (when the form keeps its
# minimum), the rows it never shrinks below, and the lines a text box of the form keeps.
FIRST_ROWS_ABOVE_FORM = 7
MIN_ROWS_ABOVE_FORM = 3
MIN_FORM_TEXT_LINES = 3


class RecordTableView(QTableView):
    """A table whose Tab and Shift+Tab skip cells nobody can change (the agenda's computed end)."""

    def moveCursor(self, action, modifiers):
        steps = {self.CursorAction.MoveNext: 1, self.CursorAction.MovePrevious: -1}
        model, current = self.model(), self.currentIndex()
        rows, columns = model.rowCount(), model.columnCount()
        if action not in steps or not current.isValid() or not rows * columns:
            return super().moveCursor(action, modifiers)
        place = current.row() * columns + current.column()
        for _ in range(rows * columns):  # row by row, round the end as Qt's own Tab does
            place = (place + steps[action]) % (rows * columns)
            index = model.index(place // columns, place % columns)
            if not self.isColumnHidden(index.column()) and model.flags(index) & (
                    Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
                return index
        return current


class RecordTablePanel(QWidget):
    message = Signal(str)  # something to show in the status bar (a refused value)

    def __init__(self, doc, record_type: type, columns: list[str] | None = None, *,
                 stretch: str = "", detail_rows: list[tuple[str, ...]] | None = None,
                 model: RecordTableModel | None = None, taken: set[str] | None = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.model = model or RecordTableModel(doc, record_type, columns, self)
        self.model.rejected.connect(self.message)
        self.view = RecordTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(FieldDelegate(doc, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for f in self.model.fields:
            c = self.model.column_of(f.name)
            width = {"time": 70, "minutes": 60, "key": 60, "internal": 70, "date": 100,
                     "check_in": 100, "check_out": 100, "depart": 140, "arrive": 140,
                     "mode": 90, "kind": 100, "id": 90}.get(f.name, 140)
            self.view.setColumnWidth(c, width)
            if f.name == stretch:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(2)
        self.actions: dict[str, QAction] = {}
        for name, text, tip, icon_name, keys, slot in (
            ("add", tr("Add"), tr("Add a row at the end"), "mdi6.plus",
             [QKeySequence("Ctrl+Enter"), QKeySequence("Ctrl+Return")], self.add_row),
            ("insert", tr("Insert"), tr("Insert a row above the selected one"),
             "mdi6.table-row-plus-before", [QKeySequence(Qt.Key.Key_Insert)], self.insert_row),
            ("delete", tr("Delete"), tr("Delete the selected rows"), "mdi6.delete-outline",
             [QKeySequence(k) for k in ROW_KEYS["delete"]], self.delete_rows),
            ("up", tr("Move up"), tr("Move the selected row up"), "mdi6.arrow-up",
             [QKeySequence(k) for k in ROW_KEYS["up"]], lambda: self.move_current(-1)),
            ("down", tr("Move down"), tr("Move the selected row down"),
             "mdi6.arrow-down", [QKeySequence(k) for k in ROW_KEYS["down"]], lambda: self.move_current(1)),
            ("copy", tr("Copy"), tr("Copy the selected rows"), "mdi6.content-copy",
             QKeySequence.keyBindings(QKeySequence.StandardKey.Copy), self.copy_rows),
            ("paste", tr("Paste"), tr("Paste rows below the selected one"), "mdi6.content-paste",
             QKeySequence.keyBindings(QKeySequence.StandardKey.Paste), self.paste_rows),
        ):
            action = QAction(icon(icon_name), text, self)
            action.setShortcuts(keys)
            with_shortcut(action, tip)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
            self.actions[name] = action
            if name in ("copy", "paste"):
                continue  # keys and the context menu; the button row stays short
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        # The summary ('ends 11:30 · stop ends 12:00 · 1 overlapping · 1 out of order') has a
        # line of its own under the buttons, wrapped when narrow, shown when it says something:
        # beside them it widened the window past a 1024-pixel screen after an edit next to the
        # live preview, and wrapped into the little room they leave it took the table's height.
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.buttons)
        layout.addWidget(self.summary)
        self.form = None
        self.splitter: QSplitter | None = None  # between the table and the detail form
        self._split_done = False  # the first split is made once, unless a saved one was restored
        self._split_shown = False  # the split has been laid out on screen since
        self._restored_split = None  # a restored split, given back until then
        if detail_rows:
            splitter = QSplitter(Qt.Orientation.Vertical, self)
            self.splitter = splitter
            self.view.setMinimumHeight(self.table_height(MIN_ROWS_ABOVE_FORM))
            splitter.addWidget(self.view)
            self.form = FieldForm(doc, record_type, detail_rows, splitter, taken=taken)
            for editor in self.form.editors.values():
                if isinstance(editor, TextEditor):  # room for more rows above, and the form still fits
                    box = editor.widget
                    box.setMinimumHeight(MIN_FORM_TEXT_LINES * box.fontMetrics().lineSpacing()
                                         + 2 * int(box.document().documentMargin()) + 2 * box.frameWidth())
            holder = QWidget(splitter)
            inner = QVBoxLayout(holder)
            inner.setContentsMargins(0, 6, 0, 0)
            inner.addWidget(self.form)
            splitter.addWidget(holder)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 1)
            splitter.setChildrenCollapsible(False)
            layout.addWidget(splitter, 1)
            self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
            self.model.modelReset.connect(self._show_current)
            self.model.rowsRemoved.connect(self._show_current)
            self.model.rowsInserted.connect(self._show_current)
            self.model.rowsMoved.connect(self._show_current)
        else:
            layout.addWidget(self.view, 1)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.rowsMoved.connect(self._update_buttons)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def table_height(self, rows: int) -> int:
        """The table's height when it shows `rows` whole rows under its header."""
        view = self.view
        return (view.horizontalHeader().sizeHint().height()
                + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth())

    def restore_split(self, state) -> bool:
        """Put back a table/form split saved from `split_state()`."""
        if self.splitter is None or not self.splitter.restoreState(state):
            return False
        self._split_done = True
        self._restored_split = state
        return True

    def split_state(self):
        """The table/form split to remember, or None: a split never shown is not worth keeping."""
        if self.splitter is None:
            return None
        return self.splitter.saveState() if self._split_shown else self._restored_split

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.splitter is None or self.splitter.height() <= 0:
            return
        if not self._split_done:
            self._split_done = True
            self.first_split()
        self._split_shown = True

    def first_split(self) -> None:
        """Give the table FIRST_ROWS_ABOVE_FORM rows, or what the form's minimum leaves it."""
        splitter = self.splitter
        total = sum(splitter.sizes())
        form_min = splitter.widget(1).minimumSizeHint().height()
        table = max(min(self.table_height(FIRST_ROWS_ABOVE_FORM), total - form_min),
                    self.view.minimumHeight())
        splitter.setSizes([table, max(total - table, 0)])

    # -- binding --------------------------------------------------------------------------------

    def bind(self, owner, attr: str) -> None:
        self.model.bind(owner, attr)
        if self.model.rowCount():
            self.select(0, 0)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int, column: int = -1) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        column = column if column >= 0 else max(self.view.currentIndex().column(), 0)
        index = self.model.index(row, column)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    # -- row actions ----------------------------------------------------------------------------

    def add_row(self) -> None:
        row = self.model.add_row()
        self.select(row, 0)
        self.view.setFocus()

    def insert_row(self) -> None:
        row = max(self.current_row(), 0)
        self.model.add_row(row)
        self.select(row, 0)
        self.view.setFocus()

    def delete_rows(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.current_row() >= 0:
            rows = [self.current_row()]
        if not rows:
            return
        column = max(self.view.currentIndex().column(), 0)
        self.model.remove_rows_at(rows)
        if self.model.rowCount():
            self.select(min(rows[0], self.model.rowCount() - 1), column)

    def move_current(self, step: int) -> None:
        row = self.current_row()
        column = self.view.currentIndex().column()
        if self.model.move_row(row, row + step):
            self.select(row + step, column)

    def selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        return rows or ([self.current_row()] if self.current_row() >= 0 else [])

    def copy_rows(self) -> None:
        records = [self.model.items[r] for r in self.selected_rows()]
        if not records:
            return
        data = QMimeData()
        data.setData(clipboard.RECORDS_MIME, QByteArray(clipboard.to_json(records).encode("utf-8")))
        data.setText(clipboard.to_tsv(records, self.model.column_fields()))
        QGuiApplication.clipboard().setMimeData(data)

    def paste_rows(self) -> None:
        if self.model.owner is None:
            return
        data = QGuiApplication.clipboard().mimeData()
        record_type = self.model.record_type
        if data is not None and data.hasFormat(clipboard.RECORDS_MIME):
            records = clipboard.from_json(record_type, bytes(data.data(clipboard.RECORDS_MIME)).decode("utf-8"))
        elif data is not None and data.hasText():
            records = clipboard.from_tsv(record_type, data.text(), self.model.column_fields())
        else:
            records = []
        if not records:
            return
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self.model.paste_rows(row, records)
        self.select(row, 0)

    def _show_current(self, *args) -> None:
        if self.form is None:
            return
        row = self.current_row()
        items = self.model.items
        self.form.bind(items[row] if 0 <= row < len(items) else None)

    def _update_buttons(self, *args) -> None:
        has_rows = self.model.owner is not None
        row = self.current_row()
        count = self.model.rowCount()
        self.actions["add"].setEnabled(has_rows)
        self.actions["insert"].setEnabled(has_rows)
        self.actions["delete"].setEnabled(row >= 0)
        self.actions["copy"].setEnabled(row >= 0)
        self.actions["paste"].setEnabled(has_rows)
        self.actions["up"].setEnabled(row > 0)
        self.actions["down"].setEnabled(0 <= row < count - 1)

    def focus_cell(self, row: int, name: str) -> None:
        column = self.model.column_of(name) if name else 0
        if column < 0 and self.form is not None and self.form.focus_field(name):
            self.select(row, 0)
            self.form.focus_field(name)
            return
        self.select(row, max(column, 0))
        self.view.setFocus()
