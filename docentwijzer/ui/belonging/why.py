"""The Belonging screen's "Waarom?" tab: what sense of belonging is, its signals, the sources."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from docentwijzer.belonging import BelongingContent
from docentwijzer.i18n import t

from docentwijzer.ui.belonging.common import button
from docentwijzer.ui.widgets import heading, paragraph, scrolling, sources_line


def why_page(content: BelongingContent, to_checklist: Callable[[], object]) -> QScrollArea:
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.setContentsMargins(4, 8, 4, 8)
    for section in content.why:
        column.addWidget(heading(section.title, 2))
        if section.text:
            column.addWidget(paragraph(section.text))
        if section.items:
            items = "".join(f"<li>{escape(item)}</li>" for item in section.items)
            column.addWidget(paragraph(f"<ul>{items}</ul>", rich=True))
        column.addWidget(sources_line([section.source]))
        if section.id == "signalen":
            row = QHBoxLayout()
            row.addWidget(button(t("belonging.to_checklist"), to_checklist))
            row.addStretch(1)
            column.addLayout(row)
    column.addStretch(1)
    area = scrolling(inner)
    area.setAccessibleName(t("belonging.tab_why"))
    return area
