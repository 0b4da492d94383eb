"""One DocentWijzer process for benchmarks/screens.py: started by the production path
(``docentwijzer.app.main``), left to settle after its first paint, then timed from inside.

    python benchmarks/_session.py open AREA     # first open of one area (a fresh process)
    python benchmarks/_session.py cold AREA     # the same, had the screens not been prepared
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

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from docentwijzer.ui import dialogs, mainwindow
from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.startup import after_first_paint

#: After the screens are prepared: let the last one settle.
SETTLE_MS = 200
#: At most this long after the first paint for the screens to be prepared.
PREPARE_WAIT_MS = 15_000
#: Cold: a click this long after the first paint (start-up's deferred work done).
COLD_WAIT_MS = 800

# No modal dialog may wait for a click: messages are dropped, questions answered "yes".
for _name in ("warn", "info"):
    setattr(dialogs, _name, lambda *_args: None)
for _name in ("confirm", "confirm_discard", "confirm_delete", "confirm_import"):
    setattr(dialogs, _name, lambda *_args: True)


def painted(window: mainwindow.MainWindow, action: Callable[[], object]) -> float:
    """Seconds for ``action`` until the window shows its result: the events it posted (layout,
    updates) handled and the window painted. Timers that come due meanwhile (the idle
    preparation of screens) run after the paint, as they would in the event loop."""
    start = time.perf_counter()
    action()
    QCoreApplication.sendPostedEvents()
    window.repaint()
    seconds = time.perf_counter() - start
    settle()
    return seconds


def settle() -> None:
    """What returning to the event loop does: pending events, and deleting what was dropped
    (a nested processEvents() never deletes what deleteLater() marked)."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def idle(window: mainwindow.MainWindow, timeout: float = 30.0) -> None:
    """Wait until the window has prepared its screens again (after a rebuild), as a user's
    next action comes a moment later."""
    end = time.perf_counter() + timeout
    while window.is_preparing() and time.perf_counter() < end:
        settle()
        time.sleep(0.005)
    settle()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(window: mainwindow.MainWindow, command: list[str]) -> dict[str, object]:
    if command[0] in ("open", "cold"):
        return {"seconds": painted(window, lambda: window.navigate(command[1]))}
    if command[0] == "exercise":
        opened = painted(window, lambda: window.navigate("openheid"))
        screen = window.current_screen()
        first_page = painted(window, screen.start)  # type: ignore[attr-defined]
        return {"open": opened, "first_page": first_page}
    rounds = int(command[1])
    for area in AREAS:
        window.navigate(area.id)
        settle()
    window.navigate("openheid")
    window.current_screen().start()  # type: ignore[attr-defined]
    settle()
    window.navigate("start")
    settle()
    figures: dict[str, object] = {"peak_mb_after_every_screen": peak_mb()}
    actions: list[tuple[str, Callable[[], object]]] = [
        ("enter trainer mode", window.enter_trainer_mode),
        ("leave trainer mode", window.leave_trainer_mode),
        ("switch to dark", lambda: window.set_color_scheme("dark")),
        ("switch to light", lambda: window.set_color_scheme("light")),
        ("text size 150%", lambda: window.set_text_scale(150)),
        ("text size 100%", lambda: window.set_text_scale(100)),
    ]
    switches: dict[str, list[float]] = {name: [] for name, _action in actions}
    for _ in range(rounds):
        for name, action in actions:
            idle(window)
            switches[name].append(painted(window, action))
    idle(window)
    figures["switches"] = switches
    figures["peak_mb_at_end"] = peak_mb()
    return figures


def main() -> None:
    command = sys.argv[1:]
    real_show = mainwindow.MainWindow.show
    if command[0] == "cold":  # nothing prepared: the first open builds the screen
        mainwindow.MainWindow.prepare_screens = lambda self: None  # type: ignore[method-assign]

    def show(self: mainwindow.MainWindow) -> None:
        real_show(self)
        started = time.perf_counter()

        def measure() -> None:
            try:
                figures = run(self, command)
                figures["prepared_after"] = prepared.get("at")
                print(json.dumps(figures), flush=True)
            except BaseException:
                traceback.print_exc()
                QApplication.exit(1)
                return
            self.close()
            QApplication.quit()

        # A user's first click: once the screens are prepared (or SETTLE_MS after the first
        # paint if the app prepares nothing), as a teacher reads the start screen first.
        prepared: dict[str, float] = {}

        def ready() -> None:
            if "at" not in prepared:
                prepared["at"] = time.perf_counter() - started
                QTimer.singleShot(SETTLE_MS, measure)

        self.screens_prepared.connect(ready)
        wait = COLD_WAIT_MS if command[0] == "cold" else PREPARE_WAIT_MS
        after_first_paint(self, lambda: QTimer.singleShot(wait, ready))

    mainwindow.MainWindow.show = show  # type: ignore[method-assign]
    from docentwijzer.app import main as app_main

    app_main([])


if __name__ == "__main__":
    main()
