"""Edit ▸ Preferences: language, the book's font, default paper and edition; the font reaches the
book's export call."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from briefing.ui.dialogs.export import ExportDialog
from briefing.ui.dialogs.preferences import PreferencesDialog
from briefing.ui.export_options import ExportOptions


def font_file(tmp_path):
    path = tmp_path / "NanumGothic.ttf"
    path.write_bytes(b"\0\1\0\0")  # the export is faked: only the path matters here
    return str(path)


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_preferences_from_the_edit_menu_are_stored(window, settings, tmp_path, qtbot):
    font = font_file(tmp_path)
    seen = []

    def fill():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("ko"))
        dialog.font.clear()
        qtbot.keyClicks(dialog.font, font)
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        dialog.edition.setCurrentIndex(dialog.edition.findData("handout"))
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # never leave a modal dialog open: the test would hang
            dialog.reject()

    QTimer.singleShot(0, fill)
    window.act_preferences.trigger()
    assert isinstance(seen[0], PreferencesDialog)
    assert settings.language() == "ko"
    assert settings.book_font() == font
    assert (settings.paper(), settings.edition()) == ("letter", "handout")


def test_a_font_that_is_not_a_truetype_file_cannot_be_chosen(settings, tmp_path, qtbot):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.font, str(tmp_path / "font.otf"))
    assert not ok_button(dialog).isEnabled()
    assert ".ttf" in dialog.font_note.text()
    dialog.font.setText(str(tmp_path / "missing.ttf"))
    assert not ok_button(dialog).isEnabled()
    dialog.font.setText(font_file(tmp_path))
    assert ok_button(dialog).isEnabled()
    dialog.font.clear()  # empty: Briefing chooses
    assert ok_button(dialog).isEnabled()


def test_cancel_stores_nothing(settings, tmp_path, qtbot):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.font.setText(font_file(tmp_path))
    dialog.reject()
    assert settings.book_font() == ""


def test_the_font_and_defaults_reach_the_export_call(opened, settings, tmp_path, monkeypatch):
    book = pytest.importorskip("briefing.book")
    font = font_file(tmp_path)
    settings.set_book_font(font)
    settings.set_paper("letter")
    settings.set_edition("handout")
    offered = []

    def ask(options):
        offered.append(options)
        options.path = str(tmp_path / "book.pdf")
        return options

    calls = []

    def fake_export(trip, path, **kwargs):
        calls.append((path, kwargs))

    monkeypatch.setattr(opened, "ask_export_options", ask)
    monkeypatch.setattr(book, "export_pdf", fake_export)
    monkeypatch.setattr(opened.thread_pool, "start", lambda job: job.run())
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    assert opened.export_pdf()
    assert (offered[0].paper, offered[0].edition, offered[0].font) == ("letter", "handout", font)
    assert calls == [(str(tmp_path / "book.pdf"), {"paper": "letter", "edition": "handout", "font": font})]
    assert opened.export_job is None


def test_without_a_font_preference_the_book_chooses(opened, tmp_path, monkeypatch):
    book = pytest.importorskip("briefing.book")
    calls = []
    monkeypatch.setattr(opened, "ask_export_options",
                        lambda options: ExportOptions(str(tmp_path / "b.pdf"), font=options.font))
    monkeypatch.setattr(book, "export_pdf", lambda trip, path, **kw: calls.append(kw))
    monkeypatch.setattr(opened.thread_pool, "start", lambda job: job.run())
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    opened.export_pdf()
    assert calls[0]["font"] is None


def test_the_export_dialog_keeps_the_font_and_starts_from_the_defaults(qtbot, tmp_path):
    dialog = ExportDialog(ExportOptions(str(tmp_path / "b.pdf"), "letter", "handout", "/f/Nanum.ttf"))
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "letter" and dialog.edition.currentData() == "handout"
    assert dialog.options().font == "/f/Nanum.ttf"
