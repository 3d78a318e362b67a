"""The same keys move and delete agenda rows and talking-point cards: Alt+Up / Alt+Down and
Alt+Delete, with each one's old keys kept as well."""

from PySide6.QtCore import Qt

ALT, CTRL, SHIFT = (Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier,
                    Qt.KeyboardModifier.ShiftModifier)


def show(window, qtbot, attr):
    window.activateWindow()
    window.editor.select_stop(0)
    stop = window.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of[attr])
    panel = stop.tables[attr]
    qtbot.waitUntil(panel.isVisible)
    return panel


def test_alt_keys_move_and_delete_agenda_rows(opened, qtbot):
    panel = show(opened, qtbot, "agenda")
    agenda = opened.doc.trip.stops[0].agenda
    panel.select(0, 2)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)
    assert [a.item for a in agenda] == ["Tour", "Welcome"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, ALT)
    assert [a.item for a in agenda] == ["Welcome", "Tour"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete, ALT)
    assert [a.item for a in agenda] == ["Tour"]


def test_ctrl_shift_keys_move_cards_too(opened, qtbot):
    panel = show(opened, qtbot, "talking_points")
    points = opened.doc.trip.stops[0].talking_points
    panel.focus_cell(0, "text")
    box = panel.cards[0].editors["text"].widget
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Down, CTRL | SHIFT)
    assert [p.text for p in points] == ["Second point", "First point"]
