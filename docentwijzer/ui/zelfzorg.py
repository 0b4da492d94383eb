"""'En jij?': after a heavy conversation, real or practised. For the teacher, not the student.

Reached from the acute guidance, from the suicide leaf of the referral tree and from the end of
every practice. The content (``content/<lang>/zelfzorg.json``) is sourced point by point.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from docentwijzer.i18n import t
from docentwijzer.zelfzorg import self_care

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph, sources_line


class SelfCareScreen(Screen):
    area_id = "zelfzorg"

    def __init__(self) -> None:
        super().__init__()
        content = self_care()
        self.body.addWidget(heading(content.title))
        self.body.addWidget(paragraph(content.intro, muted=True))
        self.sections: dict[str, QWidget] = {}
        for section in content.sections:
            items = "".join(f"<li>{escape(point.text)}</li>" for point in section.points)
            text = paragraph(f"<ul style='margin:0'>{items}</ul>", rich=True)
            text.setAccessibleName(" ".join(point.text for point in section.points))
            box = card(heading(section.title, 2), text, object_name="card")
            box.setObjectName(f"care_{section.id}")
            self.sections[section.id] = box
            self.body.addWidget(box)
        row = QHBoxLayout()
        self.practise_button = QPushButton(t("oefenen.selfcare_back"))
        self.practise_button.setObjectName("selfCareToPractise")
        self.practise_button.clicked.connect(
            lambda: self.window().navigate("oefenen")  # type: ignore[attr-defined]
        )
        self.acute_button = QPushButton(t("oefenen.selfcare_acute"))
        self.acute_button.setObjectName("selfCareToAcute")
        self.acute_button.clicked.connect(
            lambda: self.window().navigate("acuut")  # type: ignore[attr-defined]
        )
        row.addWidget(self.practise_button)
        row.addWidget(self.acute_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(sources_line(content.sources))
        self.body.addStretch(1)

    def focus_first(self) -> None:
        self.practise_button.setFocus(Qt.FocusReason.TabFocusReason)
