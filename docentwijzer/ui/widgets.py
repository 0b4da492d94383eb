"""Small building blocks shared by the screens, so they look alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t

if TYPE_CHECKING:
    from docentwijzer.sources import Source


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setObjectName(f"h{level}")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * {1: 1.6, 2: 1.25, 3: 1.1}.get(level, 1.0))
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, *, muted: bool = False, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setObjectName("muted")
    return label


def sources_line(sources: Iterable[Source]) -> QLabel:
    """ "Bron: ..." in small muted text, listing each distinct source once."""
    labels = list(dict.fromkeys(source.label() for source in sources))
    label = paragraph(t("app.sources", list="; ".join(labels)), muted=True)
    label.setObjectName("source")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def card(*children: QWidget, object_name: str = "card") -> QFrame:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    for child in children:
        layout.addWidget(child)
    return frame


def scrolling(inner: QWidget) -> QScrollArea:
    """Wrap a screen's body so it stays usable at 200% text size."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def path_field(path: object, name: str) -> QLineEdit:
    """A folder path shown read-only: selectable, copyable, never clipped at 200% text."""
    field = QLineEdit(str(path))
    field.setReadOnly(True)
    field.setAccessibleName(name)
    field.setCursorPosition(0)
    return field


def action_bar(object_name: str, accessible_name: str = "") -> tuple[QFrame, QHBoxLayout]:
    """A bar pinned below a scrolling page, so the next step stays in view at any text size.

    Returns the bar (add it below the scroll area) and the row to put its buttons in; the
    theme draws its top edge (``#actionBar``, ``#leafBar``, ``#editorBar``).
    """
    bar = QFrame()
    bar.setObjectName(object_name)
    bar.setFrameShape(QFrame.Shape.NoFrame)
    if accessible_name:
        bar.setAccessibleName(accessible_name)
    row = QHBoxLayout(bar)
    row.setContentsMargins(24, 8, 24, 8)
    row.setSpacing(12)
    return bar, row


def primary_button(text: str) -> QPushButton:
    """The one main action of a screen: bold, so it is found first."""
    button = QPushButton(text)
    font = button.font()
    font.setBold(True)
    button.setFont(font)
    return button
