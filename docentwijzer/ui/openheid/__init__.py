"""The openness exercise on screen: the teacher starts it, then the student works through calm,
large pages, one question each, in the second person. Back and forward are always free; no answer
is required; the comparison shows both lists side by side and never adds them up.

Nothing is written anywhere unless the student agrees (then the teacher hands a note draft to the
notes area) or asks for the PDF of their own choices.

``parts`` holds the building blocks, ``pages``, ``people`` and ``weigh`` the pages, ``screen``
the screen that builds each page when it is first shown.
"""

from __future__ import annotations

from docentwijzer.openheid import PER_RECIPIENT

from docentwijzer.ui.openheid.pages import (
    DonePage,
    FirstStepPage,
    IntroPage,
    Page,
    QuestionPage,
    SurePage,
)
from docentwijzer.ui.openheid.parts import STUDENT_SCALE, ChoiceBox, Wrapped, scale_fonts
from docentwijzer.ui.openheid.people import PerRecipientPage, RecipientRow, RecipientsPage
from docentwijzer.ui.openheid.screen import STEPS, OpennessScreen, Pages
from docentwijzer.ui.openheid.weigh import ComparePage, WeighPage, WeighRow

__all__ = [
    "PER_RECIPIENT",
    "STEPS",
    "STUDENT_SCALE",
    "ChoiceBox",
    "ComparePage",
    "DonePage",
    "FirstStepPage",
    "IntroPage",
    "OpennessScreen",
    "Page",
    "Pages",
    "PerRecipientPage",
    "QuestionPage",
    "RecipientRow",
    "RecipientsPage",
    "SurePage",
    "WeighPage",
    "WeighRow",
    "Wrapped",
    "scale_fonts",
]
