"""Undo commands: each one calls a TripDocument edit and remembers what undoing it needs."""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from briefing.ui.i18n import tr

SET_FIELD_ID = 1


class SetFieldCommand(QUndoCommand):
    """Set one field. Consecutive edits of the same field in one typing session merge."""

    def __init__(self, doc, record, name: str, value, label: str = "", session=None):
        super().__init__(tr("Edit {field}", field=label or name) if label or name else "")
        self.doc, self.record, self.name = doc, record, name
        self.new = value
        self.old = getattr(record, name)
        self.session = session

    def id(self) -> int:
        return SET_FIELD_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, SetFieldCommand) or self.session is None:
            return False
        if other.record is not self.record or other.name != self.name or other.session != self.session:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc.set_field(self.record, self.name, copy.copy(self.new))

    def undo(self) -> None:
        self.doc.set_field(self.record, self.name, copy.copy(self.old))


class ReplaceTripCommand(QUndoCommand):
    """The whole trip at once (a colleague's version merged in, unsaved work restored). Undo
    brings back the very trip it replaced, so the steps before it still find their records."""

    def __init__(self, doc, trip, base, text: str):
        super().__init__(text)
        self.doc, self.other = doc, (trip, base)

    def redo(self) -> None:
        self.other = self.doc.swap(*self.other)

    def undo(self) -> None:
        self.other = self.doc.swap(*self.other)


class InsertCommand(QUndoCommand):
    def __init__(self, doc, items: list, index: int, item, text: str = ""):
        super().__init__(text or tr("Add"))
        self.doc, self.items, self.index, self.item = doc, items, index, item

    def redo(self) -> None:
        self.index = self.doc.insert(self.items, self.index, self.item)

    def undo(self) -> None:
        self.doc.remove(self.items, self.index)


class RemoveCommand(QUndoCommand):
    """Remove one item; undo puts the very same object back where it was."""

    def __init__(self, doc, items: list, index: int, text: str = ""):
        super().__init__(text or tr("Delete"))
        self.doc, self.items, self.index = doc, items, index
        self.item = None

    def redo(self) -> None:
        self.item = self.doc.remove(self.items, self.index)

    def undo(self) -> None:
        self.doc.insert(self.items, self.index, self.item)


class MoveCommand(QUndoCommand):
    def __init__(self, doc, items: list, source: int, target: int, text: str = ""):
        super().__init__(text or tr("Move"))
        self.doc, self.items, self.source, self.target = doc, items, source, target

    def redo(self) -> None:
        self.doc.move(self.items, self.source, self.target)

    def undo(self) -> None:
        self.doc.move(self.items, self.target, self.source)


def remove_rows(doc, items: list, rows: list[int], text: str) -> None:
    """Remove several rows as one undo step (highest first, so the indexes stay right)."""
    rows = sorted(set(rows), reverse=True)
    if not rows:
        return
    if len(rows) == 1:
        doc.undo_stack.push(RemoveCommand(doc, items, rows[0], text))
        return
    doc.undo_stack.beginMacro(text)
    for row in rows:
        doc.undo_stack.push(RemoveCommand(doc, items, row, text))
    doc.undo_stack.endMacro()


def insert_rows(doc, items: list, index: int, new_items: list, text: str) -> None:
    """Insert several items (a paste) as one undo step."""
    if len(new_items) == 1:
        doc.undo_stack.push(InsertCommand(doc, items, index, new_items[0], text))
        return
    doc.undo_stack.beginMacro(text)
    for offset, item in enumerate(new_items):
        doc.undo_stack.push(InsertCommand(doc, items, index + offset, item, text))
    doc.undo_stack.endMacro()
