"""The institution profile: one file a trainer hands out, checked before anything is replaced."""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docentwijzer import i18n, paths
from docentwijzer.helplines import help_content
from docentwijzer.i18n import LANGUAGES
from docentwijzer.profile import (
    PROFILE_KIND,
    PROFILE_VERSION,
    ROLES,
    Contact,
    ExtraContact,
    InstitutionProfile,
    Maintainer,
    ManagedNews,
    ProfileFileError,
    ProfileStore,
    check_report,
    contact_for,
    diff_text,
    email_problem,
    export_profile,
    export_text,
    load_effective,
    load_stale_contacts,
    managed_at_start,
    managed_overdue,
    managed_problems,
    merged,
    normalized,
    own_part,
    parse_checked,
    parse_profile,
    phone_problem,
    profile_content,
    profile_diff,
    profile_file,
    read_profile_file,
    role_label,
    site_profile_files,
    stale_contacts,
)
from docentwijzer.tree import resolve_contacts, tree_content
from tests.core.userfile_support import HOSTILE, finishes, make_hostile
from tests.faults import FailAt, inject, record

TODAY = date(2026, 11, 21)


def full_profile() -> InstitutionProfile:
    return InstitutionProfile(
        institution="Hogeschool Voorbeeld",
        contacts={
            "studentendecaan": Contact(
                name="Decanaat, gebouw A",
                phone="030 123 45 67",
                email="decanaat@example.nl",
                hours="ma–vr 9:00–17:00",
                note="Eerst mailen",
                checked=date(2026, 9, 1),
            ),
            "bhv_beveiliging": Contact(name="Beveiliging", phone="1234", checked=date(2026, 1, 5)),
            "huisartsenpost": Contact(name="HAP Regio", phone="+31 (0)88 000 00 00"),
        },
        extra=[ExtraContact(label="Studentenpastor", name="Ds. J. Jansen", email="p@example.nl")],
    )


# -- export and import ------------------------------------------------------------------------


def test_export_then_import_gives_an_identical_profile(tmp_path: Path) -> None:
    profile = full_profile()
    target = tmp_path / "kaart.json"
    export_profile(profile, target)
    raw = json.loads(target.read_text("utf-8"))
    assert raw["kind"] == "docentwijzer-profile"
    assert raw["schema_version"] == PROFILE_VERSION
    assert read_profile_file(target) == profile


contact_text = st.text(
    st.characters(blacklist_categories=["Cs"]), max_size=40
)  # any Unicode but lone surrogates
phone_text = st.from_regex(r"\A[0-9]{3}[0-9+\-() ]{0,12}\Z")
dates = st.one_of(st.none(), st.dates(max_value=TODAY))


@settings(max_examples=60, deadline=None)
@given(
    institution=contact_text,
    name=contact_text,
    phone=phone_text,
    note=contact_text,
    checked=dates,
    label=contact_text.filter(lambda s: s.strip() != ""),
)
def test_round_trip_is_exact_for_any_text(
    institution: str, name: str, phone: str, note: str, checked: date | None, label: str
) -> None:
    profile = InstitutionProfile(
        institution=institution,
        contacts={
            "vertrouwenspersoon": Contact(name=name, phone=phone, note=note, checked=checked)
        },
        extra=[ExtraContact(label=label, note=note)],
    )
    assert parse_profile(export_text(profile).encode("utf-8"), "x.json") == profile


def _refusal(data: bytes) -> str:
    with pytest.raises(ProfileFileError) as caught:
        parse_profile(data, "kaart.json")
    message = str(caught.value)
    assert "kaart.json" in message and "niet veranderd" in message
    return message


