"""Private notes about a student known only by a pseudonym: model, store, search, retention.

The notes live in an SQLite database opened in memory (``temp_store=MEMORY``, so no journal
or temp file ever holds plaintext on disk). Every change is committed, serialised with
``Connection.serialize()`` and written through the encrypted :class:`~docentwijzer.vault.Vault`.
If that write fails the in-memory database is put back as it was, so what the teacher sees
always matches what is on disk.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field

from docentwijzer import paths
from docentwijzer.handoff import REOPEN_AREAS, NoteDraft, NoteFields
from docentwijzer.vault import KdfParams, Vault, VaultError, vault_error

#: The database schema inside the vault (``PRAGMA user_version``). To change it: change
#: ``_SCHEMA``/``_CHECKINS`` (new vaults) *and* add a step to :data:`MIGRATIONS` (existing
#: ones), then raise this number. A vault from a newer version is refused, never written.
SCHEMA_VERSION = 2
VAULT_NAME = "notities.dwvault"
#: Changes the store makes inside the same write as a note (check-ins, see checkins.py).
Also = Callable[[sqlite3.Connection], None]

_SCHEMA = """
CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    pseudonym TEXT NOT NULL,
    note_date TEXT NOT NULL,
    observed TEXT NOT NULL,
    done TEXT NOT NULL,
    follow_up TEXT,
    text TEXT NOT NULL,
    tags TEXT NOT NULL,
    origin TEXT NOT NULL,
    link TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX notes_by_date ON notes (note_date DESC, updated DESC);
CREATE INDEX notes_by_pseudonym ON notes (pseudonym);
"""
#: Version 2: check-ins, one or more planned per note (docentwijzer/checkins.py). A note's
#: ``follow_up`` is from now on the date of its first open check-in. Deleting a note deletes its
#: check-ins (a trigger: ``INSERT OR REPLACE`` of the note does not fire it, so saving a note
#: again keeps them).
_CHECKINS = """
CREATE TABLE checkins (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL,
    due TEXT NOT NULL,
    ask TEXT NOT NULL,
    leaf TEXT,
    created TEXT NOT NULL,
    outcome TEXT,
    outcome_note TEXT NOT NULL,
    done_on TEXT
);
CREATE INDEX checkins_open ON checkins (due) WHERE outcome IS NULL;
CREATE INDEX checkins_by_note ON checkins (note_id);
CREATE INDEX checkins_done ON checkins (done_on, leaf, outcome) WHERE outcome IS NOT NULL;
CREATE INDEX notes_route_leaf ON notes (note_date, json_extract(link, '$.route.path[#-1]'));
CREATE TRIGGER notes_delete_checkins AFTER DELETE ON notes
BEGIN
    DELETE FROM checkins WHERE note_id = old.id;
END;
"""
#: A version-1 note's follow-up date becomes its first check-in (the route's leaf kept, so
#: the next step can be offered; the question left empty: the leaf's own text is shown).
_FOLLOW_UPS_TO_CHECKINS = """
INSERT INTO checkins (id, note_id, due, ask, leaf, created, outcome, outcome_note, done_on)
SELECT lower(hex(randomblob(16))), id, follow_up, '',
       json_extract(link, '$.route.path[#-1]'), updated, NULL, '', NULL
