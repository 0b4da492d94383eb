"""No network code anywhere in the app: not in the core, not in the interface."""

from __future__ import annotations

import ast
from pathlib import Path

import docentwijzer

#: Modules that can open a connection or hand a URL to another program.
FORBIDDEN = (
    "socket",
    "ssl",
    "http",
    "urllib",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "webbrowser",
    "requests",
    "httpx",
    "aiohttp",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
)
#: Qt names that open a URL in another program or fetch one.
FORBIDDEN_NAMES = ("QDesktopServices", "QNetworkAccessManager", "setOpenExternalLinks")

PACKAGE = Path(docentwijzer.__file__).parent


def imported(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def is_forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def test_the_checker_would_notice() -> None:
    tree = ast.parse("import socket\nfrom PySide6 import QtNetwork\nfrom urllib.request import x")
    assert sorted(n for n in imported(tree) if is_forbidden(n)) == [
        "PySide6.QtNetwork",
        "socket",
        "urllib.request",
        "urllib.request.x",
    ]


def test_no_module_of_the_app_imports_network_code() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 30
    offenders = {}
    for source in sources:
        text = source.read_text(encoding="utf-8")
        names = {n for n in imported(ast.parse(text)) if is_forbidden(n)}
        names |= {n for n in FORBIDDEN_NAMES if n in text}
        if names:
            offenders[str(source.relative_to(PACKAGE))] = sorted(names)
    assert offenders == {}
