"""Tab names that are always whole: the names are buttons that wrap onto a second or third row
when the editor is narrow (1024 pixels with the live preview open), instead of a tab bar that
shortened them down to their Alt letters. The pages stay in a QTabWidget (its bar hidden), so
the rest of the window keeps speaking to tabs."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QLayout,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

MIN_PAGE_LINES = 9  # the least height of a page, in lines of text
_SUFFIX = re.compile(r"\(&(\w)\)$")  # the Korean way: '말씀자료(&T)'


def shown(label: str) -> str:
    """What a tab shows for `label`: '&&' is one '&', a single '&' marks the Alt key."""
    return _SUFFIX.sub(lambda m: f"({m[1]})", label).replace("&&", "\0").replace("&", "").replace("\0", "&")


class FlowLayout(QLayout):
    """Items side by side, onto the next row when the width runs out; its height follows."""

    def __init__(self, parent=None, spacing: int = 2):
        super().__init__(parent)
        self.items = []
        self.gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int):
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int):
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    # Not a height-for-width layout: a box layout would ask it for its height at its narrowest
    # (a column of all the names) and make the window taller than a 700-pixel screen. The
    # height it needs at the width it has is given as its minimum instead.
    def setGeometry(self, rect) -> None:
        super().setGeometry(rect)
        self.needed = self._place(rect, move=True)
        if self.needed != self.minimumSize().height():
            self.invalidate()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self.items:
            size = size.expandedTo(item.minimumSize())
        return QSize(size.width(), max(size.height(), getattr(self, "needed", 0)))

    def _place(self, rect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self.items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self.gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.gap
            line = max(line, hint.height())
        return y + line - rect.y()


class SectionTabs(QTabWidget):
    """A QTabWidget whose names are wrapping buttons (`self.names`, put above the pages by
    `holder`); a name's Alt key shows its page and emits `entered`, for the focus to follow."""

    entered = Signal(int)  # a tab was chosen by its Alt key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tabBar().hide()
        self.setDocumentMode(True)
        self.names = QWidget()
        self.names.setObjectName("sectionNames")
        self.names.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.flow = FlowLayout(self.names)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.setCurrentIndex)
        self.currentChanged.connect(self._check)
        self.names.setStyleSheet(
            "QToolButton { padding: 3px 6px; border: 1px solid transparent; border-radius: 3px; }"
            "QToolButton:checked { background: palette(base); border-color: palette(mid);"
            " border-bottom: 2px solid palette(highlight); }")
        self.holder = QWidget()
        layout = QVBoxLayout(self.holder)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.names)
        layout.addWidget(self, 1)

    def minimumSizeHint(self) -> QSize:
        # The tallest page (a table over a form) must not set the window's least height: at
        # 1024×700 the window would not fit the screen (its status bar hidden under the edge).
        hint = super().minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), MIN_PAGE_LINES * self.fontMetrics().lineSpacing()))

    def button(self, index: int) -> QToolButton | None:
        return self.group.button(index)

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._rebuild()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self._rebuild()

    def _rebuild(self) -> None:
        for old in self.group.buttons():
            self.group.removeButton(old)
            self.flow.removeWidget(old)
            old.hide()  # at once: until deleted, its Alt key would make the new one's ambiguous
            old.setParent(None)
            old.deleteLater()
        for i in range(self.count()):
            button = QToolButton(self.names)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the fields
            button.setText(self.tabText(i))
            button.setIcon(self.tabIcon(i))
            button.setToolTip(self.tabToolTip(i))
            button.installEventFilter(self)
            self.group.addButton(button, i)
            self.flow.addWidget(button)
        self._check(self.currentIndex())

    def _check(self, index: int) -> None:
        button = self.group.button(index)
        if button is not None:
            button.setChecked(True)

    def eventFilter(self, obj, event) -> bool:
        # A name's Alt key shows its page (at once, not after the button's animated click).
        if event.type() == QEvent.Type.Shortcut and isinstance(obj, QToolButton):
            index = self.group.id(obj)
            if index >= 0:
                self.setCurrentIndex(index)
                self.entered.emit(index)
                return True
        return False

    # The names mirror the tabs' own text, icon and tooltip.
    def setTabText(self, index: int, text: str) -> None:
        super().setTabText(index, text)
        if (button := self.group.button(index)) is not None:
            button.setText(text)

    def setTabIcon(self, index: int, icon_: QIcon) -> None:
        super().setTabIcon(index, icon_)
        if (button := self.group.button(index)) is not None:
            button.setIcon(icon_)

    def setTabToolTip(self, index: int, tip: str) -> None:
        super().setTabToolTip(index, tip)
        if (button := self.group.button(index)) is not None:
            button.setToolTip(tip)
