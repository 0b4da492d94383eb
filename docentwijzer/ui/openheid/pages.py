"""The exercise's pages that stand on their own: the base page, the teacher's intro, the yes/no
checks before and after, one question, the first step and the end with the teacher's part."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.openheid import (
    OpennessContent,
    OpennessResult,
    summary_lines,
    yes_no,
)
from docentwijzer.sources import Source

from docentwijzer.ui.flow import FlowRow
from docentwijzer.ui.openheid.parts import (
    STUDENT_SCALE,
    ChoiceBox,
    Exercise,
    Wrapped,
    add_now,
    clear_layout,
    keep_font,
    page_subtitle,
    page_title,
    scale_fonts,
    scaled_font,
    text_box,
    text_label,
)
from docentwijzer.ui.widgets import (
    card,
    heading,
    paragraph,
    sources_line,
)
from docentwijzer.ui.wrapping import WrapCheckBox, WrapRadioButton

# -- pages ---------------------------------------------------------------------------------------


class Page(QWidget):
    """One step of the exercise. ``refresh()`` shows the result; edits write to it at once."""

    key = ""
    student = True

    def __init__(self, screen: Exercise) -> None:
        super().__init__()
        self.screen = screen
        self.content: OpennessContent = screen.content
        if self.student:
            self.setFont(scaled_font(STUDENT_SCALE))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 20, 28, 20)
        self.column.setSpacing(14)

    @property
    def result(self) -> OpennessResult:
        return self.screen.result

    def finish(self, sources: list[Source] | None = None) -> None:
        if sources:
            self.column.addWidget(keep_font(sources_line(sources)))
        self.column.addStretch(1)

    def refresh(self) -> None:
        """Show the current result (subclasses)."""

    def update_view(self) -> None:
        """Show the current result in the page's type size, with Tab in reading order."""
        self.refresh()
        if self.student:
            scale_fonts(self)
        self.screen.chain_focus(self)

    def first_focus(self) -> QWidget | None:
        return None

    def edited(self) -> None:
        self.screen.edited()


class IntroPage(Page):
    """For the teacher: what this is and how it goes; then hand the screen to the student."""

    key = "intro"
    student = False

    def __init__(self, screen: Exercise) -> None:
        super().__init__(screen)
        self.column.addWidget(heading(self.content.title))
        self.column.addWidget(paragraph(t("openheid.teacher_intro")))
        points = "".join(f"<li>{t(f'openheid.teacher_point_{n}')}</li>" for n in (1, 2, 3, 4))
        self.column.addWidget(paragraph(f"<ul>{points}</ul>", rich=True))
        self.reopened = paragraph("", muted=False)
        self.reopened.setObjectName("reopened")
        self.reopened.hide()
        self.column.addWidget(self.reopened)
        self.start = QPushButton(t("openheid.start"))
        self.start.setObjectName("start")
        self.start.setFont(scaled_font(STUDENT_SCALE, bold=True))
        self.start.setMinimumHeight(self.start.fontMetrics().height() * 2 + 8)
        self.start.setAccessibleName(t("openheid.start"))
        self.start.clicked.connect(screen.start)
        self.column.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish([self.content.welcome.source, self.content.sure.source])

    def refresh(self) -> None:
        if self.screen.note_id is not None:
            self.reopened.setText(t("openheid.reopened", date=format_date(self.result.date)))
            self.reopened.show()
            self.start.setText(t("openheid.continue"))
        elif self.screen.active:
            self.reopened.hide()
            self.start.setText(t("openheid.continue"))
        else:
            self.reopened.hide()
            self.start.setText(t("openheid.start"))
        self.start.setAccessibleName(self.start.text())

    def first_focus(self) -> QWidget:
        return self.start


