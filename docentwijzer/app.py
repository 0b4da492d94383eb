"""Command line entry point: ``docentwijzer`` and ``python -m docentwijzer``.

Qt is imported only inside the functions that need it, so this module belongs to the core.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence

from docentwijzer import APP_NAME, __version__


def _parser() -> argparse.ArgumentParser:
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = _parser().parse_known_args(argv)
    if args.self_test:
        return self_test()
    from docentwijzer.ui.application import run

    return run(lang_override=args.lang, qt_args=[sys.argv[0], *qt_args])


def self_test() -> int:
    """Exit 0 when every screen builds and all content validates; otherwise print why."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="docentwijzer-selftest-") as home:
        # Store nothing in the user's real folders.
        os.environ["DOCENTWIJZER_HOME"] = home
        from docentwijzer.ui.selftest import run_self_test

        ok, summary = run_self_test()
    print(summary)
    return 0 if ok else 1
