"""Shared fixtures. Tests import the installed `briefing` package, not the source tree."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
