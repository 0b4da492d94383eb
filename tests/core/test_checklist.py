"""The signalling checklist: faithful to its seed, alike in both languages, never a diagnosis."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from docentwijzer import i18n
from docentwijzer.checklist import (
    TREE_ORDER,
    ChecklistContent,
    Tick,
    checklist_content,
    pseudonym_warning,
    suggested_node,
    summarise,
    ticks_from_context,
)
from docentwijzer.content import ContentError, parse_content
from docentwijzer.handoff import ObservedSignal, SignalContext
from docentwijzer.i18n import LANGUAGES, catalog

SOURCE = "dopmeijer-dias-studentenwelzijn"

# A copy of the lines of J. Dopmeijer's slides on student wellbeing (the catalogue's
# 'dopmeijer-dias-studentenwelzijn'), which are not part of the package.
# Slide "Hoe weet je dat er een probleem is? (Korevaar)":
KOREVAAR_SEED = [
    "De student vertelt het je",
    "Andere studenten of collega’s hebben bezorgdheid geuit",
    "Je ruikt regelmatig een alcohol of cannabisgeur of iemand oogt vaak onder invloed",
    "Sterke verandering in studieprestaties",
    "Je merkt veranderingen in gedrag, stemming en voorkomen van student:",
    "Terugtrekken, desinteresse, somber, angstig, bedroefd, boosheid, conflicten, hyperactief",
    "Gewichtsverlies of gewichtstoename",
    "Afname persoonlijke hygiëne",
]
# Slide "Signalen van een lage mate van sense of belonging:":
BELONGING_SEED = [
    "Uitstelgedrag",
    "Gedragsproblemen: agressie of in zichzelf gekeerd",
    "Terugtrekkend gedrag",
    "Weinig interesse in de studie of prestaties",
    "Weinig geloof in zichzelf (lage self-efficacy)",
    "Vertraging en uitval",
]
MOOD_WORDS = 8  # the seed's one line of words, each tickable on its own


def _group(lang: str, group_id: str):  # type: ignore[no-untyped-def]
    return next(g for g in checklist_content(lang).groups if g.id == group_id)  # type: ignore[arg-type]


def test_every_korevaar_item_is_there_in_the_seed_wording() -> None:
    signals = _group("nl", "korevaar").signals
    plain = [s.text for s in signals if not s.lead]
    assert plain == KOREVAAR_SEED[:4]
    under_lead = [s for s in signals if s.lead]
    assert {s.lead for s in under_lead} == {KOREVAAR_SEED[4]}
    words = [s.text for s in under_lead[:MOOD_WORDS]]
    rebuilt = ", ".join([words[0], *(w.lower() for w in words[1:])])
    assert rebuilt == KOREVAAR_SEED[5]
    assert [s.text for s in under_lead[MOOD_WORDS:]] == KOREVAAR_SEED[6:]
    assert _group("nl", "korevaar").title == "Hoe weet je dat er een probleem is? (Korevaar)"


def test_every_belonging_signal_is_there_in_the_seed_wording() -> None:
    group = _group("nl", "belonging")
    assert [s.text for s in group.signals] == BELONGING_SEED
    assert group.title == "Signalen van een lage mate van sense of belonging"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_item_names_its_seed_slide(lang: str) -> None:
    for group in checklist_content(lang).groups:  # type: ignore[arg-type]
        if group.id == "advies-113":  # 113's advice, quoted by GGzE: not Korevaar's list
            for signal in [*group.signals, group]:
                assert signal.source.ref == "ggze-praten-helpt-2023"
                assert "113" in signal.source.label(lang)  # type: ignore[arg-type]
            continue
        for signal in [*group.signals, group]:
            assert signal.source.ref == SOURCE
            assert "Dopmeijer" in signal.source.label(lang)  # type: ignore[arg-type]
        slide = "Hoe weet je" if group.id == "korevaar" else "sense of belonging"
        assert all(slide in s.source.detail for s in group.signals)


def test_the_death_signal_comes_from_113s_advice_first_and_opens_the_suicide_guidance() -> None:
    for lang, mark in (("nl", "113"), ("en", "113")):
        content = checklist_content(lang)  # type: ignore[arg-type]
        first = content.groups[0]
        assert first.id == "advies-113" and mark in first.title  # not Korevaar's list
        [signal] = first.signals
        assert signal.id == "doodsgedachten" and signal.points_to == "ZELFDODING"
    nl = checklist_content("nl").signal("doodsgedachten")
    assert "over de dood" in nl.text and "niet meer willen leven" in nl.text
    assert "zelfmoord" in nl.text
    summary = summarise(checklist_content("nl"), [Tick(signal_id="doodsgedachten")])
    assert summary.context.suggested_node == "ZELFDODING" and not summary.context.urgent
    assert "opent meteen de stappen bij gedachten aan zelfdoding" in summary.as_text()
    assert "113 of 0800-0113" in summary.as_text() and "bel 112" in summary.as_text()


def test_english_has_the_same_items_in_the_same_order_and_is_translated() -> None:
    nl, en = checklist_content("nl"), checklist_content("en")
    assert [s.id for s in nl.signals()] == [s.id for s in en.signals()]
    assert [s.points_to for s in nl.signals()] == [s.points_to for s in en.signals()]
    assert [bool(s.lead) for s in nl.signals()] == [bool(s.lead) for s in en.signals()]
    for a, b in zip(nl.signals(), en.signals(), strict=True):
        if a.text not in ("Hyperactief",):
            assert a.text != b.text, a.id
    assert en.signal("vertelt").text == "The student tells you"
    assert en.signal("uitstel").text == "Procrastination"


def test_only_these_signals_point_into_the_tree() -> None:
    content = checklist_content("nl")
    assert {s.id: s.points_to for s in content.signals() if s.points_to} == {
        "doodsgedachten": "ZELFDODING",
        "vertelt": "behoefte",  # the student told you: you have talked, "yes" at that question
        "bezorgdheid": "GESPREK",  # others told you: talk to the student yourself first
        "middelen": "MIDDELEN",
    }
    assert {s.id: s.channel for s in content.signals() if s.channel} == {"bezorgdheid": "via_other"}


def test_every_node_a_signal_points_to_has_an_emphasis_sentence() -> None:
    for signal in checklist_content("nl").signals():
        if signal.points_to:
            assert f"checklist.emphasis_{signal.points_to.lower()}" in catalog()


def _raw() -> dict:  # type: ignore[type-arg]
    text = (resources.files("docentwijzer.content") / "nl" / "signalering.json").read_text("utf-8")
    return json.loads(text)


def test_a_signal_without_source_is_refused_with_its_id() -> None:
    raw = _raw()
    del raw["groups"][1]["signals"][2]["source"]
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(raw), ChecklistContent, "content/nl/signalering.json")
    assert "middelen" in str(caught.value) and "source" in str(caught.value)


def test_a_doubled_signal_id_and_an_unknown_tree_node_are_refused() -> None:
    raw = _raw()
    raw["groups"][2]["signals"][0]["id"] = "vertelt"
    with pytest.raises(ContentError, match="vertelt"):
        parse_content(json.dumps(raw), ChecklistContent, "x.json")
    raw = _raw()
    raw["groups"][1]["signals"][0]["points_to"] = "DIAGNOSE"
    with pytest.raises(ContentError, match="points_to"):
        parse_content(json.dumps(raw), ChecklistContent, "x.json")


def test_items_under_one_lead_must_stand_together() -> None:
    raw = _raw()
    signals = raw["groups"][1]["signals"]
    signals.append(signals.pop(6))  # a mood word moved away from its lead, after "hygiene"
    signals.append({**signals[0], "id": "los"})  # a plain item after the lead run
    signals[-1], signals[-2] = signals[-2], signals[-1]
    with pytest.raises(ContentError, match="stand together"):
        parse_content(json.dumps(raw), ChecklistContent, "x.json")


# -- summary ------------------------------------------------------------------------------------

DAY = date(2026, 11, 16)


def test_summary_groups_in_list_order_with_observations_and_dates() -> None:
    content = checklist_content("nl")
    summary = summarise(
        content,
        [
            Tick(signal_id="uitstel", observed_on=DAY),
            Tick(signal_id="angstig", observed_on=DAY),
            Tick(signal_id="somber", observation="  zat  alleen\nachterin ", observed_on=DAY),
            Tick(signal_id="bezorgdheid", observed_on=date(2026, 11, 2)),
        ],
        pseudonym="  S-12 ",
    )
    text = summary.as_text()
    assert text.startswith("Over: S-12")
    assert [g.title for g in summary.groups] == [
        "Signalen dat er een probleem kan zijn (Korevaar)",
        "Signalen van weinig verbondenheid (sense of belonging)",
    ]
    assert [line.text for line in summary.groups[0].lines] == [
        "Andere studenten of collega’s hebben bezorgdheid geuit",
        "Somber",
        "Angstig",
    ]
    assert "- Andere studenten of collega’s hebben bezorgdheid geuit (02-11-2026)" in text
    assert "- Je merkt veranderingen in gedrag, stemming en voorkomen van student:\n" in text
    assert "  - Somber (16-11-2026): “zat alleen achterin”\n  - Angstig (16-11-2026)" in text
    assert "- Uitstelgedrag (16-11-2026)" in text
    assert "reden om met de student in gesprek te gaan, geen conclusie" in text
    assert summary.context.pseudonym == "S-12"
    assert [s.signal_id for s in summary.context.signals] == [
        "bezorgdheid",
        "somber",
        "angstig",
        "uitstel",
    ]
    assert summary.context.signals[1].label.endswith("van student: Somber")
    assert summary.context.signals[1].observation == "zat alleen achterin"
    assert summary.context.urgent is False
    # "others voiced concern": talk to the student yourself first, and it came through others
    assert summary.context.suggested_node == "GESPREK"
    assert summary.context.channel == "via_other"


def test_summary_never_names_a_diagnosis() -> None:
    for lang in LANGUAGES:
        i18n.set_language(lang)
        content = checklist_content(lang)
        everything = [Tick(signal_id=s.id) for s in content.signals()]
        text = summarise(content, everything, urgent=True).as_text().lower()
        for word in ("depressie", "depression", "verslaafd", "addicted", "stoornis", "disorder"):
            assert word not in text
        assert ("geen diagnose" if lang == "nl" else "do not diagnose") in text


def test_telling_means_you_talked_and_substances_lead_to_their_leaf() -> None:
    content = checklist_content("nl")
    told = summarise(content, [Tick(signal_id="vertelt")])
    assert told.context.suggested_node == "behoefte"
    assert "de student het je vertelde: jullie hebben al gepraat" in told.as_text()
    assert told.context.channel is None  # telling can be in person or by e-mail: not known
    smell = summarise(content, [Tick(signal_id="middelen")])
    assert smell.context.suggested_node == "MIDDELEN"
    assert "middelengebruik" in smell.as_text()
    both = summarise(content, [Tick(signal_id="middelen"), Tick(signal_id="vertelt")])
    assert both.context.suggested_node == "behoefte"  # the earliest in the tree's order
    assert both.context.suggested_nodes == ["behoefte", "MIDDELEN"]
    assert len(both.emphasis) == 3


def test_urgent_is_carried_and_said_first_with_112() -> None:
    content = checklist_content("nl")
    summary = summarise(content, [Tick(signal_id="somber")], urgent=True)
    assert summary.context.urgent is True
    assert summary.emphasis[0].startswith("Je gaf aan dat er nu gevaar is")
    assert "112" in summary.emphasis[0]
    assert not any("vraagt eerst" in s for s in summary.emphasis)
    assert summary.observed_text().startswith("Je gaf aan dat er nu gevaar is.")
    assert not summarise(content, [], urgent=True).empty


def test_nothing_ticked_says_so_and_the_tree_still_asks_about_danger() -> None:
    summary = summarise(checklist_content("nl"), [])
    assert summary.empty
    assert "Over: anoniem" in summary.as_text()
    assert "Je hebt nog niets aangevinkt." in summary.as_text()
    assert summary.emphasis == ["De beslisboom vraagt eerst of er nu gevaar is."]
    assert summary.observed_text() == ""


def test_english_summary_is_english() -> None:
    i18n.set_language("en")
    summary = summarise(checklist_content("en"), [Tick(signal_id="vertelt", observed_on=DAY)])
    text = summary.as_text()
    assert text.startswith("About: anonymous")
    assert "- The student tells you (16 Nov 2026)" in text
    assert "you have talked already, so the referral guide then asks what the student needs" in text


def test_an_unknown_tick_is_an_error() -> None:
    with pytest.raises(ValueError, match="nope"):
        summarise(checklist_content("nl"), [Tick(signal_id="nope")])


def test_suggested_node_follows_the_tree_order() -> None:
    content = checklist_content("nl")
    assert suggested_node([content.signal("middelen"), content.signal("bezorgdheid")]) == "GESPREK"
    assert suggested_node([content.signal("middelen"), content.signal("doodsgedachten")]) == (
        "ZELFDODING"
    )
    assert suggested_node([content.signal("somber")]) is None
    assert TREE_ORDER.index("GESPREK") < TREE_ORDER.index("behoefte")
    assert TREE_ORDER.index("behoefte") < TREE_ORDER.index("MIDDELEN")


def test_a_saved_context_round_trips_and_reports_signals_no_longer_listed() -> None:
    content = checklist_content("nl")
    summary = summarise(
        content,
        [Tick(signal_id="somber", observation="stil", observed_on=DAY), Tick(signal_id="uitstel")],
        pseudonym="AB",
        urgent=True,
    )
    dumped = json.loads(json.dumps(summary.context.model_dump(mode="json")))
    restored = SignalContext.model_validate(dumped)
    old = ObservedSignal(signal_id="oud-signaal", label="Iets van vroeger")
    restored.signals.append(old)
    ticks, missing = ticks_from_context(content, restored)
    assert (ticks[0].signal_id, ticks[0].observation, ticks[0].observed_on) == (
        "somber",
        "stil",
        DAY,
    )
    assert [t.signal_id for t in ticks] == ["somber", "uitstel"]
    assert missing == [old]
    again = summarise(content, ticks, pseudonym=restored.pseudonym, urgent=restored.urgent)
    assert again.context.signals == summary.context.signals


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("AB", None),
        ("S-12", None),
        ("jdv", None),
        ("A.B. C", None),
        ("", None),
        ("Jan de Vries", "naam"),
        ("anna smit", "naam"),
        ("a.smit@student.hva.nl", "e-mailadres"),
        ("500812345", "studentnummer"),
    ],
)
def test_a_pseudonym_that_looks_like_a_name_email_or_number_gets_a_gentle_warning(
    text: str, warns: str | None
) -> None:
    warning = pseudonym_warning(text)
    if warns is None:
        assert warning is None
    else:
        assert warning is not None and warns in warning
