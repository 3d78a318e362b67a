"""What the commands print: one line at a time, safe for any terminal, in the reader's language."""

from __future__ import annotations

import os
import sys

from briefing.trip import words
from briefing.trip.problems import Problem

# C0 and C1 control characters and DEL, shown as Python-style escapes: a trip's value quoted in a
# message must not move the cursor, ring the bell or retitle the terminal. Tab and line break
# stay: some messages (PyYAML's) span lines.
_VISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)}


def safe(text: object) -> str:
    return str(text).translate(_VISIBLE)


def say(text: object, stream=None) -> None:
    """Print one message line; everything a command prints about a trip goes through here."""
    # Flushed, so a line reaches a pipe when it is said (`export --watch` runs for hours).
    print(safe(text), file=stream or sys.stdout, flush=True)


def print_problems(problems: list[Problem], lang: str, trip=None, stream=None) -> None:
    """Each problem in the reader's language, the stop named by its title in `trip`."""
    for problem in problems:
        say(problem.text(lang, trip), stream)


def language(args) -> str:
    """The messages' language: --lang, else the environment's (read directly, so that it need not
    be an installed locale)."""
    if getattr(args, "lang", None):
        return args.lang
    return words.language_from_environment(os.environ)
