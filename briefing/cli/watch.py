"""Rebuilding an output each time its trip file is saved (`briefing export FILE --watch`).

Polling the file's identity (size, modification time, inode) works the same on every system and
every editor, whether it writes in place or saves a copy and renames it over the file. A save in
place is acted on once the file has stopped changing, and a book built from a file that changed
while it was read or built is discarded, not written, so no book on disk is ever one of a
half-written file.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable

from briefing.fileformat.atomic import Stale, only_if, open_regular

POLL_SECONDS = 0.1
SETTLE_SECONDS = 0.05  # between two looks at a file being written in place
# An editor writing in place may pause halfway (a flush, a slow disk): a file is taken as written
# once this many looks in a row (a second) found it unchanged. A pause longer than that and than
# the build can still give one book of half the file, which the next build replaces.
SETTLE_LOOKS = 20


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
    """The file's stamp once SETTLE_LOOKS looks in a row agree."""
    last, same = stamp(path), 0
    while same < SETTLE_LOOKS:
        sleep(SETTLE_SECONDS)
        now = stamp(path)
        same = same + 1 if now == last else 0
        last = now
    return last


def watch(path: str | os.PathLike, build: Callable[[], object], *,
          poll: float = POLL_SECONDS, sleep=time.sleep,
          keep_going: Callable[[], bool] = lambda: True) -> None:
    """Call `build` now and after every save of `path`, until `keep_going()` is false or the
    user presses Ctrl+C (KeyboardInterrupt reaches the caller, which ends cleanly).

    A build's output is put in place only if the file is still the one it was read from (see
    `_built`); if it changed meanwhile (an editor that paused halfway through writing it), the
    output is discarded and the file is built again once it has settled. A file renamed into
    place is complete, so it is built at once; one written in place once it stops changing.
    """
    seen, due = settled(path, sleep), True
    while True:
        if not due:
            now = stamp(path)
            if now is not None and now != seen and not renamed(seen, now):
                now = settled(path, sleep)
            due = now is not None and now != seen
            seen = now if due else seen
        if due:
            due = not _built(path, seen, build)
            if due:
                seen = settled(path, sleep)
            continue  # and look again at once: it may have changed while it was built
        if not keep_going():
            return
        sleep(poll)


def _built(path: str | os.PathLike, seen: tuple | None, build: Callable[[], object]) -> bool:
    """Run `build`, whose outputs are written only while `path` still has the stamp `seen` and
    the bytes it had before the build (a coarse clock can hide a rewrite of the same size);
    False when they were discarded."""
    before = _digest(path)
    with only_if(lambda: stamp(path) == seen and _digest(path) == before):
        try:
            build()
        except Stale:
            return False
    return True


def _digest(path: str | os.PathLike) -> bytes | None:
    try:
        with open_regular(path) as f:
            return hashlib.sha256(f.read()).digest()
    except OSError:
        return None
