"""One editor widget per schema field kind, bound to a record and writing through undo commands."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from briefing.rules import clock
from briefing.trip import schema
from briefing.ui.commands import SetFieldCommand
from briefing.ui.editors import values
from briefing.ui.i18n import tr

_sessions = itertools.count(1)


class UndoKeyFilter(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's undo stack instead of a text box's own."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            combo = event.keyCombination().toCombined()
            for key in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                if any(seq.matches(QKeySequence(combo)) == QKeySequence.SequenceMatch.ExactMatch
                       for seq in QKeySequence.keyBindings(key)):
                    event.ignore()
                    return True
        return False


UNDO_KEYS = UndoKeyFilter()

# Kinds whose typed text is read when the typing is done, not at every key (briefing.clock).
READ_WHEN_DONE = frozenset({schema.TIME, schema.DATE, schema.DATETIME})


def set_finish(widget: QWidget, finish) -> None:
    """What `finish_typing` does for `widget`: store the text typed so far, as Enter would."""
    widget._briefing_finish = finish


def finish_typing(widget: QWidget | None) -> None:
    """Store what is typed in `widget` (the focused one) before a window shortcut acts on the
    trip, so that Ctrl+S right after typing 1245 saves 12:45, not the time before."""
    while widget is not None:
        finish = getattr(widget, "_briefing_finish", None)
        if finish is not None:
            finish()
            return
        widget = widget.parentWidget()


def validator_for(f: schema.Field, parent) -> QRegularExpressionValidator | None:
    pattern = values.PATTERNS.get(f.kind)
    if pattern is None:
        return None
    return QRegularExpressionValidator(QRegularExpression(pattern), parent)


def show_hint(widget: QWidget, text: str) -> None:
    """A visible word on why typed text was refused, right under the box."""
    QToolTip.showText(widget.mapToGlobal(widget.rect().bottomLeft()), text, widget)


def search_anywhere(combo: QComboBox) -> None:
    """Typed text offers every item that contains it, in any case, in a list under the box;
    a combo's own completion only finds an item by its first letters."""
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)


def narrow_combo(combo: QComboBox, letters: int = 10) -> None:
    """A combo as narrow as `letters` letters allow, not as wide as its longest item: the time
    zones' longest name took a header column from the fields beside it at 1024 pixels."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)


class ZoneCombo(QComboBox):
    """An editable picker over every IANA zone; typing 'madrid' finds Europe/Madrid."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        self.addItems(clock.zone_names())
        self.setMaxVisibleItems(20)
        narrow_combo(self)
        search_anywhere(self)
        self.lineEdit().setPlaceholderText(tr("Search a time zone, e.g. Madrid"))


