"""Each File menu entry its own Alt letter, in Korean and in English; the example trip opens
as an untitled copy."""

import re

import pytest

from briefing.ui import i18n


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_file_menu_uses_each_alt_letter_once(language, make_window):
    i18n.set_language(language)
    try:
        win = make_window()
        menu = win.menuBar().actions()[0].menu()
        letters = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            found = re.search(r"&([^&])", action.text().replace("&&", ""))
            assert found, action.text()
            letters.append(found[1].upper())
        assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]
    finally:
        i18n.set_language("en")


def test_the_example_opens_as_an_untitled_copy(make_window):
    from briefing import package_data

    win = make_window()
    assert win.open_example()
    title = win.windowTitle()
    assert title.startswith(i18n.tr("Untitled")), title
    assert package_data.EXAMPLE not in title
    assert win.doc.path is None
