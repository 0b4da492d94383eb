"""The overview on paper: the past year in numbers, and nothing about any student."""

from __future__ import annotations

import errno
import io
import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from docentwijzer import checkins, overview_pdf
from docentwijzer.checkins import CheckIn
from docentwijzer.handoff import SignalContext
from docentwijzer.notes import Note, NotesStore
from docentwijzer.pdf import PdfWriteError
from docentwijzer.tree import Walk, all_paths, note_draft, tree_content
from tests.core.notes_support import new_store

TODAY = date(2026, 5, 20)
SECRETS = ("Zeldzaam-Pseudoniem", "Geheime observatie", "Vraag-op-maat", "Wachtlijst-te-lang")


def filled_store(tmp_path: Path) -> NotesStore:
    tree = tree_content("nl")
    store = new_store(tmp_path, today=lambda: TODAY)
    outcomes = ["succeeded", "succeeded", "partly", "not_succeeded", "declined"]
    for index, leaf in enumerate(["PSYCHISCH", "PSYCHISCH", "STUDIE", "BINDING", "ZELFDODING"]):
        path = next(p for p in all_paths(tree) if p[-1] == leaf)
        draft = note_draft(Walk(tree, path), [], SignalContext(pseudonym=SECRETS[0]), TODAY)
        note = Note.from_draft(draft, today=date(2026, 3, 1)).model_copy(
            update={"observed": SECRETS[1]}
        )
        checkin = CheckIn(due=date(2026, 3, 8), ask=SECRETS[2], leaf=leaf)
        checkins.save_note(store, note, [checkin])
        checkins.record(store, checkin.id, outcomes[index], SECRETS[3], today=date(2026, 3, 8))
    checkins.save_note(store, Note(pseudonym="AB"), [CheckIn(due=date(2026, 5, 1))])
    return store


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_overview_pdf_has_the_numbers_and_no_student_data(tmp_path: Path) -> None:
    store = filled_store(tmp_path)
    overview = checkins.overview(store)
    text = " ".join(text_of(overview_pdf.render_overview(overview, "nl")).split())
    assert "Mijn overzicht" in text
    assert "Het afgelopen jaar: 21-05-2025 tot en met 20-05-2026" in text
    assert "Routes: 5 · Check-ins vastgelegd: 5, waarvan gelukt: 2 · Nog open: 1" in text
    assert "Check-ins per uitkomst" in text and "Routes per uitkomst van de beslisboom" in text
    tree = tree_content("nl")
    for leaf in ("PSYCHISCH", "STUDIE", "BINDING", "ZELFDODING"):
        assert " ".join(tree.leaf(leaf).title.split())[:30] in text
    assert "Zonder route" in text
    for secret in [*SECRETS, "AB"]:
        assert secret not in text


def test_english_overview(tmp_path: Path) -> None:
    overview = checkins.overview(filled_store(tmp_path))
    text = " ".join(text_of(overview_pdf.render_overview(overview, "en")).split())
    assert "My overview" in text and "The past year: 21 May 2025 to 20 May 2026" in text
    assert "Worked out" in text and "Student does not want help (now)" in text


def test_an_empty_year_says_so(tmp_path: Path) -> None:
    store = new_store(tmp_path, today=lambda: TODAY)
    text = text_of(overview_pdf.render_overview(checkins.overview(store), "nl"))
    assert "nog niets te tellen" in " ".join(text.split())


def test_chart_bars_follow_the_counts(tmp_path: Path) -> None:
    overview = checkins.overview(filled_store(tmp_path))
    bars = overview_pdf.outcome_bars(overview, "nl")
    assert [(b.label, b.value) for b in bars] == [
        ("Gelukt", 2),
        ("Deels", 1),
        ("Niet gelukt", 1),
        ("Student wil (nu) niet", 1),
        ("Nog open", 1),
    ]
    routes = overview_pdf.route_bars(overview, tree_content("nl"), "nl")
    assert [b.value for b in routes] == [1, 2, 1, 1]  # tree order: ZELFDODING first


def test_writing_fails_with_a_message_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overview = checkins.overview(filled_store(tmp_path / "notes"))
    target = tmp_path / "out" / overview_pdf.file_name(TODAY, "nl")
    assert target.name == "docentwijzer-overzicht-2026-05-20.pdf"

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real = os.replace
    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(PdfWriteError) as caught:
        overview_pdf.export_overview(target, overview, "nl")
    assert os.strerror(errno.ENOSPC) in str(caught.value)
    assert list(target.parent.iterdir()) == []
    monkeypatch.setattr(os, "replace", real)
    overview_pdf.export_overview(target, overview, "nl")
    assert target.read_bytes().startswith(b"%PDF")
