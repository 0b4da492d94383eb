"""Render resources/icons/docentwijzer.svg to the PNG sizes desktops expect."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ROOT / "resources/icons/docentwijzer.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = (
            ROOT / f"resources/icons/hicolor/{size}x{size}/apps/nl.docentwijzer.DocentWijzer.png"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    # The running app uses the 256 px one for its window icon.
    image = QImage(
        str(ROOT / "resources/icons/hicolor/256x256/apps/nl.docentwijzer.DocentWijzer.png")
    )
    image.save(str(ROOT / "docentwijzer/assets/icons/docentwijzer.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
