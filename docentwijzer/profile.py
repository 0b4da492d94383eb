"""The institution profile ("begeleidingskaart"): who to refer to, by role.

The referral tree resolves its contacts through :func:`contact_for`; an empty role is shown as
"vul in bij Instellingsgegevens", never with an invented number. The profile is one versioned
JSON file an institution can hand to every teacher.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from docentwijzer import paths
from docentwijzer.storage import Loaded, load_document, save_document

PROFILE_VERSION = 1

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


class InstitutionProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = PROFILE_VERSION
    kind: Literal["docentwijzer-profile"] = "docentwijzer-profile"
    institution: str = ""
    contacts: dict[Role, Contact] = Field(default_factory=dict)
    extra: list[ExtraContact] = Field(default_factory=list)


def contact_for(profile: InstitutionProfile, role: Role) -> Contact | None:
    """The filled-in contact for ``role``, or None when the profile leaves it empty."""
    contact = profile.contacts.get(role)
    return None if contact is None or contact.is_empty() else contact


def profile_file() -> Path:
    return paths.data_dir() / "instelling.json"


class ProfileStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or profile_file()
        self._writable = True

    def load(self) -> Loaded[InstitutionProfile]:
        loaded = load_document(
            self.path, InstitutionProfile, version=PROFILE_VERSION, default=InstitutionProfile
        )
        self._writable = loaded.writable
        return loaded

    def save(self, profile: InstitutionProfile) -> bool:
        if not self._writable:
            return False
        save_document(self.path, profile)
        return True
