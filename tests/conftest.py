"""Test settings shared by the whole suite.

- Qt runs offscreen (no display needed, also on CI).
- Every test gets its own DOCENTWIJZER_HOME and DOCENTWIJZER_SITE, so no test touches the real
  home folder or reads the machine's managed institution profile.
- Any attempt to open a network connection fails the test: the app is local-only.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DOCENTWIJZER_COLOR_SCHEME", None)


class NetworkAccessError(AssertionError):
    """Raised when code under test tries to reach the network."""


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise NetworkAccessError("DocentWijzer must never open a network connection")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail on any outgoing connection or name lookup (AF_UNIX stays allowed for Qt/D-Bus)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(connect):  # type: ignore[no-untyped-def]
        def inner(self: socket.socket, address: object) -> object:
            if self.family in (socket.AF_INET, socket.AF_INET6):
                _refuse()
            return connect(self, address)

        return inner

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


@pytest.fixture(autouse=True)
def dw_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "dw-home"
    monkeypatch.setenv("DOCENTWIJZER_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def dw_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system-wide (managed) folder: empty and per test, never the machine's own."""
    site = tmp_path / "dw-site"
    monkeypatch.setenv("DOCENTWIJZER_SITE", str(site))
    return site


@pytest.fixture(autouse=True)
def dutch_by_default() -> Iterator[None]:
    from docentwijzer import i18n

    i18n.set_language("nl")
    yield
    i18n.set_language("nl")
