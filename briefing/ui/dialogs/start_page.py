"""What the window shows with no trip open: new, open, recent trips, the example."""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.i18n import tr
from briefing.ui.icons import icon


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    example_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(tr("Briefing"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(tr("Delegation trip briefing books"), self)
        subtitle.setStyleSheet("color: #5f6368;")

        self.buttons = []
        column = QVBoxLayout()
        column.setSpacing(8)
        for text, icon_name, signal in (
            (tr("New trip"), "mdi6.file-document-plus-outline", self.new_requested),
            (tr("Open…"), "mdi6.folder-open-outline", self.open_requested),
            (tr("Open the example trip"), "mdi6.book-open-variant", self.example_requested),
        ):
            button = QPushButton(icon(icon_name), "  " + text, self)
            button.setIconSize(QSize(22, 22))
            button.setMinimumHeight(40)
            button.setMinimumWidth(240)
            button.setStyleSheet("text-align: left; padding-left: 12px;")
            button.clicked.connect(signal)
            column.addWidget(button)
            self.buttons.append(button)
        column.addStretch(1)

        recent_title = QLabel(tr("Recent trips"), self)
        bold = recent_title.font()
        bold.setBold(True)
        recent_title.setFont(bold)
        self.recent = QListWidget(self)
        self.recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent.setIconSize(QSize(20, 20))
        self.recent.setMinimumWidth(380)
        self.recent.itemActivated.connect(self._activated)
        recent_title.setBuddy(self.recent)
        recent_title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.recent.setMaximumHeight(420)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(recent_title)
        right.addWidget(self.recent, 1)
        right.addStretch(0)

        row = QHBoxLayout()
        row.setSpacing(32)
        row.addLayout(column)
        row.addLayout(right, 1)

        body = QVBoxLayout()
        body.addWidget(title)
        body.addWidget(subtitle)
        body.addSpacing(24)
        body.addLayout(row, 1)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget(self)
        inner.setLayout(body)
        inner.setMaximumWidth(900)
        outer.addWidget(inner, 4)
        outer.addStretch(1)
        outer.setContentsMargins(40, 48, 40, 40)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(icon("mdi6.file-document-outline"), os.path.basename(path))
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setText(f"{os.path.basename(path)}\n{os.path.dirname(path)}")
            self.recent.addItem(item)
        if not paths:
            item = QListWidgetItem(tr("No recent trips yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recent_requested.emit(path)
