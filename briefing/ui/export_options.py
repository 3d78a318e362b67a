"""What an export from the window writes: its options, the files they name (one, or one per
member), and why a path must not be written (never over a trip file). No widgets here: the dialog,
the actions and the worker share these rules."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from briefing.fileformat import reader as fileformat
from briefing.options import EVERY_MEMBER
from briefing.trip.problems import TripFileError
from briefing.ui.i18n import language, tr

TRIP_SUFFIXES = (".yaml", ".yml")
__all__ = ["EVERY_MEMBER", "ExportOptions", "TRIP_SUFFIXES", "book_name", "copies", "existing", "load_since",
           "same_file", "since_problem", "target_problem", "targets"]


@dataclass
class ExportOptions:
    path: str  # the PDF; for EVERY_MEMBER, the folder the copies go to
    paper: str = "a4"
    edition: str = "full"
    font: str = ""  # a .ttf/.ttc file from Preferences; "" lets the book choose
    reader: str = ""  # a delegation member's key: their personal copy; "" for the common book
    since: str = ""  # an earlier version's trip file: a 'changes since' page; "" for none
    since_trip: Any = field(default=None, compare=False, repr=False)  # `since`, once loaded
    draft: bool = False  # every page marked 초안 / DRAFT (the only export of a trip with errors)
    watermark: bool = False  # the marking (and reader, copy number) faintly across every page
    notes_pages: bool | None = None  # ruled pages after each stop; None: the edition's default
    password: str = field(default="", repr=False)  # "" for an open PDF, else AES-256 with it
    stem: str = ""  # what the files are named after ('trip' for trip.yaml); "" for the path's
    replace: bool = False  # the user has agreed to replace the files that exist


def book_name(stem: str, edition: str, reader: str = "", draft: bool = False, people=()) -> str:
    """The file name of one copy (trip.pdf, trip.handout.pdf, trip.이동환.pdf): the book's rule."""
    from briefing.book import file_name

    return file_name(stem, edition=edition, reader=reader, draft=draft, people=people)


def copies(options: ExportOptions, delegation=()) -> list[tuple[str, str]]:
    """(reader, path) of every book the export writes: one, or one per member for
    EVERY_MEMBER, in delegation order."""
    if options.reader != EVERY_MEMBER:
        return [(options.reader, options.path)] if options.path else []
    stem = options.stem or "briefing"
    seen: list[str] = []
    for person in delegation:
        if person.key and person.key not in seen:
            seen.append(person.key)
    return [(key, os.path.join(options.path, book_name(stem, options.edition, key, options.draft,
                                                       delegation)))
            for key in seen]


def targets(options: ExportOptions, delegation=()) -> list[str]:
    """Every file the export writes."""
    return [path for _reader, path in copies(options, delegation)]


def existing(paths: list[str]) -> list[str]:
    return [p for p in paths if os.path.lexists(p)]


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare the names
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def target_problem(pdf_path: str, trip_path: str | None, since_path: str = "") -> str:
    """Why the book must not be written to `pdf_path`, or "" when it may: never over a trip file."""
    if not pdf_path:
        return tr("Choose where to write the PDF.")
    if trip_path and same_file(pdf_path, trip_path):
        return tr("That is the trip file itself; exporting there would overwrite it. "
                  "Choose another file name.")
    if since_path and same_file(pdf_path, since_path):
        return tr("That is the earlier version's trip file; exporting there would overwrite it. "
                  "Choose another file name.")
    if pdf_path.lower().endswith(TRIP_SUFFIXES):
        return tr("The book is a PDF and is not written over a trip file (.yaml). "
                  "Choose a file name ending in .pdf.")
    from briefing.fileformat.outputs import refusal  # the rule of every output

    why = refusal(pdf_path, "pdf", own=trip_path)
    return why.say(tr) if why else ""


def load_since(path: str):
    """The earlier version of the trip for the 'changes since' page; raises TripFileError."""
    return fileformat.load(path)


def since_problem(path: str, error: TripFileError) -> str:
    problems = error.problems or [error]
    lines = "\n".join(p.text(language()) if hasattr(p, "text") else str(p)
                      for p in problems[:8])
    more = len(problems) - 8
    if more > 0:
        lines += "\n" + tr("… and {n} more", n=more)
    return tr("The earlier version {file} could not be read:", file=os.path.basename(path)) + "\n" + lines
