"""Over: what the app is, where its guidance comes from, privacy, and display preferences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from docentwijzer import APP_NAME, __version__, i18n, paths
from docentwijzer.dates import format_stored
from docentwijzer.helplines import help_content
from docentwijzer.i18n import t

from docentwijzer.ui.screen import Screen
from docentwijzer.ui.widgets import card, heading, paragraph, path_field

TEXT_SCALES = (100, 125, 150, 200)


class AboutScreen(Screen):
    area_id = "over"

    def __init__(self) -> None:
        super().__init__()
        self.body.addWidget(heading(f"{APP_NAME} {__version__}"))
        self.body.addWidget(paragraph(t("about.what")))
        self.body.addWidget(
            card(heading(t("home.disclaimer_title"), 3), paragraph(t("home.disclaimer")))
        )

        self.body.addWidget(heading(t("about.display"), 2))
        form_host = QWidget()
        form = QFormLayout(form_host)
        # At large text a label and its field no longer fit side by side: field below.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.scheme = QComboBox()
        for value in ("system", "light", "dark"):
            self.scheme.addItem(t(f"app.scheme_{value}"), value)
        self.scale = QComboBox()
        for value in TEXT_SCALES:
            self.scale.addItem(f"{value}%", value)
        for label_key, combo in (
            ("about.language", self.language),
            ("about.scheme", self.scheme),
            ("about.scale", self.scale),
        ):
            combo.setAccessibleName(t(label_key))
            form.addRow(t(label_key), combo)
        self.body.addWidget(form_host)

        self.body.addWidget(heading(t("about.privacy_title"), 2))
        self.body.addWidget(paragraph(t("about.privacy")))
        self.folder_field = path_field(paths.data_dir(), t("about.folder_name"))
        self.body.addWidget(self.folder_field)
        notes_host = QWidget()
        notes_form = QFormLayout(notes_host)
        notes_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(1, 240)
        self.idle_lock.setSuffix(t("about.minutes_suffix"))
        self.retention = QSpinBox()
        self.retention.setRange(1, 120)
        self.retention.setSuffix(t("about.months_suffix"))
        for label_key, spin in (
            ("about.idle_lock", self.idle_lock),
            ("about.retention", self.retention),
        ):
            spin.setAccessibleName(t(label_key))
            spin.lineEdit().setAccessibleName(t(label_key))  # where the focus really goes
            notes_form.addRow(t(label_key), spin)
        self.body.addWidget(notes_host)

        self.body.addWidget(heading(t("about.sources_title"), 2))
        self.body.addWidget(paragraph(t("about.sources_intro")))
        self.sources_button = QPushButton(t("bronnen.open"))
        self.sources_button.setObjectName("openSources")
        self.sources_button.clicked.connect(
            lambda: self.window().navigate("bronnen")  # type: ignore[attr-defined]
        )
        sources_row = QHBoxLayout()
        sources_row.addWidget(self.sources_button)
        sources_row.addStretch(1)
        self.body.addLayout(sources_row)
        self.body.addWidget(
            paragraph(
                t("acute.checked", date=format_stored(help_content().numbers_checked)), muted=True
            )
        )
        self.body.addStretch(1)

    def showEvent(self, event: object) -> None:
        self._sync()
        super().showEvent(event)  # type: ignore[arg-type]

    def _sync(self) -> None:
        window = self.window()
        # Projected in a training session: no personal folder paths on the wall.
        self.folder_field.setVisible(not getattr(window, "trainer_mode", False))
        settings = getattr(window, "settings", None)
        if settings is None:
            return
        for combo, value in (
            (self.language, i18n.language()),  # what is shown, also with --lang
            (self.scheme, settings.color_scheme),
            (self.scale, settings.text_scale),
        ):
            combo.blockSignals(True)
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        for spin, number in (
            (self.idle_lock, settings.idle_lock_minutes),
            (self.retention, settings.retention_months),
        ):
            spin.blockSignals(True)
            spin.setValue(number)
            spin.blockSignals(False)
        if not getattr(self, "_connected", False):
            self._connected = True
            self.language.currentIndexChanged.connect(
                lambda: window.set_language(self.language.currentData())  # type: ignore[attr-defined]
            )
            self.scheme.currentIndexChanged.connect(
                lambda: window.set_color_scheme(self.scheme.currentData())  # type: ignore[attr-defined]
            )
            self.scale.currentIndexChanged.connect(
                lambda: window.set_text_scale(self.scale.currentData())  # type: ignore[attr-defined]
            )
            self.idle_lock.valueChanged.connect(
                lambda value: window.update_settings(idle_lock_minutes=value)  # type: ignore[attr-defined]
            )
            self.retention.valueChanged.connect(
                lambda value: window.update_settings(retention_months=value)  # type: ignore[attr-defined]
            )
