"""The tip library: sourced content in both languages, search, filters, the teacher's picks."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from docentwijzer.belonging import (
    MOMENTS,
    THEMES,
    BelongingContent,
    BelongingStore,
    TipFilter,
    belonging_content,
    filter_tips,
    fold,
)
from docentwijzer.content import ContentError, parse_content
from docentwijzer.i18n import LANGUAGES
from docentwijzer.sources import catalogue

SENTENCE_END = re.compile(r"[.?!](?:['\u2019\u201d)]*)(?:\s|$)")


def _raw(lang: str) -> dict:  # type: ignore[type-arg]
    text = (resources.files("docentwijzer.content") / lang / "belonging.json").read_text("utf-8")
    return json.loads(text)


def test_the_library_has_30_to_45_tips_covering_every_theme_and_moment() -> None:
    for lang in LANGUAGES:
        tips = belonging_content(lang).tips
        assert 30 <= len(tips) <= 45
        assert {tip.theme for tip in tips} == set(THEMES)
        assert {m for tip in tips for m in tip.moments} == set(MOMENTS)


def test_both_languages_have_the_same_tips_with_the_same_theme_moments_and_source() -> None:
    nl, en = (belonging_content(lang) for lang in ("nl", "en"))
    assert [tip.id for tip in nl.tips] == [tip.id for tip in en.tips]
    for dutch, english in zip(nl.tips, en.tips, strict=True):
        assert (dutch.theme, dutch.moments, dutch.source) == (
            english.theme,
            english.moments,
            english.source,
        ), dutch.id
        assert dutch.title != english.title, f"{dutch.id}: English title not translated"
        assert dutch.what != english.what, f"{dutch.id}: English text not translated"
    assert [s.id for s in nl.why] == [s.id for s in en.why]


def test_every_tip_is_sourced_from_a_seed_with_a_heading() -> None:
    for lang in LANGUAGES:
        for tip in belonging_content(lang).tips:
            assert catalogue().sources[tip.source.ref].kind != "web", tip.id
            assert tip.source.detail.strip(), tip.id
            assert tip.source_quote.strip(), tip.id


def test_no_duplicate_ids_or_titles() -> None:
    for lang in LANGUAGES:
        tips = belonging_content(lang).tips
        assert len({tip.id for tip in tips}) == len(tips)
        assert len({fold(tip.title) for tip in tips}) == len(tips)


@pytest.mark.parametrize("field", ["id", "title"])
def test_a_duplicate_id_or_title_is_refused_with_a_readable_message(field: str) -> None:
    raw = _raw("nl")
    raw["tips"][1][field] = raw["tips"][0][field]
    with pytest.raises(ContentError, match="twice"):
        parse_content(json.dumps(raw), BelongingContent, "content/nl/belonging.json")


def test_a_tip_without_a_source_is_refused() -> None:
    raw = _raw("en")
    del raw["tips"][3]["source"]
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(raw), BelongingContent, "content/en/belonging.json")
    assert raw["tips"][3]["id"] in str(caught.value)


def test_every_explanation_is_two_to_four_sentences() -> None:
    for lang in LANGUAGES:
        for tip in belonging_content(lang).tips:
            sentences = len(SENTENCE_END.findall(tip.what))
            assert 2 <= sentences <= 4, f"{lang}/{tip.id}: {sentences} sentences"


def test_the_why_panel_has_the_definition_and_the_signals_from_seed_000() -> None:
    nl = belonging_content("nl")
    definition = nl.section("definitie")
    signals = nl.section("signalen")
    assert definition is not None and signals is not None
    assert "Asher & Weeks" in definition.text
    assert definition.source.ref == "dopmeijer-dias-studentenwelzijn"
    assert signals.source.ref == "dopmeijer-dias-studentenwelzijn"
    assert "Uitstelgedrag" in signals.items
    assert "Vertraging en uitval" in signals.items
    assert "geen diagnose" in signals.text


# -- search ---------------------------------------------------------------------------------


def _ids(query: str = "", lang: str = "nl", **kw: object) -> list[str]:
    tips = belonging_content(lang).tips  # type: ignore[arg-type]
    return [t.id for t in filter_tips(tips, TipFilter(query=query, **kw), lang=lang)]  # type: ignore[arg-type]


def test_fold_removes_diacritics_and_case() -> None:
    assert fold("Creëer") == fold("creeer") == "creeer"
    assert fold("  Eén-op-één  Gesprek ") == "een-op-een gesprek"
    assert fold("ĳverig") == "ijverig"


def test_search_finds_the_same_tips_with_and_without_diacritics() -> None:
    with_marks = _ids("creëert")
    assert "fouten-mogen" in with_marks
    assert _ids("creeert") == with_marks == _ids("CREËERT")
    assert _ids("geincludeerd") == _ids("geïncludeerd") != []


def test_search_needs_every_word_and_puts_title_matches_first() -> None:
    assert _ids("check-in")[0] == "check-ins"
    both = _ids("fouten omgeving")
    assert both and all(i in _ids("fouten") and i in _ids("omgeving") for i in both)
    assert _ids("zzzgeenwoord") == []


def test_search_also_matches_theme_and_moment_names() -> None:
    exam = set(_ids("toetsperiode"))
    assert exam == set(_ids(moment="exam_period"))


def test_filters_by_theme_by_moment_and_favourites_combine() -> None:
    tips = belonging_content("nl").tips
    by_theme = filter_tips(tips, TipFilter(theme="self_efficacy"))
    assert by_theme and all(t.theme == "self_efficacy" for t in by_theme)
    one = filter_tips(tips, TipFilter(theme="self_efficacy", moment="one_to_one"))
    assert one and len(one) < len(by_theme)
    assert all("one_to_one" in t.moments for t in one)
    favs = filter_tips(tips, TipFilter(favourites_only=True), favourites=["uitzondering"])
    assert [t.id for t in favs] == ["uitzondering"]
    assert filter_tips(tips, TipFilter()) == list(tips)


# -- the teacher's picks --------------------------------------------------------------------


def test_favourites_and_week_survive_a_new_store(dw_home: Path) -> None:
    store = BelongingStore()
    store.load()
    assert store.toggle_favourite("check-ins") is True
    store.set_favourite("uitzondering", True)
    store.add_to_week("fouten-mogen")
    store.set_outcome("fouten-mogen", "good")
    store.set_reflection("fouten-mogen", "Eigen fout besproken;\ngroep lachte mee.  ")

    again = BelongingStore()
    again.load()
    assert again.favourites() == ["check-ins", "uitzondering"]
    entry = again.entry("fouten-mogen")
    assert entry is not None and entry.outcome == "good"
    assert entry.reflection == "Eigen fout besproken; groep lachte mee."
    assert again.path.parent == dw_home / "data"
    on_disk = json.loads(again.path.read_text("utf-8"))
    assert on_disk["schema_version"] == 1

    again.toggle_favourite("check-ins")
    again.clear_week()
    third = BelongingStore()
    third.load()
    assert third.favourites() == ["uitzondering"]
    assert third.week() == []


def test_a_reflection_is_one_short_line() -> None:
    store = BelongingStore()
    store.load()
    store.add_to_week("check-ins")
    store.set_reflection("check-ins", "a\n" * 300)
    entry = store.entry("check-ins")
    assert entry is not None and "\n" not in entry.reflection and len(entry.reflection) <= 200


def test_a_corrupt_file_is_kept_aside_and_the_teacher_told() -> None:
    store = BelongingStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ not json", "utf-8")
    loaded = store.load()
    assert loaded.notice and store.favourites() == []
    assert list(store.path.parent.glob("belonging.corrupt-*.json"))


def test_a_file_from_a_newer_version_is_never_overwritten() -> None:
    store = BelongingStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    newer = '{"schema_version": 99, "favourites": ["x"]}'
    store.path.write_text(newer, "utf-8")
    store.load()
    assert not store.writable
    assert store.set_favourite("check-ins", True) is False
    assert store.path.read_text("utf-8") == newer
