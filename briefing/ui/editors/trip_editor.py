"""The editing area: the outline on the left, the editor of what is selected on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from briefing.trip import model, places
from briefing.ui.editors.forms import FieldForm
from briefing.ui.editors.record_panel import RecordTablePanel
from briefing.ui.editors.stop_editor import StopEditor
from briefing.ui.editors.trip_paperwork import TripPaperwork
from briefing.ui.i18n import MENU_LETTERS
from briefing.ui.outline import SECTIONS, STOPS_ROW, OutlineModel, OutlineView
from briefing.ui.problem_marks import locate

OVERVIEW_ROWS = [
    ("title",), ("subtitle",), ("organization", "prepared_by"), ("start", "end"),
    ("home_timezone", "language"), ("marking", "version"), ("updated",), ("purpose",),
    ("objectives",),
]
TABLES = {  # section: (record type, columns, stretched column, detail form rows)
    "delegation": (model.Person, ["id", "name", "title", "organization", "role", "phone", "email"],
                   "organization", None),
    "stops": (model.Stop, ["date", "start", "end", "city", "title", "kind", "venue"], "title", None),
    "travel": (model.TravelLeg, ["mode", "carrier", "number", "origin", "destination", "depart",
                                 "depart_timezone", "arrive", "arrive_timezone", "reference", "notes"],
               "notes", None),
    "stays": (model.Stay, ["name", "city", "address", "phone", "check_in", "check_out", "notes"],
              "address", None),
    "contacts": (model.Contact, ["name", "role", "phone", "email", "notes"], "notes", None),
}


class TripEditor(QSplitter):
    message = Signal(str)

    def __init__(self, doc, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("mainSplitter")
        self.doc = doc
        self.outline_model = OutlineModel(doc, self)
        self.outline = OutlineView(self)
        self.outline.setModel(self.outline_model)
        self.outline.setMinimumWidth(200)
        self.pages = QStackedWidget(self)
        self.addWidget(self.outline)
        self.addWidget(self.pages)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([320, 960])
        self.setChildrenCollapsible(False)

        self.overview = FieldForm(doc, model.TripInfo, OVERVIEW_ROWS, taken=set(MENU_LETTERS))
        self.paperwork = TripPaperwork(doc)  # format 2: the plan's and the report's fields
        self.paperwork.message.connect(self.message)
        self.page_of: dict[str, QWidget] = {
            # scrolled as a whole: the report's many fields must not make the window taller
            # than a 700-pixel screen
            "trip": self._scrolled(self.paperwork.tabs_with(self._padded(self.overview, scroll=True)))}
        self.tables: dict[str, RecordTablePanel] = {}
        for key, (record_type, columns, stretch, detail) in TABLES.items():
            panel = RecordTablePanel(doc, record_type, columns, stretch=stretch, detail_rows=detail)
            panel.message.connect(self.message)
            self.tables[key] = panel
            self.page_of[key] = self._padded(panel)
        self.stop_editor = StopEditor(doc)
        self.stop_editor.message.connect(self.message)
        self.page_of["stop"] = self._padded(self.stop_editor)
        for page in self.page_of.values():
            self.pages.addWidget(page)

        self.outline.selectionModel().currentChanged.connect(self._current_changed)
        self.outline_model.rowsRemoved.connect(self._ensure_current)
        doc.reset.connect(self.rebind)
        self.rebind()

    @staticmethod
    def _padded(widget: QWidget, scroll: bool = False) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 12, 8)
        if scroll:
            area = QScrollArea(page)
            area.setWidgetResizable(True)
            area.setFrameShape(QScrollArea.Shape.NoFrame)
            area.setWidget(widget)
            widget = area
        layout.addWidget(widget)
        return page

    @staticmethod
    def _scrolled(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    def rebind(self) -> None:
        trip = self.doc.trip
        self.overview.bind(trip.info)
        self.paperwork.bind(trip.info)
        for key, panel in self.tables.items():
            panel.bind(trip, key)
        self.outline.expandAll()
        self.select_section("trip")

    # -- selection ------------------------------------------------------------------------------

    def _current_changed(self, current, _previous=None) -> None:
        kind, row = OutlineModel.section_of(current)
        if kind == "stop":
            self.stop_editor.bind(self.doc.trip.stops[row])
            self.pages.setCurrentWidget(self.page_of["stop"])
        elif kind:
            self.stop_editor.bind(None) if self.pages.currentWidget() is not self.page_of["stop"] else None
            self.pages.setCurrentWidget(self.page_of[kind])

    def _ensure_current(self, *args) -> None:
        index = self.outline.currentIndex()
        if not index.isValid():
            self.select_section("stops")
        else:
            self._current_changed(index)

    def select_index(self, index) -> None:
        self.outline.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._current_changed(index)

    def select_section(self, key: str) -> None:
        row = next(i for i, s in enumerate(SECTIONS) if s[0] == key)
        self.select_index(self.outline_model.index(row, 0))

    def select_stop(self, row: int) -> None:
        if 0 <= row < len(self.doc.trip.stops):
            self.outline.expand(self.outline_model.index(STOPS_ROW, 0))
            self.select_index(self.outline_model.stop_index(row))

    def current_stop_row(self) -> int:
        kind, row = OutlineModel.section_of(self.outline.currentIndex())
        return row if kind == "stop" else -1

    def focus_current_page(self) -> None:
        """Put the keyboard focus in the editor of what the outline has selected (Ctrl+2)."""
        page = self.pages.currentWidget()
        if page is self.page_of["stop"]:
            self.stop_editor.header.focus_field("title")
        elif page is self.page_of["trip"]:
            self.overview.focus_field("title")
        else:
            for key, panel in self.tables.items():
                if page is self.page_of[key]:
                    panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_to(self, path: str) -> None:
        """Show and focus the field a problem is about, e.g. 'stops[2].agenda[1].time'."""
        spot = locate(self.doc.trip, path)
        if spot is None:
            return
        if spot.stop >= 0:
            self.select_stop(spot.stop)
            if spot.table == "stops":
                self.stop_editor.focus_path((spot.name,) if spot.name else ())
            else:
                self.stop_editor.focus_path((spot.table, spot.row, spot.name))
        elif spot.section == "trip":
            self.select_section("trip")
            if not self.paperwork.focus(places.parse(path)[1:]) and spot.name:
                self.overview.focus_field(spot.name)
        elif spot.section in self.tables:
            self.select_section(spot.section)
            self.tables[spot.section].focus_cell(max(spot.row, 0), spot.name)
