"""The Problems dock: the trip's validation errors and warnings; double-click goes to the field."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from briefing.trip.problems import Problem
from briefing.ui import i18n
from briefing.ui.i18n import tr
from briefing.ui.icons import icon

PATH_ROLE = Qt.ItemDataRole.UserRole


class _Wrapped(QStyledItemDelegate):
    """Rows as tall as their texts wrapped to their columns' widths (QTreeView gives a row one
    line, word wrap or not)."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        tree = self.parent()
        width = tree.columnWidth(index.column()) - 8
        if index.column() == 0:
            width -= tree.iconSize().width() + 6 if not tree.iconSize().isEmpty() else 22
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        lines = tree.fontMetrics().boundingRect(
            QRect(0, 0, max(width, 20), 0), Qt.TextFlag.TextWordWrap, text).height()
        return QSize(size.width(), max(size.height(), lines + 4))


class _ProblemTree(QTreeWidget):
    def sizeHint(self) -> QSize:  # a few lines: the editor above is what the user works in
        return QSize(600, 6 * self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # its header and one line: "No problems found."
        return QSize(super().minimumSizeHint().width(), self.one_line())

    def one_line(self) -> int:
        return (self.header().sizeHint().height() + self.fontMetrics().height() + 8
                + 2 * self.frameWidth())


class ProblemsPanel(QDockWidget):
    activated = Signal(str)  # the field path of the problem the user picked
    counts_changed = Signal(int, int)  # errors, warnings

    def __init__(self, parent=None):
        super().__init__(tr("Problems"), parent)
        self.setObjectName("problemsDock")
        self.problems: list[Problem] = []
        self._shown: list[Problem] | None = None
        self._titles: list[str] | None = None
        self.tree = _ProblemTree(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Where"), tr("Message")])
        self.tree.setRootIsDecorated(False)
        # The whole place and message, wrapped ('… · 세부 일정 7행' was cut, said only in a
        # tooltip); rows grow to their lines, again when a column is widened or narrowed.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_Wrapped(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 260)
        self.tree.itemActivated.connect(self._activated)
        self.setWidget(self.tree)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.full_height = 0  # its height before it shrank to one line for an empty list
        self.visibilityChanged.connect(lambda shown: shown and QTimer.singleShot(0, self.fit_height))

    def set_problems(self, problems: list[Problem], trip=None) -> None:
        """Show `problems` in the window's language, stops named by their titles in `trip`."""
        titles = None if trip is None else [s.title for s in trip.stops]
        if problems == self._shown and titles == self._titles:
            return
        self._titles = titles
        self.problems = list(problems)
        self._shown = self.problems
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = []
        for problem in problems:
            lang = i18n.language()
            message = problem.describe(lang)
            item = QTreeWidgetItem([problem.place(lang, trip) or "—", message])
            item.setIcon(0, icon("mdi6.close-circle", "#c5221f") if problem.is_error
                         else icon("mdi6.alert", "#e37400"))
            item.setToolTip(1, message)
            item.setToolTip(0, problem.text(lang, trip))
            item.setData(0, PATH_ROLE, problem.path)
            items.append(item)
        if not items:
            item = QTreeWidgetItem(["", tr("No problems found.")])
            item.setIcon(0, icon("mdi6.check-circle", "#188038"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setUpdatesEnabled(True)
        errors = sum(p.is_error for p in problems)
        self.setWindowTitle(f"{tr('Problems')} — {tr('{e} errors, {w} warnings', e=errors, w=len(problems) - errors)}")
        self.counts_changed.emit(errors, len(problems) - errors)
        QTimer.singleShot(0, self.fit_height)

    def fit_height(self) -> None:
        """Docked under the editor: one line while there is nothing to list (its 130 pixels
        were the editor's), back to the height it had once there are problems."""
        window = self.parentWidget()
        if (not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible()
                or window.dockWidgetArea(self) != Qt.DockWidgetArea.BottomDockWidgetArea
                or window.tabifiedDockWidgets(self)):  # a tab beside the preview: its height
            return
        chrome = self.height() - self.tree.height()
        small = chrome + self.tree.one_line()
        if not self.problems:
            if self.height() > small:
                self.full_height = self.height()
                window.resizeDocks([self], [small], Qt.Orientation.Vertical)
        elif self.height() <= small + 2:
            default = 6 * self.fontMetrics().height() + 40  # as on the first run
            window.resizeDocks([self], [self.full_height or default], Qt.Orientation.Vertical)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.activated.emit(path)
