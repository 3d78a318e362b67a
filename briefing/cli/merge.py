"""`briefing merge BASE MINE THEIRS`: two people's edits of one trip, combined (briefing.merge).

Like `git merge-file`, the result goes into MINE unless `-o` says where (`-o -`: standard output);
MINE's previous version stays beside it as MINE.bak. At a collision the result holds mine (or
theirs with `--theirs`); the collisions are listed, each with its place and both values, and the
exit status is 1, so that a script or a person knows to look. 0: merged cleanly; 2: bad input.
"""

from __future__ import annotations

import argparse
import os
import sys

from briefing.fileformat import reader as fileformat
from briefing.trip import words
from briefing.trip.problems import SaveError, TripFileError
from briefing.versions import merge

HELP = "combine two people's edits of one trip, field by field"
DESCRIPTION = """\
Combine MINE and THEIRS, two edited copies of BASE (the version both started from), field by
field: stops, agenda items, talking points and the other lists are paired by their titles, texts
and names, never by position, so a stop added by one and an edit by the other both survive.

Where both changed the same field differently (or one deleted what the other edited), or the
two sides' changes together break a rule (mine moves the start after their new end), that is a
collision: the result keeps mine there (theirs with --theirs), each collision is listed with its
place and both values, and the exit status is 1. Exit 0: merged with no collision; 2: a file
cannot be read or the result cannot be written.

Like git merge-file, the result replaces MINE (its previous version is kept as MINE.bak) unless
-o names another file; -o - prints it."""


def register(subparsers) -> None:
    p = subparsers.add_parser("merge", help=HELP, description=DESCRIPTION,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("base", metavar="BASE", help="the version both started from")
    p.add_argument("mine", metavar="MINE", help="my edited copy (replaced by the result "
                                                 "unless -o is given)")
    p.add_argument("theirs", metavar="THEIRS", help="their edited copy")
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here ('-': standard "
                                                         "output) instead of into MINE")
    side = p.add_mutually_exclusive_group()
    side.add_argument("--ours", action="store_const", const=merge.MINE, dest="side",
                      help="at a collision keep mine and exit 0 (the collisions are still listed; 1 "
                           "where the two sides together break a rule)")
    side.add_argument("--theirs", action="store_const", const=merge.THEIRS, dest="side",
                      help="at a collision take theirs and exit 0 (the collisions are still listed), "
                           "except where the two sides together break a rule: mine, exit 1")
    p.add_argument("--lang", choices=("ko", "en"),
                   help="the language of the collisions and errors (default: from LC_ALL, "
                        "LC_MESSAGES or LANG: Korean if it begins with ko, else English)")
    p.set_defaults(run=run)


def run(args) -> int:
    lang = args.lang or words.language_from_environment(os.environ)
    say = words.Words(lang)
    trips = []
    for path in (args.base, args.mine, args.theirs):
        try:
            trips.append(fileformat.load(path))
        except TripFileError as e:
            for problem in e.problems:
                _err(problem.text(lang, None))
            _err(say("briefing: {path} cannot be read; nothing was merged", path=path))
            return 2
    base, mine, theirs = trips
    result = merge.merge(base, mine, theirs)
    # Where the two sides together break a rule, theirs would write a trip that does not
    # validate: mine stays there whatever the side, and the exit status says to look.
    broken = [c for c in result.collisions if c.why is not None]
    if args.side == merge.THEIRS:
        result.choose([merge.MINE if c.why else merge.THEIRS for c in result.collisions])
    if result.collisions:
        _list(result, lang, args.side == merge.THEIRS)
    output = args.output or args.mine
    if output == "-":
        sys.stdout.buffer.write(fileformat.dumps(result.trip).encode("utf-8"))
        sys.stdout.flush()
    else:
        from briefing.cli.terminal import refused

        if refused(output, "trip", lang, own=args.mine):  # the rule of every output
            return 2
        try:
            notes = fileformat.save(result.trip, output)
        except SaveError as e:
            _err(f"briefing: {e}")
            return 2
        for note in notes:
            _err(f"briefing: {note}")
        _err(say("wrote {path}", path=output))
    return 1 if broken or (result.collisions and args.side is None) else 0


def _list(result: merge.Merged, lang: str, took_theirs: bool) -> None:
    say = words.Words(lang)
    n = len(result.collisions)
    if took_theirs:
        _err(say("{n} collision(s); the result takes theirs at each:", n=n))
    else:
        _err(say("{n} collision(s); the result keeps mine at each:", n=n))
    width = max(len(say("theirs")), len(say("mine")))
    for number, c in enumerate(result.collisions, 1):
        why = c.reason(lang)  # two fields that break a rule together, not one field twice
        _err(f"{number}. {c.place(lang, result.trip)}{': ' + why if why else ''}")
        for side, word in ((merge.THEIRS, say("theirs")), (merge.MINE, say("mine"))):
            lines = c.text(side, lang).splitlines() or [""]
            _err(f"   {word.ljust(width)}: {lines[0]}")
            for line in lines[1:]:
                _err(f"   {' ' * width}  {line}")


def _err(text: str) -> None:
    from briefing.cli.terminal import say as _say

    _say(text, sys.stderr)
