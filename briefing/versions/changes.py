"""What changed between two versions of a trip, as a list of plain records.

Pure Python over two `Trip`s (no Qt, no ReportLab), so that the book's "changes since version N"
page and, later, the window can both use it. Each record says where the change is (`section`,
`stop`), what kind it is (added, removed, changed), what it is about (`label`, `field`) and the
text before and after.

Matching between versions: stops by title (date, time and venue break ties; a stop whose title changed but
whose date and start or venue did not is read as renamed), agenda items by their text, talking
points and questions by text similarity (difflib), counterparts, stays and contacts by name,
delegation members by id, travel legs by carrier and number (or route).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import operator
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.trip.model import Stop, Trip

ADDED, REMOVED, CHANGED = "added", "removed", "changed"

# Sections, in the order the records come out.
TRIP, DELEGATION, STOP, AGENDA, TALKING_POINTS, QUESTIONS, COUNTERPARTS = (
    "trip", "delegation", "stop", "agenda", "talking_points", "questions", "counterparts")
TRAVEL, STAYS, CONTACTS = "travel", "stays", "contacts"
FOLLOW_UP = "follow_up"  # a stop's follow-up actions (format 2)

EXCERPT = 60  # characters of a long text shown before and after
SIMILAR = 0.6  # difflib ratio above which two talking points are one point, reworded


@dataclass(frozen=True)
class Change:
    section: str  # one of the section names above
    kind: str  # ADDED, REMOVED or CHANGED
    label: str  # what the change is about: a stop's title, an agenda item, a person's name
    field: str = ""  # for CHANGED: which field ("date", "start", "venue", "text" ...)
    before: str = ""  # the old value as text ("" for ADDED)
    after: str = ""  # the new value as text ("" for REMOVED)
    stop: str = ""  # the stop the change belongs to (its new title), "" for trip-wide sections
    # The values themselves (dates, times), for a reader that formats them its own way.
    old: Any = dataclasses.field(default=None, compare=False)
    new: Any = dataclasses.field(default=None, compare=False)


def diff(old: Trip, new: Trip, *, internal: bool = True) -> list[Change]:
    """Every change from `old` to `new`, in book order.

    With `internal=False` the internal items (internal talking points and questions, a stop's
    internal notes) are left out of both versions first, so that nothing internal shows, and an
    item made public reads as added.
    """
    out: list[Change] = []
    out += _trip(old, new)
    out += _keyed(DELEGATION, old.delegation, new.delegation, lambda p: p.key,
                  lambda p: _join(p.name, p.title),
                  ("name", "title", "organization", "role", "phone", "email"))
    out += _stops(old, new, internal)
    out += _keyed(TRAVEL, old.travel, new.travel, _leg_key, _leg_label,
                  ("origin", "destination", "depart", "arrive", "depart_timezone",
                   "arrive_timezone", "mode", "carrier", "number", "reference", "notes"))
    out += _keyed(STAYS, old.stays, new.stays, lambda s: _norm(s.name), lambda s: s.name,
                  ("check_in", "check_out", "city", "address", "phone", "notes"))
    out += _keyed(CONTACTS, old.contacts, new.contacts, lambda c: _norm(c.name),
                  lambda c: c.name, ("role", "phone", "email", "notes"))
    return out


# -- values as text ------------------------------------------------------------------------------


def text(value: Any) -> str:
    """A field value as plain text: dates ISO, times HH:MM, lists joined, long text cut."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(text(v) for v in value)
    return excerpt(str(value))


