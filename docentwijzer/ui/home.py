"""Start: begins from the teacher's situation, not from a menu."""

from __future__ import annotations

from PySide6.QtWidgets import QCommandLinkButton, QGridLayout, QVBoxLayout, QWidget

from docentwijzer.i18n import t

from docentwijzer.ui.notes_home import NotesHomePanel
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph

#: (situation key, area it opens)
SITUATIONS: tuple[tuple[str, str], ...] = (
    ("zorgen", "signalering"),
    ("openheid", "openheid"),
    ("les", "belonging"),
    ("training", "training"),
    ("notities", "notities"),
)


class HomeScreen(Screen):
    area_id = "start"

    def __init__(self) -> None:
        super().__init__()
        self.body.addWidget(heading(t("home.title")))
        self.body.addWidget(paragraph(t("home.intro"), muted=True))

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.situation_buttons: dict[str, QCommandLinkButton] = {}
        for index, (key, target) in enumerate(SITUATIONS):
            button = QCommandLinkButton(t(f"home.{key}"), t(f"home.{key}_detail"))
            button.setObjectName(f"situation_{key}")
            button.setAccessibleName(t(f"home.{key}"))
            button.setAccessibleDescription(t(f"home.{key}_detail"))
            button.clicked.connect(lambda _=False, area=target: self._open(area))
            grid.addWidget(button, index // 2, index % 2)
            self.situation_buttons[key] = button
        self.body.addWidget(grid_host)

        #: Other tools (e.g. notes: follow-ups due) add their panels here.
        self.panels = QVBoxLayout()
        self.body.addLayout(self.panels)
        self.notes_panel = NotesHomePanel()
        self.panels.addWidget(self.notes_panel)

        disclaimer = card(
            heading(t("home.disclaimer_title"), 3),
            paragraph(t("home.disclaimer")),
            object_name="disclaimer",
        )
        self.body.addWidget(disclaimer)
        self.body.addStretch(1)

    def _open(self, area_id: str) -> None:
        self.window().navigate(area_id)  # type: ignore[attr-defined]

    def focus_first(self) -> None:
        self.situation_buttons["zorgen"].setFocus()
