"""The window's crash recovery: unsaved work written aside a couple of seconds after each change,
offered back at start-up with what it would bring back; and merges into the open trip (a
restored copy onto the file as it is now, a colleague's save onto unsaved work), each one step on
the undo stack."""

from __future__ import annotations

import datetime as dt
import os
import time

from PySide6.QtWidgets import QMessageBox

from briefing.trip import model, schema
from briefing.trip.problems import SaveError, TripFileError
from briefing.ui.commands import ReplaceTripCommand
from briefing.ui.i18n import field_label, language, tr
from briefing.ui.preview.pages import EDITOR
from briefing.versions import changes, merge

RECOVERY_DELAY_MS = 2_000  # a pause in typing this long writes the copy
RECOVERY_LONGEST_MS = 10_000  # and typing without a pause still writes one this often
LISTED = 12  # changes listed in the dialog before "and N more"
RESTORE, OPEN_SAVED, LATER = "restore", "open", "later"

# The record each section of briefing.changes is about, for its field words.
_RECORDS = {changes.TRIP: model.TripInfo, changes.DELEGATION: model.Person,
            changes.STOP: model.Stop, changes.AGENDA: model.AgendaItem,
            changes.TALKING_POINTS: model.TalkingPoint, changes.QUESTIONS: model.Question,
            changes.COUNTERPARTS: model.Counterpart, changes.TRAVEL: model.TravelLeg,
            changes.STAYS: model.Stay, changes.CONTACTS: model.Contact}
_KINDS = {changes.ADDED: "Added", changes.REMOVED: "Removed", changes.CHANGED: "Changed"}


def change_line(c: changes.Change) -> str:
    """One change in the window's words: 'Changed: MWC › Venue: Fira → Fira Gran Via'."""
    kind = {changes.ADDED: tr("Added"), changes.REMOVED: tr("Removed"),
            changes.CHANGED: tr("Changed")}[c.kind]
    where = [c.stop] if c.stop and c.section != changes.STOP else []
    section = _section_words(c.section)
    if c.section != changes.STOP or c.kind != changes.CHANGED:
        where.append(section)
    if c.label and c.label != c.stop:
        where.append(c.label)
    elif c.section == changes.STOP:
        where.append(c.label)
    if c.field:
        try:
            where.append(field_label(schema.field(_RECORDS[c.section], c.field)))
        except KeyError:
            where.append(c.field)
    line = f"{kind}: {' › '.join(w for w in where if w)}"
    if c.kind == changes.CHANGED:
        before, after = c.before, c.after
        if isinstance(c.old, bool) or isinstance(c.new, bool):  # yes/no in the window's words
            before, after = (merge.value_text(v, c.field, language()) for v in (c.old, c.new))
        line += f": {before or '—'} → {after or '—'}"
    return line


def _section_words(section: str) -> str:
    if section == changes.TRIP:
        return field_label(schema.top("trip"))
    if section == changes.STOP:
        return field_label(schema.top("stops"))
    try:
        return field_label(schema.top(section))
    except StopIteration:
        return field_label(schema.field(model.Stop, section))


