"""A fresh install carries everything the app loads at run time, and the desktop files are sound.

The wheel is built from a copy of this tree, installed into a throwaway venv and run from another
folder: a module or resource missing from the package fails here as it would for a user. The new
venv borrows the installed dependencies of the environment running the tests (through a .pth
file), so nothing is downloaded beyond what `pip wheel` needs to build.
"""

from __future__ import annotations

import email.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.briefing.Briefing"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

slow = pytest.mark.slow  # builds and installs a wheel: ~20 s
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop files")


def _run(args, *, cwd, env=None, timeout=180, check=True):
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, timeout=timeout,
        capture_output=True, text=True, encoding="utf-8", errors="replace",
    )
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {result.returncode}\n"
                    f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
    return result


def _source_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
            yield path


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of this tree. Built from a copy: other builds may be using ./build right now."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "setup.cfg", "MANIFEST.in", "README.md", "LICENSE"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, source / name)
    for folder in ("briefing", "resources"):
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp / "dist",
          source], cwd=tmp, timeout=300)
    (built,) = (tmp / "dist").glob("briefing-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A new venv with the wheel installed (not editable) and the test environment's dependencies."""
    home = tmp_path_factory.mktemp("venv") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", home], cwd=home.parent)
    python = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
          "--no-index", "--disable-pip-version-check", wheel], cwd=home.parent)
    # Only now lend it our dependencies: had pip seen them, it would have seen our `briefing` too.
    # The venv's own site-packages stays first on sys.path, so its briefing wins.
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        cwd=home.parent).stdout.strip())
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    ours.update(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))
    (purelib / "_briefing_test_deps.pth").write_text(
        "\n".join(sorted(p for p in ours if Path(p).is_dir())) + "\n", encoding="utf-8")
    return home


@pytest.fixture
def run_installed(venv, tmp_path):
    """Run the venv's `briefing` command in an empty folder outside the repository."""
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", QT_QPA_PLATFORM="offscreen",
               PYTHONUTF8="1", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()

    def run(*args, **kwargs):
        return _run([bin_dir / "briefing", *args], cwd=workdir, env=env, **kwargs)

    run.workdir = workdir
    run.python = bin_dir / "python"
    run.env = env
    return run


