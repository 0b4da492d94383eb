"""Signalering: tick what you saw, read it back in plain words, carry it to the next step.

The widgets only collect ticks; :mod:`docentwijzer.checklist` turns them into the summary and
the :class:`~docentwijzer.handoff.SignalContext` the referral tree receives.
"""

from __future__ import annotations

import html
import re
from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.checklist import (
    OBSERVATION_MAX,
    PSEUDONYM_MAX,
    ChecklistContent,
    Summary,
    SummaryLine,
    Tick,
    checklist_content,
    normalise_pseudonym,
    pseudonym_warning,
    summarise,
    ticks_from_context,
)
from docentwijzer.checklist import Signal as SignalItem
from docentwijzer.dates import format_date
from docentwijzer.handoff import NoteDraft, Reopen, SignalContext
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs
from docentwijzer.ui.areas import area
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import (
    action_bar,
    card,
    heading,
    paragraph,
    primary_button,
    sources_line,
)
from docentwijzer.ui.wrapping import WrapCheckBox

DATE_FORMAT = "d-M-yyyy"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _DateEdit(QDateEdit):
    """A date field that Tab leaves at once; arrow keys move between day, month and year."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class SignalRow(QWidget):
    """One signal: a check box with wrapping text; once ticked, what you saw and when."""

    changed = Signal()

    def __init__(self, signal: SignalItem, *, indented: bool = False) -> None:
        super().__init__()
        self.signal = signal
        self.setObjectName(f"signal_{signal.id}")
        full = f"{signal.lead} {signal.text}" if signal.lead else signal.text
        column = QVBoxLayout(self)
        column.setContentsMargins(28 if indented else 0, 0, 0, 0)
        column.setSpacing(4)

        # One control that paints its own wrapping text: a label beside the box was read twice.
        self.check = WrapCheckBox(signal.text)
        self.check.setAccessibleName(full)
        column.addWidget(self.check)

        self.details = QWidget()
        row = QHBoxLayout(self.details)
        row.setContentsMargins(28, 0, 0, 6)
        self.observation = QLineEdit()
        self.observation.setMaxLength(OBSERVATION_MAX)
        self.observation.setPlaceholderText(t("checklist.observation_placeholder"))
        self.observation.setAccessibleName(t("checklist.observation_name", signal=signal.text))
        self.observation.setClearButtonEnabled(True)
        self.date = _DateEdit()
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate(2000, 1, 1))
        self.date.setAccessibleName(t("checklist.date_name", signal=signal.text))
        date_label = QLabel(t("checklist.date_label"))
        date_label.setBuddy(self.date)
        row.addWidget(self.observation, 1)
        row.addWidget(date_label)
        row.addWidget(self.date)
        column.addWidget(self.details)
        self.reset()

        self.check.toggled.connect(self._toggled)
        self.check.installEventFilter(self)
        self.observation.textChanged.connect(self.changed)
        self.date.dateChanged.connect(self.changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The text of the focused signal is underlined, so keyboard users see where they are."""
        if watched is self.check and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            font = self.check.font()
            font.setUnderline(event.type() == QEvent.Type.FocusIn)
            self.check.setFont(font)
        return super().eventFilter(watched, event)

    def _toggled(self, on: bool) -> None:
        self.details.setVisible(on)
        self.changed.emit()

    def reset(self) -> None:
        """Unticked, empty, dated today; ``setText`` also clears the undo history."""
        for widget in (self.check, self.observation, self.date):
            widget.blockSignals(True)
        self.check.setChecked(False)
        self.observation.setText("")
        today = QDate.currentDate()
        self.date.setMaximumDate(today)
        self.date.setDate(today)
        self.details.setVisible(False)
        for widget in (self.check, self.observation, self.date):
            widget.blockSignals(False)

    def set_tick(self, tick: Tick) -> None:
        self.check.setChecked(True)
        self.observation.setText(tick.observation)
        self.date.setDate(_qdate(tick.observed_on))

    def tick(self) -> Tick | None:
        if not self.check.isChecked():
            return None
        day = self.date.date()
        return Tick(
            signal_id=self.signal.id,
            observation=self.observation.text(),
            observed_on=date(day.year(), day.month(), day.day()),
        )


