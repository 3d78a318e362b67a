"""Recovery copies of unsaved work, so that a crash loses at most the last couple of seconds.

Each window's trip has one copy, `KEY.yaml` (the trip file's text) beside `KEY.json` (which file
it belongs to, when it was written, whether the user chose the saved file over it) and
`KEY.base.yaml`, the file's version the work started from: a restore merges the copy onto the
file as it is by then (briefing.versions.merge), so that what was saved since is kept. A window
writes under its own key, so a copy kept for later is never overwritten by new work. Copies are
private to the user (files 0600, folder 0700) and kept for a week (`prune`). Whatever else lies
in the folder (a damaged or foreign entry, a copy whose trip does not load, a pipe, a folder) is
passed over with a note in `skipped`, never read into a hang or an exception. No Qt here; the window decides when to write
and whom to ask.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from briefing.fileformat import reader as fileformat
from briefing.fileformat.atomic import write_atomic
from briefing.trip import model
from briefing.trip.problems import SaveError, TripFileError

KEEP = dt.timedelta(days=7)  # copies older than this are removed at start-up
META_LIMIT = 64 * 1024  # a copy's .json is a few lines; anything longer is not one


@dataclass
class RecoveryCopy:
    key: str
    original: str | None  # the trip file it belongs to; None for an untitled trip
    written: dt.datetime
    folder: Path
    declined: bool = False  # the user opened the saved file instead: kept, not offered again

    @property
    def yaml_path(self) -> Path:
        return self.folder / f"{self.key}.yaml"

    @property
    def base_path(self) -> Path:
        return self.folder / f"{self.key}.base.yaml"

    def load(self) -> model.Trip:
        return fileformat.load(self.yaml_path)

    def load_base(self) -> model.Trip | None:
        """The file's version the work started from; None when not known (an untitled trip,
        a copy written before copies kept it, or a damaged one)."""
        if not _regular(self.base_path):
            return None
        try:
            return fileformat.load(self.base_path)
        except (TripFileError, OSError):
            return None


class RecoveryStore:
    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.skipped: list[Path] = []  # entries of the folder that are no copy, at the last look
        self._bases: dict[str, str] = {}  # the base text last written for each key

    def _ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.folder, 0o700)

    @staticmethod
    def key_for(path: str | None, untitled_id: str) -> str:
        """The copy's name: the file (hashed) and the window's session, or the untitled trip's."""
        if path:
            digest = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape"))
            return "file-" + digest.hexdigest()[:20] + (f"-{untitled_id}" if untitled_id else "")
        return "untitled-" + untitled_id

    def write(self, key: str, trip: model.Trip, original: str | None,
              base: model.Trip | None = None) -> None:
        """Write (or replace) the copy, and `base`, the file's version it was made from;
        raises briefing.trip.problems.SaveError if it cannot."""
        self._ensure_folder()
        text = fileformat.dumps(trip)
        meta = {"original": os.path.abspath(original) if original else None,
                "written": dt.datetime.now().isoformat(timespec="seconds")}
        if original and base is not None:
            base_text = fileformat.dumps(base)
            if self._bases.get(key) != base_text:  # it changes at a save or a merge only
                write_atomic(self.folder / f"{key}.base.yaml", base_text.encode("utf-8"),
                             private=True)
                self._bases[key] = base_text
        write_atomic(self.folder / f"{key}.yaml", text.encode("utf-8"), private=True)
        write_atomic(self.folder / f"{key}.json", json.dumps(meta).encode("utf-8"), private=True)

    def remove(self, key: str) -> None:
        self._bases.pop(key, None)
        for suffix in (".yaml", ".json", ".base.yaml"):
            try:
                (self.folder / f"{key}{suffix}").unlink()
            except OSError:
                pass

    def copies(self) -> list[RecoveryCopy]:
        """Every copy found, newest first; what is no copy is noted in `skipped`."""
        out, self.skipped = [], []
        try:
            metas = sorted(self.folder.glob("*.json"))
        except OSError:
            return []
        for meta_path in metas:
            found = _entry(meta_path, self.folder)
            if found is None:
                self.skipped.append(meta_path)
                continue
            out.append(found)
        out.sort(key=lambda c: c.written, reverse=True)
        return out

    def for_file(self, path: str) -> RecoveryCopy | None:
        """The newest copy of `path` still to offer."""
        path = os.path.abspath(path)
        return next((c for c in self.copies() if c.original == path and not c.declined), None)

    def untitled(self) -> list[RecoveryCopy]:
        return [c for c in self.copies() if c.original is None and not c.declined]

    def decline(self, key: str) -> None:
        """Keep the copy (for a week) but do not offer it again."""
        meta_path = self.folder / f"{key}.json"
        meta = _read_meta(meta_path)
        if meta is None:
            return
        try:
            meta["declined"] = True
            write_atomic(meta_path, json.dumps(meta).encode("utf-8"), private=True)
        except (OSError, ValueError, SaveError):
            pass

    def prune(self, now: dt.datetime | None = None) -> list[str]:
        """Remove the copies written more than a week ago; return their keys."""
        now = now or dt.datetime.now()
        old = [c.key for c in self.copies() if now - c.written > KEEP]
        for key in old:
            self.remove(key)
        return old


def _regular(path: Path) -> bool:
    """A plain file (not a pipe, a device or a folder, which would hang or fail a read)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _read_meta(path: Path) -> dict | None:
    """A copy's .json as a mapping; None for anything else. Opened without waiting, so that a
    pipe of that name cannot hang the start-up, and checked to be a plain file once open."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, META_LIMIT + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > META_LIMIT:
        return None
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _entry(meta_path: Path, folder: Path) -> RecoveryCopy | None:
    """The copy `meta_path` describes if it is whole and its trip loads, else None. Whatever goes
    wrong with one entry (a date out of range in this zone, binary data) must not stop the look
    at the others: a damaged copy offered would fail its restore and come back at every open."""
    try:
        meta = _read_meta(meta_path)
        found = _copy(meta, meta_path.stem, folder) if meta is not None else None
        if found is None or not _regular(found.yaml_path):
            return None
        found.load()
    except Exception:  # noqa: BLE001 - any failure of one entry is that entry's
        return None
    return found


def _copy(meta: dict, key: str, folder: Path) -> RecoveryCopy | None:
    """The copy a .json describes, or None if it is not one of ours."""
    original, written = meta.get("original"), meta.get("written")
    if not isinstance(written, str) or not (original is None or isinstance(original, str)):
        return None
    try:
        when = dt.datetime.fromisoformat(written)
    except ValueError:
        return None
    if when.tzinfo is not None:  # written elsewhere with a zone: compared in local time
        when = when.astimezone().replace(tzinfo=None)
    return RecoveryCopy(key, original, when, folder, meta.get("declined") is True)
