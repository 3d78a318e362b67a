"""The window's command says in one line that no display answers, where Qt would abort (exit 134)
blaming a missing libxcb-cursor0: a DISPLAY that names no X display, a Wayland compositor that is
not there, a platform chosen with QT_QPA_PLATFORM that cannot start."""

import socket
import sys

import pytest

from briefing.cli import commands

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland")


@pytest.mark.parametrize("environ, said", [
    ({"DISPLAY": "garbage"}, "names no X display"),
    ({"WAYLAND_DISPLAY": "wayland-9"}, "no Wayland compositor answers on wayland-9"),
    ({"QT_QPA_PLATFORM": "wayland"}, "no Wayland compositor answers on wayland-0"),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": "garbage"}, "names no X display"),
])
def test_a_display_that_cannot_be_reached_is_said_before_qt_starts(environ, said, tmp_path,
                                                                   monkeypatch, capsys):
    environ = {"XDG_RUNTIME_DIR": str(tmp_path), **environ}
    assert said in commands._unreachable_display(environ, "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    assert commands.main(["trip.yaml"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert said in line and "briefing export FILE" in line


def test_a_compositor_that_answers_or_a_platform_without_a_display_is_left_to_qt(tmp_path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as compositor:
        compositor.bind(str(tmp_path / "wayland-9"))
        compositor.listen()
        assert commands._unreachable_display(
            {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux") == ""
    for platform in ("offscreen", "vnc:size=800x600", "eglfs"):
        assert commands._unreachable_display({"QT_QPA_PLATFORM": platform}, "linux") == ""
