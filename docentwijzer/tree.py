"""The referral tree (beslisboom): its content model, structural checks and the walk.

The tree is data (``content/<lang>/beslisboom.json``, described in docs/beslisboom.md). This
module validates it (pydantic plus a structural check: every node reachable, no cycles, every
path ends at a leaf, every leaf is complete, the urgent leaf one answer from the start, the
suicide guidance at most two answers away whether the teacher is sure of the danger or not, first
steps for every way a worry can arrive), walks it (:class:`Walk`: choose, back, restart,
breadcrumb, the walk's :data:`Channel`, a route that can be saved, parked and resumed), and
resolves a leaf's contacts against the institution profile and the national numbers, aware of
office hours and public holidays. The UI only shows what this module answers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.handoff import Channel, NoteDraft, SignalContext
from docentwijzer.helplines import HelpContent
from docentwijzer.i18n import Lang, t
from docentwijzer.profile import ROLES, InstitutionProfile, Role, contact_for
from docentwijzer.sources import Source
from docentwijzer.workdays import add_working_days, is_public_holiday

#: Node ids fixed for the whole app (other tools and the acute screen rely on them).
START = "start"
URGENT_LEAF = "ACUUT"
DOUBT_LEAF = "TWIJFEL_GEVAAR"
SUICIDE_LEAF = "ZELFDODING"
CONVERSATION_STEP = "GESPREK"
NEED_QUESTION = "behoefte"
QUESTIONS = ("start", "zelfdoding", "gesprek", "behoefte")
STEPS = ("GESPREK",)
#: Where a walk ends or can be pointed to: every leaf and the conversation step, in the order
#: the tree reaches them. The checklist and the training cases name their targets with these.
Destination = Literal[
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
]
DESTINATIONS: tuple[str, ...] = get_args(Destination)
LEAVES = tuple(node for node in DESTINATIONS if node not in STEPS)
#: The leaves the acute screen shows (one source of truth for urgent guidance).
ACUTE_LEAVES = (URGENT_LEAF, DOUBT_LEAF, SUICIDE_LEAF)
#: What another tool can point the tree at: a destination, or the "what does the student need"
#: question (the checklist's "the student tells you": you have talked already). In the order the
#: tree reaches them.
Pointer = Literal[
    "ACUUT",
    "TWIJFEL_GEVAAR",
    "ZELFDODING",
    "GESPREK",
    "behoefte",
    "PSYCHISCH",
    "MIDDELEN",
    "STUDIE",
    "OMSTANDIGHEDEN",
    "SOCIALE_VEILIGHEID",
    "BINDING",
    "GEEN_HULP",
    "OVERLEG",
]
POINTER_ORDER: tuple[str, ...] = get_args(Pointer)
assert set(POINTER_ORDER) == {*DESTINATIONS, NEED_QUESTION}, "Pointer lists every destination"

#: How the worry arrived (defined at the seam in :mod:`docentwijzer.handoff`, re-exported here).
CHANNELS: tuple[Channel, ...] = get_args(Channel)
#: Until the teacher says otherwise: the student is with you, or you noticed it yourself.
DEFAULT_CHANNEL: Channel = "in_person"

#: At most this many answers from the start to the suicide guidance, sure of the danger or not.
SUICIDE_BUDGET = 2

#: What a phrase in "Wat je kunt zeggen" is for.
PhraseKind = Literal["opener", "ask", "listen", "secrecy", "close", "avoid"]
PHRASE_KINDS: tuple[PhraseKind, ...] = get_args(PhraseKind)

#: National lines a leaf may name (their numbers live in content/<lang>/hulp.json).
HELPLINES = (
    "112",
    "113",
    "politie",
    "huisartsenpost",
    "veilig_thuis",
    "centrum_seksueel_geweld",
)
#: The student's own GP: named, never given a number.
OWN_GP = "huisarts"
#: Who a leaf may name: an institution role (the profile's), a national line, or the own GP.
ContactKey = Literal[
    Role, "112", "113", "politie", "veilig_thuis", "centrum_seksueel_geweld", "huisarts"
]

OFFICE_OPENS = 8
OFFICE_CLOSES = 17


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Action(_Item):
    """One thing to do now, in order."""

    id: str
    text: str = Field(min_length=1)
    source: Source


class RolePoint(_Item):
    """One point of "Jouw rol", shown on every leaf."""

    id: str
    text: str = Field(min_length=1)
    source: Source


class ContactRef(_Item):
    """Who a leaf refers to: a profile role, a national line, or the student's own GP."""

    contact: ContactKey
    #: Why this contact, in this leaf (e.g. "bij twijfel").
    note: str = ""
    #: "office": in office hours; "outside": outside them (comes first then); "always".
    hours: Literal["always", "office", "outside"] = "always"