class ChecklistScreen(Screen):
    area_id = "signalering"

    def __init__(self) -> None:
        super().__init__()
        self.content: ChecklistContent = checklist_content()
        self._note_id: str | None = None
        self._handing_over = False
        self.rows: dict[str, SignalRow] = {}

        self.body.addWidget(heading(t("checklist.title")))
        self.body.addWidget(paragraph(t("checklist.intro")))
        self._build_urgent()
        self._build_who()
        self.reopened_note = paragraph(t("checklist.reopened"), muted=True)
        self.missing_note = paragraph("", muted=True)
        self.body.addWidget(self.reopened_note)
        self.body.addWidget(self.missing_note)
        self._build_signals()
        self._build_summary()
        self._build_actions()
        self.body.addStretch(1)

        self._clear()
        self._baseline = self._state()

    # -- construction -------------------------------------------------------------------------

    def _build_urgent(self) -> None:
        self.urgent = QCheckBox(t("checklist.urgent_check"))
        self.urgent.setObjectName("urgentCheck")
        self.urgent.toggled.connect(self._changed)
        self.urgent_go = QPushButton(t("checklist.urgent_go"))
        self.urgent_go.setObjectName("urgentGo")
        self.urgent_go.clicked.connect(self.go_next)
        box = card(
            heading(t("checklist.urgent_title"), 2),
            paragraph(t("checklist.urgent_text")),
            object_name="card",
        )
        # left-aligned at their own size, so a click on what you see is a click on the control
        box.layout().addWidget(self.urgent, 0, Qt.AlignmentFlag.AlignLeft)
        box.layout().addWidget(self.urgent_go, 0, Qt.AlignmentFlag.AlignLeft)
        box.setAccessibleName(t("checklist.urgent_title"))
        self.body.addWidget(box)

    def _build_who(self) -> None:
        self.pseudonym = QLineEdit()
        self.pseudonym.setObjectName("pseudonym")
        self.pseudonym.setMaxLength(PSEUDONYM_MAX)
        self.pseudonym.setPlaceholderText(t("checklist.pseudonym_placeholder"))
        self.pseudonym.setAccessibleName(t("checklist.pseudonym_label"))
        self.pseudonym.setAccessibleDescription(t("checklist.pseudonym_why"))
        self.pseudonym.textChanged.connect(self._changed)
        label = QLabel(t("checklist.pseudonym_label"))
        label.setWordWrap(True)
        label.setBuddy(self.pseudonym)
        self.anonymous = QCheckBox(t("checklist.anonymous"))
        self.anonymous.setObjectName("anonymous")
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.pseudonym_warning = paragraph("")
        self.pseudonym_warning.setObjectName("pseudonymWarning")
        self.body.addWidget(heading(t("checklist.who_title"), 2))
        self.body.addWidget(label)
        self.body.addWidget(self.pseudonym)
        self.body.addWidget(self.pseudonym_warning)
        self.body.addWidget(self.anonymous, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(paragraph(t("checklist.pseudonym_why"), muted=True))

    def _build_signals(self) -> None:
        self.body.addWidget(heading(t("checklist.signals_title"), 2))
        self.body.addWidget(paragraph(t("checklist.signals_hint"), muted=True))
        for group in self.content.groups:
            self.body.addWidget(heading(group.title, 3))
            lead = ""
            for signal in group.signals:
                if signal.lead and signal.lead != lead:
                    self.body.addWidget(paragraph(signal.lead))
                lead = signal.lead
                row = SignalRow(signal, indented=bool(signal.lead))
                row.changed.connect(self._changed)
                self.rows[signal.id] = row
                self.body.addWidget(row)
            self.body.addWidget(sources_line([group.source]))

    def _build_summary(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryText")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.emphasis_label = paragraph("", rich=True)
        self.emphasis_label.setObjectName("summaryEmphasis")
        reminder = self.content.reminder
        continuum = self.content.continuum
        self.reminder_label = paragraph(f"{reminder.text} {continuum.text}", muted=True)
        self.reminder_label.setObjectName("summaryReminder")
        self.background_button = QPushButton(t("achtergrond.from_checklist"))
        self.background_button.setObjectName("toBackground")
        self.background_button.clicked.connect(
            lambda: self.window().navigate("achtergrond")  # type: ignore[attr-defined]
        )
        box = card(
            heading(t("checklist.summary_title"), 2),
            self.summary_label,
            self.emphasis_label,
            self.reminder_label,
            self.background_button,
            sources_line([reminder.source, continuum.source]),
            object_name="card",
        )
        box.layout().setAlignment(self.background_button, Qt.AlignmentFlag.AlignLeft)
        box.setAccessibleName(t("checklist.summary_title"))
        self.body.addWidget(box)

    def _build_actions(self) -> None:
        """The next step stays in view below the list (no scrolling past 30 signals to find it)."""
        host, row = action_bar("actionBar", t("checklist.actions_name"))
        self.next_button = primary_button(t("checklist.next"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip(t("checklist.next_tip"))
        self.next_button.clicked.connect(self.go_next)
        self.note_button = QPushButton(t("checklist.save_note"))
        self.note_button.setObjectName("noteButton")
        self.note_button.clicked.connect(self.save_note)
        self.restart_button = QPushButton(t("checklist.restart"))
        self.restart_button.setObjectName("restartButton")
        self.restart_button.clicked.connect(self.restart)
        self.selection_label = paragraph("", muted=True)
        self.selection_label.setObjectName("tickedCount")
        row.addWidget(self.next_button)
        row.addWidget(self.note_button)
        row.addWidget(self.selection_label, 1)
        row.addWidget(self.restart_button)
        self.layout().addWidget(host)
        self.note_button.setToolTip(t("checklist.save_note_tip"))
        # Ctrl+Enter: the next step from anywhere on the list; Ctrl+S: keep it as a note.
        for keys, slot in (
            ("Ctrl+Return", self.go_next),
            ("Ctrl+Enter", self.go_next),
            (QKeySequence.StandardKey.Save, self._save_note_key),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _save_note_key(self) -> None:
        if self.note_button.isEnabled() and self.note_button.isVisible():
            self.save_note()

    def showEvent(self, event: QShowEvent) -> None:
        # Trainer mode keeps no notes: no button that can only say so.
        self.note_button.setVisible(not getattr(self.window(), "trainer_mode", False))
        super().showEvent(event)

    # -- state -------------------------------------------------------------------------------

    def ticks(self) -> list[Tick]:
        return [tick for row in self.rows.values() if (tick := row.tick()) is not None]

    def summary(self) -> Summary:
        return summarise(
            self.content,
            self.ticks(),
            pseudonym=None if self.anonymous.isChecked() else self.pseudonym.text(),
            urgent=self.urgent.isChecked(),
        )

    def _state(self) -> tuple[object, ...]:
        return (
            self.urgent.isChecked(),
            normalise_pseudonym(self.pseudonym.text()),
            self.anonymous.isChecked(),
            tuple(self.ticks()),
        )

    def has_unsaved_changes(self) -> bool:
        return not self._handing_over and self._state() != self._baseline

    def _has_input(self) -> bool:
        return self._state() != (False, None, False, ())

    def discard_changes(self) -> None:
        self._clear()
        self._baseline = self._state()

    def _clear(self) -> None:
        self._note_id = None
        for widget in (self.urgent, self.anonymous):
            widget.blockSignals(True)
            widget.setChecked(False)
            widget.blockSignals(False)
        self.pseudonym.setEnabled(True)
        self.pseudonym.setText("")  # also clears the field's undo history
        for row in self.rows.values():
            row.reset()
        self.reopened_note.setVisible(False)
        self.missing_note.setText("")
        self.missing_note.setVisible(False)
        self._changed()

    def _anonymous_toggled(self, on: bool) -> None:
        if on:
            self.pseudonym.setText("")
        self.pseudonym.setEnabled(not on)
        self._changed()

    def _changed(self) -> None:
        warning = pseudonym_warning(self.pseudonym.text())
        self.pseudonym_warning.setText(warning or "")
        self.pseudonym_warning.setVisible(warning is not None)
        self.urgent_go.setVisible(self.urgent.isChecked())
        summary = self.summary()
        self.summary_label.setText(self._summary_html(summary))
        self.emphasis_label.setText(
            "".join(f"<p><b>{html.escape(s)}</b></p>" for s in summary.emphasis)
        )
        self.note_button.setEnabled(not summary.empty)
        count = len(self.ticks())
        if count:
            key = "checklist.ticked_one" if count == 1 else "checklist.ticked_count"
            self.selection_label.setText(t(key, n=count))
        else:
            self.selection_label.setText("")

    @staticmethod
    def _summary_html(summary: Summary) -> str:
        esc = html.escape
        who = summary.pseudonym or t("checklist.anonymous_short")
        parts = [f"<p>{_breakable(t('checklist.summary_about', who=who))}</p>"]
        if summary.urgent:
            parts.append(f"<p><b>{esc(t('checklist.summary_urgent_fact'))}</b></p>")
        if not summary.groups:
            parts.append(f"<p>{esc(t('checklist.summary_empty'))}</p>")
        for group in summary.groups:
            items: list[str] = []
            for lead, run in group.runs():
                lines = "".join(f"<li>{_line_html(line)}</li>" for line in run)
                if lead:
                    items.append(f"<li>{esc(lead.rstrip(':'))}:<ul>{lines}</ul></li>")
                else:
                    items.append(lines)
            parts.append(f"<p><b>{esc(group.title)}</b></p><ul>{''.join(items)}</ul>")
        return "".join(parts)

    # -- actions -----------------------------------------------------------------------------

    @staticmethod
    def tree_ready() -> bool:
        """Whether the referral tree is part of this build."""
        return area("beslisboom").factory is not None

    def go_next(self) -> None:
        """'Wat nu?': open the referral tree with this context; the ticks stay here.

        In danger, a build without the tree opens the urgent guidance instead of a blank page.
        """
        context = self.summary().context
        target = "beslisboom" if context.urgent is False or self.tree_ready() else "acuut"
        self._handing_over = True
        try:
            self.window().navigate(target, context)  # type: ignore[attr-defined]
        finally:
            self._handing_over = False

    def save_note(self) -> None:
        summary = self.summary()
        draft = NoteDraft(
            origin="checklist",
            pseudonym=summary.pseudonym,
            observed=summary.observed_text(),
            link={"checklist": summary.context.model_dump(mode="json")},
            note_id=self._note_id,
        )
        self._handing_over = True
        try:
            handed = bool(self.window().save_as_note(draft))  # type: ignore[attr-defined]
        finally:
            self._handing_over = False
        if handed:  # the notes screen now holds the draft
            self._baseline = self._state()

    def restart(self) -> None:
        """Clear everything without a trace; asks first when something was entered."""
        if self._has_input() and not dialogs.confirm(
            self, t("checklist.restart_title"), t("checklist.restart_text")
        ):
            return
        self.discard_changes()
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(0)
        self.focus_first()

    # -- hand-offs in ------------------------------------------------------------------------

    def receive(self, payload: object) -> None:
        if isinstance(payload, Reopen):
            if payload.kind != "checklist":
                return
            try:
                context = SignalContext.model_validate(payload.data)
            except ValidationError:
                dialogs.warn(self, t("checklist.reopen_title"), t("checklist.reopen_broken"))
                return
            if context.pseudonym is None and payload.pseudonym:
                context = context.model_copy(update={"pseudonym": payload.pseudonym})
            note_id: str | None = payload.note_id
        elif isinstance(payload, SignalContext):
            context, note_id = payload, None
        else:
            return
        if self._state() != self._baseline and not dialogs.confirm_discard(self):
            return
        self._restore(context)
        self._note_id = note_id
        self.reopened_note.setVisible(note_id is not None)
        if note_id is not None:  # exactly what the note holds: nothing unsaved yet
            self._baseline = self._state()

    def _restore(self, context: SignalContext) -> None:
        self._clear()
        ticks, missing = ticks_from_context(self.content, context)
        for widget in (self.urgent, self.pseudonym):
            widget.blockSignals(True)
        self.urgent.setChecked(context.urgent)
        self.pseudonym.setText((context.pseudonym or "")[:PSEUDONYM_MAX])
        for widget in (self.urgent, self.pseudonym):
            widget.blockSignals(False)
        for tick in ticks:
            row = self.rows[tick.signal_id]
            row.blockSignals(True)
            row.set_tick(tick)
            row.blockSignals(False)
        if missing:
            labels = "; ".join(s.label for s in missing)
            self.missing_note.setText(t("checklist.missing_signals", list=labels))
            self.missing_note.setVisible(True)
        self._changed()


_LONG_RUN = re.compile(r"(\S{24})(?=\S)")


def _breakable(text: str) -> str:
    """Escaped text in which very long words may wrap, so a pasted code never widens the screen."""
    return html.escape(_LONG_RUN.sub("\\1\u200b", text))


def _line_html(line: SummaryLine) -> str:
    text = f"{html.escape(line.text)} ({format_date(line.observed_on)})"
    if line.observation:
        text += f": “{_breakable(line.observation)}”"
    return text
