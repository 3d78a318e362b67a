"""The trip's paperwork (format 2) beside its overview: the plan's necessity, expected effects,
budget, exchange rates and approval line, and the post-trip report's own text, expenses and
attachments. Edits go through the undo stack like every other field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from briefing.trip import model, schema
from briefing.ui.editors import values
from briefing.ui.editors.forms import FieldForm
from briefing.ui.editors.record_panel import RecordTablePanel

PLAN_ROWS = [("necessity",), ("expected_effects",), ("budget_code", "approval_line")]
BUDGET_COLUMNS = ["item", "amount", "currency", "basis"]
RATE_COLUMNS = ["currency", "rate", "as_of", "quoted_by"]
REPORT_ROWS = [("summary",), ("insights",), ("author", "date")]
ATTACHMENT_COLUMNS = ["title", "file"]
PLAN_TAB, REPORT_TAB = 1, 2


def _stacked(*widgets: QWidget, stretch: tuple[int, ...]) -> QWidget:
    """The widgets one above the other, the borders between them draggable."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    for widget, factor in zip(widgets, stretch, strict=True):
        splitter.addWidget(widget)
        splitter.setStretchFactor(splitter.count() - 1, factor)
    splitter.setChildrenCollapsible(False)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(splitter)
    return page


class TripPaperwork:
    """Builds the trip page's tabs: the overview form, the plan, the report."""

    def __init__(self, doc):
        self.necessity = FieldForm(doc, model.TripInfo, PLAN_ROWS)
        self.budget = RecordTablePanel(doc, model.BudgetItem, BUDGET_COLUMNS, stretch="basis")
        self.rates = RecordTablePanel(doc, model.ExchangeRate, RATE_COLUMNS, stretch="quoted_by")
        self.report = FieldForm(doc, model.Report, REPORT_ROWS)
        self.expenses = RecordTablePanel(doc, model.BudgetItem, BUDGET_COLUMNS, stretch="basis")
        self.attachments = RecordTablePanel(doc, model.Attachment, ATTACHMENT_COLUMNS,
                                            stretch="title")
        self.message = self.budget.message
        for panel in (self.rates, self.expenses, self.attachments):
            panel.message.connect(self.message)
        self.tabs: QTabWidget | None = None

    def tabs_with(self, overview_page: QWidget) -> QTabWidget:
        """The trip page: `overview_page` first, then a tab for the plan and one for the report."""
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(overview_page, values.label(schema.top("trip")))
        tabs.addTab(_stacked(self.necessity, self.budget, self.rates, stretch=(3, 3, 1)),
                    " · ".join(values.label(schema.field(model.TripInfo, n))
                               for n in ("necessity", "budget")))
        tabs.addTab(_stacked(self.report, self.expenses, self.attachments, stretch=(3, 2, 1)),
                    values.label(schema.field(model.TripInfo, "report")))
        self.tabs = tabs
        return tabs

    def bind(self, info: model.TripInfo) -> None:
        self.necessity.bind(info)
        self.budget.bind(info, "budget")
        self.rates.bind(info, "exchange_rates")
        self.report.bind(info.report)
        self.expenses.bind(info.report, "expenses")
        self.attachments.bind(info.report, "attachments")

    def focus(self, rest: tuple) -> bool:
        """Show the field at `rest` ('budget', 0, 'amount'; 'report', 'date'); False if not ours."""
        if not rest or self.tabs is None:
            return False
        tables = {"budget": self.budget, "exchange_rates": self.rates}
        if rest[0] in tables:
            self.tabs.setCurrentIndex(PLAN_TAB)
            _focus_cell(tables[rest[0]], rest[1:])
            return True
        if rest[0] in self.necessity.editors:
            self.tabs.setCurrentIndex(PLAN_TAB)
            return self.necessity.focus_field(rest[0])
        if rest[0] == "report":
            self.tabs.setCurrentIndex(REPORT_TAB)
            inner = rest[1:]
            tables = {"expenses": self.expenses, "attachments": self.attachments}
            if inner[:1] and inner[0] in tables:
                _focus_cell(tables[inner[0]], inner[1:])
                return True
            return self.report.focus_field(inner[0] if inner else "summary")
        self.tabs.setCurrentIndex(0)  # the overview's own fields
        return False


def _focus_cell(panel: RecordTablePanel, rest: tuple) -> None:
    row = rest[0] if rest and isinstance(rest[0], int) else 0
    panel.focus_cell(row, rest[1] if len(rest) > 1 and isinstance(rest[1], str) else "")
