"""The buttons a user presses in the tree, worked out from the tree's own content."""

from __future__ import annotations

from docentwijzer.tree import Question, StepNode, tree_content


def answers_to_psychisch() -> list[str]:
    """The answers (and 'Verder' on a step) from the first question to PSYCHISCH (with contacts)."""
    tree = tree_content()
    labels, current = [], "start"
    for target in ("zelfdoding", "gesprek", "behoefte", "PSYCHISCH"):
        node = tree.node(current)
        while isinstance(node, StepNode):
            labels.append(node.continue_label)
            current = node.next
            node = tree.node(current)
        assert isinstance(node, Question)
        labels.append(next(a.label for a in node.answers if a.next == target))
        current = target
    return labels
