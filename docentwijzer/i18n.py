"""One translation mechanism for core and UI: a typed string catalogue.

Strings live in ``docentwijzer/locales/<area>.json`` as ``{"key": {"nl": "...", "en": "..."}}``;
the full key is ``<area>.<key>``. Dutch and English sit side by side so a missing translation
is visible in review, and a test checks every entry has both with the same placeholders.
Each screen owns its own file, so two people working on two screens never touch one file.
"""

from __future__ import annotations

import json
import string
import warnings
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from docentwijzer.locale_entry import Entry

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANGUAGE: Lang = "nl"


class CatalogError(Exception):
    """A locale file is malformed; names the file and key."""


_current: Lang = DEFAULT_LANGUAGE


def set_language(lang: str) -> Lang:
    """Switch the language for everything that calls :func:`t` afterwards."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose from {', '.join(LANGUAGES)}")
    _current = lang
    return _current


def language() -> Lang:
    return _current


@cache
def _files() -> dict[str, dict[str, Any]]:
    """Every area's strings as read: ``{area: {key: {"nl": ..., "en": ...}}}``."""
    folder = resources.files("docentwijzer") / "locales"
    return {
        item.name: _area(item.name.removesuffix(".json"))
        for item in sorted(folder.iterdir(), key=lambda p: p.name)
        if item.name.endswith(".json")
    }


@cache
def _area(area: str) -> dict[str, Any]:
    """One area's strings as read, from ``locales/<area>.json`` ({} when there is none).

    :func:`t` reads only the areas it is asked for (no model to build first): the first paint
    needs a few of the files, :func:`catalog` validates them all right after it.
    """
    item = resources.files("docentwijzer") / "locales" / f"{area}.json"
    if not area.isidentifier() or not item.is_file():
        return {}
    try:
        raw = json.loads(item.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CatalogError(f"locales/{item.name}: not valid JSON ({exc})") from exc
    if not isinstance(raw, dict):
        raise CatalogError(f"locales/{item.name}: not a JSON object")
    return raw


@cache
def catalog() -> dict[str, Entry]:
    """All strings of all areas, validated (the app does this right after its first paint)."""
    from pydantic import ValidationError

    from docentwijzer.locale_entry import Entry

    entries: dict[str, Entry] = {}
    for name, raw in _files().items():
        area = name.removesuffix(".json")
        for key, value in raw.items():
            try:
                entries[f"{area}.{key}"] = Entry.model_validate(value)
            except ValidationError as exc:
                raise CatalogError(f"locales/{name}: key {key!r}: {exc}") from exc
    return entries


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def t(key: str, /, lang: Lang | None = None, **values: Any) -> str:
    """The text for ``key`` in the current (or given) language, with ``{values}`` filled in.

    With ``count=1`` the entry ``<key>_one`` is used when there is one ("1 notitie"), so no
    text needs "notitie(s)".
    """
    area, _, name = key.partition(".")
    strings = _area(area)
    if values.get("count") == 1 and f"{name}_one" in strings:
        key, name = f"{key}_one", f"{name}_one"
    entry = strings.get(name)
    text = entry.get(lang or _current) if isinstance(entry, dict) else None
    if not isinstance(text, str):
        warnings.warn(f"missing translation key {key!r}", stacklevel=2)
        return f"⟨{key}⟩"
    return text.format(**values) if values else text
