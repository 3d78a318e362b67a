"""Comments in a trip file: read beside the key or item they were written next to, kept on save.

PyYAML drops comments, so they are found in the file's text (a `#` at a line start or after a space,
outside every value) and tied to the node they stand beside; the writer puts them back there.

- A full-line comment belongs to the key or list item on the next line (BEFORE). A blank line
  above a comment is kept.
- A full-line comment indented deeper than the next line, after the last entry of a mapping or a
  list, belongs to the end of that mapping or list (END): `# 방문지 추가 예정` under the last stop
  stays after the last stop, whichever that is after an edit. At the end of the file it belongs to
  the file.
- An end-of-line comment belongs to the innermost key or list item that starts on its line (EOL):
  in `- title: A  # 확인` it is the title's. It keeps its column while its line is short enough.
- The lines that open the file stay `Trip.comment`, as before.

Records (people, stops, agenda rows, talking points ...) are known by the objects the load made,
so a comment follows its stop when stops are reordered or others inserted, and a comment beside
a deleted item goes with it. `Trip.comments` holds those objects, so `copy.deepcopy(trip)` points
the copy's comments at the copied records. An item of a text list (objectives, details) is
matched by its text, else by its position when the list kept its length.

A key with a comment is written even when its value has been emptied (`interpreter:  # 섭외 중`),
so that the comment keeps its place; it reads back as empty.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from briefing.trip import model, schema

BEFORE, EOL, END = "before", "eol", "end"
# What fileformat reports of each YAML node (see Node.kind).
KEY, SCALAR, MAP, SEQ = "key", "scalar", "map", "seq"

# YAML's line breaks (libyaml and PyYAML count lines by these).
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Stands in the writer's output where a comment had a blank line above it; `join` writes it
# unless a blank line is already there (the writer's own between stops, say). NUL never stands in
# a saved value, so the marker cannot be mistaken for one.
_BLANK = "\x00\n"


@dataclass(frozen=True)
class Note:
    """One comment line, from its `#` on, as written."""

    text: str
    column: int = 0  # where the `#` stood (end-of-line comments keep it when they can)
    gap: int = 2  # spaces between the value and an end-of-line comment
    blank: bool = False  # a blank line stood above this full-line comment


@dataclass
class Kept:
    """The comments beside one key, list item or end of a mapping or list."""

    owner: Any  # the record (or the Trip, for the top keys) the comments belong to
    key: str | None  # a field's key; None: `owner` itself as a list item, or its end
    place: str  # BEFORE, EOL or END
    notes: list[Note] = field(default_factory=list)
    index: int | None = None  # an item of a text list: its position, text and list length when read
    text: str | None = None
    count: int = 0


@dataclass
class Comments:
    """What `Trip.comments` holds."""

    kept: list[Kept] = field(default_factory=list)


class Node(NamedTuple):
    """A YAML node as fileformat reports it: enough to place comments."""

    path: tuple  # as in the reader: keys and list positions
    kind: str  # KEY (a mapping key; `path` is its entry's), SCALAR, MAP or SEQ
    start: tuple[int, int]  # (line, column), counted from 0
    end: tuple[int, int]
    flow: bool = False  # a [..] or {..} collection


# -- reading ------------------------------------------------------------------------------------


def present(text: str) -> bool:
    """Whether the text may hold comments other than the opening ones (cheap; read() decides)."""
    if "#" not in text:
        return False
    lines = _BREAK.split(text)
    skip = _opening(lines)
    return any("#" in line for line in lines[skip:])


def read(text: str, nodes: list[Node], trip: model.Trip) -> Comments | None:
    """The comments of a file whose nodes are `nodes` and whose loaded trip is `trip`."""
    lines = _BREAK.split(text)
    found = _find(lines, nodes)
    if not found:
        return None
    layout = _Layout(lines, nodes, found)
    kept: dict[tuple, Kept] = {}
    for line, column in found:
        eol = bool(lines[line][:column].strip())
        if eol:
            place, path = EOL, layout.owner_of_line(line, column)
        else:
            place, path = layout.place_of_comment(line, column)
        if path is None:
            place, path = END, ()  # beside nothing the writer writes: kept at the end of the file
        anchor = _anchor(trip, path, place)
        if anchor is None:
            continue  # beside a key the load refused (the file has errors)
        owner, key, index = anchor
        slot = (id(owner), key, place, index)
        if slot not in kept:
            kept[slot] = Kept(owner, key, place, index=index)
            if index is not None:
                values = getattr(owner, schema.field(type(owner), key).name)
                kept[slot].text, kept[slot].count = values[index], len(values)
        text_ = lines[line][column:]
        before = lines[line][:column]
        gap = len(before) - len(before.rstrip(" \t"))
        blank = not eol and line > 0 and not lines[line - 1].strip()
        kept[slot].notes.append(Note(text_, column, gap, blank))
    return Comments(list(kept.values())) if kept else None


def _opening(lines: list[str]) -> int:
    """How many lines open the file as comments (those are `Trip.comment`)."""
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return n


def _find(lines: list[str], nodes: list[Node]) -> list[tuple[int, int]]:
    """(line, column) of every comment's `#`: after a space or at a line start, in no value."""
    spans = sorted((_body(lines, n), n.end) for n in nodes if n.kind in (KEY, SCALAR) and n.end > n.start)
    starts = [s for s, _ in spans]
    found = []
    for i in range(_opening(lines), len(lines)):
        line = lines[i]
        c = line.find("#")
        while c >= 0:
            if c == 0 or line[c - 1] in " \t":
                k = bisect.bisect_right(starts, (i, c)) - 1
                if k < 0 or spans[k][1] <= (i, c):
                    found.append((i, c))
                    break
            c = line.find("#", c + 1)
    return found


