"""Urgent guidance: what to do now, and the national numbers with the date they were checked.

The "what to do" comes from the referral tree's leaves ACUUT, TWIJFEL_GEVAAR and ZELFDODING
(content/<lang>/beslisboom.json): one source of truth, so the acute screen and the tree can never
say different things. As in the tree, one choice says how the worry arrived (with the student, at
a distance, through someone else) and each situation starts with what to do first for that. The
numbers come from content/<lang>/hulp.json.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from docentwijzer.content import ContentError
from docentwijzer.dates import format_stored
from docentwijzer.handoff import Channel
from docentwijzer.helplines import help_content
from docentwijzer.i18n import t
from docentwijzer.profile import contact_for
from docentwijzer.tree import (
    ACUTE_LEAVES,
    DEFAULT_CHANNEL,
    is_office_hours,
    leaf_sources,
    resolve_contacts,
    tree_content,
)

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.tokens import SPACE
from docentwijzer.ui.tree import Clock, load_profile
from docentwijzer.ui.tree_widgets import ChannelChoice, contacts_block, sources_block
from docentwijzer.ui.widgets import card, heading, paragraph


class AcuteScreen(Screen):
    area_id = "acuut"
    #: "Now", injectable for tests (office hours decide the order of the contacts).
    clock: Clock = staticmethod(datetime.now)  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        content = help_content()
        self.body.addWidget(heading(t("acute.title")))
        self.body.addWidget(paragraph(t("acute.intro")))
        self.channel: Channel = DEFAULT_CHANNEL
        self.channel_choice = ChannelChoice(self.channel)
        self.channel_choice.changed.connect(self._set_channel)
        self.body.addWidget(self.channel_choice)

        # The situations: rebuilt each time the screen is shown, so the institution's own
        # contacts and the office hours are current.
        self.sections_host = QWidget()
        self.sections_column = QVBoxLayout(self.sections_host)
        self.sections_column.setContentsMargins(0, 0, 0, 0)
        self.sections_page: QWidget | None = None
        self.body.addWidget(self.sections_host)

        self.body.addWidget(heading(t("acute.numbers"), 2))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        self.numbers: dict[str, QLabel] = {}
        for index, line in enumerate(content.helplines):
            name = QLabel(f"<b>{escape(line.name)}</b>")
            number = QLabel(f"<b>{escape(line.number)}</b>")
            number.setObjectName(f"number_{line.id}")
            self.numbers[line.id] = number
            detail = paragraph(f"{line.when} {line.also}".strip())
            for widget in (name, number):
                widget.setWordWrap(True)  # a long name or 'vul in bij …' fits at 200% text
            # Name and number on one line, when to call below them: three columns side by
            # side did not fit a 1024-pixel screen at 200% text.
            row = 2 * index
            detail.setContentsMargins(0, 0, 0, SPACE["s"])
            grid.addWidget(name, row, 0)
            grid.addWidget(number, row, 1)
            grid.addWidget(detail, row + 1, 0, 1, 2)
        bold = QFont(self.font())
        bold.setBold(True)
        names = [QFontMetrics(bold).horizontalAdvance(line.name) for line in content.helplines]
        self._helplines, self._widest_name = grid, max(names, default=0) + 2
        self.body.addWidget(grid_host)
        self.body.addWidget(
            paragraph(t("acute.checked", date=format_stored(content.numbers_checked)), muted=True)
        )
        self.body.addWidget(sources_block(line.source for line in content.helplines))
        # After a heavy moment: the teacher's own page ("En jij?").
        self.self_care_button = QPushButton(t("oefenen.selfcare_link"))
        self.self_care_button.setObjectName("toSelfCare")
        self.self_care_button.clicked.connect(
            lambda: self.window().navigate("zelfzorg")  # type: ignore[attr-defined]
        )
        self.body.addWidget(self.self_care_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        if self.sections_page is not None:
            self.sections_page.hide()
            self.sections_page.deleteLater()
        self.sections_page = QWidget()
        self.sections = QVBoxLayout(self.sections_page)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.sections_column.addWidget(self.sections_page)
        try:
            tree = tree_content()
        except ContentError as exc:
            # The numbers below still show; say plainly what is missing.
            self.sections.addWidget(paragraph(f"{t('app.content_broken')} {exc}"))
            self.sections_page.show()
            return
        now = self.clock()
        profile, _notice = load_profile()
        helplines = help_content()
        # The regional out-of-hours GP number is the institution's to fill in.
        own = contact_for(profile, "huisartsenpost")
        number = own.phone if own is not None and own.phone else None
        self.numbers["huisartsenpost"].setText(
            f"<b>{escape(number or helplines.helpline('huisartsenpost').number)}</b>"
        )
        for leaf_id in ACUTE_LEAVES:
            leaf = tree.leaf(leaf_id)
            first = leaf.first_steps.get(self.channel, [])
            steps = "".join(f"<li>{escape(action.text)}</li>" for action in [*first, *leaf.actions])
            contacts = resolve_contacts(leaf, profile, helplines, now)
            box = card(
                heading(leaf.title, 2),
                paragraph(leaf.summary, muted=True),
                paragraph(f"<ol>{steps}</ol>", rich=True),
                contacts_block(contacts, is_office_hours(now), compact=True),
                sources_block(leaf_sources(leaf, follow_up=False)),
                object_name=f"section_{leaf.id}",
            )
            self.sections.addWidget(box)
        # Shown after it is filled: children added to a visible widget appear only later.
        self.sections_page.show()

    def _set_channel(self, channel: Channel) -> None:
        self.channel = channel
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The helplines' names on one line where they fit (up to a third of the page), wrapped
        # beyond: the numbers beside them need room too.
        self._helplines.setColumnMinimumWidth(0, min(self._widest_name, self.width() // 3))

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
