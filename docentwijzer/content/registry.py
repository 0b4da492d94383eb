"""Every packaged content document and its model: the self-test and the tests load them all.

Add one line per new content file.
"""

from __future__ import annotations

from docentwijzer.checklist import ChecklistContent
from docentwijzer.content import ContentDocument
from docentwijzer.helplines import HelpContent

DOCUMENTS: dict[str, type[ContentDocument]] = {
    "hulp": HelpContent,
    "signalering": ChecklistContent,
}