def _raw(**changes: object) -> bytes:
    raw = json.loads(export_text(full_profile()))
    raw.update(changes)
    return json.dumps(raw).encode("utf-8")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\xff", "geen tekstbestand"),
        (b"Naam;Telefoon\nDecaan;030", "geen geldig JSON-bestand (fout op regel 1)"),
        (b"[1, 2, 3]", "geen bestand met DocentWijzer-instellingsgegevens"),
        (b'{"schema_version": 1, "language": "nl"}', "geen bestand met DocentWijzer"),
        (_raw(kind="docentwijzer-notes"), "geen bestand met DocentWijzer"),
        (_raw(schema_version=PROFILE_VERSION + 1), "nieuwere versie van DocentWijzer (versie 2"),
        (_raw(schema_version="1"), "versienummer (schema_version) ontbreekt of is ongeldig"),
        (_raw(contacts={"studentendecaan": {"phone": "bel maar"}}), "Studentendecaan → Telefoon"),
        (_raw(contacts={"decaan": {"name": "X"}}), "onbekende rol 'decaan'"),
        (_raw(contacts={"studentendecaan": {"checked": "gisteren"}}), "Laatst gecontroleerd"),
        (
            _raw(contacts={"studentpsycholoog": {"mail": "x"}}),
            "Studentpsycholoog → mail: is onbekend",
        ),
        (_raw(extra=[{"name": "zonder omschrijving"}]), "Extra contact 1 → Waarvoor: ontbreekt"),
        (_raw(contacts={"vertrouwenspersoon": {"email": "geen-adres"}}), "geen e-mailadres"),
    ],
)
def test_foreign_newer_or_bad_files_are_refused_saying_what_is_wrong(
    data: bytes, expected: str
) -> None:
    assert expected in _refusal(data)


def test_refusal_is_in_the_users_language() -> None:
    i18n.set_language("en")
    with pytest.raises(ProfileFileError) as caught:
        parse_profile(_raw(schema_version=7), "map.json")
    message = str(caught.value)
    assert "map.json was not imported" in message
    assert "newer version of DocentWijzer (version 7" in message
    assert "Your current details have not changed" in message


def test_a_malformed_import_changes_nothing_on_disk_or_in_memory(tmp_path: Path) -> None:
    store = ProfileStore()
    profile = full_profile()
    assert store.save(profile)
    before = profile_file().read_bytes()
    in_memory = profile.model_copy(deep=True)
    bad = tmp_path / "kapot.json"
    bad.write_bytes(_raw(contacts={"studentendecaan": {"phone": "bel maar"}}))
    with pytest.raises(ProfileFileError):
        read_profile_file(bad)
    assert profile_file().read_bytes() == before
    assert profile == in_memory
    assert store.load().value == profile
    assert sorted(p.name for p in profile_file().parent.iterdir()) == ["instelling.json"]


def test_a_missing_import_file_is_reported_not_raised_as_oserror(tmp_path: Path) -> None:
    with pytest.raises(ProfileFileError, match="kan niet worden gelezen"):
        read_profile_file(tmp_path / "bestaat-niet.json")


def test_replace_keeps_the_previous_file_beside_it() -> None:
    store = ProfileStore()
    store.save(full_profile())
    old = profile_file().read_bytes()
    new = InstitutionProfile(institution="Andere instelling")
    backup = store.replace(new)
    assert backup is not None and backup.read_bytes() == old
    assert ProfileStore().load().value == new


def test_a_newer_profile_on_disk_is_never_overwritten() -> None:
    path = profile_file()
    path.write_text(json.dumps({"schema_version": 9, "kind": "docentwijzer-profile"}))
    store = ProfileStore()
    loaded = store.load()
    assert loaded.notice is not None and "nieuwere versie" in loaded.notice
    assert not store.writable
    assert store.save(full_profile()) is False
    with pytest.raises(PermissionError):
        store.replace(full_profile())
    assert json.loads(path.read_text())["schema_version"] == 9


def test_a_corrupt_profile_is_moved_aside_with_a_notice() -> None:
    path = profile_file()
    path.write_text("{ kapot")
    loaded = ProfileStore().load()
    assert loaded.value == InstitutionProfile()
    assert loaded.notice is not None and "beschadigd" in loaded.notice
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ kapot"


def test_export_to_an_unwritable_place_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("")
    with pytest.raises(ProfileFileError, match="kon niet worden geschreven"):
        export_profile(full_profile(), blocker / "kaart.json")


# -- diff ---------------------------------------------------------------------------------------


