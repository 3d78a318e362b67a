"""Briefing: write a delegation trip's agendas and talking points, and print its briefing book.

The public API: `load`, `save`, `validate`, `export_pdf`, and the model classes in
`briefing.model`.
"""

from __future__ import annotations

from .fileformat import dumps, load, loads, save
from .model import Trip
from .problems import Problem, SaveError, TripFileError
from .validate import validate

__version__ = "0.1.0"
__all__ = [
    "Problem", "SaveError", "Trip", "TripFileError", "dumps", "export_pdf", "load", "loads",
    "save", "validate",
]


def export_pdf(trip: Trip, path, **options):
    """Write the briefing book of `trip` to `path` (see `briefing.book.export_pdf`)."""
    from .book import export_pdf as _export

    return _export(trip, path, **options)
