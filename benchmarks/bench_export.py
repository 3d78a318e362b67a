"""How fast and how big the briefing book is: `python benchmarks/bench_export.py [N ...]`.

For generated trips of 5, 50 and 200 stops (or the sizes given) and for the example trip, prints
pages, the median export time, peak memory (tracemalloc, in a separate run), the PDF size, and
the ratio of the full export to one plain ReportLab layout pass over the same flowables
(SimpleDocTemplate, no contents, no running header or footer).
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_trip  # noqa: E402
from reportlab.platypus import NextPageTemplate, SimpleDocTemplate  # noqa: E402

import briefing  # noqa: E402
from briefing.book import build, document  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "resources" / "examples" / "goyang-2023.ko.yaml"


def export_once(trip, out: Path) -> tuple[float, briefing.book.BookResult]:
    t0 = time.perf_counter()
    result = briefing.export_pdf(trip, out)
    return time.perf_counter() - t0, result


def plain_once(trip) -> float:
    """One plain layout pass over the book's own flowables, for comparison."""
    t0 = time.perf_counter()
    fonts = build.fonts_for(None)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=document.PAPERS["a4"],
                            leftMargin=document.MARGIN_SIDE, rightMargin=document.MARGIN_SIDE,
                            topMargin=document.MARGIN_TOP, bottomMargin=document.MARGIN_BOTTOM,
                            invariant=1)
    ctx = build.context(trip, "full", fonts, doc.width)
    flowables = [f for f in build.story(ctx, doc.pagesize[1], with_contents=False)
                 if not isinstance(f, NextPageTemplate)]
    with document.binary_streams():  # the same stream encoding as the book, to be fair
        doc.build(flowables)
    return time.perf_counter() - t0


def peak_memory(trip, out: Path) -> int:
    tracemalloc.start()
    try:
        briefing.export_pdf(trip, out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(name: str, trip, runs: int, folder: Path) -> dict:
    out = folder / f"{name}.pdf"
    export_once(trip, out)  # warm up: font loading, imports
    times, result = [], None
    for _ in range(runs):
        seconds, result = export_once(trip, out)
        times.append(seconds)
    plain = statistics.median(plain_once(trip) for _ in range(runs))
    export = statistics.median(times)
    return {"name": name, "pages": result.pages, "export": export, "plain": plain,
            "ratio": export / plain, "memory": peak_memory(trip, out),
            "size": out.stat().st_size}


def one_long_paragraph(kb: int = 500):
    """A stop whose talking point is one paragraph of `kb` KB without a line break."""
    import datetime as dt

    from briefing.trip.model import Person, Stop, TalkingPoint, Trip, TripInfo

    unit = "가나다라 마바사 abc defg "
    text = unit * (kb * 1024 // len(unit.encode("utf-8")))
    stop = Stop(title="긴 말씀자료", date=dt.date(2026, 5, 4),
                talking_points=[TalkingPoint(text=text, speaker="mayor")])
    return Trip(info=TripInfo(title="긴 문단", start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 6)),
                delegation=[Person(id="mayor", name="홍길동")], stops=[stop])


def long_paragraph_figure(folder: Path) -> None:
    """Layout time must grow with a paragraph's length, not its square (it took minutes)."""
    seconds, result = min((export_once(one_long_paragraph(), folder / "long.pdf")
                           for _ in range(3)), key=lambda pair: pair[0])
    print(f"500 KB single paragraph: {result.pages} pages in {seconds:.2f} s (target: 2 s)")


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [5, 50, 200]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if EXAMPLE.exists():
            rows.append(measure("example", briefing.load(EXAMPLE), 7, folder))
        for n in sizes:
            runs = 5 if n <= 50 else 3
            rows.append(measure(f"{n} stops", make_trip(n), runs, folder))
    print(f"{'trip':<10} {'pages':>6} {'export s':>9} {'plain s':>8} {'ratio':>6} "
          f"{'ms/page':>8} {'peak MB':>8} {'PDF KB':>8}")
    for r in rows:
        print(f"{r['name']:<10} {r['pages']:>6} {r['export']:>9.3f} {r['plain']:>8.3f} "
              f"{r['ratio']:>6.2f} {1000 * r['export'] / r['pages']:>8.1f} "
              f"{r['memory'] / 2**20:>8.1f} {r['size'] / 1024:>8.0f}")
    with tempfile.TemporaryDirectory() as tmp:
        long_paragraph_figure(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
