"""The command line used the way a new user would: mistyped commands, no display, hostile values,
the messages' language."""

import os
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from briefing import __version__
from briefing.cli import commands as cli_module

COMMANDS = ("validate", "example", "schema", "export", "calendar")
QT_STARTED = "fake PySide6 imported"
unix_desktop = pytest.mark.skipif(not sys.platform.startswith(("linux", "freebsd")),
                                  reason="X11/Wayland display variables")


@pytest.fixture
def without_qt(tmp_path: Path) -> dict:
    """An environment with no display in which importing PySide6 ends the process at once (exit
    99), so a test sees whether the command went as far as starting the window."""
    fake = tmp_path / "fake-qt" / "PySide6"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        f"import sys\nsys.stderr.write({QT_STARTED!r} + '\\n')\nsys.exit(99)\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(fake.parent)
    return env


def test_the_command_is_the_installed_entry_point(briefing_command, cli):
    assert briefing_command.parent == Path(sys.executable).parent
    out = cli("--version")
    assert out.returncode == 0 and out.stdout.split() == ["briefing", __version__]


# -- mistyped commands ---------------------------------------------------------------------------


def test_a_mistyped_command_is_named_with_the_one_meant(example_path, tmp_path, cli, without_qt):
    out = cli("valdate", example_path.name, cwd=tmp_path, env=without_qt)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("usage: briefing")
    assert out.stderr.splitlines()[-1] == ("briefing: unknown command 'valdate'; "
                                           "did you mean 'validate'?")
    assert "Export" not in out.stderr  # not the whole help


def test_an_unknown_word_is_refused_without_starting_the_window(tmp_path, cli, without_qt):
    out = cli("frobnicate", cwd=tmp_path, env=without_qt)
    assert QT_STARTED not in out.stderr
    assert out.returncode == 2
    last = out.stderr.splitlines()[-1]
    assert last.startswith("briefing: unknown command 'frobnicate'; the commands are ")
    assert all(command in last for command in COMMANDS)
    out = cli("--example", "exprot", cwd=tmp_path, env=without_qt)
    assert out.returncode == 2 and "did you mean 'export'?" in out.stderr


