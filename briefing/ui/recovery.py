"""Recovery copies of unsaved work, so that a crash loses at most half a minute of typing.

Each open trip has one copy, `KEY.yaml` (the trip file's text) beside `KEY.json` (which file it
belongs to and when it was written). Copies are private to the user: files 0600, folder 0700.
No Qt here; the window decides when to write and whom to ask.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from briefing import fileformat, model
from briefing.atomic import write_atomic


@dataclass
class RecoveryCopy:
    key: str
    original: str | None  # the trip file it belongs to; None for an untitled trip
    written: dt.datetime
    folder: Path

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
        if path:
            digest = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape"))
            return "file-" + digest.hexdigest()[:20]
        return "untitled-" + untitled_id

    def write(self, key: str, trip: model.Trip, original: str | None) -> None:
        """Write (or replace) the copy; raises briefing.problems.SaveError if it cannot."""
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
            out.append(RecoveryCopy(key, meta.get("original"), written, self.folder))
        out.sort(key=lambda c: c.written, reverse=True)
        return out

    def for_file(self, path: str) -> RecoveryCopy | None:
        key = self.key_for(path, "")
        return next((c for c in self.copies() if c.key == key), None)

    def untitled(self) -> list[RecoveryCopy]:
        return [c for c in self.copies() if c.original is None]
