"""The openness exercise ("Vertel ik het wel, vertel ik het niet"): content, result, views.

J. Dopmeijer's slides on student wellbeing (slide "Ondersteunen bij openheid en hulp zoeken",
openheidsinstrument Hanzehogeschool, Korevaar et al.) let the student decide *of, wat, wie,
wanneer, hoe*, list the advantages and risks of openness, compare them and reach a provisional
choice. The student is in charge: the functions here lay the answers side by side, they never
add them up or advise.

Everything here is pure data: the UI shows it, the PDF prints it, a note may keep it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.dates import format_date
from docentwijzer.i18n import Lang, t
from docentwijzer.sources import Source

RESULT_VERSION = 1
#: The five questions of the openness exercise, in its order.
QUESTION_IDS: tuple[str, ...] = ("of", "wat", "wie", "wanneer", "hoe")
#: Questions a student can answer differently for each person.
PER_RECIPIENT: tuple[str, ...] = ("wat", "wanneer", "hoe")
WEIGHTS: tuple[int, ...] = (1, 2, 3)
DEFAULT_WEIGHT = 2


#: The two lists the student fills.
ListKind = Literal["advantages", "risks"]
LIST_KINDS: tuple[ListKind, ...] = ("advantages", "risks")


# -- content ------------------------------------------------------------------------------------


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Item):
    id: str
    label: str = Field(min_length=1)
    source: Source


class Question(_Item):
    """One screen: a question in the second person, a short prompt and example answers."""

    id: str
    number: int = Field(ge=0, le=5)
    title: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    #: Placeholder for the student's own words (an example, never a suggestion to copy).
    own_words: str = ""
    options: list[Option] = Field(min_length=1)
    source: Source

    def option(self, option_id: str | None) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class Text(_Item):
    id: str
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    source: Source


class Example(_Item):
    id: str
    text: str = Field(min_length=1)
    source: Source


class ExampleList(_Item):
    """Advantages or risks: a prompt and neutral examples to pick from."""

    id: str
    title: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    own_words: str = ""
    examples: list[Example] = Field(min_length=1)
    source: Source

    def example(self, example_id: str) -> Example | None:
        return next((e for e in self.examples if e.id == example_id), None)


class Prompt(_Item):
    id: str
    title: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    own_words: str = ""
    source: Source


class SureItem(_Item):
    id: str
    text: str = Field(min_length=1)
    source: Source


class SureCheck(_Item):
    """Four yes/no questions in the spirit of the SURE test; shown, never scored."""

    id: str
    title_before: str
    title_after: str
    intro_before: str
    intro_after: str
    items: list[SureItem] = Field(min_length=4, max_length=4)
    source: Source


class OpennessContent(ContentDocument):
    """``content/<lang>/openheid.json``."""

    title: str = Field(min_length=1)
    welcome: Text
    questions: list[Question] = Field(min_length=5, max_length=5)
    advantages: ExampleList
    risks: ExampleList
    compare: Text
    choice: Question
    first_step: Prompt
    sure: SureCheck

    @model_validator(mode="after")
    def _five_questions_in_order(self) -> OpennessContent:
        found = tuple(q.id for q in self.questions)
        if found != QUESTION_IDS:
            raise ValueError(f"questions must be {', '.join(QUESTION_IDS)} in this order")
        return self

    def question(self, question_id: str) -> Question:
        if question_id == self.choice.id:
            return self.choice
        return next(q for q in self.questions if q.id == question_id)

    def pros_cons(self, kind: ListKind) -> ExampleList:
        return self.advantages if kind == "advantages" else self.risks


def openness_content(lang: Lang | None = None) -> OpennessContent:
    return load_content("openheid", OpennessContent, lang)


# -- the student's result -----------------------------------------------------------------------


class Answer(BaseModel):
    """A picked example (option id) and/or the student's own words."""

    model_config = ConfigDict(extra="forbid")

    choice: str | None = None
    words: str = ""

    def is_empty(self) -> bool:
        return self.choice is None and not self.words.strip()


class Recipient(BaseModel):
    """Someone the student might tell, with their own what/when/how (empty: as for everyone)."""

    model_config = ConfigDict(extra="forbid")

    #: An example id from the content (``docent``), or ``eigen-<n>`` for someone the student named.
    id: str = Field(min_length=1)
    own: bool = False
    #: The name as shown when it was chosen (own words, or the example's label then).
    name: str = ""
    wat: Answer = Field(default_factory=Answer)
    wanneer: Answer = Field(default_factory=Answer)
    hoe: Answer = Field(default_factory=Answer)


