"""Oefenen: how long choosing a line takes until the screen shows the feedback (goal ≤ 50 ms).

Walks every conversation along its first choices and times each choice from the key press to
the end of the next event-loop turn (layout and paint included), and each referral answer in the
real tree. For comparison it times a step in Beslisboom the same way, in the same run. Prints
process CPU time (what this process spent; wall-clock time on a shared, loaded machine mostly
measures the others) and wall time, median and 90th percentile, against the goal. Runs
offscreen, needs no display. Repeat on a quiet machine before drawing conclusions.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

GOAL_MS = 50.0


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DOCENTWIJZER_HOME"] = tempfile.mkdtemp(prefix="dw-bench-")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from docentwijzer.settings import Settings

    from docentwijzer.ui.application import configure
    from docentwijzer.ui.mainwindow import MainWindow

    app = QApplication(sys.argv)
    configure(app, Settings())
    window = MainWindow(Settings())
    window.resize(1180, 800)
    window.show()
    window.navigate("oefenen")
    screen = window.current_screen()
    app.processEvents()

    def timed(target: object, number: int) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(target, Qt.Key(int(Qt.Key.Key_0) + number))  # type: ignore[arg-type]
        app.processEvents()
        return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000

    def key(number: int) -> tuple[float, float]:
        return timed(screen.practice, number)  # type: ignore[attr-defined]

    choices: list[tuple[float, float]] = []
    referral: list[tuple[float, float]] = []
    for _round in range(3):
        for conversation in screen.conversations():  # type: ignore[attr-defined]
            screen.open_conversation(conversation.id)  # type: ignore[attr-defined]
            app.processEvents()
            practice = screen.practice.practice  # type: ignore[attr-defined]
            while not practice.at_end():
                choices.append(key(1))
            for answer in (3, 2, 2, 1):
                if screen.practice.referral.walk.at_leaf():  # type: ignore[attr-defined]
                    break
                referral.append(key(answer))
    # The baseline: one answer in Beslisboom, timed the same way.
    window.navigate("beslisboom")
    tree = window.current_screen()
    baseline: list[tuple[float, float]] = []
    for _round in range(12):
        for answer in (3, 2, 2, 1):
            baseline.append(timed(tree, answer))
        tree.restart()  # type: ignore[attr-defined]
        app.processEvents()

    def stats(figures: list[float]) -> tuple[float, float]:
        return statistics.median(figures), statistics.quantiles(figures, n=10)[-1]

    base_cpu, _ = stats([cpu for cpu, _wall in baseline])
    for name, figures in (
        ("choice → feedback", choices),
        ("referral answer", referral),
        ("Beslisboom answer (baseline)", baseline),
    ):
        cpu_median, cpu_p90 = stats([cpu for cpu, _wall in figures])
        wall_median, wall_p90 = stats([wall for _cpu, wall in figures])
        verdict = "ok" if cpu_p90 <= GOAL_MS else "OVER"
        print(
            f"{name}: CPU median {cpu_median:.1f} ms, 90% {cpu_p90:.1f} ms "
            f"({cpu_median / base_cpu:.2f}× the baseline); wall median {wall_median:.1f} ms, "
            f"90% {wall_p90:.1f} ms; {len(figures)} steps (goal: 90% within {GOAL_MS:.0f} ms) "
            f"{verdict}",
            flush=True,
        )
    # PySide6 6.12 on Python 3.11 drops a reference to None with every Python slot call; after
    # this many calls the interpreter aborts while finalizing. Leave without finalizing (the
    # figures are printed); see the report on this PySide6 defect.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
