"""Run by test_vault_crash.py: saves notes in forked children and kills them with SIGKILL.

Usage: python -m tests.core.vault_crash_worker FOLDER RUNS SEED
Prints one JSON object: the acknowledged note ids, how many kills landed mid-save, problems.
Forking from this (Qt-free) process keeps hundreds of runs well under a minute.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from docentwijzer.notes import Note
from tests.core.notes_support import PASSPHRASE, leftovers, make_store

FILLER = "Observatie met wat tekst erbij. " * 60


def child(folder: Path, expected: set[str], out: int) -> None:
    store = make_store(folder)
    if store.state == "new":
        store.setup(PASSPHRASE)
    else:
        store.unlock(PASSPHRASE)
        present = {s.id for s in store.query()}
        if not expected <= present:
            os.write(out, f"LOST {len(expected - present)}\n".encode())
            os._exit(3)
        if leftovers(folder):
            os.write(out, b"TEMP\n")
            os._exit(3)
    os.write(out, b"OPEN\n")
    i = 0
    while True:
        note = Note(pseudonym=f"P{i % 7}", observed=f"save {i}", text=FILLER)
        os.write(out, b"START\n")
        store.save(note)
        os.write(out, f"ACK {note.id}\n".encode())
        i += 1


def main() -> None:
    folder, runs, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    acked: set[str] = set()
    problems: list[str] = []
    mid_save = 0
    for run in range(runs):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            try:
                child(folder, acked, write_end)
            except BaseException as exc:  # report, never fall back into the parent's loop
                os.write(write_end, f"ERROR {exc!r}\n".encode())
            os._exit(4)
        os.close(write_end)
        # Wait until the child has opened the vault, then kill it at a random moment.
        buffer = b""
        while b"\n" not in buffer:
            chunk = os.read(read_end, 4096)
            if not chunk:
                break
            buffer += chunk
        time.sleep(rnd.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_end, 65536):
            buffer += chunk
        os.close(read_end)
        lines = buffer.decode().splitlines()
        for line in lines:
            if line.startswith("ACK "):
                acked.add(line[4:])
            elif line not in ("OPEN", "START"):
                problems.append(f"run {run}: {line}")
        if lines and lines[-1] == "START":
            mid_save += 1
    print(json.dumps({"acked": sorted(acked), "mid_save": mid_save, "problems": problems}))


if __name__ == "__main__":
    main()