class FollowUp(_Item):
    text: str = Field(min_length=1)
    #: The suggested follow-up date is this many days from today.
    days: int = Field(ge=0, le=60)
    #: Count working days (weekends and public holidays skipped). Only where the text says so
    #: ("binnen een werkweek", "de volgende werkdag"); otherwise calendar days.
    working_days: bool = False
    source: Source


class Phrase(_Item):
    """One thing a teacher can say (or had better not say), in the student-facing tone.

    Phrases live once in the tree's phrase book and nodes name them by id, so other tools (the
    practice exercise) can reuse the same sentences.
    """

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    kind: PhraseKind
    text: str = Field(min_length=1)
    #: For "avoid": why, or what to say instead. For others: when it fits (optional).
    note: str = ""
    #: The ways of arrival this phrase fits; empty: all of them.
    channels: list[Channel] = Field(default_factory=list)
    source: Source

    def fits(self, channel: Channel) -> bool:
        return not self.channels or channel in self.channels


class Answer(_Item):
    label: str = Field(min_length=1)
    hint: str = ""
    next: str
    #: An answer that leads to urgent help: shown distinct but calm.
    urgent: bool = False


class Question(_Item):
    kind: Literal["question"]
    id: str
    text: str = Field(min_length=1)
    help: str = ""
    answers: list[Answer] = Field(min_length=2, max_length=9)
    source: Source


class StepNode(_Item):
    """Guidance to read before going on (the conversation step GESPREK).

    A step can be parked: saved as a note (with its follow-up, "after the conversation") or
    printed, and resumed later at ``next``.
    """

    kind: Literal["step"]
    id: str
    title: str = Field(min_length=1)
    intro: str = ""
    #: What to do first, by how the worry arrived.
    first_steps: dict[Channel, list[Action]] = Field(default_factory=dict)
    actions: list[Action] = Field(min_length=1)
    #: Ids of phrases from the phrase book ("Wat je kunt zeggen").
    say: list[str] = Field(default_factory=list)
    continue_label: str = Field(min_length=1)
    next: str
    #: Where the conversation may lead instead (e.g. talk of death heard in it: the suicide
    #: guidance); each is an answer, unlike "Verder".
    onward_title: str = ""
    onward: list[Answer] = Field(default_factory=list)
    #: When to come back to a parked route.
    follow_up: FollowUp | None = None
    sources: list[Source] = Field(min_length=1)


class Leaf(_Item):
    kind: Literal["leaf"]
    id: str
    title: str = Field(min_length=1)
    #: The situation in one line ("when does this apply").
    summary: str = ""
    urgent: bool = False
    #: Where the guidance may lead on from here (e.g. from "not sure about danger" to the suicide
    #: guidance); each is one more answer.
    onward_title: str = ""
    onward: list[Answer] = Field(default_factory=list)
    #: What to do first, by how the worry arrived (every channel, on an urgent leaf).
    first_steps: dict[Channel, list[Action]] = Field(default_factory=dict)
    actions: list[Action] = Field(min_length=1)
    contacts: list[ContactRef] = Field(default_factory=list)
    #: Ids of phrases from the phrase book ("Wat je kunt zeggen").
    say: list[str] = Field(default_factory=list)
    follow_up: FollowUp
    #: Optional pointer to another tool ("openheid", "belonging") with why.
    see_also: dict[str, str] = Field(default_factory=dict)
    sources: list[Source] = Field(min_length=1)


Node = Annotated[Question | StepNode | Leaf, Field(discriminator="kind")]


