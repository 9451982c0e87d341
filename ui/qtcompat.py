"""Work-arounds for defects of the Qt binding we ship, each with the evidence. Imported first by the ui package.

PySide6 6.12.0 on CPython 3.11: every call of a C++ method that returns nothing (``widget.update()``,
``label.setText(...)``) and every invalid QVariant handed to Python gives back ``None`` without taking a
reference to it. Measured here: 1000 ``QWidget.update()`` calls lower ``sys.getrefcount(None)`` by 1000.
A busy window empties None's count within minutes and the interpreter aborts with "none_dealloc:
deallocating None". CPython 3.12 made None immortal (its count is never changed), which is why the
binding's authors do not see it. 6.10.3 and 6.11.3 do not have the defect, and pyproject.toml keeps us
below 6.12; should a known-bad binding be installed anyway, we do what 3.12 does: give None a count no
program can use up.
"""

from __future__ import annotations

import ctypes
import sys

#: 2**40 references: at a million lost references per second, thirteen days of continuous use.
HEADROOM = 1 << 40
#: Bindings measured to lose None references on CPython 3.11.
KNOWN_BAD = frozenset({"6.12.0"})


def binding_is_known_bad() -> bool:
    import PySide6

    return sys.version_info < (3, 12) and PySide6.__version__ in KNOWN_BAD


def protect_none() -> int:
    """Raise None's reference count by HEADROOM on interpreters where None is mortal. Returns the new count."""
    if sys.implementation.name != "cpython" or not binding_is_known_bad():
        return sys.getrefcount(None)
    # CPython object header: ob_refcnt (Py_ssize_t) is the first field, at the object's address.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < HEADROOM // 2:
        refcount.value += HEADROOM
    return sys.getrefcount(None)
