"""The referral tree (beslisboom): its content model, structural checks and the walk.

The tree is data (``content/<lang>/beslisboom.json``, specified in docs/beslisboom.md). This
module validates it (pydantic plus a structural check: every node reachable, no cycles, every
path ends at a leaf, every leaf is complete, the urgent leaf one answer from the start), walks it
(:class:`Walk`: choose, back, restart, breadcrumb, a route that can be saved and restored), and
resolves a leaf's contacts against the institution profile and the national numbers, aware of
office hours. The UI only shows what this module answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.handoff import NoteDraft, SignalContext
from docentwijzer.helplines import HelpContent
from docentwijzer.i18n import Lang, t
from docentwijzer.profile import ROLES, InstitutionProfile, Role, contact_for
from docentwijzer.sources import Source

#: Node ids fixed by docs/beslisboom.md (other tools and the acute screen rely on them).
START = "start"
URGENT_LEAF = "ACUUT"
DOUBT_LEAF = "TWIJFEL_GEVAAR"
SUICIDE_LEAF = "ZELFDODING"
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

#: National lines a leaf may name (their numbers live in content/<lang>/hulp.json).
HELPLINES = ("112", "113", "politie", "huisartsenpost")
#: The student's own GP: named, never given a number.
OWN_GP = "huisarts"
#: Who a leaf may name: an institution role (the profile's), a national line, or the own GP.
ContactKey = Literal[Role, "112", "113", "politie", "huisarts"]

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
    source: Source


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
    """Guidance to read before going on (the conversation step GESPREK)."""

    kind: Literal["step"]
    id: str
    title: str = Field(min_length=1)
    intro: str = ""
    actions: list[Action] = Field(min_length=1)
    continue_label: str = Field(min_length=1)
    next: str
    sources: list[Source] = Field(min_length=1)


class Leaf(_Item):
    kind: Literal["leaf"]
    id: str
    title: str = Field(min_length=1)
    #: The situation in one line ("when does this apply").
    summary: str = ""
    urgent: bool = False
    actions: list[Action] = Field(min_length=1)
    contacts: list[ContactRef] = Field(default_factory=list)
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


def _targets(node: Question | StepNode | Leaf) -> list[str]:
    if isinstance(node, Question):
        return [answer.next for answer in node.answers]
    if isinstance(node, StepNode):
        return [node.next]
    return []


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
            action_ids = [action.id for action in node.actions]
            if len(set(action_ids)) != len(action_ids):
                problems.append(f"node {node.id!r}: two actions share an id")
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
    return problems


def tree_content(lang: Lang | None = None) -> TreeContent:
    return load_content("beslisboom", TreeContent, lang)


# -- the walk ------------------------------------------------------------------------------------


class RouteError(ValueError):
    """A saved route does not fit the tree (any more)."""


@dataclass(frozen=True)
class Option:
    """A choice at the current node: an answer to a question, or "continue" after a step."""

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


class Route(BaseModel):
    """What a saved route holds (the ``route`` link of a note)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    path: list[str] = Field(min_length=1)
    #: Action ids the teacher ticked at the leaf.
    done: list[str] = Field(default_factory=list)
    #: Leaf title and the breadcrumb as text, so a note stays readable without the tree.
    summary: str = ""


