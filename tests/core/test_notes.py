"""The notes store as a teacher uses it: save, find, filter, keep only as long as needed, erase."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docentwijzer.handoff import NoteDraft
from docentwijzer.notes import Note, NoteQuery, add_months, fold, refuse_core_dumps
from docentwijzer.vault import VaultError
from tests.core.notes_support import PASSPHRASE, make_store, new_store

TODAY = date(2026, 5, 20)


def test_save_update_and_read_back_after_locking(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    note = store.save(
        Note(
            pseudonym="AB",
            note_date=date(2026, 5, 1),
            observed="Kwam drie keer te laat, oogde moe.",
            done="Na de les kort gesproken; studentendecaan genoemd.",
            follow_up=date(2026, 5, 15),
            text="Vroeg zelf om een vervolggesprek.",
            tags=["verzuim", "gesprek"],
        )
    )
    changed = store.save(note.model_copy(update={"done": "Doorverwezen naar de decaan."}))
    assert changed.created == note.created and changed.updated >= note.updated
    assert store.count() == 1
    store.lock()
    with pytest.raises(VaultError):
        store.get(note.id)
    store.unlock(PASSPHRASE)
    assert store.get(note.id) == changed


def test_a_lone_surrogate_is_stored_as_a_replacement_character(tmp_path: Path) -> None:
    """Half a character pasted from a broken source cannot be stored as UTF-8; saving raised
    an uncaught UnicodeEncodeError. It becomes U+FFFD, and what is shown is what is stored."""
    store = new_store(tmp_path)
    note = store.save(
        Note(pseudonym="S\ud800", observed="kapot \udc00 geplakt", tags=["x\ud83d"], text="😀")
    )
    assert note.pseudonym == "S\ufffd" and note.observed == "kapot \ufffd geplakt"
    assert note.tags == ["x\ufffd"] and note.text == "😀"
    store.lock()
    store.unlock(PASSPHRASE)
    assert store.get(note.id) == note
    assert [s.pseudonym for s in store.query()] == ["S\ufffd"]


def test_list_is_newest_first_and_can_be_grouped_by_pseudonym(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    for pseudonym, day in [("CD", 3), ("ab", 5), ("AB", 1), ("CD", 9)]:
        store.save(Note(pseudonym=pseudonym, note_date=date(2026, 4, day)))
    newest = store.query()
    assert [(s.pseudonym, s.note_date.day) for s in newest] == [
        ("CD", 9),
        ("ab", 5),
        ("CD", 3),
        ("AB", 1),
    ]
    grouped = store.query(NoteQuery(group_by_pseudonym=True))
    assert [(s.pseudonym, s.note_date.day) for s in grouped] == [
        ("AB", 1),
        ("ab", 5),
        ("CD", 9),
        ("CD", 3),
    ]
    assert store.pseudonyms() == ["AB", "ab", "CD"]


def test_search_ignores_case_and_accents_and_needs_every_word(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    a = store.save(Note(pseudonym="S-12", observed="Één keer huilend op de gang", tags=["Zorg"]))
    b = store.save(Note(pseudonym="T-3", done="Gesprek over REÏNTEGRATIE", text="planning"))
    c = store.save(Note(pseudonym="Ölaf", text="Niets bijzonders"))

    def found(text: str) -> set[str]:
        return {s.id for s in store.query(NoteQuery(text=text))}

    assert found("een") == {a.id}
    assert found("HUILEND gang") == {a.id}
    assert found("huilend planning") == set()
    assert found("reintegratie") == {b.id}
    assert found("zorg") == {a.id}  # tags are searched
    assert found("s-12") == {a.id}  # and pseudonyms
    assert found("olaf") == {c.id}
    assert found("") == {a.id, b.id, c.id}
    assert fold("ĲSSEL Straße") == "ijssel strasse"


def test_filters_pseudonym_tag_follow_up_and_retention(tmp_path: Path) -> None:
    clock = {"now": datetime(2025, 3, 1, 10, 0)}
    store = new_store(tmp_path, today=lambda: TODAY, now=lambda: clock["now"])
    old = store.save(Note(pseudonym="AB", tags=["stress"], follow_up=TODAY))
    clock["now"] = datetime(2025, 7, 1, 10, 0)
    recent_due = store.save(Note(pseudonym="CD", follow_up=TODAY - timedelta(days=3)))
    clock["now"] = datetime(2026, 5, 19, 10, 0)
    future = store.save(Note(pseudonym="AB", tags=["planning"], follow_up=TODAY + timedelta(1)))

    def ids(**kwargs: object) -> set[str]:
        return {s.id for s in store.query(NoteQuery(**kwargs))}  # type: ignore[arg-type]

    assert ids(pseudonym="AB") == {old.id, future.id}
    assert ids(tag="stress") == {old.id}
    assert store.tags() == ["planning", "stress"]
    assert ids(follow_up_due=True) == {old.id, recent_due.id}  # today counts, tomorrow not
    assert store.retention_cutoff() == date(2025, 5, 20)
    assert ids(past_retention=True) == {old.id}
    assert store.retention_date(store.query(NoteQuery(pseudonym="CD"))[0]) == date(2026, 7, 1)
    store.retention_months = 6
    assert ids(past_retention=True) == {old.id, recent_due.id}
    assert ids(pseudonym="AB", follow_up_due=True) == {old.id}
    assert [s.id for s in store.due_follow_ups()] == [recent_due.id, old.id]


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 31), -13) == date(2025, 2, 28)
    assert add_months(date(2026, 12, 5), 1) == date(2027, 1, 5)


def test_delete_one_a_pseudonym_and_everything(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    keep = store.save(Note(pseudonym="KEEP"))
    gone = [store.save(Note(pseudonym="GONE")) for _ in range(3)]
    assert store.delete([gone[0].id]) == 1
    assert store.get(gone[0].id) is None
    assert store.delete_pseudonym("GONE") == 2
    assert store.pseudonyms() == ["KEEP"]
    store.lock()
    store.unlock(PASSPHRASE)
    assert [s.id for s in store.query()] == [keep.id]
    store.destroy()
    assert store.state == "new"
    assert list(tmp_path.iterdir()) == []


def test_a_draft_becomes_a_note_and_a_second_save_updates_it() -> None:
    draft = NoteDraft(
        pseudonym="XY",
        observed="Signalen: terugtrekken",
        tags=["checklist", "checklist"],
        origin="checklist",
        link={"checklist": {"signals": ["a"]}},
    )
    note = Note.from_draft(draft, today=TODAY)
    assert (note.pseudonym, note.note_date, note.tags, note.link_kind) == (
        "XY",
        TODAY,
        ["checklist"],
        "checklist",
    )
    edited = note.model_copy(update={"text": "Mijn eigen aanvulling"})
    again = NoteDraft(
        pseudonym="XY",
        observed="Signalen: terugtrekken, verzuim",
        tags=["verzuim"],
        link={"checklist": {"signals": ["a", "b"]}},
        note_id=note.id,
    )
    merged = edited.merged_with(again)
    assert merged.id == note.id
    assert merged.observed == "Signalen: terugtrekken, verzuim"
    assert merged.text == "Mijn eigen aanvulling"  # the teacher's text is kept
    assert merged.tags == ["checklist", "verzuim"]
    assert merged.link == {"checklist": {"signals": ["a", "b"]}}


# -- a deleted note leaves no trace -------------------------------------------------------------

MARKER_SCRIPT = r"""
import sys
from pathlib import Path
from docentwijzer.notes import Note
from tests.core.notes_support import new_store

