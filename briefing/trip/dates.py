"""Dates in words, the way each language writes them in official papers: the book, the trip plan
and the report all print a date through here."""

from __future__ import annotations

import datetime as dt

_WEEKDAYS = {"ko": "월화수목금토일", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def weekday(day: dt.date, lang: str) -> str:
    return _WEEKDAYS["en" if lang == "en" else "ko"][day.weekday()]


def date(day: dt.date | None, lang: str) -> str:
    """'2023. 2. 26.(일)' / 'Sun 26 Feb 2023'."""
    if day is None:
        return ""
    if lang == "en":
        return f"{weekday(day, lang)} {day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}. {day.month}. {day.day}.({weekday(day, lang)})"


def short_date(day: dt.date | None, lang: str) -> str:
    """'2. 26.(일)' / 'Sun 26 Feb'."""
    if day is None:
        return ""
    if lang == "en":
        return f"{weekday(day, lang)} {day.day} {_MONTHS[day.month - 1]}"
    return f"{day.month}. {day.day}.({weekday(day, lang)})"


def date_range(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    if start is None or end is None or start == end:
        return date(start or end, lang)
    if lang == "en":
        if start.year == end.year:
            return f"{short_date(start, lang)} – {date(end, lang)}"
        return f"{date(start, lang)} – {date(end, lang)}"
    # Korean office documents write a range with ~ and no spaces: 2023. 2. 26.(일)~3. 5.(일)
    if start.year == end.year:
        return f"{date(start, lang)}~{end.month}. {end.day}.({weekday(end, lang)})"
    return f"{date(start, lang)}~{date(end, lang)}"
