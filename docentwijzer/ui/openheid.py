"""The openness exercise on screen: the teacher starts it, then the student works through calm,
large pages, one question each, in the second person. Back and forward are always free; no answer
is required; the comparison shows both lists side by side and never adds them up.

Nothing is written anywhere unless the student agrees (then the teacher hands a note draft to the
notes area) or asks for the PDF of their own choices.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.handoff import NoteDraft, Reopen
from docentwijzer.i18n import t
from docentwijzer.openheid import (
    PER_RECIPIENT,
    WEIGHTS,
    Answer,
    ListKind,
    OpennessContent,
    OpennessResult,
    Question,
    Recipient,
    Weighed,
    comparison,
    note_text,
    openness_content,
    recipient_name,
    suggested_pdf_name,
    summary_lines,
    weight_label,
    weight_marks,
    write_student_pdf,
    yes_no,
)
from docentwijzer.pdf import PdfWriteError
from docentwijzer.sources import Source

from docentwijzer.ui import dialogs
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph, scrolling, sources_line

#: Student pages use type this much larger than the rest of the app (on top of the text size).
STUDENT_SCALE = 1.3


def _base_size() -> float:
    return QApplication.font().pointSizeF()


def _font(factor: float, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(_base_size() * factor)
    font.setBold(bold)
    return font


#: Widgets with this property keep their own font when a student page is scaled up.
FIXED_FONT = "dw_fixed_font"


def _fixed(widget: QWidget) -> QWidget:
    widget.setProperty(FIXED_FONT, True)
    for child in widget.findChildren(QWidget):
        child.setProperty(FIXED_FONT, True)
    return widget


def scale_fonts(root: QWidget) -> None:
    """Give every widget under ``root`` the student font, except those marked fixed.

    Font inheritance from a parent does not reach widgets that the application's style sheet
    polishes, so each widget gets the font explicitly.
    """
    font = _font(STUDENT_SCALE)
    for widget in root.findChildren(QWidget):
        if not widget.property(FIXED_FONT) and widget.font() != font:
            widget.setFont(font)


def _label(
    text: str, *, factor: float | None = None, bold: bool = False, muted: bool = False
) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if factor is not None or bold:
        label.setFont(_font(factor or STUDENT_SCALE, bold=bold))
        label.setProperty(FIXED_FONT, True)
    if muted:
        label.setObjectName("muted")
    return label


def _title(text: str) -> QLabel:
    label = _label(text, factor=STUDENT_SCALE * 1.45, bold=True)
    label.setObjectName("h1")
    label.setAccessibleName(text)
    return label


def _subtitle(text: str) -> QLabel:
    label = _label(text, factor=STUDENT_SCALE * 1.12, bold=True)
    label.setObjectName("h3")
    return label


def _text_box(placeholder: str, accessible: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(accessible)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 18)
    return box


def _add(layout: QVBoxLayout | QGridLayout, widget: QWidget, *position: int) -> None:
    """Add a rebuilt widget and show it now (Qt would only show it on the next event loop turn)."""
    layout.addWidget(widget, *position)
    widget.show()


def _clear(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def _focusables(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab can reach, in layout (creation) order."""
    found: list[QWidget] = []
    for child in root.children():
        if not isinstance(child, QWidget):
            continue
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(child)
        else:
            found += _focusables(child)
    return found


class _ClickLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class Wrapped(QFrame):
    """A check box or radio button as a large framed target whose text wraps.

    Qt's own buttons never wrap their text, and their small indicator is hard to see at a
    distance or in dark mode, so the whole row is filled with the highlight colour when chosen.
    """

    def __init__(self, button: QAbstractButton, text: str) -> None:
        super().__init__()
        self.setObjectName("option")
        self.button = button
        button.setAccessibleName(text)
        self.label = _ClickLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.clicked.connect(self._click)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.label, 1)
        button.toggled.connect(self._sync)
        button.installEventFilter(self)
        self._sync()

    def _click(self) -> None:
        if self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()

    def _sync(self) -> None:
        self._set("checked", self.button.isChecked())

    def _set(self, name: str, value: bool) -> None:
        if self.property(name) == value:
            return
        self.setProperty(name, value)
        for widget in (self, self.label):
            font = widget.font()
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._set("focused", event.type() == QEvent.Type.FocusIn)
        return False

    def text(self) -> str:
        return self.label.text()


