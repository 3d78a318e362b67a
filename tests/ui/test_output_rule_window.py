"""The window's exports keep the command line's rule: an output replaces only the file it names,
of its own kind (briefing.fileformat.outputs); nothing is started when it would not."""

import os

import pytest

from briefing.ui.actions import export_actions
from briefing.ui.export_options import EVERY_MEMBER, ExportOptions

OTHER_TRIP = "briefing: 1\ntrip:\n  title: Another team's trip\n"


@pytest.fixture
def refused(opened, monkeypatch):
    """The messages the window shows; any export job started fails the test."""
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))

    def no_job(*args, **kwargs):
        raise AssertionError("an export was started")

    monkeypatch.setattr(export_actions, "ExportJob", no_job)
    return shown


def test_the_book_is_not_written_through_a_link_to_another_trip(opened, tmp_path, monkeypatch,
                                                                refused):
    (tmp_path / "other.yaml").write_text(OTHER_TRIP, encoding="utf-8")
    os.symlink("other.yaml", tmp_path / "book.pdf")
    monkeypatch.setattr(opened, "ask_export_options",
                        lambda options: ExportOptions(str(tmp_path / "book.pdf"), replace=True))
    assert not opened.export_pdf()
    assert "is a symbolic link (to other.yaml)" in refused[0]
    assert (tmp_path / "other.yaml").read_text(encoding="utf-8") == OTHER_TRIP


def test_personal_copies_are_checked_before_any_is_written(opened, tmp_path, monkeypatch,
                                                           refused):
    folder = tmp_path / "copies"
    folder.mkdir()
    options = ExportOptions(str(folder), reader=EVERY_MEMBER, stem="trip", replace=True)
    first = export_actions.targets(options, opened.doc.trip.delegation)[0]
    with open(first, "w", encoding="utf-8") as f:
        f.write(OTHER_TRIP)  # a trip saved under a copy's name
    monkeypatch.setattr(opened, "ask_export_options", lambda _options: options)
    assert not opened.export_pdf()
    assert "is a trip file" in refused[0]
    assert os.listdir(folder) == [os.path.basename(first)]


def test_the_plan_does_not_replace_a_file_of_another_kind(opened, tmp_path, monkeypatch):
    notes = tmp_path / "notes.pdf"
    notes.write_text("my notes\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(opened, "show_error", lambda title, text: shown.append(text))
    monkeypatch.setattr(opened.paperwork_export, "get_path", lambda kind, suggested: str(notes))
    assert not opened.paperwork_export.export("plan")
    assert opened.paperwork_export.job is None
    assert "holds something other than a PDF file" in shown[0]
    assert notes.read_text(encoding="utf-8") == "my notes\n"