FROM notes WHERE follow_up IS NOT NULL
"""


def _add_checkins(db: sqlite3.Connection) -> None:
    db.executescript(_CHECKINS)
    db.execute(_FOLLOW_UPS_TO_CHECKINS)


#: ``{from_version: step}``: how a database of ``from_version`` becomes ``from_version + 1``.
#: Never edit a step that has shipped; add a new one (and raise :data:`SCHEMA_VERSION`).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _add_checkins}


def _migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring a database of an older ``version`` up to :data:`SCHEMA_VERSION`, one step at a
    time. In memory only: it is written with the next change, and if a step fails the store
    refuses to open and nothing is written."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](db)
        version += 1
        db.execute(f"PRAGMA user_version = {version}")
    db.commit()


_COLUMNS = (
    "id, pseudonym, note_date, observed, done, follow_up, text, tags, origin, link, "
    "created, updated"
)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def vault_path() -> Path:
    return paths.data_dir() / VAULT_NAME


def fold(text: str) -> str:
    """Search form: case and accents ignored, so 'een' finds 'één' and 'Ö' finds 'o'.

    Only the combining marks of Latin, Greek and Cyrillic are dropped; in scripts where such
    marks carry meaning (Devanagari vowel signs, Arabic harakat) they stay.
    """
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


_EMAIL = re.compile(r"\S+@\S+")
_NUMBER = re.compile(r"\d{6,}")


def pseudonym_problem(pseudonym: str) -> str | None:
    """Why this is not a good pseudonym (``empty``, ``email``, ``number``), or None.

    The app never asks for a name, student number or e-mail address: a pseudonym keeps the
    note about someone no reader can recognise.
    """
    text = pseudonym.strip()
    if not text:
        return "empty"
    if _EMAIL.search(text):
        return "email"
    if _NUMBER.search(text):
        return "number"
    return None


class Note(NoteFields):
    """One dated record: what the teacher saw and did, about a pseudonym, never a diagnosis."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    pseudonym: str
    note_date: date = Field(default_factory=date.today)
    created: datetime = Field(default_factory=datetime.now)
    updated: datetime = Field(default_factory=datetime.now)

    @property
    def link_kind(self) -> str | None:
        return next((kind for kind in self.link if kind in REOPEN_AREAS), None)

    @classmethod
    def from_draft(cls, draft: NoteDraft, today: date | None = None) -> Note:
        return cls(
            pseudonym=draft.pseudonym or "",
            note_date=today or date.today(),
            observed=draft.observed,
            done=draft.done,
            follow_up=draft.follow_up,
            text=draft.text,
            tags=list(dict.fromkeys(draft.tags)),
            origin=draft.origin,
            link=dict(draft.link),
        )

    def merged_with(self, draft: NoteDraft) -> Note:
        """This note updated by a tool that saved again: its new result, the teacher's text kept
        where the tool sends nothing."""
        return self.model_copy(
            update={
                "pseudonym": draft.pseudonym or self.pseudonym,
                "observed": draft.observed or self.observed,
                "done": draft.done or self.done,
                "follow_up": draft.follow_up or self.follow_up,
                "text": draft.text or self.text,
                "tags": list(dict.fromkeys([*self.tags, *draft.tags])),
                "link": dict(draft.link) or self.link,
            }
        )

    def haystack(self) -> str:
        return fold("\n".join([self.pseudonym, self.observed, self.done, self.text, *self.tags]))


@dataclass(frozen=True, slots=True)
class NoteSummary:
    """One row of the list: enough to show and filter, not the whole note."""

    id: str
    pseudonym: str
    note_date: date
    follow_up: date | None
    updated: datetime
    tags: tuple[str, ...]
    link_kind: str | None
    preview: str


@dataclass(frozen=True)
class NoteQuery:
    text: str = ""
    pseudonym: str | None = None
    tag: str | None = None
    follow_up_due: bool = False
    past_retention: bool = False
    group_by_pseudonym: bool = False


def _preview(*texts: str) -> str:
    for text in texts:
        line = text.strip().split("\n", 1)[0].strip()
        if line:
            return line[:160]
    return ""


@dataclass(slots=True)
class _Entry:
    """What search and filters need of one note, kept in memory while the store is open."""

    summary: NoteSummary
    haystack: str
    #: newest first: negated ordinal of the date, then of the last change
    order: tuple[int, float]

    @classmethod
    def of(cls, note: Note) -> _Entry:
        summary = NoteSummary(
            id=note.id,
            pseudonym=note.pseudonym,
            note_date=note.note_date,
            follow_up=note.follow_up,
            updated=note.updated,
            tags=tuple(note.tags),
            link_kind=note.link_kind,
            preview=_preview(note.observed, note.done, note.text),
        )
        order = (-note.note_date.toordinal(), -note.updated.timestamp())
        return cls(summary, note.haystack(), order)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: Any) -> Any:
    """``value`` with lone surrogates (half a character, pasted from a broken source: they
    cannot be stored as UTF-8) replaced by U+FFFD; a valid pair becomes its character."""
    if isinstance(value, str):
        if not _SURROGATE.search(value):
            return value
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if isinstance(value, list):
        return [_text(item) for item in value]
    if isinstance(value, dict):
        return {_text(key): _text(item) for key, item in value.items()}
    return value


