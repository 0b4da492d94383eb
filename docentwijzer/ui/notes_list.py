"""Notities' list page: search as you type, filters, the check-ins that need attention, and the
actions on a selection.

The page shows what the notes screen hands it (:meth:`ListPage.show_result`) and says what the
teacher asked for through its signals; it never touches the store itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.checkins import DueList
from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.notes import NoteQuery, NoteSummary

from docentwijzer.ui.checkins_due import DueListView
from docentwijzer.ui.flow import FlowRow
from docentwijzer.ui.notes_lock import wipe
from docentwijzer.ui.notes_session import LOCK_SHORTCUT
from docentwijzer.ui.widgets import card, heading, scrolling


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


class ListPage(QWidget):
    """The notes as a table, with search, filters, the due check-ins and the actions."""

    #: The query changed (typing, a filter): the screen answers with :meth:`show_result`.
    query_changed = Signal()
    new_requested = Signal()
    open_requested = Signal(str)
    lock_requested = Signal()
    overview_requested = Signal()
    checkin_requested = Signal(str)
    export_selection_requested = Signal()
    delete_selection_requested = Signal()
    export_all_requested = Signal()
    change_passphrase_requested = Signal()
    delete_all_requested = Signal()
    export_pseudonym_requested = Signal()
    delete_pseudonym_requested = Signal()
    delete_expired_requested = Signal()
    cancel_export_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        # A scrolling column: at 200% text on a small screen the wrapped rows below the list
        # are scrolled to, never pushed out of the window.
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(8)

        top = QHBoxLayout()
        top.addWidget(heading(t("notes.title")), 1)
        self.lock_button = QPushButton(t("notes.lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(LOCK_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText))
        self.lock_button.clicked.connect(self.lock_requested)
        self.overview_button = QPushButton(t("checkins.overview_button"))
        self.overview_button.setObjectName("overviewButton")
        self.overview_button.clicked.connect(self.overview_requested)
        top.addWidget(self.overview_button)
        top.addWidget(self.lock_button)
        column.addLayout(top)

        # Check-ins that need attention: overdue, today, within a week.
        self.due_view = DueListView(limit=3, expand_in_place=True)
        self.due_view.open_checkin.connect(self.checkin_requested)
        self.due_card = card(heading(t("checkins.home_title"), 3), self.due_view)
        self.due_card.setObjectName("dueCard")
        self.due_card.hide()
        column.addWidget(self.due_card)

        search_row = QHBoxLayout()
        self.new_button = QPushButton(t("notes.new"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_requested)
        self.search = QLineEdit()
        self.search.setObjectName("noteSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(t("notes.search_placeholder"))
        self.search.setAccessibleName(t("notes.search"))
        self.search.textChanged.connect(self.query_changed)
        search_row.addWidget(self.new_button)
        search_row.addWidget(self.search, 1)
        column.addLayout(search_row)

        filters = QHBoxLayout()
        self.pseudonym_filter = QComboBox()
        self.pseudonym_filter.setAccessibleName(t("notes.filter_pseudonym"))
        self.pseudonym_filter.currentIndexChanged.connect(self.query_changed)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(t("notes.filter_tag"))
        self.tag_filter.currentIndexChanged.connect(self.query_changed)
        for text, combo in (
            (t("notes.filter_pseudonym_label"), self.pseudonym_filter),
            (t("notes.filter_tag_label"), self.tag_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        column.addLayout(filters)
        checks = FlowRow()  # rows wrap instead of cutting their buttons (200% text)
        self.due_filter = QCheckBox(t("notes.filter_due"))
        self.retention_filter = QCheckBox(t("notes.filter_retention"))
        self.group_toggle = QCheckBox(t("notes.group"))
        for box in (self.due_filter, self.retention_filter, self.group_toggle):
            box.toggled.connect(self.query_changed)
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
        # Measured on the rows on screen and around them, 50 at most: by default Qt measures
        # 1,000 rows a column after every change, and a search keystroke among 10,000 notes took
        # 80 ms (goal 50). (0, the rows on screen only, would measure every row of a list that
        # is not on screen.)
        header.setResizeContentsPrecision(50)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        column.addWidget(self.table, 1)

        actions = FlowRow()
        self.count_label = QLabel("")
        self.count_label.setObjectName("muted")
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        self.open_button = QPushButton(t("notes.open"))
        self.open_button.clicked.connect(self._open_selected)
        self.export_selection_button = QPushButton(t("notes.export_selection"))
        self.export_selection_button.clicked.connect(self.export_selection_requested)
        self.delete_selection_button = QPushButton(t("notes.delete_selection"))
        self.delete_selection_button.clicked.connect(self.delete_selection_requested)
        self.more_button = QToolButton()
        self.more_button.setText(t("notes.more"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more_button)
        menu.addAction(t("notes.export_all"), self.export_all_requested.emit)
        menu.addAction(t("notes.change_passphrase"), self.change_passphrase_requested.emit)
        menu.addSeparator()
        menu.addAction(t("notes.delete_all"), self.delete_all_requested.emit)
        self.more_button.setMenu(menu)
        for button in (
            self.open_button,
            self.export_selection_button,
            self.delete_selection_button,
            self.more_button,
        ):
            actions.addWidget(button)
        column.addLayout(actions)

        scoped = FlowRow()
        self.export_pseudonym_button = QPushButton("")
        self.export_pseudonym_button.clicked.connect(self.export_pseudonym_requested)
        self.delete_pseudonym_button = QPushButton("")
        self.delete_pseudonym_button.clicked.connect(self.delete_pseudonym_requested)
        self.delete_expired_button = QPushButton("")
        self.delete_expired_button.clicked.connect(self.delete_expired_requested)
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
        self.cancel_export_button.clicked.connect(self.cancel_export_requested)
        self.progress_host = QWidget()
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_export_button)
        self.progress_host.setLayout(progress_row)
        self.progress_host.hide()
        column.addWidget(self.progress_host)

        for keys, signal in (
            (QKeySequence.StandardKey.New, self.new_requested),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_selection_requested),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scrolling(inner)
        self.scroll_area.setAccessibleName(t("app.area_notities"))
        outer.addWidget(self.scroll_area)

    # -- what the screen hands over ----

    def fill_filters(self, pseudonyms: list[str], tags: list[str]) -> None:
        """The filters' choices, keeping what was chosen when it is still there."""
        for combo, everything, values in (
            (self.pseudonym_filter, t("notes.all_pseudonyms"), pseudonyms),
            (self.tag_filter, t("notes.all_tags"), tags),
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

    def show_result(self, summaries: list[NoteSummary], query: NoteQuery) -> None:
        """Show what ``query`` found, with the actions that fit it."""
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

    def show_due(self, due: DueList) -> None:
        self.due_view.show_due(due)
        self.due_card.setVisible(len(due) > 0)

    def apply_filter(self, name: str) -> None:
        """Start afresh with one filter on: ``due`` or ``retention`` (or none)."""
        self.search.clear()
        self.pseudonym_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        self.due_filter.setChecked(name == "due")
        self.retention_filter.setChecked(name == "retention")

    def chosen_pseudonym(self) -> str | None:
        pseudonym: str | None = self.pseudonym_filter.currentData()
        return pseudonym

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [s.id for row in rows if (s := self.model.summary(row)) is not None]

    def pseudonym_of(self, note_id: str) -> str:
        for item in self.model.rows:
            if isinstance(item, NoteSummary) and item.id == note_id:
                return item.pseudonym
        return ""

    # -- export progress ----

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_host.show()

    def hide_progress(self) -> None:
        self.progress_host.hide()
        self.progress.reset()

    # -- locking ----

    def clear(self) -> None:
        """Locked: nothing of the notes stays in a widget."""
        self.due_view.clear()
        self.due_card.hide()
        self.model.clear()
        self.search.blockSignals(True)
        wipe(self.search)
        self.search.blockSignals(False)
        for combo in (self.pseudonym_filter, self.tag_filter):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.count_label.clear()
        self.hide_progress()

    def focus_first(self) -> None:
        self.search.setFocus()

    def _fit_rows(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._fit_rows()  # rows as tall as the new text size

    def _selection_changed(self, *_args: object) -> None:
        has = bool(self.selected_ids())
        for button in (
            self.open_button,
            self.export_selection_button,
            self.delete_selection_button,
        ):
            button.setEnabled(has)

    def _activated(self, index: QModelIndex) -> None:
        summary = self.model.summary(index.row())
        if summary is not None:
            self.open_requested.emit(summary.id)

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_requested.emit(ids[0])
