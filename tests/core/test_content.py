"""Every packaged content file loads in both languages, is sourced, and fails readably."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from docentwijzer.content import ContentError, load_content, parse_content
from docentwijzer.content.registry import DOCUMENTS
from docentwijzer.helplines import HelpContent, help_content
from docentwijzer.i18n import LANGUAGES


def _ids(value: Any, path: str = "") -> set[str]:
    """Every item id in a document, with its position, so nl and en can be compared."""
    found: set[str] = set()
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            found.add(f"{path}/{value['id']}")
            path = f"{path}/{value['id']}"
        for key, child in value.items():
            found |= _ids(child, f"{path}.{key}")
    elif isinstance(value, list):
        for child in value:
            found |= _ids(child, path)
    return found


def _sources_missing(value: Any, path: str = "") -> list[str]:
    """Items (dicts with an id) that carry no source or sources anywhere up their path."""
    missing: list[str] = []
    if isinstance(value, dict):
        has = "source" in value or "sources" in value
        if "id" in value and not has and not any(isinstance(v, list) for v in value.values()):
            missing.append(f"{path}/{value['id']}")
        for key, child in value.items():
            missing += _sources_missing(child, f"{path}.{key}")
    elif isinstance(value, list):
        for child in value:
            missing += _sources_missing(child, path)
    return missing


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_loads_in_both_languages_with_the_same_items(name: str) -> None:
    docs = {lang: load_content(name, DOCUMENTS[name], lang) for lang in LANGUAGES}
    ids = {lang: _ids(doc.model_dump()) for lang, doc in docs.items()}
    assert ids["nl"] == ids["en"]
    for lang, doc in docs.items():
        assert doc.language == lang


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_leaf_item_names_a_source(name: str) -> None:
    for lang in LANGUAGES:
        assert not _sources_missing(load_content(name, DOCUMENTS[name], lang).model_dump())


def test_every_content_file_on_disk_is_registered() -> None:
    for lang in LANGUAGES:
        folder = resources.files("docentwijzer.content") / lang
        names = {p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")}
        assert names == set(DOCUMENTS), lang


def test_helplines_say_113_and_0800_0113_and_never_0900_0113() -> None:
    for lang in LANGUAGES:
        content = help_content(lang)
        line = content.helpline("113")
        assert "113" in line.number and "0800-0113" in line.number
        assert "113" in content.bar_suicide and "0800-0113" in content.bar_suicide
        assert "112" in content.bar_danger
        assert content.numbers_checked
    for lang in LANGUAGES:
        text = (
            (resources.files("docentwijzer.content") / lang)
            .joinpath("hulp.json")
            .read_text("utf-8")
        )
        assert "0900-0113" not in text


def _broken_help() -> str:
    raw = json.loads(
        (resources.files("docentwijzer.content") / "nl" / "hulp.json").read_text("utf-8")
    )
    del raw["helplines"][2]["source"]
    return json.dumps(raw)


def test_a_broken_file_names_file_item_and_field() -> None:
    with pytest.raises(ContentError) as caught:
        parse_content(_broken_help(), HelpContent, "content/nl/hulp.json")
    message = str(caught.value)
    assert "content/nl/hulp.json" in message
    assert "politie" in message  # the item
    assert "source" in message  # the field
    assert "ontbreekt" in message  # in the user's language
    assert "Traceback" not in message


def test_invalid_json_is_reported_with_its_line() -> None:
    with pytest.raises(ContentError, match="regel 2"):
        parse_content('{\n  "language": nl\n}', HelpContent, "x.json")


def test_a_file_in_the_wrong_language_is_refused() -> None:
    text = (resources.files("docentwijzer.content") / "en" / "hulp.json").read_text("utf-8")
    with pytest.raises(ContentError, match="verkeerde taal"):
        parse_content(text, HelpContent, "content/nl/hulp.json", "nl")
