"""Screens: first open of every area and of the openness exercise's first page (≤ 100 ms each),
peak memory after visiting every screen (≤ 150 MB), and entering/leaving trainer mode,
switching light/dark and changing the text size (≤ 300 ms each).

    python benchmarks/screens.py [--repeat 3] [--rounds 5] [--offscreen]

Every figure comes from the app started by its production entry point (benchmarks/_session.py),
after its first paint has settled; an action ends when the window has painted its result.
"First open" is measured in a fresh process per area, once the app has prepared its screens
while idle (it builds them one by one after start-up; the time that takes is printed). The same
open without that preparation (a click before it reached the screen) is printed beside it.
On a real X server (a private Xvfb) when there is one, else Qt offscreen.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from _report import figure, machine, ms, spread  # noqa: E402

OPEN_GOAL = 0.100
SWITCH_GOAL = 0.300
MEMORY_GOAL = 150.0


def child(env: dict[str, str], *command: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, str(HERE / "_session.py"), *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per first open")
    parser.add_argument("--rounds", type=int, default=5, help="switches of each kind")
    parser.add_argument("--offscreen", action="store_true", help="Qt offscreen, no X server")
    args = parser.parse_args()
    from _x11 import Xvfb, available

    from docentwijzer.ui.areas import AREAS

    missing = None if args.offscreen else available()
    ok = True
    with ExitStack() as stack:
        home = stack.enter_context(tempfile.TemporaryDirectory())
        env = dict(os.environ, DOCENTWIJZER_HOME=home)
        env.pop("DOCENTWIJZER_COLOR_SCHEME", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled bytecode, as an installed app has
        if args.offscreen or missing:
            env["QT_QPA_PLATFORM"] = "offscreen"
            where = "Qt offscreen" + (f" (no real X server: {missing})" if missing else "")
        else:
            env.pop("QT_QPA_PLATFORM", None)
            env["DISPLAY"] = stack.enter_context(Xvfb())
            where = "a private Xvfb"
        print(f"screens, on {where}; {machine()}")
        child(env, "open", "start")  # warm the file cache

        opens: dict[str, list[float]] = {area.id: [] for area in AREAS if area.id != "start"}
        opens["openheid: first page"] = []
        cold: dict[str, list[float]] = {name: [] for name in opens}
        prepared: list[float] = []
        for _ in range(args.repeat):  # round-robin, so a busy spell hits every screen alike
            for area in AREAS:
                if area.id == "start":
                    continue
                if area.id == "openheid":
                    found = child(env, "exercise")
                    opens["openheid"].append(float(found["open"]))  # type: ignore[arg-type]
                    opens["openheid: first page"].append(float(found["first_page"]))  # type: ignore[arg-type]
                else:
                    found = child(env, "open", area.id)
                    opens[area.id].append(float(found["seconds"]))  # type: ignore[arg-type]
                    cold[area.id].append(float(child(env, "cold", area.id)["seconds"]))  # type: ignore[arg-type]
                prepared.append(float(found["prepared_after"]))  # type: ignore[arg-type]
        print(f"  every screen prepared while idle: {spread(prepared)} after the window shows")
        for name, values in opens.items():
            value = statistics.median(values)
            unprepared = f", {ms(statistics.median(cold[name]))} unprepared" if cold[name] else ""
            ok &= figure(
                f"first open of {name}",
                ms(value),
                f"≤ {ms(OPEN_GOAL)}",
                value <= OPEN_GOAL,
                f"{len(values)} fresh processes, {spread(values)}{unprepared}",
            )

        session = child(env, "session", str(args.rounds))
        peak = float(session["peak_mb_after_every_screen"])  # type: ignore[arg-type]
        ok &= figure(
            "peak memory after visiting every screen",
            f"{peak:.0f} MB",
            f"≤ {MEMORY_GOAL:.0f} MB",
            peak <= MEMORY_GOAL,
            f"{float(session['peak_mb_at_end']):.0f} MB after the switches below",  # type: ignore[arg-type]
        )
        switches: dict[str, list[float]] = session["switches"]  # type: ignore[assignment]
        for name, values in switches.items():
            value = statistics.median(values)
            ok &= figure(
                name,
                ms(value),
                f"≤ {ms(SWITCH_GOAL)}",
                value <= SWITCH_GOAL,
                f"every screen built, {len(values)} times, {spread(values)}",
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
