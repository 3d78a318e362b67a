"""Export: runs off the UI thread, shows the book in the window; errors stop it; failures show."""

import pytest

from briefing.ui.export import ExportOptions


@pytest.fixture
def book():
    return pytest.importorskip("briefing.book")


def test_export_writes_the_pdf_and_previews_it(opened, tmp_path, qtbot, monkeypatch, book):
    target = tmp_path / "book.pdf"
    monkeypatch.setattr(opened, "ask_export_options",
                        lambda options: ExportOptions(str(target), "letter", "handout"))
    opened.act_export.trigger()
    assert opened.export_job is not None and opened.busy.isVisible()
    qtbot.waitUntil(lambda: opened.export_job is None, timeout=60000)
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert opened.central.currentWidget() is opened.preview
    assert opened.preview.document.pageCount() > 0
    assert not opened.busy.isVisible()


def test_errors_stop_the_export(opened, qtbot, monkeypatch):
    opened.doc.trip.stops[0].title = ""  # a required field left empty
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))
    assert not opened.export_pdf()
    assert "1 error" in shown[0]


def test_a_failed_export_is_shown_not_raised(opened, tmp_path, qtbot, monkeypatch, book):
    target = tmp_path / "missing-folder" / "book.pdf"
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(str(target)))
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))
    opened.export_pdf()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert "does not exist" in shown[0]
    assert opened.export_job is None and opened.act_export.isEnabled()


def test_the_worker_gets_a_copy_of_the_trip(opened, tmp_path, monkeypatch, qtbot):
    captured = []
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(str(tmp_path / "b.pdf")))
    monkeypatch.setattr(opened.thread_pool, "start", lambda job: captured.append(job))
    opened.export_pdf()
    assert captured[0].trip == opened.doc.trip and captured[0].trip is not opened.doc.trip
    opened._export_done()
