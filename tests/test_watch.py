"""`briefing export FILE --watch`: a new book after every save, the last good one kept on errors."""

import os
import signal
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from briefing.cli import watch as watching


def test_builds_once_at_start_and_once_per_save(tmp_path):
    path = tmp_path / "trip.yaml"
    path.write_text("one")
    builds, looks = [], iter(range(40))
    saves = {5: "two", 12: "three three", 20: "three three"}  # the last one changes nothing

    def build():
        builds.append(path.read_text())

    def keep_going():
        n = next(looks, None)
        if n in saves and path.read_text() != saves[n]:
            path.write_text(saves[n])
            os.utime(path, ns=(n * 10**9, n * 10**9))  # a new stamp even on a coarse clock
        return n is not None

    watching.watch(path, build, sleep=lambda s: None, keep_going=keep_going)
    assert builds == ["one", "two", "three three"]


def test_a_file_being_replaced_is_read_once_it_is_back(tmp_path):
    path = tmp_path / "trip.yaml"
    path.write_text("one")
    builds, looks = [], iter(range(12))

    def keep_going():
        n = next(looks, None)
        if n == 3:
            path.unlink()  # an editor's save: delete, then rename the new file in
        if n == 6:
            path.write_text("two")
        return n is not None

    watching.watch(path, lambda: builds.append(path.read_text()), sleep=lambda s: None,
                   keep_going=keep_going)
    assert builds == ["one", "two"]


def test_a_file_that_changed_while_it_was_built_is_built_again(tmp_path):
    path = tmp_path / "trip.yaml"
    path.write_text("briefing: 1\ntrip:\n")  # an editor paused halfway through writing it
    builds = []

    def build():
        builds.append(path.read_text())
        if len(builds) == 1:
            with path.open("a") as f:  # ... and wrote the rest while the book was made
                f.write("  title: 출장\n")

    watching.watch(path, build, sleep=lambda s: None, keep_going=lambda: False)
    assert builds == ["briefing: 1\ntrip:\n", "briefing: 1\ntrip:\n  title: 출장\n"]


def test_a_file_renamed_into_place_is_built_at_once(tmp_path):
    path = tmp_path / "trip.yaml"
    path.write_text("one")
    events, looks = [], iter(range(6))

    def keep_going():
        n = next(looks, None)
        if n == 2:
            (tmp_path / "new.tmp").write_text("two")
            os.replace(tmp_path / "new.tmp", path)
            events.append("renamed")
        return n is not None

    watching.watch(path, lambda: events.append(path.read_text()),
                   sleep=lambda s: events.append(s), keep_going=keep_going)
    after = events[events.index("renamed") + 1:]
    assert after[:after.index("two")] == [watching.POLL_SECONDS]  # no wait for it to settle


def _read_line(proc, timeout=120.0) -> str:
    # A thread-free wait for one line of output, failing instead of hanging the suite.
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sel.select(timeout=0.5):
            line = proc.stdout.readline()
            if line:
                return line.rstrip("\n")
            raise AssertionError("the command ended: " + proc.stderr.read())
    raise AssertionError("no output within the time limit")


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_watch_rewrites_the_book_keeps_the_last_good_one_and_stops_on_ctrl_c(
        example_path, tmp_path, briefing_command):
    out = tmp_path / "book.pdf"
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    proc = subprocess.Popen([str(briefing_command), "export", str(example_path), "-o", str(out),
                             "--watch"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env)
    try:
        lines = [_read_line(proc)]
        while not lines[-1].startswith("wrote"):
            lines.append(_read_line(proc))
        assert lines[-1].startswith(f"wrote {out} (") and lines[-1].endswith(" s")
        text = example_path.read_text(encoding="utf-8")
        first_title = briefing_title(text)
        example_path.write_text(text.replace(f"title: {first_title}\n",
                                             f"title: {first_title} 수정본\n", 1),
                                encoding="utf-8")
        line = _read_line(proc)
        assert line.startswith(f"wrote {out} (")
        assert first_title + " 수정본" in PdfReader(out).pages[0].extract_text()
        good = out.read_bytes()
        # An error: reported, and the last good book stays as it was.
        example_path.write_text(text.replace("start: 2023-02-26", "start: 2023-02-30", 1),
                                encoding="utf-8")
        err = _read_stderr_until(proc, "2023-02-30")
        assert "no book was written" in err or "2023-02-30" in err
        assert out.read_bytes() == good
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert "Traceback" not in stderr
    assert "stopped" in stdout


def briefing_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("  title:"):  # the trip's own, not a comment's
            return line.split(":", 1)[1].strip()
    raise AssertionError("no title")


def _read_stderr_until(proc, needle: str, timeout=120.0) -> str:
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and needle not in seen:
        if sel.select(timeout=0.5):
            line = proc.stderr.readline()
            if not line:
                break
            seen += line
    return seen
