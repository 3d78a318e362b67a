"""The Problems list shows the whole place of a problem, wrapped, not only in a tooltip."""

from briefing.trip.problems import WARNING, Problem

from .conftest import small_trip


def test_a_long_place_wraps_onto_more_lines(make_window, qtbot):
    win = make_window()
    trip = small_trip()
    problem = Problem(WARNING, "stops[0].agenda[1].time", "starts too early")
    panel = win.problems
    panel.set_problems([problem], trip)
    panel.show()
    tree = panel.tree
    tree.setColumnWidth(0, 90)
    item = tree.topLevelItem(0)
    assert item.text(0) == problem.place("en", trip)  # the whole place
    line = tree.fontMetrics().height()
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() >= 2 * line, timeout=2000)