#: The look of the large answer targets, in light and dark (palette colours follow the theme).
STYLE = """
#option { border: 1px solid palette(mid); border-radius: 6px; }
#option[checked="true"] { background: palette(highlight); border-color: palette(highlight); }
#option[checked="true"] QLabel { color: palette(highlighted-text); }
#option[focused="true"] { border: 3px solid palette(highlight); }
#option[checked="true"][focused="true"] { border: 3px solid palette(text); }
"""


class ChoiceBox(QWidget):
    """The example answers of one question (pick one) and the student's own words."""

    changed = Signal()

    def __init__(self, question: Question, own_label: str) -> None:
        super().__init__()
        self.question = question
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.options: dict[str, Wrapped] = {}
        for option in question.options:
            radio = QRadioButton()
            radio.setObjectName(f"option_{question.id}_{option.id}")
            wrapped = Wrapped(radio, option.label)
            self.group.addButton(radio)
            self.options[option.id] = wrapped
            column.addWidget(wrapped)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        column.addWidget(_label(own_label, muted=True))
        self.words = _text_box(question.own_words, f"{question.title} {own_label}")
        self.words.setObjectName(f"words_{question.id}")
        self.words.textChanged.connect(self.changed.emit)
        column.addWidget(self.words)

    def set_answer(self, answer: Answer) -> None:
        self.blockSignals(True)
        self.group.setExclusive(False)
        for option_id, wrapped in self.options.items():
            wrapped.button.setChecked(option_id == answer.choice)
        self.group.setExclusive(True)
        if self.words.toPlainText() != answer.words:
            self.words.setPlainText(answer.words)
        self.blockSignals(False)

    def answer(self) -> Answer:
        choice = next((oid for oid, w in self.options.items() if w.button.isChecked()), None)
        return Answer(choice=choice, words=self.words.toPlainText())

    def first_focus(self) -> QWidget:
        checked = next((w.button for w in self.options.values() if w.button.isChecked()), None)
        return checked or next(iter(self.options.values())).button


# -- pages ---------------------------------------------------------------------------------------


class Page(QWidget):
    """One step of the exercise. ``refresh()`` shows the result; edits write to it at once."""

    key = ""
    student = True

    def __init__(self, screen: OpennessScreen) -> None:
        super().__init__()
        self.screen = screen
        self.content: OpennessContent = screen.content
        if self.student:
            self.setFont(_font(STUDENT_SCALE))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 20, 28, 20)
        self.column.setSpacing(14)

    @property
    def result(self) -> OpennessResult:
        return self.screen.result

    def finish(self, sources: list[Source] | None = None) -> None:
        if sources:
            self.column.addWidget(_fixed(sources_line(sources)))
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

    def __init__(self, screen: OpennessScreen) -> None:
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
        self.start.setFont(_font(STUDENT_SCALE, bold=True))
        self.start.setMinimumHeight(self.start.fontMetrics().height() * 2 + 8)
        self.start.setAccessibleName(t("openheid.start"))
        self.start.clicked.connect(screen.start)
        self.column.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish([self.content.welcome.source, self.content.sure.source])

    def refresh(self) -> None:
        if self.screen.note_id is not None:
            self.reopened.setText(t("openheid.reopened", date=self.result.date.isoformat()))
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

    def __init__(self, screen: OpennessScreen, phase: str) -> None:
        super().__init__(screen)
        self.phase = phase
        self.key = f"sure_{phase}"
        sure = self.content.sure
        if phase == "before":
            welcome = self.content.welcome
            self.column.addWidget(_title(welcome.title))
            self.column.addWidget(_label(welcome.text))
            self.column.addWidget(_subtitle(sure.title_before))
            self.column.addWidget(_label(sure.intro_before, muted=True))
        else:
            self.column.addWidget(_title(sure.title_after))
            self.column.addWidget(_label(sure.intro_after, muted=True))
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[bool, QRadioButton]] = {}
        self.earlier: dict[str, QLabel] = {}
        for item in sure.items:
            box = QFrame()
            box.setObjectName("card")
            inner = QVBoxLayout(box)
            inner.addWidget(_label(item.text))
            row = QHBoxLayout()
            group = QButtonGroup(box)
            self.buttons[item.id] = {}
            for value, key in ((True, "openheid.yes"), (False, "openheid.no")):
                radio = QRadioButton()
                radio.setObjectName(f"sure_{phase}_{item.id}_{'ja' if value else 'nee'}")
                group.addButton(radio)
                self.buttons[item.id][value] = radio
                row.addWidget(Wrapped(radio, t(key)))
                radio.setAccessibleName(f"{item.text} {t(key)}")
            row.addStretch(1)
            inner.addLayout(row)
            if phase == "after":
                earlier = _label("", muted=True)
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

    def __init__(self, screen: OpennessScreen, question_id: str) -> None:
        super().__init__(screen)
        self.question = self.content.question(question_id)
        self.key = question_id
        #: The result field: the five questions by id, the provisional choice as ``choice``.
        self.field = "choice" if question_id == self.content.choice.id else question_id
        if self.question.number:
            self.column.addWidget(
                _label(t("openheid.question_of", number=self.question.number), muted=True)
            )
        self.column.addWidget(_title(self.question.title))
        self.column.addWidget(_label(self.question.prompt))
        self.general_label = _subtitle(t("openheid.for_everyone"))
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
        column.addWidget(_label(name, factor=STUDENT_SCALE, bold=True))
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
        self.per_heading = _subtitle(t("openheid.per_person_heading"))
        self.column.addWidget(self.per_heading)
        self.per_note = _label("", muted=True)
        self.column.addWidget(self.per_note)
        host = QWidget()
        self.rows = QVBoxLayout(host)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.row_widgets: dict[str, RecipientRow] = {}

    def refresh(self) -> None:
        super().refresh()
        _clear(self.rows)
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
            _add(self.rows, row)
            self.row_widgets[recipient.id] = row


