"""Both languages are complete, and every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docentwijzer
from docentwijzer import i18n
from docentwijzer.i18n import catalog, placeholders, t

PACKAGE = Path(docentwijzer.__file__).parent
KEY_USE = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[A-Za-z0-9_.]+)["']""")


def test_every_entry_has_dutch_and_english_with_the_same_placeholders() -> None:
    entries = catalog()
    assert len(entries) > 50
    for key, entry in entries.items():
        assert entry.nl.strip() and entry.en.strip(), key
        assert placeholders(entry.nl) == placeholders(entry.en), key


def test_every_literal_key_used_in_the_code_exists() -> None:
    used: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        for key in KEY_USE.findall(path.read_text(encoding="utf-8")):
            if "{" not in key:
                used[key] = path
    assert used, "the scan found no keys: is the pattern still right?"
    missing = {
        key: str(path.relative_to(PACKAGE)) for key, path in used.items() if key not in catalog()
    }
    assert not missing


def test_switching_language_changes_the_text() -> None:
    assert t("app.area_beslisboom") == "Beslisboom"
    i18n.set_language("en")
    assert t("app.area_beslisboom") == "Referral guide"
    assert t("app.area_beslisboom", lang="nl") == "Beslisboom"


def test_placeholders_are_filled() -> None:
    assert "42.json" in t("storage.corrupt", file="42.json", aside="x")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.set_language("de")


def test_an_unknown_key_is_reported_not_silently_shown() -> None:
    with pytest.warns(UserWarning, match="missing translation key"):
        assert t("nope.never") == "⟨nope.never⟩"


def test_the_strings_served_before_validation_are_the_validated_ones() -> None:
    """t() reads the locale files as they are (the first paint waits for no model); the
    validated catalogue must say exactly the same, key for key, in both languages."""
    for key, entry in catalog().items():
        for lang in i18n.LANGUAGES:
            assert t(key, lang=lang) == entry.get(lang), key


def test_importing_the_string_catalogue_loads_no_pydantic() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from docentwijzer.i18n import t\n"
        "t('app.tagline')\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_one_note_is_not_written_as_notitie_s() -> None:
    from docentwijzer.i18n import set_language, t

    set_language("nl")
    assert t("notes.count", count=1) == "1 notitie"
    assert t("notes.count", count=2) == "2 notities"
    assert t("notes.count", count=0) == "0 notities"
    set_language("en")
    assert t("notes.count", count=1) == "1 note"
    set_language("nl")


def test_no_notes_text_hedges_its_plural() -> None:
    import json
    from pathlib import Path

    import docentwijzer

    folder = Path(docentwijzer.__file__).parent / "locales"
    entries = json.loads((folder / "notes.json").read_text(encoding="utf-8"))
    hedged = [key for key, entry in entries.items() if any("(s)" in v for v in entry.values())]
    assert not hedged, f"write singular and plural ('<key>_one') instead of '(s)': {hedged}"


#: "gesprek(ken)", "casus(sen)", "notitie(s)", "answer(s)": a plural written as a bracket.
BRACKET_PLURAL = re.compile(r"\w\((s|en|ken|sen|n|es)\)")


def test_no_string_writes_a_plural_as_a_bracketed_ending() -> None:
    """'1 gesprek(ken)' reads badly and a screen reader spells it; choose the form with
    ``<key>_one`` (t() picks it for count=1)."""
    found = {
        f"{key} ({lang})": entry.get(lang)
        for key, entry in catalog().items()
        for lang in i18n.LANGUAGES
        if BRACKET_PLURAL.search(entry.get(lang))
    }
    assert not found


def test_counted_parts_of_a_sentence_choose_their_own_form() -> None:
    one = t(
        "oefenen.editor_imported",
        conversations=t("oefenen.n_conversations", count=1),
        cases=t("oefenen.n_cases", count=3),
    )
    assert one == "Ingelezen: 1 gesprek en 3 casussen."