class TreeContent(ContentDocument):
    """``content/<lang>/beslisboom.json``."""

    title: str
    intro: str
    your_role_title: str
    your_role: list[RolePoint] = Field(min_length=1)
    #: The phrase book of "Wat je kunt zeggen"; nodes name phrases by id.
    phrases: list[Phrase] = Field(default_factory=list)
    nodes: list[Node] = Field(min_length=1)

    @model_validator(mode="after")
    def _structure(self) -> TreeContent:
        problems = structural_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def node(self, node_id: str) -> Question | StepNode | Leaf:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def leaf(self, node_id: str) -> Leaf:
        node = self.node(node_id)
        if not isinstance(node, Leaf):
            raise KeyError(node_id)
        return node

    def leaves(self) -> list[Leaf]:
        return [n for n in self.nodes if isinstance(n, Leaf)]

    def phrase(self, phrase_id: str) -> Phrase:
        for phrase in self.phrases:
            if phrase.id == phrase_id:
                return phrase
        raise KeyError(phrase_id)

    def say(
        self, node: Question | StepNode | Leaf, channel: Channel = DEFAULT_CHANNEL
    ) -> list[Phrase]:
        """The node's phrases that fit ``channel``, in their order (avoid-phrases included)."""
        if isinstance(node, Question):
            return []
        return [p for p in (self.phrase(i) for i in node.say) if p.fits(channel)]


def _targets(node: Question | StepNode | Leaf) -> list[str]:
    if isinstance(node, Question):
        return [answer.next for answer in node.answers]
    if isinstance(node, StepNode):
        return [node.next, *(answer.next for answer in node.onward)]
    return [answer.next for answer in node.onward]


def _edges(node: Question | StepNode | Leaf) -> list[tuple[str, int]]:
    """(target, answers it costs): an answer or an onward choice is one; "Verder" is none."""
    if isinstance(node, StepNode):
        return [(node.next, 0), *((answer.next, 1) for answer in node.onward)]
    return [(target, 1) for target in _targets(node)]


def fewest_answers(tree: TreeContent, target: str, start: str = START) -> int | None:
    """The fewest answers from ``start`` to ``target`` (a step's "Verder" not counted)."""
    best: dict[str, int] = {start: 0}
    queue: deque[str] = deque([start])
    while queue:  # 0-1 breadth-first search
        here = queue.popleft()
        for there, cost in _edges(tree.node(here)):
            if there not in best or best[here] + cost < best[there]:
                best[there] = best[here] + cost
                (queue.appendleft if cost == 0 else queue.append)(there)
    return best.get(target)


def _say_problems(tree: TreeContent, by_id: dict[str, Question | StepNode | Leaf]) -> list[str]:
    problems: list[str] = []
    phrase_ids = [p.id for p in tree.phrases]
    problems += [
        f"phrase {i!r} appears twice" for i in sorted(set(phrase_ids)) if phrase_ids.count(i) > 1
    ]
    known = {p.id: p for p in tree.phrases}
    used: set[str] = set()
    for node in by_id.values():
        if isinstance(node, Question):
            continue
        used.update(node.say)
        unknown = [i for i in node.say if i not in known]
        problems += [f"node {node.id!r} names unknown phrase {i!r}" for i in unknown]
        if unknown:
            continue
        phrases = [known[i] for i in node.say]
        for channel in CHANNELS:
            kinds = {p.kind for p in phrases if p.fits(channel)}
            wanted = {"close", "avoid"} | (
                {"ask", "secrecy"} if node.id in (DOUBT_LEAF, SUICIDE_LEAF) else set()
            )
            if not kinds - {"avoid"}:
                wanted.add("something to say")
            for kind in sorted(wanted - kinds):
                problems.append(f"node {node.id!r} has no {kind!r} phrase for channel {channel!r}")
    problems += [f"phrase {i!r} is not used by any node" for i in sorted(set(known) - used)]
    return problems


def _first_step_problems(node: StepNode | Leaf) -> list[str]:
    problems: list[str] = []
    needs_all = isinstance(node, StepNode) or node.urgent
    for channel in CHANNELS:
        steps = node.first_steps.get(channel, [])
        if needs_all and not steps:
            problems.append(f"node {node.id!r} has no first steps for channel {channel!r}")
        ids = [a.id for a in [*steps, *node.actions]]
        if len(set(ids)) != len(ids):
            problems.append(f"node {node.id!r}: two actions share an id (channel {channel!r})")
    return problems


