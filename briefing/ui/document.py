"""The open trip, its file and its undo stack; every edit goes through here so views stay in step.

The trip itself is the Qt-free `briefing.model.Trip`. This object performs the model's edit
helpers and tells the Qt item models and editors about them with signals, before and after, so
that `beginInsertRows`/`endInsertRows` and friends bracket the real change.
"""

from __future__ import annotations

import copy
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefing.trip import model


class TripDocument(QObject):
    # (record, attribute name): a field of `record` now holds a new value
    field_changed = Signal(object, str)
    # (list, index): the list object itself is passed, so models compare by identity
    about_to_insert = Signal(object, int)
    inserted = Signal(object, int)
    about_to_remove = Signal(object, int)
    removed = Signal(object, int)
    about_to_move = Signal(object, int, int)
    moved = Signal(object, int, int)
    # the whole trip was replaced (open, revert, reload)
    reset = Signal()
    path_changed = Signal(str)

    def __init__(self, trip: model.Trip | None = None, path: str | None = None, parent=None):
        super().__init__(parent)
        self.trip = trip if trip is not None else new_trip()
        self.path = os.path.abspath(path) if path else None
        self.undo_stack = QUndoStack(self)
        # The trip as last loaded or saved: what a colleague's version of the file is merged
        # against (briefing.merge) when it changes on disk under unsaved edits.
        self.base: model.Trip = copy.deepcopy(self.trip)

    # -- the whole document ---------------------------------------------------------------------

    def replace(self, trip: model.Trip, path: str | None, base: model.Trip | None = None) -> None:
        """Show another trip (opened, reverted, reloaded); its history starts afresh.

        `base`: the version in the file, when it is not `trip` itself (restored work).
        """
        self.trip = trip
        self.base = copy.deepcopy(trip) if base is None else base
        self.set_path(path)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.reset.emit()

    def swap(self, trip: model.Trip, base: model.Trip) -> tuple[model.Trip, model.Trip]:
        """Show `trip` with `base` as the file's version, keeping the history (a merge, a
        restore: one undo step, ReplaceTripCommand); returns the trip and base it replaced."""
        old = self.trip, self.base
        self.trip, self.base = trip, base
        self.reset.emit()
        return old

    def set_path(self, path: str | None) -> None:
        self.path = os.path.abspath(path) if path else None
        self.path_changed.emit(self.path or "")

    def mark_saved(self) -> None:
        """The file now holds the trip as it is."""
        self.base = self.snapshot()
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def snapshot(self) -> model.Trip:
        """A deep copy for work off the UI thread (export) or written aside (recovery)."""
        return copy.deepcopy(self.trip)

    # -- edits (called by the undo commands only) -----------------------------------------------

    def set_field(self, record, name: str, value):
        old = model.set_field(record, name, value)
        self.field_changed.emit(record, name)
        return old

    def insert(self, items: list, index: int, item) -> int:
        index = max(0, min(index, len(items)))
        self.about_to_insert.emit(items, index)
        model.insert_item(items, index, item)
        self.inserted.emit(items, index)
        return index

    def remove(self, items: list, index: int):
        self.about_to_remove.emit(items, index)
        item = model.remove_item(items, index)
        self.removed.emit(items, index)
        return item

    def move(self, items: list, source: int, target: int) -> None:
        if source == target:
            return
        self.about_to_move.emit(items, source, target)
        model.move_item(items, source, target)
        self.moved.emit(items, source, target)


def new_trip() -> model.Trip:
    """The trip that "New trip" starts from: a title to replace and today's dates."""
    import datetime as dt

    today = dt.date.today()
    return model.Trip(info=model.TripInfo(title="", start=today, end=today))
