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


def mnemonics(form):
    """{letter: widget} for the labels (and check boxes) of a form."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    out = {}
    for widget in form.findChildren(QLabel) + form.findChildren(QAbstractButton):
        text = widget.text().replace("&&", "")
        if "&" in text:
            letter = text[text.index("&") + 1].upper()
            assert letter not in out, (letter, text)
            out[letter] = widget.buddy() if isinstance(widget, QLabel) else widget
    return out


def test_stop_header_labels_have_their_own_alt_keys(opened, qtbot):
    from briefing.ui.i18n import MENU_LETTERS, STOP_TAB_LETTERS

    opened.activateWindow()
    opened.editor.select_stop(0)
    header = opened.editor.stop_editor.header
    keys = mnemonics(header)
    assert len(keys) >= 9  # 13 letters are free of menus and tabs; not every label holds one
    assert not set(keys) & (MENU_LETTERS | STOP_TAB_LETTERS)
    talking = mnemonics(opened.editor.stop_editor.tables["talking_points"])
    assert not set(talking) & set(keys)
    city = header.editors["city"].widget
    letter = next(k for k, w in keys.items() if w is city)
    qtbot.keyClick(opened, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(city.hasFocus)


def test_korean_labels_put_the_alt_key_in_brackets(make_window, trip_file):
    from briefing.ui import i18n

    i18n.set_language("ko")
    try:
        win = make_window()
        win.open_file(str(trip_file))
        win.editor.select_stop(0)
        texts = [label.text() for label in win.editor.stop_editor.header.findChildren(
            __import__("PySide6.QtWidgets", fromlist=["QLabel"]).QLabel)]
        assert any(t.startswith("제목(&") for t in texts), texts
    finally:
        i18n.set_language("en")


def test_the_stop_header_tab_order_reads_row_by_row(opened):
    from briefing.ui.editors.stop_editor import HEADER_ROWS

    opened.editor.select_stop(0)
    header = opened.editor.stop_editor.header
    widgets = [header.editors[name].widget for row in HEADER_ROWS for name in row]
    widget = widgets[0]
    seen = []
    for _ in range(200):
        if widget in widgets and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is widgets[0]:
            break
    assert seen == widgets


def test_ctrl_tab_and_ctrl_page_keys_switch_the_stop_tabs_from_anywhere_in_the_stop(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_stop(0)
    stop = opened.editor.stop_editor
    tabs = stop.tabs
    tabs.setCurrentIndex(0)
    title = stop.header.editors["title"].widget
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(title, Qt.Key.Key_Tab, ctrl)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(title, Qt.Key.Key_PageDown, ctrl)
    assert tabs.currentIndex() == 2
    qtbot.keyClick(title, Qt.Key.Key_PageUp, ctrl)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(title, Qt.Key.Key_Backtab, ctrl | shift)  # what Shift+Tab sends
    assert tabs.currentIndex() == 0
    qtbot.keyClick(title, Qt.Key.Key_Backtab, ctrl | shift)  # round the start, as the tab bar does
    assert tabs.currentIndex() == tabs.count() - 1
    assert title.hasFocus()  # the keys switch the tabs; the focus stays where it was


def test_ctrl_tab_inside_a_tab_page_moves_one_tab_at_a_time(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_stop(0)
    stop = opened.editor.stop_editor
    stop.focus_path(("talking_points", 0, "text"))
    view = stop.tables["talking_points"].cards[0].editors["text"].widget
    qtbot.waitUntil(view.hasFocus)
    start = stop.tabs.currentIndex()
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert stop.tabs.currentIndex() == start + 1
    focus = opened.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert stop.tabs.currentIndex() == start


def test_ctrl_tab_does_nothing_outside_the_stop_editor(opened, qtbot):
    opened.activateWindow()
    opened.editor.select_stop(0)
    tabs = opened.editor.stop_editor.tabs
    tabs.setCurrentIndex(0)
    opened.editor.outline.setFocus()
    qtbot.waitUntil(opened.editor.outline.hasFocus)
    qtbot.keyClick(opened.editor.outline, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0