def structural_problems(tree: TreeContent) -> list[str]:
    """Everything wrong with the shape of ``tree`` (empty when it is sound)."""
    problems: list[str] = []
    by_id: dict[str, Question | StepNode | Leaf] = {}
    for node in tree.nodes:
        if node.id in by_id:
            problems.append(f"node {node.id!r} appears twice")
        by_id[node.id] = node
    for node in tree.nodes:
        targets = _targets(node)
        if len(set(targets)) != len(targets):
            problems.append(f"node {node.id!r}: two answers lead to the same node")
        problems += [
            f"node {node.id!r}: answer leads to unknown node {target!r}"
            for target in targets
            if target not in by_id
        ]
        if isinstance(node, Leaf) and not node.contacts:
            problems.append(f"leaf {node.id!r} has no contact or national number")
        if isinstance(node, Leaf | StepNode):
            problems += _first_step_problems(node)
        if isinstance(node, StepNode) and node.follow_up is None:
            problems.append(f"step {node.id!r} has no follow-up (needed to park the route)")
    if START not in by_id:
        return [*problems, f"there is no {START!r} node"]
    if problems:
        return problems

    # Reachability and cycles: depth-first from the start, tracking the current path.
    reached: set[str] = set()
    on_path: list[str] = []

    def visit(node_id: str) -> None:
        if node_id in on_path:
            problems.append(f"cycle: {' -> '.join([*on_path, node_id])}")
            return
        if node_id in reached:
            return
        reached.add(node_id)
        on_path.append(node_id)
        node = by_id[node_id]
        if not isinstance(node, Leaf) and not _targets(node):
            problems.append(f"node {node_id!r} is a dead end (not a leaf)")
        for target in _targets(node):
            visit(target)
        on_path.pop()

    visit(START)
    problems += [f"node {n!r} cannot be reached from the start" for n in by_id if n not in reached]

    start = by_id[START]
    if URGENT_LEAF not in _targets(start):
        problems.append(f"{URGENT_LEAF!r} is not one answer away from the start")
    elif isinstance(start, Question) and start.answers[0].next != URGENT_LEAF:
        problems.append(f"the first answer at the start must lead to {URGENT_LEAF!r}")
    expected = {*QUESTIONS, *STEPS, *LEAVES}
    missing = sorted(expected - set(by_id))
    if missing:
        problems.append(f"missing nodes: {', '.join(missing)}")
    kinds = {"question": QUESTIONS, "step": STEPS, "leaf": LEAVES}
    for kind, ids in kinds.items():
        problems += [
            f"node {i!r} must be a {kind}" for i in ids if i in by_id and by_id[i].kind != kind
        ]
    if problems:
        return problems
    # Any hint of suicide, sure of the danger or not, reaches the suicide guidance quickly.
    for leads_on in (DOUBT_LEAF, CONVERSATION_STEP):
        node = by_id[leads_on]
        if isinstance(node, Leaf | StepNode) and SUICIDE_LEAF not in [a.next for a in node.onward]:
            problems.append(f"{leads_on!r} must offer the way on to {SUICIDE_LEAF!r}")
    for via in (START, DOUBT_LEAF):
        before = fewest_answers(tree, via) or 0
        after = fewest_answers(tree, SUICIDE_LEAF, start=via)
        if after is None or before + after > SUICIDE_BUDGET:
            problems.append(
                f"{SUICIDE_LEAF!r} is more than {SUICIDE_BUDGET} answers from the start via {via!r}"
            )
    return problems + _say_problems(tree, by_id)


def tree_content(lang: Lang | None = None) -> TreeContent:
    return load_content("beslisboom", TreeContent, lang)


# -- the walk ------------------------------------------------------------------------------------


class RouteError(ValueError):
    """A saved route does not fit the tree (any more)."""


@dataclass(frozen=True)
class Option:
    """A choice at the current node: an answer to a question, "continue" after a step, or a
    way on from a leaf."""

    number: int
    label: str
    hint: str
    target: str
    urgent: bool


@dataclass(frozen=True)
class Crumb:
    """One step of the route taken: the question asked and the answer given."""

    node_id: str
    asked: str
    answered: str
    #: An answer (to a question, or a way on from a leaf); False for a step's "Verder".
    counts: bool = True


