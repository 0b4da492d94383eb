"""Check-ins that need attention: overdue, today, within a week (Start and Notities).

Shown only while the notes are unlocked. Each one is a button that opens "Hoe ging het?" for it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from docentwijzer.checkins import DueItem, DueList
from docentwijzer.dates import format_date
from docentwijzer.i18n import t

from docentwijzer.ui.widgets import paragraph


def bucket(item: DueItem, today: date) -> str:
    if item.due < today:
        return t("checkins.due_overdue")
    if item.due == today:
        return t("checkins.due_today")
    return t("checkins.due_week")


def summary(due: DueList) -> str:
    """'Te laat: 2 · Vandaag: 1 · Binnen een week: 3' (the parts that are not zero)."""
    parts = [
        (t("checkins.due_overdue"), len(due.overdue)),
        (t("checkins.due_today"), len(due.due_today)),
        (t("checkins.due_week"), len(due.this_week)),
    ]
    shown = [f"{label}: {count}" for label, count in parts if count]
    return " · ".join(shown) if shown else t("checkins.due_none")


class DueListView(QWidget):
    """A summary line and the first check-ins as buttons (earliest first)."""

    open_checkin = Signal(str)
    #: "show all" where the list cannot grow in place (Start): go to Notities.
    show_all = Signal()

    def __init__(self, limit: int = 5, *, expand_in_place: bool = False) -> None:
        super().__init__()
        self.limit = limit
        self.expand_in_place = expand_in_place
        self._due: DueList | None = None
        self._expanded = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.summary = paragraph("")
        self.summary.setObjectName("dueSummary")
        column.addWidget(self.summary)
        self.items_host = QVBoxLayout()
        self.items_host.setSpacing(4)
        column.addLayout(self.items_host)
        self.more = QPushButton("")
        self.more.setObjectName("dueMore")
        self.more.clicked.connect(self._more)
        self.more.hide()
        column.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons: list[QPushButton] = []

    def _more(self) -> None:
        if not self.expand_in_place:
            self.show_all.emit()
            return
        self._expanded = True
        if self._due is not None:
            self.show_due(self._due)
            if self.buttons:
                self.buttons[min(self.limit, len(self.buttons) - 1)].setFocus()

    def show_due(self, due: DueList) -> None:
        expanded = self._expanded
        self.clear()
        self._due, self._expanded = due, expanded
        self.summary.setText(summary(due))
        items = due.items()
        limit = len(items) if expanded else self.limit
        for item in items[:limit]:
            text = t(
                "checkins.due_item",
                pseudonym=item.pseudonym,
                date=format_date(item.due),
                when=bucket(item, due.today),
            )
            button = QPushButton(text.replace("&", "&&"))  # a pseudonym is never a shortcut
            button.setObjectName("dueItem")
            button.setAccessibleName(t("checkins.due_item_name", item=text))
            button.clicked.connect(lambda _=False, c=item.checkin_id: self.open_checkin.emit(c))
            self.items_host.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)
        rest = len(items) - limit
        self.more.setText(t("checkins.due_more", count=rest) if rest > 0 else "")
        self.more.setVisible(rest > 0)

    def clear(self) -> None:
        for button in self.buttons:
            self.items_host.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        self._due = None
        self._expanded = False
        self.summary.clear()
        self.more.setText("")
        self.more.hide()
