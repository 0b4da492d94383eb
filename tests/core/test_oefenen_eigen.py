"""A trainer's own conversations and cases: saved locally, shared as one file, imported safely."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docentwijzer import storage
from docentwijzer.oefenen import Conversation, practice_content
from docentwijzer.oefenen_eigen import (
    SHARE_KIND,
    OwnMaterialStore,
    new_id,
    own_cases_file,
    own_conversations_file,
    read_shared,
    upsert,
    write_shared,
)
from docentwijzer.training import builtin_cases, load_user_cases
from tests.core.test_oefenen import sound

SKILLS = [s.id for s in practice_content("nl").skills]


def _conversation(**changes: object) -> Conversation:
    raw = sound()
    raw.update(changes)
    return Conversation.model_validate(raw)


def test_codes_come_from_the_title_and_never_clash() -> None:
    assert new_id("Na de les: ‘moe’!", []) == "na-de-les-moe"
    assert new_id("Één gesprek", ["een-gesprek"]) == "een-gesprek-2"
    assert new_id("???", []) == "eigen"


def test_export_then_import_gives_the_same_material(tmp_path: Path) -> None:
    case = builtin_cases("nl").cases[0]
    target = tmp_path / "les.docentwijzer.json"
    write_shared(target, [_conversation()], [case], "nl")
    raw = json.loads(target.read_text(encoding="utf-8"))
    assert raw["kind"] == SHARE_KIND and raw["language"] == "nl"
    result = read_shared(target, SKILLS)
    assert result.problems == []
    assert result.conversations == [_conversation()]
    assert result.cases == [case]


def test_a_broken_item_is_reported_and_the_rest_is_kept(tmp_path: Path) -> None:
    broken = sound()
    broken["title"] = "Kapot gesprek"
    broken["turns"][0]["choices"][1]["feedback"] = ""
    target = tmp_path / "gedeeld.docentwijzer.json"
    document = {
        "kind": SHARE_KIND,
        "conversations": [broken, sound()],
        "cases": [{"id": "x", "title": "Zonder de rest"}],
    }
    target.write_text(json.dumps(document), encoding="utf-8")
    result = read_shared(target, SKILLS)
    assert [c.id for c in result.conversations] == ["oefen"]
    messages = [str(p) for p in result.problems]
    assert messages[0].startswith("Gesprek 1 ‘Kapot gesprek’: Beurt 1, keuze 2: de feedback")
    assert messages[1].startswith("Casus 1 ‘Zonder de rest’: het veld")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "geen geldig JSON"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b'{"kind": "iets-anders"}', "geen gedeeld bestand"),
        (b'["a", "b"]', "geen gedeeld bestand"),
        (b'{"kind": "docentwijzer-oefenmateriaal", "schema_version": 7}', "nieuwere versie"),
        (b'{"kind": "docentwijzer-oefenmateriaal"}', "geen gesprekken of casussen"),
        (b"[" * 5000 + b"]" * 5000, "diep"),
    ],
)
def test_a_broken_file_is_reported_never_fatal(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    target = tmp_path / "kapot.docentwijzer.json"
    target.write_bytes(content)
    result = read_shared(target, SKILLS)
    assert result.empty
    assert len(result.problems) == 1 and expected in str(result.problems[0]), result.problems


def test_a_folder_or_a_missing_file_is_reported(tmp_path: Path) -> None:
    assert read_shared(tmp_path, SKILLS).problems
    assert read_shared(tmp_path / "nergens.json", SKILLS).problems


def test_a_clashing_code_gets_a_new_one_and_nothing_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "x.docentwijzer.json"
    write_shared(target, [_conversation()], [], "nl")
    result = read_shared(target, SKILLS, taken_conversations=["oefen"])
    assert [c.id for c in result.conversations] == ["na-de-les"]
    assert result.renamed == {"oefen": "na-de-les"}


def test_an_unknown_observer_point_is_refused(tmp_path: Path) -> None:
    raw = sound()
    raw["turns"][0]["choices"][0]["skill"] = "bestaat-niet"
    target = tmp_path / "x.docentwijzer.json"
    target.write_text(json.dumps({"kind": SHARE_KIND, "conversations": [raw]}), encoding="utf-8")
    result = read_shared(target, SKILLS)
    assert result.empty and "bestaat-niet" in str(result.problems[0])


def test_own_material_is_kept_in_the_data_folder_and_cases_reach_training(dw_home: Path) -> None:
    store = OwnMaterialStore()
    assert store.conversations_path == own_conversations_file()
    assert own_conversations_file().parent.parent == dw_home / "data"
    case = builtin_cases("nl").cases[0].model_copy(update={"id": "eigen-casus"})
    store.save_conversations([_conversation()])
    store.save_cases([case])
    own = store.load(SKILLS)
    assert own.problems == [] and own.conversations == [_conversation()] and own.cases == [case]
    # Training reads the trainer's case folder as it always did: the saved case is there.
    cases, origin, problems = load_user_cases()
    assert [c.id for c in cases] == ["eigen-casus"] and origin == {
        "eigen-casus": "eigen-casussen.json"
    }
    assert problems == []
    store.save_cases([])
    assert not own_cases_file().exists()


def test_a_damaged_own_file_is_reported_and_the_sound_items_stay(dw_home: Path) -> None:
    store = OwnMaterialStore()
    broken = sound()
    broken["id"] = "kapot"
    broken["turns"][0]["student"] = ""
    good = sound()
    own_conversations_file().parent.mkdir(parents=True)
    own_conversations_file().write_text(
        json.dumps({"conversations": [broken, good]}), encoding="utf-8"
    )
    own = store.load(SKILLS)
    assert [c.id for c in own.conversations] == ["oefen"]
    assert "schrijf op wat de student als eerste zegt" in own.problems[0]


@pytest.mark.parametrize("call", ["mkstemp", "fdopen", "fsync", "replace"])
def test_a_failing_save_raises_and_keeps_what_was_there(
    dw_home: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    store = OwnMaterialStore()
    store.save_conversations([_conversation()])
    before = own_conversations_file().read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    target = {"mkstemp": storage.tempfile, "fdopen": os, "fsync": os, "replace": os}[call]
    with monkeypatch.context() as patch, pytest.raises(OSError):
        patch.setattr(target, call, broken)
        store.save_conversations([_conversation(), _conversation(id="tweede")])
    assert own_conversations_file().read_bytes() == before


def test_upsert_replaces_by_code_or_adds() -> None:
    first, second = _conversation(), _conversation(id="tweede")
    changed = _conversation(title="Anders")
    assert [c.id for c in upsert([first], second)] == ["oefen", "tweede"]
    assert upsert([first, second], changed)[0].title == "Anders"
