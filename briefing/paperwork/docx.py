"""The trip plan and the post-trip report as a Word file (.docx), for staff to finish in Word or
Hancom Office: real headings (Heading 1 and 2, so the navigation pane and a table of contents
work), real tables whose rows never break across pages, numbering written as text (가. 나. 다.
survive copy-paste into Hancom), and 맑은 고딕 named for Korean as well as Latin text.

The only module that imports python-docx (an import contract says so). What the documents hold is
briefing.paperwork's; this lays it out.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from briefing.fileformat.atomic import write_atomic
from briefing.paperwork import data as pw
from briefing.paperwork.images import photo_size
from briefing.trip.textblocks import blocks

# Malgun Gothic is on every Windows laptop since Vista (government PCs lack NanumGothic, and Word
# would substitute); Korean Word names it 맑은 고딕 for Hangul, and so does Hancom.
DEFAULT_FONT = "Malgun Gothic"
DEFAULT_FONT_KO = "맑은 고딕"
# What Word needs to find a stand-in when the font is missing (w:font in fontTable.xml):
# Hangul charset, its PANOSE, a proportional sans.
_FONT_ENTRY = (("w:altName", DEFAULT_FONT_KO), ("w:panose1", "020B0503020000020004"),
               ("w:charset", "81"), ("w:family", "swiss"), ("w:pitch", "variable"))
OUTLINE_STEP, MARKER_ROOM = Mm(4), Mm(7)  # an Outline level's indent; the marker's hanging room
APPROVAL_CELL, APPROVAL_LABEL, APPROVAL_SIGN = Mm(22), Mm(7), Mm(15)
PAPERS = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(25), Mm(22)  # the book's margins

# The book's colours (briefing.book.styles), as hex for Word.
ACCENT, INK, MUTED, MARKING = "1D4E89", "1F2933", "5F6B7A", "B42318"
HEADER_BG, ACCENT_TINT, FLAG_TINT = "DFE7F1", "E8EFF8", "FDECEA"


def export(paper_doc: pw.Paperwork, path: str | os.PathLike, *, paper: str = "a4",
           font: str = "", day: dt.date | None = None) -> None:
    """Write `paper_doc` as .docx to `path` atomically (raises SaveError when it cannot be)."""
    write_atomic(Path(path), render(paper_doc, paper=paper, font=font, day=day))


def render(paper_doc: pw.Paperwork, *, paper: str = "a4", font: str = "",
           day: dt.date | None = None) -> bytes:
    """The .docx bytes. `font`: the family name the text is set in (default Malgun Gothic);
    `day`: the document's date, written as its created and modified date."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper ‘{paper}’; use one of: {', '.join(PAPERS)}")
    font = font or DEFAULT_FONT
    doc = Document()
    _page(doc, paper)
    _styles(doc, font, paper_doc.lang)
    _properties(doc, paper_doc, day)
    _furniture(doc, paper_doc)
    doc = _Flow(doc)
    if paper_doc.approval and paper_doc.approval.labels:
        _approval(doc, paper_doc.approval)
    doc.add_paragraph(paper_doc.title, style="Title")
    subject = doc.add_paragraph(paper_doc.subject, style="Subtitle")
    subject.paragraph_format.space_after = Pt(4)
    for line in paper_doc.lines:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(2)
    for section in paper_doc.sections:
        doc.add_heading(section.title, level=1)
        _blocks(doc, section.blocks)
    out = io.BytesIO()
    doc.document.save(out)
    return out.getvalue()


class _Flow:
    """The body the blocks are added to, in constant time each. python-docx's own add_paragraph
    and add_table look for the body's end by scanning every block in it, and add_table searches
    the whole body for the page width: quadratic in a long trip's report. Each block is made here
    in an empty holder, then moved in before the body's section properties."""

    def __init__(self, document):
        self.document = document
        section = document.sections[0]
        self.width = section.page_width - section.left_margin - section.right_margin
        self.height = section.page_height - section.top_margin - section.bottom_margin
        self._body = document.element.body
        self._end = self._body.sectPr  # found once: finding it scans the body
        self._holder = BlockItemContainer(OxmlElement("w:body"), document._body)

    def _placed(self, block):
        if self._end is None:
            self._body.append(block._element)
        else:
            self._end.addprevious(block._element)
        return block

    def add_paragraph(self, text: str = "", style: str | None = None):
        return self._placed(self._holder.add_paragraph(text, style))

    def add_heading(self, text: str, level: int):
        return self.add_paragraph(text, f"Heading {level}")

    def add_table(self, rows: int, cols: int):
        return self._placed(self._holder.add_table(rows, cols, self.width))