def _body(lines: list[str], node: Node) -> tuple[int, int]:
    """Where a value's text starts: a `|` or `>` block's on the line after its header, which
    may carry a comment (`purpose: |  # 초안`)."""
    line, column = node.start
    if node.end[0] > line and lines[line][column:column + 1] in ("|", ">"):
        return (line + 1, 0)
    return node.start


class _Layout:
    """Which lines hold content, where each entry starts, and how far each collection reaches."""

    def __init__(self, lines: list[str], nodes: list[Node], found: list[tuple[int, int]]):
        self.lines = lines
        full = {line for line, column in found if not lines[line][:column].strip()}
        self.content = [i for i, text in enumerate(lines) if text.strip() and i not in full]
        self.flow = {n.path for n in nodes if n.kind in (MAP, SEQ) and n.flow}
        # an entry: a key of a mapping (from its key) or an item of a list (from its node)
        self.entries: dict[tuple, tuple[int, int]] = {}
        for n in nodes:
            if n.kind == KEY or (n.path and isinstance(n.path[-1], int) and n.path not in self.entries):
                self.entries[n.path] = n.start
        self.by_line: dict[int, list[tuple]] = {}
        for path, (line, _) in self.entries.items():
            self.by_line.setdefault(line, []).append(path)
        self.lines_with_entries = sorted(self.by_line)
        # the last line holding anything of each node: its scalars' ends and flow brackets
        self.last: dict[tuple, int] = {}
        for n in nodes:
            if n.kind in (KEY, SCALAR) or n.flow:
                end = n.end[0] if n.end[1] > 0 or n.end[0] == n.start[0] else n.end[0] - 1
                for k in range(len(n.path) + 1):
                    prefix = n.path[:k]
                    if self.last.get(prefix, -1) < end:
                        self.last[prefix] = end
        self.containers = [(n.path, n.start, self.last.get(n.path, n.start[0]))
                           for n in nodes if n.kind in (MAP, SEQ)]

    def place_of_comment(self, line: int, column: int) -> tuple[str, tuple]:
        """(BEFORE, entry) or (END, collection) for a full-line comment."""
        k = bisect.bisect_left(self.content, line)
        after = self.content[k] if k < len(self.content) else None
        before = self.content[k - 1] if k > 0 else None
        if after is not None and column <= _indent(self.lines[after]) and self.entry_at(after):
            return BEFORE, self.entry_at(after)
        if before is not None:
            closing = [path for path, start, last in self.containers
                       if start[0] <= before <= last and (after is None or last < after)
                       and start[1] <= column]
            if closing:
                return END, max(closing, key=len)
        if after is not None and self.entry_at(after):
            return BEFORE, self.entry_at(after)
        return END, ()  # nothing follows to stand beside: the end of the file

    def entry_at(self, line: int) -> tuple | None:
        """The outermost entry starting on `line`, else on the next line that starts one."""
        k = bisect.bisect_left(self.lines_with_entries, line)
        if k == len(self.lines_with_entries):
            return None
        return min(self.by_line[self.lines_with_entries[k]], key=len)

    def owner_of_line(self, line: int, column: int) -> tuple | None:
        """The entry an end-of-line comment belongs to."""
        here = self.by_line.get(line, [])
        block = [p for p in here if p[:-1] not in self.flow]
        if block or here:
            return max(block or here, key=len)
        if not self.lines[line][:column].strip(" \t-"):  # `- # ...`: the item below
            return self.entry_at(line)
        holding = [p for p, (start, _) in self.entries.items()
                   if start <= line <= self.last.get(p, start)]
        return max(holding, key=len) if holding else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _fields(owner) -> dict[str, schema.Field]:
    fields = schema.TOP if isinstance(owner, model.Trip) else schema.FIELDS.get(type(owner), ())
    return {f.key: f for f in fields}


