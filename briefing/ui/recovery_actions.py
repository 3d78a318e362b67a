"""The window's crash recovery: unsaved work written aside now and then, offered back at start-up."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtWidgets import QMessageBox

from briefing.problems import SaveError, TripFileError

from .i18n import tr
from .pages import EDITOR


class RecoveryActions:
    """Writing, dropping and restoring recovery copies, for MainWindow."""

    def ask_restore(self, name: str, when: dt.datetime) -> bool:
        answer = QMessageBox.question(
            self, tr("Restore unsaved work?"),
            tr("Briefing found unsaved work on {name} from {when}. Restore it?",
               name=name, when=when.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _recovery_key(self) -> str:
        return self.recovery.key_for(self.doc.path, self.untitled_id)

    def write_recovery(self) -> None:
        if not self.doc.is_modified() or not self.recovery_due:
            return
        key = self._recovery_key()
        if self.recovery_key and self.recovery_key != key:
            self.recovery.remove(self.recovery_key)
        try:
            self.recovery.write(key, self.doc.trip, self.doc.path)
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

    def _restore(self, copy_) -> None:
        try:
            trip = copy_.load()
        except TripFileError as e:
            self.show_load_problems(str(copy_.yaml_path), e.problems)
            return
        if copy_.original is None:
            self.untitled_id = copy_.key.removeprefix("untitled-")
        self.doc.replace(trip, copy_.original)
        self.display_name = os.path.basename(copy_.original) if copy_.original else ""
        self.recovery_key = copy_.key
        self.watch.watch(self.doc.path)
        self.doc.undo_stack.resetClean()  # restored work is unsaved work
        self._show_page(EDITOR)
        self._update_title()
        self.revalidate()

    def offer_untitled_recovery(self) -> bool:
        """At start-up: offer the newest unsaved untitled trip left by a crash."""
        for copy_ in self.recovery.untitled():
            if self.ask_restore(tr("Untitled"), copy_.written):
                self._restore(copy_)
                return True
            self.recovery.remove(copy_.key)
        return False
