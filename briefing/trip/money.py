"""Amounts of money: exact totals per currency, written with each currency's own decimals.

Amounts are `Decimal`s as the trip file wrote them, so a total never shows float dust, and a total
is made per currency: a budget in won and Singapore dollars has two totals, never a sum of both.
"""

from __future__ import annotations

import re
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

# ISO 4217's active codes (2025), funds and metals included: a code outside is a typo or a
# withdrawn currency, and its amounts would be totalled apart from the ones meant.
ISO_4217 = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP
BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB
EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR
MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB
RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG
XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL
""".split())


# An amount as staff type it: `14500000`, `14,500,000`, `14,500,000원`, `1,450.50`. Commas
# only between groups of three, so that a mistyped `1,45` is not read as 145.
_WRITTEN = re.compile(r"\+?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(원)?")
WON = "원"


def written(text: str) -> tuple[str, bool] | None:
    """The digits of an amount as staff type it ('14500000', '1450.50') and whether it ends in
    원; None when the text is no amount."""
    m = _WRITTEN.fullmatch(text.strip())
    if m is None:
        return None
    return m[1].replace(",", "") + (m[2] or ""), m[3] is not None


def code(currency: str) -> str:
    """The currency code as ISO 4217 writes it: ' eur' is EUR, so that it is totalled with EUR.
    Only a code's letters change; other text stays as written, for the warning to quote."""
    text = currency.strip()
    return text.upper() if text.isascii() else text


def known(currency: str) -> bool:
    return code(currency) in ISO_4217


def minor_units(currency: str) -> int:
    """How many decimals the currency writes (2 for a code not listed as otherwise)."""
    return _MINOR_UNITS.get(code(currency or DEFAULT_CURRENCY), 2)


def amount_text(amount: Decimal, currency: str = "") -> str:
    """'12,480,000' for KRW, '1,450.50' for SGD: grouped, with the currency's decimals, and never
    rounded (an amount written with more decimals than its currency has keeps them)."""
    exponent = amount.as_tuple().exponent
    written = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    decimals = max(minor_units(currency), written)
    return f"{amount:,.{decimals}f}"


def money_text(amount: Decimal, currency: str = "") -> str:
    """'KRW 12,480,000', 'SGD 1,450.50'."""
    shown = code(currency or DEFAULT_CURRENCY)
    return f"{shown} {amount_text(amount, shown)}"


def totals(items: Iterable[BudgetItem]) -> list[tuple[str, Decimal]]:
    """The sum per currency, in the order the currencies first appear; items without an amount
    add nothing."""
    sums: dict[str, Decimal] = {}
    for item in items:
        if item.amount is None:
            continue
        key = code(item.currency_code)
        sums[key] = sums.get(key, Decimal(0)) + item.amount
    return list(sums.items())