def _storable(note: Note) -> Note:
    """``note`` as it can be stored (and is then shown): see :func:`_text`."""
    data = note.model_dump()
    cleaned = _text(data)
    return note if cleaned == data else Note.model_validate(cleaned)


def _note(row: Sequence[Any]) -> Note:
    return Note(
        id=row[0],
        pseudonym=row[1],
        note_date=date.fromisoformat(row[2]),
        observed=row[3],
        done=row[4],
        follow_up=date.fromisoformat(row[5]) if row[5] else None,
        text=row[6],
        tags=json.loads(row[7]),
        origin=row[8],
        link=json.loads(row[9]),
        created=datetime.fromisoformat(row[10]),
        updated=datetime.fromisoformat(row[11]),
    )


def _row(note: Note) -> tuple[object, ...]:
    return (
        note.id,
        note.pseudonym,
        note.note_date.isoformat(),
        note.observed,
        note.done,
        note.follow_up.isoformat() if note.follow_up else None,
        note.text,
        json.dumps(note.tags, ensure_ascii=False),
        note.origin,
        json.dumps(note.link, ensure_ascii=False, default=str),
        note.created.isoformat(),
        note.updated.isoformat(),
    )


def refuse_core_dumps() -> bool:
    """No core dump of this process from now on (POSIX): a crash while the notes are open
    would otherwise write the plaintext and the key to disk (e.g. systemd-coredump).

    Returns whether the limit is now zero. Windows has no such limit per process.
    """
    try:
        import resource
    except ImportError:
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        return False
    return True


