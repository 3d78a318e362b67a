"""The `briefing` command: the window, export, validate, calendar, plan, report, merge."""

from briefing.cli.commands import main

__all__ = ["main"]
