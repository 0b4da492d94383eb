"""Notities: private dated notes about a pseudonym, encrypted, only on this computer.

The screen is a stack of pages: set a passphrase, unlock, the list, one note, the editor.
All storage goes through the window's :class:`~docentwijzer.ui.notes_session.NotesSession`;
this module only shows what the store answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer import checkins, i18n
from docentwijzer.dates import format_date
from docentwijzer.handoff import REOPEN_AREAS, NoteDraft, Reopen
from docentwijzer.i18n import t
from docentwijzer.notes import Note, NoteQuery, NoteSummary
from docentwijzer.tree import tree_content
from docentwijzer.vault import VaultError

from docentwijzer.ui import dialogs
from docentwijzer.ui.checkins_calendar import export_calendar
from docentwijzer.ui.checkins_due import DueListView
from docentwijzer.ui.checkins_overview import OverviewPage
from docentwijzer.ui.checkins_record import RecordPage
from docentwijzer.ui.notes_editor import EditorPage, ViewPage
from docentwijzer.ui.notes_lock import ChangePassphrasePage, SetupPage, UnlockPage, wipe
from docentwijzer.ui.notes_session import LOCK_SHORTCUT, NotesSession, session_for
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading

if TYPE_CHECKING:
    from docentwijzer.ui.notes_export import ExportJob


@dataclass(frozen=True)
class ShowNotes:
    """Payload from the home screen: open the list with a filter (``due`` or ``retention``),
    or (``checkin``) record how the check-in ``checkin`` went."""

    filter: str = ""
    checkin: str = ""


@contextmanager
def _busy() -> Iterator[None]:
    """Key derivation takes about half a second: show that something is happening."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class NotesModel(QAbstractTableModel):
    """The list: one row per note; in grouped mode a bold row before each pseudonym.

    Tags are not a column (it would squeeze the text at 200%); they are in the tooltip, the
    tag filter and the note itself.
    """

    COLUMNS = ("date", "pseudonym", "preview", "follow_up")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[NoteSummary | tuple[str, int]] = []
        self.today = date.today()
        self._headers = [t(f"notes.column_{c}") for c in self.COLUMNS]

    def set_rows(self, summaries: list[NoteSummary], grouped: bool) -> None:
        self.beginResetModel()
        self.today = date.today()
        if grouped:
            counts: dict[str, int] = {}
            for summary in summaries:
                counts[summary.pseudonym] = counts.get(summary.pseudonym, 0) + 1
            rows: list[NoteSummary | tuple[str, int]] = []
            current: str | None = None
            for summary in summaries:
                if summary.pseudonym != current:
                    current = summary.pseudonym
                    rows.append((current, counts[current]))
                rows.append(summary)
            self.rows = rows
        else:
            self.rows = list(summaries)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], False)

    def summary(self, row: int) -> NoteSummary | None:
        if 0 <= row < len(self.rows):
            item = self.rows[row]
            return item if isinstance(item, NoteSummary) else None
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if isinstance(self.rows[index.row()], tuple):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        item = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if isinstance(item, tuple):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if column == "date":
                    return item[0]
                if column == "pseudonym":
                    return t("notes.group_count", count=item[1])
                return ""
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "preview":
            tags = ", ".join(item.tags)
            return f"{item.preview}\n{t('notes.meta_tags', tags=tags)}" if tags else item.preview
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def _text(self, item: NoteSummary, column: str) -> str:
        if column == "date":
            return format_date(item.note_date)
        if column == "pseudonym":
            return item.pseudonym
        if column == "preview":
            return item.preview
        if column == "follow_up":
            if item.follow_up is None:
                return ""
            text = format_date(item.follow_up)
            return t("notes.due_marker", date=text) if item.follow_up <= self.today else text
        return ""


