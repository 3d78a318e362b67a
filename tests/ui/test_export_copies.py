"""The window's export for the jobs staff do: file names that follow the copy, never replacing a
file without asking (the real box, clicked), every personal copy at once, a draft of a trip with
errors, a locked book previewed with its password, and the same-version warning."""

import os

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from briefing.ui.dialogs.export import ExportDialog
from briefing.ui.export_options import ExportOptions

from .conftest import small_trip
from .test_real_dialogs import Answer, labelled, real

pytest.importorskip("briefing.book")


def texts(path, password=None):
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return [p.extract_text() or "" for p in reader.pages]


def dialog_for(opened, qtbot) -> ExportDialog:
    """The dialog the window would show, on the window's own defaults."""
    made = []
    opened.ask_export_options = lambda options: made.append(options)  # no export: just the defaults
    opened.export_pdf()
    dialog = ExportDialog(made[0], opened, delegation=opened.doc.trip.delegation,
                          trip_path=opened.doc.path)
    qtbot.addWidget(dialog)
    return dialog


def test_the_file_name_follows_the_edition_and_the_reader(opened, trip_file, qtbot):
    dialog = dialog_for(opened, qtbot)
    folder = str(trip_file.parent)
    assert dialog.path.text() == os.path.join(folder, "trip.pdf")
    dialog.edition.setCurrentIndex(dialog.edition.findData("handout"))
    assert dialog.path.text() == os.path.join(folder, "trip.handout.pdf")
    dialog.reader.setCurrentIndex(dialog.reader.findData("mayor"))
    assert dialog.path.text() == os.path.join(folder, "trip.이동환.handout.pdf")
    dialog.edition.setCurrentIndex(dialog.edition.findData("full"))
    assert dialog.path.text() == os.path.join(folder, "trip.이동환.pdf")
    dialog.reader.setCurrentIndex(dialog.reader.findData("all"))
    assert dialog.path.text() == folder and dialog.path_label.text() == "&Folder:"
    dialog.reader.setCurrentIndex(dialog.reader.findData(""))
    assert dialog.path.text() == os.path.join(folder, "trip.pdf")
    # A name the user typed is theirs: choosing another edition leaves it alone.
    dialog.path.setText(os.path.join(folder, "for-the-mayor.pdf"))
    dialog.edition.setCurrentIndex(dialog.edition.findData("handout"))
    assert dialog.path.text() == os.path.join(folder, "for-the-mayor.pdf")


def test_memo_pages_follow_the_edition_until_chosen(qtbot, tmp_path):
    dialog = ExportDialog(ExportOptions(str(tmp_path / "t.pdf"), stem="t"))
    qtbot.addWidget(dialog)
    assert dialog.notes_pages.isChecked() and dialog.options().notes_pages is None
    dialog.edition.setCurrentIndex(dialog.edition.findData("handout"))
    assert not dialog.notes_pages.isChecked() and dialog.options().notes_pages is None
    dialog.notes_pages.click()
    assert dialog.options().notes_pages is True
    dialog.edition.setCurrentIndex(dialog.edition.findData("full"))
    assert dialog.notes_pages.isChecked() and dialog.options().notes_pages is None


def export_and_wait(opened, qtbot):
    assert opened.export_pdf()
    qtbot.waitUntil(lambda: opened.export_job is None, timeout=120000)


@pytest.mark.parametrize("answer", ["Cancel", "Replace"])
def test_an_existing_file_is_replaced_only_when_the_user_says_so(opened, trip_file, qtbot,
                                                                 monkeypatch, answer):
    target = trip_file.parent / "trip.handout.pdf"
    target.write_bytes(b"%PDF-1.7 the full book, printed yesterday")  # a PDF: may be replaced
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(
        str(target), edition="handout"))
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    real(opened, "ask_replace")
    box = Answer(labelled(answer))
    started = opened.export_pdf()
    assert box.answered and "trip.handout.pdf already exists" in box.text
    assert box.buttons == ["Replace", "Cancel"]
    if answer == "Cancel":
        assert not started and target.read_bytes() == b"%PDF-1.7 the full book, printed yesterday"
        return
    qtbot.waitUntil(lambda: opened.export_job is None, timeout=120000)
    assert target.read_bytes().startswith(b"%PDF") and b"printed yesterday" not in target.read_bytes()


def test_the_dialog_asks_before_replacing_and_stays_open(qtbot, tmp_path):
    target = tmp_path / "t.pdf"
    target.write_bytes(b"%PDF-1.7 old")
    dialog = ExportDialog(ExportOptions(str(target), stem="t"))
    qtbot.addWidget(dialog)
    dialog.show()
    box = Answer(labelled("Cancel"))
    dialog.accept()
    assert box.answered and dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    box = Answer(labelled("Replace"))
    dialog.accept()
    assert box.answered and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.options().replace  # the window does not ask a second time


