"""Start-up: ``python -m docentwijzer`` until its window is on screen, against a bare PySide6
window of the same size, in the same run, alternated, as a ratio (goal ≤ 1.5×).

    python benchmarks/startup.py [--pairs 9] [--offscreen]

On a real X server (a private Xvfb) an ordinary X client watches from outside: the figures are
the time from starting the process until its top-level window is *mapped*, and until the first
drawing into it arrives (*drawn*, through the X DAMAGE extension). The program under test is
the production entry point, unchanged. ``--offscreen`` (or no Xvfb) times the same entry point
on Qt's offscreen platform until the first paint event, for machines without X.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _report import figure, machine, spread  # noqa: E402

GOAL = 1.5
SIZE = (1100, 760)  # the main window's size on a first start (a laptop screen allows it)

BARE = f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize({SIZE[0]}, {SIZE[1]})
window.show()
sys.exit(app.exec())
"""

#: Offscreen only: report the first paint of the main window, then leave at once.
FIRST_PAINT_PROBE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
class Probe(QObject):
    def eventFilter(self, watched, event):
        if isinstance(watched, QMainWindow) and event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            os._exit(0)
        return False
probe = Probe()
real_init = QApplication.__init__
def init(self, *args):
    real_init(self, *args)
    self.installEventFilter(probe)
QApplication.__init__ = init
"""


def environment(home: str) -> dict[str, str]:
    env = dict(os.environ, DOCENTWIJZER_HOME=home)
    # An installed app has its bytecode compiled (pip does it on install, a bundle ships it):
    # let the warm-up run write it, as it is for the libraries in the environment.
    for name in ("QT_QPA_PLATFORM", "DOCENTWIJZER_COLOR_SCHEME", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def used_install(home: str) -> None:
    """A teacher's install: a settings file with the defaults written out."""
    config = Path(home) / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(
        json.dumps({"schema_version": 1, "language": "nl", "color_scheme": "system"}),
        encoding="utf-8",
    )


def commands() -> dict[str, list[str]]:
    return {
        "DocentWijzer": [sys.executable, "-m", "docentwijzer"],
        "bare window": [sys.executable, "-c", BARE],
    }


def on_x(pairs: int) -> dict[str, list[tuple[float, float | None]]]:
    from _x11 import Watcher, Xvfb

    results: dict[str, list[tuple[float, float | None]]] = {name: [] for name in commands()}
    with Xvfb() as display, tempfile.TemporaryDirectory() as home:
        used_install(home)
        env = dict(environment(home), DISPLAY=display)
        watcher = Watcher(display, min_size=300)
        names = list(commands())
        for index in range(pairs + 1):  # the first pair warms the caches and is not counted
            order = names if index % 2 == 0 else names[::-1]
            for name in order:
                start = time.perf_counter()
                child = subprocess.Popen(
                    commands()[name],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                try:
                    seen = watcher.wait(start)
                finally:
                    child.kill()
                    child.wait()
                if index:
                    results[name].append((seen.mapped, seen.drawn))
    return results


def offscreen(pairs: int) -> dict[str, list[tuple[float, float | None]]]:
    results: dict[str, list[tuple[float, float | None]]] = {name: [] for name in commands()}
    entry = {
        "DocentWijzer": FIRST_PAINT_PROBE + "import runpy\nrunpy.run_module('docentwijzer')\n",
        "bare window": FIRST_PAINT_PROBE + BARE,
    }
    with tempfile.TemporaryDirectory() as home:
        used_install(home)
        env = dict(environment(home), QT_QPA_PLATFORM="offscreen")
        names = list(commands())
        for index in range(pairs + 1):
            for name in names if index % 2 == 0 else names[::-1]:
                start = time.time()
                out = subprocess.run(
                    [sys.executable, "-c", entry[name]],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                if index:
                    painted = float(out.split()[-1]) - start
                    results[name].append((painted, painted))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=9, help="counted pairs (at least 7)")
    parser.add_argument("--offscreen", action="store_true", help="Qt offscreen, no X server")
    args = parser.parse_args()
    pairs = max(7, args.pairs)
    from _x11 import available

    missing = None if args.offscreen else available()
    real = not args.offscreen and missing is None
    print(f"start-up, {pairs} alternated pairs after a warm-up pair; {machine()}")
    if missing:
        print(f"  no real X server here ({missing}): offscreen figures instead")
    results = on_x(pairs) if real else offscreen(pairs)
    app, bare = results["DocentWijzer"], results["bare window"]
    for name, runs in results.items():
        mapped = [m for m, _ in runs]
        drawn = [d for _, d in runs if d is not None]
        if real:
            print(f"  {name}: mapped {spread(mapped)}")
        if drawn:
            print(f"  {name}: {'drawn' if real else 'first paint'} {spread(drawn)}")
    # The window is on screen once something is drawn into it (map alone shows nothing yet).
    index = 1 if all(d is not None for _, d in app + bare) else 0
    ratios = [a[index] / b[index] for a, b in zip(app, bare, strict=True)]  # type: ignore[operator]
    what = "drawn" if real and index else ("mapped" if real else "first paint, offscreen")
    return (
        0
        if figure(
            f"start-up to window on screen ({what}), ratio to a bare PySide6 window",
            f"{statistics.median(ratios):.2f}×",
            f"≤ {GOAL}×",
            statistics.median(ratios) <= GOAL,
            f"pairwise {spread(ratios, '×')}",
        )
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
