"""One DocentWijzer process for benchmarks/screens.py: started by the production path
(``docentwijzer.app.main``), left to settle after its first paint, then timed from inside.

    python benchmarks/_session.py open AREA     # first open of one area (a fresh process)
    python benchmarks/_session.py exercise      # open the openness exercise, then its first page
    python benchmarks/_session.py session N     # visit every screen; peak memory; N switches

Prints one line of JSON. Each timed action ends when the window has been painted again.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from docentwijzer.ui import dialogs, mainwindow
from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.startup import after_first_paint

#: After the first paint: let the deferred start-up work finish, as a user's first click would.
SETTLE_MS = 800

# No modal dialog may wait for a click: messages are dropped, questions answered "yes".
for _name in ("warn", "info"):
    setattr(dialogs, _name, lambda *_args: None)
for _name in ("confirm", "confirm_discard", "confirm_delete", "confirm_import"):
    setattr(dialogs, _name, lambda *_args: True)


def painted(window: mainwindow.MainWindow, action: Callable[[], object]) -> float:
    """Seconds for ``action`` until the window shows its result (layout and paint included)."""
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
    return time.perf_counter() - start


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(window: mainwindow.MainWindow, command: list[str]) -> dict[str, object]:
    if command[0] == "open":
        return {"seconds": painted(window, lambda: window.navigate(command[1]))}
    if command[0] == "exercise":
        opened = painted(window, lambda: window.navigate("openheid"))
        screen = window.current_screen()
        first_page = painted(window, screen.start)  # type: ignore[attr-defined]
        return {"open": opened, "first_page": first_page}
    rounds = int(command[1])
    for area in AREAS:
        window.navigate(area.id)
        QApplication.processEvents()
    window.navigate("openheid")
    window.current_screen().start()  # type: ignore[attr-defined]
    QApplication.processEvents()
    window.navigate("start")
    QApplication.processEvents()
    figures: dict[str, object] = {"peak_mb_after_every_screen": peak_mb()}
    switches: dict[str, list[float]] = {
        "enter trainer mode": [],
        "leave trainer mode": [],
        "switch to dark": [],
        "switch to light": [],
        "text size 150%": [],
        "text size 100%": [],
    }
    for _ in range(rounds):
        switches["enter trainer mode"].append(painted(window, window.enter_trainer_mode))
        switches["leave trainer mode"].append(painted(window, window.leave_trainer_mode))
        switches["switch to dark"].append(painted(window, lambda: window.set_color_scheme("dark")))
        switches["switch to light"].append(
            painted(window, lambda: window.set_color_scheme("light"))
        )
        switches["text size 150%"].append(painted(window, lambda: window.set_text_scale(150)))
        switches["text size 100%"].append(painted(window, lambda: window.set_text_scale(100)))
    figures["switches"] = switches
    figures["peak_mb_at_end"] = peak_mb()
    return figures


def main() -> None:
    command = sys.argv[1:]
    real_show = mainwindow.MainWindow.show

    def show(self: mainwindow.MainWindow) -> None:
        real_show(self)

        def measure() -> None:
            try:
                print(json.dumps(run(self, command)), flush=True)
            except BaseException:
                traceback.print_exc()
                QApplication.exit(1)
                return
            self.close()
            QApplication.quit()

        after_first_paint(self, lambda: QTimer.singleShot(SETTLE_MS, measure))

    mainwindow.MainWindow.show = show  # type: ignore[method-assign]
    from docentwijzer.app import main as app_main

    app_main([])


if __name__ == "__main__":
    main()