class RecoveryActions:
    """Writing, dropping and restoring recovery copies, and merging into the open trip, for
    MainWindow."""

    # The file on disk holds a colleague's version not merged in yet (the user postponed it):
    # Save asks again rather than write over it.
    merge_waiting: str | None = None

    def ask_restore(self, name: str, when: dt.datetime, lines: list[str],
                    untitled: bool = False) -> str:
        """RESTORE, OPEN_SAVED or LATER (also Escape: nothing is lost by waiting)."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Restore unsaved work?"), tr(
            "Briefing found work on {name} that was not saved (last copy {when}).",
            name=name, when=when.strftime("%Y-%m-%d %H:%M")), parent=self)
        shown = lines[:LISTED]
        if len(lines) > LISTED:
            shown.append(tr("… and {n} more", n=len(lines) - LISTED))
        intro = tr("Restoring it brings back:") if lines else tr(
            "It holds no change from the saved file.")
        box.setInformativeText("\n".join([intro, *("• " + x for x in shown), "",
                                          tr("A copy you do not restore is kept for a week.")]))
        if len(lines) > LISTED:
            box.setDetailedText("\n".join(lines))
        restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        saved = box.addButton(tr("Start without it") if untitled else tr("Open the saved file"),
                              QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        return {restore: RESTORE, saved: OPEN_SAVED}.get(box.clickedButton(), LATER)

    def _recovery_key(self) -> str:
        return self.recovery.key_for(self.doc.path, self.untitled_id)

    def schedule_recovery(self) -> None:
        """A change: write the copy once typing pauses, and at least every few seconds."""
        self.recovery_due = True
        now = time.monotonic()
        if not self.recovery_timer.isActive():
            self._recovery_first = now
        waited = (now - getattr(self, "_recovery_first", now)) * 1000
        self.recovery_timer.start(int(max(0, min(RECOVERY_DELAY_MS, RECOVERY_LONGEST_MS - waited))))

    def write_recovery(self) -> None:
        if not self.doc.is_modified() or not self.recovery_due:
            return
        key = self.recovery_key or self._recovery_key()
        if self.recovery_key and self.doc.path and not key.startswith(
                self.recovery.key_for(self.doc.path, "")):
            self.recovery.remove(self.recovery_key)  # saved under another name since
            key = self._recovery_key()
        try:
            self.recovery.write(key, self.doc.trip, self.doc.path, base=self.doc.base)
        except (SaveError, OSError) as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        self.recovery_key = key
        self.recovery_due = False

    def _drop_recovery(self) -> None:
        if self.recovery_key:
            self.recovery.remove(self.recovery_key)
        self.recovery.remove(self._recovery_key())
        self.recovery_key = None
        self.recovery_due = False
        self.merge_waiting = None  # another trip, or this one saved or discarded

    # -- merges ---------------------------------------------------------------------------------

    def merge_in(self, result: merge.Merged, base: model.Trip, name: str, step: str,
                 intro: str | None = None, taken: list[str] | None = None) -> bool:
        """Put a merge's result in the window as one undo step (earlier steps stay), after the
        user chose at its collisions; False when they put the choice off (nothing changes)."""
        if result.collisions:
            sides = self.ask_merge(result, name, intro=intro, taken=taken or [])
            if sides is None:
                return False
            result.choose(sides)
        self.doc.undo_stack.push(ReplaceTripCommand(self.doc, result.trip, base, step))
        return True

    def merge_changed_file(self, theirs: model.Trip, path: str) -> None:
        """A colleague saved `path` under unsaved edits: theirs and mine combined, not saved."""
        name = os.path.basename(path)
        mine = self.doc.trip
        result = merge.merge(self.doc.base, mine, theirs)
        # what their version changes here, beside what they collide on (mine there, for now)
        taken = [change_line(c) for c in changes.diff(mine, result.trip)]
        if not self.merge_in(result, theirs, name, tr("Combine with the changed file"),
                             taken=taken):
            self.merge_waiting = path
            self.statusBar().showMessage(tr(
                "{name} was changed by someone else; their changes are not combined yet, and "
                "Save will ask again before writing", name=name), 15000)
            return
        self.merge_waiting = None
        self.doc.undo_stack.resetClean()  # the combined trip is not in the file yet
        self.schedule_recovery()
        self._update_title()
        self.revalidate()
        said = tr("{name} was changed by someone else; their changes and yours are combined "
                  "here (not saved yet)", name=name)
        shown = taken[:3] + ([tr("… and {n} more", n=len(taken) - 3)] if len(taken) > 3 else [])
        self.statusBar().showMessage(": ".join([said, "; ".join(shown)]) if shown else said,
                                     15000)

    def merge_waiting_first(self) -> bool:
        """Before Save writes over a colleague's version the user put off merging: ask again.
        True when Save may go on."""
        path = self.merge_waiting
        if not path or path != self.doc.path or not os.path.exists(path):
            self.merge_waiting = None
            return True
        self.file_changed_on_disk(path)
        return self.merge_waiting is None

    # -- restoring ------------------------------------------------------------------------------

    def _restore(self, copy_, base: model.Trip | None = None,
                 result: merge.Merged | None = None) -> bool:
        """Bring the copy back: merged onto the open file when the copy knows the version it
        was made from, else whole. False when the user put the choice off."""
        if result is not None:
            name = os.path.basename(copy_.original or "")
            if not self.merge_in(result, self.doc.base, name, tr("Restore unsaved work"), intro=tr(
                    "The unsaved work on {name} and the file as saved since were combined; where "
                    "both changed the same thing, choose which to keep.", name=name)):
                return False
            self.recovery_key = copy_.key
            self._show_page(EDITOR)
            self._update_title()
            self.revalidate()
            return True
        return self._restore_whole(copy_, base)

    def _restore_whole(self, copy_, base: model.Trip | None = None) -> bool:
        try:
            trip = copy_.load()
        except TripFileError as e:
            self.show_load_problems(str(copy_.yaml_path), e.problems)
            return False
        if copy_.original is None:
            self.untitled_id = copy_.key.removeprefix("untitled-")
        self.doc.replace(trip, copy_.original, base=base)
        self.display_name = os.path.basename(copy_.original) if copy_.original else ""
        self.recovery_key = copy_.key
        self.watch.watch(self.doc.path)
        self.doc.undo_stack.resetClean()  # restored work is unsaved work
        self._show_page(EDITOR)
        self._update_title()
        self.revalidate()
        return True

    def _offer(self, copy_, name: str, saved: model.Trip | None) -> bool:
        """Ask about one copy; True when it was restored."""
        try:
            work = copy_.load()
        except TripFileError:
            work = None
        # The file may have been saved since the copy was made: only what the copy changed
        # comes back, merged onto the file as it is now.
        made_from = copy_.load_base() if saved is not None and work is not None else None
        result = merge.merge(made_from, work, saved) if made_from is not None else None
        shown = result.trip if result is not None else work
        lines = ([change_line(c) for c in changes.diff(saved or model.Trip(), shown)]
                 if shown is not None else [])
        answer = self.ask_restore(name, copy_.written, lines, untitled=saved is None)
        if answer == RESTORE:
            return self._restore(copy_, base=saved, result=result)
        if answer == OPEN_SAVED:
            self.recovery.decline(copy_.key)
        return False

    def offer_file_recovery(self, path: str) -> None:
        """After opening `path`: offer the newest copy of unsaved work on it left by a crash."""
        self.recovery.prune()
        copy_ = self.recovery.for_file(path)
        self._note_skipped()
        if copy_ is not None and copy_.key != self.recovery_key:
            self._offer(copy_, os.path.basename(path), self.doc.base)

    def offer_untitled_recovery(self) -> bool:
        """At start-up: offer the unsaved untitled trips left by a crash, newest first."""
        self.recovery.prune()
        copies = self.recovery.untitled()
        self._note_skipped()
        for copy_ in copies:
            if self._offer(copy_, tr("Untitled"), None):
                return True
        return False

    def _note_skipped(self) -> None:
        """Entries of the recovery folder that are no copy were passed over: say so, once."""
        skipped = self.recovery.skipped
        if skipped:
            self.statusBar().showMessage(tr(
                "Passed over {n} entries in the recovery folder that are not copies of unsaved "
                "work ({folder})", n=len(skipped), folder=self.recovery.folder), 15000)
