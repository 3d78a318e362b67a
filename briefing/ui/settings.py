"""The user's preferences and window state, in QSettings under organization "Briefing"."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
PAPERS = ("a4", "letter")
EDITIONS = ("full", "handout")


class Settings:
    """Typed access to the few values Briefing remembers."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else QSettings()

    def language(self) -> str:
        return str(self.q.value("language", "") or "")

    def set_language(self, value: str) -> None:
        self.q.setValue("language", value)

    def book_font(self) -> str:
        """The TrueType file the book is set in; "" lets the book find a Korean font itself."""
        return str(self.q.value("book/font", "") or "")

    def set_book_font(self, path: str) -> None:
        self.q.setValue("book/font", path)

    def paper(self) -> str:
        value = str(self.q.value("export/paper", "a4") or "a4")
        return value if value in PAPERS else "a4"

    def set_paper(self, value: str) -> None:
        self.q.setValue("export/paper", value)

    def edition(self) -> str:
        value = str(self.q.value("export/edition", "full") or "full")
        return value if value in EDITIONS else "full"

    def set_edition(self, value: str) -> None:
        self.q.setValue("export/edition", value)

    def recent_files(self) -> list[str]:
        value = self.q.value("recentFiles", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str) -> list[str]:
        path = os.path.abspath(path)
        files = [path] + [f for f in self.recent_files() if f != path]
        self.q.setValue("recentFiles", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def clear_recent_files(self) -> None:
        self.q.setValue("recentFiles", [])

    def bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.q.setValue(key, value)
