"""What the commands print: one line at a time, safe for any terminal, in the reader's language."""

from __future__ import annotations

import os
import re
import sys

from briefing.trip import words
from briefing.trip.problems import Problem
from briefing.trip.words import N_

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


# Problems of one kind (one message, one severity) shown in full; past that they are counted. A
# million empty stops are a million times the same error: ten lines say it, the count says how
# often (281 MB of messages said nothing more).
SHOWN_PER_KIND = 10
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # the values that differ from one problem to the next


def print_problems(problems: list[Problem], lang: str, trip=None, stream=None) -> None:
    """Each problem in the reader's language, the stop named by its title in `trip`; each kind
    at most SHOWN_PER_KIND times, then how many more there are."""
    seen: dict[tuple[str, str], int] = {}
    for problem in problems:
        kind = (problem.severity, problem.translatable.template)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= SHOWN_PER_KIND:
            say(problem.text(lang, trip), stream)
    said = words.Words(lang)
    for (severity, template), count in seen.items():
        if count > SHOWN_PER_KIND:
            say(said(N_("… and {n} more like this: {severity}: {message}"), n=f"{count - SHOWN_PER_KIND:,}",
                     severity=words.translate(lang, severity, "problem"),
                     message=_PLACEHOLDER.sub("…", words.translate(lang, template, "problem"))),
                stream)


# The closing count of `validate`, singular and plural: "1 error", "2 errors", "오류 2건".
_ERRORS = (N_("{n} error"), N_("{n} errors"))
_WARNINGS = (N_("{n} warning"), N_("{n} warnings"))


def counts(path, errors: int, warnings: int, lang: str) -> str:
    """'trip.yaml: 2 errors, 1 warning' (오류 2건, 경고 1건): the line after a file's problems."""
    say_ = words.Words(lang)
    return (f"{path}: {say_(_ERRORS[errors != 1], n=errors)}, "
            f"{say_(_WARNINGS[warnings != 1], n=warnings)}")


_WARNING = N_("briefing: warning: {message}")


def warn(message: str, lang: str, stream=None) -> None:
    """'briefing: warning: …', with the prefix in the reader's language as the message is."""
    say(words.Words(lang)(_WARNING, message=message), stream or sys.stderr)


def refused(output, kinds, lang: str, **rule) -> bool:
    """Whether the output rule (briefing.fileformat.outputs) refuses `output`, after saying why."""
    from briefing.fileformat import outputs

    why = outputs.refusal(output, kinds, **rule)
    if why is None:
        return False
    say_ = words.Words(lang)
    say(say_(N_("briefing: not writing to {path}: {why}; nothing was written"), path=output,
             why=why.say(say_)), sys.stderr)
    return True


def language(args) -> str:
    """The messages' language: --lang, else the environment's (read directly, so that it need not
    be an installed locale)."""
    if getattr(args, "lang", None):
        return args.lang
    return words.language_from_environment(os.environ)