class SurePage(Page):
    """Four yes/no questions, before or after; shown side by side, never scored."""

    def __init__(self, screen: Exercise, phase: str) -> None:
        super().__init__(screen)
        self.phase = phase
        self.key = f"sure_{phase}"
        sure = self.content.sure
        if phase == "before":
            welcome = self.content.welcome
            self.column.addWidget(page_title(welcome.title))
            self.column.addWidget(text_label(welcome.text))
            self.column.addWidget(page_subtitle(sure.title_before))
            self.column.addWidget(text_label(sure.intro_before, muted=True))
        else:
            self.column.addWidget(page_title(sure.title_after))
            self.column.addWidget(text_label(sure.intro_after, muted=True))
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[bool, QRadioButton]] = {}
        self.earlier: dict[str, QLabel] = {}
        for item in sure.items:
            box = QFrame()
            box.setObjectName("card")
            inner = QVBoxLayout(box)
            inner.addWidget(text_label(item.text))
            row = QHBoxLayout()
            group = QButtonGroup(box)
            self.buttons[item.id] = {}
            for value, key in ((True, "openheid.yes"), (False, "openheid.no")):
                radio = WrapRadioButton()
                radio.setObjectName(f"sure_{phase}_{item.id}_{'ja' if value else 'nee'}")
                group.addButton(radio)
                self.buttons[item.id][value] = radio
                row.addWidget(Wrapped(radio, t(key)))
                radio.setAccessibleName(f"{item.text} {t(key)}")
            row.addStretch(1)
            inner.addLayout(row)
            if phase == "after":
                earlier = text_label("", muted=True)
                inner.addWidget(earlier)
                self.earlier[item.id] = earlier
            group.buttonToggled.connect(lambda *_a, i=item.id: self._changed(i))
            self.groups[item.id] = group
            self.column.addWidget(box)
        sources = [self.content.welcome.source] if phase == "before" else []
        self.finish([*sources, sure.source])

    def _answers(self) -> dict[str, bool]:
        return self.result.sure_before if self.phase == "before" else self.result.sure_after

    def _changed(self, item_id: str) -> None:
        buttons = self.buttons[item_id]
        answers = dict(self._answers())
        if buttons[True].isChecked():
            answers[item_id] = True
        elif buttons[False].isChecked():
            answers[item_id] = False
        setattr(self.result, f"sure_{self.phase}", answers)
        self.edited()

    def refresh(self) -> None:
        answers = self._answers()
        for item_id, group in self.groups.items():
            group.blockSignals(True)
            group.setExclusive(False)
            for value, radio in self.buttons[item_id].items():
                radio.setChecked(answers.get(item_id) is value)
            group.setExclusive(True)
            group.blockSignals(False)
        for item_id, label in self.earlier.items():
            label.setText(
                t("openheid.sure_earlier", answer=yes_no(self.result.sure_before.get(item_id)))
            )

    def first_focus(self) -> QWidget:
        first = next(iter(self.buttons.values()))
        return next((b for b in first.values() if b.isChecked()), first[True])


class QuestionPage(Page):
    """One of the five questions (or the choice), answered once for everyone."""

    def __init__(self, screen: Exercise, question_id: str) -> None:
        super().__init__(screen)
        self.question = self.content.question(question_id)
        self.key = question_id
        #: The result field: the five questions by id, the provisional choice as ``choice``.
        self.field = "choice" if question_id == self.content.choice.id else question_id
        if self.question.number:
            self.column.addWidget(
                text_label(t("openheid.question_of", number=self.question.number), muted=True)
            )
        self.column.addWidget(page_title(self.question.title))
        self.column.addWidget(text_label(self.question.prompt))
        self.general_label = page_subtitle(t("openheid.for_everyone"))
        self.column.addWidget(self.general_label)
        self.choices = ChoiceBox(self.question, t("openheid.own_words"))
        self.choices.changed.connect(self._changed)
        self.column.addWidget(self.choices)
        self.add_extra()
        self.finish(self.sources())

    def sources(self) -> list[Source]:
        return [self.question.source, *(o.source for o in self.question.options)]

    def add_extra(self) -> None:
        self.general_label.hide()

    def _changed(self) -> None:
        setattr(self.result, self.field, self.choices.answer())
        self.edited()

    def refresh(self) -> None:
        self.choices.set_answer(getattr(self.result, self.field))

    def first_focus(self) -> QWidget:
        return self.choices.first_focus()


