"""The UI half of ``--self-test``: build every screen in both languages."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from docentwijzer import APP_NAME, __version__, i18n
from docentwijzer.selftest import check_core
from docentwijzer.settings import Settings

from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.placeholder import ErrorScreen


def run_self_test() -> tuple[bool, str]:
    report = check_core()
    problems = list(report.problems)
    app = QApplication.instance() or QApplication([APP_NAME])
    from docentwijzer.ui.application import configure
    from docentwijzer.ui.mainwindow import MainWindow

    screens = 0
    for lang in i18n.LANGUAGES:
        i18n.set_language(lang)
        settings = Settings(language=lang)
        configure(app, settings)  # type: ignore[arg-type]
        window = MainWindow(settings, store=None)
        window.show()
        for entry in AREAS:
            if not window.navigate(entry.id):
                problems.append(f"[{lang}] could not open {entry.id}")
                continue
            built = window.current_screen()
            if isinstance(built, ErrorScreen):
                problems.append(f"[{lang}] {entry.id}: {built.message}")
            if not window.acute_bar.isVisible():
                problems.append(f"[{lang}] {entry.id}: acute-help bar not visible")
            screens += 1
        window.close()
        window.deleteLater()
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    status = "OK" if not problems else "FAILED"
    summary = (
        f"{APP_NAME} {__version__} self-test {status}: {screens} screens built, "
        f"{report.documents} content files and {report.strings} strings checked, "
        f"{report.pdfs} PDFs written, in {len(i18n.LANGUAGES)} languages"
    )
    if problems:
        summary += "\n" + "\n".join(f"  - {p}" for p in problems)
    return not problems, summary
