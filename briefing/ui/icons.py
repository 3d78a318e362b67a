"""Action icons from qtawesome's Material Design set, cached, never fatal."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon, QPixmap

from briefing import package_data

APP_ICON_FILES = ("briefing-16.png", "briefing-32.png", "briefing-48.png", "briefing-256.png",
                  "briefing.svg")


@functools.cache
def icon(name: str, color: str | None = None) -> QIcon:
    """qtawesome's icon `name` (e.g. "mdi6.content-save"); an empty icon if it cannot be made."""
    try:
        import qtawesome as qta

        return qta.icon(name, color=color) if color else qta.icon(name)
    except Exception:  # a missing icon font must not stop the window from opening
        return QIcon()


# A problem's icon by its severity, wherever problems are shown (list, outline, tables, tabs).
PROBLEM_ICONS = {"error": ("mdi6.close-circle", "#c5221f"), "warning": ("mdi6.alert", "#e37400")}


def problem_icon(severity: str) -> QIcon:
    """The icon of an 'error' or a 'warning'."""
    return icon(*PROBLEM_ICONS[severity])


@functools.cache
def app_icon() -> QIcon:
    """Briefing's own icon (the one the desktop menu shows), read with importlib.resources.

    The files may sit inside a zip or a frozen bundle, so their bytes are read, not their paths.
    """
    result = QIcon()
    folder = package_data.root() / "icons"
    for name in APP_ICON_FILES:
        try:
            data = (folder / name).read_bytes()
        except OSError:
            continue
        pixmap = QPixmap()
        if pixmap.loadFromData(data):  # the SVG needs Qt's svg image plugin; the PNGs do not
            result.addPixmap(pixmap)
    return result
