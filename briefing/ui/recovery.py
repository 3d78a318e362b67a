"""Recovery copies of unsaved work, so that a crash loses at most the last couple of seconds.

Each window's trip has one copy, `KEY.yaml` (the trip file's text) beside `KEY.json` (which file
it belongs to, when it was written, whether the user chose the saved file over it). A window
writes under its own key, so a copy kept for later is never overwritten by new work. Copies are
private to the user (files 0600, folder 0700) and kept for a week (`prune`). No Qt here; the
window decides when to write and whom to ask.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from briefing.fileformat import reader as fileformat
from briefing.fileformat.atomic import write_atomic
from briefing.trip import model
from briefing.trip.problems import SaveError

KEEP = dt.timedelta(days=7)  # copies older than this are removed at start-up


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

    def load(self) -> model.Trip:
        return fileformat.load(self.yaml_path)


class RecoveryStore:
    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

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

    def write(self, key: str, trip: model.Trip, original: str | None) -> None:
        """Write (or replace) the copy; raises briefing.trip.problems.SaveError if it cannot."""
        self._ensure_folder()
        text = fileformat.dumps(trip)
        meta = {"original": os.path.abspath(original) if original else None,
                "written": dt.datetime.now().isoformat(timespec="seconds")}
        write_atomic(self.folder / f"{key}.yaml", text.encode("utf-8"), private=True)
        write_atomic(self.folder / f"{key}.json", json.dumps(meta).encode("utf-8"), private=True)

    def remove(self, key: str) -> None:
        for suffix in (".yaml", ".json"):
            try:
                (self.folder / f"{key}{suffix}").unlink()
            except OSError:
                pass

    def copies(self) -> list[RecoveryCopy]:
        """Every copy found, newest first."""
        out = []
        try:
            metas = list(self.folder.glob("*.json"))
        except OSError:
            return []
        for meta_path in metas:
            key = meta_path.stem
            if not (self.folder / f"{key}.yaml").exists():
                continue
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                written = dt.datetime.fromisoformat(meta["written"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
            out.append(RecoveryCopy(key, meta.get("original"), written, self.folder,
                                    bool(meta.get("declined"))))
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
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
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
