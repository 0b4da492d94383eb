"""The vault file: encrypted, authenticated, atomic, never overwritten when unreadable."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import struct
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from docentwijzer import notes as notes_module
from docentwijzer.notes import Note, NotesStore
from docentwijzer.vault import (
    HEADER_SIZE,
    MAGIC,
    PRODUCTION_KDF,
    KdfParams,
    Vault,
    VaultError,
)
from tests.core.notes_support import PASSPHRASE, TEST_KDF, leftovers, make_store, new_store
from tests.faults import Immutable, inject


def vault_with_history(folder: Path) -> tuple[NotesStore, list[Note]]:
    """A vault saved four times: so there are backups to fall back on."""
    store = new_store(folder)
    saved = [store.save(Note(pseudonym=f"P{i}", observed=f"gezien {i}")) for i in range(4)]
    return store, saved


def ids_in(folder: Path, source: Path | None = None) -> set[str]:
    store = make_store(folder)
    if source is None:
        store.unlock(PASSPHRASE)
    else:
        store._load(store.vault.open(PASSPHRASE, source))
    return {s.id for s in store.query()}


# -- round trip and crypto ---------------------------------------------------------------------


def test_round_trip_and_nothing_readable_on_disk(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    note = store.save(Note(pseudonym="JD-7", observed="Leek afwezig tijdens werkcollege"))
    store.lock()
    assert store.state == "locked"
    blob = store.vault.path.read_bytes()
    assert blob.startswith(MAGIC)
    assert b"afwezig" not in blob and b"JD-7" not in blob and b"SQLite" not in blob
    store.unlock(PASSPHRASE)
    assert store.get(note.id) == note


def test_every_save_has_a_fresh_nonce_and_the_header_is_authenticated(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "v", kdf=TEST_KDF)
    vault.create(PASSPHRASE, b"payload")
    first = vault.path.read_bytes()
    vault.write(b"payload")
    second = vault.path.read_bytes()
    nonce = slice(HEADER_SIZE - 32 - 12, HEADER_SIZE - 32)
    assert first[nonce] != second[nonce]
    assert first[HEADER_SIZE:] != second[HEADER_SIZE:]
    # An attacker who changes the header and fixes up the digest still fails: it is the AAD.
    tampered = bytearray(second)
    tampered[nonce] = first[nonce]
    digest = hashlib.sha256(bytes(tampered[: HEADER_SIZE - 32])).digest()
    tampered[HEADER_SIZE - 32 : HEADER_SIZE] = digest
    vault.path.write_bytes(bytes(tampered))
    with pytest.raises(VaultError) as caught:
        Vault(vault.path, kdf=TEST_KDF).open(PASSPHRASE)
    assert caught.value.kind == "damaged"


def test_production_key_derivation_is_argon2id_with_at_least_64_mib(tmp_path: Path) -> None:
    assert PRODUCTION_KDF.memory_kib >= 64 * 1024
    assert Vault(tmp_path / "v").kdf == PRODUCTION_KDF
    assert NotesStore().vault.kdf == PRODUCTION_KDF


def test_the_kdf_parameters_travel_in_the_header_and_cheap_ones_are_upgraded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v"
    Vault(path, kdf=TEST_KDF).create(PASSPHRASE, b"x")
    memory, iterations, lanes = struct.unpack_from(">III", path.read_bytes(), 12)
    assert (memory, iterations, lanes) == (64, 1, 1)
    stronger = KdfParams(memory_kib=256, iterations=2, lanes=2)
    vault = Vault(path, kdf=stronger)
    assert vault.open(PASSPHRASE) == b"x"
    vault.write(b"y")
    assert struct.unpack_from(">III", path.read_bytes(), 12) == (256, 2, 2)
    assert Vault(path, kdf=TEST_KDF).open(PASSPHRASE) == b"y"


def test_change_passphrase(tmp_path: Path) -> None:
    store, saved = vault_with_history(tmp_path)
    with pytest.raises(VaultError) as caught:
        store.change_passphrase("not the old one", "a brand new phrase")
    assert caught.value.kind == "passphrase"
    store.change_passphrase(PASSPHRASE, "a brand new phrase")
    store.lock()
    with pytest.raises(VaultError):
        store.unlock(PASSPHRASE)
    store.unlock("a brand new phrase")
    assert {n.id for n in saved} == {s.id for s in store.query()}


def test_after_a_passphrase_change_no_file_opens_with_the_old_one(tmp_path: Path) -> None:
    """Changing a passphrase someone has seen must protect every file, backups included, and
    an old copy (taken before the change) must not yield the key of the new vault."""
    store, saved = vault_with_history(tmp_path)
    old_copy = store.vault.path.read_bytes()
    store.change_passphrase(PASSPHRASE, "a brand new phrase")
    store.lock()
    files = store.vault.files()
    assert len(files) >= 2  # the vault and a backup
    for path in files:
        with pytest.raises(VaultError) as caught:
            make_store(tmp_path).vault.open(PASSPHRASE, path)
        assert caught.value.kind == "passphrase", path.name
        assert make_store(tmp_path).vault.open("a brand new phrase", path)
    # The old copy still opens with the old passphrase (nothing can change that), but its
    # data key no longer decrypts the new vault.
    old = Vault(tmp_path / "old-copy", kdf=TEST_KDF)
    old.path.write_bytes(old_copy)
    old.open(PASSPHRASE)
    assert old._key is not None
    new_blob = store.vault.path.read_bytes()
    with pytest.raises(InvalidTag):
        AESGCM(bytes(old._key)).decrypt(
            new_blob[HEADER_SIZE - 44 : HEADER_SIZE - 32],
            new_blob[HEADER_SIZE:],
            new_blob[:HEADER_SIZE],
        )
    store.unlock("a brand new phrase")
    assert {n.id for n in saved} == {s.id for s in store.query()}


def test_a_passphrase_change_that_cannot_be_written_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The teacher is told the change failed, so the old passphrase must stay the one that
    works, also after the next (successful) save."""
    store, _ = vault_with_history(tmp_path)
    real = os.replace

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(VaultError) as caught:
        store.change_passphrase(PASSPHRASE, "a brand new phrase")
    assert caught.value.kind == "write"
    monkeypatch.setattr(os, "replace", real)
    later = store.save(Note(pseudonym="later"))
    store.lock()
    with pytest.raises(VaultError):
        store.unlock("a brand new phrase")
    store.unlock(PASSPHRASE)
    assert store.get(later.id) is not None


