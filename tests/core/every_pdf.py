"""Every PDF the app writes, made from sample data, for checks that hold for all of them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from docentwijzer import checkins, i18n
from docentwijzer.belonging import belonging_content
from docentwijzer.belonging_pdf import write_cards, write_handout
from docentwijzer.handoff import ObservedSignal, SignalContext
from docentwijzer.helplines import help_content
from docentwijzer.i18n import Lang
from docentwijzer.notes import Note
from docentwijzer.notes_pdf import export_notes
from docentwijzer.oefenen import practice_content
from docentwijzer.oefenen_pdf import write_observer_sheet
from docentwijzer.openheid import openness_content
from docentwijzer.openheid_pdf import write_student_pdf
from docentwijzer.overview_pdf import export_overview
from docentwijzer.profile import InstitutionProfile
from docentwijzer.training import background, builtin_cases
from docentwijzer.training_pdf import write_handout as write_trainer_handout
from docentwijzer.tree import Walk, resolve_contacts, tree_content
from docentwijzer.tree_pdf import write_route_pdf
from docentwijzer.zelfhulp_pdf import write_self_help
from tests.core.test_openheid import sample
from tests.core.test_overview_pdf import filled_store

TODAY = date(2026, 11, 24)


def route(path: Path, lang: Lang) -> None:
    i18n.set_language(lang)  # the route PDF speaks the interface's language (reset per test)
    walk = Walk(tree_content(lang), ["start", "zelfdoding", "ZELFDODING"])
    when = datetime(2026, 11, 21, 20, 0)
    contacts = resolve_contacts(walk.current, InstitutionProfile(), help_content(lang), when)  # type: ignore[arg-type]
    context = SignalContext(
        pseudonym="Q7",
        signals=[ObservedSignal(signal_id="vertelt", label="De student vertelt het je")],
    )
    write_route_pdf(path, walk, ["geen-geheim"], contacts, context, TODAY)


def notes(path: Path, lang: Lang) -> None:
    note = Note(
        pseudonym="ÉL-3",
        note_date=date(2026, 5, 12),
        observed="Oogde afwezig; zei ‘het gaat wel’.",
        done="Na de les gesproken.\n[x] Neem het serieus.\n[ ] Bel 113.",
        follow_up=date(2026, 5, 26),
        tags=["gesprek"],
        updated=datetime(2026, 5, 12, 16, 0),
    )
    export_notes(path, [note, note], "all", lang=lang, retention_months=12)


def openness(path: Path, lang: Lang) -> None:
    write_student_pdf(path, sample(), openness_content(lang), lang)


def belonging(path: Path, lang: Lang) -> None:
    tips = belonging_content(lang).tips
    write_handout(path, [tips[0], tips[10], tips[30]], lang)


def cards(path: Path, lang: Lang) -> None:
    write_cards(path, belonging_content(lang).tips[:8], lang)


def observer_sheet(path: Path, lang: Lang) -> None:
    content = practice_content(lang)
    conversation = content.conversation("niet-meer-willen")
    write_observer_sheet(path, conversation, content.skills, tree_content(lang), lang)


def trainer(path: Path, lang: Lang) -> None:
    write_trainer_handout(path, builtin_cases(lang).cases[:2], background(lang), lang)


def year_overview(path: Path, lang: Lang) -> None:
    store = filled_store(path.parent / "kluis")
    export_overview(path, checkins.overview(store), lang)
    store.destroy()


EVERY_PDF: dict[str, Callable[[Path, Lang], None]] = {
    "route": route,
    "note": notes,
    "openness plan": openness,
    "belonging hand-out": belonging,
    "belonging cards": cards,
    "trainer hand-out": trainer,
    "observer sheet": observer_sheet,
    "year overview": year_overview,
    "student hand-out": write_self_help,
}