class PersonCombo(QComboBox):
    """An editable picker over the delegation, by name (the id only beside a name two members
    share: '김민수 (aide)'); free text stays allowed (a counterpart). Part of a name finds the
    member ('Kim' finds 'Kim')."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        narrow_combo(self)
        search_anywhere(self)
        self.refill()

    def refill(self) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItem("", "")
        people = self.doc.trip.delegation
        names = [person.name or person.key for person in people]
        for person, name in zip(people, names, strict=True):
            shared = names.count(name) > 1 and name != person.key
            self.addItem(f"{name} ({person.key})" if shared else name, person.key)
        self.setEditText(text)
        self.blockSignals(False)

    def value(self) -> str:
        text = self.currentText()
        index = self.findText(text)
        return self.itemData(index) if index > 0 else text.strip()


class FieldEditor(QObject):
    """Binds one widget to one field of the current record; edits become undo commands."""

    def __init__(self, doc, f: schema.Field, widget: QWidget):
        super().__init__(widget)
        self.doc, self.field, self.widget = doc, f, widget
        self.record = None
        self.session = next(_sessions)
        self._updating = False
        self.valid = True
        self._committing = False
        doc.field_changed.connect(self._on_field_changed)
        widget.setToolTip(values.description(f))
        widget.setEnabled(False)

    def bind(self, record) -> None:
        self.record = record
        self.session = next(_sessions)
        self.widget.setEnabled(record is not None)
        self.refresh()

    def refresh(self) -> None:
        self._updating = True
        try:
            self.show_value(None if self.record is None else getattr(self.record, self.field.name))
        finally:
            self._updating = False
        self.set_valid(True)

    def end_session(self) -> None:
        self.session = next(_sessions)

    def commit(self, value, merge: bool = True) -> None:
        if self._updating or self.record is None:
            return
        if value == getattr(self.record, self.field.name):
            return
        self._committing = True  # the box already shows what it wrote: do not reset it
        try:
            self.doc.undo_stack.push(SetFieldCommand(
                self.doc, self.record, self.field.name, value, values.label(self.field),
                self.session if merge else None))
        finally:
            self._committing = False

    def _on_field_changed(self, record, name: str) -> None:
        if record is self.record and name == self.field.name and not self._committing:
            self.refresh()

    def set_valid(self, ok: bool) -> None:
        if ok != self.valid:
            self.valid = ok
            self.widget.setProperty("invalid", not ok)
            self.widget.setStyleSheet("" if ok else "border: 1px solid #d93025; background: #fdecea;")

    def show_value(self, value) -> None:  # pragma: no cover - every subclass has its own
        raise NotImplementedError


class LineEditor(FieldEditor):
    """QLineEdit for text, dates, times, numbers; typed text is checked as it comes."""

    def __init__(self, doc, f, parent=None):
        edit = QLineEdit(parent)
        super().__init__(doc, f, edit)
        edit.installEventFilter(UNDO_KEYS)
        validator = validator_for(f, edit)
        if validator is not None:
            edit.setValidator(validator)
            edit.inputRejected.connect(lambda: show_hint(edit, values.hint(f)))
        edit.setPlaceholderText(values.PLACEHOLDERS.get(f.kind, ""))
        edit.textEdited.connect(self._edited)
        edit.editingFinished.connect(self._finished)
        set_finish(edit, self._finished)
        edit.textChanged.connect(lambda _t: self.update_tip())
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update_tip()
        return False

    def update_tip(self) -> None:
        """The tooltip shows the whole value when the box is too narrow for it, then what the field is."""
        edit = self.widget
        text = edit.text()
        about = values.description(self.field)
        room = edit.contentsRect().width() - 8  # the text margins and the cursor
        clipped = bool(text) and edit.fontMetrics().horizontalAdvance(text) > room
        tip = (f"{text}\n\n{about}" if about else text) if clipped else about
        if edit.toolTip() != tip:
            edit.setToolTip(tip)

    def show_value(self, value) -> None:
        self.widget.setText(values.to_text(self.field, value))
        self.widget.setCursorPosition(0)  # show the start of a long value, not its end
        self.update_tip()

    def parse(self, text: str):
        return values.from_text(self.field, text, near=values.near_day(self.doc.trip))

    def _edited(self, text: str) -> None:
        if self.field.kind in READ_WHEN_DONE:
            # '12' may become 12:45 or 1245: a time or date is read once the typing is done, so
            # that no half-typed one (01:24 on the way to 12:45) is ever stored or saved
            self.set_valid(True)
            return
        try:
            value = self.parse(text)
        except ValueError:
            self.set_valid(False)
            return
        self.set_valid(True)
        self.commit(value)

    def _finished(self) -> None:
        """Done typing (Enter, leaving the box, a window shortcut): store what the text means
        and show it as it is stored (1245 -> 12:45); text that means nothing stays, marked."""
        try:
            value = self.parse(self.widget.text())
        except ValueError as e:
            self.set_valid(False)
            self.widget.setToolTip(str(e))
            show_hint(self.widget, str(e))
            return
        self.set_valid(True)
        self.commit(value)
        if self.field.kind in values.PATTERNS:
            self.refresh()
        self.end_session()


def fill_choices(combo: QComboBox, f: schema.Field) -> None:
    """The empty choice, then every choice as a word in the window's language, keeping the code."""
    combo.addItem("", "")
    for choice in f.choices:
        combo.addItem(values.choice_label(choice), choice)


