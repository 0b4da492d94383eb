"""The signalling checklist ("Signalering"): content model and the ticks → summary function.

The lists are Korevaar's "Hoe weet je dat er een probleem is?" and the signals of a low sense of
belonging (Dopmeijer's slides), plus one signal from 113 Zelfmoordpreventie's public advice: the
student talks about death, not wanting to live, or suicide. A teacher ticks what they saw;
:func:`summarise` turns the ticks into a plain-language summary (grouped, never a diagnosis) and
into the :class:`~docentwijzer.handoff.SignalContext` the referral tree receives: which nodes the
signals point to (the talk-of-death signal opens the suicide guidance, not the danger-now leaf)
and, when a signal tells, how the worry arrived.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.dates import format_date
from docentwijzer.handoff import Channel, ObservedSignal, SignalContext
from docentwijzer.i18n import Lang, t
from docentwijzer.sources import Source
from docentwijzer.tree import POINTER_ORDER, Pointer

#: What a signal can point the referral tree at, in the order the tree reaches it.
TreeNode = Pointer
TREE_ORDER: tuple[str, ...] = POINTER_ORDER

#: Longest pseudonym the form accepts: initials or a short code, never a full record.
PSEUDONYM_MAX = 24
#: Longest observation per signal: a short, factual line.
OBSERVATION_MAX = 300


class Signal(BaseModel):
    """One signal a teacher can tick, worded as in its source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    text: str = Field(min_length=1)
    #: The line a sub-item sits under in the source (e.g. "Je merkt veranderingen in ...:").
    lead: str = ""
    #: The tree node this signal gives weight to, when ticked.
    points_to: TreeNode | None = None
    #: How the worry arrived, when this signal says so (e.g. others voiced concern).
    channel: Channel | None = None
    source: Source


class SignalGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    #: The heading as in the source.
    title: str = Field(min_length=1)
    #: The heading the summary uses, in plain words.
    summary_title: str = Field(min_length=1)
    signals: list[Signal] = Field(min_length=1)
    source: Source

    @model_validator(mode="after")
    def _leads_are_contiguous(self) -> SignalGroup:
        seen: list[str] = []
        for signal in self.signals:
            if signal.lead and seen and signal.lead in seen[:-1]:
                raise ValueError(f"items under lead {signal.lead!r} must stand together")
            if not seen or seen[-1] != signal.lead:
                seen.append(signal.lead)
        return self


class Guidance(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str = Field(min_length=1)
    source: Source


class ChecklistContent(ContentDocument):
    """``content/<lang>/signalering.json``."""

    groups: list[SignalGroup] = Field(min_length=1)
    #: "Signals are a reason to talk, not a conclusion": shown with every summary.
    reminder: Guidance
    #: Why: complaints and wellbeing are two axes (the dual continuum), shown after the reminder.
    continuum: Guidance

    @model_validator(mode="after")
    def _unique_ids(self) -> ChecklistContent:
        ids = [s.id for g in self.groups for s in g.signals]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"signal ids used twice: {', '.join(doubles)}")
        return self

    def signals(self) -> list[Signal]:
        return [s for g in self.groups for s in g.signals]

    def signal(self, signal_id: str) -> Signal:
        for candidate in self.signals():
            if candidate.id == signal_id:
                return candidate
        raise KeyError(signal_id)


def checklist_content(lang: Lang | None = None) -> ChecklistContent:
    return load_content("signalering", ChecklistContent, lang)


# -- ticks → summary ----------------------------------------------------------------------------


