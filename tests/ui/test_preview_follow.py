"""The live preview follows the section being edited to its page, and zooms."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication

from briefing.fileformat import reader as fileformat

from .conftest import small_trip


def test_choosing_the_talking_points_tab_shows_their_page(make_window, tmp_path, qtbot):
    trip = small_trip()
    trip.stops[0].purpose = "\n\n".join(f"Paragraph {n}: " + "a long purpose. " * 40 for n in range(12))
    path = tmp_path / "long.yaml"
    fileformat.save(trip, path)
    win = make_window()
    win.resize(1280, 820)
    assert win.open_file(str(path))
    win.editor.select_stop(0)
    win.act_live_preview.trigger()
    dock = win.live_preview
    qtbot.waitUntil(lambda: dock.pages > 0 and dock.running is None and dock.shown_row == 0,
                    timeout=60000)
    stop = win.editor.stop_editor
    stop.tabs.setCurrentIndex(stop.tab_of["talking_points"])
    navigator = dock.view.pageNavigator()
    qtbot.waitUntil(lambda: navigator.currentPage() > 0, timeout=2000)
    text = dock.documents[0].getAllText(navigator.currentPage()).text()
    assert "First point" in text  # the page that holds the talking points
    stop.tabs.setCurrentIndex(stop.tab_of["purpose"])
    qtbot.waitUntil(lambda: navigator.currentPage() == 0, timeout=2000)


def test_ctrl_plus_and_ctrl_wheel_zoom_the_pages(make_window, trip_file, qtbot):
    win = make_window()
    win.resize(1280, 820)
    assert win.open_file(str(trip_file))
    win.editor.select_stop(0)
    win.act_live_preview.trigger()
    dock = win.live_preview
    qtbot.waitUntil(lambda: dock.pages > 0, timeout=60000)
    view = dock.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = view.zoomFactor()
    viewport = view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert view.zoomFactor() > zoomed
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() < zoomed
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
