"""Practice conversations: the rules a conversation must meet, the walk, the referral step."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from docentwijzer.i18n import set_language
from docentwijzer.oefenen import (
    Conversation,
    ConversationDraft,
    Practice,
    PracticeError,
    all_paths,
    conversation_problems,
    estimated_seconds,
    intended_route,
    referral_verdict,
    referral_walk,
)
from docentwijzer.tree import LEAVES, tree_content

SOURCE = {"ref": "landelijk-kader-2023", "detail": "signalerende en doorverwijsrol"}


def _choice(cid: str, nxt: str, effect: str = "helps", **extra: Any) -> dict[str, Any]:
    choice = {
        "id": cid,
        "text": f"Zin {cid}",
        "effect": effect,
        "feedback": f"Feedback {cid}",
        "source": SOURCE,
        "reply": f"Antwoord {cid}",
        "next": nxt,
        "skill": "benoemen" if effect == "helps" else "",
    }
    choice.update(extra)
    return choice


def sound() -> dict[str, Any]:
    """Two turns, a repair turn after a hindering first choice, two endings."""
    return {
        "id": "oefen",
        "title": "Na de les",
        "situation": "Sanne blijft hangen na de les.",
        "student": "Sanne",
        "channel": "in_person",
        "turns": [
            {
                "id": "t1",
                "student": "Kan ik u even spreken?",
                "choices": [
                    _choice("a", "t2"),
                    _choice("b", "herstel", "hinders"),
                    _choice("c", "t2", "partly"),
                ],
            },
            {
                "id": "herstel",
                "narration": "Ze kijkt weg.",
                "choices": [_choice("d", "t2"), _choice("e", "t2", "partly"), _choice("f", "t2")],
            },
            {
                "id": "t2",
                "choices": [
                    _choice("g", "psychisch"),
                    _choice("h", "geen-hulp", "hinders"),
                    _choice("i", "psychisch", "partly"),
                    _choice("j", "psychisch"),
                ],
            },
        ],
        "endings": [
            {
                "id": "psychisch",
                "summary": "Ze wil met de studentpsycholoog praten.",
                "destination": "PSYCHISCH",
                "why": "Somber en slecht slapen.",
                "source": SOURCE,
            },
            {
                "id": "geen-hulp",
                "summary": "Ze wil nu geen hulp.",
                "destination": "GEEN_HULP",
                "why": "Ze houdt de regie.",
                "source": SOURCE,
            },
        ],
    }


def problems_of(raw: dict[str, Any], lang: str = "nl") -> list[str]:
    draft = ConversationDraft.model_validate(raw)
    return [str(p) for p in conversation_problems(draft, lang)]  # type: ignore[arg-type]


def test_a_sound_conversation_has_no_problems_and_validates() -> None:
    assert problems_of(sound()) == []
    conversation = Conversation.model_validate(sound())
    assert conversation.destinations() == ["PSYCHISCH", "GEEN_HULP"]


def test_a_choice_without_feedback_is_named_by_turn_and_choice_in_the_trainers_language() -> None:
    raw = sound()
    raw["turns"][0]["choices"][1]["feedback"] = "  "
    assert problems_of(raw, "nl") == [
        "Beurt 1, keuze 2: de feedback ontbreekt: waarom helpt dit, of waarom maakt het het "
        "lastiger?"
    ]
    assert problems_of(raw, "en")[0].startswith("Turn 1, choice 2: the feedback is missing")
    with pytest.raises(ValidationError, match="feedback ontbreekt"):
        Conversation.model_validate(raw)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("text", "", "Beurt 1, keuze 1: wat zegt de docent?"),
        ("reply", "", "Beurt 1, keuze 1: wat antwoordt de student hierop?"),
        ("source", None, "Beurt 1, keuze 1: kies een bron"),
        ("skill", "", "Beurt 1, keuze 1: kies het punt van de observatielijst"),
        ("next", "nergens", "Beurt 1, keuze 1: kies waar deze keuze naartoe leidt"),
        ("next", "t1", "Beurt 1, keuze 1: deze keuze leidt terug naar dezelfde beurt"),
    ],
)
def test_every_choice_needs_words_feedback_reply_source_and_a_way_on(
    field: str, value: object, expected: str
) -> None:
    raw = sound()
    raw["turns"][0]["choices"][0][field] = value
    found = problems_of(raw)
    assert any(p.startswith(expected) for p in found), found


def test_a_cycle_is_found_and_named() -> None:
    raw = sound()
    raw["turns"][2]["choices"][0]["next"] = "herstel"  # t2 -> herstel -> t2
    assert any("kringetje" in p and p.startswith("Beurt 2") for p in problems_of(raw))


def test_a_turn_no_choice_leads_to_is_reported() -> None:
    raw = sound()
    raw["turns"][0]["choices"][1]["next"] = "t2"  # nothing leads to "herstel" any more
    assert problems_of(raw) == ["Beurt 2: geen enkele keuze leidt hierheen."]


def test_an_ending_nothing_leads_to_is_reported() -> None:
    raw = sound()
    raw["turns"][2]["choices"][1]["next"] = "psychisch"
    assert problems_of(raw) == ["Einde 2: geen enkele keuze leidt hierheen."]


def test_three_or_four_choices_and_one_that_helps() -> None:
    raw = sound()
    raw["turns"][1]["choices"] = raw["turns"][1]["choices"][:2]
    assert problems_of(raw) == ["Beurt 2: geef 3 of 4 dingen om te zeggen."]
    raw = sound()
    for choice in raw["turns"][1]["choices"]:
        choice.update(effect="hinders", skill="")
    assert problems_of(raw) == ["Beurt 2: minstens één keuze moet helpen."]


def test_the_first_turn_starts_with_the_student_and_an_ending_is_a_leaf() -> None:
    raw = sound()
    raw["turns"][0]["student"] = ""
    raw["endings"][0]["destination"] = "GESPREK"
    assert problems_of(raw) == [
        "Beurt 1: schrijf op wat de student als eerste zegt.",
        "Einde 1: kies een uitkomst van de beslisboom.",
    ]


def test_an_empty_draft_says_what_is_missing_without_crashing() -> None:
    draft = ConversationDraft(id="leeg", title="", situation="", student="")
    found = [str(p) for p in conversation_problems(draft)]
    assert "Geef het gesprek een titel." in found
    assert "Het gesprek heeft nog geen beurt." in found
    assert any("nog geen einde" in p for p in found)


def test_a_very_long_route_is_refused() -> None:
    raw = sound()
    turns = []
    for index in range(9):
        nxt = f"t{index + 1}" if index < 8 else "psychisch"
        turns.append(
            {
                "id": f"t{index}",
                "student": "Hoi",
                "choices": [_choice(f"c{index}{n}", nxt) for n in range(3)],
            }
        )
    raw["turns"] = turns
    raw["endings"] = raw["endings"][:1]
    assert any("langer dan 7 beurten" in p for p in problems_of(raw))


# -- the walk -------------------------------------------------------------------------------------


def test_the_walk_shows_feedback_and_the_reply_that_follows_from_the_choice() -> None:
    practice = Practice(Conversation.model_validate(sound()))
    assert practice.current.id == "t1"
    assert [n for n, _ in practice.options()] == [1, 2, 3]
    outcome = practice.choose_number(2)
    assert outcome.choice.feedback == "Feedback b"
    assert practice.last == outcome
    assert practice.current.id == "herstel"
    lines = [(line.speaker, line.text) for line in practice.transcript()]
    assert lines == [
        ("student", "Kan ik u even spreken?"),
        ("teacher", "Zin b"),
        ("student", "Antwoord b"),
        ("narration", "Ze kijkt weg."),
    ]
    practice.choose("d")
    practice.choose_number(2)  # "h": leads to no help
    assert practice.at_end()
    assert practice.ending is not None and practice.ending.destination == "GEEN_HULP"
    assert practice.options() == []
    with pytest.raises(PracticeError):
        practice.choose_number(1)


def test_back_tries_another_line_and_restart_begins_again() -> None:
    practice = Practice(Conversation.model_validate(sound()))
    practice.choose_number(2)
    assert practice.back()
    assert practice.current.id == "t1" and practice.last is None
    assert not practice.back()
    practice.choose_number(1)
    practice.choose_number(1)
    practice.restart()
    assert practice.current.id == "t1" and practice.transcript()[-1].speaker == "student"


def test_a_number_that_is_not_on_offer_is_refused() -> None:
    practice = Practice(Conversation.model_validate(sound()))
    for number in (0, 4, 9):
        with pytest.raises(PracticeError):
            practice.choose_number(number)


def test_all_paths_follows_every_choice_to_an_ending() -> None:
    conversation = Conversation.model_validate(sound())
    paths = all_paths(conversation)
    # a, c lead to t2 (4 choices each); b leads to herstel (3 choices) then t2 (4 choices)
    assert len(paths) == 2 * 4 + 3 * 4
    for path in paths:
        practice = Practice(conversation)
        for _turn, choice in path:
            practice.choose(choice)
        assert practice.at_end()


def test_the_estimate_counts_reading_and_choosing() -> None:
    conversation = Conversation.model_validate(sound())
    short = [("t1", "a"), ("t2", "g")]
    longer = [("t1", "b"), ("herstel", "d"), ("t2", "g")]
    assert 0 < estimated_seconds(conversation, short) < estimated_seconds(conversation, longer)


# -- the referral step in the real tree ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_leaf_has_a_route_in_the_real_tree(lang: str) -> None:
    tree = tree_content(lang)  # type: ignore[arg-type]
    for leaf in LEAVES:
        route = intended_route(tree, leaf)
        assert route, leaf
        walk = referral_walk(tree)
        for crumb in route:
            option = next(o for o in walk.options() if o.label == crumb.answered)
            walk.choose(option.target)
        assert walk.current.id == leaf


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_route_shown_to_a_leaf_never_passes_another_leaf(lang: str) -> None:
    """The way to the suicide guidance is 'no danger now', then 'yes, about death': not through
    'not sure about danger' and that leaf's way on, which says the opposite of the talk."""
    tree = tree_content(lang)  # type: ignore[arg-type]
    for leaf in LEAVES:
        passed = [c.node_id for c in intended_route(tree, leaf) if c.node_id in LEAVES]
        assert passed == [], (leaf, passed)
    first = intended_route(tree, "ZELFDODING")[0]
    assert first.answered == ("Nee" if lang == "nl" else "No")


