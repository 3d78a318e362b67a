"""Files shipped inside the package (example trips, icons, translations)."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

EXAMPLE = "goyang-2023.ko.yaml"
# The same trip in format 2, with the paperwork filled in: for the trip plan and post-trip report.
REPORT_EXAMPLE = "goyang-2023-report.ko.yaml"


def root() -> Traversable:
    """The shipped resources folder: `briefing.resources` when installed.

    Running from a source checkout (or an editable install, which cannot map a package onto a
    folder outside it), the same files are the repository's top-level resources/ folder.
    """
    try:
        return resources.files("briefing.resources")
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parent.parent / "resources"
        if (checkout / "examples").is_dir():
            return checkout
        raise


def example_path() -> Traversable:
    return root() / "examples" / EXAMPLE


def report_example_path() -> Traversable:
    return root() / "examples" / REPORT_EXAMPLE


def example_text() -> str:
    return example_path().read_text(encoding="utf-8")