# -- page, styles, properties ---------------------------------------------------------------------


def _page(doc, paper: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAPERS[paper]
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance, section.footer_distance = Mm(12), Mm(9)


def _set_fonts(rpr_owner, font: str) -> None:
    """Name `font` for every script, East Asian included (w:eastAsia: what Word and Hancom use
    for Hangul; 맑은 고딕 under its Korean name), and drop the theme fonts that would otherwise
    win over it."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font)
    if font == DEFAULT_FONT:
        fonts.set(qn("w:eastAsia"), DEFAULT_FONT_KO)


def _language(rpr_owner, lang: str) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    tag = rpr.find(qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.append(tag)
    tag.set(qn("w:val"), "en-US" if lang == "en" else "ko-KR")
    tag.set(qn("w:eastAsia"), "ko-KR")


def _styles(doc, font: str, lang: str) -> None:
    styles = doc.styles
    # The document defaults too: text in no named style (table cells in some suites) keeps it.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
        _set_fonts(_RprHolder(rpr_default), font)
    if defaults is not None:
        _no_autospace(_PprDefault(defaults))
    if font == DEFAULT_FONT:
        _font_entry(doc)
    sizes = {"Normal": 10, "Title": 24, "Subtitle": 14, "Heading 1": 15, "Heading 2": 12}
    colours = {"Normal": INK, "Title": ACCENT, "Subtitle": INK, "Heading 1": ACCENT,
               "Heading 2": ACCENT}
    for name, size in sizes.items():
        style = styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor.from_string(colours[name])
        style.font.italic = False
        _set_fonts(style.element, font)
        _language(style.element, lang)
    for name in ("Heading 1", "Heading 2", "Title"):
        styles[name].font.bold = True
    _no_autospace(styles["Normal"].element)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(4)
    normal.line_spacing = 1.3  # Korean needs more air between lines than Latin text
    styles["Heading 1"].paragraph_format.space_before = Pt(16)
    styles["Heading 1"].paragraph_format.space_after = Pt(6)
    styles["Heading 2"].paragraph_format.space_before = Pt(10)
    styles["Heading 2"].paragraph_format.space_after = Pt(4)
    for name in ("List Bullet", "List Number", "Table Grid"):
        _set_fonts(styles[name].element, font)


def _no_autospace(style_element) -> None:
    """No extra space between Hangul and Latin letters or digits: '6박 8일', not '6 박 8 일'
    (Word adds it by default; Korean office papers are set without it). Said in the document's
    defaults too, for the styles that are not based on Normal (header, footer)."""
    ppr = style_element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        if ppr.find(qn(tag)) is not None:
            continue
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        ppr.insert_element_before(element, *_AFTER_AUTOSPACE[_AFTER_AUTOSPACE.index(tag) + 1:])


# w:pPr's children from w:autoSpaceDE on, in the schema's order (each goes before the rest).
_AFTER_AUTOSPACE = ("w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


class _PprDefault:
    """Gives w:docDefaults the get_or_add_pPr() that _no_autospace asks styles for."""

    def __init__(self, defaults):
        self.defaults = defaults

    def get_or_add_pPr(self):
        holder = self.defaults.find(qn("w:pPrDefault"))
        if holder is None:
            holder = OxmlElement("w:pPrDefault")
            self.defaults.append(holder)  # after w:rPrDefault, as the schema orders them
        ppr = holder.find(qn("w:pPr"))
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            holder.append(ppr)
        return ppr


def _font_entry(doc) -> None:
    """Declare Malgun Gothic in the font table with its Korean name and its Hangul charset, so
    that a PC without it picks a Korean stand-in rather than a Latin one."""
    table = next(rel.target_part for rel in doc.part.rels.values()
                 if rel.reltype.endswith("/fontTable"))
    root = parse_xml(table.blob)  # python-docx keeps this part as bytes only
    entry = OxmlElement("w:font")
    entry.set(qn("w:name"), DEFAULT_FONT)
    for tag, value in _FONT_ENTRY:
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        entry.append(child)
    root.insert(0, entry)
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _RprHolder:
    """Gives a w:rPrDefault the get_or_add_rPr() that _set_fonts asks styles for."""

    def __init__(self, element):
        self.element = element

    def get_or_add_rPr(self):
        return self.element.find(qn("w:rPr"))


def _properties(doc, paper_doc: pw.Paperwork, day: dt.date | None) -> None:
    props = doc.core_properties
    props.title = f"{paper_doc.title} — {paper_doc.subject}"
    props.subject = paper_doc.title
    props.author = props.last_modified_by = "Briefing"
    props.language = "en-US" if paper_doc.lang == "en" else "ko-KR"
    props.revision = 1
    props.comments = ""
    if day is not None:  # the same trip gives the same dates (not the moment it was made)
        moment = dt.datetime(day.year, day.month, day.day)
        props.created = props.modified = moment
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = _APP_XML  # python-docx keeps this part as bytes only
        elif rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[rid]  # the template's blank page, shown as this document's


# What the template's docProps/app.xml claimed (Microsoft Macintosh Word, 1 page): the writer's
# name only; Word counts the pages itself when it saves.
_APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/docPropsVTypes"><Application>Briefing</Application><DocSecurity>0'
            b"</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
            b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            b"</Properties>")


def _furniture(doc, paper_doc: pw.Paperwork) -> None:
    """The running head (document and trip, the marking in red) and the page number."""
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    _run(head, f"{paper_doc.title} · {paper_doc.subject}", size=8.5, colour=MUTED)
    if paper_doc.marking:
        width = section.page_width - section.left_margin - section.right_margin
        tabs = head.paragraph_format.tab_stops
        for inherited in (Mm(82.55), Mm(165.1)):  # the Header style's centre and right stops
            tabs.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        _run(head, "\t" + paper_doc.marking, size=9, colour=MARKING, bold=True)
    # As the PDF's: who and when at the left, the page in the middle.
    foot = section.footer.paragraphs[0]
    width = section.page_width - section.left_margin - section.right_margin
    tabs = foot.paragraph_format.tab_stops
    for inherited in (Mm(82.55), Mm(165.1)):  # the Footer style's centre and right stops
        tabs.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(int(width / 2), WD_TAB_ALIGNMENT.CENTER)
    _run(foot, paper_doc.lines[-1] + "\t", size=8.5, colour=MUTED)
    _page_field(foot, "PAGE")
    _run(foot, " / ", size=9)
    _page_field(foot, "NUMPAGES")


def _page_field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(9)
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif code in text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)


def _run(paragraph, text: str, *, size: float | None = None, colour: str | None = None,
         bold: bool = False):
    run = paragraph.add_run(text)
    if size:
        run.font.size = Pt(size)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if bold:
        run.bold = True
    return run


# -- blocks ---------------------------------------------------------------------------------------


def _blocks(doc, items) -> None:
    for block in items:
        if isinstance(block, pw.Part):
            doc.add_heading(block.title, level=2)
            _blocks(doc, block.blocks)
        elif isinstance(block, pw.Text):
            _text(doc, block.text)
        elif isinstance(block, pw.Bullets):
            if block.numbered:  # as text, like an Outline's markers
                for i, item in enumerate(block.items, 1):
                    _outline_line(doc, pw.Line(0, pw.marker(0, i), item))
            else:
                for item in block.items:
                    doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, pw.Outline):
            for line, after in zip(block.lines, block.lines[1:] + (None,), strict=True):
                # a line that heads deeper ones ('1) 목적') never ends a page alone
                _outline_line(doc, line, keep=after is not None and after.level > line.level)
        elif isinstance(block, pw.Photo):
            _photo(doc, block)
        elif isinstance(block, pw.Facts):
            _facts(doc, block)
        elif isinstance(block, pw.Grid):
            _grid(doc, block)
        elif isinstance(block, pw.Flag):
            para = doc.add_paragraph()
            _shade(para._p.get_or_add_pPr(), FLAG_TINT)
            _run(para, block.text, colour=MARKING, bold=True)
        else:
            raise TypeError(f"no layout for {type(block).__name__}")


def _outline_line(doc, line: pw.Line, keep: bool = False) -> None:
    """'가.<tab>text', the text hanging past the marker so wrapped lines align with it; the
    marker is text (a Word list number would be lost when pasted into Hancom)."""
    para = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.space_after = Pt(2)
    fmt.keep_with_next = keep or None
    indent = OUTLINE_STEP * line.level
    if line.marker:
        fmt.left_indent = indent + MARKER_ROOM
        fmt.first_line_indent = -MARKER_ROOM
        fmt.tab_stops.add_tab_stop(indent + MARKER_ROOM)
        para.add_run(f"{line.marker}\t{line.text}")
    else:  # a line that goes on from the one above: under its text
        fmt.left_indent = indent + MARKER_ROOM
        para.add_run(line.text)


def _photo(doc, photo: pw.Photo) -> None:
    """The photo at its natural size, shrunk (never enlarged) to the text width and to
    PHOTO_HEIGHT of the text height, its title centred under it."""
    width, height = photo_size(photo.path)  # points
    scale = min(1.0, doc.width / Pt(width), doc.height * pw.PHOTO_HEIGHT / Pt(height))
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    para.add_run().add_picture(photo.path, width=int(Pt(width) * scale),
                               height=int(Pt(height) * scale))
    caption = doc.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(caption, photo.title, size=9, colour=MUTED)


def _approval(doc, approval: pw.Approval) -> None:
    """The 결재란: one row of labels in order, a row of empty cells to sign or seal under it, at
    the top right of the first page, as in the office's own forms."""
    table = doc.add_table(rows=2, cols=len(approval.labels))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    table.autofit = False
    for cell, label in zip(table.rows[0].cells, approval.labels, strict=True):
        _cell(cell, label, bold=True, fill=HEADER_BG)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row, height in zip(table.rows, (APPROVAL_LABEL, APPROVAL_SIGN), strict=True):
        row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.EXACTLY
    for column in table.columns:
        column.width = APPROVAL_CELL
        for cell in column.cells:
            cell.width = APPROVAL_CELL
    _padding(table)
    _rows_whole(table)


def _text(doc, value: str) -> None:
    for block in blocks(value):
        if block.bullet:
            doc.add_paragraph(" ".join(block.lines), style="List Bullet")
        else:
            para = doc.add_paragraph()
            for i, line in enumerate(block.lines):
                run = para.add_run(line)
                if i < len(block.lines) - 1:
                    run.add_break()


def _shade(owner, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    owner.append(shading)


def _cell(cell, text: str, *, bold: bool = False, right: bool = False, fill: str = "",
          colour: str = "") -> None:
    para = cell.paragraphs[0]
    para.paragraph_format.space_after = Pt(0)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = _run(para, line, size=9, bold=bold, colour=colour or None)
        if i < len(lines) - 1:
            run.add_break()
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if fill:
        _shade(cell._tc.get_or_add_tcPr(), fill)


def _padding(table) -> None:
    """Air inside the cells, as in the book's tables (Word's default has none above or below)."""
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 50), ("left", 85), ("bottom", 50), ("right", 85)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    # The schema's order: the margins come before tblLook (Word rejects a file out of order).
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                           "w:tblDescription", "w:tblPrChange")


