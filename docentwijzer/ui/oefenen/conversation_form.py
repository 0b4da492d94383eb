"""The form a trainer writes a conversation in (no JSON by hand): turns, choices, endings.

The form builds a draft from its fields (:meth:`ConversationForm.draft`) and fills itself from a
saved conversation; the editor page checks the draft with the same rules as the packaged
content and shows the problems in the trainer's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.oefenen import (
    CHANNELS,
    EFFECTS,
    MAX_CHOICES,
    MIN_CHOICES,
    ConversationDraft,
    Skill,
    channel_name,
    effect_name,
)
from docentwijzer.tree import LEAVES, TreeContent

from docentwijzer.ui.oefenen.form_fields import (
    SourceField,
    compact_combo,
    form_layout,
    select_data,
    text_field,
)


class ChoiceBox(QGroupBox):
    """One thing the teacher can say, its effect, feedback, source, reply and where it leads."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, skills: list[Skill]) -> None:
        super().__init__()
        form = form_layout()
        self.setLayout(form)
        self.text = text_field(2)
        self.effect = compact_combo()
        for effect in EFFECTS:
            self.effect.addItem(effect_name(effect), effect)
        self.feedback = text_field(3)
        self.source = SourceField(t("oefenen.form_feedback"))
        self.reply = text_field(2)
        self.next = compact_combo()
        self.skill = compact_combo()
        self.skill.addItem(t("oefenen.form_no_skill"), "")
        for skill in skills:
            self.skill.addItem(skill.observe, skill.id)
        self.remove_button = QPushButton(t("oefenen.form_remove_choice"))
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        for label, widget in (
            ("form_choice_text", self.text),
            ("form_effect", self.effect),
            ("form_feedback", self.feedback),
            ("form_source", self.source),
            ("form_reply", self.reply),
            ("form_next", self.next),
            ("form_skill", self.skill),
        ):
            widget.setAccessibleName(t(f"oefenen.{label}"))
            form.addRow(t(f"oefenen.{label}"), widget)
        form.addRow("", self.remove_button)
        for field in (self.text, self.feedback, self.reply):
            field.textChanged.connect(self.changed)
        for combo in (self.effect, self.next, self.skill):
            combo.currentIndexChanged.connect(self.changed)
        self.source.changed.connect(self.changed)

    def set_title(self, turn: int, number: int) -> None:
        self.setTitle(t("oefenen.where_choice", turn=turn, number=number))

    def value(self, choice_id: str) -> dict[str, Any]:
        return {
            "id": choice_id,
            "text": self.text.toPlainText().strip(),
            "effect": self.effect.currentData(),
            "feedback": self.feedback.toPlainText().strip(),
            "source": self.source.value(),
            "reply": self.reply.toPlainText().strip(),
            "next": self.next.currentData() or "",
            "skill": self.skill.currentData() or "",
        }