def test_a_short_passphrase_is_refused_and_nothing_written(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    with pytest.raises(VaultError, match="minstens 8"):
        store.setup("kort")
    assert store.state == "new"
    assert list(tmp_path.iterdir()) == []


def test_setup_never_replaces_an_existing_vault_or_backup(tmp_path: Path) -> None:
    store, _ = vault_with_history(tmp_path)
    store.lock()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(VaultError) as caught:
        make_store(tmp_path).setup("another passphrase")
    assert caught.value.kind == "exists"
    store.vault.path.unlink()
    before.pop(store.vault.path.name)
    with pytest.raises(VaultError):
        make_store(tmp_path).setup("another passphrase")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# -- backups -----------------------------------------------------------------------------------


def test_three_rotating_backups_each_one_save_older(tmp_path: Path) -> None:
    store, saved = vault_with_history(tmp_path)
    backups = store.vault.backups()
    assert [p.name for p in backups] == [f"notities.dwvault.bak{i}" for i in (1, 2, 3)]
    all_ids = [n.id for n in saved]
    assert ids_in(tmp_path) == set(all_ids)
    for age, backup in enumerate(backups, start=1):
        assert ids_in(tmp_path, backup) == set(all_ids[: len(all_ids) - age])
    store.save(Note(pseudonym="more"))
    assert len(store.vault.backups()) == 3


# -- unreadable vaults ----------------------------------------------------------------------------


def _truncate(n: int) -> Callable[[bytes], bytes]:
    return lambda blob: blob[:n]


def _flip(offset: int) -> Callable[[bytes], bytes]:
    def flip(blob: bytes) -> bytes:
        data = bytearray(blob)
        data[offset if offset >= 0 else len(data) + offset] ^= 0x04
        return bytes(data)

    return flip


def _newer(blob: bytes) -> bytes:
    data = bytearray(blob)
    data[8:10] = (2).to_bytes(2, "big")
    return bytes(data)


def _foreign_sqlite(_blob: bytes) -> bytes:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (x)")
    return db.serialize()


DAMAGE = {
    "empty": (lambda _b: b"", "damaged"),
    "truncated to 5 bytes": (_truncate(5), "damaged"),
    "truncated in the header": (_truncate(60), "damaged"),
    "truncated after the header": (_truncate(HEADER_SIZE + 3), "damaged"),
    "truncated by one byte": (lambda b: b[:-1], "damaged"),
    "bit flipped in the salt": (_flip(30), "damaged"),
    "bit flipped in the wrapped key": (_flip(70), "damaged"),
    "bit flipped in the body": (_flip(HEADER_SIZE + 200), "damaged"),
    "bit flipped in the tag": (_flip(-1), "damaged"),
    "a PDF": (lambda _b: b"%PDF-1.4\n" + b"x" * 400, "foreign"),
    "an unencrypted SQLite file": (_foreign_sqlite, "foreign"),
    "random bytes": (lambda b: os.urandom(len(b)), "foreign"),
    "a newer format version": (_newer, "newer"),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_unreadable_vault_gives_a_clear_message_is_kept_and_the_backup_restores(
    tmp_path: Path, case: str
) -> None:
    damage, kind = DAMAGE[case]
    store, saved = vault_with_history(tmp_path)
    store.lock()
    path = store.vault.path
    broken = damage(path.read_bytes())
    path.write_bytes(broken)

    reopened = make_store(tmp_path)
    assert reopened.state == "locked"
    with pytest.raises(VaultError) as caught:
        reopened.unlock(PASSPHRASE)
    error = caught.value
    assert error.kind == kind
    assert error.backup_may_help
    assert "notities.dwvault" in str(error) and len(str(error)) > 40
    assert not reopened.is_open
    # Nothing was written: not the vault, not its backups.
    assert path.read_bytes() == broken
    with pytest.raises(VaultError):
        reopened.save(Note(pseudonym="x"))
    assert path.read_bytes() == broken

    backup = reopened.vault.backups()[0]
    reopened.restore(backup, PASSPHRASE)
    assert {s.id for s in reopened.query()} == {n.id for n in saved[:-1]}
    kept = [p for p in tmp_path.iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == broken
    reopened.save(Note(pseudonym="na herstel"))
    reopened.lock()
    reopened.unlock(PASSPHRASE)
    assert reopened.count() == len(saved)


def test_wrong_passphrase_says_so_and_changes_nothing(tmp_path: Path) -> None:
    store, _ = vault_with_history(tmp_path)
    store.lock()
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    with pytest.raises(VaultError) as caught:
        store.unlock("wrong passphrase")
    assert caught.value.kind == "passphrase"
    assert "wachtwoordzin klopt niet" in str(caught.value)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before


def test_a_database_from_a_newer_app_version_is_refused(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    assert store._db is not None
    store._db.execute("PRAGMA user_version = 99")
    store._persist()
    store.lock()
    with pytest.raises(VaultError) as caught:
        store.unlock(PASSPHRASE)
    assert caught.value.kind == "newer"
    assert "nieuwere versie" in str(caught.value)


def test_a_missing_vault_with_backups_offers_them(tmp_path: Path) -> None:
    store, saved = vault_with_history(tmp_path)
    store.lock()
    store.vault.path.unlink()
    assert store.state == "locked"
    with pytest.raises(VaultError) as caught:
        store.unlock(PASSPHRASE)
    assert caught.value.kind == "missing" and caught.value.backup_may_help
    store.restore(store.vault.backups()[0], PASSPHRASE)
    assert store.count() == len(saved) - 1


# -- failing writes ------------------------------------------------------------------------------

FAILING = [(op, k) for op in ("write", "fsync", "replace", "link") for k in range(6)]


@pytest.mark.parametrize(("operation", "at_call"), FAILING)
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_a_failing_write_keeps_the_previous_vault_and_tells_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, operation: str, at_call: int, code: int
) -> None:
    store, saved = vault_with_history(tmp_path)
    big = "Lange observatie. " * 20_000  # several write chunks, so failures hit mid-file
    real = getattr(os, operation)
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == at_call + 1:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, operation, failing)
    try:
        new = store.save(Note(pseudonym="nieuw", text=big))
    except VaultError as exc:
        failed = True
        assert exc.kind == "write"
        assert os.strerror(code) in str(exc) and "ongewijzigd" in str(exc)
        # What the teacher sees matches the disk: the note is not in the list.
        assert {s.id for s in store.query()} == {n.id for n in saved}
    else:
        failed = False
    monkeypatch.setattr(os, operation, real)

    assert leftovers(tmp_path) == []
    on_disk = ids_in(tmp_path)
    if failed:
        assert on_disk == {n.id for n in saved}
    else:  # the failure came after the rename (or the operation was not reached)
        assert on_disk == {n.id for n in saved} | {new.id}
    # The store keeps working once the disk does.
    again = store.save(Note(pseudonym="daarna"))
    assert again.id in ids_in(tmp_path)


def test_failures_were_actually_injected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guard for the test above: the first write, fsync and replace do fail the save."""
    store, _ = vault_with_history(tmp_path)
    for operation in ("write", "fsync", "replace"):
        real = getattr(os, operation)

        def boom(*_a: object, **_k: object) -> object:
            raise OSError(errno.EIO, "I/O error")

        monkeypatch.setattr(os, operation, boom)
        with pytest.raises(VaultError):
            store.save(Note(pseudonym="x"))
        monkeypatch.setattr(os, operation, real)


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = new_store(tmp_path)
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:1000])))
    note = store.save(Note(pseudonym="x", text="y" * 50_000))
    monkeypatch.setattr(os, "write", real)
    store.lock()
    store.unlock(PASSPHRASE)
    assert store.get(note.id) == note


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_without_hard_links_the_backup_copy_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT on a USB stick has no hard links: backup 1 is then a copy, and it was made 0644."""
    store, saved = vault_with_history(tmp_path)

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    old_umask = os.umask(0o022)
    try:
        store.save(Note(pseudonym="op een stick"))
    finally:
        os.umask(old_umask)
    for path in store.vault.files():
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} is readable by others"
    assert ids_in(tmp_path, store.vault.backup_path(1)) == {n.id for n in saved}


# -- erasing -------------------------------------------------------------------------------------


def test_destroy_removes_the_vault_its_backups_and_temp_files(tmp_path: Path) -> None:
    store, _ = vault_with_history(tmp_path)
    (tmp_path / ".notities.dwvault.x.tmp-docentwijzer").write_bytes(b"left over")
    (tmp_path / "other.json").write_text("{}")
    store.destroy()
    assert [p.name for p in tmp_path.iterdir()] == ["other.json"]
    assert store.state == "new"
    assert not store.is_open


def test_destroy_also_removes_an_unreadable_vault_kept_aside_by_a_restore(tmp_path: Path) -> None:
    store, _ = vault_with_history(tmp_path)
    store.lock()
    store.vault.path.write_bytes(store.vault.path.read_bytes()[:100])  # damaged
    store.restore(store.vault.backups()[0], PASSPHRASE)
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name]
    (tmp_path / "other.json").write_text("{}")
    store.destroy()
    assert [p.name for p in tmp_path.iterdir()] == ["other.json"]


