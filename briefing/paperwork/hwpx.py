"""The trip plan and the post-trip report as a Hancom file (.hwpx: OWPML, KS X 6101), the form in
which staff in Korean public offices hand papers in.

Written through python-hwpx, a maintained library that starts from the skeleton file it ships,
declares fonts, character and paragraph shapes and named styles, writes real tables and pictures,
and validates the package; this module only lays the document out, as briefing.paperwork.docx
does for Word. Numbering stays text (가. 나. 다.): Hancom's outline styles (개요 1…) would number
the headings a second time. The only module that imports python-hwpx (an import contract says so).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

from hwpx import HwpxDocument

from briefing.fileformat.atomic import write_atomic
from briefing.paperwork import data as pw
from briefing.paperwork.images import photo_size
from briefing.trip.textblocks import blocks

DEFAULT_FONT = "맑은 고딕"  # Hancom lists Malgun Gothic under its Korean name
SKELETON_FONTS = ("함초롬돋움", "함초롬바탕")  # the skeleton's faces, replaced by ours
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}  # mm
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 20.0, 25.0, 22.0  # mm, the book's and the DOCX's
HWPUNIT_PER_MM = 7200 / 25.4
_HH = "http://www.hancom.co.kr/hwpml/2011/head"
_HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
OUTLINE_STEP, MARKER_ROOM = 4.0, 7.0  # mm: an Outline level's indent; the marker's hanging room
APPROVAL_CELL, APPROVAL_LABEL, APPROVAL_SIGN = 22.0, 7.0, 15.0  # mm

# The book's colours (briefing.book.styles), as the DOCX names them.
ACCENT, INK, MUTED, MARKING = "#1D4E89", "#1F2933", "#5F6B7A", "#B42318"
HEADER_BG, ACCENT_TINT = "#DFE7F1", "#E8EFF8"


class HwpxError(ValueError):
    """The document could not be made as a Hancom file Hancom would accept."""


def export(paper_doc: pw.Paperwork, path: str | os.PathLike, *, paper: str = "a4",
           font: str = "", day: dt.date | None = None) -> None:
    """Write `paper_doc` as .hwpx to `path` atomically (raises SaveError when it cannot be)."""
    write_atomic(Path(path), render(paper_doc, paper=paper, font=font, day=day))


def render(paper_doc: pw.Paperwork, *, paper: str = "a4", font: str = "",
           day: dt.date | None = None) -> bytes:
    """The .hwpx bytes. `font`: the family the text is set in (default 맑은 고딕); `day`: the
    document's date. Raises HwpxError when the library's validator finds the package wrong."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper ‘{paper}’; use one of: {', '.join(PAPERS)}")
    writer = _Writer(paper_doc, paper, font or DEFAULT_FONT)
    writer.document(day)
    return writer.finish()


def text_of(data: bytes) -> str:
    """The plain text of a .hwpx, paragraphs and table cells in reading order (for checks)."""
    doc = HwpxDocument.open(io.BytesIO(data))
    try:
        return doc.text.plain()
    finally:
        doc.close()


@dataclass(frozen=True)
class _Shapes:
    """The character shape (charPr) and paragraph shape (paraPr) ids of one kind of text."""

    char: str
    para: str
    style: str | None = None


