"""Start-up time (ratio to a bare PySide6 window) and peak memory after visiting every screen.

Prints each figure against its target (issue 8): start-up ≤ 1.5× a bare PySide6 window measured
in the same run on the same machine; peak memory after visiting every screen ≤ 200 MB.
Runs offscreen, so it needs no display.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""

APP = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from docentwijzer import i18n
from docentwijzer.settings import SettingsStore
from docentwijzer.ui.application import configure
from docentwijzer.ui.mainwindow import MainWindow
store = SettingsStore()
settings = store.load().value
i18n.set_language(settings.language)
app = QApplication(sys.argv)
configure(app, settings)
window = MainWindow(settings, store)
window.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""

VISIT_ALL = """
import resource, sys
from PySide6.QtWidgets import QApplication
from docentwijzer.settings import Settings
from docentwijzer.ui.application import configure
from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.mainwindow import MainWindow
app = QApplication(sys.argv)
configure(app, Settings())
window = MainWindow(Settings())
window.show()
for area in AREAS:
    window.navigate(area.id)
    app.processEvents()
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak_kb)
"""


def _env(home: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", DOCENTWIJZER_HOME=home)


def time_child(code: str, env: dict[str, str]) -> float:
    """Seconds from process start to the first event-loop turn after the window was shown."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
    ).stdout
    return float(out.strip().splitlines()[-1]) - start


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        time_child(APP, env)  # warm the file cache for both
        time_child(BARE, env)
        bare = [time_child(BARE, env) for _ in range(RUNS)]
        app = [time_child(APP, env) for _ in range(RUNS)]
        out = subprocess.run(
            [sys.executable, "-c", VISIT_ALL], check=True, env=env, capture_output=True, text=True
        ).stdout
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    ratio = app_median / bare_median
    peak_mb = int(out.strip().splitlines()[-1]) / 1024
    ok_ratio, ok_mem = ratio <= 1.5, peak_mb <= 200
    print(f"start-up, bare PySide6 window (median of {RUNS}): {bare_median * 1000:.0f} ms")
    print(f"start-up, DocentWijzer main window (median of {RUNS}): {app_median * 1000:.0f} ms")
    print(f"start-up ratio: {ratio:.2f}x (target <= 1.5x) {'OK' if ok_ratio else 'OVER'}")
    print(
        f"peak memory after visiting every screen: {peak_mb:.0f} MB (target <= 200 MB) "
        f"{'OK' if ok_mem else 'OVER'}"
    )
    return 0 if ok_ratio and ok_mem else 1


if __name__ == "__main__":
    sys.exit(main())