def test_diff_lists_exactly_the_changed_fields() -> None:
    old = full_profile()
    new = old.model_copy(deep=True)
    new.contacts["studentendecaan"].phone = "030 999 99 99"
    new.contacts["studentendecaan"].checked = date(2026, 11, 1)
    new.contacts["vertrouwenspersoon"] = Contact(name="Mw. De Vries")
    del new.contacts["huisartsenpost"]
    changes = profile_diff(old, new)
    assert [(c.contact, c.field, c.old, c.new) for c in changes] == [
        ("studentendecaan", "phone", "030 123 45 67", "030 999 99 99"),
        ("studentendecaan", "checked", "01-09-2026", "01-11-2026"),
        ("vertrouwenspersoon", "name", "", "Mw. De Vries"),
        ("huisartsenpost", "name", "HAP Regio", ""),
        ("huisartsenpost", "phone", "+31 (0)88 000 00 00", ""),
    ]
    text = diff_text(changes)
    assert "Studentendecaan\n    Telefoon: 030 123 45 67 → 030 999 99 99" in text
    assert "Vertrouwenspersoon (nieuw)\n    Naam of afdeling: (leeg) → Mw. De Vries" in text
    assert "Huisartsenpost (regionaal) (verwijderd)" in text


def test_diff_of_equal_profiles_is_empty_and_empty_roles_do_not_count() -> None:
    profile = full_profile()
    with_empty_role = profile.model_copy(deep=True)
    with_empty_role.contacts["verslavingszorg"] = Contact()
    assert profile_diff(profile, with_empty_role) == []
    assert normalized(with_empty_role) == profile


def test_diff_matches_extra_contacts_by_label() -> None:
    old = full_profile()
    new = old.model_copy(deep=True)
    new.extra.insert(0, ExtraContact(label="Studentenarts", phone="030 111"))
    new.extra[1].email = "pastor@example.nl"
    changes = profile_diff(old, new)
    assert [(c.title, c.field, c.new) for c in changes] == [
        ("Extra contact: Studentenarts", "label", "Studentenarts"),
        ("Extra contact: Studentenarts", "phone", "030 111"),
        ("Extra contact: Studentenpastor", "email", "pastor@example.nl"),
    ]
    removed = profile_diff(
        old, InstitutionProfile(institution=old.institution, contacts=old.contacts)
    )
    assert {c.field for c in removed} == {"label", "name", "email"}
    assert "Extra contact: Studentenpastor (verwijderd)" in diff_text(removed)


def test_diff_text_follows_the_language() -> None:
    changes = profile_diff(InstitutionProfile(), InstitutionProfile(institution="HU"))
    assert diff_text(changes) == "Naam van de instelling: (leeg) → HU"
    assert diff_text(changes, "en") == "Name of the institution: (empty) → HU"


# -- stale-contact reminder ---------------------------------------------------------------------


def test_contacts_not_checked_for_a_year_or_never_are_listed() -> None:
    profile = full_profile()
    stale = stale_contacts(profile, TODAY)
    assert [(s.contact, s.checked) for s in stale] == [
        ("huisartsenpost", None),
        ("extra:1", None),
    ]
    a_year_on = date(2027, 1, 5)
    assert [s.contact for s in stale_contacts(profile, a_year_on)] == [
        "bhv_beveiliging",
        "huisartsenpost",
        "extra:1",
    ]
    assert [s.contact for s in stale_contacts(profile, date(2027, 1, 4))] == [
        "huisartsenpost",
        "extra:1",
    ]
    assert stale[0].describe() == "Huisartsenpost (regionaal): nog nooit gecontroleerd"
    later = stale_contacts(profile, a_year_on, "en")[0]
    assert later.describe("en") == (
        "Emergency response / security (internal emergency number): last checked on 5 Jan 2026"
    )


def test_empty_contacts_are_never_stale_and_leap_days_work() -> None:
    profile = InstitutionProfile(
        contacts={
            "studentpsycholoog": Contact(hours="ma 9-12"),  # nothing to call: not a contact yet
            "vertrouwenspersoon": Contact(name="X", checked=date(2023, 2, 28)),
        }
    )
    assert [s.contact for s in stale_contacts(profile, date(2024, 2, 27))] == []
    assert [s.contact for s in stale_contacts(profile, date(2024, 2, 29))] == ["vertrouwenspersoon"]


def test_the_home_screen_can_ask_for_stale_contacts_of_the_saved_profile() -> None:
    ProfileStore().save(full_profile())
    assert [s.contact for s in load_stale_contacts(TODAY)] == ["huisartsenpost", "extra:1"]
    assert load_stale_contacts(TODAY, ProfileStore(Path("/nonexistent/x.json"))) == []


# -- light checks, roles ------------------------------------------------------------------------


