"""Trainer mode's material: fictional cases (casuïstiek) and the Monitor figures.

Cases are content (``content/<lang>/casuistiek.json``); a trainer can add their own files in the
same format to ``<data dir>/casuistiek/``. Those are validated on load, and a broken one is
reported (file, item, field) instead of stopping the app. The background figures and the five
pillars of an integral approach come from ``content/<lang>/achtergrond.json``, with the
Achtergrond page every teacher can read (:class:`Background`).

A case stores the route it is meant to take through the referral tree as answer labels plus
the leaf it should end at, and how the worry arrived in the story (the walk's channel), so the
group can compare their walk with the intended one. The route is walked through the real tree on
load (:func:`walk_route`): a case whose answers the tree does not have, in the case file's
language, is refused in words, so the cases cannot drift from the tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)

from docentwijzer import paths
from docentwijzer.content import ContentDocument, ContentError, load_content, parse_content
from docentwijzer.handoff import Channel
from docentwijzer.i18n import LANGUAGES, Lang, language, t
from docentwijzer.sources import Source
from docentwijzer.tree import (
    DEFAULT_CHANNEL,
    Destination,
    Question,
    RouteError,
    StepNode,
    TreeContent,
    Walk,
    channel_label,
    tree_content,
)
from docentwijzer.userfiles import UserFileError, read_text

#: The leaves of the referral tree (docs/beslisboom.md).
Leaf = Destination
LEAF_IDS: tuple[str, ...] = get_args(Leaf)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def walk_route(
    tree: TreeContent,
    answers: Sequence[str],
    end: str,
    channel: Channel = DEFAULT_CHANNEL,
) -> Walk:
    """The tree's own walk along ``answers`` (labels as the tree words them) to ``end``.

    A step (the conversation guidance) is read, not answered: the walk goes on past it unless
    the next answer is one of the step's own (its "Verder" or its way on). Raises
    :class:`RouteError` with a message for the case's author when an answer is not one the tree
    offers there, or the walk does not end at ``end``.
    """
    walk = Walk(tree, channel=channel)
    for answer in answers:
        while True:
            options = {_normal(option.label): option.target for option in walk.options()}
            if _normal(answer) in options:
                break
            node = walk.current
            if isinstance(node, StepNode):
                walk.choose(node.next)
                continue
            asked = node.text if isinstance(node, Question) else node.onward_title or node.title
            offered = "; ".join(f"'{option.label}'" for option in walk.options())
            raise RouteError(
                t("training.error_route_answer", leaf=end, answer=answer, question=asked)
                + " "
                + t("training.error_route_offered", answers=offered or "—")
            )
        walk.choose(options[_normal(answer)])
    while isinstance(walk.current, StepNode) and walk.current.id != end:
        walk.choose(walk.current.next)
    reached = walk.current
    if reached.id != end:
        name = reached.text if isinstance(reached, Question) else reached.title
        raise RouteError(t("training.error_route_end", leaf=end, reached=name))
    return walk


#: The language of the case file being validated (its tree is the one the routes must fit).
_CASE_LANGUAGE: ContextVar[Lang | None] = ContextVar("case_language", default=None)


@contextmanager
def _in_language(lang: object) -> Iterator[None]:
    token = _CASE_LANGUAGE.set(lang if lang in LANGUAGES else None)
    try:
        yield
    finally:
        _CASE_LANGUAGE.reset(token)


#: Screens a case can be walked through with.
Tool = Literal["signalering", "beslisboom", "openheid", "belonging"]

#: Where a trainer's own case files live, inside the data folder.
USER_CASE_FOLDER = "casuistiek"
#: A case file bigger than this is not a case file.
MAX_USER_FILE_BYTES = 1_000_000


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Point(_Model):
    """One sourced sentence of the discussion: why this route, these contacts."""

    text: str = Field(min_length=1)
    source: Source


class Discussion(_Model):
    """Shown after the group has walked the case: route, reasons, contacts, questions."""

    why: list[Point] = Field(min_length=1)
    contacts: list[str] = Field(min_length=1)
    questions: list[str] = Field(min_length=1)


class Case(_Model):
    """A fictional case for a training session."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str = Field(min_length=1)
    theme: str = Field(min_length=1)
    #: The story, paragraphs separated by a blank line.
    story: str = Field(min_length=1)
    #: Which tools the group walks it through ("Open in ..." buttons).
    tools: list[Tool] = Field(min_length=1)
    #: The leaf of the referral tree the intended route ends at.
    expected_leaf: Leaf
    #: How the worry arrives in the story (the walk's channel: what to do first).
    channel: Channel = DEFAULT_CHANNEL
    #: The intended answers from ``start``, as the tree labels them.
    route: list[str] = Field(min_length=1)
    discussion: Discussion

    @field_validator("tools")
    @classmethod
    def _distinct_tools(cls, tools: list[str]) -> list[str]:
        if len(set(tools)) != len(tools):
            raise ValueError(t("training.error_tool_twice"))
        return tools

    @field_validator("route")
    @classmethod
    def _fits_the_tree(cls, route: list[str], info: ValidationInfo) -> list[str]:
        if any(not answer.strip() for answer in route):
            raise ValueError(t("training.error_route_empty"))
        leaf = info.data.get("expected_leaf")
        if leaf is not None:
            tree = tree_content(_CASE_LANGUAGE.get() or language())
            try:
                walk_route(tree, route, leaf, info.data.get("channel", DEFAULT_CHANNEL))
            except RouteError as exc:
                raise ValueError(str(exc)) from exc
        return route

    @property
    def sources(self) -> list[Source]:
        return [point.source for point in self.discussion.why]

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.story.split("\n\n") if part.strip()]


