"""Notes as PDF: clear layout, every required line, any text, progress and cancelling."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from docentwijzer import __version__
from docentwijzer.notes import Note
from docentwijzer.notes_pdf import ExportCancelled, export_notes, render_notes
from docentwijzer.pdf import PdfWriteError
from tests.core.pdf_support import (
    assert_fonts_embedded,
    pdftotext,
    qpdf_check,
)

NOTE = Note(
    pseudonym="ÉL-3",
    note_date=date(2026, 5, 12),
    observed="Oogde afwezig; zei ‘het gaat wel’. Één keer gehuild.",
    done="Na de les gesproken; de studentendecaan genoemd.",
    follow_up=date(2026, 5, 26),
    text="Vroeg zelf om een vervolggesprek.",
    tags=["gesprek", "welzijn"],
    link={"checklist": {"signals": []}},
    updated=datetime(2026, 5, 12, 16, 0),
)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_one_note_has_title_pseudonym_dates_sections_and_the_shared_footer(
    tmp_path: Path,
) -> None:
    target = tmp_path / "note.pdf"
    export_notes(target, [NOTE], "one", pseudonym=NOTE.pseudonym, retention_months=12)
    text = text_of(target)
    for expected in (
        "Notitie over ÉL-3",
        "12 mei 2026 — ÉL-3",
        "Vervolg: 26-05-2026",
        "Laatst gewijzigd: 12-05-2026",
        "Bewaren tot: 12-05-2027",
        "Tags: gesprek, welzijn",
        "Wat zag of hoorde je?",
        "Één keer gehuild",
        "Wat heb je gedaan?",
        "Overige notities",
        "Gemaakt vanuit: Signalering",
        "vertrouwelijk",
        f"DocentWijzer {__version__}",
        "pagina 1 van 1",
        "geen diagnose",
    ):
        assert expected in text, expected
    fonts = {str(f) for p in PdfReader(target).pages for f in p["/Resources"]["/Font"].values()}
    assert fonts


def test_english_export(tmp_path: Path) -> None:
    target = tmp_path / "en.pdf"
    export_notes(target, [NOTE, NOTE], "all", lang="en")
    text = text_of(target)
    assert "All notes" in text and "What did you see or hear?" in text and "12 May 2026" in text


def test_progress_reaches_the_end_and_cancelling_writes_nothing(tmp_path: Path) -> None:
    notes = [NOTE.model_copy(update={"pseudonym": f"P{i}"}) for i in range(30)]
    seen: list[tuple[int, int]] = []
    export_notes(tmp_path / "all.pdf", notes, "all", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] >= 30  # every part of every note
    assert [done for done, _ in seen] == list(range(1, len(seen) + 1))
    assert len(PdfReader(tmp_path / "all.pdf").pages) > 3

    def cancel_after_five() -> bool:
        return len(progress) >= 5

    progress: list[int] = []
    with pytest.raises(ExportCancelled):
        export_notes(
            tmp_path / "stopped.pdf",
            notes,
            "all",
            progress=lambda d, _t: progress.append(d),
            cancelled=cancel_after_five,
        )
    assert not (tmp_path / "stopped.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["all.pdf"]


def test_an_unwritable_location_gives_a_clear_message(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(PdfWriteError, match="kon niet worden opgeslagen"):
        export_notes(blocked / "x.pdf", [NOTE], "one")


ANY = st.text(max_size=400) | st.text(
    alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Lo", "So", "Mn"]),
    max_size=80,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pseudonym=ANY,
    observed=ANY,
    text=st.one_of(ANY, st.builds(lambda s, n: s * n, st.text(min_size=1), st.integers(1, 4000))),
    tags=st.lists(ANY, max_size=4),
)
def test_pdf_export_never_crashes(
    pseudonym: str, observed: str, text: str, tags: list[str]
) -> None:
    note = Note(pseudonym=pseudonym, observed=observed, text=text, tags=tags)
    assert render_notes([note], "one", pseudonym=pseudonym).startswith(b"%PDF")


SENTENCE = "Vroeg zelf om een vervolggesprek over de planning en de herkansingen in blok drie. "


def long_note(size: int, *, lines: bool = True) -> Note:
    """About ``size`` characters of text; a paragraph break every four sentences when ``lines``."""
    parts: list[str] = []
    count = 0
    while count < size:
        part = SENTENCE + ("\n" if lines and len(parts) % 4 == 3 else "")
        parts.append(part)
        count += len(part)
    return NOTE.model_copy(update={"text": "".join(parts)[:size]})


def test_cancelling_takes_effect_while_one_long_note_is_laid_out(tmp_path: Path) -> None:
    """Stop used to take effect only after the whole note was laid out (minutes for 1 MB)."""
    seen: list[tuple[int, int]] = []
    with pytest.raises(ExportCancelled):
        export_notes(
            tmp_path / "lang.pdf",
            [long_note(60_000)],
            "one",
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 3,
        )
    assert len(seen) == 3 and seen[-1][0] < seen[-1][1]  # stopped part-way through the note
    assert list(tmp_path.iterdir()) == []


def test_cancelling_at_the_last_moment_leaves_no_file_and_no_temp_file(tmp_path: Path) -> None:
    """The last check is just before the finished file replaces what is at the target."""
    calls: list[int] = []

    def count() -> bool:
        calls.append(1)
        return False

    export_notes(tmp_path / "probe.pdf", [NOTE], "one", cancelled=count)
    (tmp_path / "probe.pdf").unlink()
    last = len(calls)
    calls.clear()

    def at_the_last_check() -> bool:
        calls.append(1)
        return len(calls) == last

    (tmp_path / "bestaand.pdf").write_bytes(b"keep")
    with pytest.raises(ExportCancelled):
        export_notes(tmp_path / "bestaand.pdf", [NOTE], "one", cancelled=at_the_last_check)
    assert [p.name for p in tmp_path.iterdir()] == ["bestaand.pdf"]
    assert (tmp_path / "bestaand.pdf").read_bytes() == b"keep"


@pytest.mark.parametrize("lines", [True, False])
def test_a_long_note_keeps_every_word_in_order(tmp_path: Path, lines: bool) -> None:
    note = long_note(30_000, lines=lines)
    target = tmp_path / "lang.pdf"
    export_notes(target, [note], "one")
    words = iter(text_of(target).split())
    # Every word of the note, in order (page footers come in between).
    assert all(word in words for word in note.text.split())


def test_a_word_longer_than_a_line_is_broken_not_cut_off(tmp_path: Path) -> None:
    word = "a" * 3000
    target = tmp_path / "woord.pdf"
    export_notes(target, [NOTE.model_copy(update={"text": word})], "one")
    runs = re.findall("a{20,}", "".join(text_of(target).split()))  # a page footer may split it
    assert sum(len(run) for run in runs) == 3000


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(long_note(1_000_000).text, id="1 MB"),
        pytest.param("\n".join(f"Regel {i}: {SENTENCE}" for i in range(10_000)), id="10,000 lines"),
    ],
)
def test_a_huge_note_is_a_sound_pdf_whose_text_layer_is_the_note(tmp_path: Path, text: str) -> None:
    target = tmp_path / "groot.pdf"
    export_notes(target, [Note(pseudonym="P-1", text=text)], "one")
    qpdf_check(target)
    assert_fonts_embedded(target)
    # Without the page footers, the text layer ends with exactly the note's words.
    words = text.split()
    assert pdftotext(target, without_footer=True).split()[-len(words) :] == words


def test_the_routes_check_lines_in_a_note_are_drawn_boxes(tmp_path: Path) -> None:
    """'[x] …' lines (the route writes them into a note) print as boxes, state in the text."""
    done = "Gesprek gehad.\n[x] Neem het serieus\n[ ] Beloof geen geheimhouding.\n[y] zo getypt"
    target = tmp_path / "n.pdf"
    export_notes(target, [NOTE.model_copy(update={"done": done})], "one")
    layer = " ".join(pdftotext(target).split())
    assert "Gesprek gehad. ☑ Neem het serieus ☐ Beloof geen geheimhouding. [y] zo getypt" in layer
    assert "[x]" not in layer and "[ ]" not in layer
