"""The Problems dock: the trip's validation errors and warnings; double-click goes to the field."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem

from briefing.trip.problems import Problem
from briefing.ui import i18n
from briefing.ui.i18n import tr
from briefing.ui.icons import icon

PATH_ROLE = Qt.ItemDataRole.UserRole


class _ProblemTree(QTreeWidget):
    def sizeHint(self) -> QSize:  # a few lines: the editor above is what the user works in
        return QSize(600, 6 * self.fontMetrics().height())


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
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 260)
        self.tree.itemActivated.connect(self._activated)
        self.setWidget(self.tree)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)

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

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.activated.emit(path)
