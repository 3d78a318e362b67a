"""Edit ▸ Preferences: the window's language, the book's font file, default paper and edition."""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from briefing.ui.dialogs.buttons import ok_cancel
from briefing.ui.dialogs.export import edition_combo, paper_combo
from briefing.ui.editors.path_row import path_row
from briefing.ui.i18n import tr
from briefing.ui.settings import Settings

FONT_SUFFIXES = (".ttf", ".ttc")


def font_problem(path: str) -> str:
    """Why `path` cannot be the book's font, or "" when it can (an empty path is fine)."""
    if not path:
        return ""
    if not path.lower().endswith(FONT_SUFFIXES):
        return tr("Choose a TrueType font file (.ttf or .ttc).")
    if not os.path.isfile(path):
        return tr("There is no such file.")
    return ""


def font_damage(path: str) -> str:
    """A warning when the file cannot be embedded in the book (damaged, cut short, not
    TrueType outlines); the export then refuses it with the reason."""
    if font_problem(path) or not path:
        return ""
    from briefing.book import font_error

    if not font_error(path):
        return ""
    return tr("Briefing cannot use this font file: it is damaged or not a TrueType font. "
              "Books will not export until you choose another one or leave this empty.")


class PreferencesDialog(QDialog):
    """Shows the stored preferences; `save()` writes what the user chose."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Preferences"))
        self.setMinimumWidth(600)

        self.language = QComboBox(self)
        # Each language named in itself, so that a user lost in the other one finds their own.
        for code, label in (("", tr("System")), ("ko", "한국어"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language()), 0))
        language_note = QLabel(tr("The language takes effect when Briefing starts again."), self)
        language_note.setWordWrap(True)
        language_note.setMinimumWidth(380)
        language_note.setStyleSheet("color: palette(placeholder-text);")

        self.font = QLineEdit(settings.book_font(), self)
        self.font.setPlaceholderText(tr("Chosen by Briefing (a Korean TrueType font on this computer)"))
        self.font.setClearButtonEnabled(True)
        self.font.textChanged.connect(self._check_font)
        font_row = path_row(self.font, tr("Choose a font file"), self._browse, self)
        self.font_note = QLabel(self)
        self.font_note.setWordWrap(True)
        self.font_note.setMinimumWidth(380)

        self.paper = paper_combo(settings.paper(), self)
        self.edition = edition_combo(settings.edition(), self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field, row in ((tr("Window &language:"), self.language, self.language),
                                 (tr("Book &font:"), self.font, font_row),
                                 (tr("Default &paper:"), self.paper, self.paper),
                                 (tr("Default &edition:"), self.edition, self.edition)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, row)
            if field is self.language:
                form.addRow("", language_note)
            elif field is self.font:
                form.addRow("", self.font_note)

        self.buttons = ok_cancel(self, tr("OK"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._check_font()

    def _browse(self) -> None:
        start = os.path.dirname(self.font.text()) or _system_font_folder()
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a font file"), start,
                                              tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font.setText(path)

    def _check_font(self) -> None:
        problem = font_problem(self.font.text().strip())
        damage = font_damage(self.font.text().strip())
        self.font_note.setText(problem or damage or tr(
            "The book embeds this font, so the PDF reads the same everywhere. Leave empty to "
            "let Briefing choose."))
        self.font_note.setStyleSheet(
            "color: #b3261e;" if problem or damage else "color: palette(placeholder-text);")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def save(self) -> None:
        self.settings.set_language(self.language.currentData())
        self.settings.set_book_font(self.font.text().strip())
        self.settings.set_paper(self.paper.currentData())
        self.settings.set_edition(self.edition.currentData())


def _system_font_folder() -> str:
    for folder in ("/usr/share/fonts/truetype", "C:/Windows/Fonts", "/System/Library/Fonts", "/Library/Fonts"):
        if os.path.isdir(folder):
            return folder
    return ""
