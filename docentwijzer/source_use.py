"""What in the app draws on each public source: worked out from the content, never written by hand.

For the Bronnen screen and docs: every content document is loaded and every :class:`Source` in
it is counted under the area where a teacher meets it, with the named parts (a leaf of the
referral tree, a tip, a case, a practice conversation) that cite it. A source nothing cites is
listed with no uses, so a catalogue entry left behind shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from docentwijzer.i18n import Lang, language, t
from docentwijzer.sources import Source, catalogue

#: Each content document and the area of the app where a teacher meets it (``app.area_<id>``).
DOCUMENT_AREAS: dict[str, str] = {
    "hulp": "acuut",
    "signalering": "signalering",
    "beslisboom": "beslisboom",
    "instelling": "instelling",
    "openheid": "openheid",
    "belonging": "belonging",
    "zelfhulp": "zelfhulp",
    "oefenen": "oefenen",
    "casuistiek": "training",
    "achtergrond": "achtergrond",
    "zelfzorg": "zelfzorg",
}


@dataclass
class AreaUse:
    """One area's lines citing one source, and the named parts they sit in."""

    area_id: str
    lines: int = 0
    parts: list[str] = field(default_factory=list)

    def name(self, lang: Lang | None = None) -> str:
        return t(f"app.area_{self.area_id}", lang=lang or language())


def _part_name(value: BaseModel) -> str:
    """The name a reader knows a part by: its title (a leaf, a tip, a case) or its question."""
    for attribute in ("title", "onward_title"):
        name = getattr(value, attribute, None)
        if isinstance(name, str) and name:
            return name
    return ""


def _collect(value: object, part: str, found: list[tuple[str, Source]]) -> None:
    if isinstance(value, Source):
        found.append((part, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _collect(getattr(value, name), part or _part_name(value), found)
    elif isinstance(value, list | tuple):
        for child in value:
            _collect(child, part, found)
    elif isinstance(value, dict):
        for child in value.values():
            _collect(child, part, found)


def cited_in(document: BaseModel) -> list[tuple[str, Source]]:
    """Every source in a loaded document with the outermost named part it sits in ("" if none)."""
    found: list[tuple[str, Source]] = []
    for name in type(document).model_fields:
        _collect(getattr(document, name), "", found)
    return found


def source_uses(lang: Lang | None = None) -> dict[str, list[AreaUse]]:
    """Per catalogue key (in catalogue order): the areas citing it, in the order of the app."""
    from docentwijzer.content import load_content
    from docentwijzer.content.registry import DOCUMENTS

    lang = lang or language()
    uses: dict[str, dict[str, AreaUse]] = {key: {} for key in catalogue().sources}
    for name in sorted(DOCUMENTS, key=lambda n: list(DOCUMENT_AREAS).index(n)):
        area_id = DOCUMENT_AREAS[name]
        for part, source in cited_in(load_content(name, DOCUMENTS[name], lang)):
            use = uses[source.ref].setdefault(area_id, AreaUse(area_id))
            use.lines += 1
            if part and part not in use.parts:
                use.parts.append(part)
    return {key: list(areas.values()) for key, areas in uses.items()}
