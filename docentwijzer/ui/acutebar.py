"""The acute-help bar: on every screen, one click (or F1) from the urgent guidance.

A tinted bar with a phone icon and the help lines in bold. Each help line is a chunk that wraps
whole onto the next line (no separator left dangling at a line end), so the bar stays complete
at 200% text and in a narrow window. The text is painted, so a screen reader meets one button.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from docentwijzer import i18n
from docentwijzer.first_paint import acute_bar_texts
from docentwijzer.i18n import t

from docentwijzer.ui.icons import pixmap
from docentwijzer.ui.theme import changed as theme_changed
from docentwijzer.ui.theme import current as current_theme


class HelpLinesButton(QPushButton):
    """A flat button showing a phone icon and help lines that wrap chunk by chunk."""

    def __init__(self, chunks: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chunks = chunks
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        theme_changed().connect(self.update)

    def full_text(self) -> str:
        return "  ·  ".join(self.chunks)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Bold)
        return font

    def _metrics(self) -> tuple[int, int, int]:
        """(padding, icon size, gap between chunks) in px."""
        line = QFontMetrics(self._font()).height()
        return max(4, line // 4), round(line * 1.1), round(line * 1.4)

    def _layout(self, width: int) -> tuple[list[tuple[QRect, str]], int]:
        pad, icon_size, gap = self._metrics()
        metrics = QFontMetrics(self._font())
        left = pad + icon_size + gap // 2
        right = max(width - pad, left + 40)
        line_h = metrics.height()
        x, y, row_h = left, pad, line_h
        placed: list[tuple[QRect, str]] = []
        flags = int(Qt.TextFlag.TextWordWrap)
        for chunk in self.chunks:
            chunk_w = metrics.horizontalAdvance(chunk) + 2
            if x > left and x + chunk_w > right:
                x, y = left, y + row_h + pad
                row_h = line_h
            if chunk_w > right - x:  # longer than a whole line: wrap inside the chunk
                box = metrics.boundingRect(QRect(0, 0, right - x, 100000), flags, chunk)
                rect = QRect(x, y, right - x, box.height())
                placed.append((rect, chunk))
                x, y = left, y + box.height() + pad
                row_h = line_h
                continue
            placed.append((QRect(x, y, chunk_w, line_h), chunk))
            x += chunk_w + gap
        bottom = max(r.bottom() for r, _ in placed) if placed else pad + line_h
        return placed, bottom + 1 + pad

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(width)[1]

    def sizeHint(self) -> QSize:
        pad, icon_size, gap = self._metrics()
        metrics = QFontMetrics(self._font())
        width = pad * 2 + icon_size + sum(metrics.horizontalAdvance(c) + gap for c in self.chunks)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = QFontMetrics(self._font()).horizontalAdvance("M" * 12)
        return QSize(width, self.heightForWidth(self.width() or width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(event.size().width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        # The flat button's own panel (it has no text of its own), then the icon and lines.
        super().paintEvent(event)
        painter = QPainter(self)
        pad, icon_size, _gap = self._metrics()
        painter.drawPixmap(pad, pad, pixmap("phone", "acute_text", icon_size))
        painter.setPen(QColor(current_theme().colors.acute_text))
        painter.setFont(self._font())
        for rect, chunk in self._layout(self.width())[0]:
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), chunk)
        painter.end()


def bar_texts() -> tuple[str, str, str]:
    """Danger, suicide, chat: read without pydantic for the first paint; the start-up path
    validates the whole file right after it. Anything missing: the validating loader at once."""
    texts = acute_bar_texts(i18n.language())
    if texts is None:
        from docentwijzer.helplines import help_content

        content = help_content()
        texts = (content.bar_danger, content.bar_suicide, content.bar_chat)
    return texts


class AcuteBar(QFrame):
    activated = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("acuteBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        chunks = list(bar_texts())
        self.button = HelpLinesButton(chunks)
        self.button.setObjectName("acuteButton")
        self.button.setFlat(True)
        self.button.setAccessibleName(t("app.acute_name"))
        self.button.setAccessibleDescription(". ".join(chunks))
        self.button.setToolTip(t("app.acute_tooltip"))
        self.button.clicked.connect(self.activated)
        layout.addWidget(self.button)

    def text(self) -> str:
        return self.button.full_text()
