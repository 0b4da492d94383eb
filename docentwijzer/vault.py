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

Every write goes to a temp file in the same folder, is fsynced and renamed over the vault,
then the folder is fsynced. Before the rename the current vault becomes backup 1 (a hard
link, so rotating costs no copy). A file that cannot be read is never written over.

Python cannot reliably wipe memory: locking drops every reference to the keys (and zeroes the
copy this module owns), but copies inside ``cryptography`` or the allocator may linger until
reused. The plaintext never touches the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from docentwijzer.i18n import t
from docentwijzer.storage import TEMP_SUFFIX, fsync_dir, move_aside, remove_stale_temp_files

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
    ``passphrase``, ``write``, ``exists``, ``locked``, ``remove``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def backup_may_help(self) -> bool:
        return self.kind in ("missing", "unreadable", "damaged", "foreign", "newer")


def vault_error(kind: str, **values: object) -> VaultError:
    text = t(f"notes.vault_{kind}").format(**values) if values else t(f"notes.vault_{kind}")
    return VaultError(kind, text)


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
        try:
            self.write(payload)
        except VaultError:
            self.lock()
            raise

    def open(self, passphrase: str, source: Path | None = None) -> bytes:
        """Decrypt the vault (or one of its backups); keeps the key for later writes."""
        remove_stale_temp_files(self.path.parent)
        source = source or self.path
        try:
            blob = source.read_bytes()
        except FileNotFoundError:
            raise vault_error("missing", file=source.name) from None
        except OSError as exc:
            raise vault_error(
                "unreadable", file=source.name, reason=exc.strerror or str(exc)
            ) from exc
        header, data_nonce, aad, ciphertext = _parse(blob, source.name)
        kek = derive_key(passphrase, header.salt, header.kdf)
        try:
            data_key = AESGCM(kek).decrypt(header.wrap_nonce, header.wrapped_key, header.prefix())
        except InvalidTag:
            raise vault_error("passphrase") from None
        try:
            payload = AESGCM(data_key).decrypt(data_nonce, ciphertext, aad)
        except InvalidTag:
            raise vault_error("damaged", file=source.name) from None
        self._key = bytearray(data_key)
        self._header = header
        if _weaker(header.kdf, self.kdf):
            self._header = _wrap(passphrase, data_key, self.kdf)
        return payload

    def restore(self, backup: Path, passphrase: str) -> bytes:
        """Open ``backup``; the unreadable vault is kept aside and the backup takes its place."""
        payload = self.open(passphrase, backup)
        if self.path.exists():
            move_aside(self.path, "unreadable")
        data = backup.read_bytes()
        self._atomic_write(self.path, data, rotate=False)
        return payload

    def change_passphrase(self, old: str, new: str, payload: bytes) -> None:
        """Check ``old``, then write ``payload`` under a new data key wrapped by ``new``.

        The data key is replaced too, and every backup becomes a copy of the new vault: a file
        copied before the change (or left behind) opens only with the old passphrase and never
        yields the key of the new vault. If the write fails, nothing changes: the old
        passphrase and key stay in use.
        """
        if self._key is None or self._header is None:
            raise vault_error("locked")
        if len(new) < MIN_PASSPHRASE:
            raise VaultError("passphrase", t("notes.passphrase_short", n=MIN_PASSPHRASE))
        kek = derive_key(old, self._header.salt, self._header.kdf)
        try:
            AESGCM(kek).decrypt(
                self._header.wrap_nonce, self._header.wrapped_key, self._header.prefix()
            )
        except InvalidTag:
            raise vault_error("passphrase") from None
        previous = (self._key, self._header)
        data_key = AESGCM.generate_key(bit_length=256)
        self._header = _wrap(new, data_key, self.kdf)
        self._key = bytearray(data_key)
        try:
            self.write(payload, purge_backups=True)
        except BaseException:
            self._key[:] = bytes(len(self._key))
            self._key, self._header = previous
            raise
        old_key = previous[0]
        old_key[:] = bytes(len(old_key))

    # -- writing --------------------------------------------------------------------------------

    def encrypt(self, payload: bytes) -> bytes:
        if self._key is None or self._header is None:
            raise vault_error("locked")
        nonce = os.urandom(_NONCE)
        header = self._header.encode(nonce)
        return header + AESGCM(bytes(self._key)).encrypt(nonce, payload, header)

    def write(self, payload: bytes, *, purge_backups: bool = False) -> None:
        """Encrypt and write atomically; the previous vault becomes backup 1.

        ``purge_backups`` (after a deletion) replaces every backup by a copy of the new
        vault, so deleted notes do not live on in older files.
        """
        blob = self.encrypt(payload)
        try:
            self._atomic_write(self.path, blob, rotate=not purge_backups)
            if purge_backups:
                for index in range(2, self.keep + 1):
                    with contextlib.suppress(FileNotFoundError):
                        _shred(self.backup_path(index))
                if self.keep:
                    self._atomic_write(self.backup_path(1), blob, rotate=False)
        except OSError as exc:
            raise vault_error("write", reason=exc.strerror or str(exc)) from exc

    def _atomic_write(self, target: Path, data: bytes, *, rotate: bool) -> None:
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
        tmp = Path(tmp_name)
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view[:_CHUNK]) :]
                os.fsync(fd)
            finally:
                os.close(fd)
            if rotate:
                self._rotate()
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        # The rename has happened: the new file is what is on disk now, so a failing
        # directory fsync must not make the caller believe the save did not happen.
        with contextlib.suppress(OSError):
            fsync_dir(folder)

    def _rotate(self) -> None:
        """vault -> bak1 -> bak2 ... (oldest dropped), before the new vault replaces it."""
        if self.keep < 1 or not self.path.exists():
            return
        for index in range(self.keep, 1, -1):
            older = self.backup_path(index - 1)
            if older.exists():
                os.replace(older, self.backup_path(index))
        link = self.path.with_name(f".{self.path.name}.bak{os.getpid()}{TEMP_SUFFIX}")
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
        try:
            try:
                os.link(self.path, link)
            except OSError:  # a file system without hard links (FAT on a USB stick)
                shutil.copyfile(self.path, link)
            os.replace(link, self.backup_path(1))
        except BaseException:
            with contextlib.suppress(OSError):
                link.unlink()
            raise

    # -- erasing -------------------------------------------------------------------------------

    def destroy(self) -> None:
        """Remove the vault, its backups and any unreadable vault kept aside, overwriting them
        first; forget the key.

        On SSDs and copy-on-write file systems overwriting is not guaranteed to reach the old
        blocks; what remains there is ciphertext whose key is wrapped by the passphrase.
        """
        self.lock()
        left: list[Path] = []
        for path in [*self.files(), *self.set_aside()]:
            try:
                _shred(path)
            except OSError:
                try:  # could not overwrite (read-only, locked): at least remove it
                    path.unlink(missing_ok=True)
                except OSError:
                    left.append(path)
        remove_stale_temp_files(self.path.parent)
        if left:
            raise vault_error("remove", files=", ".join(str(path) for path in left))


def _weaker(found: KdfParams, wanted: KdfParams) -> bool:
    return found.memory_kib < wanted.memory_kib or found.iterations < wanted.iterations


def _shred(path: Path) -> None:
    """Overwrite with random bytes, fsync, unlink (best effort against casual recovery)."""
    size = path.stat().st_size
    with path.open("r+b", buffering=0) as handle:
        handle.write(os.urandom(size))
        os.fsync(handle.fileno())
    path.unlink()