class _Writer:
    def __init__(self, paper_doc: pw.Paperwork, paper: str, font: str):
        self.paper_doc = paper_doc
        self.doc = HwpxDocument.new()
        self.width_mm, self.height_mm = PAPERS[paper]
        self.text_w = self.width_mm - 2 * MARGIN_SIDE
        self.text_h = self.height_mm - MARGIN_TOP - MARGIN_BOTTOM
        self.doc.page.setup(width_mm=self.width_mm, height_mm=self.height_mm,
                            margin_left_mm=MARGIN_SIDE, margin_right_mm=MARGIN_SIDE,
                            margin_top_mm=MARGIN_TOP, margin_bottom_mm=MARGIN_BOTTOM,
                            header_margin_mm=12, footer_margin_mm=9)
        self._fonts(font)
        self.header = self.doc.oxml.headers[0]
        self._korean_by_words()
        self.body = self._shape("본문", size=10, color=INK, spacing_after=4, line=160)
        self.title = self._shape("문서 제목", size=24, bold=True, color=ACCENT, spacing_after=6)
        self.subtitle = self._shape("문서 부제", size=14, color=INK, spacing_after=4)
        self.h1 = self._shape("제목 1", size=15, bold=True, color=ACCENT, spacing_before=16,
                              spacing_after=6, keep=True)
        self.h2 = self._shape("제목 2", size=12, bold=True, color=ACCENT, spacing_before=10,
                              spacing_after=4, keep=True)
        self.cell = self._shape(None, size=9, color=INK)
        self.cell_bold = self._shape(None, size=9, bold=True, color=INK)
        self.cell_label = self._shape(None, size=9, bold=True, color=ACCENT)
        self.cell_marked = self._shape(None, size=9, bold=True, color=MARKING)  # an overspend
        self.flag = self._shape(None, size=10, bold=True, color=MARKING, spacing_after=4)
        self.small = self._shape(None, size=8.5, color=MUTED, spacing_after=1, align="RIGHT")
        self.caption = self._shape(None, size=9, color=MUTED, spacing_after=8, align="CENTER")
        self.fills = {colour: self.doc.styles.ensure_border_fill(
            border_color="#000000", fill_color=colour) for colour in
            (HEADER_BG, ACCENT_TINT)}
        self.lines = self.doc.styles.ensure_border_fill(border_color="#000000")

    # -- shapes ----------------------------------------------------------------------------------

    def _fonts(self, font: str) -> None:
        """Every script in `font`: the skeleton's two faces become it."""
        for face in SKELETON_FONTS:
            if face != font:
                self.doc.styles.replace_font(face, font)

    def _korean_by_words(self) -> None:
        """Hangul lines break between words, as in the PDF and in Word, not inside one (Hancom's
        default, 글자 단위); every shape here is a copy of the skeleton's first (바탕글)."""
        for setting in self.header.element.iterfind(f".//{{{_HH}}}paraPr/{{{_HH}}}breakSetting"):
            setting.set("breakNonLatinWord", "KEEP_WORD")

    def _shape(self, style: str | None, *, size: float, bold: bool = False, color: str = INK,
               spacing_before: float = 0, spacing_after: float = 0, line: int = 150,
               keep: bool = False, align: str = "JUSTIFY") -> _Shapes:
        char = self.doc.styles.ensure_run(bold=bold, size=size, color=color, italic=False,
                                          underline=False)
        para = self.header.ensure_paragraph_format(
            base_para_pr_id="0", alignment=align, line_spacing_percent=line,
            margins={"prev": _pt(spacing_before), "next": _pt(spacing_after)},
            break_setting={"keep_with_next": True} if keep else None)
        style_id = None
        if style:  # a named style, so Hancom's style list and the outline view show the kind
            style_id = self.header.ensure_style(style, style_type="PARA", para_pr_id_ref=para,
                                                char_pr_id_ref=char, lang_id=1042)
        return _Shapes(char, para, style_id)

    def _para(self, text: str, shapes: _Shapes):
        return self.doc.add_paragraph(text, para_pr_id_ref=shapes.para, char_pr_id_ref=shapes.char,
                                      style_id_ref=shapes.style or "0", inherit_style=False)

    # -- the document ----------------------------------------------------------------------------

    def document(self, day: dt.date | None) -> None:
        paper_doc = self.paper_doc
        stamp = f"{day:%Y-%m-%d}T00:00:00Z" if day else None  # the document's date, not now
        # The skeleton's own author and date would show in Hancom's document information.
        self.doc.parts.clear_document_metadata(keep=("title", "language"))
        self.doc.parts.set_document_metadata(
            title=f"{paper_doc.title} — {paper_doc.subject}", subject=paper_doc.title,
            creator="Briefing", created_date=stamp, modified_date=stamp)
        self._furniture()
        if paper_doc.approval and paper_doc.approval.labels:
            self._approval(paper_doc.approval)
        self._para(paper_doc.title, self.title)
        self._para(paper_doc.subject, self.subtitle)
        for line in paper_doc.lines:
            self._para(line, self.body)
        for section in paper_doc.sections:
            self._para(section.title, self.h1)
            self._blocks(section.blocks)

    def _furniture(self) -> None:
        """The running head (document and trip, the marking in red) and 'page / pages'."""
        paper_doc = self.paper_doc
        runs = [{"type": "run", "text": f"{paper_doc.title} · {paper_doc.subject}", "size": 8.5,
                 "color": MUTED}]
        if paper_doc.marking:
            runs.append({"type": "run", "text": f"    {paper_doc.marking}", "size": 9,
                         "color": MARKING, "bold": True})
        self.doc.page.set_header(content=[{"align": "LEFT", "children": runs}])
        self.doc.page.set_page_number(format="page/total", position="BOTTOM_CENTER")

    def finish(self) -> bytes:
        package = self.doc.package
        if package.has_part(PREVIEW_TEXT):  # the skeleton's is empty: a file list shows nothing
            package.write(PREVIEW_TEXT, preview_text(self.paper_doc).encode("utf-8"))
        report = self.doc.validate()
        problems = [str(p) for p in getattr(report, "errors", ()) or ()]
        if problems or not getattr(report, "ok", True):
            raise HwpxError("the Hancom file failed its check: " + "; ".join(problems[:5]))
        data = self.doc.to_bytes()
        self.doc.close()
        return data

    # -- blocks ----------------------------------------------------------------------------------

    def _blocks(self, items) -> None:
        for block in items:
            if isinstance(block, pw.Part):
                self._para(block.title, self.h2)
                self._blocks(block.blocks)
            elif isinstance(block, pw.Text):
                self._text(block.text)
            elif isinstance(block, pw.Bullets):
                for i, item in enumerate(block.items, 1):
                    marker = pw.marker(0, i) if block.numbered else pw.BULLETS[0]
                    self._outline_line(pw.Line(0, marker, item))
            elif isinstance(block, pw.Outline):
                for line, after in zip(block.lines, block.lines[1:] + (None,), strict=True):
                    # a line that heads deeper ones ('1) 목적') never ends a page alone
                    self._outline_line(line, keep=after is not None and after.level > line.level)
            elif isinstance(block, pw.Facts):
                self._facts(block)
            elif isinstance(block, pw.Grid):
                self._grid(block)
            elif isinstance(block, pw.Photo):
                self._photo(block)
            elif isinstance(block, pw.Flag):  # red and bold, as in the PDF and the DOCX
                self._para(block.text, self.flag)
            else:
                raise TypeError(f"no layout for {type(block).__name__}")

    def _text(self, value: str) -> None:
        for block in blocks(value):
            if block.bullet:
                self._outline_line(pw.Line(0, pw.BULLETS[0], " ".join(block.lines)))
            else:
                for line in block.lines:
                    self._para(line, self.body)

    def _outline_line(self, line: pw.Line, keep: bool = False) -> None:
        """'가. text' with the text hanging past the marker, so wrapped lines align with it."""
        indent = OUTLINE_STEP * line.level + MARKER_ROOM
        para = self._para(f"{line.marker} {line.text}" if line.marker else line.text, self.body)
        self.doc.styles.apply_paragraph_format(
            paragraphs=[para], indent_left_mm=indent,
            first_line_indent_mm=-MARKER_ROOM if line.marker else 0, spacing_after_pt=2,
            keep_with_next=keep or None)

    # -- tables ----------------------------------------------------------------------------------

    def _table(self, rows: int, widths_mm: list[float], *, header_rows: int = 0):
        """The table and its cells by row and column. The library's table.cell() maps the whole
        grid on every call, quadratic in a table's cells; the map is taken here once."""
        table = self.doc.add_table(rows, len(widths_mm), width=_mm(sum(widths_mm)),
                                   border_fill_id_ref=self.lines,
                                   para_pr_id_ref=self.body.para, char_pr_id_ref=self.cell.char)
        table.set_column_widths(widths_mm)
        # Rows move to the next page whole (the cell-wise split); header rows repeat there.
        table.element.set("pageBreak", "CELL")
        table.element.set("repeatHeader", "1" if header_rows else "0")
        cells = [[entry.cell for entry in row] for row in table.get_cell_map()]
        for row in cells[:header_rows]:
            for cell in row:
                cell.element.set("header", "1")
        return table, cells

    def _set(self, cells, row: int, col: int, text: str, shapes: _Shapes, *, fill: str = "",
             align: str = "") -> None:
        cell = cells[row][col]
        cell.set_text(text, split_paragraphs="\n" in text)
        for para in cell.paragraphs:
            para.element.set("paraPrIDRef", str(shapes.para))
            for run in para.element:
                if run.tag.endswith("}run"):
                    run.set("charPrIDRef", str(shapes.char))
        if align:
            self.doc.styles.apply_paragraph_format(paragraphs=cell.paragraphs, alignment=align,
                                                   spacing_after_pt=0)
        if fill:
            cell.element.set("borderFillIDRef", str(self.fills[fill]))

    def _widths(self, relative) -> list[float]:
        total = sum(relative)
        return [self.text_w * share / total for share in relative]

    def _grid(self, grid: pw.Grid) -> None:
        if grid.unit:
            self._para(grid.unit, self.small)
        body = list(grid.rows) + list(grid.closing)
        _, cells = self._table(1 + len(body), self._widths(grid.widths), header_rows=1)
        right = set(grid.right)
        for c, text in enumerate(grid.header):
            self._set(cells, 0, c, text, self.cell_bold, fill=HEADER_BG,
                      align="RIGHT" if c in right else "")
        marked = set(grid.marked)
        for r, values in enumerate(body, 1):
            closing = r > len(grid.rows)
            for c, text in enumerate(values):
                shapes = (self.cell_marked if (r - 1, c) in marked
                          else self.cell_bold if closing else self.cell)
                self._set(cells, r, c, text, shapes, fill=ACCENT_TINT if closing else "",
                          align="RIGHT" if c in right else "")

    def _facts(self, facts: pw.Facts) -> None:
        if not facts.rows:
            return
        _, cells = self._table(len(facts.rows), self._widths((26, 144)))
        for r, (label, value) in enumerate(facts.rows):
            self._set(cells, r, 0, label, self.cell_label, fill=ACCENT_TINT)
            self._set(cells, r, 1, value, self.cell)

    def _approval(self, approval: pw.Approval) -> None:
        """The 결재란: the labels in order over a row of empty cells to sign or seal, at the
        right of the first page."""
        n = len(approval.labels)
        table, cells = self._table(2, [APPROVAL_CELL] * n)
        for c, label in enumerate(approval.labels):
            self._set(cells, 0, c, label, self.cell_bold, fill=HEADER_BG, align="CENTER")
            cells[0][c].set_size(height=_mm(APPROVAL_LABEL))
            cells[1][c].set_size(height=_mm(APPROVAL_SIGN))
        size = table.element.find(f"{{{_HP}}}sz")  # the box's own height: its two rows
        if size is not None:
            size.set("height", str(_mm(APPROVAL_LABEL + APPROVAL_SIGN)))
        anchor = table.element.getparent().getparent()  # the paragraph the table sits in
        self.doc.styles.apply_paragraph_format(paragraphs=[_paragraph_of(self.doc, anchor)],
                                               alignment="RIGHT")

    # -- photos ----------------------------------------------------------------------------------

    def _photo(self, photo: pw.Photo) -> None:
        """At its natural size, shrunk (never enlarged) to the text width and PHOTO_HEIGHT of
        the text height, centred, its title under it."""
        width_pt, height_pt = photo_size(photo.path)
        width_mm, height_mm = width_pt * 25.4 / 72, height_pt * 25.4 / 72
        scale = min(1.0, self.text_w / width_mm, self.text_h * pw.PHOTO_HEIGHT / height_mm)
        data = Path(photo.path).read_bytes()
        kind = "png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "jpg"
        self.doc.add_picture(data, kind, width_mm=width_mm * scale, height_mm=height_mm * scale,
                             align="CENTER")
        self._para(photo.title, self.caption)


PREVIEW_TEXT, PREVIEW_CHARS = "Preview/PrvText.txt", 1024  # Hancom keeps about a screenful


def preview_text(paper_doc: pw.Paperwork) -> str:
    """What Hancom and file browsers show of the document before opening it: its first lines
    and its headings, one a line, as Hancom writes them (CR LF)."""
    lines = [paper_doc.title, paper_doc.subject, *paper_doc.lines, *paper_doc.headings()]
    return "\r\n".join(line for line in lines if line.strip())[:PREVIEW_CHARS]


def _paragraph_of(doc, element):
    """The library's paragraph object for a body paragraph element."""
    return next(p for p in doc.paragraphs if p.element is element)


def _mm(value: float) -> int:
    return round(value * HWPUNIT_PER_MM)


def _pt(value: float) -> int:
    return round(value * 100)  # HWPUNIT: 1/7200 inch, 100 to the point
