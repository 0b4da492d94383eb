"""The openness exercise's core: sourced content, the result model and its views, the PDF."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader

from docentwijzer.content import ContentError, parse_content
from docentwijzer.i18n import LANGUAGES
from docentwijzer.openheid import (
    QUESTION_IDS,
    Answer,
    OpennessContent,
    OpennessResult,
    Recipient,
    Weighed,
    comparison,
    note_text,
    openness_content,
    recipient_plan,
    summary_lines,
)
from docentwijzer.openheid_pdf import write_student_pdf

SEED = "dopmeijer-dias-studentenwelzijn"  # the slide of the openness exercise


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def sample() -> OpennessResult:
    return OpennessResult(
        date=dt.date(2026, 3, 9),
        of=Answer(choice="weet-niet", words="Ik twijfel over mijn stage"),
        wat=Answer(choice="nodig"),
        recipients=[
            Recipient(id="slb"),
            Recipient(id="stagebegeleider", wanneer=Answer(choice="voor-stage")),
            Recipient(id="eigen-1", own=True, name="mijn zus", hoe=Answer(words="via de app")),
        ],
        wanneer=Answer(choice="ter-sprake"),
        hoe=Answer(choice="gesprek"),
        advantages=[
            Weighed(id="uitspreken", weight=1),
            Weighed(id="steun", weight=3),
            Weighed(id="eigen-2", own=True, text="Ik kan om uitstel vragen", weight=3),
        ],
        risks=[Weighed(id="anders-kijken", weight=2)],
        choice=Answer(choice="vertellen", words="eerst aan mijn slb"),
        first_step="Maandag een mail sturen",
        sure_before={"helder": False, "beeld": False},
        sure_after={"helder": True},
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_five_questions_of_seed_000_in_order_each_sourced(lang: str) -> None:
    content = openness_content(lang)  # type: ignore[arg-type]
    assert tuple(q.id for q in content.questions) == QUESTION_IDS
    assert [q.number for q in content.questions] == [1, 2, 3, 4, 5]
    for question in content.questions:
        assert question.source.ref == SEED
        assert "Ondersteunen bij openheid en hulp zoeken" in question.source.detail
    assert content.advantages.source.ref == SEED and content.risks.source.ref == SEED
    of = content.question("of")
    assert [o.id for o in of.options] == ["ja", "nee", "nog-niet", "weet-niet"]


def test_examples_name_their_real_source() -> None:
    for lang in LANGUAGES:
        content = openness_content(lang)
        wie = content.question("wie")
        # An example answer of our own cites the exercise it illustrates and says we worded it.
        stage = wie.option("stagebegeleider").source  # type: ignore[union-attr]
        assert stage.ref == SEED and "DocentWijzer" in stage.detail
        # Family, friends, fellow students and the teacher are named in the Handreiking, 2.2.
        assert wie.option("familie").source.ref == "handreiking-prestatiedruk-2023"  # type: ignore[union-attr]
        # Examples the seeds do not contain say that DocentWijzer worded them.
        reactie = content.risks.example("reactie")
        assert reactie is not None and reactie.source.ref == SEED
        assert "DocentWijzer" in reactie.source.detail


def test_sure_check_is_four_items_in_own_words_with_a_named_public_source() -> None:
    for lang in LANGUAGES:
        sure = openness_content(lang).sure
        assert len(sure.items) == 4
        for item in sure.items:
            assert item.source.ref == "legare-sure-2010" and "Légaré" in item.source.label(lang)
            assert item.text.endswith("?")
    english = " ".join(i.text for i in openness_content("en").sure.items).lower()
    # Not the published wording of the SURE test.
    assert "do you feel sure about the best choice for you" not in english
    assert "do you know the benefits and risks of each option" not in english


def test_questions_out_of_order_are_refused_readably() -> None:
    raw = json.loads(
        (resources.files("docentwijzer.content") / "nl" / "openheid.json").read_text("utf-8")
    )
    raw["questions"][0], raw["questions"][2] = raw["questions"][2], raw["questions"][0]
    with pytest.raises(ContentError, match="of, wat, wie, wanneer, hoe"):
        parse_content(json.dumps(raw), OpennessContent, "content/nl/openheid.json")


def test_result_round_trips_through_json_as_a_note_would_keep_it() -> None:
    result = sample()
    data = json.loads(json.dumps(result.model_dump(mode="json")))
    assert OpennessResult.model_validate(data) == result
    assert data["kind"] == "openheid" and data["date"] == "2026-03-09"


def test_empty_result_is_empty_and_any_answer_is_not() -> None:
    result = OpennessResult()
    assert result.is_empty()
    result.first_step = "x"
    assert not result.is_empty()


def test_comparison_shows_both_lists_most_important_first_without_a_total() -> None:
    content = openness_content("nl")
    view = comparison(sample(), content, "nl")
    assert [r.text for r in view.advantages] == [
        "Mensen om me heen kunnen me helpen met druk of stress.",
        "Ik kan om uitstel vragen",
        "Het kan helpen om uit te spreken wat ik meemaak.",
    ]
    assert [r.weight for r in view.advantages] == [3, 3, 1]
    assert view.advantages[0].weight_label == "heel belangrijk"
    assert view.advantages[0].marks == "●●●" and view.advantages[2].marks == "●○○"
    assert [r.text for r in view.risks] == ["Anderen gaan misschien anders naar me kijken."]
    # A view, not a verdict: nothing but the two lists.
    assert set(vars(view)) == {"advantages", "risks"}


def test_each_person_gets_their_own_answer_or_the_one_for_everyone() -> None:
    plan = {line.name: line for line in recipient_plan(sample(), openness_content("nl"))}
    assert plan["Mijn stagebegeleider"].wanneer == "Voordat mijn stage begint"
    assert plan["Mijn stagebegeleider"].own_answers == ("wanneer",)
    assert (
        plan["Mijn studieloopbaanbegeleider (slb) of mentor"].wanneer == "Als het ter sprake komt"
    )
    assert plan["mijn zus"].hoe == "via de app"
    assert plan["mijn zus"].wat == "Wat ik nodig heb"


def test_summary_says_what_was_not_answered() -> None:
    sections = dict(summary_lines(OpennessResult(), openness_content("nl"), "nl"))
    assert sections["1. Wil je het vertellen?"] == ["(niet ingevuld)"]
    assert "Per persoon" not in sections


def test_note_text_is_readable_and_leaves_out_the_before_after_check() -> None:
    text = note_text(sample(), openness_content("nl"), "nl")
    assert text.startswith("Openheidsoefening 'Vertel ik het wel, vertel ik het niet?', 09-03-2026")
    for expected in (
        "Ik weet het nog niet — Ik twijfel over mijn stage",
        "Mijn stagebegeleider: wat: Wat ik nodig heb; wanneer: Voordat mijn stage begint",
        "Ik kan om uitstel vragen (heel belangrijk)",
        "Ik vertel het — eerst aan mijn slb",
        "Maandag een mail sturen",
    ):
        assert expected in text
    assert "Voelt je keuze" not in text


def test_student_pdf_has_their_choices_date_and_sources_and_no_teacher_part(
    tmp_path: Path,
) -> None:
    target = tmp_path / "jouw-keuzes.pdf"
    write_student_pdf(target, sample(), openness_content("nl"), "nl")
    text = pdf_text(target)
    for expected in (
        "Jouw keuzes",
        "9 maart 2026",
        "Ik twijfel over mijn stage",
        "mijn zus",
        "Ik kan om uitstel vragen",
        "heel belangrijk",
        "eerst aan mijn slb",
        "Maandag een mail sturen",
        "jij beslist",  # the student disclaimer
        "J. Dopmeijer",
        "Légaré",
    ):
        assert expected in text, expected
    assert "Voor de docent" not in text
    assert "stelt geen diagnose" not in text  # the teacher disclaimer is not used


def test_student_pdf_in_english(tmp_path: Path) -> None:
    target = tmp_path / "choices.pdf"
    write_student_pdf(target, sample(), openness_content("en"), "en")
    text = pdf_text(target)
    assert "Your choices" in text and "My internship supervisor" in text
    assert "you decide" in text


def test_every_composed_text_key_exists_in_both_languages() -> None:
    from docentwijzer.i18n import catalog

    keys = [f"openheid.weight_{w}" for w in (1, 2, 3)]
    keys += [f"openheid.plan_{q}" for q in ("wat", "wanneer", "hoe")]
    keys += [f"openheid.{p}_{k}" for p in ("list", "add") for k in ("advantages", "risks")]
    keys += [f"openheid.teacher_point_{n}" for n in (1, 2, 3, 4)]
    for key in keys:
        assert key in catalog(), key
