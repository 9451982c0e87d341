"""Regenerate resources/i18n/qt_vi.ts and qt_vi.qm (Vietnamese for Qt's own buttons) from ui/i18n.QT_STRINGS.

Run after editing QT_STRINGS: .venv/bin/python scripts/build_translations.py
A compiled catalogue, not a Python QTranslator subclass: in PySide6 6.12 an overridden
QTranslator.translate() loses a reference to None on every call and the process aborts after a while.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def ts_text(strings: dict[str, dict[str, str]]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="vi_VN">']
    for context, table in sorted(strings.items()):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, translation in table.items():
            lines += [
                "    <message>",
                f"        <source>{escape(source)}</source>",
                f"        <translation>{escape(translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def lrelease() -> str:
    for candidate in (Path(sys.executable).with_name("pyside6-lrelease"), shutil.which("pyside6-lrelease")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials into the venv")


def main() -> int:
    from ui.i18n import CATALOGUE, QT_STRINGS

    ts = CATALOGUE.with_suffix(".ts")
    ts.parent.mkdir(parents=True, exist_ok=True)
    ts.write_text(ts_text(QT_STRINGS), encoding="utf-8")
    subprocess.run([lrelease(), str(ts), "-qm", str(CATALOGUE)], check=True)
    print(CATALOGUE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
