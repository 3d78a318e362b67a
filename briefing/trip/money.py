"""Amounts of money: exact totals per currency, written with each currency's own decimals.

Amounts are `Decimal`s as the trip file wrote them, so a total never shows float dust, and a total
is made per currency: a budget in won and Singapore dollars has two totals, never a sum of both.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from briefing.trip.model import DEFAULT_CURRENCY, BudgetItem

# ISO 4217 minor units that are not 2 (cents): won and yen have none, the dinars three.
_MINOR_UNITS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
                     "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    **dict.fromkeys(("CLF", "UYW"), 4),
}


def minor_units(currency: str) -> int:
    """How many decimals the currency writes (2 for a code not listed as otherwise)."""
    return _MINOR_UNITS.get((currency or DEFAULT_CURRENCY).upper(), 2)


def amount_text(amount: Decimal, currency: str = "") -> str:
    """'12,480,000' for KRW, '1,450.50' for SGD: grouped, with the currency's decimals, and never
    rounded (an amount written with more decimals than its currency has keeps them)."""
    exponent = amount.as_tuple().exponent
    written = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    decimals = max(minor_units(currency), written)
    return f"{amount:,.{decimals}f}"


def money_text(amount: Decimal, currency: str = "") -> str:
    """'KRW 12,480,000', 'SGD 1,450.50'."""
    code = (currency or DEFAULT_CURRENCY).upper()
    return f"{code} {amount_text(amount, code)}"


def totals(items: Iterable[BudgetItem]) -> list[tuple[str, Decimal]]:
    """The sum per currency, in the order the currencies first appear; items without an amount
    add nothing."""
    sums: dict[str, Decimal] = {}
    for item in items:
        if item.amount is None:
            continue
        code = item.currency_code.upper()
        sums[code] = sums.get(code, Decimal(0)) + item.amount
    return list(sums.items())