def excerpt(value: str, limit: int = EXCERPT) -> str:
    """One line of at most `limit` characters, with an ellipsis when cut."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def _norm(value: str) -> str:
    return " ".join((value or "").split()).casefold()


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


def _fields(section: str, label: str, old: Any, new: Any, names: Sequence[str],
            stop: str = "") -> list[Change]:
    out = []
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        if a != b and not (_blank(a) and _blank(b)):
            out.append(Change(section, CHANGED, label, name, text(a), text(b), stop, a, b))
    return out


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


# -- matching ------------------------------------------------------------------------------------


def _pair(old: Sequence, new: Sequence, key: Callable[[Any], Any],
          tie: Callable[[Any, Any], float] | None = None
          ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (old index, new index) with equal keys, in new order; then unmatched old and new.

    When several items share a key, those alike by `tie(old, new)` (a score, higher is closer)
    are paired first, so that the order of the new list does not decide; equal scores go in order.
    """
    free: dict[Any, list[int]] = {}
    for i, item in enumerate(old):
        free.setdefault(key(item), []).append(i)
    wanted: dict[Any, list[int]] = {}
    for j, item in enumerate(new):
        wanted.setdefault(key(item), []).append(j)
    pairs = []
    for k, js in wanted.items():
        candidates = free.get(k) or []
        if tie is not None and len(candidates) > 1:
            scored = sorted(((tie(old[i], new[j]), j, i) for j in js for i in candidates),
                            key=lambda t: (-t[0], t[1], t[2]))
            taken_old, taken_new = set(), set()
            for _, j, i in scored:
                if i not in taken_old and j not in taken_new:
                    taken_old.add(i)
                    taken_new.add(j)
                    pairs.append((i, j))
        else:
            pairs += zip(candidates, js, strict=False)
    pairs.sort(key=lambda p: p[1])
    used_old, used_new = {i for i, _ in pairs}, {j for _, j in pairs}
    return (pairs, [i for i in range(len(old)) if i not in used_old],
            [j for j in range(len(new)) if j not in used_new])


def _pair_similar(old: Sequence, new: Sequence, lone_old: list[int], lone_new: list[int],
                  textof: Callable[[Any], str], threshold: float = SIMILAR
                  ) -> list[tuple[int, int]]:
    """Pair leftover items whose texts are alike, best matches first; removes them from the lists."""
    scored = sorted(((_ratio(textof(old[i]), textof(new[j])), i, j)
                     for i in lone_old for j in lone_new), key=lambda t: (-t[0], t[1], t[2]))
    pairs = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in lone_old and j in lone_new:
            lone_old.remove(i)
            lone_new.remove(j)
            pairs.append((i, j))
    return sorted(pairs, key=lambda p: p[1])


def _keyed(section: str, old: Sequence, new: Sequence, key, label, names,
           stop: str = "") -> list[Change]:
    pairs, lone_old, lone_new = _pair(old, new, key)
    out: list[Change] = []
    events = [(j, "new", j) for j in lone_new] + [(j, "pair", (i, j)) for i, j in pairs]
    for _, what, ref in sorted(events, key=lambda e: e[0]):
        if what == "new":
            out.append(Change(section, ADDED, label(new[ref]), after=label(new[ref]), stop=stop))
        else:
            i, j = ref
            out += _fields(section, label(new[j]), old[i], new[j], names, stop)
    out += [Change(section, REMOVED, label(old[i]), before=label(old[i]), stop=stop)
            for i in lone_old]
    return out


def match(old: Sequence, new: Sequence) -> list[tuple[int, int]]:
    """Which item of `new` is which item of `old` (pairs of indexes), as this page matches them:
    stops by title, date and venue, agenda items and texts also when reworded, people and places
    by name. Items of a kind not listed here are matched when equal, then by their first text."""
    sample = next(iter(old or new), None)
    if sample is None:
        return []
    if isinstance(sample, Stop):
        return _stop_pairs(old, new)[0]
    how = _MATCHING.get(type(sample).__name__)
    if how is not None:
        return how(old, new)[0]
    pairs, lone_old, lone_new = _pair(old, new, repr)
    first = next((f.name for f in dataclasses.fields(sample)
                  if isinstance(getattr(sample, f.name), str)), None) if (
        dataclasses.is_dataclass(sample)) else None
    if first is not None:
        textof = operator.attrgetter(first)
        pairs += _pair_similar(old, new, lone_old, lone_new, textof)
    return pairs


