"""The `briefing` command: validate, example, schema and export; with no command, the window."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import time
from pathlib import Path

from briefing import __version__, package_data
from briefing.cli import merge as merge_command
from briefing.cli import paperwork as paperwork_command
from briefing.cli import terminal
from briefing.rules.validate import check_file as check
from briefing.trip import words
from briefing.trip.problems import SaveError, has_errors
from briefing.trip.words import N_

COMMANDS = ("validate", "example", "schema", "export", "calendar", "merge",
            *paperwork_command.COMMANDS)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=(
            "Write a delegation trip's agendas and talking points and print its briefing book.\n"
            "Without a command, opens the window (on FILE, if given)."),
        usage="briefing [FILE | --example]\n       briefing {validate,example,schema,export,calendar,merge,plan,report} ...",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    # prog: the subcommands' own usage lines start "briefing export", not the top-level usage
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="briefing")

    p = sub.add_parser("validate", help="check trip files; exit 1 if any has an error")
    p.add_argument("files", nargs="+", metavar="FILE")
    _lang_option(p)

    p = sub.add_parser("example", help="write the example trip (to standard output without -o)")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--paperwork", action="store_true",
                   help="the format-2 example, with every field of the trip plan and report "
                        "(its photo is written beside FILE)")

    sub.add_parser("schema", help="print a JSON Schema of the trip file format")

    p = sub.add_parser("export", help="write the briefing book as PDF")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.pdf",
                   help="default: beside FILE, named for the copy (trip.pdf, trip.handout.pdf, "
                        "trip.ID.pdf, trip.draft.pdf); with --for all, the folder to write to")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--edition", choices=("full", "handout"), default="full")
    p.add_argument("--font", metavar="PATH", help="a TrueType (.ttf/.ttc) font with Korean glyphs")
    p.add_argument("--for", dest="reader", metavar="ID",
                   help="a personal copy for the delegation member with this id: their name and "
                        "copy number on the cover, their name in the footer, their talking "
                        "points and the visits they do not attend marked; `all`: one copy for "
                        "every member, each in its own file")
    p.add_argument("--since", metavar="OLD.yaml",
                   help="an earlier version of the trip: add a page of what changed since then")
    p.add_argument("--draft", action="store_true",
                   help="write the book even if the trip has errors, every page marked "
                        "'초안 / DRAFT'")
    p.add_argument("--notes-pages", action=argparse.BooleanOptionalAction, default=None,
                   help="a ruled page to write on after each visit (default: in the full "
                        "edition, not in the handout)")
    p.add_argument("--watermark", action="store_true",
                   help="print the trip's marking (and a personal copy's reader and copy "
                        "number) faintly across every page")
    p.add_argument("--watch", action="store_true",
                   help="write the book, then again each time FILE is saved, until Ctrl+C")
    lock = p.add_mutually_exclusive_group()
    lock.add_argument("--password", action="store_true",
                      help="encrypt the PDF (AES-256); the password is asked for on the terminal")
    lock.add_argument("--password-file", metavar="F",
                      help="encrypt the PDF (AES-256) with the first line of F as the password")
    _lang_option(p)

    p = sub.add_parser("calendar", help="write the schedule as an iCalendar (.ics) file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT.ics",
                   help="default: FILE with .ics; -: standard output")
    p.add_argument("--for", dest="reader", metavar="ID",
                   help="only the stops the delegation member with this id attends (and all "
                        "travel and stays)")
    _lang_option(p)
    merge_command.register(sub)
    paperwork_command.register(sub)
    # main() gives an unknown option to the subcommand it follows, for that command's usage line
    parser.commands = sub.choices
    return parser


def _lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("ko", "en"),
                   help="the language of errors and warnings (default: from LC_ALL, LC_MESSAGES "
                        "or LANG: Korean if it begins with ko, else English)")


_language = terminal.language


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    _utf8_output()
    if not argv or argv[0] not in COMMANDS and not argv[0].startswith("-") or argv[:1] == ["--example"]:
        return _window(argv)
    parser = _parser()
    # parse_args would report a subcommand's unknown option under the top-level usage
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        where = parser.commands.get(args.command, parser)
        where.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command is None:
        _parser().print_help()
        return 0
    commands = {"validate": _validate, "example": _example, "schema": _schema, "export": _export,
                "calendar": _calendar}
    try:
        status = (commands.get(args.command) or args.run)(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, not at exit, where a closed pipe could only be reported
        return status
    except BrokenPipeError:
        return _closed_pipe()


def _closed_pipe() -> int:
    """The reader of the output went away (`briefing example | head`): stop without a word, as
    other tools do, with the status a shell gives a tool ended by SIGPIPE."""
    try:  # what is still buffered must not fail again at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no real stdout
        pass
    return 128 + 13


def _utf8_output() -> None:
    # Korean messages must not crash on a console whose encoding cannot show them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - a detached stream
                pass


_terminal_safe = terminal.safe
_say = terminal.say
_print = terminal.print_problems


def _validate(args) -> int:
    failed = False
    lang = _language(args)
    say = words.Words(lang)
    for path in args.files:
        trip, problems = check(path, partial=True)
        _print(problems, lang, trip)
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        failed |= trip is None or errors > 0
        if trip is not None and not problems:
            _say(say("{path}: ok", path=path))
        elif len(args.files) > 1 or problems:
            _say(terminal.counts(path, errors, warnings, lang))
    return 1 if failed else 0


def _example(args) -> int:
    text = (package_data.report_example_path().read_text(encoding="utf-8") if args.paperwork
            else package_data.example_text())
    if args.output in (None, "", "-"):
        if sys.stdout is None:  # a windowed build has no console to print to
            return 2
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    if os.path.lexists(args.output) and not args.force:
        _say(f"briefing: {args.output} exists; nothing was written (use --force to replace it)",
             sys.stderr)
        return 1
    if terminal.refused(args.output, "trip", _language(args), replace_trip=args.force):
        return 1
    written = _write(args.output, text, backup=True)  # a replaced trip stays as NAME.bak
    if written == 0 and args.paperwork:
        from briefing.cli.paperwork import write_example_photos

        return write_example_photos(args.output)
    return written


def _schema(args) -> int:
    from briefing.fileformat import jsonschema

    sys.stdout.write(jsonschema.dumps())
    return 0


_NOT_WRITTEN = {
    "book": N_("briefing: {path} has errors; no book was written"),
    "calendar": N_("briefing: {path} has errors; no calendar was written"),
}


def _checked(path: str, what: str, lang: str = "en", *, draft: bool = False):
    """The trip in `path` if it has no errors (warnings are printed); None after printing why.
    With `draft`, a trip with errors is given too, as long as it could be read."""
    trip, problems = check(path, partial=True)
    _print(problems, lang, trip, sys.stderr)
    say = words.Words(lang)
    if trip is not None and draft:
        if has_errors(problems):
            _say(say("briefing: {path} has errors; writing a draft, marked as one on every page",
                     path=path), sys.stderr)
        return trip
    if trip is None or has_errors(problems):
        _say(say(_NOT_WRITTEN[what], path=path), sys.stderr)
        if trip is not None and what == "book":
            _say(say("briefing: --draft writes the book all the same, every page marked as a "
                     "draft"), sys.stderr)
        return None
    return trip


def _export(args) -> int:
    if not args.watch:
        return _export_once(args)
    say = words.Words(_language(args))
    password = _password(args, say)  # asked for once, not at every save
    if password is _NO_PASSWORD:
        return 1
    from briefing.cli.watch import watch

    _say(say("watching {path}: the book is written again each time it is saved; Ctrl+C stops",
             path=args.file))

    builders: dict = {}  # one incremental builder per copy, kept for the whole watch

    def once() -> None:
        _export_once(args, password=password, started=time.perf_counter(), builders=builders)

    try:
        watch(args.file, once)
    except KeyboardInterrupt:
        _say(say("stopped watching {path}", path=args.file))
    return 0


_ASK = object()  # the password is still to be asked for


def _export_once(args, *, password=_ASK, started: float | None = None,
                 builders: dict | None = None) -> int:
    lang = _language(args)
    say = words.Words(lang)
    trip = _checked(args.file, "book", lang, draft=args.draft)
    if trip is None:
        return 1
    since = None
    if args.since:
        since, problems = check(args.since)
        if since is None:  # only an unreadable old version stops the export; its warnings do not
            _print(problems, lang, None, sys.stderr)
            _say(f"briefing: {args.since} cannot be read; no book was written", sys.stderr)
            return 1
    if password is _ASK:
        password = _password(args, say)
    if password is _NO_PASSWORD:
        return 1
    copies = _copies(args, trip, say)
    if copies is None:
        return 1
    from briefing.book import BookError, export_pdf
    from briefing.book.incremental import IncrementalBook

    notices: list[str] = []
    result = None
    for reader, output in copies:
        builder = None if builders is None else builders.setdefault(reader, IncrementalBook())
        try:
            result = export_pdf(trip, output, paper=args.paper, edition=args.edition,
                                font=args.font, reader=reader, since=since, draft=args.draft,
                                watermark=args.watermark, notes_pages=args.notes_pages,
                                password=password, builder=builder)
        except (BookError, SaveError) as e:
            _say(f"briefing: {e}", sys.stderr)
            return 1
        for notice in result.notices:
            if notice not in notices:  # every personal copy has the same font notices
                notices.append(notice)
                _say(f"briefing: warning: {notice}", sys.stderr)
        took = f" in {time.perf_counter() - started:.2f} s" if started is not None else ""
        _say(f"wrote {output} ({result.pages} pages){took}")
    if result is not None and result.same_version:
        _say(say("briefing: warning: {path} differs from {old}, but both say the same version "
                 "and date; give this version a new version label or date so that readers can "
                 "tell the books apart", path=args.file, old=args.since), sys.stderr)
    return 0


_NO_PASSWORD = object()  # the password could not be had: nothing is written
# A password is a line someone types; a file's first line longer than this is the wrong file.
_PASSWORD_BYTES = 1024


def _password(args, say):
    """The password to lock the book with: asked for twice on the terminal (--password), or the
    first line of a file (--password-file); None for an open book; _NO_PASSWORD after saying why
    there is none."""
    from briefing.book import password_problem

    if args.password_file:
        try:  # a pipe is fine (`--password-file <(pass show trip)`): only its first line is read
            with open(args.password_file, "rb") as f:
                first = f.readline(_PASSWORD_BYTES + 3)  # room for a BOM's start and a line end
            # Only the line end goes: spaces are part of a password.
            first = re.split(rb"[\r\n]", first.removeprefix(b"\xef\xbb\xbf"), maxsplit=1)[0]
            if len(first) > _PASSWORD_BYTES:
                _say(say("briefing: the first line of the password file {path} is over {limit} "
                         "bytes, longer than any password (is it the right file?); no book was "
                         "written", path=args.password_file, limit=_PASSWORD_BYTES), sys.stderr)
                return _NO_PASSWORD
            password = first.decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            _say(say("briefing: the password file {path} cannot be read ({error}); no book was "
                     "written", path=args.password_file, error=e), sys.stderr)
            return _NO_PASSWORD
    elif args.password:
        if not (sys.stdin and sys.stdin.isatty()):
            _say(say("briefing: --password asks on the terminal and there is none; use "
                     "--password-file F"), sys.stderr)
            return _NO_PASSWORD
        import getpass

        try:
            password = getpass.getpass(say("Password for the book: "))
            again = getpass.getpass(say("The same password again: "))
        except (EOFError, KeyboardInterrupt):
            _say("", sys.stderr)
            return _NO_PASSWORD
        if password != again:
            _say(say("briefing: the two passwords differ; no book was written"), sys.stderr)
            return _NO_PASSWORD
    else:
        return None
    if password_problem(password):
        _say(say("briefing: the password is empty or holds a line break; no book was written"),
             sys.stderr)
        return _NO_PASSWORD
    return password


def _copies(args, trip, say) -> list[tuple[str | None, str]] | None:
    """(reader, output) for each book to write; None after saying why there is none.

    Without -o each copy is named for what it is (trip.handout.pdf, trip.mayor.pdf), so that
    one copy never replaces another; -o is obeyed as given.
    """
    from briefing.book import EVERY_MEMBER, file_name, members

    source = Path(args.file)

    def named(reader: str) -> str:
        return file_name(source.stem, edition=args.edition, reader=reader, draft=args.draft,
                         people=trip.delegation)

    lang = say.lang
    if args.reader != EVERY_MEMBER:
        output = args.output or str(source.with_name(named(args.reader or "")))
        return None if _refused(output, lang, args) else [(args.reader, output)]
    people = members(trip)
    if not people:
        _say(say("briefing: {path} lists no delegation members; no personal copies were written",
                 path=args.file), sys.stderr)
        return None
    folder = Path(args.output) if args.output else source.parent
    if folder.suffix.lower() == ".pdf" or (folder.exists() and not folder.is_dir()):
        _say(say("briefing: with --for all, -o names a folder (one PDF per member goes there); "
                 "{path} is not one", path=folder), sys.stderr)
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _say(f"briefing: {e}", sys.stderr)
        return None
    copies = [(p.key, str(folder / named(p.key))) for p in people]
    return None if any(_refused(output, lang, args) for _, output in copies) else copies


def _refused(output: str, lang: str, args) -> bool:
    """Whether a book must not go to `output`; the rule of every output, the --since trip too."""
    return terminal.refused(output, "pdf", lang, own=args.file)


def _calendar(args) -> int:
    trip = _checked(args.file, "calendar", _language(args))
    if trip is None:
        return 1
    from briefing import calendar
    from briefing.book import BookError
    from briefing.book.build import find_reader

    try:  # the same check, and the same hint, as a personal copy of the book
        find_reader(trip, args.reader)
    except BookError as e:
        _say(f"briefing: {e}", sys.stderr)
        return 1
    text = calendar.dumps(trip, reader=args.reader)
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    output = args.output or str(Path(args.file).with_suffix(".ics"))
    if terminal.refused(output, "ics", _language(args), own=args.file):
        return 1
    return _write(output, text)


def _write(output: str, text: str, backup: bool = False) -> int:
    from briefing.fileformat.atomic import write_atomic

    try:
        write_atomic(Path(output), text.encode("utf-8"), backup=backup)
    except SaveError as e:
        _say(f"briefing: {e}", sys.stderr)
        return 1
    _say(f"wrote {output}")
    return 0


def _window(argv: list[str]) -> int:
    example = "--example" in argv
    paths = [a for a in argv if a != "--example"]
    if paths and _looks_like_command(paths[0]):
        return _unknown_command(paths[0])
    if len(paths) > 1 or any(a.startswith("-") for a in paths):
        _parser().print_help()
        return 2
    if _no_display():
        _say("briefing: there is no display to open a window on (neither DISPLAY nor "
             "WAYLAND_DISPLAY is set); without one, use `briefing export FILE` for the book or "
             "`briefing validate FILE` to check a trip", sys.stderr)
        return 1
    display = _unreachable_display()
    if display:
        _say(f"briefing: {display}; start a display server, or set DISPLAY (or "
             "WAYLAND_DISPLAY) to one that runs; without a display, use `briefing export FILE` "
             "for the book or `briefing validate FILE` to check a trip", sys.stderr)
        return 1
    try:
        from briefing.ui.app import run
    except ImportError as e:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"briefing: the window is not available ({e})", file=sys.stderr)
        _parser().print_help()
        return 2
    return run(paths[0] if paths else None, example=example)


def _looks_like_command(arg: str) -> bool:
    # A word without a folder or an extension is a mistyped command, not a trip to open, unless
    # such a file is really there.
    return re.fullmatch(r"\w[\w-]*", arg) is not None and not Path(arg).exists()


def _unknown_command(word: str) -> int:
    _parser().print_usage(sys.stderr)
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1)
    hint = (f"did you mean '{close[0]}'?" if close
            else f"the commands are {', '.join(COMMANDS)} (briefing --help says more)")
    _say(f"briefing: unknown command '{word}'; {hint}", sys.stderr)
    return 2


def _no_display(environ=None, platform: str | None = None) -> bool:
    """True where Qt would need an X11 or Wayland display and none is set: Qt would abort with a
    message about missing xcb libraries instead. Windows and macOS need no such variable, and an
    explicit QT_QPA_PLATFORM (offscreen in tests, vnc, eglfs) is the user's own choice."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


