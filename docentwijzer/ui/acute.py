"""Urgent guidance: what to do now, and the national numbers with the date they were checked."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from docentwijzer.helplines import help_content
from docentwijzer.i18n import t

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph, sources_line


class AcuteScreen(Screen):
    area_id = "acuut"

    def __init__(self) -> None:
        super().__init__()
        content = help_content()
        self.body.addWidget(heading(t("acute.title")))
        self.body.addWidget(paragraph(t("acute.intro")))
        for section in content.sections:
            steps = "".join(f"<li>{step.text}</li>" for step in section.steps)
            box = card(
                heading(section.title, 2),
                paragraph(section.when, muted=True),
                paragraph(f"<ol>{steps}</ol>", rich=True),
                sources_line(step.source for step in section.steps),
                object_name=f"section_{section.id}",
            )
            self.body.addWidget(box)

        self.body.addWidget(heading(t("acute.numbers"), 2))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(2, 1)
        for row, line in enumerate(content.helplines):
            name = QLabel(f"<b>{line.name}</b>")
            number = QLabel(f"<b>{line.number}</b>")
            number.setObjectName(f"number_{line.id}")
            detail = paragraph(f"{line.when} {line.also}".strip())
            for column, widget in enumerate((name, number, detail)):
                grid.addWidget(widget, row, column)
        self.body.addWidget(grid_host)
        self.body.addWidget(paragraph(t("acute.checked", date=content.numbers_checked), muted=True))
        self.body.addWidget(sources_line(line.source for line in content.helplines))
        self.body.addStretch(1)
