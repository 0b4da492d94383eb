"""kill -9 at random moments while the vault is saved, deleted from and re-keyed.

Used by tests/core/test_vault_crash.py (a few hundred kills) and scripts/vault_kill_loop.py
(thousands, figures for the README). POSIX only: it forks and sends SIGKILL.

Usage: python -m tests.core.vault_crash_worker FOLDER RUNS SEED [WINDOW]
(each kill comes a random 0..WINDOW seconds after the child opened the vault; default 0.03)
Prints one JSON object (see :func:`main`).

Each run forks a child that starts as the app does (takes the instance lock, which removes
temp files of an interrupted write), unlocks the vault and then saves, deletes and changes the
passphrase in a loop with the production write path (only the key derivation is the cheap one
of the tests), reporting each step before it starts and once it returned. The parent kills it
at a random moment, then checks what a user would meet at the next start:

- every acknowledged save is there, and no acknowledged delete came back;
- the vault opens with the passphrase of the last acknowledged change or, if a change was cut
  off, with the new one (and then the old one is offered a backup, or it is counted);
- every backup opens (none is half written or random bytes) and holds no note the vault no
  longer has (a deleted note lives on nowhere);
- no temp file is left after the start.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from collections import Counter
from pathlib import Path

from docentwijzer.instance import InstanceLock
from docentwijzer.notes import Note, NotesStore
from docentwijzer.vault import VaultError
from tests.core.notes_support import PASSPHRASE, leftovers, make_store

FILLER = "Observatie met wat tekst erbij. " * 60


def passphrase(generation: int) -> str:
    return PASSPHRASE if generation == 0 else f"{PASSPHRASE} {generation}"


def child(folder: Path, generation: int, rnd: random.Random, out: int) -> None:
    def say(line: str) -> None:
        os.write(out, f"{line}\n".encode())

    lock = InstanceLock.acquire(folder)  # the app's start: the parent released its lock
    if lock is None:
        say("ERROR lock held")
        os._exit(3)
    store = make_store(folder)
    if store.state == "new":
        store.setup(passphrase(generation))
    else:
        store.unlock(passphrase(generation))
    say("OPEN")
    i = 0
    while True:
        roll = rnd.random()
        notes = store.query()
        if roll < 0.2 and len(notes) > 3:
            victim = rnd.choice(notes).id
            say(f"START delete {victim}")
            store.delete([victim])
            say(f"ACK delete {victim}")
        elif roll < 0.3:
            generation += 1
            say("START passphrase")
            left = store.change_passphrase(passphrase(generation - 1), passphrase(generation))
            say(f"ACK passphrase {generation} {len(left)}")
        else:
            note = Note(pseudonym=f"P{i % 7}", observed=f"save {i}", text=FILLER)
            say("START save")
            store.save(note)
            say(f"ACK save {note.id}")
        i += 1


def open_any(folder: Path, first: int, newest: int) -> tuple[NotesStore | None, int, str]:
    """Open the vault as a user who knows every passphrase they typed: the acknowledged one
    first. Returns the store, the generation that opened it, and what the acknowledged one
    said when it did not (``passphrase`` or ``other_passphrase``)."""
    said = ""
    order = [first, *range(newest, -1, -1)]
    for generation in dict.fromkeys(order):
        store = make_store(folder)
        try:
            store.unlock(passphrase(generation))
        except VaultError as exc:
            if exc.kind not in ("passphrase", "other_passphrase"):
                return None, -1, exc.kind
            if generation == first:
                said = exc.kind
            continue
        return store, generation, said
    return None, -1, said


def backup_ids(store: NotesStore, newest: int) -> list[tuple[str, set[str] | None]]:
    """Each backup's note ids, or None when it opens with no passphrase ever used."""
    found: list[tuple[str, set[str] | None]] = []
    for backup in store.vault.backups():
        ids: set[str] | None = None
        for generation in range(newest, -1, -1):
            probe = make_store(backup.parent)
            try:
                probe._load(probe.vault.open(passphrase(generation), backup))
            except VaultError:
                continue
            ids = {s.id for s in probe.query()}
            break
        found.append((backup.name, ids))
    return found


