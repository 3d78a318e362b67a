"""File ▸ Export Trip Plan… / Export Report…: driven through the real menu entries, answered in the
real file dialog and the real replace question, and the written files read back (python-docx,
pypdf) as a reader gets them."""

import datetime as dt
import io

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from briefing.fileformat import reader as fileformat
from briefing.trip import model

from .conftest import small_trip
from .test_real_dialogs import Answer, labelled

TRIES = 500  # polls 10 ms apart


def menu_action(window, text: str):
    """The File menu's entry with this text (without its Alt key), as a user finds it."""
    file_menu = window.menuBar().actions()[0].menu()
    found = [a for a in file_menu.actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, [a.text() for a in file_menu.actions()]
    return found[0]


def format2_trip() -> model.Trip:
    """The small trip with a report: results for the first stop only, one follow-up action."""
    trip = small_trip()
    trip.info.necessity = "현장 확인이 필요함."
    trip.info.report = model.Report("성과가 있었음.", "참고할 점.", "전략산업과", dt.date(2023, 3, 20))
    trip.stops[0].results = "GSMA 면담."
    trip.stops[0].follow_up = [model.FollowUp("후속 협의", "mayor", dt.date(2023, 4, 30))]
    return trip


@pytest.fixture
def paper_trip(tmp_path):
    path = tmp_path / "trip.yaml"
    fileformat.save(format2_trip(), path)
    return path


@pytest.fixture
def window_on(window, paper_trip):
    assert window.open_file(str(paper_trip))
    return window


class FileDialogAnswer:
    """Waits for the next file dialog, records the name it proposes, types `name` into its
    file name box and presses Enter (an empty name: Escape)."""

    def __init__(self, name: str):
        self.name = name
        self.proposed = self.title = ""
        self.answered = False
        self.tries = 0
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            self.title = dialog.windowTitle()
            self.proposed = dialog.selectedFiles()[0] if dialog.selectedFiles() else ""
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            if self.name:
                edit.setText(self.name)
                QTest.keyClick(edit, Qt.Key.Key_Return)
            else:
                QTest.keyClick(edit, Qt.Key.Key_Escape)
            self.answered = True
            if dialog.isVisible():
                dialog.done(0)
            return
        self.tries += 1
        if self.tries < TRIES:
            QTimer.singleShot(10, self._poll)


def statuses(window) -> list[str]:
    seen = []
    window.statusBar().messageChanged.connect(lambda text: seen.append(text))
    return seen


# -- the menu -------------------------------------------------------------------------------------


def test_the_file_menu_offers_both_documents_once_a_trip_is_open(window, paper_trip):
    plan, report = menu_action(window, "Export Trip Plan…"), menu_action(window, "Export Report…")
    assert not plan.isEnabled() and not report.isEnabled()  # the start page: nothing to export
    assert window.open_file(str(paper_trip))
    assert plan.isEnabled() and report.isEnabled()


def test_the_menu_speaks_korean(qtbot, settings, recovery_dir):
    from briefing.ui import i18n
    from briefing.ui.main_window import MainWindow

    i18n.set_language("ko")
    try:
        win = MainWindow(settings, recovery_dir=str(recovery_dir))
        qtbot.addWidget(win)
        texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
    finally:
        i18n.set_language("en")
    assert "출장계획서 내보내기(&L)…" in texts and "결과보고서 내보내기(&P)…" in texts


# -- writing them ---------------------------------------------------------------------------------


def test_the_plan_as_word_through_the_real_file_dialog(window_on, paper_trip, tmp_path, qtbot):
    seen = statuses(window_on)
    target = tmp_path / "계획.docx"
    answer = FileDialogAnswer(str(target))
    menu_action(window_on, "Export Trip Plan…").trigger()
    assert answer.answered
    assert answer.title == "Export Trip Plan"
    assert answer.proposed == str(tmp_path / "trip.plan.pdf")  # beside the trip, named for it
    job = window_on.paperwork_export.job
    assert job is not None and window_on.busy.isVisible()  # written off the UI thread
    assert not menu_action(window_on, "Export Report…").isEnabled()  # one at a time
    qtbot.waitUntil(lambda: window_on.paperwork_export.job is None, timeout=60000)
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "출장계획서"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1. 출장 개요" and "5. 소요 예산" in headings
    assert "Writing the trip plan…" in seen
    assert window_on.statusBar().currentMessage() == "Wrote 계획.docx"
    assert not window_on.busy.isVisible() and menu_action(window_on, "Export Report…").isEnabled()


def test_a_name_without_suffix_gets_the_one_of_the_filter(window_on, tmp_path, qtbot):
    answer = FileDialogAnswer(str(tmp_path / "plan"))
    menu_action(window_on, "Export Trip Plan…").trigger()
    assert answer.answered
    qtbot.waitUntil(lambda: window_on.paperwork_export.job is None, timeout=60000)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


def test_cancelling_the_file_dialog_writes_nothing(window_on, tmp_path):
    answer = FileDialogAnswer("")
    menu_action(window_on, "Export Report…").trigger()
    assert answer.answered
    assert window_on.paperwork_export.job is None
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx")) == []


def test_a_report_with_visits_without_results_exports_and_says_so(window_on, tmp_path, qtbot,
                                                                  monkeypatch):
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(window_on.paperwork_export, "get_path", lambda kind, suggested: str(target))
    menu_action(window_on, "Export Report…").trigger()
    qtbot.waitUntil(lambda: window_on.paperwork_export.job is None, timeout=60000)
    message = window_on.statusBar().currentMessage()
    assert message.startswith("Wrote report.pdf (") and "pages)" in message
    assert "1 visit(s) have no results yet; the report marks them." in message
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "결과가아직작성되지않았습니다" in "".join(text.split())  # the flag in the document
    assert window_on.central.currentWidget() is window_on.preview  # shown like the book


# -- what is never done without asking ------------------------------------------------------------


@pytest.mark.parametrize(("button", "replaced"), [("Cancel", False), ("Replace", True)])
def test_an_existing_file_is_replaced_only_when_the_user_says_so(window_on, tmp_path, qtbot,
                                                                 monkeypatch, button, replaced):
    target = tmp_path / "trip.plan.pdf"
    target.write_bytes(b"%PDF-1.4 mine")  # an earlier plan: a file of the kind written
    monkeypatch.setattr(window_on.paperwork_export, "get_path", lambda kind, suggested: suggested)
    answer = Answer(labelled(button))
    menu_action(window_on, "Export Trip Plan…").trigger()
    assert answer.answered and answer.text == "trip.plan.pdf already exists. Replace it?"
    qtbot.waitUntil(lambda: window_on.paperwork_export.job is None, timeout=60000)
    assert (target.read_bytes() == b"%PDF-1.4 mine") is not replaced


@pytest.mark.parametrize("name", ["trip.yaml", "notes.yml"])
def test_never_over_a_trip_file(window_on, paper_trip, tmp_path, monkeypatch, name):
    before = paper_trip.read_bytes()
    monkeypatch.setattr(window_on.paperwork_export, "get_path",
                        lambda kind, suggested: str(tmp_path / name))
    shown = []
    monkeypatch.setattr(window_on, "show_error", lambda title, text: shown.append(text))
    assert not window_on.paperwork_export.export("plan")
    assert window_on.paperwork_export.job is None
    assert ("trip file itself" if name == "trip.yaml" else ".pdf, .docx or .hwpx") in shown[0]
    assert paper_trip.read_bytes() == before and not (tmp_path / "notes.yml").exists()


def test_a_trip_with_errors_is_not_exported(window_on, monkeypatch):
    window_on.doc.trip.stops[0].title = ""  # a required field left empty
    shown = []
    monkeypatch.setattr(window_on, "show_error", lambda title, text: shown.append(text))
    asked = []
    monkeypatch.setattr(window_on.paperwork_export, "get_path",
                        lambda *a: asked.append(a) or "x.pdf")
    assert not window_on.paperwork_export.export("report")
    assert asked == [] and "Errors in the trip: 1." in shown[0]


def test_a_failure_is_shown_and_the_window_goes_on(window_on, tmp_path, qtbot, monkeypatch):
    target = tmp_path / "missing-folder" / "plan.docx"
    monkeypatch.setattr(window_on.paperwork_export, "get_path", lambda kind, suggested: str(target))
    shown = []
    monkeypatch.setattr(window_on, "show_error", lambda title, text: shown.append((title, text)))
    menu_action(window_on, "Export Trip Plan…").trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert shown[0][0] == "Export failed" and "does not exist" in shown[0][1]
    assert window_on.paperwork_export.job is None and not window_on.busy.isVisible()
    assert menu_action(window_on, "Export Trip Plan…").isEnabled()
    assert not target.parent.exists()


def test_an_untitled_trip_is_named_after_its_title(window):
    window.open_example()
    path = window.paperwork_export.default_path("report")
    assert path.endswith(".report.pdf") and window.doc.trip.info.title in path
