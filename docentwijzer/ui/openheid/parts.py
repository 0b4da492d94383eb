"""The building blocks of the openness exercise's pages: student type, labels, large answer
targets that wrap, and the choice box of one question."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.openheid import (
    Answer,
    OpennessContent,
    OpennessResult,
    Question,
)

from docentwijzer.ui.wrapping import WrapCheckBox, WrapRadioButton

STUDENT_SCALE = 1.3


def _base_size() -> float:
    return QApplication.font().pointSizeF()


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(_base_size() * factor)
    font.setBold(bold)
    return font


#: Widgets with this property keep their own font when a student page is scaled up.
FIXED_FONT = "dw_fixed_font"


def keep_font(widget: QWidget) -> QWidget:
    widget.setProperty(FIXED_FONT, True)
    for child in widget.findChildren(QWidget):
        child.setProperty(FIXED_FONT, True)
    return widget


def scale_fonts(root: QWidget) -> None:
    """Give every widget under ``root`` the student font, except those marked fixed.

    Font inheritance from a parent does not reach widgets that the application's style sheet
    polishes, so each widget gets the font explicitly.
    """
    font = scaled_font(STUDENT_SCALE)
    for widget in root.findChildren(QWidget):
        if not widget.property(FIXED_FONT) and widget.font() != font:
            widget.setFont(font)


def text_label(
    text: str, *, factor: float | None = None, bold: bool = False, muted: bool = False
) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if factor is not None or bold:
        label.setFont(scaled_font(factor or STUDENT_SCALE, bold=bold))
        label.setProperty(FIXED_FONT, True)
    if muted:
        label.setObjectName("muted")
    return label


def page_title(text: str) -> QLabel:
    label = text_label(text, factor=STUDENT_SCALE * 1.45, bold=True)
    label.setObjectName("h1")
    label.setAccessibleName(text)
    return label


def page_subtitle(text: str) -> QLabel:
    label = text_label(text, factor=STUDENT_SCALE * 1.12, bold=True)
    label.setObjectName("h3")
    return label


def text_box(placeholder: str, accessible: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(accessible)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 18)
    return box


def add_now(layout: QVBoxLayout | QGridLayout, widget: QWidget, *position: int) -> None:
    """Add a rebuilt widget and show it now (Qt would only show it on the next event loop turn)."""
    layout.addWidget(widget, *position)
    widget.show()


def clear_layout(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def focusables(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab can reach, in layout (creation) order."""
    found: list[QWidget] = []
    for child in root.children():
        if not isinstance(child, QWidget):
            continue
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(child)
        else:
            found += focusables(child)
    return found


class _ClickLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class Wrapped(QFrame):
    """A check box or radio button as a large framed target whose text wraps.

    Qt's own buttons never wrap their text, and their small indicator is hard to see at a
    distance or in dark mode, so the whole row is filled with the highlight colour when chosen.
    """

    def __init__(self, button: QAbstractButton, text: str) -> None:
        super().__init__()
        self.setObjectName("option")
        self.button = button
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        if isinstance(button, (WrapCheckBox, WrapRadioButton)):
            # The control paints its own wrapping text: one control, read once.
            button.setText(text)
            self.label: QWidget = button
            row.addWidget(button, 1)
        else:
            button.setAccessibleName(text)
            label = _ClickLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.clicked.connect(self._click)
            self.label = label
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(label, 1)
        button.toggled.connect(self._sync)
        button.installEventFilter(self)
        self._sync()

    def _click(self) -> None:
        if self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()

    def _sync(self) -> None:
        self._set("checked", self.button.isChecked())

    def _set(self, name: str, value: bool) -> None:
        if self.property(name) == value:
            return
        self.setProperty(name, value)
        for widget in (self, self.label):
            font = widget.font()
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._set("focused", event.type() == QEvent.Type.FocusIn)
        return False

    def text(self) -> str:
        label = self.label
        return label.text() if isinstance(label, (QLabel, QAbstractButton)) else ""


#: The look of the large answer targets (``#option``) is in the window sheet (ui/theme.py).


class ChoiceBox(QWidget):
    """The example answers of one question (pick one) and the student's own words."""

    changed = Signal()

    def __init__(self, question: Question, own_label: str) -> None:
        super().__init__()
        self.question = question
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.options: dict[str, Wrapped] = {}
        for option in question.options:
            radio = WrapRadioButton()
            radio.setObjectName(f"option_{question.id}_{option.id}")
            wrapped = Wrapped(radio, option.label)
            self.group.addButton(radio)
            self.options[option.id] = wrapped
            column.addWidget(wrapped)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        column.addWidget(text_label(own_label, muted=True))
        self.words = text_box(question.own_words, f"{question.title} {own_label}")
        self.words.setObjectName(f"words_{question.id}")
        self.words.textChanged.connect(self.changed.emit)
        column.addWidget(self.words)

    def set_answer(self, answer: Answer) -> None:
        self.blockSignals(True)
        self.group.setExclusive(False)
        for option_id, wrapped in self.options.items():
            wrapped.button.setChecked(option_id == answer.choice)
        self.group.setExclusive(True)
        if self.words.toPlainText() != answer.words:
            self.words.setPlainText(answer.words)
        self.blockSignals(False)

    def answer(self) -> Answer:
        choice = next((oid for oid, w in self.options.items() if w.button.isChecked()), None)
        return Answer(choice=choice, words=self.words.toPlainText())

    def first_focus(self) -> QWidget:
        checked = next((w.button for w in self.options.values() if w.button.isChecked()), None)
        return checked or next(iter(self.options.values())).button


class Exercise(Protocol):
    """What a page needs of the screen it sits on (the screen imports the pages, not back)."""

    content: OpennessContent
    result: OpennessResult
    note_id: str | None
    pseudonym: str | None
    active: bool

    def chain_focus(self, page: QWidget) -> None: ...

    def edited(self) -> None: ...

    def start(self) -> None: ...

    def make_pdf(self) -> None: ...

    def save_note(self) -> None: ...

    def close_without_saving(self) -> None: ...