@pytest.mark.parametrize("ok", ["", "112", "030 123 45 67", "+31 (0)30-123 4567", "0800-0113"])
def test_plausible_phone_numbers_pass(ok: str) -> None:
    assert phone_problem(ok) is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [("bel de receptie", "alleen cijfers"), ("030.123", "alleen cijfers"), ("+-", "drie cijfers")],
)
def test_implausible_phone_numbers_get_a_clear_message(bad: str, message: str) -> None:
    assert message in (phone_problem(bad) or "")


def test_email_check_is_basic() -> None:
    assert email_problem("") is None
    assert email_problem("decanaat@hs.nl") is None
    assert "e-mailadres" in (email_problem("decanaat@hs") or "")
    assert "e-mail address" in (email_problem("decanaat hs.nl", "en") or "")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("2026-11-01", date(2026, 11, 1)),
        ("1-11-2026", date(2026, 11, 1)),
        ("01-11-2026", date(2026, 11, 1)),
        ("1 nov 2026", date(2026, 11, 1)),
        ("1 November 2026", date(2026, 11, 1)),
    ],
)
def test_checked_dates_are_read_in_both_orders(text: str, value: date | None) -> None:
    assert parse_checked(text, TODAY) == (value, None)


@pytest.mark.parametrize(
    ("text", "message"),
    [("31-02-2026", "21-11-2026"), ("vorige week", "21-11-2026"), ("2026-12-01", "toekomst")],
)
def test_bad_checked_dates_are_explained(text: str, message: str) -> None:
    value, problem = parse_checked(text, TODAY)
    assert value is None and message in (problem or "")


def test_every_role_has_a_label_and_an_explanation_with_sources_in_both_languages() -> None:
    for lang in LANGUAGES:
        content = profile_content(lang)
        assert [info.id for info in content.roles] == list(ROLES)
        for info in content.roles:
            assert info.label and len(info.explanation) > 20 and info.sources
    assert role_label("studieloopbaanbegeleider") == "Studieloopbaanbegeleider / mentor"
    assert "112" in profile_content("nl").role("bhv_beveiliging").explanation


def test_contact_for_still_ignores_contacts_without_a_way_to_reach_them() -> None:
    profile = full_profile()
    profile.contacts["studentpsycholoog"] = Contact(note="nog niet bekend")
    assert contact_for(profile, "studentpsycholoog") is None
    found = contact_for(profile, "studentendecaan")
    assert found is not None and found.phone == "030 123 45 67"


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_import_file_is_refused_quickly_and_changes_nothing(
    tmp_path: Path, kind: str
) -> None:
    """Symlink to a device, FIFO, deep nesting, 200 MB, bad UTF-8, a folder: one clear message."""
    store = ProfileStore()
    store.save(full_profile())
    before = profile_file().read_bytes()
    path = make_hostile(tmp_path / "instelling.json", kind)
    result = finishes(lambda: read_profile_file(path), fifo=path)
    assert isinstance(result, ProfileFileError), result
    assert "instelling.json is niet ingelezen" in str(result)
    assert "Je huidige gegevens zijn niet veranderd" in str(result)
    assert profile_file().read_bytes() == before
    assert sorted(p.name for p in profile_file().parent.iterdir()) == ["instelling.json"]


def test_a_broken_saved_profile_is_set_aside_and_the_defaults_used() -> None:
    make_hostile(profile_file(), "deep")
    loaded = ProfileStore().load()
    assert loaded.value == InstitutionProfile()
    assert loaded.notice and "bewaard als" in loaded.notice
    assert not profile_file().exists()


# -- the managed profile (system-wide folder) --------------------------------------------------


def managed(**changes: object) -> InstitutionProfile:
    """The card an institution's IT places in the system-wide folder."""
    card = InstitutionProfile(
        institution="Hogeschool Voorbeeld",
        issued=date(2026, 11, 1),
        review_before=date(2027, 5, 1),
        maintainer=Maintainer(name="Servicedesk Studentzaken", contact="studentzaken@example.nl"),
        contacts={
            "studentendecaan": Contact(name="Decanaat", phone="030 123 45 67"),
            "bhv_beveiliging": Contact(name="Meldkamer", phone="030 123 99 99"),
        },
        extra=[ExtraContact(label="Studentenpastor", email="pastor@example.nl")],
    )
    return card.model_copy(update=changes)


def place(site: Path, card: InstitutionProfile | bytes) -> Path:
    site.mkdir(parents=True, exist_ok=True)
    target = site / "instelling.json"
    data = card if isinstance(card, bytes) else export_text(card).encode("utf-8")
    target.write_bytes(data)
    return target


