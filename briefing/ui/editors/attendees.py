"""A stop's attendees: a button that says who ("Everyone (5)", "이동환, 홍길동") and opens a
checkable list of the delegation with an "Everyone" choice.

The value is None for the whole delegation, or a list of delegation ids (possibly empty). Ids that
are not in the delegation are listed too, checked, so that picking never loses them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
)

from briefing.ui.editors import values
from briefing.ui.editors.field_editors import FieldEditor
from briefing.ui.i18n import tr

EVERYONE = None  # the model's value for "the whole delegation"
KEY_ROLE = Qt.ItemDataRole.UserRole


def summary(trip, chosen: list[str] | None) -> str:
    """What the button says: 'Everyone (5)', 'Nobody', or the names in order."""
    if chosen is None:
        return tr("Everyone ({n})", n=len(trip.delegation))
    if not chosen:
        return tr("Nobody")
    names = []
    for key in chosen:
        person = trip.person(key)
        names.append(person.name if person is not None and person.name else key)
    return ", ".join(names)


def toggled(trip, chosen: list[str] | None, key: str | None) -> list[str] | None:
    """The attendees after the user flips `key` (None: the "Everyone" line)."""
    members = [p.key for p in trip.delegation]
    if key is None:
        return [] if chosen is None else None  # off "Everyone": start from nobody and pick
    if chosen is None:
        return [k for k in members if k != key]  # everyone but the one unticked
    if key in chosen:
        return [k for k in chosen if k != key]
    # In delegation order among the ids already there; the file's own order is otherwise kept.
    rank = {k: i for i, k in enumerate(members)}
    out = list(chosen)
    position = next((i for i, k in enumerate(out) if rank.get(k, -1) > rank.get(key, -1)), len(out))
    out.insert(position, key)
    return out


class ElidedButton(QPushButton):
    """A push button whose text is cut with "…" to the width it gets, rather than widening it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("text-align: left; padding: 3px 8px;")

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(self.width() - 24, 40)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))


class AttendeeList(QListWidget):
    """The popup's list: a click or Space flips a line (the check boxes only show the state)."""

    flipped = Signal(object)  # a delegation id, or None for "Everyone"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.itemClicked.connect(lambda item: self.flipped.emit(item.data(KEY_ROLE)))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and self.currentItem() is not None:
            self.flipped.emit(self.currentItem().data(KEY_ROLE))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.window().close()
            return
        super().keyPressEvent(event)


class AttendeePopup(QFrame):
    """The list that drops down under the button; Escape, Enter or a click outside closes it."""

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = AttendeeList(self)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.list)

    def fill(self, trip, chosen: list[str] | None) -> None:
        current = self.list.currentRow()
        self.list.clear()
        everyone = QListWidgetItem(tr("Everyone ({n})", n=len(trip.delegation)))
        everyone.setData(KEY_ROLE, None)
        everyone.setToolTip(tr("The whole delegation, including people added later"))
        self._add(everyone, chosen is None)
        bold = everyone.font()
        bold.setBold(True)
        everyone.setFont(bold)
        for person in trip.delegation:
            text = f"{person.name or person.key} — {person.title}" if person.title else (person.name or person.key)
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, person.key)
            item.setToolTip(person.key)
            self._add(item, chosen is None or person.key in chosen)
        members = {p.key for p in trip.delegation}
        for key in chosen or []:
            if key not in members:
                item = QListWidgetItem(tr("{id} (not in the delegation)", id=key))
                item.setData(KEY_ROLE, key)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                self._add(item, True)
        self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))

    def _add(self, item: QListWidgetItem, checked: bool) -> None:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def show_under(self, widget) -> None:
        """Drop down under `widget`, wide enough for the longest name, high enough for 14 lines."""
        lst = self.list
        count = lst.count()
        bold = lst.font()
        bold.setBold(True)
        widest = max((QFontMetrics(bold).horizontalAdvance(lst.item(i).text()) for i in range(count)),
                     default=0)  # bold for all: a little room to spare
        check = lst.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        row = max(lst.sizeHintForRow(0), lst.fontMetrics().height() + 6)
        shown = min(count, 14)
        scroll = lst.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) if count > shown else 0
        width = max(widget.width(), widest + check + scroll + 48)
        self.resize(width, shown * row + 2 * lst.frameWidth() + 4)
        self.move(widget.mapToGlobal(QPoint(0, widget.height())))
        self.show()
        lst.setFocus()


class AttendeesEditor(FieldEditor):
    """The stop's attendees: every flip in the list is one undo step."""

    def __init__(self, doc, f, parent=None):
        button = ElidedButton(parent)
        super().__init__(doc, f, button)
        self.popup = AttendeePopup(button)
        self.popup.list.flipped.connect(self.flip)
        button.clicked.connect(self.open_list)
        doc.field_changed.connect(self._maybe_person_changed)
        for signal in (doc.inserted, doc.removed, doc.moved):
            signal.connect(self._maybe_delegation_changed)

    def value(self) -> list[str] | None:
        return None if self.record is None else self.record.attendees

    def open_list(self) -> None:
        if self.record is None:
            return
        self.popup.fill(self.doc.trip, self.value())
        self.popup.show_under(self.widget)

    def flip(self, key: str | None) -> None:
        if self.record is None:
            return
        self.commit(toggled(self.doc.trip, self.value(), key), merge=False)
        self.refresh()

    def show_value(self, value) -> None:
        text = summary(self.doc.trip, value) if self.record is not None else ""
        self.widget.set_full_text(text)
        self.widget.setToolTip(text + "\n" + values.description(self.field) if text else values.description(self.field))
        self.widget.setAccessibleName(values.label(self.field))
        self.widget.setAccessibleDescription(text)
        if self.popup.isVisible():
            self.popup.fill(self.doc.trip, value)

    def _maybe_person_changed(self, record, _name: str) -> None:
        if self.record is not None and any(record is p for p in self.doc.trip.delegation):
            self.refresh()

    def _maybe_delegation_changed(self, items, *_args) -> None:
        if self.record is not None and items is self.doc.trip.delegation:
            self.refresh()
