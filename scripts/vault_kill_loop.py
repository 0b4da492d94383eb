"""kill -9 the notes vault thousands of times mid-save, mid-delete and mid-passphrase-change.

    python scripts/vault_kill_loop.py [--runs 2000] [--folders 8] [--jobs 2] [--seed 0]
                                      [--window 0.08]

Runs tests/core/vault_crash_worker.py (the production write path and start-up; only the key
derivation is the cheap one of the tests) in ``--folders`` data folders, ``--runs`` kills in
all, ``--jobs`` at a time, each kill a random 0..``--window`` seconds after the vault
opened (so some runs acknowledge many changes first), and prints the totals as a Markdown
table for the README. Exits 1 if anything that must be zero is not. POSIX only (fork,
SIGKILL). The suite runs the same worker with fewer kills (tests/core/test_vault_crash.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUST_BE_ZERO = (
    "acknowledged saves lost",
    "acknowledged deletes undone",
    "unopenable vaults",
    "unreadable backups",
    "backups holding a note the vault no longer has",
    "temp files after the next start",
)
ORDER = (
    "runs",
    "killed mid-save",
    "killed mid-delete",
    "killed mid-passphrase",
    "saves acknowledged",
    "deletes acknowledged",
    "passphrase changes acknowledged",
    "backups checked",
    *MUST_BE_ZERO,
    "passphrase changes with a backup left on the old one",
    "opened with the new passphrase of a cut-off change",
    "... of which the old passphrase was offered no backup",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--folders", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--window", type=float, default=0.08)
    args = parser.parse_args()
    per_folder = -(-args.runs // args.folders)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="vault-kill-") as base:

        def run(index: int) -> dict[str, object]:
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tests.core.vault_crash_worker",
                    str(Path(base) / f"vault{index}"),
                    str(per_folder),
                    str(args.seed * 1000 + index),
                    str(args.window),
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                return {"counts": {}, "problems": [f"worker {index}: {result.stderr[-2000:]}"]}
            outcome: dict[str, object] = json.loads(result.stdout)
            return outcome

        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = list(pool.map(run, range(args.folders)))
    counts: Counter[str] = Counter()
    problems: list[str] = []
    for outcome in outcomes:
        counts.update(outcome["counts"])  # type: ignore[arg-type]
        problems += outcome["problems"]  # type: ignore[arg-type]
    seconds = time.monotonic() - started
    print(f"kill -9 loop: {counts['runs']} kills in {args.folders} folders, {seconds:.0f} s\n")
    print("| what | count |")
    print("|---|---:|")
    for name in ORDER:
        print(f"| {name} | {counts[name]} |")
    bad = [name for name in MUST_BE_ZERO if counts[name]] + problems
    for line in bad:
        print("PROBLEM:", line, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
