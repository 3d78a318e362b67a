"""Errors and warnings about a trip, each pointing at a file position and a field path.

A problem's message is kept as its English template and values (`msg(...)`), so that it can be
shown in the reader's language: `problem.text("ko", trip)` names the place the way the window
does (`2. 바르셀로나 액티바 방문 › 세부 일정 6행 › 내용`), `str(problem)` is the English with the
field path, for logs and tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.trip import dates, words
from briefing.trip.words import N_

ERROR = N_("error")
WARNING = N_("warning")


@dataclass(frozen=True)
class Message:
    """A message's English template (its catalog id) and the values for its `{placeholders}`."""

    template: str
    values: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = "en") -> str:
        text = words.translate(lang, self.template, "problem")
        if not self.values:
            return text
        return words.fill(text, **{k: _shown(v, lang) for k, v in self.values})

    def __str__(self) -> str:
        return self.render("en")


def msg(template: str, **values) -> Message:
    """A translatable message: `msg("unknown time zone `{name}`", name=value)`.

    A value that is itself a Message is rendered in the same language.
    """
    return Message(template, tuple(values.items()))


def _shown(value, lang: str):
    if isinstance(value, Message):
        return value.render(lang)
    if lang == "ko" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dates.date(value, lang)  # 2023. 2. 27.(월), as Korean documents write a date
    return value


@dataclass(frozen=True)
class Problem:
    severity: str  # ERROR or WARNING
    path: str  # 'stops[2].agenda[1].time'; '' for the file as a whole
    message: str  # in English; given a Message, it keeps it for `describe(lang)`
    file: str = ""
    line: int = 0  # 1-based; 0 when not known
    column: int = 0  # 1-based; 0 when not known

    def __post_init__(self):
        m = self.message
        translatable = m if isinstance(m, Message) else Message(str(m))
        object.__setattr__(self, "translatable", translatable)
        object.__setattr__(self, "message", translatable.render("en"))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        where = self.file or "<trip>"
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return where

    def describe(self, lang: str = "en") -> str:
        """The message alone, in `lang`."""
        return self.translatable.render(lang)

    def place(self, lang: str = "en", trip=None) -> str:
        """Where the problem is, in the reader's words ('' for the file as a whole)."""
        from briefing.trip.places import describe

        return describe(self.path, lang, trip)

    def text(self, lang: str = "en", trip=None) -> str:
        """`FILE:LINE:COL: 오류: 2. 방문지 › 세부 일정 6행 › 내용: 비어 있습니다`."""
        place = self.place(lang, trip)
        severity = words.translate(lang, self.severity, "problem")
        return f"{self.where()}: {severity}: {place + ': ' if place else ''}{self.describe(lang)}"

    def __str__(self) -> str:
        field = f"{self.path}: " if self.path else ""
        return f"{self.where()}: {self.severity}: {field}{self.message}"


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