class Walk:
    """A walk through the tree: where you are, how you got there, back and restart."""

    def __init__(self, tree: TreeContent, path: Sequence[str] = (START,)) -> None:
        if not path or path[0] != START:
            raise RouteError("a route begins at the start")
        self.tree = tree
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

    def options(self) -> list[Option]:
        node = self.current
        if isinstance(node, Question):
            return [
                Option(i, a.label, a.hint, a.next, a.urgent)
                for i, a in enumerate(node.answers, start=1)
            ]
        if isinstance(node, StepNode):
            return [Option(1, node.continue_label, "", node.next, False)]
        return []

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

    def breadcrumb(self) -> list[Crumb]:
        crumbs: list[Crumb] = []
        for here, there in zip(self._path, self._path[1:], strict=False):
            node = self.tree.node(here)
            if isinstance(node, Question):
                answer = next(a for a in node.answers if a.next == there)
                crumbs.append(Crumb(here, node.text, answer.label))
            elif isinstance(node, StepNode):
                crumbs.append(Crumb(here, node.title, node.continue_label))
        return crumbs

    def suggested(self, node_id: str | None) -> Option | None:
        """The option that leads directly to ``node_id`` (a hint from the checklist)."""
        if not node_id:
            return None
        return next((o for o in self.options() if o.target == node_id), None)

    def route(self, done: Iterable[str] = ()) -> Route:
        node = self.current
        title = node.title if isinstance(node, Leaf | StepNode) else node.text
        trail = " › ".join(f"{c.asked} {c.answered}" for c in self.breadcrumb())
        summary = f"{title}\n{trail}" if trail else title
        valid = {a.id for a in node.actions} if isinstance(node, Leaf) else set()
        return Route(path=list(self._path), done=[d for d in done if d in valid], summary=summary)

    @classmethod
    def restore(cls, tree: TreeContent, data: dict[str, Any]) -> tuple[Walk, list[str]]:
        """A walk (and the ticked action ids) from a saved :class:`Route` dump."""
        try:
            route = Route.model_validate(data)
        except ValidationError as exc:
            raise RouteError(str(exc)) from exc
        walk = cls(tree, route.path)
        node = walk.current
        valid = {a.id for a in node.actions} if isinstance(node, Leaf) else set()
        return walk, [d for d in route.done if d in valid]


def all_paths(tree: TreeContent) -> list[list[str]]:
    """Every path from the start to a leaf (the tree is small and acyclic)."""
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        node = tree.node(path[-1])
        if isinstance(node, Leaf):
            paths.append(path)
            return
        for target in _targets(node):
            walk([*path, target])

    walk([START])
    return paths


# -- contacts, office hours, follow-up ------------------------------------------------------------


def is_office_hours(now: datetime) -> bool:
    """Weekdays 08:00-17:00. Public holidays are not known here: the leaf text names them."""
    return now.weekday() < 5 and OFFICE_OPENS <= now.hour < OFFICE_CLOSES


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
            helplines.numbers_checked,
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

    Outside office hours (and at weekends) contacts for outside office hours come first, so the
    huisartsenpost is shown before the huisarts; in office hours they come last.
    """
    office = is_office_hours(now)
    rank = (
        {"office": 0, "always": 0, "outside": 1}
        if office
        else {"outside": 0, "always": 1, "office": 2}
    )
    ordered = sorted(leaf.contacts, key=lambda ref: rank[ref.hours])
    return [resolve_contact(ref, profile, helplines, lang) for ref in ordered]


def follow_up_date(leaf: Leaf, today: date) -> date:
    """Today plus the leaf's days, moved to Monday when that falls in a weekend."""
    suggested = today + timedelta(days=leaf.follow_up.days)
    while suggested.weekday() >= 5:
        suggested += timedelta(days=1)
    return suggested


def leaf_sources(leaf: Leaf | StepNode, *, follow_up: bool = True) -> list[Source]:
    """The leaf's own sources, then those of its actions and follow-up, each once."""
    found: list[Source] = [*leaf.sources, *(a.source for a in leaf.actions)]
    if isinstance(leaf, Leaf) and follow_up:
        found.append(leaf.follow_up.source)
    return list(dict.fromkeys(found))


# -- hand-offs: the note draft ---------------------------------------------------------------------


def actions_text(node: Leaf | StepNode, done: Iterable[str], lang: Lang | None = None) -> str:
    """The leaf's actions as a checklist in plain text: ``[x]`` done, ``[ ]`` not (yet)."""
    ticked = set(done)
    return "\n".join(
        t("tree.done_mark" if a.id in ticked else "tree.todo_mark", lang=lang, text=a.text)
        for a in node.actions
    )


def note_draft(
    walk: Walk,
    done: Iterable[str],
    context: SignalContext | None,
    today: date,
    note_id: str | None = None,
) -> NoteDraft:
    """What "Bewaar route als notitie" hands to the notes: the route, what was done, when next."""
    node = walk.current
    done = list(done)
    link: dict[str, Any] = {"route": walk.route(done).model_dump(mode="json")}
    if context is not None and (context.signals or context.suggested_node or context.urgent):
        link["checklist"] = context.model_dump(mode="json")
    return NoteDraft(
        origin="route",
        pseudonym=context.pseudonym if context else None,
        done=actions_text(node, done) if isinstance(node, Leaf | StepNode) else "",
        follow_up=follow_up_date(node, today) if isinstance(node, Leaf) else None,
        link=link,
        note_id=note_id,
    )
