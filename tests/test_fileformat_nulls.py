"""An empty or null value means "not set", whichever YAML parser (libyaml or PyYAML's own) reads it."""

import briefing
from briefing.fileformat import reader as fileformat


def _trip_with(lines: str) -> str:
    return ("briefing: 1\ntrip:\n  title: 출장\n  start: 2023-02-26\n  end: 2023-03-05\n"
            + lines)


def test_empty_and_null_values_are_unset_not_errors(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(_trip_with(
        "  updated:\n  subtitle: ~\n  organization: null\n"
        "stops:\n  - title: 방문\n    date: 2023-02-27\n    start:\n    minutes_note: x\n"
        .replace("    minutes_note: x\n", "")
        + "    agenda:\n      - item: 인사\n        minutes: ~\n"), encoding="utf-8")
    trip, problems = briefing.check(path) if hasattr(briefing, "check") else (None, None)
    if trip is None:
        from briefing.rules.validate import check_file
        trip, problems = check_file(path)
    assert [p for p in problems if p.is_error] == []
    assert trip.info.updated is None and trip.info.subtitle == "" and trip.info.organization == ""
    assert trip.stops[0].start is None and trip.stops[0].agenda[0].minutes is None


def test_a_quoted_empty_text_is_still_text(tmp_path):
    trip = fileformat.loads(_trip_with('  subtitle: ""\n  organization: "~"\n'))
    assert trip.info.subtitle == "" and trip.info.organization == "~"


def test_an_empty_list_key_reads_as_no_entries():
    trip = fileformat.loads(_trip_with("stops:\ndelegation:\n"))
    assert trip.stops == [] and trip.delegation == []
