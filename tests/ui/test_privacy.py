"""Privacy across the whole interface: no network module loaded, no link that opens a browser."""

from __future__ import annotations

import socket
import sys

import pytest
from PySide6.QtWidgets import QLabel

from docentwijzer.ui.areas import AREAS
from docentwijzer.ui.mainwindow import MainWindow


def test_the_network_guard_is_active_in_the_ui_suite(main_window: MainWindow) -> None:
    with pytest.raises(AssertionError, match="never open a network connection"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(AssertionError):
        socket.getaddrinfo("113.nl", 443)


def test_every_screen_built_and_no_network_module_loaded_nor_link_that_opens_a_browser(
    main_window: MainWindow,
) -> None:
    for area in AREAS:
        main_window.navigate(area.id)
    loaded = sorted(m for m in sys.modules if m.startswith(("PySide6.QtNetwork", "PySide6.QtWeb")))
    assert loaded == []
    labels = main_window.findChildren(QLabel)
    assert len(labels) > 50
    assert [label.text() for label in labels if label.openExternalLinks()] == []
