"""Editor window speed: start-up to first show, opening a 200-stop trip, typing in a talking point.

    python benchmarks/bench_window.py

Prints medians. Targets (issue 4): shown within 1.5 s, a 200-stop trip open within 1 s, and no
keystroke that stalls (each one well under a frame budget of ~16 ms; validation is debounced).
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


def startup_seconds() -> float:
    """From starting the process to the window's first show (the app prints when it is shown)."""
    env = dict(os.environ, BRIEFING_STARTUP_PROBE="1")
    start = time.time()
    out = subprocess.run([sys.executable, "-m", "briefing"], env=env, capture_output=True,
                         text=True, timeout=60).stdout
    line = next(line for line in out.splitlines() if line.startswith("shown "))
    return float(line.split()[1]) - start


def main() -> None:
    runs = 5
    startup = statistics.median(startup_seconds() for _ in range(runs))
    print(f"start-up to first show:         {startup * 1000:7.0f} ms  (target < 1500)")

    from PySide6.QtCore import QSettings, QStandardPaths, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from briefing.rules.validate import validate
    from briefing.ui.app import make_app
    from briefing.ui.main_window import MainWindow
    from briefing.ui.settings import Settings

    QStandardPaths.setTestModeEnabled(True)
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        trip = make_trip(200)
        fileformat.save(trip, path)
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, recovery_dir=str(Path(tmp) / "recovery"))
        window.show()
        app.processEvents()
        opens = []
        for _ in range(runs):
            begin = time.perf_counter()
            window.open_file(str(path))
            app.processEvents()
            opens.append(time.perf_counter() - begin)
        print(f"open a 200-stop trip:           {statistics.median(opens) * 1000:7.0f} ms  "
              f"(target < 1000; {path.stat().st_size // 1024} KB)")

        window.editor.select_stop(100)
        app.processEvents()
        editor = window.editor.stop_editor
        editor.tabs.setCurrentIndex(editor.tab_of["talking_points"])
        panel = editor.tables["talking_points"]
        panel.select(3)
        box = panel.form.editors["text"].widget
        box.setFocus()
        app.processEvents()
        keys = []
        for i in range(60):
            begin = time.perf_counter()
            QTest.keyClick(box, Qt.Key.Key_A if i % 2 else Qt.Key.Key_B)
            app.processEvents()
            keys.append(time.perf_counter() - begin)
        print(f"typing in a talking point:      {statistics.median(keys) * 1000:7.2f} ms a key "
              f"(max {max(keys) * 1000:.2f} ms; {window.doc.undo_stack.count()} undo step)")
        begin = time.perf_counter()
        problems = validate(window.doc.trip)
        print(f"validate 200 stops (debounced): {(time.perf_counter() - begin) * 1000:7.0f} ms  "
              f"({len(problems)} problems; runs 300 ms after typing stops)")
        begin = time.perf_counter()
        window.revalidate()
        app.processEvents()
        print(f"  … and show them in the panel: {(time.perf_counter() - begin) * 1000:7.0f} ms")
        window.doc.undo_stack.setClean()
        window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
