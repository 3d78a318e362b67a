"""Trip file format 2: the paperwork fields (necessity, budget, report; results and follow-ups),
the version rules between formats 1 and 2, and the checks on the new fields."""

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefing
from briefing import package_data
from briefing.fileformat import reader as fileformat
from briefing.rules.validate import validate
from briefing.trip import model, money, schema
from briefing.trip.problems import SaveError, TripFileError

HEAD = "briefing: {v}\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"


@pytest.fixture
def report_path(tmp_path: Path) -> Path:
    target = tmp_path / "report.yaml"
    with package_data.report_example_path().open("rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    (tmp_path / "photos").mkdir()  # the attachments' photos, relative to the trip file
    for photo in (package_data.root() / "examples" / "photos").iterdir():
        (tmp_path / "photos" / photo.name).write_bytes(photo.read_bytes())
    return target


def problems_of(text: str, filename="trip.yaml"):
    with pytest.raises(TripFileError) as e:
        fileformat.loads(text, filename)
    return e.value.problems


# -- the examples ---------------------------------------------------------------------------------


def test_the_format1_example_loads_validates_and_saves_byte_for_byte(example_path, tmp_path):
    trip = briefing.load(example_path)
    assert trip.format_version == 1 and validate(trip) == []
    out = tmp_path / "again.yaml"
    briefing.save(trip, out)
    assert out.read_bytes() == example_path.read_bytes()
    assert out.read_text(encoding="utf-8").count("briefing: 1\n") == 1


def test_the_format2_example_ships_and_round_trips_byte_for_byte(report_path, tmp_path):
    trip = briefing.load(report_path)
    assert trip.format_version == 2 and validate(trip) == []
    out = tmp_path / "again.yaml"
    briefing.save(trip, out)
    assert out.read_bytes() == report_path.read_bytes()
    assert briefing.load(out) == trip


def test_the_format2_example_fills_every_format2_field(report_path):
    trip = briefing.load(report_path)
    info = trip.info
    assert info.necessity and info.report.summary and info.report.insights
    assert info.report.author == "전략산업과" and info.report.date == dt.date(2023, 3, 20)
    currencies = {line.currency_code for line in info.budget}
    assert "KRW" in currencies and len(currencies) == 2  # won plus one foreign currency
    assert all(type(line.amount) is Decimal for line in info.budget)
    assert Decimal("3995.00") in [line.amount for line in info.budget]
    for record, owner in ((model.BudgetItem, info.budget), (model.FollowUp,
                                                             [f for s in trip.stops for f in s.follow_up])):
        used = {f.name for f in schema.fields_of(record) for r in owner if getattr(r, f.name) not in ("", None)}
        assert used == {f.name for f in schema.fields_of(record)}, record
    assert all(stop.results for stop in trip.stops)
    # a follow-up owned by someone outside the delegation, written as a name
    assert any(f.owner and trip.person(f.owner) is None for s in trip.stops for f in s.follow_up)


# -- reading and writing --------------------------------------------------------------------------


def test_amounts_stay_exact_as_written():
    text = HEAD.format(v=2) + (
        "  budget:\n    - item: 숙박\n      amount: 1450.50\n      currency: SGD\n"
        "    - item: 항공\n      amount: 0.10\n    - item: 식비\n      amount: 0.20\n")
    trip = fileformat.loads(text)
    amounts = [line.amount for line in trip.info.budget]
    assert amounts == [Decimal("1450.50"), Decimal("0.10"), Decimal("0.20")]
    assert sum(amounts[1:]) == Decimal("0.30")  # no float dust: 0.1 + 0.2 is 0.3
    assert "amount: 1450.50\n" in fileformat.dumps(trip)


@pytest.mark.parametrize("written", ["14,50,000", "1e3", "-5", "12.5.1", "약 1000", "1.1234567"])
def test_an_amount_that_is_no_number_is_an_error_at_its_place(written):
    text = HEAD.format(v=2) + f"  budget:\n    - item: 항공\n      amount: {written}\n"
    (p,) = problems_of(text)
    assert (p.path, p.line, p.column) == ("trip.budget[0].amount", 8, 15)
    assert "amount" in p.message


def test_a_new_trip_is_format1_until_a_format2_field_is_filled():
    trip = model.Trip(info=model.TripInfo(title="출장", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5)))
    trip.stops.append(model.Stop(title="방문", date=dt.date(2023, 2, 27)))
    assert fileformat.dumps(trip).startswith("briefing: 1\n")
    trip.info.report.author = "전략산업과"  # one field of a nested record is enough
    assert fileformat.dumps(trip).startswith("briefing: 2\n")
    trip.info.report.author = ""
    trip.stops[0].follow_up.append(model.FollowUp(action="자료 송부"))
    text = fileformat.dumps(trip)
    assert text.startswith("briefing: 2\n")
    assert fileformat.loads(text).stops[0].follow_up == [model.FollowUp(action="자료 송부")]


def test_a_format1_file_stays_format1_and_a_format2_file_stays_format2():
    one = fileformat.loads(HEAD.format(v=1))
    assert fileformat.dumps(one).startswith("briefing: 1\n")
    two = fileformat.loads(HEAD.format(v=2))  # format 2 without its fields: still format 2
    assert fileformat.dumps(two).startswith("briefing: 2\n")
    assert one == two  # the same trip


