"""Oefenen's first page: the reminder, the self-check, the conversations, making your own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.oefenen import ConversationDraft, PracticeContent, channel_name
from docentwijzer.oefenen_progress import PracticeLog, reminder_due

from docentwijzer.ui.oefenen.common import ArrowKeys, clear
from docentwijzer.ui.widgets import CardButton, callout, card, heading, paragraph, scrolling

#: How the worry arrived, as a picture next to each conversation (its words are in the detail).
CHANNEL_ICONS = {"in_person": "messages", "distance": "phone", "via_other": "user-search"}


class OverviewPage(QWidget):
    """Pick a conversation; see when you practised; take the self-check; make your own."""

    open_conversation = Signal(str)
    open_confidence = Signal()
    open_editor = Signal()
    open_area = Signal(str, object)
    dismiss_reminder = Signal()

    def __init__(self, content: PracticeContent) -> None:
        super().__init__()
        self.content = content
        self.buttons: dict[str, CardButton] = {}
        self._arrows: ArrowKeys | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        scroll = scrolling(inner)
        scroll.setAccessibleName(t("oefenen.title"))
        outer.addWidget(scroll)

        column.addWidget(heading(content.title))
        column.addWidget(paragraph(content.intro, muted=True))

        # The gentle reminder, about three months after the last practice.
        self.reminder_later = QPushButton(t("oefenen.reminder_later"))
        self.reminder_later.setObjectName("reminderLater")
        self.reminder_later.clicked.connect(self.dismiss_reminder.emit)
        self.reminder = callout("info", t("oefenen.reminder_title"), t("oefenen.reminder"))
        self.reminder.layout().itemAt(1).layout().addWidget(  # type: ignore[union-attr]
            self.reminder_later, 0, Qt.AlignmentFlag.AlignLeft
        )
        self.reminder.setObjectName("practiceReminder")
        self.reminder.hide()
        column.addWidget(self.reminder)

        self.confidence_status = paragraph("")
        self.confidence_status.setObjectName("confidenceSummary")
        confidence_button = QPushButton(t("oefenen.confidence_open"))
        confidence_button.setObjectName("openConfidence")
        confidence_button.clicked.connect(self.open_confidence.emit)
        confidence = card(
            heading(t("oefenen.confidence_card"), 3),
            self.confidence_status,
            object_name="card",
        )
        confidence.layout().addWidget(confidence_button, 0, Qt.AlignmentFlag.AlignLeft)
        confidence.setObjectName("confidenceCard")
        self.confidence_card = confidence
        column.addWidget(confidence)

        column.addWidget(heading(t("oefenen.choose_title"), 2))
        self.list_host = QWidget()
        self.list_column = QVBoxLayout(self.list_host)
        self.list_column.setContentsMargins(0, 0, 0, 0)
        self.list_column.setSpacing(6)
        column.addWidget(self.list_host)
        self.problems = paragraph("", muted=True)
        self.problems.setObjectName("ownProblems")
        self.problems.hide()
        column.addWidget(self.problems)

        self.own_section = QWidget()
        own_column = QVBoxLayout(self.own_section)
        own_column.setContentsMargins(0, 0, 0, 0)
        own_column.addWidget(heading(t("oefenen.own_title"), 2))
        own_column.addWidget(paragraph(t("oefenen.own_intro"), muted=True))
        own_row = QHBoxLayout()
        editor = QPushButton(t("oefenen.own_open"))
        editor.setObjectName("openEditor")
        editor.clicked.connect(self.open_editor.emit)
        own_row.addWidget(editor)
        own_row.addStretch(1)
        own_column.addLayout(own_row)
        column.addWidget(self.own_section)

        self.and_you = QPushButton(t("oefenen.and_you"))
        self.and_you.setObjectName("overviewAndYou")
        self.and_you.clicked.connect(lambda: self.open_area.emit("zelfzorg", None))
        column.addWidget(self.and_you, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

    def refresh(
        self,
        log: PracticeLog,
        own: list[ConversationDraft],
        problems: list[str],
        today: date,
        *,
        presenting: bool,
    ) -> None:
        clear(self.list_column)
        self.buttons = {}
        for conversation in [*self.content.conversations, *own]:
            done = log.done.get(conversation.id)
            details = [conversation.theme, channel_name(conversation.channel)]
            if conversation in own:
                details.append(t("oefenen.own_label"))
            if done is not None and not presenting:
                details.append(t("oefenen.done_on", date=format_date(done)))
            button = CardButton(
                conversation.title,
                " · ".join(d for d in details if d),
                CHANNEL_ICONS[conversation.channel],
            )
            button.setObjectName(f"conversation_{conversation.id}")
            button.setAccessibleName(conversation.title)
            button.setAccessibleDescription(" · ".join(d for d in details if d))
            button.clicked.connect(
                lambda _=False, c=conversation.id: self.open_conversation.emit(c)
            )
            self.list_column.addWidget(button)
            button.show()
            self.buttons[conversation.id] = button
        self._arrows = ArrowKeys(list(self.buttons.values()))
        self.problems.setText("\n".join([t("oefenen.own_problems"), *problems]))
        self.problems.setVisible(bool(problems))
        self.reminder.setVisible(not presenting and reminder_due(log, today))
        # On the projector: the conversations only (the self-check and own material are personal)
        self.confidence_card.setVisible(not presenting)
        self.own_section.setVisible(not presenting)
        if log.checks:
            latest = max(log.checks, key=lambda c: c.taken_on)
            self.confidence_status.setText(
                t(
                    "oefenen.confidence_last",
                    date=format_date(latest.taken_on),
                    moment=t(f"oefenen.moment_{latest.moment}").lower(),
                )
            )
        else:
            self.confidence_status.setText(t("oefenen.confidence_never"))

    def focus_first(self) -> None:
        if self.reminder.isVisible():
            self.reminder_later.setFocus(Qt.FocusReason.TabFocusReason)
        elif self.buttons:
            next(iter(self.buttons.values())).setFocus(Qt.FocusReason.TabFocusReason)