def test_the_verdict_compares_the_walk_with_the_conversations_ending() -> None:
    set_language("nl")
    tree = tree_content("nl")
    ending = Conversation.model_validate(sound()).endings[0]  # PSYCHISCH
    walk = referral_walk(tree)
    assert referral_verdict(walk, ending) is None  # not at a leaf yet
    for crumb in intended_route(tree, "PSYCHISCH"):
        walk.choose(next(o.target for o in walk.options() if o.label == crumb.answered))
    verdict = referral_verdict(walk, ending)
    assert verdict is not None and verdict.matches and verdict.reached.id == "PSYCHISCH"

    elsewhere = referral_walk(tree)
    for crumb in intended_route(tree, "STUDIE"):
        elsewhere.choose(next(o.target for o in elsewhere.options() if o.label == crumb.answered))
    verdict = referral_verdict(elsewhere, ending)
    assert verdict is not None and not verdict.matches
    assert verdict.intended.id == "PSYCHISCH" and verdict.route[-1].answered


def test_the_referral_walk_carries_the_conversations_channel() -> None:
    tree = tree_content("nl")

    def first_steps(channel: str) -> list[str]:
        walk = referral_walk(tree, channel)  # type: ignore[arg-type]
        assert walk.channel == channel
        for crumb in intended_route(tree, "TWIJFEL_GEVAAR"):
            walk.choose(next(o.target for o in walk.options() if o.label == crumb.answered))
        return [a.text for a in walk.first_steps()]

    told, seen = first_steps("via_other"), first_steps("in_person")
    assert told and seen and told != seen