def _metadata(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def _requirement_names(wheel: Path) -> set[str]:
    names = set()
    for requirement in _metadata(wheel).get_all("Requires-Dist") or []:
        if "extra ==" in requirement:
            continue
        names.add(re.match(r"[A-Za-z0-9._-]+", requirement).group(0).lower().replace("_", "-"))
    return names


@slow
def test_wheel_carries_every_module_and_resource(wheel_names):
    missing = [f"briefing/{p.relative_to(ROOT / 'briefing').as_posix()}"
               for p in _source_files(ROOT / "briefing") if p.suffix == ".py"]
    missing += [f"briefing/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                for p in _source_files(ROOT / "resources")]
    missing = [name for name in missing if name not in wheel_names]
    assert not missing, f"not in the wheel: {missing}"
    assert any(re.fullmatch(r"briefing/resources/examples/[^/]+\.yaml", n) for n in wheel_names)


@slow
def test_wheel_declares_the_command_and_a_lean_qt(wheel, wheel_names):
    (entry_points,) = [n for n in wheel_names if n.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        assert "briefing = briefing.cli:main" in archive.read(entry_points).decode()
    requirements = _requirement_names(wheel)
    assert {"pyside6-essentials", "pyside6-pdf", "reportlab", "pyyaml", "qtawesome",
            "tzdata", "icalendar"} <= requirements
    # The PySide6 meta-package pulls Addons and WebEngine (~700 MB installed).
    assert not requirements & {"pyside6", "pyside6-addons", "pyside6-webengine"}


@slow
def test_installed_package_is_the_wheel(run_installed, venv):
    out = _run([run_installed.python, "-c", "import briefing, sys; print(briefing.__file__)"],
               cwd=run_installed.workdir, env=run_installed.env).stdout.strip()
    assert Path(out).resolve().is_relative_to(venv.resolve()), out


@slow
def test_installed_app_writes_and_exports_the_example(run_installed):
    run_installed("example", "-o", "t.yaml")
    trip_file = run_installed.workdir / "t.yaml"
    run_installed("validate", "t.yaml")
    first_stop = yaml.safe_load(trip_file.read_text(encoding="utf-8"))["stops"][0]["title"]

    result = run_installed("export", "t.yaml", "-o", "book.pdf")
    assert "book.pdf" in result.stdout
    assert _pdf_text(run_installed.workdir / "book.pdf").count(_squeeze(first_stop)) >= 1


@slow
def test_installed_window_opens(run_installed):
    run_installed.env["BRIEFING_STARTUP_PROBE"] = "1"
    result = run_installed("--example", timeout=120)
    assert "shown" in result.stdout, result.stderr


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(path: Path) -> str:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) > 1
    return _squeeze("".join(page.extract_text() or "" for page in reader.pages))


# packaging/build.py's check of a built folder, on fake folders laid out as each platform's
# PyInstaller build lays them out: no build needed.

def _build_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("packaging_build",
                                                  ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_bundle(folder: Path, platform: str, qt_plugins: str) -> Path:
    executables = ["Briefing.exe", "briefing-cli.exe"] if platform == "win32" else ["Briefing"]
    internal = folder / "_internal"
    files = [*executables] + [f"_internal/{name}" for name in (
        "briefing/resources/examples/goyang.ko.yaml",
        "qtawesome/fonts/fontawesome.ttf",
        "tzdata/zoneinfo/Asia/Seoul",
        f"{qt_plugins}/platforms/qwindows.dll",
        f"{qt_plugins}/iconengines/qsvgicon.dll",
        "docx/templates/default.docx",
        "docx/templates/default-header.xml",
        "docx/parts/__init__.py",
    )]
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"")
    assert internal.is_dir()
    return folder


@pytest.mark.parametrize("platform, qt_plugins", [
    ("win32", "PySide6/plugins"),  # the Windows wheels of PySide6
    ("linux", "PySide6/Qt/plugins"),
    ("darwin", "PySide6/Qt/plugins"),
])
def test_bundle_check_finds_qt_plugins_where_the_platform_keeps_them(tmp_path, platform,
                                                                     qt_plugins):
    folder = _fake_bundle(tmp_path / "Briefing", platform, qt_plugins)
    assert _build_script().check(folder, platform) == []


def test_bundle_check_says_when_the_qt_plugins_are_missing(tmp_path):
    folder = _fake_bundle(tmp_path / "Briefing", "win32", "PySide6/Qt/plugins")
    problems = _build_script().check(folder, "win32")
    assert len(problems) == 2 and all("PySide6/plugins" in p.replace("\\", "/") for p in problems)


@pytest.mark.parametrize("name", ["icuuc.dll", "MSCMS.dll", "bcryptprimitives.dll"])
def test_bundle_check_rejects_a_windows_system_library(tmp_path, name):
    # The Wine build gives its prefix stand-ins for these; one in the app would shadow Windows' own.
    folder = _fake_bundle(tmp_path / "Briefing", "win32", "PySide6/plugins")
    (folder / "_internal" / "PySide6" / name).write_bytes(b"MZ")
    assert _build_script().check(folder, "win32") == [
        f"a Windows system library in the bundle: _internal/PySide6/{name}"]


def test_spec_does_not_exclude_what_the_app_imports():
    # pypdf locks a book (--password-file); excluding it made the built app refuse
    spec = (ROOT / "packaging" / "briefing.spec").read_text(encoding="utf-8")
    excludes = spec[spec.index("EXCLUDES = "):spec.index("]", spec.index('"PySide2"'))]
    for module in ("pypdf", "cryptography", "docx", "icalendar", "reportlab", "yaml"):
        assert f'"{module}"' not in excludes, module


# Desktop integration files (packaging/linux): cheap checks, no build needed.

def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_in_every_hicolor_size():
    hicolor = LINUX / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert _png_size(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)
    svg = (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and 'viewBox="0 0 256 256"' in svg


def test_desktop_entry_names_the_command_type_and_icon():
    entry = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Exec"] == "briefing %f"
    assert fields["Icon"] == APP_ID
    assert fields["Categories"] == "Office;"
    assert "Name[ko]" in fields
    mime = (LINUX / f"{APP_ID}.mime.xml").read_text(encoding="utf-8")
    for mime_type in fields["MimeType"].strip(";").split(";"):
        assert f'type="{mime_type}"' in mime
    assert 'pattern="*.yaml"' not in mime  # plain .yaml belongs to YAML, not to us


@linux_only
def test_install_script_installs_into_a_prefix(tmp_path):
    prefix = tmp_path / "prefix"
    env = dict(os.environ, HOME=str(tmp_path))
    _run(["sh", LINUX / "install-linux.sh", "--prefix", prefix], cwd=tmp_path, env=env)
    share = prefix / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    assert desktop.is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("update-mime-database"):
        globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
        assert "application/x-briefing-trip+yaml:*.trip.yaml" in globs
    if shutil.which("desktop-file-validate"):
        _run(["desktop-file-validate", desktop], cwd=tmp_path)
    _run(["sh", LINUX / "install-linux.sh", "--prefix", prefix, "--uninstall"], cwd=tmp_path,
         env=env)
    assert not desktop.exists()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_appstream_metainfo_validates():
    _run(["appstreamcli", "validate", "--no-net", LINUX / f"{APP_ID}.metainfo.xml"], cwd=ROOT)
