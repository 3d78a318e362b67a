"""The window's own words in its language: `tr("Save")` looks the English text up.

The words are in the gettext catalog (briefing.words); a field's words come from its declaration
in briefing.schema (`field_label`). A missing entry falls back to English.
"""

from __future__ import annotations

import re

from briefing.trip import schema, words

_language = "en"

# Korean for window words added since the catalog was last updated; the catalog test lists
# them, and they move into resources/locale/ko/LC_MESSAGES/briefing.po.
KO: dict[str, str] = {
}

TABLES = {"ko": KO}


def set_language(language: str) -> None:
    """Use "ko" or "en" from now on (windows built afterwards pick it up)."""
    global _language
    _language = language if language in TABLES or language == "en" else "en"


def language() -> str:
    return _language


def plain(text: str) -> str:
    """A menu text without its mnemonic, for tool buttons: '저장(&S)' -> '저장', '&Save' -> 'Save'."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "")


def tr(text: str, **values) -> str:
    """`text` in the current language, with `{name}` placeholders filled from `values`."""
    out = words.translate(_language, text)
    if out == text:
        out = TABLES.get(_language, {}).get(text, text)
    return words.fill(out, **values) if values else out


def field_label(f: schema.Field) -> str:
    """A field's short words in the window's language, as declared in briefing.schema."""
    return f.label(_language)


def field_description(f: schema.Field) -> str:
    return f.description(_language)


def choose_language(preference: str, system_name: str) -> str:
    """The preference ("ko"/"en") if set, else the system locale's language (e.g. "ko_KR")."""
    if preference in ("ko", "en"):
        return preference
    return words.language(system_name)


# Alt+letter keys the menu bar and the stop tabs use; form labels pick other letters.
MENU_LETTERS = frozenset("FEVH")
STOP_TAB_LETTERS = frozenset("PGTQCBRLN")


def pick_mnemonic(english: str, taken: set[str]) -> str:
    """A letter of `english` not in `taken` (word starts first), else a digit (a stop's header
    and tabs have more fields than the alphabet has letters), or "" when every one is taken."""
    words = re.findall(r"[A-Za-z]+", english)
    candidates = [w[0] for w in words] + [c for w in words for c in w[1:]] + list("123456789")
    for c in candidates:
        if c.upper() not in taken:
            return c.upper()
    return ""


def with_mnemonic(english: str, letter: str, text: str | None = None) -> str:
    """The translated `english` (or `text`, its words already in the window's language) with
    `letter` as its Alt key: 'T&itle', or '제목(&I)' in Korean."""
    if text is None:
        text = tr(english)
    else:  # declared words are literal: an '&' in them is not an Alt key
        text, english = text.replace("&", "&&"), english.replace("&", "&&")
    if not letter:
        return text
    if text == english:
        i = next((i for i, c in enumerate(english) if c.upper() == letter and english[i - 1:i] != "&"), -1)
        if i >= 0:
            return english[:i] + "&" + english[i:]
    return f"{text}(&{letter})"
