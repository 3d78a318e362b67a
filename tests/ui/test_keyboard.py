"""Keyboard use: every shortcut is told in its tooltip; Ctrl+1 / Ctrl+2 / F6 move between panes."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


def test_every_action_with_a_shortcut_says_it_in_its_tooltip(opened):
    opened.editor.select_stop(0)
    actions = opened.findChildren(QAction)
    assert len(actions) > 20
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            assert keys in action.toolTip(), (action.text(), action.toolTip())


def test_the_undo_tooltip_follows_what_it_undoes(opened, qtbot):
    opened.editor.select_stop(0)
    edit = opened.editor.stop_editor.header.editors["city"].widget
    qtbot.keyClicks(edit, "X")
    assert "City" in opened.act_undo.toolTip()
    assert QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText) \
        in opened.act_undo.toolTip()


def test_preferences_has_the_platform_shortcut(window):
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert window.act_preferences.shortcut() == (standard[0] if standard else QKeySequence("Ctrl+,"))


def test_ctrl_1_ctrl_2_and_f6_move_the_focus(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_stop(0)
    title = opened.editor.stop_editor.header.editors["title"].widget
    qtbot.keyClick(opened, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(opened.editor.outline.hasFocus)
    qtbot.keyClick(opened.editor.outline, Qt.Key.Key_F6)
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_F6)
    qtbot.waitUntil(opened.problems.tree.hasFocus)
    qtbot.keyClick(opened.problems.tree, Qt.Key.Key_F6)
    qtbot.waitUntil(opened.editor.outline.hasFocus)


def test_ctrl_2_on_a_table_section_focuses_the_table(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_section("contacts")
    opened.act_focus_editor.trigger()
    qtbot.waitUntil(opened.editor.tables["contacts"].view.hasFocus)
