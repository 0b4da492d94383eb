"""The referral tree: its data is sound in both languages, and the walk goes where it should."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from docentwijzer.content import ContentError, parse_content
from docentwijzer.handoff import ObservedSignal, SignalContext
from docentwijzer.helplines import help_content
from docentwijzer.i18n import LANGUAGES, set_language
from docentwijzer.profile import ROLES, Contact, InstitutionProfile
from docentwijzer.tree import (
    ACUTE_LEAVES,
    CHANNELS,
    LEAVES,
    START,
    Leaf,
    Question,
    RouteError,
    StepNode,
    TreeContent,
    Walk,
    all_paths,
    follow_up_date,
    is_office_hours,
    note_draft,
    resolve_contacts,
    structural_problems,
    tree_content,
)
from docentwijzer.tree_pdf import write_route_pdf

SATURDAY_EVENING = datetime(2026, 11, 21, 20, 0)
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 0)


def raw_tree(lang: str = "nl") -> dict[str, Any]:
    text = (resources.files("docentwijzer.content") / lang / "beslisboom.json").read_text("utf-8")
    return json.loads(text)


def node_of(raw: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in raw["nodes"] if n["id"] == node_id)


def problems_of(raw: dict[str, Any]) -> str:
    with pytest.raises(ContentError) as caught:
        parse_content(json.dumps(raw), TreeContent, "content/nl/beslisboom.json")
    return str(caught.value)


# -- the data --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tree_is_structurally_sound(lang: str) -> None:
    tree = tree_content(lang)
    assert structural_problems(tree) == []
    start = tree.node(START)
    assert isinstance(start, Question)
    # Urgency first: the first answer of the first question is the urgent leaf.
    assert start.answers[0].next == "ACUUT" and start.answers[0].urgent
    assert start.answers[1].next == "TWIJFEL_GEVAAR"
    assert {leaf.id for leaf in tree.leaves()} == set(LEAVES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_leaf_has_actions_contacts_follow_up_and_sources(lang: str) -> None:
    helpline_ids = {line.id for line in help_content(lang).helplines}
    for leaf in tree_content(lang).leaves():
        assert leaf.actions and leaf.contacts and leaf.sources, leaf.id
        assert leaf.follow_up.text
        for ref in leaf.contacts:
            assert ref.contact in ROLES or ref.contact in helpline_ids or ref.contact == "huisarts"


def test_both_languages_have_the_same_shape() -> None:
    nl, en = tree_content("nl"), tree_content("en")
    assert all_paths(nl) == all_paths(en)
    assert [(p.id, p.kind, p.channels) for p in nl.phrases] == [
        (p.id, p.kind, p.channels) for p in en.phrases
    ]
    for a, b in zip(nl.nodes, en.nodes, strict=True):
        assert a.id == b.id and a.kind == b.kind
        if isinstance(a, Leaf | StepNode) and isinstance(b, Leaf | StepNode):
            assert [x.id for x in a.actions] == [x.id for x in b.actions]
            assert a.say == b.say, a.id
            assert {c: [x.id for x in steps] for c, steps in a.first_steps.items()} == {
                c: [x.id for x in steps] for c, steps in b.first_steps.items()
            }
            fa, fb = a.follow_up, b.follow_up
            assert (fa.days, fa.working_days) == (fb.days, fb.working_days)  # type: ignore[union-attr]
        if isinstance(a, Leaf) and isinstance(b, Leaf):
            assert [c.contact for c in a.contacts] == [c.contact for c in b.contacts]
            assert [(o.next, o.urgent) for o in a.onward] == [(o.next, o.urgent) for o in b.onward]


def test_safety_statements_are_there_as_specified() -> None:
    nl = tree_content("nl")

    def text(leaf_id: str, channel: str = "in_person") -> str:
        leaf = nl.leaf(leaf_id)
        first = leaf.first_steps.get(channel, [])  # type: ignore[call-overload]
        return " ".join(a.text for a in [*first, *leaf.actions])

    acuut = text("ACUUT")
    assert "Bel 112" in acuut and "niet alleen" in acuut and "BHV" in acuut
    assert "protocol" in acuut
    assert "Krijg je geen contact: bel toch 112" in text("ACUUT", "distance")
    doubt = text("TWIJFEL_GEVAAR")
    assert "Overleg nú" in doubt and "huisartsenpost of 113" in doubt
    assert "niet alleen zolang je twijfelt" in doubt and "bel 112" in doubt
    assert "Beloof geen geheimhouding." in doubt
    # 113 comes first, not last in office hours: for advice to you, day and night
    assert nl.leaf("TWIJFEL_GEVAAR").actions[0].text.startswith("Bel 113 voor advies")
    assert nl.leaf("TWIJFEL_GEVAAR").contacts[0].contact == "113"
    assert "niet alleen" not in text("TWIJFEL_GEVAAR", "distance")
    suicide = text("ZELFDODING")
    for must in (
        "Neem het serieus en vraag er rechtstreeks naar",
        "Beloof geen geheimhouding",
        "24/7 gratis en anoniem 113 of 0800-0113, of chat op 113.nl",
        "Zoek samen hulp bij de eigen huisarts van de student",
        "kan het niet wachten tot de volgende werkdag, dan bij de huisartsenpost",
        "Bij direct gevaar: bel 112",
        "Ook jij kunt 113 bellen voor advies",
    ):
        assert must in suicide
    safety = text("SOCIALE_VEILIGHEID")
    for must in ("Luister", "Spreek de ander niet zelf aan", "Schrijf op", "vertrouwenspersoon"):
        assert must in safety
    for must in ("Veilig Thuis", "0800-2000", "0900-8844", "0800-0188", "bel 112", "online"):
        assert must in safety
    role = " ".join(p.text for p in nl.your_role)
    assert "geen diagnose" in role and "geen geheimhouding" in role and "113" in role
    for lang in LANGUAGES:
        raw = json.dumps(raw_tree(lang))
        assert "0900-0113" not in raw


@pytest.mark.parametrize(
    ("lang", "doctor", "today"), [("nl", "huisarts", "vandaag"), ("en", "GP", "today")]
)
def test_no_line_says_the_gp_today(lang: str, doctor: str, today: str) -> None:
    # No public source says "the GP today" in so many words (113: seek help together with the
    # GP; a huisartsenpost: for what cannot wait until the next working day): the tree says less.
    tree = tree_content(lang)
    lines = [p.text for p in tree.phrases]
    for node in tree.nodes:
        if isinstance(node, Leaf | StepNode):
            steps = [a for channel in node.first_steps.values() for a in channel]
            lines += [a.text for a in [*steps, *node.actions]]
        if isinstance(node, Leaf):
            lines += [c.note for c in node.contacts] + [o.hint for o in node.onward]
    said = [line for line in lines if doctor.casefold() in line.casefold()]
    assert said, "the tree names the GP"
    assert not [line for line in said if today in line.casefold()]


@pytest.mark.parametrize(
    ("lang", "own_safety", "promises"),
    [
        ("nl", "Breng jezelf niet in gevaar.", ("er gebeurt niets zonder", "beloofd")),
        ("en", "Do not put yourself in danger.", ("nothing happens unless", "I promise")),
    ],
)
def test_what_the_safety_review_found_stays_fixed(
    lang: str, own_safety: str, promises: tuple[str, ...]
) -> None:
    tree = tree_content(lang)
    # Not sure about danger, with the student: stay, but the teacher's own safety first (the
    # doubt may be about danger to others), as on the urgent leaf.
    doubt = tree.leaf("TWIJFEL_GEVAAR").first_steps["in_person"][0]
    urgent = tree.leaf("ACUUT").first_steps["in_person"][0]
    assert own_safety in doubt.text and own_safety in urgent.text
    # No sentence to say promises what someone else will keep to themselves or not do (the
    # confidential adviser's rules are the institution's; one university's page is no promise).
    said = [p.text for p in tree.phrases if p.kind != "avoid"]
    for words in promises:
        assert not [text for text in said if words.casefold() in text.casefold()], words
    # "I'll stay with you until help arrives" cites the source that says so
    assert tree.phrase("acuut-blijf").source.ref == "ifightdepression-vragen-naar-zelfdoding"


def test_what_to_say_is_on_the_conversation_step_and_every_leaf() -> None:
    for lang in LANGUAGES:
        tree = tree_content(lang)
        for node in [tree.node("GESPREK"), *tree.leaves()]:
            for channel in CHANNELS:
                phrases = tree.say(node, channel)
                kinds = {p.kind for p in phrases}
                assert {"close", "avoid"} <= kinds, (lang, node.id, channel)
                assert kinds - {"avoid"}, (lang, node.id, channel)
        for leaf_id in ("TWIJFEL_GEVAAR", "ZELFDODING"):
            kinds = {p.kind for p in tree.say(tree.leaf(leaf_id))}
            assert {"opener", "ask", "secrecy", "close", "avoid"} <= kinds
    nl = tree_content("nl")
    said = " ".join(p.text for p in nl.say(nl.leaf("ZELFDODING")))
    assert "een einde aan je leven" in said and "geheimhoud" in said and "113" in said


def test_leaves_cite_the_sources_of_the_design_table() -> None:
    nl = tree_content("nl")
    expected = {
        "ACUUT": "112-alarmnummer",
        "TWIJFEL_GEVAAR": "red-folder-washu",
        "ZELFDODING": "landelijk-kader-2023",
        "PSYCHISCH": "dopmeijer-dias-studentenwelzijn",
        "MIDDELEN": "landelijk-kader-2023",
        "STUDIE": "handreiking-prestatiedruk-2023",
        "OMSTANDIGHEDEN": "handreiking-prestatiedruk-2023",
        "SOCIALE_VEILIGHEID": "landelijk-kader-2023",
        "BINDING": "dopmeijer-webinar-studentenwelzijn",
        "GEEN_HULP": "landelijk-kader-2023",
        "OVERLEG": "landelijk-kader-2023",
    }
    for leaf_id, key in expected.items():
        assert any(s.ref == key for s in nl.leaf(leaf_id).sources), leaf_id


def test_a_cycle_is_refused() -> None:
    raw = raw_tree()
    node_of(raw, "GESPREK")["next"] = "start"
    assert "cycle" in problems_of(raw)


def test_an_unreachable_node_is_refused() -> None:
    raw = raw_tree()
    answers = node_of(raw, "behoefte")["answers"]
    node_of(raw, "behoefte")["answers"] = [a for a in answers if a["next"] != "BINDING"]
    assert "'BINDING' cannot be reached" in problems_of(raw)


def test_an_answer_to_nowhere_is_refused() -> None:
    raw = raw_tree()
    node_of(raw, "gesprek")["answers"][1]["next"] = "NERGENS"
    assert "unknown node 'NERGENS'" in problems_of(raw)


def test_the_urgent_leaf_must_stay_one_answer_from_the_start() -> None:
    raw = raw_tree()
    start = node_of(raw, "start")
    acuut = start["answers"].pop(0)
    node_of(raw, "zelfdoding")["answers"].insert(0, acuut)
    assert "'ACUUT' is not one answer away from the start" in problems_of(raw)


def test_the_urgent_answer_must_come_first() -> None:
    raw = raw_tree()
    start = node_of(raw, "start")
    start["answers"].reverse()
    assert "first answer at the start" in problems_of(raw)


def test_a_leaf_without_contacts_or_actions_is_refused() -> None:
    raw = raw_tree()
    node_of(raw, "STUDIE")["contacts"] = []
    assert "'STUDIE' has no contact" in problems_of(raw)
    raw = raw_tree()
    node_of(raw, "STUDIE")["actions"] = []
    assert "STUDIE" in problems_of(raw)


def test_a_leaf_without_sources_is_refused_and_named() -> None:
    raw = raw_tree()
    del node_of(raw, "ZELFDODING")["actions"][1]["source"]
    message = problems_of(raw)
    assert "ZELFDODING" in message and "source" in message and "ontbreekt" in message


def test_an_urgent_leaf_needs_first_steps_for_every_way_a_worry_arrives() -> None:
    raw = raw_tree()
    del node_of(raw, "ZELFDODING")["first_steps"]["via_other"]
    assert "'ZELFDODING' has no first steps for channel 'via_other'" in problems_of(raw)


def test_the_doubt_leaf_must_lead_on_to_the_suicide_guidance() -> None:
    raw = raw_tree()
    node_of(raw, "TWIJFEL_GEVAAR")["onward"] = []
    message = problems_of(raw)
    assert "'TWIJFEL_GEVAAR' must offer the way on to 'ZELFDODING'" in message
    assert "more than 2 answers from the start via 'TWIJFEL_GEVAAR'" in message


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_conversation_step_leads_on_to_the_suicide_guidance(lang: str) -> None:
    # Talk of death heard in the conversation: a real way on, not "start over, second question".
    tree = tree_content(lang)
    walk = Walk(tree, ["start", "zelfdoding", "gesprek", "GESPREK"])
    options = walk.options()
    assert options[0].target == "behoefte"  # "Verder" stays option 1
    onward = [o for o in options if o.target == "ZELFDODING"]
    assert len(onward) == 1 and onward[0].urgent
    walk.choose("ZELFDODING")
    assert walk.at_leaf() and walk.current.id == "ZELFDODING"
    # the way on is an answer (the teacher decides it), "Verder" is not
    assert walk.answers_given() == 4
    assert walk.breadcrumb()[-1].counts and walk.breadcrumb()[-1].answered == onward[0].label
    step = tree.node("GESPREK")
    assert isinstance(step, StepNode)
    words = " ".join(a.text for a in step.actions).casefold()
    assert "begin opnieuw" not in words and "start over" not in words
    # a saved route through that way on comes back whole
    saved = walk.route().model_dump(mode="json")
    assert Walk.resume(tree, saved).walk.path == walk.path


def test_the_conversation_step_must_lead_on_to_the_suicide_guidance() -> None:
    raw = raw_tree()
    node_of(raw, "GESPREK")["onward"] = []
    assert "'GESPREK' must offer the way on to 'ZELFDODING'" in problems_of(raw)


def test_a_way_on_from_a_leaf_is_checked_like_an_answer() -> None:
    raw = raw_tree()
    onward = node_of(raw, "TWIJFEL_GEVAAR")["onward"][0]
    node_of(raw, "ZELFDODING")["onward"] = [{**onward, "next": "TWIJFEL_GEVAAR"}]
    assert "cycle" in problems_of(raw)
    raw = raw_tree()
    node_of(raw, "TWIJFEL_GEVAAR")["onward"][0]["next"] = "NERGENS"
    assert "unknown node 'NERGENS'" in problems_of(raw)


def test_what_to_say_is_checked() -> None:
    raw = raw_tree()
    node_of(raw, "ZELFDODING")["say"].append("bestaat-niet")
    assert "names unknown phrase 'bestaat-niet'" in problems_of(raw)
    raw = raw_tree()
    phrases = {p["id"]: p for p in raw["phrases"]}
    leaf = node_of(raw, "TWIJFEL_GEVAAR")
    leaf["say"] = [i for i in leaf["say"] if phrases[i]["kind"] != "secrecy"]
    assert "'TWIJFEL_GEVAAR' has no 'secrecy' phrase" in problems_of(raw)
    raw = raw_tree()
    del node_of(raw, "GESPREK")["follow_up"]
    assert "step 'GESPREK' has no follow-up" in problems_of(raw)


def test_a_made_up_contact_is_refused() -> None:
    raw = raw_tree()
    node_of(raw, "STUDIE")["contacts"].append({"contact": "0900-1234567"})
    assert "contact" in problems_of(raw)


# -- the walk ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_path_walks_to_its_leaf_and_back_again(lang: str) -> None:
    tree = tree_content(lang)
    paths = all_paths(tree)
    reached = {path[-1] for path in paths}
    assert reached == set(LEAVES)
    assert ["start", "TWIJFEL_GEVAAR", "ZELFDODING"] in paths
    for path in paths:
        walk = Walk(tree)
        for step in path[1:]:
            walk.choose(step)
        assert walk.at_leaf() and walk.current.id == path[-1]
        assert walk.path == tuple(path)
        assert len(walk.breadcrumb()) == len(path) - 1
        while walk.back():
            pass
        assert walk.path == (START,)


def test_choosing_by_number_back_and_restart() -> None:
    walk = Walk(tree_content("nl"))
    walk.choose_number(3)  # Nee: no danger now
    walk.choose_number(2)  # Nee: no talk of death
    walk.choose_number(1)  # Nee: not talked yet
    assert isinstance(walk.current, StepNode) and walk.current.id == "GESPREK"
    # "Verder" is 1; the way on to the suicide guidance comes after it
    assert [o.target for o in walk.options()] == ["behoefte", "ZELFDODING"]
    walk.choose_number(1)
    walk.choose_number(2)
    assert walk.current.id == "MIDDELEN"
    crumbs = walk.breadcrumb()
    assert [c.answered for c in crumbs][:3] == ["Nee", "Nee", "Nee, nog niet"]
    assert walk.answers_given() == 4 and len(crumbs) == 5  # "Verder" is a press, not an answer
    assert crumbs[-1].answered == "Middelengebruik"
    assert walk.back() and walk.current.id == "behoefte"
    walk.restart()
    assert walk.path == (START,) and not walk.can_go_back() and not walk.back()


def test_a_leaf_offers_no_answers_and_wrong_answers_are_refused() -> None:
    walk = Walk(tree_content("nl"))
    with pytest.raises(RouteError):
        walk.choose("PSYCHISCH")  # not an answer at the start
    with pytest.raises(RouteError):
        walk.choose_number(9)
    walk.go_urgent()
    assert walk.current.id == "ACUUT" and walk.options() == []
    assert walk.breadcrumb()[0].answered == "Ja, er is nú gevaar"


def test_suicide_guidance_is_two_answers_from_the_start_sure_or_not() -> None:
    tree = tree_content("nl")
    for path in (["start", "zelfdoding", "ZELFDODING"], ["start", "TWIJFEL_GEVAAR", "ZELFDODING"]):
        walk = Walk(tree, path)
        assert walk.at_leaf() and walk.answers_given() == 2
    walk = Walk(tree)
    walk.go_suicide()
    assert walk.path == ("start", "zelfdoding", "ZELFDODING")


def test_route_round_trips_with_its_channel_and_a_broken_route_is_refused() -> None:
    tree = tree_content("nl")
    walk = Walk(tree, ["start", "zelfdoding", "gesprek", "behoefte", "STUDIE"], channel="distance")
    data = walk.route(["slb", "not-an-action"]).model_dump(mode="json")
    assert data["done"] == ["slb"] and data["channel"] == "distance"
    assert data["schema_version"] == 2
    assert "Studie" in data["summary"]
    again, done = Walk.restore(tree, json.loads(json.dumps(data)))
    assert again.path == walk.path and done == ["slb"] and again.channel == "distance"
    with pytest.raises(RouteError):
        Walk.restore(tree, {"path": ["start", "STUDIE"]})
    with pytest.raises(RouteError):
        Walk.restore(tree, {"path": ["behoefte"]})
    with pytest.raises(RouteError):
        Walk.restore(tree, {"nonsense": True})
    with pytest.raises(RouteError):  # written by a newer version of the app
        Walk.restore(tree, {**data, "schema_version": 3})


def test_a_first_step_ticked_for_one_channel_is_kept_with_the_route() -> None:
    tree = tree_content("nl")
    walk = Walk(tree, ["start", "TWIJFEL_GEVAAR"], channel="distance")
    data = walk.route(["bel-student", "niet-alleen"]).model_dump(mode="json")
    assert data["done"] == ["bel-student"]  # "niet-alleen" is for in person, not shown now
    _walk, done = Walk.restore(tree, data)
    assert done == ["bel-student"]


def test_a_version_1_route_still_restores_as_in_person() -> None:
    tree = tree_content("nl")
    old = {
        "schema_version": 1,
        "path": ["start", "TWIJFEL_GEVAAR"],
        "done": ["erger"],
        "summary": "Je weet niet zeker of er gevaar is",
    }
    walk, done = Walk.restore(tree, old)
    assert walk.channel == "in_person" and done == ["erger"]
    assert Walk.resume(tree, {"path": ["start", "TWIJFEL_GEVAAR"]}).walk.channel == "in_person"


def test_a_parked_route_resumes_after_the_conversation() -> None:
    tree = tree_content("nl")
    walk = Walk(tree, ["start", "zelfdoding", "gesprek", "GESPREK"], channel="distance")
    saved = walk.route(["reageer"]).model_dump(mode="json")
    resumed = Walk.resume(tree, saved)
    assert resumed.complete and resumed.continued and resumed.dropped == []
    assert resumed.walk.path == ("start", "zelfdoding", "gesprek", "GESPREK", "behoefte")
    assert resumed.walk.channel == "distance"
    assert resumed.walk.back() and resumed.walk.current.id == "GESPREK"


def test_a_route_that_no_longer_fits_resumes_as_far_as_it_does() -> None:
    tree = tree_content("nl")
    saved = {"path": ["start", "zelfdoding", "gesprek", "WEG", "BINDING"], "done": ["x"]}
    resumed = Walk.resume(tree, saved)
    assert not resumed.complete and not resumed.continued
    assert resumed.walk.path == ("start", "zelfdoding", "gesprek")
    assert resumed.dropped == ["WEG", "BINDING"] and resumed.done == []
    # parked at the conversation step, and the step was since renamed: back at its question
    resumed = Walk.resume(tree, {"path": ["start", "zelfdoding", "gesprek", "GESPREK_OUD"]})
    assert resumed.walk.current.id == "gesprek" and not resumed.complete
    for junk in ({"path": []}, {"path": "start"}, {"nonsense": 1}, None, "route", {"path": ["x"]}):
        resumed = Walk.resume(tree, junk)
        assert resumed.walk.path == ("start",) and not resumed.complete


def test_suggested_option_is_the_answer_that_leads_there() -> None:
    walk = Walk(tree_content("nl"), ["start", "zelfdoding", "gesprek"])
    suggested = walk.suggested("GESPREK")
    assert suggested is not None and suggested.number == 1
    assert walk.suggested("MIDDELEN") is None
    assert walk.suggested(None) is None
    # "the student told you" points past the conversation step: "yes, we talked"
    told = walk.suggested(["behoefte"])
    assert told is not None and told.label == "Ja, de student vertelde het me zelf"
    # both ticked (told you, and others were worried): having talked wins
    both = walk.suggested(["GESPREK", "behoefte", "MIDDELEN"])
    assert both is not None and both.target == "behoefte"


# -- contacts and office hours ----------------------------------------------------------------


def test_office_hours() -> None:
    assert is_office_hours(TUESDAY_MORNING)
    assert not is_office_hours(SATURDAY_EVENING)
    assert not is_office_hours(datetime(2026, 11, 24, 17, 0))
    assert not is_office_hours(datetime(2026, 11, 24, 7, 59))
    assert is_office_hours(datetime(2026, 11, 24, 8, 0))
    assert not is_office_hours(datetime(2026, 11, 22, 11, 0))  # Sunday morning


def test_outside_office_hours_the_huisartsenpost_comes_before_the_huisarts() -> None:
    tree, lines = tree_content("nl"), help_content("nl")
    leaf = tree.leaf("ZELFDODING")
    profile = InstitutionProfile()

    def order(now: datetime) -> list[str]:
        return [c.key for c in resolve_contacts(leaf, profile, lines, now)]

    evening = order(SATURDAY_EVENING)
    assert evening.index("huisartsenpost") < evening.index("huisarts")
    office = order(TUESDAY_MORNING)
    assert office.index("huisarts") < office.index("huisartsenpost")
    doubt = [
        c.key
        for c in resolve_contacts(tree.leaf("TWIJFEL_GEVAAR"), profile, lines, SATURDAY_EVENING)
    ]
    # 113 stays first on the urgent leaves, day and night, as their first action says: outside
    # office hours the huisartsenpost comes right after it (and before the own GP), never above
    # the line that is open now (with no profile, it would be an empty "vul in" card on top).
    assert doubt[:2] == ["113", "huisartsenpost"]
    assert evening[:2] == ["113", "huisartsenpost"]
    assert order(TUESDAY_MORNING)[0] == "113"


def test_empty_roles_are_never_given_a_number() -> None:
    lines = help_content("nl")
    leaf = tree_content("nl").leaf("TWIJFEL_GEVAAR")
    contacts = {
        c.key: c for c in resolve_contacts(leaf, InstitutionProfile(), lines, TUESDAY_MORNING)
    }
    for key in ("studentpsycholoog", "studentendecaan", "huisartsenpost"):
        assert contacts[key].missing and contacts[key].number == ""
    assert contacts["113"].number == "113 of 0800-0113" and not contacts["113"].missing
    assert contacts["113"].checked == "2026-11" and contacts["113"].national


def test_profile_contacts_fill_the_roles() -> None:
    profile = InstitutionProfile(
        contacts={
            "huisartsenpost": Contact(name="HAP Regio", phone="0900-1111111"),
            "studentpsycholoog": Contact(
                name="Team psy", email="psy@example.nl", checked=date(2026, 10, 1)
            ),
        }
    )
    leaf = tree_content("nl").leaf("TWIJFEL_GEVAAR")
    contacts = {
        c.key: c for c in resolve_contacts(leaf, profile, help_content("nl"), SATURDAY_EVENING)
    }
    hap = contacts["huisartsenpost"]
    assert hap.number == "0900-1111111" and not hap.missing
    assert "HAP Regio" in hap.details and any("17:00" in d for d in hap.details)
    psy = contacts["studentpsycholoog"]
    assert not psy.missing and psy.number == "" and "psy@example.nl" in psy.details
    assert psy.checked == "2026-10-01"


def test_urgent_follow_up_is_the_next_calendar_day_even_at_weekends() -> None:
    tree = tree_content("nl")
    for leaf_id in ACUTE_LEAVES:
        leaf = tree.leaf(leaf_id)
        assert leaf.follow_up.days == 1 and not leaf.follow_up.working_days
        assert follow_up_date(leaf, date(2026, 11, 20)) == date(2026, 11, 21)  # Fri → Sat
        assert follow_up_date(leaf, date(2026, 11, 21)) == date(2026, 11, 22)  # Sat → Sun
        assert follow_up_date(leaf, date(2026, 12, 31)) == date(2027, 1, 1)  # year end
        assert "werkdag" not in leaf.follow_up.text


def test_working_days_only_where_the_text_says_so() -> None:
    for lang, word in (("nl", "werk"), ("en", "working")):
        tree = tree_content(lang)
        for node in [tree.node("GESPREK"), *tree.leaves()]:
            follow = node.follow_up  # type: ignore[union-attr]
            assert follow is not None
            assert follow.working_days == (word in follow.text), (lang, node.id)
    studie = tree_content("nl").leaf("STUDIE")
    assert follow_up_date(studie, date(2026, 11, 24)) == date(2026, 12, 1)  # Tue → Tue
    assert follow_up_date(studie, date(2026, 11, 28)) == date(2026, 12, 4)  # Sat → Fri
    # over Christmas and New Year's Day
    assert follow_up_date(studie, date(2026, 12, 23)) == date(2026, 12, 31)
    assert follow_up_date(studie, date(2026, 12, 24)) == date(2027, 1, 4)


def test_public_holidays_are_outside_office_hours() -> None:
    assert not is_office_hours(datetime(2026, 12, 25, 11, 0))  # Christmas, a Friday
    assert not is_office_hours(datetime(2027, 1, 1, 10, 0))
    assert is_office_hours(datetime(2026, 12, 24, 10, 0))


# -- hand-offs: note draft and PDF ----------------------------------------------------------------


def test_note_draft_carries_route_done_follow_up_and_context() -> None:
    tree = tree_content("nl")
    walk = Walk(tree, ["start", "zelfdoding", "ZELFDODING"])
    context = SignalContext(
        pseudonym="AB",
        signals=[ObservedSignal(signal_id="vertelt", label="De student vertelt het je")],
    )
    draft = note_draft(walk, ["serieus"], context, date(2026, 11, 24), note_id="n1")
    assert draft.origin == "route" and draft.pseudonym == "AB" and draft.note_id == "n1"
    assert "[x] Neem het serieus" in draft.done and "[ ] Beloof geen geheimhouding." in draft.done
    assert draft.done.splitlines()[0].startswith("[ ] Neem de tijd")  # first step, in person
    assert draft.follow_up == date(2026, 11, 25)
    # the note carries how the worry arrived, the follow-up and what to say
    assert "Hoe je zorg binnenkwam: De student is bij je" in draft.text
    assert "Houd regelmatig contact" in draft.text
    assert "Wat je kunt zeggen:" in draft.text and "Wat je beter niet zegt:" in draft.text
    assert "een einde aan je leven" in draft.text
    assert draft.link["route"]["path"] == ["start", "zelfdoding", "ZELFDODING"]
    assert draft.link["checklist"]["signals"][0]["signal_id"] == "vertelt"
    plain = note_draft(walk, [], None, date(2026, 11, 24))
    assert plain.pseudonym is None and "checklist" not in plain.link


def test_a_note_parks_the_route_at_the_conversation_step() -> None:
    tree = tree_content("nl")
    walk = Walk(tree, ["start", "zelfdoding", "gesprek", "GESPREK"], channel="via_other")
    draft = note_draft(walk, ["melder"], None, date(2026, 11, 27))  # a Friday
    assert draft.follow_up == date(2026, 12, 4)  # within a working week
    assert draft.link["route"]["path"][-1] == "GESPREK"
    assert draft.link["route"]["done"] == ["melder"]
    assert "[x] Zeg tegen wie het je vertelde" in draft.done
    assert "Na het gesprek: open deze notitie" in draft.text
    assert "Ik hoorde dat het niet zo goed met je gaat" in draft.text  # via someone else


def test_route_pdf_has_route_actions_contacts_role_and_sources(tmp_path: Path) -> None:
    tree = tree_content("nl")
    walk = Walk(tree, ["start", "zelfdoding", "ZELFDODING"])
    leaf = walk.current
    assert isinstance(leaf, Leaf)
    contacts = resolve_contacts(leaf, InstitutionProfile(), help_content("nl"), SATURDAY_EVENING)
    target = tmp_path / "route.pdf"
    context = SignalContext(pseudonym="Q7")
    write_route_pdf(target, walk, ["geen-geheim"], contacts, context, date(2026, 11, 24))
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    compact = " ".join(text.split())
    assert "Beslisboom: De student praat over de dood" in compact
    assert "Student: Q7" in compact
    assert "Is er nú gevaar voor de student of voor anderen? — Nee" in compact
    assert "☑ Beloof geen geheimhouding." in compact  # a drawn box; its state in the text
    assert "113 of 0800-0113" in compact and "vul in bij Instellingsgegevens" in compact
    assert "Jouw rol" in compact and "Bronnen" in compact
    assert "Landelijk Kader Studentenwelzijn 2023-2030 (VH, UNL, ISO, LSVb, OCW, 2023)" in compact
    assert "Eerst (de student is bij je)" in compact and "☐ Neem de tijd" in compact
    assert "Wat je kunt zeggen" in compact and "Wat je beter niet zegt" in compact
    assert "Voorstel: 25 november 2026" in compact


def test_a_parked_route_prints_with_its_conversation_tips(tmp_path: Path) -> None:
    tree = tree_content("en")
    walk = Walk(tree, ["start", "zelfdoding", "gesprek", "GESPREK"], channel="distance")
    target = tmp_path / "parked.pdf"
    set_language("en")
    write_route_pdf(target, walk, ["reageer"], [], None, date(2026, 11, 27))
    compact = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Parked at the conversation" in compact
    assert "☑ Reply to the message" in compact and "First (at a distance)" in compact
    assert "What you can say" in compact and "I read your message" in compact
    assert "Suggested: 4 December 2026" in compact


def test_acute_leaves_exist_in_both_languages() -> None:
    for lang in LANGUAGES:
        tree = tree_content(lang)
        for leaf_id in ACUTE_LEAVES:
            assert tree.leaf(leaf_id).urgent
