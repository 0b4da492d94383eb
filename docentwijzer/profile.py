"""The institution profile ("begeleidingskaart"): who to refer to, by role.

The referral tree resolves its contacts through :func:`contact_for`; an empty role is shown as
"vul in bij Instellingsgegevens", never with an invented number. The profile is one versioned
JSON file an institution can hand to every teacher.

An institution's IT can also place that file in the system-wide folder
(:func:`docentwijzer.paths.site_config_dirs`): the *managed* profile. Its filled-in roles and
extra contacts are the institution's card, read-only in the app and never overwritten by an
import; the teacher's own file keeps everything else (roles the card leaves empty, personal
extra contacts). See :func:`load_effective` and :func:`managed_at_start`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from docentwijzer import paths
from docentwijzer.content import ContentDocument, load_content
from docentwijzer.dates import format_date, parse_date
from docentwijzer.i18n import Lang, t
from docentwijzer.sources import Source
from docentwijzer.storage import (
    Loaded,
    Migration,
    atomic_write_bytes,
    load_document,
    save_document,
)
from docentwijzer.userfiles import UserFileError, decode, parse_json, read_bytes

PROFILE_VERSION = 1
PROFILE_KIND = "docentwijzer-profile"
#: Forward migrations of the profile file: ``{found_version: function}``.
MIGRATIONS: dict[int, Migration] = {}

Role = Literal[
    "studentendecaan",
    "studentpsycholoog",
    "studieloopbaanbegeleider",
    "vertrouwenspersoon",
    "bhv_beveiliging",
    "huisartsenpost",
    "verslavingszorg",
]
ROLES: tuple[Role, ...] = get_args(Role)


class Contact(BaseModel):
    """One contact; every field optional, because institutions fill in what they have."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", description="name or office")
    phone: str = ""
    email: str = ""
    hours: str = ""
    note: str = ""
    checked: date | None = Field(default=None, description="when this contact was last checked")

    def is_empty(self) -> bool:
        return not (self.name or self.phone or self.email)


class ExtraContact(Contact):
    label: str = Field(min_length=1, description="what this contact is for")


class Maintainer(BaseModel):
    """Who keeps a managed profile up to date, and how a teacher reaches them."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, description="a person, team or department")
    contact: str = Field(min_length=1, description="how to reach them: e-mail, phone, portal")


class InstitutionProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = PROFILE_VERSION
    kind: Literal["docentwijzer-profile"] = "docentwijzer-profile"
    institution: str = ""
    #: Managed profiles: the date of this version of the card.
    issued: date | None = None
    #: Managed profiles: the contacts are due for review by the maintainer before this date.
    review_before: date | None = None
    #: Managed profiles: who to tell when something is wrong or out of date.
    maintainer: Maintainer | None = None
    contacts: dict[Role, Contact] = Field(default_factory=dict)
    extra: list[ExtraContact] = Field(default_factory=list)


def contact_for(profile: InstitutionProfile, role: Role) -> Contact | None:
    """The filled-in contact for ``role``, or None when the profile leaves it empty."""
    contact = profile.contacts.get(role)
    return None if contact is None or contact.is_empty() else contact


def profile_file() -> Path:
    return paths.data_dir() / "instelling.json"


class ProfileStore:
    """Loads and saves the teacher's own profile; never overwrites a file it could not read."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or profile_file()
        self._writable = True

    @property
    def writable(self) -> bool:
        """False after loading a file from a newer version: it is kept as it is."""
        return self._writable

    def load(self) -> Loaded[InstitutionProfile]:
        loaded = load_document(
            self.path,
            InstitutionProfile,
            version=PROFILE_VERSION,
            default=InstitutionProfile,
            migrations=MIGRATIONS,
        )
        self._writable = loaded.writable
        return loaded

    def save(self, profile: InstitutionProfile) -> bool:
        if not self._writable:
            return False
        save_document(self.path, profile)
        return True

    def backup_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.voor-import{self.path.suffix}")

    def replace(self, profile: InstitutionProfile) -> Path | None:
        """Save an imported profile, first keeping the current file as :meth:`backup_path`.

        Returns the backup (None when there was no file yet). Raises PermissionError when the
        file on disk is from a newer version and must not be overwritten.
        """
        if not self._writable:
            raise PermissionError(self.path)
        backup: Path | None = None
        if self.path.exists():
            backup = self.backup_path()
            atomic_write_bytes(backup, self.path.read_bytes())
        save_document(self.path, profile)
        return backup


