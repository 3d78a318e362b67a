"""Build the one-folder Briefing app with PyInstaller, then check what went into it.

    python packaging/build.py            # -> packaging/dist/Briefing/
    python packaging/build.py --dist /tmp/dist --work /tmp/build

Run it with the Python environment that has the project's dependencies and PyInstaller
(`pip install -e .[package]`). The check fails the build when a file the app loads at run time is
missing, or when Qt modules the app does not use (WebEngine, QML/Quick, 3D, Multimedia...) got in.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME = "Briefing"

# Qt libraries, Python modules and plugin folders that must never be in the bundle; the app uses
# QtCore, QtGui, QtWidgets, QtSvg (icons), QtPdf and QtPdfWidgets, and QtNetwork comes with QtPdf.
FORBIDDEN = re.compile(
    r"WebEngine|WebChannel|WebView|Qt6?Qml|Qt6?Quick|Qt6?3D|Multimedia|Qt6?Designer|Qt6?Charts"
    r"|DataVisualization|Qt6?Graphs|Qt6?Sql|Qt6?Test|Qt6?UiTools|Qt6?Help|Lottie|qmltooling"
    r"|sqldrivers|libqgtk3",
    re.IGNORECASE,
)

# Windows system libraries that must come from the user's Windows, never from the bundle. The Wine
# build (windows/build-on-linux.sh) gives its Wine prefix stand-ins for these three, which Wine 8.0
# lacks; one copied into the app would shadow the real one on every user's machine.
WINDOWS_SYSTEM_DLLS = frozenset({"bcryptprimitives.dll", "icuuc.dll", "mscms.dll"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=HERE / "dist", help="default: packaging/dist")
    parser.add_argument("--work", type=Path, default=HERE / "build", help="default: packaging/build")
    parser.add_argument("--no-check", action="store_true", help="skip the bundle check")
    args = parser.parse_args(argv)

    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(args.dist), "--workpath", str(args.work), str(HERE / "briefing.spec")],
        check=True,
    )
    elapsed = time.monotonic() - started
    bundle = args.dist / (f"{NAME}.app" if sys.platform == "darwin" else NAME)
    print(f"built {bundle} in {elapsed:.0f} s; {_megabytes(bundle):.0f} MB")
    modules = sorted(p.name.split(".")[0] for p in (args.dist / NAME).glob("_internal/PySide6/Qt*.*"))
    print("Qt modules:", " ".join(modules))
    if args.no_check:
        return 0
    problems = check(args.dist / NAME)
    for problem in problems:
        print(f"build.py: {problem}", file=sys.stderr)
    return 1 if problems else 0


def check(folder: Path, platform: str = sys.platform) -> list[str]:
    """What is wrong with the one-folder build in `folder`; empty when it looks complete.

    `platform` (a `sys.platform` value) is the system the bundle was built for: the Windows wheels
    of PySide6 keep Qt's plugins in PySide6/plugins, the Linux and macOS ones in PySide6/Qt/plugins.
    """
    windows = platform == "win32"
    exe = folder / (f"{NAME}.exe" if windows else NAME)
    internal = folder / "_internal"
    qt_plugins = "PySide6/plugins" if windows else "PySide6/Qt/plugins"
    problems = []
    if not exe.is_file():
        problems.append(f"no executable {exe}")
    if windows and not (folder / "briefing-cli.exe").is_file():
        problems.append(f"no console executable {folder / 'briefing-cli.exe'}")
    required = {
        "the example trips": "briefing/resources/examples/*.yaml",
        "qtawesome's icon fonts": "qtawesome/fonts/*.ttf",
        "the time-zone database (tzdata)": "tzdata/zoneinfo/Asia/Seoul",
        "Qt's platform plugins": f"{qt_plugins}/platforms/*",
        "Qt's SVG icon engine": f"{qt_plugins}/iconengines/*",
        # .docx paperwork: python-docx's templates, reached through its module folders
        "python-docx's templates": "docx/templates/default.docx",
        "python-docx's module folders": "docx/parts/../templates/default-header.xml",
    }
    for what, pattern in required.items():
        if not any(internal.glob(pattern)):
            problems.append(f"missing {what} ({internal / pattern})")
    for path in sorted(internal.rglob("*")):
        relative = path.relative_to(internal).as_posix()
        if relative.startswith("PySide6/") and FORBIDDEN.search(path.name):
            problems.append(f"unwanted Qt part in the bundle: {relative}")
    for path in sorted(folder.rglob("*")):
        if path.name.lower() in WINDOWS_SYSTEM_DLLS:
            relative = path.relative_to(folder).as_posix()
            problems.append(f"a Windows system library in the bundle: {relative}")
    return problems


def _megabytes(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            file = Path(root, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total / 1e6


if __name__ == "__main__":
    sys.exit(main())
