"""The trip file, formats 1 and 2: YAML text to a Trip and back, with positions for every message.

Values are read from the YAML node's own text, not from PyYAML's YAML 1.1 guesses, so that
`start: 10:00` is ten o'clock and `country: NO` is Norway. Writing is in writer.py.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from briefing.fileformat import comments
from briefing.fileformat.atomic import NotRegularFile, open_regular, write_atomic
from briefing.fileformat.writer import dumps, format_datetime, format_time  # noqa: F401 - part of this module's API
from briefing.trip import bounds, model, money, problems, schema
from briefing.trip.problems import ERROR, Problem, TripFileError, msg
from briefing.trip.words import N_

MAX_BYTES = bounds.MAX_BYTES
BOM = b"\xef\xbb\xbf"

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader without YAML 1.1 type guessing.

    The reader takes every value from its text, so guessing is wasted work (two thirds of the
    time on a large trip) and would only turn `10:00` into 600. An explicit tag such as
    `!!python/object` still reaches the reader, which refuses it.
    """

    _DEFAULT_TAGS = {
        yaml.ScalarNode: "tag:yaml.org,2002:str",
        yaml.SequenceNode: "tag:yaml.org,2002:seq",
        yaml.MappingNode: "tag:yaml.org,2002:map",
    }

    def resolve(self, kind, value, implicit):
        return self._DEFAULT_TAGS[kind]


# An anchor (&name) or alias (*name) stands after a space, a line start, `[`, `{` or `,`. Only
# texts that might hold one pay for the scan of the event stream ("R&D" does not).
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s]", re.MULTILINE)
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_DATETIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+|[Tt])(\d{1,2}:\d{2}(?::\d{2})?)")
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
               ("str", "int", "float", "bool", "null", "timestamp", "value", "merge", "seq", "map")}
_KIND_WORDS = {
    yaml.MappingNode: N_("a mapping (key: value lines)"),
    yaml.SequenceNode: N_("a list (lines starting with '- ')"),
    yaml.ScalarNode: N_("a single value"),
}


@dataclass
class SourceMap:
    """Where each field of a loaded trip stands in its file."""

    file: str
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: tuple) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that is in the file."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


# -- reading ----------------------------------------------------------------------------------