class Weighed(BaseModel):
    """An advantage or risk with how important it is to the student (1-3)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    own: bool = False
    text: str = ""
    weight: int = Field(default=DEFAULT_WEIGHT, ge=1, le=3)


class OpennessResult(BaseModel):
    """Everything the student answered. Nothing of it is stored unless the student agrees."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: int = RESULT_VERSION
    kind: Literal["openheid"] = "openheid"
    date: dt.date = Field(default_factory=dt.date.today)
    of: Answer = Field(default_factory=Answer)
    wat: Answer = Field(default_factory=Answer)
    recipients: list[Recipient] = Field(default_factory=list)
    wanneer: Answer = Field(default_factory=Answer)
    hoe: Answer = Field(default_factory=Answer)
    advantages: list[Weighed] = Field(default_factory=list)
    risks: list[Weighed] = Field(default_factory=list)
    choice: Answer = Field(default_factory=Answer)
    first_step: str = ""
    #: SURE-style check: item id -> yes (True) / no (False); missing = not answered.
    sure_before: dict[str, bool] = Field(default_factory=dict)
    sure_after: dict[str, bool] = Field(default_factory=dict)

    def general(self, question_id: str) -> Answer:
        answer: Answer = getattr(self, question_id)
        return answer

    def items(self, kind: ListKind) -> list[Weighed]:
        return self.advantages if kind == "advantages" else self.risks

    def recipient(self, recipient_id: str) -> Recipient | None:
        return next((r for r in self.recipients if r.id == recipient_id), None)

    def next_own_id(self, prefix: str = "eigen") -> str:
        used = {r.id for r in self.recipients} | {w.id for w in self.advantages + self.risks}
        number = 1
        while f"{prefix}-{number}" in used:
            number += 1
        return f"{prefix}-{number}"

    def is_empty(self) -> bool:
        """True when the student has not answered anything yet."""
        blank = OpennessResult(date=self.date)
        return self.model_dump(exclude={"date"}) == blank.model_dump(exclude={"date"})


# -- readable views (pure) -----------------------------------------------------------------------


def answer_text(answer: Answer, question: Question) -> str:
    """The picked option and the own words, as one readable line ('' when unanswered)."""
    option = question.option(answer.choice)
    parts = [option.label] if option else []
    if answer.words.strip():
        parts.append(answer.words.strip())
    return " — ".join(parts)


def recipient_name(recipient: Recipient, content: OpennessContent) -> str:
    if not recipient.own:
        option = content.question("wie").option(recipient.id)
        if option is not None:
            return option.label
    return recipient.name or recipient.id


def weighed_text(item: Weighed, content: OpennessContent, kind: ListKind) -> str:
    if not item.own:
        example = content.pros_cons(kind).example(item.id)
        if example is not None:
            return example.text
    return item.text


def weight_label(weight: int, lang: Lang | None = None) -> str:
    return t(f"openheid.weight_{weight}", lang=lang)


def weight_marks(weight: int) -> str:
    """Three dots, as many filled as the weight: shows importance without a number to add up."""
    return "●" * weight + "○" * (3 - weight)


@dataclass(frozen=True)
class PlanLine:
    """What the student wants to tell one person, and when and how (effective answers)."""

    name: str
    wat: str
    wanneer: str
    hoe: str
    #: Which of wat/wanneer/hoe differ from the answer for everyone.
    own_answers: tuple[str, ...]


def recipient_plan(result: OpennessResult, content: OpennessContent) -> list[PlanLine]:
    """Per person the answers that apply: their own where given, else the one for everyone."""
    lines = []
    for recipient in result.recipients:
        texts: dict[str, str] = {}
        own: list[str] = []
        for qid in PER_RECIPIENT:
            specific: Answer = getattr(recipient, qid)
            if not specific.is_empty():
                own.append(qid)
            chosen = result.general(qid) if specific.is_empty() else specific
            texts[qid] = answer_text(chosen, content.question(qid))
        lines.append(
            PlanLine(
                recipient_name(recipient, content),
                texts["wat"],
                texts["wanneer"],
                texts["hoe"],
                tuple(own),
            )
        )
    return lines


@dataclass(frozen=True)
class CompareRow:
    text: str
    weight: int
    weight_label: str
    marks: str


@dataclass(frozen=True)
class Comparison:
    """Both lists side by side, most important first. A view, not a verdict: no totals."""

    advantages: tuple[CompareRow, ...]
    risks: tuple[CompareRow, ...]


