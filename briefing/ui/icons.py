"""Action icons from qtawesome's Material Design set, cached, never fatal."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon


@functools.cache
def icon(name: str, color: str | None = None) -> QIcon:
    """qtawesome's icon `name` (e.g. "mdi6.content-save"); an empty icon if it cannot be made."""
    try:
        import qtawesome as qta

        return qta.icon(name, color=color) if color else qta.icon(name)
    except Exception:  # a missing icon font must not stop the window from opening
        return QIcon()
