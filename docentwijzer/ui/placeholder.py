"""What an area that is not built yet shows: plainly that, and what it will do."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from docentwijzer.i18n import t

from docentwijzer.ui.areas import Area
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import heading, paragraph


class PlaceholderScreen(Screen):
    def __init__(self, area: Area) -> None:
        super().__init__()
        self.area_id = area.id
        self.body.addWidget(heading(t(area.title_key)))
        self.body.addWidget(paragraph(t("app.not_built")))
        self.body.addWidget(paragraph(t(area.summary_key), muted=True))
        back = QPushButton(t("app.back_home"))
        back.setAccessibleName(t("app.back_home"))
        back.clicked.connect(lambda: self.window().navigate("start"))  # type: ignore[attr-defined]
        self.body.addWidget(back)
        self.body.addStretch(1)


class ErrorScreen(Screen):
    """Shown instead of a screen whose content could not be loaded: a message, no traceback."""

    def __init__(self, area: Area, message: str) -> None:
        super().__init__()
        self.area_id = area.id
        self.message = message
        self.body.addWidget(heading(t(area.title_key)))
        self.body.addWidget(paragraph(t("app.content_broken")))
        self.body.addWidget(paragraph(message, muted=True))
        self.body.addStretch(1)