#: The version of :class:`Route` this app writes; older routes are migrated on restore.
ROUTE_SCHEMA = 2


class Route(BaseModel):
    """What a saved route holds (the ``route`` link of a note).

    Version 2 added the walk's :data:`Channel`. A version-1 route (no channel) is restored as
    "in person": that is what the guidance of that time assumed.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = Field(default=ROUTE_SCHEMA, ge=1, le=ROUTE_SCHEMA)
    path: list[str] = Field(min_length=1)
    #: Action ids the teacher ticked at the end point (first steps and actions).
    done: list[str] = Field(default_factory=list)
    #: How the worry arrived.
    channel: Channel = DEFAULT_CHANNEL
    #: Leaf title and the breadcrumb as text, so a note stays readable without the tree.
    summary: str = ""

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("schema_version", 1) == 1:
            data = {**data, "schema_version": ROUTE_SCHEMA}
            data.setdefault("channel", DEFAULT_CHANNEL)
        return data


@dataclass(frozen=True)
class Resumed:
    """A saved route brought back as far as it still fits the tree."""

    walk: Walk
    #: The ticked action ids that still exist at the end point.
    done: list[str]
    #: The whole saved path still fits (nothing was dropped).
    complete: bool
    #: The route was parked at a step and now continues after it ("na het gesprek").
    continued: bool
    #: The saved node ids that no longer fit, from the first misfit on.
    dropped: list[str] = field(default_factory=list)
    #: False when the data was not a route at all (the walk starts at the first question).
    readable: bool = True


class Walk:
    """A walk through the tree: where you are, how you got there, back and restart.

    The walk also carries how the worry arrived (:attr:`channel`): not an answer, but a setting
    that changes what a leaf or step says to do first.
    """

    def __init__(
        self,
        tree: TreeContent,
        path: Sequence[str] = (START,),
        channel: Channel = DEFAULT_CHANNEL,
    ) -> None:
        if not path or path[0] != START:
            raise RouteError("a route begins at the start")
        self.tree = tree
        self.channel: Channel = channel
        self._path: list[str] = [START]
        for node_id in list(path)[1:]:
            self.choose(node_id)

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self._path)

    @property
    def current(self) -> Question | StepNode | Leaf:
        return self.tree.node(self._path[-1])

    def at_leaf(self) -> bool:
        return isinstance(self.current, Leaf)

    def at_step(self) -> bool:
        return isinstance(self.current, StepNode)

    def options(self) -> list[Option]:
        node = self.current
        if isinstance(node, Question):
            return [
                Option(i, a.label, a.hint, a.next, a.urgent)
                for i, a in enumerate(node.answers, start=1)
            ]
        if isinstance(node, StepNode):
            onward = [
                Option(i, a.label, a.hint, a.next, a.urgent)
                for i, a in enumerate(node.onward, start=2)
            ]
            return [Option(1, node.continue_label, "", node.next, False), *onward]
        return [
            Option(i, a.label, a.hint, a.next, a.urgent) for i, a in enumerate(node.onward, start=1)
        ]

    def choose(self, target: str) -> Question | StepNode | Leaf:
        """Take the option that leads to ``target``."""
        if target not in [option.target for option in self.options()]:
            raise RouteError(f"{target!r} is not an answer at {self._path[-1]!r}")
        self._path.append(target)
        return self.current

    def choose_number(self, number: int) -> Question | StepNode | Leaf:
        """Take option ``number`` (1-based, as shown and as typed on the keyboard)."""
        for option in self.options():
            if option.number == number:
                return self.choose(option.target)
        raise RouteError(f"no option {number} at {self._path[-1]!r}")

    def can_go_back(self) -> bool:
        return len(self._path) > 1

    def back(self) -> bool:
        if not self.can_go_back():
            return False
        self._path.pop()
        return True

    def restart(self) -> None:
        self._path = [START]

    def go_urgent(self) -> None:
        """Straight to the urgent leaf, as the answer "yes, there is danger now"."""
        self._path = [START, URGENT_LEAF]

    def go_suicide(self) -> None:
        """Straight to the suicide guidance, as "no danger right now" and "yes, or I suspect it".

        The checklist's hand-over when its death-and-suicide signal is ticked and its urgent box
        (danger now) is not.
        """
        self._path = [START]
        for node_id in ("zelfdoding", SUICIDE_LEAF):
            self.choose(node_id)

    def breadcrumb(self) -> list[Crumb]:
        crumbs: list[Crumb] = []
        for here, there in zip(self._path, self._path[1:], strict=False):
            node = self.tree.node(here)
            if isinstance(node, Question):
                answer = next(a for a in node.answers if a.next == there)
                crumbs.append(Crumb(here, node.text, answer.label))
            elif isinstance(node, StepNode) and there == node.next:
                crumbs.append(Crumb(here, node.title, node.continue_label, counts=False))
            else:
                onward = next(a for a in node.onward if a.next == there)
                crumbs.append(Crumb(here, node.onward_title or node.title, onward.label))
        return crumbs

    def answers_given(self) -> int:
        """How many answers the route took (a step's "Verder" is not an answer)."""
        return sum(crumb.counts for crumb in self.breadcrumb())

    def suggested(self, node_id: str | Iterable[str] | None) -> Option | None:
        """The option that leads directly to ``node_id`` (or to any of several): a hint from
        the checklist."""
        if not node_id:
            return None
        wanted = {node_id} if isinstance(node_id, str) else set(node_id)
        found = [o for o in self.options() if o.target in wanted]
        # Several fit (the student told you, and others were worried too): the one furthest
        # along the tree wins ("yes, we talked" over "not yet").
        order = {node: index for index, node in enumerate(POINTER_ORDER)}
        return max(found, key=lambda o: order.get(o.target, -1), default=None)

    # -- what the end point says to do ---------------------------------------------------------

    def first_steps(self) -> list[Action]:
        """What to do first at the current leaf or step, for how the worry arrived."""
        node = self.current
        if isinstance(node, Question):
            return []
        return list(node.first_steps.get(self.channel, []))

    def checklist(self) -> list[Action]:
        """Everything that can be ticked here: the first steps, then the actions."""
        node = self.current
        if isinstance(node, Question):
            return []
        return [*self.first_steps(), *node.actions]

    def phrases(self) -> list[Phrase]:
        """ "Wat je kunt zeggen" here, for how the worry arrived (avoid-phrases included)."""
        return self.tree.say(self.current, self.channel)

    def route(self, done: Iterable[str] = ()) -> Route:
        node = self.current
        title = node.title if isinstance(node, Leaf | StepNode) else node.text
        trail = " › ".join(f"{c.asked} {c.answered}" for c in self.breadcrumb())
        summary = f"{title}\n{trail}" if trail else title
        valid = {a.id for a in self.checklist()}
        return Route(
            path=list(self._path),
            done=[d for d in dict.fromkeys(done) if d in valid],
            channel=self.channel,
            summary=summary,
        )

    @classmethod
    def restore(cls, tree: TreeContent, data: dict[str, Any]) -> tuple[Walk, list[str]]:
        """A walk (and the ticked action ids) from a saved :class:`Route` dump; the whole path
        must still fit, or :class:`RouteError`."""
        try:
            route = Route.model_validate(data)
        except ValidationError as exc:
            raise RouteError(str(exc)) from exc
        walk = cls(tree, route.path, route.channel)
        valid = {a.id for a in walk.checklist()}
        return walk, [d for d in route.done if d in valid]

    @classmethod
    def resume(cls, tree: TreeContent, data: Any) -> Resumed:
        """A saved route brought back as far as it still fits; never raises for a misfit.

        A route parked at a step (the conversation step) continues after it, at the question
        "what does the student need". A route the tree no longer fits keeps the answers that
        still fit and stops where it stopped fitting; :attr:`Resumed.dropped` says what was
        lost. Something that is not a route at all starts at the first question.
        """
        try:
            route = Route.model_validate(data)
        except ValidationError:
            return Resumed(cls(tree), [], complete=False, continued=False, readable=False)
        walk = cls(tree, channel=route.channel)
        path = list(route.path)
        dropped: list[str] = path if path[0] != START else []
        for index, node_id in enumerate(path[1:], start=1):
            if dropped:
                break
            try:
                walk.choose(node_id)
            except RouteError:
                dropped = path[index:]
        complete = not dropped
        valid = {a.id for a in walk.checklist()}
        done = [d for d in route.done if d in valid] if complete else []
        continued = False
        if complete and isinstance(walk.current, StepNode):
            walk.choose(walk.current.next)
            continued = True
        return Resumed(walk, done, complete=complete, continued=continued, dropped=dropped)


def all_paths(tree: TreeContent) -> list[list[str]]:
    """Every path from the start to a leaf, also through a leaf's way on (small and acyclic)."""
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        node = tree.node(path[-1])
        if isinstance(node, Leaf):
            paths.append(path)
        for target in _targets(node):
            walk([*path, target])

    walk([START])
    return paths


# -- contacts, office hours, follow-up ------------------------------------------------------------


def is_office_hours(now: datetime) -> bool:
    """Working days 08:00-17:00: weekends and public holidays are outside office hours."""
    return (
        now.weekday() < 5
        and not is_public_holiday(now.date())
        and OFFICE_OPENS <= now.hour < OFFICE_CLOSES
    )


@dataclass(frozen=True)
class ResolvedContact:
    """A contact ready to show: who, the number (or that it must be filled in), and why."""

    key: str
    title: str
    number: str
    #: Name/office, e-mail, opening hours, or for a national line when to call it.
    details: tuple[str, ...]
    note: str
    hours: str
    #: The profile leaves this role empty: show "vul in bij Instellingsgegevens".
    missing: bool
    #: When the number was checked (national numbers: the month; profile: the contact's date).
    checked: str
    source: Source | None
    national: bool


def role_title(role: str, lang: Lang | None = None) -> str:
    return t(f"tree.role_{role}", lang=lang)


def _from_profile(
    role: Role, profile: InstitutionProfile, lang: Lang | None
) -> tuple[str, tuple[str, ...], bool, str]:
    contact = contact_for(profile, role)
    if contact is None:
        return "", (), True, ""
    details = tuple(
        part
        for part in (
            contact.name,
            contact.email,
            t("tree.hours", lang=lang, hours=contact.hours) if contact.hours else "",
            contact.note,
        )
        if part
    )
    checked = contact.checked.isoformat() if contact.checked else ""
    return contact.phone, details, not contact.phone and not contact.email, checked


def resolve_contact(
    ref: ContactRef,
    profile: InstitutionProfile,
    helplines: HelpContent,
    lang: Lang | None = None,
) -> ResolvedContact:
    key = ref.contact
    if key == OWN_GP:
        return ResolvedContact(
            key,
            role_title(OWN_GP, lang),
            "",
            (t("tree.own_gp_detail", lang=lang),),
            ref.note,
            ref.hours,
            False,
            "",
            None,
            False,
        )
    if key in HELPLINES and key != "huisartsenpost":
        line = helplines.helpline(key)
        details = tuple(part for part in (line.when, line.also) if part)
        return ResolvedContact(
            key,
            line.name,
            line.number,
            details,
            ref.note,
            ref.hours,
            False,
            helplines.checked(key),
            line.source,
            True,
        )
    assert key in ROLES
    number, details, missing, checked = _from_profile(key, profile, lang)
    source: Source | None = None
    if key == "huisartsenpost":
        # Regional: the number is the profile's; when to call it is national guidance.
        line = helplines.helpline("huisartsenpost")
        details = (*details, line.when)
        source = line.source
    return ResolvedContact(
        key,
        role_title(key, lang),
        number,
        details,
        ref.note,
        ref.hours,
        missing,
        checked,
        source,
        False,
    )


def resolve_contacts(
    leaf: Leaf,
    profile: InstitutionProfile,
    helplines: HelpContent,
    now: datetime,
    lang: Lang | None = None,
) -> list[ResolvedContact]:
    """The leaf's contacts in the order to try them now.

    In office hours, contacts for outside office hours come last. Outside office hours (evenings,
    weekends, public holidays) they move up among those open day and night, in the leaf's order,
    and contacts for office hours come last: the huisartsenpost before the huisarts, but never
    above 113 where the leaf names 113 first.
    """
    office = is_office_hours(now)
    rank = (
        {"office": 0, "always": 0, "outside": 1}
        if office
        else {"outside": 0, "always": 0, "office": 1}
    )
    ordered = sorted(leaf.contacts, key=lambda ref: rank[ref.hours])
    return [resolve_contact(ref, profile, helplines, lang) for ref in ordered]


def follow_up_date(node: Leaf | StepNode, today: date) -> date:
    """The suggested follow-up date: ``days`` calendar days from today, or working days where
    the text says so (urgent leaves: the next calendar day, also on a Saturday)."""
    follow = node.follow_up
    if follow is None:
        return today
    if follow.working_days:
        return add_working_days(today, follow.days)
    return today + timedelta(days=follow.days)


def leaf_sources(leaf: Leaf | StepNode, *, follow_up: bool = True) -> list[Source]:
    """The node's own sources, then those of its actions and follow-up, each once."""
    firsts = [a.source for steps in leaf.first_steps.values() for a in steps]
    found: list[Source] = [*leaf.sources, *firsts, *(a.source for a in leaf.actions)]
    if follow_up and leaf.follow_up is not None:
        found.append(leaf.follow_up.source)
    return list(dict.fromkeys(found))


def phrase_sources(phrases: Iterable[Phrase]) -> list[Source]:
    return list(dict.fromkeys(p.source for p in phrases))


# -- hand-offs: the note draft ---------------------------------------------------------------------


def actions_text(actions: Iterable[Action], done: Iterable[str], lang: Lang | None = None) -> str:
    """Actions as a checklist in plain text: ``[x]`` done, ``[ ]`` not (yet)."""
    ticked = set(done)
    return "\n".join(
        t("tree.done_mark" if a.id in ticked else "tree.todo_mark", lang=lang, text=a.text)
        for a in actions
    )


def channel_label(channel: Channel, lang: Lang | None = None) -> str:
    return t(f"tree.channel_{channel}", lang=lang)


def say_text(phrases: Sequence[Phrase], lang: Lang | None = None) -> str:
    """ "Wat je kunt zeggen" as plain text: the sentences to say, then what not to say."""
    say = [p for p in phrases if p.kind != "avoid"]
    avoid = [p for p in phrases if p.kind == "avoid"]
    lines: list[str] = []
    if say:
        lines.append(t("tree.say_title", lang=lang) + ":")
        lines += [f"- {p.text}" for p in say]
    if avoid:
        lines.append(t("tree.avoid_title", lang=lang) + ":")
        lines += [f"- {p.text}" + (f" ({p.note})" if p.note else "") for p in avoid]
    return "\n".join(lines)


def note_text(walk: Walk, lang: Lang | None = None) -> str:
    """The free text a route's note starts with: how the worry arrived, the follow-up, and
    "Wat je kunt zeggen" (the teacher edits it before saving)."""
    node = walk.current
    parts = [t("tree.note_channel", lang=lang, channel=channel_label(walk.channel, lang))]
    if isinstance(node, Leaf | StepNode) and node.follow_up is not None:
        parts.append(f"{t('tree.follow_up', lang=lang)}: {node.follow_up.text}")
    phrases = walk.phrases()
    if phrases:
        parts.append(say_text(phrases, lang))
    return "\n\n".join(parts)


def note_draft(
    walk: Walk,
    done: Iterable[str],
    context: SignalContext | None,
    today: date,
    note_id: str | None = None,
) -> NoteDraft:
    """What "Bewaar route als notitie" hands to the notes: the route, what was done, when next.

    At the conversation step this parks the route: the note's follow-up is "after the
    conversation", and reopening it continues at "what does the student need".
    """
    node = walk.current
    done = list(done)
    link: dict[str, Any] = {"route": walk.route(done).model_dump(mode="json")}
    if context is not None and (
        context.signals or context.suggested_node or context.urgent or context.channel
    ):
        link["checklist"] = context.model_dump(mode="json")
    at_end = isinstance(node, Leaf | StepNode)
    return NoteDraft(
        origin="route",
        pseudonym=context.pseudonym if context else None,
        done=actions_text(walk.checklist(), done) if at_end else "",
        follow_up=follow_up_date(node, today) if isinstance(node, Leaf | StepNode) else None,
        text=note_text(walk) if at_end else "",
        link=link,
        note_id=note_id,
    )
