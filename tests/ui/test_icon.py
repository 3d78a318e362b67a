"""The window shows Briefing's own icon, read from the shipped resources."""

from briefing import package_data
from briefing.ui.icons import APP_ICON_FILES, app_icon


def test_the_icon_files_ship_with_the_resources():
    folder = package_data.root() / "icons"
    for name in APP_ICON_FILES:
        assert (folder / name).is_file(), name


def test_the_window_icon_is_briefings_own(window):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    assert window.windowIcon().cacheKey() == icon.cacheKey()
