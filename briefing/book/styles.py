"""The book's stylesheet: one function, styles inheriting from a body style, sizes in points."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from briefing.book.fonts import FontSet

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
# Secondary text the reader still needs (home times, notes, addresses): darker than MUTED, so
# that it stays legible at 9 pt in a moving car.
QUIET = colors.HexColor("#3e4a59")
ACCENT = colors.HexColor("#1d4e89")
ACCENT_TINT = colors.HexColor("#e8eff8")
KEY_TINT = colors.HexColor("#fdf3dc")
KEY_BAR = colors.HexColor("#d08c00")
MARKING = colors.HexColor("#b42318")
CAUTION_TINT = colors.HexColor("#fbeceb")  # an internal caution's ※ box
CHANGE_BAR = colors.HexColor("#7a3fb0")  # an item the changes page lists, in the margin
RULE = colors.HexColor("#c9d1db")
ZEBRA = colors.HexColor("#f5f7fa")
HEADER_BG = colors.HexColor("#dfe7f1")
NOTE_LINE = colors.HexColor("#cfd6de")

BODY_SIZE = 10
BODY_LEADING = 15.5  # ~1.55x: Korean needs more air between lines than Latin text
# Talking points are read aloud, in a car or at a lectern: hand-made books set them at 14-16 pt.
# The handout (read by delegation members at a desk) keeps them smaller.
READ_ALOUD_SIZE = 14
HANDOUT_POINT_SIZE = 11.5
QUIET_SIZE = 9  # the smallest text on a stop page


@dataclass
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    bullet: ParagraphStyle
    sub_bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_head: ParagraphStyle
    cell_label: ParagraphStyle
    cell_right: ParagraphStyle
    toc0: ParagraphStyle
    toc1: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    cover_marking: ParagraphStyle
    cover_reader: ParagraphStyle
    tp_text: ParagraphStyle  # a talking point read aloud (full edition)
    tp_key: ParagraphStyle
    tp_text_handout: ParagraphStyle
    tp_key_handout: ParagraphStyle
    tp_meta: ParagraphStyle
    tp_detail: ParagraphStyle
    caution: ParagraphStyle  # an internal caution (※), never read aloud
    key_message: ParagraphStyle
    key_message_by: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    person: ParagraphStyle
    regular_font: str = ""
    bold_font: str = ""


def make_styles(fonts: FontSet) -> Styles:
    reg, bold = fonts.regular, fonts.bold
    body = ParagraphStyle(
        "body", fontName=reg, fontSize=BODY_SIZE, leading=BODY_LEADING, textColor=INK,
        spaceAfter=5, alignment=TA_LEFT, splitLongWords=1, bulletFontName=reg,
        # Korean body text breaks between words (at spaces), as formal documents do.
    )

    def derive(name: str, parent: ParagraphStyle = body, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    small = derive("small", fontSize=8.5, leading=12.5)
    cell = derive("cell", fontSize=9, leading=13, spaceAfter=0)
    heading = dict(fontName=bold, textColor=ACCENT, splitLongWords=1)
    return Styles(
        body=body,
        small=small,
        muted=derive("muted", small, textColor=MUTED),
        bullet=derive("bullet", leftIndent=14, bulletIndent=3, spaceAfter=3),
        sub_bullet=derive("sub_bullet", leftIndent=28, bulletIndent=17, spaceAfter=2,
                          fontSize=9.5, leading=14.5),
        h1=derive("h1", fontSize=18, leading=24, spaceBefore=16, spaceAfter=10, **heading),
        h2=derive("h2", fontSize=12.5, leading=17, spaceBefore=12, spaceAfter=6, **heading),
        h3=derive("h3", fontSize=10.5, leading=15, spaceBefore=8, spaceAfter=4, fontName=bold,
                  textColor=INK),
        cell=cell,
        cell_muted=derive("cell_muted", cell, fontSize=8, leading=11, textColor=MUTED),
        cell_head=derive("cell_head", cell, fontName=bold, textColor=INK),
        cell_label=derive("cell_label", cell, fontName=bold, textColor=ACCENT),
        cell_right=derive("cell_right", cell, alignment=TA_RIGHT),
        toc0=derive("toc0", fontSize=11, leading=16, fontName=bold, spaceBefore=5, spaceAfter=1),
        toc1=derive("toc1", fontSize=10, leading=14.5, leftIndent=14, spaceAfter=1),
        cover_title=derive("cover_title", fontName=bold, fontSize=28, leading=38,
                           textColor=ACCENT, spaceAfter=10),
        cover_subtitle=derive("cover_subtitle", fontSize=15, leading=22, textColor=INK,
                              spaceAfter=6),
        cover_line=derive("cover_line", fontSize=12, leading=19, textColor=INK, spaceAfter=2),
        cover_reader=derive("cover_reader", fontName=bold, fontSize=20, leading=28,
                            textColor=ACCENT, spaceAfter=4),
        cover_marking=derive("cover_marking", fontName=bold, fontSize=14, leading=18,
                             textColor=MARKING, alignment=TA_CENTER),
        tp_text=derive("tp_text", fontSize=READ_ALOUD_SIZE, leading=READ_ALOUD_SIZE * 1.5,
                       spaceAfter=4),
        tp_key=derive("tp_key", fontSize=READ_ALOUD_SIZE, leading=READ_ALOUD_SIZE * 1.5,
                      spaceAfter=4, fontName=bold),
        tp_text_handout=derive("tp_text_handout", fontSize=HANDOUT_POINT_SIZE,
                               leading=HANDOUT_POINT_SIZE * 1.55, spaceAfter=3),
        tp_key_handout=derive("tp_key_handout", fontSize=HANDOUT_POINT_SIZE,
                              leading=HANDOUT_POINT_SIZE * 1.55, spaceAfter=3, fontName=bold),
        tp_meta=derive("tp_meta", fontSize=10.5, leading=14, textColor=INK, spaceAfter=3),
        tp_detail=derive("tp_detail", leftIndent=28, bulletIndent=17, spaceAfter=2,
                         fontSize=11, leading=16.5),
        caution=derive("caution", fontSize=10.5, leading=15.5, spaceAfter=2, textColor=INK),
        key_message=derive("key_message", fontName=bold, fontSize=12, leading=18,
                           leftIndent=22, bulletIndent=6, spaceAfter=1, bulletFontName=bold),
        key_message_by=derive("key_message_by", leftIndent=22, spaceAfter=6, fontSize=9,
                              leading=13),
        question=derive("question", fontName=bold, bulletFontName=bold, leftIndent=20,
                        bulletIndent=0, spaceAfter=2, spaceBefore=6),
        answer=derive("answer", leftIndent=20, bulletIndent=0, spaceAfter=4,
                      bulletColor=MUTED),
        person=derive("person", fontName=bold, fontSize=11, leading=16, spaceAfter=1,
                      spaceBefore=6),
        regular_font=reg,
        bold_font=bold,
    )
