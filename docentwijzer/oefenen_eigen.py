"""A trainer's own conversations and cases: written in the app, kept locally, shared as one file.

Trainers write their own practice conversations and training cases in a form with a live
preview (the screen), never by hand in JSON. What they save lives in the data folder:

- own conversations: ``<data>/oefenen/eigen-gesprekken.json``;
- own cases: ``<data>/casuistiek/eigen-casussen.json``, a case file in the format Training has
  always read from that folder, so the cases appear there without further steps.

To share with colleagues, everything (or a selection) is exported as **one file**
(``*.docentwijzer.json``) and imported on the other computer. Import reads the file as a user
file (:mod:`docentwijzer.userfiles`), checks every conversation and case on its own with the
same rules as the packaged content, and keeps what is sound: a broken file or item is reported
(which one, what is wrong, in the user's language) and never stops the app. A clashing code gets
a new one; nothing already there is replaced.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from docentwijzer import paths
from docentwijzer.content import ContentError, parse_content
from docentwijzer.i18n import Lang, language, t
from docentwijzer.oefenen import Conversation, skill_problems
from docentwijzer.storage import atomic_write_bytes
from docentwijzer.training import USER_CASE_FOLDER, Case, CaseSet
from docentwijzer.userfiles import UserFileError, parse_json, read_text

#: What a shared file says it is, so another JSON file is not mistaken for one.
SHARE_KIND = "docentwijzer-oefenmateriaal"
SHARE_SUFFIX = ".docentwijzer.json"
SHARE_VERSION = 1
#: A shared file bigger than this is not a shared file.
MAX_SHARE_BYTES = 2_000_000

OWN_FOLDER = "oefenen"
OWN_CONVERSATIONS = "eigen-gesprekken.json"
OWN_CASES = "eigen-casussen.json"


def own_conversations_file() -> Path:
    return paths.data_dir() / OWN_FOLDER / OWN_CONVERSATIONS


def own_cases_file() -> Path:
    return paths.data_dir() / USER_CASE_FOLDER / OWN_CASES


def new_id(title: str, taken: Iterable[str]) -> str:
    """A code from a title ("Na de les!" -> "na-de-les"), unique among ``taken``."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-") or "eigen"
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def _problem_text(exc: ValidationError) -> str:
    """The first thing wrong, in the user's language where the rules speak it."""
    error = exc.errors()[0]
    kind = error.get("type", "")
    where = ".".join(str(part) for part in error.get("loc", ()))
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error.get("msg", "")))
        return message
    if kind == "missing":
        return t("oefenen.import_missing", field=where)
    return t("oefenen.import_invalid", field=where, problem=str(error.get("msg", kind)))


@dataclass(frozen=True)
class ImportProblem:
    """One item (or the whole file) that could not be taken over, and why."""

    what: str
    problem: str

    def __str__(self) -> str:
        return f"{self.what}: {self.problem}"


@dataclass
class ImportResult:
    conversations: list[Conversation] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    #: old code -> new code, for items whose code was already taken here
    renamed: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.conversations and not self.cases


def check_conversation(raw: Any, skills: Iterable[str]) -> Conversation:
    """A conversation from shared or saved data, with every rule (raises ValueError)."""
    try:
        conversation = Conversation.model_validate(raw)
    except ValidationError as exc:
        raise ValueError(_problem_text(exc)) from exc
    problems = skill_problems(conversation, skills)
    if problems:
        raise ValueError("; ".join(p.message for p in problems))
    return conversation


def _item_name(kind: str, number: int, raw: Any) -> str:
    title = raw.get("title") if isinstance(raw, dict) else None
    key = "oefenen.import_conversation" if kind == "conversation" else "oefenen.import_case"
    name = t(key, number=number)
    return f"{name} ‘{title}’" if isinstance(title, str) and title.strip() else name


