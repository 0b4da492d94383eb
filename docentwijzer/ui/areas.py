"""The app's areas: one line each. A screen module registers its factory here.

``factory`` is imported lazily (a dotted path), so start-up builds only the screen shown.
An area without a factory shows a plain "not built yet" screen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    id: str
    #: locale key of the name in the navigation (``app.area_<id>``) and its one-line summary
    #: (``app.area_<id>_summary``).
    factory: str | None = None
    in_nav: bool = True

    @property
    def title_key(self) -> str:
        return f"app.area_{self.id}"

    @property
    def summary_key(self) -> str:
        return f"app.area_{self.id}_summary"


AREAS: tuple[Area, ...] = (
    Area("start", "docentwijzer.ui.home:HomeScreen"),
    Area("signalering", "docentwijzer.ui.checklist:ChecklistScreen"),
    Area("beslisboom", "docentwijzer.ui.tree:TreeScreen"),
    Area("openheid", "docentwijzer.ui.openheid:OpennessScreen"),
    Area("belonging", "docentwijzer.ui.belonging:BelongingScreen"),
    Area("notities", "docentwijzer.ui.notes:NotesScreen"),
    Area("instelling", "docentwijzer.ui.profile:ProfileScreen"),
    Area("training", "docentwijzer.ui.training:TrainingScreen"),
    Area("oefenen", "docentwijzer.ui.oefenen:OefenenScreen"),
    Area("over", "docentwijzer.ui.about:AboutScreen"),
    Area("acuut", "docentwijzer.ui.acute:AcuteScreen", in_nav=False),
    Area("zelfzorg", "docentwijzer.ui.zelfzorg:SelfCareScreen", in_nav=False),
    Area("zelfhulp", "docentwijzer.ui.zelfhulp:SelfHelpScreen", in_nav=False),
    Area("bronnen", "docentwijzer.ui.bronnen:SourcesScreen", in_nav=False),
    Area("achtergrond", "docentwijzer.ui.achtergrond:BackgroundScreen", in_nav=False),
)


def area(area_id: str) -> Area:
    for candidate in AREAS:
        if candidate.id == area_id:
            return candidate
    raise KeyError(area_id)


def nav_areas() -> list[Area]:
    return [a for a in AREAS if a.in_nav]
