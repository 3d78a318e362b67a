"""The window's keys: tooltips that tell an action's shortcut, as the system writes it ("Save the
trip (Ctrl+S)"), the redo keys staff know from Word and Hancom, and the window's shortcuts
reaching it from inside any text field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from briefing.ui.editors.field_editors import finish_typing

# Word and Hancom Office redo with Ctrl+Y, most other programs with Ctrl+Shift+Z: both, everywhere.
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)
_WINDOW_CONTEXTS = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def with_shortcut(action: QAction, tip: str) -> None:
    """Set the tooltip to `tip`, followed by the action's first shortcut if it has one."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = f"{tip} ({keys})" if keys else tip
    if action.toolTip() != text:
        action.setToolTip(text)


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, then Ctrl+Y and Ctrl+Shift+Z where they are not among them."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for text in REDO_KEYS:
        if QKeySequence(text) not in keys:
            keys.append(QKeySequence(text))
    return keys


class WindowKeys(QObject):
    """Lets the window's shortcuts win over a text field's own use of the same keys.

    A QLineEdit takes Ctrl+E (end of line), Ctrl+Z and others for itself before any shortcut
    sees them; staff expect Ctrl+E to export and Ctrl+Y to redo wherever the cursor is. Before an
    action other than undo or redo runs, the field's typed text is stored (`finish_typing`), so
    Ctrl+S right after typing saves what was typed.
    """

    def __init__(self, window: QWidget, keep_typing: tuple[QAction, ...] = ()):
        super().__init__(window)
        self.window = window
        self.keep_typing = keep_typing  # undo and redo: they act on what is stored, not typed
        QApplication.instance().installEventFilter(self)

    def action_for(self, keys: QKeySequence) -> QAction | None:
        for action in self.window.findChildren(QAction):
            if (action.isEnabled() and action.shortcutContext() in _WINDOW_CONTEXTS
                    and any(k.matches(keys) == QKeySequence.SequenceMatch.ExactMatch
                            for k in action.shortcuts())):
                return action
        return None

    def eventFilter(self, obj, event) -> bool:
        if (event.type() != QEvent.Type.ShortcutOverride or not isinstance(obj, QWidget)
                or obj.window() is not self.window):
            return False
        function_key = Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35
        if not (event.modifiers() & _MODIFIERS or function_key):
            return False
        action = self.action_for(QKeySequence(event.keyCombination()))
        if action is None:
            return False
        if action not in self.keep_typing:
            finish_typing(obj)
        event.ignore()  # not the field's: the shortcut runs
        return True
