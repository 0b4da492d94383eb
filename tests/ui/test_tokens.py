"""The design tokens: every colour pair the interface relies on meets WCAG 2.1 AA, recomputed
from ``ui/tokens.py``, and docs/design.md shows exactly these numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from docentwijzer.ui import tokens

DESIGN = Path(__file__).resolve().parents[2] / "docs" / "design.md"


def test_contrast_formula_matches_known_values() -> None:
    assert tokens.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert tokens.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example pair: #767676 on white is just AA (4.54:1).
    assert tokens.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", list(tokens.SCHEMES))
def test_every_required_pair_meets_its_minimum(scheme: str) -> None:
    colors = tokens.SCHEMES[scheme]
    failures = []
    for foreground, backgrounds, minimum in tokens.REQUIREMENTS:
        for background in backgrounds:
            ratio = tokens.contrast(getattr(colors, foreground), getattr(colors, background))
            if ratio < minimum:
                failures.append(f"{foreground} on {background}: {ratio:.2f} < {minimum}")
    assert not failures, f"{scheme}: {failures}"


def test_a_too_light_colour_would_be_caught() -> None:
    # The check above can fail: light grey text on the light background does not pass.
    assert tokens.contrast("#9a9a9a", tokens.SCHEMES["light"].bg) < 4.5


def test_trainer_contrast_schemes_reach_7_to_1_for_text() -> None:
    for scheme in ("contrast_light", "contrast_dark"):
        assert tokens.lowest(scheme, "text", ("bg", "surface", "selected")) >= 7


def test_the_design_notes_show_the_token_table_as_computed() -> None:
    text = DESIGN.read_text(encoding="utf-8")
    start = text.index("<!-- tokens:begin -->") + len("<!-- tokens:begin -->")
    end = text.index("<!-- tokens:end -->")
    assert text[start:end].strip() == tokens.token_table().strip(), (
        "docs/design.md's token table is out of date: paste tokens.token_table()"
    )


def test_spacing_grows_with_the_text_size() -> None:
    assert tokens.spacing_factor(100) == 1
    assert tokens.spacing_factor(150) == pytest.approx(1.25)
    assert tokens.spacing_factor(200) == pytest.approx(1.5)