class TurnBox(QGroupBox):
    """One turn: what happens, what the student says, and three or four choices."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, skills: list[Skill], targets: Callable[[], list[tuple[str, str]]]) -> None:
        super().__init__()
        self.skills = skills
        self.targets = targets
        self.turn_id = ""
        column = QVBoxLayout(self)
        form = form_layout()
        self.narration = QLineEdit()
        self.narration.setAccessibleName(t("oefenen.form_narration"))
        self.student = text_field(2)
        self.student.setAccessibleName(t("oefenen.form_student_says"))
        form.addRow(t("oefenen.form_narration"), self.narration)
        form.addRow(t("oefenen.form_student_says"), self.student)
        column.addLayout(form)
        self.choices: list[ChoiceBox] = []
        self.choice_column = QVBoxLayout()
        column.addLayout(self.choice_column)
        row = QHBoxLayout()
        self.add_choice_button = QPushButton(t("oefenen.form_add_choice"))
        self.add_choice_button.clicked.connect(lambda: self.add_choice())
        self.remove_button = QPushButton(t("oefenen.form_remove_turn"))
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        row.addWidget(self.add_choice_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        self.narration.textChanged.connect(self.changed)
        self.student.textChanged.connect(self.changed)

    def add_choice(self) -> ChoiceBox:
        box = ChoiceBox(self.skills)
        box.changed.connect(self.changed)
        box.remove.connect(self._remove_choice)
        self.choices.append(box)
        self.choice_column.addWidget(box)
        self.refresh_targets()
        self.changed.emit()
        return box

    def _remove_choice(self, box: ChoiceBox) -> None:
        if box in self.choices:
            self.choices.remove(box)
            box.hide()  # deleted once Qt is back in its loop (its own button may be calling)
            box.deleteLater()
            self.changed.emit()

    def renumber(self, number: int) -> None:
        self.setTitle(t("oefenen.where_turn", number=number))
        self.add_choice_button.setEnabled(len(self.choices) < MAX_CHOICES)
        for index, box in enumerate(self.choices, start=1):
            box.set_title(number, index)

    def refresh_targets(self) -> None:
        """Fill every 'leads to' list with the turns and endings there are now."""
        options = [(key, label) for key, label in self.targets() if key != self.turn_id]
        for box in self.choices:
            current = box.next.currentData()
            box.next.blockSignals(True)
            box.next.clear()
            box.next.addItem(t("oefenen.form_choose_next"), "")
            for key, label in options:
                box.next.addItem(label, key)
            select_data(box.next, current)
            box.next.blockSignals(False)

    def value(self) -> dict[str, Any]:
        return {
            "id": self.turn_id,
            "narration": self.narration.text().strip(),
            "student": self.student.toPlainText().strip(),
            "choices": [
                box.value(f"{self.turn_id}-k{index}")
                for index, box in enumerate(self.choices, start=1)
            ],
        }


class EndingBox(QGroupBox):
    """Where the conversation leads: a leaf of the referral tree, what came of it, and why."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, tree: TreeContent) -> None:
        super().__init__()
        self.ending_id = ""
        form = form_layout()
        self.setLayout(form)
        self.destination = compact_combo()
        for leaf in LEAVES:
            self.destination.addItem(tree.leaf(leaf).title, leaf)
        self.summary = text_field(2)
        self.why = text_field(2)
        self.source = SourceField(t("oefenen.form_why"))
        self.remove_button = QPushButton(t("oefenen.form_remove_ending"))
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        for label, widget in (
            ("form_destination", self.destination),
            ("form_summary", self.summary),
            ("form_why", self.why),
            ("form_source", self.source),
        ):
            widget.setAccessibleName(t(f"oefenen.{label}"))
            form.addRow(t(f"oefenen.{label}"), widget)
        form.addRow("", self.remove_button)
        self.destination.currentIndexChanged.connect(self.changed)
        self.summary.textChanged.connect(self.changed)
        self.why.textChanged.connect(self.changed)
        self.source.changed.connect(self.changed)

    def value(self) -> dict[str, Any]:
        return {
            "id": self.ending_id,
            "destination": self.destination.currentData(),
            "summary": self.summary.toPlainText().strip(),
            "why": self.why.toPlainText().strip(),
            "source": self.source.value(),
        }


