"""Sense of belonging: browse, search and pick classroom tips; try some this week; print them.

The widgets only ask :mod:`docentwijzer.belonging` (content, filters, the teacher's picks) and
:mod:`docentwijzer.belonging_pdf` (paper); they hold no rules of their own. ``library`` is the
Tips tab (with ``export``, the print box), ``week`` the tips to try this week, ``why`` the
background, ``screen`` the screen that holds them; ``common`` the small parts they share.
"""

from __future__ import annotations

from docentwijzer.ui.belonging.screen import BelongingScreen

__all__ = ["BelongingScreen"]
