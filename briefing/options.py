"""The book's options, the one place that names them for the book, the command line and the window
(ReportLab-free, so that the window and the command line can offer them without loading it):
editions, papers, which edition gets ruled notes pages, and who "every member" is."""

from __future__ import annotations

FULL, HANDOUT = "full", "handout"
EDITIONS = (FULL, HANDOUT)  # the principal's book; the handout without internal items
PAPERS = ("a4", "letter")
DEFAULT_PAPER = "a4"

# `--for all` on the command line, "every personal copy" in the window: one copy per member
EVERY_MEMBER = "all"


def notes_pages_default(edition: str) -> bool:
    """A ruled page to write on after each stop: in the principal's full edition, not the handout."""
    return edition == FULL


def edition_or_default(value: str | None) -> str:
    value = (value or "").lower()
    return value if value in EDITIONS else FULL


def paper_or_default(value: str | None) -> str:
    value = (value or "").lower()
    return value if value in PAPERS else DEFAULT_PAPER
