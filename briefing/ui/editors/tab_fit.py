"""Tab names that fit the tab bar: every tab stays in sight (no scroll arrows hiding the last
ones at 1024 pixels); when the names do not fit, the longest are shortened first, each keeping
its Alt key, and the tooltip gives the whole name."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTabWidget

_SUFFIX = re.compile(r"\(&(\w)\)$")  # the Korean way: '말씀자료(&T)'
_INLINE = re.compile(r"(?<!&)&(\w)")  # the English way: '&Talking points'


def shown(label: str) -> str:
    """What a tab shows for `label`: '&&' is one '&', a single '&' marks the Alt key."""
    return _SUFFIX.sub(lambda m: f"({m[1]})", label).replace("&&", "\0").replace("&", "").replace("\0", "&")


def shares(needs: list[int], room: int) -> list[int]:
    """Each name's width: a short name keeps all it needs, the long ones share what is left."""
    out = [0] * len(needs)
    left, count = room, len(needs)
    for i in sorted(range(len(needs)), key=needs.__getitem__):
        out[i] = max(min(needs[i], left // count), 0)
        left -= out[i]
        count -= 1
    return out


def shortened(label: str, metrics: QFontMetrics, room: int) -> str:
    """`label` cut to `room` pixels with '…', its Alt key kept as a '(&X)' at the end."""
    if metrics.horizontalAdvance(shown(label)) <= room:
        return label
    m = _SUFFIX.search(label) or _INLINE.search(label)
    letter = m[1] if m else ""
    name = shown(_SUFFIX.sub("", label))
    tail = f"({letter})" if letter else ""
    cut = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room - metrics.horizontalAdvance(tail), 0))
    return cut.replace("&", "&&") + (f"(&{letter})" if letter else "")


class FittingTabs(QObject):
    """Keeps the names of `tabs` within its width; `full(i)` is a tab's whole name."""

    fitted = Signal()  # some names were shortened or given back whole

    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self.tabs = tabs
        self.names: dict[QObject, str] = {}  # page -> its whole name
        bar = tabs.tabBar()
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideNone)  # shortened here, keeping the Alt key
        bar.setStyleSheet("QTabBar::tab { padding: 4px 6px; }")  # room for names, not margins
        # The names are shortened here, so the bar must not ask for the room of the whole names
        # (it would widen the window past a 1024-pixel screen).
        tabs.setMinimumWidth(240)
        tabs.installEventFilter(self)

    def full(self, index: int) -> str:
        page = self.tabs.widget(index)
        return self.names.get(page, self.tabs.tabText(index))

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LanguageChange):
            QTimer.singleShot(0, self.fit)
        return False

    def fit(self) -> None:
        tabs, bar = self.tabs, self.tabs.tabBar()
        count = tabs.count()
        if not count or tabs.width() <= 0:
            return
        labels = [self.full(i) for i in range(count)]
        for i, label in enumerate(labels):
            self.names[tabs.widget(i)] = label
        metrics = bar.fontMetrics()
        extra = [bar.tabSizeHint(i).width() - metrics.horizontalAdvance(shown(tabs.tabText(i)))
                 for i in range(count)]
        needs = [metrics.horizontalAdvance(shown(label)) for label in labels]
        room = tabs.width() - sum(extra) - 4
        changed = False
        for i, (label, share) in enumerate(zip(labels, shares(needs, room), strict=True)):
            text = shortened(label, metrics, share)
            if tabs.tabText(i) != text:
                tabs.setTabText(i, text)
                changed = True
        if changed:
            self.fitted.emit()
