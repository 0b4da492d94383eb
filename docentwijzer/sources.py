"""Where guidance comes from: a catalogue of public sources, and the :class:`Source` of each item.

The catalogue (``content/bronnen.json``) lists every public document and web page the guidance
rests on, under a short stable key: its title, organisation, year, where a person finds it and,
for a web page, the month it was checked. A content item names a key and the slide, section or
heading (:class:`Source`); :meth:`Source.label` renders the citation a teacher can look up.
Nothing shown ever names a file of ours: an unknown key is a content error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from docentwijzer.dates import format_month
from docentwijzer.i18n import Lang, language, t
from docentwijzer.locale_entry import Entry as Text

#: The catalogue's place in the package (a label for messages, never shown as a citation).
CATALOGUE_FILE = "content/bronnen.json"

#: An apostrophe inside a word ("113's", "privévideo's"), which is no quotation mark.
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
#: A gloss in brackets after a heading ("'Samengevat' (in short)").
_GLOSS = re.compile(r"\s*\([^()]*\)$")

#: A catalogue key: lower case words joined by hyphens, e.g. ``landelijk-kader-2023``.
KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Kind = Literal["document", "slides", "article", "web"]


class PublicSource(BaseModel):
    """One public source as a person would look it up."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Kind
    #: The organisation(s) that publish it, short as cited ("Trimbos-instituut, ECIO, RIVM").
    organisation: str = Field(min_length=1)
    #: The organisations written out, for the list of sources (optional).
    organisation_full: str = ""
    #: Authors, short ("L. Scheeren, B. Bremer, J. Dopmeijer"); empty when none are named.
    authors: str = ""
    #: The title as published. Empty for a whole web site (then the organisation names it).
    title: str = ""
    #: An English gloss of the title, for the list of sources (the citation keeps the title as
    #: published). Required with a title; equal to it when the title is English already.
    title_en: str = ""
    #: The title is ours (the source has none, e.g. untitled slides): shown without quotes.
    title_described: Text | None = None
    #: A few words for a small card ("Landelijk Kader"); defaults to the title.
    short_title: str = ""
    #: The year of publication; ``None`` when it truly cannot be established ("z.j." / "n.d.").
    year: int | None = Field(default=None, ge=1900, le=2100)
    #: Why the year is unknown, or what is known about it.
    year_note: Text | None = None
    #: For a web page: the site as a reader types it ("113.nl").
    site: str = ""
    #: The public address (https://...) where a person finds it; empty only with ``where``.
    address: str = ""
    #: How to find it when there is no public address.
    where: Text | None = None
    #: For a web page: the month it was last checked, YYYY-MM.
    checked: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    #: What DocentWijzer takes from it (for the list of sources).
    uses: Text

    @field_validator("address")
    @classmethod
    def _public_address(cls, value: str) -> str:
        if value and not value.startswith("https://"):
            raise ValueError("an address is a public https:// address")
        return value

    @model_validator(mode="after")
    def _findable(self) -> PublicSource:
        if not self.title and self.title_described is None and self.kind != "web":
            raise ValueError("a document needs a title (or a described title)")
        if self.title and not self.title_en:
            raise ValueError(
                "a title needs its English gloss ('title_en'; the title itself if it is English)"
            )
        if not self.address and self.where is None:
            raise ValueError("say where a person finds it: 'address' or 'where'")
        if self.kind == "web":
            if self.checked is None:
                raise ValueError("a web page needs the month it was checked ('checked')")
            if not self.site:
                raise ValueError("a web page needs its site ('site'), e.g. 113.nl")
        if self.year is None and self.year_note is None and self.kind != "web":
            raise ValueError("no year: say why in 'year_note' (it is shown as 'z.j.' / 'n.d.')")
        return self

    def year_text(self, lang: Lang) -> str:
        return str(self.year) if self.year is not None else t("sources.no_year", lang=lang)

    def checked_text(self, lang: Lang) -> str:
        if self.checked is None:
            return ""
        year, month = (int(part) for part in self.checked.split("-"))
        return t("sources.checked", lang=lang, month=format_month(year, month, lang))

    def name(self, lang: Lang) -> str:
        """Title (quoted) or described title, without organisation or year."""
        if self.title:
            return f"‘{self.title}’" if self.kind in ("web", "article") else self.title
        if self.title_described is not None:
            return self.title_described.get(lang)
        return ""

    def gloss(self, lang: Lang) -> str:
        """What the title means, for a reader of ``lang`` who may not read the title's language.

        Empty when the title needs none: in Dutch, or when the title is English already.
        """
        if lang == "en" and self.title and self.title_en != self.title:
            return self.title_en
        return ""

    def citation(self, lang: Lang) -> str:
        """The whole citation without a slide or section."""
        name = self.name(lang)
        if self.kind == "web":
            facts = [self.site]
            if self.year is not None:
                facts.append(str(self.year))
            facts.append(self.checked_text(lang))
            head = f"{self.organisation}, {name}" if name else self.organisation
            if self.authors:
                head = f"{self.authors}, {head}"
            return f"{head} ({', '.join(facts)})"
        facts = [self.organisation, self.year_text(lang)]
        head = f"{self.authors}, {name}" if self.authors else name
        return f"{head} ({', '.join(facts)})"


