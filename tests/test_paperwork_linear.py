"""The Word and the Hancom file of a long trip take time in proportion to its length: four times
the stops, at most about six times the time (python-docx's and python-hwpx's whole-document and
whole-table searches, made once per block or per cell, had made them quadratic: a report of 2,000
stops took minutes).

The report here is shaped as a long trip's is, small per stop so that a quadratic cost shows within
a few seconds: the schedule, a table with a row per stop; and per stop a table of facts and a few
paragraphs.
"""

import time

import pytest

from briefing.paperwork import data as pw
from briefing.paperwork import docx as paperwork_docx
from briefing.paperwork import hwpx as paperwork_hwpx

GROWTH = 6.0  # for 4x the stops: linear, with room for a shared machine's noise


def long_report(stops: int) -> pw.Paperwork:
    schedule = pw.Grid(header=("일자", "방문"), widths=(1, 3),
                       rows=tuple((f"5/{i % 30 + 1}", f"방문 {i}") for i in range(stops)))
    visits = tuple(block for i in range(stops) for block in (
        pw.Facts((("기관", f"기관 {i}"),)),
        pw.Text("\n\n".join(f"결과 {i}-{k}" for k in range(6)))))
    return pw.Paperwork(kind="report", lang="ko", title="출장 결과보고서", subject="긴 출장",
                        lines=("작성: 국제협력과",), marking="",
                        sections=(pw.Section("1. 일정", (schedule,)),
                                  pw.Section("2. 방문 결과", visits)))


def seconds(render, paper_doc) -> float:
    start = time.process_time()  # this process's own work, not the other processes'
    render(paper_doc)
    return time.process_time() - start


@pytest.mark.parametrize(("render", "stops"), [(paperwork_docx.render, 400),
                                               (paperwork_hwpx.render, 75)],
                         ids=["docx", "hwpx"])
def test_a_long_report_takes_time_in_proportion(render, stops):
    render(long_report(2))  # the libraries' first-use loading is not the small one's cost
    small, large = long_report(stops), long_report(4 * stops)
    base = seconds(render, small)
    growth = seconds(render, large) / base
    if growth > GROWTH:  # once more, in case the machine was busy then
        growth = min(growth, seconds(render, large) / base)
    assert growth <= GROWTH, f"{4 * stops} stops took {growth:.1f}x the time of {stops}"