_MATCHING: dict[str, Callable] = {
    "AgendaItem": lambda a, b: _agenda_pairs(a, b),
    "TalkingPoint": lambda a, b: _text_pairs(a, b, operator.attrgetter("text")),
    "Question": lambda a, b: _text_pairs(a, b, operator.attrgetter("question")),
    "Person": lambda a, b: _pair(a, b, lambda p: p.key),
    "Counterpart": lambda a, b: _pair(a, b, lambda c: _norm(c.name)),
    "Stay": lambda a, b: _pair(a, b, lambda s: _norm(s.name)),
    "Contact": lambda a, b: _pair(a, b, lambda c: _norm(c.name)),
    "TravelLeg": lambda a, b: _pair(a, b, _leg_key),
}


def _leg_key(leg) -> tuple:
    if leg.number:
        return (_norm(leg.carrier), _norm(leg.number))
    return (_norm(leg.origin), _norm(leg.destination))


def _leg_label(leg) -> str:
    route = f"{leg.origin} → {leg.destination}"
    return _join(leg.carrier, leg.number, route)


# -- the trip ------------------------------------------------------------------------------------


def _trip(old: Trip, new: Trip) -> list[Change]:
    out = _fields(TRIP, new.info.title, old.info, new.info,
                  ("title", "subtitle", "start", "end", "purpose", "necessity"))
    out += _texts(TRIP, new.info.title, "objectives", old.info.objectives, new.info.objectives)
    out += _lines(TRIP, new.info.title, "budget", old.info.budget, new.info.budget,
                  lambda b: _norm(b.item), _budget_text)
    # The report's parts are named by the field `report`; each part's text says which it is.
    a, b = old.info.report, new.info.report
    for name in ("summary", "insights", "author", "date"):
        x, y = getattr(a, name), getattr(b, name)
        if x != y and not (_blank(x) and _blank(y)):
            out.append(Change(TRIP, CHANGED, new.info.title, "report", text(x), text(y), "", x, y))
    return out


def _budget_text(line) -> str:
    amount = "" if line.amount is None else f"{line.amount:,f} {line.currency_code}"
    return excerpt(_join(f"{line.item}:", amount, f"({line.basis})" if line.basis else ""))


def _follow_up_text(action) -> str:
    return excerpt(", ".join(x for x in (action.action, action.owner, text(action.due),
                                         "✓" if action.done else "") if x), 2 * EXCERPT)


def _lines(section: str, label: str, name: str, old: Sequence, new: Sequence, key,
           show: Callable[[Any], str], stop: str = "") -> list[Change]:
    """Rows of a small table (budget lines, follow-ups) under the one field `name` that holds
    them: each row added, removed or changed, shown whole, since the page names fields of the
    trip and its stops only."""
    pairs, lone_old, lone_new = _pair(old, new, key)
    pairs += _pair_similar(old, new, lone_old, lone_new, key)
    out = [Change(section, CHANGED, label, name, show(old[i]), show(new[j]), stop)
           for i, j in sorted(pairs, key=lambda p: p[1]) if old[i] != new[j]]
    out += [Change(section, ADDED, label, name, after=show(new[j]), stop=stop) for j in lone_new]
    out += [Change(section, REMOVED, label, name, before=show(old[i]), stop=stop) for i in lone_old]
    return out


def _texts(section: str, label: str, name: str, old: list[str], new: list[str],
           stop: str = "") -> list[Change]:
    """A list of short texts (objectives, outcomes): each line added or removed."""
    a, b = [_norm(x) for x in old], [_norm(x) for x in new]
    out = [Change(section, ADDED, label, name, after=excerpt(x), stop=stop)
           for x, k in zip(new, b, strict=True) if k and k not in a]
    out += [Change(section, REMOVED, label, name, before=excerpt(x), stop=stop)
            for x, k in zip(old, a, strict=True) if k and k not in b]
    return out


