"""Check boxes and radio buttons whose text wraps, painted in the control itself.

Apart from the shared building blocks (``ui/widgets.py``): the Start screen has none, so the
classes they need (Qt's check box, radio button and style classes, with their enums) are not
created before the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
)

from docentwijzer.ui.theme import current as current_theme
from docentwijzer.ui.tokens import SPACE


class _WrapMixin:
    """A check box or radio button whose text wraps, painted in the control itself, so a
    screen reader meets one control named by its text (a label beside it was read twice)."""

    _element: QStyle.ControlElement
    _indicator: QStyle.SubElement
    _click: QStyle.SubElement
    _base: type[QAbstractButton]

    def _setup(self) -> None:
        widget: QAbstractButton = self  # type: ignore[assignment]
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        widget.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        """The style option as Qt makes it (the text on one line)."""
        option = QStyleOptionButton()
        self._base.initStyleOption(self, option)  # type: ignore[attr-defined]
        return option

    def initStyleOption(self, option: QStyleOptionButton) -> None:
        """The text broken into the lines painted: Qt's accessibility takes the control's
        extents from this (a screen reader, and its magnifier, then meet the whole text, not
        its first line run past the edge), and so does the focus ring."""
        self._base.initStyleOption(self, option)  # type: ignore[attr-defined]
        widget: QAbstractButton = self  # type: ignore[assignment]
        option.text = "\n".join(self._lines(widget.width()))

    def _lines(self, width: int) -> list[str]:
        widget: QAbstractButton = self  # type: ignore[assignment]
        text = widget.text()
        layout = QTextLayout(text, widget.font())
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(wrap)
        lines = []
        line_width = self._text_rect(width).width()
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(line_width)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
        layout.endLayout()
        return lines

    def focus_rect(self) -> QRect:
        """The box and its text, as a screen reader reports the control: the ring goes there."""
        widget: QAbstractButton = self  # type: ignore[assignment]
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return widget.style().subElementRect(self._click, option, widget)

    def _text_rect(self, width: int) -> QRect:
        widget: QAbstractButton = self  # type: ignore[assignment]
        option = self._option()
        option.rect = QRect(0, 0, width, max(widget.height(), 1))
        box = widget.style().subElementRect(self._indicator, option, widget)
        left = box.right() + 1 + SPACE["s"]
        return QRect(left, SPACE["xs"], max(width - left - 2, 20), 100000)

    def text_left(self) -> int:
        """Where the text starts: to line other controls up under it."""
        return self._text_rect(200).left()

    def _text_height(self, width: int) -> int:
        widget: QAbstractButton = self  # type: ignore[assignment]
        rect = self._text_rect(width)
        flags = int(Qt.TextFlag.TextWordWrap)
        return widget.fontMetrics().boundingRect(rect, flags, widget.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        widget: QAbstractButton = self  # type: ignore[assignment]
        line = widget.fontMetrics().height()
        return max(self._text_height(width) + 2 * SPACE["xs"], line + 2 * SPACE["s"], 32)

    def sizeHint(self) -> QSize:
        widget: QAbstractButton = self  # type: ignore[assignment]
        em = widget.fontMetrics().horizontalAdvance("M")
        width = min(widget.fontMetrics().horizontalAdvance(widget.text()) + 3 * em, 24 * em)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        widget: QAbstractButton = self  # type: ignore[assignment]
        width = widget.fontMetrics().horizontalAdvance("M") * 6
        return QSize(width, self.heightForWidth(widget.width() or width))

    def hitButton(self, _pos: QPoint) -> bool:
        return True  # the whole row, text included, is the target

    def paintEvent(self, _event: QPaintEvent) -> None:
        widget: QAbstractButton = self  # type: ignore[assignment]
        option = self._option()
        option.text = ""
        height = widget.height()
        # The text centred in the row's height (a single line sat at the top of a taller row),
        # the indicator beside its first line.
        line = widget.fontMetrics().height()
        spare = height - self._text_height(widget.width()) - 2 * SPACE["xs"]
        top = SPACE["xs"] + max(spare // 2, 0)
        option.rect = QRect(0, top, widget.width(), line)
        painter = QStylePainter(widget)
        painter.drawControl(self._element, option)
        colors = current_theme().colors
        painter.setPen(QColor(colors.text if widget.isEnabled() else colors.disabled))
        rect = self._text_rect(widget.width())
        rect.moveTop(top)
        rect.setHeight(height - top)
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), widget.text())
        painter.end()


class WrapCheckBox(_WrapMixin, QCheckBox):
    """A check box whose text wraps (one control: name = the text)."""

    _element = QStyle.ControlElement.CE_CheckBox
    _indicator = QStyle.SubElement.SE_CheckBoxIndicator
    _click = QStyle.SubElement.SE_CheckBoxClickRect
    _base = QCheckBox

    def __init__(self, text: str = "") -> None:
        QCheckBox.__init__(self, text)
        self._setup()


class WrapRadioButton(_WrapMixin, QRadioButton):
    """A radio button whose text wraps (one control: name = the text)."""

    _element = QStyle.ControlElement.CE_RadioButton
    _indicator = QStyle.SubElement.SE_RadioButtonIndicator
    _click = QStyle.SubElement.SE_RadioButtonClickRect
    _base = QRadioButton

    def __init__(self, text: str = "") -> None:
        QRadioButton.__init__(self, text)
        self._setup()


# PySide6 only calls Python overrides of C++ virtuals found on classes derived from the Qt
# class: copy the mixin's methods onto both controls.
for _cls in (WrapCheckBox, WrapRadioButton):
    for _name in (
        "hasHeightForWidth",
        "heightForWidth",
        "sizeHint",
        "minimumSizeHint",
        "hitButton",
        "paintEvent",
        "initStyleOption",
    ):
        setattr(_cls, _name, getattr(_WrapMixin, _name))
