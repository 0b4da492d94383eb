"""The encrypted vault file that holds the notes: crypto and file format, nothing else.

Layout (all integers big-endian)::

    magic        8 bytes  b"DWVAULT\\0"
    version      u16      FORMAT_VERSION
    kdf          u8       1 = Argon2id
    reserved     u8       0
    memory_kib   u32      Argon2id memory cost
    iterations   u32      Argon2id time cost
    lanes        u32      Argon2id parallelism
    salt         16 bytes
    wrap_nonce   12 bytes
    wrapped_key  48 bytes AES-256-GCM(passphrase key, data key), AAD = magic .. salt
    data_nonce   12 bytes fresh for every save
    digest       32 bytes SHA-256 of everything above: tells damage from a wrong passphrase
    ciphertext   AES-256-GCM(data key, payload), AAD = the whole header above

A random data key encrypts the payload; the key derived from the passphrase only wraps it.
Changing the passphrase also draws a new data key and rewrites the backups, so no file on disk
still opens with the old passphrase and an old copy never yields the new key.

Writing (the order is what makes "failed" mean "nothing changed"; docs/privacy.md tells it
for readers):

1. The new vault is written to a temp file in the same folder (created 0600) and fsynced.
   Nothing the user can see has changed yet.
2. The vault on disk must still be the file this process last read or wrote (its header, which
   holds a fresh nonce for every write, is compared): otherwise another program changed it and
   the write is refused (``changed``).
3. The backups are renamed, never written in place: a save rotates them (the current vault
   becomes backup 1 by a hard link, or a private fsynced copy where there are none); a delete
   first moves every backup aside, because they hold the deleted note. Each rename is undone
   if a later step fails.
4. The temp file is renamed over the vault: the commit. Before it, a failure undoes step 3 and
   the vault is untouched; after it, the new vault is what is on disk and the write counts.
5. After the commit, best effort only: fsync of the folder, backup 1 re-made after a delete, a
   passphrase change replaces every backup by a copy of the new vault (a backup that cannot be
   replaced is reported by name: it still opens with the old passphrase), and the files moved
   aside are overwritten (when no other name shares them) and removed. A kill leaves them as
   temp files, which the next start removes.

So a kill at any moment leaves a vault that opens with the passphrase of the last completed
change, backups that are whole files, and no deleted note in any backup once the vault no
longer holds it.

Python cannot reliably wipe memory: locking drops every reference to the keys (and zeroes the
copy this module owns), but copies inside ``cryptography`` or the allocator may linger until
reused. The plaintext never touches the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from docentwijzer.i18n import t
from docentwijzer.storage import TEMP_SUFFIX, aside_path, fsync_dir, remove_stale_temp_files

MAGIC = b"DWVAULT\x00"
FORMAT_VERSION = 1
KDF_ARGON2ID = 1
_PREFIX = struct.Struct(">8sHBBIII16s")  # magic .. salt: the AAD of the key wrap
_NONCE = 12
_KEY = 32
_WRAPPED = _KEY + 16
_DIGEST = 32
HEADER_SIZE = _PREFIX.size + _NONCE + _WRAPPED + _NONCE + _DIGEST
_CHUNK = 1 << 16
#: Refuse absurd parameters in a file (a foreign file must not make us allocate gigabytes).
_MAX_MEMORY_KIB = 1 << 20
_MAX_ITERATIONS = 64
_MAX_LANES = 16
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Production uses :data:`PRODUCTION_KDF`; tests pass cheaper ones."""

    memory_kib: int
    iterations: int
    lanes: int


#: 64 MiB, 8 passes, 4 lanes: about half a second on a 2-core build machine (OpenSSL computes
#: the lanes one after another). benchmarks/notes_bench.py prints the time on this machine.
#: Never lower this for tests: they pass their own parameters.
PRODUCTION_KDF = KdfParams(memory_kib=64 * 1024, iterations=8, lanes=4)


