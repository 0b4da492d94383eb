"""'Wat kan de student zelf doen?': the hand-out on screen, and saved as a one-page PDF.

Reached from the referral tree's leaves where stress, study or connection is the need, or the
student wants no help now (a "see also" link), and from the Help menu. The content
(``content/<lang>/zelfhulp.json``) is sourced point by point; the PDF is written through the one
dialog seam.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel

from docentwijzer.i18n import t
from docentwijzer.zelfhulp import Point, self_help

from docentwijzer.ui import dialogs
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.tree_widgets import sources_block
from docentwijzer.ui.widgets import callout, card, heading, paragraph, primary_button


def point_list(points: list[Point]) -> QLabel:
    """The points as a bulleted list; a screen reader gets the words without the markup."""
    items = "".join(f"<li>{escape(point.text)}</li>" for point in points)
    label = paragraph(f"<ul style='margin:0'>{items}</ul>", rich=True)
    label.setAccessibleName(" ".join(point.text for point in points))
    return label


class SelfHelpScreen(Screen):
    area_id = "zelfhulp"

    def __init__(self) -> None:
        super().__init__()
        content = self_help()
        self.content = content
        self.body.addWidget(heading(content.title))
        self.body.addWidget(paragraph(content.subtitle, muted=True))
        self.body.addWidget(callout("info", t("zelfhulp.for_teacher_title"), content.for_teacher))
        row = QHBoxLayout()
        self.save_button = primary_button(t("zelfhulp.save"))
        self.save_button.setObjectName("saveSelfHelp")
        self.save_button.clicked.connect(self.save_pdf)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(card(paragraph(" ".join(p.text for p in content.intro))))
        for section in content.sections:
            parts = [heading(section.title, 2), point_list(section.points)]
            if section.note:
                parts.append(paragraph(section.note, muted=True))
            box = card(*parts)
            box.setObjectName("card")
            self.body.addWidget(box)
        # The acute numbers stand out as they do on paper: a warning, not one more card.
        acute = " ".join(point.text for point in content.acute.points)
        self.body.addWidget(callout("warning", content.acute.title, acute))
        self.body.addWidget(sources_block(content.sources))
        self.body.addStretch(1)

    def focus_first(self) -> None:
        self.save_button.setFocus(Qt.FocusReason.TabFocusReason)

    def save_pdf(self) -> Path | None:
        from docentwijzer.zelfhulp_pdf import write_self_help  # reportlab: loaded when needed

        return dialogs.save_pdf(
            self,
            title=t("zelfhulp.save_title"),
            suggested=str(Path.home() / t("zelfhulp.file")),
            filters=t("zelfhulp.pdf_filter"),
            write=lambda path: write_self_help(path),
            failed_title=t("zelfhulp.save_title"),
            done_title=t("zelfhulp.save_title"),
            done=lambda path: t("zelfhulp.saved", path=str(path)),
        )
