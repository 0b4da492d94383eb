"""The main window: acute-help bar on top, navigation on the left, the current screen."""

from __future__ import annotations

import base64
import contextlib
import importlib
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFocusEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from docentwijzer import APP_NAME, i18n, paths
from docentwijzer.first_paint import FirstPaint, window_geometry
from docentwijzer.i18n import t

from docentwijzer.ui.acutebar import AcuteBar
from docentwijzer.ui.areas import AREAS, Area, area, nav_areas
from docentwijzer.ui.qt_translation import install_qt_translator
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.startup import PAINTED, release_source_cache
from docentwijzer.ui.theme import apply_theme, style_region

if TYPE_CHECKING:
    from docentwijzer.handoff import NoteDraft
    from docentwijzer.settings import Settings, SettingsStore

    from docentwijzer.ui.trainer_mode import TrainerSession

ACUTE_SHORTCUT = QKeySequence(Qt.Key.Key_F1)
#: Screens built ahead while idle, urgent help first (F1 from anywhere), then as listed.
PREPARE_ORDER: tuple[Area, ...] = tuple(
    sorted(AREAS, key=lambda a: (a.id != "acuut", AREAS.index(a)))
)
PREPARE_GAP_MS = 40
#: Trainer mode shows nothing personal: these areas are hidden and cannot be opened.
TRAINER_HIDDEN_AREAS = frozenset({"notities"})


def _dialogs() -> ModuleType:
    """The dialog seam, imported when a dialog is first needed (none is before the first paint)."""
    from docentwijzer.ui import dialogs

    return dialogs


def build_screen(target: Area) -> Screen:
    """Create an area's screen; content problems become a readable error screen."""
    if target.factory is None:
        from docentwijzer.ui.placeholder import PlaceholderScreen

        return PlaceholderScreen(target)
    module_name, _, class_name = target.factory.partition(":")
    factory: Callable[[], Screen] = getattr(importlib.import_module(module_name), class_name)
    try:
        return factory()
    except Exception as exc:
        # Imported here: start-up builds the home screen before pydantic is loaded.
        from docentwijzer.content import ContentError

        from docentwijzer.ui.placeholder import ErrorScreen

        if not isinstance(exc, ContentError):
            raise
        return ErrorScreen(target, str(exc))


