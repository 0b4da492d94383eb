"""Instellingsgegevens: the institution's contacts per role, saved, exported and imported.

The widgets only collect text and show what the core says: checks, diff, reminders and the
file format all live in :mod:`docentwijzer.profile`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from docentwijzer.dates import format_date, format_stored
from docentwijzer.helplines import help_content
from docentwijzer.i18n import t
from docentwijzer.profile import (
    ROLES,
    Contact,
    InstitutionProfile,
    ProfileFileError,
    ProfileStore,
    Role,
    diff_text,
    export_profile,
    maintainer_text,
    managed_card,
    managed_overdue,
    managed_roles,
    merged,
    normalized,
    own_part,
    profile_content,
    profile_diff,
    read_managed,
    read_profile_file,
    stale_contacts,
)

from docentwijzer.ui import dialogs
from docentwijzer.ui.icons import IconLabel
from docentwijzer.ui.profile_form import ContactForm, ExtraCard
from docentwijzer.ui.screen import Screen
from docentwijzer.ui.tokens import SPACE
from docentwijzer.ui.widgets import (
    action_bar,
    card,
    heading,
    paragraph,
    primary_button,
    sources_line,
)

#: Replaced in tests to fix "today" for the reminder and the date checks.
today: Callable[[], date] = date.today


def _managed_note() -> QWidget:
    """A lock and "Beheerd door je instelling" above a role from the institution's card."""
    host = QWidget()
    host.setObjectName("managedRole")
    row = QHBoxLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(SPACE["s"])
    row.addWidget(IconLabel("lock", "muted", 16), 0, Qt.AlignmentFlag.AlignVCenter)
    row.addWidget(paragraph(t("instelling.managed_role_note"), muted=True), 1)
    return host


def _today() -> date:
    return today()


