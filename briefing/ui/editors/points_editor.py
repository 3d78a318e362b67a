"""A writing surface for talking points and Q&A: one card a point, its text wrapped and shown in
full as the printed page shows it, edited in place, with its speaker and key/internal toggles
beside it; cards reordered by dragging their grip or with Alt+Up / Alt+Down, every change an
undo step on the window's stack."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDrag, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.trip import schema
from briefing.ui.commands import InsertCommand, MoveCommand, remove_rows
from briefing.ui.editors import values
from briefing.ui.editors.field_editors import BoolEditor, FieldEditor, make_editor
from briefing.ui.editors.record_panel import ROW_KEYS
from briefing.ui.i18n import tr
from briefing.ui.icons import icon
from briefing.ui.problem_marks import STYLE, marks_of, show_mark
from briefing.ui.shortcuts import with_shortcut

POINT_MIME = "application/x-briefing-point"
# A card narrower than this many average letters puts its side fields under its text.
NARROW_CARD = 100
REVEAL_MS = 1500  # how long a new card is kept in sight while the cards settle


class _FitToText(QObject):
    """Keeps a text box as tall as its wrapped text: on each change of the text's size, and
    after each resize (a narrower box wraps into more lines)."""

    def __init__(self, box: QPlainTextEdit, min_lines: int):
        super().__init__(box)
        self.box, self.min_lines = box, min_lines
        box.document().documentLayout().documentSizeChanged.connect(self.later)
        box.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.later()
        return False

    def later(self, *_args) -> None:
        QTimer.singleShot(0, self.fit)  # once the layout has settled

    def fit(self) -> None:
        box = self.box
        lines = max(int(box.document().documentLayout().documentSize().height()), self.min_lines)
        margins = box.contentsMargins()
        height = (lines * box.fontMetrics().lineSpacing() + 2 * int(box.document().documentMargin())
                  + margins.top() + margins.bottom() + 2)
        if box.height() != height:
            box.setFixedHeight(height)


def fit_to_text(box: QPlainTextEdit, min_lines: int = 1) -> None:
    """Make a text box exactly as tall as its wrapped text: no scroll bar, nothing hidden."""
    box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    box.setMinimumHeight(0)
    _FitToText(box, min_lines).fit()


class Grip(QLabel):
    """The handle a card is dragged by; it carries the card's row."""

    def __init__(self, surface: PointsEditor, card: Card):
        super().__init__(card)
        self.surface, self.card = surface, card
        self.setPixmap(icon("mdi6.drag-vertical").pixmap(18, 18))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(tr("Drag to move; or Alt+Up / Alt+Down"))
        self._pressed: QPoint | None = None

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position().toPoint()

    def mouseMoveEvent(self, event) -> None:
        if self._pressed is None or (event.position().toPoint() - self._pressed).manhattanLength() \
                < QApplication.startDragDistance():
            return
        self._pressed = None
        data = QMimeData()
        data.setData(POINT_MIME, QByteArray(str(self.card.row).encode()))
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.setPixmap(self.card.grab().scaledToWidth(min(self.card.width(), 400)))
        drag.exec(Qt.DropAction.MoveAction)


class Card(QFrame):
    """One record: a number and grip, its long fields one under the other, its short ones beside."""

    def __init__(self, surface: PointsEditor, row: int, record):
        super().__init__(surface.cards_holder)
        self.surface, self.row, self.record = surface, row, record
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.editors: dict[str, FieldEditor] = {}
        doc = surface.doc
        fields = {f.name: f for f in schema.fields_of(type(record))}
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        number = QLabel(f"{row + 1}", self)
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        number.setMinimumWidth(number.fontMetrics().horizontalAdvance("99"))
        grid.addWidget(number, 0, 0)
        grid.addWidget(Grip(surface, self), 1, 0, max(len(surface.main) - 1, 1), 1,
                       Qt.AlignmentFlag.AlignTop)
        for r, name in enumerate(surface.main):
            f = fields[name]
            editor = make_editor(doc, f, self)
            box = editor.widget
            fit_to_text(box, 2 if r == 0 else 1)
            placeholder = values.label(f)
            if f.kind == schema.TEXTS:
                placeholder = tr("{field}, one a line", field=values.label(f))
            box.setPlaceholderText(placeholder)
            if len(surface.main) > 1 and r > 0 or surface.labelled:
                label = QLabel(values.label(f), self)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setBuddy(box)
                grid.addWidget(label, r, 1)
            grid.addWidget(box, r, 2)
            self.editors[name] = editor
        side = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        side.setSpacing(2)
        self.side, self.grid, self.beside = side, grid, True
        for name in surface.side:
            f = fields[name]
            editor = make_editor(doc, f, self)
            if not isinstance(editor, BoolEditor):
                editor.widget.setMinimumWidth(editor.widget.fontMetrics().horizontalAdvance("M") * 12)
                editor.widget.setMaximumWidth(editor.widget.fontMetrics().horizontalAdvance("M") * 16)
            side.addWidget(editor.widget)
            self.editors[name] = editor
        side.addStretch(1)
        grid.addLayout(side, 0, 3, len(surface.main), 1)
        grid.setColumnStretch(2, 1)
        for editor in self.editors.values():
            editor.bind(record)
        self.show_key()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # A narrow card (the live preview beside it at 1024 pixels) puts the speaker and the
        # toggles under the text, which keeps the whole width.
        self.place_side(event.size().width() >= NARROW_CARD * self.fontMetrics().averageCharWidth())

    def place_side(self, beside: bool) -> None:
        if beside == self.beside:
            return
        self.beside = beside
        rows = len(self.surface.main)
        self.grid.removeItem(self.side)
        if beside:
            self.side.setDirection(QBoxLayout.Direction.TopToBottom)
            self.grid.addLayout(self.side, 0, 3, rows, 1)
        else:
            self.side.setDirection(QBoxLayout.Direction.LeftToRight)
            self.grid.addLayout(self.side, rows, 1, 1, 2)

    def show_key(self) -> None:
        """A key message in bold, as the book prints it."""
        first = self.editors[self.surface.main[0]].widget
        font = QFont(first.font())
        font.setBold(getattr(self.record, "key", False) is True)
        first.setFont(font)

    def unbind(self) -> None:
        for editor in self.editors.values():
            editor.bind(None)

    def holds_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def focused_field(self) -> str:
        focus = QApplication.focusWidget()
        for name, editor in self.editors.items():
            if focus is editor.widget or (focus is not None and editor.widget.isAncestorOf(focus)):
                return name
        return ""


