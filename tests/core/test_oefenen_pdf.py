"""The observer sheet for practising in threes: role card, teacher card, observer checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from docentwijzer.i18n import LANGUAGES, Lang
from docentwijzer.oefenen import practice_content
from docentwijzer.oefenen_pdf import pitfalls, skills_practised, write_observer_sheet
from docentwijzer.pdf import PdfWriteError
from docentwijzer.tree import tree_content


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_role_has_its_own_page_drawn_from_the_conversation(tmp_path: Path, lang: Lang) -> None:
    content = practice_content(lang)
    conversation = content.conversation("niet-meer-willen")
    target = tmp_path / "sheet.pdf"
    write_observer_sheet(target, conversation, content.skills, tree_content(lang), lang)
    pages = _pages(target)
    assert len(pages) == 3
    teacher, student, observer = pages
    assert _flat(conversation.situation) in teacher
    assert _flat(conversation.role_card)[:80] in student
    assert _flat(conversation.start.student) in student
    assert _flat(conversation.situation) not in observer
    checklist = skills_practised(conversation, content.skills)
    assert [s.id for s in checklist] == ["benoemen", "vraag-zelfdoding", "geen-geheim", "verwijzen"]
    for skill in checklist:
        assert _flat(skill.observe)[:40] in observer
    assert "113" in observer  # the referral and the "en jij?" question
    assert tree_content(lang).leaf("ZELFDODING").title in observer


def test_the_checklist_is_the_practised_points_and_the_pitfalls_the_hindering_lines() -> None:
    content = practice_content("nl")
    conversation = content.conversation("geheim-houden")
    hindering = [c.text for _, c in conversation.choices() if c.effect == "hinders"]
    assert [p.strip("“”") for p in pitfalls(conversation)] == hindering
    assert "geen-geheim" in [s.id for s in skills_practised(conversation, content.skills)]


def test_every_packaged_conversation_gets_a_sheet(tmp_path: Path) -> None:
    content = practice_content("en")
    tree = tree_content("en")
    for conversation in content.conversations:
        target = tmp_path / f"{conversation.id}.pdf"
        write_observer_sheet(target, conversation, content.skills, tree, "en")
        assert len(PdfReader(target).pages) >= 3


def test_an_unwritable_place_is_a_clear_message(tmp_path: Path) -> None:
    content = practice_content("nl")
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(PdfWriteError, match="kon niet worden opgeslagen"):
        write_observer_sheet(
            blocked / "sheet.pdf", content.conversations[0], content.skills, tree_content("nl")
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sheet_is_one_page_per_role_so_it_can_be_handed_out(
    tmp_path: Path, lang: Lang
) -> None:
    content = practice_content(lang)
    tree = tree_content(lang)
    for conversation in content.conversations:
        target = tmp_path / f"{conversation.id}.pdf"
        write_observer_sheet(target, conversation, content.skills, tree, lang)
        pages = _pages(target)
        # three people, three pages: nothing of a role (or the sources) spills onto a fourth
        assert len(pages) == 3, conversation.id
        teacher, _student, observer = pages
        # the sources the sheet quotes are listed, on the page that explains the exercise
        assert ("Bronnen" if lang == "nl" else "Sources") in teacher
        # where the talk leads: each leaf of the tree named once, with every reason under it
        for destination in conversation.destinations():
            title = _flat(tree.leaf(destination).title)
            assert observer.count(title) == 1, (conversation.id, title)
        for ending in conversation.endings:
            assert _flat(ending.why)[:60] in observer
