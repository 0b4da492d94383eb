"""Run every benchmark and print every figure against its goal: `python benchmarks/run_all.py`.

Each script prints its own figures as it goes (``OK``/``MISS`` lines); at the end they are
repeated together. Figures from a shared or busy machine are noisy: the scripts alternate,
repeat and print medians with their spread and the load average.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Start-up and screens first: they are the figures people feel.
FIRST = ("startup.py", "screens.py")
#: A figure with its verdict: "OK"/"MISS" first, or (older scripts) a verdict at the end.
VERDICT = re.compile(r"^(OK|MISS)\b|\b(OK|ok|MISSED|OVER)$")


def scripts() -> list[Path]:
    found = [p for p in HERE.glob("*.py") if p.name != "run_all.py" and not p.name.startswith("_")]
    return sorted(
        found,
        key=lambda p: (p.name not in FIRST, FIRST.index(p.name) if p.name in FIRST else 0, p.name),
    )


def main() -> int:
    worst = 0
    summary: list[str] = []
    for script in scripts():
        print(f"== {script.name}", flush=True)
        child = subprocess.Popen(
            [sys.executable, str(script)],
            cwd=HERE.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert child.stdout is not None
        for line in child.stdout:
            print(line, end="", flush=True)
            if VERDICT.search(line.rstrip()):
                summary.append(f"{line.rstrip()}  [{script.name}]")
        code = child.wait()
        if code and not any(
            s.endswith(f"[{script.name}]") and s.startswith("MISS") for s in summary
        ):
            summary.append(f"MISS  {script.name} ended with exit code {code}")
        worst = max(worst, code)
    print("\n== every figure against its goal")
    for line in summary:
        print(line)
    return worst


if __name__ == "__main__":
    sys.exit(main())
