"""붙임 files: where an attachment's photo is, and why it cannot be printed.

The checks and the report read the same answer, so a photo the checks let through is one the
report can print.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing.trip.model import Attachment, Trip
from briefing.trip.problems import Message, msg

MAX_BYTES = 20 * 2**20  # a phone's photo is a few MB; more is a video or a scan to shrink first
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def path_of(trip: Trip, attachment: Attachment) -> Path | None:
    """The attachment's file, relative to the trip file's folder; None when it names no file,
    or names a relative one for a trip that has no file yet."""
    name = attachment.file.strip()
    if not name:
        return None
    path = Path(name).expanduser()
    if path.is_absolute():
        return path
    source = getattr(trip.source, "file", "")
    return Path(source).resolve().parent / path if source else None


def problem(path: Path) -> Message | None:
    """Why `path` is no photo the report can print, or None when it is one."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return msg("no such file: {path}", path=str(path))
    except OSError as e:
        return msg("cannot read {path}: {reason}", path=str(path), reason=e.strerror or str(e))
    if not stat.S_ISREG(info.st_mode):
        return msg("{path} is not a regular file", path=str(path))
    if info.st_size > MAX_BYTES:
        return msg("{path} is {size} MB; a photo is at most {limit} MB (make it smaller)",
                   path=str(path), size=f"{info.st_size / 2**20:.1f}", limit=MAX_BYTES // 2**20)
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as e:
        return msg("cannot read {path}: {reason}", path=str(path), reason=e.strerror or str(e))
    if not head.startswith(_SIGNATURES):
        return msg("{path} is not a PNG or JPEG image", path=str(path))
    return None


def photo(trip: Trip, attachment: Attachment) -> Path | None:
    """The attachment's photo when it is one the report can print, else None."""
    path = path_of(trip, attachment)
    return path if path is not None and problem(path) is None else None
