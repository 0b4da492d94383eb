"""Small parts the Belonging screen's tabs share: layout helpers, buttons, saving a change."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton, QVBoxLayout, QWidget

from docentwijzer.belonging import BelongingStore
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs

ROLE_TIP = Qt.ItemDataRole.UserRole


def clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())  # type: ignore[arg-type]


def combo() -> QComboBox:
    """A combo box that may be narrower than its longest item (readable at 200% text)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def chain(*widgets: QWidget) -> None:
    """Keyboard order for widgets built after the screen (Qt would put them last)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def button(text: str, handler: Callable[[], object], *, tip: str = "") -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(text.replace("&", ""))
    if tip:
        push.setToolTip(tip)
    push.clicked.connect(lambda _=False: handler())
    return push


def save_change(parent: QWidget, store: BelongingStore, action: Callable[[], bool]) -> bool:
    """Run a store change; tell the teacher when it could not be written."""
    try:
        written = action()
    except OSError as exc:
        dialogs.warn(
            parent, t("belonging.save_failed_title"), t("belonging.save_failed", reason=str(exc))
        )
        return False
    if not written and not store.writable:
        dialogs.warn(parent, t("belonging.save_failed_title"), t("belonging.save_newer"))
    return True


class SearchKeys(QObject):
    """Down arrow in the search field moves into the list of results."""

    def __init__(self, target: QListWidget) -> None:
        super().__init__()
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.target.count()
        ):
            self.target.setFocus(Qt.FocusReason.TabFocusReason)
            if self.target.currentRow() < 0:
                self.target.setCurrentRow(0)
            return True
        return False
