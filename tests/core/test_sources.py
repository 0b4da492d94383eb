"""Every line a teacher sees cites a public source a person can look up, and nothing else.

The catalogue of public sources validates; every content item's source resolves to it; every
citation and every visible content or interface string is free of file names, "seed",
design-document paths and node ids; and nothing in the repository names a path outside it.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pypdf import PdfReader

from docentwijzer.belonging import belonging_content
from docentwijzer.belonging_pdf import write_cards, write_handout
from docentwijzer.content import ContentError, load_content, parse_content
from docentwijzer.content.registry import DOCUMENTS
from docentwijzer.handoff import SignalContext
from docentwijzer.helplines import HelpContent, help_content
from docentwijzer.i18n import LANGUAGES, Lang, catalog
from docentwijzer.profile import InstitutionProfile
from docentwijzer.sources import Source, catalogue, cited_once, parse_catalogue, with_catalogue
from docentwijzer.tree import Destination, Leaf, Walk, resolve_contacts, tree_content
from docentwijzer.tree_pdf import write_route_pdf

ROOT = Path(__file__).resolve().parents[2]

#: What must never reach a teacher's eyes: our file names, the brief's seeds and design files.
FORBIDDEN = [
    re.compile(r"\.txt\b"),
    re.compile(r"\bseeds?\b", re.IGNORECASE),
    re.compile(r"design/"),
    re.compile(r"\.md\b"),
    re.compile(r"\b\d{3}_[0-9a-f]{16}\b"),
]

#: Node ids written in capitals (leaves and steps) read as code, never as text.
NODE_IDS = sorted(set(Destination.__args__) | {"GESPREK"})  # type: ignore[attr-defined]
NODE_ID = re.compile(r"\b(" + "|".join(NODE_IDS) + r")\b")

#: Fields of content files that hold data, not text a person reads.
DATA_FIELDS = {
    "id",
    "ref",
    "kind",
    "next",
    "language",
    "contact",
    "expected_leaf",
    "theme",
    "moments",
    "tools",
    "role",
    "numbers_checked",
    "group",
    "destination",
    "leads_to",
    "signal_id",
    "weight",
    "points_to",
    "say",  # phrase ids of the tree's phrase book
    "skill",  # a practice choice's skill id
}

#: The tree's own words for its parts, which an English reader must never meet: Dutch ones
#: ("blad", "tak", "vraag") and the code's ("leaf", "node"). Placeholders are left out first.
TREE_JARGON_EN = re.compile(r"\b(blad|tak|vraag|leaf|node|nodes)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def tree_jargon(text: str) -> list[str]:
    return [m.group(0) for m in TREE_JARGON_EN.finditer(PLACEHOLDER.sub("", text))]


def problems_in(text: str) -> list[str]:
    found = [pattern.pattern for pattern in FORBIDDEN if pattern.search(text)]
    found += [f"node id {m.group(0)}" for m in NODE_ID.finditer(text)]
    return found


def visible_strings(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every string a person reads in a content document, with where it sits."""
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            if key in DATA_FIELDS or key in ("source", "sources"):
                continue
            found += visible_strings(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += visible_strings(child, f"{path}[{index}]")
    elif isinstance(value, str):
        found.append((path, value))
    return found


def sources_in(value: Any) -> list[Source]:
    """Every Source object in a loaded document."""
    found: list[Source] = []
    if isinstance(value, Source):
        found.append(value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += sources_in(getattr(value, name))
    elif isinstance(value, list | tuple):
        for child in value:
            found += sources_in(child)
    elif isinstance(value, dict):
        for child in value.values():
            found += sources_in(child)
    return found


# -- the catalogue --------------------------------------------------------------------------------


def test_the_catalogue_validates_and_says_where_to_find_each_source() -> None:
    sources = catalogue().sources
    assert "landelijk-kader-2023" in sources and "handreiking-prestatiedruk-2023" in sources
    for key, entry in sources.items():
        assert entry.address or entry.where is not None, key
        if entry.kind == "web":
            assert entry.checked and entry.site, key
        else:
            assert entry.year is not None or entry.year_note is not None, key


def test_the_five_documents_of_the_brief_are_public_documents_with_title_publisher_year() -> None:
    kader = catalogue().sources["landelijk-kader-2023"]
    assert kader.title == "Landelijk Kader Studentenwelzijn 2023-2030" and kader.year == 2023
    assert kader.organisation == "VH, UNL, ISO, LSVb, OCW"
    handreiking = catalogue().sources["handreiking-prestatiedruk-2023"]
    assert handreiking.year == 2023 and "Trimbos" in handreiking.organisation
    assert "af2104" in handreiking.address
    # A year that cannot be established is said so, never made up.
    slides = catalogue().sources["dopmeijer-dias-studentenwelzijn"]
    assert slides.year is None and slides.year_note is not None
    assert "z.j." in Source(ref="dopmeijer-dias-studentenwelzijn").label("nl")
    assert "n.d." in Source(ref="dopmeijer-dias-studentenwelzijn").label("en")


def _catalogue_raw() -> dict[str, Any]:
    text = (resources.files("docentwijzer.content") / "bronnen.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    return raw


def test_a_web_page_without_the_month_it_was_checked_is_refused_by_name() -> None:
    raw = _catalogue_raw()
    del raw["sources"]["113-zelfmoordpreventie"]["checked"]
    with pytest.raises(ContentError) as caught:
        parse_catalogue(json.dumps(raw))
    message = str(caught.value)
    assert "content/bronnen.json" in message and "113-zelfmoordpreventie" in message
    assert "checked" in message


def test_a_document_with_neither_year_nor_reason_is_refused() -> None:
    raw = _catalogue_raw()
    del raw["sources"]["dopmeijer-dias-studentenwelzijn"]["year_note"]
    with pytest.raises(ContentError, match="dopmeijer-dias-studentenwelzijn"):
        parse_catalogue(json.dumps(raw))


def test_a_badly_formed_key_is_refused() -> None:
    raw = _catalogue_raw()
    raw["sources"]["Seed 000.txt"] = raw["sources"]["landelijk-kader-2023"]
    with pytest.raises(ContentError, match=re.escape("Seed 000.txt")):
        parse_catalogue(json.dumps(raw))


def test_a_title_without_its_english_gloss_is_refused_by_name() -> None:
    raw = _catalogue_raw()
    del raw["sources"]["113-onderwijs"]["title_en"]
    with pytest.raises(ContentError) as caught:
        parse_catalogue(json.dumps(raw))
    assert "113-onderwijs" in str(caught.value) and "title_en" in str(caught.value)


def test_dutch_titles_are_glossed_for_english_readers_and_english_ones_are_not() -> None:
    sources = catalogue().sources
    kader = sources["landelijk-kader-2023"]
    assert kader.gloss("en") == "National Framework for Student Wellbeing 2023-2030"
    assert kader.gloss("nl") == ""
    assert sources["legare-sure-2010"].gloss("en") == ""  # published in English
    # every entry with a title has a gloss that is not the Dutch title, unless it is English
    english = {"legare-sure-2010", "red-folder-washu", "red-folder-penn-state"}
    for key, entry in sources.items():
        if entry.title and key not in english:
            assert entry.gloss("en") and entry.gloss("en") != entry.title, key


# -- content refers to it -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_content_item_source_resolves_to_the_catalogue(name: str) -> None:
    keys = catalogue().sources
    for lang in LANGUAGES:
        found = sources_in(load_content(name, DOCUMENTS[name], lang))
        assert found, name
        for source in found:
            assert source.ref in keys
            assert source.public is keys[source.ref]


def _help_with_source(ref: str) -> str:
    raw = json.loads(
        (resources.files("docentwijzer.content") / "nl" / "hulp.json").read_text("utf-8")
    )
    raw["helplines"][2]["source"] = {"ref": ref, "detail": "x"}
    return json.dumps(raw)


@pytest.mark.parametrize(
    "ref",
    ["999_unknown.txt", "001_" + "344d59752626509e.txt", "design/" + "beslisboom.md, blad ACUUT"],
)
def test_an_unknown_source_is_a_content_error_naming_file_item_and_field(ref: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_content(_help_with_source(ref), HelpContent, "content/nl/hulp.json")
    message = str(caught.value)
    assert "content/nl/hulp.json" in message and "politie" in message and "'ref'" in message
    assert "onbekende bron" in message and "Traceback" not in message


def test_a_check_date_belongs_in_the_catalogue_not_in_the_item() -> None:
    raw = json.loads(_help_with_source("politie"))
    raw["helplines"][2]["source"]["checked"] = "2026-11"
    with pytest.raises(ContentError, match="checked"):
        parse_content(json.dumps(raw), HelpContent, "content/nl/hulp.json")


# -- what is shown --------------------------------------------------------------------------------


def test_labels_cite_title_organisation_year_and_section() -> None:
    kader = Source(ref="landelijk-kader-2023", detail="§ Preventie")
    assert kader.label("nl") == (
        "Landelijk Kader Studentenwelzijn 2023-2030 (VH, UNL, ISO, LSVb, OCW, 2023), § Preventie"
    )
    web = Source(ref="113-onderwijs").label("nl")
    assert web == (
        "113 Zelfmoordpreventie, ‘Suïcidepreventie in het onderwijs’ "
        "(113.nl, geraadpleegd december 2026)"
    )
    assert Source(ref="113-onderwijs").label("en").endswith("(113.nl, checked December 2026)")


def test_each_publication_is_cited_once_with_the_sections_a_reader_looks_up() -> None:
    # A leaf cites one web page for four of its lines: one entry with its headings, not four
    # repetitions of the title with our own paraphrase after each.
    nos = "nos-praten-over-zelfmoordgedachten-2020"
    cited = cited_once(
        [
            Source(
                ref=nos, detail="'Hoe begin je een gesprek?': begin met benoemen van wat je ziet"
            ),
            Source(ref="113-zelfmoordpreventie"),
            Source(ref=nos, detail="'Hoe begin je een gesprek?': duidelijk vragen"),
            Source(ref=nos, detail="'Wat moet je doen of zeggen?': leg uit waarom je het vraagt"),
            Source(ref="113-zelfmoordpreventie"),
            Source(ref="landelijk-kader-2023", detail="§ Preventie"),
        ],
        "nl",
    )
    assert cited == [
        "NOS, ‘Praten over zelfmoordgedachten is belangrijk, maar hoe doe je dat?’ "
        "(nos.nl, 2020, geraadpleegd december 2026): "
        "'Hoe begin je een gesprek?'; 'Wat moet je doen of zeggen?'",
        "113 Zelfmoordpreventie (113.nl, geraadpleegd november 2026)",
        "Landelijk Kader Studentenwelzijn 2023-2030 (VH, UNL, ISO, LSVb, OCW, 2023): § Preventie",
    ]
    # a colon inside a quoted heading is part of the heading
    quoted = Source(ref=nos, detail="dia 'Hoe weet je: Korevaar': signalen")
    assert quoted.section == "dia 'Hoe weet je: Korevaar'"
    assert Source(ref=nos, detail="§ 3.5; § 2.2").section == "§ 3.5; § 2.2"
    # an apostrophe inside a word is no quote; a colon inside brackets belongs to the heading
    tips = Source(ref=nos, detail="113's conversation tips: 'Knoop een gesprekje aan': start")
    assert tips.section == "113's conversation tips"
    roles = Source(ref=nos, detail="Rollen (roles: teacher, counsellor): docenten signaleren")
    assert roles.section == "Rollen (roles: teacher, counsellor)"
    # one heading, once: with or without a gloss in brackets after it
    same = cited_once(
        [
            Source(ref=nos, detail="'Wat kan ik doen?' (suicidal remarks): keep notes"),
            Source(ref=nos, detail="'Wat kan ik doen?': ask what they need"),
            Source(ref=nos, detail="'Wat kan ik doen?' (remarks by a pupil): ask what they need"),
        ],
        "en",
    )
    assert same[0].endswith(": 'Wat kan ik doen?' (suicidal remarks)")


def test_every_label_in_both_languages_is_a_public_citation() -> None:
    for key in catalogue().sources:
        for lang in LANGUAGES:
            for text in (Source(ref=key).label(lang), Source(ref=key).short(lang)):
                assert not problems_in(text), (key, lang, text)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_visible_content_string_names_a_file_seed_design_document_or_node_id(
    name: str,
) -> None:
    for lang in LANGUAGES:
        document = load_content(name, DOCUMENTS[name], lang)
        bad = [
            (path, text, problems_in(text))
            for path, text in visible_strings(document.model_dump())
            if problems_in(text)
        ]
        bad += [
            (source.ref, source.label(lang), problems_in(source.label(lang)))
            for source in sources_in(document)
            if problems_in(source.label(lang))
        ]
        assert not bad, (name, lang, bad[:5])


def test_no_interface_string_names_a_file_seed_design_document_or_node_id() -> None:
    bad = []
    for key, entry in catalog().items():
        for lang in LANGUAGES:
            text = entry.get(lang)
            if problems_in(text):
                bad.append((key, lang, text))
    assert not bad, bad[:5]


def test_the_jargon_check_finds_what_an_english_reader_would_trip_over() -> None:
    assert tree_jargon("The Psychological leaf says: offer the exercise.") == ["leaf"]
    assert tree_jargon("Zie de tak 'Weet ik niet zeker' (vraag 'start')") == ["tak", "vraag"]
    assert tree_jargon("You arrive at: {leaf}. He leaves without a word.") == []


def test_no_english_string_speaks_the_tree_s_internal_language() -> None:
    """Content and interface text; citations quote Dutch headings as published, glossed."""
    bad = []
    for name in sorted(DOCUMENTS):
        document = load_content(name, DOCUMENTS[name], "en")
        for path, text in visible_strings(document.model_dump()):
            if tree_jargon(text):
                bad.append((name, path, text[:80]))
    for key, entry in catalog().items():
        if tree_jargon(entry.get("en")):
            bad.append(("locale", key, entry.get("en")[:80]))
    assert not bad, bad[:5]


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdfs_cite_public_sources_only(tmp_path: Path, lang: Lang) -> None:
    tree = tree_content(lang)
    walk = Walk(tree, ["start", "zelfdoding", "ZELFDODING"])
    leaf = walk.current
    assert isinstance(leaf, Leaf)
    contacts = resolve_contacts(
        leaf, InstitutionProfile(), help_content(lang), datetime(2026, 12, 2, 10, 0)
    )
    route = tmp_path / "route.pdf"
    write_route_pdf(route, walk, [], contacts, SignalContext(pseudonym="Q7"), date(2026, 12, 2))
    tips = belonging_content(lang).tips[:6]
    handout, cards = tmp_path / "handout.pdf", tmp_path / "cards.pdf"
    write_handout(handout, tips, lang)
    write_cards(cards, tips, lang)
    for path in (route, handout, cards):
        text = _pdf_text(path)
        assert not problems_in(text), (path.name, problems_in(text))
    assert "113 Zelfmoordpreventie" in _pdf_text(route)
    assert "Dopmeijer" in _pdf_text(cards)


# -- the repository stands on its own --------------------------------------------------------------

#: Paths outside the repository that the brief lived in (spelled in pieces so this file passes).
OUTSIDE = [
    re.compile(r"\.\./" + "shared"),
    re.compile("shared" + r"/(seeds|design|tools|hooks)"),
    re.compile(r"\bdesign/[a-z]+\." + "md"),
    re.compile(r"/work/" + r"(shared|wt|main)"),
    re.compile(r"\b\d{3}_[0-9a-f]{16}\." + "txt"),
]
SCANNED = ("*.md", "*.py", "*.json", "*.toml", "*.cfg", "*.txt", "dev", ".ci/*", ".github/**/*")
SKIPPED = {".venv", ".git", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache"}


def _repository_files() -> list[Path]:
    files: set[Path] = set()
    for pattern in SCANNED:
        for path in ROOT.rglob(pattern) if "/" not in pattern else ROOT.glob(pattern):
            relative = path.relative_to(ROOT)
            if (
                path.is_file()
                and not (set(relative.parts) & SKIPPED)
                and "egg-info" not in str(relative)
            ):
                files.add(path)
    return sorted(files)


def test_nothing_in_the_repository_names_a_path_outside_it() -> None:
    files = _repository_files()
    assert ROOT / "README.md" in files and ROOT / "docentwijzer" / "sources.py" in files
    bad = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in OUTSIDE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                bad.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)}")
    assert not bad, bad[:10]


def test_docs_list_every_catalogue_entry_as_generated() -> None:
    document = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    assert with_catalogue(document) == document, (
        "docs/sources.md differs from the catalogue: run "
        "`.venv/bin/python -m docentwijzer.sources docs/sources.md`"
    )
    for key in catalogue().sources:
        assert f"### `{key}`" in document


def test_the_catalogue_file_names_no_key_twice() -> None:
    """JSON keeps the last of two equal keys silently: two engineers adding the same source
    would overwrite one 'uses' with the other without a word."""
    from importlib import resources

    seen: list[str] = []

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        seen.extend(key for key, _ in items)
        keys = [key for key, _ in items]
        doubles = sorted({k for k in keys if keys.count(k) > 1})
        assert not doubles, f"keys given twice in bronnen.json: {doubles}"
        return dict(items)

    text = (resources.files("docentwijzer.content") / "bronnen.json").read_text("utf-8")
    json.loads(text, object_pairs_hook=pairs)
    assert seen
