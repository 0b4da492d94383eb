"""Every training case's intended route really exists in the referral tree, in both languages.

The cases store the answers to the tree's questions as the tree labels them; this walks them
through the real tree, so a change to the tree's wording or shape that breaks a case fails here.
"""

from __future__ import annotations

import pytest

from docentwijzer.i18n import LANGUAGES
from docentwijzer.training import builtin_cases
from docentwijzer.tree import StepNode, Walk, tree_content


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def skip_steps(walk: Walk) -> None:
    """A step (the conversation guidance) is read, not answered: the group continues."""
    while isinstance(walk.current, StepNode):
        walk.choose(walk.options()[0].target)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_case_walks_to_its_expected_leaf(lang: str) -> None:
    tree = tree_content(lang)
    cases = builtin_cases(lang).cases
    assert len(cases) >= 8
    for case in cases:
        walk = Walk(tree)
        for answer in case.route:
            skip_steps(walk)
            options = {_normal(option.label): option.target for option in walk.options()}
            assert _normal(answer) in options, (
                f"case {case.id}: {answer!r} is not an answer at {walk.path[-1]!r} "
                f"(answers: {list(options)})"
            )
            walk.choose(options[_normal(answer)])
        skip_steps(walk)
        assert walk.at_leaf, f"case {case.id} stops at {walk.path[-1]!r}, not at a leaf"
        assert walk.path[-1] == case.expected_leaf, case.id
