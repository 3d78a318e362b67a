"""The `briefing` command: validate, example, schema and export; with no command, the window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__, package_data
from .problems import Problem, SaveError, has_errors
from .validate import check_file as check

COMMANDS = ("validate", "example", "schema", "export", "calendar")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=(
            "Write a delegation trip's agendas and talking points and print its briefing book.\n"
            "Without a command, opens the window (on FILE, if given)."),
        usage="briefing [FILE | --example]\n       briefing {validate,example,schema,export,calendar} ...",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    # prog: the subcommands' own usage lines start "briefing export", not the top-level usage
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="briefing")

    p = sub.add_parser("validate", help="check trip files; exit 1 if any has an error")
    p.add_argument("files", nargs="+", metavar="FILE")

    p = sub.add_parser("example", help="write the example trip (to standard output without -o)")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sub.add_parser("schema", help="print a JSON Schema of the trip file format")

    p = sub.add_parser("export", help="write the briefing book as PDF")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.pdf", help="default: FILE with .pdf")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--edition", choices=("full", "handout"), default="full")
    p.add_argument("--font", metavar="PATH", help="a TrueType (.ttf/.ttc) font with Korean glyphs")
    p.add_argument("--for", dest="reader", metavar="ID",
                   help="a personal copy for the delegation member with this id: their name on "
                        "the cover and in the footer, their talking points and the visits they "
                        "do not attend marked")
    p.add_argument("--since", metavar="OLD.yaml",
                   help="an earlier version of the trip: add a page of what changed since then")

    p = sub.add_parser("calendar", help="write the schedule as an iCalendar (.ics) file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.ics", help="default: FILE with .ics")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    _utf8_output()
    if not argv or argv[0] not in COMMANDS and not argv[0].startswith("-") or argv[:1] == ["--example"]:
        return _window(argv)
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 0
    commands = {"validate": _validate, "example": _example, "schema": _schema, "export": _export,
                "calendar": _calendar}
    return commands[args.command](args)


def _utf8_output() -> None:
    # Korean messages must not crash on a console whose encoding cannot show them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - a detached stream
                pass


def _print(problems: list[Problem], stream=None) -> None:
    for problem in problems:
        print(problem, file=stream or sys.stdout)


def _validate(args) -> int:
    failed = False
    for path in args.files:
        trip, problems = check(path)
        _print(problems)
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        failed |= trip is None or errors > 0
        if trip is not None and not problems:
            print(f"{path}: ok")
        elif len(args.files) > 1 or problems:
            print(f"{path}: {errors} error(s), {warnings} warning(s)")
    return 1 if failed else 0


def _example(args) -> int:
    text = package_data.example_text()
    if not args.output:
        if sys.stdout is None:  # a windowed build has no console to print to
            return 2
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    if Path(args.output).exists() and not args.force:
        print(f"briefing: {args.output} exists; nothing was written (use --force to replace it)",
              file=sys.stderr)
        return 1
    return _write(args.output, text)


def _schema(args) -> int:
    from . import jsonschema

    sys.stdout.write(jsonschema.dumps())
    return 0


def _checked(path: str, what: str):
    """The trip in `path` if it has no errors (warnings are printed); None after printing why."""
    trip, problems = check(path)
    _print(problems, sys.stderr)
    if trip is None or has_errors(problems):
        print(f"briefing: {path} has errors; no {what} was written", file=sys.stderr)
        return None
    return trip


def _export(args) -> int:
    trip = _checked(args.file, "book")
    if trip is None:
        return 1
    since = None
    if args.since:
        since, problems = check(args.since)
        if since is None:  # only an unreadable old version stops the export; its warnings do not
            _print(problems, sys.stderr)
            print(f"briefing: {args.since} cannot be read; no book was written", file=sys.stderr)
            return 1
    output = _output_path(args.file, args.output, ".pdf")
    if output is None:
        return 1
    from .book import BookError, export_pdf

    try:
        result = export_pdf(trip, output, paper=args.paper, edition=args.edition, font=args.font,
                            reader=args.reader, since=since)
    except (BookError, SaveError) as e:
        print(f"briefing: {e}", file=sys.stderr)
        return 1
    for notice in result.notices:
        print(f"briefing: warning: {notice}", file=sys.stderr)
    print(f"wrote {output} ({result.pages} pages)")
    return 0


def _calendar(args) -> int:
    trip = _checked(args.file, "calendar")
    if trip is None:
        return 1
    from . import calendar

    output = _output_path(args.file, args.output, ".ics")
    return 1 if output is None else _write(output, calendar.dumps(trip))


def _output_path(source: str, output: str | None, suffix: str) -> str | None:
    """Where a book or calendar goes; None (after saying why) if that would replace a trip file."""
    output = output or str(Path(source).with_suffix(suffix))
    target = Path(output)
    same = target.exists() and Path(source).exists() and target.samefile(source)
    if same or target.suffix.lower() in (".yaml", ".yml"):
        why = "that is the trip file itself" if same else "names ending in .yaml are for trips"
        print(f"briefing: not writing to {output}: {why}; nothing was written"
              f" (give a name ending in {suffix})", file=sys.stderr)
        return None
    return output


def _write(output: str, text: str) -> int:
    from .atomic import write_atomic

    try:
        write_atomic(Path(output), text.encode("utf-8"))
    except SaveError as e:
        print(f"briefing: {e}", file=sys.stderr)
        return 1
    print(f"wrote {output}")
    return 0


def _window(argv: list[str]) -> int:
    example = "--example" in argv
    paths = [a for a in argv if a != "--example"]
    if len(paths) > 1 or any(a.startswith("-") for a in paths):
        _parser().print_help()
        return 2
    try:
        from .ui.app import run
    except ImportError as e:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"briefing: the window is not available ({e})", file=sys.stderr)
        _parser().print_help()
        return 2
    return run(paths[0] if paths else None, example=example)