def own_profile() -> InstitutionProfile:
    """A teacher's own file: a role the card also fills, one it leaves open, a personal extra."""
    return InstitutionProfile(
        institution="Mijn hogeschool",
        contacts={
            "studentendecaan": Contact(name="Oude decaan", phone="030 000 00 00"),
            "vertrouwenspersoon": Contact(name="Mw. De Vries", email="vp@example.nl"),
        },
        extra=[ExtraContact(label="Mijn mentor", phone="06 1234 5678")],
    )


def test_the_site_folder_is_platformdirs_own_unless_overridden(
    monkeypatch: pytest.MonkeyPatch, dw_site: Path
) -> None:
    assert site_profile_files() == [dw_site / "instelling.json"]
    monkeypatch.delenv("DOCENTWIJZER_SITE")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/etc/xdg/xdg-ubuntu:/etc/xdg")
    expected = [Path("/etc/xdg/xdg-ubuntu/DocentWijzer"), Path("/etc/xdg/DocentWijzer")]
    if os.name == "posix":  # platformdirs picks the class by the real platform
        assert paths.site_config_dirs() == expected
    # What the README promises per OS is what platformdirs answers there.
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix

    monkeypatch.delenv("XDG_CONFIG_DIRS")
    assert Unix("DocentWijzer", appauthor=False, multipath=True).site_config_dir == (
        "/etc/xdg/DocentWijzer"
    )
    assert MacOS("DocentWijzer", appauthor=False, multipath=True).site_config_dir.endswith(
        "/Library/Application Support/DocentWijzer"
    )


def test_a_valid_managed_card_is_what_the_tree_uses_with_the_teachers_additions(
    dw_site: Path,
) -> None:
    ProfileStore().save(own_profile())
    place(dw_site, managed())
    profile, notice = load_effective()
    assert notice is None
    assert contact_for(profile, "studentendecaan") == Contact(
        name="Decanaat", phone="030 123 45 67"
    )
    # A role the card leaves open keeps the teacher's own contact; their own extras stay too.
    assert contact_for(profile, "vertrouwenspersoon") == Contact(
        name="Mw. De Vries", email="vp@example.nl"
    )
    assert [e.label for e in profile.extra] == ["Studentenpastor", "Mijn mentor"]
    assert profile.institution == "Hogeschool Voorbeeld"
    assert profile.maintainer is not None and profile.maintainer.name.startswith("Servicedesk")
    # The tree resolves its leaves through this profile: the card's decaan, the own confidant.
    now = datetime(2026, 12, 2, 10)
    leaf = tree_content().leaf("OMSTANDIGHEDEN")
    (decaan,) = resolve_contacts(leaf, profile, help_content(), now)
    assert (decaan.number, decaan.missing) == ("030 123 45 67", False)
    safety = resolve_contacts(
        tree_content().leaf("SOCIALE_VEILIGHEID"), profile, help_content(), now
    )
    confidant = next(c for c in safety if c.key == "vertrouwenspersoon")
    assert confidant.number == "vp@example.nl" or "vp@example.nl" in confidant.details


def test_without_a_managed_file_only_the_teachers_own_profile_counts() -> None:
    ProfileStore().save(own_profile())
    assert load_effective()[0] == normalized(own_profile())
    assert managed_at_start() == ManagedNews()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{ niet af", "geen geldig JSON-bestand"),
        (b'{"kind": "docentwijzer-settings", "language": "nl"}', "geen bestand met DocentWijzer"),
        (b"\xff\xfe\x00", "geen tekstbestand"),
        (
            export_text(managed(maintainer=None)).encode(),
            "'maintainer' (wie het bestand bijhoudt",
        ),
    ],
)
def test_a_broken_or_foreign_managed_file_is_reported_once_and_ignored(
    dw_site: Path, data: bytes, expected: str
) -> None:
    ProfileStore().save(own_profile())
    path = place(dw_site, data)
    first = managed_at_start()
    assert first.notice is not None and expected in first.notice
    assert str(path) in first.notice and "één keer" in first.notice
    assert not first.changes
    assert load_effective()[0] == normalized(own_profile())  # ignored: the own profile counts
    assert managed_at_start() == ManagedNews()  # not again at the next start
    assert path.read_bytes() == data  # the institution's file is never touched


