"""The acute-help bar: on every screen, one click (or F1) from the urgent guidance.

The text wraps instead of forcing the window wide, so it stays whole at 200% text size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from docentwijzer import i18n
from docentwijzer.first_paint import acute_bar_texts
from docentwijzer.i18n import t

_PAD = 8


class WrappingButton(QPushButton):
    """A push button whose label wraps; keyboard and accessibility as any button."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setObjectName("acuteLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(_PAD, _PAD // 2, _PAD, _PAD // 2)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def full_text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(max(width - 2 * _PAD, 1)) + _PAD

    def sizeHint(self) -> QSize:
        hint = self.label.sizeHint()
        return QSize(hint.width() + 2 * _PAD, self.heightForWidth(hint.width() + 2 * _PAD))

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("M" * 12)
        return QSize(width, self.heightForWidth(self.width() or width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(event.size().width()))


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
        layout.setContentsMargins(6, 3, 6, 3)
        text = "⚠  " + "  ·  ".join(bar_texts())
        self.button = WrappingButton(text)
        self.button.setObjectName("acuteButton")
        self.button.setFlat(True)
        self.button.setAccessibleName(t("app.acute_name"))
        self.button.setAccessibleDescription(text)
        self.button.setToolTip(t("app.acute_tooltip"))
        font = self.button.label.font()
        font.setBold(True)
        self.button.label.setFont(font)
        self.button.clicked.connect(self.activated)
        layout.addWidget(self.button)

    def text(self) -> str:
        return self.button.full_text()
