"""The window edits format 2's fields: a stop's Results tab (results text, follow-up table with
the delegation person picker) and the trip's budget and report, saved and undone like every edit."""

import copy
import datetime as dt
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt  # noqa: E402

from briefing.fileformat import reader as fileformat  # noqa: E402


def undo_all(window):
    while window.doc.undo_stack.canUndo():
        window.doc.undo_stack.undo()


def test_results_tab_edits_save_as_format2_and_undo(opened, qtbot, trip_file):
    before = copy.deepcopy(opened.doc.trip)
    opened.editor.select_stop(0)
    editor = opened.editor.stop_editor
    tab = editor.results_tab
    editor.tabs.setCurrentIndex(editor.tab_of["results"])
    assert editor.tabs.currentWidget() is tab
    assert editor.tabs.tabText(editor.tabs.currentIndex()).replace("&", "").startswith("Results")
    box = tab.results.editors["results"].widget
    box.setFocus()
    qtbot.keyClicks(box, "GSMA met")
    stop = opened.doc.trip.stops[0]
    assert stop.results == "GSMA met"

    panel = tab.follow_up
    panel.add_row()
    model = panel.model
    assert model.setData(model.index(0, model.column_of("action")), "Send the brochure")
    assert model.setData(model.index(0, model.column_of("due")), "2023-03-20")
    assert not model.setData(model.index(0, model.column_of("due")), "next week")  # refused
    assert model.setData(model.index(0, model.column_of("done")), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    # the owner cell picks a delegation member, and shows the name
    owner = model.index(0, model.column_of("owner"))
    panel.view.setCurrentIndex(owner)
    panel.view.edit(owner)
    combo = panel.view.indexWidget(owner) or panel.view.focusWidget()
    combo.setCurrentIndex(combo.findData("mayor"))
    panel.view.commitData(combo)
    panel.view.closeEditor(combo, panel.view.itemDelegate().EndEditHint.NoHint)
    (action,) = stop.follow_up
    assert (action.action, action.owner, action.due, action.done) == (
        "Send the brochure", "mayor", dt.date(2023, 3, 20), True)
    assert owner.data() == "이동환"

    assert opened.save()
    text = trip_file.read_text(encoding="utf-8")
    assert text.startswith("briefing: 2\n")
    again = fileformat.load(trip_file)
    assert again.stops[0].results == "GSMA met" and again.stops[0].follow_up == [action]

    undo_all(opened)
    assert opened.doc.trip == before
    assert box.toPlainText() == "" and panel.model.rowCount() == 0


def test_trip_budget_and_report_edit_and_undo(opened, qtbot, trip_file):
    before = copy.deepcopy(opened.doc.trip)
    editor = opened.editor
    editor.select_section("trip")
    paperwork = editor.paperwork
    assert paperwork.tabs.count() == 3
    budget = paperwork.budget
    budget.add_row()
    model = budget.model
    assert model.setData(model.index(0, model.column_of("item")), "Airfare")
    assert model.setData(model.index(0, model.column_of("amount")), "14,500,000")
    assert not model.setData(model.index(0, model.column_of("amount")), "a lot")
    budget.add_row()
    assert model.setData(model.index(1, model.column_of("item")), "Tickets")
    assert model.setData(model.index(1, model.column_of("amount")), "3995.00")
    assert model.setData(model.index(1, model.column_of("currency")), "EUR")
    lines = opened.doc.trip.info.budget
    assert [line.amount for line in lines] == [Decimal("14500000"), Decimal("3995.00")]
    assert model.index(0, model.column_of("amount")).data() == "14,500,000"

    author = paperwork.report.editors["author"].widget
    author.setFocus()
    qtbot.keyClicks(author, "Strategy")
    date = paperwork.report.editors["date"].widget
    date.setFocus()
    qtbot.keyClicks(date, "2023-03-20")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    report = opened.doc.trip.info.report
    assert report.author == "Strategy" and report.date == dt.date(2023, 3, 20)

    assert opened.save()
    saved = fileformat.load(trip_file)
    assert saved.info.budget == lines and saved.info.report == report
    assert "amount: 3995.00\n" in trip_file.read_text(encoding="utf-8")

    undo_all(opened)
    assert opened.doc.trip == before
    assert model.rowCount() == 0 and author.text() == ""


def test_a_problem_in_a_follow_up_or_the_budget_is_shown_where_it_is_edited(opened):
    trip = opened.doc.trip
    opened.editor.select_stop(0)
    opened.editor.stop_editor.results_tab.follow_up.add_row()
    opened.editor.go_to("stops[0].follow_up[0].action")
    editor = opened.editor.stop_editor
    assert editor.tabs.currentIndex() == editor.tab_of["follow_up"]
    opened.editor.paperwork.budget.add_row()
    opened.editor.go_to("trip.budget[0].amount")
    assert opened.editor.paperwork.tabs.currentIndex() == 1
    assert trip.info.budget and trip.stops[0].follow_up


def test_the_second_round_fields_edit_save_and_undo(opened, qtbot, trip_file):
    """What each side said (the Results tab), the plan's expected effects, approval line and
    rates, the report's expenses and attachments: edited in the window, saved, undone."""
    before = copy.deepcopy(opened.doc.trip)
    opened.editor.select_stop(0)
    said = opened.editor.stop_editor.results_tab.discussion
    said.add_row()
    rows = said.model
    assert rows.setData(rows.index(0, rows.column_of("side")), "theirs")
    assert rows.setData(rows.index(0, rows.column_of("text")), "Will study the exchange")
    assert rows.index(0, rows.column_of("side")).data() == "Their side"

    editor = opened.editor
    editor.select_section("trip")
    paperwork = editor.paperwork
    effects = paperwork.necessity.editors["expected_effects"].widget
    effects.setFocus()
    qtbot.keyClicks(effects, "Two partners")
    line = paperwork.necessity.editors["approval_line"].widget
    line.setFocus()
    qtbot.keyClicks(line, "Staff")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "Chief")
    paperwork.rates.add_row()
    rates = paperwork.rates.model
    assert rates.setData(rates.index(0, rates.column_of("currency")), "EUR")
    assert rates.setData(rates.index(0, rates.column_of("rate")), "1,420.50")
    paperwork.expenses.add_row()
    spent = paperwork.expenses.model
    assert spent.setData(spent.index(0, spent.column_of("item")), "Airfare")
    assert spent.setData(spent.index(0, spent.column_of("amount")), "14120000")
    paperwork.attachments.add_row()
    files = paperwork.attachments.model
    assert files.setData(files.index(0, files.column_of("title")), "Brochure")

    assert opened.save()
    saved = fileformat.load(trip_file)
    info = saved.info
    assert saved.stops[0].discussion[0].side == "theirs"
    assert info.expected_effects == "Two partners" and info.approval_line == ["Staff", "Chief"]
    assert (info.exchange_rates[0].currency, info.exchange_rates[0].rate) == ("EUR", Decimal("1420.50"))
    assert info.report.expenses[0].amount == Decimal("14120000")
    assert info.report.attachments[0].title == "Brochure"

    editor.go_to("trip.report.attachments[0].title")
    assert paperwork.tabs.currentIndex() == 2
    editor.go_to("trip.exchange_rates[0].rate")
    assert paperwork.tabs.currentIndex() == 1
    undo_all(opened)
    assert opened.doc.trip == before
