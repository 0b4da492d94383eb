"""Run every benchmark and print every figure: `python benchmarks/run_all.py`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    worst = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name == "run_all.py" or script.name.startswith("_"):
            continue
        print(f"== {script.name}", flush=True)
        worst = max(worst, subprocess.call([sys.executable, str(script)], cwd=HERE.parent))
    return worst


if __name__ == "__main__":
    sys.exit(main())
