"""The printable briefing book (PDF), made with ReportLab. No Qt here.

`export_pdf(trip, path, paper=, edition=, font=)` writes the book atomically and returns a
`BookResult` (pages, notices); `render()` gives the bytes without writing a file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..atomic import write_atomic
from ..model import Trip
from .build import EDITIONS, BookError, BookResult, render
from .document import PAPERS

__all__ = ["EDITIONS", "PAPERS", "BookError", "BookResult", "export_pdf", "render"]


def export_pdf(trip: Trip, path: str | os.PathLike, *, paper: str = "a4", edition: str = "full",
               font: str | os.PathLike | None = None) -> BookResult:
    """Write the briefing book of `trip` to `path`; a failed export leaves no file behind.

    Raises BookError when the book cannot be made and SaveError when it cannot be written.
    """
    # Everything is built in memory first, so a layout failure never touches the disk.
    data, result = render(trip, paper=paper, edition=edition, font=font)
    write_atomic(Path(path), data)
    result.path = os.fspath(path)
    return result