class NavList(QListWidget):
    """The navigation list. Tabbing into it must not open an area by itself.

    Qt makes the first row current when a list without a current row gets focus; on the acute
    screen (not in the list) that would silently navigate back to Start.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        had_current = self.currentRow() >= 0
        self.blockSignals(not had_current)
        super().focusInEvent(event)
        if not had_current:
            self.setCurrentRow(-1)
        self.blockSignals(False)


class MainWindow(QMainWindow):
    area_changed = Signal(str)
    #: Emitted after preferences changed without a rebuild.
    settings_changed = Signal()
    #: Emitted after the interface was rebuilt in another language.
    language_changed = Signal(str)
    #: True when trainer mode starts, False when it ends (e.g. for notes to lock themselves).
    trainer_mode_changed = Signal(bool)
    #: Every screen is built (see :meth:`prepare_screens`).
    screens_prepared = Signal()

    def __init__(
        self,
        settings: Settings | None = None,
        store: SettingsStore | None = None,
        notices: list[str] | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        self.store = store
        #: A failed save of the settings was reported; say it again only after one succeeded.
        self._save_failure_shown = False
        self.notices = [n for n in (notices or []) if n]
        self._screens: dict[str, Screen] = {}
        self._current = "start"
        self._trainer: TrainerSession | None = None
        self._preparing = False
        self._prepare_queue: list[str] = []
        #: Between two prepared screens: room for the user's input and the window's paint.
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_GAP_MS)
        self._prepare_timer.timeout.connect(self._prepare_next)
        self.setMinimumSize(720, 480)
        self._build()
        self._restore_geometry()
        # "Zoals het systeem": follow the desktop when it switches between light and dark.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    @property
    def settings(self) -> Settings:
        """The preferences. At start-up the stored ones arrive right after the first paint
        (:meth:`adopt_settings`); a window made without them uses the defaults."""
        if self._settings is None:
            from docentwijzer.settings import Settings

            self._settings = Settings(language=i18n.language())
        return self._settings

    def adopt_settings(
        self,
        settings: Settings,
        store: SettingsStore | None,
        painted: FirstPaint,
        *,
        language: bool,
    ) -> None:
        """Take the fully validated preferences; put right what the first paint did otherwise.

        ``painted``: what the first paint used (read without validation); ``language``: follow
        the stored language (False when the command line chose one).
        """
        self._settings, self.store = settings, store
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        look = (settings.color_scheme, settings.text_scale)
        if look != (painted.color_scheme, painted.text_scale) and not self.trainer_mode:
            apply_theme(app, *look)
        rebuild = settings.text_scale != painted.text_scale
        if language and settings.language != i18n.language():
            i18n.set_language(settings.language)
            install_qt_translator(settings.language)
            rebuild = True
        if rebuild:
            self._rebuild(ask=False)
        self.settings_changed.emit()

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — {t('app.tagline')}")
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)

        self.acute_bar = AcuteBar()
        style_region(self.acute_bar)
        self.acute_bar.activated.connect(lambda: self.navigate("acuut"))
        column.addWidget(self.acute_bar)
        if self._trainer is not None:
            trainer_bar = self._trainer.bar()
            style_region(trainer_bar)
            column.addWidget(trainer_bar)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = NavList()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(t("app.nav_name"))
        style_region(self.nav)
        for index, entry in enumerate(nav_areas(), start=1):
            item = QListWidgetItem(t(entry.title_key))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            keys = f" (Ctrl+{index % 10})" if index <= 10 else ""  # Ctrl+1 … Ctrl+9, Ctrl+0
            item.setToolTip(f"{t(entry.summary_key)}{keys}")
            self.nav.addItem(item)
            item.setHidden(self._hidden(entry.id))
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 36)
        self.nav.currentItemChanged.connect(self._nav_changed)
        row.addWidget(self.nav)

        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        if self.isVisible():
            central.show()  # otherwise Qt shows a replaced central widget only later
        self._build_menus()
        self._screens.clear()
        self._show(self._current)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(t("app.menu_file"))
        quit_action = file_menu.addAction(t("app.quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        go_menu = bar.addMenu(t("app.menu_go"))
        for index, entry in enumerate(nav_areas(), start=1):
            action = go_menu.addAction(t(entry.title_key))
            if index <= 10:
                action.setShortcut(QKeySequence(f"Ctrl+{index % 10}"))
            action.triggered.connect(lambda _=False, target=entry.id: self.navigate(target))
            action.setVisible(not self._hidden(entry.id))

        view = bar.addMenu(t("app.menu_view"))
        self._radio_menu(
            view.addMenu(t("app.language")),
            [("Nederlands", "nl"), ("English", "en")],
            lambda: self.settings.language,
            self.set_language,
        )
        self._radio_menu(
            view.addMenu(t("app.scheme")),
            [(t(f"app.scheme_{v}"), v) for v in ("system", "light", "dark")],
            lambda: self._trainer.scheme if self._trainer else self.settings.color_scheme,
            self.set_color_scheme,
        )
        sizes = view.addMenu(t("app.text_size"))
        sizes.setEnabled(not self.trainer_mode)  # trainer mode projects at 200%
        self._radio_menu(
            sizes,
            [(f"{v}%", v) for v in (100, 125, 150, 200)],
            lambda: self.settings.text_scale,
            self.set_text_scale,
        )
        full = view.addAction(t("app.fullscreen"))
        full.setShortcut(QKeySequence(Qt.Key.Key_F11))
        full.triggered.connect(self.toggle_full_screen)
        if self.trainer_mode:
            trainer = view.addAction(t("training.menu_leave"))
            trainer.setShortcut(QKeySequence(Qt.Key.Key_Escape))
            trainer.triggered.connect(self.leave_trainer_mode)
        else:
            view.addAction(t("training.menu_enter")).triggered.connect(self.enter_trainer_mode)

        help_menu = bar.addMenu(t("app.menu_help"))
        acute = help_menu.addAction(t("app.acute_name"))
        acute.setShortcut(ACUTE_SHORTCUT)
        acute.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        acute.triggered.connect(lambda: self.navigate("acuut"))
        help_menu.addAction(t("app.area_over")).triggered.connect(lambda: self.navigate("over"))
        help_menu.addAction(t("app.area_zelfhulp")).triggered.connect(
            lambda: self.navigate("zelfhulp")
        )
        help_menu.addAction(t("app.area_bronnen")).triggered.connect(
            lambda: self.navigate("bronnen")
        )

    def _radio_menu(
        self,
        menu: QMenu,
        options: list[tuple[str, object]],
        current: Callable[[], object],
        handler: Callable[[object], object],
    ) -> None:
        """Options of which one is chosen; the mark follows ``current()`` whenever the menu opens
        (so building the menus needs no settings: those arrive after the first paint)."""
        group = QActionGroup(menu)
        choices: list[tuple[QAction, object]] = []
        for label, value in options:
            action = QAction(label, menu)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, v=value: handler(v))
            group.addAction(action)
            menu.addAction(action)
            choices.append((action, value))

        def mark() -> None:
            chosen = current()
            for action, value in choices:
                action.setChecked(value == chosen)

        menu.aboutToShow.connect(mark)

    # -- navigation ---------------------------------------------------------------------------

    def screen_for(self, area_id: str) -> Screen:
        """The screen of ``area_id``, built on first use."""
        if area_id not in self._screens:
            built = build_screen(area(area_id))
            if built.scroll_area is not None:
                # What a screen reader announces when focus lands on the scrolling page.
                built.scroll_area.setAccessibleName(t(area(area_id).title_key))
            self._screens[area_id] = built
            self.stack.addWidget(built)
            # In its place, before it is shown: its widgets are polished once (a sheet given
            # before it has its parent is worked out a second time when it gets one).
            style_region(built)
            if self.property(PAINTED):  # the first screen's: start-up drops them after the paint
                release_source_cache()
        return self._screens[area_id]

    def prepare_screens(self) -> None:
        """Build the screens not yet opened while the app is idle, one per event-loop turn, so
        that opening one later only shows it. After a rebuild (language, text size, trainer
        mode) this starts again. A screen opened before its turn is built then, as always."""
        self._preparing = True
        self._prepare_queue = [a.id for a in PREPARE_ORDER if a.id not in self._screens]
        self._prepare_timer.start()

    def is_preparing(self) -> bool:
        return bool(self._prepare_queue) or self._prepare_timer.isActive()

    def _prepare_next(self) -> None:
        while self._prepare_queue:
            area_id = self._prepare_queue.pop(0)
            if area_id in self._screens or self._hidden(area_id):
                continue
            built = self.screen_for(area_id)
            built.ensurePolished()  # its widgets styled now, not when first shown
            break
        if self._prepare_queue:
            self._prepare_timer.start()
        else:
            self.screens_prepared.emit()

    def current_area(self) -> str:
        return self._current

    def is_built(self, area_id: str) -> bool:
        return area_id in self._screens

    def current_screen(self) -> Screen:
        return self.screen_for(self._current)

    def navigate(
        self, area_id: str, payload: object | None = None, *, handover: bool = False
    ) -> bool:
        """Show ``area_id`` (handing it ``payload``); False if the user chose to stay.

        ``handover``: the current screen is handing its work on (e.g. to a note), so leaving it
        loses nothing and needs no "discard?" question; the screen keeps its input.
        """
        area(area_id)  # unknown ids fail loudly
        if self._hidden(area_id):
            _dialogs().info(self, t("training.notes_locked_title"), t("training.notes_locked"))
            self._sync_nav()
            return False
        if area_id != self._current:
            leaving = self._screens.get(self._current)
            if leaving is not None and not handover and leaving.has_unsaved_changes():
                if not _dialogs().confirm_discard(self):
                    self._sync_nav()
                    return False
                leaving.discard_changes()
        self._show(area_id, payload)
        return True

    def _show(self, area_id: str, payload: object | None = None) -> None:
        target = self.screen_for(area_id)
        if payload is not None:
            target.receive(payload)
        self._current = area_id
        self.stack.setCurrentWidget(target)
        self._sync_nav()
        target.focus_first()
        self.area_changed.emit(area_id)

    def _sync_nav(self) -> None:
        self.nav.blockSignals(True)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == self._current:
                self.nav.setCurrentRow(row)
                break
        else:
            self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

    def _nav_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.navigate(item.data(Qt.ItemDataRole.UserRole))

    # -- seams to tools that are built separately ---------------------------------------------

    def save_as_note(self, draft: NoteDraft) -> bool:
        """Hand a draft to the notes area (which asks to unlock when needed)."""
        if self.trainer_mode:
            _dialogs().info(self, t("training.notes_locked_title"), t("training.no_notes"))
            return False
        if area("notities").factory is None:
            _dialogs().info(self, t("app.notes_missing_title"), t("app.notes_missing"))
            return False
        return self.navigate("notities", draft, handover=True)

    # -- preferences ---------------------------------------------------------------------------

    def _unsaved_screens(self) -> bool:
        return any(s.has_unsaved_changes() for s in self._screens.values())

    def _rebuild(self, ask: bool = True) -> bool:
        """Rebuild every widget (new language or text size); asks first if work would be lost."""
        if ask and self._unsaved_screens() and not _dialogs().confirm_discard(self):
            self._build_menus()  # undo the radio check the user just clicked
            return False
        for built in self._screens.values():
            built.deleteLater()
        self._screens.clear()
        # A new text size or look was just set on the application; Qt tells the widgets with
        # posted events. Deliver them first, so the new screens take the new font and palette
        # from their parents (see screen_for).
        for change in (QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange):
            QApplication.sendPostedEvents(None, change)
        self._build()
        if self._preparing:
            self.prepare_screens()
        return True

    def _persist(self) -> None:
        if self.store is None or self.trainer_mode:  # trainer mode stores nothing
            return
        try:
            self.store.save(self.settings)
        except OSError as exc:  # a full disk, a folder made read-only: say so, keep running
            if not self._save_failure_shown:  # once, not at every step of a spin box
                self._save_failure_shown = True
                reason = exc.strerror or str(exc)
                _dialogs().warn(self, APP_NAME, t("app.settings_not_saved", reason=reason))
        else:
            self._save_failure_shown = False

    def set_language(self, lang: object) -> bool:
        if lang == i18n.language():
            return True
        previous = i18n.language()
        i18n.set_language(str(lang))
        if not self._rebuild():
            i18n.set_language(previous)
            return False
        self.settings.language = i18n.language()
        self._persist()
        install_qt_translator(i18n.language())
        self.language_changed.emit(i18n.language())
        return True

    def set_text_scale(self, scale: object) -> bool:
        if self.trainer_mode:
            return False
        if scale == self.settings.text_scale:
            return True
        old = self.settings.text_scale
        self.settings.text_scale = int(scale)  # type: ignore[call-overload]
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, self.settings.color_scheme, self.settings.text_scale)
        if not self._rebuild():
            self.settings.text_scale = old
            apply_theme(app, self.settings.color_scheme, old)
            return False
        self._persist()
        return True

    def update_settings(self, **values: object) -> None:
        """Change preferences that need no rebuild (e.g. idle lock, retention) and keep them."""
        for name, value in values.items():
            setattr(self.settings, name, value)
        self._persist()
        self.settings_changed.emit()

    def _system_scheme_changed(self, *_args: object) -> None:
        app = QApplication.instance()
        if self.settings.color_scheme == "system" and isinstance(app, QApplication):
            if self.trainer_mode:  # the projector keeps its high contrast
                return
            apply_theme(app, self.settings.color_scheme, self.settings.text_scale)

    def set_color_scheme(self, scheme: object) -> None:
        if self._trainer is not None:
            self._trainer.set_scheme(str(scheme))
            return
        self.settings.color_scheme = str(scheme)  # type: ignore[assignment]
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, self.settings.color_scheme, self.settings.text_scale)
        self._persist()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- trainer mode (the session and its look live in ui/trainer_mode.py) -------------------

    @property
    def trainer_mode(self) -> bool:
        return self._trainer is not None

    def _hidden(self, area_id: str) -> bool:
        return self.trainer_mode and area_id in TRAINER_HIDDEN_AREAS

    def enter_trainer_mode(self) -> bool:
        """Full screen, 200% text, high contrast, notes hidden; nothing of it is persisted."""
        if self._trainer is not None:
            return True
        if self._unsaved_screens() and not _dialogs().confirm_discard(self):
            return False
        from docentwijzer.ui.trainer_mode import TrainerSession

        self._trainer = TrainerSession(self)
        if self._current in TRAINER_HIDDEN_AREAS:
            self._current = "training"
        self._trainer.apply_look()
        self._rebuild(ask=False)
        self.showFullScreen()
        self.trainer_mode_changed.emit(True)
        return True

    def leave_trainer_mode(self) -> None:
        """Back to the teacher's own settings; practice input from the session is dropped."""
        session = self._trainer
        if session is None:
            return
        self._trainer = None
        session.restore_look()
        self._rebuild(ask=False)
        session.restore_window()
        self.trainer_mode_changed.emit(False)

    # -- lifecycle ------------------------------------------------------------------------------

    def show_notices(self) -> None:
        """Tell the user what start-up had to repair (e.g. a settings file moved aside)."""
        for notice in self.notices:
            _dialogs().warn(self, APP_NAME, notice)
        self.notices.clear()

    def _restore_geometry(self) -> None:
        """Where the window was last time (read before pydantic; the window-state file is
        checked fully after the first paint, and a damaged one set aside as before)."""
        geometry = window_geometry(paths.ui_state_file())
        try:
            restored = bool(geometry) and self.restoreGeometry(
                QByteArray(base64.b64decode(geometry, validate=True))
            )
        except ValueError:
            restored = False
        if not restored:
            available = self.screen().availableGeometry()
            self.resize(
                min(1100, int(available.width() * 0.92)), min(760, int(available.height() * 0.92))
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unsaved_screens() and not _dialogs().confirm_discard(self):
            event.ignore()
            return
        if self.trainer_mode:  # the full-screen session is not remembered
            event.accept()
            return
        from docentwijzer.settings import UiState, save_ui_state

        geometry = bytes(self.saveGeometry().data())
        with contextlib.suppress(OSError):  # the window's size is not worth a message on exit
            save_ui_state(UiState(geometry=base64.b64encode(geometry).decode("ascii")))
        event.accept()


__all__ = ["AREAS", "MainWindow"]