class Tick(BaseModel):
    """What the teacher entered for one ticked signal."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    signal_id: str
    observation: str = Field(default="", max_length=OBSERVATION_MAX)
    observed_on: date = Field(default_factory=date.today)


@dataclass(frozen=True)
class SummaryLine:
    text: str
    lead: str
    observation: str
    observed_on: date


@dataclass(frozen=True)
class SummaryGroup:
    title: str
    lines: list[SummaryLine]
    source: Source

    def runs(self) -> list[tuple[str, list[SummaryLine]]]:
        """Consecutive lines that share a lead, so the lead is said once."""
        runs: list[tuple[str, list[SummaryLine]]] = []
        for line in self.lines:
            if runs and line.lead and runs[-1][0] == line.lead:
                runs[-1][1].append(line)
            else:
                runs.append((line.lead, [line]))
        return runs


@dataclass(frozen=True)
class Summary:
    """What the teacher ticked, in plain words, and where the tree will put the emphasis."""

    pseudonym: str | None
    urgent: bool
    groups: list[SummaryGroup]
    #: Plain sentences on what the next step will emphasise, most urgent first.
    emphasis: list[str]
    reminder: str
    context: SignalContext = field(repr=False)

    @property
    def empty(self) -> bool:
        return not self.groups and not self.urgent

    def observed_text(self) -> str:
        """The summary as plain text for a note: what was seen, without app guidance."""
        lines: list[str] = []
        if self.urgent:
            lines.append(t("checklist.summary_urgent_fact"))
        for group in self.groups:
            if lines:
                lines.append("")
            lines.append(f"{group.title}:")
            for lead, run in group.runs():
                indent = "- "
                if lead:
                    lines.append(f"- {lead.rstrip(':')}:")
                    indent = "  - "
                lines += [indent + _line_text(line) for line in run]
        return "\n".join(lines)

    def as_text(self) -> str:
        """Everything the summary shows, as plain text."""
        who = self.pseudonym or t("checklist.anonymous_short")
        parts = [t("checklist.summary_about", who=who)]
        body = self.observed_text()
        parts.append(body or t("checklist.summary_empty"))
        parts += self.emphasis
        parts.append(self.reminder)
        return "\n\n".join(parts)


def _line_text(line: SummaryLine) -> str:
    text = f"{line.text} ({format_date(line.observed_on)})"
    if line.observation:
        text += f": “{line.observation}”"
    return text


def normalise_pseudonym(text: str | None) -> str | None:
    """Trimmed pseudonym, or None for "anonymous / not recorded yet"."""
    if text is None:
        return None
    cleaned = " ".join(text.split())
    return cleaned or None


_EMAIL = re.compile(r"\S+@\S+")
_NUMBER = re.compile(r"\d{6,}")
_WORD = re.compile(r"[^\W\d_]{2,}")


def pseudonym_warning(text: str | None) -> str | None:
    """A gentle warning when a pseudonym looks like a name, e-mail or student number."""
    cleaned = normalise_pseudonym(text)
    if cleaned is None:
        return None
    if _EMAIL.search(cleaned):
        return t("checklist.pseudonym_email")
    if _NUMBER.search(cleaned):
        return t("checklist.pseudonym_number")
    words = _WORD.findall(cleaned)
    if len(words) >= 2 and max(len(w) for w in words) >= 3:
        return t("checklist.pseudonym_name")
    return None


def suggested_nodes(signals: Iterable[Signal]) -> list[str]:
    """Every tree node the ticked signals point to, in the order the tree reaches them."""
    nodes = {s.points_to for s in signals if s.points_to}
    return [node for node in TREE_ORDER if node in nodes]


def suggested_node(signals: Iterable[Signal]) -> str | None:
    """The earliest tree node any ticked signal points to (the conversation before a topic)."""
    nodes = suggested_nodes(signals)
    return nodes[0] if nodes else None


def signalled_channel(signals: Iterable[Signal]) -> Channel | None:
    """How the worry arrived, if exactly one way is implied by the ticked signals."""
    channels = {s.channel for s in signals if s.channel}
    return channels.pop() if len(channels) == 1 else None


def _emphasis(urgent: bool, ticked: list[Signal]) -> list[str]:
    sentences: list[str] = []
    if urgent:
        sentences.append(t("checklist.emphasis_urgent"))
    nodes = {s.points_to for s in ticked if s.points_to}
    for node in TREE_ORDER:
        if node in nodes:
            sentences.append(t(f"checklist.emphasis_{node.lower()}"))
    if not urgent:
        sentences.append(t("checklist.emphasis_tree_asks_danger_first"))
    return sentences


def summarise(
    content: ChecklistContent,
    ticks: Iterable[Tick],
    *,
    pseudonym: str | None = None,
    urgent: bool = False,
) -> Summary:
    """Turn ticks into a grouped plain-language summary and the context for the tree.

    Lines follow the order of the list, not the order of ticking. An unknown signal id is a
    programming error and raises :class:`ValueError`.
    """
    by_id: dict[str, Tick] = {}
    for tick in ticks:
        if tick.signal_id not in {s.id for s in content.signals()}:
            raise ValueError(f"unknown signal {tick.signal_id!r}")
        by_id[tick.signal_id] = tick

    groups: list[SummaryGroup] = []
    ticked: list[Signal] = []
    observed: list[ObservedSignal] = []
    for group in content.groups:
        lines: list[SummaryLine] = []
        for signal in group.signals:
            found = by_id.get(signal.id)
            if found is None:
                continue
            tick = found
            observation = " ".join(tick.observation.split())
            ticked.append(signal)
            lines.append(SummaryLine(signal.text, signal.lead, observation, tick.observed_on))
            label = f"{signal.lead} {signal.text}" if signal.lead else signal.text
            observed.append(
                ObservedSignal(
                    signal_id=signal.id,
                    label=label,
                    observation=observation,
                    observed_on=tick.observed_on,
                )
            )
        if lines:
            groups.append(SummaryGroup(group.summary_title, lines, group.source))

    who = normalise_pseudonym(pseudonym)
    context = SignalContext(
        pseudonym=who,
        signals=observed,
        urgent=urgent,
        suggested_node=suggested_node(ticked),
        suggested_nodes=suggested_nodes(ticked),
        channel=signalled_channel(ticked),
    )
    return Summary(
        pseudonym=who,
        urgent=urgent,
        groups=groups,
        emphasis=_emphasis(urgent, ticked),
        reminder=f"{content.reminder.text} {content.continuum.text}",
        context=context,
    )


def ticks_from_context(
    content: ChecklistContent, context: SignalContext
) -> tuple[list[Tick], list[ObservedSignal]]:
    """Ticks to restore from a saved context, and the saved signals this list no longer has."""
    known = {s.id for s in content.signals()}
    ticks = [
        Tick(
            signal_id=s.signal_id,
            observation=s.observation[:OBSERVATION_MAX],
            observed_on=s.observed_on,
        )
        for s in context.signals
        if s.signal_id in known
    ]
    missing = [s for s in context.signals if s.signal_id not in known]
    return ticks, missing