def _anchor(trip: model.Trip, path: tuple | None, place: str):
    """(owner, key, text-list index) of the entry or collection at `path`; None if not in the trip."""
    if path is None:
        return None
    if place == END and path == ():
        return trip, None, None
    owner, i = trip, 0
    while i < len(path):
        f = _fields(owner).get(path[i]) if isinstance(path[i], str) else None
        if f is None:
            return None
        value = getattr(owner, f.name)
        if i == len(path) - 1:
            if place == END and f.kind == schema.RECORD:
                return value, None, None  # the end of a nested mapping: its record's end
            return owner, f.key, None
        step = path[i + 1]
        if f.kind == schema.RECORD:
            owner, i = value, i + 1
            continue
        if not isinstance(step, int) or not isinstance(value, list) or not 0 <= step < len(value):
            return None
        last = i + 1 == len(path) - 1
        if f.kind == schema.RECORDS:
            if last:
                return value[step], None, None
            owner, i = value[step], i + 2
            continue
        if f.kind == schema.TEXTS and last and place != END:
            return owner, f.key, step
        return None
    return None


# -- writing ------------------------------------------------------------------------------------


class Placer:
    """The comments of a trip, looked up by the records the writer is writing."""

    def __init__(self, comments: Comments):
        self.notes: dict[tuple, list[Note]] = {}
        self.items: dict[tuple, list[Kept]] = {}
        self.held: set[tuple] = set()
        for k in comments.kept:
            if not k.notes:
                continue
            if k.index is not None:  # an item's: gone when the item is
                self.items.setdefault((id(k.owner), k.key), []).append(k)
            else:
                self.held.add((id(k.owner), k.key))
                self.notes.setdefault((id(k.owner), k.key, k.place), []).extend(k.notes)

    def holds(self, owner, key: str | None) -> bool:
        return (id(owner), key) in self.held

    def get(self, owner, key: str | None, place: str) -> list[Note]:
        return self.notes.get((id(owner), key, place), [])

    def field(self, lines: list[str], start: int, owner, f: schema.Field, indent: str) -> None:
        """Put the comments of field `f` of `owner` around its lines, `lines[start:]`."""
        if (id(owner), f.key) not in self.held:
            if (id(owner), f.key) in self.items and start < len(lines):
                self._text_items(lines, start, owner, f, indent)
            return
        if start == len(lines) or (f.kind in _COLLECTIONS and lines[start] == f"{indent}{f.key}:\n"
                                   and _only_comments(lines[start + 1:])):
            # Emptied: the key stays for its comments, with a value that reads back as empty.
            empty = _EMPTY.get(f.kind)
            if empty is None or (type(owner), f.name) in schema.NULLABLE_LISTS:
                # no such value (a date, a time, the whole delegation): the comments stay alone
                notes = self.get(owner, f.key, BEFORE) + [
                    Note(n.text) for n in self.get(owner, f.key, EOL) + self.get(owner, f.key, END)]
                lines[start:] = comment_lines(notes, indent) + lines[start + 1:]
                return
            if start == len(lines):
                lines.append("")
            lines[start] = f"{indent}{f.key}:{empty}\n"
            # what stood at the end of the list now stands under its key, where it reads back
            lines.extend(comment_lines(self.get(owner, f.key, END), indent))
            put_eol(lines, start, self.get(owner, f.key, EOL))
            lines[start:start] = comment_lines(self.get(owner, f.key, BEFORE), indent)
            return
        if (id(owner), f.key) in self.items:
            self._text_items(lines, start, owner, f, indent)
        lines.extend(comment_lines(self.get(owner, f.key, END), indent + "  "))
        put_eol(lines, start, self.get(owner, f.key, EOL))
        lines[start:start] = comment_lines(self.get(owner, f.key, BEFORE), indent)

    def _text_items(self, lines: list[str], start: int, owner, f: schema.Field, indent: str) -> None:
        values = getattr(owner, f.name) or []
        if len(lines) - start <= len(values):  # not written as `- ` lines under the key
            return
        for i, (above, eol) in sorted(self.text_items(owner, f.key, values).items(), reverse=True):
            put_eol(lines, start + 1 + i, eol)
            lines[start + 1 + i:start + 1 + i] = comment_lines(above, indent + "  ")

    def record_end(self, lines: list[str], record, indent: str) -> None:
        lines.extend(comment_lines(self.get(record, None, END), indent))

    def item(self, lines: list[str], record, indent: str) -> list[str]:
        """The lines above an item's `- ` line, taken from `lines` where the first field put them."""
        k = 0
        while k < len(lines) and (lines[k] == _BLANK or lines[k].lstrip(" ").startswith("#")):
            k += 1
        moved = [line if line == _BLANK else indent + line.lstrip(" ") for line in lines[:k]]
        del lines[:k]
        return comment_lines(self.get(record, None, BEFORE), indent) + moved

    def item_eol(self, lines: list[str], record) -> None:
        put_eol(lines, 0, self.get(record, None, EOL))

    def text_items(self, owner, key: str, values: list[str]) -> dict[int, tuple[list[Note], list[Note]]]:
        """{position now: (comments above, end-of-line comments)} for a text list's items."""
        groups: dict[int, list[Kept]] = {}
        for k in self.items.get((id(owner), key), []):
            groups.setdefault(k.index, []).append(k)
        out: dict[int, tuple[list[Note], list[Note]]] = {}
        taken: set[int] = set()
        for index, group in sorted(groups.items()):
            first = group[0]
            same = [j for j, v in enumerate(values) if v == first.text and j not in taken]
            if same:
                j = min(same, key=lambda j: abs(j - index))
            elif len(values) == first.count and index not in taken:
                j = index  # edited in place
            else:
                continue  # the item was deleted
            taken.add(j)
            above, eol = out.setdefault(j, ([], []))
            for k in group:
                (above if k.place == BEFORE else eol).extend(k.notes)
        return out


