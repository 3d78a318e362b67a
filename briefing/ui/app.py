"""Wiring: the QApplication, language, the main window, and what `briefing [FILE]` shows."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.ui import i18n
from briefing.ui.settings import Settings

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
    from briefing.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def use_language(app: QApplication, language: str) -> None:
    """Our words in `language`, and Qt's own (the Save/Discard/Cancel buttons of its dialogs,
    the file dialog) from the translations that come with Qt."""
    i18n.set_language(language)
    for old in getattr(app, "_briefing_translators", []):
        app.removeTranslator(old)
    app._briefing_translators = []
    if language == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        app._briefing_translators.append(translator)
    from briefing.ui.qt_words import MissingQtWords

    missing = MissingQtWords(language, app)  # the few words Qt's own catalog lacks
    app.installTranslator(missing)
    app._briefing_translators.append(missing)


def fit_to_screen(window) -> None:
    """A window no larger than the screen's free area (a 1024×700 laptop, a taskbar), and on it;
    a window that fits keeps its size and place."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), free.width() - extra_w)
    height = min(window.height(), free.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not free.contains(window.frameGeometry()):
        window.move(free.topLeft())


def run(path: str | None = None, *, example: bool = False) -> int:
    app = make_app()
    settings = Settings()
    use_language(app, i18n.choose_language(settings.language(), QLocale.system().name()))
    from briefing.ui.main_window import MainWindow

    window = MainWindow(settings)
    fit_to_screen(window)
    window.show()
    QTimer.singleShot(0, lambda: fit_to_screen(window))  # again with its frame, known once shown
    window.raise_()
    window.activateWindow()
    if os.environ.get(PROBE):
        def probe() -> None:
            print(f"shown {time.time():.6f}", flush=True)
            app.quit()  # without closing the window: a probe must not store its window layout

        QTimer.singleShot(0, probe)
    QTimer.singleShot(0, lambda: window.start(path, example=example))
    return app.exec()
