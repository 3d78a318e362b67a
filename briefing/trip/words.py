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
import string
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
        return fill(out, **values) if values else out


# -- Korean particles by rule ------------------------------------------------------------------
#
# A Korean message cannot fix its particle when the word before it is a value: 은 or 는 depends
# on whether the value's last sound is a consonant. The catalog writes the particle in the
# placeholder instead, `{name:은}`, and `fill` picks 은/는 by the value; `{name:‘은}` also quotes
# the value (‘MWC’는). Either member of a pair may be written ({name:는} is the same as {name:은}).
_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
          "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"),
          "으로": ("으로", "로"), "로": ("으로", "로"), "이라": ("이라", "라"), "라": ("이라", "라"),
          "이나": ("이나", "나"), "나": ("이나", "나"), "": ("", "")}
_RIEUL = 8  # the final ㄹ, after which (으)로 is 로
# The final consonant of each digit as Korean reads it (영 일 이 삼 사 오 육 칠 팔 구), and of
# the place words a round number ends in (십 백 천 만).
_DIGIT_FINAL = {"0": 21, "1": _RIEUL, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": _RIEUL,
                "8": _RIEUL, "9": 0}
_ROUND_FINAL = {1: 17, 2: 1, 3: 4}  # 십 (ㅂ), 백 (ㄱ), 천 (ㄴ); more zeros: 만 (ㄴ)
# Latin letters as Korean reads them when spelled (an acronym: MWC, KTX): L 엘, M 엠, N 엔, R 알
_LETTER_FINAL = {"l": _RIEUL, "m": 16, "n": 4, "r": _RIEUL}


def final_consonant(word: str) -> int:
    """The final consonant (jongseong index, 0 for none) of how `word` is read aloud in Korean:
    a Hangul syllable by its code, digits by their Korean reading, Latin letters as spelled.
    Closing quotes, punctuation and a bracketed aside at the end are looked past."""
    text = str(word).strip()
    # A closing bracket ends an aside the particle does not read: 2023. 3. 7.(화)은 is read
    # after 7 (칠), not after the weekday.
    while text.endswith(")") and "(" in text:
        text = text[:text.rindex("(")].rstrip()
    text = text.rstrip(" ’'\"”]}>.,!?…")
    if not text:
        return 0
    last = text[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    if last.isdigit():
        plain = text.replace(",", "")
        number = plain[len(plain.rstrip("0123456789")):]  # the last run of digits
        zeros = len(number) - len(number.rstrip("0"))
        if zeros and zeros < len(number):  # a round number: 10 십, 100 백, 1000 천, 10000 만
            return _ROUND_FINAL.get(zeros, 4)
        return _DIGIT_FINAL[last]
    if last.isascii() and last.isalpha():
        if last.isupper() or len(text) == 1:
            return _LETTER_FINAL.get(last.lower(), 0)
        return {"m": 16, "n": 4, "l": _RIEUL}.get(last, 0)
    return 0


def particle(word: str, which: str) -> str:
    """The particle of the pair `which` names (은/는, 이/가, 을/를, 과/와, (으)로, (이)라, (이)나)
    that follows `word`."""
    with_final, without = _PAIRS[which]
    final = final_consonant(word)
    if with_final == "으로":
        return without if final in (0, _RIEUL) else with_final
    return with_final if final else without


class _Filler(string.Formatter):
    def format_field(self, value, format_spec):
        spec = format_spec
        quoted = spec.startswith("‘")
        if quoted:
            spec = spec[1:]
        if spec in _PAIRS:
            text = format(value, "")
            return (f"‘{text}’" if quoted else text) + particle(text, spec)
        return super().format_field(value, format_spec)


_FILLER = _Filler()


def fill(text: str, /, **values) -> str:
    """`text.format(**values)`, where a placeholder may carry a Korean particle: `{name:을}`."""
    return _FILLER.format(text, **values)
