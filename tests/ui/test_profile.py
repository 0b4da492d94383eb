"""Instellingsgegevens as a teacher and a trainer use it: fill in, save, hand out, import."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from docentwijzer import i18n, paths
from docentwijzer.profile import (
    Contact,
    ExtraContact,
    InstitutionProfile,
    Maintainer,
    ProfileStore,
    export_profile,
    load_effective,
    profile_file,
    read_profile_file,
)
from docentwijzer.settings import Settings, SettingsStore
from docentwijzer.tree import StepNode

from docentwijzer.ui import dialogs
from docentwijzer.ui import profile as profile_ui
from docentwijzer.ui import tree as tree_ui
from docentwijzer.ui.mainwindow import MainWindow
from docentwijzer.ui.profile import ProfileScreen
from docentwijzer.ui.tree import TreeScreen

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_ui, "today", lambda: TODAY)


def open_profile(window: MainWindow, qtbot: QtBot) -> ProfileScreen:
    """Open the screen the way a teacher does: Ctrl+7."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "instelling"
    screen = window.current_screen()
    assert isinstance(screen, ProfileScreen)
    return screen


def focused() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    return widget


def shown_text(screen: ProfileScreen) -> str:
    return "\n".join(label.text() for label in screen.findChildren(QLabel) if label.isVisible())


def saved_profile() -> InstitutionProfile:
    return ProfileStore().load().value


def trainer_profile() -> InstitutionProfile:
    return InstitutionProfile(
        institution="Hogeschool Voorbeeld",
        contacts={
            "studentendecaan": Contact(name="Decanaat", phone="030 111", checked=date(2026, 10, 1)),
            "vertrouwenspersoon": Contact(name="Mw. De Vries", email="vp@example.nl"),
        },
        extra=[ExtraContact(label="Studentenpastor", phone="030 333")],
    )


def test_fill_a_role_by_keyboard_save_and_see_it_after_reopening(
    main_window: MainWindow, qtbot: QtBot, qapp: QApplication
) -> None:
    screen = open_profile(main_window, qtbot)
    assert focused() is screen.institution
    qtbot.keyClicks(focused(), "Hogeschool Test")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    decaan = screen.forms["studentendecaan"]
    assert focused() is decaan.fields["name"]
    qtbot.keyClicks(focused(), "Decanaat, gebouw A")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "030 123 45 67")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "decanaat@example.nl")
    assert screen.has_unsaved_changes()
    assert "nog niet zijn opgeslagen" in screen.status.text()

    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not screen.has_unsaved_changes()
    assert screen.status.text() == "Opgeslagen."
    stored = saved_profile()
    assert stored.institution == "Hogeschool Test"
    assert stored.contacts["studentendecaan"] == Contact(
        name="Decanaat, gebouw A", phone="030 123 45 67", email="decanaat@example.nl"
    )

    main_window.close()
    reopened = MainWindow(Settings(), SettingsStore())
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    again = open_profile(reopened, qtbot)
    assert again.institution.text() == "Hogeschool Test"
    assert again.forms["studentendecaan"].fields["phone"].text() == "030 123 45 67"
    assert not again.has_unsaved_changes()