def main() -> None:
    folder, runs, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    window = float(sys.argv[4]) if len(sys.argv) > 4 else 0.03
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    saved: set[str] = set()
    deleted: set[str] = set()
    generation = 0  # the passphrase the user was last told about
    newest = 0  # the newest passphrase ever typed
    counts: Counter[str] = Counter()
    problems: list[str] = []
    for run in range(runs):
        read_end, write_end = os.pipe()
        child_seed = rnd.getrandbits(32)
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            try:
                child(folder, generation, random.Random(child_seed), write_end)
            except BaseException as exc:  # report, never fall back into the parent's loop
                os.write(write_end, f"ERROR {exc!r}\n".encode())
            os._exit(4)
        os.close(write_end)
        buffer = b""
        while b"\n" not in buffer:  # wait until the child has opened the vault
            chunk = os.read(read_end, 4096)
            if not chunk:
                break
            buffer += chunk
        time.sleep(rnd.uniform(0, window))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_end, 65536):
            buffer += chunk
        os.close(read_end)
        lines = buffer.decode().splitlines()
        for line in lines:
            word = line.split()
            if line.startswith("ACK save "):
                saved.add(word[2])
                counts["saves acknowledged"] += 1
            elif line.startswith("ACK delete "):
                deleted.add(word[2])
                saved.discard(word[2])
                counts["deletes acknowledged"] += 1
            elif line.startswith("ACK passphrase "):
                generation = newest = int(word[2])
                counts["passphrase changes acknowledged"] += 1
                counts["passphrase changes with a backup left on the old one"] += word[3] != "0"
            elif line.startswith("START passphrase"):
                newest = max(newest, generation + 1)
            elif line.startswith("ERROR"):
                problems.append(f"run {run}: {line}")
        counts["runs"] += 1
        if lines and lines[-1].startswith("START"):
            counts[f"killed mid-{lines[-1].split()[1]}"] += 1

        # -- the next start, as the user meets it ---------------------------------------------
        with InstanceLock.acquire(folder) as lock:  # type: ignore[union-attr]
            assert lock is not None
            if leftovers(folder):
                counts["temp files after the next start"] += 1
                problems.append(f"run {run}: temp files {leftovers(folder)}")
            store, opened, said = open_any(folder, generation, newest)
            if store is None:
                counts["unopenable vaults"] += 1
                problems.append(f"run {run}: the vault does not open ({said})")
                break
            if opened != generation:
                counts["opened with the new passphrase of a cut-off change"] += 1
                if said != "other_passphrase":
                    counts["... of which the old passphrase was offered no backup"] += 1
                generation = newest = opened
            ids = {s.id for s in store.query()}
            if lines and lines[-1].startswith("START delete "):  # cut off: done or not, both fine
                victim = lines[-1].split()[2]
                if victim not in ids:
                    saved.discard(victim)
                    deleted.add(victim)
            lost = saved - ids
            back = deleted & ids
            if lost:
                counts["acknowledged saves lost"] += len(lost)
                problems.append(f"run {run}: lost {len(lost)}")
            if back:
                counts["acknowledged deletes undone"] += len(back)
                problems.append(f"run {run}: deleted notes back {len(back)}")
            for name, held in backup_ids(store, newest):
                counts["backups checked"] += 1
                if held is None:
                    counts["unreadable backups"] += 1
                    problems.append(f"run {run}: {name} does not open")
                elif held - ids:
                    counts["backups holding a note the vault no longer has"] += 1
                    problems.append(f"run {run}: {name} holds {len(held - ids)} deleted")
            store.lock()
    print(json.dumps({"counts": dict(counts), "problems": problems[:50]}))


if __name__ == "__main__":
    main()
