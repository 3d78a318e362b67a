"""Dialogs: export options, merge, preferences, and the start page."""
