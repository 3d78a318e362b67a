"""The user's preferences and window state, in QSettings under organization "Briefing"."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from briefing import options

MAX_RECENT = 10


class Settings:
    """Typed access to the few values Briefing remembers."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else _user_settings()

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
        return options.paper_or_default(str(self.q.value("export/paper", "") or ""))

    def set_paper(self, value: str) -> None:
        self.q.setValue("export/paper", value)

    def edition(self) -> str:
        return options.edition_or_default(str(self.q.value("export/edition", "") or ""))

    def set_edition(self, value: str) -> None:
        self.q.setValue("export/edition", value)
        self.q.remove("export/last_edition")  # a new default is what the next export offers

    def last_edition(self) -> str:
        """The edition of the last export, offered again; the default edition before any."""
        value = str(self.q.value("export/last_edition", "") or "")
        return value if value in options.EDITIONS else self.edition()

    def set_last_edition(self, value: str) -> None:
        self.q.setValue("export/last_edition", value)

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


def _user_settings() -> QSettings:
    """On Windows an INI file in %LOCALAPPDATA%\\Briefing\\Briefing, beside the recovery copies,
    where Windows programs keep what is the user's own; elsewhere Qt's default place."""
    if sys.platform == "win32":
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation)
        return QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()
