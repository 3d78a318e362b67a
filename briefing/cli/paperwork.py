"""`briefing plan` and `briefing report`: the trip plan and the post-trip report, as PDF or .docx."""

from __future__ import annotations

import argparse
import os
import sys

from briefing.paperwork.data import SUFFIXES, default_output, without_results
from briefing.rules.validate import check_file
from briefing.trip import words
from briefing.trip.problems import SaveError, has_errors
from briefing.trip.words import N_

COMMANDS = ("plan", "report")

_WHAT = {"plan": N_("trip plan"), "report": N_("post-trip report")}
_NOT_WRITTEN = N_("briefing: {path} has errors; no {what} was written")


def register(sub) -> None:
    """Add the two commands to the `briefing` parser's subcommands."""
    for name, help_text, default in (
        ("plan", "write the trip plan (출장계획서): purpose, necessity, travellers, itinerary, "
                 "budget, expected outcomes", "FILE with .plan.pdf"),
        ("report", "write the post-trip report (결과보고서): overview, itinerary, results per "
                   "visit, summary, insights, follow-up actions", "FILE with .report.pdf"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("file", metavar="FILE")
        p.add_argument("-o", "--output", metavar="OUT.pdf|OUT.docx",
                       help=f"a .pdf, or a .docx to finish in Word or Hancom Office "
                            f"(default: {default})")
        p.add_argument("--paper", choices=("a4", "letter"), default="a4")
        p.add_argument("--font", metavar="PATH",
                       help="a TrueType (.ttf/.ttc) font with Korean glyphs (the .docx names it)")
        p.add_argument("--lang", choices=("ko", "en"),
                       help="the document's language (default: the trip's); also the language "
                            "of errors and warnings")
        p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from briefing.cli.terminal import language as _language
    from briefing.cli.terminal import print_problems as _print
    from briefing.cli.terminal import say as _say

    kind = args.command
    lang = _language(args)
    say = words.Words(lang)
    trip, problems = check_file(args.file, partial=True)
    _print(problems, lang, trip, sys.stderr)
    if trip is None or has_errors(problems):
        _say(say(_NOT_WRITTEN, path=args.file, what=say(_WHAT[kind])), sys.stderr)
        return 1
    output = args.output or default_output(args.file, kind)
    problem = target_problem(output, args.file)
    if problem:
        _say(f"briefing: not writing to {output}: {problem}; nothing was written", sys.stderr)
        return 1
    from briefing.book import BookError
    from briefing.book import paperwork as documents

    try:
        result = documents.export_file(trip, kind, output, lang=args.lang or trip.info.lang,
                                       paper=args.paper, font=args.font)
    except (BookError, SaveError) as e:
        _say(f"briefing: {e}", sys.stderr)
        return 1
    notices = result.notices
    shown = f" ({result.pages} pages)" if result.pages else ""
    for notice in notices:
        _say(f"briefing: warning: {notice}", sys.stderr)
    missing = without_results(trip) if kind == "report" else []
    if missing:  # the document flags them; the person handing it in must hear it too
        _say("briefing: warning: " + say("{n} visit(s) have no results yet; the report marks "
                                         "them.", n=len(missing)) + " "
             + ", ".join(f"{trip.stops.index(s) + 1}. {s.title}" for s in missing), sys.stderr)
    _say(f"wrote {output}{shown}")
    return 0


def target_problem(output: str, trip_path: str | None) -> str:
    """Why the paperwork must not be written to `output` (in English), or "" when it may."""
    if not output.lower().endswith(SUFFIXES):
        return "give a name ending in .pdf or .docx"
    if trip_path and os.path.exists(output) and os.path.exists(trip_path) \
            and os.path.samefile(output, trip_path):
        return "that is the trip file itself"
    return ""
