"""The real start-up path: the window is painted before the heavy libraries load, and what is
validated after the first paint still decides what the user sees and is told.

Each case runs ``docentwijzer.app.main`` in its own process (offscreen), the way
``python -m docentwijzer`` does, and looks at it at the main window's first paint and once the
work that waits for that paint is done.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from docentwijzer.content import ContentError
from docentwijzer.first_paint import FirstPaint

from docentwijzer.ui import application
from docentwijzer.ui.mainwindow import MainWindow

PROBE = """
import gc, json, sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMainWindow
from docentwijzer.ui import application, dialogs

report = {"notices": []}
dialogs.warn = lambda parent, title, text: report["notices"].append(text)

def intro(window):
    # The Start screen's title and the line under it.
    body = window.current_screen().body
    return [body.itemAt(0).widget(), body.itemAt(1).widget()]

def look(window):
    app = QApplication.instance()
    return {
        "title": window.windowTitle(),
        "font": app.font().pointSizeF(),
        "dark": app.palette().color(app.palette().ColorRole.Window).lightness() < 128,
        "modules": sorted(sys.modules),
        "gc": gc.isenabled(),
        # The Qt classes PySide6 has created so far (it creates each when first named).
        # Text documents: a label keeps one only while its text can be selected with the mouse.
        "documents": len(window.current_screen().findChildren(QTextDocument)),
        "selectable": [
            bool(label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse)
            for label in intro(window)
        ],
        "qt": sorted(
            name
            for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
            for name in vars(sys.modules[module])
            if name.startswith("Q")
        ),
    }

def shots(window, when):
    # The acute bar, the navigation and the situation cards as drawn now, saved as PNGs.
    if "--shots" not in sys.argv:
        return {}
    home = window.current_screen()
    title, line = intro(window)
    parts = {
        "bar": window.acute_bar,
        "nav": window.nav,
        "cards": home.grid.parentWidget(),
        "title": title,
        "intro": line,
    }
    folder = sys.argv[sys.argv.index("--shots") + 1]
    saved = {}
    for name, widget in parts.items():
        path = f"{folder}/{when}-{name}.png"
        widget.grab().save(path)
        saved[name] = path
    return saved

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if isinstance(watched, QMainWindow) and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            report["painted"] = look(watched)
            # Before the work that waits for the first paint (queued after this).
            QTimer.singleShot(0, lambda: report.update(painted_shots=shots(watched, "painted")))
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: done(watched)))
        return False

def done(window):
    report["settled"] = look(window)
    report["settled_shots"] = shots(window, "settled")
    if "--tour" in sys.argv:
        from docentwijzer.ui.areas import AREAS
        for area in AREAS:
            window.navigate(area.id)
            QApplication.processEvents()
        report["toured"] = sorted(sys.modules)
    window.close()
    QApplication.quit()

probe = FirstPaint()
real_show = QMainWindow.show

def show(window):
    # On the window only: a filter on the whole application would bring every object Qt
    # made itself into Python, and PySide6 would create the classes it might be.
    window.installEventFilter(probe)
    real_show(window)

QMainWindow.show = show
from docentwijzer.app import main
main([a for a in sys.argv[1:] if a != "--tour" and not a.startswith(("--shots", "/"))])
print("REPORT" + json.dumps(report))
"""


def start(home: Path, *args: str) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DOCENTWIJZER_HOME=str(home))
    env.pop("DOCENTWIJZER_COLOR_SCHEME", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("REPORT"))
    return json.loads(line.removeprefix("REPORT"))  # type: ignore[no-any-return]


def settings_file(home: Path, data: dict) -> Path:  # type: ignore[type-arg]
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    path = config / "settings.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


HEAVY = ("pydantic", "reportlab", "cryptography", "docentwijzer.openheid", "docentwijzer.notes")


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path: Path) -> None:
    report = start(tmp_path)
    before = report["painted"]["modules"]
    after = report["settled"]["modules"]
    loaded = {name for name in HEAVY for m in before if m == name or m.startswith(f"{name}.")}
    assert loaded == set()
    # Nor what only a missing or broken screen needs (this probe loads the dialogs itself).
    assert "docentwijzer.ui.placeholder" not in before
    # The probe does see them once they load: the settings are validated, the notes panel built.
    assert "pydantic" in after and "cryptography" in after
    assert report["notices"] == []


def test_the_style_classes_are_not_created_before_the_first_paint(tmp_path: Path) -> None:
    """PySide6 creates a Qt class, with a Python enum for each enum it holds, when a module first
    names it: Qt's style classes (about 6 ms) wait until the app's own style is installed right
    after the first paint, which plain Fusion draws; so do the wrapping check box and radio
    button, which the Start screen does not have."""
    report = start(tmp_path)
    before, after = set(report["painted"]["qt"]), set(report["settled"]["qt"])
    later = {"QStyle", "QProxyStyle", "QStyleOptionButton"}
    assert before & later == set()
    assert "docentwijzer.ui.wrapping" not in report["painted"]["modules"]
    assert "QPushButton" in before  # the probe does see what the first paint needs
    assert {"QStyle", "QProxyStyle"} <= after  # and the style once it is installed


def test_the_start_screen_text_is_selectable_from_right_after_the_first_paint(
    tmp_path: Path,
) -> None:
    """A label whose text the mouse can select lays it out through a text document of its own,
    again for every width a layout asks about (about 6 ms on the Start screen before the first
    paint); the Start screen's text becomes selectable right after the paint instead."""
    report = start(tmp_path)
    assert report["painted"]["documents"] == 0
    assert report["painted"]["selectable"] == [False, False]
    assert report["settled"]["selectable"] == [True, True]
    assert report["settled"]["documents"] >= 2


