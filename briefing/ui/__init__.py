"""The editor window: the only package that imports PySide6 and qtawesome."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12.0 drops a reference to None at every call of a method that returns nothing
    # (setText, setEnabled, …). On Python 3.11 None is an ordinary object, so after as many
    # calls as it has references (tens of thousands: minutes of editing) the interpreter frees
    # None and aborts ("none_dealloc: deallocating None"). Python 3.12 made None immortal for
    # this reason; here it is given references enough for any session. The QtPdf wheel we
    # depend on exists only from 6.12.0, so an older PySide6 is not an option.
    # tests/ui/test_qt_none.py shows the fault and that the window survives it.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
