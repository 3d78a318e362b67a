"""The agenda table: time, minutes, a computed end, item, lead, notes; overlaps tinted at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from briefing import model

from .i18n import tr
from .record_panel import RecordTablePanel
from .table_models import RecordTableModel

END_COLUMN = 2
OVERLAP = QColor(255, 236, 200)
OVERRUN = QColor(253, 221, 221)


@dataclass
class AgendaTimes:
    """Computed once per change: each row's end, and which rows clash. No Qt."""

    ends: list[int | None] = field(default_factory=list)  # minutes after midnight
    overlapping: set[int] = field(default_factory=set)
    overrunning: set[int] = field(default_factory=set)
    last_end: int | None = None


def agenda_times(stop: model.Stop | None) -> AgendaTimes:
    out = AgendaTimes()
    if stop is None:
        return out
    stop_end = stop.end.hour * 60 + stop.end.minute if stop.end else None
    previous_end = None
    for row, item in enumerate(stop.agenda):
        if item.time is None:
            out.ends.append(None)
            continue
        start = item.time.hour * 60 + item.time.minute
        end = start + item.minutes if item.minutes is not None else None
        out.ends.append(end)
        if previous_end is not None and start < previous_end:
            out.overlapping.add(row)
        if stop_end is not None and (end or start) > stop_end:
            out.overrunning.add(row)
        if end is not None:
            previous_end = end
            out.last_end = max(out.last_end or 0, end)
    return out


def clock_text(minutes: int) -> str:
    days, rest = divmod(minutes, 24 * 60)
    return f"{rest // 60:02d}:{rest % 60:02d}" + (f" (+{days})" if days else "")


class AgendaTableModel(RecordTableModel):
    def __init__(self, doc, parent=None):
        super().__init__(doc, model.AgendaItem, ["time", "minutes", "item", "lead", "notes"], parent)
        self.times = AgendaTimes()
        self.modelReset.connect(self._recompute)

    def field_at(self, column: int):
        if column == END_COLUMN:
            return None
        return super().field_at(column - 1 if column > END_COLUMN else column)

    def column_of(self, name: str) -> int:
        column = super().column_of(name)
        return column + 1 if column >= END_COLUMN else column

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields) + 1

    def flags(self, index):
        if index.isValid() and index.column() == END_COLUMN:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return super().flags(index)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and section == END_COLUMN:
            return tr("Ends") if role == Qt.ItemDataRole.DisplayRole else None
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.BackgroundRole:
            if row in self.times.overrunning:
                return QBrush(OVERRUN)
            if row in self.times.overlapping:
                return QBrush(OVERLAP)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and (
                row in self.times.overlapping or row in self.times.overrunning):
            reasons = []
            if row in self.times.overlapping:
                reasons.append(tr("overlaps the item before"))
            if row in self.times.overrunning:
                reasons.append(tr("runs past the stop's end"))
            return " · ".join(reasons)
        if index.column() == END_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole and row < len(self.times.ends):
                end = self.times.ends[row]
                return clock_text(end) if end is not None else ""
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(110, 110, 110))
            return None
        return super().data(index, role)

    def record_changed(self, row: int) -> None:
        self._recompute()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _recompute(self) -> None:
        self.times = agenda_times(self.owner)

    def summary(self) -> tuple[str, bool]:
        """'ends 12:30 · stop ends 12:00', and whether the agenda runs late."""
        stop = self.owner
        if stop is None or self.times.last_end is None:
            return "", False
        end = clock_text(self.times.last_end)
        if stop.end is None:
            return tr("ends {end}", end=end), False
        late = self.times.last_end > stop.end.hour * 60 + stop.end.minute
        text = tr("ends {end} · stop ends {stop}", end=end, stop=f"{stop.end:%H:%M}")
        if self.times.overlapping:
            text += " · " + tr("{n} overlapping", n=len(self.times.overlapping))
        return text, late or bool(self.times.overlapping)


class AgendaPanel(RecordTablePanel):
    def __init__(self, doc, parent=None):
        super().__init__(doc, model.AgendaItem, model=AgendaTableModel(doc), stretch="item",
                         parent=parent)
        self.view.setColumnWidth(END_COLUMN, 70)
        self.model.setParent(self)
        self.model.dataChanged.connect(self.update_summary)
        self.model.modelReset.connect(self.update_summary)
        doc.field_changed.connect(self._stop_changed)

    def _stop_changed(self, record, name: str) -> None:
        if record is self.model.owner and name in ("end", "start"):
            self.model.record_changed(-1)

    def update_summary(self, *args) -> None:
        text, late = self.model.summary()
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b3261e; font-weight: bold;" if late else "color: palette(text);")
