"""The trip's outline: Trip, Delegation, every stop (drag to reorder), Travel, Stays, Contacts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from briefing.trip import model, schema
from briefing.ui import i18n, problem_marks
from briefing.ui.commands import MoveCommand
from briefing.ui.i18n import tr
from briefing.ui.icons import icon

SECTIONS = [  # (key of the file's top level, icon): named by the key's declared words
    ("trip", "mdi6.briefcase-outline"),
    ("delegation", "mdi6.account-group-outline"),
    ("stops", "mdi6.map-marker-multiple-outline"),
    ("travel", "mdi6.airplane"),
    ("stays", "mdi6.bed-outline"),
    ("contacts", "mdi6.card-account-phone-outline"),
]


def section_label(key: str) -> str:
    return i18n.field_label(schema.top(key))
STOPS_ROW = 2
TOP, STOP = 0, 1  # internal ids: a section row, or a stop under "Stops"
STOP_MIME = "application/x-briefing-stop"
KIND_ICONS = {
    "meeting": "mdi6.handshake-outline", "visit": "mdi6.office-building-marker-outline",
    "exhibition": "mdi6.store-outline", "conference": "mdi6.presentation",
    "reception": "mdi6.glass-wine",
}


def stop_label(stop: model.Stop) -> str:
    date = f"{stop.date:%m-%d}" if stop.date else "--"
    where = f"{stop.city} · " if stop.city else ""
    return f"{date}  {where}{stop.title or tr('(untitled stop)')}"


class OutlineModel(QAbstractItemModel):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        doc.field_changed.connect(self._field_changed)
        doc.about_to_insert.connect(lambda items, i: self._is_stops(items) and self.beginInsertRows(self.stops_index(), i, i))
        doc.inserted.connect(lambda items, i: self._is_stops(items) and self.endInsertRows())
        doc.about_to_remove.connect(lambda items, i: self._is_stops(items) and self.beginRemoveRows(self.stops_index(), i, i))
        doc.removed.connect(lambda items, i: self._is_stops(items) and self.endRemoveRows())
        doc.about_to_move.connect(self._about_to_move)
        doc.moved.connect(lambda items, s, t: self._is_stops(items) and self.endMoveRows())
        doc.reset.connect(self._reset)
        doc.inserted.connect(self._count_changed)
        doc.removed.connect(self._count_changed)
        self.marks = problem_marks.marks_of(doc)
        self.marks.changed.connect(self._marks_changed)

    def _is_stops(self, items) -> bool:
        return items is self.doc.trip.stops

    def _count_changed(self, items, _index: int) -> None:
        for row, (key, _icon) in enumerate(SECTIONS):
            if key != "trip" and items is getattr(self.doc.trip, key):
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _about_to_move(self, items, source: int, target: int) -> None:
        if self._is_stops(items):
            parent = self.stops_index()
            self.beginMoveRows(parent, source, source, parent, target + 1 if target > source else target)

    def _field_changed(self, record, name: str) -> None:
        if record is self.doc.trip.info and name == "title":
            self.dataChanged.emit(self.index(0, 0), self.index(0, 0))
        if isinstance(record, model.Stop) and name in ("title", "date", "city", "kind"):
            for row, stop in enumerate(self.doc.trip.stops):
                if stop is record:
                    index = self.index(row, 0, self.stops_index())
                    self.dataChanged.emit(index, index)
                    return

    def _marks_changed(self) -> None:
        roles = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]
        self.dataChanged.emit(self.index(0, 0), self.index(len(SECTIONS) - 1, 0), roles)
        if self.doc.trip.stops:
            self.dataChanged.emit(self.stop_index(0), self.stop_index(len(self.doc.trip.stops) - 1), roles)

    def problems_at(self, index: QModelIndex) -> list:
        """The problems an outline entry is marked with: a stop's, or a whole section's."""
        kind, row = self.section_of(index)
        if kind == "stop":
            return [p for _spot, p in self.marks.inside(self.doc.trip.stops[row])]
        return self.marks.in_section(kind)

    def _with_count(self, index: QModelIndex, tip: str) -> str:
        problems = self.problems_at(index)
        return f"{tip}\n{problem_marks.count_text(problems)}" if problems else tip

    def stops_index(self) -> QModelIndex:
        return self.index(STOPS_ROW, 0)

    def stop_index(self, row: int) -> QModelIndex:
        return self.index(row, 0, self.stops_index())

    @staticmethod
    def section_of(index: QModelIndex) -> tuple[str, int]:
        """('trip', -1), ('stops', -1) or ('stop', row) for an outline index."""
        if not index.isValid():
            return "", -1
        if index.internalId() == STOP:
            return "stop", index.row()
        return SECTIONS[index.row()][0], -1

    # -- Qt overrides ---------------------------------------------------------------------------

    def index(self, row, column, parent=QModelIndex()):
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, TOP) if row < len(SECTIONS) else QModelIndex()
        if parent.internalId() == TOP and parent.row() == STOPS_ROW and row < len(self.doc.trip.stops):
            return self.createIndex(row, 0, STOP)
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if index.isValid() and index.internalId() == STOP:
            return self.createIndex(STOPS_ROW, 0, TOP)
        return QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(SECTIONS)
        if parent.internalId() == TOP and parent.row() == STOPS_ROW:
            return len(self.doc.trip.stops)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == STOP:
            stops = self.doc.trip.stops
            if index.row() >= len(stops):
                return None
            stop = stops[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return stop_label(stop)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._with_count(index, " · ".join(
                    filter(None, [stop.title, stop.venue, stop.city, stop.country])))
            if role == Qt.ItemDataRole.DecorationRole:
                return (problem_marks.icon_for(self.problems_at(index))
                        or icon(KIND_ICONS.get(stop.kind, "mdi6.map-marker-outline")))
            return None
        key, icon_name = SECTIONS[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "trip" and self.doc.trip.info.title:
                return self.doc.trip.info.title
            count = len(getattr(self.doc.trip, key)) if key != "trip" else 0
            return section_label(key) + (f"  ({count})" if count else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return problem_marks.icon_for(self.problems_at(index)) or icon(icon_name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._with_count(index, section_label(key))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == STOP:
            return flags | Qt.ItemFlag.ItemIsDragEnabled
        if index.row() == STOPS_ROW:
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [STOP_MIME]

    def mimeData(self, indexes):
        data = QMimeData()
        rows = [i.row() for i in indexes if i.internalId() == STOP]
        data.setData(STOP_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(STOP_MIME) and self._drop_target(row, parent) is not None

    def _drop_target(self, row: int, parent: QModelIndex) -> int | None:
        if parent.isValid() and parent.internalId() == TOP and parent.row() == STOPS_ROW:
            return row if row >= 0 else len(self.doc.trip.stops)
        if parent.isValid() and parent.internalId() == STOP:  # dropped onto a stop: before it
            return parent.row()
        return None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(STOP_MIME):
            return False
        source = int(bytes(data.data(STOP_MIME)).decode())
        target = self._drop_target(row, parent)
        if source < 0 or target is None:
            return False
        if target > source:
            target -= 1
        target = min(target, len(self.doc.trip.stops) - 1)
        if target != source:
            self.doc.undo_stack.push(MoveCommand(self.doc, self.doc.trip.stops, source, target, tr("Move stop")))
        return False  # done; the view must not remove the dragged row itself


class OutlineView(QTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setExpandsOnDoubleClick(False)
        self.setRootIsDecorated(False)
        self.setIndentation(18)
        self.setAnimated(False)
        self.setItemsExpandable(True)
