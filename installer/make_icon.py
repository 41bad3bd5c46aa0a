"""Draw the application icon: resources/icons/relmgr-{16,32,64,256}.png and relmgr.ico.

    QT_QPA_PLATFORM=offscreen python installer/make_icon.py

A person beside three rising bars on a blue rounded square: a relationship manager and the
portfolio. Drawn with QPainter at each size (small sizes get thicker strokes rather than a
blurry downscale); the .ico (window icon on Windows, taskbar, installer) packs the same PNGs.
The images are committed; rerun this only to change the design.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 64, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)          # design on a 256 grid
    background = QLinearGradient(0, 0, 0, 256)
    background.setColorAt(0, QColor("#2f6fb5"))
    background.setColorAt(1, QColor("#1d4a80"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(background)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)

    # The RM: head and shoulders, white.
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(88, 92), 30, 30)
    body = QPainterPath()
    body.moveTo(36, 204)
    body.cubicTo(36, 150, 56, 132, 88, 132)
    body.cubicTo(120, 132, 140, 150, 140, 204)
    body.closeSubpath()
    p.drawPath(body)

    # The portfolio: three rising bars, the last one gold.
    bar_width = 26 if size > 32 else 30
    for i, (height, colour) in enumerate(((48, "#cfe0f3"), (80, "#cfe0f3"), (118, "#f2b632"))):
        x = 152 + i * 32 - (2 if size <= 32 else 0)
        p.setBrush(QColor(colour))
        p.drawRoundedRect(QRectF(x, 204 - height, bar_width, height), 5, 5)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, painter)
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        path = ICONS / f"relmgr-{size}.png"
        if not draw(size).save(str(path)):
            raise SystemExit(f"could not write {path}")
        pngs.append(path)
    from PIL import Image  # Pillow comes with matplotlib

    largest = Image.open(pngs[-1])
    largest.save(ICONS / "relmgr.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)],
                 append_images=[Image.open(p) for p in pngs[:-1]])
    print(f"wrote {len(pngs)} PNGs and relmgr.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
