"""Locate bundled read-only files, from a source checkout and inside a PyInstaller build. No writing."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    # PyInstaller (>= 6, onedir) unpacks data under sys._MEIPASS (the _internal folder).
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    return base.joinpath("resources", *parts)
