"""Acute help: the national numbers and the acute-bar texts, shown from every screen.

What to do in an urgent situation is not here: it lives in the referral tree's leaves ACUUT,
TWIJFEL_GEVAAR and ZELFDODING (``content/<lang>/beslisboom.json``), which the acute screen
shows. One source of truth for urgent guidance.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from docentwijzer.content import ContentDocument, load_content
from docentwijzer.i18n import Lang
from docentwijzer.sources import Source


class Helpline(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    number: str = Field(min_length=1)
    #: Other ways in (chat, text phone); may be empty.
    also: str = ""
    when: str = Field(min_length=1)
    #: When this line's number was last verified (YYYY-MM), if later than ``numbers_checked``.
    checked: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    source: Source


class HelpContent(ContentDocument):
    """``content/<lang>/hulp.json``."""

    #: Month the national numbers were last verified (YYYY-MM), shown in the app.
    numbers_checked: str = Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")
    bar_danger: str
    bar_suicide: str
    bar_chat: str
    helplines: list[Helpline] = Field(min_length=1)

    def helpline(self, line_id: str) -> Helpline:
        return next(line for line in self.helplines if line.id == line_id)

    def checked(self, line_id: str) -> str:
        """When the number of ``line_id`` was last verified."""
        return self.helpline(line_id).checked or self.numbers_checked


def help_content(lang: Lang | None = None) -> HelpContent:
    return load_content("hulp", HelpContent, lang)