class Catalogue(BaseModel):
    """``content/bronnen.json``: every public source, by key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    sources: dict[str, PublicSource] = Field(min_length=1)

    @field_validator("sources")
    @classmethod
    def _keys(cls, sources: dict[str, PublicSource]) -> dict[str, PublicSource]:
        for key in sources:
            if not re.match(KEY_PATTERN, key):
                raise ValueError(f"key {key!r}: use lower case words joined by hyphens")
        return sources


def parse_catalogue(text: str, label: str = CATALOGUE_FILE) -> Catalogue:
    """Validate a catalogue; a broken one raises :class:`ContentError` naming key and field."""
    from docentwijzer.content import ContentError

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(label, None, None, t("content.bad_json", line=exc.lineno)) from exc
    try:
        return Catalogue.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(part) for part in error["loc"]]
        key = loc[1] if len(loc) > 1 and loc[0] == "sources" else None
        field = loc[2] if len(loc) > 2 else (loc[0] if loc else None)
        problem = t("content.missing") if error.get("type") == "missing" else str(error["msg"])
        raise ContentError(label, key, field, problem) from exc


@cache
def catalogue() -> Catalogue:
    """The packaged catalogue (read once)."""
    text = (resources.files("docentwijzer.content") / "bronnen.json").read_text(encoding="utf-8")
    return parse_catalogue(text)


def public_source(key: str) -> PublicSource:
    return catalogue().sources[key]


class Source(BaseModel):
    """Where one content item comes from: a catalogue key and the slide, section or heading."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: str = Field(min_length=1, description="a key of the sources catalogue")
    detail: str = Field(default="", description="slide, section or heading as a reader finds it")

    @field_validator("ref")
    @classmethod
    def _known(cls, ref: str) -> str:
        if ref not in catalogue().sources:
            raise ValueError(t("sources.unknown", ref=ref))
        return ref

    @property
    def public(self) -> PublicSource:
        return public_source(self.ref)

    def label(self, lang: Lang | None = None) -> str:
        """The citation a person can look up, e.g. for a tooltip, a panel or a PDF."""
        lang = lang or language()
        text = self.public.citation(lang)
        return f"{text}, {self.detail}" if self.detail else text

    @property
    def section(self) -> str:
        """The slide, section or heading a reader looks up, without what we took from it.

        Details are written "heading: what it says" ("'Samengevat': geef aan waar u bent"); the
        heading is the part before the first ": " outside quotes. A detail without one is all
        heading ("§ 3.5 Ondersteuning en begeleiding").
        """
        start = 0
        while (found := self.detail.find(": ", start)) != -1:
            head = self.detail[:found]
            quotes = _APOSTROPHE.sub("", head)  # "113's" holds no quote
            if (
                quotes.count("'") % 2 == 0
                and head.count("‘") == head.count("’")
                and head.count("(") == head.count(")")
            ):
                return head
            start = found + 2
        return self.detail

    def short(self, lang: Lang | None = None) -> str:
        """A shorter citation for a small card: short title, year (or site), detail."""
        lang = lang or language()
        public = self.public
        name = public.short_title or public.name(lang)
        when = public.site if public.kind == "web" else public.year_text(lang)
        text = (
            f"{public.organisation}, {name} ({when})"
            if public.kind == "web" and name
            else (f"{name or public.organisation} ({when})")
        )
        return f"{text}, {self.detail}" if self.detail else text


def cited_once(sources: Iterable[Source], lang: Lang | None = None) -> list[str]:
    """Each publication once, in the order first cited, with the sections cited from it.

    For a screen: "Citation: section; section" (the citation a person looks up, the headings
    to find; what we took from each is in the list of sources), so ten lines from one web page
    are one entry, not ten repetitions of its title.
    """
    lang = lang or language()
    sections: dict[str, list[str]] = {}
    for source in sources:
        found = sections.setdefault(source.public.citation(lang), [])
        heading = _GLOSS.sub("", source.section)
        if heading and heading not in (_GLOSS.sub("", known) for known in found):
            found.append(source.section)
    return [
        f"{citation}: {'; '.join(parts)}" if parts else citation
        for citation, parts in sections.items()
    ]


# -- the list of sources in docs/sources.md ----------------------------------------------------

#: docs/sources.md holds the generated list between these two lines (a test keeps it in step).
LIST_START = (
    "<!-- catalogue:start (generated by: python -m docentwijzer.sources docs/sources.md) -->"
)
LIST_END = "<!-- catalogue:end -->"


def catalogue_markdown() -> str:
    """Every catalogue entry as Markdown: citation in both languages, where, what we take."""
    lines: list[str] = []
    for key, entry in catalogue().sources.items():
        lines.append(f"### `{key}`")
        lines.append("")
        lines.append(f"- **Citation (nl):** {entry.citation('nl')}")
        lines.append(f"- **Citation (en):** {entry.citation('en')}")
        if gloss := entry.gloss("en"):
            lines.append(f"- **Title in English:** {gloss}")
        if entry.organisation_full:
            lines.append(f"- **Organisation:** {entry.organisation_full}")
        if entry.year is None and entry.year_note is not None:
            lines.append(f"- **Year:** not established. {entry.year_note.en}")
        if entry.address:
            lines.append(f"- **Where:** <{entry.address}>")
        if entry.where is not None:
            lines.append(f"- **Where:** {entry.where.en}")
        if entry.checked:
            lines.append(f"- **Checked:** {entry.checked}")
        lines.append(f"- **What the app takes from it:** {entry.uses.en}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def with_catalogue(document: str) -> str:
    """``document`` with the generated list put between :data:`LIST_START` and :data:`LIST_END`."""
    head, _, rest = document.partition(LIST_START)
    _, _, tail = rest.partition(LIST_END)
    return f"{head}{LIST_START}\n\n{catalogue_markdown()}\n{LIST_END}{tail}"


if __name__ == "__main__":  # pragma: no cover - a developer's command
    import sys
    from pathlib import Path

    target = Path(sys.argv[1])
    target.write_text(with_catalogue(target.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {target}")
