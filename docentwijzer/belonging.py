"""Sense of belonging: the tip library, its search and filters, and the teacher's own picks.

The tips come from ``content/<lang>/belonging.json`` (every tip names its public source and
slide). The teacher's favourites and the tips picked for "deze week proberen" (with a one-line
reflection) live in one small versioned JSON file in :func:`docentwijzer.paths.data_dir`; it
holds no student data.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from docentwijzer import paths
from docentwijzer.content import ContentDocument, load_content
from docentwijzer.i18n import Lang, t
from docentwijzer.sources import Source
from docentwijzer.storage import Loaded, load_document, save_document

Theme = Literal[
    "relationship",
    "climate",
    "interaction",
    "binding",
    "self_efficacy",
    "support",
    "pressure",
]
THEMES: tuple[Theme, ...] = get_args(Theme)

Moment = Literal["first_lesson", "every_lesson", "group_work", "exam_period", "one_to_one"]
MOMENTS: tuple[Moment, ...] = get_args(Moment)

Outcome = Literal["open", "good", "mixed", "not"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)

#: A reflection is one line; longer text belongs in a note.
REFLECTION_MAX = 200
#: A handout of up to this many tips fits on two A4 pages (checked by a test).
HANDOUT_MAX_TIPS = 10


def theme_label(theme: str, lang: Lang | None = None) -> str:
    return t(f"belonging.theme_{theme}", lang=lang)


def moment_label(moment: str, lang: Lang | None = None) -> str:
    return t(f"belonging.moment_{moment}", lang=lang)


def outcome_label(outcome: str, lang: Lang | None = None) -> str:
    return t(f"belonging.outcome_{outcome}", lang=lang)


# -- content ------------------------------------------------------------------------------------


class Tip(BaseModel):
    """One classroom tip: what to do tomorrow, when it fits, and where it comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3, max_length=70)
    #: Two to four sentences: what to do in class, written from the source.
    what: str = Field(min_length=60, max_length=600)
    #: What the source itself says (in English: translated from the Dutch source).
    source_quote: str = Field(min_length=3)
    theme: Theme
    moments: list[Moment] = Field(min_length=1)
    source: Source

    @field_validator("moments")
    @classmethod
    def _distinct(cls, value: list[Moment]) -> list[Moment]:
        if len(set(value)) != len(value):
            raise ValueError("a moment is listed twice")
        return value


