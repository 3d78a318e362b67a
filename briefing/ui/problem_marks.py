"""Problems shown where they are: which record and field a problem path names, and the marks
that the forms, the tables, the stop's tabs and the outline show for them.

`locate` is the one reading of a problem path ('stops[2].agenda[1].time') against the trip; the
double-click jump of the Problems list uses it too. Marks are kept by record identity, so a mark
stays on its row when rows move before the next validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from briefing.trip import schema
from briefing.trip.problems import ERROR, WARNING, Problem
from briefing.ui import i18n
from briefing.ui.editors import values
from briefing.ui.i18n import tr
from briefing.ui.icons import problem_icon

# (border, tint) of a marked field or cell; the icons' colours are in icons.py
COLORS = {ERROR: ("#d93025", "#fdecea"), WARNING: ("#e37400", "#fef3d6")}
MARK_PROPERTY = "problem"  # 'error', 'warning' or '' on a form's editor widget
TIP_PROPERTY = "problemTip"  # the problem lines put in front of the widget's own tooltip
# One rule for every marked editor: a form sets it on itself and its editors inherit it.
STYLE = "\n".join(
    f'*[{MARK_PROPERTY}="{severity}"] {{ border: 1px solid {border}; border-radius: 2px;'
    f" background: {tint}; }}"
    for severity, (border, tint) in COLORS.items())


@dataclass(frozen=True)
class Spot:
    """Where a problem path leads in the window."""

    section: str  # the outline's entry: 'trip', 'delegation', 'stops', 'travel', 'stays', 'contacts'
    stop: int = -1  # the stop's row, for a place in a stop
    table: str = ""  # the list the row is in: 'delegation', 'stops', 'agenda', 'talking_points'…
    row: int = -1  # the row in that list
    name: str = ""  # the field's model attribute; '' for the whole row
    record: object = field(default=None, compare=False)  # holds the field, or is the row

    @property
    def part(self) -> str:
        """The stop's own field the place is in ('agenda', 'title'), '' outside a stop."""
        if self.stop < 0:
            return ""
        return self.name if self.table == "stops" else self.table


def locate(trip, path: str | tuple) -> Spot | None:
    """Where `path` leads in `trip`; None if it names no row of it (the trip changed since)."""
    parts = values.parse_path(path) if isinstance(path, str) else tuple(path)
    if not parts or not isinstance(parts[0], str):
        return None
    section = "trip" if parts[0] == "briefing" else parts[0]
    stop, table, row, name = -1, "", -1, ""
    record, fields = trip, schema.TOP
    i = 0
    while i < len(parts):
        key = parts[i]
        f = next((f for f in fields if isinstance(key, str) and key in (f.key, f.name)), None)
        if f is None:
            break  # a key the format does not know, or an index into a list of texts
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if f.kind == schema.RECORDS and isinstance(nxt, int):
            items = getattr(record, f.name)
            if nxt >= len(items):
                return None
            if record is trip and f.key == "stops":
                stop = nxt
            table, row, record, name = f.name, nxt, items[nxt], ""
            fields, i = schema.fields_of(f.record), i + 2
            continue
        if f.kind == schema.RECORD:
            record, fields, i = getattr(record, f.name), schema.fields_of(f.record), i + 1
            continue
        name = f.name
        break
    return Spot(section, stop, table, row, name, record)


def path_to(trip, target, name: str = "", row: int = -1) -> str:
    """The path ('stops[2].agenda[1].time') of field `name` of record `target`, or of row
    `row` of the list `target` (the list itself when the row is gone); '' when not in `trip`.
    The reverse of `locate`, for showing what an undo changes."""

    def walk(record, fields, here: str) -> str | None:
        for f in fields:
            if f.kind == schema.RECORDS:
                items = getattr(record, f.name)
                inside = f"{here}{f.key}"
                if items is target:
                    return f"{inside}[{row}]" if 0 <= row < len(items) else inside
                for j, item in enumerate(items):
                    at = f"{inside}[{j}]"
                    if item is target:
                        return f"{at}.{name}" if name else at
                    found = walk(item, schema.fields_of(f.record), at + ".")
                    if found:
                        return found
            elif f.kind == schema.RECORD:
                child = getattr(record, f.name)
                if child is target:
                    return f"{here}{f.key}.{name}" if name else f"{here}{f.key}"
                found = walk(child, schema.fields_of(f.record), f"{here}{f.key}.")
                if found:
                    return found
        return None

    return walk(trip, schema.TOP, "") or ""


def severity_of(problems: list[Problem]) -> str:
    """The worst of `problems`: ERROR, WARNING, or '' for none."""
    if any(p.is_error for p in problems):
        return ERROR
    return WARNING if problems else ""