def load_stale_contacts(today: date, store: ProfileStore | None = None) -> list[StaleContact]:
    """The saved profile's contacts that are due for a check (for the home screen)."""
    return stale_contacts((store or ProfileStore()).load().value, today)


# -- what each role is for (content, nl + en, with sources) ------------------------------------


class ProfileText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str = Field(min_length=1)
    source: Source


class RoleInfo(BaseModel):
    """The name of a role and one line on what it is for, from the tree and its public sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Role
    label: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


class ProfileContent(ContentDocument):
    """``content/<lang>/instelling.json``."""

    intro: ProfileText
    extra: ProfileText
    roles: list[RoleInfo]

    @model_validator(mode="after")
    def _every_role_once_in_order(self) -> ProfileContent:
        if tuple(info.id for info in self.roles) != ROLES:
            raise ValueError(f"roles must be exactly {', '.join(ROLES)} in this order")
        return self

    def role(self, role: Role) -> RoleInfo:
        return next(info for info in self.roles if info.id == role)


def profile_content(lang: Lang | None = None) -> ProfileContent:
    return load_content("instelling", ProfileContent, lang)


def role_label(role: Role, lang: Lang | None = None) -> str:
    """The role's name for people, e.g. "Studentendecaan"."""
    return profile_content(lang).role(role).label


# -- light checks on what people type -----------------------------------------------------------