class ProfileScreen(Screen):
    area_id = "instelling"

    def __init__(self, store: ProfileStore | None = None) -> None:
        super().__init__()
        self.store = store or ProfileStore()
        loaded = self.store.load()
        self._saved = normalized(loaded.value)
        content = profile_content()
        #: The institution's managed card (None: there is none); its roles are read-only here.
        read = read_managed()
        self.card = managed_card(read)
        self.managed = managed_roles(self.card)

        self._build_toolbar()

        self.body.addWidget(heading(t("instelling.title")))
        self.body.addWidget(paragraph(content.intro.text))
        self.body.addWidget(sources_line([content.intro.source]))
        self._build_managed(previous=read.card is None)

        self.notice = paragraph(loaded.notice or "")
        self.notice.setObjectName("profileNotice")
        self.notice_card = card(heading(t("instelling.notice_title"), 3), self.notice)
        self.body.addWidget(self.notice_card)
        self.notice_card.setVisible(bool(loaded.notice))

        self.stale_list = paragraph("")
        self.stale_list.setObjectName("staleList")
        self.stale_card = card(
            heading(t("instelling.stale_heading"), 3),
            paragraph(t("instelling.stale_intro")),
            self.stale_list,
        )
        self.body.addWidget(self.stale_card)

        institution_row = QWidget()
        institution_form = QFormLayout(institution_row)
        institution_form.setContentsMargins(0, 0, 0, 0)
        institution_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.institution = QLineEdit()
        self.institution.setAccessibleName(t("instelling.institution"))
        self.institution.textChanged.connect(self._changed)
        if self.institution_locked:
            self.institution.setReadOnly(True)
            self.institution.setProperty("managed", True)
            self.institution.setAccessibleDescription(t("instelling.managed_locked"))
        institution_form.addRow(t("instelling.institution"), self.institution)
        self.body.addWidget(institution_row)

        self.forms: dict[Role, ContactForm] = {}
        for info in content.roles:
            form = ContactForm(info.label, today=_today)
            form.changed.connect(self._changed)
            self.forms[info.id] = form
            parts: list[QWidget] = [heading(info.label, 2)]
            if info.id in self.managed:
                form.set_locked(True)
                parts.append(_managed_note())
            parts += [paragraph(info.explanation, muted=True), sources_line(info.sources), form]
            box = card(*parts)
            box.setObjectName("card")
            self.body.addWidget(box)

        self.managed_extra_forms: list[ContactForm] = []
        if self.card is not None and self.card.extra:
            self.body.addWidget(heading(t("instelling.managed_extra_heading"), 2))
            for extra in self.card.extra:
                title = t("instelling.extra_named", label=extra.label)
                form = ContactForm(title, extra=True, today=_today)
                form.set_contact(extra)
                form.set_locked(True)
                self.managed_extra_forms.append(form)
                self.body.addWidget(card(_managed_note(), form))
        own_heading = "instelling.own_extra_heading" if self.card else "instelling.extra_heading"
        self.body.addWidget(heading(t(own_heading), 2))
        self.body.addWidget(paragraph(content.extra.text, muted=True))
        self.extra_none = paragraph(t("instelling.extra_none"), muted=True)
        self.body.addWidget(self.extra_none)
        self.extra_column = QVBoxLayout()
        self.body.addLayout(self.extra_column)
        self.extra_cards: list[ExtraCard] = []
        self.add_extra_button = QPushButton(t("instelling.extra_add"))
        self.add_extra_button.clicked.connect(self.add_extra)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_extra_button)
        add_row.addStretch(1)
        self.body.addLayout(add_row)

        self._build_national()
        self.body.addStretch(1)

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)

        self._load_into_form(self._saved)

    # -- construction --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        """Opslaan, Importeren, Exporteren pinned at the bottom, as on every screen."""
        bar, row = action_bar("actionBar", t("instelling.actions_name"))
        bar.setObjectName("actionBar")
        self.save_button = primary_button(t("instelling.save"))
        self.save_button.setToolTip(t("instelling.save_tip"))
        self.save_button.setAccessibleDescription(t("instelling.save_tip"))
        self.save_button.clicked.connect(self.save)
        self.import_button = QPushButton(t("instelling.import"))
        self.import_button.setToolTip(t("instelling.import_tip"))
        self.import_button.setAccessibleDescription(t("instelling.import_tip"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(t("instelling.export"))
        self.export_button.setToolTip(t("instelling.export_tip"))
        self.export_button.setAccessibleDescription(t("instelling.export_tip"))
        self.export_button.clicked.connect(self.export_file)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        for button in (self.save_button, self.import_button, self.export_button):
            row.addWidget(button)
        row.addWidget(self.status, 1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.addWidget(bar)

    @property
    def institution_locked(self) -> bool:
        return self.card is not None and bool(self.card.institution)

    def _build_managed(self, *, previous: bool) -> None:
        """ "Beheerd door je instelling": whose card this is, its date, whom to tell."""
        self.managed_box: QWidget | None = None
        self.who_line: QLabel | None = None
        if self.card is None:
            return
        issued = format_date(self.card.issued) if self.card.issued else ""
        overdue = managed_overdue(self.card, today())
        # Whom to tell: in the quiet overdue line when the card is past its review date.
        self.who_line = paragraph(
            overdue or t("instelling.managed_who", who=maintainer_text(self.card))
        )
        self.who_line.setObjectName("managedOverdue" if overdue else "managedWho")
        parts: list[QWidget] = [
            heading(t("instelling.managed_heading"), 2),
            paragraph(t("instelling.managed_intro", date=issued)),
            self.who_line,
        ]
        if previous:
            parts.append(paragraph(t("instelling.managed_previous"), muted=True))
        self.managed_box = card(*parts)
        self.managed_box.setAccessibleName(t("instelling.managed_heading"))
        self.body.addWidget(self.managed_box)

    def _build_national(self) -> None:
        content = help_content()
        self.body.addWidget(heading(t("instelling.national_heading"), 2))
        self.body.addWidget(paragraph(t("instelling.national_intro"), muted=True))
        host = QWidget()
        host.setObjectName("nationalNumbers")
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        # A regional number (huisartsenpost) is a role above, not a national number.
        lines = [line for line in content.helplines if line.id not in ROLES]
        self.national_numbers: dict[str, QLabel] = {}
        for line in lines:
            title = paragraph(f"{line.name}: {line.number}")
            title.setObjectName(f"national_{line.id}")
            font = title.font()
            font.setWeight(QFont.Weight.DemiBold)  # a subsection, as heading(..., 3)
            title.setFont(font)
            column.addWidget(title)
            column.addWidget(paragraph(f"{line.when} {line.also}".strip()))
            self.national_numbers[line.id] = title
        self.body.addWidget(host)
        self.body.addWidget(
            paragraph(
                t("instelling.national_checked", date=format_stored(content.numbers_checked)),
                muted=True,
            )
        )
        self.body.addWidget(sources_line(line.source for line in lines))

    # -- form <-> profile ----------------------------------------------------------------------

    def _load_into_form(self, profile: InstitutionProfile) -> None:
        """Show the teacher's own ``profile``, with the institution's card where it decides."""
        shown = merged(self.card, profile)
        self.institution.blockSignals(True)
        self.institution.setText(shown.institution)
        self.institution.blockSignals(False)
        for role, form in self.forms.items():
            form.set_contact(shown.contacts.get(role))
        for extra_card in list(self.extra_cards):
            self._drop_extra(extra_card)
        for extra in profile.extra:
            self.add_extra(focus=False).form.set_contact(extra)
        self._changed()

    def current_profile(self) -> InstitutionProfile:
        """The teacher's own profile as the form holds it now, leniently (it may still have
        problems). The card's roles are not the teacher's: their own saved value stays."""
        contacts = {
            role: (
                self._saved.contacts.get(role, Contact())
                if role in self.managed
                else form.contact()
            )
            for role, form in self.forms.items()
        }
        institution = (
            self._saved.institution if self.institution_locked else self.institution.text().strip()
        )
        return normalized(
            InstitutionProfile.model_construct(
                institution=institution,
                contacts=contacts,
                extra=[c.form.contact() for c in self.extra_cards if not c.form.is_blank()],
            )
        )

    def shown_profile(self) -> InstitutionProfile:
        """What the screen shows and the tree uses: the card with the teacher's own details."""
        return merged(self.card, self.current_profile())

    def _all_forms(self) -> list[ContactForm]:
        """The forms the teacher fills in (not the institution's read-only ones)."""
        own = [form for role, form in self.forms.items() if role not in self.managed]
        return [*own, *(c.form for c in self.extra_cards if not c.form.is_blank())]

    def _validate(self) -> int:
        """Show every problem inline; focus the first one; return how many there are."""
        first: QLineEdit | None = None
        count = 0
        for form in self._all_forms():
            problems = form.validate()
            count += len(problems)
            if problems and first is None:
                first = form.fields[next(iter(problems))]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.scroll_area is not None:
                self.scroll_area.ensureWidgetVisible(first)
        return count

    # -- extra contacts ------------------------------------------------------------------------

    def add_extra(self, *, focus: bool = True) -> ExtraCard:
        extra_card = ExtraCard(len(self.extra_cards) + 1, _today)
        extra_card.form.changed.connect(self._changed)
        extra_card.remove_requested.connect(self.remove_extra)
        self.extra_column.addWidget(extra_card)
        extra_card.show()  # now, not on the next event loop pass: focus may move into it at once
        self.extra_cards.append(extra_card)
        self.extra_none.setVisible(False)
        self._chain_tab_order()
        if focus:
            label = extra_card.form.fields["label"]
            label.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.scroll_area is not None:
                self.scroll_area.ensureWidgetVisible(label)
            self._changed()
        return extra_card

    def _chain_tab_order(self) -> None:
        """Number the extra cards and keep them between the roles and the add button for Tab."""
        chain: list[QWidget] = [self.forms[ROLES[-1]].today_button]
        for index, extra_card in enumerate(self.extra_cards, start=1):
            extra_card.set_index(index)
            chain += [*extra_card.form.fields.values(), extra_card.form.today_button]
            chain.append(extra_card.remove_button)
        chain.append(self.add_extra_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def remove_extra(self, extra_card: ExtraCard) -> None:
        self._drop_extra(extra_card)
        self._chain_tab_order()
        self.add_extra_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()

    def _drop_extra(self, extra_card: ExtraCard) -> None:
        self.extra_cards.remove(extra_card)
        self.extra_column.removeWidget(extra_card)
        extra_card.hide()
        extra_card.deleteLater()
        self.extra_none.setVisible(not self.extra_cards)

    # -- state ---------------------------------------------------------------------------------

    def _changed(self) -> None:
        current = self.current_profile()
        # The card's contacts are the maintainer's to check (see the line in its box).
        own = current.model_copy(
            update={
                "contacts": {r: c for r, c in current.contacts.items() if r not in self.managed}
            }
        )
        stale = stale_contacts(own, today())
        self.stale_list.setText("\n".join(f"• {item.describe()}" for item in stale))
        self.stale_card.setVisible(bool(stale))
        unsaved = self.has_unsaved_changes()
        self.status.setText(
            t("instelling.status_unsaved" if unsaved else "instelling.status_saved")
        )

    def has_unsaved_changes(self) -> bool:
        # A date that cannot be read yet is not in current_profile(), but it is unsaved input.
        return self.current_profile() != self._saved or any(
            form.date_unreadable() for form in self._all_forms()
        )

    def discard_changes(self) -> None:
        self._load_into_form(self._saved)

    def focus_first(self) -> None:
        self.institution.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions -------------------------------------------------------------------------------

    def save(self) -> bool:
        count = self._validate()
        if count:
            self.status.setText(t("instelling.save_blocked", count=count))
            return False
        profile = InstitutionProfile.model_validate(self.current_profile().model_dump())
        if not self.store.writable:
            dialogs.warn(self, t("instelling.save_readonly_title"), t("instelling.save_readonly"))
            return False
        try:
            self.store.save(profile)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            dialogs.warn(
                self,
                t("instelling.save_readonly_title"),
                t("instelling.save_failed", reason=reason),
            )
            return False
        self._saved = profile
        self._changed()
        self.status.setText(t("instelling.status_just_saved"))
        return True

    def export_file(self) -> bool:
        count = self._validate()
        if count:
            dialogs.warn(
                self, t("instelling.export_title"), t("instelling.export_blocked", count=count)
            )
            return False
        chosen = dialogs.ask_save_file(
            self,
            t("instelling.export_title"),
            str(Path.home() / t("instelling.export_suggested")),
            t("instelling.file_filter"),
        )
        if not chosen:
            return False
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".json")
        try:
            profile = InstitutionProfile.model_validate(self.shown_profile().model_dump())
            export_profile(own_part(profile, None), path)  # a hand-out, not a managed card
        except ProfileFileError as exc:
            dialogs.warn(self, t("instelling.export_title"), str(exc))
            return False
        self.status.setText(t("instelling.export_done", file=str(path)))
        return True

    def import_file(self) -> bool:
        chosen = dialogs.ask_open_file(
            self, t("instelling.import_title"), t("instelling.file_filter")
        )
        if not chosen:
            return False
        path = Path(chosen)
        try:
            imported = normalized(read_profile_file(path))
        except ProfileFileError as exc:
            dialogs.warn(self, t("instelling.import_error_title"), str(exc))
            return False
        # No import overwrites the institution's card: its roles keep what they are.
        own_after = own_part(imported, self.card)
        kept = {r: c for r, c in self._saved.contacts.items() if r in self.managed}
        own_after = normalized(
            own_after.model_copy(update={"contacts": {**own_after.contacts, **kept}})
        )
        ignored = any(
            imported.contacts.get(role, Contact()) != self.card.contacts[role]
            for role in self.managed
            if self.card is not None and role in imported.contacts
        )
        changes = profile_diff(self.shown_profile(), merged(self.card, own_after))
        if not changes:
            same = t("instelling.import_same", file=path.name)
            if ignored:
                same += " " + t("instelling.import_kept_managed")
            dialogs.info(self, t("instelling.import_title"), same)
            return False
        if not dialogs.confirm_import(self, diff_text(changes)):
            self.status.setText(t("instelling.import_declined"))
            return False
        if not self.store.writable:
            dialogs.warn(self, t("instelling.save_readonly_title"), t("instelling.save_readonly"))
            return False
        try:
            backup = self.store.replace(own_after)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            dialogs.warn(
                self, t("instelling.import_error_title"), t("instelling.save_failed", reason=reason)
            )
            return False
        self._saved = own_after
        self._load_into_form(own_after)
        done = (
            t("instelling.import_done", backup=backup.name)
            if backup is not None
            else t("instelling.import_done_first")
        )
        if ignored:
            done += " " + t("instelling.import_kept_managed")
        self.status.setText(done)
        dialogs.info(self, t("instelling.import_title"), done)
        return True
