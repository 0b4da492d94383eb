"""The packaged practice conversations: enough of them, every path walked, every leaf reached."""

from __future__ import annotations

import re

import pytest

from docentwijzer.i18n import LANGUAGES, Lang
from docentwijzer.oefenen import (
    Conversation,
    Ending,
    Practice,
    all_paths,
    estimated_minutes,
    intended_route,
    practice_content,
    referral_verdict,
    referral_walk,
)
from docentwijzer.tree import LEAVES, tree_content

#: Words that shame or diagnose; feedback never uses them (as whole words).
SHAMING_OR_DIAGNOSING: dict[str, tuple[str, ...]] = {
    "nl": (
        "fout",
        "foute",
        "slecht",
        "dom",
        "verkeerd",
        "verkeerde",
        "stom",
        "faalt",
        "depressie",
        "depressief",
        "stoornis",
        "burn-out",
        "verslaafd",
        "verslaving",
        "suïcidaal",
        "angststoornis",
        "ziek",
    ),
    "en": (
        "wrong",
        "bad",
        "stupid",
        "mistake",
        "fail",
        "failed",
        "poor",
        "depression",
        "depressed",
        "disorder",
        "burnout",
        "addict",
        "addicted",
        "addiction",
        "suicidal",
        "ill",
        "sick",
    ),
}


def _conversations(lang: Lang) -> list[Conversation]:
    return practice_content(lang).conversations


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_twelve_conversations_reach_every_leaf_of_the_tree(lang: Lang) -> None:
    conversations = _conversations(lang)
    assert len(conversations) >= 12
    reached = {d for c in conversations for d in c.destinations()}
    assert reached == set(LEAVES)
    channels = {c.channel for c in conversations}
    assert channels == {"in_person", "distance", "via_other"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_path_of_every_conversation_is_walked_to_an_ending(lang: Lang) -> None:
    walked = 0
    for conversation in _conversations(lang):
        endings_reached: set[str] = set()
        paths = all_paths(conversation)
        assert paths, conversation.id
        for path in paths:
            practice = Practice(conversation)
            for turn_id, choice_id in path:
                assert practice.current.id == turn_id
                outcome = practice.choose(choice_id)
                assert outcome.choice.feedback.strip() and outcome.choice.source is not None
                assert outcome.choice.reply.strip()
            assert practice.at_end(), (conversation.id, path)
            assert isinstance(practice.ending, Ending)
            endings_reached.add(practice.ending.id)
            walked += 1
        # every turn and every ending is on some path
        on_paths = {turn for path in paths for turn, _ in path}
        assert on_paths == {t.id for t in conversation.turns}, conversation.id
        assert endings_reached == {e.id for e in conversation.endings}, conversation.id
    assert walked > 500  # the conversations branch: hundreds of distinct walks


def test_dutch_and_english_have_the_same_shape() -> None:
    def shape(conversation: Conversation) -> object:
        return (
            conversation.id,
            conversation.channel,
            [
                (
                    t.id,
                    bool(t.student),
                    bool(t.narration),
                    [(c.id, c.effect, c.next, c.skill) for c in t.choices],
                )
                for t in conversation.turns
            ],
            [(e.id, e.destination) for e in conversation.endings],
        )

    nl = [shape(c) for c in _conversations("nl")]
    en = [shape(c) for c in _conversations("en")]
    assert nl == en
    refs = {
        lang: [
            c.source.ref
            for conv in _conversations(lang)
            for _, c in conv.choices()
            if c.source is not None
        ]
        for lang in LANGUAGES
    }
    assert refs["nl"] == refs["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feedback_never_shames_or_diagnoses(lang: Lang) -> None:
    banned = SHAMING_OR_DIAGNOSING[lang]
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in banned) + r")\b", re.I)
    found = [
        (conversation.id, choice.id, match.group(0))
        for conversation in _conversations(lang)
        for _, choice in conversation.choices()
        if (match := pattern.search(choice.feedback))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("lang", "doctor", "today"), [("nl", "huisarts", "vandaag"), ("en", "GP", "today")]
)
def test_no_line_says_the_gp_today_as_the_tree_does_not(
    lang: Lang, doctor: str, today: str
) -> None:
    # The tree says "seek help together with the GP; if it cannot wait until the next working
    # day, the huisartsenpost" (no public source says "the GP today"); practice says no more.
    lines = [
        text
        for conversation in _conversations(lang)
        for _, choice in conversation.choices()
        for text in (choice.text, choice.feedback)
    ] + [ending.why for conversation in _conversations(lang) for ending in conversation.endings]
    said = [line for line in lines if doctor.casefold() in line.casefold()]
    assert said, "practice names the GP"
    assert [line for line in said if today in line.casefold()] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_turn_offers_a_helpful_line_and_one_that_is_not(lang: Lang) -> None:
    for conversation in _conversations(lang):
        for turn in conversation.turns:
            effects = {c.effect for c in turn.choices}
            assert "helps" in effects, (conversation.id, turn.id)
            assert effects - {"helps"}, (conversation.id, turn.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_practice_takes_three_to_five_minutes(lang: Lang) -> None:
    for conversation in _conversations(lang):
        shortest, middle, longest = estimated_minutes(conversation)
        assert 3 <= middle <= 5, (conversation.id, middle)
        assert shortest >= 2 and longest <= 5.5, (conversation.id, shortest, longest)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_ending_is_reached_in_the_real_tree_by_its_route(lang: Lang) -> None:
    tree = tree_content(lang)
    for conversation in _conversations(lang):
        for ending in conversation.endings:
            walk = referral_walk(tree)
            for crumb in intended_route(tree, ending.destination):
                walk.choose(next(o.target for o in walk.options() if o.label == crumb.answered))
            verdict = referral_verdict(walk, ending)
            assert verdict is not None and verdict.matches, (conversation.id, ending.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_observer_checklist_and_confidence_check_are_sourced(lang: Lang) -> None:
    content = practice_content(lang)
    used = {c.skill for conv in content.conversations for _, c in conv.choices() if c.skill}
    assert used == {skill.id for skill in content.skills}  # every point is practised somewhere
    assert [s.id for s in content.confidence] == ["opmerken", "vragen", "zelfdoding", "verwijzen"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_ending_names_its_place_in_the_tree_in_the_trees_own_words(lang: Lang) -> None:
    """'In the referral guide that is X': X is the answer the teacher will find in the tree."""
    tree = tree_content(lang)
    unnamed = []
    for conversation in _conversations(lang):
        for ending in conversation.endings:
            last_answer = intended_route(tree, ending.destination)[-1].answered
            words = {last_answer.casefold(), tree.leaf(ending.destination).title.casefold()}
            if not any(f"'{w}'" in ending.why.casefold() for w in words):
                unnamed.append((conversation.id, ending.id, last_answer))
    assert unnamed == []
