"""Rebuilding an output each time its trip file is saved (`briefing export FILE --watch`).

Polling the file's identity (size, modification time, inode) works the same on every system and
every editor, whether it writes in place or saves a copy and renames it over the file; a save is
acted on once the file has stopped changing, so a half-written file is never read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

POLL_SECONDS = 0.1
# A file still being written changes between two looks this far apart.
SETTLE_SECONDS = 0.05


def stamp(path: str | os.PathLike) -> tuple | None:
    """What changes when the file is saved; None while it is missing (between delete and rename)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


def settled(path: str | os.PathLike, sleep=time.sleep) -> tuple | None:
    """The file's stamp once two looks in a row agree."""
    last = stamp(path)
    while True:
        sleep(SETTLE_SECONDS)
        now = stamp(path)
        if now == last:
            return now
        last = now


def watch(path: str | os.PathLike, build: Callable[[], object], *,
          poll: float = POLL_SECONDS, sleep=time.sleep,
          keep_going: Callable[[], bool] = lambda: True) -> None:
    """Call `build` now and after every save of `path`, until `keep_going()` is false or the
    user presses Ctrl+C (KeyboardInterrupt reaches the caller, which ends cleanly)."""
    seen = settled(path, sleep)
    build()
    while keep_going():
        sleep(poll)
        now = stamp(path)
        if now is None or now == seen:
            continue
        now = settled(path, sleep)
        if now is None or now == seen:
            continue
        seen = now
        build()
