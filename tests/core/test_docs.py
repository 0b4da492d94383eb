"""docs/ holds the design as built: the tree's node list is generated from the content and kept
in step, and the architecture page names every module of the package."""

from __future__ import annotations

from pathlib import Path

from docentwijzer.tree import Leaf, StepNode, tree_content
from docentwijzer.tree_doc import LIST_END, LIST_START, tree_markdown, with_tree

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PACKAGE = ROOT / "docentwijzer"


def test_the_tree_specification_is_the_tree_as_built() -> None:
    document = (DOCS / "beslisboom.md").read_text(encoding="utf-8")
    assert LIST_START in document and LIST_END in document
    assert with_tree(document) == document, (
        "docs/beslisboom.md differs from the tree: run "
        "`.venv/bin/python -m docentwijzer.tree_doc docs/beslisboom.md`"
    )


def test_the_generated_list_names_every_node_answer_and_way_on() -> None:
    listed = tree_markdown()
    nl, en = tree_content("nl"), tree_content("en")
    for node in nl.nodes:
        assert f"### `{node.id}` (" in listed
        english = en.node(node.id)
        name = node.text if not isinstance(node, Leaf | StepNode) else node.title
        other = english.text if not isinstance(english, Leaf | StepNode) else english.title
        assert f"- nl: {name}" in listed and f"- en: {other}" in listed
        for answer in getattr(node, "answers", []) + getattr(node, "onward", []):
            assert f"“{answer.label}”" in listed and f"→ `{answer.next}`" in listed


def test_a_changed_tree_makes_the_page_stale() -> None:
    """The check above can fail: a renamed answer no longer matches the page."""
    nl = tree_content("nl")
    start = nl.node("start")
    renamed = start.model_copy(  # type: ignore[union-attr]
        update={"text": "Een andere vraag?"}
    )
    changed = nl.model_copy(update={"nodes": [renamed, *nl.nodes[1:]]})
    assert tree_markdown(changed) != tree_markdown()


def _modules() -> list[str]:
    core = [
        path.name
        for path in sorted(PACKAGE.glob("*.py"))
        if path.name not in ("__init__.py", "__main__.py")
    ]
    core += [f"content/{p.name}" for p in sorted((PACKAGE / "content").glob("*.py"))]
    ui = [
        f"ui/{path.name}"
        for path in sorted((PACKAGE / "ui").glob("*.py"))
        if path.name != "__init__.py"
    ]
    ui += [
        f"ui/{path.name}/"
        for path in sorted((PACKAGE / "ui").iterdir())
        if path.is_dir() and (path / "__init__.py").exists()
    ]
    return core + ui


def test_the_architecture_page_names_every_module() -> None:
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    missing = [name for name in _modules() if f"`{name}`" not in page]
    assert not missing, f"docs/architecture.md does not name: {missing}"
