"""Choice fields (kind, press, travel mode, language) show words; the trip keeps the code."""

from PySide6.QtCore import Qt

from briefing.fileformat import reader as fileformat
from briefing.ui import i18n

from .conftest import small_trip


def test_kind_combo_shows_words_and_writes_the_code(opened, qtbot):
    opened.editor.select_stop(0)
    combo = opened.editor.stop_editor.header.editors["kind"].widget
    assert combo.currentText() == "Exhibition"
    meeting = combo.findData("meeting")
    assert combo.itemText(meeting) == "Meeting"
    combo.setCurrentIndex(meeting)
    combo.activated.emit(meeting)
    assert opened.doc.trip.stops[0].kind == "meeting"
    opened.act_undo.trigger()
    assert opened.doc.trip.stops[0].kind == "exhibition"
    assert combo.currentText() == "Exhibition"


def test_stops_table_shows_the_kind_as_a_word(opened):
    opened.editor.select_section("stops")
    table = opened.editor.tables["stops"].model
    column = table.column_of("kind")
    assert table.index(0, column).data() == "Exhibition"
    assert table.index(0, column).data(Qt.ItemDataRole.EditRole) == "exhibition"


def test_an_unknown_code_from_the_file_stays_visible_and_is_kept(window, tmp_path, qtbot):
    path = tmp_path / "odd.yaml"
    trip = small_trip()
    trip.stops[0].kind = "summit"
    trip.stops[0].press = "pool"
    fileformat.save(trip, path)
    assert window.open_file(str(path))
    window.editor.select_stop(0)
    header = window.editor.stop_editor.header
    assert header.editors["kind"].widget.currentText() == "summit"
    assert header.editors["press"].widget.currentText() == "pool"
    # another stop, then back: the odd code is shown again, and not piled up in the list
    window.editor.select_stop(1)
    assert header.editors["kind"].widget.currentText() == "Meeting"
    assert header.editors["kind"].widget.findText("summit") < 0
    window.editor.select_stop(0)
    assert header.editors["kind"].widget.currentText() == "summit"
    # the table's cell editor keeps it too when the user just opens and closes it
    window.editor.select_section("stops")
    panel = window.editor.tables["stops"]
    index = panel.model.index(0, panel.model.column_of("kind"))
    assert index.data() == "summit"
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.indexWidget(index) or panel.view.focusWidget()
    assert editor.currentText() == "summit"
    panel.view.itemDelegate().setModelData(editor, panel.model, index)
    assert window.doc.trip.stops[0].kind == "summit"
    assert not window.doc.is_modified()


def test_korean_window_shows_korean_words(make_window, trip_file):
    i18n.set_language("ko")
    try:
        win = make_window()
        assert win.open_file(str(trip_file))
        win.editor.select_stop(0)
        assert win.editor.stop_editor.header.editors["kind"].widget.currentText() == "전시회"
        language = win.editor.overview.editors["language"].widget
        assert [language.itemText(i) for i in range(language.count())] == ["", "한국어", "영어"]
        stops = win.editor.tables["stops"].model
        assert stops.index(1, stops.column_of("kind")).data() == "면담"
    finally:
        i18n.set_language("en")