def _widths(doc, table, relative: tuple[int, ...]) -> None:
    total = sum(relative)
    table.autofit = False
    for column, share in zip(table.columns, relative, strict=False):
        width = int(doc.width * share / total)
        column.width = width
        for cell in column.cells:
            cell.width = width


def _repeat_header(row) -> None:
    """The header row repeats atop every page the table runs onto."""
    _row_mark(row, "w:tblHeader")


def _row_mark(row, tag: str) -> None:
    mark = OxmlElement(tag)
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def _rows_whole(table) -> None:
    """A row moves to the next page whole rather than leave a line of a cell behind (Word's
    'allow row to break across pages', off), as the PDF's rows of a few lines do."""
    for row in table.rows:
        _row_mark(row, "w:cantSplit")


def _grid(doc, grid: pw.Grid) -> None:
    if grid.unit:
        unit = doc.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        unit.paragraph_format.space_after = Pt(1)
        unit.paragraph_format.keep_with_next = True
        _run(unit, grid.unit, size=8.5, colour=MUTED)
    table = doc.add_table(rows=1, cols=len(grid.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for column, (cell, text) in enumerate(zip(table.rows[0].cells, grid.header, strict=False)):
        _cell(cell, text, bold=True, right=column in grid.right, fill=HEADER_BG)
    _repeat_header(table.rows[0])
    marked = set(grid.marked)
    for r, values in enumerate([*grid.rows, *grid.closing]):
        closing = r >= len(grid.rows)
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, values, strict=False)):
            mark = (r, column) in marked
            _cell(cell, text, bold=closing or mark, right=column in grid.right,
                  fill=ACCENT_TINT if closing else "", colour=MARKING if mark else "")
    _widths(doc, table, grid.widths)
    _padding(table)
    _rows_whole(table)
    if grid.closing:  # the totals never open a page alone, under a repeated header
        for row in table.rows[len(grid.rows):-1]:
            for cell in row.cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _facts(doc, facts: pw.Facts) -> None:
    if not facts.rows:
        return
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in facts.rows:
        cells = table.add_row().cells
        _cell(cells[0], label, bold=True, fill=ACCENT_TINT, colour=ACCENT)
        _cell(cells[1], value)
    _widths(doc, table, (26, 144))
    _padding(table)
    _rows_whole(table)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
