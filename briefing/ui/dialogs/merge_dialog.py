"""The collisions of a merge shown side by side, theirs and mine, for the user to choose each, and
the rest of their changes, taken in, listed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.i18n import language, tr
from briefing.versions import merge


class MergeDialog(QDialog):
    """One box per collision: where it is, then theirs (the file) beside mine (this window).

    Mine is chosen until the user picks theirs; neither key chooses for the user: Enter uses the
    choices shown (mine, unless a box was changed), Esc or closing puts the whole merge off
    (`postponed`), so that nothing is dropped that the user did not choose to drop.
    """

    def __init__(self, result: merge.Merged, name: str, parent=None, intro: str | None = None,
                 taken: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Combine with the changed file"))
        self.result = result
        lang = language()
        layout = QVBoxLayout(self)
        intro = QLabel(intro or tr(
            "{name} was changed by someone else while you had unsaved edits. Their changes and "
            "yours were combined; where you both changed the same thing, choose which to keep.",
            name=name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.taken = QListWidget()  # what else their version changes: seen, not just counted
        self.taken.addItems(taken or [])
        if taken:
            label = QLabel(tr("Their other changes, taken in ({n}):", n=len(taken)))
            label.setBuddy(self.taken)
            layout.addWidget(label)
            self.taken.setWordWrap(True)  # a line in full, never scrolled sideways
            self.taken.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.taken.setMaximumHeight(110)
            layout.addWidget(self.taken)
        else:
            self.taken.hide()
        body = QWidget()
        rows = QVBoxLayout(body)
        self.groups: list[QButtonGroup] = []
        self.theirs_buttons: list[QRadioButton] = []
        self.mine_buttons: list[QRadioButton] = []
        for c in result.collisions:
            box = QGroupBox()
            grid = QGridLayout(box)
            place = QLabel(c.place(lang, result.trip))  # wrapped: a long place must not widen
            place.setObjectName("place")
            place.setWordWrap(True)
            place.setTextFormat(Qt.TextFormat.PlainText)
            place.setStyleSheet("font-weight: bold")
            grid.addWidget(place, 0, 0, 1, 2)
            if c.reason(lang):  # two changes of different fields that break a rule together
                why = QLabel(c.reason(lang))
                why.setObjectName("reason")
                why.setWordWrap(True)
                why.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(why, 1, 0, 1, 2)
            group = QButtonGroup(box)
            for column, (side, word) in enumerate(((merge.THEIRS, tr("Theirs (in the file)")),
                                                   (merge.MINE, tr("Mine (in this window)")))):
                button = QRadioButton(word)
                group.addButton(button, column)
                value = QLabel(c.text(side, lang))
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                value.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(button, 2, column)
                grid.addWidget(value, 3, column)
                grid.setColumnStretch(column, 1)
                (self.theirs_buttons if side == merge.THEIRS else self.mine_buttons).append(button)
            group.button(1).setChecked(True)
            self.groups.append(group)
            rows.addWidget(box)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.all_theirs = QPushButton(tr("All theirs"))
        self.all_mine = QPushButton(tr("All mine"))
        self.all_theirs.clicked.connect(lambda: self._all(self.theirs_buttons))
        self.all_mine.clicked.connect(lambda: self._all(self.mine_buttons))
        buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ResetRole)
        self.later = buttons.addButton(tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.use = buttons.addButton(tr("Use the chosen versions"),
                                     QDialogButtonBox.ButtonRole.AcceptRole)
        # No button becomes the default by having the focus: Enter is always `use`'s
        for button in (self.all_theirs, self.all_mine, self.later, self.use):
            button.setAutoDefault(False)
        self.use.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, min(640, 220 + 140 * len(result.collisions) + (130 if taken else 0)))
        self.use.setFocus()

    @property
    def postponed(self) -> bool:
        """Esc, closing or Decide later: nothing chosen, nothing combined yet."""
        return QDialog.result(self) != QDialog.DialogCode.Accepted  # self.result: the merge

    def _all(self, buttons: list[QRadioButton]) -> None:
        for button in buttons:
            button.setChecked(True)

    def choices(self) -> list[str]:
        return [merge.THEIRS if g.checkedId() == 0 else merge.MINE for g in self.groups]
