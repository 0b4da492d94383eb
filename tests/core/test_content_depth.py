"""The guidance says what its public sources say, in words a teacher reads without a dictionary.

A reading of the content against its sources found places where it said more, less or other
than the source (a case that referred a student already in treatment again, a feeling renamed,
follow-up lines credited to a classroom practice) and English that read as translated Dutch.
Each test here names one of those and fails on the old text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from docentwijzer.belonging import belonging_content
from docentwijzer.i18n import LANGUAGES, Lang
from docentwijzer.oefenen import practice_content
from docentwijzer.training import background, builtin_cases
from docentwijzer.tree import tree_content


def _raw(name: str, lang: str) -> Any:
    folder = resources.files("docentwijzer.content") / lang
    return json.loads(folder.joinpath(f"{name}.json").read_text(encoding="utf-8"))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


def _english_texts() -> Iterator[str]:
    """Everything English a user can read: the en content and the interface strings."""
    folder = resources.files("docentwijzer.content") / "en"
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            yield from _strings(json.loads(entry.read_text(encoding="utf-8")))
    locales = resources.files("docentwijzer") / "locales"
    for entry in locales.iterdir():
        if entry.name.endswith(".json"):
            for value in json.loads(entry.read_text(encoding="utf-8")).values():
                if isinstance(value, dict) and isinstance(value.get("en"), str):
                    yield value["en"]


# -- a student already in treatment is not referred again -------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_internship_case_arranges_the_internship_and_does_not_refer_again(lang: Lang) -> None:
    case = next(case for case in builtin_cases(lang).cases if case.id == "openheid-stage")
    contacts = " | ".join(case.discussion.contacts).casefold()
    why = " ".join(point.text for point in case.discussion.why).casefold()
    new_referral = {"nl": ("studentpsycholoog", "huisarts"), "en": ("psychologist", "gp")}[lang]
    assert not [word for word in new_referral if re.search(rf"\b{word}\b", contacts)], contacts
    counsellor, practitioner = {
        "nl": ("studentendecaan", "behandelaar"),
        "en": ("student counsellor", "therapist"),
    }[lang]
    assert counsellor in contacts and practitioner in contacts
    assert {"nl": "geen nieuwe verwijzing", "en": "no new referral"}[lang] in contacts
    assert {"nl": "al onder behandeling", "en": "already in treatment"}[lang] in why


# -- the five feelings are the source's five, in both languages --------------------------------


def test_the_five_feelings_tip_names_the_feelings_as_the_source_does() -> None:
    nl = belonging_content("nl").tip("vijf-gevoelens")
    en = belonging_content("en").tip("vijf-gevoelens")
    assert nl is not None and en is not None
    for feeling in ("welkom", "gekend", "geïncludeerd", "ondersteund", "verbonden"):
        assert feeling in nl.what and feeling in nl.source_quote
    assert "erbij betrokken" not in nl.what
    assert "welcome, known, included, supported and connected" in en.what


# -- a follow-up after a referral is not Strayhorn's classroom check-in ------------------------


def _cites_classroom_check_ins(source: Any) -> bool:
    detail = str(source["detail"] if isinstance(source, dict) else source.detail).casefold()
    return "strayhorn" in detail or "check-ins" in detail


@pytest.mark.parametrize("lang", LANGUAGES)
def test_follow_up_lines_do_not_cite_the_classroom_check_ins(lang: Lang) -> None:
    tree = tree_content(lang)
    wrong: list[str] = []
    for node in tree.nodes:
        follow_up = getattr(node, "follow_up", None)
        if follow_up is not None and _cites_classroom_check_ins(follow_up.source):
            wrong.append(f"{node.id} follow-up")
        for action in getattr(node, "actions", []):
            if action.id in ("vervolg", "contact") and _cites_classroom_check_ins(action.source):
                wrong.append(f"{node.id} {action.id}")
    for phrase in tree.phrases:
        if phrase.id == "sluit-afspraak" and _cites_classroom_check_ins(phrase.source):
            wrong.append(phrase.id)
    practice = practice_content(lang)
    for skill in practice.skills:
        if skill.id == "vervolg" and _cites_classroom_check_ins(skill.source):
            wrong.append(f"skill {skill.id}")
    raw = _raw("oefenen", lang)
    for conversation in raw["conversations"]:
        for turn in conversation["turns"]:
            for choice in turn["choices"]:
                if "vervolg" in choice["id"] and _cites_classroom_check_ins(choice["source"]):
                    wrong.append(f"{conversation['id']} {choice['id']}")
    assert not wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_our_own_wording_says_so_in_its_source_line(lang: Lang) -> None:
    own = {"nl": "eigen formulering van DocentWijzer", "en": "DocentWijzer's own wording"}[lang]
    for node in tree_content(lang).nodes:
        follow_up = getattr(node, "follow_up", None)
        if follow_up is not None and not getattr(node, "urgent", False) and node.id != "GESPREK":
            assert own in follow_up.source.label(lang), node.id


# -- English that reads as English --------------------------------------------------------------


DUTCH_ENGLISH = [
    re.compile(r"psychological complaints", re.IGNORECASE),
    re.compile(r"\bcomplaints\b", re.IGNORECASE),
    re.compile(r"closing up in Dutch", re.IGNORECASE),
    re.compile(r"Or you are worried that they might", re.IGNORECASE),
    # "to tell" needs an object in English: "Do you want to tell?" is Dutch word order.
    # ("Who do you want to tell?" has its object in "who".)
    re.compile(
        r"^(?!.*\b[Ww]hom? do you want to tell\b)"
        r".*\b(want to|will|won't) tell(?= ?(yet)?[?.,;:!”\"]|$)"
    ),
]


def test_english_reads_as_english_not_as_translated_dutch() -> None:
    found = sorted(
        {
            f"{pattern.pattern}: {text[:80]}"
            for text in _english_texts()
            for pattern in DUTCH_ENGLISH
            if pattern.search(text)
        }
    )
    assert not found


def test_the_trees_need_for_mental_health_is_named_in_plain_english() -> None:
    tree = tree_content("en")
    leaf = tree.node("PSYCHISCH")
    assert leaf.title == "Mental health problems"
    labels = [answer.label for answer in tree.node("behoefte").answers]
    assert "Mental health problems" in labels


# -- jargon that stays is explained where it is used -------------------------------------------


JARGON = {
    "nl": {"dialogisch": "dialogisch betekent", "brave space": "een brave space is"},
    "en": {"dialogic": "dialogic means", "brave space": "a brave space is"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_jargon_in_a_tip_is_explained_in_that_tip(lang: Lang) -> None:
    for tip in belonging_content(lang).tips:
        shown = f"{tip.title} {tip.what}".casefold()
        for term, explained in JARGON[lang].items():
            if term in shown:
                assert explained in tip.what.casefold(), (tip.id, term)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_monitor_figures_explain_internalising_and_the_four_percent(lang: Lang) -> None:
    figures = {figure.id: figure for figure in background(lang).figures}
    symptoms = figures["psychische-klachten"]
    word = {"nl": "internaliserende", "en": "internalising"}[lang]
    assert word not in symptoms.label.casefold()
    assert word in symptoms.detail.casefold()
    assert {"nl": "angst en somberheid", "en": "anxiety"}[lang] in symptoms.label
    pills = figures["concentratiemiddelen"]
    # The slide says both "4%" and "one in twenty" (5%): say so plainly, do not repeat both.
    assert pills.value == "4%"
    assert "5%" in pills.detail
    assert {"nl": "een op de twintig", "en": "one in twenty"}[lang] in pills.detail