def read_shared(
    path: Path,
    skills: Iterable[str],
    taken_conversations: Iterable[str] = (),
    taken_cases: Iterable[str] = (),
) -> ImportResult:
    """What a shared file holds that can be taken over. Never raises: problems are reported."""
    result = ImportResult()
    label = path.name
    try:
        raw = parse_json(read_text(path, limit=MAX_SHARE_BYTES))
    except UserFileError as exc:
        result.problems.append(ImportProblem(label, str(exc)))
        return result
    if not isinstance(raw, dict) or raw.get("kind") != SHARE_KIND:
        result.problems.append(ImportProblem(label, t("oefenen.import_not_shared")))
        return result
    version = raw.get("schema_version", 1)
    if not isinstance(version, int) or version > SHARE_VERSION:
        result.problems.append(ImportProblem(label, t("oefenen.import_newer")))
        return result

    skills = set(skills)
    taken_c = set(taken_conversations)
    taken_k = set(taken_cases)
    conversations = raw.get("conversations", [])
    cases = raw.get("cases", [])
    if not isinstance(conversations, list) or not isinstance(cases, list):
        result.problems.append(ImportProblem(label, t("oefenen.import_not_shared")))
        return result

    for number, item in enumerate(conversations, start=1):
        what = _item_name("conversation", number, item)
        try:
            conversation = check_conversation(item, skills)
        except ValueError as exc:
            result.problems.append(ImportProblem(what, str(exc)))
            continue
        if conversation.id in taken_c:
            fresh = new_id(conversation.title, taken_c)
            result.renamed[conversation.id] = fresh
            conversation = conversation.model_copy(update={"id": fresh})
        taken_c.add(conversation.id)
        result.conversations.append(conversation)

    for number, item in enumerate(cases, start=1):
        what = _item_name("case", number, item)
        try:
            case = Case.model_validate(item)
        except ValidationError as exc:
            result.problems.append(ImportProblem(what, _problem_text(exc)))
            continue
        if case.id in taken_k:
            fresh = new_id(case.title, taken_k)
            result.renamed[case.id] = fresh
            case = case.model_copy(update={"id": fresh})
        taken_k.add(case.id)
        result.cases.append(case)

    if result.empty and not result.problems:
        result.problems.append(ImportProblem(label, t("oefenen.import_nothing")))
    return result


def shared_document(
    conversations: Sequence[Conversation], cases: Sequence[Case], lang: Lang | None = None
) -> dict[str, Any]:
    return {
        "schema_version": SHARE_VERSION,
        "kind": SHARE_KIND,
        "language": lang or language(),
        "conversations": [c.model_dump(mode="json", exclude_defaults=True) for c in conversations],
        "cases": [c.model_dump(mode="json") for c in cases],
    }


def write_shared(
    path: Path,
    conversations: Sequence[Conversation],
    cases: Sequence[Case],
    lang: Lang | None = None,
) -> None:
    """One file to hand to a colleague (atomic; an :class:`OSError` is the caller's to report)."""
    text = json.dumps(shared_document(conversations, cases, lang), ensure_ascii=False, indent=1)
    atomic_write_bytes(path, (text + "\n").encode("utf-8"))


# -- the trainer's own material on this computer ------------------------------------------------


class _OwnConversationsFile(BaseModel):
    """``oefenen/eigen-gesprekken.json``: checked item by item on load, like an import."""

    schema_version: int = 1
    language: Lang = "nl"
    conversations: list[Any] = []


@dataclass
class OwnMaterial:
    conversations: list[Conversation] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    #: What could not be read (shown, never fatal).
    problems: list[str] = field(default_factory=list)


class OwnMaterialStore:
    """Reads and writes the trainer's own conversations and cases."""

    def __init__(self, conversations: Path | None = None, cases: Path | None = None) -> None:
        self.conversations_path = conversations or own_conversations_file()
        self.cases_path = cases or own_cases_file()

    def load(self, skills: Iterable[str]) -> OwnMaterial:
        own = OwnMaterial()
        skills = set(skills)
        if self.conversations_path.exists():
            label = f"{OWN_FOLDER}/{OWN_CONVERSATIONS}"
            try:
                raw = parse_json(read_text(self.conversations_path, limit=MAX_SHARE_BYTES))
                document = _OwnConversationsFile.model_validate(raw)
            except (UserFileError, ValidationError) as exc:
                own.problems.append(f"{label}: {exc}")
            else:
                for number, item in enumerate(document.conversations, start=1):
                    try:
                        own.conversations.append(check_conversation(item, skills))
                    except ValueError as exc:
                        what = _item_name("conversation", number, item)
                        own.problems.append(f"{label}, {what}: {exc}")
        if self.cases_path.exists():
            label = f"{USER_CASE_FOLDER}/{OWN_CASES}"
            try:
                text = read_text(self.cases_path, limit=MAX_SHARE_BYTES)
                own.cases = list(parse_content(text, CaseSet, label).cases)
            except UserFileError as exc:
                own.problems.append(f"{label}: {exc}")
            except ContentError as exc:
                own.problems.append(str(exc))
        return own

    def save_conversations(self, conversations: Sequence[Conversation]) -> None:
        document = {
            "schema_version": 1,
            "language": language(),
            "conversations": [
                c.model_dump(mode="json", exclude_defaults=True) for c in conversations
            ],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1)
        atomic_write_bytes(self.conversations_path, (text + "\n").encode("utf-8"))

    def save_cases(self, cases: Sequence[Case]) -> None:
        if not cases:
            self.cases_path.unlink(missing_ok=True)
            return
        document = CaseSet(language=language(), title="", cases=list(cases))
        text = document.model_dump_json(indent=1)
        atomic_write_bytes(self.cases_path, (text + "\n").encode("utf-8"))


def upsert(items: Sequence[Any], item: Any) -> list[Any]:
    """``items`` with ``item`` in place of the one with its id, or added at the end."""
    out = list(items)
    for index, existing in enumerate(out):
        if existing.id == item.id:
            out[index] = item
            return out
    return [*out, item]
