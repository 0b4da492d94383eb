"""One practice conversation: the student speaks, you choose, the feedback follows at once.

Number keys choose (as in the referral tree); Backspace takes a line back to try another. The
screen only shows what :class:`docentwijzer.oefenen.Practice` answers. At an ending the teacher
walks the real tree (:class:`ReferralPanel`). In trainer mode the room votes on each line (the
trainer keeps the count), the trainer enters the choice, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.oefenen import (
    MAX_CHOICES,
    ConversationDraft,
    Line,
    Outcome,
    Practice,
    PracticeContent,
    channel_name,
    effect_name,
)
from docentwijzer.tree import Leaf, TreeContent

from docentwijzer.ui.icons import IconLabel
from docentwijzer.ui.oefenen.common import (
    ArrowKeys,
    WrapButton,
    answer_button,
    digit,
    effect_text,
    set_rich,
    show_if,
)
from docentwijzer.ui.oefenen.referral import ReferralPanel
from docentwijzer.ui.widgets import card, heading, icon_button, paragraph, scrolling, sources_line


def transcript_html(lines: list[Line], student: str) -> str:
    """The conversation so far as one rich text: who says what, narration in italics."""
    parts = []
    for line in lines:
        if line.speaker == "narration":
            parts.append(f"<p style='margin:4px 0'><i>{escape(line.text)}</i></p>")
        elif line.speaker == "student":
            parts.append(
                f"<p style='margin:4px 0'><b>{escape(student)}:</b> {escape(line.text)}</p>"
            )
        else:
            parts.append(
                f"<p style='margin:4px 0 4px 32px'><b>{escape(t('oefenen.you'))}:</b> "
                f"{escape(line.text)}</p>"
            )
    return "".join(parts)


def transcript_plain(lines: list[Line], student: str) -> str:
    who = {"student": student, "teacher": t("oefenen.you")}
    return "\n".join(
        f"{who[line.speaker]}: {line.text}" if line.speaker in who else line.text for line in lines
    )


#: effect -> (icon, colour token, callout kind)
EFFECT_LOOK = {
    "helps": ("circle-check", "success", "success"),
    "partly": ("info-circle", "primary", "info"),
    "hinders": ("alert-triangle", "warning", "warning"),
}


class PracticePage(QWidget):
    """A conversation from its situation to the referral."""

    #: Back to the list of conversations.
    leave = Signal()
    #: The practice reached the tree's leaf: (conversation id, leaf id).
    finished = Signal(str, str)
    #: Open another area (the self-care page, the tree).
    open_area = Signal(str, object)
    #: The observer sheet for this conversation.
    print_sheet = Signal(object)

    def __init__(
        self,
        content: PracticeContent,
        tree: TreeContent,
        clock: Callable[[], datetime],
        presenting: Callable[[], bool],
        *,
        preview: bool = False,
    ) -> None:
        super().__init__()
        #: In the editor: the draft walked as a participant would, without what leads away.
        self.is_preview = preview
        self.content = content
        self.tree = tree
        self.presenting = presenting
        self.practice: Practice | None = None
        self.choice_buttons: list[WrapButton] = []
        self.votes: list[QSpinBox] = []
        self._arrows: ArrowKeys | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(24, 16, 24, 20)
        self.column.setSpacing(12)
        self.scroll = scrolling(inner)
        self.scroll.setAccessibleName(t("oefenen.title"))
        outer.addWidget(self.scroll)

        top = QHBoxLayout()
        self.back_to_list = icon_button(
            "arrow-left", t("oefenen.all_conversations"), t("oefenen.all_conversations")
        )
        self.back_to_list.setObjectName("backToList")
        self.back_to_list.clicked.connect(self.leave.emit)
        top.addWidget(self.back_to_list)
        top.addStretch(1)
        self.sheet_button = QPushButton(t("oefenen.sheet"))
        self.sheet_button.setObjectName("printSheet")
        self.sheet_button.setToolTip(t("oefenen.sheet_tip"))
        self.sheet_button.clicked.connect(
            lambda: self.print_sheet.emit(self.practice.conversation if self.practice else None)
        )
        top.addWidget(self.sheet_button)
        self.column.addLayout(top)

        self.title = heading("")
        self.column.addWidget(self.title)
        self.subtitle = paragraph("", muted=True)
        self.column.addWidget(self.subtitle)
        self.situation = paragraph("")
        self.situation.setObjectName("situation")
        self.situation_card = card(self.situation, object_name="card")
        self.column.addWidget(self.situation_card)

        self.transcript = paragraph("", rich=True)
        self.transcript.setObjectName("transcript")
        self.column.addWidget(self.transcript)

        # The feedback on the line just chosen: focused after each choice, so a screen reader
        # reads it; Tab goes on to the next choices.
        # Drawn as the theme's callout: a coloured edge and an icon by effect, and the effect in
        # words (never told by colour alone).
        self.feedback = QFrame()
        self.feedback.setObjectName("callout")
        self.feedback.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        feedback_row_outer = QHBoxLayout(self.feedback)
        self.feedback_icon = IconLabel("circle-check", "success", 20)
        self.feedback_icon.setObjectName("calloutIcon")
        feedback_row_outer.addWidget(self.feedback_icon, 0, Qt.AlignmentFlag.AlignTop)
        feedback_column = QVBoxLayout()
        feedback_row_outer.addLayout(feedback_column, 1)
        self.feedback_effect = QLabel()
        self.feedback_effect.setObjectName("feedbackEffect")
        font = self.feedback_effect.font()
        font.setBold(True)
        self.feedback_effect.setFont(font)
        self.feedback_text = paragraph("")
        self.feedback_text.setObjectName("feedbackText")
        self.feedback_source = sources_line([])
        # In trainer mode: how the room voted, next to what was chosen.
        self.feedback_votes = paragraph("", muted=True)
        self.feedback_votes.setObjectName("roomVotes")
        self.feedback_votes.hide()
        feedback_row = QHBoxLayout()
        self.try_other = QPushButton(t("oefenen.try_other"))
        self.try_other.setObjectName("tryOther")
        self.try_other.setShortcut(QKeySequence("Alt+Left"))
        self.try_other.clicked.connect(self.go_back)
        self.discuss_button = QPushButton(t("oefenen.discuss_all"))
        self.discuss_button.setObjectName("discussAll")
        self.discuss_button.setCheckable(True)
        self.discuss_button.toggled.connect(self._show_all_feedback)
        feedback_row.addWidget(self.try_other)
        feedback_row.addWidget(self.discuss_button)
        feedback_row.addStretch(1)
        self.all_feedback = paragraph("", rich=True)
        self.all_feedback.setObjectName("allFeedback")
        self.all_feedback.hide()
        for widget in (
            self.feedback_effect,
            self.feedback_text,
            self.feedback_source,
            self.feedback_votes,
        ):
            feedback_column.addWidget(widget)
        feedback_column.addLayout(feedback_row)
        feedback_column.addWidget(self.all_feedback)
        self.column.addWidget(self.feedback)

        # The choices: a few buttons made once and reused at every turn (a new widget on a shown
        # page costs more than new words on an existing one).
        self.turn_host = QWidget()
        self.turn_column = QVBoxLayout(self.turn_host)
        self.turn_column.setContentsMargins(0, 0, 0, 0)
        self.turn_column.setSpacing(8)
        self.turn_column.addWidget(heading(t("oefenen.what_do_you_say"), 3))
        # How to choose (in trainer mode: how the room votes) comes before the lines, so that on
        # a projector it is on screen when the first line is.
        self.keys_hint = paragraph("", muted=True)
        self.turn_column.addWidget(self.keys_hint)
        self.pool: list[WrapButton] = []
        self.vote_boxes: list[QSpinBox] = []
        for number in range(1, MAX_CHOICES + 1):
            button = answer_button(number, "")
            button.clicked.connect(lambda _=False, n=number: self.choose_number(n))
            votes = QSpinBox()
            votes.setObjectName("votes")
            votes.setRange(0, 999)
            votes.setAccessibleName(t("oefenen.votes_for", number=number))
            votes.setToolTip(t("oefenen.votes_for", number=number))
            row = QHBoxLayout()
            row.addWidget(button, 1)
            row.addWidget(votes, 0, Qt.AlignmentFlag.AlignVCenter)
            self.turn_column.addLayout(row)
            self.pool.append(button)
            self.vote_boxes.append(votes)
        self._arrows = ArrowKeys(list(self.pool))
        self.column.addWidget(self.turn_host)

        self.ending_host = QWidget()
        ending_column = QVBoxLayout(self.ending_host)
        ending_column.setContentsMargins(0, 0, 0, 0)
        ending_column.setSpacing(12)
        self.ending_summary = paragraph("", rich=True)
        self.ending_summary.setObjectName("endingSummary")
        ending_column.addWidget(card(self.ending_summary, object_name="card"))
        self.referral = ReferralPanel(tree, clock)
        self.referral.reached.connect(self._reached)
        ending_column.addWidget(self.referral)
        self.done_row = QWidget()
        done = QHBoxLayout(self.done_row)
        done.setContentsMargins(0, 0, 0, 0)
        self.selfcare_button = QPushButton(t("oefenen.and_you"))
        self.selfcare_button.setObjectName("andYou")
        self.selfcare_button.clicked.connect(lambda: self.open_area.emit("zelfzorg", None))
        self.again_button = QPushButton(t("oefenen.again"))
        self.again_button.setObjectName("again")
        self.again_button.clicked.connect(self.restart)
        self.other_button = QPushButton(t("oefenen.other"))
        self.other_button.setObjectName("other")
        self.other_button.clicked.connect(self.leave.emit)
        for button in (self.selfcare_button, self.again_button, self.other_button):
            done.addWidget(button)
        done.addStretch(1)
        ending_column.addWidget(self.done_row)
        self.column.addWidget(self.ending_host)
        self.column.addStretch(1)
        if preview:
            for widget in (
                self.back_to_list,
                self.sheet_button,
                self.selfcare_button,
                self.other_button,
            ):
                widget.hide()
            self.column.setContentsMargins(4, 4, 4, 4)

    # -- starting ---------------------------------------------------------------------------

    def start(self, conversation: ConversationDraft) -> None:
        self.practice = Practice(conversation)
        self.title.setText(conversation.title)
        self.title.setAccessibleName(conversation.title)
        parts = [p for p in (conversation.theme, channel_name(conversation.channel)) if p]
        self.subtitle.setText(" · ".join([*parts, t("oefenen.fictional")]))
        self.situation.setText(conversation.situation)
        show_if(self.sheet_button, not self.is_preview)
        self.referral.reset(conversation.channel)
        self.ending_host.ensurePolished()  # styled now, so the end of the talk shows at once
        self.render(full=True)

    def restart(self) -> None:
        if self.practice is not None:
            self.practice.restart()
            self.render(full=True)
            self.focus_first()

    # -- choosing ---------------------------------------------------------------------------

    def choose_number(self, number: int) -> bool:
        if self.practice is None or self.practice.at_end():
            return False
        if not any(n == number for n, _ in self.practice.options()):
            return False
        votes = [box.value() for box in self.votes]  # read before the next turn clears them
        outcome = self.practice.choose_number(number)
        self.render(outcome=outcome)
        self._show_votes(votes, number)
        return True

    def _show_votes(self, votes: list[int], chosen: int) -> None:
        if not any(votes):
            show_if(self.feedback_votes, False)
            return
        counts = " · ".join(
            t("oefenen.votes_count", number=index, count=count)
            for index, count in enumerate(votes, start=1)
        )
        self.feedback_votes.setText(t("oefenen.votes_summary", counts=counts, chosen=chosen))
        show_if(self.feedback_votes, True)

    def go_back(self) -> None:
        if self.practice is not None and self.practice.back():
            self.render(full=True)
            self.focus_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = digit(event)
        if number is not None:
            if self.practice is not None and self.practice.at_end():
                if self.referral.choose_number(number):
                    self.focus_first()
                    return
            elif self.choose_number(number):
                return
        if event.key() == Qt.Key.Key_Backspace and self.practice is not None:
            if self.practice.at_end() and self.referral.walk.can_go_back():
                self.referral.go_back()
                return
            if self.practice.can_go_back():
                self.go_back()
                return
        super().keyPressEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def render(self, *, full: bool = False, outcome: Outcome | None = None) -> None:
        """Full: the whole transcript anew. After a choice: only the new lines are added."""
        practice = self.practice
        assert practice is not None
        student = practice.conversation.student.split(",")[0].strip()
        lines = practice.transcript()
        self.transcript.setText(transcript_html(lines, student))
        self.transcript.setAccessibleName(transcript_plain(lines, student))
        self._render_feedback(practice.last if full else outcome)
        self._render_turn()
        at_end = practice.at_end()
        show_if(self.ending_host, at_end)
        if at_end:
            ending = practice.ending
            assert ending is not None
            set_rich(
                self.ending_summary,
                f"<b>{escape(t('oefenen.ending_title'))}</b><br>{escape(ending.summary)}",
            )
            show_if(self.done_row, False)
            self.referral.start(ending)
        if outcome is not None:
            self.feedback.setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.feedback, 0, 40))

    def _render_feedback(self, outcome: Outcome | None) -> None:
        self.discuss_button.setChecked(False)
        show_if(self.feedback_votes, False)
        if outcome is None:
            self.feedback.hide()
            return
        choice = outcome.choice
        self.feedback_effect.setText(effect_name(choice.effect))
        icon_name, token, kind = EFFECT_LOOK[choice.effect]
        self.feedback_icon.icon_name, self.feedback_icon.token = icon_name, token
        self.feedback_icon.redraw()
        if self.feedback.property("kind") != kind:
            self.feedback.setProperty("kind", kind)
            self.feedback_icon.setProperty("kind", kind)
            for widget in (self.feedback, self.feedback_icon):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.feedback_text.setText(choice.feedback)
        sources = [choice.source] if choice.source is not None else []
        self.feedback_source.setText(
            t("app.sources", list="; ".join(s.label() for s in sources)) if sources else ""
        )
        self.feedback.setAccessibleName(f"{effect_name(choice.effect)}. {choice.feedback}")
        self.feedback.setAccessibleDescription(t("oefenen.reply_said", reply=choice.reply))
        self.try_other.setEnabled(True)
        self.feedback.show()

    def _show_all_feedback(self, shown: bool) -> None:
        practice = self.practice
        last = practice.last if practice is not None else None
        if not shown or last is None:
            self.all_feedback.hide()
            return
        items = "".join(
            f"<li><b>{escape(c.text)}</b><br>{escape(effect_text(c.effect))}: "
            f"{escape(c.feedback)}</li>"
            for c in last.turn.choices
        )
        self.all_feedback.setText(f"<ol style='margin:0'>{items}</ol>")
        self.all_feedback.setAccessibleName(
            " ".join(f"{c.text}. {effect_name(c.effect)}. {c.feedback}" for c in last.turn.choices)
        )
        self.all_feedback.show()

    def _render_turn(self) -> None:
        practice = self.practice
        assert practice is not None
        options = practice.options()
        show_if(self.turn_host, bool(options))
        presenting = self.presenting()
        self.choice_buttons = []
        self.votes = []
        for index, (button, votes) in enumerate(zip(self.pool, self.vote_boxes, strict=True)):
            if index < len(options):
                number, choice = options[index]
                button.set_text(f"{number}.  {choice.text}", name=choice.text)
                show_if(button, True)
                votes.setValue(0)
                show_if(votes, presenting)
                self.choice_buttons.append(button)
                if presenting:
                    self.votes.append(votes)
            else:
                show_if(button, False)
                show_if(votes, False)
        hint = "oefenen.keys_hint_vote" if presenting else "oefenen.keys_hint"
        self.keys_hint.setText(t(hint, count=len(options)))

    def _reached(self, leaf: Leaf) -> None:
        show_if(self.done_row, True)
        focused = QApplication.focusWidget()
        if focused is None or not focused.isVisible():
            self.selfcare_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.practice is not None:
            self.finished.emit(self.practice.conversation.id, leaf.id)

    def focus_first(self) -> None:
        if self.practice is not None and self.practice.at_end():
            if not self.referral.focus_first():
                self.selfcare_button.setFocus(Qt.FocusReason.TabFocusReason)
        elif self.choice_buttons:
            self.choice_buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.back_to_list.setFocus(Qt.FocusReason.TabFocusReason)
