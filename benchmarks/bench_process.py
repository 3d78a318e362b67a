"""The book as users run it, whole processes side by side with a plain ReportLab pass (issue 22).

    python benchmarks/bench_process.py [--runs 3] [--sizes 50,200,1000[,5000]]

Each figure is the median of `--runs` whole-process runs (start-up, fonts, layout, writing),
measured in this one run, with its target beside it:
- the example trip's export (target: under 0.5 s);
- the book of a generated 200-stop trip against one plain ReportLab pass over comparable content
  (benchmarks/plain_pass.py), per page (target: at most 1.3 times), and its peak memory
  (target: under 150 MiB);
- per page and peak memory at each size, so that a cost growing faster than the trip shows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import make_trip  # noqa: E402

import briefing  # noqa: E402

EXAMPLE = HERE.parent / "resources" / "examples" / "goyang-2023.ko.yaml"


def run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one whole process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {child.stderr.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024  # KiB on Linux


def median_run(argv: list[str], runs: int) -> tuple[float, float]:
    run(argv)  # warm the file cache and the byte-code
    results = [run(argv) for _ in range(runs)]
    return statistics.median(w for w, _ in results), statistics.median(m for _, m in results)


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def briefing_command() -> list[str]:
    return [sys.executable, "-P", "-m", "briefing"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="50,200,1000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "example.pdf"
        wall, mem = median_run(briefing_command() + ["export", str(EXAMPLE), "-o", str(out)],
                               args.runs)
        print(f"example trip, whole process: {wall:.2f} s, {pages(out)} pages, peak {mem:.0f} MiB"
              f"   (target: under 0.5 s)")
        print(f"{'stops':>6} {'pages':>6} {'book s':>7} {'ms/page':>8} {'peak MiB':>9} "
              f"{'plain ms/page':>14} {'ratio':>6}")
        for n in sizes:
            trip_path = folder / f"trip{n}.yaml"
            briefing.save(make_trip(n), trip_path)
            book = folder / f"book{n}.pdf"
            plain = folder / f"plain{n}.pdf"
            wall, mem = median_run(briefing_command() + ["export", str(trip_path), "-o", str(book)],
                                   args.runs)
            plain_wall, _ = median_run([sys.executable, "-P", str(HERE / "plain_pass.py"), str(n),
                                        str(plain)], args.runs)
            book_pages, plain_pages = pages(book), pages(plain)
            per_page = 1000 * wall / book_pages
            plain_per_page = 1000 * plain_wall / plain_pages
            print(f"{n:>6} {book_pages:>6} {wall:>7.2f} {per_page:>8.2f} {mem:>9.0f} "
                  f"{plain_per_page:>14.2f} {per_page / plain_per_page:>6.2f}")
        print("targets: ratio at most 1.3 (per page, book / plain pass); peak under 150 MiB at "
              "200 stops; ms/page and MiB growing no faster than the trip")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