class WhySection(BaseModel):
    """A short block of the "Waarom?" panel: a definition, the signals, what research shows."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str = Field(min_length=1)
    text: str = ""
    items: list[str] = Field(default_factory=list)
    source: Source


class BelongingContent(ContentDocument):
    """``content/<lang>/belonging.json``."""

    intro: str = Field(min_length=1)
    why: list[WhySection] = Field(min_length=1)
    tips: list[Tip] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> BelongingContent:
        ids = [tip.id for tip in self.tips]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"tip ids used twice: {', '.join(doubles)}")
        titles = [fold(tip.title) for tip in self.tips]
        same = sorted({tip.title for tip in self.tips if titles.count(fold(tip.title)) > 1})
        if same:
            raise ValueError(f"tip titles used twice: {', '.join(same)}")
        return self

    def tip(self, tip_id: str) -> Tip | None:
        return next((tip for tip in self.tips if tip.id == tip_id), None)

    def section(self, section_id: str) -> WhySection | None:
        return next((s for s in self.why if s.id == section_id), None)


def belonging_content(lang: Lang | None = None) -> BelongingContent:
    return load_content("belonging", BelongingContent, lang)


# -- search and filters -------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text for matching: no diacritics, no case ("Creëer" and "creeer" are the same)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class TipFilter:
    """What the teacher asked for: every part is optional, all given parts must match."""

    query: str = ""
    theme: str | None = None
    moment: str | None = None
    favourites_only: bool = False

    def is_empty(self) -> bool:
        return not (self.query.strip() or self.theme or self.moment or self.favourites_only)


def _haystack(tip: Tip, lang: Lang | None) -> str:
    labels = [theme_label(tip.theme, lang)] + [moment_label(m, lang) for m in tip.moments]
    return fold(" ".join([tip.title, tip.what, tip.source_quote, *labels]))


def filter_tips(
    tips: Sequence[Tip],
    wanted: TipFilter,
    favourites: Iterable[str] = (),
    lang: Lang | None = None,
) -> list[Tip]:
    """The tips that match, in library order; tips whose title matches every word come first."""
    favourite_ids = set(favourites)
    terms = fold(wanted.query).split()
    in_title: list[Tip] = []
    elsewhere: list[Tip] = []
    for tip in tips:
        if wanted.theme and tip.theme != wanted.theme:
            continue
        if wanted.moment and wanted.moment not in tip.moments:
            continue
        if wanted.favourites_only and tip.id not in favourite_ids:
            continue
        if terms:
            if not all(term in _haystack(tip, lang) for term in terms):
                continue
            title = fold(tip.title)
            if all(term in title for term in terms):
                in_title.append(tip)
                continue
        elsewhere.append(tip)
    return in_title + elsewhere


# -- the teacher's picks ------------------------------------------------------------------------

STATE_VERSION = 1


def one_line(text: str) -> str:
    """A reflection as one tidy line of at most :data:`REFLECTION_MAX` characters."""
    return " ".join(text.split())[:REFLECTION_MAX]


class TryEntry(BaseModel):
    """A tip the teacher wants to try this week, and afterwards how it went."""

    model_config = ConfigDict(extra="forbid")

    tip_id: str
    added: date = Field(default_factory=date.today)
    outcome: Outcome = "open"
    reflection: str = Field(default="", max_length=REFLECTION_MAX)

    @field_validator("reflection", mode="before")
    @classmethod
    def _one_line(cls, value: object) -> object:
        return one_line(value) if isinstance(value, str) else value


class BelongingState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = STATE_VERSION
    kind: Literal["docentwijzer-belonging"] = "docentwijzer-belonging"
    favourites: list[str] = Field(default_factory=list)
    week: list[TryEntry] = Field(default_factory=list)


def state_file() -> Path:
    return paths.data_dir() / "belonging.json"


class BelongingStore:
    """Favourites and this week's picks; every change is written at once (atomically).

    A file from a newer version is never overwritten: changes then stay in memory and
    :meth:`save` returns False. Write errors (``OSError``) reach the caller, who tells the user.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_file()
        self._writable = True
        self.state = BelongingState()
        self.notice: str | None = None

    def load(self) -> Loaded[BelongingState]:
        loaded = load_document(
            self.path, BelongingState, version=STATE_VERSION, default=BelongingState
        )
        self._writable = loaded.writable
        self.state = loaded.value
        self.notice = loaded.notice
        return loaded

    @property
    def writable(self) -> bool:
        """False when the file on disk is from a newer version and must be left alone."""
        return self._writable

    def save(self) -> bool:
        if not self._writable:
            return False
        save_document(self.path, self.state)
        return True

    # favourites

    def favourites(self) -> list[str]:
        return list(self.state.favourites)

    def is_favourite(self, tip_id: str) -> bool:
        return tip_id in self.state.favourites

    def set_favourite(self, tip_id: str, on: bool) -> bool:
        if on == self.is_favourite(tip_id):
            return True
        if on:
            self.state.favourites.append(tip_id)
        else:
            self.state.favourites.remove(tip_id)
        return self.save()

    def toggle_favourite(self, tip_id: str) -> bool:
        """Flip the favourite mark; returns the new state."""
        on = not self.is_favourite(tip_id)
        self.set_favourite(tip_id, on)
        return on

    # this week

    def week(self) -> list[TryEntry]:
        return list(self.state.week)

    def entry(self, tip_id: str) -> TryEntry | None:
        return next((e for e in self.state.week if e.tip_id == tip_id), None)

    def in_week(self, tip_id: str) -> bool:
        return self.entry(tip_id) is not None

    def add_to_week(self, tip_id: str, today: date | None = None) -> bool:
        if self.in_week(tip_id):
            return True
        self.state.week.append(TryEntry(tip_id=tip_id, added=today or date.today()))
        return self.save()

    def remove_from_week(self, tip_id: str) -> bool:
        self.state.week = [e for e in self.state.week if e.tip_id != tip_id]
        return self.save()

    def set_outcome(self, tip_id: str, outcome: Outcome) -> bool:
        entry = self.entry(tip_id)
        if entry is None or entry.outcome == outcome:
            return entry is not None
        entry.outcome = outcome
        return self.save()

    def set_reflection(self, tip_id: str, text: str) -> bool:
        entry = self.entry(tip_id)
        if entry is None:
            return False
        line = one_line(text)
        if entry.reflection == line:
            return True
        entry.reflection = line
        return self.save()

    def clear_week(self) -> bool:
        self.state.week = []
        return self.save()


def known(tips: Sequence[Tip], ids: Iterable[str]) -> list[Tip]:
    """The tips with these ids, in the given order; ids of tips that no longer exist are skipped."""
    by_id = {tip.id: tip for tip in tips}
    return [by_id[i] for i in ids if i in by_id]