class RecipientsPage(Page):
    """Whom to tell: pick from examples, or name someone; several are fine."""

    key = "wie"

    def __init__(self, screen: OpennessScreen) -> None:
        super().__init__(screen)
        self.question = self.content.question("wie")
        self.column.addWidget(
            _label(t("openheid.question_of", number=self.question.number), muted=True)
        )
        self.column.addWidget(_title(self.question.title))
        self.column.addWidget(_label(self.question.prompt))
        host = QWidget()
        self.list = QVBoxLayout(host)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.column.addWidget(_label(t("openheid.someone_else"), muted=True))
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
        _clear(self.list)
        self.checks = {}
        chosen = {r.id for r in self.result.recipients}
        people = [(o.id, o.label, False) for o in self.question.options]
        owns = [r for r in self.result.recipients if r.own]
        owns += [r for r in self.stash.values() if r.own and r.id not in chosen]
        people += [(r.id, r.name, True) for r in owns]
        for person_id, name, _own in people:
            box = QCheckBox()
            box.setObjectName(f"recipient_{person_id}")
            box.setChecked(person_id in chosen)
            box.toggled.connect(
                lambda on, pid=person_id, n=name, o=_own: self._toggle(pid, n, o, on)
            )
            wrapped = Wrapped(box, name)
            self.checks[person_id] = wrapped
            _add(self.list, wrapped)

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


class WeighRow(QWidget):
    """One advantage or risk: ticked or not, and how important it is to the student."""

    def __init__(self, page: WeighPage, item_id: str, text: str, own: bool) -> None:
        super().__init__()
        self.page, self.item_id, self.text, self.own = page, item_id, text, own
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 6)
        self.box = QCheckBox()
        self.box.setObjectName(f"{page.kind}_{item_id}")
        self.wrapped = Wrapped(self.box, text)
        row.addWidget(self.wrapped)
        self.weight = QComboBox()
        self.weight.setObjectName(f"weight_{page.kind}_{item_id}")
        self.weight.setAccessibleName(t("openheid.weight_for", text=text))
        for weight in WEIGHTS:
            self.weight.addItem(f"{weight_marks(weight)}  {weight_label(weight)}", weight)
        indent = QHBoxLayout()
        indent.setContentsMargins(self.box.sizeHint().width() + 6, 0, 0, 0)
        indent.addWidget(self.weight)
        indent.addStretch(1)
        row.addLayout(indent)
        existing = page.find(item_id)
        self.box.setChecked(existing is not None)
        if existing is not None:
            self.weight.setCurrentIndex(self.weight.findData(existing.weight))
        else:
            self.weight.setCurrentIndex(self.weight.findData(2))
        self.weight.setEnabled(existing is not None)
        self.box.toggled.connect(self._toggled)
        self.weight.currentIndexChanged.connect(self._weighed)

    def _toggled(self, on: bool) -> None:
        self.weight.setEnabled(on)
        items = self.page.items()
        existing = self.page.find(self.item_id)
        if on and existing is None:
            items.append(
                Weighed(
                    id=self.item_id, own=self.own, text=self.text, weight=self.weight.currentData()
                )
            )
        elif not on and existing is not None:
            items.remove(existing)
        self.page.edited()

    def _weighed(self) -> None:
        existing = self.page.find(self.item_id)
        if existing is not None:
            existing.weight = int(self.weight.currentData())
            self.page.edited()


