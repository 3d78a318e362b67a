"""A budget line's 산출 근거 ('5명 × 6박 × 240,000원') read as the product it states, so that the
checks can hold it against the line's amount, and the words Korean papers write currencies with.

Only a basis written as counts times one price is read; anything else (prose, ranges, sums) is
not a formula and is left alone rather than guessed at.
"""

from __future__ import annotations

import re
from decimal import Decimal

# Korean official documents write a foreign amount with the currency's name: 799유로.
CURRENCY_WORDS = {
    "KRW": "원", "EUR": "유로", "USD": "달러", "JPY": "엔", "CNY": "위안", "GBP": "파운드",
    "SGD": "싱가포르달러", "HKD": "홍콩달러", "CHF": "스위스프랑", "AUD": "호주달러",
    "CAD": "캐나다달러", "VND": "동", "THB": "바트", "TWD": "대만달러",
}
_CODES = {word: code for code, word in CURRENCY_WORDS.items()}

_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
# What a count says it counts: people, nights, days, times, pieces, persons, sheets.
_FACTOR = re.compile(_NUMBER + r"\s*(?:명|박|일|회|개|인|매)")
_PRICE = re.compile(_NUMBER + r"\s*(" + "|".join(
    sorted(map(re.escape, _CODES), key=len, reverse=True)) + r"|[A-Z]{3})")
_TIMES = re.compile(r"\s*[×xX*✕]\s*")
_ASIDE = re.compile(r"\([^()]*\)")  # '(예시)', '(인천–바르셀로나 일반석)': said, not counted


def product(basis: str) -> tuple[Decimal, str] | None:
    """What the basis multiplies out to and the currency code of its price: '5명 × 6박 ×
    240,000원' is (7200000, 'KRW'); None when it is not counts times a price."""
    text = basis or ""
    while _ASIDE.search(text):
        text = _ASIDE.sub(" ", text)
    parts = _TIMES.split(text.strip())
    if len(parts) < 2:
        return None
    total = Decimal(1)
    for part in parts[:-1]:
        found = _FACTOR.fullmatch(part)
        if not found:
            return None
        total *= _number(found)
    price = _PRICE.fullmatch(parts[-1])
    if not price:
        return None
    return total * _number(price), _CODES.get(price.group(3), price.group(3))


def _number(found: re.Match) -> Decimal:
    whole, fraction = found.group(1).replace(",", ""), found.group(2)
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def disagrees(basis: str, amount: Decimal | None, currency: str) -> Decimal | None:
    """What the basis multiplies out to, when it is a formula in the amount's own currency and
    comes to another number than the amount; else None."""
    stated = product(basis)
    if stated is None or amount is None or stated[1] != currency or stated[0] == amount:
        return None
    return stated[0]
