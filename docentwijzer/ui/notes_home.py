"""The notes' panel on the home screen: check-ins due and notes past their retention date.

Pseudonyms only while the notes are unlocked; locked, a neutral line and at most a count of
planned check-ins (from the two-value hint, see :mod:`docentwijzer.checkins`). Never note
content. When the app starts with check-ins due it says so once, in a calm message at the top.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from docentwijzer import checkins
from docentwijzer.i18n import t

from docentwijzer.ui.checkins_due import DueListView
from docentwijzer.ui.notes_session import NotesSession, session_for
from docentwijzer.ui.widgets import callout, heading, paragraph

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
        #: Locked: how many check-ins are planned (a number only, never who).
        self.locked_checkins = paragraph("")
        self.locked_checkins.setObjectName("lockedCheckins")
        self.locked_checkins.hide()
        column.addWidget(self.locked_checkins)
        self.checkins_title = heading(t("checkins.home_title"), 3)
        column.addWidget(self.checkins_title)
        self.due_list = DueListView(limit=MAX_NAMED)
        self.due_list.open_checkin.connect(self._open_checkin)
        self.due_list.show_all.connect(lambda: self._navigate(""))
        column.addWidget(self.due_list)
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
        #: The once-per-start message; the home screen puts it at the top of Start.
        self.announcement = callout(
            "info", t("checkins.announce_title"), t("checkins.announce_text")
        )
        self.announcement.setObjectName("checkinsAnnouncement")
        self.announce_button = QPushButton(t("checkins.announce_button"))
        self.announce_button.clicked.connect(self._announcement_clicked)
        self.announcement.layout().itemAt(1).layout().addWidget(  # type: ignore[union-attr]
            self.announce_button, 0, Qt.AlignmentFlag.AlignLeft
        )
        self.announcement.hide()
        #: Shown once per start: set when it first appears, it never comes back this run.
        self._announced = False

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

    def _open_checkin(self, checkin_id: str) -> None:
        from docentwijzer.ui.notes import ShowNotes

        self.window().navigate("notities", ShowNotes("checkin", checkin_id))  # type: ignore[attr-defined]

    def _announcement_clicked(self) -> None:
        self.announcement.hide()
        self._navigate("due" if self._session is not None and self._session.is_open else "")

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.attach()

    def hideEvent(self, event: Any) -> None:
        # Leaving Start ends the message: said once, calmly, not again this run.
        self.announcement.hide()
        super().hideEvent(event)

    def _announce(self, due: bool) -> None:
        if due and not self._announced:
            self._announced = True
            self.announcement.show()
        elif not due:
            self.announcement.hide()

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
            self.announcement.hide()
            self.due_list.clear()
            self.locked_checkins.clear()
            self.expired_line.clear()
            return
        self.card.setVisible(state != "new")
        is_open = state == "open"
        self.locked_line.setVisible(not is_open)
        self.open_button.setVisible(not is_open)
        for widget in (self.checkins_title, self.due_list):
            widget.setVisible(is_open)
        self.expired_line.parentWidget().setVisible(is_open)
        today = date.today()
        if not is_open:
            self.due_list.clear()
            self.expired_line.clear()
            hint = checkins.read_hint(session.store) if state == "locked" else None
            planned = hint.open if hint is not None else 0
            due = hint is not None and hint.due_count_known(today)
            key = "checkins.home_locked_due" if due else "checkins.home_locked_planned"
            self.locked_checkins.setText(t(key, count=planned) if planned else "")
            self.locked_checkins.setVisible(bool(planned))
            self._announce(due)
            return
        self.locked_checkins.hide()
        due_list = checkins.due_list(session.store, today)
        self.due_list.show_due(due_list)
        self._announce(due_list.due_count > 0)
        expired = session.store.past_retention()
        if expired:
            self.expired_line.setText(
                t("notes.home_expired", count=len(expired), months=session.store.retention_months)
            )
        else:
            self.expired_line.setText(t("notes.home_no_expired"))
        self.expired_button.setVisible(bool(expired))
