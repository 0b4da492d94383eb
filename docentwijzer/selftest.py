"""The core half of ``--self-test``: every string and every content file, in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field

from docentwijzer.content import ContentError, load_content
from docentwijzer.i18n import LANGUAGES, CatalogError, catalog, placeholders


@dataclass
class CoreReport:
    strings: int = 0
    documents: int = 0
    problems: list[str] = field(default_factory=list)


def check_core() -> CoreReport:
    from docentwijzer.content.registry import DOCUMENTS

    report = CoreReport()
    try:
        entries = catalog()
    except CatalogError as exc:
        report.problems.append(str(exc))
        return report
    report.strings = len(entries)
    for key, entry in entries.items():
        if placeholders(entry.nl) != placeholders(entry.en):
            report.problems.append(f"string {key!r}: placeholders differ between nl and en")
    for name, model in DOCUMENTS.items():
        for lang in LANGUAGES:
            try:
                load_content(name, model, lang)
                report.documents += 1
            except ContentError as exc:
                report.problems.append(str(exc))
    return report
