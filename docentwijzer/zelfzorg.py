"""'En jij?': self-care for the teacher after a heavy conversation.

Content (``content/<lang>/zelfzorg.json``): you do not carry it alone, who to talk to (a
colleague, the studentendecaan, 113 also for you), what is normal to feel. Reached from the
suicide and acute guidance and from the end of every practice conversation. Every point is
sourced; where the sources are silent, the page says less.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.i18n import Lang
from docentwijzer.sources import Source


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CarePoint(_Item):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    text: str = Field(min_length=1)
    source: Source


class CareSection(_Item):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    points: list[CarePoint] = Field(min_length=1)


class SelfCareContent(ContentDocument):
    """``content/<lang>/zelfzorg.json``."""

    title: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    sections: list[CareSection] = Field(min_length=3)

    @property
    def sources(self) -> list[Source]:
        return list(
            dict.fromkeys(point.source for section in self.sections for point in section.points)
        )


def self_care(lang: Lang | None = None) -> SelfCareContent:
    return load_content("zelfzorg", SelfCareContent, lang)
