"""The window opens within the screen, however small (a 1024×700 laptop) and wherever it was."""

from briefing.ui.app import fit_to_screen


def test_a_window_larger_than_the_screen_is_fitted_to_it(make_window):
    win = make_window()
    free = win.screen().availableGeometry()
    win.resize(free.width() + 400, free.height() + 300)
    win.move(free.right() - 50, free.bottom() - 50)
    fit_to_screen(win)
    assert win.width() <= free.width() and win.height() <= free.height()
    assert free.contains(win.frameGeometry().topLeft())


def test_a_window_that_fits_keeps_its_size(make_window):
    win = make_window()
    free = win.screen().availableGeometry()
    win.resize(free.width() // 2, free.height() // 2)
    win.move(free.topLeft())
    before = win.size()
    fit_to_screen(win)
    assert win.size() == before
