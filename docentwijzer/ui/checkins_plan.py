"""The check-in plan inside the note editor: one or more dates, each with what to ask.

The tree suggests the first (a route's leaf: its follow-up date and text); the teacher can
change it, add more, or remove one. Check-ins already recorded are shown, not edited.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.checkins import CheckIn, outcome_label, route_node, suggest
from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.notes import Note
from docentwijzer.tree import TreeContent, tree_content

from docentwijzer.ui.widgets import paragraph


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setAccessibleName(name)
    return edit


class PlanRow(QWidget):
    """One open check-in: the date, what to ask, and a button to take it out."""

    removed = Signal(object)

    def __init__(self, checkin: CheckIn, question: str) -> None:
        super().__init__()
        self.checkin = checkin
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.due = date_edit(t("checkins.plan_date"))
        self.due.setDate(qdate(checkin.due))
        self.ask = QLineEdit(question)
        self.ask.setAccessibleName(t("checkins.plan_ask"))
        self.ask.setPlaceholderText(t("checkins.plan_ask_placeholder"))
        self.ask.setCursorPosition(0)
        self.remove = QPushButton(t("checkins.plan_remove"))
        self.remove.setAccessibleName(t("checkins.plan_remove_name"))
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        row.addWidget(self.due)
        row.addWidget(self.ask, 1)
        row.addWidget(self.remove)
        self._question = question

    def value(self) -> CheckIn:
        ask = self.ask.text().strip()
        # Unchanged suggested text stays empty in storage when it was empty (the leaf's text
        # is then shown in the language of the moment).
        keep_empty = not self.checkin.ask and ask == self._question.strip()
        return self.checkin.model_copy(
            update={"due": pydate(self.due.date()), "ask": "" if keep_empty else ask}
        )


class PlanEditor(QWidget):
    """All check-ins of one note in the editor."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._tree: TreeContent | None = None
        self._note: Note | None = None
        self._today = date.today()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.intro = paragraph(t("checkins.plan_intro"), muted=True)
        column.addWidget(self.intro)
        self.recorded = paragraph("", muted=True)
        self.recorded.setObjectName("recordedCheckins")
        self.recorded.hide()
        column.addWidget(self.recorded)
        self.rows_host = QVBoxLayout()
        self.rows_host.setSpacing(6)
        column.addLayout(self.rows_host)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(t("checkins.plan_add"))
        self.add_button.clicked.connect(self.add_suggested)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.rows: list[PlanRow] = []

    @property
    def tree(self) -> TreeContent:
        if self._tree is None:
            self._tree = tree_content()
        return self._tree

    def load(self, note: Note, plan: list[CheckIn], today: date | None = None) -> None:
        self.clear()
        self._note = note
        self._today = today or date.today()
        done = [c for c in plan if not c.is_open]
        self.recorded.setText(
            "\n".join(
                t(
                    "checkins.recorded_line",
                    date=format_date(c.done_on or c.due),
                    outcome=outcome_label(c.outcome or ""),
                    line=c.outcome_note,
                ).rstrip(" :")
                for c in done
            )
        )
        self.recorded.setVisible(bool(done))
        for checkin in plan:
            if checkin.is_open:
                self._add_row(checkin)

    def _add_row(self, checkin: CheckIn) -> PlanRow:
        row = PlanRow(checkin, checkin.question(self.tree))
        row.removed.connect(self._remove_row)
        row.due.dateChanged.connect(lambda *_: self.changed.emit())
        row.ask.textChanged.connect(lambda *_: self.changed.emit())
        self.rows.append(row)
        self.rows_host.addWidget(row)
        return row

    def add_suggested(self) -> None:
        """One more check-in, as the note's leaf suggests it (a week later than the last one
        when there is one already)."""
        note = self._note
        node = route_node(note.link) if note is not None else None
        suggestion = suggest(self.tree, node, self._today)
        if self.rows:
            last = max(row.value().due for row in self.rows)
            step = max(suggestion.due - self._today, timedelta(days=1))
            suggestion = suggestion.model_copy(update={"due": last + step})
        row = self._add_row(suggestion)
        self.changed.emit()
        row.ask.setFocus()

    def _remove_row(self, row: PlanRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self.rows_host.removeWidget(row)
        row.deleteLater()
        self.changed.emit()
        target = self.rows[min(index, len(self.rows) - 1)].ask if self.rows else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> list[CheckIn]:
        return [row.value() for row in self.rows]

    def snapshot(self) -> tuple[object, ...]:
        return tuple((c.id, c.due, c.ask) for c in self.values())

    def clear(self) -> None:
        for row in self.rows:
            self.rows_host.removeWidget(row)
            row.deleteLater()
        self.rows = []
        self._note = None
        self.recorded.clear()
        self.recorded.hide()
