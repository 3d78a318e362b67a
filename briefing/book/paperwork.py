"""The trip plan and the post-trip report as PDF, in the book's house style.

What they say is briefing.paperwork's; this lays it out with the book's fonts, styles, tables,
running head and page numbers. The paperwork has no cover: its first page opens with the
document's name and the trip's title, the way an office's own papers do.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefing.book import styles as st
from briefing.book.build import BookError, BookResult, check_options, fonts_for
from briefing.book.context import FULL, Ctx
from briefing.book.document import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAPERS,
    BookCanvas,
    BookDoc,
    Furniture,
    text_width,
)
from briefing.book.flowables import BookTable, Panel
from briefing.book.fonts import BUILD_LOCK
from briefing.book.labels import Labels
from briefing.book.styles import make_styles
from briefing.book.text import Text
from briefing.fileformat.atomic import write_atomic
from briefing.paperwork import data as pw
from briefing.paperwork.images import photo_size
from briefing.trip.model import Trip

FLAG_TINT = colors.HexColor("#fdecea")
FACTS_ROOM = 260  # points: a facts table shorter than this moves to the next page whole
APPROVAL_CELL = (19 * mm, 15 * mm)  # a 결재란 box: wide enough for 과장, tall enough for a seal
OUTLINE_STEP = 14  # points each outline level is indented by
OUTLINE_GAP = 17  # points from a marker to its text (room for '10.' and '가)')


def export(trip: Trip, paper_doc: pw.Paperwork, path: str | os.PathLike, *, paper: str = "a4",
           font: str | os.PathLike | None = None) -> BookResult:
    """Write `paper_doc` (made from `trip`) as PDF to `path`; a failure leaves no file behind.

    Raises BookError when it cannot be made and SaveError when it cannot be written."""
    data, result = render(trip, paper_doc, paper=paper, font=font)
    write_atomic(Path(path), data)
    result.path = os.fspath(path)
    return result


def export_file(trip: Trip, kind: str, path: str | os.PathLike, *, lang: str | None = None,
                paper: str = "a4", font: str | os.PathLike | None = None,
                marking: bool = True) -> BookResult:
    """The plan or the report of `trip` (kind pw.PLAN or pw.REPORT) in `lang` (default: the
    trip's), written to `path` as PDF, or as a Word file when `path` ends in .docx, a Hancom
    file when .hwpx; without the trip's marking when `marking` is False.

    What the command line and the window both call. Raises BookError when the document cannot be
    made and SaveError when it cannot be written; either way no file is left behind."""
    paper_doc = pw.build(trip, kind, lang, marking=marking)
    suffix = os.path.splitext(os.fspath(path).lower())[1]
    if suffix not in (".docx", ".hwpx"):
        return export(trip, paper_doc, path, paper=paper, font=font)
    if suffix == ".docx":
        from briefing.paperwork import docx as writer
    else:
        from briefing.paperwork import hwpx as writer

    paper, _ = check_options(paper, FULL)
    # 맑은 고딕 unless the user picked a font (the book's own fallback is no font an office has).
    try:
        writer.export(paper_doc, path, paper=paper, font=font_family(font) if font else "",
                      day=pw.document_day(trip, kind))
    except ValueError as e:  # the Hancom writer's HwpxError is one; SaveError passes through
        raise BookError(f"the {paper_doc.title} could not be made: {e}") from e
    return BookResult(0, [], os.path.getsize(path), os.fspath(path))


def render(trip: Trip, paper_doc: pw.Paperwork, *, paper: str = "a4",
           font: str | os.PathLike | None = None) -> tuple[bytes, BookResult]:
    paper, _ = check_options(paper, FULL)
    fonts = fonts_for(font)
    buffer = io.BytesIO()
    canvases: list[BookCanvas] = []
    day = pw.document_day(trip, paper_doc.kind)

    def canvasmaker(*args, **kwargs):
        canv = BookCanvas(*args, **kwargs)
        if day is not None:  # the document's own date, so the same trip gives the same bytes
            canv.setDateFormatter(lambda *_: f"D:{day:%Y%m%d}")
        canvases.append(canv)
        return canv

    with BUILD_LOCK:
        labels = Labels(paper_doc.lang)
        ctx = Ctx(trip, FULL, labels, make_styles(fonts), Text(fonts, labels["placeholder"]),
                  text_width(paper))
        doc = _doc(buffer, paper, paper_doc, ctx)
        try:
            doc.build(story(ctx, paper_doc), canvasmaker=canvasmaker)
        except Exception as e:  # ReportLab's LayoutError and kin: say so, keep the cause
            raise BookError(f"the {paper_doc.title} could not be made: "
                            f"{type(e).__name__}: {e}") from e
    notices = list(fonts.notices)
    if ctx.text.dropped_notice():
        notices.append(ctx.text.dropped_notice())
    data = buffer.getvalue()
    return data, BookResult(canvases[-1].pages if canvases else 0, notices, len(data))


def _doc(target, paper: str, paper_doc: pw.Paperwork, ctx: Ctx) -> BookDoc:
    clean = ctx.text.clean
    furniture = Furniture(clean(f"{paper_doc.title} · {paper_doc.subject}"),
                          clean(paper_doc.marking), clean(paper_doc.lines[-1]),
                          ctx.styles.regular_font, ctx.styles.bold_font, "",
                          ctx.labels["continued"])
    doc = BookDoc(target, paper, furniture, title=f"{paper_doc.title} — {paper_doc.subject}",
                  author=ctx.trip.info.organization, subject=paper_doc.title, creator="Briefing",
                  lang="en-US" if paper_doc.lang == "en" else "ko-KR")
    # No cover: every page, the first too, is a body page with the running head.
    doc.pageTemplates = [t for t in doc.pageTemplates if t.id == "body"]
    return doc


def story(ctx: Ctx, paper_doc: pw.Paperwork) -> list[Flowable]:
    S = ctx.styles
    out: list[Flowable] = [
        *_approval(ctx, paper_doc.approval),
        Paragraph(ctx.m(paper_doc.title), S.cover_title),
        Paragraph(ctx.m(paper_doc.subject), S.cover_subtitle),
        *[Paragraph(ctx.m(line), S.cover_line) for line in paper_doc.lines],
        Spacer(1, 6),
    ]
    for n, section in enumerate(paper_doc.sections, 1):
        out += ctx.section(section.title, f"s{n}", _blocks(ctx, section.blocks))
    return out


def _blocks(ctx: Ctx, blocks) -> list[Flowable]:
    out: list[Flowable] = []
    for block in blocks:
        out += _block(ctx, block)
    return out


def _block(ctx: Ctx, block) -> list[Flowable]:
    S = ctx.styles
    if isinstance(block, pw.Part):
        body = _blocks(ctx, block.blocks)
        return _keep_facts(ctx, body) + ctx.sub(block.title, body)
    if isinstance(block, pw.Text):
        return ctx.rich(block.text)
    if isinstance(block, pw.Bullets):
        if block.numbered:
            return [Paragraph(ctx.m(item), S.bullet, bulletText=f"{i}.")
                    for i, item in enumerate(block.items, 1)]
        return ctx.bullets(list(block.items))
    if isinstance(block, pw.Facts):
        return ctx.facts(list(block.rows))
    if isinstance(block, pw.Grid):
        return _grid(ctx, block)
    if isinstance(block, pw.Outline):
        return _outline(ctx, block)
    if isinstance(block, pw.Photo):
        return _photo(ctx, block)
    if isinstance(block, pw.Flag):
        text = Paragraph(f'<font color="{st.MARKING.hexval().replace("0x", "#")}"><b>'
                         f"{ctx.m(block.text)}</b></font>", S.body)
        return [Panel([text], fill=FLAG_TINT, bar=st.MARKING, pad=6), Spacer(1, 6)]
    raise TypeError(f"no layout for {type(block).__name__}")


def _keep_facts(ctx: Ctx, body: list[Flowable]) -> list[Flowable]:
    """Room for a part's heading, its facts table (a visit's date, place, host, attendees) and
    the first lines after it: a table of a few rows is not split over two pages. A table too
    tall for that splits as any other."""
    if not body or not isinstance(body[0], Table):
        return []
    _, height = body[0].wrap(ctx.width, FACTS_ROOM)
    if height >= FACTS_ROOM:
        return []
    return [CondPageBreak(height + 6 * st.BODY_LEADING)]  # heading and three lines


def _grid(ctx: Ctx, grid: pw.Grid) -> list[Flowable]:
    S = ctx.styles

    marked = set(grid.marked)
    red = st.MARKING.hexval().replace("0x", "#")

    def cell(value: str, row: int, column: int, bold: bool = False):
        style = S.cell_right if column in grid.right else S.cell
        if (row, column) in marked and value:
            return Paragraph(f'<font color="{red}"><b>{ctx.m(value)}</b></font>', style)
        if bold:
            return Paragraph(f"<b>{ctx.m(value)}</b>", style)
        return ctx.cell(value, style) if value else Paragraph("", style)

    body = [*grid.rows, *grid.closing]
    rows = [[cell(v, r, c, bold=r >= len(grid.rows)) for c, v in enumerate(row)]
            for r, row in enumerate(body)]
    table = ctx.table(list(grid.header), rows, list(grid.widths), zebra=not grid.closing)
    if table is None:
        return []
    if grid.carried is not None:
        table.__class__ = _CarriedTable  # the book's table, with one more rule when it splits
        table.carried = []
        shown, column = "", grid.carried
        for row in body:
            shown = row[column] or shown
            table.carried.append((column, cell(shown, 0, column)))
    head_right = S.cell_head.clone("cell_head_right", alignment=TA_RIGHT)
    for column in grid.right:  # a column of amounts is headed flush right too
        table._cellvalues[0][column] = Paragraph(ctx.m(grid.header[column]), head_right)
    if grid.closing:
        first = len(grid.rows) + 1
        table.setStyle(TableStyle([("LINEABOVE", (0, first), (-1, first), 0.8, st.ACCENT),
                                   ("BACKGROUND", (0, first), (-1, -1), st.ACCENT_TINT)]))
    if grid.unit:
        unit = Paragraph(ctx.m(grid.unit), S.small.clone("unit", alignment=TA_RIGHT, spaceAfter=1))
        return [CondPageBreak(4 * st.BODY_LEADING), unit, table]
    return [table]


class _CarriedTable(BookTable):
    """A table whose `carried` column names what the rows under it belong to (the itinerary's
    day): a page it runs onto repeats that on its first row, instead of a blank cell."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.carried: list[tuple[int, Flowable]] = []  # per body row: (column, what it shows)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or not self.carried:
            return parts
        first = len(parts[0]._cellvalues) - 1  # body rows left on this page (one header row)
        # a row split inside itself is on both pages: the next page goes on with that row
        within = first + len(parts[1]._cellvalues) - 1 > len(self.carried)
        parts[0].carried = self.carried[:first]
        parts[1].carried = self.carried[first - 1 if within else first:]
        if parts[1].carried and len(parts[1]._cellvalues) > 1:
            column, shown = parts[1].carried[0]
            row = parts[1]._cellvalues[1]
            if not _has_text(row[column]):
                row[column] = copy.copy(shown)
        return parts


