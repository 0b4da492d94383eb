"""The real start-up path, a tour of every screen, trainer mode in and out, and a clean exit.

Runs in a separate process because what it guards against is a crash of the process itself:
a Python style override that PySide6 mis-counts made the app abort ("none_dealloc") after a
trainer session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TOUR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from docentwijzer.ui import mainwindow
from docentwijzer.ui.areas import AREAS

real_show = mainwindow.MainWindow.show

def show(self):
    real_show(self)

    def tour():
        for _ in range(1):
            for area in AREAS:
                self.navigate(area.id)
                QApplication.processEvents()
            self.enter_trainer_mode()
            QApplication.processEvents()
            self.leave_trainer_mode()
            self.set_text_scale(200)
            self.set_color_scheme("dark")
            self.set_text_scale(100)
            self.set_color_scheme("light")
        self.close()
        QApplication.quit()

    QTimer.singleShot(100, tour)

mainwindow.MainWindow.show = show
from docentwijzer.ui.application import run
sys.exit(run(None, [sys.argv[0]]))
"""


def test_a_whole_session_ends_with_a_clean_exit(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DOCENTWIJZER_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", TOUR], env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fatal Python error" not in result.stderr


def test_the_app_starts_with_a_deeply_nested_settings_file(tmp_path: Path) -> None:
    """Nested JSON used to raise RecursionError before the first window appeared."""
    config = tmp_path / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text("[" * 100_000, encoding="utf-8")
    starts = TOUR.replace("for _ in range(1):", "for _ in range(0):").replace(
        "real_show = ", "from docentwijzer.ui import dialogs\ndialogs.warn = print\nreal_show = "
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DOCENTWIJZER_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", starts], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "settings.json" in result.stdout  # the notice, shown once the window is up
    assert not (config / "settings.json").exists()
    assert [p.name for p in config.iterdir() if ".corrupt-" in p.name]
