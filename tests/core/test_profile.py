"""The institution profile: one file a trainer hands out, checked before anything is replaced."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docentwijzer import i18n
from docentwijzer.i18n import LANGUAGES
from docentwijzer.profile import (
    PROFILE_VERSION,
    ROLES,
    Contact,
    ExtraContact,
    InstitutionProfile,
    ProfileFileError,
    ProfileStore,
    contact_for,
    diff_text,
    email_problem,
    export_profile,
    export_text,
    load_stale_contacts,
    normalized,
    parse_checked,
    parse_profile,
    phone_problem,
    profile_content,
    profile_diff,
    profile_file,
    read_profile_file,
    role_label,
    stale_contacts,
)
from tests.core.userfile_support import HOSTILE, finishes, make_hostile

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