class CaseSet(ContentDocument):
    """``content/<lang>/casuistiek.json``, and every trainer's own case file."""

    title: str = ""
    cases: list[Case] = Field(min_length=1)

    @model_validator(mode="wrap")
    @classmethod
    def _routes_in_its_language(cls, data: Any, handler: ModelWrapValidatorHandler[CaseSet]) -> Any:
        """Each case's route is walked through the tree of the file's own language."""
        with _in_language(data.get("language") if isinstance(data, dict) else None):
            return handler(data)

    @model_validator(mode="after")
    def _unique_ids(self) -> CaseSet:
        seen: set[str] = set()
        for case in self.cases:
            if case.id in seen:
                raise ValueError(t("training.error_duplicate", id=case.id))
            seen.add(case.id)
        return self


class Figure(_Model):
    """One key figure, shown on its own screen in very large type."""

    id: str
    value: str = Field(min_length=1)
    label: str = Field(min_length=1)
    detail: str = ""
    year: int = Field(ge=2000, le=2100)
    source: Source


class Pillar(_Model):
    id: str
    title: str = Field(min_length=1)
    points: list[str] = Field(min_length=1)
    source: Source


class BackgroundPoint(_Model):
    """One short, sourced sentence or two of the Achtergrond page."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    text: str = Field(min_length=1, max_length=400)
    source: Source


class BackgroundSection(_Model):
    """A card of the Achtergrond page: what a signal says, who does what, and so on."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    points: list[BackgroundPoint] = Field(min_length=1, max_length=8)


class Background(ContentDocument):
    """``content/<lang>/achtergrond.json``: the Achtergrond page, Monitor figures, five pillars.

    The page (``title``, ``intro``, ``sections``) is for every teacher: what a signal does and
    does not say, who does what in the support chain, and what the institution arranges. The
    figures and pillars are trainer mode's slides.
    """

    title: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    sections: list[BackgroundSection] = Field(min_length=1)
    monitor: str = Field(min_length=1)
    figures: list[Figure] = Field(min_length=1)
    pillars_title: str = Field(min_length=1)
    pillars: list[Pillar] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Background:
        ids = [point.id for section in self.sections for point in section.points]
        ids += [section.id for section in self.sections]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"ids used twice: {', '.join(doubles)}")
        return self

    @property
    def page_sources(self) -> list[Source]:
        """Every source of the page, once, in the order first cited."""
        return list(
            dict.fromkeys(point.source for section in self.sections for point in section.points)
        )


def builtin_cases(lang: Lang | None = None) -> CaseSet:
    return load_content("casuistiek", CaseSet, lang)


def background(lang: Lang | None = None) -> Background:
    return load_content("achtergrond", Background, lang)