class ConversationForm(QWidget):
    """A whole conversation: the situation, the turns and the endings."""

    changed = Signal()

    def __init__(self, skills: list[Skill], tree: TreeContent) -> None:
        super().__init__()
        self.skills = skills
        self.tree = tree
        self.conversation_id = ""
        self.turns: list[TurnBox] = []
        self.endings: list[EndingBox] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        form = form_layout()
        self.title = QLineEdit()
        self.theme = QLineEdit()
        self.student = QLineEdit()
        self.student.setPlaceholderText(t("oefenen.form_student_hint"))
        self.channel = compact_combo()
        for channel in CHANNELS:
            self.channel.addItem(channel_name(channel), channel)
        self.situation = text_field(3)
        self.role_card = text_field(3)
        for label, widget in (
            ("form_title", self.title),
            ("form_theme", self.theme),
            ("form_student", self.student),
            ("form_channel", self.channel),
            ("form_situation", self.situation),
            ("form_role_card", self.role_card),
        ):
            widget.setAccessibleName(t(f"oefenen.{label}"))
            form.addRow(t(f"oefenen.{label}"), widget)
        column.addLayout(form)
        self.turn_column = QVBoxLayout()
        column.addLayout(self.turn_column)
        add_turn = QPushButton(t("oefenen.form_add_turn"))
        add_turn.clicked.connect(lambda: self.add_turn())
        column.addWidget(add_turn, 0, Qt.AlignmentFlag.AlignLeft)
        self.ending_column = QVBoxLayout()
        column.addLayout(self.ending_column)
        add_ending = QPushButton(t("oefenen.form_add_ending"))
        add_ending.clicked.connect(lambda: self.add_ending())
        column.addWidget(add_ending, 0, Qt.AlignmentFlag.AlignLeft)
        for line in (self.title, self.theme, self.student):
            line.textChanged.connect(self.changed)
        for text in (self.situation, self.role_card):
            text.textChanged.connect(self.changed)
        self.channel.currentIndexChanged.connect(self.changed)

    # -- structure --------------------------------------------------------------------------

    def _targets(self) -> list[tuple[str, str]]:
        found = [
            (turn.turn_id, t("oefenen.where_turn", number=index))
            for index, turn in enumerate(self.turns, start=1)
        ]
        found += [
            (
                ending.ending_id,
                f"{t('oefenen.where_ending', number=index)}: {ending.destination.currentText()}",
            )
            for index, ending in enumerate(self.endings, start=1)
        ]
        return found

    def _fresh_id(self, prefix: str) -> str:
        taken = {b.turn_id for b in self.turns} | {e.ending_id for e in self.endings}
        number = 1
        while f"{prefix}{number}" in taken:
            number += 1
        return f"{prefix}{number}"

    def add_turn(self, choices: int = MIN_CHOICES) -> TurnBox:
        box = TurnBox(self.skills, self._targets)
        box.turn_id = self._fresh_id("b")
        box.changed.connect(self.changed)
        box.remove.connect(self._remove_turn)
        self.turns.append(box)
        self.turn_column.addWidget(box)
        for _ in range(choices):
            box.add_choice()
        self._restructure()
        return box

    def add_ending(self) -> EndingBox:
        box = EndingBox(self.tree)
        box.ending_id = self._fresh_id("e")
        box.changed.connect(self.changed)
        box.destination.currentIndexChanged.connect(self._restructure)
        box.remove.connect(self._remove_ending)
        self.endings.append(box)
        self.ending_column.addWidget(box)
        self._restructure()
        return box

    def _remove_turn(self, box: TurnBox) -> None:
        if box in self.turns:
            self.turns.remove(box)
            box.hide()  # deleted once Qt is back in its loop (its own button may be calling)
            box.deleteLater()
            self._restructure()

    def _remove_ending(self, box: EndingBox) -> None:
        if box in self.endings:
            self.endings.remove(box)
            box.hide()  # deleted once Qt is back in its loop (its own button may be calling)
            box.deleteLater()
            self._restructure()

    def _restructure(self) -> None:
        for index, turn in enumerate(self.turns, start=1):
            turn.renumber(index)
            turn.refresh_targets()
        for index, ending in enumerate(self.endings, start=1):
            ending.setTitle(t("oefenen.where_ending", number=index))
        self.changed.emit()

    # -- values -----------------------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        return {
            "id": self.conversation_id or "nieuw",
            "title": self.title.text().strip(),
            "theme": self.theme.text().strip(),
            "situation": self.situation.toPlainText().strip(),
            "student": self.student.text().strip(),
            "channel": self.channel.currentData(),
            "role_card": self.role_card.toPlainText().strip(),
            "turns": [turn.value() for turn in self.turns],
            "endings": [ending.value() for ending in self.endings],
        }

    def draft(self) -> ConversationDraft:
        return ConversationDraft.model_validate(self.raw())

    def clear(self) -> None:
        for box in [*self.turns]:
            self._remove_turn(box)
        for box in [*self.endings]:
            self._remove_ending(box)
        for line in (self.title, self.theme, self.student):
            line.clear()
        self.situation.clear()
        self.role_card.clear()
        self.channel.setCurrentIndex(0)
        self.conversation_id = ""

    def new(self) -> None:
        """An empty conversation with one turn of three choices and one ending."""
        self.clear()
        self.add_turn()
        self.add_ending()

    def load(self, conversation: ConversationDraft) -> None:
        self.clear()
        self.conversation_id = conversation.id
        self.title.setText(conversation.title)
        self.theme.setText(conversation.theme)
        self.student.setText(conversation.student)
        select_data(self.channel, conversation.channel)
        self.situation.setPlainText(conversation.situation)
        self.role_card.setPlainText(conversation.role_card)
        ids: dict[str, str] = {}
        for turn in conversation.turns:
            box = self.add_turn(choices=0)
            ids[turn.id] = box.turn_id
        for ending in conversation.endings:
            ebox = self.add_ending()
            ids[ending.id] = ebox.ending_id
            select_data(ebox.destination, ending.destination)
            ebox.summary.setPlainText(ending.summary)
            ebox.why.setPlainText(ending.why)
            ebox.source.set_value(ending.source)
        for turn, box in zip(conversation.turns, self.turns, strict=True):
            box.narration.setText(turn.narration)
            box.student.setPlainText(turn.student)
            for choice in turn.choices:
                cbox = box.add_choice()
                cbox.text.setPlainText(choice.text)
                select_data(cbox.effect, choice.effect)
                cbox.feedback.setPlainText(choice.feedback)
                cbox.source.set_value(choice.source)
                cbox.reply.setPlainText(choice.reply)
                select_data(cbox.skill, choice.skill)
                box.refresh_targets()
                select_data(cbox.next, ids.get(choice.next, ""))
        self._restructure()
