"""Tooltips that tell an action's shortcut, as the system writes it ("Save the trip (Ctrl+S)")."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def with_shortcut(action: QAction, tip: str) -> None:
    """Set the tooltip to `tip`, followed by the action's first shortcut if it has one."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = f"{tip} ({keys})" if keys else tip
    if action.toolTip() != text:
        action.setToolTip(text)
