"""Notices when the open trip file is changed on disk by someone else (not by our own save)."""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal


def fingerprint(path: str) -> tuple | None:
    """(mtime, size, sha256) of the file, or None if it cannot be read."""
    try:
        stat = os.stat(path)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, digest)


POLL_MS = 2000


class FileWatch(QObject):
    changed_on_disk = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: str | None = None
        self.known: tuple | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._poke)
        self.watcher.directoryChanged.connect(self._poke)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)  # another program's save is often several events
        self.timer.timeout.connect(self.check)
        # The system's notices do not always come: a network share (common on office
        # laptops) sends none, and a machine out of inotify watches drops them. A look every
        # few seconds, costing one stat while nothing changed, catches what they miss.
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check)

    def watch(self, path: str | None) -> None:
        for old in self.watcher.files() + self.watcher.directories():
            self.watcher.removePath(old)
        self.path = path
        self.known = fingerprint(path) if path else None
        if path:
            self._add()
            self.poll.start()
        else:
            self.poll.stop()

    def remember(self) -> None:
        """Our own save just wrote the file: its new state is not a change by someone else."""
        self.known = fingerprint(self.path) if self.path else None
        self._add()

    def _add(self) -> None:
        if self.path and os.path.exists(self.path) and self.path not in self.watcher.files():
            self.watcher.addPath(self.path)
        folder = os.path.dirname(self.path or "")
        if folder and os.path.isdir(folder) and folder not in self.watcher.directories():
            self.watcher.addPath(folder)  # an atomic replace drops the file's own watch

    def _poke(self, *_args) -> None:
        self.timer.start()

    def check(self) -> None:
        if not self.path:
            return
        self._add()
        try:
            stat = os.stat(self.path)
        except OSError:
            return
        if self.known is not None and (stat.st_mtime_ns, stat.st_size) == self.known[:2]:
            return  # unchanged: no need to read it
        now = fingerprint(self.path)
        if now is None or now == self.known:
            return
        if self.known is not None and now[1:] == self.known[1:]:
            self.known = now  # touched but same bytes: nothing to ask about
            return
        self.known = now
        self.changed_on_disk.emit(self.path)
