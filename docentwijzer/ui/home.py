"""Start: begins from the teacher's situation, not from a menu."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from docentwijzer.i18n import t

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.startup import after_first_paint
from docentwijzer.ui.tokens import SPACE
from docentwijzer.ui.widgets import CardButton, callout, card, heading, paragraph

#: (situation key, area it opens, icon)
SITUATIONS: tuple[tuple[str, str, str], ...] = (
    ("zorgen", "signalering", "heart-handshake"),
    ("oefenen", "oefenen", "school"),
    ("openheid", "openheid", "messages"),
    ("les", "belonging", "users-group"),
    ("training", "training", "presentation"),
    ("notities", "notities", "notes"),
)


class HomeScreen(Screen):
    area_id = "start"

    def __init__(self) -> None:
        super().__init__()
        self.body.addWidget(heading(t("home.title")))
        self.body.addWidget(paragraph(t("home.intro"), muted=True))

        #: Calm messages at the top of Start (check-ins due, said once per start).
        self.notices = QVBoxLayout()
        self.body.addLayout(self.notices)

        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACE["m"])
        self.columns = 0
        self.situation_buttons: dict[str, CardButton] = {}
        for key, target, icon_name in SITUATIONS:
            button = CardButton(t(f"home.{key}"), t(f"home.{key}_detail"), icon_name)
            button.setProperty("situation", key)
            button.clicked.connect(lambda _=False, area=target: self._open(area))
            self.situation_buttons[key] = button
        self._arrange(2)
        self.body.addWidget(grid_host)

        #: Other tools (e.g. notes: follow-ups due) add their panels here.
        self.panels = QVBoxLayout()
        self.body.addLayout(self.panels)
        # The notes panel needs the crypto stack: add it just after the window is on screen,
        # so start-up does not wait for it.
        self._notes_panel: QWidget | None = None
        after_first_paint(self, self._add_notes_panel)
        # The practice reminder reads a small file: after the first paint too, never before.
        self.practice_reminder = self._practice_reminder()
        self.panels.addWidget(self.practice_reminder)
        self._painted = False
        after_first_paint(self, self._first_reminder)

        disclaimer = card(
            heading(t("home.disclaimer_title"), 3),
            paragraph(t("home.disclaimer")),
            object_name="disclaimer",
        )
        self.body.addWidget(disclaimer)
        self.body.addStretch(1)

    @property
    def notes_panel(self) -> QWidget:
        if self._notes_panel is None:
            self._add_notes_panel()
        assert self._notes_panel is not None
        return self._notes_panel

    def _add_notes_panel(self) -> None:
        if self._notes_panel is not None:
            return
        from docentwijzer.ui.notes_home import NotesHomePanel

        self._notes_panel = NotesHomePanel()
        self.panels.addWidget(self._notes_panel)
        self.notices.addWidget(self._notes_panel.announcement)
        if self.isVisible():
            self._notes_panel.show()  # at once, not on the next event-loop turn

    def _practice_reminder(self) -> QWidget:
        """About three months after the last practice: a gentle nudge to practise again."""
        button = QPushButton(t("home.practise_again"))
        button.setObjectName("practiseAgain")
        button.clicked.connect(lambda: self._open("oefenen"))
        box = callout("info", t("oefenen.reminder_title"), t("oefenen.reminder"))
        box.layout().itemAt(1).layout().addWidget(  # type: ignore[union-attr]
            button, 0, Qt.AlignmentFlag.AlignLeft
        )
        box.hide()
        return box

    def _first_reminder(self) -> None:
        self._painted = True
        self.practice_reminder.setVisible(self._reminder_due())

    def _reminder_due(self) -> bool:
        if getattr(self.window(), "trainer_mode", False):
            return False
        from docentwijzer.oefenen_progress import ProgressStore, reminder_due

        return reminder_due(ProgressStore().load().value, date.today())

    def showEvent(self, event: QShowEvent) -> None:
        if self._painted:  # coming back to Start; the first time waits for the first paint
            self.practice_reminder.setVisible(self._reminder_due())
        super().showEvent(event)

    def _arrange(self, columns: int) -> None:
        """Two columns when they fit, one when the text is large or the window narrow."""
        if columns == self.columns:
            return
        self.columns = columns
        for index, button in enumerate(self.situation_buttons.values()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        widest = max(b.sizeHint().width() for b in self.situation_buttons.values())
        self._arrange(2 if event.size().width() >= 2 * widest + 80 else 1)
        super().resizeEvent(event)

    def _open(self, area_id: str) -> None:
        self.window().navigate(area_id)  # type: ignore[attr-defined]

    def focus_first(self) -> None:
        self.situation_buttons["zorgen"].setFocus()
