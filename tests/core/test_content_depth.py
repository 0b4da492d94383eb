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
from docentwijzer.checklist import Tick, checklist_content, summarise
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


# -- the Trimbos factsheet is drawn on where a teacher meets it ---------------------------------

FACTSHEET = "trimbos-factsheet-integraal-werken"


def _cited_items(value: Any, ref: str, path: str = "") -> set[str]:
    """Items (by their place in the file) whose own source is ``ref``."""
    found: set[str] = set()
    if isinstance(value, dict):
        here = f"{path}/{value.get('id', '')}"
        source = value.get("source")
        if isinstance(source, dict) and source.get("ref") == ref:
            found.add(here)
        for key, child in value.items():
            if key not in ("source", "sources"):
                found |= _cited_items(child, ref, f"{here}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found |= _cited_items(child, ref, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_factsheet_is_drawn_on_in_at_least_five_places_a_teacher_sees(lang: Lang) -> None:
    places = {
        f"{name}{item}"
        for name in ("signalering", "beslisboom", "achtergrond", "belonging", "oefenen")
        for item in _cited_items(_raw(name, lang), FACTSHEET)
    }
    assert len(places) >= 5, places
    # among them: the checklist's summary, the tree and the Achtergrond page
    assert any(place.startswith("signalering") for place in places)
    assert any(place.startswith("beslisboom") for place in places)
    assert any(place.startswith("achtergrond") for place in places)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_summary_says_symptoms_and_wellbeing_are_two_axes(lang: Lang) -> None:
    content = checklist_content(lang)
    summary = summarise(content, [Tick(signal_id="somber")], pseudonym="AB")
    assert content.continuum.source.ref == FACTSHEET
    assert content.continuum.text in summary.as_text()
    assert content.reminder.text in summary.as_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tree_says_a_signal_is_no_conclusion_and_where_referral_agreements_help(
    lang: Lang,
) -> None:
    tree = tree_content(lang)
    role = {point.id: point for point in tree.your_role}
    assert role["twee-dimensies"].source.ref == FACTSHEET
    overleg = {action.id: action for action in tree.node("OVERLEG").actions}  # type: ignore[union-attr]
    assert overleg["verwijsafspraken"].source.ref == FACTSHEET


# -- who does what in the support chain ---------------------------------------------------------

CHAIN = {
    "nl": (
        "docent",
        "studieloopbaanbegeleider",
        "studentendecaan",
        "studentpsycholoog",
        "huisarts",
        "ggz",
        "verslavingszorg",
        "gemeente",
        "wachtlijst",
        "cultuur",
        "redelijk alternatief",
        "lhbtq+",
        "migratieachtergrond",
        "internationale studenten",
    ),
    "en": (
        "teacher",
        "study career coach",
        "student counsellor",
        "student psychologist",
        "gp",
        "mental health care",
        "addiction care",
        "municipality",
        "waiting list",
        "culture",
        "reasonable alternative",
        "lgbtq+",
        "migration background",
        "international students",
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_background_page_says_who_does_what_in_the_support_chain(lang: Lang) -> None:
    page = background(lang)
    text = " ".join(point.text for section in page.sections for point in section.points)
    missing = [word for word in CHAIN[lang] if word not in text.casefold()]
    assert not missing
    sections = {section.id for section in page.sections}
    assert {"twee-dimensies", "wie-doet-wat", "startposities", "monitor", "samen"} <= sections


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trees_leaves_say_who_does_what_where_it_helps(lang: Lang) -> None:
    tree = tree_content(lang)

    def actions(leaf: str) -> dict[str, str]:
        return {a.id: a.text for a in tree.node(leaf).actions}  # type: ignore[union-attr]

    assert {"al-in-behandeling", "wachtlijst"} <= set(actions("PSYCHISCH"))
    assert "aanpassing" in actions("STUDIE")
    assert "buiten" in actions("OMSTANDIGHEDEN")
    assert "cultuur" in actions("GESPREK")
    for node in tree.nodes:
        urgent = getattr(node, "urgent", False)
        see_also = getattr(node, "see_also", None)
        if see_also is None:
            continue
        # the non-urgent leaves link to the background; the urgent ones stay short
        assert ("achtergrond" in see_also) is (not urgent), node.id


# -- the Monitor's nuance -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_monitor_nuance_reaches_the_teacher(lang: Lang) -> None:
    no_help = tree_content(lang).node("GEEN_HULP")
    assert {"nl": "bijna de helft", "en": "nearly half"}[lang] in no_help.summary  # type: ignore[union-attr]
    page = background(lang)
    monitor = next(section for section in page.sections if section.id == "monitor")
    text = " ".join(point.text for point in monitor.points)
    # the slide's risk factors, and what protects
    for word in {
        "nl": ("stress", "prestatiedruk", "eenzaamheid", "sociale steun", "beschermen"),
        "en": ("stress", "performance pressure", "loneliness", "social support", "protect"),
    }[lang]:
        assert word in text, word
    shares = next(p for s in page.sections for p in s.points if p.id == "aandelen").text
    for figure in ("15,9%", "10,8%", "12,3%", "8,1%"):
        assert (figure if lang == "nl" else figure.replace(",", ".")) in shares


# -- two tracks, self-efficacy, mental health literacy, and where the teacher stops ---------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_self_efficacy_and_literacy_come_with_the_line_that_persistent_low_mood_is_referred(
    lang: Lang,
) -> None:
    page = background(lang)
    points = {p.id: p for s in page.sections for p in s.points}
    assert {"twee-sporen", "self-efficacy", "gezondheidsvaardigheden", "grens"} <= set(points)
    refer = {"nl": "verwijs door", "en": "refer them"}[lang]
    assert refer in points["grens"].text
    own = {"nl": "eigen formulering van DocentWijzer", "en": "DocentWijzer's own wording"}[lang]
    assert own in points["grens"].source.label(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_belongings_why_has_the_two_tracks_self_efficacy_and_where_the_teacher_stops(
    lang: Lang,
) -> None:
    content = belonging_content(lang)
    why = {section.id: section for section in content.why}
    assert why["welzijn-en-leren"].source.ref == FACTSHEET
    assert why["twee-sporen"].source.ref == "dopmeijer-webinar-studentenwelzijn"
    assert "Bandura" in why["self-efficacy"].text
    refer = {"nl": "verwijs door", "en": "refer them"}[lang]
    assert refer in why["grens"].text
    own = {"nl": "eigen formulering van DocentWijzer", "en": "DocentWijzer's own wording"}[lang]
    assert own in why["grens"].source.label(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tips_name_support_beyond_talking_and_mental_health_skills(lang: Lang) -> None:
    content = belonging_content(lang)
    energisers, skills = content.tip("energizers"), content.tip("vaardigheden")
    assert energisers is not None and skills is not None
    assert {"nl": "niet alleen praten", "en": "not be only talking"}[lang] in energisers.what
    assert {"nl": "mentale gezondheidsvaardigheden", "en": "mental health skills"}[lang] in (
        skills.what
    )