def tip_text(problems: list[Problem]) -> str:
    """One line a problem, in the window's language: '오류: 비어 있습니다; …'."""
    lang = i18n.language()
    return "\n".join(f"{tr(p.severity)}: {p.describe(lang)}" for p in problems)


def count_text(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    return tr("{e} errors, {w} warnings", e=errors, w=len(problems) - errors)


def tint(problems: list[Problem]) -> QBrush | None:
    severity = severity_of(problems)
    return QBrush(QColor(COLORS[severity][1])) if severity else None


def icon_for(problems: list[Problem]):
    severity = severity_of(problems)
    return problem_icon(severity) if severity else None


class ProblemMarks(QObject):
    """The current problems, indexed by the record and field they are about."""

    changed = Signal()

    def __init__(self, doc):
        super().__init__(doc)
        self.setObjectName("problemMarks")
        self.doc = doc
        self._marks: list[tuple[Spot, Problem]] = []
        self._at: dict[tuple[int, str], list[Problem]] = {}
        self._inside: dict[int, list[tuple[Spot, Problem]]] = {}
        self._sections: dict[str, list[Problem]] = {}
        doc.reset.connect(lambda: self.set_problems([]))  # the records they were about are gone

    def set_problems(self, problems: list[Problem]) -> None:
        marks = []
        for problem in problems:
            spot = locate(self.doc.trip, problem.path)
            if spot is not None:
                marks.append((spot, problem))
        if [(id(s.record), s, p) for s, p in marks] == [(id(s.record), s, p) for s, p in self._marks]:
            return
        self._marks = marks  # holds the records, so their ids stay theirs while marked
        self._at, self._inside, self._sections = {}, {}, {}
        for spot, problem in marks:
            self._at.setdefault((id(spot.record), spot.name), []).append(problem)
            self._sections.setdefault(spot.section, []).append(problem)
            for record in self._owners(spot):
                self._inside.setdefault(id(record), []).append((spot, problem))
        self.changed.emit()

    def _owners(self, spot: Spot) -> list:
        """The records a place is in: its own, and its stop's."""
        owners = [spot.record]
        if spot.stop >= 0 and spot.table != "stops":
            owners.append(self.doc.trip.stops[spot.stop])
        return owners

    def at(self, record, name: str = "") -> list[Problem]:
        """The problems about `record`'s field `name` ('' for the record as a whole)."""
        if record is None:
            return []
        return self._at.get((id(record), name), [])

    def inside(self, record) -> list[tuple[Spot, Problem]]:
        """Every problem in `record` (a stop: its fields and all its rows), with where it is."""
        if record is None:
            return []
        return self._inside.get(id(record), [])

    def in_section(self, section: str) -> list[Problem]:
        return self._sections.get(section, [])


def marks_of(doc) -> ProblemMarks:
    """The marks of `doc`'s trip, made on first use and shared by every view of it."""
    marks = doc.findChild(ProblemMarks, "problemMarks")
    return marks if marks is not None else ProblemMarks(doc)


def text_property(widget: QObject, name: str) -> str:
    """A dynamic property's text, '' when it is not set.

    Asked for an unset property, PySide6 6.12 on Python 3.11 hands back None one reference short,
    and enough of those crash the interpreter; so the names are looked at first.
    """
    if name.encode() not in [bytes(n) for n in widget.dynamicPropertyNames()]:
        return ""
    return widget.property(name) or ""


class _TipKeeper(QObject):
    """Puts the problem lines back in front of a tooltip that its editor has since replaced."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = text_property(obj, TIP_PROPERTY)
            if tip and not obj.toolTip().startswith(tip):
                own = obj.toolTip()
                obj.setToolTip(f"{tip}\n\n{own}" if own else tip)
        return False


_TIP_KEEPER = _TipKeeper()


def show_mark(widget: QWidget, problems: list[Problem]) -> None:
    """Mark an editor (border and tint from STYLE, problem lines in its tooltip), or unmark it."""
    severity = severity_of(problems)
    if text_property(widget, MARK_PROPERTY) != severity:
        widget.setProperty(MARK_PROPERTY, severity)
        widget.style().unpolish(widget)  # a dynamic property is only read when polished
        widget.style().polish(widget)
        widget.update()
    old = text_property(widget, TIP_PROPERTY)
    own = widget.toolTip()
    if old and own.startswith(old):
        own = own[len(old):].lstrip("\n")
    tip = tip_text(problems)
    if not old and tip:
        widget.installEventFilter(_TIP_KEEPER)
    widget.setProperty(TIP_PROPERTY, tip)
    widget.setToolTip(f"{tip}\n\n{own}" if tip and own else tip or own)
