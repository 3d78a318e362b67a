"""`briefing plan` and `briefing report`: the trip plan and the post-trip report, as PDF or .docx."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.paperwork.data import default_output, without_results
from briefing.rules.validate import check_file
from briefing.trip import words
from briefing.trip.problems import SaveError, has_errors
from briefing.trip.words import N_

COMMANDS = ("plan", "report")
# The output kinds, told apart by the name's suffix (briefing.fileformat.outputs).
SUFFIX_KINDS = ("pdf", "docx", "hwpx")

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
        p.add_argument("-o", "--output", metavar="OUT.pdf|OUT.docx|OUT.hwpx",
                       help=f"a .pdf, or a .docx (Word) or .hwpx (Hancom) to finish "
                            f"(default: {default})")
        p.add_argument("--paper", choices=("a4", "letter"), default="a4")
        p.add_argument("--font", metavar="PATH",
                       help="a TrueType (.ttf/.ttc) font with Korean glyphs (a .docx or .hwpx "
                            "names it; else 맑은 고딕)")
        p.add_argument("--lang", choices=("ko", "en"),
                       help="the document's language (default: the trip's); also the language "
                            "of errors and warnings")
        p.add_argument("--no-marking", dest="marking", action="store_false",
                       help="leave out the trip's handling marking (e.g. 대외비): a copy for "
                            "publication")
        p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from briefing.cli.terminal import language as _language
    from briefing.cli.terminal import print_problems as _print
    from briefing.cli.terminal import refused, warn
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
    if refused(output, SUFFIX_KINDS, lang, own=args.file):
        return 1
    from briefing.book import BookError
    from briefing.book import paperwork as documents

    try:
        result = documents.export_file(trip, kind, output, lang=args.lang or trip.info.lang,
                                       paper=args.paper, font=args.font,
                                       marking=args.marking)
    except (BookError, SaveError) as e:
        _say(f"briefing: {e}", sys.stderr)
        return 1
    notices = result.notices
    shown = f" ({result.pages} pages)" if result.pages else ""
    for notice in notices:
        warn(notice, lang)
    missing = without_results(trip) if kind == "report" else []
    if missing:  # the document flags them; the person handing it in must hear it too
        warn(say("{n} visit(s) have no results yet; the report marks them.", n=len(missing))
             + " " + ", ".join(f"{n}. {s.title}" for n, s in missing), lang)
    _say(f"wrote {output}{shown}")
    return 0



def write_example_photos(trip_path: str) -> int:
    """Put the format-2 example's photos beside the example written to `trip_path`, where its
    attachments look for them; a photo already there is left alone."""
    from briefing import package_data
    from briefing.cli.terminal import say as _say

    source = package_data.root() / "examples" / "photos"
    folder = Path(trip_path).resolve().parent / "photos"
    try:
        folder.mkdir(exist_ok=True)
        for photo in source.iterdir():
            target = folder / photo.name
            if not target.exists():
                target.write_bytes(photo.read_bytes())
                _say(f"wrote {target}")
    except OSError as e:
        _say(f"briefing: the example's photos could not be written to {folder}: "
             f"{e.strerror or e}", sys.stderr)
        return 1
    return 0
