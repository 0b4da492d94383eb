"""Recording what came of a check-in, in one step, with the next step from the same leaf.

The teacher picks the outcome (gelukt / deels / niet gelukt / student wil (nu) niet), adds a
line, and sees at once what the tree offers next: who else can help (the leaf's contacts,
resolved against the institution profile), or the guidance for a student who does not want
help (now), and a later check-in, already filled in. "Vastleggen" writes the outcome and that
check-in together.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.checkins import OUTCOMES, CheckIn, NextStep, Outcome, next_step, outcome_label
from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.tree import TreeContent, leaf_sources, resolve_contacts, tree_content

from docentwijzer.ui.checkins_plan import date_edit, pydate, qdate
from docentwijzer.ui.notes_lock import Page, error_label, show_error
from docentwijzer.ui.widgets import heading, paragraph, primary_button, sources_line


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # gone at once (from findChildren and the focus chain)
            widget.deleteLater()


class RecordPage(Page):
    """One check-in: how did it go, and what now."""

    #: (check-in id, outcome, line, the later check-in or None)
    submitted = Signal(str, str, str, object)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._checkin: CheckIn | None = None
        self._tree: TreeContent | None = None
        self._today = date.today()
        self._step: NextStep | None = None
        self.title = heading(t("checkins.record_title"))
        self.column.addWidget(self.title)
        self.about = paragraph("", muted=True)
        self.about.setObjectName("recordAbout")
        self.column.addWidget(self.about)
        self.question = paragraph("")
        self.question.setObjectName("recordQuestion")
        self.column.addWidget(self.question)
        self.error = error_label()
        self.column.addWidget(self.error)

        self.column.addWidget(heading(t("checkins.record_outcome"), 3))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for outcome in OUTCOMES:
            button = QRadioButton(outcome_label(outcome))
            button.setObjectName(f"outcome_{outcome}")
            self.group.addButton(button)
            self.buttons[outcome] = button
            button.toggled.connect(lambda on, o=outcome: on and self._show_next(o))
            self.column.addWidget(button)
        self.line = QLineEdit()
        self.line.setAccessibleName(t("checkins.record_line"))
        self.line.setPlaceholderText(t("checkins.record_line_placeholder"))
        self.line.setMaxLength(300)
        line_label = QLabel(t("checkins.record_line_label"))
        line_label.setBuddy(self.line)
        line_label.setWordWrap(True)
        self.column.addWidget(line_label)
        self.column.addWidget(self.line)

        # What the tree offers next; filled when an outcome is chosen.
        self.next_host = QWidget()
        self.next_host.setObjectName("nextStep")
        self.next_layout = QVBoxLayout(self.next_host)
        self.next_layout.setContentsMargins(0, 0, 0, 0)
        self.next_layout.setSpacing(8)
        self.column.addWidget(self.next_host)

        later = QWidget()
        later_row = QHBoxLayout(later)
        later_row.setContentsMargins(0, 0, 0, 0)
        self.plan_later = QCheckBox(t("checkins.record_plan_later"))
        self.later_date = date_edit(t("checkins.plan_date"))
        self.plan_later.toggled.connect(self.later_date.setEnabled)
        later_row.addWidget(self.plan_later)
        later_row.addWidget(self.later_date)
        later_row.addStretch(1)
        self.later_ask = QLineEdit()
        self.later_ask.setAccessibleName(t("checkins.plan_ask"))
        self.later_ask.setPlaceholderText(t("checkins.plan_ask_placeholder"))
        self.plan_later.toggled.connect(self.later_ask.setEnabled)
        self.later_host = QWidget()
        later_column = QVBoxLayout(self.later_host)
        later_column.setContentsMargins(0, 0, 0, 0)
        later_column.addWidget(heading(t("checkins.record_later_title"), 3))
        later_column.addWidget(later)
        later_column.addWidget(self.later_ask)
        self.column.addWidget(self.later_host)
        self.column.addStretch(1)

        self.save_button = primary_button(t("checkins.record_save"))
        self.save_button.setToolTip(t("checkins.record_save_tip"))
        self.add_save_bar(self.save_button, self.submit, self.cancelled.emit)
        self.line.returnPressed.connect(self.submit)
        self.clear()

    @property
    def tree(self) -> TreeContent:
        if self._tree is None:
            self._tree = tree_content()
        return self._tree

    def load(self, checkin: CheckIn, pseudonym: str, today: date | None = None) -> None:
        self.clear()
        self._tree = tree_content()  # the language may have changed since
        self._checkin = checkin
        self._today = today or date.today()
        self.about.setText(
            t("checkins.record_about", pseudonym=pseudonym, date=format_date(checkin.due))
        )
        question = checkin.question(self.tree)
        self.question.setText(question)
        self.question.setVisible(bool(question))

    def choose(self, outcome: str) -> None:
        self.buttons[outcome].setChecked(True)

    def outcome(self) -> Outcome | None:
        for outcome, button in self.buttons.items():
            if button.isChecked():
                return outcome  # type: ignore[return-value]
        return None

    def _show_next(self, outcome: Outcome) -> None:
        """What the tree offers after this outcome, shown before anything is written."""
        checkin = self._checkin
        if checkin is None:
            return
        show_error(self.error, "")
        step = next_step(self.tree, checkin, outcome, self._today)
        self._step = step
        _clear(self.next_layout)
        intro = paragraph(t(f"checkins.next_{outcome}"))
        intro.setObjectName("nextIntro")
        self.next_layout.addWidget(intro)
        sources = []
        if step.guidance is not None:
            self.next_layout.addWidget(heading(step.guidance.title, 3))
            for number, action in enumerate(step.guidance.actions, start=1):
                self.next_layout.addWidget(paragraph(f"{number}. {action.text}"))
            sources += leaf_sources(step.guidance, follow_up=False)
        if step.contacts_from is not None:
            from docentwijzer.helplines import help_content

            from docentwijzer.ui.tree import load_profile
            from docentwijzer.ui.tree_widgets import contacts_block

            now = datetime.now()
            self.next_layout.addWidget(heading(t("checkins.next_who_else"), 3))
            profile, _notice = load_profile()
            contacts = resolve_contacts(step.contacts_from, profile, help_content(), now)
            from docentwijzer.tree import is_office_hours

            self.next_layout.addWidget(contacts_block(contacts, is_office_hours(now)))
            sources += [*step.contacts_from.sources, *(c.source for c in contacts if c.source)]
        basis = step.later_from
        if step.later is not None and basis is not None and basis.follow_up is not None:
            sources.append(basis.follow_up.source)  # where the proposed date comes from
        if sources:
            self.next_layout.addWidget(sources_line(list(dict.fromkeys(sources))))
        self.next_host.show()
        later = step.later
        self.later_host.show()
        self.plan_later.setChecked(later is not None)
        proposed = later or CheckIn(due=self._today, leaf=checkin.leaf, ask=checkin.ask)
        self.later_date.setDate(qdate(proposed.due))
        self.later_ask.setText(proposed.question(self.tree))
        self.later_ask.setCursorPosition(0)
        self.later_date.setEnabled(later is not None)
        self.later_ask.setEnabled(later is not None)

    def then(self) -> CheckIn | None:
        """The later check-in to plan with the outcome, as the page shows it now."""
        if not self.plan_later.isChecked() or self._checkin is None:
            return None
        base = self._step.later if self._step and self._step.later else None
        leaf = base.leaf if base is not None else self._checkin.leaf
        return CheckIn(
            due=pydate(self.later_date.date()), ask=self.later_ask.text().strip(), leaf=leaf
        )

    def submit(self) -> None:
        checkin = self._checkin
        outcome = self.outcome()
        if checkin is None:
            return
        if outcome is None:
            show_error(self.error, t("checkins.record_choose"))
            self.buttons[OUTCOMES[0]].setFocus()
            return
        self.submitted.emit(checkin.id, outcome, self.line.text(), self.then())

    def is_dirty(self) -> bool:
        return self._checkin is not None and (
            self.outcome() is not None or bool(self.line.text().strip())
        )

    def clear(self) -> None:
        self._checkin = None
        self._step = None
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.line.setText("")
        self.later_ask.setText("")
        self.plan_later.setChecked(False)
        self.about.clear()
        self.question.clear()
        _clear(self.next_layout)
        self.next_host.hide()
        self.later_host.hide()
        show_error(self.error, "")

    def focus_first(self) -> None:
        self.buttons[OUTCOMES[0]].setFocus()


class CheckinList(QWidget):
    """The check-ins of one note on its page: each with its date, question and state."""

    record_requested = Signal(str)
    calendar_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}

    def show_plan(self, plan: list[CheckIn], tree: TreeContent, today: date) -> None:
        self.clear()
        if not plan:
            self.column.addWidget(paragraph(t("checkins.none_planned"), muted=True))
            return
        for checkin in plan:
            row = QWidget()
            line = QVBoxLayout(row)  # buttons under the text: nothing is pushed off at 200%
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            question = checkin.question(tree)
            when = format_date(checkin.due)
            if checkin.is_open:
                state = t("checkins.state_due" if checkin.due <= today else "checkins.state_open")
                text = f"{when} · {state}" + (f"\n{question}" if question else "")
            else:
                outcome = outcome_label(checkin.outcome or "")
                done = t(
                    "checkins.state_recorded",
                    outcome=outcome,
                    date=format_date(checkin.done_on or checkin.due),
                )
                note = f": {checkin.outcome_note}" if checkin.outcome_note else ""
                text = f"{when} · {done}{note}" + (f"\n{question}" if question else "")
            label = paragraph(text)
            label.setObjectName(f"checkin_{checkin.id}")
            line.addWidget(label)
            if checkin.is_open:
                record = QPushButton(t("checkins.record_button"))
                record.setAccessibleName(t("checkins.record_button_name", date=when))
                record.clicked.connect(lambda _=False, c=checkin.id: self.record_requested.emit(c))
                calendar = QPushButton(t("checkins.calendar_button"))
                calendar.setAccessibleName(t("checkins.calendar_button_name", date=when))
                calendar.clicked.connect(
                    lambda _=False, c=checkin.id: self.calendar_requested.emit(c)
                )
                buttons = QHBoxLayout()
                buttons.addWidget(record)
                buttons.addWidget(calendar)
                buttons.addStretch(1)
                line.addLayout(buttons)
                self.buttons[checkin.id] = (record, calendar)
            self.column.addWidget(row)

    def clear(self) -> None:
        self.buttons = {}
        _clear(self.column)