def test_destroy_removes_what_it_can_and_names_what_it_cannot_remove(tmp_path: Path) -> None:
    store, _ = vault_with_history(tmp_path)
    immutable = Immutable(names=frozenset({store.vault.path.name}))
    with (
        inject(tmp_path, immutable),
        pytest.raises(VaultError, match="Verwijder deze bestanden zelf") as caught,
    ):
        store.destroy()
    assert caught.value.kind == "remove"
    assert str(store.vault.path) in str(caught.value)
    # The rest is gone; the file left is whole (it still opens), not half overwritten.
    assert [p.name for p in tmp_path.iterdir()] == [store.vault.path.name]
    assert ids_in(tmp_path)


def test_opening_the_vault_leaves_the_temp_files_of_another_copy_alone(tmp_path: Path) -> None:
    """Issue: opening deleted the temp file of another copy of the app in the middle of its
    save. Left-over temp files are removed when the app starts and takes the instance lock
    (tests/core/test_instance.py), when no other copy can be writing."""
    store, _ = vault_with_history(tmp_path)
    store.lock()
    busy = tmp_path / ".notities.dwvault.abc.tmp-docentwijzer"
    busy.write_bytes(b"half a vault, still being written")
    make_store(tmp_path).unlock(PASSPHRASE)
    assert busy.exists()


def test_the_default_vault_lives_in_the_private_data_folder(dw_home: Path) -> None:
    path = notes_module.vault_path()
    assert path.parent == dw_home / "data"
    if os.name == "posix":
        assert path.parent.stat().st_mode & 0o077 == 0


def test_a_passphrase_typed_with_combining_accents_opens_the_same_vault(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "v.dwvault", kdf=TEST_KDF)
    vault.create("geheime crème brûlée", b"payload")  # one character per accent (NFC)
    vault.lock()
    decomposed = unicodedata.normalize("NFD", "geheime crème brûlée")
    assert decomposed != "geheime crème brûlée"
    assert vault.open(decomposed) == b"payload"