class CardsHolder(QWidget):
    """The column of cards; a dragged card's grip is dropped here."""

    def __init__(self, surface: PointsEditor):
        super().__init__()
        self.surface = surface
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(POINT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(POINT_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        data = event.mimeData()
        if not data.hasFormat(POINT_MIME):
            return
        source = int(bytes(data.data(POINT_MIME)).decode())
        self.surface.move_point(source, self.surface.row_at(event.position().toPoint().y()))
        event.acceptProposedAction()


class PointsEditor(QWidget):
    """Cards over one list of a stop (its talking points or its questions)."""

    message = Signal(str)
    splitter = None  # no table/form split to remember (main_window's layout settings)

    def __init__(self, doc, record_type: type, main: tuple[str, ...], side: tuple[str, ...],
                 *, labelled: bool = False, parent=None):
        super().__init__(parent)
        self.doc, self.record_type = doc, record_type
        self.main, self.side, self.labelled = main, side, labelled
        self.owner, self.attr = None, ""
        self.cards: list[Card] = []
        self._current = -1

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(2)
        self.actions: dict[str, QAction] = {}
        for name, text, tip, icon_name, keys, slot in (
            ("add", tr("Add"), tr("Add a row at the end"), "mdi6.plus",
             ["Ctrl+Return", "Ctrl+Enter"], lambda: self.add_point()),
            ("insert", tr("Insert"), tr("Insert a row above the selected one"),
             "mdi6.table-row-plus-before", ["Ctrl+Shift+Return"], lambda: self.insert_point()),
            ("delete", tr("Delete"), tr("Delete the selected rows"), "mdi6.delete-outline",
             ROW_KEYS["delete"][:1], lambda: self.delete_point()),
            ("up", tr("Move up"), tr("Move the selected row up"), "mdi6.arrow-up",
             ROW_KEYS["up"], lambda: self.move_current(-1)),
            ("down", tr("Move down"), tr("Move the selected row down"), "mdi6.arrow-down",
             ROW_KEYS["down"], lambda: self.move_current(1)),
        ):
            action = QAction(icon(icon_name), text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            with_shortcut(action, tip)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions[name] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

        self.cards_holder = CardsHolder(self)
        self.cards_layout = QVBoxLayout(self.cards_holder)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(4)
        self.cards_layout.addStretch(1)
        self._revealing: Card | None = None
        self.cards_holder.installEventFilter(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.cards_holder)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.verticalScrollBar().rangeChanged.connect(self._keep_revealed)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.buttons)
        layout.addWidget(self.scroll, 1)
        self.setStyleSheet(STYLE)

        doc.inserted.connect(self._list_changed)
        doc.removed.connect(self._list_changed)
        doc.moved.connect(self._moved)
        doc.field_changed.connect(self._field_changed)
        doc.reset.connect(lambda: self.bind(None, ""))
        self.marks = marks_of(doc)
        self.marks.changed.connect(self.show_marks)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._update_actions()

    # -- what it shows --------------------------------------------------------------------------

    @property
    def items(self) -> list:
        return getattr(self.owner, self.attr) if self.owner is not None else []

    def bind(self, owner, attr: str) -> None:
        self.owner, self.attr = owner, attr
        self._current = 0 if self.items else -1
        self.rebuild()

    def rebuild(self, focus: tuple[int, str] | None = None) -> None:
        """One card a record; `focus` (row, field) gets the keyboard focus afterwards."""
        for card in self.cards:
            card.unbind()
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        for row, record in enumerate(self.items):
            card = Card(self, row, record)
            self.cards_layout.insertWidget(row, card)
            self.cards.append(card)
        self.show_marks()
        self._update_actions()
        if focus is not None:
            self.focus_cell(*focus)

    def show_marks(self) -> None:
        """Each field's problems on its box; the point's own (and those of fields not shown)
        on its first box, as a table marks a row's first cell."""
        for card in self.cards:
            first = self.main[0]
            whole = [p for spot, p in self.marks.inside(card.record)
                     if not (spot.record is card.record and spot.name in card.editors)]
            for name, editor in card.editors.items():
                problems = list(self.marks.at(card.record, name))
                show_mark(editor.widget, problems + whole if name == first else problems)

    def current_row(self) -> int:
        return self._current if 0 <= self._current < len(self.cards) else -1

    def row_at(self, y: int) -> int:
        """The row a drop at height `y` of the cards' column goes to."""
        for card in self.cards:
            if y < card.geometry().center().y():
                return card.row
        return max(len(self.cards) - 1, 0)

    def focus_cell(self, row: int, name: str = "") -> None:
        if not 0 <= row < len(self.cards):
            return
        card = self.cards[row]
        editor = card.editors.get(name) or card.editors[self.main[0]]
        self._current = row
        self._update_actions()
        if not editor.widget.isVisible():  # a card just made is shown by the next layout pass
            QTimer.singleShot(0, lambda: self._focus(card, editor.widget))
        else:
            self._focus(card, editor.widget)

    def _focus(self, card: Card, widget: QWidget) -> None:
        if card in self.cards:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.reveal(card)

    def reveal(self, card: Card) -> None:
        """Scroll `card` into sight, now and while the column settles: a new card grows to its
        text's height only after the next layout passes, and was left under the edge."""
        self._revealing = card
        self.scroll.ensureWidgetVisible(card, 0, 8)
        QTimer.singleShot(REVEAL_MS, lambda: setattr(self, "_revealing", None))

    def _keep_revealed(self, *_args) -> None:
        card = self._revealing
        if card is not None and card in self.cards:
            self.scroll.ensureWidgetVisible(card, 0, 8)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.cards_holder and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self._keep_revealed)
        return False

    # -- edits ----------------------------------------------------------------------------------

    def add_point(self, row: int | None = None) -> None:
        if self.owner is None:
            return
        row = len(self.items) if row is None else row
        self.doc.undo_stack.push(InsertCommand(self.doc, self.items, row, self.record_type(), tr("Add row")))
        self.focus_cell(min(row, len(self.items) - 1), self.main[0])

    def insert_point(self) -> None:
        self.add_point(max(self.current_row(), 0))

    def delete_point(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        remove_rows(self.doc, self.items, [row], tr("Delete rows"))
        if self.items:
            self.focus_cell(min(row, len(self.items) - 1), self.main[0])

    def move_point(self, source: int, target: int, field: str = "") -> bool:
        items = self.items
        if not (0 <= source < len(items) and 0 <= target < len(items)) or source == target:
            return False
        self.doc.undo_stack.push(MoveCommand(self.doc, items, source, target, tr("Move row")))
        self.focus_cell(target, field)
        return True

    def move_current(self, step: int) -> None:
        row = self.current_row()
        field = self.cards[row].focused_field() if row >= 0 else ""
        self.move_point(row, row + step, field)

    # -- following the document and the focus -------------------------------------------------------

    def _mine(self, items) -> bool:
        return self.owner is not None and items is self.items

    def _list_changed(self, items, _index) -> None:
        if self._mine(items):
            self.rebuild()

    def _moved(self, items, _source, target) -> None:
        if self._mine(items):
            had_focus = any(card.holds_focus() for card in self.cards)
            self._current = target
            self.rebuild()
            if had_focus:  # an undone move: the moved point keeps the focus
                QTimer.singleShot(0, lambda: self.focus_cell(min(target, len(self.cards) - 1)))

    def _field_changed(self, record, name: str) -> None:
        if record is self.owner and name == self.attr:
            self.rebuild()
        elif name == "key":
            for card in self.cards:
                if card.record is record:
                    card.show_key()

    def _focus_changed(self, _old, new) -> None:
        for card in self.cards:
            if new is not None and card.isAncestorOf(new):
                if self._current != card.row:
                    self._current = card.row
                    self._update_actions()
                self.scroll.ensureWidgetVisible(new, 0, 8)
                return

    def _update_actions(self) -> None:
        row, count = self.current_row(), len(self.cards)
        self.actions["add"].setEnabled(self.owner is not None)
        self.actions["insert"].setEnabled(self.owner is not None)
        self.actions["delete"].setEnabled(row >= 0)
        self.actions["up"].setEnabled(row > 0)
        self.actions["down"].setEnabled(0 <= row < count - 1)

