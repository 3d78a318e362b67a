"""The live preview: the selected stop's printed pages, following edits and the outline."""

import io

import pytest
from pypdf import PdfReader

from briefing.book import render
from briefing.fileformat import reader as fileformat
from briefing.ui.preview.live_preview import stop_pages


def _page_text(dock, page: int) -> str:
    """The text of the book's page `page` (from 0) in the pages shown."""
    return dock.documents[0].getAllText(page - (dock.shown_from - 1)).text()


@pytest.fixture
def preview(make_window, trip_file, qtbot):
    win = make_window()
    win.open_file(str(trip_file))
    win.show()
    win.act_live_preview.trigger()
    dock = win.live_preview
    qtbot.waitUntil(lambda: dock.pages > 0, timeout=60000)
    return win, dock


def test_opens_from_the_view_menu_and_shows_the_book(preview):
    win, dock = preview
    assert dock.isVisible()
    assert win.act_live_preview in win.view_menu.actions()
    # The same pages as the book the trip exports to.
    _, result = render(fileformat.load(win.doc.path))
    assert dock.pages == result.pages
    assert dock.bookmarks == result.bookmarks


def test_follows_the_stop_selected_in_the_outline(preview, qtbot):
    win, dock = preview
    win.editor.select_stop(1)
    first, last = stop_pages(dock.bookmarks, 1, dock.pages)
    qtbot.waitUntil(lambda: dock.shown_row == 1 and dock.running is None, timeout=60000)
    # Just the stop's pages, as the exported book prints them.
    assert dock.shown_from == first
    assert dock.documents[0].pageCount() == last - first + 1
    assert "City hall" in _page_text(dock, first - 1)
    assert f"{first}–{last}" in dock.status.text()
    full, _ = render(fileformat.load(win.doc.path))
    exported = PdfReader(io.BytesIO(full)).pages[first - 1:last]
    shown = [dock.documents[0].getAllText(n).text() for n in range(last - first + 1)]
    assert [_words(t) for t in shown] == [_words(p.extract_text()) for p in exported]


def _words(text: str) -> list[str]:
    return text.split()


def test_an_edit_shows_after_a_pause_and_the_old_pages_stay_meanwhile(preview, qtbot):
    win, dock = preview
    win.editor.select_stop(0)
    stop = win.doc.trip.stops[0]
    before = dock.generation
    old_document = dock.documents[0]
    win.doc.set_field(stop, "title", "Mobile World Congress")
    # Until the new layout arrives, the view keeps the pages it had.
    assert dock.view.document() is old_document
    qtbot.waitUntil(lambda: dock.generation > before and dock.running is None, timeout=60000)
    qtbot.waitUntil(lambda: dock.view.document() is not old_document, timeout=60000)
    first, _ = stop_pages(dock.bookmarks, 0, dock.pages)
    assert "Mobile World Congress" in _page_text(dock, first - 1)


def test_edits_during_a_layout_are_laid_out_once_more(preview, qtbot):
    win, dock = preview
    stop = win.doc.trip.stops[1]
    dock.refresh()  # a layout is running now
    assert dock.running is not None
    win.doc.set_field(stop, "title", "Ajuntament de Girona")
    dock.refresh()  # asked again while running: remembered, not started twice
    assert dock.again
    qtbot.waitUntil(lambda: dock.running is None and not dock.again, timeout=60000)
    first, _ = stop_pages(dock.bookmarks, 1, dock.pages)
    assert "Ajuntament de Girona" in _page_text(dock, first - 1)


def test_stop_pages_runs_to_the_page_before_the_next_heading():
    marks = {"overview": 3, "stops": 5, "stop1": 5, "stop2": 9, "travel": 14}
    assert stop_pages(marks, 0, 20) == (5, 8)
    assert stop_pages(marks, 1, 20) == (9, 13)
    assert stop_pages({"stop1": 5}, 0, 7) == (5, 7)
    assert stop_pages(marks, 4, 20) is None