def test_the_checked_date_is_shown_and_typed_the_one_way_dates_are_shown(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    ProfileStore().save(trainer_profile())
    screen = open_profile(main_window, qtbot)
    decaan = screen.forms["studentendecaan"].fields["checked"]
    assert decaan.text() == "01-10-2026"
    assert "JJJJ" not in decaan.placeholderText() and "21-11-2026" in decaan.placeholderText()
    field = screen.forms["vertrouwenspersoon"].fields["checked"]
    field.setFocus()
    qtbot.keyClicks(field, "3 okt 2026")
    assert not screen.forms["vertrouwenspersoon"].errors["checked"].isVisible()
    assert screen.save()
    assert saved_profile().contacts["vertrouwenspersoon"].checked == date(2026, 10, 3)


def test_a_wrong_phone_number_is_explained_inline_and_not_saved(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_profile(main_window, qtbot)
    phone = screen.forms["studentpsycholoog"].fields["phone"]
    error = screen.forms["studentpsycholoog"].errors["phone"]
    assert not error.isVisible()
    phone.setFocus()
    qtbot.keyClicks(phone, "bel de receptie")
    assert error.isVisible() and "alleen cijfers, spaties, +, - en haakjes" in error.text()
    email = screen.forms["studentpsycholoog"].fields["email"]
    qtbot.keyClicks(email, "psy@hs")
    assert "geen e-mailadres" in screen.forms["studentpsycholoog"].errors["email"].text()

    screen.institution.setFocus()
    qtbot.keyClick(screen.institution, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "verbeter eerst de gemarkeerde velden (2)" in screen.status.text()
    assert focused() is phone
    assert not profile_file().exists()

    phone.clear()
    qtbot.keyClicks(phone, "+31 (0)30-123 4567")
    email.clear()
    qtbot.keyClicks(email, "psy@hs.nl")
    assert not error.isVisible()
    assert screen.save()
    assert saved_profile().contacts["studentpsycholoog"].phone == "+31 (0)30-123 4567"


def test_leaving_with_unsaved_changes_asks_and_can_discard(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    ProfileStore().save(trainer_profile())
    screen = open_profile(main_window, qtbot)
    qtbot.keyClicks(screen.forms["studentendecaan"].fields["name"], " (nieuw)")
    dialog_log.answer = False
    assert not main_window.navigate("start")
    assert main_window.current_area() == "instelling"
    dialog_log.answer = True
    assert main_window.navigate("start")
    assert dialog_log.names() == ["confirm_discard", "confirm_discard"]
    open_profile(main_window, qtbot)
    assert screen.forms["studentendecaan"].fields["name"].text() == "Decanaat"
    assert not screen.has_unsaved_changes()
    assert saved_profile() == trainer_profile()


def test_import_shows_what_changes_and_replaces_after_yes(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine = trainer_profile().model_copy(deep=True)
    mine.contacts["studentendecaan"].phone = "030 999"
    ProfileStore().save(mine)
    before = profile_file().read_bytes()
    handout = tmp_path / "begeleidingskaart.json"
    export_profile(trainer_profile(), handout)
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_: str(handout))

    screen = open_profile(main_window, qtbot)
    screen.import_button.setFocus()
    qtbot.keyClick(screen.import_button, Qt.Key.Key_Space)

    assert dialog_log.names() == ["confirm_import", "info"]
    (diff,) = dialog_log.calls[0][1]
    assert diff == "Studentendecaan\n    Telefoon: 030 999 → 030 111"
    assert screen.forms["studentendecaan"].fields["phone"].text() == "030 111"
    assert saved_profile() == trainer_profile()
    backup = profile_file().with_name("instelling.voor-import.json")
    assert backup.read_bytes() == before
    assert "instelling.voor-import.json" in str(dialog_log.calls[1][1])
    assert not screen.has_unsaved_changes()


def test_import_declined_changes_nothing(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ProfileStore().save(trainer_profile())
    before = profile_file().read_bytes()
    other = InstitutionProfile(contacts={"huisartsenpost": Contact(name="HAP", phone="088 000")})
    handout = tmp_path / "ander.json"
    export_profile(other, handout)
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_: str(handout))
    dialog_log.answer = False

    screen = open_profile(main_window, qtbot)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)

    assert dialog_log.names() == ["confirm_import"]
    (diff,) = dialog_log.calls[0][1]
    assert "Huisartsenpost (regionaal) (nieuw)\n    Naam of afdeling: (leeg) → HAP" in diff
    assert "Studentenpastor (verwijderd)" in diff
    assert screen.status.text() == "Niet geïmporteerd; er is niets veranderd."
    assert profile_file().read_bytes() == before
    assert screen.forms["huisartsenpost"].fields["name"].text() == ""
    assert not screen.has_unsaved_changes()


@pytest.mark.parametrize(
    ("content", "lang", "expected"),
    [
        (b"Naam;Telefoon\n", "nl", "geen geldig JSON-bestand"),
        (b'{"kind": "iets-anders", "schema_version": 1}', "nl", "geen bestand met DocentWijzer"),
        (
            b'{"kind": "docentwijzer-profile", "schema_version": 3}',
            "en",
            "comes from a newer version of DocentWijzer (version 3",
        ),
        (
            b'{"kind": "docentwijzer-profile", "schema_version": 1,'
            b' "contacts": {"studentendecaan": {"phone": "bellen!"}}}',
            "nl",
            "Studentendecaan → Telefoon: Gebruik alleen cijfers",
        ),
    ],
)
def test_an_invalid_or_foreign_file_is_refused_with_a_message_and_nothing_is_lost(
    qtbot: QtBot,
    main_window: MainWindow,
    dialog_log,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    lang: str,
    expected: str,
) -> None:
    ProfileStore().save(trainer_profile())
    before = profile_file().read_bytes()
    bad = tmp_path / "import.json"
    bad.write_bytes(content)
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_: str(bad))
    main_window.set_language(lang)
    screen = open_profile(main_window, qtbot)
    qtbot.keyClicks(screen.forms["studentpsycholoog"].fields["name"], "nog niet bewaard")

    assert not screen.import_file()

    assert dialog_log.names() == ["warn"]
    message = str(dialog_log.calls[0][1])
    assert "import.json" in message and expected in message
    assert profile_file().read_bytes() == before
    assert screen.forms["studentpsycholoog"].fields["name"].text() == "nog niet bewaard"
    assert screen.forms["studentendecaan"].fields["name"].text() == "Decanaat"


def test_export_writes_one_file_colleagues_can_import(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ProfileStore().save(trainer_profile())
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "kaart")

    monkeypatch.setattr(dialogs, "ask_save_file", choose)
    screen = open_profile(main_window, qtbot)
    screen.export_button.setFocus()
    qtbot.keyClick(screen.export_button, Qt.Key.Key_Space)

    written = tmp_path / "kaart.json"
    assert asked and asked[0].endswith("begeleidingskaart.json")
    assert json.loads(written.read_text("utf-8"))["kind"] == "docentwijzer-profile"
    assert read_profile_file(written) == trainer_profile()
    assert str(written) in screen.status.text()
    assert dialog_log.names() == []


def test_export_is_refused_while_a_field_is_wrong(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_: pytest.fail("no file dialog"))
    screen = open_profile(main_window, qtbot)
    qtbot.keyClicks(screen.forms["verslavingszorg"].fields["checked"], "gisteren")
    assert "21-11-2026" in screen.forms["verslavingszorg"].errors["checked"].text()
    assert not screen.export_file()
    assert dialog_log.names() == ["warn"]


def test_with_no_profile_the_roles_explanations_and_national_numbers_show(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_profile(main_window, qtbot)
    text = shown_text(screen)
    for role_name in (
        "Studentendecaan",
        "Studentpsycholoog",
        "Studieloopbaanbegeleider / mentor",
        "Vertrouwenspersoon",
        "BHV / beveiliging (intern noodnummer)",
        "Huisartsenpost (regionaal)",
        "Verslavingszorg (regionaal)",
    ):
        assert role_name in text
    assert "Bij pesten, discriminatie of grensoverschrijdend gedrag." in text
    assert "Bron: Landelijk Kader Studentenwelzijn 2023-2030" in text
    assert screen.national_numbers["112"].text() == "Alarmnummer: 112"
    assert "113 of 0800-0113" in screen.national_numbers["113"].text()
    assert "0900-0113" not in text
    assert "Landelijke nummers gecontroleerd: november 2026." in text
    assert not screen.stale_card.isVisible()
    assert not screen.notice_card.isVisible()
    assert not screen.has_unsaved_changes()
    assert all(not isinstance(w, QLineEdit) or not w.isReadOnly() for w in [screen.institution])


def test_a_corrupt_profile_file_is_kept_aside_and_the_screen_says_so(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    profile_file().write_text("{ kapot", encoding="utf-8")
    screen = open_profile(main_window, qtbot)
    assert screen.notice_card.isVisible()
    assert "beschadigd" in screen.notice.text() and "instelling.corrupt-" in screen.notice.text()
    kept = [p for p in paths.data_dir().iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ kapot"


def test_stale_contacts_are_listed_until_marked_checked_today(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    old = trainer_profile().model_copy(deep=True)
    old.contacts["studentendecaan"].checked = date(2025, 11, 21)
    old.contacts["vertrouwenspersoon"].checked = date(2026, 6, 1)
    old.extra[0].checked = date(2026, 6, 1)
    ProfileStore().save(old)
    screen = open_profile(main_window, qtbot)
    assert screen.stale_card.isVisible()
    assert screen.stale_list.text() == "• Studentendecaan: laatst gecontroleerd op 21-11-2025"

    today_button = screen.forms["studentendecaan"].today_button
    today_button.setFocus()
    qtbot.keyClick(today_button, Qt.Key.Key_Space)
    assert screen.forms["studentendecaan"].fields["checked"].text() == "21-11-2026"
    assert not screen.stale_card.isVisible()
    assert screen.save()
    assert saved_profile().contacts["studentendecaan"].checked == TODAY


def test_extra_contacts_can_be_added_and_removed(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_profile(main_window, qtbot)
    assert "Nog geen extra contacten." in shown_text(screen)
    screen.add_extra_button.setFocus()
    qtbot.keyClick(screen.add_extra_button, Qt.Key.Key_Space)
    assert len(screen.extra_cards) == 1
    form = screen.extra_cards[0].form
    assert focused() is form.fields["label"]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Ds. Jansen")
    assert not screen.save()
    assert "Schrijf erbij waarvoor dit contact is." in form.errors["label"].text()
    qtbot.keyClicks(form.fields["label"], "Studentenpastor")
    assert screen.save()
    assert saved_profile().extra == [ExtraContact(label="Studentenpastor", name="Ds. Jansen")]

    remove = screen.extra_cards[0].remove_button
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert screen.extra_cards == []
    assert screen.has_unsaved_changes()
    assert screen.save()
    assert saved_profile().extra == []


def test_an_empty_added_contact_is_not_an_unsaved_change(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_profile(main_window, qtbot)
    qtbot.mouseClick(screen.add_extra_button, Qt.MouseButton.LeftButton)
    assert not screen.has_unsaved_changes()
    assert screen.save()
    assert saved_profile() == InstitutionProfile()


def test_english_screen(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.set_language("en")
    screen = open_profile(main_window, qtbot)
    text = shown_text(screen)
    assert "Institution details" in text
    assert "Confidential adviser (vertrouwenspersoon)" in text
    assert "For bullying, discrimination, harassment or abuse (grensoverschrijdend gedrag)." in text
    assert "⟨" not in text
    assert screen.save_button.text() == "Save"
    i18n.set_language("nl")


def test_readable_at_200_percent_without_sideways_scrolling(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    main_window.resize(1100, 760)
    assert main_window.set_text_scale(200)
    screen = open_profile(main_window, qtbot)
    qtbot.waitUntil(lambda: screen.scroll_area.viewport().width() > 0)
    assert screen.scroll_area.horizontalScrollBar().maximum() == 0
    assert screen.body_widget.minimumSizeHint().width() <= screen.scroll_area.viewport().width()
    main_window.set_text_scale(100)


def test_extra_contacts_are_renumbered_for_screen_readers_after_a_removal(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_profile(main_window, qtbot)
    first, second = screen.add_extra(), screen.add_extra()
    assert second.form.fields["label"].accessibleName() == "Extra contact 2: Waarvoor"
    qtbot.mouseClick(first.remove_button, Qt.MouseButton.LeftButton)
    assert screen.extra_cards == [second]
    assert second.form.fields["label"].accessibleName() == "Extra contact 1: Waarvoor"
    assert second.remove_button.accessibleName() == "Extra contact 1 verwijderen"
    assert focused_widget_is(screen.add_extra_button)


def focused_widget_is(widget: object) -> bool:
    return QApplication.focusWidget() is widget


#: A real top-level dialog on the offscreen test platform; Qt says it cannot size it natively.
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_DIALOG
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_the_real_import_dialog_shows_the_changes_and_enter_keeps_mine(
    qtbot: QtBot, qapp: QApplication, key: Qt.Key
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QPlainTextEdit

    seen: list[str] = []

    def answer() -> None:
        dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        changes = dialog.findChild(QPlainTextEdit)
        seen.append(changes.toPlainText())
        assert changes.hasFocus() or dialog.focusWidget() is changes
        qtbot.keyClick(changes, key)

    QTimer.singleShot(0, answer)
    assert dialogs.confirm_import(None, "Studentendecaan\n    Telefoon: 1 → 2") is False
    assert seen == ["Studentendecaan\n    Telefoon: 1 → 2"]


@OFFSCREEN_DIALOG
def test_the_real_import_dialog_replaces_only_on_the_replace_button(
    qtbot: QtBot, qapp: QApplication
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QPushButton

    def answer() -> None:
        dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Vervangen")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    assert dialogs.confirm_import(None, "x") is True


def test_a_half_typed_date_counts_as_unsaved_input(main_window: MainWindow, qtbot: QtBot) -> None:
    screen = open_profile(main_window, qtbot)
    qtbot.keyClicks(screen.forms["vertrouwenspersoon"].fields["checked"], "12-1")
    assert screen.has_unsaved_changes()
    assert "nog niet zijn opgeslagen" in screen.status.text()


def test_a_profile_from_a_newer_version_is_shown_as_a_notice_and_never_overwritten(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
) -> None:
    newer = '{"schema_version": 5, "kind": "docentwijzer-profile", "toekomst": true}'
    profile_file().write_text(newer, encoding="utf-8")
    screen = open_profile(main_window, qtbot)
    assert screen.notice_card.isVisible() and "nieuwere versie" in screen.notice.text()
    qtbot.keyClicks(screen.institution, "Hogeschool Test")
    assert not screen.save()
    assert dialog_log.names() == ["warn"]
    assert "wordt niet overschreven" in str(dialog_log.calls[0][1])
    assert profile_file().read_text(encoding="utf-8") == newer


# -- the institution's managed card ----------------------------------------------------------


def managed_card_file(site: Path, **changes: object) -> Path:
    card = InstitutionProfile(
        institution="Hogeschool Voorbeeld",
        issued=date(2026, 11, 1),
        review_before=date(2027, 5, 1),
        maintainer=Maintainer(name="Servicedesk Studentzaken", contact="studentzaken@example.nl"),
        contacts={"studentendecaan": Contact(name="Decanaat", phone="030 123 45 67")},
        extra=[ExtraContact(label="Studentenpastor", email="pastor@example.nl")],
    ).model_copy(update=changes)
    site.mkdir(parents=True, exist_ok=True)
    export_profile(card, site / "instelling.json")
    return site / "instelling.json"


def test_a_managed_card_is_shown_read_only_and_still_reached_and_read(
    main_window: MainWindow, qtbot: QtBot, dw_site: Path
) -> None:
    ProfileStore().save(trainer_profile())
    managed_card_file(dw_site)
    screen = open_profile(main_window, qtbot)
    text = shown_text(screen)
    assert "Beheerd door je instelling" in text
    assert "versie van 01-11-2026" in text
    assert "Meld het bij Servicedesk Studentzaken (studentzaken@example.nl)." in text
    assert screen.who_line is not None and screen.who_line.objectName() == "managedWho"  # not due

    decaan = screen.forms["studentendecaan"]
    assert decaan.fields["phone"].text() == "030 123 45 67"  # the card's, not the own 030 111
    assert all(edit.isReadOnly() for edit in decaan.fields.values())
    assert not decaan.today_button.isVisible()
    assert screen.institution.isReadOnly() and screen.institution.text() == "Hogeschool Voorbeeld"
    # Reachable with Tab and read by a screen reader: name, value and why it cannot change.
    phone = decaan.fields["phone"]
    assert phone.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert phone.accessibleName() == "Studentendecaan: Telefoon"
    assert phone.accessibleDescription() == "Beheerd door je instelling; niet te wijzigen"
    phone.setFocus()
    qtbot.keyClicks(phone, "9")
    assert phone.text() == "030 123 45 67"
    qtbot.keyClick(phone, Qt.Key.Key_Tab)  # on to the next role (its empty fields are hidden)
    assert focused() is screen.forms["studentpsycholoog"].fields["name"]
    # The card's extra contact is shown read-only; the teacher's own stays editable.
    assert [f.fields["label"].text() for f in screen.managed_extra_forms] == ["Studentenpastor"]
    assert screen.managed_extra_forms[0].fields["email"].isReadOnly()
    assert [c.form.fields["label"].text() for c in screen.extra_cards] == ["Studentenpastor"]
    assert not screen.extra_cards[0].form.fields["phone"].isReadOnly()
    # A role the card leaves open is the teacher's to fill in.
    vp = screen.forms["vertrouwenspersoon"]
    assert not vp.fields["name"].isReadOnly() and vp.fields["name"].text() == "Mw. De Vries"
    assert not screen.has_unsaved_changes()


def test_own_additions_are_saved_beside_the_card_and_kept_across_an_update(
    main_window: MainWindow, qtbot: QtBot, dw_site: Path
) -> None:
    managed_card_file(dw_site)
    screen = open_profile(main_window, qtbot)
    screen.forms["studieloopbaanbegeleider"].fields["name"].setText("Mijn SLB'er")
    screen.forms["studieloopbaanbegeleider"].fields["email"].setText("slb@example.nl")
    screen.add_extra(focus=False).form.fields["label"].setText("Mentor")
    screen.extra_cards[0].form.fields["phone"].setText("06 1234 5678")
    assert screen.save()
    own = saved_profile()
    assert "studentendecaan" not in own.contacts  # the card is never copied into the own file
    assert own.contacts["studieloopbaanbegeleider"].email == "slb@example.nl"
    assert own.extra == [ExtraContact(label="Mentor", phone="06 1234 5678")]

    newer = Contact(name="Decanaat", phone="030 765 43 21")
    managed_card_file(dw_site, issued=date(2026, 12, 1), contacts={"studentendecaan": newer})
    fresh = ProfileScreen()
    qtbot.addWidget(fresh)
    assert fresh.forms["studentendecaan"].fields["phone"].text() == "030 765 43 21"
    assert fresh.forms["studieloopbaanbegeleider"].fields["email"].text() == "slb@example.nl"
    assert [c.form.fields["label"].text() for c in fresh.extra_cards] == ["Mentor"]
    assert any("versie van 01-12-2026" in label.text() for label in fresh.findChildren(QLabel))


def test_a_user_import_never_overwrites_the_managed_card(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dw_site: Path,
) -> None:
    managed_card_file(dw_site)
    handout = tmp_path / "kaart.json"
    export_profile(trainer_profile(), handout)  # decaan 030 111 and a vertrouwenspersoon
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_: str(handout))
    screen = open_profile(main_window, qtbot)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert dialog_log.names() == ["confirm_import", "info"]
    (diff,) = dialog_log.calls[0][1]
    assert "Studentendecaan" not in diff and "030 111" not in diff
    assert "Vertrouwenspersoon (nieuw)" in diff
    assert "Rollen die je instelling beheert zijn niet overgenomen." in str(dialog_log.calls[1][1])
    assert screen.forms["studentendecaan"].fields["phone"].text() == "030 123 45 67"
    assert "studentendecaan" not in saved_profile().contacts
    assert load_effective()[0].contacts["studentendecaan"].phone == "030 123 45 67"


def test_past_the_review_date_one_quiet_line_names_the_maintainer(
    main_window: MainWindow, qtbot: QtBot, dw_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(profile_ui, "today", lambda: date(2027, 6, 1))
    managed_card_file(dw_site)
    screen = open_profile(main_window, qtbot)
    assert screen.who_line is not None and screen.who_line.isVisible()
    assert screen.who_line.objectName() == "managedOverdue"
    assert "Klopt er iets niet?" not in shown_text(screen)  # the maintainer is named once
    assert screen.who_line.text() == (
        "De contactgegevens van je instelling zijn ouder dan hun controledatum (01-05-2027); "
        "meld het bij Servicedesk Studentzaken (studentzaken@example.nl)."
    )
    # The card's contacts are the maintainer's to check, not the teacher's: not in "Tijd om te
    # controleren".
    assert "Studentendecaan" not in screen.stale_list.text()


def test_the_tree_uses_the_managed_card(dw_site: Path) -> None:
    ProfileStore().save(trainer_profile())
    managed_card_file(dw_site)
    profile, _notice = tree_ui.load_profile()
    assert profile.contacts["studentendecaan"].phone == "030 123 45 67"
    assert profile.contacts["vertrouwenspersoon"].email == "vp@example.nl"


def test_start_up_shows_what_changed_once_and_a_broken_card_once(
    main_window: MainWindow,
    dialog_log,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    dw_site: Path,
) -> None:
    from docentwijzer.first_paint import FirstPaint

    from docentwijzer.ui import application

    monkeypatch.setattr(dialogs, "show_changes", dialog_log.record("show_changes"))
    ProfileStore().save(trainer_profile())
    managed_card_file(dw_site)
    application.finish_start(main_window, FirstPaint(), follow_language=True)
    assert dialog_log.names() == ["show_changes"]
    title, intro, listing, close = dialog_log.calls[0][1]
    assert title == "Contactgegevens van je instelling" and close == "Sluiten"
    assert "versie van 01-11-2026" in str(intro)
    assert "Studentendecaan\n    Telefoon: 030 111 → 030 123 45 67" in str(listing)

    application.finish_start(main_window, FirstPaint(), follow_language=True)
    assert dialog_log.names() == ["show_changes"]  # once

    (dw_site / "instelling.json").write_text("{ kapot", "utf-8")
    application.finish_start(main_window, FirstPaint(), follow_language=True)
    assert dialog_log.names() == ["show_changes", "warn"]
    assert "vorige versie (van 01-11-2026)" in str(dialog_log.calls[1][1])
    application.finish_start(main_window, FirstPaint(), follow_language=True)
    assert dialog_log.names() == ["show_changes", "warn"]  # reported once, the app runs on


def test_a_managed_role_shows_only_the_fields_the_card_fills_in(
    main_window: MainWindow, qtbot: QtBot, dw_site: Path
) -> None:
    managed_card_file(dw_site)
    screen = open_profile(main_window, qtbot)
    decaan = screen.forms["studentendecaan"]
    shown = [f for f, edit in decaan.fields.items() if edit.isVisibleTo(screen)]
    assert shown == ["name", "phone"]
    open_role = screen.forms["vertrouwenspersoon"]
    assert all(edit.isVisibleTo(screen) for edit in open_role.fields.values())
    # Tab goes from the card's phone to the next thing one can reach, not into empty fields.
    decaan.fields["phone"].setFocus()
    qtbot.keyClick(decaan.fields["phone"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() not in decaan.fields.values()


def test_past_the_review_date_the_tree_shows_the_line_beside_the_contacts(
    main_window: MainWindow, qtbot: QtBot, dw_site: Path
) -> None:
    managed_card_file(dw_site)
    main_window.navigate("beslisboom")
    screen = main_window.current_screen()
    assert isinstance(screen, TreeScreen)
    screen.clock = lambda: datetime(2027, 6, 1, 10, 0)  # type: ignore[method-assign]
    screen.restart()
    for target in ("zelfdoding", "gesprek", "behoefte", "OMSTANDIGHEDEN"):
        while isinstance(screen.walk.current, StepNode):
            screen.choose(screen.walk.current.next)
        screen.choose(target)
    assert screen.walk.current.id == "OMSTANDIGHEDEN"
    shown = [w for w in screen.findChildren(QLabel, "managedOverdue") if w.isVisibleTo(screen)]
    assert [w.text() for w in shown] == [
        "De contactgegevens van je instelling zijn ouder dan hun controledatum (01-05-2027); "
        "meld het bij Servicedesk Studentzaken (studentzaken@example.nl)."
    ]
    screen.clock = lambda: datetime(2027, 4, 1, 10, 0)  # type: ignore[method-assign]
    screen.render()
    assert not [w for w in screen.findChildren(QLabel, "managedOverdue") if w.isVisibleTo(screen)]


def test_export_with_a_managed_card_hands_out_what_the_screen_shows(
    main_window: MainWindow,
    qtbot: QtBot,
    dialog_log,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dw_site: Path,
) -> None:
    ProfileStore().save(trainer_profile())
    managed_card_file(dw_site)
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_: str(tmp_path / "kaart.json"))
    screen = open_profile(main_window, qtbot)
    assert screen.export_file()
    handed = read_profile_file(tmp_path / "kaart.json")
    assert handed.contacts["studentendecaan"].phone == "030 123 45 67"  # the card's
    assert handed.contacts["vertrouwenspersoon"].email == "vp@example.nl"  # the teacher's own
    # A hand-out is not a managed card: no date, maintainer or review date go with it.
    assert (handed.issued, handed.maintainer, handed.review_before) == (None, None, None)
