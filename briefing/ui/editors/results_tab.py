"""The stop's Results tab (format 2): what each side said (주요 면담 내용), what happened at the
stop, and the follow-up actions agreed there, for the post-trip report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from briefing.trip import model, schema
from briefing.ui import i18n
from briefing.ui.editors import values
from briefing.ui.editors.forms import FieldForm
from briefing.ui.editors.record_panel import RecordTablePanel

FOLLOW_UP_COLUMNS = ["action", "owner", "due", "done"]
DISCUSSION_COLUMNS = ["side", "speaker", "text"]


def pick_letter(taken: set[str]) -> str:
    """The tab's Alt letter, added to `taken`: picked before the other tabs' fields pick theirs,
    since the tab's name is on screen beside every one of them."""
    letter = i18n.pick_mnemonic(schema.field(model.Stop, "results").en, taken)
    taken.add(letter)
    return letter


def add_to(editor, letter: str) -> ResultsTab:
    """Add the Results tab, with Alt `letter`, to a StopEditor (after its other tabs)."""
    tab = ResultsTab(editor.doc)
    field = schema.field(model.Stop, "results")
    for name in ("discussion", "results", "follow_up"):
        editor.tab_of[name] = editor.tabs.count()
    editor.tabs.addTab(tab, i18n.with_mnemonic(field.en, letter, values.label(field)))
    tab.message.connect(editor.message)
    return tab


class ResultsTab(QWidget):
    """What was said, the results text and the follow-up table, in the order the report prints
    them; each edits the bound stop through the undo stack."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.discussion = RecordTablePanel(doc, model.Remark, DISCUSSION_COLUMNS, stretch="text")
        self.results = FieldForm(doc, model.Stop, [("results",)])
        self.follow_up = RecordTablePanel(doc, model.FollowUp, FOLLOW_UP_COLUMNS, stretch="action")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.discussion)
        splitter.addWidget(self.results)
        splitter.addWidget(self.follow_up)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.message = self.follow_up.message  # a refused cell value, for the status bar
        self.discussion.message.connect(self.message)

    def bind(self, stop) -> None:
        self.discussion.bind(stop, "discussion")
        self.results.bind(stop)
        self.follow_up.bind(stop, "follow_up")

    def focus_path(self, rest: tuple) -> bool:
        """Show the field at `rest` ('follow_up', 1, 'due' or 'results'); False if not ours."""
        if rest[:1] == ("results",):
            return self.results.focus_field("results")
        tables = {"follow_up": self.follow_up, "discussion": self.discussion}
        if rest[:1] and rest[0] in tables:
            row = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
            column = rest[2] if len(rest) > 2 and isinstance(rest[2], str) else ""
            tables[rest[0]].focus_cell(row, column)
            return True
        return False