class FirstStepPage(Page):
    key = "first_step"

    def __init__(self, screen: Exercise) -> None:
        super().__init__(screen)
        step = self.content.first_step
        self.column.addWidget(page_title(step.title))
        self.column.addWidget(text_label(step.prompt))
        self.words = text_box(step.own_words, step.title, lines=4)
        self.words.setObjectName("first_step")
        self.words.textChanged.connect(self._changed)
        self.column.addWidget(self.words)
        self.finish([step.source])

    def _changed(self) -> None:
        self.result.first_step = self.words.toPlainText()
        self.edited()

    def refresh(self) -> None:
        if self.words.toPlainText() != self.result.first_step:
            self.words.blockSignals(True)
            self.words.setPlainText(self.result.first_step)
            self.words.blockSignals(False)

    def first_focus(self) -> QWidget:
        return self.words


class DonePage(Page):
    """'Jouw keuzes' for the student, the PDF, and the teacher's part: keep only with consent."""

    key = "done"

    def __init__(self, screen: Exercise) -> None:
        super().__init__(screen)
        self.column.addWidget(page_title(t("openheid.done_title")))
        self.column.addWidget(text_label(t("openheid.done_text")))
        host = QWidget()
        self.summary = QVBoxLayout(host)
        self.summary.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.pdf_button = QPushButton(t("openheid.pdf_button"))
        self.pdf_button.setObjectName("pdf")
        self.pdf_button.setAccessibleName(t("openheid.pdf_button"))
        self.pdf_button.clicked.connect(screen.make_pdf)
        self.column.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.consent_box = WrapCheckBox()
        self.consent_box.setObjectName("consent")
        consent = Wrapped(self.consent_box, t("openheid.consent"))
        self.consent_box.toggled.connect(self._consent_changed)
        self.pseudonym = QLineEdit()
        self.pseudonym.setObjectName("pseudonym")
        self.pseudonym.setPlaceholderText(t("openheid.pseudonym_hint"))
        self.pseudonym.setAccessibleName(t("openheid.pseudonym"))
        self.pseudonym.setMaxLength(40)
        self.save_button = QPushButton(t("openheid.save_note"))
        self.save_button.setObjectName("save_note")
        self.save_button.setAccessibleName(t("openheid.save_note"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(screen.save_note)
        self.close_button = QPushButton(t("openheid.close_without_saving"))
        self.close_button.setObjectName("close_without_saving")
        self.close_button.setAccessibleName(t("openheid.close_without_saving"))
        self.close_button.clicked.connect(screen.close_without_saving)
        buttons = QWidget()
        row = FlowRow(buttons)  # below each other when side by side they would not fit
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        teacher = card(
            heading(t("openheid.teacher_part"), 3),
            paragraph(t("openheid.teacher_part_text")),
            consent,
            paragraph(t("openheid.pseudonym")),
            self.pseudonym,
            buttons,
            object_name="teacher_part",
        )
        teacher.setFont(scaled_font(1.0))  # the teacher's part: the ordinary text size
        self.teacher = keep_font(teacher)
        self.column.addWidget(teacher)
        self.finish()

    def _consent_changed(self, on: bool) -> None:
        self.save_button.setEnabled(on)

    def consent(self) -> bool:
        return self.consent_box.isChecked()

    def refresh(self) -> None:
        clear_layout(self.summary)
        for title, lines in summary_lines(self.result, self.content, include_sure=True):
            add_now(self.summary, page_subtitle(title))
            for line in lines:
                add_now(self.summary, text_label(f"• {line}" if len(lines) > 1 else line))
        if self.screen.pseudonym and not self.pseudonym.text():
            self.pseudonym.setText(self.screen.pseudonym)

    def reset(self) -> None:
        self.consent_box.setChecked(False)
        self.pseudonym.clear()

    def first_focus(self) -> QWidget:
        return self.pdf_button
