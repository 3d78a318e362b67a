"""A currency is its ISO 4217 code however it was typed: ` EUR` and `eur` are totalled with EUR,
and a code ISO 4217 does not have is warned about at its place."""

from decimal import Decimal

from briefing.fileformat import reader as fileformat
from briefing.rules.validate import validate
from briefing.trip import money

HEAD = "briefing: 2\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n  budget:\n"


def budget(*codes: str) -> str:
    return HEAD + "".join(f"    - item: 항목 {i}\n      amount: 10\n      currency: '{code}'\n"
                          for i, code in enumerate(codes))


def test_codes_are_read_as_iso_writes_them_and_totalled_together(tmp_path):
    trip = fileformat.loads(budget("EUR", " EUR", "eur ", "krw"))
    assert [line.currency for line in trip.info.budget] == ["EUR", "EUR", "EUR", "KRW"]
    assert money.totals(trip.info.budget) == [("EUR", Decimal(30)), ("KRW", Decimal(10))]
    assert not [p for p in validate(trip) if "currency code" in str(p)]
    fileformat.save(trip, tmp_path / "t.yaml")
    assert "currency: ' EUR'" not in (tmp_path / "t.yaml").read_text(encoding="utf-8")


def test_an_unknown_code_is_warned_at_its_line():
    trip = fileformat.loads(budget("EUR", "EUX"))
    found = [p for p in validate(trip) if "ISO 4217" in str(p)]
    assert len(found) == 1 and not found[0].is_error
    assert found[0].path == "trip.budget[1].currency" and "ISO 4217" in str(found[0])
    assert found[0].line == 12


def test_an_amount_built_through_the_api_is_totalled_by_its_code():
    from briefing.trip.model import BudgetItem

    lines = [BudgetItem(amount=Decimal(1), currency=" usd"), BudgetItem(amount=Decimal(2), currency="USD")]
    assert money.totals(lines) == [("USD", Decimal(3))]
    assert money.money_text(Decimal(5), " jpy") == "JPY 5"
