"""Room to work: a table with a detail form (counterparts) shows enough rows above its form, the
split between them is remembered, and long single-line values are not hidden."""

from briefing.ui.editors.record_panel import FIRST_ROWS_ABOVE_FORM, MIN_ROWS_ABOVE_FORM


def show_counterparts(window, qtbot):
    window.editor.select_stop(0)
    stop = window.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["counterparts"])
    panel = stop.tables["counterparts"]
    qtbot.waitUntil(panel.isVisible)
    return panel


def rows_shown(panel):
    view = panel.view
    return view.viewport().height() / view.verticalHeader().defaultSectionSize()


def test_the_counterparts_table_shows_six_rows_or_more_and_the_form_still_fits(opened, qtbot):
    opened.resize(1280, 820)  # the first-run size; a 1440x900 screen holds it with room to spare
    panel = show_counterparts(opened, qtbot)
    assert rows_shown(panel) >= 6
    holder = panel.splitter.widget(1)
    assert holder.height() >= holder.minimumSizeHint().height()  # the form is not squeezed
    opened.resize(1440, 900)
    qtbot.waitUntil(lambda: rows_shown(panel) >= FIRST_ROWS_ABOVE_FORM)
    # the window can still be made as small as before (a 1366x768 laptop)
    assert opened.minimumSizeHint().height() <= 720


def test_the_table_never_shrinks_below_three_whole_rows(opened, qtbot):
    panel = show_counterparts(opened, qtbot)
    panel.splitter.setSizes([10, 1000])
    assert rows_shown(panel) >= MIN_ROWS_ABOVE_FORM


def test_the_split_between_table_and_form_is_remembered(make_window, trip_file, qtbot):
    first = make_window()
    first.open_file(str(trip_file))
    panel = show_counterparts(first, qtbot)
    total = sum(panel.splitter.sizes())
    panel.splitter.setSizes([total - 180, 180])
    wanted = panel.splitter.sizes()
    first._save_layout()
    second = make_window()
    second.open_file(str(trip_file))
    second.resize(first.size())  # the offscreen platform does not give back the saved geometry
    panel = show_counterparts(second, qtbot)
    qtbot.waitUntil(lambda: sum(panel.splitter.sizes()) == total)
    assert panel.splitter.sizes() == wanted


def test_a_split_never_shown_is_not_remembered(make_window, trip_file, settings, qtbot):
    window = make_window()
    window.open_file(str(trip_file))
    window.editor.select_stop(0)  # the Purpose tab: the counterparts table is never laid out
    window._save_layout()
    assert settings.bytes("window/detailSplitter/counterparts") is None
    again = make_window()  # so the next start still makes the first split itself
    again.resize(1280, 820)
    again.open_file(str(trip_file))
    assert rows_shown(show_counterparts(again, qtbot)) >= 6


def test_the_address_takes_a_whole_row_and_clipped_values_show_in_the_tooltip(opened, qtbot):
    opened.editor.select_stop(0)
    header = opened.editor.stop_editor.header
    grid = header.layout()
    address = header.editors["address"].widget
    _row, _column, _rows, columns = grid.getItemPosition(grid.indexOf(address))
    assert columns == 5  # its own column, and the next two fields' labels and boxes
    dress = header.editors["dress_code"].widget
    long_value = "Business suit; comfortable shoes for a long day walking the exhibition halls"
    dress.setText(long_value)
    dress.editingFinished.emit()
    assert opened.doc.trip.stops[0].dress_code == long_value
    dress.resize(120, dress.height())
    assert dress.toolTip().startswith(long_value)
    assert "Dress code" in dress.toolTip()  # what the field is, still said
    dress.setText("Suit")
    assert dress.toolTip() == "Dress code"


def visible_in(widget, area) -> bool:
    """`widget` lies wholly inside `area`'s visible rectangle."""
    from PySide6.QtCore import QRect

    top_left = widget.mapTo(area.window(), widget.rect().topLeft())
    frame = QRect(area.mapTo(area.window(), area.rect().topLeft()), area.size())
    return frame.contains(QRect(top_left, widget.size()))


def test_at_1024x700_the_long_header_fields_are_whole_and_every_tab_is_in_sight(opened, qtbot):
    from PySide6.QtWidgets import QScrollArea

    opened.resize(1024, 700)
    opened.editor.select_stop(0)
    stop = opened.editor.stop_editor
    qtbot.waitUntil(lambda: opened.width() == 1024 and stop.tabs.width() < 800)
    qtbot.wait(50)  # the tab names are fitted after the resize
    header = stop.header
    scroll = header.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    assert not scroll.verticalScrollBar().isVisible()
    for name in ("host", "interpreter", "address"):
        box = header.editors[name].widget
        assert visible_in(box, scroll.viewport()), name
        assert box.width() >= 30 * box.fontMetrics().averageCharWidth(), (name, box.width())
    assert opened.width() == 1024  # the tab names did not widen the window
    for i in range(stop.tabs.count()):  # every name whole, on as many rows as it takes
        button = stop.tabs.button(i)
        assert button.text() == stop.tabs.tabText(i)
        assert visible_in(button, stop), button.text()
