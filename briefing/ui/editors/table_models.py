"""A Qt table model over one list of records (agenda, delegation, contacts…), its columns
taken from the schema; edits become undo commands, the document's signals keep it in step."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from briefing.trip import schema
from briefing.trip.problems import ERROR
from briefing.ui import problem_marks
from briefing.ui.commands import (
    InsertCommand,
    MoveCommand,
    SetFieldCommand,
    insert_rows,
    remove_rows,
)
from briefing.ui.editors import values
from briefing.ui.i18n import tr
from briefing.ui.icons import problem_icon

ROWS_MIME = "application/x-briefing-rows"
MARK_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
              Qt.ItemDataRole.DecorationRole)


def _marks_first(data):
    """A subclass's `data` with the problem marks before its own colours and tooltips."""

    def marked(self, index, role=Qt.ItemDataRole.DisplayRole):
        mark = self.mark_data(index, role)
        return mark if mark is not None else data(self, index, role)

    marked.__doc__ = data.__doc__
    return marked


class RecordTableModel(QAbstractTableModel):
    rejected = Signal(str)  # typed text that is not a value of its column, with a hint

    def __init__(self, doc, record_type: type, columns: list[str] | None = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.record_type = record_type
        fields = [f for f in schema.fields_of(record_type) if f.kind != schema.RECORDS]
        self.fields = [f for f in fields if columns is None or f.name in columns]
        if columns is not None:
            self.fields.sort(key=lambda f: columns.index(f.name))
        self.owner = None
        self.attr = ""
        # Text typed into a cell that is not a value of its column (a time '2460'), kept with
        # why, so that Tab can move on and the cell still shows it in red until it is put right.
        self.refused: dict[tuple[int, str], tuple[str, str]] = {}  # (id(record), field)
        self.refused_records: dict[tuple[int, str], object] = {}  # which record each key names
        doc.field_changed.connect(self._field_changed)
        doc.about_to_insert.connect(self._about_to_insert)
        doc.inserted.connect(lambda items, i: self._mine(items) and self._after_rows())
        doc.about_to_remove.connect(self._about_to_remove)
        doc.removed.connect(lambda items, i: self._mine(items) and self._after_remove())
        doc.about_to_move.connect(self._about_to_move)
        doc.moved.connect(lambda items, s, t: self._mine(items) and self._after_move())
        doc.reset.connect(self._doc_reset)
        self.marks = problem_marks.marks_of(doc)
        self.marks.changed.connect(self._marks_changed)

    def __init_subclass__(cls, **kwargs):
        # A model that colours its own rows (the agenda's overlaps) must not hide a problem.
        super().__init_subclass__(**kwargs)
        if "data" in cls.__dict__:
            cls.data = _marks_first(cls.__dict__["data"])

    # -- what the model shows -------------------------------------------------------------------

    def bind(self, owner, attr: str) -> None:
        """Show `owner.attr` (a stop's agenda, the trip's contacts…); None shows nothing."""
        self.beginResetModel()
        self.owner, self.attr = owner, attr
        self.endResetModel()

    @property
    def items(self) -> list:
        return getattr(self.owner, self.attr) if self.owner is not None else []

    def field_at(self, column: int) -> schema.Field | None:
        return self.fields[column] if 0 <= column < len(self.fields) else None

    def column_fields(self) -> list[schema.Field | None]:
        """The field of each column as shown, None for a computed one."""
        return [self.field_at(c) for c in range(self.columnCount())]

    def column_of(self, name: str) -> int:
        for i, f in enumerate(self.fields):
            if f.name == name or f.key == name:
                return i
        return -1

    # -- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            f = self.field_at(section)
            if f is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return values.label(f) + ("*" if f.required else "")
            if role == Qt.ItemDataRole.ToolTipRole:
                return values.description(f)
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        base = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        f = self.field_at(index.column())
        if f is None:
            return base
        if f.kind == schema.BOOL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def refuse(self, index, text: str, why: str) -> None:
        """Keep `text`, typed into a cell and left with Tab, though it is no value of its
        column: the cell shows it in red with `why` until it is put right."""
        f = self.field_at(index.column()) if index.isValid() else None
        if f is not None and index.row() < len(self.items):
            record = self.items[index.row()]
            self.refused[(id(record), f.name)] = (text, why)
            self.refused_records[(id(record), f.name)] = record
            self.dataChanged.emit(index, index)
            self.rejected.emit(why)

    def unstored(self) -> list[tuple[object, str, str, str]]:
        """(record, field name, typed text, why) of each cell that shows text not stored."""
        return [(self.refused_records[key], key[1], text, why)
                for key, (text, why) in self.refused.items() if key in self.refused_records]

    def refused_at(self, index) -> tuple[str, str] | None:
        """(the refused text, why) of a cell, or None."""
        f = self.field_at(index.column()) if index.isValid() else None
        if f is None or not self.refused or index.row() >= len(self.items):
            return None
        return self.refused.get((id(self.items[index.row()]), f.name))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        mark = self.mark_data(index, role)
        if mark is not None:
            return mark
        f = self.field_at(index.column())
        if f is None:
            return None
        value = getattr(self.items[index.row()], f.name)
        if role == Qt.ItemDataRole.DisplayRole:
            return None if f.kind == schema.BOOL else self.display(f, value)
        if role == Qt.ItemDataRole.EditRole:
            return values.to_text(f, value)
        if role == Qt.ItemDataRole.CheckStateRole and f.kind == schema.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and getattr(self.items[index.row()], "key", None) is True:
            font = QFont()
            font.setBold(True)  # a key message stands out here as it does in the book
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            text = values.to_text(f, value, lines=True)
            return text if len(text) > 40 or "\n" in text else values.description(f)
        return None

    def cell_problems(self, row: int, column: int) -> list:
        """The problems a cell shows: its field's, and in the first column the row's own and
        those of fields that have no column here (a detail form's, a stop's agenda…)."""
        if not 0 <= row < len(self.items):
            return []
        record = self.items[row]
        f = self.field_at(column)
        problems = list(self.marks.at(record, f.name)) if f is not None else []
        if column == 0:
            shown = {f.name for f in self.fields}
            problems += [p for spot, p in self.marks.inside(record)
                         if not (spot.record is record and spot.name in shown)]
        return problems

    def mark_data(self, index, role):
        """A problem's tint, icon and words for a cell; None where the cell has no problem."""
        refused = self.refused_at(index)
        if refused is not None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return refused[0]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(problem_marks.COLORS[ERROR][1]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return refused[1]
            if role == Qt.ItemDataRole.DecorationRole:
                return problem_icon(ERROR)
        if role not in MARK_ROLES or not index.isValid():
            return None
        problems = self.cell_problems(index.row(), index.column())
        if not problems:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return problem_marks.tint(problems)
        if role == Qt.ItemDataRole.DecorationRole:
            return problem_marks.icon_for(problems)
        return problem_marks.tip_text(problems)

    def display(self, f: schema.Field, value) -> str:
        if f.choices and value:
            return values.choice_label(value)
        if f.key in values.PERSON_FIELDS and value:
            person = self.doc.trip.person(value)
            return person.name if person is not None and person.name else value
        text = values.to_text(f, value)
        first, _, rest = text.partition("\n")
        return first + (" …" if rest else "")

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        f = self.field_at(index.column())
        if f is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and f.kind == schema.BOOL:
            new = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role == Qt.ItemDataRole.EditRole:
            record = self.items[index.row()]
            try:
                new = values.from_text(f, str(value), near=values.near_day(self.doc.trip),
                                       currency=getattr(record, "currency", ""))
            except ValueError as e:
                self.rejected.emit(str(e))
                return False
            if self.refused.pop((id(record), f.name), None) is not None:
                self.dataChanged.emit(index, index)
            if f.kind == schema.TEXT:
                new = new.strip()
        else:
            return False
        record = self.items[index.row()]
        if getattr(record, f.name) != new:
            self.doc.undo_stack.push(SetFieldCommand(self.doc, record, f.name, new, values.label(f)))
        return True

    # -- rows: add, insert, delete, move, drag -------------------------------------------------

    def new_record(self):
        return self.record_type()

    def add_row(self, row: int | None = None) -> int:
        row = len(self.items) if row is None else row
        self.doc.undo_stack.push(InsertCommand(self.doc, self.items, row, self.new_record(), tr("Add row")))
        return min(row, len(self.items) - 1)

    def remove_rows_at(self, rows: list[int]) -> None:
        remove_rows(self.doc, self.items, rows, tr("Delete rows"))

    def move_row(self, source: int, target: int) -> bool:
        if not (0 <= source < len(self.items) and 0 <= target < len(self.items)) or source == target:
            return False
        self.doc.undo_stack.push(MoveCommand(self.doc, self.items, source, target, tr("Move row")))
        return True

    def paste_rows(self, row: int, records: list) -> None:
        insert_rows(self.doc, self.items, row, records, tr("Paste rows"))

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(ROWS_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(ROWS_MIME):
            return False
        rows = [int(r) for r in bytes(data.data(ROWS_MIME)).decode().split(",") if r]
        if len(rows) != 1:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        source = rows[0]
        if target > source:
            target -= 1  # the row leaves its place first
        self.move_row(source, min(target, len(self.items) - 1))
        return False  # the move is done; the view must not remove anything itself

    # -- following the document -----------------------------------------------------------------

    def _mine(self, items) -> bool:
        return self.owner is not None and items is self.items

    def _field_changed(self, record, name: str) -> None:
        self.refused.pop((id(record), name), None)  # put right, or undone to a good value
        if self.owner is None:
            return
        if record is self.owner and name == self.attr:  # the whole list was replaced
            self.beginResetModel()
            self.endResetModel()
            return
        for row, item in enumerate(self.items):
            if item is record:
                column = self.column_of(name)
                left = self.index(row, max(column, 0))
                right = self.index(row, column if column >= 0 else self.columnCount() - 1)
                self.dataChanged.emit(left, right)
                self.record_changed(row)
                return

    def record_changed(self, row: int) -> None:
        """A hook for computed columns that depend on other rows (the agenda's end times)."""

    def _about_to_insert(self, items, index: int) -> None:
        if self._mine(items):
            self.beginInsertRows(QModelIndex(), index, index)

    def _after_rows(self) -> None:
        self.endInsertRows()
        self.record_changed(-1)

    def _about_to_remove(self, items, index: int) -> None:
        if self._mine(items):
            self.beginRemoveRows(QModelIndex(), index, index)

    def _after_remove(self) -> None:
        self.endRemoveRows()
        self.record_changed(-1)

    def _about_to_move(self, items, source: int, target: int) -> None:
        if self._mine(items):
            # Qt's destination is the row *before which* the item goes, counted before the move.
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(),
                               target + 1 if target > source else target)

    def _after_move(self) -> None:
        self.endMoveRows()
        self.record_changed(-1)

    def _doc_reset(self) -> None:
        self.bind(None, "")

    def _marks_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  list(MARK_ROLES))
