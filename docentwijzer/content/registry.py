"""Every packaged content document and its model: the self-test and the tests load them all.

Add one line per new content file.
"""

from __future__ import annotations

from docentwijzer.belonging import BelongingContent
from docentwijzer.checklist import ChecklistContent
from docentwijzer.content import ContentDocument
from docentwijzer.helplines import HelpContent
from docentwijzer.oefenen import PracticeContent
from docentwijzer.openheid import OpennessContent
from docentwijzer.profile import ProfileContent
from docentwijzer.training import Background, CaseSet
from docentwijzer.tree import TreeContent
from docentwijzer.zelfhulp import SelfHelpContent
from docentwijzer.zelfzorg import SelfCareContent

DOCUMENTS: dict[str, type[ContentDocument]] = {
    "hulp": HelpContent,
    "signalering": ChecklistContent,
    "beslisboom": TreeContent,
    "casuistiek": CaseSet,
    "achtergrond": Background,
    "instelling": ProfileContent,
    "belonging": BelongingContent,
    "zelfhulp": SelfHelpContent,
    "openheid": OpennessContent,
    "oefenen": PracticeContent,
    "zelfzorg": SelfCareContent,
}
