"""'En jij?': the self-care page says you do not carry it alone, who to talk to, what is normal."""

from __future__ import annotations

import pytest

from docentwijzer.i18n import LANGUAGES, Lang
from docentwijzer.zelfzorg import self_care


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_has_its_three_parts_and_names_113_for_the_teacher(lang: Lang) -> None:
    content = self_care(lang)
    assert [s.id for s in content.sections] == ["niet-alleen", "met-wie", "normaal"]
    who = " ".join(p.text for p in content.sections[1].points)
    assert "113" in who and "0800-0113" in who and "0900-0113" not in who
    assert {p.id for p in content.sections[1].points} >= {"collega", "decaan", "113"}
    assert all(point.source.label(lang) for s in content.sections for point in s.points)


def test_dutch_and_english_name_the_same_sources() -> None:
    refs = {
        lang: [p.source.ref for s in self_care(lang).sections for p in s.points]
        for lang in LANGUAGES
    }
    assert refs["nl"] == refs["en"]