class NotesStore:
    """CRUD, search and filters over the notes in an unlocked vault.

    ``state`` is ``"new"`` (no vault yet: set a passphrase), ``"locked"`` or ``"open"``.
    """

    def __init__(
        self,
        vault: Vault | None = None,
        *,
        kdf: KdfParams | None = None,
        retention_months: int = 12,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        if vault is None:
            vault = Vault(vault_path()) if kdf is None else Vault(vault_path(), kdf=kdf)
        self.vault = vault
        self.retention_months = retention_months
        self._today = today
        self._now = now
        self._db: sqlite3.Connection | None = None
        self._saved: bytes | None = None
        self._index: dict[str, _Entry] = {}
        self._ordered: list[_Entry] | None = None

    # -- locking ------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        if self._db is not None:
            return "open"
        if self.vault.exists() or self.vault.backups():
            return "locked"
        return "new"

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def setup(self, passphrase: str) -> None:
        """Create the vault (first use); never replaces an existing one."""
        db = self._connect()
        db.executescript(_SCHEMA)
        db.executescript(_CHECKINS)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.commit()
        payload = db.serialize()
        try:
            self.vault.create(passphrase, payload)
        except BaseException:
            db.close()
            raise
        self._db, self._saved = db, payload

    def unlock(self, passphrase: str) -> None:
        self._load(self.vault.open(passphrase))

    def restore(self, backup: Path, passphrase: str) -> None:
        """Open a backup after the vault itself could not be read (the vault is kept aside)."""
        self._load(self.vault.restore(backup, passphrase))

    def change_passphrase(self, old: str, new: str) -> list[Path]:
        """New passphrase and data key; the backups are rewritten, so none opens with ``old``.

        Returns the backups that could not be replaced and still open with ``old`` (the user
        must be told which); normally none. On an error nothing changed.
        """
        db = self._require()
        db.commit()
        try:
            return self.vault.change_passphrase(old, new, db.serialize())
        except VaultError as exc:
            if exc.kind == "changed":
                raise self._after_conflict() from exc
            raise

    def lock(self) -> None:
        """Close the database and forget the keys."""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._saved = None
        self._index = {}
        self._ordered = None
        self.vault.lock()

    def _connect(self) -> sqlite3.Connection:
        refuse_core_dumps()
        db = sqlite3.connect(":memory:", check_same_thread=True)
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA secure_delete = ON")
        return db

    def _load(self, payload: bytes) -> None:
        db = self._connect()
        try:
            db.deserialize(payload)
            (version,) = db.execute("PRAGMA user_version").fetchone()
            db.execute("SELECT count(*) FROM notes").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            self.vault.lock()
            raise vault_error("damaged", file=self.vault.path.name) from None
        if version > SCHEMA_VERSION:
            db.close()
            self.vault.lock()
            raise vault_error(
                "newer", file=self.vault.path.name, found=version, supported=SCHEMA_VERSION
            )
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA secure_delete = ON")
        if version < SCHEMA_VERSION:
            try:
                _migrate(db, version)
            except sqlite3.DatabaseError:
                db.close()
                self.vault.lock()
                raise vault_error("damaged", file=self.vault.path.name) from None
            payload = db.serialize()  # a failed write later puts back the migrated state
        self._db, self._saved = db, payload
        self._reindex()

    def _reindex(self) -> None:
        db = self._require()
        self._index = {
            row[0]: _Entry.of(_note(row)) for row in db.execute(f"SELECT {_COLUMNS} FROM notes")
        }
        self._ordered = None

    def _require(self) -> sqlite3.Connection:
        if self._db is None:
            raise vault_error("locked")
        return self._db

    def database(self) -> sqlite3.Connection:
        """The open database, for a module that keeps its own table in the vault (check-ins):
        read from it; change it only through ``save(..., also=...)``."""
        return self._require()

    def today(self) -> date:
        return self._today()

    def _persist(self, *, purge: bool = False) -> None:
        """Write the committed database; on failure put the previous state back and raise."""
        db = self._require()
        db.commit()
        payload = db.serialize()
        try:
            self.vault.write(payload, purge_backups=purge)
        except VaultError as exc:
            if self._saved is not None:
                db.deserialize(self._saved)
                db.execute("PRAGMA secure_delete = ON")
                self._reindex()
            if exc.kind == "changed":
                raise self._after_conflict() from exc
            raise
        self._saved = payload

    def _after_conflict(self) -> VaultError:
        """Another program wrote the vault since it was read: nothing was written. Show what
        is on disk now if this key still opens it; the error says which of the two happened."""
        old = self._db
        try:
            self._load(self.vault.reload())
        except VaultError:  # another passphrase, a newer version: only unlocking again helps
            return vault_error("changed_locked")
        if old is not None and old is not self._db:
            old.close()
        return vault_error("changed_reloaded")

    # -- changing -----------------------------------------------------------------------------

    @staticmethod
    def _also(db: sqlite3.Connection, also: Also | None) -> None:
        if also is None:
            return
        try:
            also(db)
        except BaseException:
            db.rollback()
            raise

    def save(self, note: Note, *, also: Also | None = None) -> Note:
        """Insert or update ``note`` (by id); returns it as stored, with ``updated`` set.

        ``also`` makes further changes (the note's check-ins) in the same write: both are on
        disk, or neither.
        """
        db = self._require()
        stored = _storable(note).model_copy(update={"updated": self._now()})
        exists = db.execute("SELECT created FROM notes WHERE id = ?", (note.id,)).fetchone()
        if exists:
            stored = stored.model_copy(update={"created": datetime.fromisoformat(exists[0])})
        db.execute(
            "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _row(stored),
        )
        self._also(db, also)
        self._persist()
        self._index[stored.id] = _Entry.of(stored)
        self._ordered = None
        return stored

    def save_many(self, notes: Iterable[Note], *, also: Also | None = None) -> int:
        """Insert or update many notes with one write (imports, benchmarks)."""
        db = self._require()
        now = self._now()
        stored = [_storable(note).model_copy(update={"updated": now}) for note in notes]
        db.executemany(
            "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_row(note) for note in stored],
        )
        self._also(db, also)
        self._persist()
        for note in stored:
            self._index[note.id] = _Entry.of(note)
        self._ordered = None
        return len(stored)

    def delete(self, ids: Iterable[str]) -> int:
        """Delete notes; the backups are replaced too, so nothing deleted lingers in them."""
        db = self._require()
        wanted = list(ids)
        removed = 0
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            removed += db.execute(f"DELETE FROM notes WHERE id IN ({marks})", chunk).rowcount
        if removed:
            self._persist(purge=True)
            for note_id in wanted:
                self._index.pop(note_id, None)
            self._ordered = None
        return removed

    def delete_pseudonym(self, pseudonym: str) -> int:
        db = self._require()
        removed = db.execute("DELETE FROM notes WHERE pseudonym = ?", (pseudonym,)).rowcount
        if removed:
            self._persist(purge=True)
            self._index = {k: e for k, e in self._index.items() if e.summary.pseudonym != pseudonym}
            self._ordered = None
        return removed

    def destroy(self) -> None:
        """Delete everything: the vault and its backups are overwritten and removed."""
        self.lock()
        self.vault.destroy()

    # -- reading ------------------------------------------------------------------------------

    def get(self, note_id: str) -> Note | None:
        row = (
            self._require()
            .execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,))
            .fetchone()
        )
        return _note(row) if row else None

    def notes(self, ids: Sequence[str]) -> list[Note]:
        """Full notes in the order of ``ids`` (missing ones skipped)."""
        found: dict[str, Note] = {}
        db = self._require()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in db.execute(f"SELECT {_COLUMNS} FROM notes WHERE id IN ({marks})", chunk):
                found[row[0]] = _note(row)
        return [found[i] for i in ids if i in found]

    def contains_text(self, text: str) -> bool:
        """Whether ``text`` was taken from a note: part of one of its fields, or holding a
        pseudonym (used to empty the clipboard on locking)."""
        db = self._require()
        text = text.replace("\r\n", "\n").strip()
        if not text:
            return False
        found = db.execute(
            "SELECT 1 FROM notes WHERE instr(pseudonym, ?1) OR instr(observed, ?1) "
            "OR instr(done, ?1) OR instr(text, ?1) OR instr(tags, ?1) LIMIT 1",
            (text,),
        ).fetchone()
        if found:
            return True
        return any(len(p) > 1 and p in text for p in self.pseudonyms())

    def count(self) -> int:
        return int(self._require().execute("SELECT count(*) FROM notes").fetchone()[0])

    def retention_cutoff(self) -> date:
        """Notes last changed on or before this day are past their retention period."""
        return add_months(self._today(), -self.retention_months)

    def retention_date(self, note: Note | NoteSummary) -> date:
        return add_months(note.updated.date(), self.retention_months)

    def query(self, query: NoteQuery | None = None) -> list[NoteSummary]:
        """Notes matching every part of ``query``, newest first (or grouped by pseudonym).

        Search and filters run over an in-memory index (built at unlock), so typing stays
        fast with thousands of notes; every word must occur somewhere in the note.
        """
        self._require()
        query = query or NoteQuery()
        entries = self._sorted()
        words = fold(query.text).split()
        if words:
            entries = [e for e in entries if all(w in e.haystack for w in words)]
        if query.pseudonym is not None:
            entries = [e for e in entries if e.summary.pseudonym == query.pseudonym]
        if query.tag is not None:
            entries = [e for e in entries if query.tag in e.summary.tags]
        if query.follow_up_due:
            today = self._today()
            entries = [e for e in entries if e.summary.follow_up and e.summary.follow_up <= today]
        if query.past_retention:
            cutoff = self.retention_cutoff()
            entries = [e for e in entries if e.summary.updated.date() <= cutoff]
        result = [e.summary for e in entries]
        if query.group_by_pseudonym:
            result.sort(key=lambda s: (s.pseudonym.casefold(), s.pseudonym))
        return result

    def _sorted(self) -> list[_Entry]:
        if self._ordered is None:
            self._ordered = sorted(self._index.values(), key=lambda e: e.order)
        return self._ordered

    def due_follow_ups(self) -> list[NoteSummary]:
        return self.query(NoteQuery(follow_up_due=True))

    def past_retention(self) -> list[NoteSummary]:
        return self.query(NoteQuery(past_retention=True))

    def pseudonyms(self) -> list[str]:
        self._require()
        found = {e.summary.pseudonym for e in self._index.values()}
        return sorted(found, key=lambda p: (p.casefold(), p))

    def tags(self) -> list[str]:
        self._require()
        found = {tag for e in self._index.values() for tag in e.summary.tags}
        return sorted(found, key=lambda p: (p.casefold(), p))
