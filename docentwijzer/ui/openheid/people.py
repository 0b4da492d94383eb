"""Pages about people: whom to tell, and what / when / how per person where it differs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.i18n import t
from docentwijzer.openheid import (
    Answer,
    Recipient,
    recipient_name,
)

from docentwijzer.ui.openheid.pages import Page, QuestionPage
from docentwijzer.ui.openheid.parts import (
    STUDENT_SCALE,
    Exercise,
    Wrapped,
    add_now,
    clear_layout,
    page_subtitle,
    page_title,
    text_label,
)
from docentwijzer.ui.wrapping import WrapCheckBox


class RecipientRow(QFrame):
    """For one person: 'as for everyone', or their own answer to what / when / how."""

    def __init__(self, page: PerRecipientPage, recipient: Recipient) -> None:
        super().__init__()
        self.setObjectName("card")
        self.page = page
        self.recipient = recipient
        question = page.question
        name = recipient_name(recipient, page.content)
        column = QVBoxLayout(self)
        column.addWidget(text_label(name, factor=STUDENT_SCALE, bold=True))
        self.combo = QComboBox()
        self.combo.setObjectName(f"per_{question.id}_{recipient.id}")
        self.combo.setAccessibleName(
            t("openheid.per_person_choice", question=question.title, name=name)
        )
        self.combo.addItem(t("openheid.same_as_everyone"), None)
        for option in question.options:
            self.combo.addItem(option.label, option.id)
        self.words = QLineEdit()
        self.words.setObjectName(f"per_words_{question.id}_{recipient.id}")
        self.words.setPlaceholderText(t("openheid.own_words_for", name=name))
        self.words.setAccessibleName(t("openheid.own_words_for", name=name))
        answer: Answer = getattr(recipient, question.id)
        self.combo.setCurrentIndex(
            max(0, self.combo.findData(answer.choice)) if answer.choice else 0
        )
        self.words.setText(answer.words)
        self.combo.currentIndexChanged.connect(self._changed)
        self.words.textEdited.connect(self._changed)
        column.addWidget(self.combo)
        column.addWidget(self.words)

    def _changed(self) -> None:
        answer = Answer(choice=self.combo.currentData(), words=self.words.text())
        setattr(self.recipient, self.page.question.id, answer)
        self.page.edited()


class PerRecipientPage(QuestionPage):
    """What / when / how: one answer for everyone, and per person where it differs."""

    def add_extra(self) -> None:
        self.per_heading = page_subtitle(t("openheid.per_person_heading"))
        self.column.addWidget(self.per_heading)
        self.per_note = text_label("", muted=True)
        self.column.addWidget(self.per_note)
        host = QWidget()
        self.rows = QVBoxLayout(host)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.row_widgets: dict[str, RecipientRow] = {}

    def refresh(self) -> None:
        super().refresh()
        clear_layout(self.rows)
        self.row_widgets = {}
        recipients = self.result.recipients
        self.general_label.setVisible(bool(recipients))
        if recipients:
            self.per_note.setText(t("openheid.per_person_hint"))
        elif self.question.id == "wat":
            self.per_note.setText(t("openheid.per_person_later"))
        else:
            self.per_note.setText(t("openheid.per_person_none"))
        for recipient in recipients:
            row = RecipientRow(self, recipient)
            add_now(self.rows, row)
            self.row_widgets[recipient.id] = row


class RecipientsPage(Page):
    """Whom to tell: pick from examples, or name someone; several are fine."""

    key = "wie"

    def __init__(self, screen: Exercise) -> None:
        super().__init__(screen)
        self.question = self.content.question("wie")
        self.column.addWidget(
            text_label(t("openheid.question_of", number=self.question.number), muted=True)
        )
        self.column.addWidget(page_title(self.question.title))
        self.column.addWidget(text_label(self.question.prompt))
        host = QWidget()
        self.list = QVBoxLayout(host)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.column.addWidget(text_label(t("openheid.someone_else"), muted=True))
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_recipient")
        self.new_name.setPlaceholderText(self.question.own_words)
        self.new_name.setAccessibleName(t("openheid.someone_else"))
        self.new_name.returnPressed.connect(self.add_own)
        self.add_button = QPushButton(t("openheid.add"))
        self.add_button.setObjectName("add_recipient")
        self.add_button.setAccessibleName(t("openheid.add_recipient"))
        self.add_button.clicked.connect(self.add_own)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        self.column.addLayout(row)
        self.checks: dict[str, Wrapped] = {}
        #: People unticked on this visit, so ticking again brings back their answers.
        self.stash: dict[str, Recipient] = {}
        self.finish([self.question.source, *(o.source for o in self.question.options)])

    def refresh(self) -> None:
        clear_layout(self.list)
        self.checks = {}
        chosen = {r.id for r in self.result.recipients}
        people = [(o.id, o.label, False) for o in self.question.options]
        owns = [r for r in self.result.recipients if r.own]
        owns += [r for r in self.stash.values() if r.own and r.id not in chosen]
        people += [(r.id, r.name, True) for r in owns]
        for person_id, name, _own in people:
            box = WrapCheckBox()
            box.setObjectName(f"recipient_{person_id}")
            box.setChecked(person_id in chosen)
            box.toggled.connect(
                lambda on, pid=person_id, n=name, o=_own: self._toggle(pid, n, o, on)
            )
            wrapped = Wrapped(box, name)
            self.checks[person_id] = wrapped
            add_now(self.list, wrapped)

    def _toggle(self, person_id: str, name: str, own: bool, on: bool) -> None:
        recipients = self.result.recipients
        if on and self.result.recipient(person_id) is None:
            recipients.append(
                self.stash.pop(person_id, None) or Recipient(id=person_id, own=own, name=name)
            )
        elif not on:
            found = self.result.recipient(person_id)
            if found is not None:
                recipients.remove(found)
                self.stash[person_id] = found
        self.edited()

    def add_own(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        self.result.recipients.append(Recipient(id=self.result.next_own_id(), own=True, name=name))
        self.new_name.clear()
        self.update_view()
        self.edited()
        self.new_name.setFocus()

    def first_focus(self) -> QWidget:
        return next(iter(self.checks.values())).button
