"""Shared by the notes tests: cheap key derivation (tests only) and a store in a folder."""

from __future__ import annotations

from pathlib import Path

from docentwijzer.notes import VAULT_NAME, NotesStore
from docentwijzer.vault import KdfParams, Vault

#: Cheap Argon2id for tests only; production uses vault.PRODUCTION_KDF.
TEST_KDF = KdfParams(memory_kib=64, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery"


def make_store(folder: Path, **kwargs: object) -> NotesStore:
    return NotesStore(Vault(folder / VAULT_NAME, kdf=TEST_KDF), **kwargs)  # type: ignore[arg-type]


def new_store(folder: Path, **kwargs: object) -> NotesStore:
    store = make_store(folder, **kwargs)
    store.setup(PASSPHRASE)
    return store


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "tmp" in p.name)
