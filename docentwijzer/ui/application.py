"""Creating and configuring the QApplication."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from docentwijzer import APP_NAME, __version__, i18n
from docentwijzer.settings import Settings, SettingsStore

from docentwijzer.ui.qt_translation import install_qt_translator
from docentwijzer.ui.theme import apply_theme


def configure(app: QApplication, settings: Settings) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("nl.docentwijzer.DocentWijzer")
    with resources.as_file(
        resources.files("docentwijzer") / "assets/icons/docentwijzer.png"
    ) as png:
        app.setWindowIcon(QIcon(str(png)))
    apply_theme(app, settings.color_scheme, settings.text_scale)
    install_qt_translator(i18n.language())


def run(lang_override: str | None, qt_args: list[str]) -> int:
    from docentwijzer import paths
    from docentwijzer.storage import remove_stale_temp_files

    from docentwijzer.ui.mainwindow import MainWindow

    store = SettingsStore()
    loaded = store.load()
    settings = loaded.value
    i18n.set_language(lang_override or settings.language)
    app = QApplication(qt_args)
    configure(app, settings)
    for folder in (paths.config_dir(), paths.data_dir()):
        remove_stale_temp_files(folder)
    window = MainWindow(settings, store, notices=[loaded.notice] if loaded.notice else [])
    window.show()
    QTimer.singleShot(0, window.show_notices)
    return app.exec()