class WeighPage(Page):
    """Advantages or risks of openness: examples to pick, own words, each weighted."""

    def __init__(self, screen: OpennessScreen, kind: ListKind) -> None:
        super().__init__(screen)
        self.kind: ListKind = kind
        self.key = kind
        self.listing = self.content.pros_cons(kind)
        self.column.addWidget(_title(self.listing.title))
        self.column.addWidget(_label(self.listing.prompt))
        host = QWidget()
        self.list = QVBoxLayout(host)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.column.addWidget(_label(self.listing.own_words, muted=True))
        row = QHBoxLayout()
        self.new_text = QLineEdit()
        self.new_text.setObjectName(f"new_{kind}")
        self.new_text.setAccessibleName(self.listing.own_words)
        self.new_text.returnPressed.connect(self.add_own)
        self.add_button = QPushButton(t("openheid.add"))
        self.add_button.setObjectName(f"add_{kind}")
        self.add_button.setAccessibleName(t(f"openheid.add_{kind}"))
        self.add_button.clicked.connect(self.add_own)
        row.addWidget(self.new_text, 1)
        row.addWidget(self.add_button)
        self.column.addLayout(row)
        self.rows: dict[str, WeighRow] = {}
        self.finish([self.listing.source, *(e.source for e in self.listing.examples)])

    def items(self) -> list[Weighed]:
        return self.result.items(self.kind)

    def find(self, item_id: str) -> Weighed | None:
        return next((i for i in self.items() if i.id == item_id), None)

    def refresh(self) -> None:
        _clear(self.list)
        self.rows = {}
        entries = [(e.id, e.text, False) for e in self.listing.examples]
        entries += [(i.id, i.text, True) for i in self.items() if i.own]
        for item_id, text, own in entries:
            row = WeighRow(self, item_id, text, own)
            self.rows[item_id] = row
            _add(self.list, row)

    def add_own(self) -> None:
        text = " ".join(self.new_text.text().split())
        if not text:
            return
        self.items().append(Weighed(id=self.result.next_own_id(), own=True, text=text))
        self.new_text.clear()
        self.update_view()
        self.edited()
        self.new_text.setFocus()

    def first_focus(self) -> QWidget:
        return next(iter(self.rows.values())).box


class ComparePage(Page):
    """Both lists side by side with their weights: a view, never a verdict."""

    key = "compare"

    def __init__(self, screen: OpennessScreen) -> None:
        super().__init__(screen)
        compare = self.content.compare
        self.column.addWidget(_title(compare.title))
        self.column.addWidget(_label(compare.text))
        host = QWidget()
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.column.addWidget(host)
        self.finish([compare.source])

    def refresh(self) -> None:
        _clear(self.grid)
        view = comparison(self.result, self.content)
        for column, (kind, rows) in enumerate(
            (("advantages", view.advantages), ("risks", view.risks))
        ):
            frame = QFrame()
            frame.setObjectName("card")
            frame.setAccessibleName(t(f"openheid.list_{kind}"))
            inner = QVBoxLayout(frame)
            inner.addWidget(_subtitle(t(f"openheid.list_{kind}")))
            if not rows:
                inner.addWidget(_label(t("openheid.nothing_yet"), muted=True))
            for row in rows:
                item = _label(f"{row.marks}  {row.text}")
                item.setAccessibleName(f"{row.text} ({row.weight_label})")
                item.setToolTip(row.weight_label)
                inner.addWidget(item)
                inner.addWidget(_label(row.weight_label, muted=True))
            inner.addStretch(1)
            _add(self.grid, frame, 0, column)