# What an emptied field with comments is written as, so that it reads back as empty.
_EMPTY = {schema.TEXT: "", schema.LONGTEXT: "", schema.BOOL: " false", schema.TEXTS: " []",
          schema.RECORDS: " []", schema.RECORD: " {}"}
_COLLECTIONS = (schema.TEXTS, schema.RECORDS, schema.RECORD)


def _only_comments(lines: list[str]) -> bool:
    return all(line == _BLANK or line.lstrip(" ").startswith("#") for line in lines)


def placer(trip: model.Trip) -> Placer | None:
    """The writer's view of `trip.comments`; None when there are none (the writer's fast path)."""
    comments = getattr(trip, "comments", None)
    return Placer(comments) if comments and comments.kept else None


def comment_lines(notes: list[Note], indent: str) -> list[str]:
    out = []
    for note in notes:
        if note.blank:
            out.append(_BLANK)
        out.append(f"{indent}{note.text}\n")
    return out


def put_eol(lines: list[str], i: int, notes: list[Note]) -> None:
    """Add end-of-line comments to the first line of `lines[i]` (a block text's `|` line)."""
    if not notes:
        return
    head, _, rest = lines[i].partition("\n")
    first = notes[0]
    spaces = first.column - len(head) if first.column > len(head) else min(first.gap, 2)
    text = "  ".join(note.text for note in notes)
    lines[i] = f"{head}{' ' * max(spaces, 1)}{text}\n{rest}"


def join(chunks: list[str]) -> str:
    """The writer's output with the blank lines above comments, where none stands already."""
    out: list[str] = []
    for chunk in chunks:
        if chunk == _BLANK:
            if not out or not (out[-1] == "\n" or out[-1].endswith("\n\n")):
                out.append("\n")
        else:
            out.append(chunk)
    return "".join(out)


# -- for readers of a trip's comments -----------------------------------------------------------


def listing(trip: model.Trip) -> list[tuple[tuple, str, str]]:
    """(path, place, comment text) of every comment a save would write, in file order.

    A path is as in a file's positions: (`stops`, 1, `agenda`, 0, `item`); an END's path is the
    mapping's or list's own, () for the file's end.
    """
    kept = placer(trip)
    if kept is None:
        return []
    out: list[tuple[tuple, str, str]] = []

    def add(owner, key, place, path):
        out.extend((path, place, n.text) for n in kept.get(owner, key, place))

    def walk(record, path):
        for f in (schema.TOP if isinstance(record, model.Trip) else schema.fields_of(type(record))):
            here = path + (f.key,)
            add(record, f.key, BEFORE, here)
            add(record, f.key, EOL, here)
            value = getattr(record, f.name)
            if f.kind == schema.RECORD:
                walk(value, here)
            elif f.kind == schema.RECORDS:
                for i, item in enumerate(value or ()):
                    add(item, None, BEFORE, here + (i,))
                    add(item, None, EOL, here + (i,))
                    walk(item, here + (i,))
            elif f.kind == schema.TEXTS:
                for i, (above, eol) in sorted(kept.text_items(record, f.key, value or []).items()):
                    out.extend((here + (i,), BEFORE, n.text) for n in above)
                    out.extend((here + (i,), EOL, n.text) for n in eol)
            add(record, f.key, END, here)
        add(record, None, END, path)

    walk(trip, ())
    return out
