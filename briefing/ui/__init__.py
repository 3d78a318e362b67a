"""The editor window: the only package that imports PySide6 and qtawesome."""
