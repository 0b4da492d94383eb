"""The fields of one contact on Instellingsgegevens: inline checks, read-only for the
institution's managed card (still a Tab stop, still read by a screen reader)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
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

from docentwijzer.dates import format_date
from docentwijzer.i18n import t
from docentwijzer.profile import (
    Contact,
    ExtraContact,
    contact_problems,
    extra_title,
    field_label,
    parse_checked,
)

from docentwijzer.ui.tokens import SPACE

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

    def __init__(
        self, title: str, *, extra: bool = False, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__()
        #: "Today" for the date checks and the Today button (fixed in tests).
        self.today = today
        self.title = title
        self.extra = extra
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.setVerticalSpacing(SPACE["m"])  # form rows: room for a focus ring between
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above field
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        #: The widget each field's row holds (the field, or the field with its message).
        self.rows: dict[str, QWidget] = {}
        self.locked = False
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
            self.rows[field] = self._with_error(field, edit)
        else:
            self.rows[field] = edit
        self.form.addRow(field_label(field), self.rows[field])

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
        example = format_date(self.today())
        edit.setPlaceholderText(t("instelling.checked_placeholder", example=example))
        edit.setAccessibleName(f"{self.title}: {field_label('checked')}")
        edit.textChanged.connect(self._edited)
        self.today_button = QPushButton(t("instelling.checked_today"))
        self.today_button.setAccessibleName(t("instelling.checked_today_name", title=self.title))
        self.today_button.clicked.connect(self.mark_checked_today)
        line.addWidget(edit, 1)
        line.addWidget(self.today_button)
        self.fields["checked"] = edit
        self.rows["checked"] = self._with_error("checked", row)
        self.form.addRow(field_label("checked"), self.rows["checked"])

    def set_locked(self, locked: bool) -> None:
        """Read-only: the institution's card. Still a Tab stop and read by a screen reader."""
        self.locked = locked
        for edit in self.fields.values():
            edit.setReadOnly(locked)
            edit.setProperty("managed", locked)  # drawn apart from fields one can edit
            edit.setAccessibleDescription(t("instelling.managed_locked") if locked else "")
            if locked:
                edit.setPlaceholderText("")
        self.today_button.setVisible(not locked)
        self._show_rows()

    def _show_rows(self) -> None:
        """A locked form shows only what the card fills in: an empty field one cannot fill is
        noise, on screen and in the Tab order."""
        for field, row in self.rows.items():
            self.form.setRowVisible(row, not self.locked or bool(self.fields[field].text()))

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
        self._show_rows()

    def contact(self) -> Contact:
        """What is typed, leniently: an unreadable date counts as empty (see problems())."""
        values = {f: self.fields[f].text().strip() for f in TEXT_FIELDS}
        checked, _ = parse_checked(self.fields["checked"].text(), self.today())
        if self.extra:
            label = self.fields["label"].text().strip()
            return ExtraContact.model_construct(label=label, checked=checked, **values)
        return Contact(checked=checked, **values)

    def is_blank(self) -> bool:
        return not any(edit.text().strip() for edit in self.fields.values())

    def problems(self) -> dict[str, str]:
        problems = contact_problems(self.contact())
        _, date_problem = parse_checked(self.fields["checked"].text(), self.today())
        if date_problem:
            problems["checked"] = date_problem
        return problems

    def date_unreadable(self) -> bool:
        """True when the typed date cannot be kept (contact() then drops it)."""
        return parse_checked(self.fields["checked"].text(), self.today())[1] is not None

    def mark_checked_today(self) -> None:
        self.fields["checked"].setText(format_date(self.today()))

    # -- feedback ------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._show_problems(self.problems())
        self.changed.emit()

    def _show_problems(self, problems: dict[str, str]) -> None:
        if self.locked:
            return
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

    def __init__(self, index: int, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.form = ContactForm(extra_title(index, ""), extra=True, today=today)
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
