"""The student hand-out's content: validated, sourced point by point, the same in both
languages, with the national numbers as the acute lines state them, and never a diagnosis."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from docentwijzer.content import ContentError, parse_content
from docentwijzer.helplines import help_content
from docentwijzer.i18n import LANGUAGES, Lang
from docentwijzer.zelfhulp import SelfHelpContent, self_help
from tests.core.test_sources import problems_in

#: Words that would label a student instead of advising one.
DIAGNOSING = {
    "nl": re.compile(r"diagnos|stoornis|depressie|burn-?out|je bent (ziek|depressief)", re.I),
    "en": re.compile(r"diagnos|disorder|depression|burn-?out|you are (ill|depressed)", re.I),
}


def _raw(lang: Lang) -> dict[str, object]:
    text = (resources.files("docentwijzer.content") / lang / "zelfhulp.json").read_text("utf-8")
    raw: dict[str, object] = json.loads(text)
    return raw


def test_both_languages_hold_the_same_points_in_the_same_order() -> None:
    nl, en = self_help("nl"), self_help("en")
    assert [p.id for p in nl.points()] == [p.id for p in en.points()]
    assert [s.id for s in nl.sections] == [s.id for s in en.sections]
    assert [p.source.ref for p in nl.points()] == [p.source.ref for p in en.points()]


def test_the_handreiking_s_self_help_is_all_there_each_point_from_its_section() -> None:
    content = self_help("nl")
    by_id = {point.id: point for point in content.points()}
    wanted = {
        "slapen": "2.5",
        "bewegen": "2.5",
        "ritme": "2.5",
        "studiegroep": "2.5",
        "omgeving": "2.2",
        "frisse-gedachtes": "2.2",
        "buddygodutch": "2.2",
        "zelfstigma": "2.3",
        "wat-mis-je": "2.3",
    }
    for point_id, section in wanted.items():
        source = by_id[point_id].source
        assert source.ref == "handreiking-prestatiedruk-2023", point_id
        assert source.detail.startswith(section), point_id
    for site in ("frissegedachtes.nl", "buddygodutch.nl", "samensterkzonderstigma.nl"):
        assert any(site in point.text for point in content.points()), site
    # the dual continuum (Trimbos factsheet): complaints and wellbeing can go together
    assert by_id["klachten-en-welzijn"].source.ref == "trimbos-factsheet-integraal-werken"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_acute_lines_are_the_national_numbers(lang: Lang) -> None:
    acute = " ".join(point.text for point in self_help(lang).acute.points)
    refs = [point.source.ref for point in self_help(lang).acute.points]
    assert refs == ["112-alarmnummer", "113-zelfmoordpreventie"]
    help_lines = help_content(lang)
    assert help_lines.helpline("112").number in acute
    for number in re.findall(r"[\d-]{3,}", help_lines.helpline("113").number):
        assert number in acute
    assert "113.nl" in acute and "0900" not in acute


@pytest.mark.parametrize("missing", ["0800-0113", "113.nl"])
def test_a_hand_out_without_an_acute_number_is_refused_by_name(missing: str) -> None:
    raw = _raw("nl")
    acute = raw["acute"]
    assert isinstance(acute, dict)
    for point in acute["points"]:
        point["text"] = point["text"].replace(missing, "")
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(raw), SelfHelpContent, "content/nl/zelfhulp.json")
    assert "content/nl/zelfhulp.json" in str(caught.value) and missing in str(caught.value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_advises_and_never_diagnoses_or_names_anything_internal(lang: Lang) -> None:
    content = self_help(lang)
    texts = [content.title, content.subtitle, content.for_teacher]
    texts += [point.text for point in content.points()]
    texts += [section.title + " " + section.note for section in content.sections]
    for text in texts:
        assert not DIAGNOSING[lang].search(text), text
        assert not problems_in(text), text
    for source in content.sources:
        assert not problems_in(source.label(lang))
