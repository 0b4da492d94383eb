"""The notes' panel on the home screen: follow-ups due and notes past their retention date.

Counts and pseudonyms only while the notes are unlocked; locked, one neutral line. Never note
content.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from docentwijzer.dates import format_date
from docentwijzer.i18n import t

from docentwijzer.ui.notes_session import NotesSession, session_for
from docentwijzer.ui.widgets import heading, paragraph

MAX_NAMED = 5


class NotesHomePanel(QWidget):
    """Always present (so it learns when it is shown); its card only once notes exist."""

    def __init__(self) -> None:
        super().__init__()
        self._session: NotesSession | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        outer.addWidget(self.card)
        column = QVBoxLayout(self.card)
        column.addWidget(heading(t("notes.home_title"), 3))
        self.locked_line = paragraph(t("notes.home_locked"), muted=True)
        column.addWidget(self.locked_line)
        self.due_line, self.due_button = self._row(column, t("notes.home_due_button"), "due")
        self.expired_line, self.expired_button = self._row(
            column, t("notes.home_expired_button"), "retention"
        )
        self.open_button = QPushButton(t("notes.home_unlock"))
        self.open_button.clicked.connect(lambda: self._navigate(""))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        column.addLayout(row)
        self.card.hide()

    def _row(
        self, column: QVBoxLayout, button_text: str, target: str
    ) -> tuple[QLabel, QPushButton]:
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        label = paragraph("")
        button = QPushButton(button_text)
        button.clicked.connect(lambda: self._navigate(target))
        row.addWidget(label, 1)
        row.addWidget(button)
        column.addWidget(host)
        return label, button

    def _navigate(self, target: str) -> None:
        from docentwijzer.ui.notes import ShowNotes

        payload = ShowNotes(target) if target else None
        self.window().navigate("notities", payload)  # type: ignore[attr-defined]

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.attach()

    def attach(self) -> None:
        """Find the window's session (the panel has no window while it is being built)."""
        if self._session is None:
            self._session = session_for(self)
            self._session.state_changed.connect(self.update_panel)
            self._session.notes_changed.connect(self.update_panel)
        self.update_panel()

    def update_panel(self) -> None:
        if self._session is None:
            return
        session = self._session
        state = session.state
        if getattr(self.window(), "trainer_mode", False):  # projected: not even a count
            self.card.hide()
            self.due_line.clear()
            self.expired_line.clear()
            return
        self.card.setVisible(state != "new")
        is_open = state == "open"
        self.locked_line.setVisible(not is_open)
        self.open_button.setVisible(not is_open)
        for widget in (self.due_line, self.due_button, self.expired_line, self.expired_button):
            widget.parentWidget().setVisible(is_open)
        if not is_open:
            self.due_line.clear()
            self.expired_line.clear()
            return
        due = session.store.due_follow_ups()
        expired = session.store.past_retention()
        if due:
            named = ", ".join(
                f"{s.pseudonym} ({format_date(s.follow_up)})"
                for s in due[:MAX_NAMED]
                if s.follow_up
            )
            more = len(due) - MAX_NAMED
            if more > 0:
                named += " " + t("notes.home_more", count=more)
            self.due_line.setText(t("notes.home_due", count=len(due), names=named))
        else:
            self.due_line.setText(t("notes.home_no_due"))
        self.due_button.setVisible(bool(due))
        if expired:
            self.expired_line.setText(
                t("notes.home_expired", count=len(expired), months=session.store.retention_months)
            )
        else:
            self.expired_line.setText(t("notes.home_no_expired"))
        self.expired_button.setVisible(bool(expired))