# -- stops ---------------------------------------------------------------------------------------

_STOP_FIELDS = ("title", "date", "start", "end", "timezone", "venue", "address", "city", "country",
                "host", "kind", "press", "interpreter", "dress_code", "attendees", "purpose",
                "background", "protocol", "logistics", "results")


def _stop_pairs(old: Sequence[Stop], new: Sequence[Stop]
                ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    pairs, lone_old, lone_new = _pair(old, new, lambda s: _norm(s.title), _stop_likeness)
    # A stop renamed on the same day, at the same time or venue, is the same stop.
    for j in list(lone_new):
        b = new[j]
        for i in lone_old:
            a = old[i]
            if a.date == b.date and b.date is not None and (
                    (a.start is not None and a.start == b.start)
                    or (a.venue and _norm(a.venue) == _norm(b.venue))
                    or _ratio(a.title, b.title) >= SIMILAR or _renamed(a.title, b.title)):
                pairs.append((i, j))
                lone_old.remove(i)
                lone_new.remove(j)
                break
    return pairs, lone_old, lone_new


def _stop_likeness(a: Stop, b: Stop) -> float:
    """How alike two stops of one title are: two of them on one day are told apart by their
    time and place, the date weighing most (a stop moved to another day is still itself)."""
    return (4 * (a.date == b.date) + 2 * (a.start == b.start) + (a.end == b.end)
            + 2 * (_norm(a.venue) == _norm(b.venue)) + (_norm(a.address) == _norm(b.address)))


def _renamed(a: str, b: str) -> bool:
    """A title and a longer or shorter wording of it ("MWC" → "MWC 2023 참관")."""
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def _stops(old: Trip, new: Trip, internal: bool) -> list[Change]:
    pairs, lone_old, lone_new = _stop_pairs(old.stops, new.stops)
    out: list[Change] = []
    by_new = {j: i for i, j in pairs}
    for j, stop in enumerate(new.stops):
        if j in by_new:
            out += _stop(old.stops[by_new[j]], stop, internal)
        else:
            out.append(Change(STOP, ADDED, stop.title, after=_when(stop), stop=stop.title,
                              new=stop.date))
    for i in lone_old:
        stop = old.stops[i]
        out.append(Change(STOP, REMOVED, stop.title, before=_when(stop), stop=stop.title,
                          old=stop.date))
    return out


def _when(stop: Stop) -> str:
    return _join(text(stop.date), text(stop.start))


def _stop(a: Stop, b: Stop, internal: bool) -> list[Change]:
    name = b.title
    names = _STOP_FIELDS + (("notes",) if internal else ())
    out = _fields(STOP, name, a, b, names, name)
    out += _texts(STOP, name, "outcomes", a.outcomes, b.outcomes, name)
    out += _agenda(a, b, name)
    out += _points(a, b, name, internal)
    out += _questions(a, b, name, internal)
    out += _keyed(COUNTERPARTS, a.counterparts, b.counterparts, lambda c: _norm(c.name),
                  lambda c: c.name, ("title", "organization", "address_as", "bio"), name)
    out += _lines(FOLLOW_UP, name, "follow_up", a.follow_up, b.follow_up,
                  lambda f: _norm(f.action), _follow_up_text, name)
    return out


def _agenda_pairs(old: Sequence, new: Sequence
                  ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    pairs, lone_old, lone_new = _pair(old, new, lambda x: _norm(x.item),
                                      lambda x, y: x.time == y.time)
    pairs += _pair_similar(old, new, lone_old, lone_new, lambda x: x.item, 0.75)
    return pairs, lone_old, lone_new


def _text_pairs(old: Sequence, new: Sequence, textof: Callable[[Any], str]
                ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Talking points, questions: the same text, else a text reworded (difflib)."""
    pairs, lone_old, lone_new = _pair(old, new, lambda x: _norm(textof(x)))
    pairs += _pair_similar(old, new, lone_old, lone_new, textof)
    return pairs, lone_old, lone_new


def _agenda(a: Stop, b: Stop, stop: str) -> list[Change]:
    pairs, lone_old, lone_new = _agenda_pairs(a.agenda, b.agenda)
    out: list[Change] = []
    by_new = {j: i for i, j in pairs}
    for j, item in enumerate(b.agenda):
        if j not in by_new:
            out.append(Change(AGENDA, ADDED, item.item, after=_join(text(item.time), item.item),
                              stop=stop, new=item.time))
            continue
        old = a.agenda[by_new[j]]
        out += _fields(AGENDA, item.item, old, item, ("item", "time", "minutes", "lead"), stop)
    out += [Change(AGENDA, REMOVED, a.agenda[i].item,
                   before=_join(text(a.agenda[i].time), a.agenda[i].item), stop=stop,
                   old=a.agenda[i].time) for i in lone_old]
    return out


def _points(a: Stop, b: Stop, stop: str, internal: bool) -> list[Change]:
    old = [p for p in a.talking_points if internal or not p.internal]
    new = [p for p in b.talking_points if internal or not p.internal]
    pairs, lone_old, lone_new = _text_pairs(old, new, lambda p: p.text)
    out: list[Change] = []
    by_new = {j: i for i, j in pairs}
    for j, point in enumerate(new):
        label = excerpt(point.text)
        if j not in by_new:
            out.append(Change(TALKING_POINTS, ADDED, label, after=label, stop=stop))
            continue
        was = old[by_new[j]]
        if _norm(was.text) != _norm(point.text):
            out.append(Change(TALKING_POINTS, CHANGED, label, "text", *_reworded(was.text,
                                                                                point.text),
                              stop=stop))
        names = ("speaker", "key", "details") + (("internal",) if internal else ())
        out += _fields(TALKING_POINTS, label, was, point, names, stop)
    out += [Change(TALKING_POINTS, REMOVED, excerpt(old[i].text), before=excerpt(old[i].text),
                   stop=stop) for i in lone_old]
    return out


def _reworded(before: str, after: str) -> tuple[str, str]:
    """Short excerpts of two versions of a text, starting near where they first differ."""
    a, b = " ".join(before.split()), " ".join(after.split())
    same = len(os.path.commonprefix([a, b]))
    start = 0
    if same > 20:  # a long common beginning: start at a word a little before the difference
        space = a.rfind(" ", 0, same - 10)
        start = space + 1 if space > 0 else 0

    def cut(s: str) -> str:
        return ("…" if start else "") + excerpt(s[start:].lstrip())

    return cut(a), cut(b)


def _questions(a: Stop, b: Stop, stop: str, internal: bool) -> list[Change]:
    old = [q for q in a.questions if internal or not q.internal]
    new = [q for q in b.questions if internal or not q.internal]
    pairs, lone_old, lone_new = _text_pairs(old, new, lambda q: q.question)
    out: list[Change] = []
    by_new = {j: i for i, j in pairs}
    for j, q in enumerate(new):
        label = excerpt(q.question)
        if j not in by_new:
            out.append(Change(QUESTIONS, ADDED, label, after=label, stop=stop))
            continue
        was = old[by_new[j]]
        if _norm(was.question) != _norm(q.question):
            out.append(Change(QUESTIONS, CHANGED, label, "question", excerpt(was.question),
                              label, stop))
        if _norm(was.answer) != _norm(q.answer):
            out.append(Change(QUESTIONS, CHANGED, label, "answer",
                              *_reworded(was.answer, q.answer), stop=stop))
    out += [Change(QUESTIONS, REMOVED, excerpt(old[i].question),
                   before=excerpt(old[i].question), stop=stop) for i in lone_old]
    return out
