"""The agenda table: time, minutes, a computed end, item, lead, notes; the rows whose times the
Problems list warns about are tinted at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import QToolButton

from briefing.rules import schedule
from briefing.trip import model
from briefing.ui.commands import MoveCommand
from briefing.ui.editors.record_panel import RecordTablePanel
from briefing.ui.editors.table_models import RecordTableModel
from briefing.ui.i18n import tr
from briefing.ui.icons import icon
from briefing.ui.shortcuts import with_shortcut

END_COLUMN = 2
OVERLAP = QColor(255, 236, 200)
OVERRUN = QColor(253, 221, 221)


@dataclass
class AgendaTimes:
    """Computed once per change from briefing.schedule (the same findings the Problems list
    shows): each row's end, and which rows are flagged. No Qt."""

    agenda: schedule.Agenda | None = None
    overlapping: set[int] = field(default_factory=set)
    overrunning: set[int] = field(default_factory=set)  # past the stop's end
    early: set[int] = field(default_factory=set)  # before the stop begins
    unordered: set[int] = field(default_factory=set)  # before an earlier row: sort by time

    def text(self, moment) -> str:
        return schedule.clock_text(moment, self.agenda.day) if moment is not None else ""

    def end_text(self, row: int) -> str:
        rows = self.agenda.rows if self.agenda else ()
        return self.text(rows[row].end) if row < len(rows) else ""

    @property
    def flagged(self) -> set[int]:
        return self.overlapping | self.overrunning | self.early | self.unordered

    def reasons(self, row: int) -> list[str]:
        out = []
        for found in self.agenda.rows[row].findings if self.agenda else ():
            limit = self.text(found.limit)
            if found.kind == schedule.OVERLAP:
                out.append(tr("overlaps row {row} (until {end})", row=found.other + 1, end=limit))
            elif found.kind == schedule.OUT_OF_ORDER:
                out.append(tr("comes before row {row} ({start}): out of order", row=found.other + 1,
                              start=limit))
            elif found.kind == schedule.PAST_END:
                out.append(tr("runs past the stop's end ({end})", end=limit))
            elif found.kind == schedule.BEFORE_START:
                out.append(tr("starts before the stop begins ({start})", start=limit))
        return out


def agenda_times(stop: model.Stop | None) -> AgendaTimes:
    if stop is None:
        return AgendaTimes()
    times = schedule.agenda(stop)
    return AgendaTimes(times, times.flagged(schedule.OVERLAP), times.flagged(schedule.PAST_END),
                       times.flagged(schedule.BEFORE_START), times.flagged(schedule.OUT_OF_ORDER))


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
            if row in self.times.overrunning or row in self.times.early:
                return QBrush(OVERRUN)
            if row in self.times.overlapping or row in self.times.unordered:
                return QBrush(OVERLAP)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and row in self.times.flagged:
            return " · ".join(self.times.reasons(row))
        if index.column() == END_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.times.end_text(row)
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
        agenda = self.times.agenda
        if agenda is None or agenda.last_end is None:
            return "", False
        end = self.times.text(agenda.last_end)
        if agenda.end is None:
            return tr("ends {end}", end=end), False
        text = tr("ends {end} · stop ends {stop}", end=end, stop=self.times.text(agenda.end))
        if self.times.overlapping:
            text += " · " + tr("{n} overlapping", n=len(self.times.overlapping))
        if self.times.unordered:
            text += " · " + tr("{n} out of order", n=len(self.times.unordered))
        return text, bool(self.times.overrunning or self.times.overlapping)


class AgendaPanel(RecordTablePanel):
    def __init__(self, doc, parent=None):
        super().__init__(doc, model.AgendaItem, model=AgendaTableModel(doc), stretch="item",
                         parent=parent)
        self.view.setColumnWidth(END_COLUMN, 70)
        self.model.setParent(self)
        self.model.dataChanged.connect(self.update_summary)
        self.model.modelReset.connect(self.update_summary)
        doc.field_changed.connect(self._stop_changed)
        sort = QAction(icon("mdi6.sort-clock-ascending-outline"), tr("Sort by time"), self)
        with_shortcut(sort, tr("Put the rows in the order of their times (one undo step)"))
        sort.triggered.connect(self.sort_by_time)
        self.view.addAction(sort)
        self.actions["sort"] = sort
        button = QToolButton(self)
        button.setDefaultAction(sort)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        self.buttons.insertWidget(self.buttons.count() - 1, button)  # before the stretch

    def sort_by_time(self) -> None:
        """The rows in the order of their times, rows without a time last, equal times kept in
        their order; one undo step."""
        items = self.model.items
        order = sorted(items, key=lambda a: (a.time is None, a.time or dt.time()))
        if self.model.owner is None or order == items:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(tr("Sort by time"))
        for target, record in enumerate(order):
            source = next(i for i, item in enumerate(items) if item is record)
            if source != target:
                stack.push(MoveCommand(self.doc, items, source, target, tr("Sort by time")))
        stack.endMacro()

    def _stop_changed(self, record, name: str) -> None:
        if record is self.model.owner and name in ("end", "start"):
            self.model.record_changed(-1)

    def update_summary(self, *args) -> None:
        text, late = self.model.summary()
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        self.summary.setStyleSheet("color: #b3261e; font-weight: bold;" if late else "color: palette(text);")
