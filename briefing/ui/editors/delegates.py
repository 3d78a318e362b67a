"""Cell editors for record tables: checked as typed, refused text explained, pickers for
choices, time zones and people."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from briefing.trip import schema
from briefing.ui.editors import values
from briefing.ui.editors.field_editors import (
    PersonCombo,
    ZoneCombo,
    fill_choices,
    set_finish,
    show_choice,
    show_hint,
    validator_for,
)


class FieldDelegate(QStyledItemDelegate):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc

    def _field(self, index) -> schema.Field | None:
        return index.model().field_at(index.column())

    def createEditor(self, parent, option, index):
        f = self._field(index)
        if f is None or f.kind == schema.BOOL:
            return None
        if f.choices:
            combo = QComboBox(parent)
            fill_choices(combo, f)
            return combo
        if f.key in values.ZONE_FIELDS:
            return ZoneCombo(parent)
        if f.key in values.PERSON_FIELDS:
            return PersonCombo(self.doc, parent)
        edit = QLineEdit(parent)
        edit.setProperty("briefing_field", f.key)
        validator = validator_for(f, edit)
        if validator is not None:
            edit.setValidator(validator)
            edit.inputRejected.connect(lambda: show_hint(edit, values.hint(f)))
        edit.setPlaceholderText(values.PLACEHOLDERS.get(f.kind, ""))
        edit._briefing_field = f
        set_finish(edit, lambda: self._finish(edit))
        return edit

    def _read(self, editor: QLineEdit):
        """The value the editor's text means (briefing.clock's reading for times and dates)."""
        return values.from_text(editor._briefing_field, editor.text(), near=values.near_day(self.doc.trip))

    def _finish(self, editor: QLineEdit) -> None:
        """Store the cell's text without closing its editor (a window shortcut while typing)."""
        try:
            self._read(editor)
        except ValueError as e:
            show_hint(editor, str(e))
            return
        self.commitData.emit(editor)

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, PersonCombo):
            i = editor.findData(text)
            editor.setCurrentIndex(i) if i >= 0 else editor.setEditText(text)
        elif isinstance(editor, ZoneCombo):
            editor.setEditText(text)
        elif isinstance(editor, QComboBox):
            show_choice(editor, self._field(index), text)
        else:
            editor.setText(text)

    def setModelData(self, editor, model, index):
        if isinstance(editor, PersonCombo):
            text = editor.value()
        elif isinstance(editor, ZoneCombo):
            text = editor.currentText().strip()
        elif isinstance(editor, QComboBox):
            text = editor.currentData() or ""
        else:
            text = editor.text()
            f = getattr(editor, "_briefing_field", None)
            if f is not None and f.kind in values.PATTERNS and hasattr(model, "refuse"):
                try:
                    self._read(editor)
                except ValueError as e:  # left with Tab: kept in red, not stored
                    model.refuse(index, text, str(e))
                    return
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event) -> bool:
        # Enter on text that is not yet a time or a date: say why and keep the editor open. Tab
        # moves on (staff fill a row left to right and come back): the cell keeps the text in
        # red with the reason (RecordTableModel.refused).
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            f = getattr(editor, "_briefing_field", None)
            if f is not None and f.kind in values.PATTERNS:
                try:
                    self._read(editor)
                except ValueError as e:
                    show_hint(editor, str(e))
                    return True
        return super().eventFilter(editor, event)
