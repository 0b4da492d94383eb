"""Oefenen: practise the conversation (screen package; see :mod:`.screen`)."""

from docentwijzer.ui.oefenen.screen import OefenenScreen

__all__ = ["OefenenScreen"]
