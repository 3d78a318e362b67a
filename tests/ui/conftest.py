"""Fixtures for the window tests: private settings and recovery folder, a small trip file."""

import datetime as dt
import os

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

from briefing.fileformat import reader as fileformat
from briefing.trip import model  # noqa: E402
from briefing.ui import i18n  # noqa: E402
from briefing.ui.settings import Settings  # noqa: E402


def small_trip() -> model.Trip:
    """A trip with two stops, an agenda and talking points: enough to drive every editor."""
    return model.Trip(
        info=model.TripInfo(title="Test trip", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5)),
        delegation=[model.Person(id="mayor", name="이동환", title="시장"),
                    model.Person(id="aide", name="Kim")],
        stops=[
            model.Stop(
                title="MWC", kind="exhibition", city="Barcelona", timezone="Europe/Madrid",
                date=dt.date(2023, 2, 27), start=dt.time(10), end=dt.time(12),
                agenda=[model.AgendaItem(time=dt.time(10), minutes=30, item="Welcome", lead="mayor"),
                        model.AgendaItem(time=dt.time(10, 30), minutes=60, item="Tour")],
                talking_points=[model.TalkingPoint(text="First point", speaker="mayor", key=True),
                                model.TalkingPoint(text="Second point", details=["a", "b"])],
            ),
            model.Stop(title="City hall", kind="meeting", city="Girona", date=dt.date(2023, 3, 1),
                       talking_points=[model.TalkingPoint(text="Hello")]),
        ],
        contacts=[model.Contact(name="Embassy", phone="+34 1")],
    )


@pytest.fixture(scope="session", autouse=True)
def _test_mode():
    QStandardPaths.setTestModeEnabled(True)
    i18n.set_language("en")


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def trip_file(tmp_path):
    path = tmp_path / "trip.yaml"
    fileformat.save(small_trip(), path)
    return path


@pytest.fixture
def recovery_dir(tmp_path):
    return tmp_path / "recovery"


DIALOGS = ("ask_save_changes", "show_error", "show_load_problems", "get_open_path",
           "get_save_path", "ask_restore", "ask_merge", "ask_export_options", "show_notices")


@pytest.fixture
def make_window(qtbot, settings, recovery_dir):
    """Makes main windows whose dialogs fail the test unless the test replaces them."""
    from briefing.ui.main_window import MainWindow

    made = []

    def make():
        win = MainWindow(settings, recovery_dir=str(recovery_dir))

        def unexpected(name):
            def fail(*args, **kwargs):
                raise AssertionError(f"unexpected dialog {name}: {args}")
            return fail

        for name in DIALOGS:
            setattr(win, name, unexpected(name))
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.doc.undo_stack.setClean()  # so closing asks nothing
        win.ask_save_changes = lambda: "discard"
        win.close()
        win.deleteLater()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def opened(window, trip_file):
    assert window.open_file(str(trip_file))
    return window


def load(path):
    return fileformat.load(os.fspath(path))
