"""Errors and warnings about a trip, each pointing at a file position and a field path."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR or WARNING
    path: str  # 'stops[2].agenda[1].time'; '' for the file as a whole
    message: str
    file: str = ""
    line: int = 0  # 1-based; 0 when not known
    column: int = 0  # 1-based; 0 when not known

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = self.file or "<trip>"
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        field = f"{self.path}: " if self.path else ""
        return f"{where}: {self.severity}: {field}{self.message}"


class TripFileError(Exception):
    """A trip file that could not be read; `problems` says every reason found, with positions.

    `trip` is what could be read around the bad values, when the file's shape allowed it, so
    that the remaining checks can still be run and reported in the same pass.
    """

    def __init__(self, problems: list[Problem], trip=None):
        self.problems = list(problems)
        self.trip = trip
        super().__init__("\n".join(str(p) for p in self.problems))


class SaveError(Exception):
    """A trip that could not be written; the message says why in words a user can act on."""


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
