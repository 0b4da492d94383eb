"""Writing a note and reading one back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from docentwijzer.checkins import CheckIn
from docentwijzer.dates import format_date
from docentwijzer.handoff import REOPEN_AREAS
from docentwijzer.i18n import t
from docentwijzer.notes import Note, pseudonym_problem
from docentwijzer.tree import tree_content

from docentwijzer.ui.checkins_plan import PlanEditor
from docentwijzer.ui.checkins_record import CheckinList
from docentwijzer.ui.flow import FlowRow
from docentwijzer.ui.notes_lock import Page, error_label, form, show_error, wipe
from docentwijzer.ui.widgets import heading, paragraph


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * 4 + 12)
    return box


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setAccessibleName(name)
    return edit


def parse_tags(text: str) -> list[str]:
    return list(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


class EditorPage(Page):
    """The note form. Prompts ask for observations and steps, never for a diagnosis."""

    save_requested = Signal(object)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._original: Note | None = None
        self._snapshot: tuple[object, ...] | None = None
        self.title = heading(t("notes.editor_new"))
        self.column.addWidget(self.title)
        self.column.addWidget(paragraph(t("notes.editor_intro"), muted=True))
        self.notice = paragraph("")
        self.notice.hide()
        self.column.addWidget(self.notice)
        # Above the form: the reason a note cannot be saved is seen without scrolling.
        self.error = error_label()
        self.column.addWidget(self.error)

        self.pseudonym = QLineEdit()
        self.pseudonym.setObjectName("pseudonym")
        self.pseudonym.setAccessibleName(t("notes.field_pseudonym"))
        self.pseudonym.setAccessibleDescription(t("notes.pseudonym_why"))
        self.pseudonym.setPlaceholderText(t("notes.pseudonym_placeholder"))
        self.pseudonym.setMaxLength(60)
        self._completer = QCompleter([])
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.pseudonym.setCompleter(self._completer)
        pseudonym_why = paragraph(t("notes.pseudonym_why"), muted=True)
        self.note_date = _date_edit(t("notes.field_date"))
        self.observed = _text_box(t("notes.field_observed"), t("notes.observed_placeholder"))
        self.done = _text_box(t("notes.field_done"), t("notes.done_placeholder"))
        #: The check-ins: the tree's suggestion for a route, more or none by hand.
        self.plan = PlanEditor()
        self.text = _text_box(t("notes.field_text"), t("notes.text_placeholder"))
        self.tags = QLineEdit()
        self.tags.setAccessibleName(t("notes.field_tags"))
        self.tags.setPlaceholderText(t("notes.tags_placeholder"))

        layout = form(
            (t("notes.label_pseudonym"), self.pseudonym),
            ("", pseudonym_why),
            (t("notes.label_date"), self.note_date),
            (t("notes.label_observed"), self.observed),
            (t("notes.label_done"), self.done),
            (t("checkins.plan_label"), self.plan),
            (t("notes.label_text"), self.text),
            (t("notes.label_tags"), self.tags),
        )
        self.column.addLayout(layout)
        self.link_line = paragraph("", muted=True)
        self.link_line.hide()
        self.column.addWidget(self.link_line)

        self.save_button = QPushButton(t("notes.save"))
        self.save_button.setToolTip(t("notes.save_tip"))
        self.add_save_bar(self.save_button, self.submit, self.cancelled.emit)
        self.column.addStretch(1)

    # -- loading and reading back --------------------------------------------------------------

    def load(
        self,
        note: Note,
        *,
        is_new: bool,
        pseudonyms: list[str],
        notice: str = "",
        plan: list[CheckIn] | None = None,
    ) -> None:
        self._original = note
        self.title.setText(t("notes.editor_new" if is_new else "notes.editor_edit"))
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self._completer.model().setStringList(pseudonyms)  # type: ignore[attr-defined]
        self.pseudonym.setText(note.pseudonym)
        self.note_date.setDate(_qdate(note.note_date))
        self.observed.setPlainText(note.observed)
        self.done.setPlainText(note.done)
        self.plan.load(note, plan or [])
        self.text.setPlainText(note.text)
        self.tags.setText(", ".join(note.tags))
        kind = note.link_kind
        if kind:
            tool = t(f"app.area_{REOPEN_AREAS[kind]}")
            self.link_line.setText(t("notes.linked_to", tool=tool))
        self.link_line.setVisible(bool(kind))
        show_error(self.error, "")
        self._snapshot = self._values()

    def _values(self) -> tuple[object, ...]:
        return (
            self.pseudonym.text(),
            _pydate(self.note_date.date()),
            self.observed.toPlainText(),
            self.done.toPlainText(),
            self.plan.snapshot(),
            self.text.toPlainText(),
            parse_tags(self.tags.text()),
        )

    def is_dirty(self) -> bool:
        return self._snapshot is not None and self._values() != self._snapshot

    def problem(self) -> str | None:
        kind = pseudonym_problem(self.pseudonym.text())
        return t(f"notes.pseudonym_{kind}") if kind else None

    def current(self) -> Note | None:
        """The note as typed, or None (with the reason shown) when it cannot be saved."""
        if self._original is None:
            return None
        problem = self.problem()
        if problem:
            show_error(self.error, problem)
            self.pseudonym.setFocus()
            return None
        pseudonym, note_date, observed, done, _plan, text, tags = self._values()
        return self._original.model_copy(
            update={
                "pseudonym": str(pseudonym).strip(),
                "note_date": note_date,
                "observed": observed,
                "done": done,
                "follow_up": min((c.due for c in self.plan.values()), default=None),
                "text": text,
                "tags": tags,
            }
        )

    def submit(self) -> None:
        note = self.current()
        if note is not None:
            self.save_requested.emit(note)

    def mark_saved(self) -> None:
        self._snapshot = self._values()

    def clear(self) -> None:
        """Forget the note entirely (locking, discarding)."""
        self._original = None
        self._snapshot = None
        for box in (self.observed, self.done, self.text):
            box.clear()
            box.document().clearUndoRedoStacks()
        for line in (self.pseudonym, self.tags):
            wipe(line)
        self._completer.model().setStringList([])  # type: ignore[attr-defined]
        self.plan.clear()
        self.link_line.clear()
        self.notice.clear()
        show_error(self.error, "")

    def focus_first(self) -> None:
        target = self.observed if self.pseudonym.text().strip() else self.pseudonym
        target.setFocus()


class ViewPage(Page):
    """One note, read-only, with what can be done with it."""

    edit_requested = Signal()
    delete_requested = Signal()
    export_requested = Signal()
    reopen_requested = Signal()
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = heading("")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a pseudonym is never markup
        self.column.addWidget(self.title)
        self.meta = paragraph("", muted=True)
        self.column.addWidget(self.meta)
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("observed", "done", "text"):
            label = heading(t(f"notes.field_{key}"), 3)
            body = paragraph("")
            body.setObjectName(f"view_{key}")
            self.sections[key] = (label, body)
            self.column.addWidget(label)
            self.column.addWidget(body)
        self.link_line = paragraph("", muted=True)
        self.column.addWidget(self.link_line)
        self.checkins_title = heading(t("checkins.plan_label"), 3)
        self.column.addWidget(self.checkins_title)
        self.checkins = CheckinList()
        self.column.addWidget(self.checkins)
        row = FlowRow()  # on to the next line when the page is narrow (200% text)
        self.edit_button = QPushButton(t("notes.edit"))
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.reopen_button = QPushButton("")
        self.reopen_button.clicked.connect(self.reopen_requested.emit)
        self.export_button = QPushButton(t("notes.export_one"))
        self.export_button.clicked.connect(self.export_requested.emit)
        self.delete_button = QPushButton(t("notes.delete"))
        self.delete_button.clicked.connect(self.delete_requested.emit)
        back = QPushButton(t("notes.back"))
        back.setToolTip("Esc")
        back.clicked.connect(self.back_requested.emit)
        for button in (
            self.edit_button,
            self.reopen_button,
            self.export_button,
            self.delete_button,
            back,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addStretch(1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested.emit)

    def show_note(self, note: Note, keep_until: date, plan: list[CheckIn] | None = None) -> None:
        self.title.setText(
            t("notes.view_title", pseudonym=note.pseudonym, date=format_date(note.note_date))
        )
        meta = []
        if note.follow_up:
            meta.append(t("notes.meta_follow_up", date=format_date(note.follow_up)))
        meta.append(t("notes.meta_changed", date=format_date(note.updated.date())))
        meta.append(t("notes.meta_keep_until", date=format_date(keep_until)))
        if note.tags:
            meta.append(t("notes.meta_tags", tags=", ".join(note.tags)))
        self.meta.setText(" · ".join(meta))
        for key, (label, body) in self.sections.items():
            text = getattr(note, key)
            body.setText(text)
            label.setVisible(bool(text.strip()))
            body.setVisible(bool(text.strip()))
        kind = note.link_kind
        if kind:
            tool = t(f"app.area_{REOPEN_AREAS[kind]}")
            self.link_line.setText(t("notes.linked_to", tool=tool))
            self.reopen_button.setText(t("notes.reopen", tool=tool))
        self.link_line.setVisible(bool(kind))
        self.reopen_button.setVisible(bool(kind))
        self.checkins.show_plan(plan or [], tree_content(), date.today())

    def clear(self) -> None:
        self.title.clear()
        self.meta.clear()
        self.checkins.clear()
        for _label, body in self.sections.values():
            body.clear()
        self.link_line.clear()

    def focus_first(self) -> None:
        self.edit_button.setFocus()
