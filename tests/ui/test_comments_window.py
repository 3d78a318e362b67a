"""The window's save keeps the comments written in the trip file beside their keys."""

from briefing.fileformat import comments

from .conftest import load

COMMENTED = """\
# 출처: 전략산업과
briefing: 1

trip:
  title: Test trip  # 시장실 확인 필요
  start: 2023-02-26
  end: 2023-03-05

stops:
  # 첫 방문
  - title: MWC
    venue: Fira  # 장소 미정
    date: 2023-02-27
    talking_points:
      - text: First point  # 핵심
    # MWC 끝

  # 둘째 방문
  - title: City hall
    date: 2023-03-01
    talking_points:
      - text: Hello
"""


def test_saving_from_the_window_keeps_comments_beside_their_keys(window, tmp_path, qtbot):
    path = tmp_path / "commented.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    assert window.open_file(str(path))
    assert window.save()  # nothing changed: the same bytes
    assert path.read_text(encoding="utf-8") == COMMENTED

    window.editor.select_stop(0)
    venue = window.editor.stop_editor.header.editors["venue"].widget
    venue.selectAll()
    qtbot.keyClicks(venue, "Fira Gran Via")
    window.act_add_stop.trigger()  # a new stop between the two
    qtbot.keyClicks(window.editor.stop_editor.header.editors["title"].widget, "Girona")
    assert window.save()

    text = path.read_text(encoding="utf-8")
    assert "    venue: Fira Gran Via  # 장소 미정\n" in text
    assert "  title: Test trip  # 시장실 확인 필요\n" in text
    saved = load(path)
    assert [s.title for s in saved.stops] == ["MWC", "Girona", "City hall"]
    found = comments.listing(saved)
    assert (("stops", 0), comments.BEFORE, "# 첫 방문") in found
    assert (("stops", 0), comments.END, "# MWC 끝") in found
    assert (("stops", 0, "talking_points", 0, "text"), comments.EOL, "# 핵심") in found
    assert (("stops", 2), comments.BEFORE, "# 둘째 방문") in found
    assert saved.comment == "출처: 전략산업과"

    window.editor.select_stop(2)
    window.act_del_stop.trigger()  # a deleted stop takes its comments along
    assert window.save()
    assert "# 둘째 방문" not in path.read_text(encoding="utf-8")