def load(path: str | os.PathLike) -> model.Trip:
    """Read a trip file; raise TripFileError with every problem found if it cannot be read."""
    name = str(path)
    try:
        with open_regular(path) as f:  # a pipe or a device is refused, never waited on
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise TripFileError([_problem(name, 1, 1, "", msg(
                    "the file is {size} MB; a trip file is at most {limit} MB"
                    " (is this the right file?)", size=f"{size / 1e6:.1f}", limit=MAX_BYTES // 2**20))])
            data = f.read(MAX_BYTES + 1)
    except NotRegularFile as e:
        raise TripFileError([_problem(name, 0, 0, "", msg(
            "this is {kind}, not a trip file; give a regular file", kind=msg(e.kind)))]) from None
    except FileNotFoundError:
        raise TripFileError([_problem(name, 0, 0, "", msg("no such file"))]) from None
    except IsADirectoryError:
        raise TripFileError([_problem(name, 0, 0, "", msg("this is a folder, not a trip file"))]) from None
    except PermissionError:
        raise TripFileError([_problem(name, 0, 0, "", msg("permission denied: cannot read the file"))]) from None
    except OSError as e:
        raise TripFileError([_problem(name, 0, 0, "", msg(
            "cannot read the file: {reason}", reason=e.strerror or e))]) from None
    return loads(data, name)


def loads(data: bytes | str, filename: str = "<trip>") -> model.Trip:
    """Parse trip file text (bytes or str); raise TripFileError if it is not a valid trip file."""
    text = _decode(data, filename) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise TripFileError([_problem(filename, 0, 0, "", msg(
            "the text is over {limit} MB", limit=MAX_BYTES // 2**20))])
    if not text.strip():
        raise TripFileError([_problem(filename, 1, 1, "", msg(
            "the file is empty; a trip file starts with ‘briefing: 1’ and a ‘trip:’ section"
            " (‘briefing example’ prints a complete one)"))])
    root = _compose(text, filename)
    if root is None:
        raise TripFileError([_problem(filename, 1, 1, "", msg(
            "the file holds only comments; a trip file starts with ‘briefing: 1’ and a ‘trip:’"
            " section (‘briefing example’ prints a complete one)"))])
    reader = _Reader(filename, text)
    trip = reader.read_trip(root)
    trip.comment = _leading_comment(text)
    if reader.complete and comments.present(text):
        trip.comments = comments.read(text, _outline(root), trip)
    trip.source = reader.source
    if reader.problems:
        raise TripFileError(reader.problems, trip if reader.complete else None)
    return trip


def _outline(root: yaml.Node) -> list[comments.Node]:
    """Every node's path, kind and span, for placing the file's comments (briefing.comments)."""
    out = []
    stack = [(root, ())]  # not recursive: a deeply nested file must not exhaust the stack
    while stack:
        node, path = stack.pop()
        start, end = _pos0(node.start_mark), _pos0(node.end_mark)
        if isinstance(node, yaml.ScalarNode):
            out.append(comments.Node(path, comments.SCALAR, start, end))
        elif isinstance(node, yaml.MappingNode):
            out.append(comments.Node(path, comments.MAP, start, end, bool(node.flow_style)))
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    out.append(comments.Node(path + (key.value,), comments.KEY,
                                             _pos0(key.start_mark), _pos0(key.end_mark)))
                    stack.append((value, path + (key.value,)))
        else:
            out.append(comments.Node(path, comments.SEQ, start, end, bool(node.flow_style)))
            stack.extend((item, path + (i,)) for i, item in enumerate(node.value))
    return out


def _pos0(mark) -> tuple[int, int]:
    return (mark.line, mark.column)


def _leading_comment(text: str) -> str:
    """The comment lines that open the file (a note on where the trip came from, say)."""
    kept = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        kept.append(line[1:].removeprefix(" "))
    return "\n".join(kept)


def _decode(data: bytes, filename: str) -> str:
    data = data.removeprefix(BOM)
    if b"\x00" in data[:8192]:
        raise TripFileError([_problem(filename, 1, 1, "", msg(
            "this is binary data, not a trip file (it holds NUL bytes); trip files are YAML text"))])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise TripFileError([_problem(filename, line, column, "", msg(
            "byte {byte} is not UTF-8 text; save the file as UTF-8"
            " (binary data, or a legacy encoding such as EUC-KR?)", byte=f"0x{data[e.start]:02x}"))]) from None


def _compose(text: str, filename: str) -> yaml.Node:
    try:
        events = yaml.parse(text, Loader=_Loader) if _MAYBE_ANCHOR.search(text) else ()
        for event in events:
            if isinstance(event, yaml.AliasEvent):
                raise TripFileError([_at(filename, event.start_mark, "", msg(
                    "aliases ({alias}) are not allowed in trip files; write the value out",
                    alias=f"*{event.anchor}"))])
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise TripFileError([_at(filename, event.start_mark, "", msg(
                    "anchors ({anchor}) are not allowed in trip files; write each value out",
                    anchor=f"&{anchor}"))])
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        raise TripFileError([_syntax_problem(text, filename, e)]) from None
    except yaml.reader.ReaderError as e:  # a character YAML refuses anywhere in the file
        position = e.position  # libyaml counts UTF-8 bytes, PyYAML's own reader characters
        if issubclass(_Loader, getattr(yaml, "CSafeLoader", ())):
            position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
        line, column = _line_column(text, position)
        raise TripFileError([_problem(filename, line, column, "", problems.msg(
            "an invisible control character ({code}) stands here; delete it",
            code=f"U+{e.character:04X}" if isinstance(e.character, int) else e.character))]) from None
    except yaml.YAMLError as e:  # pragma: no cover - every parser error we know of carries a mark
        raise TripFileError([_problem(filename, 1, 1, "", _unreadable(str(e)))]) from None


def _syntax_problem(text: str, filename: str, e: yaml.MarkedYAMLError) -> Problem:
    """The parser's complaint in words that say what to fix, at the line to fix: PyYAML names
    where it gave up, often the line after the mistake."""
    mark = e.problem_mark or e.context_mark
    line = mark.line if mark else 0
    lines = text.splitlines()
    # A tab in the indentation is the commonest cause and PyYAML's words for it are cryptic.
    for n in (line, line - 1):
        if 0 <= n < len(lines):
            indent = re.match(r"[ \t]*", lines[n]).group()
            if "\t" in indent:
                return _problem(filename, n + 1, indent.index("\t") + 1, "", msg(
                    "a tab stands in the indentation; indent with spaces only: delete the tab"
                    " and put spaces as on the lines around it"))
    problem = (e.problem or "syntax error").strip()
    context = (e.context or "").strip()
    if "expected a single document" in context + problem:
        return _at(filename, mark, "", msg(
            "the file holds more than one document (a line with ‘---’); keep one trip a file"))
    first = e.context_mark.line if e.context_mark is not None else max(0, line - 3)
    for n in range(min(first, line), min(line, len(lines) - 1) + 1):
        quote = _unclosed_quote(lines[n])
        if quote is not None:
            return _problem(filename, n + 1, quote[0] + 1, "", msg(
                "the value that opens with {quote} is not closed on this line; add the closing"
                " {quote} at its end", quote=quote[1]))
    if context.startswith("while parsing a flow") and e.context_mark is not None:
        opening = "[" if "sequence" in context else "{"
        return _at(filename, e.context_mark, "", msg(
            "the ‘{opening}’ here is not closed; add ‘{closing}’ at the end of the value, or put"
            " the whole value in quotes", opening=opening, closing="]" if opening == "[" else "}"))
    if "could not find expected ':'" in problem:
        # PyYAML reports the line after the one without its colon: the last written line before.
        n = e.context_mark.line if e.context_mark is not None else _written_before(lines, line)
        written = lines[n].strip() if 0 <= n < len(lines) else ""
        if written and not re.search(r":(\s|$)", written):  # else a colon is there (a key too long)
            fixed = re.sub(r"^((?:-\s+)?[^\s:]+)(?:\s+|$)", r"\1: ", written, count=1).rstrip()
            column = len(lines[n]) - len(lines[n].lstrip()) + 1
            return _problem(filename, n + 1, column, "", msg(
                "‘{text}’ has no colon (:) after its name; write the name, a colon and a space:"
                " ‘{fixed}’", text=bounds.shown(written), fixed=bounds.shown(fixed)))
    if "mapping values are not allowed" in problem and 0 <= line < len(lines):
        above = _written_before(lines, line)
        indent = len(lines[line]) - len(lines[line].lstrip())
        above_indent = len(lines[above]) - len(lines[above].lstrip()) if above >= 0 else 0
        if indent > above_indent:
            name = lines[line].strip().split(":", 1)[0]
            return _problem(filename, line + 1, 1, "", msg(
                "this line is indented further than the line above; put as many spaces before"
                " ‘{name}’ as before the other names of the same entry ({n})",
                name=bounds.shown(name), n=above_indent))
        return _at(filename, mark, "", msg(
            "a value holding a colon and a space (‘: ’) must be in quotes; write it as"
            " \"…\""))
    if e.context and e.context_mark is not None and e.context_mark is not mark:
        c_line, c_column = _pos(e.context_mark)
        context += f" that starts at line {c_line}, column {c_column}"
    if context:
        problem = f"{problem} ({context})"
    return _at(filename, mark, "", _unreadable(problem))


def _unreadable(problem: str) -> problems.Message:
    # PyYAML's own words come last, in English, for what the plain words before do not cover
    return msg("the file cannot be read from here; look on this line and the lines just above for"
               " a quote that is not closed, a name without its colon (:) or indentation that does"
               " not line up (the parser says: {problem})", problem=problem)


def _written_before(lines: list[str], line: int) -> int:
    """The last line before `line` that holds more than blanks and comments; -1 if none."""
    n = min(line, len(lines)) - 1
    while n >= 0 and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
        n -= 1
    return n


# A value that starts with a quote, after `- ` and a `name: ` if the line has them.
_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)*(?:[^\s\"'#][^:#]*:\s+)?([\"'])")


def _unclosed_quote(line: str) -> tuple[int, str] | None:
    """Where a value that opens with a quote starts, and the quote, when the line does not
    close it."""
    m = _QUOTED_VALUE.match(line)
    if m is None:
        return None
    quote, rest = m[1], line[m.end():]
    if quote == '"':
        closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    else:
        closed = "'" in rest.replace("''", "")
    return None if closed else (m.start(1), quote)


class _Reader:
    """Turns composed YAML nodes into model objects, collecting problems instead of stopping."""

    def __init__(self, filename: str, text: str = ""):
        self.filename = filename
        self.text = text  # for the position of a character inside a value
        self.problems: list[Problem] = []
        self.source = SourceMap(filename)
        self.complete = False  # whether everything but the reported values could be read
        self.version = model.FORMAT_VERSION  # the file's format: newer fields in an older one are errors

    def error(self, node: yaml.Node, path: tuple, message: str | problems.Message) -> None:
        self.problems.append(_at(self.filename, node.start_mark, schema.format_path(path), message))

    def check_text(self, node: yaml.ScalarNode, path: tuple, value: str) -> bool:
        """Whether `value` is within the bounds; if not, say so at the character's escape."""
        found = bounds.text_problem(value)
        if found is None:
            return True
        line, column = _pos(node.start_mark)
        start, end = node.start_mark.index, node.end_mark.index
        for m in _ESCAPE.finditer(self.text, start, end):  # only an escape can write one
            if bounds.text_problem(_unescape(m.group())):
                line, column = _line_column(self.text, m.start(), start, line, column)
                break
        self.problems.append(_problem(self.filename, line, column, schema.format_path(path), found[1]))
        return False

    def format_version(self, node: yaml.Node) -> int | None:
        """The `briefing:` value; None, reported, when it is no whole number."""
        if not isinstance(node, yaml.ScalarNode):
            return self.value(node, ("briefing",), schema.TOP[0])
        if not self.plain_tag_ok(node, ("briefing",)):
            return None
        if not re.fullmatch(r"\+?\d{1,9}", node.value.strip()):
            self.error(node, ("briefing",), problems.msg(
                "‘{value}’ is not a format version; it is a whole number, e.g. ‘briefing: 1’",
                value=bounds.shown(node.value.strip())))
            return None
        return int(node.value)

    def read_trip(self, root: yaml.Node) -> model.Trip:
        trip = model.Trip()
        self.source.positions[()] = _pos(root.start_mark)
        if not self.plain_tag_ok(root, ()):
            return trip
        if not isinstance(root, yaml.MappingNode):
            self.error(root, (), msg(
                "the file holds {found}; a trip file is a mapping that starts"
                " with ‘briefing: 1’ and a ‘trip:’ section", found=msg(_KIND_WORDS[type(root)])))
            return trip
        items = self.mapping_items(root, (), [f.key for f in schema.TOP])
        version_node = items.get("briefing")
        if version_node is None:
            self.error(root, ("briefing",), msg(
                "missing ‘briefing: 1’ (the format version) at the top of the file"))
            return trip
        version = self.format_version(version_node)
        if version is None or not 1 <= version <= model.FORMAT_VERSION:
            if isinstance(version, int) and version > model.FORMAT_VERSION:
                message = msg("this file is in format {version}, made by a newer Briefing; this"
                              " version reads format {known}: update Briefing to open it",
                              version=version, known=model.FORMAT_VERSION)
            else:
                message = msg("unknown format version {version}; write ‘briefing: 1’",
                              version=repr(bounds.shown(str(version))))
            if version is not None:
                self.error(version_node, ("briefing",), message)
            return trip
        trip.format_version = self.version = version
        for f in schema.TOP[1:]:
            node = items.get(f.key)
            if node is not None:
                value = self.value(node, (f.key,), f)
                if value is not None:
                    setattr(trip, f.name, value)
        self.complete = True
        return trip

    def mapping_items(self, node: yaml.MappingNode, path: tuple, known: list[str]) -> dict:
        items: dict[str, yaml.Node] = {}
        first_seen: dict[str, yaml.Node] = {}
        present = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, path, msg("a key must be a plain word such as ‘title’"))
                continue
            key = key_node.value
            if key in first_seen:
                self.error(key_node, path + (key,), msg(
                    "‘{key}’ appears twice in this mapping (first at line {line}); keep one",
                    key=bounds.shown(key), line=first_seen[key].start_mark.line + 1))
                continue
            first_seen[key] = key_node
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                if hint and hint[0] not in present:
                    # The field is there under a misspelt name: one message, at the field it
                    # meant, so that no check also calls that field empty.
                    self.error(key_node, path + (hint[0],), msg(
                        "unknown key ‘{key}’; rename it to ‘{name}’",
                        key=bounds.shown(key), name=hint[0]))
                    continue
                suggestion = (msg("did you mean ‘{name}’?", name=hint[0]) if hint
                              else msg("known keys: {keys}", keys=", ".join(known)))
                self.error(key_node, path + (key,), msg(
                    "unknown key ‘{key}’; {hint}", key=bounds.shown(key), hint=suggestion))
                continue
            items[key] = value_node
            self.source.positions[path + (key,)] = _pos(value_node.start_mark)
        return items

    def record(self, node: yaml.Node, path: tuple, cls: type) -> Any:
        if not self.plain_tag_ok(node, path):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, msg(
                "expected a mapping (key: value lines) here, found {found}",
                found=msg(_KIND_WORDS[type(node)])))
            return None
        self.source.positions[path] = _pos(node.start_mark)
        fields = schema.fields_of(cls)
        items = self.mapping_items(node, path, [f.key for f in fields])
        obj = cls()
        for f in fields:
            if f.key in items and f.since > self.version:
                key_node = next(k for k, v in node.value if v is items[f.key])
                self.error(key_node, path + (f.key,), msg(
                    "‘{key}’ is a field of format {since}, but the file says ‘briefing: {version}’;"
                    " write ‘briefing: {since}’ at the top of the file to use it",
                    key=f.key, since=f.since, version=self.version))
            elif f.key in items:
                value = self.value(items[f.key], path + (f.key,), f, cls)
                if value is not None:
                    setattr(obj, f.name, value)
        if cls is model.BudgetItem and obj.amount is not None:
            self.won_agrees(items["amount"], path, obj)
        return obj

    def won_agrees(self, node: yaml.ScalarNode, path: tuple, item: model.BudgetItem) -> None:
        problem = won_problem(node.value, item.currency_code)
        if problem is not None:
            self.error(node, path + ("amount",), problem)

    def value(self, node: yaml.Node, path: tuple, f: schema.Field, owner: type | None = None) -> Any:
        """The field's value, or None when it is absent, null or wrong (wrong is reported)."""
        if not isinstance(node, yaml.ScalarNode) and not self.plain_tag_ok(node, path):
            return None
        if f.kind == schema.RECORD:
            return None if _is_null(node) else self.record(node, path, f.record)
        if f.kind == schema.RECORDS:
            if _is_null(node):
                return None
            if not isinstance(node, yaml.SequenceNode):
                self.error(node, path, msg(
                    "expected a list of entries (each starting with '- '), found {found}",
                    found=msg(_KIND_WORDS[type(node)])))
                return None
            items = [self.record(item, path + (i,), f.record) for i, item in enumerate(node.value)]
            return [item for item in items if item is not None]
        if f.kind == schema.TEXTS:
            if _is_null(node):
                return None
            if isinstance(node, yaml.ScalarNode):  # one value where a list was meant: a list of one
                return [node.value] if self.check_text(node, path, node.value) else None
            if not isinstance(node, yaml.SequenceNode):
                self.error(node, path, msg("expected a list of texts, found {found}",
                                           found=msg(_KIND_WORDS[type(node)])))
                return None
            out = []
            for i, item in enumerate(node.value):
                if isinstance(item, yaml.ScalarNode) and self.plain_tag_ok(item, path + (i,)):
                    if self.check_text(item, path + (i,), item.value):
                        out.append("" if _is_null(item) else item.value)
                elif not isinstance(item, yaml.ScalarNode):
                    self.error(item, path + (i,), msg(
                        "expected a text, found {found}", found=msg(_KIND_WORDS[type(item)])))
            return out
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, msg(
                "expected {expected}, found {found}",
                expected=msg(_SCALAR_WORDS[f.kind]), found=msg(_KIND_WORDS[type(node)])))
            return None
        if not self.plain_tag_ok(node, path) or _is_null(node):
            return None
        try:
            value = _PARSERS[f.kind](node.value.strip() if f.kind not in _TEXTUAL else node.value)
        except ValueError as e:
            reason = e.args[0] if e.args else ""
            self.error(node, path, reason if isinstance(reason, problems.Message) else msg(str(e)))
            return None
        if f.kind in _TEXTUAL:
            if not self.check_text(node, path, value):
                return None
            # ` EUR` and `eur` are EUR, or two "Total EUR" rows would print
            return money.code(value) if f.key == "currency" else value
        problem = bounds.value_problem(f, value)  # minutes; dates are bounded by parse_date
        if problem is not None:
            self.error(node, path, problem)
            return None
        return value

    def plain_tag_ok(self, node: yaml.Node, path: tuple) -> bool:
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.error(node, path, msg(
                "YAML tags such as ‘{tag}’ are not used in trip files; remove it", tag=tag))
            return False
        return True


def _is_null(node: yaml.Node) -> bool:
    # A plain scalar's style is None from PyYAML's Python parser but "" from libyaml's; only a
    # quoted "" or '~' is text.
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS


def parse_date(text: str) -> dt.date:
    m = _DATE.fullmatch(text)
    if not m:
        raise ValueError(msg("‘{text}’ is not a date; write it as YYYY-MM-DD, e.g. 2023-02-27",
                             text=bounds.shown(text)))
    try:
        day = dt.date(*map(int, m.groups()))
    except ValueError:
        raise ValueError(msg("‘{text}’ is not a real date (no such day in the calendar)",
                             text=text)) from None
    problem = bounds.date_problem(day)
    if problem is not None:
        raise ValueError(problem)  # the Message itself, so that it can be translated
    return day


def parse_time(text: str) -> dt.time:
    m = _TIME.fullmatch(text)
    if not m:
        raise ValueError(msg("‘{text}’ is not a time; write it as HH:MM, e.g. 09:30 or 14:00",
                             text=bounds.shown(text)))
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(msg("‘{text}’ is not a time of day; use 00:00 to 23:59", text=text))
    return dt.time(hour, minute, second)


def parse_datetime(text: str) -> dt.datetime:
    m = _DATETIME.fullmatch(text)
    if not m:
        raise ValueError(msg(
            "‘{text}’ is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2023-02-26 13:00",
            text=bounds.shown(text)))
    return dt.datetime.combine(parse_date(m[1]), parse_time(m[2]))


def _parse_int(text: str) -> int:
    if not re.fullmatch(r"\+?\d{1,9}", text):
        raise ValueError(msg(
            "‘{text}’ is not a whole number (minutes are written as digits, e.g. 30)",
            text=bounds.shown(text)))
    return int(text)


def parse_amount(text: str) -> Decimal:
    """A sum of money exactly as written: `14500000`, `14,500,000`, `14,500,000원`, `1450.50`.
    Whether a `원` agrees with the line's currency is the record's to say (see _Reader.record)."""
    found = money.written(text)
    if found is None:
        raise ValueError(msg(
            "‘{text}’ is not an amount; write digits, with or without commas between thousands,"
            " e.g. 14,500,000 or 14500000원, and cents after a point: 1,450.50",
            text=bounds.shown(text)))
    return Decimal(found[0])


def won_problem(text: str, currency: str) -> problems.Message | None:
    """An amount written in 원 on a line in another currency: one of the two is a slip."""
    currency = money.code(currency or model.DEFAULT_CURRENCY)
    found = money.written(text)
    if currency == model.DEFAULT_CURRENCY or found is None or not found[1]:
        return None
    return msg("‘{text}’ is in won (원), but this line's currency is {currency}; write the amount"
               " in {currency} without 원, or make the currency KRW",
               text=bounds.shown(text.strip()), currency=currency)


def _parse_bool(text: str) -> bool:
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise ValueError(msg("‘{text}’ is not true or false", text=bounds.shown(text)))


_PARSERS = {
    schema.TEXT: str, schema.LONGTEXT: str, schema.DATE: parse_date, schema.TIME: parse_time,
    schema.DATETIME: parse_datetime, schema.INT: _parse_int, schema.BOOL: _parse_bool,
    schema.DECIMAL: parse_amount,
}
_TEXTUAL = {schema.TEXT, schema.LONGTEXT}
_SCALAR_WORDS = {
    schema.TEXT: N_("a text"), schema.LONGTEXT: N_("a text"), schema.DATE: N_("a date (YYYY-MM-DD)"),
    schema.TIME: N_("a time (HH:MM)"), schema.DATETIME: N_("a date and time (YYYY-MM-DD HH:MM)"),
    schema.INT: N_("a whole number"), schema.BOOL: N_("true or false"),
    schema.DECIMAL: N_("an amount (e.g. 1450.50)"),
}


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _line_column(text: str, index: int, start: int = 0, line: int = 1,
                 column: int = 1) -> tuple[int, int]:
    """1-based line and column of the character at `index` (a CR LF counts as one break),
    counted on from `start`, whose line and column are known: a file with a bad value on every
    line is then located in one pass, not one pass per value."""
    breaks = (text.count("\n", start, index) + text.count("\r", start, index)
              - text.count("\r\n", start, index))
    line_start = max(text.rfind("\n", start, index), text.rfind("\r", start, index)) + 1
    if line_start == 0 or line_start <= start:  # no break between start and index
        return line, column + index - start
    return line + breaks, index - line_start + 1


# A backslash escape of a double-quoted YAML scalar, and what the one-letter ones stand for.
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPED = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b", "N": "\x85"}


def _unescape(escape: str) -> str:
    body = escape[1:]
    if body[0] in "xuU":
        return chr(int(body[1:], 16))
    return _ESCAPED.get(body, body)


def _at(filename: str, mark, path: str, message: problems.Message) -> Problem:
    line, column = _pos(mark) if mark is not None else (0, 0)
    return Problem(ERROR, path, message, filename, line, column)


def _problem(filename: str, line: int, column: int, path: str, message: problems.Message) -> Problem:
    return Problem(ERROR, path, message, filename, line, column)


# -- writing ----------------------------------------------------------------------------------


def save(trip: model.Trip, path: str | os.PathLike) -> list[str]:
    """Write the trip atomically, keeping the previous different version as NAME.bak.

    Raises SaveError when nothing was written (see atomic.write_atomic for what is refused);
    returns notes to show the user about a save that succeeded with a hitch (no backup kept).
    """
    return write_atomic(Path(path), dumps(trip).encode("utf-8"), backup=True)
