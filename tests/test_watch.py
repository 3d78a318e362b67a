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



def test_a_book_of_a_file_that_changed_while_it_was_built_never_replaces_the_good_one(tmp_path):
    from briefing.fileformat.atomic import write_atomic

    path, book = tmp_path / "trip.yaml", tmp_path / "book.pdf"
    first = "briefing: 1\ntrip:\n  title: 출장\n"
    last = first + "stops:\n  - title: MWC\n  - title: Embassy\n"
    path.write_text(first)
    builds, on_disk = [], []

    def build():
        builds.append(path.read_text())
        if len(builds) == 2:  # an editor writing in place read halfway, then the rest
            path.write_text(last[:len(first) + 20])
            builds[-1] = path.read_text()
            path.write_text(last)
        write_atomic(book, builds[-1].encode())
        on_disk.append(book.read_text())

    def keep_going():
        if len(builds) == 1:
            path.write_text(first + "stops: []\n")  # the next save
        return len(builds) == 1

    watching.watch(path, build, sleep=lambda s: None, keep_going=keep_going)
    assert len(builds) == 3  # the half-read build was discarded and built again
    assert on_disk == [first, last]  # the half-written file's book was never put in place


@pytest.mark.skipif(sys.platform == "win32", reason="a file written in place while it is read")
def test_an_editor_pausing_halfway_through_a_save_never_shortens_the_book_on_disk(
        example_path, tmp_path, briefing_command):
    import selectors

    trip, out = tmp_path / "trip.yaml", tmp_path / "book.pdf"
    text = example_path.read_bytes()
    trip.write_bytes(text)
    proc = subprocess.Popen([str(briefing_command), "export", str(trip), "-o", str(out),
                             "--watch"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, encoding="utf-8")
    try:
        while not _read_line(proc).startswith("wrote"):
            pass
        whole = len(PdfReader(out).pages)
        cut = text.index(b"\n  - ", text.index(b"\nstops:") + 20)  # after the first stop
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        seen, wrote = set(), []
        with trip.open("r+b") as f:  # in place, as some editors save
            f.truncate(0)
            f.write(text[:cut])
            f.flush()
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                seen.add(len(PdfReader(out).pages))
                if sel.select(timeout=0.05):
                    wrote.append(proc.stdout.readline())
            f.write(text[cut:])
        deadline = time.monotonic() + 120
        while not any(line.startswith("wrote") for line in wrote):
            assert time.monotonic() < deadline, "no book after the save"
            seen.add(len(PdfReader(out).pages))
            if sel.select(timeout=0.05):
                wrote.append(proc.stdout.readline())
    finally:
        proc.kill()
        proc.wait()
    assert seen == {whole} and len(PdfReader(out).pages) == whole
    assert len(wrote) == 1 and wrote[0].startswith(f"wrote {out} ({whole} pages)")
