"""The Belonging screen's "Deze week proberen" tab: the tips the teacher picked to try, how it
went and a line of reflection each, written as the teacher types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.belonging import (
    OUTCOMES,
    REFLECTION_MAX,
    BelongingContent,
    BelongingStore,
    known,
    outcome_label,
)
from docentwijzer.dates import format_date
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs
from docentwijzer.ui.belonging.common import button, chain, clear_layout, save_change
from docentwijzer.ui.widgets import card, heading, paragraph


class WeekPanel(QScrollArea):
    """This week's tips as cards. Tells the screen when a tip should open (``open_requested``),
    when the week changed (``changed``) and how many tips it holds (``counted``)."""

    open_requested = Signal(str)
    changed = Signal()
    counted = Signal(int)

    def __init__(self, content: BelongingContent, store: BelongingStore) -> None:
        super().__init__()
        self.content, self.store = content, store
        self.reflections: dict[str, QLineEdit] = {}
        self.outcomes: dict[str, QComboBox] = {}
        self._buttons: dict[str, list[QPushButton]] = {}
        self._pending: dict[str, str] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(500)
        self._flush_timer.timeout.connect(self.flush)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 8, 4, 8)
        column.addWidget(heading(t("belonging.week_title"), 2))
        column.addWidget(paragraph(t("belonging.week_intro")))
        column.addWidget(paragraph(t("belonging.week_privacy"), muted=True))
        self.entries = QVBoxLayout()
        column.addLayout(self.entries)
        self.clear_button = button(t("belonging.week_clear"), self.clear)
        clear_row = QHBoxLayout()
        clear_row.addWidget(self.clear_button)
        clear_row.addStretch(1)
        column.addLayout(clear_row)
        column.addStretch(1)
        # As widgets.scrolling does for every page.
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(inner)
        self.setAccessibleName(t("belonging.week_name"))

    def refresh(self) -> None:
        self.flush()
        clear_layout(self.entries)
        self.reflections, self.outcomes, self._buttons = {}, {}, {}
        entries = [e for e in self.store.week() if self.content.tip(e.tip_id) is not None]
        self.counted.emit(len(entries))
        self.clear_button.setEnabled(bool(entries))
        if not entries:
            self.entries.addWidget(paragraph(t("belonging.week_empty"), muted=True))
            return
        for entry in entries:
            tip = self.content.tip(entry.tip_id)
            assert tip is not None
            outcome = QComboBox()
            for value in OUTCOMES:
                outcome.addItem(outcome_label(value), value)
            outcome.setCurrentIndex(max(outcome.findData(entry.outcome), 0))
            outcome.setAccessibleName(t("belonging.how_did_it_go_for", title=tip.title))
            outcome.currentIndexChanged.connect(
                lambda _i, tid=tip.id, box=outcome: self._save(
                    lambda: self.store.set_outcome(tid, box.currentData())
                )
            )
            reflection = QLineEdit(entry.reflection)
            reflection.setMaxLength(REFLECTION_MAX)
            reflection.setPlaceholderText(t("belonging.reflection_placeholder"))
            reflection.setAccessibleName(t("belonging.reflection_for", title=tip.title))
            reflection.textChanged.connect(lambda text, tid=tip.id: self._typed(tid, text))
            reflection.editingFinished.connect(self.flush)
            self.reflections[tip.id] = reflection
            self.outcomes[tip.id] = outcome

            form = QGridLayout()
            how = QLabel(t("belonging.how_did_it_go"))
            how.setBuddy(outcome)
            note = QLabel(t("belonging.reflection"))
            note.setBuddy(reflection)
            form.addWidget(how, 0, 0)
            form.addWidget(outcome, 0, 1)
            form.addWidget(note, 1, 0)
            form.addWidget(reflection, 1, 1)
            form.setColumnStretch(1, 1)
            form_host = QWidget()
            form_host.setLayout(form)

            buttons = QWidget()
            row = QHBoxLayout(buttons)
            row.setContentsMargins(0, 0, 0, 0)
            opener = button(
                t("belonging.open_tip"), lambda tid=tip.id: self.open_requested.emit(tid)
            )
            remover = button(t("belonging.week_remove"), lambda tid=tip.id: self.remove(tid))
            opener.setAccessibleName(f"{t('belonging.open_tip')}: {tip.title}")
            remover.setAccessibleName(f"{t('belonging.week_remove')}: {tip.title}")
            self._buttons[tip.id] = [opener, remover]
            row.addWidget(opener)
            row.addWidget(remover)
            row.addStretch(1)
            added = paragraph(t("belonging.added_on", date=format_date(entry.added)), muted=True)
            self.entries.addWidget(card(heading(tip.title, 3), added, form_host, buttons))

        order: list[QWidget] = [self]
        for tip_id in self.outcomes:
            order += [self.outcomes[tip_id], self.reflections[tip_id], *self._buttons[tip_id]]
        chain(*order, self.clear_button)

    def titles(self) -> list[str]:
        return [
            tip.title for tip in known(self.content.tips, [e.tip_id for e in self.store.week()])
        ]

    def _typed(self, tip_id: str, text: str) -> None:
        self._pending[tip_id] = text
        self._flush_timer.start()

    def flush(self) -> None:
        """Write the reflections typed since the last write."""
        self._flush_timer.stop()
        pending, self._pending = self._pending, {}
        for tip_id, text in pending.items():
            self._save(lambda tid=tip_id, line=text: self.store.set_reflection(tid, line))

    def remove(self, tip_id: str) -> None:
        self.flush()
        self._save(lambda: self.store.remove_from_week(tip_id))
        self.refresh()
        self.changed.emit()

    def clear(self) -> None:
        if not dialogs.confirm(self, t("belonging.week_clear"), t("belonging.week_clear_text")):
            return
        self._pending.clear()
        self._save(self.store.clear_week)
        self.refresh()
        self.changed.emit()

    def _save(self, action: Callable[[], bool]) -> bool:
        return save_change(self, self.store, action)
