"""Icons: drawn once per name, colour and size, and always in the colour of the scheme."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from docentwijzer.ui import theme
from docentwijzer.ui.icons import pixmap


def test_an_icon_drawn_again_is_the_same_and_follows_the_scheme(qapp: QApplication) -> None:
    theme.apply_theme(qapp, "light", 100)
    light = pixmap("phone", "text", 24).toImage()
    assert pixmap("phone", "text", 24).toImage() == light
    theme.apply_theme(qapp, "dark", 100)
    dark = pixmap("phone", "text", 24).toImage()
    theme.apply_theme(qapp, "light", 100)
    assert dark != light  # the text colour of the dark scheme, not a remembered light one
    assert pixmap("phone", "text", 24).toImage() == light
    assert pixmap("phone", "text", 32).size() != pixmap("phone", "text", 24).size()


def test_changing_a_pixmap_one_got_leaves_the_next_one_alone(qapp: QApplication) -> None:
    first = pixmap("phone", "text", 24)
    before = first.toImage()
    first.fill()
    assert pixmap("phone", "text", 24).toImage() == before
