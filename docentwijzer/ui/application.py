"""Creating and configuring the QApplication."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from docentwijzer import APP_NAME, __version__, i18n
from docentwijzer.settings import Settings, SettingsStore

from docentwijzer.ui.theme import apply_theme

_translator: QTranslator | None = None


def install_qt_translator(lang: str) -> bool:
    """Make Qt's own texts (dialog buttons, context menus) follow the interface language."""
    global _translator
    app = QApplication.instance()
    if app is None:
        return False
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English)
    )
    if lang == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _translator = translator
        return True
    return False


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
