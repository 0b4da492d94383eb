"""Where guidance comes from. Every content item carries a :class:`Source`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from docentwijzer.i18n import Lang, t


class Seed(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: str
    title: str
    publisher: str


#: The five public Dutch documents the guidance is drawn from (see shared/seeds/README.md).
SEEDS: dict[str, Seed] = {
    "000_6fccab333fcb74ab.txt": Seed(
        number="000",
        title="Studentenwelzijn, mentale gezondheid en middelengebruik (dia's, J. Dopmeijer)",
        publisher="Trimbos-instituut / Hogeschool Windesheim",
    ),
    "001_344d59752626509e.txt": Seed(
        number="001",
        title="Landelijk Kader Studentenwelzijn 2023-2030",
        publisher="Vereniging Hogescholen, UNL, ISO, LSVb, OCW",
    ),
    "002_267e569cece3eafc.txt": Seed(
        number="002",
        title="Webinar studentenwelzijn, sense of belonging en self-efficacy voor docenten",
        publisher="(webinar-dia's)",
    ),
    "003_8a9e8c816c9c6e38.txt": Seed(
        number="003",
        title="Werken aan studentenwelzijn: pak het integraal aan (factsheet)",
        publisher="Trimbos-instituut, programma Stijn",
    ),
    "004_4b334115c6f1c749.txt": Seed(
        number="004",
        title="Handreiking prestatiedruk en stress onder studenten in het hoger onderwijs",
        publisher="Trimbos-instituut, ECIO, RIVM",
    ),
}


class Source(BaseModel):
    """A seed file (with the heading or slide), or a named public source with its check date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: str = Field(min_length=1, description="seed file name, or the name of a public source")
    detail: str = Field(default="", description="heading, slide or page")
    checked: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}(-\d{2})?$",
        description="when a public source was checked: YYYY-MM or YYYY-MM-DD",
    )

    @model_validator(mode="after")
    def _known(self) -> Source:
        if self.ref.endswith(".txt"):
            if self.ref not in SEEDS:
                raise ValueError(f"unknown seed file {self.ref!r}")
        elif self.checked is None:
            raise ValueError("a public source needs the date it was checked ('checked')")
        return self

    @property
    def seed(self) -> Seed | None:
        return SEEDS.get(self.ref)

    def label(self, lang: Lang | None = None) -> str:
        """Human-readable citation, e.g. for a tooltip or a PDF footnote."""
        seed = self.seed
        if seed is not None:
            text = f"{seed.title} ({seed.publisher}) [seed {seed.number}]"
        else:
            assert self.checked is not None
            text = t("sources.checked", lang=lang, name=self.ref, date=self.checked)
        return f"{text}: {self.detail}" if self.detail else text