PHONE_PATTERN = re.compile(r"^[0-9+\-() ]+$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
CONTACT_FIELDS: tuple[str, ...] = ("name", "phone", "email", "hours", "note", "checked")
EXTRA_FIELDS: tuple[str, ...] = ("label", *CONTACT_FIELDS)
FIELD_KEYS: dict[str, str] = {
    "institution": "instelling.institution",
    "issued": "instelling.field_issued",
    "review_before": "instelling.field_review_before",
    "maintainer": "instelling.field_maintainer",
    "contact": "instelling.field_maintainer_contact",
    "label": "instelling.field_label",
    "name": "instelling.field_name",
    "phone": "instelling.field_phone",
    "email": "instelling.field_email",
    "hours": "instelling.field_hours",
    "note": "instelling.field_note",
    "checked": "instelling.field_checked",
}


def field_label(field: str, lang: Lang | None = None) -> str:
    key = FIELD_KEYS.get(field)
    return t(key, lang=lang) if key else field


def phone_problem(text: str, lang: Lang | None = None) -> str | None:
    """A message when ``text`` does not look like a phone number; None when fine or empty."""
    if not text.strip():
        return None
    if not PHONE_PATTERN.match(text):
        return t("instelling.bad_phone_chars", lang=lang)
    if sum(ch.isdigit() for ch in text) < 3:
        return t("instelling.bad_phone_short", lang=lang)
    return None


def email_problem(text: str, lang: Lang | None = None) -> str | None:
    if not text.strip():
        return None
    if not EMAIL_PATTERN.match(text.strip()):
        return t("instelling.bad_email", lang=lang)
    return None


def parse_checked(
    text: str, today: date, lang: Lang | None = None
) -> tuple[date | None, str | None]:
    """Read a "last checked" date as people type it (``dates.parse_date``): (date, problem)."""
    if not text.strip():
        return None, None
    value = parse_date(text)
    if value is None:
        return None, t("instelling.bad_date", lang=lang, example=format_date(today, lang))
    if value > today:
        return None, t("instelling.future_date", lang=lang)
    return value, None


def contact_problems(contact: Contact, lang: Lang | None = None) -> dict[str, str]:
    """Field -> message for what looks wrong in ``contact`` (empty fields are fine)."""
    problems: dict[str, str] = {}
    if isinstance(contact, ExtraContact) and not contact.label.strip():
        problems["label"] = t("instelling.label_missing", lang=lang)
    for field, check in (("phone", phone_problem), ("email", email_problem)):
        message = check(getattr(contact, field), lang)
        if message:
            problems[field] = message
    return problems


@dataclass(frozen=True)
class FieldProblem:
    #: "institution", a role id, or "extra:<n>" (1-based position)
    contact: str
    field: str
    message: str


def _parts(profile: InstitutionProfile) -> Iterator[tuple[str, Contact]]:
    for role in ROLES:
        contact = profile.contacts.get(role)
        if contact is not None:
            yield role, contact
    for index, extra in enumerate(profile.extra, start=1):
        yield f"extra:{index}", extra


def profile_problems(profile: InstitutionProfile, lang: Lang | None = None) -> list[FieldProblem]:
    return [
        FieldProblem(key, field, message)
        for key, contact in _parts(profile)
        for field, message in contact_problems(contact, lang).items()
    ]


def extra_title(index: int, label: str, lang: Lang | None = None) -> str:
    """ "Extra contact 2 (Studentenpastor)"; without the label when it is empty."""
    base = t("instelling.extra_numbered", lang=lang, n=index)
    return f"{base} ({label})" if label.strip() else base


def contact_title(key: str, profile: InstitutionProfile, lang: Lang | None = None) -> str:
    """A readable name for a part of the profile: "Studentendecaan", "Extra contact 2 (…)"."""
    if key == "institution":
        return t("instelling.institution", lang=lang)
    if key.startswith("extra:"):
        index = int(key.removeprefix("extra:"))
        label = profile.extra[index - 1].label if 0 < index <= len(profile.extra) else ""
        return extra_title(index, label, lang)
    if key in ROLES:
        return role_label(key, lang)
    return key


# -- normalising, diff, reminders -----------------------------------------------------------------


def normalized(profile: InstitutionProfile) -> InstitutionProfile:
    """The same profile without roles that hold nothing, roles in their fixed order."""
    return profile.model_copy(
        update={
            "contacts": {
                role: profile.contacts[role]
                for role in ROLES
                if role in profile.contacts and profile.contacts[role] != Contact()
            }
        }
    )


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: ``contact`` is "institution", a role id or "extra:<label>"."""

    contact: str
    title: str
    field: str
    old: str
    new: str


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _field_changes(key: str, title: str, old: Contact, new: Contact) -> list[FieldChange]:
    fields = (
        EXTRA_FIELDS
        if isinstance(old, ExtraContact) or isinstance(new, ExtraContact)
        else CONTACT_FIELDS
    )
    changes: list[FieldChange] = []
    for field in fields:
        before, after = _text(getattr(old, field, "")), _text(getattr(new, field, ""))
        if before != after:
            changes.append(FieldChange(key, title, field, before, after))
    return changes


def profile_diff(
    old: InstitutionProfile, new: InstitutionProfile, lang: Lang | None = None
) -> list[FieldChange]:
    """Every field that differs between ``old`` and ``new``, in screen order.

    Roles compare field by field (an absent role counts as empty). Extra contacts are matched by
    their label, so a reordered list is no change; an added or removed one lists its filled fields.
    """
    changes: list[FieldChange] = []
    if old.institution != new.institution:
        changes.append(
            FieldChange(
                "institution",
                t("instelling.institution", lang=lang),
                "institution",
                old.institution,
                new.institution,
            )
        )
    for role in ROLES:
        changes += _field_changes(
            role,
            role_label(role, lang),
            old.contacts.get(role, Contact()),
            new.contacts.get(role, Contact()),
        )
    remaining = list(old.extra)
    for extra in new.extra:
        match = next((o for o in remaining if o.label == extra.label), None)
        if match is not None:
            remaining.remove(match)
        before = match or ExtraContact.model_construct(label="")
        title = t("instelling.extra_named", lang=lang, label=extra.label)
        changes += _field_changes(f"extra:{extra.label}", title, before, extra)
    for gone in remaining:
        title = t("instelling.extra_named", lang=lang, label=gone.label)
        changes += _field_changes(
            f"extra:{gone.label}", title, gone, ExtraContact.model_construct(label="")
        )
    return changes


def diff_text(changes: list[FieldChange], lang: Lang | None = None) -> str:
    """The changes as readable lines, grouped per contact: "Telefoon: 030-1 → 030-2"."""
    empty = t("instelling.empty_value", lang=lang)
    lines: list[str] = []
    groups: dict[str, list[FieldChange]] = {}
    for change in changes:
        groups.setdefault(change.contact, []).append(change)
    for group in groups.values():
        title = group[0].title
        if all(not c.old for c in group):
            title = t("instelling.diff_added", lang=lang, title=title)
        elif all(not c.new for c in group):
            title = t("instelling.diff_removed", lang=lang, title=title)
        if group[0].contact != "institution":
            lines.append(title)
        for change in group:
            indent = "" if change.contact == "institution" else "    "
            lines.append(
                f"{indent}{field_label(change.field, lang)}: "
                f"{change.old or empty} → {change.new or empty}"
            )
    return "\n".join(lines)


def one_year_before(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today - timedelta(days=365)


@dataclass(frozen=True)
class StaleContact:
    """A filled-in contact not checked for a year (or never)."""

    contact: str
    title: str
    checked: date | None

    def describe(self, lang: Lang | None = None) -> str:
        if self.checked is None:
            return t("instelling.stale_never", lang=lang, title=self.title)
        return t(
            "instelling.stale_since",
            lang=lang,
            title=self.title,
            date=format_date(self.checked, lang),
        )


def stale_contacts(
    profile: InstitutionProfile, today: date, lang: Lang | None = None
) -> list[StaleContact]:
    """Filled-in contacts last checked a year or more before ``today``, or never checked."""
    limit = one_year_before(today)
    stale: list[StaleContact] = []
    for key, contact in _parts(profile):
        if contact.is_empty():
            continue
        if contact.checked is None or contact.checked <= limit:
            stale.append(StaleContact(key, contact_title(key, profile, lang), contact.checked))
    return stale


# -- export and import ---------------------------------------------------------------------------

MAX_IMPORT_BYTES = 1_000_000


class ProfileFileError(Exception):
    """An import or export failed; ``str(err)`` is a message for the user, in their language."""


def export_text(profile: InstitutionProfile) -> str:
    return profile.model_dump_json(indent=2, exclude_none=True) + "\n"


def export_profile(profile: InstitutionProfile, path: Path) -> None:
    """Write ``profile`` as one file a trainer can hand out (atomically)."""
    try:
        atomic_write_bytes(path, export_text(profile).encode("utf-8"))
    except OSError as exc:
        raise ProfileFileError(
            t("instelling.export_failed", file=path.name, reason=exc.strerror or str(exc))
        ) from exc


def _refused(label: str, reason: str) -> ProfileFileError:
    return ProfileFileError(t("instelling.import_refused", file=label, reason=reason))


def _where(loc: tuple[int | str, ...], raw: Any) -> str:
    """A readable place for a validation error: "Studentendecaan → Telefoon"."""
    parts: list[str] = []
    if len(loc) >= 2 and loc[0] == "contacts":
        role = str(loc[1])
        parts.append(role_label(role) if role in ROLES else t("instelling.unknown_role", role=role))
        rest = loc[2:]
    elif len(loc) >= 2 and loc[0] == "extra" and isinstance(loc[1], int):
        label = ""
        with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
            label = str(raw["extra"][loc[1]].get("label", ""))
        parts.append(extra_title(loc[1] + 1, label))
        rest = loc[2:]
    else:
        rest = loc
    parts += [field_label(str(p)) for p in rest if isinstance(p, str) and p != "[key]"]
    return " → ".join(parts) or t("instelling.whole_file")


def _problem(kind: str) -> str:
    if kind == "missing":
        return t("instelling.problem_missing")
    if kind == "extra_forbidden":
        return t("instelling.problem_unknown")
    if kind.startswith("date"):
        return t("instelling.bad_date_in_file")
    if kind == "literal_error":
        return t("instelling.problem_unknown")
    if kind in ("string_type",):
        return t("instelling.problem_text")
    if kind == "string_too_short":
        return t("instelling.problem_empty")
    return t("instelling.problem_invalid")


def _reason(exc: UserFileError) -> str:
    """The import's own wording where it has one, else the general reason."""
    own = {"too_big": "instelling.err_too_big", "not_utf8": "instelling.err_not_text"}
    return t(own[exc.kind]) if exc.kind in own else f"{exc}."


def check_profile_data(
    data: bytes, *, managed: bool = False
) -> tuple[InstitutionProfile | None, list[str]]:
    """Validate a profile file's bytes: (the profile when it can be read, every problem).

    Each problem is one sentence for the user ("Studentendecaan → Telefoon: …"). ``managed``
    adds what a profile in the system-wide folder must also carry (:func:`managed_problems`).
    """
    if len(data) > MAX_IMPORT_BYTES:
        return None, [t("instelling.err_too_big")]
    try:
        raw = parse_json(decode(data))
    except UserFileError as exc:
        return None, [_reason(exc)]
    if not isinstance(raw, dict) or raw.get("kind") != PROFILE_KIND:
        return None, [t("instelling.err_foreign")]
    found = raw.get("schema_version")
    if not isinstance(found, int) or isinstance(found, bool) or found < 1:
        return None, [t("instelling.err_version")]
    if found > PROFILE_VERSION:
        return None, [t("instelling.err_newer", found=found, supported=PROFILE_VERSION)]
    while found < PROFILE_VERSION:
        raw = MIGRATIONS[found](raw)
        found += 1
        raw["schema_version"] = found
    try:
        profile = InstitutionProfile.model_validate(raw)
    except ValidationError as exc:
        problems = [
            t(
                "instelling.err_field",
                where=_where(tuple(error["loc"]), raw),
                problem=_problem(error["type"]),
            )
            for error in exc.errors()
        ]
        if managed:  # what is missing altogether, said in the same run
            problems += [
                t(f"instelling.err_no_{key}")
                for key in ("issued", "maintainer")
                if raw.get(key) is None
            ]
        return None, problems
    problems = [
        t(
            "instelling.err_field",
            where=f"{contact_title(item.contact, profile)} → {field_label(item.field)}",
            problem=item.message,
        )
        for item in profile_problems(profile)
    ]
    if managed:
        problems += managed_problems(profile)
    return profile, problems


def parse_profile(data: bytes, label: str) -> InstitutionProfile:
    """Validate an import file's bytes; raise :class:`ProfileFileError` saying what is wrong."""
    profile, problems = check_profile_data(data)
    if problems or profile is None:
        raise _refused(label, problems[0] if problems else t("instelling.err_foreign"))
    return profile


def read_profile_file(path: Path) -> InstitutionProfile:
    """Read and validate an import file; never changes anything.

    Only a regular file is read, and at most :data:`MAX_IMPORT_BYTES` of it (a device, a FIFO
    or a huge file is refused at once).
    """
    try:
        data = read_bytes(path, limit=MAX_IMPORT_BYTES)
    except UserFileError as exc:
        raise _refused(path.name, _reason(exc)) from exc
    return parse_profile(data, path.name)


# -- the managed profile: the institution's card in the system-wide folder ------------------------

#: The managed profile's name in each system-wide folder (the same name as the teacher's own).
SITE_PROFILE_NAME = "instelling.json"
#: In the teacher's data folder: the managed card last shown, and the last problem reported.
SEEN_FILE_NAME = "instelling-beheerd.json"
SEEN_VERSION = 1


def site_profile_files() -> list[Path]:
    """Where the app looks for a managed profile, in order; the first that exists counts."""
    return [folder / SITE_PROFILE_NAME for folder in paths.site_config_dirs()]


def managed_problems(profile: InstitutionProfile, lang: Lang | None = None) -> list[str]:
    """What a managed profile needs beyond an ordinary one: its date, who maintains it, and
    at least one contact; a review date (optional) after its date."""
    problems: list[str] = []
    if profile.issued is None:
        problems.append(t("instelling.err_no_issued", lang=lang))
    if profile.maintainer is None:
        problems.append(t("instelling.err_no_maintainer", lang=lang))
    if (
        profile.issued is not None
        and profile.review_before is not None
        and profile.review_before <= profile.issued
    ):
        problems.append(t("instelling.err_review_order", lang=lang))
    if not managed_roles(profile) and not profile.extra:
        problems.append(t("instelling.err_managed_empty", lang=lang))
    return problems


def managed_roles(card: InstitutionProfile | None) -> tuple[Role, ...]:
    """The roles the managed card fills in: read-only for the teacher."""
    if card is None:
        return ()
    return tuple(role for role in ROLES if contact_for(card, role) is not None)


def merged(card: InstitutionProfile | None, own: InstitutionProfile) -> InstitutionProfile:
    """What the tree uses: the managed card's roles and extra contacts, then the teacher's own
    for every role the card leaves empty, and the teacher's own extra contacts after the card's.
    """
    if card is None:
        return own
    contacts = dict(own.contacts)
    for role in managed_roles(card):
        contacts[role] = card.contacts[role]
    return normalized(
        own.model_copy(
            update={
                "institution": card.institution or own.institution,
                "issued": card.issued,
                "review_before": card.review_before,
                "maintainer": card.maintainer,
                "contacts": contacts,
                "extra": [*card.extra, *own.extra],
            }
        )
    )


def own_part(profile: InstitutionProfile, card: InstitutionProfile | None) -> InstitutionProfile:
    """``profile`` without what the managed card decides (its roles): an import never puts
    anything there, and the teacher's own file never holds the card's contacts."""
    roles = managed_roles(card)
    return normalized(
        profile.model_copy(
            update={
                "contacts": {r: c for r, c in profile.contacts.items() if r not in roles},
                "issued": None,
                "review_before": None,
                "maintainer": None,
            }
        )
    )


@dataclass(frozen=True)
class ManagedRead:
    """What the system-wide folder holds: nothing (``path`` None), a valid card, or problems."""

    path: Path | None = None
    card: InstitutionProfile | None = None
    problems: tuple[str, ...] = ()
    #: Identifies a broken file's content, so the same problem is reported only once.
    fingerprint: str = ""


def _first_present(candidates: list[Path]) -> Path | None:
    for candidate in candidates:
        if os.path.lexists(candidate):  # a dangling link counts: it is reported, not skipped
            return candidate
    return None


def read_managed(path: Path | None = None) -> ManagedRead:
    """Read the managed profile (``path``, or the first in :func:`site_profile_files`).

    Read like every file the app did not write itself (regular file only, size capped, nesting
    bounded); never raises for anything on disk.
    """
    try:
        found = path if path is not None else _first_present(site_profile_files())
    except (OSError, ValueError):
        return ManagedRead()
    if found is None:
        return ManagedRead()
    try:
        data = read_bytes(found, limit=MAX_IMPORT_BYTES)
    except UserFileError as exc:
        return ManagedRead(found, None, (_reason(exc),), f"{exc.kind}:{found}")
    except OSError as exc:
        reason = t("files.unreadable", reason=exc.strerror or str(exc))
        return ManagedRead(found, None, (reason,), f"unreadable:{found}")
    card, problems = check_profile_data(data, managed=True)
    fingerprint = hashlib.sha256(data).hexdigest()
    if problems or card is None:
        return ManagedRead(found, None, tuple(problems), fingerprint)
    return ManagedRead(found, normalized(card), (), fingerprint)


class ManagedSeen(BaseModel):
    """``instelling-beheerd.json`` in the data folder: the card the teacher last saw (to show
    what changed, and to keep using while a newer file is broken) and the problem last reported.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SEEN_VERSION
    kind: Literal["docentwijzer-managed-seen"] = "docentwijzer-managed-seen"
    card: InstitutionProfile | None = None
    reported: str = ""


def seen_file() -> Path:
    return paths.data_dir() / SEEN_FILE_NAME


def load_seen() -> ManagedSeen:
    """The last-seen card; an empty record when it cannot be read (never raises)."""
    try:
        return load_document(
            seen_file(), ManagedSeen, version=SEEN_VERSION, default=ManagedSeen
        ).value
    except OSError:
        return ManagedSeen()


def _save_seen(seen: ManagedSeen) -> None:
    with contextlib.suppress(OSError):  # told again at the next start: nothing is lost
        save_document(seen_file(), seen)


def managed_card(read: ManagedRead | None = None) -> InstitutionProfile | None:
    """The institution's card in force: the managed file when it is valid; while it is broken,
    the card last seen; None when there is no managed file."""
    read = read if read is not None else read_managed()
    if read.card is not None or read.path is None:
        return read.card
    return load_seen().card


def load_effective(store: ProfileStore | None = None) -> tuple[InstitutionProfile, str | None]:
    """The profile the tree uses (:func:`merged`), and the own file's notice, if any.

    Never raises for anything on disk: what cannot be read counts as empty, and says so.
    """
    try:
        loaded = (store or ProfileStore()).load()
        own, notice = loaded.value, loaded.notice
    except OSError as exc:
        own = InstitutionProfile()
        notice = t("instelling.own_unreadable", reason=exc.strerror or str(exc))
    return merged(managed_card(), own), notice


def maintainer_text(card: InstitutionProfile) -> str:
    """ "Servicedesk ICT (servicedesk@example.nl)"; a general pointer when the card has none."""
    if card.maintainer is None:
        return t("instelling.managed_no_maintainer")
    return f"{card.maintainer.name} ({card.maintainer.contact})"


def managed_overdue(
    card: InstitutionProfile | None, today: date, lang: Lang | None = None
) -> str | None:
    """One quiet line when the card is past its own review date, naming its maintainer."""
    if card is None or card.review_before is None or today <= card.review_before:
        return None
    return t(
        "instelling.managed_overdue",
        lang=lang,
        date=format_date(card.review_before, lang),
        who=maintainer_text(card),
    )


@dataclass(frozen=True)
class ManagedNews:
    """What start-up tells the teacher about the managed profile (each at most once)."""

    #: A broken or foreign managed file: ignored, said once per distinct file.
    notice: str | None = None
    #: The card arrived, changed or went away: the intro, and the changes (the import diff).
    intro: str = ""
    changes: tuple[FieldChange, ...] = ()


def _broken_notice(read: ManagedRead, previous: InstitutionProfile | None) -> str:
    problems = "\n".join(f"• {problem}" for problem in read.problems)
    key = "instelling.managed_broken_previous" if previous else "instelling.managed_broken"
    return t(
        key,
        file=str(read.path),
        problems=problems,
        date=format_date(previous.issued) if previous and previous.issued else "",
        who=maintainer_text(previous) if previous else t("instelling.managed_no_maintainer"),
    )


def managed_at_start(store: ProfileStore | None = None) -> ManagedNews:
    """Compare the managed file with the card last seen; remember the new state.

    Never raises for anything on disk: whatever fails, the app starts (at worst the same news
    is told again at the next start).
    """
    try:
        return _managed_at_start(store)
    except OSError:
        return ManagedNews()


def _managed_at_start(store: ProfileStore | None) -> ManagedNews:
    read = read_managed()
    seen = load_seen()
    if read.path is not None and read.card is None:  # broken or foreign: keep the last card
        if read.fingerprint == seen.reported:
            return ManagedNews()
        _save_seen(seen.model_copy(update={"reported": read.fingerprint}))
        return ManagedNews(notice=_broken_notice(read, seen.card))
    if read.card == seen.card:
        if seen.reported:
            _save_seen(seen.model_copy(update={"reported": ""}))
        return ManagedNews()
    own = (store or ProfileStore()).load().value
    changes = profile_diff(merged(seen.card, own), merged(read.card, own))
    _save_seen(ManagedSeen(card=read.card))
    if read.card is None:
        intro = t("instelling.managed_gone")
    else:
        issued = format_date(read.card.issued) if read.card.issued else ""
        key = "instelling.managed_new" if seen.card is None else "instelling.managed_updated"
        intro = t(key, date=issued, who=maintainer_text(read.card))
    return ManagedNews(intro=intro, changes=tuple(changes)) if changes else ManagedNews()


# -- docentwijzer --check-profile FILE ---------------------------------------------------------


def _contact_line(contact: Contact) -> str:
    parts = [contact.name, contact.phone, contact.email, contact.hours, contact.note]
    line = " · ".join(part for part in parts if part)
    if contact.checked is not None:
        line += " " + t("instelling.check_checked", date=format_date(contact.checked))
    return line


def check_report(path: Path) -> tuple[str, bool]:
    """What the app would show for ``path`` as the managed profile, or each problem: (text, ok).

    For IT's deployment scripts (``docentwijzer --check-profile FILE``); reads only.
    """
    read = read_managed(path)
    if read.card is None:
        lines = [t("instelling.check_bad", file=str(path))]
        lines += [f"  • {problem}" for problem in read.problems]
        return "\n".join(lines), False
    card = read.card
    lines = [t("instelling.check_ok", file=str(path)), ""]
    if card.institution:
        lines.append(f"{t('instelling.institution')}: {card.institution}")
    lines.append(f"{field_label('issued')}: {format_date(card.issued) if card.issued else ''}")
    if card.review_before is not None:
        lines.append(f"{field_label('review_before')}: {format_date(card.review_before)}")
    lines.append(f"{field_label('maintainer')}: {maintainer_text(card)}")
    lines += ["", t("instelling.check_roles")]
    for role in ROLES:
        contact = contact_for(card, role)
        shown = _contact_line(contact) if contact else t("instelling.check_role_open")
        lines.append(f"  {role_label(role)}: {shown}")
    if card.extra:
        lines += ["", t("instelling.check_extra")]
        lines += [f"  {extra.label}: {_contact_line(extra)}" for extra in card.extra]
    lines.append("")
    overdue = managed_overdue(card, date.today())
    if overdue:
        lines += [overdue, ""]
    lines.append(t("instelling.check_where"))
    lines += [f"  {candidate}" for candidate in site_profile_files()]
    return "\n".join(lines), True
