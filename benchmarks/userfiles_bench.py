"""Refusing hostile files: how long until the message, and how much memory the process used.

    python benchmarks/userfiles_bench.py

Each case runs in a fresh process that imports the app's core and then imports a profile file
that is a symlink to /dev/zero, a FIFO nobody writes to, deeply nested JSON, a 200 MB (sparse)
file, or invalid UTF-8; and loads the same as settings.json. Goal (issue 13, defect 5): each is
refused in < 1 s with < 100 MB memory for the whole process (its peak resident size, interpreter
and imports included). Not a test: machines differ; it prints, and exits 1 when a figure misses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("device", "fifo", "deep", "huge", "not_utf8")
GOAL_SECONDS = 1.0
GOAL_MB = 100.0

CASE = """
import json, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.core.userfile_support import make_hostile
from docentwijzer.profile import ProfileFileError, read_profile_file
from docentwijzer.settings import SettingsStore
kind, folder = sys.argv[1], Path(sys.argv[2])
path = make_hostile(folder / "instelling.json", kind)
start = time.perf_counter()
try:
    read_profile_file(path)
    refused = False
except ProfileFileError:
    refused = True
profile_seconds = time.perf_counter() - start
settings = make_hostile(folder / "config" / "settings.json", kind)
start = time.perf_counter()
loaded = SettingsStore(settings).load()
settings_seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"refused": refused and loaded.notice is not None,
                  "profile": profile_seconds, "settings": settings_seconds, "peak_mb": peak_mb}}))
"""


def main() -> int:
    failed = 0
    print(f"{'case':10} {'profile import':>15} {'settings load':>14} {'process peak':>13}")
    for kind in KINDS:
        with tempfile.TemporaryDirectory() as temp:
            (Path(temp) / "config").mkdir()
            env = dict(os.environ, DOCENTWIJZER_HOME=temp)
            result = subprocess.run(
                [sys.executable, "-c", CASE.format(root=str(ROOT)), kind, temp],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
                cwd=ROOT,
            )
        if result.returncode != 0:
            print(f"FAIL {kind}: {result.stderr[-500:]}")
            failed += 1
            continue
        figures = json.loads(result.stdout)
        ok = (
            figures["refused"]
            and max(figures["profile"], figures["settings"]) < GOAL_SECONDS
            and figures["peak_mb"] < GOAL_MB
        )
        failed += not ok
        print(
            f"{kind:10} {figures['profile'] * 1000:12.1f} ms {figures['settings'] * 1000:11.1f} ms"
            f" {figures['peak_mb']:10.1f} MB  {'OK' if ok else 'MISSED'}"
        )
    print(f"(goals: refused, each < {GOAL_SECONDS:g} s, process peak < {GOAL_MB:g} MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