marker = sys.argv[1]
store = new_store(Path(sys.argv[2]))
for i in range(3):
    store.save(Note(pseudonym=f"P{i}", observed=f"gewoon {i}"))
secret = store.save(Note(pseudonym=marker, observed=marker, text=marker * 50, tags=[marker]))
for i in range(3):
    store.save(Note(pseudonym=f"Q{i}", observed=f"daarna {i}"))
store.delete([secret.id])
store.save(Note(pseudonym="R", observed="nog een"))
store.lock()
print("done")
"""


def encodings(marker: str) -> list[bytes]:
    return [marker.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le")]


def test_a_deleted_marker_appears_nowhere_in_the_data_or_temp_folder(tmp_path: Path) -> None:
    marker = "MRKR-Zwölf-" + os.urandom(6).hex()
    data, temp = tmp_path / "data", tmp_path / "tmp"
    data.mkdir()
    temp.mkdir()
    env = dict(os.environ, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    result = subprocess.run(
        [sys.executable, "-c", MARKER_SCRIPT, marker, str(data)],
        env=env,
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "done", result.stderr
    files = [p for folder in (data, temp) for p in folder.rglob("*") if p.is_file()]
    assert len(files) >= 3  # the vault and its backups
    for path in files:
        raw = path.read_bytes()
        for needle in encodings(marker):
            assert needle not in raw, path
    # Not even inside the encrypted files: the backups were replaced when the note was deleted.
    store = make_store(data)
    for source in store.vault.files():
        payload = store.vault.open(PASSPHRASE, source)
        for needle in encodings(marker):
            assert needle not in payload, source.name
        assert b"daarna 2" in payload  # the check does find text that is there


# -- any text survives --------------------------------------------------------------------------

ANY_TEXT = st.text(max_size=300) | st.text(
    alphabet=st.characters(codec="utf-8", categories=["Cc", "Zs", "Lo", "So", "Mn"]), max_size=50
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pseudonym=ANY_TEXT,
    observed=ANY_TEXT,
    text=st.one_of(
        ANY_TEXT, st.builds(lambda s, n: s * n, st.text(min_size=1), st.integers(1, 30_000))
    ),
    tags=st.lists(ANY_TEXT, max_size=5),
)
def test_any_unicode_round_trips_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    pseudonym: str,
    observed: str,
    text: str,
    tags: list[str],
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    store = new_store(folder)
    note = store.save(Note(pseudonym=pseudonym, observed=observed, text=text, tags=tags))
    store.lock()
    store.unlock(PASSPHRASE)
    assert store.get(note.id) == note
    assert [s.id for s in store.query(NoteQuery(pseudonym=pseudonym))] == [note.id]
    store.lock()


def test_save_many_writes_once_and_everything_is_findable(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    assert store.save_many(Note(pseudonym=f"P{i % 3}", observed=f"regel {i}") for i in range(50))
    store.lock()
    store.unlock(PASSPHRASE)
    assert store.count() == 50
    assert len(store.query(NoteQuery(text="regel 4"))) == 14  # each word anywhere: 4, 14, .., 49
    assert store.pseudonyms() == ["P0", "P1", "P2"]


def test_opening_the_notes_turns_core_dumps_off(tmp_path: Path) -> None:
    """A crash with the notes open must not write their plaintext (and key) to a core file."""
    new_store(tmp_path)
    if os.name == "posix":
        import resource

        assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    else:  # Windows has no per-process limit; docs/privacy.md says so
        assert not refuse_core_dumps()


# -- two stores on one data folder (two copies of the app) --------------------------------------


def test_two_stores_on_one_folder_never_lose_an_acknowledged_save(tmp_path: Path) -> None:
    """Issue: start the app twice, save in A, then in B: A's notes were gone (5 of 5)."""
    a = new_store(tmp_path)
    b = make_store(tmp_path)
    b.unlock(PASSPHRASE)
    from_a = [a.save(Note(pseudonym=f"A{i}")) for i in range(5)]
    with pytest.raises(VaultError) as caught:
        b.save(Note(pseudonym="B0"))
    assert caught.value.kind == "changed_reloaded"
    assert "niet opgeslagen" in str(caught.value) and "niets overschreven" in str(caught.value)
    # B now shows what is on disk, and saving again keeps A's notes.
    assert {s.id for s in b.query()} == {n.id for n in from_a}
    again = b.save(Note(pseudonym="B0"))
    fresh = make_store(tmp_path)
    fresh.unlock(PASSPHRASE)
    assert {s.id for s in fresh.query()} == {n.id for n in from_a} | {again.id}
    # And now A is the one behind: its delete is refused, nothing is removed.
    with pytest.raises(VaultError) as caught:
        a.delete([from_a[0].id])
    assert caught.value.kind == "changed_reloaded"
    assert a.count() == 6
    assert a.delete([from_a[0].id]) == 1
    fresh.lock()
    fresh.unlock(PASSPHRASE)
    assert fresh.count() == 5