@pytest.mark.parametrize("name", ["trip", "trip.yaml", "no-such.yaml", "sub/trip"])
def test_a_file_name_still_opens_the_window(name, tmp_path, cli, without_qt):
    (tmp_path / "trip").write_text("briefing: 1\n", encoding="utf-8")  # a file with no extension
    out = cli(name, cwd=tmp_path, env={**without_qt, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 99 and QT_STARTED in out.stderr, out.stderr


# -- no display ----------------------------------------------------------------------------------


@unix_desktop
@pytest.mark.parametrize("args", [(), ("--example",), ("trip.yaml",)])
def test_without_a_display_the_window_says_so_in_one_line(args, tmp_path, cli, without_qt):
    out = cli(*args, cwd=tmp_path, env=without_qt)
    assert QT_STARTED not in out.stderr
    assert out.returncode == 1 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert "no display to open a window on" in line
    assert "briefing export FILE" in line and "briefing validate FILE" in line
    assert "xcb" not in line


def _x_socket(number: int) -> socket.socket | None:
    """A socket where an X server for display `number` listens (its abstract Linux name), or None
    if one is there already."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(f"\0/tmp/.X11-unix/X{number}")
    except OSError:
        s.close()
        return None
    s.listen()
    return s


@pytest.fixture
def x_display():
    """A display on which something answers as an X server would, for as long as the test runs."""
    for number in range(640, 700):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and (s := _x_socket(number)):
            with s:
                yield f":{number}"
            return
    pytest.skip("no free display number")


@pytest.fixture
def silent_display():
    """A display on which no X server answers."""
    for number in range(700, 760):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and (s := _x_socket(number)):
            s.close()
            return f":{number}"
    pytest.skip("no free display number")


linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's abstract sockets")


@linux
def test_a_display_without_an_x_server_gets_one_line_not_qts_abort(tmp_path, cli, without_qt,
                                                                    silent_display):
    out = cli("trip.yaml", cwd=tmp_path, env={**without_qt, "DISPLAY": silent_display})
    assert QT_STARTED not in out.stderr
    assert out.returncode == 1 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert f"no X server answers on the display {silent_display}" in line
    assert "briefing export FILE" in line and "xcb" not in line


@linux
@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"])
def test_a_display_or_a_chosen_qt_platform_starts_the_window(variable, tmp_path, cli, without_qt,
                                                            x_display):
    value = {"DISPLAY": x_display, "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "offscreen"}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as compositor:
        compositor.bind(str(tmp_path / "wayland-0"))  # a compositor answers on wayland-0
        compositor.listen()
        out = cli(cwd=tmp_path, env={**without_qt, variable: value[variable],
                                     "XDG_RUNTIME_DIR": str(tmp_path)})
    assert out.returncode == 99 and QT_STARTED in out.stderr


@pytest.mark.parametrize("platform, environ, missing", [
    ("linux", {}, True),
    ("linux", {"DISPLAY": ""}, True),
    ("freebsd14", {"LANG": "ko_KR.UTF-8"}, True),
    ("linux", {"DISPLAY": ":1"}, False),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, False),
    ("linux", {"QT_QPA_PLATFORM": "offscreen"}, False),
    ("win32", {}, False),
    ("darwin", {}, False),
])
def test_no_display_only_where_x11_or_wayland_is_needed(platform, environ, missing):
    assert cli_module._no_display(environ, platform) is missing


# -- values from the file are shown, never obeyed by the terminal ----------------------------------


# An unknown key is quoted back in its message; values with control characters are refused by the
# file layer, which may or may not quote them.
HOSTILE_TRIP = (
    'briefing: 1\ntrip:\n  title: "출장 \\e[2J"\n  "bo\\e]0;pwned\\a\\x9b\\x7fgus": 1\n'
    '  start: 2023-01-01\n  end: 2023-01-02\n'
    '  home_timezone: "Asia/Se\\x9b2J\\x7f\\x00oul\\r"\n'
)


def _controls(text: str) -> set[str]:
    return {c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"}


@pytest.mark.parametrize("command", ["validate", "export", "calendar"])
def test_control_characters_from_the_file_are_shown_as_escapes(command, tmp_path, cli):
    (tmp_path / "t.yaml").write_text(HOSTILE_TRIP, encoding="utf-8")
    out = cli(command, "t.yaml", cwd=tmp_path)
    assert out.returncode == 1
    printed = out.stdout + out.stderr
    assert _controls(printed) == set()
    assert "unknown key ‘bo\\x1b]0;pwned\\x07\\x9b\\x7fgus’" in printed


def test_a_control_character_in_a_file_name_is_shown(tmp_path, cli):
    out = cli("validate", "a\x1b[2Jb.yaml", cwd=tmp_path)
    assert out.returncode == 1 and "a\\x1b[2Jb.yaml" in out.stdout + out.stderr
    assert _controls(out.stdout + out.stderr) == set()


def test_terminal_safe_escapes_every_control_but_tab_and_line_break():
    controls = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
    shown = cli_module._terminal_safe(f"출장 {controls} ok")
    assert _controls(shown) == set()
    assert shown.startswith("출장 \\x00\\x01") and shown.endswith("\\x9f ok")
    assert "\\x1b" in shown and "\\x7f" in shown and "\t\n" in shown


# -- the messages' language ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "export", "calendar"])
def test_lang_option_on_every_command_that_prints_problems(command):
    parser = cli_module._parser()
    assert parser.parse_args([command, "t.yaml", "--lang", "ko"]).lang == "ko"
    assert parser.parse_args([command, "--lang", "en", "t.yaml"]).lang == "en"
    assert parser.parse_args([command, "t.yaml"]).lang is None
    assert "--lang" in parser.commands[command].format_help()


def test_lang_refuses_other_languages(example_path, tmp_path, cli):
    out = cli("validate", example_path.name, "--lang", "fr", cwd=tmp_path)
    assert out.returncode == 2 and "briefing validate: error: argument --lang" in out.stderr


@pytest.mark.parametrize("lang, environ, expected", [
    ("en", {"LANG": "ko_KR.UTF-8"}, "en"),
    ("ko", {"LC_ALL": "C"}, "ko"),
    (None, {"LC_ALL": "ko_KR.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
    (None, {"LC_ALL": "", "LC_MESSAGES": "ko_KR.eucKR", "LANG": "en_US.UTF-8"}, "ko"),
    (None, {"LC_MESSAGES": "C.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),
    (None, {"LANG": "ko"}, "ko"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
])
def test_language_from_option_else_environment(lang, environ, expected, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    args = cli_module._parser().parse_args(["validate", "t.yaml"] + (["--lang", lang] if lang else []))
    assert cli_module._language(args) == expected


# -- a closed pipe -------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE's exit status")
@pytest.mark.parametrize("args", [("example",), ("schema",), ("validate", "EXAMPLE")])
def test_a_closed_pipe_ends_quietly(args, example_path, briefing_command):
    argv = [str(briefing_command), *(str(example_path) if a == "EXAMPLE" else a for a in args)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    proc.stdout.close()  # `| head` that has read what it wanted, before the first line is written
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 141, err
    assert err == ""


# -- many problems of one kind -------------------------------------------------------------------


def test_problems_of_one_kind_are_counted_past_the_first_ten(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    path = tmp_path / "t.yaml"
    path.write_text("briefing: 1\ntrip:\n  title: t\n  start: 2023-02-26\n  end: 2023-03-05\n"
                    "stops:\n" + "  - {}\n" * 1200, encoding="utf-8")
    assert cli_module.main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 10 + 1 + 10 + 1 + 1, lines
    assert "… and 2,390 more like this: error: empty; this field must be filled in" in lines
    assert any(line.startswith("… and 1,190 more like this: warning: ") for line in lines)
    assert lines[-1] == f"{path}: 2400 errors, 1200 warnings"
