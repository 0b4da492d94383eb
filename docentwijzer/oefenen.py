"""Oefenen: practise the conversation before it happens.

Practice conversations with fictional students are content (``content/<lang>/oefenen.json``, and
a trainer's own file). A conversation opens with a short situation; at each turn the student
says something and the teacher picks one of three or four things to say. Every choice carries
kind feedback (why it helps or hinders, with its public source) and the student's reply that
follows from it. A conversation ends in a referral: the leaf of the referral tree the talk leads
to and how the worry arrived (the walk's channel). The end is walked in the real tree
(:func:`referral_walk`), with the real tree content and the institution profile, so practice
and use are one path.

This module validates conversations (:func:`conversation_problems`: messages in the user's
language, so a trainer's draft can be checked with the same rules as the packaged content),
walks them (:class:`Practice`) and enumerates every path (:func:`all_paths`) for the tests.
It stores nothing: what a practice session keeps lives in :mod:`docentwijzer.oefenen_progress`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.handoff import Channel
from docentwijzer.i18n import Lang, t
from docentwijzer.sources import Source
from docentwijzer.tree import (
    LEAVES,
    START,
    Crumb,
    Destination,
    Leaf,
    Question,
    RouteError,
    StepNode,
    TreeContent,
    Walk,
)

#: How the worry reached the teacher (the referral tree's walk-level channel, one definition in
#: :mod:`docentwijzer.handoff`): in person, at a distance, or through someone else.
CHANNELS: tuple[str, ...] = get_args(Channel)

#: How a choice lands: it helps, it partly helps, or it makes the conversation harder.
Effect = Literal["helps", "partly", "hinders"]
EFFECTS: tuple[str, ...] = get_args(Effect)

#: Three or four things to say at every turn.
MIN_CHOICES = 3
MAX_CHOICES = 4
#: No path through a conversation is longer than this many turns (a practice takes minutes).
MAX_TURNS_ON_A_PATH = 7

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"

#: Reading and choosing speed used to estimate how long a conversation takes: words a minute
#: (plain-language reading, a little slower than average) and seconds to weigh each choice.
WORDS_PER_MINUTE = 180
SECONDS_PER_DECISION = 10
#: The referral step at the end: a few answers in the real tree, and reading the leaf.
REFERRAL_SECONDS = 45


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Item):
    """One thing the teacher can say, what it does, and how the student replies."""

    id: str = Field(pattern=ID_PATTERN)
    #: What the teacher says (or does).
    text: str
    effect: Effect
    #: Why it helps or hinders: kind, immediate, never shaming, never diagnosing.
    feedback: str
    source: Source | None = None
    #: What the student says next, because of this choice.
    reply: str
    #: The next turn, or the ending, by id.
    next: str
    #: The observer-checklist point this choice practises (see :class:`Skill`).
    skill: str = ""


class Turn(_Item):
    """One moment in the conversation: what happens, what the student says, what you can say."""

    id: str = Field(pattern=ID_PATTERN)
    #: What happens, in a few words ("Een week later, na de les.").
    narration: str = ""
    #: What the student says when the turn opens. Required on the first turn; later turns usually
    #: continue from the reply to the choice before.
    student: str = ""
    choices: list[Choice] = Field(default_factory=list)


class Ending(_Item):
    """Where the conversation leads: a leaf of the referral tree, and why."""

    id: str = Field(pattern=ID_PATTERN)
    #: What came of the talk, in one or two sentences.
    summary: str
    destination: Destination
    #: Why this leaf (shown when the teacher walks the tree at the end).
    why: str
    source: Source | None = None


class Skill(_Item):
    """A point on the observer checklist: what a helpful choice does, as an observer sees it."""

    id: str = Field(pattern=ID_PATTERN)
    observe: str = Field(min_length=1)
    source: Source


class ConfidenceStatement(_Item):
    """One statement of the personal confidence check (the teacher's own words, not a scale)."""

    id: str = Field(pattern=ID_PATTERN)
    text: str = Field(min_length=1)
    source: Source


class ConversationDraft(_Item):
    """A conversation as written, before the rules are checked (a trainer's draft)."""

    id: str = Field(pattern=ID_PATTERN)
    title: str
    #: The theme in a few words ("Eenzaamheid", "BSA-stress").
    theme: str = ""
    #: The situation from the teacher's side: where, when, what you noticed.
    situation: str
    #: The fictional student: a first name and a few words ("Sanne, tweedejaars").
    student: str
    channel: Channel = "in_person"
    #: For the person who plays the student when practising in threes.
    role_card: str = ""
    turns: list[Turn] = Field(default_factory=list)
    endings: list[Ending] = Field(default_factory=list)

    @property
    def start(self) -> Turn:
        return self.turns[0]

    def node(self, node_id: str) -> Turn | Ending:
        nodes: list[Turn | Ending] = [*self.turns, *self.endings]
        for item in nodes:
            if item.id == node_id:
                return item
        raise KeyError(node_id)

    def turn(self, turn_id: str) -> Turn:
        node = self.node(turn_id)
        if not isinstance(node, Turn):
            raise KeyError(turn_id)
        return node

    def choices(self) -> Iterator[tuple[Turn, Choice]]:
        for turn in self.turns:
            for choice in turn.choices:
                yield turn, choice

    @property
    def sources(self) -> list[Source]:
        found = [c.source for _, c in self.choices() if c.source is not None]
        found += [e.source for e in self.endings if e.source is not None]
        return list(dict.fromkeys(found))

    def destinations(self) -> list[str]:
        return list(dict.fromkeys(ending.destination for ending in self.endings))


class Conversation(ConversationDraft):
    """A conversation that passed every rule (packaged content, or a trainer's saved one)."""

    @model_validator(mode="after")
    def _sound(self) -> Conversation:
        problems = conversation_problems(self)
        if problems:
            raise ValueError("; ".join(str(problem) for problem in problems))
        return self


class PracticeContent(ContentDocument):
    """``content/<lang>/oefenen.json``."""

    title: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    #: The observer checklist's points; helpful choices name one.
    skills: list[Skill] = Field(min_length=1)
    confidence: list[ConfidenceStatement] = Field(min_length=1)
    conversations: list[Conversation] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> PracticeContent:
        problems: list[str] = []
        known = {skill.id for skill in self.skills}
        for conversation in self.conversations:
            problems += [str(p) for p in skill_problems(conversation, known)]
        ids = [c.id for c in self.conversations]
        problems += [
            t("oefenen.problem_id_twice", id=i) for i in sorted(set(ids)) if ids.count(i) > 1
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def conversation(self, conversation_id: str) -> Conversation:
        for conversation in self.conversations:
            if conversation.id == conversation_id:
                return conversation
        raise KeyError(conversation_id)

    def skill(self, skill_id: str) -> Skill:
        for skill in self.skills:
            if skill.id == skill_id:
                return skill
        raise KeyError(skill_id)


def practice_content(lang: Lang | None = None) -> PracticeContent:
    return load_content("oefenen", PracticeContent, lang)


# -- the rules ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a conversation, said where a trainer finds it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def _where_turn(number: int, lang: Lang | None) -> str:
    return t("oefenen.where_turn", lang=lang, number=number)


def _where_choice(turn: int, number: int, lang: Lang | None) -> str:
    return t("oefenen.where_choice", lang=lang, turn=turn, number=number)


def _where_ending(number: int, lang: Lang | None) -> str:
    return t("oefenen.where_ending", lang=lang, number=number)


def _blank(text: str) -> bool:
    return not text.strip()


def conversation_problems(
    conversation: ConversationDraft, lang: Lang | None = None
) -> list[Problem]:
    """Everything wrong with ``conversation``, in the user's language (empty when sound).

    Every path ends at an ending; every choice has its words, feedback, reply and source; no
    turn is a dead end or unreachable; no cycles; three or four choices a turn, at least one that
    helps; endings lead to a leaf of the referral tree.
    """
    problems: list[Problem] = []

    def add(where: str, key: str, **values: object) -> None:
        problems.append(Problem(where, t(f"oefenen.{key}", lang=lang, **values)))

    for field, key in (
        ("title", "problem_no_title"),
        ("situation", "problem_no_situation"),
        ("student", "problem_no_student"),
    ):
        if _blank(str(getattr(conversation, field))):
            add("", key)
    if not conversation.turns:
        add("", "problem_no_turns")
    if not conversation.endings:
        add("", "problem_no_endings")

    number_of: dict[str, str] = {}
    for index, turn in enumerate(conversation.turns, start=1):
        if turn.id in number_of:
            add(_where_turn(index, lang), "problem_node_twice", id=turn.id)
        number_of[turn.id] = _where_turn(index, lang)
    for index, ending in enumerate(conversation.endings, start=1):
        if ending.id in number_of:
            add(_where_ending(index, lang), "problem_node_twice", id=ending.id)
        number_of[ending.id] = _where_ending(index, lang)

    if conversation.turns and _blank(conversation.turns[0].student):
        add(_where_turn(1, lang), "problem_first_turn_silent")

    choice_ids: set[str] = set()
    for t_index, turn in enumerate(conversation.turns, start=1):
        here = _where_turn(t_index, lang)
        if not MIN_CHOICES <= len(turn.choices) <= MAX_CHOICES:
            add(here, "problem_choice_count", low=MIN_CHOICES, high=MAX_CHOICES)
        if turn.choices and not any(c.effect == "helps" for c in turn.choices):
            add(here, "problem_no_helping_choice")
        for c_index, choice in enumerate(turn.choices, start=1):
            where = _where_choice(t_index, c_index, lang)
            if choice.id in choice_ids:
                add(where, "problem_choice_twice", id=choice.id)
            choice_ids.add(choice.id)
            if _blank(choice.text):
                add(where, "problem_no_text")
            if _blank(choice.feedback):
                add(where, "problem_no_feedback")
            if _blank(choice.reply):
                add(where, "problem_no_reply")
            if choice.source is None:
                add(where, "problem_no_source")
            if choice.effect == "helps" and not choice.skill:
                add(where, "problem_no_skill")
            if choice.next == turn.id:
                add(where, "problem_loops_back")
            elif choice.next not in number_of:
                add(where, "problem_next_unknown")

    for index, ending in enumerate(conversation.endings, start=1):
        where = _where_ending(index, lang)
        if ending.destination not in LEAVES:
            add(where, "problem_not_a_leaf")
        if _blank(ending.summary):
            add(where, "problem_no_summary")
        if _blank(ending.why):
            add(where, "problem_no_why")
        if ending.source is None:
            add(where, "problem_no_source")

    if problems or not conversation.turns:
        return problems  # the shape must be sound before the paths can be followed

    # Reachability, cycles and path length: depth-first from the first turn.
    reached: set[str] = set()
    on_path: list[str] = []
    flagged: set[str] = set()

    def visit(node_id: str) -> None:
        if node_id in on_path:
            if node_id not in flagged:
                flagged.add(node_id)
                add(number_of[node_id], "problem_cycle")
            return
        reached.add(node_id)
        node = conversation.node(node_id)
        if not isinstance(node, Turn):
            return
        on_path.append(node_id)
        if len(on_path) > MAX_TURNS_ON_A_PATH and "long" not in flagged:
            flagged.add("long")
            add("", "problem_too_long", most=MAX_TURNS_ON_A_PATH)
        else:
            for target in dict.fromkeys(c.next for c in node.choices):
                visit(target)
        on_path.pop()

    visit(conversation.start.id)
    for node_id, where in number_of.items():
        if node_id not in reached:
            add(where, "problem_unreachable")
    return problems


def skill_problems(conversation: ConversationDraft, known: Iterable[str]) -> list[Problem]:
    """Choices that name an observer-checklist point that does not exist."""
    known = set(known)
    problems: list[Problem] = []
    for t_index, turn in enumerate(conversation.turns, start=1):
        for c_index, choice in enumerate(turn.choices, start=1):
            if choice.skill and choice.skill not in known:
                problems.append(
                    Problem(
                        f"{conversation.id}, {_where_choice(t_index, c_index, None)}",
                        t("oefenen.problem_skill_unknown", skill=choice.skill),
                    )
                )
    return problems


# -- walking a conversation ---------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the conversation as it went: who said it (or what happened)."""

    speaker: Literal["narration", "student", "teacher"]
    text: str


@dataclass(frozen=True)
class Outcome:
    """A choice made: what was said, at which turn, and what it did."""

    turn: Turn
    number: int
    choice: Choice


class PracticeError(ValueError):
    """A choice that is not on offer at this point."""


class Practice:
    """One walk through a conversation: choose, see the feedback, go back, start again.

    Nothing is stored; the screen shows what this answers.
    """

    def __init__(self, conversation: ConversationDraft) -> None:
        if not conversation.turns:
            raise PracticeError("a conversation needs a turn")
        self.conversation = conversation
        self._taken: list[Outcome] = []

    @property
    def current(self) -> Turn | Ending:
        if not self._taken:
            return self.conversation.start
        return self.conversation.node(self._taken[-1].choice.next)

    @property
    def ending(self) -> Ending | None:
        node = self.current
        return node if isinstance(node, Ending) else None

    def at_end(self) -> bool:
        return self.ending is not None

    @property
    def last(self) -> Outcome | None:
        """The choice just made: its feedback and the student's reply are shown now."""
        return self._taken[-1] if self._taken else None

    @property
    def taken(self) -> tuple[Outcome, ...]:
        return tuple(self._taken)

    def options(self) -> list[tuple[int, Choice]]:
        node = self.current
        if not isinstance(node, Turn):
            return []
        return list(enumerate(node.choices, start=1))

    def choose_number(self, number: int) -> Outcome:
        """Take choice ``number`` (1-based, as shown and typed)."""
        node = self.current
        if not isinstance(node, Turn) or not 1 <= number <= len(node.choices):
            raise PracticeError(f"no choice {number} here")
        outcome = Outcome(node, number, node.choices[number - 1])
        self._taken.append(outcome)
        return outcome

    def choose(self, choice_id: str) -> Outcome:
        for number, choice in self.options():
            if choice.id == choice_id:
                return self.choose_number(number)
        raise PracticeError(f"{choice_id!r} is not a choice here")

    def can_go_back(self) -> bool:
        return bool(self._taken)

    def back(self) -> bool:
        """Undo the last choice (try another line at the same turn)."""
        if not self._taken:
            return False
        self._taken.pop()
        return True

    def restart(self) -> None:
        self._taken = []

    def turn_number(self) -> int:
        """1-based position of the current turn on this walk."""
        return len(self._taken) + 1

    def transcript(self) -> list[Line]:
        """The conversation so far, in order (the current turn's opening included)."""
        lines: list[Line] = []

        def opening(turn: Turn) -> None:
            if turn.narration:
                lines.append(Line("narration", turn.narration))
            if turn.student:
                lines.append(Line("student", turn.student))

        opening(self.conversation.start)
        for outcome in self._taken:
            lines.append(Line("teacher", outcome.choice.text))
            lines.append(Line("student", outcome.choice.reply))
            following = self.conversation.node(outcome.choice.next)
            if isinstance(following, Turn):
                opening(following)
        return lines


def all_paths(conversation: ConversationDraft) -> list[list[tuple[str, str]]]:
    """Every walk from the first turn to an ending, as (turn id, choice id) pairs."""
    paths: list[list[tuple[str, str]]] = []

    def walk(turn: Turn, path: list[tuple[str, str]]) -> None:
        for choice in turn.choices:
            step = [*path, (turn.id, choice.id)]
            following = conversation.node(choice.next)
            if isinstance(following, Turn):
                walk(following, step)
            else:
                paths.append(step)

    walk(conversation.start, [])
    return paths


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def estimated_seconds(conversation: ConversationDraft, path: Sequence[tuple[str, str]]) -> int:
    """How long one walk takes: reading everything shown, weighing each choice, the referral.

    At each turn the teacher reads the opening and every option, then the feedback and the
    reply of the one chosen; at the end the summary and why, and walks the tree.
    """
    words = _words(conversation.situation)
    ending: Ending | None = None
    for turn_id, choice_id in path:
        turn = conversation.turn(turn_id)
        words += _words(turn.narration) + _words(turn.student)
        words += sum(_words(c.text) for c in turn.choices)
        choice = next(c for c in turn.choices if c.id == choice_id)
        words += _words(choice.feedback) + _words(choice.reply)
        following = conversation.node(choice.next)
        if isinstance(following, Ending):
            ending = following
    if ending is not None:
        words += _words(ending.summary) + _words(ending.why)
    reading = words * 60 / WORDS_PER_MINUTE
    return round(reading + SECONDS_PER_DECISION * len(path) + REFERRAL_SECONDS)


def estimated_minutes(conversation: ConversationDraft) -> tuple[float, float, float]:
    """The shortest, the middle (median) and the longest walk, in minutes."""
    seconds = sorted(estimated_seconds(conversation, path) for path in all_paths(conversation))
    return seconds[0] / 60, seconds[len(seconds) // 2] / 60, seconds[-1] / 60


# -- the referral step: the real tree ------------------------------------------------------------


def referral_walk(tree: TreeContent, channel: Channel = "in_person") -> Walk:
    """A fresh walk through the real referral tree, as after a real conversation.

    The walk carries how the worry arrived (the conversation's channel), so the leaf says what
    to do first for that channel, exactly as Beslisboom does.
    """
    return Walk(tree, channel=channel)


def intended_route(tree: TreeContent, destination: str) -> list[Crumb]:
    """The answers in the real tree that lead to ``destination`` with the fewest steps.

    Through the tree's questions first: a leaf's way on (doubt about danger, then "yes, about
    death") is taken only when nothing else leads there. So the route shown never passes
    another leaf, and never says "not sure about danger" for a talk in which there was none.
    """
    for via_leaves in (False, True):
        best = _shortest_paths(tree, via_leaves=via_leaves)
        if destination in best:
            return Walk(tree, best[destination]).breadcrumb()
    raise RouteError(f"{destination!r} cannot be reached in the tree")


def _shortest_paths(tree: TreeContent, *, via_leaves: bool) -> dict[str, list[str]]:
    """Node id -> the shortest path of node ids from the start (breadth first)."""
    best: dict[str, list[str]] = {START: [START]}
    frontier = [START]
    while frontier:
        following: list[str] = []
        for node_id in frontier:
            node = tree.node(node_id)
            if isinstance(node, Question):
                targets = [a.next for a in node.answers]
            elif isinstance(node, StepNode):
                targets = [node.next]
            elif via_leaves:
                targets = [a.next for a in getattr(node, "onward", [])]
            else:
                targets = []
            for target in targets:
                if target not in best:
                    best[target] = [*best[node_id], target]
                    following.append(target)
        frontier = following
    return best


@dataclass(frozen=True)
class ReferralVerdict:
    """Where the teacher's walk through the tree came out, set against the conversation."""

    reached: Leaf
    intended: Leaf
    matches: bool
    #: The answers that lead to the intended leaf (shown when the walk went elsewhere).
    route: list[Crumb]


def referral_verdict(walk: Walk, ending: Ending) -> ReferralVerdict | None:
    """At a leaf: did the walk reach the leaf this conversation leads to? ``None`` before."""
    node = walk.current
    if not isinstance(node, Leaf):
        return None
    intended = walk.tree.leaf(ending.destination)
    return ReferralVerdict(
        reached=node,
        intended=intended,
        matches=node.id == intended.id,
        route=intended_route(walk.tree, intended.id),
    )


def channel_name(channel: str, lang: Lang | None = None) -> str:
    return t(f"oefenen.channel_{channel}", lang=lang)


def effect_name(effect: str, lang: Lang | None = None) -> str:
    return t(f"oefenen.effect_{effect}", lang=lang)
