"""kill -9 in the middle of saving, hundreds of times: the vault always opens, nothing acknowledged
is lost, no temp file is left. (POSIX: the worker forks and sends SIGKILL.)"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.core.notes_support import PASSPHRASE, leftovers, make_store

ROOT = Path(__file__).parents[2]
FOLDERS = 4
RUNS_PER_FOLDER = 75


def test_kill_9_during_saves_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    def run(index: int) -> dict[str, object]:
        folder = tmp_path / f"vault{index}"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.core.vault_crash_worker",
                str(folder),
                str(RUNS_PER_FOLDER),
                str(index),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        outcome: dict[str, object] = json.loads(result.stdout)
        outcome["folder"] = folder
        return outcome

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(run, range(FOLDERS)))

    mid_save = 0
    for outcome in outcomes:
        assert outcome["problems"] == []
        folder = outcome["folder"]
        assert isinstance(folder, Path)
        acked = set(outcome["acked"])  # type: ignore[call-overload]
        assert acked, "no save was ever acknowledged: the test did not test anything"
        store = make_store(folder)
        store.unlock(PASSPHRASE)
        assert acked <= {s.id for s in store.query()}
        assert leftovers(folder) == []
        mid_save += int(outcome["mid_save"])  # type: ignore[call-overload]
    # Most kills must land inside a save, or this would only test the easy case.
    assert mid_save > FOLDERS * RUNS_PER_FOLDER // 3
