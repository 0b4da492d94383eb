"""Guidance as packaged data: one JSON file per tool and language, validated by pydantic.

``load_content("hulp", HelpContent)`` reads ``docentwijzer/content/<lang>/hulp.json``. A broken
file raises :class:`ContentError` whose message names the file, the item and the field, in the
user's language, so the UI can show it without a traceback.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from docentwijzer.i18n import Lang, language, t
from docentwijzer.userfiles import UserFileError, parse_json


class ContentDocument(BaseModel):
    """Base of every content file: versioned and in one declared language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    language: Lang


D = TypeVar("D", bound=ContentDocument)


class ContentError(Exception):
    """A content file could not be used. ``str(err)`` is a message for the user."""

    def __init__(self, file: str, item: str | None, field: str | None, problem: str) -> None:
        self.file, self.item, self.field, self.problem = file, item, field, problem
        super().__init__(
            t(
                "content.error",
                file=file,
                item=item or t("content.no_item"),
                field=field or t("content.no_field"),
                problem=problem,
            )
        )


def _locate(raw: Any, loc: tuple[int | str, ...]) -> tuple[str | None, str | None]:
    """The id of the innermost item on the path of an error, and the failing field's name."""
    item: str | None = None
    node = raw
    for part in loc:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            item = node["id"]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
    if item is None and loc:
        item = ".".join(str(p) for p in loc[:-1]) or None
    return item, field


def _problem(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    known = {"missing": "content.missing", "extra_forbidden": "content.extra"}
    if kind in known:
        return t(known[kind])
    if kind == "value_error" and "error" in error.get("ctx", {}):
        return str(error["ctx"]["error"])  # our own message, without pydantic's "Value error, "
    return str(error.get("msg", kind))


def parse_content(text: str, model: type[D], label: str, lang: Lang | None = None) -> D:
    """Validate ``text`` as ``model``; ``label`` names the file in messages."""
    try:
        raw = parse_json(text)
    except UserFileError as exc:
        reason = t("content.bad_json", line=exc.line) if exc.kind == "not_json" else str(exc)
        raise ContentError(label, None, None, reason) from exc
    try:
        document = model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        item, field = _locate(raw, tuple(first["loc"]))
        raise ContentError(label, item, field, _problem(dict(first))) from exc
    if lang is not None and document.language != lang:
        raise ContentError(
            label, None, "language", t("content.wrong_language", found=document.language)
        )
    return document


@cache
def _load(name: str, model: type[D], lang: Lang) -> D:
    label = f"content/{lang}/{name}.json"
    resource = resources.files("docentwijzer.content") / lang / f"{name}.json"
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ContentError(label, None, None, t("content.not_found")) from exc
    return parse_content(text, model, label, lang)


def load_content(name: str, model: type[D], lang: Lang | None = None) -> D:
    """The packaged content document ``name`` in ``lang`` (default: the current language)."""
    document: D = _load(name, model, lang or language())
    return document


class Sourced(BaseModel):
    """Mixin check: used by tests to find items that must carry a source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="after")
    def _has_source(self) -> Sourced:
        if getattr(self, "source", None) is None and not getattr(self, "sources", None):
            raise ValueError("every content item needs a source")
        return self
