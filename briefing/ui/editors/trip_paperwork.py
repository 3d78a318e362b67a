"""The trip's paperwork (format 2) beside its overview: the plan's necessity and budget, and the
post-trip report's own text. Edits go through the undo stack like every other field."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from briefing.trip import model, schema
from briefing.ui.editors import values
from briefing.ui.editors.forms import FieldForm
from briefing.ui.editors.record_panel import RecordTablePanel

BUDGET_COLUMNS = ["item", "amount", "currency", "basis"]
REPORT_ROWS = [("summary",), ("insights",), ("author", "date")]


class TripPaperwork:
    """Builds the trip page's tabs: the overview form, the plan (necessity, budget), the report."""

    def __init__(self, doc):
        self.necessity = FieldForm(doc, model.TripInfo, [("necessity",)])
        self.budget = RecordTablePanel(doc, model.BudgetItem, BUDGET_COLUMNS, stretch="basis")
        self.report = FieldForm(doc, model.Report, REPORT_ROWS)
        self.message = self.budget.message
        self.tabs: QTabWidget | None = None

    def tabs_with(self, overview_page: QWidget) -> QTabWidget:
        """The trip page: `overview_page` first, then a tab for the plan and one for the report."""
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(overview_page, values.label(schema.top("trip")))
        plan = QWidget()
        layout = QVBoxLayout(plan)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.necessity, 1)
        layout.addWidget(self.budget, 2)
        tabs.addTab(plan, " · ".join(values.label(schema.field(model.TripInfo, n))
                                     for n in ("necessity", "budget")))
        report = QWidget()
        QVBoxLayout(report).addWidget(self.report)
        tabs.addTab(report, values.label(schema.field(model.TripInfo, "report")))
        self.tabs = tabs
        return tabs

    def bind(self, info: model.TripInfo) -> None:
        self.necessity.bind(info)
        self.budget.bind(info, "budget")
        self.report.bind(info.report)

    def focus(self, rest: tuple) -> bool:
        """Show the field at `rest` ('budget', 0, 'amount'; 'report', 'date'); False if not ours."""
        if not rest or self.tabs is None:
            return False
        if rest[0] == "necessity":
            self.tabs.setCurrentIndex(1)
            return self.necessity.focus_field("necessity")
        if rest[0] == "budget":
            self.tabs.setCurrentIndex(1)
            row = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
            self.budget.focus_cell(row, rest[2] if len(rest) > 2 else "")
            return True
        if rest[0] == "report":
            self.tabs.setCurrentIndex(2)
            return self.report.focus_field(rest[1] if len(rest) > 1 else "summary")
        self.tabs.setCurrentIndex(0)  # the overview's own fields
        return False
