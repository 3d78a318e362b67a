"""Files shipped inside the package (example trips, icons, translations)."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

EXAMPLE = "goyang-2023.ko.yaml"


def root() -> Traversable:
    return resources.files("briefing.resources")


def example_path() -> Traversable:
    return root() / "examples" / EXAMPLE


def example_text() -> str:
    return example_path().read_text(encoding="utf-8")
