"""Saves killed at random moments: the trip file is always the old or the new version.

    python benchmarks/bench_kill_save.py [KILLS] [STOPS]     (default 200 kills, 200 stops)

A child process saves a large generated trip over and over, two versions in turn, and is killed
with SIGKILL after a random delay. After each kill the file must be byte for byte one of the two
versions (each was loaded once, so it loads), and so must the backup. The next normal save must
leave no temporary file behind. The child writes the text the way `briefing.save` does after
making it (write_atomic with a backup), so that the kills land in the writing, not in making
the YAML text. Prints the number of kills and how many caught a save midway.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_trip  # noqa: E402

from briefing.fileformat import reader as fileformat  # noqa: E402
from briefing.fileformat.atomic import write_atomic  # noqa: E402


def temporary_files(folder: Path, name: str) -> list[str]:
    pattern = re.compile(re.escape(f".{name}.") + r".*\.tmp")
    return sorted(p.name for p in folder.iterdir() if pattern.fullmatch(p.name))


def _save_forever(path: Path, versions: list[bytes]) -> None:
    """The child: never returns; exits 1 if a save fails (the parent expects death by SIGKILL)."""
    try:
        k = 0
        while True:
            write_atomic(path, versions[k % 2], backup=True)
            k += 1
    except BaseException:
        traceback.print_exc()
        os._exit(1)


def run(kills: int = 200, n_stops: int = 200, folder: str | None = None, seed: int = 2026) -> dict:
    """Kill `kills` saves; raise AssertionError at the first wrong file. Needs os.fork."""
    old = make_trip(n_stops)
    new = make_trip(n_stops)
    new.info.title += " (수정)"
    new.stops[len(new.stops) // 2].venue = "새 장소"
    versions = [fileformat.dumps(t).encode("utf-8") for t in (old, new)]
    assert [fileformat.loads(v) for v in versions] == [old, new]
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / "trip.yaml"
        fileformat.save(old, path)
        start = time.perf_counter()
        for k in (1, 0, 1, 0):
            write_atomic(path, versions[k], backup=True)
        one_save = (time.perf_counter() - start) / 4
        midway = 0
        for i in range(kills):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child, killed below
                _save_forever(path, versions)
            time.sleep(rng.uniform(0, 3 * one_save))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL, f"kill {i}: the child failed"
            assert path.read_bytes() in versions, f"kill {i}: the file is neither version"
            backup = path.with_name(path.name + ".bak")
            assert backup.read_bytes() in versions, f"kill {i}: the backup is neither version"
            midway += bool(temporary_files(path.parent, path.name))
        time.sleep(0.01)  # the last temporary file is older than the next save
        fileformat.save(new, path)
        assert fileformat.load(path) == new
        left = temporary_files(path.parent, path.name)
        assert left == [], f"temporary files left after a normal save: {left}"
    return {"kills": kills, "midway": midway, "bytes": len(versions[0]), "save_ms": one_save * 1e3}


def main() -> None:
    if not hasattr(os, "fork"):
        print("skipped: needs os.fork (Linux or macOS)")
        return
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    n_stops = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    start = time.perf_counter()
    result = run(kills, n_stops)
    print(f"{result['kills']} kills of a {result['bytes'] / 1024:.0f} KB save"
          f" ({result['save_ms']:.0f} ms each): every time the old or the new file;"
          f" {result['midway']} caught a save midway (left a temporary file, removed by the next"
          f" save); {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
