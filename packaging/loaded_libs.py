"""What a frozen build really loads: walk it through every screen and list the files it mapped.

Runs the build at APP (``dist/DocentWijzer/DocentWijzer``) in place of ``python -m docentwijzer``
under the screen-reader walk of tests/ui/test_atspi.py (Xvfb, the AT-SPI bridge on, every screen,
a tree leaf, the notes editor, a dialog), then its ``--self-test`` (which also exports PDFs),
reads /proc/PID/maps of the app ten times a second, and prints which of the build's shared
libraries it mapped and which it never did, with their sizes. This is how
packaging/docentwijzer.spec's LEAN lists were chosen: measure a full build
(``DOCENTWIJZER_BUILD_FULL=1 sh packaging/build.sh``), then check the lean one still walks.

Usage (from the repository, with the dev venv): .venv/bin/python packaging/loaded_libs.py APP
Needs what the AT-SPI test needs (Xvfb, at-spi2-core, python3-pyatspi, xdotool, dbus).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _mapped(app: Path, seen: set[str], stop: threading.Event) -> None:
    while not stop.wait(0.1):
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if Path(f"/proc/{pid}/exe").resolve() != app:
                    continue
                maps = Path(f"/proc/{pid}/maps").read_text()
            except OSError:
                continue
            seen.update(line.split()[-1] for line in maps.splitlines() if len(line.split()) >= 6)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    app = Path(argv[0]).resolve()
    folder = app.parent
    sys.path.insert(0, str(ROOT))
    from tests.ui.test_atspi import ALL_SCENES, missing_tools, run_client

    if missing_tools():
        print(f"missing: {', '.join(missing_tools())}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tools:
        # atspi_session.sh runs "$python -m docentwijzer --lang LANG": run the build instead.
        stand_in = Path(tools) / "python"
        stand_in.write_text(f'#!/bin/sh\nshift 2\nexec "{app}" "$@"\n')
        stand_in.chmod(stand_in.stat().st_mode | stat.S_IXUSR)
        sys.executable = str(stand_in)
        seen: set[str] = set()
        stop = threading.Event()
        watcher = threading.Thread(target=_mapped, args=(app, seen, stop), daemon=True)
        watcher.start()
        try:
            report = run_client("nl", ALL_SCENES)
            with tempfile.TemporaryDirectory() as home:
                env = {"PATH": "/usr/bin:/bin", "HOME": home}
                self_test = subprocess.run([str(app), "--self-test"], env=env, check=False)
        finally:
            stop.set()
            watcher.join()
    shipped = {
        str(path): path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink() and (".so" in path.name or path == app)
    }
    loaded = sorted(name for name in seen if name in shipped)
    unused = sorted(set(shipped) - set(loaded), key=lambda name: -shipped[name])
    print(f"scenes walked: {', '.join(map(str, report['scenes']))}")  # type: ignore[call-overload]
    print(f"problems: {report['problems'] or 'none'}")
    print(f"--self-test: {'passed' if self_test.returncode == 0 else 'FAILED'}")
    print(f"\nloaded ({len(loaded)}, {sum(shipped[n] for n in loaded) / 1e6:.1f} MB):")
    for name in loaded:
        print(f"  {shipped[name] / 1e6:6.2f} MB  {Path(name).relative_to(folder)}")
    print(f"\nnever loaded ({len(unused)}, {sum(shipped[n] for n in unused) / 1e6:.1f} MB):")
    for name in unused:
        print(f"  {shipped[name] / 1e6:6.2f} MB  {Path(name).relative_to(folder)}")
    return 0 if not report["problems"] and self_test.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
