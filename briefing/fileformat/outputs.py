"""The one rule for every file a command or the window writes: it replaces only the file it names.

An output is written to a name whose suffix says what it holds (a book to `.pdf`, a calendar to
`.ics`), and an existing file there is replaced only when it is of that same kind (or empty).
A symbolic link, a device or a pipe, the trip being written from, any other trip (whatever its
name: a trip is what reads as one) and a file of another kind are refused, so that no typo and no
link planted in a shared folder turns an export into the loss of someone's work.

The command's own trip is the one exception: a trip is saved over itself, through its link, with
a `.bak` (`briefing merge` into MINE). The refusal is returned in English with its values, so the
command line and the window each say it in their reader's language.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.fileformat.atomic import kind_of
from briefing.trip.problems import TripFileError
from briefing.trip.words import N_, fill

# Bytes read to tell what an existing file holds: a kind's mark is at its very start.
_SNIFF_BYTES = 64


@dataclass(frozen=True)
class Kind:
    what: str  # the kind in words, marked for the catalog
    suffixes: tuple[str, ...]
    marks: tuple[bytes, ...] = ()  # how such a file starts; none for a trip (it is read)
    # what a file with the mark must also hold: Word and Hancom files are both zips
    holds: Callable[[str], bool] | None = None


# Bytes read of a zip member that names its kind; a zip's listing is bounded by its members.
_MEMBER_BYTES = 256 * 1024
_ZIP_MEMBERS = 10_000
_WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_HANCOM_MIME = b"application/hwp+zip"


def _zip_member(path: str, pick: Callable[[list[zipfile.ZipInfo]], zipfile.ZipInfo | None],
                ) -> bytes | None:
    """The start of the member `pick` chooses; None for a damaged zip or no such member."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            member = pick(infos) if len(infos) <= _ZIP_MEMBERS else None
            if member is None:
                return None
            with z.open(member) as f:
                return f.read(_MEMBER_BYTES)
    except Exception:  # noqa: BLE001 - a zip damaged in any way is not a file of the kind
        return None


def _is_word(path: str) -> bool:
    """A .docx: its [Content_Types].xml names the wordprocessingml main part."""
    types = _zip_member(path, lambda infos: next(
        (i for i in infos if i.filename == "[Content_Types].xml"), None))
    return types is not None and _WORD_MAIN in types


def _is_hancom(path: str) -> bool:
    """A .hwpx (OWPML): its first member is `mimetype`, stored, reading application/hwp+zip."""
    mime = _zip_member(path, lambda infos: infos[0] if infos and infos[0].filename == "mimetype"
                       and infos[0].compress_type == zipfile.ZIP_STORED else None)
    return mime is not None and mime.strip() == _HANCOM_MIME


KINDS = {
    "pdf": Kind(N_("a PDF file (.pdf)"), (".pdf",), (b"%PDF-",)),
    "docx": Kind(N_("a Word file (.docx)"), (".docx",), (b"PK\x03\x04",), _is_word),
    "hwpx": Kind(N_("a Hancom file (.hwpx)"), (".hwpx",), (b"PK\x03\x04",), _is_hancom),
    "ics": Kind(N_("an iCalendar file (.ics)"), (".ics",), (b"BEGIN:VCALENDAR",)),
    "trip": Kind(N_("a trip file (.yaml)"), (".yaml", ".yml")),
}


@dataclass(frozen=True)
class Refusal:
    """Why nothing may be written to a path: English `text` with `{name}` values; `words` names
    the values that are themselves words to translate."""

    text: str
    values: dict = field(default_factory=dict)
    words: tuple[str, ...] = ()

    def say(self, translate: Callable[[str], str] = lambda text: text) -> str:
        values = {k: translate(v) if k in self.words else v for k, v in self.values.items()}
        return fill(translate(self.text), **values)

    def __str__(self) -> str:
        return self.say()


def kind_for(path: str | os.PathLike, kinds: Sequence[str]) -> str | None:
    """Which of `kinds` the name's suffix says (a plan is a .pdf or a .docx); None if none."""
    name = os.fspath(path).lower()
    for kind in kinds:
        if name.endswith(KINDS[kind].suffixes):
            return kind
    return None


def refusal(path: str | os.PathLike, kinds: str | Sequence[str], *,
            own: str | os.PathLike | None = None, replace_trip: bool = False) -> Refusal | None:
    """Why `path` must not receive an output of `kinds` (one, or those the caller chooses among by
    suffix), or None when it may. `own` is the trip the command writes from (or, for a trip
    output, saves over); `replace_trip` lets a trip output replace another trip (`example --force`).
    """
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    path = os.fspath(path)
    if own is not None and "trip" in kinds and _same(path, own):
        return None  # a trip saved over itself, through its link, with a .bak
    try:
        st = os.lstat(path)
    except OSError:
        st = None  # nothing there (or nothing to see): the writer says what goes wrong
    if st is not None and stat.S_ISLNK(st.st_mode):
        return Refusal(N_("{path} is a symbolic link (to {target}); an output is written to the "
                          "file it names, never through a link"),
                       {"path": path, "target": _link_target(path)})
    if st is not None and not stat.S_ISREG(st.st_mode):
        return Refusal(N_("{path} is {kind}, not a file"),
                       {"path": path, "kind": kind_of(st.st_mode)}, ("kind",))
    if st is not None and own is not None and _same(path, own):
        return Refusal(N_("{path} is the trip file itself"), {"path": path})
    kind = kind_for(path, kinds)
    if kind is None:
        names = " / ".join(s for k in kinds for s in KINDS[k].suffixes)
        return Refusal(N_("{path} does not end in {suffixes}, the kind of file written here"),
                       {"path": path, "suffixes": names})
    if st is None:
        return None
    head = _head(path)
    if head is None or st.st_size == 0:
        return None  # unreadable (the writer reports it) or empty: nothing to lose
    marks, holds = KINDS[kind].marks, KINDS[kind].holds
    if marks and head.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(marks) and (
            holds is None or holds(path)):
        return None
    if _is_trip(path):
        if kind == "trip" and replace_trip:
            return None
        return Refusal(N_("{path} is a trip file; an output never replaces a trip"),
                       {"path": path})
    if kind == "trip" and replace_trip:
        return None
    return Refusal(N_("{path} holds something other than {what}; only a file of that kind is "
                      "replaced"), {"path": path, "what": KINDS[kind].what}, ("what",))


def _same(a: str, b: str | os.PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:  # pragma: no cover - replaced between the lstat and here
        return "?"


def _head(path: str) -> bytes | None:
    from briefing.fileformat.atomic import open_regular

    try:
        with open_regular(path) as f:
            return f.read(_SNIFF_BYTES)
    except OSError:
        return None


def _is_trip(path: str) -> bool:
    """Whether the file reads as a trip, even one with wrong values: its top level was read."""
    from briefing.fileformat import reader

    try:
        reader.load(path)
    except TripFileError as e:
        return e.trip is not None
    return True
