"""The collisions of a merge shown side by side, theirs and mine, for the user to choose each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
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

    Mine is chosen until the user picks theirs; closing the dialog keeps the choices shown, so
    that nothing the user has not seen is dropped either way.
    """

    def __init__(self, result: merge.Merged, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Combine with the changed file"))
        self.result = result
        lang = language()
        layout = QVBoxLayout(self)
        intro = QLabel(tr(
            "{name} was changed by someone else while you had unsaved edits. Their changes and "
            "yours were combined; where you both changed the same thing, choose which to keep.",
            name=name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
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
                grid.addWidget(button, 1, column)
                grid.addWidget(value, 2, column)
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
        self.use = buttons.addButton(tr("Use the chosen versions"),
                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.use.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(760, min(640, 220 + 140 * len(result.collisions)))

    def _all(self, buttons: list[QRadioButton]) -> None:
        for button in buttons:
            button.setChecked(True)

    def choices(self) -> list[str]:
        return [merge.THEIRS if g.checkedId() == 0 else merge.MINE for g in self.groups]
