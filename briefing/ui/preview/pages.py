"""The pages of the main window's central stack, in the order they are added."""

START, EDITOR, PREVIEW = range(3)
