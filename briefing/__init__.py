"""Briefing: write a delegation trip's agendas and talking points, and print its briefing book.

The public API: `load`, `save`, `validate`, `export_pdf`, and the model classes in
`briefing.model`.
"""

from __future__ import annotations

from briefing import model  # noqa: F401  (briefing.model.Trip, as scripts have always written it)
from briefing.fileformat.reader import dumps, load, loads, save
from briefing.rules.validate import validate
from briefing.trip.model import Trip
from briefing.trip.problems import Problem, SaveError, TripFileError

__version__ = "0.1.0"
__all__ = [
    "Problem", "SaveError", "Trip", "TripFileError", "dumps", "export_pdf", "load", "loads",
    "save", "validate",
]


def export_pdf(trip: Trip, path, **options):
    """Write the briefing book of `trip` to `path` (see `briefing.book.export_pdf`)."""
    from briefing.book import export_pdf as _export

    return _export(trip, path, **options)