def test_a_different_broken_file_is_reported_again_and_the_last_good_card_stays(
    dw_site: Path,
) -> None:
    place(dw_site, managed())
    managed_at_start()
    place(dw_site, b"{ kapot")
    news = managed_at_start()
    assert news.notice and "vorige versie (van 01-11-2026)" in news.notice
    assert "Servicedesk Studentzaken" in news.notice
    card = load_effective()[0]
    assert contact_for(card, "studentendecaan") == Contact(name="Decanaat", phone="030 123 45 67")
    place(dw_site, b"{ anders kapot")
    assert managed_at_start().notice is not None


def test_a_newer_card_replaces_the_old_one_and_start_up_lists_what_changed(
    dw_site: Path,
) -> None:
    ProfileStore().save(own_profile())
    place(dw_site, managed())
    first = managed_at_start()
    assert "nu contactgegevens" in first.intro and "01-11-2026" in first.intro
    assert "Servicedesk Studentzaken" in first.intro
    listing = diff_text(list(first.changes))
    assert "Telefoon: 030 000 00 00 → 030 123 45 67" in listing  # the teacher's own, replaced
    assert managed_at_start() == ManagedNews()  # told once

    newer = managed(issued=date(2026, 12, 1))
    newer.contacts["studentendecaan"] = Contact(name="Decanaat", phone="030 765 43 21")
    place(dw_site, newer)
    news = managed_at_start()
    assert "bijgewerkt" in news.intro and "01-12-2026" in news.intro
    assert diff_text(list(news.changes)) == (
        "Studentendecaan\n    Telefoon: 030 123 45 67 → 030 765 43 21"
    )
    assert contact_for(load_effective()[0], "studentendecaan") == Contact(
        name="Decanaat", phone="030 765 43 21"
    )
    # The teacher's own additions survived the update, and their own file was not touched.
    assert ProfileStore().load().value == normalized(own_profile())
    assert contact_for(load_effective()[0], "vertrouwenspersoon") is not None


def test_a_removed_card_gives_the_teacher_their_own_details_back_and_says_so(
    dw_site: Path,
) -> None:
    ProfileStore().save(own_profile())
    path = place(dw_site, managed())
    managed_at_start()
    path.unlink()
    news = managed_at_start()
    assert "geen contactgegevens meer" in news.intro
    assert "Telefoon: 030 123 45 67 → 030 000 00 00" in diff_text(list(news.changes))
    assert load_effective()[0] == normalized(own_profile())


def test_own_part_keeps_an_import_out_of_the_managed_roles() -> None:
    imported = own_profile()
    kept = own_part(imported, managed())
    assert "studentendecaan" not in kept.contacts  # the card's role: never taken from a file
    assert "vertrouwenspersoon" in kept.contacts
    assert merged(managed(), kept).contacts["studentendecaan"].phone == "030 123 45 67"


def test_the_staleness_line_names_the_maintainer_after_the_review_date() -> None:
    card = managed()
    assert managed_overdue(card, date(2027, 5, 1)) is None  # on the date itself: not yet
    line = managed_overdue(card, date(2027, 5, 2))
    assert line == (
        "De contactgegevens van je instelling zijn ouder dan hun controledatum (01-05-2027); "
        "meld het bij Servicedesk Studentzaken (studentzaken@example.nl)."
    )
    english = managed_overdue(card, date(2027, 5, 2), "en")
    assert english and english.startswith("Your institution's contact details are older")
    assert managed_overdue(managed(review_before=None), date(2030, 1, 1)) is None


def test_managed_requirements_are_checked_each_one() -> None:
    problems = managed_problems(managed(issued=None, maintainer=None, contacts={}, extra=[]), "en")
    assert len(problems) == 3
    assert any("'issued'" in p for p in problems) and any("'maintainer'" in p for p in problems)
    late = managed_problems(managed(review_before=date(2026, 10, 1)))
    assert late == ["'review_before' moet na 'issued' liggen."]


