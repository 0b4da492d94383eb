"""Start-up: ``python -m docentwijzer`` until its window is on screen, against a bare PySide6
window of the same size, in the same run, alternated, as a ratio (goal ≤ 1.5×).

    python benchmarks/startup.py [--pairs 9] [--offscreen] [--phases] [--instructions]

On a real X server (a private Xvfb) an ordinary X client watches from outside: the figures are
the time from starting the process until its top-level window is *mapped*, and until the first
drawing into it arrives (*drawn*, through the X DAMAGE extension). The program under test is
the production entry point, unchanged. ``--offscreen`` (or no Xvfb) times the same entry point
on Qt's offscreen platform until the first paint event, for machines without X.
``--phases`` prints where the processor time goes instead, phase by phase, against the bare
window (measured inside each process, so it says where, not how long from outside).
``--instructions`` counts the instructions each process runs until the loop turn after its first
paint (valgrind's callgrind): slow (about 10 s a run), but the same from run to run within 0.2%
whatever else the machine does, so a change of a few milliseconds shows where timings drown in
noise.
"""

from __future__ import annotations

import argparse
import contextlib
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


#: ``--phases``: where start-up spends its processor time, phase by phase, against the bare
#: window. Runs in the process under test: the real ``app.main`` (or the bare window's code),
#: with marks on Qt's own calls; the whole process exits on the loop turn after the first paint.
PHASES_PROBE = """
import gc, json, os, sys, time
cpu = time.process_time
marks = [("Python started", cpu())]
def mark(name):
    marks.append((name, cpu()))
bare = sys.argv[1] == "bare"
if not bare:
    gc.disable()  # as app.main does first
    from docentwijzer import app
    app.import_core_first()
    mark("core modules (settings, strings, paths)")
import PySide6.QtWidgets
mark("PySide6 imported")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
if not bare:
    from docentwijzer.ui import application, mainwindow
    mark("the window's modules (and the Qt classes they use)")

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.UpdateRequest:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False

def done():
    mark("first paint (layout, drawing)")
    print("PHASES" + json.dumps(marks), flush=True)
    os._exit(0)

painted = Painted()
real_app_init, real_show = QApplication.__init__, QMainWindow.show
def app_init(self, *args):
    real_app_init(self, *args)
    mark("QApplication")
def show(self):
    if bare:
        mark("window built")
    else:
        mark("main window and Start screen built")
    self.installEventFilter(painted)
    real_show(self)
    mark("shown (window created, mapped)")
QApplication.__init__, QMainWindow.show = app_init, show
if bare:
    qapp = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1100, 760)
    window.show()
    qapp.exec()
else:
    real_configure = application.configure
    def configure(*args, **kwargs):
        real_configure(*args, **kwargs)
        mark("look set up (palette, text size, focus ring)")
    application.configure = configure
    app.main([])
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


def phases(pairs: int, real: bool) -> None:
    """Processor time per start-up phase (median over ``pairs`` alternated pairs)."""
    runs: dict[str, list[list[tuple[str, float]]]] = {"app": [], "bare": []}
    with contextlib.ExitStack() as stack:
        home = stack.enter_context(tempfile.TemporaryDirectory())
        used_install(home)
        env = environment(home)
        if real:
            from _x11 import Xvfb

            env["DISPLAY"] = stack.enter_context(Xvfb())
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        for index in range(pairs + 1):
            for name in ("app", "bare") if index % 2 == 0 else ("bare", "app"):
                out = subprocess.run(
                    [sys.executable, "-c", PHASES_PROBE, name],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=60,
                ).stdout
                line = next(x for x in out.splitlines() if x.startswith("PHASES"))
                if index:
                    runs[name].append(json.loads(line.removeprefix("PHASES")))

    def steps(kind: str) -> dict[str, float]:
        """Median processor time of each phase (the first: from exec to Python running)."""
        names = [name for name, _ in runs[kind][0]]
        took = {name: [] for name in names}  # type: dict[str, list[float]]
        for marks in runs[kind]:
            previous = 0.0
            for name, at in marks:
                took[name].append(at - previous)
                previous = at
        return {name: statistics.median(values) for name, values in took.items()}

    app, bare = steps("app"), steps("bare")
    total = {kind: statistics.median(m[-1][1] for m in runs[kind]) for kind in runs}
    print(f"processor time per phase, median of {pairs} alternated pairs ({machine()}):")
    print(f"  {'phase':52} {'DocentWijzer':>13} {'bare window':>12}")
    shared = {"window built": "main window and Start screen built"}
    for name, value in app.items():
        other = next((v for k, v in bare.items() if k == name or shared.get(k) == name), None)
        bare_ms = "" if other is None else f"{other * 1000:9.0f} ms"
        print(f"  {name:52} {value * 1000:10.0f} ms {bare_ms}")
    print(
        f"  {'until the loop turn after the first paint':52} {total['app'] * 1000:10.0f} ms "
        f"{total['bare'] * 1000:9.0f} ms  ({total['app'] / total['bare']:.2f}×)"
    )


def instructions(real: bool) -> None:
    """User-space instructions until the loop turn after the first paint (callgrind), app and
    bare window; each counted after a warm-up run (which writes the bytecode)."""
    import re
    import shutil

    if shutil.which("valgrind") is None:
        print("  --instructions needs valgrind (apt-get install valgrind)")
        return
    counts: dict[str, int] = {}
    with contextlib.ExitStack() as stack:
        home = stack.enter_context(tempfile.TemporaryDirectory())
        used_install(home)
        env = environment(home)
        if real:
            from _x11 import Xvfb

            env["DISPLAY"] = stack.enter_context(Xvfb())
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        for kind in ("app", "bare"):
            subprocess.run(
                [sys.executable, "-c", PHASES_PROBE, kind],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                timeout=60,
            )
            out = subprocess.run(
                [
                    "valgrind",
                    "--tool=callgrind",
                    "--callgrind-out-file=/dev/null",
                    sys.executable,
                    "-c",
                    PHASES_PROBE,
                    kind,
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            ).stderr
            found = re.search(r"Collected : (\d+)", out)
            assert found, out[-2000:]
            counts[kind] = int(found.group(1))
    where = "Xvfb" if real else "offscreen"
    print(f"instructions until the loop turn after the first paint (callgrind, {where}):")
    print(f"  DocentWijzer {counts['app'] / 1e6:8.0f} million")
    print(f"  bare window  {counts['bare'] / 1e6:8.0f} million")
    print(f"  ratio        {counts['app'] / counts['bare']:8.2f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=9, help="counted pairs (at least 7)")
    parser.add_argument("--offscreen", action="store_true", help="Qt offscreen, no X server")
    parser.add_argument("--phases", action="store_true", help="processor time per phase")
    parser.add_argument(
        "--instructions", action="store_true", help="instructions to the first paint (valgrind)"
    )
    args = parser.parse_args()
    pairs = max(7, args.pairs)
    from _x11 import available

    missing = None if args.offscreen else available()
    real = not args.offscreen and missing is None
    if args.phases:
        phases(pairs, real)
        return 0
    if args.instructions:
        instructions(real)
        return 0
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
