"""Qt's own words (its dialogs' standard buttons) follow the window's language too."""

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.ui import i18n
from briefing.ui.app import use_language


def test_standard_buttons_speak_korean_in_the_korean_window(qtbot):
    app = QApplication.instance()
    try:
        use_language(app, "ko")
        assert i18n.language() == "ko"
        box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
        qtbot.addWidget(box)
        texts = {box.button(b).text().replace("&", "") for b in
                 (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard)}
        assert all(any("\uac00" <= c <= "\ud7a3" for c in t) for t in texts), texts
    finally:
        use_language(app, "en")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Save).text().replace("&", "") == "Save"


def test_the_file_dialog_is_korean_in_the_korean_window(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    app = QApplication.instance()
    try:
        use_language(app, "ko")
        dialog = QFileDialog(None, "t", "", "PDF (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and all(any("\uac00" <= c <= "\ud7a3" for c in t) for t in labels), labels
    finally:
        use_language(app, "en")
