"""Small pieces the Oefenen pages share: answer buttons, clearing a column, effect labels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from docentwijzer.i18n import t

#: A mark next to each effect, so it is never told by colour alone.
EFFECT_MARKS = {"helps": "✓", "partly": "◐", "hinders": "!"}


def effect_text(effect: str) -> str:
    return f"{EFFECT_MARKS[effect]}  {t(f'oefenen.effect_{effect}')}"


class WrapButton(QPushButton):
    """A push button whose (long) text wraps: a line a teacher could say is often a sentence.

    The text is painted, not a child label, so a screen reader meets one button whose name is
    the line itself. Its height follows the width and the text size (200% included).
    """

    def __init__(self, title: str, detail: str = "") -> None:
        super().__init__()
        self.title, self.detail = title, detail
        self.setAccessibleName(title)
        if detail:
            self.setAccessibleDescription(detail)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        #: width -> (title height, detail height); emptied when the font changes
        self._measured: dict[int, tuple[int, int]] = {}

    def set_text(self, title: str, detail: str = "", name: str = "") -> None:
        """New words for a button that is reused (cheaper than a new widget on a shown page)."""
        self.title, self.detail = title, detail
        self.setAccessibleName(name or title)
        self.setAccessibleDescription(detail)
        self._measured.clear()
        if self.width() > 0:  # the height the new words need (a reused button kept the old one)
            self.setMinimumHeight(self.heightForWidth(self.width()))
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._measured.clear()
            self.updateGeometry()
        super().changeEvent(event)

    def _pad(self) -> int:
        return max(8, round(self.fontMetrics().height() * 0.6))

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _heights(self, width: int) -> tuple[int, int]:
        known = self._measured.get(width)
        if known is not None:
            return known
        box = QRect(0, 0, max(width - 2 * self._pad(), 40), 100000)
        flags = int(Qt.TextFlag.TextWordWrap)
        title = QFontMetrics(self._title_font()).boundingRect(box, flags, self.title).height()
        detail = (
            QFontMetrics(self.font()).boundingRect(box, flags, self.detail).height()
            if self.detail
            else 0
        )
        self._measured[width] = (title, detail)
        return title, detail

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        title, detail = self._heights(width)
        return 2 * self._pad() + title + (4 + detail if detail else 0)

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("M") * 30
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("M") * 10
        return QSize(width, self.heightForWidth(self.width() or width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        pad = self._pad()
        title_h, _detail_h = self._heights(self.width())
        area = self.rect().adjusted(pad, pad, -pad, -pad)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        painter.setPen(option.palette.buttonText().color())
        painter.setFont(self._title_font())
        painter.drawText(area, flags, self.title)
        if self.detail:
            painter.setFont(self.font())
            painter.drawText(area.adjusted(0, title_h + 4, 0, 0), flags, self.detail)
        painter.end()


def answer_button(number: int, label: str, hint: str = "") -> WrapButton:
    """A numbered choice, as in the referral tree (the number key chooses it)."""
    button = WrapButton(f"{number}.  {label}", hint)
    button.setObjectName("answer")
    button.setAutoDefault(True)
    button.setAccessibleName(label)
    return button


def set_rich(label: QLabel, html: str) -> None:
    """Rich text on screen, its words (no tags, no entities) for a screen reader."""
    label.setText(html)
    label.setAccessibleName(QTextDocumentFragment.fromHtml(html).toPlainText().strip())


def show_if(widget: QWidget, visible: bool) -> None:
    """Show or hide, only when it changes (setVisible on a shown page is not free)."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def clear(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout`` (hidden first, so nothing flashes)."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


class ArrowKeys(QObject):
    """Up/Down move between a column of buttons (instead of scrolling the page)."""

    def __init__(self, buttons: list[QWidget]) -> None:
        super().__init__()
        self.buttons = buttons
        for button in buttons:
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            shown = [b for b in self.buttons if b.isVisible() and b.isEnabled()]
            if step is not None and watched in shown:
                index = shown.index(watched)  # type: ignore[arg-type]
                shown[(index + step) % len(shown)].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False


def digit(event: QKeyEvent) -> int | None:
    """The number 1-9 typed without modifiers (the keypad counts), else ``None``."""
    plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
        return int(key - Qt.Key.Key_0)
    return None
