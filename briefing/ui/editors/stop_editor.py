"""The editor of one stop: its header fields, then tabs for purpose, agenda, talking points,
Q&A, counterparts, background, protocol, logistics and notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from briefing.trip import model, schema
from briefing.ui import i18n, problem_marks
from briefing.ui.editors import results_tab, values
from briefing.ui.editors.agenda import AgendaPanel
from briefing.ui.editors.forms import FieldForm
from briefing.ui.editors.points_editor import PointsEditor
from briefing.ui.editors.record_panel import RecordTablePanel
from briefing.ui.editors.tab_fit import SectionTabs
from briefing.ui.i18n import MENU_LETTERS, STOP_TAB_LETTERS, tr

# The last field of a short row takes the rest of it: the host and the interpreter get two
# columns and the address a whole row, so that their long values are not cut off at 1024 pixels.
HEADER_ROWS = [
    ("title",), ("kind", "host"), ("date", "start", "end"), ("timezone", "city", "country"),
    ("press", "interpreter"), ("attendees", "dress_code", "venue"), ("address",),
]
# (the tab's Alt key, what it holds): a list attribute shown as a table, or text fields in a
# form; the tab is named by the declared words of what it holds (briefing.schema).
TABS = [
    ("P", [("purpose",), ("outcomes",)]),
    ("G", "agenda"),
    ("T", "talking_points"),
    ("Q", "questions"),
    ("C", "counterparts"),
    ("B", [("background",)]),
    ("R", [("protocol",)]),
    ("L", [("logistics",)]),
    ("N", [("notes",)]),
]


def tab_label(letter: str, content) -> str:
    names = [content] if isinstance(content, str) else [n for row in content for n in row]
    fields = [schema.field(model.Stop, n) for n in names]
    joiner = "·" if i18n.language() == "ko" else " & "
    english = " & ".join(f.en for f in fields)
    return i18n.with_mnemonic(english, letter, joiner.join(values.label(f) for f in fields))


# Keys that switch the tabs from anywhere in the stop editor, the header's fields included.
NEXT_TAB_KEYS = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_TAB_KEYS = ("Ctrl+Shift+Tab", "Ctrl+PgUp")


class StopEditor(QWidget):
    message = Signal(str)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.stop = None
        around = set(MENU_LETTERS | STOP_TAB_LETTERS)
        results_letter = results_tab.pick_letter(around)
        self.header = FieldForm(doc, model.Stop, HEADER_ROWS, columns=3, taken=around)
        header_scroll = QScrollArea()
        header_scroll.setWidget(self.header)
        header_scroll.setWidgetResizable(True)
        header_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Three rows at least; on a low screen the rest scrolls rather than push the window
        # past the screen's edge.
        row = self.header.editors["title"].widget.sizeHint().height() + 6
        header_scroll.setMinimumHeight(min(self.header.sizeHint().height() + 4, 3 * row))
        header_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.tabs = SectionTabs()  # every name whole, on more rows when narrow
        self.tabs.entered.connect(lambda _i: QTimer.singleShot(0, self.focus_tab_page))
        self.forms: list[FieldForm] = []
        self.tables: dict[str, RecordTablePanel] = {}
        self.tab_of: dict[str, int] = {}
        for letter, content in TABS:
            if isinstance(content, str):
                widget = self._table(content, set(around))
                self.tables[content] = widget
                self.tab_of[content] = self.tabs.count()
            else:
                # a tab with one text box is reached by the tab's own Alt key
                widget = FieldForm(doc, model.Stop, content,
                                   taken=set(around) if len(content) > 1 else None)
                page = QWidget()
                layout = QVBoxLayout(page)
                layout.setContentsMargins(8, 8, 8, 8)
                layout.addWidget(widget)
                self.forms.append(widget)
                for row in content:
                    for name in row:
                        self.tab_of[name] = self.tabs.count()
                widget = page
            self.tabs.addTab(widget, tab_label(letter, content))
        self.results_tab = results_tab.add_to(self, results_letter)  # format 2: results, follow-ups

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("stopSplitter")
        splitter.addWidget(header_scroll)
        splitter.addWidget(self.tabs.holder)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # The tab widget knows these keys only while the focus is inside one of its pages.
        self.tab_shortcuts: list[QShortcut] = []
        for keys, step in ((NEXT_TAB_KEYS, 1), (PREVIOUS_TAB_KEYS, -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda step=step: self.step_tab(step))
                self.tab_shortcuts.append(shortcut)
        native = QKeySequence.SequenceFormat.NativeText
        self.switch_tip = tr(
            "Next tab: {next}; previous tab: {previous}",
            next=" / ".join(QKeySequence(k).toString(native) for k in NEXT_TAB_KEYS),
            previous=" / ".join(QKeySequence(k).toString(native) for k in PREVIOUS_TAB_KEYS))
        self.marks = problem_marks.marks_of(doc)
        self.marks.changed.connect(self.show_marks)

    def focus_tab_page(self) -> None:
        """The focus on the first field of the tab shown (its table, its text box)."""
        page = self.tabs.currentWidget()
        widget = page.nextInFocusChain() if page is not None else None
        while widget is not None and widget is not page:
            if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def step_tab(self, step: int) -> None:
        """Show the next (1) or previous (-1) tab, round the end as the tab bar does."""
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _table(self, attr: str, taken: set[str]) -> RecordTablePanel:
        doc = self.doc
        if attr == "agenda":
            panel = AgendaPanel(doc)
        elif attr == "talking_points":
            panel = PointsEditor(doc, model.TalkingPoint, ("text", "details"),
                                 ("speaker", "key", "internal"))
        elif attr == "questions":
            panel = PointsEditor(doc, model.Question, ("question", "answer"), ("internal",),
                                 labelled=True)
        else:
            panel = RecordTablePanel(
                doc, model.Counterpart, ["name", "title", "organization", "address_as"],
                stretch="organization", detail_rows=[("bio",)], taken=taken)
        panel.message.connect(self.message)
        return panel

    def bind(self, stop) -> None:
        self.stop = stop
        self.header.bind(stop)
        for form in self.forms:
            form.bind(stop)
        for attr, panel in self.tables.items():
            panel.bind(stop, attr)
        self.results_tab.bind(stop)
        self.show_marks()

    def show_marks(self) -> None:
        """An icon on each tab that holds a problem of this stop, the count in its tooltip."""
        found: dict[int, list] = {}
        for spot, problem in self.marks.inside(self.stop):
            tab = self.tab_of.get(spot.part)
            if tab is not None:
                found.setdefault(tab, []).append(problem)
        for tab in range(self.tabs.count()):
            problems = found.get(tab, [])
            self.tabs.setTabIcon(tab, problem_marks.icon_for(problems) or QIcon())
            count = problem_marks.count_text(problems) if problems else ""
            self.tabs.setTabToolTip(tab, "\n".join(t for t in (count, self.switch_tip) if t))

    def focus_path(self, rest: tuple) -> None:
        """Show the field at `rest` ('agenda', 1, 'time'), relative to this stop."""
        if not rest:
            self.header.focus_field("title")
            return
        name = rest[0]
        if name in self.tab_of:
            self.tabs.setCurrentIndex(self.tab_of[name])
        if self.results_tab.focus_path(rest):
            return
        if name in self.tables:
            row = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
            column = rest[2] if len(rest) > 2 and isinstance(rest[2], str) else ""
            self.tables[name].focus_cell(row, column)
            return
        for form in [self.header, *self.forms]:
            if form.focus_field(name):
                return