def test_a_format2_key_in_a_format1_file_says_to_write_briefing_2():
    text = HEAD.format(v=1) + "  necessity: 필요\nstops:\n  - title: 방문\n    date: 2023-02-27\n" \
        "    follow_up:\n      - action: 송부\n"
    found = problems_of(text)
    assert [(p.path, p.line, p.column) for p in found] == [
        ("trip.necessity", 6, 3), ("stops[0].follow_up", 10, 5)]
    assert all("‘briefing: 2’" in p.message for p in found)
    assert str(found[0]).startswith("trip.yaml:6:3: error: trip.necessity:")


def test_a_newer_format_says_which_briefing_it_needs():
    (p,) = problems_of(HEAD.format(v=3))
    assert (p.line, p.column) == (1, 11)
    assert "format 3" in p.message and "newer Briefing" in p.message and "Traceback" not in str(p)


def test_a_misspelt_format2_key_gets_a_did_you_mean():
    (p,) = problems_of(HEAD.format(v=2) + "  necesity: 필요\n")
    assert "rename it to ‘necessity’" in p.message


amounts = st.decimals(min_value=0, max_value=10**15 - 1, places=2, allow_nan=False,
                      allow_infinity=False) | st.integers(0, 10**15 - 1).map(Decimal)
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                max_size=20) | st.sampled_from(
    ["KRW", "1450.50", "true", "null", "- 항목", "a: b", "첫 줄\n둘째 줄\n"])
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budget=st.lists(st.builds(model.BudgetItem, texts, st.none() | amounts, texts.map(money.code),
                                 texts), max_size=4),
       follow=st.lists(st.builds(model.FollowUp, texts, texts, dates, st.booleans()), max_size=4))
def test_any_budget_and_follow_up_survive_save_and_load_byte_for_byte(budget, follow):
    trip = model.Trip(info=model.TripInfo(title="출장", budget=budget))
    trip.stops.append(model.Stop(title="방문", follow_up=follow))
    text = fileformat.dumps(trip)
    again = fileformat.loads(text)
    assert again == trip
    assert fileformat.dumps(again) == text


# -- checks ---------------------------------------------------------------------------------------


def _warnings(trip):
    return [(p.path, p.message) for p in validate(trip) if p.severity == "warning"]


def test_warnings_on_follow_ups_and_the_report(report_path):
    trip = briefing.load(report_path)
    first = trip.stops[0].follow_up[0]
    first.owner, first.due = "busines_head", dt.date(2023, 2, 20)
    trip.stops[1].follow_up[0].owner = "킨텍스 전시사업팀"  # a name, not an id: no warning
    trip.info.report.date = dt.date(2023, 3, 4)
    trip.info.budget[0].currency = "won"
    found = dict(_warnings(trip))
    assert "did you mean ‘business_head’?" in found["stops[0].follow_up[0].owner"]
    assert "before the stop itself (2023-02-27)" in found["stops[0].follow_up[0].due"]
    assert "before the trip ends (2023-03-05)" in found["trip.report.date"]
    assert "ISO 4217" in found["trip.budget[0].currency"]
    assert len(found) == 4
    # positions come from the file
    owner = next(p for p in validate(trip) if p.path == "stops[0].follow_up[0].owner")
    assert owner.line == trip.source.locate(("stops", 0, "follow_up", 0, "owner"))[0] > 0


def test_a_budget_line_without_item_or_amount_is_an_error():
    trip = model.Trip(info=model.TripInfo(title="출장", start=dt.date(2023, 2, 26), end=dt.date(2023, 3, 5),
                                          budget=[model.BudgetItem()]))
    errors = {p.path for p in validate(trip) if p.severity == "error"}
    assert {"trip.budget[0].item", "trip.budget[0].amount"} <= errors


def test_a_float_amount_from_the_api_is_refused_on_save():
    trip = model.Trip(info=model.TripInfo(title="출장", budget=[model.BudgetItem("항공", 0.1)]))
    with pytest.raises(SaveError) as e:
        fileformat.dumps(trip)
    assert "trip.budget[0].amount" in str(e.value.refused[0][0]) or "amount" in str(e.value).lower()


# -- JSON Schema ----------------------------------------------------------------------------------


def test_the_json_schema_knows_format2_and_its_version_rule(report_path, cli):
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    described = json.loads(cli("schema").stdout)
    data = json.loads(json.dumps(yaml.safe_load(report_path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(data, described)
    data["trip"]["budget"][0]["amonut"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, described)
    del data["trip"]["budget"][0]["amonut"]
    data["briefing"] = 1  # format-2 fields in a file that says format 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, described)


# -- the changes page ----------------------------------------------------------------------------


def test_changes_name_the_new_fields(example_path, report_path):
    from briefing.versions import changes

    before, after = briefing.load(example_path), briefing.load(report_path)
    found = changes.diff(before, after)
    assert {(c.section, c.field) for c in found} >= {
        ("trip", "necessity"), ("trip", "budget"), ("trip", "report"), ("stop", "results"),
        ("follow_up", "follow_up")}
    budget = [c.after for c in found if c.field == "budget"]
    assert "MWC 2023 입장권: 3,995.00 EUR (5명 × 799.00유로 (예시))" in budget
    later = briefing.load(report_path)
    later.stops[0].follow_up[0].done = True
    (done,) = changes.diff(after, later)
    assert (done.section, done.kind, done.stop) == ("follow_up", "changed", after.stops[0].title)
    assert done.after.endswith("✓") and not done.before.endswith("✓")