def test_a_store_behind_a_passphrase_change_refuses_and_keeps_the_file(tmp_path: Path) -> None:
    a = new_store(tmp_path)
    a.save(Note(pseudonym="A0"))
    b = make_store(tmp_path)
    b.unlock(PASSPHRASE)
    a.change_passphrase(PASSPHRASE, "een andere lange zin")
    before = a.vault.path.read_bytes()
    for attempt in range(2):  # and again: still refused, never written
        with pytest.raises(VaultError) as caught:
            b.save(Note(pseudonym=f"B{attempt}"))
        assert caught.value.kind == "changed_locked"
        assert "vergrendel" in str(caught.value)
    with pytest.raises(VaultError):
        b.change_passphrase(PASSPHRASE, "nog een andere zin")
    assert a.vault.path.read_bytes() == before
    b.lock()
    b.unlock("een andere lange zin")
    assert [s.pseudonym for s in b.query()] == ["A0"]


def test_an_older_database_is_migrated_step_by_step_when_it_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mechanism every schema change uses: one step per version, in order."""
    from docentwijzer import notes as notes_module

    store = new_store(tmp_path)
    kept = store.save(Note(pseudonym="AB", observed="voor de migratie"))
    store.lock()
    now = notes_module.SCHEMA_VERSION

    def add_table(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE extra (id TEXT PRIMARY KEY, due TEXT)")

    def add_index(db: sqlite3.Connection) -> None:
        db.executescript("ALTER TABLE extra ADD COLUMN x TEXT; CREATE INDEX e ON extra (due);")

    monkeypatch.setattr(notes_module, "SCHEMA_VERSION", now + 2)
    monkeypatch.setattr(
        notes_module, "MIGRATIONS", {**notes_module.MIGRATIONS, now: add_table, now + 1: add_index}
    )
    store.unlock(PASSPHRASE)
    assert store.get(kept.id) == kept
    db = store.database()
    assert db.execute("PRAGMA user_version").fetchone() == (now + 2,)
    db.execute("INSERT INTO extra VALUES ('c1', '2026-06-01', NULL)")
    store.save(Note(pseudonym="CD"))  # the next change writes the new schema
    store.lock()
    store.unlock(PASSPHRASE)
    assert store.database().execute("SELECT due FROM extra").fetchall() == [("2026-06-01",)]


def test_a_failing_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docentwijzer import notes as notes_module

    store = new_store(tmp_path)
    store.save(Note(pseudonym="AB"))
    store.lock()
    before = store.vault.path.read_bytes()
    now = notes_module.SCHEMA_VERSION

    def broken(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE nothing ADD COLUMN x")

    monkeypatch.setattr(notes_module, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(notes_module, "MIGRATIONS", {**notes_module.MIGRATIONS, now: broken})
    with pytest.raises(VaultError) as caught:
        store.unlock(PASSPHRASE)
    assert caught.value.kind == "damaged" and not store.is_open
    assert store.vault.path.read_bytes() == before
