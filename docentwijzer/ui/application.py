"""Creating and configuring the QApplication, and the start-up path: paint first, then the rest.

Before the first paint only what it needs is read (``docentwijzer.first_paint``: no pydantic, no
notes, no PDF or crypto libraries); right after it, everything is validated fully and what
start-up had to repair is shown, as it always was.
"""

from __future__ import annotations

import gc
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from docentwijzer import APP_NAME, __version__, i18n
from docentwijzer.first_paint import FirstPaint

from docentwijzer.ui.focusring import install_focus_ring
from docentwijzer.ui.qt_translation import install_qt_translator
from docentwijzer.ui.startup import after_first_paint, release_source_cache
from docentwijzer.ui.theme import apply_theme
from docentwijzer.ui.widgets import select_after_first_paint, selectable_now

if TYPE_CHECKING:
    from docentwijzer.ui.mainwindow import MainWindow


#: At the latest this long after start-up the cycle collector runs again, painted or not.
GC_FALLBACK_MS = 5000
#: Start-up: Qt makes plain Fusion the style from the start (our own one, ``ui/appstyle.py``,
#: follows right after the first paint; a Python style, or asking for the style from Python,
#: would create its classes before the window could show).
FUSION_FIRST = ("-style", "Fusion")


class Look(Protocol):
    """The preferences that decide the look (the settings model, or what the first paint read)."""

    @property
    def color_scheme(self) -> str: ...

    @property
    def text_scale(self) -> int: ...


def configure(app: QApplication, settings: Look, *, app_style: bool = True) -> None:
    """Name, icon, look and translations; ``app_style=False``: leave the style as Qt made it
    (start-up gives the app its own style right after the first paint)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("nl.docentwijzer.DocentWijzer")
    with resources.as_file(
        resources.files("docentwijzer") / "assets/icons/docentwijzer.png"
    ) as png:
        app.setWindowIcon(QIcon(str(png)))
    if app_style:
        from docentwijzer.ui import appstyle

        appstyle.install(app)
    apply_theme(app, settings.color_scheme, settings.text_scale)
    install_focus_ring(app)
    install_qt_translator(i18n.language())


def run(lang_override: str | None, qt_args: list[str]) -> int:
    from docentwijzer import paths
    from docentwijzer.instance import InstanceLock

    # One copy per data folder, decided before anything is read or written there (the lock
    # module is light: nothing heavy loads before the first paint).
    lock = InstanceLock.acquire(paths.data_dir())
    if lock is None:
        from docentwijzer.ui.single_instance import tell_already_running

        return tell_already_running(lang_override, qt_args, paths.data_dir(), configure)
    with lock:
        return _run(lang_override, qt_args)


def _run(lang_override: str | None, qt_args: list[str]) -> int:
    from docentwijzer import first_paint, paths

    from docentwijzer.ui.mainwindow import MainWindow

    painted = first_paint.preferences(paths.settings_file())
    i18n.set_language(lang_override or painted.language)
    app = QApplication([*qt_args, *FUSION_FIRST])  # the app's own style after the first paint
    configure(app, painted, app_style=False)
    select_after_first_paint()  # the labels' text (the same look, laid out more cheaply)
    window = MainWindow()
    after_first_paint(window, lambda: finish_start(window, painted, lang_override is None))
    # The cycle collector is off until the first paint (``app.main``); should the window never
    # be painted (started minimised), it still comes back.
    QTimer.singleShot(GC_FALLBACK_MS, gc.enable)
    window.show()
    return app.exec()


def finish_start(window: MainWindow, painted: FirstPaint, follow_language: bool) -> None:
    """Right after the first paint: validate strings, acute-bar content, settings and window
    state fully, adopt the settings, tidy temporary files, start preparing the other screens
    while idle and say what had to be repaired.

    Broken strings or acute-help content (which ship with the app) end the app with a message
    naming the file, as they did when they were validated before the window appeared.
    """
    from docentwijzer import paths
    from docentwijzer.content import ContentError
    from docentwijzer.helplines import help_content
    from docentwijzer.profile import diff_text, managed_at_start
    from docentwijzer.settings import SettingsStore, load_ui_state
    from docentwijzer.storage import remove_stale_temp_files

    from docentwijzer.ui import appstyle, dialogs
    from docentwijzer.ui.single_instance import ActivationWatcher

    gc.enable()  # paused for the first paint (app.main)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    selectable_now()  # before the app's style polishes the labels
    appstyle.install(app)  # the first frame was drawn by Fusion itself
    try:
        i18n.catalog()
        help_content()
    except (i18n.CatalogError, ContentError) as exc:
        dialogs.warn(window, APP_NAME, str(exc))
        QApplication.exit(1)
        return
    store = SettingsStore()
    loaded = store.load()
    load_ui_state()  # sets a damaged window-state file aside
    for folder in (paths.config_dir(), paths.data_dir()):  # under the instance lock
        remove_stale_temp_files(folder)
    ActivationWatcher(window, paths.data_dir())  # a second start brings this window forward
    window.adopt_settings(loaded.value, store, painted, language=follow_language)
    if loaded.notice:
        window.notices.append(loaded.notice)
    managed = managed_at_start()  # the institution's card: broken (said once), new or changed
    if managed.notice:
        window.notices.append(managed.notice)
    release_source_cache()
    window.prepare_screens()  # every screen ready before it is first opened
    window.show_notices()
    if managed.changes:
        dialogs.show_changes(
            window,
            i18n.t("instelling.managed_news_title"),
            managed.intro,
            diff_text(list(managed.changes)),
            i18n.t("instelling.managed_news_close"),
        )
