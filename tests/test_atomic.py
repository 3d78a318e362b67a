"""File safety when saving and reading: links, read-only files, the backup, pipes and devices,
the umask, and temporary files left by a save that was killed."""

from __future__ import annotations

import os
import stat
import threading
import time

import pytest

import briefing
from briefing.cli import commands as cli
from briefing.fileformat import atomic
from briefing.fileformat import reader as fileformat
from briefing.trip import model
from briefing.trip.problems import SaveError, TripFileError

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes and links")


def trip(title: str) -> model.Trip:
    return model.Trip(info=model.TripInfo(title=title))


def saved(path, title: str):
    briefing.save(trip(title), path)
    return path.read_bytes()


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def finishes(func, *args, fifo=None, seconds: float = 10):
    """func(*args)'s result, failing the test (instead of hanging it) if it blocks on `fifo`."""
    out = {}

    def run():
        try:
            out["value"] = func(*args)
        except BaseException as e:  # handed to the test below
            out["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:  # let the blocked reader go, so the test run can end
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(seconds)
        pytest.fail(f"{func.__name__} blocked")
    if "error" in out:
        raise out["error"]
    return out["value"]


# -- links ------------------------------------------------------------------------------------


@posix_only
def test_saving_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "shared" / "mwc.yaml"
    real.parent.mkdir()
    first = saved(real, "첫판")
    desk = tmp_path / "desk"
    desk.mkdir()
    link = desk / "trip.yaml"
    link.symlink_to(os.path.relpath(real, desk))
    briefing.save(trip("둘째판"), link)
    assert link.is_symlink() and link.resolve() == real
    assert briefing.load(real).info.title == "둘째판"
    assert (real.parent / "mwc.yaml.bak").read_bytes() == first  # beside the real file
    assert listing(desk) == ["trip.yaml"]
    assert listing(real.parent) == ["mwc.yaml", "mwc.yaml.bak"]


@posix_only
def test_a_hard_linked_file_is_refused(tmp_path):
    path = tmp_path / "trip.yaml"
    before = saved(path, "원본")
    other = tmp_path / "copy.yaml"
    os.link(path, other)
    with pytest.raises(SaveError) as e:
        briefing.save(trip("새것"), path)
    assert "trip.yaml has other hard links; saving would break them; use Save As" in str(e.value)
    assert path.read_bytes() == before and os.path.samefile(path, other)
    assert listing(tmp_path) == ["copy.yaml", "trip.yaml"]


# -- read-only files ----------------------------------------------------------------------------


def test_a_read_only_file_is_refused_even_for_root(tmp_path):
    path = tmp_path / "trip.yaml"
    before = saved(path, "원본")
    path.chmod(0o444)
    with pytest.raises(SaveError) as e:
        briefing.save(trip("새것"), path)
    assert str(path) in str(e.value) and "read-only" in str(e.value)
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert listing(tmp_path) == ["trip.yaml"]


# -- the backup -------------------------------------------------------------------------------


def test_saving_twice_without_a_change_keeps_the_older_backup(tmp_path):
    path = tmp_path / "trip.yaml"
    first = saved(path, "첫판")
    second = saved(path, "둘째판")
    assert saved(path, "둘째판") == second
    assert (tmp_path / "trip.yaml.bak").read_bytes() == first
    saved(path, "셋째판")
    assert (tmp_path / "trip.yaml.bak").read_bytes() == second


def test_a_folder_named_like_the_backup_is_reported_not_fatal(tmp_path):
    path = tmp_path / "trip.yaml"
    saved(path, "첫판")
    (tmp_path / "trip.yaml.bak").mkdir()
    notes = briefing.save(trip("둘째판"), path)
    assert briefing.load(path).info.title == "둘째판"
    assert len(notes) == 1 and "trip.yaml.bak is a folder" in notes[0]
    assert (tmp_path / "trip.yaml.bak").is_dir()
    assert briefing.save(trip("둘째판"), path) == []  # nothing to back up: nothing to say


def test_the_backup_keeps_the_old_file_permissions_and_time(tmp_path):
    path = tmp_path / "trip.yaml"
    saved(path, "첫판")
    path.chmod(0o640)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    saved(path, "둘째판")
    backup = (tmp_path / "trip.yaml.bak").stat()
    assert stat.S_IMODE(backup.st_mode) == 0o640 and backup.st_mtime == 1_600_000_000
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- pipes, devices and sockets ---------------------------------------------------------------


@posix_only
def test_loading_a_pipe_is_refused_at_once(tmp_path):
    fifo = tmp_path / "trip.yaml"
    os.mkfifo(fifo)
    with pytest.raises(TripFileError) as e:
        finishes(fileformat.load, fifo, fifo=fifo)
    assert str(e.value) == f"{fifo}: error: this is a pipe (FIFO), not a trip file; give a regular file"


@posix_only
def test_validate_and_since_refuse_a_pipe(tmp_path, capsys):
    fifo = tmp_path / "old.yaml"
    os.mkfifo(fifo)
    assert finishes(cli.main, ["validate", str(fifo)], fifo=fifo) == 1
    assert f"{fifo}: error: this is a pipe (FIFO)" in capsys.readouterr().out
    good = tmp_path / "trip.yaml"
    assert cli.main(["example", "-o", str(good)]) == 0
    argv = ["export", str(good), "-o", str(tmp_path / "book.pdf"), "--since", str(fifo)]
    assert finishes(cli.main, argv, fifo=fifo) == 1
    assert f"{fifo} cannot be read" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@posix_only
def test_writing_to_a_pipe_is_refused_and_the_pipe_stays(tmp_path, capsys):
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SaveError) as e:
        briefing.save(trip("t"), fifo)
    assert str(e.value) == (f"cannot save {fifo}: it is a pipe (FIFO), not a file; give a file"
                            " name; nothing was changed on disk")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert cli.main(["example", "-o", str(fifo), "--force"]) == 1
    assert "pipe (FIFO)" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert listing(tmp_path) == ["out.yaml"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device needs root")
def test_writing_to_a_device_is_refused_and_the_device_stays(tmp_path, capsys):
    null = tmp_path / "null"  # what `-o /dev/null` is, without risking the real one
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    trip_file = tmp_path / "trip.yaml"
    assert cli.main(["example", "-o", str(trip_file)]) == 0
    assert cli.main(["calendar", str(trip_file), "-o", str(null)]) == 1
    assert f"not writing to {null}: {null} is a device, not a file" in capsys.readouterr().err
    assert stat.S_ISCHR(null.stat().st_mode)
    with pytest.raises(TripFileError, match="this is a device, not a trip file"):
        fileformat.load(null)


@posix_only
def test_a_socket_is_neither_read_nor_replaced(tmp_path):
    import socket

    here = os.getcwd()
    os.chdir(tmp_path)  # a socket's path must be short
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind("s.yaml")
            with pytest.raises(TripFileError, match="this is a socket"):
                fileformat.load("s.yaml")
            with pytest.raises(SaveError, match="it is a socket"):
                briefing.save(trip("t"), "s.yaml")
            assert stat.S_ISSOCK(os.stat("s.yaml").st_mode)
    finally:
        os.chdir(here)


def test_a_folder_is_still_called_a_folder(tmp_path):
    with pytest.raises(SaveError, match="that is a folder"):
        briefing.save(trip("t"), tmp_path)
    with pytest.raises(TripFileError, match="this is a folder"):
        fileformat.load(tmp_path)


# -- the umask --------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads the umask from /proc")
def test_a_new_file_follows_the_umask_without_changing_it(tmp_path, monkeypatch):
    old = os.umask(0o027)
    try:
        def no_games(mask):
            raise AssertionError("os.umask changes the mask for every thread")

        monkeypatch.setattr(atomic.os, "umask", no_games)
        briefing.save(trip("t"), tmp_path / "new.yaml")
        assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640
    finally:
        monkeypatch.undo()
        os.umask(old)


def test_a_private_file_is_for_its_owner_alone(tmp_path):
    path = tmp_path / "copy.yaml"
    atomic.write_atomic(path, b"x", private=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# -- temporary files left by a killed save ----------------------------------------------------


def test_the_next_save_removes_temporary_files_left_by_a_crash(tmp_path):
    path = tmp_path / "trip.yaml"
    saved(path, "첫판")
    left = [".trip.yaml.abc_1234.tmp", ".trip.yaml.bak.zz9yx8w7.tmp"]
    kept = [".trip.yaml.v2.abcdefgh.tmp", ".other.yaml.abcdefgh.tmp", "notes.txt"]
    for name in left + kept:
        (tmp_path / name).write_bytes(b"half")
        os.utime(tmp_path / name, (time.time() - 60, time.time() - 60))
    newer = tmp_path / ".trip.yaml.q1w2e3r4.tmp"  # another save's, begun after this one
    newer.write_bytes(b"busy")
    os.utime(newer, (time.time() + 60, time.time() + 60))
    saved(path, "둘째판")
    assert listing(tmp_path) == sorted(["trip.yaml", "trip.yaml.bak", newer.name] + kept)


def test_a_failed_save_leaves_no_temporary_file_and_no_new_backup(tmp_path, monkeypatch):
    path = tmp_path / "trip.yaml"
    saved(path, "첫판")
    before = saved(path, "둘째판")
    backup = (tmp_path / "trip.yaml.bak").read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(SaveError, match="permission denied"):
        briefing.save(trip("셋째판"), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert (tmp_path / "trip.yaml.bak").read_bytes() == backup
    assert listing(tmp_path) == ["trip.yaml", "trip.yaml.bak"]


@posix_only
def test_a_symlink_loop_is_refused_in_words(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to("loop.yaml")
    with pytest.raises(SaveError, match="go round in a circle"):
        briefing.save(trip("t"), loop)
    assert loop.is_symlink()
