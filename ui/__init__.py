"""The desktop window (PySide6). Importing any ui module first applies the binding work-arounds (ui/qtcompat.py)."""

from ui.qtcompat import protect_none

protect_none()
