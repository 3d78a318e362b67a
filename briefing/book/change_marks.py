"""Where each record of the changes page is in the body, so that the body marks it (a bar in the
margin and a "changed" tag) and the changes page prints and links its page.

A record is found by what `briefing.changes` says about it: the stop by its (new) title, an
agenda item, talking point, question or counterpart by its label within that stop, a stop's field
by its name. A record with nothing left to mark (a removed talking point) marks the part it was
removed from; a trip-wide record (delegation, travel, contacts) points to its section's page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from briefing.book import styles as st
from briefing.book.flowables import PageRef
from briefing.versions import changes as ch

if TYPE_CHECKING:
    from briefing.book.context import Ctx

_TAG = st.CHANGE_BAR.hexval().replace("0x", "#")

# A stop's field -> the row of the stop's facts (or the part of its page) that shows it.
FACT_ROWS = {"date": "when", "start": "when", "end": "when", "timezone": "when",
             "venue": "venue", "address": "venue", "host": "host", "kind": "kind",
             "press": "press", "interpreter": "interpreter", "dress_code": "dress_code",
             "attendees": "attendees"}
PARTS = {"purpose": "purpose", "outcomes": "purpose", "background": "background",
         "protocol": "protocol", "logistics": "logistics", "notes": "notes"}
HEADING = {"title", "city", "country"}
# Items of a stop: the changes-page section -> (part of the page, the item's label)
_ITEMS = {
    ch.AGENDA: ("agenda", lambda stop: [a.item for a in stop.agenda]),
    ch.TALKING_POINTS: ("talking_points",
                        lambda stop: [ch.excerpt(p.text) for p in stop.talking_points]),
    ch.QUESTIONS: ("questions", lambda stop: [ch.excerpt(q.question) for q in stop.questions]),
    ch.COUNTERPARTS: ("counterparts", lambda stop: [c.name for c in stop.counterparts]),
}
# Trip-wide records: the bookmark of the section they are printed in.
_SECTION_KEYS = {ch.TRIP: "overview", ch.DELEGATION: "delegation", ch.TRAVEL: "travel",
                 ch.STAYS: "travel", ch.CONTACTS: "contacts"}


def listed(ctx: Ctx) -> list[ch.Change]:
    """The records the changes page lists for this edition (computed once per book)."""
    cached = getattr(ctx, "_changes_listed", None)
    if cached is not None:
        return cached
    found: list[ch.Change] = []
    if ctx.since is not None:
        found = ch.diff(ctx.since, ctx.trip, internal=ctx.full)
        if not ctx.full:  # the handout has no Q&A, so neither have its changes
            found = [c for c in found if c.section != ch.QUESTIONS]
    ctx._changes_listed = found
    return found


def key(n: int) -> str:
    return f"change{n + 1}"


def where(ctx: Ctx, change: ch.Change) -> tuple | None:
    """Where the body shows `change`: (stop index, "fact"|"part"|"heading"|part name, row or
    name), or None when the body does not show it (a removed stop, a trip-wide record)."""
    if not change.stop:
        return None
    index = next((i for i, s in enumerate(ctx.trip.stops) if s.title == change.stop), None)
    if index is None:
        return None
    stop = ctx.trip.stops[index]
    if change.section == ch.STOP:
        if change.kind == ch.ADDED:
            return (index, "heading", None)
        if change.kind == ch.REMOVED:
            return None
        if change.field in FACT_ROWS:
            return (index, "fact", FACT_ROWS[change.field])
        if change.field in PARTS:
            return (index, "part", PARTS[change.field])
        return (index, "heading", None)
    item = _ITEMS.get(change.section)
    if item is None:
        return None
    part, labels = item
    if change.kind != ch.REMOVED:
        rows = labels(stop)
        if change.label in rows:
            return (index, part, rows.index(change.label))
    return (index, "part", part)  # gone from the page (or not found): mark where it was


def index(ctx: Ctx) -> dict[tuple, tuple[str, ...]]:
    """Every place the body marks -> the keys of the records about it."""
    cached = getattr(ctx, "_changes_index", None)
    if cached is not None:
        return cached
    out: dict[tuple, tuple[str, ...]] = {}
    for n, change in enumerate(listed(ctx)):
        place = where(ctx, change)
        if place is not None:
            out[place] = (*out.get(place, ()), key(n))
    ctx._changes_index = out
    return out


def kind(ctx: Ctx, keys: tuple[str, ...]) -> str:
    """What the records `keys` did to the item they mark: ADDED or REMOVED when they all say
    so (a stop added since), else CHANGED."""
    found = listed(ctx)
    kinds = {found[int(k.removeprefix("change")) - 1].kind for k in keys
             if k.startswith("change") and k.removeprefix("change").isdigit()}
    return kinds.pop() if len(kinds) == 1 else ch.CHANGED


def tag(ctx: Ctx, keys: tuple[str, ...] = ()) -> str:
    """The tag beside a marked item, as markup: the changes page's own word for what happened
    to it (추가, 삭제), "변경" for anything else."""
    what = kind(ctx, keys) if keys else ch.CHANGED
    word = ctx.labels["change_mark" if what == ch.CHANGED else what]
    return f'<font color="{_TAG}" size="8.5"><b>{ctx.m(word)}</b></font>'


def elsewhere(keys: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The same records marked a second time (a day sheet's row): their own bookmarks, so that
    the changes page still links to the stop's page, which shows the item in full."""
    return tuple(f"{k}.{where}" for k in keys)


def page_ref(ctx: Ctx, change: ch.Change) -> Flowable:
    """The page where the body shows `change` (linked), for the changes page's page column:
    the marked item's page, else its section's page, else "–"."""
    found = listed(ctx)
    n = next((i for i, c in enumerate(found) if c is change), None)
    target = None
    if n is not None and where(ctx, change) is not None:
        target = key(n)
    elif change.section == ch.STOP and change.kind == ch.REMOVED:
        target = None
    elif change.section in _SECTION_KEYS:
        target = _SECTION_KEYS[change.section]
    # A located record is always drawn (stop.py marks the stop's heading with what it could
    # not mark elsewhere); a section is there when it registered its heading.
    located = target is not None and target.startswith("change")
    return PageRef(target, ctx.styles.regular_font, ctx.styles.cell.fontSize, st.INK,
                   link=located or (lambda: any(e.key == target for e in ctx.toc)))
