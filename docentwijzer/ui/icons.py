"""Line icons (Tabler, MIT) drawn in a colour of the current scheme.

The SVGs use ``currentColor``; :func:`pixmap` swaps in a token's colour. Widgets that show an
icon re-draw it when the scheme changes (:func:`theme_changed` is emitted by the theme).
Icon-only buttons get an accessible name and a tooltip; decorative icons get neither.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from docentwijzer.ui import theme

NAMES = frozenset(
    path.name.removesuffix(".svg")
    for path in resources.files("docentwijzer").joinpath("assets/icons/tabler").iterdir()
    if path.name.endswith(".svg")
)


@cache
def _svg(name: str) -> str:
    if name not in NAMES:
        raise KeyError(f"no icon {name!r}")
    path = resources.files("docentwijzer").joinpath(f"assets/icons/tabler/{name}.svg")
    return path.read_text(encoding="utf-8")


def color_of(token: str) -> str:
    return str(getattr(theme.current().colors, token))


def pixmap(name: str, token: str = "text", size: int = 20, ratio: float | None = None) -> QPixmap:
    """The icon ``name`` in the colour of ``token``, ``size`` px square (device-independent)."""
    if ratio is None:
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
    # A copy of the drawn one: painting a card or the acute bar again draws no SVG again.
    # (``copy()``: ``QPixmap(pixmap)`` would make PySide6 create the QImage class with its
    # enums before the first paint, to choose between the constructors.)
    return _drawn(name, color_of(token), size, ratio).copy()


@lru_cache(maxsize=128)
def _drawn(name: str, color: str, size: int, ratio: float) -> QPixmap:
    data = _svg(name).replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    side = max(1, round(size * ratio))
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon(name: str, token: str = "text", size: int = 20) -> QIcon:
    return QIcon(pixmap(name, token, size))


class IconLabel(QLabel):
    """A decorative icon: no accessible name of its own, no focus; follows the scheme."""

    def __init__(
        self, name: str, token: str = "text", size: int = 20, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.icon_name, self.token, self.icon_size = name, token, size
        self.setObjectName("icon")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedSize(QSize(size, size))
        self.redraw()
        theme.changed().connect(self.redraw)

    def redraw(self) -> None:
        self.setPixmap(pixmap(self.icon_name, self.token, self.icon_size))