def compare_rows(
    result: OpennessResult, content: OpennessContent, kind: ListKind, lang: Lang | None = None
) -> tuple[CompareRow, ...]:
    items = [i for i in result.items(kind) if weighed_text(i, content, kind).strip()]
    ordered = sorted(items, key=lambda i: -i.weight)  # stable: the student's order within a weight
    return tuple(
        CompareRow(
            weighed_text(i, content, kind),
            i.weight,
            weight_label(i.weight, lang),
            weight_marks(i.weight),
        )
        for i in ordered
    )


def comparison(
    result: OpennessResult, content: OpennessContent, lang: Lang | None = None
) -> Comparison:
    return Comparison(
        compare_rows(result, content, "advantages", lang),
        compare_rows(result, content, "risks", lang),
    )


@dataclass(frozen=True)
class SureRow:
    text: str
    before: bool | None
    after: bool | None


def sure_rows(result: OpennessResult, content: OpennessContent) -> list[SureRow]:
    """Each check question with the answer at the start and at the end (None: not answered)."""
    return [
        SureRow(item.text, result.sure_before.get(item.id), result.sure_after.get(item.id))
        for item in content.sure.items
    ]


def yes_no(value: bool | None, lang: Lang | None = None) -> str:
    key = {True: "openheid.yes", False: "openheid.no", None: "openheid.not_answered"}[value]
    return t(key, lang=lang)


def summary_lines(
    result: OpennessResult,
    content: OpennessContent,
    lang: Lang | None = None,
    *,
    include_sure: bool = False,
) -> list[tuple[str, list[str]]]:
    """The result as (heading, lines) sections in reading order; empty parts say so."""
    none = t("openheid.not_answered", lang=lang)
    sections: list[tuple[str, list[str]]] = []
    for question in content.questions:
        heading = f"{question.number}. {question.title}"
        if question.id == "wie":
            names = [recipient_name(r, content) for r in result.recipients]
            sections.append((heading, names or [none]))
        else:
            sections.append((heading, [answer_text(result.general(question.id), question) or none]))
    plan = recipient_plan(result, content)
    if plan:
        lines = []
        for line in plan:
            parts = [
                t(f"openheid.plan_{qid}", lang=lang, answer=text)
                for qid, text in (("wat", line.wat), ("wanneer", line.wanneer), ("hoe", line.hoe))
                if text
            ]
            lines.append(f"{line.name}: " + "; ".join(parts) if parts else line.name)
        sections.append((t("openheid.per_person", lang=lang), lines))
    for kind in LIST_KINDS:
        rows = compare_rows(result, content, kind, lang)
        sections.append(
            (
                t(f"openheid.list_{kind}", lang=lang),
                [f"{row.text} ({row.weight_label})" for row in rows] or [none],
            )
        )
    sections.append((content.choice.title, [answer_text(result.choice, content.choice) or none]))
    sections.append((content.first_step.title, [result.first_step.strip() or none]))
    if include_sure and (result.sure_before or result.sure_after):
        lines = [
            t(
                "openheid.sure_line",
                lang=lang,
                text=row.text,
                before=yes_no(row.before, lang),
                after=yes_no(row.after, lang),
            )
            for row in sure_rows(result, content)
        ]
        sections.append((t("openheid.sure_heading", lang=lang), lines))
    return sections


def note_text(result: OpennessResult, content: OpennessContent, lang: Lang | None = None) -> str:
    """The readable text of a note, if the student wants one kept (no before/after check)."""
    title = t(
        "openheid.note_title", lang=lang, title=content.title, date=format_date(result.date, lang)
    )
    parts = [title]
    for heading, lines in summary_lines(result, content, lang):
        parts.append(f"\n{heading}\n" + "\n".join(f"- {line}" for line in lines))
    return "\n".join(parts)


def used_sources(result: OpennessResult, content: OpennessContent) -> list[Source]:
    """The sources of what the student saw and picked, each once (for the PDF)."""
    found: list[Source] = [content.welcome.source]
    found += [q.source for q in content.questions]
    for kind in LIST_KINDS:
        listing = content.pros_cons(kind)
        found.append(listing.source)
        for item in result.items(kind):
            example = None if item.own else listing.example(item.id)
            if example is not None:
                found.append(example.source)
    if result.sure_before or result.sure_after:
        found.append(content.sure.source)
    return list(dict.fromkeys(found))


def suggested_pdf_name(result: OpennessResult, lang: Lang | None = None) -> str:
    return t("openheid.pdf_file", lang=lang, date=result.date.isoformat())


__all__: Sequence[str] = (
    "Answer",
    "Comparison",
    "OpennessContent",
    "OpennessResult",
    "Recipient",
    "Weighed",
    "comparison",
    "note_text",
    "openness_content",
    "recipient_plan",
    "summary_lines",
)