def test_the_garbage_collector_waits_for_the_first_paint_and_runs_again_after_it(
    tmp_path: Path,
) -> None:
    """Python's cycle collector would scan the many objects start-up creates several times
    before the window is on screen; it is paused until the first paint, then on again (cycles
    left by start-up are collected from then on)."""
    report = start(tmp_path)
    assert report["painted"]["gc"] is False
    assert report["settled"]["gc"] is True


def test_the_first_paint_looks_as_the_settled_window_does(tmp_path: Path) -> None:
    """What start-up leaves for after the first paint (the app's own style among it) changes
    nothing the first frame shows: the acute bar, the navigation and the situation cards are
    drawn the same, pixel for pixel, as once everything has settled; so are the title and the
    line under it, which can be selected with the mouse from right after the paint."""
    report = start(tmp_path, "--shots", str(tmp_path))
    painted, settled = report["painted_shots"], report["settled_shots"]
    assert set(painted) == {"bar", "nav", "cards", "title", "intro"}
    for part, path in painted.items():
        first, last = QImage(path), QImage(settled[part])
        assert not first.isNull() and first.size() == last.size(), part
        assert first == last, part


def test_opening_every_screen_loads_no_pdf_library_until_a_pdf_is_made(tmp_path: Path) -> None:
    toured = start(tmp_path, "--tour")["toured"]
    assert "docentwijzer.ui.oefenen.screen" in toured  # the tour did open the screens
    assert [m for m in toured if m == "reportlab" or m.endswith("_pdf")] == []


def test_the_stored_preferences_are_on_screen_from_the_first_paint(tmp_path: Path) -> None:
    defaults = start(tmp_path / "defaults")["painted"]
    path = settings_file(
        tmp_path, {"language": "en", "color_scheme": "dark", "text_scale": 150, "x": 1}
    )
    report = start(tmp_path)
    painted, settled = report["painted"], report["settled"]
    assert "teachers" in painted["title"].lower() or painted["title"] != defaults["title"]
    assert painted["dark"] and not defaults["dark"]
    assert painted["font"] == pytest.approx(defaults["font"] * 1.5)
    assert (settled["title"], settled["dark"], settled["font"]) == (
        painted["title"],
        painted["dark"],
        painted["font"],
    )
    assert path.exists() and report["notices"] == []


def test_the_command_line_language_wins_over_the_stored_one(tmp_path: Path) -> None:
    settings_file(tmp_path, {"language": "en"})
    english = start(tmp_path)["settled"]["title"]
    report = start(tmp_path, "--lang", "nl")
    assert report["painted"]["title"] == report["settled"]["title"] != english


def test_a_settings_file_the_model_rejects_is_set_aside_and_reported_after_the_paint(
    tmp_path: Path,
) -> None:
    """The first paint uses the valid fields it can read cheaply; the model then rejects the
    whole file (idle lock 0 minutes), sets it aside and the defaults take over, as before."""
    dutch = start(tmp_path / "defaults")["settled"]
    path = settings_file(tmp_path, {"language": "en", "text_scale": 150, "idle_lock_minutes": 0})
    report = start(tmp_path)
    assert report["painted"]["title"] != dutch["title"]  # English, 150%: what the file said
    assert (report["settled"]["title"], report["settled"]["font"]) == (
        dutch["title"],
        dutch["font"],
    )
    assert not path.exists()
    assert [p.name for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(report["notices"]) == 1 and "settings.json" in report["notices"][0]


def test_broken_acute_help_content_found_after_the_paint_ends_the_app_with_its_message(
    main_window: MainWindow,
    dialog_log,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exits: list[int] = []

    def broken(*_args: object) -> None:
        raise ContentError("hulp.json", None, "bar_danger", "ontbreekt")

    monkeypatch.setattr("docentwijzer.helplines.help_content", broken)
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    application.finish_start(main_window, FirstPaint(), follow_language=True)
    assert exits == [1]
    assert dialog_log.names() == ["warn"] and "hulp.json" in str(dialog_log.calls[0][1])


def test_adopted_settings_change_the_look_the_first_paint_guessed(
    qtbot: QtBot,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from docentwijzer.settings import Settings

    application.configure(qapp, FirstPaint())
    window = MainWindow()
    qtbot.addWidget(window)
    base = qapp.font().pointSizeF()
    window.adopt_settings(Settings(text_scale=200), None, FirstPaint(), language=True)
    assert qapp.font().pointSizeF() == pytest.approx(base * 2)
    assert window.settings.text_scale == 200
    application.configure(qapp, FirstPaint())


def test_work_waiting_for_the_first_paint_is_dropped_with_its_widget(qtbot: QtBot) -> None:
    """Entering trainer mode right after start rebuilt the screens while their waiters were
    queued: each then ran on a deleted object ("Internal C++ object already deleted")."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from docentwijzer.ui.startup import PAINTED, after_first_paint

    window = QWidget()
    qtbot.addWidget(window)
    window.setProperty(PAINTED, True)
    window.show()
    child = QWidget(window)
    child.show()
    ran: list[str] = []
    after_first_paint(child, lambda: ran.append("ran"))  # queued for the next loop turn
    child.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with qtbot.captureExceptions() as raised:
        qtbot.wait(50)
    assert raised == []
    assert ran == []
