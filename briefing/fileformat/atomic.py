"""Writing a file so that a crash, a full disk or a lost permission never leaves half of it.

The new bytes go to a temporary file beside the target (`.NAME.xxxxxxxx.tmp`), are flushed to the
disk and then replace the target in one rename. A process killed at any moment leaves the old
file or the new one, and at worst a temporary file, which the next save of that file removes.

Reading goes through `open_regular`, so that a pipe or a device named as a file is refused
instead of blocking forever or being read from.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.trip.problems import SaveError
from briefing.trip.words import N_

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENOENT: "the folder does not exist (was it moved or deleted?)",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EISDIR: "that is a folder; give a file name",
    errno.ELOOP: "the symbolic links go round in a circle",
}

# O_NONBLOCK: a pipe that slipped in between the check and the open still cannot block the read.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))
# What tempfile.mkstemp puts between the prefix and the suffix.
_TEMP_TAIL = r"(?:\.bak)?\.[a-z0-9_]{8}\.tmp"


class NotRegularFile(OSError):
    """A pipe, a device or a socket where a file was expected; `kind` says which, in English."""

    def __init__(self, path, kind: str):
        super().__init__(errno.EINVAL, f"{kind}, not a file", str(path))
        self.kind = kind


class Stale(Exception):
    """What the output was made from changed while it was made: nothing was written."""


# Asked just before a new file takes the old one's place (see `only_if`); None: always written.
_STILL_SO: contextvars.ContextVar[Callable[[], bool] | None] = contextvars.ContextVar(
    "_STILL_SO", default=None)


@contextlib.contextmanager
def only_if(unchanged: Callable[[], bool]) -> Iterator[None]:
    """Within it, each `write_atomic` asks `unchanged()` at the last moment and, if false, writes
    nothing and raises Stale: a book made from a file an editor was still writing never replaces
    the good one (`briefing export --watch`)."""
    token = _STILL_SO.set(unchanged)
    try:
        yield
    finally:
        _STILL_SO.reset(token)


def describe(error: OSError) -> str:
    if isinstance(error, NotRegularFile):
        return f"it is {error.kind}, not a file; give a file name"
    return _REASONS.get(error.errno, error.strerror or str(error))


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in English (marked for the catalog)."""
    if stat.S_ISDIR(mode):
        return N_("a folder")
    if stat.S_ISFIFO(mode):
        return N_("a pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("a device")
    return N_("a special file")


def _check_regular(st: os.stat_result, path) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, kind_of(st.st_mode))


def open_regular(path: str | os.PathLike):
    """Open a regular file for reading in binary; a folder, pipe, device or socket is refused
    (IsADirectoryError, NotRegularFile) before it is opened, so nothing can block or be consumed.
    """
    _check_regular(os.stat(path), path)
    f = os.fdopen(os.open(path, _READ_FLAGS), "rb")
    try:
        _check_regular(os.fstat(f.fileno()), path)  # replaced between the stat and the open
    except BaseException:
        f.close()
        raise
    return f


def write_atomic(path: Path, data: bytes, *, backup: bool = False, private: bool = False) -> list[str]:
    """Replace `path` with `data` in one step; on failure the old file is untouched.

    A symbolic link is written through: its final target is replaced and the link stays. A file
    that is read-only (no write bit for anyone), that has other hard links, or that is not a
    regular file (a pipe, a device) is refused with SaveError, as is any failure to write.

    With `backup`, `path.bak` keeps the previous version whenever `data` differs from it. With
    `private`, the new file is readable by its owner alone (recovery copies of confidential
    documents). Returns notes for the user on what went wrong beside the save without stopping
    it (a folder in the way of the backup).
    """
    path = Path(path)
    started = time.time()
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    folder = target.parent if str(target.parent) else Path(".")
    notes: list[str] = []
    tmp = None
    try:
        old = _existing(target, path)
        tmp = _write_temp(target, data, _mode_for(old, private))
        unchanged = _STILL_SO.get()
        if unchanged is not None and not unchanged():
            raise Stale(f"{path} was not written: what it was made from changed meanwhile")
        if backup and old is not None:
            notes += _keep_backup(target, data, old)
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise SaveError(f"cannot save {path}: {describe(e)}; nothing was changed on disk") from e
    finally:
        if tmp is not None:
            _remove(tmp)
    _sync_folder(folder)
    _remove_orphans(folder, target.name, started)
    return notes


def _existing(target: Path, shown: Path) -> os.stat_result | None:
    """The file about to be replaced (None if there is none); SaveError if it must not be."""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return None
    _check_regular(old, target)
    if old.st_mode & 0o222 == 0:  # the bits, not os.access: root may write anything
        raise SaveError(f"cannot save {shown}: {shown.name} is read-only; use Save As (another"
                        " name), or make the file writable; nothing was changed on disk")
    if old.st_nlink > 1:
        raise SaveError(f"cannot save {shown}: {shown.name} has other hard links; saving would"
                        " break them; use Save As (another name); nothing was changed on disk")
    return old


def _mode_for(old: os.stat_result | None, private: bool) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applies)."""
    if private:
        return 0o600
    if old is not None:
        return stat.S_IMODE(old.st_mode) & 0o777
    return 0o666 & ~_umask()


def _write_temp(target: Path, data: bytes, mode: int, times: tuple | None = None) -> str:
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        if not hasattr(os, "fchmod"):  # pragma: no cover - Windows: only the read-only bit
            os.chmod(name, mode)
        if times is not None:
            os.utime(name, ns=times)
    except BaseException:
        _remove(name)
        raise
    return name


def _keep_backup(target: Path, data: bytes, old: os.stat_result) -> list[str]:
    """Keep the file's current version as NAME.bak unless `data` is that very version."""
    with open_regular(target) as f:
        current = f.read()
    if current == data:
        return []  # the backup already holds the previous different version
    backup = target.with_name(target.name + ".bak")
    try:
        mode = os.lstat(backup).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        return [f"no backup was kept: {backup} is {kind_of(mode)}; move it away to keep backups"]
    tmp = _write_temp(backup, current, _mode_for(old, False), (old.st_atime_ns, old.st_mtime_ns))
    try:
        os.replace(tmp, backup)
    except BaseException:
        _remove(tmp)
        raise
    return []


def _umask() -> int:
    """The process umask, read without setting it (os.umask would change it for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _UMASK_AT_START


def _umask_at_start() -> int:
    """Where /proc cannot tell (macOS, Windows): asked once, as the module is first imported."""
    if os.path.exists("/proc/self/status"):
        return 0o022  # not used: _umask reads it from there
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK_AT_START = _umask_at_start()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; where a folder cannot be synced, the rename still stands."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_orphans(folder: Path, name: str, before: float) -> None:
    """Temporary files of this file (and its backup) left by a save that was killed earlier."""
    pattern = re.compile(re.escape(f".{name}") + _TEMP_TAIL)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < before:
                os.unlink(entry.path)
        except OSError:
            pass


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
