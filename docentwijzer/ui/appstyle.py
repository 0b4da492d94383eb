"""The app's own style: Fusion, with the app's control edges, and no Tab stop on text or on a
page's scroll area (colours and sizes from ``ui/theme.py`` and ``ui/tokens.py``).

Installed once per application (:func:`install`); at start-up right after the first paint, which
plain Fusion draws (``ui/application.py``): a style with Python overrides makes PySide6 create
the Python classes of all of Qt's widgets and style options the first time one it has not met
passes through (about 15 ms), and the style classes themselves, with their enums, take another
6 ms, measured, before the window could show. Nothing this style adds is in the first frame:
Fusion draws focus rectangles only after Tab, the Start screen has no check box, radio or combo
box, and the per-widget tuning (focus policy, accessible names, Return on buttons) takes effect
when it polishes each widget, right after the paint (a test compares the first frame with the
settled window pixel for pixel).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from docentwijzer.ui.theme import current, plain_name
from docentwijzer.ui.tokens import RADIUS


def _begin_edge(painter: QPainter, option: QStyleOption) -> QRectF:
    """Save the painter and set it up for a control's edge in the theme's input-border colour
    (dashed when disabled, 2 px in trainer mode); the rectangle to draw, inset by half the pen
    so the edge lands on whole pixels (crisp, not blurred). The caller restores the painter."""
    theme = current()
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = 2 if theme.trainer else 1
    pen = QPen(QColor(theme.colors.input_border if enabled else theme.colors.disabled), width)
    if not enabled:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    return option.rect.toRectF().adjusted(half, half, -half, -half)


class AppStyle(QProxyStyle):
    """Fusion, with the app's control edges, and no Tab stop on text or on a page's scroll area.

    Do not override ``pixelMetric`` here: PySide6 (6.12, Python 3.11) mis-counts references to
    ``None`` when Qt calls it without an option, and the process aborts ("none_dealloc").
    """

    def polish(self, target: object) -> None:  # type: ignore[override]
        if isinstance(target, QWidget):
            _tune(target)
        super().polish(target)  # type: ignore[arg-type]

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        pe = QStyle.PrimitiveElement
        if element == pe.PE_FrameFocusRect:
            return  # the focus ring (ui/focusring.py) shows focus, once, outside the control
        super().drawPrimitive(element, option, painter, widget)
        box = element == pe.PE_IndicatorCheckBox
        if not box and element != pe.PE_IndicatorRadioButton:
            return
        rect = _begin_edge(painter, option)
        if box:
            painter.drawRoundedRect(rect, 2, 2)
        else:
            painter.drawEllipse(rect)
        painter.restore()

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        cc = QStyle.ComplexControl
        if control not in (cc.CC_ComboBox, cc.CC_SpinBox):
            return
        # Fusion draws these edges as a shade of the window colour: invisible in dark mode.
        rect = _begin_edge(painter, option)
        painter.drawRoundedRect(rect, RADIUS["control"], RADIUS["control"])
        painter.restore()


def _tune(widget: QWidget) -> None:
    """Once per widget, when it is first polished."""
    if widget.property("_dwTuned"):
        return
    widget.setProperty("_dwTuned", True)
    if isinstance(widget, QLabel):
        # Selectable text gets ClickFocus, so screen readers call ~190 labels "focusable";
        # selecting with the mouse and the context menu's Copy work without focus.
        if widget.focusPolicy() == Qt.FocusPolicy.ClickFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        plain_name(widget)
    elif isinstance(widget, QScrollArea) and not isinstance(widget, QAbstractItemView):
        # A page is no Tab stop (it was announced as "filler" with no visible focus); the
        # focus ring scrolls the focused control into view (ui/focusring.py).
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    elif isinstance(widget, QPushButton) and not isinstance(widget.window(), QDialog):
        # Return presses a focused button, as Space does (outside dialogs, where Return is
        # the dialog's default button).
        widget.setAutoDefault(True)


_app_style: AppStyle | None = None


def install(app: QApplication) -> None:
    """Make :class:`AppStyle` the application's style (once; re-polishes what was built)."""
    global _app_style
    if _app_style is None:  # once: app.style() is wrapped by the style-sheet style afterwards
        shield_none()
        _app_style = AppStyle(QStyleFactory.create("Fusion"))
        app.setStyle(_app_style)


def shield_none() -> None:
    """Keep PySide6 from dropping the last reference to ``None`` (the process then aborts).

    PySide6 6.12 on Python 3.11 loses one reference to ``None`` on every call of a ``QStyle``
    method that returns nothing when it is called from Python, as :class:`AppStyle` does
    (``super().drawPrimitive(...)``, thousands of times a minute). After a while the count
    reaches zero and Python aborts with "none_dealloc" (it did after a trainer session, and
    in the test suite). Python 3.12 and later never free ``None``; on older versions, give it
    so many references (2**40) that a lifetime of drawing cannot use them up. Extra
    references to ``None`` cost nothing.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 39:
        refcount.value += 1 << 40
