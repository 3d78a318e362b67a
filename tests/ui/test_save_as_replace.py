"""Save As over a file that exists asks once, in the words every export uses."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing.ui.main_window import MainWindow

from .test_real_dialogs import Answer, click


def test_save_as_over_a_file_asks_our_one_question(opened, tmp_path, monkeypatch, qtbot):
    there = tmp_path / "other.yaml"
    there.write_text("old")
    asked = {}

    def dialog(parent, caption, folder, filters, chosen="", options=QFileDialog.Option(0)):
        asked["options"] = options
        return str(there), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    get = MainWindow.get_save_path.__get__(opened)
    answer = Answer(click(lambda box: next(b for b in box.buttons()
                                           if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)))
    assert get() == ""  # kept the file
    assert answer.answered and "other.yaml already exists" in answer.text
    assert asked["options"] & QFileDialog.Option.DontConfirmOverwrite  # Qt's own question not asked too