_X_DISPLAY = re.compile(r"(?P<host>[^:/]*):(?P<number>\d+)(?:\.\d+)?")


def _unreachable_display(environ=None, platform: str | None = None) -> str:
    """Why no display Qt would try answers, in English ("" when one does, or when Qt is told to
    use a platform without one): Qt would abort (exit 134) blaming a missing libxcb-cursor0.
    Qt tries the platforms of QT_QPA_PLATFORM (`wayland;xcb` lists fallbacks), else Wayland
    where WAYLAND_DISPLAY is set, then X11."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return ""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        tried = [name.split(":")[0].strip() for name in chosen.split(";") if name.strip()]
    else:
        tried = (["wayland"] if environ.get("WAYLAND_DISPLAY") else []) + ["xcb"]
    if not tried or any(name not in ("xcb", "wayland", "wayland-egl") for name in tried):
        return ""  # offscreen (tests), vnc, eglfs...: the user's own choice
    why = []
    for name in tried:
        answer = _x11_display(environ) if name == "xcb" else _wayland_display(environ)
        if not answer:
            return ""
        if answer not in why:
            why.append(answer)
    return "; ".join(why)


def _answers(places: list[tuple]) -> bool:
    import socket

    for family, address in places:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as s:
                s.settimeout(3)
                s.connect(address)
            return True
        except (OSError, ValueError):
            continue
    return False


def _x11_display(environ) -> str:
    """Why the X11 display named by DISPLAY cannot be used ("" when its server answers)."""
    import socket

    display = environ.get("DISPLAY", "")
    found = _X_DISPLAY.fullmatch(display)
    if not display:
        return "DISPLAY is not set, so there is no X server to open a window on"
    if not found:
        return f"DISPLAY is {display!r}, which names no X display (such as :0)"
    host, number = found["host"], int(found["number"])
    if host in ("", "unix"):  # a local server: its abstract socket, else its socket file
        places = [(socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}"),
                  (socket.AF_UNIX, f"/tmp/.X11-unix/X{number}")]
    else:
        places = [(socket.AF_INET, (host, 6000 + number))]
    return "" if _answers(places) else f"no X server answers on the display {display} (DISPLAY)"


def _wayland_display(environ) -> str:
    """Why the Wayland compositor named by WAYLAND_DISPLAY cannot be used ("" when it answers)."""
    import socket

    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if not os.path.isabs(name) and not runtime:
        return f"no Wayland compositor answers on {name} (XDG_RUNTIME_DIR is not set)"
    where = name if os.path.isabs(name) else os.path.join(runtime, name)
    if _answers([(socket.AF_UNIX, where)]):
        return ""
    return f"no Wayland compositor answers on {name} (WAYLAND_DISPLAY)"
