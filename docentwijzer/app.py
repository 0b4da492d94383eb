"""Command line entry point: ``docentwijzer`` and ``python -m docentwijzer``.

Qt is imported only inside the functions that need it, so this module belongs to the core.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docentwijzer import APP_NAME, __version__

if TYPE_CHECKING:
    import argparse

#: Qt-free modules the first paint needs, imported before PySide6 (:func:`import_core_first`).
CORE_FIRST = (
    "docentwijzer.first_paint",
    "docentwijzer.instance",
    "docentwijzer.paths",
    "docentwijzer.ui.areas",
    "docentwijzer.ui.tokens",
)


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="docentwijzer",
        description=f"{APP_NAME}: signaleren, doorverwijzen en sense of belonging, offline.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--lang", choices=("nl", "en"), help="interface language for this session (nl or en)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="build every screen offscreen, validate all content, print a summary and exit",
    )
    parser.add_argument(
        "--check-profile",
        metavar="FILE",
        help="check an institution profile for the system-wide folder: print what the app "
        "would show, or each problem; exit 0 when it is fine, 1 when not (no window)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang: str | None = None
    qt_args: list[str] = []
    if arguments:  # a plain start has none: no parser to build (it loads gettext and locale)
        args, qt_args = _parser().parse_known_args(arguments)
        if args.self_test:
            return self_test()
        if args.check_profile is not None:
            return check_profile(args.check_profile, args.lang)
        lang = args.lang
    # Start-up creates many objects (Qt's wrappers and enums, the first screen) and Python's
    # cycle collector would scan them all several times over before the window is on screen:
    # it waits until the first paint (``ui.application.finish_start`` turns it on again).
    gc.disable()
    import_core_first()
    from docentwijzer.ui.application import run

    return run(lang_override=lang, qt_args=[sys.argv[0], *qt_args])


def import_core_first() -> None:
    """Import the Qt-free modules start-up needs before PySide6 is loaded.

    PySide6 reads the source of every module imported after it (to see whether it uses its
    ``__feature__`` switches); these modules never do, so they are loaded before it.
    """
    for name in CORE_FIRST:
        importlib.import_module(name)


def check_profile(file: str, lang: str | None) -> int:
    """``--check-profile FILE``: in the language asked for, else the teacher's saved language."""
    from pathlib import Path

    from docentwijzer import i18n
    from docentwijzer.profile import check_report

    i18n.set_language(lang or _saved_language())
    text, ok = check_report(Path(file))
    print(text)
    return 0 if ok else 1


def _saved_language() -> str:
    """The language in the settings file, read without creating or repairing anything."""
    from docentwijzer import paths
    from docentwijzer.first_paint import preferences

    return preferences(paths.settings_file(create=False)).language


def self_test() -> int:
    """Exit 0 when every screen builds and all content validates; otherwise print why."""
    import tempfile

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="docentwijzer-selftest-") as home:
        # Store nothing in the user's real folders.
        os.environ["DOCENTWIJZER_HOME"] = home
        from docentwijzer.ui.selftest import run_self_test

        ok, summary = run_self_test()
    print(summary)
    return 0 if ok else 1
