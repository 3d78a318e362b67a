"""Wiring: the QApplication, language, the main window, and what `briefing [FILE]` shows."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from . import i18n
from .settings import Settings

# `BRIEFING_STARTUP_PROBE=1 briefing`: print the wall-clock time when the window is first shown,
# then quit (the start-up benchmark measures from process start to this line).
PROBE = "BRIEFING_STARTUP_PROBE"


def make_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("Briefing")
    app.setApplicationName("Briefing")
    app.setApplicationDisplayName("Briefing")
    app.setDesktopFileName("io.github.briefing.Briefing")  # Wayland finds the icon through it
    from .icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def run(path: str | None = None, *, example: bool = False) -> int:
    app = make_app()
    settings = Settings()
    i18n.set_language(i18n.choose_language(settings.language(), QLocale.system().name()))
    from .main_window import MainWindow

    window = MainWindow(settings)
    window.show()
    window.raise_()
    window.activateWindow()
    if os.environ.get(PROBE):
        def probe() -> None:
            print(f"shown {time.time():.6f}", flush=True)
            app.quit()  # without closing the window: a probe must not store its window layout

        QTimer.singleShot(0, probe)
    QTimer.singleShot(0, lambda: window.start(path, example=example))
    return app.exec()
