"""'Wat kun je zelf doen?': a one-page hand-out a teacher gives a student.

Content (``content/<lang>/zelfhulp.json``): what a student can do about stress and performance
pressure (sleep, exercise, routine, talking, study groups, skills, the online resources the
Handreiking prestatiedruk names), when and where to look for help, and the acute numbers. Every
point is sourced; it advises, it never diagnoses. The PDF is :mod:`docentwijzer.zelfhulp_pdf`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.i18n import Lang
from docentwijzer.sources import Source

#: What the acute box must name, checked against the national numbers (``hulp.json``).
ACUTE_NUMBERS = ("112", "113", "0800-0113", "113.nl")


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Point(_Item):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    text: str = Field(min_length=1, max_length=260)
    source: Source


class Section(_Item):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    points: list[Point] = Field(min_length=1)
    #: A line under the points (e.g. that named websites may have changed).
    note: str = ""


class Acute(_Item):
    title: str = Field(min_length=1)
    points: list[Point] = Field(min_length=2)


class SelfHelpContent(ContentDocument):
    """``content/<lang>/zelfhulp.json``."""

    title: str = Field(min_length=1)
    subtitle: str = Field(min_length=1)
    #: For the teacher, on screen only: what the page is and what it is not.
    for_teacher: str = Field(min_length=1)
    intro: list[Point] = Field(min_length=1)
    sections: list[Section] = Field(min_length=3)
    acute: Acute

    @model_validator(mode="after")
    def _unique_and_acute(self) -> SelfHelpContent:
        ids = [point.id for point in self.points()]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"point ids used twice: {', '.join(doubles)}")
        acute = " ".join(point.text for point in self.acute.points)
        missing = [number for number in ACUTE_NUMBERS if number not in acute]
        if missing:
            raise ValueError(f"the acute box must name {', '.join(missing)}")
        return self

    def points(self) -> list[Point]:
        """Every point in reading order: intro, sections, acute box."""
        found = list(self.intro)
        for section in self.sections:
            found += section.points
        return found + list(self.acute.points)

    @property
    def sources(self) -> list[Source]:
        return list(dict.fromkeys(point.source for point in self.points()))


def self_help(lang: Lang | None = None) -> SelfHelpContent:
    return load_content("zelfhulp", SelfHelpContent, lang)
