"""The trip plan and the post-trip report as PDF, in the book's house style.

What they say is briefing.paperwork's; this lays it out with the book's fonts, styles, tables,
running head and page numbers. The paperwork has no cover: its first page opens with the
document's name and the trip's title, the way an office's own papers do.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from briefing.book import styles as st
from briefing.book.build import BookError, BookResult, check_options, fonts_for
from briefing.book.context import FULL, Ctx
from briefing.book.document import BookCanvas, BookDoc, Furniture, text_width
from briefing.book.flowables import Panel
from briefing.book.fonts import BUILD_LOCK
from briefing.book.labels import Labels
from briefing.book.styles import make_styles
from briefing.book.text import Text
from briefing.fileformat.atomic import write_atomic
from briefing.paperwork import data as pw
from briefing.trip.model import Trip

FLAG_TINT = colors.HexColor("#fdecea")
FACTS_ROOM = 260  # points: a facts table shorter than this moves to the next page whole


def export(trip: Trip, paper_doc: pw.Paperwork, path: str | os.PathLike, *, paper: str = "a4",
           font: str | os.PathLike | None = None) -> BookResult:
    """Write `paper_doc` (made from `trip`) as PDF to `path`; a failure leaves no file behind.

    Raises BookError when it cannot be made and SaveError when it cannot be written."""
    data, result = render(trip, paper_doc, paper=paper, font=font)
    write_atomic(Path(path), data)
    result.path = os.fspath(path)
    return result


def export_file(trip: Trip, kind: str, path: str | os.PathLike, *, lang: str | None = None,
                paper: str = "a4", font: str | os.PathLike | None = None) -> BookResult:
    """The plan or the report of `trip` (kind pw.PLAN or pw.REPORT) in `lang` (default: the
    trip's), written to `path` as PDF, or as a Word file when `path` ends in .docx.

    What the command line and the window both call. Raises BookError when the document cannot be
    made and SaveError when it cannot be written; either way no file is left behind."""
    paper_doc = pw.build(trip, kind, lang)
    if not os.fspath(path).lower().endswith(".docx"):
        return export(trip, paper_doc, path, paper=paper, font=font)
    from briefing.paperwork import docx as paperwork_docx

    paper, _ = check_options(paper, FULL)
    paperwork_docx.export(paper_doc, path, paper=paper, font=font_family(font),
                          day=pw.document_day(trip, kind))
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

    def cell(value: str, column: int, bold: bool = False):
        style = S.cell_right if column in grid.right else S.cell
        if bold:
            return Paragraph(f"<b>{ctx.m(value)}</b>", style)
        return ctx.cell(value, style) if value else Paragraph("", style)

    rows = [[cell(v, c) for c, v in enumerate(row)] for row in grid.rows]
    rows += [[cell(v, c, bold=True) for c, v in enumerate(row)] for row in grid.closing]
    table = ctx.table(list(grid.header), rows, list(grid.widths), zebra=not grid.closing)
    if table is None:
        return []
    head_right = S.cell_head.clone("cell_head_right", alignment=TA_RIGHT)
    for column in grid.right:  # a column of amounts is headed flush right too
        table._cellvalues[0][column] = Paragraph(ctx.m(grid.header[column]), head_right)
    if grid.closing:
        first = len(grid.rows) + 1
        table.setStyle(TableStyle([("LINEABOVE", (0, first), (-1, first), 0.8, st.ACCENT),
                                   ("BACKGROUND", (0, first), (-1, -1), st.ACCENT_TINT)]))
    return [table]


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
