"""Export: runs off the UI thread, shows the book in the window; errors stop it; failures show."""

import pytest

from briefing.ui.export_options import ExportOptions


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
    asked = []
    monkeypatch.setattr(opened, "ask_export_draft", lambda n: asked.append(n) or False)
    assert not opened.export_pdf()
    assert asked == [1]


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


def old_version(tmp_path):
    """The trip as it was: the first stop had another title."""
    from briefing.fileformat import reader as fileformat

    from .conftest import small_trip

    trip = small_trip()
    trip.stops[0].title = "MWC (draft)"
    path = tmp_path / "trip-v1.yaml"
    fileformat.save(trip, path)
    return path


def fake_book(monkeypatch, opened):
    book = pytest.importorskip("briefing.book")
    calls = []
    monkeypatch.setattr(book, "export_pdf", lambda trip, path, **kw: calls.append((path, kw)))
    monkeypatch.setattr(opened.thread_pool, "start", lambda job: job.run())
    monkeypatch.setattr(opened.preview, "show_pdf", lambda path: False)
    return calls


def test_a_personal_copy_and_a_changes_page_reach_the_book(opened, tmp_path, monkeypatch):
    from .conftest import load

    old = old_version(tmp_path)
    calls = fake_book(monkeypatch, opened)
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(
        str(tmp_path / "b.pdf"), reader="aide", since=str(old)))
    assert opened.export_pdf()
    path, kwargs = calls[0]
    assert kwargs["reader"] == "aide"
    assert kwargs["since"] == load(old) and kwargs["since"].stops[0].title == "MWC (draft)"
    assert opened.export_job is None


def test_a_broken_since_file_is_shown_and_nothing_is_exported(opened, tmp_path, monkeypatch):
    broken = tmp_path / "old.yaml"
    broken.write_text("info:\n  title: [unclosed\n", encoding="utf-8")
    calls = fake_book(monkeypatch, opened)
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(
        str(tmp_path / "b.pdf"), since=str(broken)))
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))
    assert not opened.export_pdf()
    assert calls == [] and opened.export_job is None
    assert "old.yaml could not be read" in shown[0]
    assert "old.yaml:" in shown[0]  # the problems themselves, with their positions


def test_the_dialog_offers_each_member_and_loads_the_earlier_version(qtbot, tmp_path):
    from briefing.ui.dialogs.export import ExportDialog

    from .conftest import load, small_trip

    old = old_version(tmp_path)
    delegation = small_trip().delegation
    dialog = ExportDialog(ExportOptions(str(tmp_path / "b.pdf")), delegation=delegation)
    qtbot.addWidget(dialog)
    items = [(dialog.reader.itemText(i), dialog.reader.itemData(i)) for i in range(dialog.reader.count())]
    assert items == [("— none —", ""), ("이동환 — 시장", "mayor"), ("Kim", "aide"),
                     ("Every personal copy (one PDF each)", "all")]
    assert dialog.options().reader == "" and dialog.options().since_trip is None
    dialog.reader.setCurrentIndex(2)
    dialog.since.setText(str(old))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    options = dialog.options()
    assert options.reader == "aide" and options.since == str(old)
    assert options.since_trip == load(old)


def test_the_dialog_stays_open_on_a_broken_since_file(qtbot, tmp_path):
    from briefing.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(ExportOptions(str(tmp_path / "b.pdf")))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.since.setText(str(tmp_path / "missing.yaml"))
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "missing.yaml" in dialog.error.text()
    assert "no such file" in dialog.error.text()
    dialog.reject()


@pytest.mark.parametrize("target", ["trip", "other.yaml", "other.YML"])
def test_the_export_never_writes_over_a_trip_file(opened, trip_file, tmp_path, monkeypatch, target):
    path = str(trip_file) if target == "trip" else str(tmp_path / target)
    before = trip_file.read_bytes()
    calls = fake_book(monkeypatch, opened)
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(path))
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))
    assert not opened.export_pdf()
    assert calls == [] and opened.export_job is None
    assert ("trip file itself" if target == "trip" else ".yaml") in shown[0]
    assert trip_file.read_bytes() == before


def test_the_trip_file_under_another_name_is_refused_too(opened, trip_file, tmp_path, monkeypatch):
    import os

    link = tmp_path / "link.pdf"
    os.symlink(trip_file, link)
    calls = fake_book(monkeypatch, opened)
    monkeypatch.setattr(opened, "ask_export_options", lambda options: ExportOptions(str(link)))
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))
    assert not opened.export_pdf()
    assert calls == [] and "trip file itself" in shown[0]


def test_the_dialog_refuses_the_trip_file_and_stays_open(qtbot, trip_file, tmp_path):
    from briefing.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(ExportOptions(str(tmp_path / "b.pdf")), trip_path=str(trip_file))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(trip_file))  # not turned into trip.yaml.pdf: refused
    dialog.accept()
    assert dialog.isVisible() and "trip file itself" in dialog.error.text()
    dialog.path.setText(str(tmp_path / "notes.yml"))
    dialog.accept()
    assert dialog.isVisible() and ".pdf" in dialog.error.text()
    dialog.path.setText(str(tmp_path / "trip"))  # becomes trip.pdf: fine
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.options().path == str(tmp_path / "trip.pdf")


def test_the_next_export_offers_the_edition_of_the_last_one(opened, tmp_path, qtbot, monkeypatch,
                                                             book):
    offered = []

    def ask(options):
        offered.append(options.edition)
        return ExportOptions(str(tmp_path / f"book{len(offered)}.pdf"), "a4", "handout")

    monkeypatch.setattr(opened, "ask_export_options", ask)
    opened.export_pdf()
    qtbot.waitUntil(lambda: opened.export_job is None, timeout=60000)
    opened.export_pdf()
    qtbot.waitUntil(lambda: opened.export_job is None, timeout=60000)
    assert offered == ["full", "handout"]
    opened.settings.set_edition("full")  # a new default in Preferences wins again
    assert opened.settings.last_edition() == "full"