def user_case_dir() -> Path:
    """Where a trainer puts their own case files (not created until they do)."""
    return paths.data_dir() / USER_CASE_FOLDER


@dataclass(frozen=True)
class CaseLibrary:
    """The packaged cases followed by the trainer's own, and what could not be loaded."""

    cases: tuple[Case, ...]
    #: case id -> file name, for cases that came from the trainer's folder.
    user_files: dict[str, str] = field(default_factory=dict)
    problems: tuple[ContentError, ...] = ()

    def is_user_case(self, case: Case) -> bool:
        return case.id in self.user_files


def _read_user_file(path: Path, label: str) -> str:
    """A trainer's case file: only a regular file, at most :data:`MAX_USER_FILE_BYTES`."""
    try:
        return read_text(path, limit=MAX_USER_FILE_BYTES)
    except UserFileError as exc:
        own = {"too_big": "training.error_too_big", "not_utf8": "training.error_not_utf8"}
        reason = t(own[exc.kind]) if exc.kind in own else str(exc)
        raise ContentError(label, None, None, reason) from exc


def load_user_cases(
    folder: Path | None = None, taken: Iterable[str] = ()
) -> tuple[list[Case], dict[str, str], list[ContentError]]:
    """The trainer's case files, each validated; broken files and clashing ids are reported."""
    folder = folder or user_case_dir()
    cases: list[Case] = []
    origin: dict[str, str] = {}
    problems: list[ContentError] = []
    seen = set(taken)
    if not folder.is_dir():
        return cases, origin, problems
    for path in sorted(folder.glob("*.json"), key=lambda p: p.name.lower()):
        label = f"{USER_CASE_FOLDER}/{path.name}"
        try:
            document = parse_content(_read_user_file(path, label), CaseSet, label)
        except ContentError as exc:
            problems.append(exc)
            continue
        for case in document.cases:
            if case.id in seen:
                problems.append(
                    ContentError(label, case.id, "id", t("training.error_id_taken", id=case.id))
                )
                continue
            seen.add(case.id)
            cases.append(case)
            origin[case.id] = path.name
    return cases, origin, problems


def load_cases(lang: Lang | None = None, folder: Path | None = None) -> CaseLibrary:
    """All cases for a session: packaged ones in ``lang``, then the trainer's own files."""
    packaged = builtin_cases(lang).cases
    extra, origin, problems = load_user_cases(folder, (case.id for case in packaged))
    return CaseLibrary(tuple(packaged) + tuple(extra), origin, tuple(problems))


# -- the participants' handout ------------------------------------------------------------------


def leaf_name(leaf: str, lang: Lang | None = None) -> str:
    return t(f"training.leaf_{leaf}", lang=lang)


def case_walk(case: Case, lang: Lang | None = None) -> Walk:
    """The case's intended route as the tree walks it: in ``lang`` (default the current
    language) or, for a trainer's file in the other language, in that one."""
    first = lang or language()
    problem: RouteError | None = None
    for tongue in (first, *(other for other in LANGUAGES if other != first)):
        try:
            return walk_route(tree_content(tongue), case.route, case.expected_leaf, case.channel)
        except RouteError as exc:
            problem = problem or exc
    assert problem is not None
    raise problem


def channel_step(case: Case, lang: Lang | None = None) -> tuple[str, str]:
    """How the worry arrives in the case, as Beslisboom asks it (a setting, not an answer)."""
    return t("tree.channel_question", lang=lang), channel_label(case.channel, lang)


def step_text(question: str, answer: str) -> str:
    """One step of the route for a screen or handout: "question → answer"."""
    return f"{question}  →  {answer}" if question else answer


def route_steps(case: Case, lang: Lang | None = None) -> list[tuple[str, str]]:
    """(question, answer) of the intended route as the tree asks it: each question, step or way
    on where the walk passes, with the answer given (a step's "Verder" included).

    A route no tree fits any more (a case built before the tree changed) is shown as its bare
    answers rather than refused: the discussion stays usable."""
    try:
        walk = case_walk(case, lang)
    except RouteError:
        return [("", answer) for answer in case.route]
    return [(crumb.asked, crumb.answered) for crumb in walk.breadcrumb()]
