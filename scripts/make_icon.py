"""Draw the application icon with QPainter and write resources/icons/app.png and app.ico (multi-size).

Run once after changing the drawing: `.venv/bin/python scripts/make_icon.py`; the outputs are committed.
The .ico is assembled here (PNG-compressed entries, readable by Windows Vista and later) so that no Qt
image plug-in is needed to write it.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = QColor("#c8102e")
DARK_RED = QColor("#8e0b20")
GOLD = QColor("#ffd200")
PAPER = QColor("#fffaf0")


def star(cx: float, cy: float, outer: float) -> QPolygonF:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return QPolygonF(points)


def draw(size: int) -> QImage:
    """The icon at *size* pixels: a red tile, a gold star, an open white book (the branch's record)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256.0
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.fillPath(tile, RED)
    p.setPen(QPen(DARK_RED, max(1.0, 6 * s)))
    p.drawPath(tile)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(GOLD)
    p.drawPolygon(star(128 * s, 84 * s, 58 * s))
    # Two pages of an open book, meeting at the spine.
    p.setBrush(PAPER)
    for sign in (-1, 1):
        page = QPainterPath()
        page.moveTo(128 * s, 160 * s)
        page.cubicTo((128 + sign * 40) * s, 146 * s, (128 + sign * 80) * s, 148 * s, (128 + sign * 96) * s, 156 * s)
        page.lineTo((128 + sign * 96) * s, 214 * s)
        page.cubicTo((128 + sign * 80) * s, 206 * s, (128 + sign * 40) * s, 204 * s, 128 * s, 218 * s)
        page.closeSubpath()
        p.drawPath(page)
    if size >= 48:  # ruled lines only where they can be seen
        p.setPen(QPen(DARK_RED, max(1.0, 4 * s)))
        for sign in (-1, 1):
            for k in range(3):
                y = (172 + 14 * k) * s
                p.drawLine(QPointF((128 + sign * 16) * s, y + 2 * s), QPointF((128 + sign * 80) * s, y))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRY per size + the PNG payloads (a 256-pixel side is stored as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, payload = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in SIZES}
    (ICONS / "app.png").write_bytes(pngs[256])
    (ICONS / "app.ico").write_bytes(ico_bytes(pngs))
    print(f"{ICONS / 'app.png'}, {ICONS / 'app.ico'} ({', '.join(map(str, SIZES))} px)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
