"""Trainer mode's material: the cases cover the tree, the figures are the seeds', own files load."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from docentwijzer.content import ContentError, parse_content
from docentwijzer.i18n import LANGUAGES, t
from docentwijzer.pdf import PdfWriteError
from docentwijzer.training import (
    Case,
    CaseSet,
    background,
    builtin_cases,
    case_walk,
    load_cases,
    route_steps,
    user_case_dir,
)
from docentwijzer.training_pdf import write_handout
from tests.core.userfile_support import HOSTILE, finishes, make_hostile

#: The leaves of the referral tree as docs/beslisboom.md names them.
DESIGN_LEAVES = {
    "ACUUT",
    "TWIJFEL_GEVAAR",
    "ZELFDODING",
    "GESPREK",
    "PSYCHISCH",
    "MIDDELEN",
    "STUDIE",
    "OMSTANDIGHEDEN",
    "SOCIALE_VEILIGHEID",
    "BINDING",
    "GEEN_HULP",
    "OVERLEG",
}


def _raw_cases(lang: str = "nl") -> dict[str, Any]:
    text = (resources.files("docentwijzer.content") / lang / "casuistiek.json").read_text("utf-8")
    return json.loads(text)


def _write_user_file(name: str, content: str | bytes) -> Path:
    folder = user_case_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _own_case(case_id: str = "eigen-casus", **changes: Any) -> dict[str, Any]:
    case = dict(_raw_cases()["cases"][4])
    case.update(id=case_id, title="Mijn eigen casus: de stille groep", **changes)
    return case


def _own_file(*cases: dict[str, Any]) -> str:
    return json.dumps({"schema_version": 1, "language": "nl", "cases": list(cases)})


# -- the packaged cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_eight_cases_cover_every_branch_the_training_needs(lang: str) -> None:
    cases = builtin_cases(lang).cases  # type: ignore[arg-type]
    assert len(cases) >= 8
    leaves = {case.expected_leaf for case in cases}
    for needed in ("ACUUT", "ZELFDODING", "MIDDELEN", "BINDING", "SOCIALE_VEILIGHEID", "GEEN_HULP"):
        assert needed in leaves, needed
    assert leaves & {"PSYCHISCH", "STUDIE"}, "a case about performance pressure"
    assert any("openheid" in case.tools for case in cases), "a case about disclosure"
    assert any("internationa" in case.theme.lower() for case in cases), "an international student"


def test_every_expected_leaf_is_a_leaf_of_the_designed_tree() -> None:
    for lang in LANGUAGES:
        for case in builtin_cases(lang).cases:
            assert case.expected_leaf in DESIGN_LEAVES, case.id
            assert case_walk(case, lang).current.id == case.expected_leaf, case.id


def test_dutch_and_english_cases_walk_the_same_route() -> None:
    nl, en = builtin_cases("nl").cases, builtin_cases("en").cases
    assert [c.id for c in nl] == [c.id for c in en]
    for dutch, english in zip(nl, en, strict=True):
        assert dutch.expected_leaf == english.expected_leaf
        assert dutch.tools == english.tools
        assert len(dutch.route) == len(english.route)
        assert len(dutch.discussion.why) == len(english.discussion.why)
        refs = [[p.source.ref for p in c.discussion.why] for c in (dutch, english)]
        assert refs[0] == refs[1]  # the same public source behind each reason
        # the answers are the tree's own labels (tests/core/test_training_routes.py walks them)
        assert dutch.route[0].split(",")[0] in ("Ja", "Nee", "Weet ik niet zeker")
        assert english.route[0].split(",")[0] in ("Yes", "No", "I'm not sure")


def test_the_route_is_shown_against_the_trees_questions() -> None:
    case = next(c for c in builtin_cases("nl").cases if c.expected_leaf == "MIDDELEN")
    steps = route_steps(case, "nl")
    assert [answer for _, answer in steps] == case.route
    assert steps[0][0].startswith("Is er nú gevaar")
    assert steps[-1][0] == "Waar heeft de student vooral hulp bij nodig?"


def _case(route: list[str], leaf: str, **extra: Any) -> Case:
    raw = _raw_cases()["cases"][0]
    return Case.model_validate({**raw, "route": route, "expected_leaf": leaf, **extra})


def test_the_route_follows_the_trees_real_walk() -> None:
    # Not sure about danger, then the way on: the second answer belongs to the doubt leaf's
    # question, not to the tree's second question.
    case = _case(["Weet ik niet zeker", "Ja, de student zei iets over de dood"], "ZELFDODING")
    assert route_steps(case, "nl") == [
        ("Is er nú gevaar voor de student of voor anderen?", "Weet ik niet zeker"),
        ("Gaat je twijfel over zelfdoding?", "Ja, de student zei iets over de dood"),
    ]
    # through the conversation step and on from it: "Verder" is shown where the walk takes it
    via_step = _case(
        ["Nee", "Nee", "Nee, nog niet", "Ja, de student zei iets over de dood"], "ZELFDODING"
    )
    steps = route_steps(via_step, "nl")
    assert [q for q, _ in steps][-1] == "Hoorde je in het gesprek iets over de dood?"
    assert len(steps) == 4
    behoefte = _case(["Nee", "Nee", "Nee, nog niet", "Studie"], "STUDIE")
    steps = route_steps(behoefte, "nl")
    assert steps[3] == ("Ga eerst het gesprek aan", "Verder: waar heeft de student hulp bij nodig?")
    assert steps[4] == ("Waar heeft de student vooral hulp bij nodig?", "Studie")


def test_a_case_says_how_the_worry_arrived_and_the_walk_carries_it() -> None:
    case = _case(["Weet ik niet zeker"], "TWIJFEL_GEVAAR", channel="distance")
    assert case.channel == "distance"
    assert case_walk(case).channel == "distance"
    assert _case(["Weet ik niet zeker"], "TWIJFEL_GEVAAR").channel == "in_person"
    with pytest.raises(ValidationError):
        _case(["Weet ik niet zeker"], "TWIJFEL_GEVAAR", channel="per post")


@pytest.mark.parametrize(
    ("route", "leaf", "words"),
    [
        (["Ja"], "ACUUT", "'Ja' is geen antwoord op ‘Is er nú gevaar"),
        (["Nee", "Ja, of ik vermoed het"], "TWIJFEL_GEVAAR", "eindigt bij ‘De student praat over"),
        (["Nee", "Nee", "Nee, nog niet"], "STUDIE", "eindigt bij ‘Waar heeft de student vooral"),
        (["Weet ik niet zeker", "Nee"], "TWIJFEL_GEVAAR", "'Nee' is geen antwoord"),
    ],
)
def test_a_route_the_tree_does_not_have_is_refused_in_words(
    route: list[str], leaf: str, words: str
) -> None:
    raw = _raw_cases()
    raw["cases"][0].update(route=route, expected_leaf=leaf)
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(raw), CaseSet, "content/nl/casuistiek.json")
    message = str(caught.value)
    assert "acuut-practicum" in message and "'route'" in message and words in message


def test_urgent_cases_carry_the_safety_statements() -> None:
    for case in builtin_cases("nl").cases:
        text = " ".join(point.text for point in case.discussion.why)
        if case.expected_leaf == "ACUUT":
            assert "Bel 112" in text and "niet alleen" in text
        if case.expected_leaf == "ZELFDODING":
            assert "Beloof geen geheimhouding" in text
            assert "113 of 0800-0113" in text and "0900-0113" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_friday_evening_email_is_walked_on_to_the_suicide_guidance(lang: str) -> None:
    # Daan writes he won't be there on Monday "and maybe not after that either", and does not
    # answer the phone: a written hint of suicide at a distance. Unsure about danger, the way on
    # leads to the suicide guidance; the walk's channel is "at a distance".
    case = next(c for c in builtin_cases(lang).cases if c.id == "twijfel-vrijdagavond")  # type: ignore[arg-type]
    walk = case_walk(case, lang)  # type: ignore[arg-type]
    assert walk.path == ("start", "TWIJFEL_GEVAAR", "ZELFDODING")
    assert case.channel == "distance"
    text = " ".join(point.text for point in case.discussion.why)
    no_contact, secrecy = {
        "nl": ("Krijg je geen contact en ben je bang dat er nu gevaar is: bel 112", "Beloof geen"),
        "en": ("If you cannot reach him and fear there is danger now: call 112", "Do not promise"),
    }[lang]
    assert no_contact in text and secrecy in text and "0800-0113" in text


def test_a_route_that_does_not_fit_the_tree_is_refused_naming_case_and_field() -> None:
    raw = _raw_cases()
    raw["cases"][0]["route"] = ["Nee", "Ja"]  # the ACUUT case is one answer from start
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(raw), CaseSet, "content/nl/casuistiek.json")
    message = str(caught.value)
    assert "acuut-practicum" in message and "'route'" in message and "ACUUT" in message


def test_an_unknown_leaf_is_refused() -> None:
    raw = _raw_cases()
    raw["cases"][1]["expected_leaf"] = "PANIEK"
    with pytest.raises(ContentError, match="expected_leaf"):
        parse_content(json.dumps(raw), CaseSet, "x.json")


# -- background figures ---------------------------------------------------------------------------

#: Figures the training must show, with the seed each comes from (checked against the seed text).
SEED_FIGURES = {
    "psychische-klachten": ("51%", "dopmeijer-dias-studentenwelzijn", ["39%", "12%"]),
    "uitputting": ("68%", "dopmeijer-dias-studentenwelzijn", []),
    "stress": ("62%", "handreiking-prestatiedruk-2023", []),
    "prestatiedruk": ("54%", "handreiking-prestatiedruk-2023", ["45%", "30%", "21%"]),
    "xtc": ("13%", "dopmeijer-dias-studentenwelzijn", ["3%"]),
    "concentratiemiddelen": ("4%", "dopmeijer-dias-studentenwelzijn", []),
    "hulp": ("8%", "dopmeijer-dias-studentenwelzijn", []),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_figures_with_their_seed_and_year(lang: str) -> None:
    data = background(lang)  # type: ignore[arg-type]
    figures = {figure.id: figure for figure in data.figures}
    for figure_id, (value, seed, details) in SEED_FIGURES.items():
        figure = figures[figure_id]
        assert figure.value == value
        assert figure.source.ref == seed and figure.source.detail
        assert figure.year == 2021
        for detail in details:
            assert detail in figure.detail
    assert "8%" in figures["cannabis"].detail  # frequent cannabis use
    assert len(data.pillars) == 5
    assert all(p.source.ref == "dopmeijer-dias-studentenwelzijn" for p in data.pillars)


# -- the trainer's own case files -----------------------------------------------------------------


def test_without_own_files_only_the_packaged_cases_load() -> None:
    library = load_cases("nl")
    assert len(library.cases) == len(builtin_cases("nl").cases)
    assert not library.problems and not library.user_files


def test_a_valid_own_file_is_added_after_the_packaged_cases() -> None:
    _write_user_file("mijn-training.json", _own_file(_own_case()))
    library = load_cases("nl")
    assert library.cases[-1].title == "Mijn eigen casus: de stille groep"
    assert library.user_files == {"eigen-casus": "mijn-training.json"}
    assert library.is_user_case(library.cases[-1])
    assert not library.problems


def test_a_broken_own_file_is_reported_with_file_item_and_field_and_the_rest_still_loads() -> None:
    broken = _own_case("kapot")
    del broken["discussion"]["questions"]
    _write_user_file("a-kapot.json", _own_file(broken))
    _write_user_file("b-goed.json", _own_file(_own_case()))
    _write_user_file("c-geen-json.json", "{ dit is geen json")
    _write_user_file("d-binair.json", b"\xff\xfe\x00garbage")
    _write_user_file("e-dubbel.json", _own_file(_own_case("acuut-practicum")))
    library = load_cases("nl")
    assert "eigen-casus" in library.user_files
    messages = [str(problem) for problem in library.problems]
    assert len(messages) == 4
    assert "casuistiek/a-kapot.json" in messages[0]
    assert "'kapot'" in messages[0] and "'questions'" in messages[0] and "ontbreekt" in messages[0]
    assert "c-geen-json.json" in messages[1] and "regel 1" in messages[1]
    assert "d-binair.json" in messages[2] and "UTF-8" in messages[2]
    assert "e-dubbel.json" in messages[3] and "acuut-practicum" in messages[3]
    assert not any("Traceback" in m for m in messages)


def test_an_own_case_with_a_wrong_route_is_reported() -> None:
    _write_user_file("route.json", _own_file(_own_case(route=["Nee"])))
    problem = load_cases("nl").problems[0]
    assert problem.item == "eigen-casus" and problem.field == "route"
    assert "eindigt bij ‘Praat de student over de dood" in problem.problem


# -- the handout ----------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handout_contains_every_case_with_its_discussion(lang: str, tmp_path: Path) -> None:
    cases = builtin_cases(lang).cases  # type: ignore[arg-type]
    out = tmp_path / "hand-out.pdf"
    write_handout(out, cases, background(lang), lang)  # type: ignore[arg-type]
    text = " ".join(_pdf_text(out).split())
    for case in cases:
        assert case.title in text
        assert " ".join(case.discussion.questions[0].split()) in text
    assert t("training.questions_title", lang=lang) in text  # type: ignore[arg-type]
    assert t("pdf.sources", lang=lang) in text  # type: ignore[arg-type]
    assert "51%" in text and "62%" in text
    assert "Dopmeijer" in text and "Handreiking prestatiedruk en stress" in text


def test_the_handout_includes_own_cases(tmp_path: Path) -> None:
    _write_user_file("mijn.json", _own_file(_own_case()))
    out = tmp_path / "h.pdf"
    write_handout(out, load_cases("nl").cases, None, "nl")
    assert "Mijn eigen casus: de stille groep" in _pdf_text(out)


def test_an_unwritable_handout_location_gives_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(PdfWriteError, match="Kies een andere map"):
        write_handout(blocker / "sub" / "h.pdf", builtin_cases("nl").cases[:1], None, "nl")


@pytest.mark.parametrize("kind", [k for k in HOSTILE if k != "folder"])
def test_a_hostile_own_file_is_reported_quickly_and_the_rest_still_loads(kind: str) -> None:
    """A device, FIFO, deeply nested or huge 'case file' never hangs, eats memory or crashes."""
    _write_user_file("b-goed.json", _own_file(_own_case()))
    path = make_hostile(user_case_dir() / "a-vreemd.json", kind)
    library = finishes(lambda: load_cases("nl"), fifo=path)
    assert not isinstance(library, BaseException), library
    assert library.user_files == {"eigen-casus": "b-goed.json"}  # type: ignore[attr-defined]
    messages = [str(problem) for problem in library.problems]  # type: ignore[attr-defined]
    assert len(messages) == 1 and "a-vreemd.json" in messages[0]
