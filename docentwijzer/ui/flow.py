"""A row of controls that wraps: side by side while they fit, on the next line when not.

Used by the pinned action bars: at 200% text on a small screen their buttons were cut. Behaves
like a QHBoxLayout while everything fits on one line (``addStretch`` pushes what follows to
the right, ``addWidget(widget, 1)`` grows); when a control does not fit it starts a new line,
so a button is never squeezed below the width its text needs.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowRow(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []

    # -- building (the part of QHBoxLayout's interface the bars use) --------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # type: ignore[override]
        super().addWidget(widget)
        self._stretch[-1] = stretch

    def addStretch(self, stretch: int = 1) -> None:
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        self._stretch[-1] = stretch
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    # -- geometry ----------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        shown = self._shown()
        width = sum(self._width(item) for item, _ in shown)
        width += self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item, _ in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        widest = max((self._width(item) for item, _ in self._shown()), default=0)
        return QSize(widest + margins.left() + margins.right(), self.heightForWidth(widest))

    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [
            (item, stretch)
            for item, stretch in zip(self._items, self._stretch, strict=True)
            if item.spacerItem() is not None or not item.isEmpty()
        ]

    def _width(self, item: QLayoutItem) -> int:
        if item.spacerItem() is not None:
            return 0
        widget = item.widget()
        hint = item.sizeHint().width()
        if isinstance(widget, QLabel) and widget.wordWrap():  # a status line may wrap
            return min(hint, widget.fontMetrics().horizontalAdvance("M") * 12)
        return hint

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Lay the items out in lines within ``rect``; returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = max(self.spacing(), 0)
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item, stretch in self._shown():
            width = self._width(item)
            if lines[-1] and used + spacing + width > area.width() and width > 0:
                lines.append([])
                used = 0
            used += (spacing if lines[-1] else 0) + width
            lines[-1].append((item, stretch))
        y = area.y()
        for line in lines:
            if not line:
                continue
            widths = [self._width(item) for item, _ in line]
            gaps = spacing * (len(line) - 1)
            spare = max(area.width() - sum(widths) - gaps, 0)
            total = sum(stretch for _, stretch in line)
            if total:
                widths = [w + spare * s // total for w, (_, s) in zip(widths, line, strict=True)]
            heights = [
                item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                for w, (item, _) in zip(widths, line, strict=True)
            ]
            height = max(heights)
            x = area.x()
            for (item, _), width, item_height in zip(line, widths, heights, strict=True):
                if apply:
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                x += width + spacing
            y += height + spacing
        return y - spacing - area.y() + margins.top() + margins.bottom()
