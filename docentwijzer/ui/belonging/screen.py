"""The Belonging screen: three tabs (the tips, this week, why) and what they share: the
teacher's picks, the keys Ctrl+F and Ctrl+D, and what another screen can open."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QTabWidget

from docentwijzer.belonging import THEMES, BelongingStore, Tip, belonging_content
from docentwijzer.i18n import t

from docentwijzer.ui import dialogs
from docentwijzer.ui.belonging.library import TipLibrary
from docentwijzer.ui.belonging.week import WeekPanel
from docentwijzer.ui.belonging.why import why_page
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import heading, paragraph


class BelongingScreen(Screen):
    area_id = "belonging"

    def __init__(self) -> None:
        super().__init__()
        self.content = belonging_content()
        self.store = BelongingStore()
        self.store.load()

        self.body.addWidget(heading(t("app.area_belonging")))
        self.body.addWidget(paragraph(self.content.intro, muted=True))

        self.library = TipLibrary(self.content, self.store)
        self.week = WeekPanel(self.content, self.store)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(t("app.area_belonging"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.library, t("belonging.tab_tips"))
        self.tabs.addTab(self.week, "")
        self.tabs.addTab(why_page(self.content, self._to_checklist), t("belonging.tab_why"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body.addWidget(self.tabs, 1)

        self.library.week_changed.connect(self.week.refresh)
        self.week.changed.connect(self._week_changed)
        self.week.open_requested.connect(self.open_tip)
        self.week.counted.connect(
            lambda count: self.tabs.setTabText(1, t("belonging.tab_week", count=count))
        )

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        fav = QShortcut(QKeySequence("Ctrl+D"), self)
        fav.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fav.activated.connect(self._favourite_key)

        self.week.refresh()
        self.library.apply_filter()

    # -- what the main window and other screens use -------------------------------------------

    def shown_titles(self) -> list[str]:
        return self.library.shown_titles()

    def current_tip(self) -> Tip | None:
        return self.library.current_tip()

    def week_titles(self) -> list[str]:
        return self.week.titles()

    def scope_tips(self, scope: str | None = None) -> list[Tip]:
        return self.library.scope_tips(scope)

    def set_scope(self, scope: str) -> None:
        self.library.export.set_scope(scope)

    def open_tip(self, tip_id: str) -> bool:
        """Show one tip on the Tips tab, clearing filters that would hide it."""
        if self.content.tip(tip_id) is None:
            return False
        self.tabs.setCurrentIndex(0)
        return self.library.open_tip(tip_id)

    def receive(self, payload: object) -> None:
        """Another screen can open a tip (its id) or a theme (its id)."""
        if isinstance(payload, str):
            if payload in THEMES:
                self.library.show_theme(payload)
                self.tabs.setCurrentIndex(0)
            else:
                self.open_tip(payload)

    # -- between the tabs ---------------------------------------------------------------------

    def _week_changed(self) -> None:
        self.library.sync_detail_buttons()
        self.library.update_export()

    def _favourite_key(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.library.toggle_favourite()

    def _to_checklist(self) -> None:
        self.window().navigate("signalering")  # type: ignore[attr-defined]

    def _tab_changed(self, index: int) -> None:
        self.week.flush()
        if index == 0:
            self.library.apply_filter()

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.library.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library.search.selectAll()

    def focus_first(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.library.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- lifecycle ----------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        # Reflections are written as the teacher types; make sure nothing is left pending.
        self.week.flush()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.store.notice:
            notice, self.store.notice = self.store.notice, None
            QTimer.singleShot(0, lambda: dialogs.warn(self, t("app.area_belonging"), notice))

    def hideEvent(self, event: QEvent) -> None:
        self.week.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() > self.fontMetrics().averageCharWidth() * 100
        self.library.arrange(wide, (self.width() if wide else self.height()) or 1)
