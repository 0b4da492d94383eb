"""Measuring what a person sees: colours of rendered pixels and contrast between them."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from docentwijzer.ui.tokens import contrast


def ratio(a: QColor | str, b: QColor | str) -> float:
    return contrast(QColor(a).name(), QColor(b).name())


def grab(window: QWidget, region: QRect) -> QImage:
    image = window.grab(region).toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image


def rect_in(window: QWidget, widget: QWidget, margin: int = 0) -> QRect:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return rect.adjusted(-margin, -margin, margin, margin).intersected(window.rect())


def focus_region(window: QWidget, widget: QWidget, margin: int = 6) -> QRect:
    """Where focus on ``widget`` should show: around it, or around a list's current row."""
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        item = widget.visualRect(widget.currentIndex())
        top_left = widget.viewport().mapTo(window, item.topLeft())
        return QRect(top_left, item.size()).intersected(window.rect())
    focus_rect = getattr(widget, "focus_rect", None)
    if callable(focus_rect):  # a wrapping check box: the box and its text
        area = focus_rect()
        rect = QRect(widget.mapTo(window, area.topLeft()), area.size())
        return rect.adjusted(-margin, -margin, margin, margin).intersected(window.rect())
    return rect_in(window, widget, margin)


_table = [
    ((v / 255) / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4)
    for v in range(256)
]


def _lum(r: int, g: int, b: int) -> float:
    return 0.2126 * _table[r] + 0.7152 * _table[g] + 0.0722 * _table[b]


def changed_pixels(before: QImage, after: QImage, minimum: float = 3.0) -> int:
    """How many pixels changed by at least ``minimum``:1 contrast between two images."""
    count = 0
    for y in range(min(before.height(), after.height())):
        for x in range(min(before.width(), after.width())):
            a, b = before.pixelColor(x, y), after.pixelColor(x, y)
            if a == b:
                continue
            la = _lum(a.red(), a.green(), a.blue())
            lb = _lum(b.red(), b.green(), b.blue())
            high, low = max(la, lb), min(la, lb)
            if (high + 0.05) / (low + 0.05) >= minimum:
                count += 1
    return count


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def focus_change(window: QWidget, widget: QWidget, away: QWidget) -> tuple[int, int]:
    """(pixels that change ≥3:1 when ``widget`` gets keyboard focus, the widget's w + h).

    Focus first rests on ``away`` (a control elsewhere), then Tab-focus arrives on ``widget``.
    """
    away.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    region = focus_region(window, widget)
    before = grab(window, region)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    region_after = focus_region(window, widget)
    after = grab(window, region_after)
    if region_after != region:  # the page scrolled to show it: compare the same place
        away.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        before = grab(window, region_after)
    return changed_pixels(before, after), region_after.width() + region_after.height()


def dominant_color(image: QImage, step: int = 3) -> QColor:
    """The most common colour in an image: the background behind text."""
    counts: Counter[int] = Counter()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            counts[image.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def visible_change(before: QImage, after: QImage, rect: QRect) -> float:
    """Share of the four sides of ``rect`` (image coordinates) around which a line, a ring just
    outside or an edge just inside, changed by 3:1 or more along at least half its length."""
    corner = 5  # a ring is rounded there
    bounds = before.rect().intersected(after.rect())

    def side(points_for) -> float:  # type: ignore[no-untyped-def]
        best = 0.0
        for offset in (3, 2, 4, 5, 6, 1, 0, -1):
            points = [p for p in points_for(offset) if bounds.contains(p)]
            if points:
                changed = sum(
                    1 for p in points if ratio(before.pixelColor(p), after.pixelColor(p)) >= 3.0
                )
                best = max(best, changed / len(points))
        return best

    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    xs = range(x + corner, x + w - corner, 2)
    ys = range(y + corner, y + h - corner, 2)
    sides = [
        side(lambda o: [QPoint(px, y - o) for px in xs]),
        side(lambda o: [QPoint(px, y + h - 1 + o) for px in xs]),
        side(lambda o: [QPoint(x - o, py) for py in ys]),
        side(lambda o: [QPoint(x + w - 1 + o, py) for py in ys]),
    ]
    return sum(1 for value in sides if value >= 0.5) / 4


def edge_contrast(image: QImage, rect: QRect) -> float:
    """How well a control's edge stands out from what is right outside it (left and right
    edges at mid-height, top and bottom at mid-width): the weakest side's best pixel."""
    sides = []
    mid_y = rect.center().y()
    mid_x = rect.center().x()
    probes = (
        ([QPoint(rect.left() + i, mid_y) for i in range(3)], QPoint(rect.left() - 2, mid_y)),
        ([QPoint(rect.right() - i, mid_y) for i in range(3)], QPoint(rect.right() + 2, mid_y)),
        ([QPoint(mid_x, rect.top() + i) for i in range(3)], QPoint(mid_x, rect.top() - 2)),
        ([QPoint(mid_x, rect.bottom() - i) for i in range(3)], QPoint(mid_x, rect.bottom() + 2)),
    )
    bounds = image.rect()
    for inside, outside in probes:
        if not bounds.contains(outside):
            continue
        out = image.pixelColor(outside)
        values = [ratio(image.pixelColor(p), out) for p in inside if bounds.contains(p)]
        if values:
            sides.append(max(values))
    return min(sides) if sides else 21.0
