"""Rebuilding an output each time its trip file is saved (`briefing export FILE --watch`).

Polling the file's identity (size, modification time, inode) works the same on every system and
every editor, whether it writes in place or saves a copy and renames it over the file. A save in
place is acted on once the file has stopped changing, and a file that changed while it was built
is built again, so the last book is never one of a half-written file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

POLL_SECONDS = 0.1
# A file still being written changes between two looks this far apart.
SETTLE_SECONDS = 0.05


def stamp(path: str | os.PathLike) -> tuple | None:
    """What changes when the file is saved; None while it is missing (between delete and rename).
    The file's identity (inode, device) comes last: a new one is a file renamed into place."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def renamed(before: tuple | None, now: tuple) -> bool:
    """Whether `now` is another file than `before`: saved whole elsewhere and renamed over it."""
    return before is None or before[-2:] != now[-2:]


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
    user presses Ctrl+C (KeyboardInterrupt reaches the caller, which ends cleanly).

    After each build the file is looked at again before any wait: if it changed while it was
    read or built (an editor that paused halfway through writing it), the book just written may
    hold half of it, and is built again at once. A file renamed into place is complete, so it
    is built at once; one written in place is built once it stops changing.
    """
    seen = settled(path, sleep)
    build()
    while True:
        now = stamp(path)
        if now is not None and now != seen and not renamed(seen, now):
            now = settled(path, sleep)
        if now is not None and now != seen:
            seen = now
            build()
            continue
        if not keep_going():
            return
        sleep(poll)
