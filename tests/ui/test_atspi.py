"""What a screen reader really gets: an AT-SPI client walks the running app under Xvfb.

The app runs from the venv with Qt's AT-SPI bridge; Debian's python3-pyatspi (system Python)
reads it as Orca would, in a subprocess (tests/ui/atspi_client.py). It visits every screen, a
leaf of the referral guide, the notes editor, recording a check-in's outcome, the overview,
Oefenen's self-check (answered and saved), a practice conversation and a dialog, Tabs through
each, and fails on an unnamed control, markup in a name or description, a wrong role, or a Tab
stop with no visible focus change.

Needs: python3-pyatspi at-spi2-core xvfb xdotool imagemagick dbus (``.ci/run`` installs them).
Without them the test is skipped and says so; in CI (``CI`` set) it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from docentwijzer import i18n
from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.oefenen import practice_content
from docentwijzer.oefenen_progress import SCALE_MAX
from tests.ui.routes import answers_to_psychisch

HERE = Path(__file__).resolve().parent
INSTALL = "sudo apt-get install python3-pyatspi at-spi2-core xvfb xdotool imagemagick dbus"
#: What the client visits, in order (atspi_client.ALL_SCENES; that module needs pyatspi).
ALL_SCENES = [
    "start",
    "signalering",
    "beslisboom",
    "openheid",
    "belonging",
    "notities",
    "instelling",
    "training",
    "oefenen",
    "self-check",
    "over",
    "acuut",
    "zelfzorg",
    "tree leaf",
    "notes editor",
    "check-in record",
    "overview",
    "practice",
    "practice end",
    "dialog",
]
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def missing_tools() -> list[str]:
    missing = [
        tool for tool in ("Xvfb", "xdotool", "import", "dbus-run-session") if not shutil.which(tool)
    ]
    if not any(Path(p).exists() for p in LAUNCHERS):
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    probe = (
        subprocess.run(
            ["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True, check=False
        )
        if Path("/usr/bin/python3").exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def tools() -> None:
    missing = missing_tools()
    if not missing:
        return
    message = (
        f"the AT-SPI screen-reader test did NOT run: missing {', '.join(missing)}; "
        f"install with: {INSTALL}"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def run_client(lang: str, scenes: list[str]) -> dict[str, object]:
    i18n.set_language(lang)
    texts: dict[str, object] = {
        "leaf_bar": t("tree.leaf_bar_name"),
        "answers": answers_to_psychisch(),
        "secure": t("notes.setup_button"),
        "new_note": t("notes.new"),
        "pseudonym": t("notes.field_pseudonym"),
        "add_check_in": t("checkins.plan_add"),
        # A check-in added by hand is a week away.
        "record": t(
            "checkins.record_button_name", date=format_date(date.today() + timedelta(days=7))
        ),
        "not_succeeded": t("checkins.outcome_not_succeeded"),
        "overview": t("checkins.overview_button"),
        "self_care": t("oefenen.selfcare_link"),
        "first_conversation": practice_content(lang).conversations[0].title,
        "self_check": t("oefenen.confidence_open"),
        "self_check_answers": [
            t("oefenen.scale_value", value=4, high=SCALE_MAX, statement=statement.text)
            for statement in practice_content(lang).confidence
        ],
        "self_check_save": t("oefenen.confidence_save"),
        "self_check_chart": t("oefenen.chart_name"),
        "self_check_back": t("oefenen.back_to_overview"),
    }
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["DW_ATSPI_TEXTS"] = json.dumps(texts)
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            "sh",
            str(HERE / "atspi_session.sh"),
            sys.executable,
            lang,
            *scenes,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, (
        f"the AT-SPI client printed no result:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    )
    report = json.loads(lines[-1])
    assert "error" not in report, report
    return report


def test_a_screen_reader_meets_clean_names_roles_and_visible_focus_everywhere(tools: None) -> None:
    report = run_client("nl", ALL_SCENES)
    assert report["scenes"] == ALL_SCENES, "the client did not reach every screen"
    assert int(report["stops"]) > 60, "too few Tab stops: the walk did not really run"  # type: ignore[call-overload]
    assert report["problems"] == [], "\n".join(report["problems"])  # type: ignore[arg-type]


def test_in_english_too_names_carry_no_markup_or_entities(tools: None) -> None:
    report = run_client("en", ["start", "beslisboom", "tree leaf", "training", "over"])
    assert report["scenes"] == ["start", "beslisboom", "training", "over", "tree leaf"]
    assert report["problems"] == [], "\n".join(report["problems"])  # type: ignore[arg-type]


def test_a_managed_cards_read_only_fields_are_named_and_reached(tools: None, dw_site: Path) -> None:
    """Instellingsgegevens with the institution's card: its read-only fields are Tab stops with
    clean names, like every other field (the app inherits DOCENTWIJZER_SITE)."""
    from docentwijzer.profile import Contact, InstitutionProfile, Maintainer, export_profile

    dw_site.mkdir(parents=True)
    card = InstitutionProfile(
        institution="Hogeschool Voorbeeld",
        issued=date(2026, 11, 1),
        maintainer=Maintainer(name="Servicedesk", contact="servicedesk@example.nl"),
        contacts={"studentendecaan": Contact(name="Decanaat", phone="030 123 45 67")},
    )
    export_profile(card, dw_site / "instelling.json")
    report = run_client("nl", ["instelling"])
    assert report["scenes"] == ["instelling"]
    assert report["problems"] == [], "\n".join(report["problems"])  # type: ignore[arg-type]
