"""The window's stop commands: new, duplicate, delete, move up and down, each one undo step."""

from __future__ import annotations

import copy

from briefing.trip import model
from briefing.ui.commands import InsertCommand, MoveCommand, RemoveCommand
from briefing.ui.i18n import tr


class StopActions:
    """Stop edits for MainWindow, on the stop selected in the outline."""

    def add_stop(self) -> None:
        stops = self.doc.trip.stops
        row = self.editor.current_stop_row()
        before = stops[row] if row >= 0 else (stops[-1] if stops else None)
        stop = model.Stop(date=before.date if before else self.doc.trip.info.start,
                          city=before.city if before else "", country=before.country if before else "",
                          timezone=before.timezone if before else "")
        index = row + 1 if row >= 0 else len(stops)
        self.doc.undo_stack.push(InsertCommand(self.doc, stops, index, stop, tr("New Stop")))
        self.editor.select_stop(index)
        self.editor.stop_editor.header.focus_field("title")

    def duplicate_stop(self) -> None:
        row = self.editor.current_stop_row()
        if row < 0:
            return
        stops = self.doc.trip.stops
        self.doc.undo_stack.push(InsertCommand(self.doc, stops, row + 1, copy.deepcopy(stops[row]), tr("Duplicate Stop")))
        self.editor.select_stop(row + 1)

    def delete_stop(self) -> None:
        row = self.editor.current_stop_row()
        if row < 0:
            return
        self.doc.undo_stack.push(RemoveCommand(self.doc, self.doc.trip.stops, row, tr("Delete Stop")))
        if self.doc.trip.stops:
            self.editor.select_stop(min(row, len(self.doc.trip.stops) - 1))
        else:
            self.editor.select_section("stops")

    def move_stop(self, step: int) -> None:
        row = self.editor.current_stop_row()
        target = row + step
        if row < 0 or not 0 <= target < len(self.doc.trip.stops):
            return
        self.doc.undo_stack.push(MoveCommand(self.doc, self.doc.trip.stops, row, target, tr("Move stop")))
        self.editor.select_stop(target)
