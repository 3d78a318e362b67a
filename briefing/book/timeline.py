"""The trip's days, for the book: the rule is briefing.timeline's, shared with the paperwork
(trip plan and report), which may not import the book."""

from ..timeline import *  # noqa: F403
