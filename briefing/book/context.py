"""What every section builder needs: the trip, the edition, labels, styles, safe text, and helpers
that turn values into flowables (returning nothing for an empty value, so no heading is orphaned).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefing.book import change_marks
from briefing.book import styles as st
from briefing.book.flowables import BookTable, ChangeRows, KeepHead, Marked, keep_head
from briefing.book.labels import Labels
from briefing.book.longtext import paragraphs
from briefing.book.styles import Styles
from briefing.book.text import Text, blocks
from briefing.trip.model import Person, Trip

FULL, HANDOUT = "full", "handout"
# Characters beyond which a fact is printed under its table rather than in it (see facts).
FACT_IN_TABLE = 1000


@dataclass
class TocEntry:
    level: int
    title: str  # plain text, already cleaned
    key: str


@dataclass
class Ctx:
    trip: Trip
    edition: str
    labels: Labels
    styles: Styles
    text: Text
    width: float  # the text column, in points
    toc: list[TocEntry] = field(default_factory=list)
    reader: Person | None = None  # a personal copy's owner
    since: Trip | None = None  # the earlier version the changes page compares with
    notes_pages: bool = True  # a ruled page to write on after each stop
    draft: bool = False  # made from a trip that is not final: the cover says so

    def mine(self, key: str) -> bool:
        """Whether a speaker or lead id is the personal copy's reader."""
        return self.reader is not None and bool(key) and key == self.reader.key

    def attends(self, stop) -> bool:
        """Whether the reader of a personal copy attends `stop` (always true in other copies)."""
        if self.reader is None or stop.attendees is None:
            return True
        return self.reader.key in stop.attendees

    def reader_name(self) -> str:
        """The personal copy's owner the way the cover addresses them."""
        person = self.reader
        if person is None:
            return ""
        if person.title:
            return self.labels("reader_titled", name=person.name, title=person.title)
        return self.labels("reader", name=person.name)

    @property
    def full(self) -> bool:
        return self.edition == FULL

    @property
    def home_tz(self) -> str:
        return self.trip.info.timezone

    # -- text ----------------------------------------------------------------------------------

    def m(self, value: str) -> str:
        """Escaped markup for a user value."""
        return self.text.markup(value)

    def para(self, value: str, style=None) -> Paragraph | None:
        """A paragraph of plain user text, or None when it is empty."""
        if not value or not value.strip():
            return None
        return Paragraph(self.m(value), style or self.styles.body)

    def paras(self, value: str, style=None, bullet: str | None = None) -> list[Flowable]:
        """Plain user text of any length as paragraph(s) that read as one (see longtext)."""
        return paragraphs(self.m(value), style or self.styles.body, bullet)

    def prose(self, value: str, style=None, bullet: str | None = None) -> list[Flowable]:
        """Long text the way the trip format reads it (a talking point, an answer): a line break
        inside a paragraph is a space, a blank line starts a paragraph, `- ` lines are bullets."""
        return paragraphs(self.text.prose(value), style or self.styles.body, bullet)

    def rich(self, value: str, style=None, bullet_style=None) -> list[Flowable]:
        """A text field with `- ` bullets and blank-line paragraphs, line breaks kept."""
        style = style or self.styles.body
        bullet_style = bullet_style or self.styles.bullet
        out: list[Flowable] = []
        after_bullet = False
        for block in blocks(value):
            markup = "<br/>".join(self.m(line) for line in block.lines)
            if after_bullet and not block.bullet:
                out.append(Spacer(1, 4))  # a paragraph after a list needs air above it
            after_bullet = block.bullet
            if block.bullet:
                out += paragraphs(markup, bullet_style, "•")
            else:
                out += paragraphs(markup, style)
        return out

    def bullets(self, items: list[str], style=None) -> list[Flowable]:
        return [p for i in items if i and i.strip()
                for p in self.paras(i, style or self.styles.bullet, "•")]

    # -- times -------------------------------------------------------------------------------

    def hm(self, when: dt.datetime | None, day: dt.date | None = None) -> str:
        """'HH:MM', with '(+1)' when it falls on another day than `day` (the row's day)."""
        if when is None:
            return ""
        text = self.labels.time(when)
        if day is not None and when.date() != day:
            text += f" ({(when.date() - day).days:+d})"
        return text

    def span(self, start: dt.datetime | None, end: dt.datetime | None,
             day: dt.date | None) -> str:
        if start is None:
            return ""
        sep = self.labels["range"]  # "~" in Korean office papers
        return self.hm(start, day) + (f"{sep}{self.hm(end, day)}" if end is not None else "")

    def same_zone(self, tz_name: str) -> bool:
        """Whether local time is home time (then printing both would only add noise)."""
        return tz_name == self.home_tz

    # -- people --------------------------------------------------------------------------------

    def person_name(self, person: Person) -> str:
        if not person.title:
            return person.name
        if self.labels.lang == "en":
            return f"{person.name} ({person.title})"
        return f"{person.name} {person.title}"

    def who(self, key: str) -> str:
        """A delegation id as the person's name (and title); free text as written."""
        person = self.trip.person(key) if key else None
        return self.person_name(person) if person else key

    # -- headings ------------------------------------------------------------------------------

    def heading(self, title: str, style, key: str | None = None, level: int = 0,
                extra_marks: list[tuple[str, str, int]] | None = None,
                toc_title: str | None = None, running: str = "") -> Flowable:
        """A heading; with `key`, also a bookmark, an outline entry and a contents entry;
        `running`: what the running head says on the pages of the section it opens."""
        para = Paragraph(self.m(title), style)
        marks = [(k, self.text.clean(t), lv) for k, t, lv in extra_marks or []]
        if key is not None:
            marks.append((key, self.text.clean(toc_title or title), level))
        if not marks:
            return para
        for mark_key, mark_title, mark_level in marks:
            self.toc.append(TocEntry(mark_level, mark_title, mark_key))
        return Marked(para, marks, running=running)

    def section(self, title: str, key: str, body: list[Flowable], *, level: int = 0,
                new_page: bool = False) -> list[Flowable]:
        """A top-level section, or nothing at all when it has no body."""
        if not body:
            return []
        # The section's own break stands for the breaks its body opens with: a body that
        # starts a page starts it before the heading, never between the heading and itself.
        while body and isinstance(body[0], (CondPageBreak, PageBreak)):
            new_page = new_page or isinstance(body[0], PageBreak)
            body = body[1:]
        lead = [PageBreak()] if new_page else [CondPageBreak(st.BODY_LEADING * 8)]
        return lead + keep_head([self.heading(title, self.styles.h1, key, level)], body)

    def sub(self, title: str, body: list[Flowable],
            changed: tuple[str, ...] = ()) -> list[Flowable]:
        """A titled part of a section, or nothing when empty; `changed`: the changes-page
        records about the part (a tag on its heading and a bar beside it)."""
        if not body:
            return []
        markup = self.m(title)
        if changed:
            markup += f"   {change_marks.tag(self, changed)}"
            body = [KeepHead(body, keep=0, changed=changed)]
        # Keep a subheading with at least a few lines of what follows it.
        heading = Marked(Paragraph(markup, self.styles.h2), [], (1, self.text.clean(title)))
        return [CondPageBreak(st.BODY_LEADING * 4), *keep_head([heading], body)]

    # -- tables --------------------------------------------------------------------------------

    def cell(self, value: str, style=None) -> Flowable | list[Flowable]:
        parts = self.paras(value, style or self.styles.cell)
        return parts[0] if len(parts) == 1 else parts

    def table(self, header: list[str], rows: list[list], widths: list[float],
              zebra: bool = True) -> Table | None:
        """A table that splits across pages, repeating its header row."""
        if not rows:
            return None
        total = sum(widths)
        widths = [w * self.width / total for w in widths]
        data = [[Paragraph(self.m(h), self.styles.cell_head) for h in header], *rows]
        commands = [
            # Without a font of ours the table would still select Helvetica, unembedded.
            ("FONTNAME", (0, 0), (-1, -1), self.styles.regular_font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, st.RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, st.ZEBRA]))
        return BookTable(data, colWidths=widths, repeatRows=1, splitInRow=st.BODY_LEADING * 2,
                         style=TableStyle(commands), hAlign="LEFT", spaceBefore=2, spaceAfter=8)

    def facts(self, rows: list[tuple]) -> list[Flowable]:
        """Label–value pairs (a stop's when, where, who), leaving out empty values; a third
        item names the changes-page records about the row (a bar beside it)."""
        data, below = [], []
        for label, value, *changed in rows:
            if not value:
                continue
            size = len(value) if isinstance(value, str) else sum(
                len(getattr(f, "text", "") or "") for f in value)
            if size > FACT_IN_TABLE:
                # ReportLab cannot split a table's only row a second time, so a value that may
                # run over more than a page is printed under the table, whole.
                if isinstance(value, str):
                    below += self.paras(f"{label}: {value}", self.styles.body)
                else:
                    below += [Paragraph(f"<b>{self.m(label)}</b>", self.styles.body), *value]
                continue
            cell = value if isinstance(value, list) else Paragraph(self.m(value), self.styles.cell)
            head = Paragraph(self.m(label), self.styles.cell_label)
            head.changed = changed[0] if changed else ()
            data.append([head, cell])
        if not data:
            return below
        label_w = 26 * 2.8346 if self.labels.lang == "ko" else 30 * 2.8346
        table = ChangeRows(
            data, colWidths=[label_w, self.width - label_w], splitInRow=st.BODY_LEADING * 2,
            hAlign="LEFT", spaceAfter=6,
            style=TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), self.styles.regular_font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), st.ACCENT_TINT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, st.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]))
        return [table, *below]

