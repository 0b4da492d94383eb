"""One interface string in both languages: the model :func:`docentwijzer.i18n.catalog` checks.

It lives apart from :mod:`docentwijzer.i18n` so that :func:`~docentwijzer.i18n.t` can serve
the first paint from the files as read, without importing pydantic; the full check runs right
after the first paint (and in the tests and the self-test).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en
