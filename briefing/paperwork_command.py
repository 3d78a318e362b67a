"""`briefing plan` and `briefing report`: the trip plan and the post-trip report, as PDF or .docx."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import words
from .problems import SaveError, has_errors
from .validate import check_file
from .words import N_

COMMANDS = ("plan", "report")
SUFFIXES = (".pdf", ".docx")

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


def default_output(trip_path: str, kind: str) -> str:
    """trip.yaml -> trip.plan.pdf / trip.report.pdf, beside the trip."""
    return str(Path(trip_path).with_suffix(f".{kind}.pdf"))


def run(args: argparse.Namespace) -> int:
    from .cli import _language, _print, _say

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
    from . import paperwork
    from .book import BookError
    from .book import paperwork as pdf

    document = paperwork.build(trip, kind, args.lang or trip.info.lang)
    notices: list[str] = []
    try:
        if output.lower().endswith(".docx"):
            from . import paperwork_docx

            paperwork_docx.export(document, output, paper=args.paper,
                                  font=pdf.font_family(args.font), day=document_day(trip, kind))
            shown = ""
        else:
            result = pdf.export(trip, document, output, paper=args.paper, font=args.font)
            notices = result.notices
            shown = f" ({result.pages} pages)"
    except (BookError, SaveError) as e:
        _say(f"briefing: {e}", sys.stderr)
        return 1
    for notice in notices:
        _say(f"briefing: warning: {notice}", sys.stderr)
    _say(f"wrote {output}{shown}")
    return 0


def document_day(trip, kind: str):
    """The date a plan or report carries: the report's own date, else the trip's edition."""
    report_day = trip.info.report.date if kind == "report" else None
    return report_day or trip.info.updated or trip.info.start


def target_problem(output: str, trip_path: str | None) -> str:
    """Why the paperwork must not be written to `output` (in English), or "" when it may."""
    if not output.lower().endswith(SUFFIXES):
        return "give a name ending in .pdf or .docx"
    if trip_path and os.path.exists(output) and os.path.exists(trip_path) \
            and os.path.samefile(output, trip_path):
        return "that is the trip file itself"
    return ""
