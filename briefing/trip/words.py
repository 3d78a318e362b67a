"""Every word Briefing shows people, in Korean and English, from gettext catalogs.

English is the source language: the English text is the message id, and
`resources/locale/ko/LC_MESSAGES/briefing.po` holds the Korean. The `.po` file is what translators
edit with standard tools; the build compiles it to `.mo` (setup.py), which is what is read here.
A context (`pgettext`) keeps apart one English word that Korean writes two ways.

The words of the trip file's fields are not here: each field declares its own words in
`briefing.schema`, next to its key and kind.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping

from briefing import package_data

DOMAIN = "briefing"
LANGUAGES = ("ko", "en")


def N_(text: str) -> str:
    """Marks `text` for the catalog without translating it yet (it is translated where shown)."""
    return text


@functools.cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The catalog for `lang`; English (and any language without a catalog) is the text itself."""
    if lang == "en":
        return gettext.NullTranslations()
    try:
        folder = package_data.root() / "locale" / lang / "LC_MESSAGES"
    except ModuleNotFoundError:
        return gettext.NullTranslations()
    try:
        with (folder / f"{DOMAIN}.mo").open("rb") as f:
            return gettext.GNUTranslations(f)
    except OSError:
        return _from_source(folder / f"{DOMAIN}.po")


def _from_source(po) -> gettext.NullTranslations:
    """Run from a source checkout, where the build has not made the .mo: read the .po itself
    (with Babel, which a developer has from the test extras); without it, English."""
    try:
        import io

        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as f:
            compiled = io.BytesIO()
            write_mo(compiled, read_po(f))
        compiled.seek(0)
        return gettext.GNUTranslations(compiled)
    except (ImportError, OSError):
        return gettext.NullTranslations()


def translate(lang: str, text: str, context: str = "") -> str:
    if not text:
        return text
    table = catalog(lang)
    return table.pgettext(context, text) if context else table.gettext(text)


def language(code: str) -> str:
    """'ko' for any Korean locale or language code ('ko', 'ko_KR.UTF-8'), else 'en'."""
    return "ko" if (code or "").lower().startswith("ko") else "en"


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The language of a terminal's messages: LC_ALL, else LC_MESSAGES, else LANG.

    Read from the variables themselves: the locale they name need not be installed.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return language(value)
    return "en"


class Words:
    """The words of one language: `words("Save")`, `words("Save", "menu")`, `{name}` filled in."""

    def __init__(self, lang: str):
        self.lang = "ko" if lang == "ko" else "en"

    def __call__(self, text: str, context: str = "", **values) -> str:
        out = translate(self.lang, text, context)
        return out.format(**values) if values else out
