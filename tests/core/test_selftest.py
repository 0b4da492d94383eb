"""The core half of --self-test: content, strings, and a PDF exported in each language (the
frozen build runs it in an empty environment, so a module or font the build lacks shows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docentwijzer import belonging_pdf
from docentwijzer.selftest import check_core


def test_the_self_test_exports_a_pdf_in_each_language() -> None:
    report = check_core()
    assert report.problems == []
    assert report.pdfs == 2


def test_a_pdf_export_that_breaks_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ImportError("No module named 'PIL._imaging'")

    monkeypatch.setattr(belonging_pdf, "write_handout", broken)
    report = check_core()
    assert report.pdfs == 0
    assert [p for p in report.problems if "PDF" in p] == [
        "[nl] PDF export failed: ImportError(\"No module named 'PIL._imaging'\")",
        "[en] PDF export failed: ImportError(\"No module named 'PIL._imaging'\")",
    ]


def test_a_pdf_cut_short_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def cut_short(path: Path, *_args: object, **_kwargs: object) -> None:
        path.write_bytes(b"%PDF-1.4\n1 0 obj")

    monkeypatch.setattr(belonging_pdf, "write_handout", cut_short)
    report = check_core()
    assert report.pdfs == 0
    assert "[nl] PDF export wrote no complete PDF" in report.problems
