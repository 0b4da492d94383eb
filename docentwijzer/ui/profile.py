"""Instellingsgegevens: the institution's contacts per role, saved, exported and imported.

The widgets only collect text and show what the core says: checks, diff, reminders and the
file format all live in :mod:`docentwijzer.profile`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
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
    ExtraContact,
    InstitutionProfile,
    ProfileFileError,
    ProfileStore,
    Role,
    contact_problems,
    diff_text,
    export_profile,
    extra_title,
    field_label,
    normalized,
    parse_checked,
    profile_content,
    profile_diff,
    read_profile_file,
    stale_contacts,
)

from docentwijzer.ui import dialogs
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

TEXT_FIELDS = ("name", "phone", "email", "hours", "note")


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ContactForm(QWidget):
    """The fields of one contact, with inline messages under fields that look wrong."""

    changed = Signal()

    def __init__(self, title: str, *, extra: bool = False) -> None:
        super().__init__()
        self.title = title
        self.extra = extra
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.setVerticalSpacing(SPACE["m"])  # form rows: room for a focus ring between
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above field
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for field in ("label", *TEXT_FIELDS) if extra else TEXT_FIELDS:
            self._add(field)
        self._add_checked()
        self._show_problems({})

    def _add(self, field: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(f"field_{field}")
        edit.setAccessibleName(f"{self.title}: {field_label(field)}")
        if field == "hours":
            edit.setPlaceholderText(t("instelling.hours_placeholder"))
        edit.textChanged.connect(self._edited)
        self.fields[field] = edit
        if field in ("label", "phone", "email"):
            self.form.addRow(field_label(field), self._with_error(field, edit))
        else:
            self.form.addRow(field_label(field), edit)

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        """``widget`` with room for an inline message under it."""
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        self.errors[field] = _error_label()
        column.addWidget(self.errors[field])
        return host

    def _add_checked(self) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit()
        edit.setObjectName("field_checked")
        edit.setPlaceholderText(t("instelling.checked_placeholder", example=format_date(today())))
        edit.setAccessibleName(f"{self.title}: {field_label('checked')}")
        edit.textChanged.connect(self._edited)
        self.today_button = QPushButton(t("instelling.checked_today"))
        self.today_button.setAccessibleName(t("instelling.checked_today_name", title=self.title))
        self.today_button.clicked.connect(self.mark_checked_today)
        line.addWidget(edit, 1)
        line.addWidget(self.today_button)
        self.fields["checked"] = edit
        self.form.addRow(field_label("checked"), self._with_error("checked", row))

    def set_title(self, title: str) -> None:
        """Rename the contact for screen readers (extra contacts are renumbered)."""
        self.title = title
        for field, edit in self.fields.items():
            edit.setAccessibleName(f"{title}: {field_label(field)}")
        self.today_button.setAccessibleName(t("instelling.checked_today_name", title=title))

    # -- values --------------------------------------------------------------------------------

    def set_contact(self, contact: Contact | None) -> None:
        contact = contact or Contact()
        for field, edit in self.fields.items():
            value = getattr(contact, field, "")
            edit.blockSignals(True)
            edit.setText(format_date(value) if isinstance(value, date) else (value or ""))
            edit.blockSignals(False)
        self._show_problems({})

    def contact(self) -> Contact:
        """What is typed, leniently: an unreadable date counts as empty (see problems())."""
        values = {f: self.fields[f].text().strip() for f in TEXT_FIELDS}
        checked, _ = parse_checked(self.fields["checked"].text(), today())
        if self.extra:
            label = self.fields["label"].text().strip()
            return ExtraContact.model_construct(label=label, checked=checked, **values)
        return Contact(checked=checked, **values)

    def is_blank(self) -> bool:
        return not any(edit.text().strip() for edit in self.fields.values())

    def problems(self) -> dict[str, str]:
        problems = contact_problems(self.contact())
        _, date_problem = parse_checked(self.fields["checked"].text(), today())
        if date_problem:
            problems["checked"] = date_problem
        return problems

    def date_unreadable(self) -> bool:
        """True when the typed date cannot be kept (contact() then drops it)."""
        return parse_checked(self.fields["checked"].text(), today())[1] is not None

    def mark_checked_today(self) -> None:
        self.fields["checked"].setText(format_date(today()))

    # -- feedback ------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._show_problems(self.problems())
        self.changed.emit()

    def _show_problems(self, problems: dict[str, str]) -> None:
        for field, label in self.errors.items():
            message = problems.get(field, "")
            label.setText(f"⚠ {message}" if message else "")
            label.setVisible(bool(message))
            self.fields[field].setAccessibleDescription(message)

    def validate(self) -> dict[str, str]:
        problems = self.problems()
        self._show_problems(problems)
        return problems


class ExtraCard(QFrame):
    """One free extra contact, with its remove button."""

    remove_requested = Signal(object)

    def __init__(self, index: int) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.form = ContactForm(extra_title(index, ""), extra=True)
        layout.addWidget(self.form)
        self.remove_button = QPushButton(t("instelling.extra_remove"))
        self.set_index(index)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

    def set_index(self, index: int) -> None:
        title = extra_title(index, "")
        self.form.set_title(title)
        self.remove_button.setAccessibleName(t("instelling.extra_remove_name", title=title))


class ProfileScreen(Screen):
    area_id = "instelling"

    def __init__(self, store: ProfileStore | None = None) -> None:
        super().__init__()
        self.store = store or ProfileStore()
        loaded = self.store.load()
        self._saved = normalized(loaded.value)
        content = profile_content()

        self._build_toolbar()

        self.body.addWidget(heading(t("instelling.title")))
        self.body.addWidget(paragraph(content.intro.text))
        self.body.addWidget(sources_line([content.intro.source]))

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
        institution_form.addRow(t("instelling.institution"), self.institution)
        self.body.addWidget(institution_row)

        self.forms: dict[Role, ContactForm] = {}
        for info in content.roles:
            form = ContactForm(info.label)
            form.changed.connect(self._changed)
            self.forms[info.id] = form
            box = card(
                heading(info.label, 2),
                paragraph(info.explanation, muted=True),
                sources_line(info.sources),
                form,
            )
            box.setObjectName("card")
            self.body.addWidget(box)

        self.body.addWidget(heading(t("instelling.extra_heading"), 2))
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
        self.institution.blockSignals(True)
        self.institution.setText(profile.institution)
        self.institution.blockSignals(False)
        for role, form in self.forms.items():
            form.set_contact(profile.contacts.get(role))
        for extra_card in list(self.extra_cards):
            self._drop_extra(extra_card)
        for extra in profile.extra:
            self.add_extra(focus=False).form.set_contact(extra)
        self._changed()

    def current_profile(self) -> InstitutionProfile:
        """What the form holds now, leniently (it may still have problems)."""
        return normalized(
            InstitutionProfile.model_construct(
                institution=self.institution.text().strip(),
                contacts={role: form.contact() for role, form in self.forms.items()},
                extra=[c.form.contact() for c in self.extra_cards if not c.form.is_blank()],
            )
        )

    def _all_forms(self) -> list[ContactForm]:
        return [*self.forms.values(), *(c.form for c in self.extra_cards if not c.form.is_blank())]

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
        extra_card = ExtraCard(len(self.extra_cards) + 1)
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
        stale = stale_contacts(current, today())
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
            profile = InstitutionProfile.model_validate(self.current_profile().model_dump())
            export_profile(profile, path)
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
        changes = profile_diff(self.current_profile(), imported)
        if not changes:
            dialogs.info(
                self, t("instelling.import_title"), t("instelling.import_same", file=path.name)
            )
            return False
        if not dialogs.confirm_import(self, diff_text(changes)):
            self.status.setText(t("instelling.import_declined"))
            return False
        if not self.store.writable:
            dialogs.warn(self, t("instelling.save_readonly_title"), t("instelling.save_readonly"))
            return False
        try:
            backup = self.store.replace(imported)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            dialogs.warn(
                self, t("instelling.import_error_title"), t("instelling.save_failed", reason=reason)
            )
            return False
        self._saved = imported
        self._load_into_form(imported)
        done = (
            t("instelling.import_done", backup=backup.name)
            if backup is not None
            else t("instelling.import_done_first")
        )
        self.status.setText(done)
        dialogs.info(self, t("instelling.import_title"), done)
        return True
