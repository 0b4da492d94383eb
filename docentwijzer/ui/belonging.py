"""Sense of belonging: browse, search and pick classroom tips; try some this week; print them.

The widgets only ask :mod:`docentwijzer.belonging` (content, filters, the teacher's picks) and
:mod:`docentwijzer.belonging_pdf` (paper); they hold no rules of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.belonging import (
    HANDOUT_MAX_TIPS,
    MOMENTS,
    OUTCOMES,
    REFLECTION_MAX,
    THEMES,
    BelongingStore,
    Tip,
    TipFilter,
    belonging_content,
    filter_tips,
    known,
    moment_label,
    outcome_label,
    theme_label,
)
from docentwijzer.dates import format_date
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs
from docentwijzer.ui.icons import icon
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph, scrolling, sources_line

ROLE_TIP = Qt.ItemDataRole.UserRole
SCOPES = ("favourites", "week", "selected", "shown")


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]


def _combo() -> QComboBox:
    """A combo box that may be narrower than its longest item (readable at 200% text)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def _chain(*widgets: QWidget) -> None:
    """Keyboard order for widgets built after the screen (Qt would put them last)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def _button(text: str, handler: Callable[[], object], *, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", ""))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _=False: handler())
    return button


class _SearchKeys(QObject):
    """Down arrow in the search field moves into the list of results."""

    def __init__(self, target: QListWidget) -> None:
        super().__init__()
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.target.count()
        ):
            self.target.setFocus(Qt.FocusReason.TabFocusReason)
            if self.target.currentRow() < 0:
                self.target.setCurrentRow(0)
            return True
        return False


class BelongingScreen(Screen):
    area_id = "belonging"

    def __init__(self) -> None:
        super().__init__()
        self.content = belonging_content()
        self.tips = list(self.content.tips)
        self.store = BelongingStore()
        self.store.load()
        self._shown: list[Tip] = []
        self._current: Tip | None = None
        self._pending: dict[str, str] = {}
        self._sized = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(500)
        self._flush_timer.timeout.connect(self._flush_reflections)

        self.body.addWidget(heading(t("app.area_belonging")))
        self.body.addWidget(paragraph(self.content.intro, muted=True))

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(t("app.area_belonging"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_library(), t("belonging.tab_tips"))
        self.week_tab = self._build_week()
        self.tabs.addTab(self.week_tab, "")
        self.tabs.addTab(self._build_why(), t("belonging.tab_why"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body.addWidget(self.tabs, 1)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        fav = QShortcut(QKeySequence("Ctrl+D"), self)
        fav.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fav.activated.connect(self._toggle_favourite)

        self._refresh_week()
        self.apply_filter()

    # -- library ------------------------------------------------------------------------------

    def _build_library(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)

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

        self.theme = _combo()
        self.theme.addItem(t("belonging.all_themes"), None)
        for theme in THEMES:
            self.theme.addItem(theme_label(theme), theme)
        self.theme.setAccessibleName(t("belonging.theme"))
        self.theme.currentIndexChanged.connect(lambda _i: self.apply_filter())
        theme_caption = QLabel(t("belonging.theme_label"))
        theme_caption.setBuddy(self.theme)

        self.moment = _combo()
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
        column.addLayout(filters)

        status = QHBoxLayout()
        self.favourites_only = QCheckBox(t("belonging.favourites_only"))
        self.favourites_only.toggled.connect(lambda _on: self.apply_filter())
        status.addWidget(self.favourites_only)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        status.addWidget(self.count_label, 1)
        self.reset_button = _button(t("belonging.reset"), self.reset_filters)
        status.addWidget(self.reset_button)
        column.addLayout(status)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list = QListWidget()
        self.list.setAccessibleName(t("belonging.list_name"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemSelectionChanged.connect(self._update_export)
        self.search.installEventFilter(_search_keys := _SearchKeys(self.list))
        self._search_keys = _search_keys
        self.splitter.addWidget(self.list)

        self.detail_host = QWidget()
        self.detail = QVBoxLayout(self.detail_host)
        self.detail.setContentsMargins(12, 4, 8, 4)
        self.detail_area = scrolling(self.detail_host)
        self.detail_area.setAccessibleName(t("belonging.detail_name"))
        self.detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # Room for a readable list and tip at any text size; the screen scrolls if needed.
        self.splitter.setMinimumHeight(self.fontMetrics().lineSpacing() * 22)
        column.addWidget(self.splitter, 1)

        column.addWidget(self._build_export())
        return page

    def _build_export(self) -> QWidget:
        box = QFrame()
        box.setObjectName("card")
        grid = QGridLayout(box)
        caption = QLabel(t("belonging.export_label"))
        self.scope = _combo()
        self.scope.setAccessibleName(t("belonging.export_label"))
        for scope in SCOPES:
            self.scope.addItem("", scope)
        self.scope.currentIndexChanged.connect(lambda _i: self._update_export())
        caption.setBuddy(self.scope)
        self.handout_button = _button(
            t("belonging.export_handout"), self.export_handout, tip=t("belonging.handout_hint")
        )
        self.cards_button = _button(
            t("belonging.export_cards"), self.export_cards, tip=t("belonging.cards_hint")
        )
        self.export_hint = QLabel()
        self.export_hint.setObjectName("muted")
        self.export_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.handout_button)
        buttons.addWidget(self.cards_button)
        buttons.addStretch(1)
        grid.addWidget(caption, 0, 0)
        grid.addWidget(self.scope, 0, 1)
        grid.addLayout(buttons, 1, 1)
        grid.addWidget(self.export_hint, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

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
        rows = self._rows()
        if keep in rows:
            self.list.setCurrentRow(rows[keep])
        elif rows:
            self.list.setCurrentRow(min(rows.values()))
        self._current_changed(self.list.currentItem(), None)
        self._update_export()

    def _rows(self) -> dict[str, int]:
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
        self.tabs.setCurrentIndex(0)
        self.list.setCurrentRow(self._rows()[tip_id])
        return True

    def _current_changed(
        self, item: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        tip_id = item.data(ROLE_TIP) if item is not None else None
        if item is not None and not tip_id:
            # A theme heading: step on to the nearest tip in the direction of travel.
            row = self.list.row(item)
            before = self.list.row(previous) if previous is not None else -1
            rows = sorted(self._rows().values())
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

    def _show_detail(self, tip: Tip | None) -> None:
        _clear(self.detail)
        self.favourite_button: QPushButton | None = None
        self.week_button: QPushButton | None = None
        if tip is None:
            self.detail.addWidget(heading(t("belonging.none_title"), 2))
            self.detail.addWidget(paragraph(t("belonging.none_text"), muted=True))
            self.detail.addStretch(1)
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
        self.favourite_button = _button("", self._toggle_favourite, tip=t("belonging.fav_tip"))
        self.week_button = _button("", self._toggle_week)
        row.addWidget(self.favourite_button)
        row.addWidget(self.week_button)
        row.addStretch(1)
        self.detail.addLayout(row)
        self.detail.addStretch(1)
        self._sync_detail_buttons()
        # New widgets join the end of the tab chain: put the tip's buttons right after the list.
        _chain(self.list, self.favourite_button, self.week_button, self.detail_area)

    def _sync_detail_buttons(self) -> None:
        tip = self._current
        if tip is None or self.favourite_button is None or self.week_button is None:
            return
        fav = self.store.is_favourite(tip.id)
        text = t("belonging.fav_remove") if fav else t("belonging.fav_add")
        self.favourite_button.setText(text)
        self.favourite_button.setAccessibleName(text)
        self.favourite_button.setIcon(icon("star-filled" if fav else "star", "primary", 18))
        week = self.store.in_week(tip.id)
        text = t("belonging.week_remove") if week else t("belonging.week_add")
        self.week_button.setText(text)
        self.week_button.setAccessibleName(text)

    def _toggle_favourite(self) -> None:
        tip = self._current
        if tip is None or self.tabs.currentIndex() != 0:
            return
        if not self._save(
            lambda: self.store.set_favourite(tip.id, not self.store.is_favourite(tip.id))
        ):
            return
        item = self.list.currentItem()
        if item is not None:
            self._mark(item, tip)
        self._sync_detail_buttons()
        if self.favourites_only.isChecked():
            self.apply_filter()
        self._update_export()

    def _toggle_week(self) -> None:
        tip = self._current
        if tip is None:
            return
        if self.store.in_week(tip.id):
            self._save(lambda: self.store.remove_from_week(tip.id))
        else:
            self._save(lambda: self.store.add_to_week(tip.id))
        self._sync_detail_buttons()
        self._refresh_week()

    # -- this week ----------------------------------------------------------------------------

    def _build_week(self) -> QWidget:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 8, 4, 8)
        column.addWidget(heading(t("belonging.week_title"), 2))
        column.addWidget(paragraph(t("belonging.week_intro")))
        column.addWidget(paragraph(t("belonging.week_privacy"), muted=True))
        self.week_list = QVBoxLayout()
        column.addLayout(self.week_list)
        self.clear_week_button = _button(t("belonging.week_clear"), self._clear_week)
        clear_row = QHBoxLayout()
        clear_row.addWidget(self.clear_week_button)
        clear_row.addStretch(1)
        column.addLayout(clear_row)
        column.addStretch(1)
        self.reflections: dict[str, QLineEdit] = {}
        self.outcomes: dict[str, QComboBox] = {}
        area = scrolling(inner)
        area.setAccessibleName(t("belonging.week_name"))
        return area

    def _refresh_week(self) -> None:
        self._flush_reflections()
        _clear(self.week_list)
        self.reflections = {}
        self.outcomes = {}
        self._week_buttons: dict[str, list[QPushButton]] = {}
        entries = [e for e in self.store.week() if self.content.tip(e.tip_id) is not None]
        self.tabs.setTabText(1, t("belonging.tab_week", count=len(entries)))
        self.clear_week_button.setEnabled(bool(entries))
        if not entries:
            self.week_list.addWidget(paragraph(t("belonging.week_empty"), muted=True))
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
            reflection.textChanged.connect(
                lambda text, tid=tip.id: self._reflection_changed(tid, text)
            )
            reflection.editingFinished.connect(self._flush_reflections)
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
            opener = _button(t("belonging.open_tip"), lambda tid=tip.id: self.open_tip(tid))
            remover = _button(
                t("belonging.week_remove"), lambda tid=tip.id: self._remove_from_week(tid)
            )
            opener.setAccessibleName(f"{t('belonging.open_tip')}: {tip.title}")
            remover.setAccessibleName(f"{t('belonging.week_remove')}: {tip.title}")
            self._week_buttons[tip.id] = [opener, remover]
            row.addWidget(opener)
            row.addWidget(remover)
            row.addStretch(1)
            added = paragraph(t("belonging.added_on", date=format_date(entry.added)), muted=True)
            self.week_list.addWidget(card(heading(tip.title, 3), added, form_host, buttons))

        chain: list[QWidget] = [self.week_tab]
        for tip_id in self.outcomes:
            chain += [self.outcomes[tip_id], self.reflections[tip_id]]
            chain += self._week_buttons[tip_id]
        _chain(*chain, self.clear_week_button)

    def _reflection_changed(self, tip_id: str, text: str) -> None:
        self._pending[tip_id] = text
        self._flush_timer.start()

    def _flush_reflections(self) -> None:
        self._flush_timer.stop()
        pending, self._pending = self._pending, {}
        for tip_id, text in pending.items():
            self._save(lambda tid=tip_id, line=text: self.store.set_reflection(tid, line))

    def _remove_from_week(self, tip_id: str) -> None:
        self._flush_reflections()
        self._save(lambda: self.store.remove_from_week(tip_id))
        self._refresh_week()
        self._sync_detail_buttons()
        self._update_export()

    def _clear_week(self) -> None:
        if not dialogs.confirm(self, t("belonging.week_clear"), t("belonging.week_clear_text")):
            return
        self._pending.clear()
        self._save(self.store.clear_week)
        self._refresh_week()
        self._sync_detail_buttons()
        self._update_export()

    def week_titles(self) -> list[str]:
        return [tip.title for tip in known(self.tips, [e.tip_id for e in self.store.week()])]

    # -- why ----------------------------------------------------------------------------------

    def _build_why(self) -> QWidget:
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 8, 4, 8)
        for section in self.content.why:
            column.addWidget(heading(section.title, 2))
            if section.text:
                column.addWidget(paragraph(section.text))
            if section.items:
                items = "".join(f"<li>{escape(item)}</li>" for item in section.items)
                column.addWidget(paragraph(f"<ul>{items}</ul>", rich=True))
            column.addWidget(sources_line([section.source]))
            if section.id == "signalen":
                row = QHBoxLayout()
                row.addWidget(_button(t("belonging.to_checklist"), self._to_checklist))
                row.addStretch(1)
                column.addLayout(row)
        column.addStretch(1)
        area = scrolling(inner)
        area.setAccessibleName(t("belonging.tab_why"))
        return area

    def _to_checklist(self) -> None:
        self.window().navigate("signalering")  # type: ignore[attr-defined]

    # -- export -------------------------------------------------------------------------------

    def scope_tips(self, scope: str | None = None) -> list[Tip]:
        scope = scope or self.scope.currentData()
        if scope == "favourites":
            return known(self.tips, self.store.favourites())
        if scope == "week":
            return known(self.tips, [e.tip_id for e in self.store.week()])
        if scope == "selected":
            selected = {item.data(ROLE_TIP) for item in self.list.selectedItems()}
            return [tip for tip in self._shown if tip.id in selected]
        return list(self._shown)

    def set_scope(self, scope: str) -> None:
        self.scope.setCurrentIndex(self.scope.findData(scope))

    def _update_export(self) -> None:
        if not hasattr(self, "scope"):
            return
        for index, scope in enumerate(SCOPES):
            self.scope.setItemText(
                index, t(f"belonging.scope_{scope}", count=len(self.scope_tips(scope)))
            )
        count = len(self.scope_tips())
        self.handout_button.setEnabled(count > 0)
        self.cards_button.setEnabled(count > 0)
        if count == 0:
            hint = t("belonging.export_nothing")
        elif count > HANDOUT_MAX_TIPS:
            hint = t("belonging.export_long", max=HANDOUT_MAX_TIPS)
        else:
            hint = t("belonging.export_ready", count=count)
        self.export_hint.setText(hint)

    def export_handout(self) -> None:
        from docentwijzer.belonging_pdf import write_handout  # reportlab: loaded when a PDF is made

        self._export("handout", write_handout)

    def export_cards(self) -> None:
        from docentwijzer.belonging_pdf import write_cards  # reportlab: loaded when a PDF is made

        self._export("cards", write_cards)

    def _export(self, kind: str, writer: Callable[[Path, list[Tip]], None]) -> None:
        from docentwijzer.pdf import PdfWriteError

        tips = self.scope_tips()
        if not tips:
            dialogs.info(self, t("belonging.export_title"), t("belonging.export_nothing"))
            return
        suggested = str(Path.home() / t(f"belonging.file_{kind}"))
        chosen = dialogs.ask_save_file(
            self, t("belonging.export_title"), suggested, t("belonging.pdf_filter")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            writer(path, tips)
        except PdfWriteError as exc:
            dialogs.warn(self, t("belonging.export_title"), str(exc))
            return
        dialogs.info(self, t("belonging.export_title"), t("belonging.export_done", path=str(path)))

    # -- storage, focus, lifecycle ------------------------------------------------------------

    def _save(self, action: Callable[[], bool]) -> bool:
        """Run a store change; tell the teacher when it could not be written."""
        try:
            written = action()
        except OSError as exc:
            dialogs.warn(
                self, t("belonging.save_failed_title"), t("belonging.save_failed", reason=str(exc))
            )
            return False
        if not written and not self.store.writable:
            dialogs.warn(self, t("belonging.save_failed_title"), t("belonging.save_newer"))
        return True

    def _tab_changed(self, index: int) -> None:
        self._flush_reflections()
        if index == 0:
            self.apply_filter()

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_first(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def receive(self, payload: object) -> None:
        """Another screen can open a tip (its id) or a theme (its id)."""
        if isinstance(payload, str):
            if payload in THEMES:
                self.reset_filters()
                self.theme.setCurrentIndex(self.theme.findData(payload))
                self.tabs.setCurrentIndex(0)
            else:
                self.open_tip(payload)

    def has_unsaved_changes(self) -> bool:
        # Reflections are written as the teacher types; make sure nothing is left pending.
        self._flush_reflections()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.store.notice:
            notice, self.store.notice = self.store.notice, None
            QTimer.singleShot(0, lambda: dialogs.warn(self, t("app.area_belonging"), notice))

    def hideEvent(self, event: QEvent) -> None:
        self._flush_reflections()
        super().hideEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Side by side when there is room; list above the tip at large text sizes.
        wide = self.width() > self.fontMetrics().averageCharWidth() * 100
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted or not self._sized:
            self.splitter.setOrientation(wanted)
            total = (self.width() if wide else self.height()) or 1
            self.splitter.setSizes([total * 2 // 5, total * 3 // 5])
            self._sized = True
