"""kill -9 in the middle of saving, deleting and changing the passphrase, hundreds of times:
nothing acknowledged is lost or comes back, the vault always opens, every backup opens and
holds no deleted note, no temp file is left after the next start. (POSIX: the worker forks and
sends SIGKILL.) scripts/vault_kill_loop.py runs the same with thousands of kills."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
FOLDERS = 4
RUNS_PER_FOLDER = 60
MUST_BE_ZERO = (
    "acknowledged saves lost",
    "acknowledged deletes undone",
    "unopenable vaults",
    "unreadable backups",
    "backups holding a note the vault no longer has",
    "temp files after the next start",
)


def run_worker(folder: Path, runs: int, seed: int) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.core.vault_crash_worker", str(folder), str(runs), str(seed)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    outcome: dict[str, object] = json.loads(result.stdout)
    return outcome


@pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL")
def test_kill_9_during_saves_deletes_and_passphrase_changes(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(
            pool.map(
                lambda i: run_worker(tmp_path / f"vault{i}", RUNS_PER_FOLDER, i), range(FOLDERS)
            )
        )
    counts: Counter[str] = Counter()
    for outcome in outcomes:
        assert outcome["problems"] == []
        counts.update(outcome["counts"])  # type: ignore[arg-type]
    for name in MUST_BE_ZERO:
        assert counts[name] == 0, name
    assert counts["runs"] == FOLDERS * RUNS_PER_FOLDER
    assert counts["saves acknowledged"] > 0 and counts["deletes acknowledged"] > 0
    assert counts["backups checked"] > counts["runs"]
    # Most kills must land inside an operation, of every kind, or this tests the easy case.
    mid = counts["killed mid-save"] + counts["killed mid-delete"] + counts["killed mid-passphrase"]
    assert mid > counts["runs"] // 3
    assert counts["killed mid-delete"] > 0 and counts["killed mid-passphrase"] > 0