class NotesScreen(Screen):
    area_id = "notities"

    def __init__(self) -> None:
        super().__init__(scroll=False)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages)
        self._session: NotesSession | None = None
        self._pending: NoteDraft | None = None
        #: A check-in chosen on Start while the notes were locked: opened after unlocking.
        self._pending_checkin = ""
        self._after_unlock = ""
        self._job: ExportJob | None = None
        #: Exports stopped by a lock that have not ended yet (they end within a second).
        self._stopping: list[ExportJob] = []
        self._current_note: Note | None = None

        self.setup_page = SetupPage()
        self.setup_page.submitted.connect(self._setup)
        self.unlock_page = UnlockPage()
        self.unlock_page.submitted.connect(self._unlock)
        self.unlock_page.restore_requested.connect(self._restore)
        self.list_page = self._build_list()
        self.view_page = ViewPage()
        self.view_page.edit_requested.connect(self._edit_current)
        self.view_page.delete_requested.connect(self._delete_current)
        self.view_page.export_requested.connect(self._export_current)
        self.view_page.reopen_requested.connect(self._reopen_current)
        self.view_page.back_requested.connect(self.show_list)
        self.view_page.checkins.record_requested.connect(self.record_checkin)
        self.view_page.checkins.calendar_requested.connect(self.export_calendar)
        self.overview_page = OverviewPage()
        self.overview_page.back_requested.connect(self.show_list)
        self.record_page = RecordPage()
        self.record_page.submitted.connect(self._record)
        self.record_page.cancelled.connect(self._cancel_record)
        self.editor = EditorPage()
        self.editor.save_requested.connect(self._save)
        self.editor.cancelled.connect(self._cancel_edit)
        self.change_page = ChangePassphrasePage()
        self.change_page.submitted.connect(self._change_passphrase)
        self.change_page.cancelled.connect(self.show_list)
        for page in (
            self.setup_page,
            self.unlock_page,
            self.list_page,
            self.view_page,
            self.editor,
            self.change_page,
            self.record_page,
            self.overview_page,
        ):
            self.pages.addWidget(page)

    # -- the session ----

    @property
    def session(self) -> NotesSession:
        if self._session is None:
            self._session = session_for(self)
            self._session.state_changed.connect(self._state_changed)
            self._session.notes_changed.connect(self._notes_changed)
            self._session.about_to_lock.connect(self._about_to_lock)
        return self._session

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._sync()

    def _sync(self) -> None:
        """Show the page that fits the state: set up, unlock, or (when open) what was shown."""
        state = self.session.state
        page = self.pages.currentWidget()
        if state == "new":
            self.pages.setCurrentWidget(self.setup_page)
            self.setup_page.set_notice(t("notes.setup_to_save") if self._pending else "")
        elif state == "locked":
            self.pages.setCurrentWidget(self.unlock_page)
            self.unlock_page.set_notice(self._lock_notice())
        elif page in (self.setup_page, self.unlock_page):
            if self._pending is not None:
                self._open_draft()
            elif self._pending_checkin:
                self._open_pending_checkin()
            else:
                self.show_list()

    def _lock_notice(self) -> str:
        parts = []
        if self._pending is not None:
            parts.append(t("notes.unlock_to_save"))
        if self.session.locked_by_idle:
            parts.append(t("notes.locked_idle"))
        return " ".join(parts)

    def _state_changed(self) -> None:
        if not self.session.is_open:
            self._clear_everything()
        self._sync()
        if self.isVisible():
            self.focus_first()

    def _notes_changed(self) -> None:
        if self.session.is_open:
            self._fill_filters()
            self.refresh()
            self._update_due()

    def _update_due(self) -> None:
        due = checkins.due_list(self.session.store)
        self.due_view.show_due(due)
        self.due_card.setVisible(len(due) > 0)

    def _about_to_lock(self) -> None:
        """Locking: stop exports without waiting; a half-written valid note is saved."""
        self._abandon_export()
        self._after_unlock = ""
        if self.pages.currentWidget() is self.editor and self.editor.is_dirty():
            note = self.editor.current()
            try:
                if note is None:
                    raise ValueError
                checkins.save_note(self.session.store, note, self.editor.plan.values())
                self._after_unlock = t("notes.saved_on_lock")
            except (VaultError, ValueError):
                self._after_unlock = t("notes.lost_on_lock")

    def _clear_everything(self) -> None:
        self.overview_page.clear()
        self.due_view.clear()
        self.due_card.hide()
        self.editor.clear()
        self.record_page.clear()
        self.view_page.clear()
        self.change_page.clear()
        self.setup_page.clear()
        self.unlock_page.clear()
        self._current_note = None
        self.model.clear()
        self.search.blockSignals(True)
        wipe(self.search)
        self.search.blockSignals(False)
        for combo in (self.pseudonym_filter, self.tag_filter):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.count_label.clear()
        self._hide_progress()

    # -- setting up and unlocking ----

    def _setup(self, passphrase: str) -> None:
        try:
            with _busy():
                self.session.setup(passphrase)
        except VaultError as exc:
            self.setup_page.error.setText(str(exc))
            self.setup_page.error.show()
            return
        self.setup_page.clear()

    def _unlock(self, passphrase: str) -> None:
        page = self.unlock_page
        try:
            with _busy():
                self.session.unlock(passphrase)
        except VaultError as exc:
            page.error.setText(str(exc))
            page.error.show()
            offer = self.session.store.vault.backups() if exc.backup_may_help else []
            # exc.paths: the backups this passphrase opens (the vault needs the other one)
            page.offer_backups(exc.paths or offer, other_passphrase=bool(exc.paths))
            page.passphrase.selectAll()
            page.passphrase.setFocus()
            return
        page.clear()  # the passphrase does not linger in a hidden field
        self._after_unlock_notice()

    def _restore(self, backup: Path, passphrase: str) -> None:
        try:
            with _busy():
                self.session.restore(backup, passphrase)
        except VaultError as exc:
            self.unlock_page.error.setText(str(exc))
            self.unlock_page.error.show()
            return
        self.unlock_page.clear()
        dialogs.info(self, t("notes.backup_title"), t("notes.backup_restored"))

    def _after_unlock_notice(self) -> None:
        if self._after_unlock:
            message, self._after_unlock = self._after_unlock, ""
            dialogs.info(self, t("app.area_notities"), message)

    def lock(self) -> None:
        self.session.lock()

    # -- the list ----

    def _build_list(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(8)

        top = QHBoxLayout()
        top.addWidget(heading(t("notes.title")), 1)
        self.lock_button = QPushButton(t("notes.lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(LOCK_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText))
        self.lock_button.clicked.connect(self.lock)
        self.overview_button = QPushButton(t("checkins.overview_button"))
        self.overview_button.setObjectName("overviewButton")
        self.overview_button.clicked.connect(self.show_overview)
        top.addWidget(self.overview_button)
        top.addWidget(self.lock_button)
        column.addLayout(top)

        # Check-ins that need attention: overdue, today, within a week.
        self.due_view = DueListView(limit=3, expand_in_place=True)
        self.due_view.open_checkin.connect(self.record_checkin)
        self.due_card = card(heading(t("checkins.home_title"), 3), self.due_view)
        self.due_card.setObjectName("dueCard")
        self.due_card.hide()
        column.addWidget(self.due_card)

        search_row = QHBoxLayout()
        self.new_button = QPushButton(t("notes.new"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_note)
        self.search = QLineEdit()
        self.search.setObjectName("noteSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(t("notes.search_placeholder"))
        self.search.setAccessibleName(t("notes.search"))
        self.search.textChanged.connect(self.refresh)
        search_row.addWidget(self.new_button)
        search_row.addWidget(self.search, 1)
        column.addLayout(search_row)

        filters = QHBoxLayout()
        self.pseudonym_filter = QComboBox()
        self.pseudonym_filter.setAccessibleName(t("notes.filter_pseudonym"))
        self.pseudonym_filter.currentIndexChanged.connect(self.refresh)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(t("notes.filter_tag"))
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        for text, combo in (
            (t("notes.filter_pseudonym_label"), self.pseudonym_filter),
            (t("notes.filter_tag_label"), self.tag_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        column.addLayout(filters)
        checks = QHBoxLayout()
        self.due_filter = QCheckBox(t("notes.filter_due"))
        self.retention_filter = QCheckBox(t("notes.filter_retention"))
        self.group_toggle = QCheckBox(t("notes.group"))
        for box in (self.due_filter, self.retention_filter, self.group_toggle):
            box.toggled.connect(self.refresh)
            checks.addWidget(box)
        checks.addStretch(1)
        column.addLayout(checks)

        self.model = NotesModel()
        self.table = QTableView()
        self.table.setObjectName("notesTable")
        self.table.setAccessibleName(t("notes.list_name"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        # Date, pseudonym and follow-up as wide as what they hold (an empty follow-up column
        # only as wide as its heading); what you saw gets the rest. Follows the text size.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        column.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.count_label = QLabel("")
        self.count_label.setObjectName("muted")
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        self.open_button = QPushButton(t("notes.open"))
        self.open_button.clicked.connect(self._open_selected)
        self.export_selection_button = QPushButton(t("notes.export_selection"))
        self.export_selection_button.clicked.connect(self._export_selection)
        self.delete_selection_button = QPushButton(t("notes.delete_selection"))
        self.delete_selection_button.clicked.connect(self._delete_selection)
        self.more_button = QToolButton()
        self.more_button.setText(t("notes.more"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more_button)
        menu.addAction(t("notes.export_all"), self._export_all)
        menu.addAction(t("notes.change_passphrase"), self._show_change_passphrase)
        menu.addSeparator()
        menu.addAction(t("notes.delete_all"), self._delete_all)
        self.more_button.setMenu(menu)
        for button in (
            self.open_button,
            self.export_selection_button,
            self.delete_selection_button,
            self.more_button,
        ):
            actions.addWidget(button)
        column.addLayout(actions)

        scoped = QHBoxLayout()
        self.export_pseudonym_button = QPushButton("")
        self.export_pseudonym_button.clicked.connect(self._export_pseudonym)
        self.delete_pseudonym_button = QPushButton("")
        self.delete_pseudonym_button.clicked.connect(self._delete_pseudonym)
        self.delete_expired_button = QPushButton("")
        self.delete_expired_button.clicked.connect(self._delete_expired)
        for button in (
            self.export_pseudonym_button,
            self.delete_pseudonym_button,
            self.delete_expired_button,
        ):
            button.hide()
            scoped.addWidget(button)
        scoped.addStretch(1)
        column.addLayout(scoped)

        progress_row = QHBoxLayout()
        self.progress_label = QLabel(t("notes.exporting"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(t("notes.exporting"))
        self.cancel_export_button = QPushButton(t("notes.cancel_export"))
        self.cancel_export_button.clicked.connect(self.cancel_export)
        self.progress_host = QWidget()
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_export_button)
        self.progress_host.setLayout(progress_row)
        self.progress_host.hide()
        column.addWidget(self.progress_host)

        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_note),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence(Qt.Key.Key_Delete), self._delete_selection),
        ):
            shortcut = QShortcut(keys, page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return page

    def _fill_filters(self) -> None:
        store = self.session.store
        for combo, everything, values in (
            (self.pseudonym_filter, t("notes.all_pseudonyms"), store.pseudonyms()),
            (self.tag_filter, t("notes.all_tags"), store.tags()),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def query(self) -> NoteQuery:
        return NoteQuery(
            text=self.search.text(),
            pseudonym=self.pseudonym_filter.currentData(),
            tag=self.tag_filter.currentData(),
            follow_up_due=self.due_filter.isChecked(),
            past_retention=self.retention_filter.isChecked(),
            group_by_pseudonym=self.group_toggle.isChecked(),
        )

    def _fit_rows(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._fit_rows()  # rows as tall as the new text size

    def refresh(self) -> None:
        """Run the query (search as you type) and show the result."""
        if not self.session.is_open:
            return
        query = self.query()
        summaries = self.session.store.query(query)
        self.model.set_rows(summaries, query.group_by_pseudonym)
        self.count_label.setText(t("notes.count", count=len(summaries)))
        pseudonym = query.pseudonym
        self.export_pseudonym_button.setVisible(pseudonym is not None)
        self.delete_pseudonym_button.setVisible(pseudonym is not None)
        if pseudonym is not None:
            self.export_pseudonym_button.setText(t("notes.export_pseudonym", pseudonym=pseudonym))
            self.delete_pseudonym_button.setText(t("notes.delete_pseudonym", pseudonym=pseudonym))
        expired = len(summaries) if query.past_retention else 0
        self.delete_expired_button.setVisible(expired > 0)
        self.delete_expired_button.setText(t("notes.delete_expired", count=expired))
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        has = bool(self.selected_ids())
        for button in (
            self.open_button,
            self.export_selection_button,
            self.delete_selection_button,
        ):
            button.setEnabled(has)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [s.id for row in rows if (s := self.model.summary(row)) is not None]

    def show_list(self) -> None:
        if not self.session.is_open:
            self._sync()
            return
        self.editor.clear()
        self._fill_filters()
        self.refresh()
        self._update_due()
        self.pages.setCurrentWidget(self.list_page)
        self.search.setFocus()

    def apply_filter(self, name: str) -> None:
        self.search.clear()
        self.pseudonym_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        self.due_filter.setChecked(name == "due")
        self.retention_filter.setChecked(name == "retention")

    # -- one note ----

    def _activated(self, index: QModelIndex) -> None:
        summary = self.model.summary(index.row())
        if summary is not None:
            self.open_note(summary.id)

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_note(ids[0])

    def open_note(self, note_id: str) -> None:
        note = self.session.store.get(note_id)
        if note is None:
            self.show_list()
            return
        self._current_note = note
        store = self.session.store
        plan = checkins.plan(store, note.id)
        self.view_page.show_note(note, store.retention_date(note), plan)
        self.pages.setCurrentWidget(self.view_page)
        self.view_page.focus_first()

    # -- check-ins ----

    def show_overview(self) -> None:
        """Mijn overzicht: the past year in numbers (computed now, from the notes as they are)."""
        if not self.session.is_open:
            return
        self.overview_page.show_overview(checkins.overview(self.session.store))
        self.pages.setCurrentWidget(self.overview_page)
        self.overview_page.focus_first()

    def record_checkin(self, checkin_id: str) -> None:
        """Record what came of a check-in (from the note's page, Start or the due list)."""
        if not self.session.is_open:
            return
        store = self.session.store
        checkin = checkins.get(store, checkin_id)
        note = store.get(checkin.note_id) if checkin is not None else None
        if checkin is None or note is None or not checkin.is_open:
            self.show_list()
            return
        self._current_note = note
        self.record_page.load(checkin, note.pseudonym)
        self.pages.setCurrentWidget(self.record_page)
        self.record_page.focus_first()

    def _record(self, checkin_id: str, outcome: str, line: str, then: object) -> None:
        try:
            done = self.session.record_checkin(
                checkin_id,
                outcome,  # type: ignore[arg-type]
                line,
                then,  # type: ignore[arg-type]
            )
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return
        self.record_page.clear()
        self.open_note(done.note.id)

    def _cancel_record(self) -> None:
        if self.record_page.is_dirty() and not dialogs.confirm_discard(self):
            return
        self.record_page.clear()
        note = self._current_note
        if note is not None and self.session.store.get(note.id):
            self.open_note(note.id)
        else:
            self.show_list()

    def export_calendar(self, checkin_id: str) -> None:
        """The check-in as a calendar file; no student data unless the teacher adds it."""
        if self.session.is_open:
            export_calendar(self, self.session.store, checkin_id)

    def new_note(self) -> None:
        if not self.session.is_open:
            return
        self._edit(Note(pseudonym=self.pseudonym_filter.currentData() or ""), is_new=True)

    def _edit(self, note: Note, *, is_new: bool, notice: str = "", from_tool: bool = False) -> None:
        store = self.session.store
        pseudonyms = store.pseudonyms()
        plan = checkins.plan(store, note.id)
        if (is_new or from_tool) and not any(c.is_open for c in plan):
            # A tool handed this over (a route saved, or saved again): the tree suggests one.
            plan += checkins.default_plan(tree_content(), note, date.today())
        self.editor.load(note, is_new=is_new, pseudonyms=pseudonyms, notice=notice, plan=plan)
        self.pages.setCurrentWidget(self.editor)
        self.editor.focus_first()

    def _edit_current(self) -> None:
        if self._current_note is not None:
            self._edit(self._current_note, is_new=False)

    def _save(self, note: Note) -> None:
        try:
            saved = self.session.save_with_plan(note, self.editor.plan.values())
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return
        self.editor.mark_saved()
        self.editor.clear()
        self.open_note(saved.id)

    def _cancel_edit(self) -> None:
        if self.editor.is_dirty() and not dialogs.confirm_discard(self):
            return
        self.editor.clear()
        if self._current_note is not None and self.session.store.get(self._current_note.id):
            self.open_note(self._current_note.id)
        else:
            self.show_list()

    def _delete_current(self) -> None:
        note = self._current_note
        if note is None:
            return
        what = t("notes.what_one", pseudonym=note.pseudonym, date=format_date(note.note_date))
        if self._delete([note.id], what):
            self._current_note = None
            self.show_list()

    def _reopen_current(self) -> None:
        note = self._current_note
        kind = note.link_kind if note else None
        if note is None or kind is None:
            return
        payload = Reopen(kind=kind, data=note.link[kind], note_id=note.id, pseudonym=note.pseudonym)
        self.window().navigate(REOPEN_AREAS[kind], payload)  # type: ignore[attr-defined]

    # -- deleting ----

    def _delete(self, ids: list[str], what: str) -> bool:
        if not ids or not dialogs.confirm_delete(self, what):
            return False
        try:
            self.session.delete(ids)
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return False
        return True

    def _delete_selection(self) -> None:
        if self.pages.currentWidget() is not self.list_page:
            return
        ids = self.selected_ids()
        self._delete(ids, t("notes.what_selection", count=len(ids)))

    def _delete_pseudonym(self) -> None:
        pseudonym = self.pseudonym_filter.currentData()
        if pseudonym is None:
            return
        count = len(self.session.store.query(NoteQuery(pseudonym=pseudonym)))
        what = t("notes.what_pseudonym", count=count, pseudonym=pseudonym)
        if not dialogs.confirm_delete(self, what):
            return
        try:
            self.session.delete_pseudonym(pseudonym)
        except VaultError as exc:
            dialogs.warn(self, t("notes.error_title"), str(exc))
            return
        self.pseudonym_filter.setCurrentIndex(0)

    def _delete_expired(self) -> None:
        ids = [s.id for s in self.session.store.query(NoteQuery(past_retention=True))]
        if self._delete(ids, t("notes.what_expired", count=len(ids))):
            self.retention_filter.setChecked(False)

    def _delete_all(self) -> None:
        if not dialogs.confirm(self, t("notes.delete_all_title"), t("notes.delete_all_text")):
            return
        try:
            self.session.destroy_all()
        except VaultError as exc:  # a file could not be removed: say which, keep going
            dialogs.warn(self, t("notes.error_title"), str(exc))

    # -- passphrase ----

    def _show_change_passphrase(self) -> None:
        self.change_page.clear()
        self.pages.setCurrentWidget(self.change_page)
        self.change_page.focus_first()

    def _change_passphrase(self, old: str, new: str) -> None:
        try:
            with _busy():
                left = self.session.change_passphrase(old, new)
        except VaultError as exc:
            self.change_page.error.setText(str(exc))
            self.change_page.error.show()
            return
        self.change_page.clear()
        if left:  # changed, but these files still open with the old passphrase: say which
            files = ", ".join(str(path) for path in left)
            dialogs.warn(self, t("notes.change_title"), t("notes.change_done_partial", files=files))
        else:
            dialogs.info(self, t("notes.change_title"), t("notes.change_done"))
        self.show_list()

    # -- export ----

    def _export_current(self) -> None:
        if self._current_note is not None:
            self.export([self._current_note.id], "one", self._current_note.pseudonym)

    def _export_selection(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.export(ids, "one", self.model.summary(self._row_of(ids[0])).pseudonym)  # type: ignore[union-attr]
        else:
            self.export(ids, "selection")

    def _row_of(self, note_id: str) -> int:
        for row in range(len(self.model.rows)):
            summary = self.model.summary(row)
            if summary is not None and summary.id == note_id:
                return row
        return -1

    def _export_pseudonym(self) -> None:
        pseudonym = self.pseudonym_filter.currentData()
        if pseudonym is not None:
            ids = [s.id for s in self.session.store.query(NoteQuery(pseudonym=pseudonym))]
            self.export(ids, "pseudonym", pseudonym)

    def _export_all(self) -> None:
        self.export([s.id for s in self.session.store.query()], "all")

    def export(self, ids: list[str], scope: str, pseudonym: str = "") -> None:
        if self._job is not None or not ids:
            return
        from docentwijzer.notes_pdf import note_texts  # reportlab: loaded when a PDF is made

        from docentwijzer.ui.notes_export import ExportJob

        notes = self.session.store.notes(ids)
        # Before anything else: which characters the PDF cannot print, and whether to go on.
        if not dialogs.ok_to_print(self, *note_texts(notes)):
            return
        # No pseudonym in the suggested name: file names end up in places nobody encrypts
        # (recent-files lists, file-manager thumbnails, synced folders, the dialog's history).
        name = f"{t('notes.file_prefix')}-{date.today().isoformat()}.pdf"
        chosen = dialogs.ask_save_file(
            self, t("notes.export_dialog"), str(Path.home() / name), t("notes.pdf_filter")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._job = ExportJob(
            self,
            path,
            notes,
            scope,
            pseudonym=pseudonym,
            lang=i18n.language(),
            retention_months=self.session.store.retention_months,
        )
        del notes
        self._job.progress.connect(self._export_progress)
        self._job.finished.connect(self._export_finished)
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress_host.show()
        self._job.start()

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _export_finished(self, status: str, message: str) -> None:
        job, self._job = self._job, None
        self._hide_progress()
        if job is None or not self.session.is_open:
            return
        if status == "done":
            dialogs.info(self, t("notes.export_title"), t("notes.export_done", path=str(job.path)))
        elif status == "cancelled":
            dialogs.info(self, t("notes.export_title"), t("notes.export_cancelled"))
        else:
            dialogs.warn(self, t("notes.export_title"), message)

    def _abandon_export(self) -> None:
        """Stop the export and forget it at once; it ends by itself within a second, writing
        nothing, and is kept (not deleted mid-run) until then."""
        job, self._job = self._job, None
        if job is None:
            return
        job.finished.disconnect(self._export_finished)
        job.progress.disconnect(self._export_progress)
        self._stopping.append(job)
        job.finished.connect(lambda *_: self._stopping.remove(job))
        job.abandon()
        self._hide_progress()

    def cancel_export(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def is_exporting(self) -> bool:
        return self._job is not None

    def _hide_progress(self) -> None:
        self.progress_host.hide()
        self.progress.reset()

    # -- what other screens hand over ----

    def receive(self, payload: object) -> None:
        if isinstance(payload, NoteDraft):
            self._pending = payload
            if self.session.is_open:
                self._open_draft()
            else:
                self._sync()
        elif isinstance(payload, ShowNotes):
            if payload.checkin:
                self._pending_checkin = payload.checkin
                if self.session.is_open:
                    self._open_pending_checkin()
                else:
                    self._sync()
            elif self.session.is_open:
                self.apply_filter(payload.filter)
                self.show_list()
            else:
                self._sync()

    def _open_pending_checkin(self) -> None:
        checkin_id, self._pending_checkin = self._pending_checkin, ""
        if checkin_id:
            self.record_checkin(checkin_id)

    def _open_draft(self) -> None:
        draft, self._pending = self._pending, None
        if draft is None:
            return
        existing = self.session.store.get(draft.note_id) if draft.note_id else None
        if existing is not None:
            self._current_note = existing
            self._edit(existing.merged_with(draft), is_new=False, from_tool=True)
            return
        notice = t("notes.original_gone") if draft.note_id else ""
        self._edit(Note.from_draft(draft), is_new=True, notice=notice)

    # -- Screen ----

    def has_unsaved_changes(self) -> bool:
        page = self.pages.currentWidget()
        editing = page is self.editor and self.editor.is_dirty()
        recording = page is self.record_page and self.record_page.is_dirty()
        return editing or recording or self._job is not None

    def discard_changes(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job = None
            self._hide_progress()
        for job in list(self._stopping):  # stopped by a lock: each ends within a second
            job.wait()
        self.editor.clear()
        if self.session.is_open:
            self.show_list()

    def focus_first(self) -> None:
        page = self.pages.currentWidget()
        if page is self.list_page:
            self.search.setFocus()
        elif hasattr(page, "focus_first"):
            page.focus_first()
