"""Achtergrond: a page to read for every teacher, reached from the checklist and the tree.

What a signal does and does not say (complaints and wellbeing are two axes), who does what in the
support chain, different starting points, what the Monitor also shows, what the institution
arranges and where a teacher's influence lies. The content is ``content/<lang>/achtergrond.json``
(:class:`~docentwijzer.training.Background`); every point is sourced, and each card lists its
sources once under it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from docentwijzer.i18n import t
from docentwijzer.training import background

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.tree_widgets import sources_block
from docentwijzer.ui.widgets import card, heading, paragraph


class BackgroundScreen(Screen):
    area_id = "achtergrond"

    def __init__(self) -> None:
        super().__init__()
        content = background()
        self.body.addWidget(heading(content.title))
        self.body.addWidget(paragraph(content.intro, muted=True))
        row = QHBoxLayout()
        self.tree_button = QPushButton(t("achtergrond.to_tree"))
        self.tree_button.setObjectName("backgroundToTree")
        self.tree_button.clicked.connect(
            lambda: self.window().navigate("beslisboom")  # type: ignore[attr-defined]
        )
        self.checklist_button = QPushButton(t("achtergrond.to_checklist"))
        self.checklist_button.setObjectName("backgroundToChecklist")
        self.checklist_button.clicked.connect(
            lambda: self.window().navigate("signalering")  # type: ignore[attr-defined]
        )
        row.addWidget(self.tree_button)
        row.addWidget(self.checklist_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.sections: dict[str, QWidget] = {}
        for section in content.sections:
            items = "".join(f"<li>{escape(point.text)}</li>" for point in section.points)
            text = paragraph(f"<ul style='margin:0'>{items}</ul>", rich=True)
            text.setAccessibleName(" ".join(point.text for point in section.points))
            box = card(
                heading(section.title, 2),
                text,
                sources_block(point.source for point in section.points),
                object_name="card",
            )
            box.setObjectName(f"background_{section.id}")
            box.setAccessibleName(section.title)
            self.sections[section.id] = box
            self.body.addWidget(box)
        self.body.addStretch(1)
