"""The core half of ``--self-test``: every string and every content file, in both languages, and
a PDF exported in each (reportlab, the embedded fonts and what they load in a frozen build)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docentwijzer.content import ContentError, load_content
from docentwijzer.i18n import LANGUAGES, CatalogError, catalog, placeholders


@dataclass
class CoreReport:
    strings: int = 0
    documents: int = 0
    pdfs: int = 0
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
    with tempfile.TemporaryDirectory(prefix="docentwijzer-selftest-") as folder:
        check_pdf(report, Path(folder))
    return report


def check_pdf(report: CoreReport, folder: Path) -> None:
    """Export the belonging hand-out in each language, as the app does, and check the file."""
    from docentwijzer.belonging import HANDOUT_MAX_TIPS, belonging_content
    from docentwijzer.belonging_pdf import write_handout

    for lang in LANGUAGES:
        path = folder / f"handout-{lang}.pdf"
        try:
            write_handout(path, belonging_content(lang).tips[:HANDOUT_MAX_TIPS], lang)
            written = path.read_bytes()
        except Exception as exc:  # whatever a frozen build lacks, say it instead of crashing
            report.problems.append(f"[{lang}] PDF export failed: {exc!r}")
            continue
        if not (written.startswith(b"%PDF-") and written.rstrip().endswith(b"%%EOF")):
            report.problems.append(f"[{lang}] PDF export wrote no complete PDF")
            continue
        report.pdfs += 1
