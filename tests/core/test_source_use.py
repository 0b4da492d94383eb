"""Where the app draws on each source is worked out from the content, every line counted once."""

from __future__ import annotations

import pytest

from docentwijzer.content import load_content
from docentwijzer.content.registry import DOCUMENTS
from docentwijzer.i18n import LANGUAGES, Lang, t
from docentwijzer.source_use import DOCUMENT_AREAS, cited_in, source_uses
from docentwijzer.sources import catalogue
from docentwijzer.tree import Leaf, tree_content
from tests.core.test_sources import sources_in


def test_every_content_document_belongs_to_an_area_with_a_name() -> None:
    assert set(DOCUMENTS) <= set(DOCUMENT_AREAS)
    for area_id in DOCUMENT_AREAS.values():
        for lang in LANGUAGES:
            assert t(f"app.area_{area_id}", lang=lang) != f"app.area_{area_id}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cited_line_is_counted_once_under_its_source(lang: Lang) -> None:
    uses = source_uses(lang)
    assert list(uses) == list(catalogue().sources)
    counted = sum(use.lines for areas in uses.values() for use in areas)
    cited = sum(
        len(sources_in(load_content(name, model, lang))) for name, model in DOCUMENTS.items()
    )
    assert counted == cited > 500


def test_a_leaf_of_the_tree_is_named_under_the_sources_it_cites() -> None:
    tree = tree_content("nl")
    leaf = next(node for node in tree.nodes if isinstance(node, Leaf) and node.id == "ZELFDODING")
    refs = {source.ref for _, source in cited_in(tree) if _ == leaf.title}
    assert "113-zelfmoordpreventie" in refs
    uses = source_uses("nl")
    for ref in refs:
        tree_use = next(use for use in uses[ref] if use.area_id == "beslisboom")
        assert leaf.title in tree_use.parts
        assert tree_use.name("nl") == "Beslisboom" and tree_use.name("en") == "Referral guide"


def test_a_source_no_content_cites_has_no_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    import docentwijzer.content.registry as registry

    monkeypatch.setattr(registry, "DOCUMENTS", {"hulp": DOCUMENTS["hulp"]})
    uses = source_uses("en")
    assert [use.area_id for use in uses["113-zelfmoordpreventie"]] == ["acuut"]
    assert uses["legare-sure-2010"] == []