class FirstStepPage(Page):
    key = "first_step"

    def __init__(self, screen: OpennessScreen) -> None:
        super().__init__(screen)
        step = self.content.first_step
        self.column.addWidget(_title(step.title))
        self.column.addWidget(_label(step.prompt))
        self.words = _text_box(step.own_words, step.title, lines=4)
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

    def __init__(self, screen: OpennessScreen) -> None:
        super().__init__(screen)
        self.column.addWidget(_title(t("openheid.done_title")))
        self.column.addWidget(_label(t("openheid.done_text")))
        host = QWidget()
        self.summary = QVBoxLayout(host)
        self.summary.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(host)
        self.pdf_button = QPushButton(t("openheid.pdf_button"))
        self.pdf_button.setObjectName("pdf")
        self.pdf_button.setAccessibleName(t("openheid.pdf_button"))
        self.pdf_button.clicked.connect(screen.make_pdf)
        self.column.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.consent_box = QCheckBox()
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
        row = QHBoxLayout(buttons)
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
        self.teacher = _fixed(teacher)
        self.column.addWidget(teacher)
        self.finish()

    def _consent_changed(self, on: bool) -> None:
        self.save_button.setEnabled(on)

    def consent(self) -> bool:
        return self.consent_box.isChecked()

    def refresh(self) -> None:
        _clear(self.summary)
        for title, lines in summary_lines(self.result, self.content, include_sure=True):
            _add(self.summary, _subtitle(title))
            for line in lines:
                _add(self.summary, _label(f"• {line}" if len(lines) > 1 else line))
        if self.screen.pseudonym and not self.pseudonym.text():
            self.pseudonym.setText(self.screen.pseudonym)

    def reset(self) -> None:
        self.consent_box.setChecked(False)
        self.pseudonym.clear()

    def first_focus(self) -> QWidget:
        return self.pdf_button


# -- the screen ----------------------------------------------------------------------------------


