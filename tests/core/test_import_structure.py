"""No import circles anywhere in the package: every module can be read (and loaded) on its own.

Every import counts, also one inside a function or under ``TYPE_CHECKING``: a circle hidden that
way still ties two modules together. What a package's ``__init__`` re-exports does not count as
an import of the package by its own modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import docentwijzer

ROOT = Path(docentwijzer.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = ["docentwijzer", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports (``from a import b`` counts a.b if a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            submodules = {f"{base}.{alias.name}" for alias in node.names}
            found |= (submodules & known.keys()) or {base}
    return {m for m in found & known.keys() if m != name}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_the_import_graph_is_read() -> None:
    edges = graph()
    assert "docentwijzer.ui.mainwindow" in edges["docentwijzer.ui.application"]
    assert "docentwijzer.ui.trainer_mode" in edges["docentwijzer.ui.mainwindow"]  # lazy import
    assert "docentwijzer.ui.openheid.pages" in edges["docentwijzer.ui.openheid.screen"]


def test_circles_are_found() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_round_about() -> None:
    assert circles(graph()) == []
