"""A form of field editors over one record, laid out in rows of fields; a short row's last field
runs to the end of the row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from briefing.trip import schema
from briefing.ui import i18n
from briefing.ui.editors import values
from briefing.ui.editors.field_editors import BoolEditor, FieldEditor, TextEditor, make_editor
from briefing.ui.problem_marks import STYLE, marks_of, show_mark


class FieldForm(QWidget):
    """Editors for the fields named in `rows` (each row: one or two field names)."""

    def __init__(self, doc, record_type: type, rows: list[tuple[str, ...]], parent=None,
                 columns: int = 2, taken: set[str] | None = None):
        """`taken`: Alt+letters already used around this form; the labels pick other ones and
        add theirs to it (pass None for no mnemonics)."""
        super().__init__(parent)
        self.doc = doc
        self.record_type = record_type
        self.record = None
        self.editors: dict[str, FieldEditor] = {}
        fields = {f.name: f for f in schema.fields_of(record_type)}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self.rows, self.columns, self.shown_columns = rows, columns, 0
        self.parts: dict[str, tuple[QLabel | None, QWidget, bool]] = {}  # label, box, grows
        for row in rows:
            for name in row:
                f = fields[name]
                editor = make_editor(doc, f, self)
                self.editors[name] = editor
                text = values.label(f)
                if taken is not None:
                    letter = i18n.pick_mnemonic(values.english_label(f), taken)
                    taken.add(letter)
                    text = i18n.with_mnemonic(values.english_label(f), letter, values.label(f))
                if isinstance(editor, BoolEditor):
                    editor.widget.setText(text)
                    self.parts[name] = (None, editor.widget, False)
                    continue
                label = QLabel(text + ("*" if f.required else ""), self)
                label.setBuddy(editor.widget)
                top = Qt.AlignmentFlag.AlignTop if isinstance(editor, TextEditor) else Qt.AlignmentFlag.AlignVCenter
                label.setAlignment(Qt.AlignmentFlag.AlignRight | top)
                self.parts[name] = (label, editor.widget, isinstance(editor, TextEditor))
        self.place(columns)
        self.marks = marks_of(doc)
        self.marks.changed.connect(self.show_marks)
        self.setStyleSheet(STYLE)

    def place(self, columns: int) -> None:
        """Lay the fields out `columns` to a row: the declared rows when they fit, else their
        fields repacked into fewer columns (a narrow editor beside the live preview), a field
        alone on its row kept alone."""
        columns = min(columns, self.columns)
        if columns == self.shown_columns:
            return
        self.shown_columns = columns
        rows = self.rows
        if columns < self.columns:
            alone = [row for row in rows if len(row) == 1]
            names = [n for row in rows for n in row]
            rows, line = [], []
            for name in names:
                if (name,) in alone:
                    rows += [tuple(line)] if line else []
                    rows.append((name,))
                    line = []
                    continue
                line.append(name)
                if len(line) == columns:
                    rows.append(tuple(line))
                    line = []
            rows += [tuple(line)] if line else []
        grid = self.layout()
        for label, box, _grows in self.parts.values():
            for widget in (label, box):
                if widget is not None:
                    grid.removeWidget(widget)
        for r in range(grid.rowCount()):
            grid.setRowStretch(r, 0)
        for c in range(grid.columnCount()):
            grid.setColumnStretch(c, 0)
        for c in range(columns):
            grid.setColumnStretch(c * 2 + 1, 1)
        for r, row in enumerate(rows):
            for c, name in enumerate(row):
                label, box, grows = self.parts[name]
                # the last field of a short row takes the rest of the row
                span = columns * 2 - 1 - c * 2 if c == len(row) - 1 else 1
                if label is not None:
                    grid.addWidget(label, r, c * 2)
                grid.addWidget(box, r, c * 2 + 1, 1, span)
                if grows:
                    grid.setRowStretch(r, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.columns > 1:
            # a field needs room for its label and about twenty letters of its value
            need = 30 * self.fontMetrics().averageCharWidth()
            self.place(max(1, min(self.columns, event.size().width() // need)))

    def bind(self, record) -> None:
        self.record = record
        for editor in self.editors.values():
            editor.bind(record)
        self.show_marks()

    def show_marks(self) -> None:
        """Mark each editor whose field of the bound record has a problem; unmark the others."""
        for name, editor in self.editors.items():
            show_mark(editor.widget, self.marks.at(self.record, name))

    def focus_field(self, name: str) -> bool:
        editor = self.editors.get(name)
        if editor is None:
            return False
        editor.widget.setFocus()
        return True
