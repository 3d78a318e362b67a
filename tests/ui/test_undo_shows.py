"""Undo and redo show the stop and the field they change, even when another stop is on screen."""

from briefing.ui.commands import SetFieldCommand


def test_undo_of_an_edit_in_another_stop_shows_that_stop_and_field(opened, qtbot):
    opened.activateWindow()
    editor = opened.editor
    doc = opened.doc
    girona = doc.trip.stops[1]
    doc.undo_stack.push(SetFieldCommand(doc, girona, "city", "Girona (Catalonia)", "City"))
    agenda_item = doc.trip.stops[0].agenda[1]
    editor.select_stop(0)
    stop = editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["purpose"])
    doc.undo_stack.push(SetFieldCommand(doc, agenda_item, "item", "Long tour", "Item"))
    editor.select_stop(1)  # the other stop on screen
    opened.act_undo.trigger()
    assert agenda_item.item == "Tour"
    assert editor.current_stop_row() == 0
    assert stop.tabs.currentIndex() == stop.tab_of["agenda"]
    panel = stop.tables["agenda"]
    assert panel.view.currentIndex().row() == 1
    opened.act_undo.trigger()
    assert girona.city == "Girona"
    assert editor.current_stop_row() == 1
    qtbot.waitUntil(stop.header.editors["city"].widget.hasFocus, timeout=2000)
    opened.act_redo.trigger()
    assert girona.city == "Girona (Catalonia)"
    assert editor.current_stop_row() == 1
