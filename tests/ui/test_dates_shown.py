"""Every screen shows a date one way (``docentwijzer.dates``): 02-12-2026 in Dutch, 2 Dec 2026
in English, a month as "november 2026". A date written by hand (ISO, or a Dutch order on the
English screens) is found in any text a user sees or a screen reader reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from docentwijzer import i18n
from docentwijzer.belonging import BelongingStore, belonging_content
from docentwijzer.profile import Contact, InstitutionProfile, ProfileStore
from docentwijzer.settings import Settings, SettingsStore

from docentwijzer.ui.application import configure
from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.mainwindow import MainWindow

ISO = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")
#: Numeric day-month-year: Dutch screens pad both (02-12-2026); English screens spell the month.
NUMERIC = {
    "nl": re.compile(r"\b(\d-\d{1,2}|\d{2}-\d)-\d{4}\b"),
    "en": re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b"),
}


def texts(root: QWidget) -> Iterator[str]:
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        yield widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.text()
            yield widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    yield str(model.data(model.index(row, column)) or "")


#: A public address may hold a date ("/nieuws/2023-09-..."): it is copied, not read as a date.
ADDRESS = re.compile(r"https://\S+")


def hand_written_dates(root: QWidget, lang: str) -> list[str]:
    found = []
    for text in texts(root):
        for pattern in (ISO, NUMERIC[lang]):
            match = pattern.search(ADDRESS.sub("", text or ""))
            if match:
                found.append(f"{match[0]!r} in {text[:60]!r}")
    return found


@pytest.fixture(params=["nl", "en"])
def window(request, qtbot: QtBot, qapp, dialog_log) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.set_language(request.param)
    ProfileStore().save(
        InstitutionProfile(
            institution="Hogeschool Voorbeeld",
            contacts={
                "studentpsycholoog": Contact(phone="030 222", checked=date(2026, 3, 4)),
                "studentendecaan": Contact(phone="030 111", checked=date(2024, 1, 9)),
            },
        )
    )
    store = BelongingStore()
    store.add_to_week(belonging_content().tips[0].id, date(2026, 1, 5))
    settings = Settings(language=request.param)
    configure(qapp, settings)
    win = MainWindow(settings, SettingsStore())
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    yield win


def test_every_screen_shows_dates_the_one_way(window: MainWindow) -> None:
    lang = i18n.language()
    problems: dict[str, list[str]] = {}
    for entry in AREAS:
        window.navigate(entry.id)
        QCoreApplication.processEvents()
        screen = window.current_screen()
        if entry.id == "beslisboom":
            for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
                screen.choose(target)  # type: ignore[attr-defined]
        if entry.id == "belonging":
            screen.tabs.setCurrentWidget(screen.week)  # type: ignore[attr-defined]
        QCoreApplication.processEvents()
        found = hand_written_dates(screen, lang) + hand_written_dates(window.acute_bar, lang)
        if found:
            problems[entry.id] = found
    assert not problems


def test_the_scan_finds_a_date_written_by_hand(window: MainWindow) -> None:
    label = QLabel("gecontroleerd 2026-11")
    label.setParent(window.current_screen())
    label.show()
    assert hand_written_dates(window.current_screen(), i18n.language())
