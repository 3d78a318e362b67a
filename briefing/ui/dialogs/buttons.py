"""The buttons every dialog ends with, worded in the window's language (Qt's own words follow the
system's language, not the one chosen in Preferences)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from briefing.ui.i18n import tr


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel, wired to the dialog's accept and reject."""
    Button = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(Button.Ok | Button.Cancel, dialog)
    buttons.button(Button.Ok).setText(ok_text)
    buttons.button(Button.Cancel).setText(tr("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
