"""Room to work: the talking points table shows enough rows above its form, the split between
them is remembered, and long single-line values are not hidden."""

from briefing.ui.record_panel import FIRST_ROWS_ABOVE_FORM, MIN_ROWS_ABOVE_FORM


def show_talking_points(window, qtbot):
    window.editor.select_stop(0)
    stop = window.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["talking_points"])
    panel = stop.tables["talking_points"]
    qtbot.waitUntil(panel.isVisible)
    return panel


def rows_shown(panel):
    view = panel.view
    return view.viewport().height() / view.verticalHeader().defaultSectionSize()


def test_the_talking_points_table_shows_six_rows_or_more_and_the_form_still_fits(opened, qtbot):
    opened.resize(1280, 820)  # the first-run size; a 1440x900 screen holds it with room to spare
    panel = show_talking_points(opened, qtbot)
    assert rows_shown(panel) >= 6
    holder = panel.splitter.widget(1)
    assert holder.height() >= holder.minimumSizeHint().height()  # the form is not squeezed
    opened.resize(1440, 900)
    qtbot.waitUntil(lambda: rows_shown(panel) >= FIRST_ROWS_ABOVE_FORM)
    # the window can still be made as small as before (a 1366x768 laptop)
    assert opened.minimumSizeHint().height() <= 720


def test_the_table_never_shrinks_below_three_whole_rows(opened, qtbot):
    panel = show_talking_points(opened, qtbot)
    panel.splitter.setSizes([10, 1000])
    assert rows_shown(panel) >= MIN_ROWS_ABOVE_FORM


def test_the_split_between_table_and_form_is_remembered(make_window, trip_file, qtbot):
    first = make_window()
    first.open_file(str(trip_file))
    panel = show_talking_points(first, qtbot)
    total = sum(panel.splitter.sizes())
    panel.splitter.setSizes([total - 180, 180])
    wanted = panel.splitter.sizes()
    first._save_layout()
    second = make_window()
    second.open_file(str(trip_file))
    second.resize(first.size())  # the offscreen platform does not give back the saved geometry
    panel = show_talking_points(second, qtbot)
    qtbot.waitUntil(lambda: sum(panel.splitter.sizes()) == total)
    assert panel.splitter.sizes() == wanted


def test_a_split_never_shown_is_not_remembered(make_window, trip_file, settings, qtbot):
    window = make_window()
    window.open_file(str(trip_file))
    window.editor.select_stop(0)  # the Purpose tab: the talking points table is never laid out
    window._save_layout()
    assert settings.bytes("window/detailSplitter/talking_points") is None
    again = make_window()  # so the next start still makes the first split itself
    again.resize(1280, 820)
    again.open_file(str(trip_file))
    assert rows_shown(show_talking_points(again, qtbot)) >= 6


def test_the_address_takes_two_columns_and_clipped_values_show_in_the_tooltip(opened, qtbot):
    opened.editor.select_stop(0)
    header = opened.editor.stop_editor.header
    grid = header.layout()
    address = header.editors["address"].widget
    _row, _column, _rows, columns = grid.getItemPosition(grid.indexOf(address))
    assert columns == 3  # its own column, and the next field's label and box
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
