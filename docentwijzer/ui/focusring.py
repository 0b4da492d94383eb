"""A visible focus ring around whatever has keyboard focus, drawn outside the control.

Fusion draws focus inside a control (and on some controls not at all), and overriding its
``pixelMetric`` crashes PySide6, so one overlay widget does it for the whole application:
a mouse-transparent frame, 2 px (3 px in trainer mode) in the focus colour, 2 px outside the
focused control. It is parented to the nearest ancestor with room around the control, so it
moves with scrolling and is clipped by the page like the control itself. It shows when focus
arrives from the keyboard or from the program (a screen putting focus on its first control),
not after a mouse click. Lists with a current row show focus on that row instead
(``::item:focus`` in the window sheet).

The scroll area that holds the focused control scrolls it into view (pages are no Tab stop).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QMenu,
    QMenuBar,
    QScrollArea,
    QWidget,
)

from docentwijzer.ui import theme
from docentwijzer.ui.tokens import FOCUS_GAP, RADIUS


class FocusRing(QWidget):
    """The overlay itself: paints a rounded ring along its edge and nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def paintEvent(self, _event: QPaintEvent) -> None:
        current = theme.current()
        width = current.focus_width
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(current.colors.focus), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        rect = QRectF(self.rect()).adjusted(half, half, -half, -half)
        # Round like the control, but never so round that a small box loses its corners.
        radius = min(RADIUS["control"] + FOCUS_GAP + half, rect.height() / 5)
        painter.drawRoundedRect(rect, radius, radius)
        painter.end()


def _margin() -> int:
    return FOCUS_GAP + theme.current().focus_width


def _wants_ring(widget: QWidget) -> bool:
    if isinstance(widget, (QMenu, QMenuBar)) or widget.isWindow():
        return False
    if isinstance(widget, QAbstractItemView):
        # The current row shows focus itself; an empty list (or one with no current row)
        # gets the ring around the whole list.
        return not widget.currentIndex().isValid()
    return True


def _target_rect(widget: QWidget) -> QRect:
    """What the ring goes around, in the widget's coordinates: the whole control, or what it
    says is its focus area (a wrapping check box: the box and its text, as a screen reader
    reports it, not the rest of the row)."""
    focus_rect = getattr(widget, "focus_rect", None)
    if callable(focus_rect):
        rect = focus_rect()
        if isinstance(rect, QRect) and rect.isValid():
            return rect.intersected(widget.rect())
    return widget.rect()


def _host_for(widget: QWidget, margin: int) -> QWidget:
    """The nearest ancestor in which the ring around ``widget`` fits without being cut off."""
    host = widget.parentWidget()
    assert host is not None
    target = _target_rect(widget)
    while True:
        rect = QRect(widget.mapTo(host, target.topLeft()), target.size())
        rect = rect.adjusted(-margin, -margin, margin, margin)
        parent = host.parentWidget()
        if host.rect().contains(rect) or parent is None or host.isWindow():
            return host
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            return host  # a scroll area's page: the ring scrolls with it
        host = parent


class FocusRings(QObject):
    """Follows the application's focus and keeps the one ring around the focused control."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: FocusRing | None = None
        self.watched: list[QWidget] = []
        app.focusChanged.connect(self._focus_changed)

    def _ring(self) -> FocusRing:
        if self.ring is None or not shiboken6.isValid(self.ring):
            self.ring = FocusRing()
        return self.ring

    def _release(self) -> None:
        for widget in self.watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self.watched = []

    def hide(self) -> None:
        self._release()
        if self.ring is not None and shiboken6.isValid(self.ring):
            self.ring.target = None
            self.ring.hide()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.hide()
        if new is None or not shiboken6.isValid(new):
            return
        _scroll_into_view(new)
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # focus by a click: the pointer shows where you are
        if not _wants_ring(new) or not new.isVisible():
            return
        self.show_around(new)

    def show_around(self, widget: QWidget) -> None:
        ring = self._ring()
        margin = _margin()
        host = _host_for(widget, margin)
        if ring.parentWidget() is not host:
            ring.setParent(host)
        ring.target = widget
        chain: list[QWidget] = []
        step: QWidget | None = widget
        while step is not None and step is not host:
            chain.append(step)
            step = step.parentWidget()
        for item in chain:
            item.installEventFilter(self)
        self.watched = chain
        self._place()
        ring.show()
        ring.raise_()

    def _place(self) -> None:
        ring = self.ring
        if ring is None or ring.target is None or not shiboken6.isValid(ring.target):
            return
        host = ring.parentWidget()
        if host is None:
            return
        target = ring.target
        margin = _margin()
        area = _target_rect(target)
        rect = QRect(target.mapTo(host, area.topLeft()), area.size())
        outside = rect.adjusted(-margin, -margin, margin, margin)
        # No room around it (a list against the window's edge): draw the ring just inside.
        ring.setGeometry(outside if host.rect().contains(outside) else rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Move, QEvent.Type.Resize):
            self._place()
        elif kind == QEvent.Type.Hide and self.ring is not None and watched is self.ring.target:
            self.hide()
        return False


def _scroll_into_view(widget: QWidget) -> None:
    """Keep the focused control, and the ring drawn around it, in view in the page that holds
    it. (QScrollArea.ensureWidgetVisible ignores its margins when the control itself just fits,
    so a ring at the bottom edge of a page was cut off by the pinned action bar.) A panel
    that scrolls inside the page is scrolled first, then the page around it."""
    step = widget.parentWidget()
    while step is not None:
        if isinstance(step, QScrollArea):
            page = step.widget()
            if page is not None and page.isAncestorOf(widget):
                step.ensureWidgetVisible(widget, 16, 16)
                _keep_margin(step, widget, 16)
        step = step.parentWidget()


def _keep_margin(area: QScrollArea, widget: QWidget, margin: int) -> None:
    viewport = area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    bottom = top + widget.height()
    bar = area.verticalScrollBar()
    if widget.height() + 2 * margin > viewport.height():
        return  # taller than the page: showing its top is what ensureWidgetVisible did
    if bottom + margin > viewport.height():
        bar.setValue(bar.value() + bottom + margin - viewport.height())
    elif top - margin < 0:
        bar.setValue(bar.value() + top - margin)


_rings: FocusRings | None = None


def install_focus_ring(app: QApplication) -> FocusRings:
    global _rings
    if _rings is None or not shiboken6.isValid(_rings):
        _rings = FocusRings(app)
    return _rings


def rings() -> FocusRings | None:
    return _rings