def show_choice(combo: QComboBox, f: schema.Field, value) -> None:
    """Select `value`; a code from a hand-edited file that is not a choice is shown as it is, and
    kept (it is an extra item at the end, dropped when another value is shown)."""
    while combo.count() > len(f.choices) + 1:
        combo.removeItem(combo.count() - 1)
    index = combo.findData(value or "")
    if index < 0:
        combo.addItem(str(value), value)
        combo.setItemData(combo.count() - 1, tr("Not one of Briefing's choices; kept as written"),
                          Qt.ItemDataRole.ToolTipRole)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class ChoiceEditor(FieldEditor):
    """A fixed list (kind, press, language): one undo step per choice."""

    def __init__(self, doc, f, parent=None):
        combo = QComboBox(parent)
        super().__init__(doc, f, combo)
        fill_choices(combo, f)
        combo.activated.connect(lambda i: self.commit(combo.itemData(i), merge=False))

    def show_value(self, value) -> None:
        show_choice(self.widget, self.field, value)


class ComboTextEditor(FieldEditor):
    """An editable combo (time zone, person): typing merges, picking is one step."""

    def __init__(self, doc, f, combo: QComboBox):
        super().__init__(doc, f, combo)
        line = combo.lineEdit()
        line.installEventFilter(UNDO_KEYS)
        line.textEdited.connect(lambda _t: self.commit(self.value()))
        line.editingFinished.connect(self.end_session)
        combo.activated.connect(lambda _i: self.commit(self.value(), merge=False))
        combo.completer().activated.connect(lambda _t: self.commit(self.value(), merge=False))

    def value(self) -> str:
        combo = self.widget
        return combo.value() if isinstance(combo, PersonCombo) else combo.currentText().strip()

    def show_value(self, value) -> None:
        if isinstance(self.widget, PersonCombo):
            self.widget.refill()
            index = self.widget.findData(value or "")
            if index >= 0:
                self.widget.setCurrentIndex(index)
                self.widget.lineEdit().setCursorPosition(0)  # the id and the name's start
                return
        self.widget.setEditText(value or "")
        self.widget.lineEdit().setCursorPosition(0)


class TextEditor(FieldEditor):
    """A multi-line box for long text, or for a list written one item a line."""

    def __init__(self, doc, f, parent=None, *, placeholder: str = ""):
        edit = QPlainTextEdit(parent)
        super().__init__(doc, f, edit)
        edit.setUndoRedoEnabled(False)  # the window's stack does undo, per edit session
        edit.setTabChangesFocus(True)
        edit.installEventFilter(UNDO_KEYS)
        edit.installEventFilter(self)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.end_session()
        return False

    def show_value(self, value) -> None:
        self.widget.setPlainText(values.to_text(self.field, value, lines=True))

    def _changed(self) -> None:
        if not self._updating:
            self.commit(values.from_text(self.field, self.widget.toPlainText(), lines=True))


class BoolEditor(FieldEditor):
    def __init__(self, doc, f, parent=None):
        box = QCheckBox(values.label(f), parent)
        super().__init__(doc, f, box)
        box.clicked.connect(lambda checked: self.commit(bool(checked), merge=False))

    def show_value(self, value) -> None:
        self.widget.setChecked(bool(value))


def make_editor(doc, f: schema.Field, parent=None) -> FieldEditor:
    """The right editor for `f`, from its schema kind (and its name, for zones and people)."""
    if f.kind == schema.BOOL:
        return BoolEditor(doc, f, parent)
    if f.choices:
        return ChoiceEditor(doc, f, parent)
    if f.key in values.ZONE_FIELDS:
        return ComboTextEditor(doc, f, ZoneCombo(parent))
    if f.key in values.PERSON_FIELDS:
        return ComboTextEditor(doc, f, PersonCombo(doc, parent))
    if f.kind == schema.LONGTEXT:
        return TextEditor(doc, f, parent)
    if f.key == "attendees":
        from briefing.ui.editors.attendees import (
            AttendeesEditor,  # it builds on FieldEditor, defined here
        )

        return AttendeesEditor(doc, f, parent)
    if f.kind == schema.TEXTS:
        return TextEditor(doc, f, parent, placeholder=tr("One a line"))
    return LineEditor(doc, f, parent)
