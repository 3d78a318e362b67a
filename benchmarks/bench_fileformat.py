"""Trip file speed: load, validate and save generated trips of 5, 50 and 200 stops.

    python benchmarks/bench_fileformat.py

Prints the median of several runs for each step, and the file size.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_trip  # noqa: E402

import briefing  # noqa: E402
from briefing.fileformat import reader as fileformat  # noqa: E402


def median_seconds(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print(f"{'stops':>6} {'file KB':>8} {'load ms':>8} {'validate ms':>12} {'save ms':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for n in (5, 50, 200):
            trip = make_trip(n)
            path = Path(folder) / f"trip{n}.yaml"
            briefing.save(trip, path)
            runs = 7 if n < 200 else 5
            load = median_seconds(lambda p=path: fileformat.load(p), runs)
            loaded = fileformat.load(path)
            check = median_seconds(lambda t=loaded: briefing.validate(t), runs)
            save = median_seconds(lambda t=loaded, p=path: briefing.save(t, p), runs)
            size = path.stat().st_size / 1024
            print(f"{n:>6} {size:>8.0f} {load * 1e3:>8.1f} {check * 1e3:>12.1f} {save * 1e3:>8.1f}")


if __name__ == "__main__":
    main()
