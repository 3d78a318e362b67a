"""The writing surface for talking points and Q&A: every point whole and wrapped, edited in place,
reordered by keyboard and by drag, toggles beside it, every change undone and redone with the
keys staff know (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z)."""

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from briefing.trip.problems import WARNING, Problem
from briefing.ui.editors.points_editor import POINT_MIME
from briefing.ui.problem_marks import marks_of

from .conftest import load

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LONG = ("고양특례시는 일산테크노밸리와 경제자유구역을 중심으로 창업부터 성장까지 이어지는 기업 지원 "
        "체계를 만들고 있습니다. 공공기관이 어떤 역할을 해야 하는지 경험을 나눠 주시기 바랍니다. ") * 3


def surface(window, qtbot, attr="talking_points"):
    window.activateWindow()
    window.editor.select_stop(0)
    stop = window.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of[attr])
    panel = stop.tables[attr]
    qtbot.waitUntil(panel.isVisible)
    return panel


def box(panel, row, name="text"):
    return panel.cards[row].editors[name].widget


def points(window):
    return window.doc.trip.stops[0].talking_points


def type_korean(widget, text):
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_long_point_is_shown_whole_and_wrapped(opened, qtbot):
    points(opened)[0].text = LONG
    opened.doc.reset.emit()
    opened.editor.select_stop(0)
    panel = surface(opened, qtbot)
    text = box(panel, 0)
    qtbot.waitUntil(lambda: text.height() > 4 * text.fontMetrics().lineSpacing())
    lines = int(text.document().documentLayout().documentSize().height())
    assert lines >= 5  # wrapped at the box's width, like the printed page
    assert text.viewport().height() >= lines * text.fontMetrics().lineSpacing()  # nothing hidden
    assert not text.verticalScrollBar().isVisible()


def test_a_point_is_edited_in_place_and_saved(opened, qtbot, trip_file):
    panel = surface(opened, qtbot)
    text = box(panel, 1)
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " - ")
    type_korean(text, "한국어")
    assert points(opened)[1].text == "Second point - 한국어"
    qtbot.keyClick(text, Qt.Key.Key_S, CTRL)
    assert load(trip_file).stops[0].talking_points[1].text == "Second point - 한국어"


def test_alt_up_and_down_reorder_and_the_focus_follows_the_point(opened, qtbot):
    panel = surface(opened, qtbot)
    box(panel, 1).setFocus()
    qtbot.keyClick(box(panel, 1), Qt.Key.Key_Up, ALT)
    assert [p.text for p in points(opened)] == ["Second point", "First point"]
    qtbot.waitUntil(lambda: box(panel, 0).hasFocus())
    assert box(panel, 0).toPlainText() == "Second point"
    qtbot.keyClick(box(panel, 0), Qt.Key.Key_Down, ALT)
    assert [p.text for p in points(opened)] == ["First point", "Second point"]
    qtbot.keyClick(box(panel, 1), Qt.Key.Key_Z, CTRL)
    assert [p.text for p in points(opened)] == ["Second point", "First point"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert [p.text for p in points(opened)] == ["First point", "Second point"]


def test_a_point_is_moved_by_dropping_its_grip(opened, qtbot):
    panel = surface(opened, qtbot)
    holder = panel.cards_holder
    data = QMimeData()
    data.setData(POINT_MIME, b"0")
    below = panel.cards[1].geometry().bottom() - 2
    event = QDropEvent(QPointF(20, below), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    holder.dropEvent(event)
    assert [p.text for p in points(opened)] == ["Second point", "First point"]
    opened.doc.undo_stack.undo()
    assert [p.text for p in points(opened)] == ["First point", "Second point"]


def test_key_and_internal_toggles_beside_the_point_with_undo_and_both_redo_keys(opened, qtbot):
    panel = surface(opened, qtbot)
    key = box(panel, 1, "key")
    internal = box(panel, 1, "internal")
    assert not key.isChecked()
    key.setFocus()
    qtbot.keyClick(key, Qt.Key.Key_Space)
    assert points(opened)[1].key is True
    assert box(panel, 1).font().bold()  # a key message stands out as in the book
    internal.setFocus()
    qtbot.keyClick(internal, Qt.Key.Key_Space)
    assert points(opened)[1].internal is True
    text = box(panel, 1)
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)
    assert points(opened)[1].internal is False
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)
    assert points(opened)[1].key is False and not box(panel, 1).font().bold()
    qtbot.keyClick(text, Qt.Key.Key_Y, CTRL)
    assert points(opened)[1].key is True
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert points(opened)[1].internal is True


def test_the_speaker_is_picked_beside_the_point(opened, qtbot):
    from .test_delegates import pick_and_enter

    panel = surface(opened, qtbot)
    combo = box(panel, 1, "speaker")
    combo.setFocus()
    pick_and_enter(qtbot, combo, "이동")
    assert points(opened)[1].speaker == "mayor"


def test_add_and_delete_points_by_keyboard(opened, qtbot):
    panel = surface(opened, qtbot)
    box(panel, 0).setFocus()
    qtbot.keyClick(box(panel, 0), Qt.Key.Key_Return, CTRL)
    assert len(points(opened)) == 3
    qtbot.waitUntil(lambda: box(panel, 2).hasFocus())
    qtbot.keyClicks(box(panel, 2), "Third")
    assert points(opened)[2].text == "Third"
    qtbot.keyClick(box(panel, 2), Qt.Key.Key_Delete, ALT)
    assert [p.text for p in points(opened)] == ["First point", "Second point"]
    opened.doc.undo_stack.undo()
    assert points(opened)[2].text == "Third"


def test_questions_and_answers_are_cards_too(opened, qtbot):
    from briefing.trip import model

    opened.doc.trip.stops[0].questions.append(model.Question(question="Q1?", answer=LONG))
    opened.doc.reset.emit()
    panel = surface(opened, qtbot, "questions")
    answer = box(panel, 0, "answer")
    assert answer.toPlainText() == LONG
    qtbot.waitUntil(lambda: answer.height() > 3 * answer.fontMetrics().lineSpacing())  # whole
    box(panel, 0, "internal").setFocus()
    qtbot.keyClick(box(panel, 0, "internal"), Qt.Key.Key_Space)
    assert opened.doc.trip.stops[0].questions[0].internal is True


def test_a_problem_with_a_whole_point_marks_its_text(opened, qtbot):
    panel = surface(opened, qtbot)
    marks_of(opened.doc).set_problems([Problem(WARNING, "stops[0].talking_points[1]", "check this point")])
    assert "check this point" in box(panel, 1).toolTip()
    assert "check this point" not in box(panel, 0).toolTip()


def test_the_problems_jump_reaches_a_points_field(opened, qtbot):
    surface(opened, qtbot)
    opened.go_to("stops[0].talking_points[1].details")
    panel = opened.editor.stop_editor.tables["talking_points"]
    qtbot.waitUntil(lambda: box(panel, 1, "details").hasFocus())
