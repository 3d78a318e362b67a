"""Seeing the printed page while writing it (issue 12): the live preview, `export --watch`, and
typing while the preview lays out.

    python benchmarks/bench_preview.py [N_STOPS]   (default 200)

Prints medians, each with its target beside it:
- after a one-word edit to one stop, the preview's pages updated (from the end of the typing
  pause to the stop's new pages on screen), for the example and an N-stop trip;
- `export --watch` on an N-stop trip: from the save to the new PDF written (one incremental
  builder for the whole watch);
- typing in a talking point while the preview lays out: the longest wait of a keystroke.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import make_trip  # noqa: E402

from briefing.fileformat import reader as fileformat  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "resources" / "examples" / "goyang-2023.ko.yaml"


def _app():
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication

    QStandardPaths.setTestModeEnabled(True)
    return QApplication.instance() or QApplication([])


def _wait(app, done, timeout=600.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise TimeoutError


def _window(app, path: Path, folder: Path):
    from PySide6.QtCore import QSettings

    from briefing.ui.main_window import MainWindow
    from briefing.ui.settings import Settings

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, recovery_dir=str(folder / "recovery"))
    win.open_file(str(path))
    win.show()
    win.editor.select_stop(0)
    win.act_live_preview.trigger()
    dock = win.live_preview
    _wait(app, lambda: dock.pages > 0 and dock.running is None)
    return win, dock


def preview_update(app, path: Path, folder: Path, runs: int) -> float:
    """Seconds from the layout's start (the typing pause is over) to the new pages shown."""
    win, dock = _window(app, path, folder)
    point = win.doc.trip.stops[0].talking_points[0]
    times = []
    for i in range(runs):
        generation = dock.generation
        win.doc.set_field(point, "text", point.text + f" 단어{i}")
        dock.timer.stop()  # the pause itself is a setting (PREVIEW_DELAY_MS), not work
        started = time.perf_counter()
        dock.refresh()
        # The stop's pages are on screen once they are laid out alone (IncrementalBook
        # .stop_pages); the whole book follows in the background, for the page numbers.
        _wait(app, lambda g=generation: dock.shown_generation > g
              or (dock.generation > g and dock.running is None))
        times.append(time.perf_counter() - started)
        _wait(app, lambda: dock.running is None)
    win.doc.undo_stack.setClean()
    win.close()
    return statistics.median(times)


def typing_while_laying_out(app, path: Path, folder: Path) -> tuple[float, int]:
    """The longest a keystroke waited (ms) while the preview laid the book out, and how many
    keystrokes were typed meanwhile."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    win, dock = _window(app, path, folder)
    field = win.editor.stop_editor.findChild(QLineEdit)
    field.setFocus()
    waits = []
    dock.refresh()
    while dock.running is not None:
        asked = time.perf_counter()
        app.processEvents()  # what the event loop does between two keystrokes
        QTest.keyClick(field, Qt.Key.Key_A)
        waits.append(time.perf_counter() - asked)
        time.sleep(0.02)  # a fast typist: 50 keys a second
    win.doc.undo_stack.setClean()
    win.close()
    return 1000 * max(waits), len(waits)


def watch_latency(path: Path, runs: int) -> float:
    """Seconds from saving the trip to `export --watch` having written the new PDF."""
    import selectors

    out = path.with_suffix(".pdf")
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "export", str(path), "-o", str(out),
                             "--watch"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)

    def next_wrote() -> None:
        while True:
            sel.select(timeout=600)
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("export --watch ended")
            if line.startswith("wrote"):
                return

    try:
        next_wrote()
        trip = fileformat.load(path)
        times = []
        for i in range(runs):
            point = trip.stops[len(trip.stops) // 2].talking_points[0]
            point.text += f" 단어{i}"
            started = time.perf_counter()
            fileformat.save(trip, path)
            next_wrote()
            times.append(time.perf_counter() - started)
        return statistics.median(times)
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 200
    app = _app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = folder / f"{n}-stops.yaml"
        fileformat.save(make_trip(n), big)
        example = preview_update(app, EXAMPLE, folder, 5)
        print(f"preview after an edit, example:      {example:6.2f} s   (target ≤ 0.15)")
        large = preview_update(app, big, folder, 3)
        print(f"preview after an edit, {n} stops:    {large:6.2f} s   (target ≤ 0.30)")
        longest, keys = typing_while_laying_out(app, EXAMPLE, folder)
        print(f"longest keystroke wait during layout: {longest:5.0f} ms  (target ≤ 50; "
              f"{keys} keys typed)")
        watch = watch_latency(big, 3)
        print(f"export --watch, {n} stops, save → PDF: {watch:5.2f} s   (target ≤ 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
