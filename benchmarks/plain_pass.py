"""The yardstick for the book's speed: one plain ReportLab pass over content like a book's.

    python benchmarks/plain_pass.py N_STOPS OUT.pdf

Per stop: a heading, four Korean paragraphs, an 8-row agenda table, ten talking points and a
page break, in the Korean TrueType font the book itself would choose, embedded. No contents, no
running heads, no links: what ReportLab costs for the text alone, so that the book's cost per
page can be read as a multiple of it (issue 22's target: at most 1.3 times).
"""

from __future__ import annotations

import sys
import time
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from briefing.book import fonts as book_fonts

_SENTENCE = ("대표단은 경제자유구역 기업 유치와 첨단산업 육성을 위한 협력망을 넓히고, 현지 스타트업 "
             "생태계와 도심항공교통 실증 현황을 살펴 후속 협력 과제를 정리한다. ")
_POINT = "도심항공교통과 자율주행 실증 사업을 공동으로 추진하고 기업 교류를 정례화할 것을 제안합니다."


def stops(n: int):
    """(title, paragraphs, agenda rows, points) for each of `n` stops; deterministic."""
    for i in range(n):
        agenda = [(f"{9 + r // 2:02d}:{30 * (r % 2):02d}", "30", f"안건 {r + 1}: 협력 방안 논의",
                   "시장") for r in range(8)]
        points = [f"{k + 1}. {_POINT}" for k in range(10)]
        yield f"{i + 1}. 방문 일정 {i + 1}: 모바일 월드 콩그레스", [_SENTENCE * 3] * 4, agenda, points


def build(n: int, out) -> int:
    """Lays out and writes the plain book of `n` stops to `out`; returns its page count."""
    fonts = book_fonts.choose(None)
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10.5, leading=17)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=13)
    head = ParagraphStyle("head", fontName=fonts.bold, fontSize=16, leading=22, spaceAfter=8)
    story = []
    for title, paragraphs, agenda, points in stops(n):
        story.append(Paragraph(escape(title), head))
        story += [Paragraph(escape(p), body) for p in paragraphs]
        table = Table([[Paragraph(escape(c), cell) for c in row] for row in agenda],
                      colWidths=[18 * mm, 14 * mm, 100 * mm, 30 * mm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
        story.append(table)
        story += [Paragraph(escape(p), body) for p in points]
        story.append(PageBreak())
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    doc.build(story)
    return doc.page


def main(argv: list[str]) -> int:
    n, out = int(argv[0]), argv[1]
    start = time.perf_counter()
    pages = build(n, out)
    print(f"plain pass: {n} stops, {pages} pages in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
