"""The built app (PyInstaller one-folder) works without Python: export, window, installer.

Runs only when BRIEFING_BUNDLE names the built folder, after `python packaging/build.py`:

    BRIEFING_BUNDLE=packaging/dist/Briefing python -m pytest tests/test_packaging_bundle.py

The frozen app runs with an emptied environment (no PYTHON* variables, PATH=/usr/bin:/bin) from a
folder outside the repository, as it would on a machine that never had Python installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = os.environ.get("BRIEFING_BUNDLE", "")

if not BUNDLE:
    pytest.skip("BRIEFING_BUNDLE is not set (the built app folder, e.g. packaging/dist/Briefing "
                "after python packaging/build.py)", allow_module_level=True)
pytestmark = pytest.mark.slow
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


@pytest.fixture(scope="module")
def folder() -> Path:
    path = Path(BUNDLE).resolve()
    if path.suffix == ".app":  # macOS: test the plain folder PyInstaller leaves next to the .app
        path = path.with_suffix("")
    assert path.is_dir(), f"BRIEFING_BUNDLE={BUNDLE} is not a folder; run packaging/build.py"
    return path


@pytest.fixture(scope="module")
def exe(folder) -> Path:
    # On Windows Briefing.exe is windowed (no stdout); briefing-cli.exe is its console twin.
    path = folder / ("briefing-cli.exe" if sys.platform == "win32" else "Briefing")
    assert path.is_file(), f"no executable {path}"
    return path


@pytest.fixture
def frozen(exe, tmp_path):
    """Run the frozen app in an empty folder with no trace of a Python environment."""
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {"PATH": os.pathsep.join(["/usr/bin", "/bin"]) if os.name != "nt"
           else os.environ.get("SystemRoot", r"C:\Windows") + r"\System32",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    for key in ("SystemRoot", "TEMP", "TMP", "USERPROFILE", "APPDATA", "LOCALAPPDATA"):
        if key in os.environ:  # Windows cannot start a process without these
            env[key] = os.environ[key]

    def run(*args, timeout=120, check=True, extra_env=None):
        result = subprocess.run([str(exe), *args], cwd=workdir, env={**env, **(extra_env or {})},
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=timeout)
        if check and result.returncode != 0:
            pytest.fail(f"Briefing {' '.join(args)} exited {result.returncode}\n"
                        f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        return result

    run.workdir = workdir
    run.env = env
    return run


def _build_module():
    spec = importlib.util.spec_from_file_location("packaging_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundle_has_what_the_app_loads_and_no_unused_qt(folder):
    assert _build_module().check(folder) == []


def test_frozen_version_matches_the_project(frozen):
    import briefing

    assert frozen("--version").stdout.split() == ["briefing", briefing.__version__]


def test_frozen_example_exports_a_book(frozen):
    frozen("example", "-o", "t.yaml")
    trip_file = frozen.workdir / "t.yaml"
    assert frozen("validate", "t.yaml").returncode == 0
    first_stop = yaml.safe_load(trip_file.read_text(encoding="utf-8"))["stops"][0]["title"]

    result = frozen("export", "t.yaml", "-o", "book.pdf")
    assert "book.pdf" in result.stdout
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(frozen.workdir / "book.pdf"))
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    assert len(reader.pages) > 1
    assert re.sub(r"\s+", "", first_stop) in text


def test_frozen_export_locks_a_book_with_a_password(frozen):
    # pypdf and cryptography's AES must be in the bundle: a build without them said "pypdf is not
    # installed" and wrote no book
    frozen("example", "-o", "t.yaml")
    password = "open sesame 열려라"
    (frozen.workdir / "password.txt").write_text(password + "\n", encoding="utf-8")
    result = frozen("export", "t.yaml", "-o", "locked.pdf", "--password-file", "password.txt")
    assert "locked.pdf" in result.stdout
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(frozen.workdir / "locked.pdf"))
    assert reader.is_encrypted
    assert not reader.decrypt("open sesame")
    assert reader.decrypt(password)
    assert len(reader.pages) > 1
    first_stop = yaml.safe_load((frozen.workdir / "t.yaml").read_text(encoding="utf-8"))["stops"][0]
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    assert re.sub(r"\s+", "", first_stop["title"]) in text


def test_frozen_example_writes_a_calendar_with_its_time_zones(frozen):
    # icalendar builds each VTIMEZONE from the bundled zone database
    frozen("example", "-o", "t.yaml")
    result = frozen("calendar", "t.yaml", "-o", "t.ics", "--for", "mayor")
    assert "t.ics" in result.stdout
    text = (frozen.workdir / "t.ics").read_bytes().decode("utf-8")
    assert "DTSTART;TZID=Europe/Madrid:" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n" in text


def test_frozen_plan_and_report_are_written_as_word_and_pdf(frozen):
    # python-docx reads its template files (docx/templates) by paths relative to its modules,
    # the running head's through docx/parts/..: the bundle must carry both
    frozen("example", "-o", "t.yaml")
    for kind, title in (("plan", "출장계획서"), ("report", "출장 결과보고서")):
        assert f"{kind}.docx" in frozen(kind, "t.yaml", "-o", f"{kind}.docx").stdout
        docx = pytest.importorskip("docx")
        document = docx.Document(str(frozen.workdir / f"{kind}.docx"))
        assert document.paragraphs[0].text == title
        assert title in document.sections[0].header.paragraphs[0].text
        assert "pages)" in frozen(kind, "t.yaml", "-o", f"{kind}.pdf").stdout


def test_frozen_window_is_shown(frozen):
    # BRIEFING_STARTUP_PROBE (briefing.ui.app): quit as soon as the window is first shown.
    result = frozen(extra_env={"BRIEFING_STARTUP_PROBE": "1"})
    assert result.stdout.startswith("shown"), result.stderr


def test_frozen_window_keeps_running_on_the_example(frozen, exe):
    process = subprocess.Popen([str(exe), "--example"], cwd=frozen.workdir, env=frozen.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # Still running after a while = it did not crash while loading the example.
        code = process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        code = None
        if sys.platform.startswith("linux"):
            outside = _mapped_from_a_python_install(process.pid, exe.parent)
            assert not outside, f"the frozen app loaded files of a Python install: {outside}"
    finally:
        process.kill()
        _out, err = process.communicate(timeout=30)
    assert code is None, f"Briefing --example exited {code}:\n{err.decode(errors='replace')}"
    assert b"Traceback" not in err, err.decode(errors="replace")


def _mapped_from_a_python_install(pid: int, folder: Path) -> list[str]:
    """Shared objects the process mapped from outside the bundle that belong to some Python."""
    time.sleep(0.5)
    paths = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and parts[5].startswith("/"):
            paths.add(parts[5])
    bundle = str(folder.resolve())
    return sorted(p for p in paths if not p.startswith(bundle)
                  and re.search(r"python\d|site-packages|dist-packages|/\.?venv/", p))


@linux_only
def test_install_script_installs_the_bundle(folder, tmp_path):
    script = folder / "linux" / "install-linux.sh"
    assert script.is_file(), "the bundle should carry linux/install-linux.sh"
    prefix = tmp_path / "prefix"
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(["sh", str(script), "--prefix", str(prefix)], env=env, check=True,
                   capture_output=True, timeout=300)
    command = prefix / "bin" / "briefing"
    assert command.is_symlink()
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True,
                             timeout=60, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert version.stdout.startswith("briefing "), version.stderr
    desktop = prefix / "share" / "applications" / "io.github.briefing.Briefing.desktop"
    assert f'Exec="{prefix}/lib/briefing/Briefing" %f' in desktop.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
