"""Shared fixtures. Tests import the installed `briefing` package, not the source tree."""

import os
import shutil
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
