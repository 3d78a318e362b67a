"""A file path field with a browse button beside it, as the export and preferences dialogs use."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from briefing.ui.icons import icon


def path_row(field: QLineEdit, tooltip: str, browse, parent: QWidget) -> QHBoxLayout:
    """`field` stretched, then a folder button that calls `browse` when clicked."""
    button = QToolButton(parent)
    button.setIcon(icon("mdi6.folder-open-outline"))
    button.setToolTip(tooltip)
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row