class OpennessScreen(Screen):
    area_id = "openheid"

    def __init__(self) -> None:
        super().__init__(scroll=False)
        self.setStyleSheet(STYLE)
        self.content = openness_content()
        self.result = OpennessResult()
        self._baseline = self.result.model_dump(mode="json")
        self.note_id: str | None = None
        self.pseudonym: str | None = None
        self.active = False
        self._handing_over = False

        self.header = QWidget()
        top = QHBoxLayout(self.header)
        top.setContentsMargins(0, 0, 0, 0)
        self.step_label = QLabel()
        self.step_label.setObjectName("step")
        self.step_label.setFont(_font(STUDENT_SCALE * 0.9))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        top.addWidget(self.step_label)
        top.addWidget(self.progress, 1)
        self.body.addWidget(self.header)

        self.stack = QStackedWidget()
        self.pages: list[Page] = [
            IntroPage(self),
            SurePage(self, "before"),
            QuestionPage(self, "of"),
            PerRecipientPage(self, "wat"),
            RecipientsPage(self),
            PerRecipientPage(self, "wanneer"),
            PerRecipientPage(self, "hoe"),
            WeighPage(self, "advantages"),
            WeighPage(self, "risks"),
            ComparePage(self),
            QuestionPage(self, "keuze"),
            FirstStepPage(self),
            SurePage(self, "after"),
            DonePage(self),
        ]
        for page in self.pages:
            area = scrolling(page)
            area.setAccessibleName(t(f"openheid.page_{page.key}"))
            self.stack.addWidget(area)
        self.body.addWidget(self.stack, 1)

        self.nav = QWidget()
        row = QHBoxLayout(self.nav)
        row.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(t("openheid.back"))
        self.back_button.setObjectName("back")
        self.next_button = QPushButton(t("openheid.next"))
        self.next_button.setObjectName("next")
        for button, tip in (
            (self.back_button, "openheid.back_tip"),
            (self.next_button, "openheid.next_tip"),
        ):
            button.setFont(_font(STUDENT_SCALE))
            button.setMinimumHeight(button.fontMetrics().height() * 2)
            button.setAccessibleName(button.text())
            button.setToolTip(t(tip))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.forward)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        self.body.addWidget(self.nav)
        self._shortcuts: list[QShortcut] = []
        for keys, slot in (("Alt+Right", self.forward), ("Alt+Left", self.back)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        self.go(0)

    # -- navigation -------------------------------------------------------------------------------

    @property
    def student_steps(self) -> int:
        return len(self.pages) - 1

    def index(self) -> int:
        return self.stack.currentIndex()

    def page(self, key: str) -> Page:
        return next(p for p in self.pages if p.key == key)

    def current_page(self) -> Page:
        return self.pages[self.index()]

    def go(self, index: int) -> None:
        index = max(0, min(index, len(self.pages) - 1))
        page = self.pages[index]
        page.update_view()
        self.stack.setCurrentIndex(index)
        student = index > 0
        self.header.setVisible(student)
        self.nav.setVisible(student)
        self.next_button.setVisible(index < len(self.pages) - 1)
        if student:
            name = t(f"openheid.page_{page.key}")
            self.step_label.setText(
                t("openheid.step", n=index, total=self.student_steps, name=name)
            )
            self.step_label.setAccessibleName(self.step_label.text())
            self.progress.setRange(0, self.student_steps)
            self.progress.setValue(index)
        scroll = self.stack.currentWidget()
        scroll.verticalScrollBar().setValue(0)  # type: ignore[attr-defined]
        self.focus_first()

    def forward(self) -> None:
        if 0 < self.index() < len(self.pages) - 1:
            self.go(self.index() + 1)

    def back(self) -> None:
        if self.index() > 0:
            self.go(self.index() - 1)

    def start(self) -> None:
        if not self.active:
            self.result.date = self.result.date.today()
            self._baseline = self.result.model_dump(mode="json")
        self.active = True
        self.go(1)

    def chain_focus(self, page: Page) -> None:
        """Tab through the page top to bottom, then Back and Next.

        Rows a page rebuilds (people, own advantages) are new widgets, which Qt would otherwise
        put at the end of the window's tab chain.
        """
        order = [*_focusables(page), self.back_button, self.next_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def focus_first(self) -> None:
        target = self.current_page().first_focus()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.next_button.setFocus(Qt.FocusReason.TabFocusReason)

    # -- state ------------------------------------------------------------------------------------

    def edited(self) -> None:
        """A page changed the result (nothing to do yet: leaving compares with the baseline)."""

    def dirty(self) -> bool:
        return self.result.model_dump(mode="json") != self._baseline

    def has_unsaved_changes(self) -> bool:
        if self._handing_over or not self.active:
            return False
        return self.note_id is None or self.dirty()

    def discard_changes(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the exercise completely and show the teacher's start page."""
        self.result = OpennessResult()
        self._baseline = self.result.model_dump(mode="json")
        self.note_id = None
        self.pseudonym = None
        self.active = False
        recipients = self.page("wie")
        assert isinstance(recipients, RecipientsPage)
        recipients.stash.clear()
        done = self.page("done")
        assert isinstance(done, DonePage)
        done.reset()
        self.go(0)

    def receive(self, payload: object) -> None:
        if not isinstance(payload, Reopen) or payload.kind != "openheid":
            return
        try:
            result = OpennessResult.model_validate(payload.data)
        except ValidationError:
            dialogs.warn(self, t("openheid.reopen_failed_title"), t("openheid.reopen_failed"))
            return
        if self.has_unsaved_changes() and not dialogs.confirm_discard(self):
            return
        self.reset()
        self.result = result
        self._baseline = result.model_dump(mode="json")
        self.note_id = payload.note_id
        self.pseudonym = payload.pseudonym
        self.active = True
        self.go(0)

    def _output(self) -> OpennessResult:
        """The result as it goes into a PDF or note: a changed reopened exercise gets today."""
        if self.note_id is not None and self.dirty():
            self.result.date = self.result.date.today()
        return self.result

    # -- actions ----------------------------------------------------------------------------------

    def make_pdf(self) -> None:
        result = self._output()
        suggested = str(Path.home() / suggested_pdf_name(result))
        chosen = dialogs.ask_save_file(
            self, t("openheid.pdf_dialog"), suggested, t("openheid.pdf_filter")
        )
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
        try:
            write_student_pdf(path, result, self.content)
        except PdfWriteError as exc:
            dialogs.warn(self, t("openheid.pdf_failed_title"), str(exc))
            return
        dialogs.info(self, t("openheid.pdf_done_title"), t("openheid.pdf_done", path=str(path)))

    def save_note(self) -> None:
        done = self.page("done")
        assert isinstance(done, DonePage)
        if not done.consent():
            return
        result = self._output()
        pseudonym = " ".join(done.pseudonym.text().split()) or None
        draft = NoteDraft(
            origin="openheid",
            pseudonym=pseudonym,
            text=note_text(result, self.content),
            link={"openheid": result.model_dump(mode="json")},
            note_id=self.note_id,
        )
        save: Callable[[NoteDraft], bool] = self.window().save_as_note  # type: ignore[attr-defined]
        self._handing_over = True
        try:
            accepted = save(draft)
        finally:
            self._handing_over = False
        if accepted:
            self.reset()

    def close_without_saving(self) -> None:
        if not self.result.is_empty() and not dialogs.confirm_discard(self):
            return
        self.reset()


__all__ = ["PER_RECIPIENT", "OpennessScreen"]
