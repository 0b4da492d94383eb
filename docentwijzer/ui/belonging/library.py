"""The Belonging screen's "Tips" tab: search and filter the tips, read one, mark it as a
favourite or to try this week, and print a choice of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.belonging import (
    MOMENTS,
    THEMES,
    BelongingContent,
    BelongingStore,
    Tip,
    TipFilter,
    filter_tips,
    known,
    moment_label,
    theme_label,
)
from docentwijzer.i18n import t

from docentwijzer.ui.belonging.common import (
    ROLE_TIP,
    SearchKeys,
    button,
    chain,
    clear_layout,
    combo,
    save_change,
)
from docentwijzer.ui.belonging.export import ExportBox
from docentwijzer.ui.icons import icon
from docentwijzer.ui.widgets import heading, paragraph, scrolling, sources_line


class TipLibrary(QWidget):
    """Filters, the list of tips, the open tip and the print box. ``week_changed`` tells the
    screen a tip was added to or taken from this week."""

    week_changed = Signal()

    def __init__(self, content: BelongingContent, store: BelongingStore) -> None:
        super().__init__()
        self.content, self.store = content, store
        self.tips = list(content.tips)
        self._shown: list[Tip] = []
        self._current: Tip | None = None
        self.favourite_button: QPushButton | None = None
        self.week_button: QPushButton | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addLayout(self._build_filters())
        column.addLayout(self._build_status())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list = QListWidget()
        self.list.setAccessibleName(t("belonging.list_name"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        # Titles wrap to the list's width: it never scrolls sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemSelectionChanged.connect(self.update_export)
        self._search_keys = SearchKeys(self.list)
        self.search.installEventFilter(self._search_keys)
        self.splitter.addWidget(self.list)

        self.detail_host = QWidget()
        self.detail = QVBoxLayout(self.detail_host)
        # Room below the last buttons for the focus ring (drawn outside the control).
        self.detail.setContentsMargins(12, 4, 8, 12)
        self.detail_area = scrolling(self.detail_host)
        self.detail_area.setAccessibleName(t("belonging.detail_name"))
        self.detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # Room for a readable list and tip at any text size; the screen scrolls if needed.
        self.splitter.setMinimumHeight(self.fontMetrics().lineSpacing() * 22)
        column.addWidget(self.splitter, 1)

        self.export = ExportBox(self.scope_tips)
        column.addWidget(self.export)

    def _build_filters(self) -> QGridLayout:
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(t("belonging.search_placeholder"))
        self.search.setAccessibleName(t("belonging.search"))
        self.search.textChanged.connect(lambda _text: self.apply_filter())
        search_label = QLabel(t("belonging.search_label"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label, 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 3)

        self.theme = combo()
        self.theme.addItem(t("belonging.all_themes"), None)
        for theme in THEMES:
            self.theme.addItem(theme_label(theme), theme)
        self.theme.setAccessibleName(t("belonging.theme"))
        self.theme.currentIndexChanged.connect(lambda _i: self.apply_filter())
        theme_caption = QLabel(t("belonging.theme_label"))
        theme_caption.setBuddy(self.theme)

        self.moment = combo()
        self.moment.addItem(t("belonging.all_moments"), None)
        for moment in MOMENTS:
            self.moment.addItem(moment_label(moment), moment)
        self.moment.setAccessibleName(t("belonging.moment"))
        self.moment.currentIndexChanged.connect(lambda _i: self.apply_filter())
        moment_caption = QLabel(t("belonging.moment_label"))
        moment_caption.setBuddy(self.moment)

        filters.addWidget(theme_caption, 1, 0)
        filters.addWidget(self.theme, 1, 1)
        filters.addWidget(moment_caption, 1, 2)
        filters.addWidget(self.moment, 1, 3)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        return filters

    def _build_status(self) -> QHBoxLayout:
        status = QHBoxLayout()
        self.favourites_only = QCheckBox(t("belonging.favourites_only"))
        self.favourites_only.toggled.connect(lambda _on: self.apply_filter())
        status.addWidget(self.favourites_only)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.count_label.setWordWrap(True)  # '45 van 45 tips' may wrap at 200% text
        status.addWidget(self.count_label, 1)
        self.reset_button = button(t("belonging.reset"), self.reset_filters)
        status.addWidget(self.reset_button)
        return status

    # -- the list -----------------------------------------------------------------------------

    def filter(self) -> TipFilter:
        return TipFilter(
            query=self.search.text(),
            theme=self.theme.currentData(),
            moment=self.moment.currentData(),
            favourites_only=self.favourites_only.isChecked(),
        )

    def apply_filter(self) -> None:
        """Show the tips that match what the teacher typed and chose; keep the open tip."""
        wanted = self.filter()
        self._shown = filter_tips(self.tips, wanted, self.store.favourites())
        keep = self._current.id if self._current else None
        self.list.blockSignals(True)
        self.list.clear()
        # Theme headings while browsing; plain best-first results while searching.
        grouped = not wanted.query.strip()
        theme = None
        for tip in self._shown:
            if grouped and tip.theme != theme:
                theme = tip.theme
                header = QListWidgetItem(theme_label(theme))
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, never selected
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.list.addItem(header)
            item = QListWidgetItem()
            self._mark(item, tip)
            item.setData(ROLE_TIP, tip.id)
            item.setToolTip(theme_label(tip.theme))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.count_label.setText(t("belonging.count", shown=len(self._shown), total=len(self.tips)))
        self.reset_button.setEnabled(not wanted.is_empty())
        rows = self.rows()
        if keep in rows:
            self.list.setCurrentRow(rows[keep])
        elif rows:
            self.list.setCurrentRow(min(rows.values()))
        self._current_changed(self.list.currentItem(), None)
        self.update_export()

    def rows(self) -> dict[str, int]:
        """Row of every tip in the list (theme headings have no tip)."""
        rows: dict[str, int] = {}
        for row in range(self.list.count()):
            tip_id = self.list.item(row).data(ROLE_TIP)
            if tip_id:
                rows[tip_id] = row
        return rows

    def _mark(self, item: QListWidgetItem, tip: Tip) -> None:
        """The tip's title; a favourite shows a star icon and is read as "(favoriet)"."""
        favourite = self.store.is_favourite(tip.id)
        item.setText(tip.title)
        item.setIcon(icon("star-filled", "primary", 16) if favourite else QIcon())
        spoken = t("belonging.fav_mark", title=tip.title) if favourite else tip.title
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    def reset_filters(self) -> None:
        for widget in (self.search, self.theme, self.moment, self.favourites_only):
            widget.blockSignals(True)
        self.search.clear()
        self.theme.setCurrentIndex(0)
        self.moment.setCurrentIndex(0)
        self.favourites_only.setChecked(False)
        for widget in (self.search, self.theme, self.moment, self.favourites_only):
            widget.blockSignals(False)
        self.apply_filter()

    def show_theme(self, theme: str) -> None:
        self.reset_filters()
        self.theme.setCurrentIndex(self.theme.findData(theme))

    def shown_titles(self) -> list[str]:
        return [tip.title for tip in self._shown]

    def current_tip(self) -> Tip | None:
        return self._current

    def open_tip(self, tip_id: str) -> bool:
        """Show one tip, clearing filters that would hide it."""
        if self.content.tip(tip_id) is None:
            return False
        if tip_id not in [tip.id for tip in self._shown]:
            self.reset_filters()
        self.list.setCurrentRow(self.rows()[tip_id])
        return True

    def _current_changed(
        self, item: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        tip_id = item.data(ROLE_TIP) if item is not None else None
        if item is not None and not tip_id:
            # A theme heading: step on to the nearest tip in the direction of travel.
            row = self.list.row(item)
            before = self.list.row(previous) if previous is not None else -1
            rows = sorted(self.rows().values())
            after = [r for r in rows if r > row]
            earlier = [r for r in rows if r < row]
            if before > row and earlier:
                self.list.setCurrentRow(earlier[-1])
            elif after:
                self.list.setCurrentRow(after[0])
            elif earlier:
                self.list.setCurrentRow(earlier[-1])
            return
        tip = self.content.tip(tip_id) if tip_id else None
        self._current = tip
        self._show_detail(tip)

    # -- the open tip -------------------------------------------------------------------------

    def _show_detail(self, tip: Tip | None) -> None:
        clear_layout(self.detail)
        self.favourite_button = None
        self.week_button = None
        if tip is None:
            self.detail.addWidget(heading(t("belonging.none_title"), 2))
            self.detail.addWidget(paragraph(t("belonging.none_text"), muted=True))
            self.detail.addStretch(1)
            self._fit_detail()
            return
        moments = ", ".join(moment_label(m) for m in tip.moments)
        kicker = paragraph(f"{theme_label(tip.theme)} · {moments}", muted=True)
        self.detail.addWidget(kicker)
        self.detail_title = heading(tip.title, 2)
        self.detail.addWidget(self.detail_title)
        self.detail.addWidget(heading(t("belonging.what_to_do"), 3))
        self.detail.addWidget(paragraph(tip.what))
        self.detail.addWidget(heading(t("belonging.source_says"), 3))
        quote = paragraph(f"“{tip.source_quote}”", muted=True)
        self.detail.addWidget(quote)
        self.detail.addWidget(sources_line([tip.source]))

        row = QHBoxLayout()
        # Plain buttons that name what they do: a checkable button is announced as a check box.
        self.favourite_button = button("", self.toggle_favourite, tip=t("belonging.fav_tip"))
        self.week_button = button("", self.toggle_week)
        row.addWidget(self.favourite_button)
        row.addWidget(self.week_button)
        row.addStretch(1)
        self.detail.addLayout(row)
        self.detail.addStretch(1)
        self.sync_detail_buttons()
        self._fit_detail()
        # New widgets join the end of the tab chain: put the tip's buttons right after the list.
        chain(self.list, self.favourite_button, self.week_button, self.detail_area)

    def sync_detail_buttons(self) -> None:
        tip = self._current
        if tip is None or self.favourite_button is None or self.week_button is None:
            return
        fav = self.store.is_favourite(tip.id)
        text = t("belonging.fav_remove") if fav else t("belonging.fav_add")
        self.favourite_button.setText(text)
        self.favourite_button.setAccessibleName(text)
        size = max(16, self.favourite_button.fontMetrics().height())  # grows with the text
        self.favourite_button.setIconSize(QSize(size, size))
        self.favourite_button.setIcon(icon("star-filled" if fav else "star", "primary", size))
        week = self.store.in_week(tip.id)
        text = t("belonging.week_remove") if week else t("belonging.week_add")
        self.week_button.setText(text)
        self.week_button.setAccessibleName(text)

    def toggle_favourite(self) -> None:
        tip = self._current
        if tip is None:
            return
        if not self._save(
            lambda: self.store.set_favourite(tip.id, not self.store.is_favourite(tip.id))
        ):
            return
        item = self.list.currentItem()
        if item is not None:
            self._mark(item, tip)
        self.sync_detail_buttons()
        if self.favourites_only.isChecked():
            self.apply_filter()
        self.update_export()

    def toggle_week(self) -> None:
        tip = self._current
        if tip is None:
            return
        if self.store.in_week(tip.id):
            self._save(lambda: self.store.remove_from_week(tip.id))
        else:
            self._save(lambda: self.store.add_to_week(tip.id))
        self.sync_detail_buttons()
        self.week_changed.emit()

    # -- printing -----------------------------------------------------------------------------

    def scope_tips(self, scope: str | None = None) -> list[Tip]:
        scope = scope or self.export.scope.currentData()
        if scope == "favourites":
            return known(self.tips, self.store.favourites())
        if scope == "week":
            return known(self.tips, [e.tip_id for e in self.store.week()])
        if scope == "selected":
            selected = {item.data(ROLE_TIP) for item in self.list.selectedItems()}
            return [tip for tip in self._shown if tip.id in selected]
        return list(self._shown)

    def update_export(self) -> None:
        if hasattr(self, "export"):
            self.export.update_counts()

    # -- layout -------------------------------------------------------------------------------

    def arrange(self, wide: bool, total: int) -> None:
        """Side by side when there is room; list above the tip at large text sizes."""
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted or not getattr(self, "_sized", False):
            self.splitter.setOrientation(wanted)
            self.splitter.setSizes([total * 2 // 5, total * 3 // 5])
            self._sized = True
        self._fit_detail()

    def _fit_detail(self) -> None:
        """Side by side, the tip scrolls beside the list. Below the list (large text) the page
        itself scrolls, so the tip is shown at its full height: a second scroll bar beside the
        page's would be a scroll area inside a scroll area."""
        below = self.splitter.orientation() == Qt.Orientation.Vertical
        self.detail_area.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if below else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        # Below each other, the list keeps room for about eight titles.
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 8 if below else 0)
        if not below:
            self.detail_area.setMinimumHeight(0)
            return
        layout = self.detail_host.layout()
        width = self.detail_area.viewport().width()
        if width <= 0:
            return
        height = (
            layout.heightForWidth(width)
            if layout.hasHeightForWidth()
            else self.detail_host.sizeHint().height()
        )
        self.detail_area.setMinimumHeight(max(height, self.detail_host.minimumSizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_detail()

    def _save(self, action: Callable[[], bool]) -> bool:
        return save_change(self, self.store, action)