def _has_text(value) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_has_text(v) for v in value)
    return bool(getattr(value, "text", "") or (isinstance(value, str) and value.strip()))


def _approval(ctx: Ctx, approval: pw.Approval | None) -> list[Flowable]:
    """The 결재란 at the top right of the first page: the labels, and under each an empty box."""
    if approval is None or not approval.labels:
        return []
    S = ctx.styles
    head = S.cell_head.clone("approval_head", alignment=TA_CENTER)
    width, height = APPROVAL_CELL
    table = Table([[Paragraph(ctx.m(label), head) for label in approval.labels],
                   [Paragraph("", head) for _ in approval.labels]],
                  colWidths=[width] * len(approval.labels), rowHeights=[None, height],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), S.regular_font),  # not Helvetica, which is not embedded
        ("GRID", (0, 0), (-1, -1), 0.6, st.INK),
        ("BACKGROUND", (0, 0), (-1, 0), st.ACCENT_TINT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return [table, Spacer(1, 8)]


def _outline(ctx: Ctx, outline: pw.Outline) -> list[Flowable]:
    """Each line indented by its level, its marker hanging before the text; the marker is
    text, so a copy-paste carries it."""
    S = ctx.styles
    out: list[Flowable] = []
    styles: dict[int, object] = {}
    heads = 0  # a line that heads deeper ones ('3) 우리측 주요 메시지') and is not placed yet
    for line, after in zip(outline.lines, outline.lines[1:] + (None,), strict=True):
        style = styles.get(line.level)
        if style is None:
            indent = line.level * OUTLINE_STEP
            style = styles[line.level] = S.body.clone(
                f"outline{line.level}", leftIndent=indent + OUTLINE_GAP, bulletIndent=indent,
                spaceAfter=2)
        if line.marker:
            out.append(Paragraph(ctx.m(line.text), style, bulletText=line.marker))
        else:
            out.append(Paragraph(ctx.m(line.text), style))
        if after is not None and after.level > line.level:
            heads += 1
        elif heads:  # never at a page's foot without its first line under it
            out[-heads - 1:] = [KeepTogether(out[-heads - 1:])]
            heads = 0
    return out + [Spacer(1, 4)]


def _photo(ctx: Ctx, photo: pw.Photo) -> list[Flowable]:
    """The photo at its own size, or scaled down to the text width and PHOTO_HEIGHT of the
    text height; never up. Its title under it, the two on one page."""
    S = ctx.styles
    try:
        natural = photo_size(photo.path)
        ImageReader(photo.path).getSize()  # what ReportLab will read, read now
    except Exception as e:  # a file the checks passed but that does not decode
        raise BookError(f"the photo {photo.path} cannot be read: {e}") from e
    room = (ctx.width, pw.PHOTO_HEIGHT * _text_height(ctx))
    scale = min(1.0, room[0] / natural[0], room[1] / natural[1])
    image = Image(photo.path, natural[0] * scale, natural[1] * scale, hAlign="CENTER")
    caption = Paragraph(ctx.m(photo.title), S.small.clone("caption", alignment=TA_CENTER,
                                                          spaceBefore=3, spaceAfter=10))
    return [CondPageBreak(natural[1] * scale + 3 * st.BODY_LEADING), image, caption]


def _text_height(ctx: Ctx) -> float:
    """The text height of the shortest paper (Letter): a photo fits either."""
    return min(h for _, h in PAPERS.values()) - MARGIN_TOP - MARGIN_BOTTOM


def font_family(font: str | os.PathLike | None = None) -> str:
    """The family name of the font the book is set in ('Malgun Gothic', 'NanumGothic'), for a
    Word file to name; "" when the book falls back to a built-in font that names none."""
    from reportlab.pdfbase import pdfmetrics

    fonts = fonts_for(font)
    if not fonts.embedded:
        return ""
    name = getattr(pdfmetrics.getFont(fonts.regular).face, "familyName", b"")
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    return str(name or "").strip()