class VaultError(Exception):
    """The vault could not be opened or written; ``str()`` is a message for the user.

    ``kind`` is one of ``missing``, ``unreadable``, ``damaged``, ``foreign``, ``newer``,
    ``passphrase``, ``other_passphrase`` (the passphrase opens a backup, not the vault),
    ``write`` (nothing changed; the message says what was being done), ``changed`` (another
    program wrote the vault since it was read; nothing changed), ``exists``, ``locked``,
    ``remove``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        #: the backups to offer, when only some of them help
        self.paths: list[Path] = []

    @property
    def backup_may_help(self) -> bool:
        return self.kind in (
            "missing",
            "unreadable",
            "damaged",
            "foreign",
            "newer",
            "other_passphrase",
        )


def vault_error(kind: str, **values: object) -> VaultError:
    """The error ``kind`` with the message ``notes.vault_<kind>``; a kind ``write_<action>``
    is the kind ``write`` with the message for that action (delete, passphrase, restore)."""
    text = t(f"notes.vault_{kind}").format(**values) if values else t(f"notes.vault_{kind}")
    return VaultError("write" if kind.startswith("write") else kind, text)


@dataclass(frozen=True)
class _Header:
    kdf: KdfParams
    salt: bytes
    wrap_nonce: bytes
    wrapped_key: bytes

    def prefix(self) -> bytes:
        k = self.kdf
        return _PREFIX.pack(
            MAGIC, FORMAT_VERSION, KDF_ARGON2ID, 0, k.memory_kib, k.iterations, k.lanes, self.salt
        )

    def encode(self, data_nonce: bytes) -> bytes:
        head = self.prefix() + self.wrap_nonce + self.wrapped_key + data_nonce
        return head + hashlib.sha256(head).digest()


def _parse(blob: bytes, name: str) -> tuple[_Header, bytes, bytes, bytes]:
    """Split a vault file into header, data nonce, the header bytes (AAD) and ciphertext."""
    if not blob:
        raise vault_error("damaged", file=name)
    if len(blob) < len(MAGIC) + 2 or not blob.startswith(MAGIC):
        if MAGIC.startswith(blob[: len(MAGIC)]):
            raise vault_error("damaged", file=name)  # a truncated vault
        raise vault_error("foreign", file=name)
    (version,) = struct.unpack_from(">H", blob, len(MAGIC))
    if version > FORMAT_VERSION:
        raise vault_error("newer", file=name, found=version, supported=FORMAT_VERSION)
    if len(blob) < HEADER_SIZE + 16:
        raise vault_error("damaged", file=name)
    head = blob[: HEADER_SIZE - _DIGEST]
    if hashlib.sha256(head).digest() != blob[HEADER_SIZE - _DIGEST : HEADER_SIZE]:
        raise vault_error("damaged", file=name)
    _magic, _version, kdf_id, _reserved, memory, iterations, lanes, salt = _PREFIX.unpack_from(blob)
    if (
        kdf_id != KDF_ARGON2ID
        or not 8 <= memory <= _MAX_MEMORY_KIB
        or not 1 <= iterations <= _MAX_ITERATIONS
        or not 1 <= lanes <= _MAX_LANES
        or version < 1
    ):
        raise vault_error("damaged", file=name)
    offset = _PREFIX.size
    wrap_nonce = blob[offset : offset + _NONCE]
    offset += _NONCE
    wrapped = blob[offset : offset + _WRAPPED]
    offset += _WRAPPED
    data_nonce = blob[offset : offset + _NONCE]
    header = _Header(KdfParams(memory, iterations, lanes), salt, wrap_nonce, wrapped)
    return header, data_nonce, blob[:HEADER_SIZE], blob[HEADER_SIZE:]


def derive_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    # NFC: "é" typed as one character (Windows) or as e + accent (macOS) is the same passphrase.
    passphrase = unicodedata.normalize("NFC", passphrase)
    return Argon2id(
        salt=salt,
        length=_KEY,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(passphrase.encode("utf-8"))


def _wrap(passphrase: str, data_key: bytes, kdf: KdfParams) -> _Header:
    salt = os.urandom(16)
    kek = derive_key(passphrase, salt, kdf)
    unwrapped = _Header(kdf, salt, b"", b"")
    nonce = os.urandom(_NONCE)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, unwrapped.prefix())
    return _Header(kdf, salt, nonce, wrapped)


class _Steps:
    """The renames and temp files of one write, so a failure before the commit is undone."""

    def __init__(self) -> None:
        self.moved: list[tuple[Path, Path]] = []
        self.temps: list[Path] = []
        #: old files moved out of the way: overwritten and removed once the write counts
        self.aside: list[Path] = []

    def move(self, source: Path, target: Path) -> None:
        os.replace(source, target)
        self.moved.append((source, target))

    def undo(self) -> None:
        for source, target in reversed(self.moved):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        self.moved.clear()
        for temp in self.temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self.temps.clear()


def _reason(exc: OSError) -> str:
    """``notities.dwvault.bak2: Operation not permitted``: which file, and what the system said."""
    text = exc.strerror or str(exc)
    names = [Path(os.fsdecode(f)).name for f in (exc.filename, exc.filename2) if f]
    files = [name for name in names if not name.endswith(TEMP_SUFFIX)]  # ours, not theirs
    return f"{' → '.join(files)}: {text}" if files else text


class Vault:
    """One encrypted file plus its rotating backups.

    ``kdf`` is the cost used for new or re-wrapped keys; an existing vault opens with the
    parameters in its header (and is re-wrapped with ``kdf`` if those were cheaper).
    """

    def __init__(self, path: Path, *, kdf: KdfParams = PRODUCTION_KDF, backups: int = 3) -> None:
        self.path = path
        self.kdf = kdf
        self.keep = backups
        self._key: bytearray | None = None
        self._header: _Header | None = None
        #: The header of the vault file as this process last read or wrote it: a write
        #: refuses to replace a file whose header differs (another program changed it).
        self._seen: bytes | None = None

    # -- state --------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def exists(self) -> bool:
        return self.path.exists()

    def backup_path(self, index: int) -> Path:
        return self.path.with_name(f"{self.path.name}.bak{index}")

    def backups(self) -> list[Path]:
        """Existing backups, newest first."""
        return [p for i in range(1, self.keep + 1) if (p := self.backup_path(i)).exists()]

    def files(self) -> list[Path]:
        return [p for p in [self.path, *self.backups()] if p.exists()]

    def set_aside(self) -> list[Path]:
        """Unreadable vaults that :meth:`restore` kept aside (``notities.unreadable-….dwvault``)."""
        pattern = f"{self.path.stem}.*{self.path.suffix}" if self.path.suffix else ""
        if not pattern or not self.path.parent.is_dir():
            return []
        return sorted(p for p in self.path.parent.glob(pattern) if p.is_file() and p != self.path)

    def lock(self) -> None:
        """Forget the keys."""
        if self._key is not None:
            self._key[:] = bytes(len(self._key))
        self._key = None
        self._header = None
        self._seen = None

    # -- opening -------------------------------------------------------------------------------

    def create(self, passphrase: str, payload: bytes) -> None:
        """Start a new vault; refuses to replace any existing file."""
        if self.files():
            raise vault_error("exists", file=self.path.name)
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError("passphrase", t("notes.passphrase_short", n=MIN_PASSPHRASE))
        data_key = AESGCM.generate_key(bit_length=256)
        self._header = _wrap(passphrase, data_key, self.kdf)
        self._key = bytearray(data_key)
        self._seen = None
        try:
            self.write(payload)
        except VaultError:
            self.lock()
            raise

    def open(self, passphrase: str, source: Path | None = None) -> bytes:
        """Decrypt the vault (or one of its backups); keeps the key for later writes.

        When the passphrase does not open the vault but does open a backup (a passphrase
        change that was cut off by a crash), the error says so and names that backup.
        """
        source = source or self.path
        blob = _read(source)
        header, data_nonce, aad, ciphertext = _parse(blob, source.name)
        try:
            data_key = _unwrap(passphrase, header)
        except VaultError:
            if source == self.path:
                self._offer_other_backups(passphrase, header)
            raise
        try:
            payload = AESGCM(data_key).decrypt(data_nonce, ciphertext, aad)
        except InvalidTag:
            raise vault_error("damaged", file=source.name) from None
        self._key = bytearray(data_key)
        self._header = header
        if source == self.path:
            self._seen = blob[:HEADER_SIZE]
        if _weaker(header.kdf, self.kdf):
            self._header = _wrap(passphrase, data_key, self.kdf)
        return payload

    def _offer_other_backups(self, passphrase: str, header: _Header) -> None:
        """Raise ``other_passphrase`` if ``passphrase`` opens a backup wrapped differently."""
        found: list[Path] = []
        with contextlib.suppress(OSError):
            for backup in self.backups():
                try:
                    other = _parse(_read(backup), backup.name)[0]
                    if (other.salt, other.wrapped_key) == (header.salt, header.wrapped_key):
                        continue  # the same wrapping: the passphrase cannot open it either
                    _unwrap(passphrase, other)
                except VaultError:
                    continue
                found.append(backup)
        if found:
            error = vault_error("other_passphrase", file=found[0].name)
            error.paths = found
            raise error

    def reload(self) -> bytes:
        """Read the vault again with the key in use (after another program wrote it)."""
        if self._key is None:
            raise vault_error("locked")
        blob = _read(self.path)
        header, data_nonce, aad, ciphertext = _parse(blob, self.path.name)
        try:
            payload = AESGCM(bytes(self._key)).decrypt(data_nonce, ciphertext, aad)
        except InvalidTag:  # a new passphrase and key: only the passphrase opens it now
            raise vault_error("passphrase") from None
        self._header = header
        self._seen = blob[:HEADER_SIZE]
        return payload

    def restore(self, backup: Path, passphrase: str) -> bytes:
        """Open ``backup``; the unreadable vault is kept aside and the backup takes its place.

        A copy of the backup is made first; only then is the vault renamed aside and the copy
        renamed into its place. If either rename fails, the vault is put back: nothing changed.
        """
        payload = self.open(passphrase, backup)
        steps = _Steps()
        try:
            copy = self._link_or_copy(backup, steps)
            header = _read_header(copy)
            if _exists(self.path):
                steps.move(self.path, aside_path(self.path, "unreadable"))
            os.replace(copy, self.path)
        except OSError as exc:
            steps.undo()
            self.lock()
            raise vault_error("write_restore", reason=_reason(exc)) from exc
        self._seen = header
        with contextlib.suppress(OSError):
            fsync_dir(self.path.parent)
        return payload

    def change_passphrase(self, old: str, new: str, payload: bytes) -> list[Path]:
        """Check ``old``, then write ``payload`` under a new data key wrapped by ``new``.

        The data key is replaced too, and every backup becomes a copy of the new vault: a file
        copied before the change (or left behind) opens only with the old passphrase and never
        yields the key of the new vault. If the write fails, nothing changes: the old
        passphrase and key stay in use. Returns the backups that could not be replaced (they
        still open with the old passphrase; the user must be told); normally none.
        """
        if self._key is None or self._header is None:
            raise vault_error("locked")
        if len(new) < MIN_PASSPHRASE:
            raise VaultError("passphrase", t("notes.passphrase_short", n=MIN_PASSPHRASE))
        _unwrap(old, self._header)
        previous = (self._key, self._header)
        data_key = AESGCM.generate_key(bit_length=256)
        self._header = _wrap(new, data_key, self.kdf)
        self._key = bytearray(data_key)
        try:
            left = self._write(self.encrypt(payload), "passphrase")
        except BaseException:
            self._key[:] = bytes(len(self._key))
            self._key, self._header = previous
            raise
        old_key = previous[0]
        old_key[:] = bytes(len(old_key))
        return left

    # -- writing --------------------------------------------------------------------------------

    def encrypt(self, payload: bytes) -> bytes:
        if self._key is None or self._header is None:
            raise vault_error("locked")
        nonce = os.urandom(_NONCE)
        header = self._header.encode(nonce)
        return header + AESGCM(bytes(self._key)).encrypt(nonce, payload, header)

    def write(self, payload: bytes, *, purge_backups: bool = False) -> None:
        """Encrypt and write (see the module docstring for the order); the previous vault
        becomes backup 1.

        ``purge_backups`` (a deletion) replaces every backup by a copy of the new vault, so
        deleted notes do not live on in older files.
        """
        self._write(self.encrypt(payload), "delete" if purge_backups else "save")

    def _write(self, blob: bytes, action: str) -> list[Path]:
        """Write ``blob`` as the vault; ``action`` is ``save``, ``delete`` or ``passphrase``.

        Raises ``changed`` when another program wrote the vault, ``write`` (with a message
        for ``action``) when anything fails before the commit; returns the backups that still
        open with the old passphrase after a passphrase change.
        """
        error_kind = {"save": "write", "delete": "write_delete", "passphrase": "write_passphrase"}
        steps = _Steps()
        try:
            if _read_header(self.path) != self._seen:
                raise vault_error("changed")
            if not _exists(self.path.parent):
                self.path.parent.mkdir(parents=True, exist_ok=True)
            new = self._write_temp(blob, steps)
            if action == "delete":
                self._move_backups_aside(steps)
            else:
                self._rotate(steps)
            os.replace(new, self.path)  # the commit
        except OSError as exc:
            steps.undo()
            raise vault_error(error_kind[action], reason=_reason(exc)) from exc
        except BaseException:
            steps.undo()
            raise
        self._seen = blob[:HEADER_SIZE]
        # From here on the new vault is what is on disk: nothing below may report failure.
        with contextlib.suppress(OSError):
            fsync_dir(self.path.parent)
        left: list[Path] = []
        if action == "passphrase":
            left = self._replace_backups(steps)
        elif action == "delete":
            self._copy_to_backup(steps)
        _discard(steps.aside)
        return left

    def _write_temp(self, data: bytes, steps: _Steps) -> Path:
        """A new private (0600) temp file in the vault's folder holding ``data``, fsynced."""
        fd, name = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=TEMP_SUFFIX, dir=self.path.parent
        )
        temp = Path(name)
        steps.temps.append(temp)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[:_CHUNK]) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        return temp

    def _temp_name(self) -> Path:
        return self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")

    def _link_or_copy(self, source: Path, steps: _Steps) -> Path:
        """A temp name for ``source``'s bytes: a hard link, or (file systems without them,
        FAT on a USB stick) a private fsynced copy."""
        link = self._temp_name()
        try:
            os.link(source, link)
        except OSError:
            return self._write_temp(_read(source, raw=True), steps)
        steps.temps.append(link)
        return link

    def _rotate(self, steps: _Steps) -> None:
        """vault -> bak1 -> bak2 ... (the oldest moved aside), before the commit."""
        if self.keep < 1 or not _exists(self.path):
            return
        oldest = self.backup_path(self.keep)
        if _exists(oldest):
            aside = self._temp_name()
            steps.move(oldest, aside)
            steps.aside.append(aside)
        for index in range(self.keep, 1, -1):
            older = self.backup_path(index - 1)
            if _exists(older):
                steps.move(older, self.backup_path(index))
        steps.move(self._link_or_copy(self.path, steps), self.backup_path(1))

    def _move_backups_aside(self, steps: _Steps) -> None:
        """Every backup out of the way (a delete: they hold the deleted note)."""
        for index in range(1, self.keep + 1):
            backup = self.backup_path(index)
            if _exists(backup):
                aside = self._temp_name()
                steps.move(backup, aside)
                steps.aside.append(aside)

    def _copy_to_backup(self, steps: _Steps) -> None:
        """Backup 1 becomes a copy of the vault just written (best effort: the next save
        makes it anyway)."""
        if self.keep < 1:
            return
        extra = _Steps()
        try:
            os.replace(self._link_or_copy(self.path, extra), self.backup_path(1))
        except OSError:
            extra.undo()

    def _replace_backups(self, steps: _Steps) -> list[Path]:
        """After a passphrase change: every backup becomes a copy of the new vault. Returns
        the ones that could not be moved away (they still open with the old passphrase).

        Backup 1 (the vault as it was, under the old passphrase) goes last, after the older
        ones are overwritten: a crash before then leaves it to be offered to the old
        passphrase."""
        left: list[Path] = []
        for index in range(self.keep, 1, -1):
            backup = self.backup_path(index)
            try:
                if not _exists(backup):
                    continue
                aside = self._temp_name()
                os.replace(backup, aside)
            except OSError:
                left.append(backup)
                continue
            steps.aside.append(aside)
        _discard(steps.aside)
        steps.aside.clear()
        if self.keep < 1:
            return left
        first = self.backup_path(1)
        extra = _Steps()
        try:
            new: Path | None = self._link_or_copy(self.path, extra)
        except OSError:
            new = None
        try:
            if _exists(first):
                aside = self._temp_name()
                os.replace(first, aside)
                steps.aside.append(aside)
        except OSError:
            left.insert(0, first)
        if new is not None and first not in left:
            try:
                os.replace(new, first)
            except OSError:
                extra.undo()
        else:
            extra.undo()
        return left

    # -- erasing -------------------------------------------------------------------------------

    def destroy(self) -> None:
        """Remove the vault, its backups and any unreadable vault kept aside, overwriting them
        first; forget the key.

        Each file is first renamed to a temp name, then overwritten and removed: a file that
        cannot be removed is left whole (and named in the error), never half overwritten.
        On SSDs and copy-on-write file systems overwriting is not guaranteed to reach the old
        blocks; what remains there is ciphertext whose key is wrapped by the passphrase.
        """
        self.lock()
        left: list[Path] = []
        targets = [self.path, *(self.backup_path(i) for i in range(1, self.keep + 1))]
        try:
            targets += self.set_aside()
        except OSError:  # the folder cannot be listed: say so with a pattern
            left.append(self.path.with_name(f"{self.path.stem}.*{self.path.suffix}"))
        moved: list[Path] = []
        for path in targets:
            temp = self._temp_name()
            try:
                os.replace(path, temp)
            except FileNotFoundError:
                continue
            except OSError:
                left.append(path)
                continue
            moved.append(temp)
        for temp in moved:
            with contextlib.suppress(OSError):
                _shred(temp)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            with contextlib.suppress(OSError):
                if os.path.lexists(temp):
                    left.append(temp)
        remove_stale_temp_files(self.path.parent)
        with contextlib.suppress(OSError):
            fsync_dir(self.path.parent)
        if left:
            raise vault_error("remove", files=", ".join(str(path) for path in left))


