"""Bronnen: every public source once, where to find it, what the app takes from it and where.

Reached from Over ("Alle bronnen bekijken") and the Help menu. What in the app draws on each
source is worked out from the content (:func:`docentwijzer.source_use.source_uses`), never
written by hand; how the content is kept accurate heads the page.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from docentwijzer.dates import format_stored
from docentwijzer.helplines import help_content
from docentwijzer.i18n import language, t
from docentwijzer.source_use import AreaUse, source_uses
from docentwijzer.sources import catalogue

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph, path_field, section

#: Named parts shown per area before "and N more" (a long list reads as noise).
PARTS_SHOWN = 4


def used_in(use: AreaUse) -> str:
    """ "Beslisboom (36 regels: Zelfdoding · Studie · … · en nog 5)": one area's use of a source."""
    lines = t("bronnen.lines", count=use.lines)
    parts = use.parts[:PARTS_SHOWN]
    if len(use.parts) > PARTS_SHOWN:
        parts.append(t("bronnen.more", count=len(use.parts) - PARTS_SHOWN))
    detail = f"{lines}: {' · '.join(parts)}" if parts else lines
    return f"{use.name()} ({detail})"


class SourcesScreen(Screen):
    area_id = "bronnen"

    def __init__(self) -> None:
        super().__init__()
        lang = language()
        self.body.addWidget(heading(t("app.area_bronnen")))
        self.body.addWidget(paragraph(t("bronnen.intro")))
        checked = format_stored(help_content().numbers_checked)
        self.accuracy = paragraph(t("bronnen.accuracy", date=checked))
        self.body.addWidget(section(t("bronnen.accuracy_title"), self.accuracy))

        sources = catalogue().sources
        uses = source_uses(lang)
        self.body.addWidget(heading(t("bronnen.list_title", count=len(sources)), 2))
        #: Per catalogue key: the line saying where the app uses it.
        self.used_in: dict[str, QLabel] = {}
        for key, entry in sources.items():
            parts: list[QWidget] = [heading(entry.short_title or entry.name(lang), 3)]
            parts.append(paragraph(entry.citation(lang)))
            if gloss := entry.gloss(lang):
                parts.append(paragraph(t("bronnen.gloss", title=gloss), muted=True))
            if entry.address:
                # An address does not wrap: a read-only field shows it whole when scrolled and
                # copies it clean (no break marks inside).
                parts.append(paragraph(t("bronnen.address")))
                name = t("bronnen.address_of", source=entry.short_title or entry.name(lang))
                parts.append(path_field(entry.address, name))
            elif entry.where is not None:
                parts.append(paragraph(t("bronnen.where", where=entry.where.get(lang))))
            parts.append(paragraph(t("bronnen.takes", uses=entry.uses.get(lang))))
            areas = uses.get(key, [])
            if areas:
                items = "".join(f"<li>{escape(used_in(use))}</li>" for use in areas)
                used = paragraph(
                    f"{escape(t('bronnen.used_in'))}<ul style='margin:0'>{items}</ul>", rich=True
                )
                # A screen reader reads words, never the list's markup.
                used.setAccessibleName(f"{t('bronnen.used_in')} {'; '.join(map(used_in, areas))}")
            else:
                used = paragraph(t("bronnen.not_used"), muted=True)
            parts.append(used)
            box = card(*parts)
            box.setObjectName("card")
            box.setAccessibleName(entry.short_title or entry.name(lang))
            self.used_in[key] = used
            self.body.addWidget(box)
        self.body.addStretch(1)
