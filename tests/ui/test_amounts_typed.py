"""The budget table reads an amount as staff type it (14,500,000원) and refuses 원 on a line in
another currency, with the same words as the file's check."""

from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")


def test_the_budget_table_reads_won_and_refuses_it_on_a_line_in_euros(opened, qtbot):
    opened.editor.select_section("trip")
    budget = opened.editor.paperwork.budget
    model = budget.model
    said = []
    model.rejected.connect(said.append)
    budget.add_row()
    assert model.setData(model.index(0, model.column_of("item")), "항공료")
    assert model.setData(model.index(0, model.column_of("amount")), "14,500,000원")
    budget.add_row()
    assert model.setData(model.index(1, model.column_of("item")), "숙박")
    assert model.setData(model.index(1, model.column_of("currency")), "EUR")
    assert not model.setData(model.index(1, model.column_of("amount")), "1,450원")
    assert "this line's currency is EUR" in said[-1]
    assert model.setData(model.index(1, model.column_of("amount")), "1,450.50")
    lines = opened.doc.trip.info.budget
    assert [line.amount for line in lines] == [Decimal("14500000"), Decimal("1450.50")]