def _exists(path: Path) -> bool:
    """Like ``Path.exists`` but a failing ``stat`` is an error, not "no"."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    return True


def _read(path: Path, *, raw: bool = False) -> bytes:
    """The whole file; as a :class:`VaultError` unless ``raw`` (then the ``OSError``)."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        if raw:
            raise
        raise vault_error("missing", file=path.name) from None
    except OSError as exc:
        if raw:
            raise
        raise vault_error("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc


def _read_header(path: Path) -> bytes | None:
    """The first bytes of ``path`` (the header, unique to each write), None if it is missing."""
    try:
        with open(path, "rb") as handle:
            return handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return None


def _unwrap(passphrase: str, header: _Header) -> bytes:
    kek = derive_key(passphrase, header.salt, header.kdf)
    try:
        return AESGCM(kek).decrypt(header.wrap_nonce, header.wrapped_key, header.prefix())
    except InvalidTag:
        raise vault_error("passphrase") from None


def _discard(paths: list[Path]) -> None:
    """Overwrite and remove files already renamed to temp names; what fails is left for the
    next start, which removes temp files."""
    for path in paths:
        with contextlib.suppress(OSError):
            _shred(path)
        with contextlib.suppress(OSError):
            os.unlink(path)


def _weaker(found: KdfParams, wanted: KdfParams) -> bool:
    return found.memory_kib < wanted.memory_kib or found.iterations < wanted.iterations


def _shred(path: Path) -> None:
    """Overwrite with random bytes, fsync, unlink (best effort against casual recovery).

    Only ever called on a temp name, and the bytes are overwritten only when no other name
    shares them (a hard link left by a crash between rotating and committing): otherwise the
    other name would turn into random bytes.
    """
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if info.st_nlink == 1:
            remaining = info.st_size
            while remaining > 0:
                remaining -= os.write(fd, os.urandom(min(_CHUNK, remaining)))
            os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(path)
