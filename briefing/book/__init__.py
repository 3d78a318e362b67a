"""The printable briefing book (PDF), made with ReportLab. No Qt here.

`export_pdf(trip, path, paper=, edition=, font=, reader=, since=, draft=, watermark=,
notes_pages=, password=)` writes the book atomically and returns a `BookResult` (pages,
notices); `render()` gives the bytes without writing a file; `file_name()` names a copy's file.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.book.build import EDITIONS, BookError, BookResult, locked, render
from briefing.book.document import PAPERS
from briefing.book.editions import EVERY_MEMBER, file_name, members
from briefing.book.fonts import font_error
from briefing.book.protect import password_problem
from briefing.fileformat.atomic import write_atomic
from briefing.trip.model import Trip

__all__ = ["EDITIONS", "EVERY_MEMBER", "PAPERS", "BookError", "BookResult", "export_pdf",
           "file_name", "font_error", "members", "password_problem", "render"]


def export_pdf(trip: Trip, path: str | os.PathLike, *, paper: str = "a4", edition: str = "full",
               font: str | os.PathLike | None = None, reader: str | None = None,
               since: Trip | None = None, draft: bool = False, watermark: bool = False,
               notes_pages: bool | None = None, password: str | None = None,
               builder=None) -> BookResult:
    """Write the briefing book of `trip` to `path`; a failed export leaves no file behind.

    `reader` (a delegation member's id) makes a personal copy for that member; `since` (an
    earlier version of the trip) adds a page of what changed since that version; `draft` marks
    every page as a draft; `watermark` prints the marking (and reader) across every page;
    `notes_pages` adds or leaves out the ruled page after each stop (None: the edition's
    default); `password` encrypts the PDF with AES-256; `builder` (an
    incremental.IncrementalBook kept between exports, as `export --watch` does) lays out only
    what changed since its last book.

    Raises BookError when the book cannot be made and SaveError when it cannot be written.
    """
    # Everything is built in memory first, so a layout failure never touches the disk.
    options = dict(paper=paper, edition=edition, font=font, reader=reader, since=since,
                   draft=draft, watermark=watermark, notes_pages=notes_pages)
    if builder is None:
        data, result = render(trip, password=password, **options)
    else:
        data, result = builder.render(trip, **options)
        if password is not None:
            data = locked(data, password)
            result.size = len(data)
    write_atomic(Path(path), data)
    result.path = os.fspath(path)
    return result