def test_every_personal_copy_in_one_go(opened, trip_file, qtbot, monkeypatch):
    folder = trip_file.parent / "copies"
    folder.mkdir()
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(
        str(folder), reader="all", stem=options.stem, watermark=True))
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    export_and_wait(opened, qtbot)
    assert sorted(os.listdir(folder)) == ["trip.Kim.pdf", "trip.이동환.pdf"]  # names, not ids
    assert "배부번호 1/2" in texts(folder / "trip.이동환.pdf")[0]
    assert "배부번호 2/2" in texts(folder / "trip.Kim.pdf")[0]
    assert "2 personal copies" in opened.statusBar().currentMessage()


def test_a_trip_with_errors_can_be_exported_as_a_draft_only(opened, trip_file, qtbot,
                                                            monkeypatch):
    opened.doc.trip.stops[0].title = ""  # a required field left empty
    offered = []

    def ask(options):
        offered.append(options)
        options.draft = False  # whatever the dialog said, the book is a draft
        return options

    monkeypatch.setattr(opened, "ask_export_options", ask)
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    real(opened, "ask_export_draft")
    box = Answer(labelled("Export as draft…"))
    export_and_wait(opened, qtbot)
    assert box.answered and "Errors in the trip: 1." in box.text
    assert offered[0].draft and offered[0].path.endswith("trip.draft.pdf")
    pages = texts(trip_file.parent / "trip.draft.pdf")
    assert all("DRAFT" in t for t in pages)


def test_the_draft_box_can_send_the_user_to_fix_the_errors(opened, monkeypatch):
    opened.doc.trip.stops[0].title = ""
    real(opened, "ask_export_draft")
    box = Answer(labelled("Fix the errors"))
    assert not opened.export_pdf()
    assert box.answered and opened.problems.isVisible()


def test_the_dialog_of_a_trip_with_errors_keeps_draft_on(qtbot, tmp_path):
    dialog = ExportDialog(ExportOptions(str(tmp_path / "t.draft.pdf"), stem="t", draft=True),
                          errors=2)
    qtbot.addWidget(dialog)
    assert dialog.draft.isChecked() and not dialog.draft.isEnabled()
    assert dialog.options().draft


def test_a_password_locks_the_book_and_the_preview_opens_it(opened, trip_file, qtbot,
                                                            monkeypatch):
    target = trip_file.parent / "locked.pdf"
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(
        str(target), password="비밀 1"))
    export_and_wait(opened, qtbot)
    reader = PdfReader(target)
    assert reader.is_encrypted and reader.decrypt("x").name == "NOT_DECRYPTED"
    assert "Test trip" in texts(target, "비밀 1")[0]
    assert opened.central.currentWidget() is opened.preview
    assert opened.preview.document.pageCount() > 0
    assert opened.preview.password == ""  # not kept after the preview opened


def test_the_dialog_wants_the_same_password_twice(qtbot, tmp_path):
    dialog = ExportDialog(ExportOptions(str(tmp_path / "t.pdf"), stem="t"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "secret")
    qtbot.keyClicks(dialog.password_again, "secrte")
    dialog.accept()
    assert dialog.isVisible() and "differ" in dialog.error.text()
    dialog.password_again.clear()
    qtbot.keyClicks(dialog.password_again, "secret")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.options().password == "secret"


def test_same_version_other_content_is_warned_about(opened, trip_file, qtbot, monkeypatch):
    from briefing.fileformat import reader as fileformat

    old_trip = small_trip()
    old_trip.stops[0].title = "MWC (draft)"
    old = trip_file.parent / "old.yaml"
    fileformat.save(old_trip, old)
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(
        str(trip_file.parent / "b.pdf"), since=str(old)))
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    shown = []
    monkeypatch.setattr(opened, "show_notices", lambda notices: shown.extend(notices))
    export_and_wait(opened, qtbot)
    assert any("same version label and date" in n and "old.yaml" in n for n in shown)


def test_replace_box_is_a_warning_with_cancel_as_default(qtbot, tmp_path):
    from briefing.ui.dialogs.export import confirm_replace

    def check(box):
        assert box.icon() == QMessageBox.Icon.Warning
        assert box.defaultButton().text() == "Cancel"
        box.defaultButton().click()

    box = Answer(check)
    assert not confirm_replace(None, [str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf")])
    assert box.answered and "2 of these files already exist" in box.text
