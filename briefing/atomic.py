"""Writing a file so that a crash, a full disk or a lost permission never leaves half of it."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from .problems import SaveError

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
}


def describe(error: OSError) -> str:
    return _REASONS.get(error.errno, error.strerror or str(error))


def write_atomic(path: Path, data: bytes, *, backup: bool = False, private: bool = False) -> None:
    """Replace `path` with `data` in one step; on failure the old file is untouched.

    With `backup`, the file being replaced is kept as `path.bak`. With `private`, the new file is
    readable by its owner alone (for recovery copies of documents marked confidential).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if not private:
            os.chmod(tmp_name, _mode_for(path))
        if backup and path.exists():
            _copy_backup(path)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as e:
        raise SaveError(f"cannot save {path}: {describe(e)}; nothing was changed on disk") from e
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applies)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _copy_backup(path: Path) -> None:
    backup = path.with_name(path.name + ".bak")
    fd, tmp = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        shutil.copy2(path, tmp)
        os.replace(tmp, backup)
    except BaseException:
        os.unlink(tmp)
        raise
