"""Shared fixtures. Tests import the installed `briefing` package, not the source tree."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis runs that fit CI by default; `pytest --hypothesis-profile nightly` (which the
# hypothesis plugin loads after this file) draws many more, for a run of hours.
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("nightly", max_examples=20_000, deadline=None)
settings.load_profile("ci")

# Qt must never try to open a real screen in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import briefing  # noqa: E402
from briefing import package_data  # noqa: E402


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    """A writable copy of the example trip."""
    target = tmp_path / "example.yaml"
    with package_data.example_path().open("rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return target


@pytest.fixture
def example_trip(example_path: Path) -> briefing.Trip:
    return briefing.load(example_path)


@pytest.fixture(scope="session")
def briefing_command() -> Path:
    """The `briefing` console script of the environment running the tests, as a user would type
    it (not `python -m briefing`), so that a broken entry point fails the command-line tests."""
    folder = Path(sys.executable).parent
    found = shutil.which("briefing", path=str(folder))
    assert found, f"no `briefing` command in {folder}; is the package installed there?"
    return Path(found)


@pytest.fixture(scope="session")
def cli(briefing_command: Path):
    """Run the installed command: `cli("validate", path, cwd=tmp_path)` -> CompletedProcess."""

    # Messages follow the environment's language; tests read English unless they ask otherwise.
    english = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    english["LANG"] = "C.UTF-8"

    def run(*args, cwd=None, env=None, timeout=120) -> subprocess.CompletedProcess:
        return subprocess.run([str(briefing_command), *map(str, args)], cwd=cwd,
                              env=english if env is None else env,
                              capture_output=True, text=True, encoding="utf-8",
                              stdin=subprocess.DEVNULL, timeout=timeout)

    return run


@pytest.fixture
def unprivileged(tmp_path: Path):
    """Runs a check the way an ordinary user meets file permissions, also when the tests run as
    root (CI), who may read and write anything: then the check runs as `nobody` (setpriv, else
    runuser), in a folder of its own that user can reach. `run(code)` runs Python `code` there
    (its working folder) and gives the CompletedProcess; `folder` is that folder."""
    import tempfile
    from types import SimpleNamespace

    root = hasattr(os, "geteuid") and os.geteuid() == 0
    prefix: list[str] = []
    folder = tmp_path
    if root:
        nobody = 65534
        if shutil.which("setpriv"):
            prefix = ["setpriv", f"--reuid={nobody}", f"--regid={nobody}", "--clear-groups"]
        elif shutil.which("runuser"):
            prefix = ["runuser", "-u", "nobody", "--"]
        else:
            pytest.fail("running as root, with neither setpriv nor runuser to drop the privileges")
        folder = Path(tempfile.mkdtemp(prefix="briefing-unprivileged-"))
        os.chown(folder, nobody, nobody)

    def run(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
        env = {**os.environ, "HOME": str(folder), "TMPDIR": str(folder),
               "XDG_RUNTIME_DIR": str(folder), "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run([*prefix, sys.executable, "-P", "-c", code], cwd=folder, env=env,
                              capture_output=True, text=True, encoding="utf-8",
                              stdin=subprocess.DEVNULL, timeout=timeout)

    if root:  # the check itself proves it ran without root's rights
        check = run("import os; print('euid', os.geteuid())")
        assert check.stdout.split() == ["euid", "65534"], check.stderr
    yield SimpleNamespace(run=run, folder=folder)
    if root:
        shutil.rmtree(folder, ignore_errors=True)