def test_a_failure_at_every_file_system_call_of_the_managed_read_never_stops_the_start(
    tmp_path: Path, dw_site: Path, dw_home: Path
) -> None:
    def world() -> None:
        for folder in (dw_site, dw_home):
            if folder.exists():
                shutil.rmtree(folder)
        ProfileStore().save(own_profile())
        place(dw_site, managed())

    def start() -> tuple[ManagedNews, InstitutionProfile]:
        return managed_at_start(), load_effective()[0]

    empty = InstitutionProfile()
    world()
    calls = record(tmp_path, start)
    assert any(call.paths[0].startswith("dw-site") for call in calls if call.paths)
    good = load_effective()[0]
    for index in range(len(calls)):
        world()
        with inject(tmp_path, FailAt(index=index)) as plan:
            news, profile = start()
        assert plan.fired, calls[index]
        assert isinstance(news, ManagedNews)
        # The card and/or the teacher's own profile (one of them unreadable this time): never
        # something else, never a crash.
        possible = (good, normalized(own_profile()), merged(normalized(managed()), empty), empty)
        assert profile in possible, calls[index]


def test_check_report_shows_what_the_app_would_show(dw_site: Path) -> None:
    path = place(dw_site, managed())
    text, ok = check_report(path)
    assert ok
    assert text.startswith(f"{path} is in orde. DocentWijzer toont het als")
    for expected in (
        "Naam van de instelling: Hogeschool Voorbeeld",
        "Versie van: 01-11-2026",
        "Nakijken vóór: 01-05-2027",
        "Beheerder: Servicedesk Studentzaken (studentzaken@example.nl)",
        "  Studentendecaan: Decanaat · 030 123 45 67",
        "  Vertrouwenspersoon: (open: docenten kunnen dit zelf invullen)",
        "  Studentenpastor: pastor@example.nl",
        f"  {dw_site / 'instelling.json'}",
    ):
        assert expected in text.split("\n"), expected


def test_check_report_lists_each_problem_in_the_users_language(tmp_path: Path) -> None:
    raw = json.loads(export_text(managed()))
    del raw["issued"]
    raw["contacts"]["studentendecaan"]["phone"] = "bel maar"
    raw["contacts"]["rector"] = {"name": "X"}
    path = tmp_path / "kaart.json"
    path.write_text(json.dumps(raw), "utf-8")
    text, ok = check_report(path)
    assert not ok
    assert text.split("\n") == [
        f"{path} wordt niet gebruikt; dit moet anders:",
        "  • onbekende rol 'rector': is onbekend.",
        "  • 'issued' (de datum van deze versie, zoals 2026-11-21) ontbreekt.",
    ]
    del raw["contacts"]["rector"]
    path.write_text(json.dumps(raw), "utf-8")
    i18n.set_language("en")
    text, ok = check_report(path)
    assert not ok
    assert text.split("\n")[1:] == [
        "  • Student counsellor (studentendecaan) → Phone: Use only digits, spaces, +, - and "
        "parentheses.",
        "  • 'issued' (the date of this version, such as 2026-11-21) is missing.",
    ]


def test_the_readme_tells_it_the_app_reads_and_its_example_passes_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix

    monkeypatch.delenv("XDG_CONFIG_DIRS", raising=False)
    for folder in (
        Unix("DocentWijzer", appauthor=False).site_config_dir,
        MacOS("DocentWijzer", appauthor=False).site_config_dir,
        "C:\\ProgramData\\DocentWijzer",  # platformdirs: CSIDL_COMMON_APPDATA + the app's name
    ):
        assert f"`{folder}{'/' if '/' in folder else chr(92)}instelling.json`" in readme, folder
    example = next(
        block.removeprefix("json\n")
        for block in readme.split("```")[1::2]
        if block.startswith("json\n") and PROFILE_KIND in block
    )
    path = tmp_path / "instelling.json"
    path.write_text(example, "utf-8")
    text, ok = check_report(path)
    assert ok, text


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_managed_file_is_refused_quickly_reported_and_the_start_goes_on(
    dw_site: Path, kind: str
) -> None:
    """A link to a device, a FIFO, deep nesting, 200 MB, bad UTF-8, a folder in its place."""
    ProfileStore().save(own_profile())
    dw_site.mkdir()
    path = make_hostile(dw_site / "instelling.json", kind)
    news = finishes(managed_at_start, fifo=path)
    assert isinstance(news, ManagedNews), news
    assert news.notice and str(path) in news.notice
    assert finishes(lambda: load_effective()[0], fifo=path) == normalized(own_profile())


def test_check_report_says_when_the_card_is_past_its_review_date(dw_site: Path) -> None:
    path = place(dw_site, managed(issued=date(2025, 1, 1), review_before=date(2025, 6, 1)))
    text, ok = check_report(path)
    assert ok  # still used: stale is not broken
    assert "ouder dan hun controledatum (01-06-2025); meld het bij Servicedesk" in text
