"""Real situations, as a teacher would tell them, walked through the real tree in both languages.

Each scenario gives how the worry arrived, the answers a reasonable teacher gives to the questions
as they are worded (matched against the labels on screen, so a rewording that no longer fits the
situation fails here), the leaf it must reach, the answer budget, and what that leaf must carry
for that situation: first steps for the channel, the safety statements word for word, the
numbers, "what to say" of the right kinds, the contacts in the order to call them at that
moment, and the follow-up date.

Budgets (docs/beslisboom.md): danger now 1 answer; the suicide guidance at most 2, whether the
teacher is sure about the danger or not; talk of death heard only in the conversation, through the
conversation step's way on, 4; every other need at most 4 answers. A step's "Verder"
is not an answer but is a key press: the route through the conversation step takes 4 answers
and 5 presses, and the suite says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pytest

from docentwijzer.helplines import help_content
from docentwijzer.i18n import LANGUAGES
from docentwijzer.profile import Contact, InstitutionProfile
from docentwijzer.tree import (
    Channel,
    Leaf,
    StepNode,
    Walk,
    follow_up_date,
    resolve_contacts,
    tree_content,
)

# -- when -----------------------------------------------------------------------------------------
TUESDAY_10 = datetime(2026, 11, 24, 10, 0)
WEDNESDAY_14 = datetime(2026, 11, 25, 14, 0)
FRIDAY_23 = datetime(2026, 11, 27, 23, 0)
SATURDAY_20 = datetime(2026, 11, 28, 20, 0)
SUNDAY_21 = datetime(2026, 11, 29, 21, 0)
CHRISTMAS_11 = datetime(2026, 12, 25, 11, 0)  # a Friday and a public holiday
NEW_YEARS_EVE_20 = datetime(2026, 12, 31, 20, 0)

# -- the answers, as the teacher reads them on screen ---------------------------------------------
SAY: dict[str, dict[str, str]] = {
    "danger": {"nl": "Ja, er is nú gevaar", "en": "Yes, there is danger now"},
    "unsure": {"nl": "Weet ik niet zeker", "en": "I'm not sure"},
    "no": {"nl": "Nee", "en": "No"},
    "suicide_yes": {"nl": "Ja, of ik vermoed het", "en": "Yes, or I suspect it"},
    "not_talked": {"nl": "Nee, nog niet", "en": "No, not yet"},
    "student_told": {"nl": "Ja, de student vertelde het me zelf", "en": "Yes, the student told me"},
    "said_death": {
        "nl": "Ja, de student zei iets over de dood",
        "en": "Yes, the student said something about death",
    },
    "continue": {
        "nl": "Verder: waar heeft de student hulp bij nodig?",
        "en": "Continue: what does the student need help with?",
    },
    "psych": {"nl": "Psychische klachten", "en": "Mental health problems"},
    "substances": {"nl": "Middelengebruik", "en": "Substance use"},
    "studies": {"nl": "Studie", "en": "Studies"},
    "money": {
        "nl": "Geld, wonen of persoonlijke omstandigheden",
        "en": "Money, housing or personal circumstances",
    },
    "safety": {
        "nl": "Pesten, discriminatie, grensoverschrijdend gedrag",
        "en": "Bullying, discrimination, harassment or abuse",
    },
    "lonely": {"nl": "Eenzaamheid, weinig aansluiting", "en": "Loneliness, not fitting in"},
    "no_help": {
        "nl": "De student wil (nu) geen hulp",
        "en": "The student does not want help (now)",
    },
    "dont_know": {"nl": "Ik weet het niet", "en": "I don't know"},
}

#: Safety statements that must be there word for word, by leaf.
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "ACUUT": {"nl": ("Bel 112.",), "en": ("Call 112.",)},
    "TWIJFEL_GEVAAR": {
        "nl": ("Bel 113 voor advies, ook voor jezelf", "Beloof geen geheimhouding.", "bel 112"),
        "en": ("Call 113 for advice, also for yourself", "Do not promise secrecy.", "call 112"),
    },
    "ZELFDODING": {
        "nl": (
            "Neem het serieus en vraag er rechtstreeks naar.",
            "Beloof geen geheimhouding.",
            "24/7 gratis en anoniem 113 of 0800-0113, of chat op 113.nl",
            "Zoek samen hulp bij de eigen huisarts van de student",
            "Bij direct gevaar: bel 112.",
            "Ook jij kunt 113 bellen voor advies.",
        ),
        "en": (
            "Take it seriously and ask about it directly.",
            "Do not promise secrecy.",
            "24/7, free and anonymous, 113 or 0800-0113, or chat at 113.nl",
            "Seek help together with the student's own GP",
            "In immediate danger: call 112.",
            "You too can call 113 for advice.",
        ),
    },
    "SOCIALE_VEILIGHEID": {
        "nl": ("Spreek de ander niet zelf aan.", "0800-2000", "0900-8844", "bel 112"),
        "en": ("Do not confront the other person yourself.", "0800-2000", "0900-8844", "call 112"),
    },
}

FULL_PROFILE = InstitutionProfile(
    contacts={
        "studentendecaan": Contact(name="Decanaat", phone="030-1110001"),
        "studentpsycholoog": Contact(name="Team psy", phone="030-1110002"),
        "studieloopbaanbegeleider": Contact(name="SLB-balie", phone="030-1110003"),
        "vertrouwenspersoon": Contact(name="M. Vertrouwen", phone="030-1110004"),
        "bhv_beveiliging": Contact(name="Meldkamer campus", phone="intern 4444"),
        "huisartsenpost": Contact(name="HAP Regio", phone="0900-1110005"),
        "verslavingszorg": Contact(name="Verslavingszorg Regio", phone="088-1110006"),
    }
)


@dataclass(frozen=True)
class Scenario:
    id: str
    #: The situation in the teacher's words.
    story: str
    channel: Channel
    answers: tuple[str, ...]
    leaf: str
    budget: int
    when: datetime = TUESDAY_10
    profile: InstitutionProfile | None = None
    #: Ids of first steps and actions the leaf must show for this channel.
    must_do: tuple[str, ...] = ()
    #: Kinds of "what to say" the leaf must offer for this channel.
    must_say: tuple[str, ...] = ("close", "avoid")
    #: Contact keys that must come before others at that moment (e.g. the huisartsenpost first).
    first_contact: str | None = None
    #: Numbers the teacher must see on the leaf (in the text or the contacts).
    numbers: tuple[str, ...] = ()
    follow_up: date | None = None
    #: Key presses a step's "Verder" adds on top of the answers.
    steps: int = 0
    extra_words: dict[str, tuple[str, ...]] = field(default_factory=dict)


SCENARIOS: tuple[Scenario, ...] = (
    # -- in person -----------------------------------------------------------------------------
    Scenario(
        "after-class-not-wanting-to-live",
        "Na de les zegt een student: ‘soms wil ik er gewoon niet meer zijn.’ Ze is rustig.",
        "in_person",
        ("no", "suicide_yes"),
        "ZELFDODING",
        2,
        must_do=("tijd", "serieus", "geen-geheim", "samen-113", "huisarts-vandaag", "advies-113"),
        must_say=("opener", "ask", "secrecy", "close", "avoid"),
        first_contact="113",
        numbers=("113", "0800-0113", "112"),
        follow_up=date(2026, 11, 25),
    ),
    Scenario(
        "unsure-remark-about-death",
        "Een student zegt ‘het maakt toch niet uit of ik er ben’. Je weet niet of er nu gevaar is.",
        "in_person",
        ("unsure", "said_death"),
        "ZELFDODING",
        2,
        must_do=("tijd", "serieus", "samen-113"),
        must_say=("ask", "secrecy", "close"),
        follow_up=date(2026, 11, 25),
    ),
    Scenario(
        "window-sill",
        "Een student staat op de vensterbank van het lokaal op de derde verdieping.",
        "in_person",
        ("danger",),
        "ACUUT",
        1,
        profile=FULL_PROFILE,
        must_do=("niet-alleen", "bel-112", "bhv", "protocol"),
        first_contact="112",
        numbers=("112", "intern 4444"),
        follow_up=date(2026, 11, 25),
    ),
    Scenario(
        "pills-in-the-canteen",
        "Een student zakt in de kantine in elkaar en zegt dat ze pillen heeft ingenomen.",
        "in_person",
        ("danger",),
        "ACUUT",
        1,
        when=SATURDAY_20,
        must_do=("niet-alleen", "bel-112"),
        numbers=("112",),
        follow_up=date(2026, 11, 29),
    ),
    Scenario(
        "confused-in-the-hall",
        "Een student loopt verward en boos door de gang; je weet niet of hij zichzelf iets "
        "aandoet.",
        "in_person",
        ("unsure",),
        "TWIJFEL_GEVAAR",
        1,
        profile=FULL_PROFILE,
        must_do=("niet-alleen", "vraag", "advies-113", "overleg-nu", "geen-geheim", "erger"),
        must_say=("ask", "secrecy", "close", "avoid"),
        first_contact="113",
        numbers=("113", "0800-0113", "030-1110002", "112"),
        follow_up=date(2026, 11, 25),
    ),
    Scenario(
        "sleeps-badly-told-me",
        "Een student vertelt na de werkgroep dat ze slecht slaapt en heel somber is.",
        "in_person",
        ("no", "no", "student_told", "psych"),
        "PSYCHISCH",
        4,
        profile=FULL_PROFILE,
        must_do=("verwijs",),
        numbers=("030-1110002",),
        follow_up=date(2026, 12, 1),
    ),
    Scenario(
        "smells-of-cannabis",
        "Een student ruikt al weken naar cannabis en suft weg. Je hebt hem nog niet gesproken.",
        "in_person",
        ("no", "no", "not_talked", "continue", "substances"),
        "MIDDELEN",
        4,
        steps=1,
        must_do=("zonder-oordeel", "huisarts", "verslavingszorg"),
        follow_up=date(2026, 12, 1),
    ),
    Scenario(
        "cannot-pay-rent",
        "Een student vertelt dat ze haar huur niet meer kan betalen.",
        "in_person",
        ("no", "no", "student_told", "money"),
        "OMSTANDIGHEDEN",
        4,
        must_do=("decaan",),
        follow_up=date(2026, 12, 1),
    ),
    Scenario(
        "group-app-abuse",
        "Een student vertelt dat hij in de groepsapp van zijn projectgroep wordt uitgescholden.",
        "in_person",
        ("no", "no", "student_told", "safety"),
        "SOCIALE_VEILIGHEID",
        4,
        profile=FULL_PROFILE,
        must_do=("luister", "niet-confronteren", "opschrijven", "vertrouwenspersoon"),
        must_say=("listen", "close", "avoid"),
        numbers=("030-1110004",),
        follow_up=date(2026, 12, 1),
    ),
    Scenario(
        "ex-partner-at-home",
        "Een student vertelt dat haar ex-vriend haar bij haar kamer opwacht en bedreigt.",
        "in_person",
        ("no", "no", "student_told", "safety"),
        "SOCIALE_VEILIGHEID",
        4,
        when=WEDNESDAY_14,
        must_do=("thuis", "politie", "gevaar"),
        numbers=("0800-2000", "0900-8844", "112"),
        follow_up=date(2026, 12, 2),
    ),
    Scenario(
        "images-shared-online",
        "Een student vertelt dat er naaktfoto's van hem worden rondgestuurd.",
        "in_person",
        ("no", "no", "student_told", "safety"),
        "SOCIALE_VEILIGHEID",
        4,
        must_do=("politie", "opschrijven"),
        numbers=("0900-8844",),
    ),
    Scenario(
        "assaulted-after-party",
        "Een student vertelt dat ze na een feest is aangerand.",
        "in_person",
        ("no", "no", "student_told", "safety"),
        "SOCIALE_VEILIGHEID",
        4,
        must_do=("seksueel", "vertrouwenspersoon"),
        numbers=("0800-0188",),
    ),
    Scenario(
        "solves-it-alone",
        "Een student wil er na jullie gesprek niets mee: ‘ik los het zelf wel op’.",
        "in_person",
        ("no", "no", "student_told", "no_help"),
        "GEEN_HULP",
        4,
        must_do=("respecteer", "contact", "gevaar"),
        follow_up=date(2026, 12, 1),
    ),
    Scenario(
        "first-year-lonely",
        "Een eerstejaars zegt dat ze zich eenzaam voelt en nog niemand kent.",
        "in_person",
        ("no", "no", "student_told", "lonely"),
        "BINDING",
        4,
        must_do=("check-ins", "verbinden"),
    ),
    Scenario(
        "afraid-of-bsa",
        "Een student loopt achter met studiepunten en is bang voor het bindend studieadvies.",
        "in_person",
        ("no", "no", "student_told", "studies"),
        "STUDIE",
        4,
        profile=FULL_PROFILE,
        must_do=("slb",),
        numbers=("030-1110003",),
    ),
    Scenario(
        "everything-at-once",
        "Een student vertelt veel tegelijk; je weet niet waar hij het meest hulp bij nodig heeft.",
        "in_person",
        ("no", "no", "student_told", "dont_know"),
        "OVERLEG",
        4,
        must_do=("overleg", "vraag"),
    ),
    Scenario(
        "conversation-turns-to-death",
        "Je spreekt een student aan die al weken stiller is. In het gesprek zegt hij dat hij er "
        "‘soms liever niet meer zou zijn’.",
        "in_person",
        ("no", "no", "not_talked", "said_death"),
        "ZELFDODING",
        4,
        must_do=("tijd", "serieus", "geen-geheim", "samen-113", "advies-113"),
        must_say=("opener", "ask", "secrecy", "close", "avoid"),
        first_contact="113",
        follow_up=date(2026, 11, 25),
    ),
    # -- at a distance -------------------------------------------------------------------------
    Scenario(
        "friday-night-email",
        "Vrijdag 23:00 mailt een student: ‘Sorry dat ik niks inlever. Ik ben er morgen toch niet "
        "meer.’ Je weet niet of het nu gevaarlijk is.",
        "distance",
        ("unsure", "said_death"),
        "ZELFDODING",
        2,
        when=FRIDAY_23,
        must_do=("reageer", "nummer", "geen-contact", "serieus", "samen-113", "advies-113"),
        must_say=("opener", "ask", "secrecy", "close"),
        first_contact="113",
        numbers=("113", "0800-0113", "112"),
        follow_up=date(2026, 11, 28),
    ),
    Scenario(
        "essay-read-on-saturday",
        "Op zaterdag lees je in een reflectieverslag dat een student denkt dat het beter is als "
        "ze er niet meer is.",
        "distance",
        ("no", "suicide_yes"),
        "ZELFDODING",
        2,
        when=SATURDAY_20,
        must_do=("reageer", "geen-contact", "huisarts-vandaag"),
        first_contact="113",
        follow_up=date(2026, 11, 29),  # the next calendar day, a Sunday: not Monday
    ),
    Scenario(
        "teams-took-pills",
        "Een student stuurt via Teams: ‘ik heb net al mijn pillen ingenomen’.",
        "distance",
        ("danger",),
        "ACUUT",
        1,
        must_do=("waar", "geen-contact", "bel-112"),
        must_say=("opener", "close", "avoid"),
        numbers=("112",),
    ),
    Scenario(
        "crying-on-the-phone",
        "Een student belt je huilend op: hij is alles kwijt. Over de dood zegt hij niets, maar je "
        "twijfelt of het veilig is.",
        "distance",
        ("unsure",),
        "TWIJFEL_GEVAAR",
        1,
        when=WEDNESDAY_14,
        must_do=("bel-student", "geen-contact", "advies-113", "overleg-nu"),
        must_say=("opener", "ask", "secrecy", "close"),
        first_contact="113",
        follow_up=date(2026, 11, 26),
    ),
    Scenario(
        "panic-by-email",
        "Een student mailt dat ze door paniekaanvallen niet naar haar tentamens durft.",
        "distance",
        ("no", "no", "student_told", "psych"),
        "PSYCHISCH",
        4,
        must_do=("verwijs", "openheid"),
        must_say=("opener", "close", "avoid"),
    ),
    Scenario(
        "housemates-bully-chat",
        "Een student schrijft in de chat dat haar huisgenoten haar pesten en buitensluiten.",
        "distance",
        ("no", "no", "student_told", "safety"),
        "SOCIALE_VEILIGHEID",
        4,
        must_do=("thuis", "vertrouwenspersoon"),
        numbers=("0800-2000",),
    ),
    Scenario(
        "essay-alone-for-months",
        "In een essay over haar studiejaar schrijft een student dat ze zich al maanden alleen "
        "voelt.",
        "distance",
        ("no", "no", "student_told", "lonely"),
        "BINDING",
        4,
        must_do=("check-ins",),
    ),
    Scenario(
        "quits-by-email",
        "Een student mailt dat hij stopt met studeren en geen hulp wil.",
        "distance",
        ("no", "no", "student_told", "no_help"),
        "GEEN_HULP",
        4,
        must_do=("informatie", "overleg"),
    ),
    Scenario(
        "christmas-message",
        "Eerste Kerstdag om 11 uur stuurt een student een bericht waar je ongerust van wordt; je "
        "weet niet of er gevaar is.",
        "distance",
        ("unsure",),
        "TWIJFEL_GEVAAR",
        1,
        when=CHRISTMAS_11,
        profile=FULL_PROFILE,
        must_do=("bel-student", "geen-contact"),
        first_contact="113",  # a public holiday: 113 first, the huisartsenpost next
        numbers=("0900-1110005",),
        follow_up=date(2026, 12, 26),
    ),
    Scenario(
        "new-years-eve-essay",
        "Oudejaarsavond lees je in een ingeleverde tekst dat een student niet meer wil leven.",
        "distance",
        ("no", "suicide_yes"),
        "ZELFDODING",
        2,
        when=NEW_YEARS_EVE_20,
        must_do=("reageer", "geen-contact"),
        first_contact="113",
        follow_up=date(2027, 1, 1),
    ),
    # -- through someone else ------------------------------------------------------------------
    Scenario(
        "colleague-heard-end-it",
        "Een collega vertelt dat een student in zijn les zei dat ze ‘er een eind aan wil maken’.",
        "via_other",
        ("no", "suicide_yes"),
        "ZELFDODING",
        2,
        profile=FULL_PROFILE,
        must_do=("zelf-contact", "melder", "geen-contact", "samen-113"),
        must_say=("opener", "ask", "secrecy", "close"),
        follow_up=date(2026, 11, 25),
    ),
    Scenario(
        "farewell-post-sunday",
        "Zondagavond komt een medestudent naar je toe: haar huisgenoot zette een afscheidsbericht "
        "online en neemt niet op.",
        "via_other",
        ("danger",),
        "ACUUT",
        1,
        when=SUNDAY_21,
        must_do=("melder-waar", "melder-niet-alleen", "bel-112"),
        must_say=("opener", "close", "avoid"),
        numbers=("112",),
        follow_up=date(2026, 11, 30),
    ),
    Scenario(
        "friend-drinks-a-lot",
        "Een medestudent vertelt dat zijn vriend veel drinkt en lessen mist. Jij sprak de student "
        "zelf nog niet.",
        "via_other",
        ("no", "no", "not_talked", "continue", "substances"),
        "MIDDELEN",
        4,
        steps=1,
        must_do=("huisarts",),
    ),
    Scenario(
        "colleague-worried-withdrawn",
        "Een collega maakt zich zorgen over een student die zich terugtrekt; jullie weten niet of "
        "er gevaar is.",
        "via_other",
        ("unsure",),
        "TWIJFEL_GEVAAR",
        1,
        must_do=("melder-vragen", "zelf-contact", "melder-niet-alleen", "advies-113"),
        must_say=("opener", "ask", "close"),
    ),
    Scenario(
        "harassed-on-internship",
        "De stagebegeleider van de opleiding vertelt dat een student op haar stage wordt "
        "lastiggevallen. Jij sprak de student nog niet.",
        "via_other",
        ("no", "no", "not_talked", "continue", "safety"),
        "SOCIALE_VEILIGHEID",
        4,
        steps=1,
        must_do=("niet-confronteren", "vertrouwenspersoon"),
    ),
    Scenario(
        "colleague-student-vanished",
        "Een collega vertelt dat een student al drie weken niet komt en niet reageert op mail. "
        "Niemand weet wat er speelt; jij sprak de student nog niet.",
        "via_other",
        ("no", "no", "not_talked", "continue", "dont_know"),
        "OVERLEG",
        4,
        steps=1,
        must_do=("overleg", "vraag"),
        follow_up=date(2026, 12, 1),
    ),
    Scenario(
        "classmate-unsure-about-death",
        "Een medestudent zegt dat een klasgenoot ‘het leven niet meer ziet zitten’; je twijfelt of "
        "het nu gevaarlijk is.",
        "via_other",
        ("unsure", "said_death"),
        "ZELFDODING",
        2,
        when=SATURDAY_20,
        must_do=("zelf-contact", "melder", "geen-contact"),
        follow_up=date(2026, 11, 29),
    ),
    Scenario(
        "classmate-then-call-reveals-death",
        "Zondagavond vertelt een medestudent dat een student zich al weken terugtrekt. Je belt "
        "de student; ze zegt dat ze niet meer wil leven.",
        "via_other",
        ("no", "no", "not_talked", "said_death"),
        "ZELFDODING",
        4,
        when=SUNDAY_21,
        must_do=("serieus", "geen-geheim", "samen-113", "advies-113"),
        first_contact="113",
        numbers=("113", "0800-0113", "112"),
        follow_up=date(2026, 11, 30),  # the next calendar day
    ),
)


def walk_scenario(scenario: Scenario, lang: str) -> Walk:
    tree = tree_content(lang)  # type: ignore[arg-type]
    walk = Walk(tree, channel=scenario.channel)
    for key in scenario.answers:
        label = SAY[key][lang]
        options = {o.label.casefold(): o.target for o in walk.options()}
        assert label.casefold() in options, (
            f"{scenario.id}: ‘{label}’ is not an answer at {walk.path[-1]!r} ({list(options)})"
        )
        walk.choose(options[label.casefold()])
    return walk


def leaf_text(walk: Walk) -> str:
    leaf = walk.current
    assert isinstance(leaf, Leaf)
    parts = [leaf.title, leaf.summary]
    parts += [a.text for a in walk.checklist()]
    parts += [p.text for p in walk.phrases()]
    return "\n".join(parts)


def test_there_are_enough_scenarios_for_every_way_a_worry_arrives() -> None:
    assert len(SCENARIOS) >= 30
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS)
    for channel in ("in_person", "distance", "via_other"):
        assert sum(s.channel == channel for s in SCENARIOS) >= 7, channel
    weekends = [s for s in SCENARIOS if s.when.weekday() >= 5]
    assert len(weekends) >= 4
    assert any(s.profile is not None for s in SCENARIOS)
    assert any(s.profile is None for s in SCENARIOS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_scenario_reaches_complete_guidance_within_its_budget(
    scenario: Scenario, lang: str
) -> None:
    walk = walk_scenario(scenario, lang)
    leaf = walk.current
    assert isinstance(leaf, Leaf) and leaf.id == scenario.leaf, walk.path

    # the budget: answers, and key presses (a step's "Verder" is a press, not an answer)
    assert walk.answers_given() == len(scenario.answers) - scenario.steps
    assert walk.answers_given() <= scenario.budget
    assert len(walk.breadcrumb()) <= scenario.budget + scenario.steps

    # what to do first for how the worry arrived, then the rest
    ids = [a.id for a in walk.checklist()]
    if leaf.urgent:
        assert walk.first_steps(), f"{leaf.id} has no first steps for {scenario.channel}"
    missing = [i for i in scenario.must_do if i not in ids]
    assert not missing, f"{scenario.id}: {leaf.id} lacks {missing} for {scenario.channel}"

    # the safety statements, word for word
    text = leaf_text(walk)
    for words in (*WORDS.get(leaf.id, {}).get(lang, ()), *scenario.extra_words.get(lang, ())):
        assert words in text, f"{scenario.id} ({lang}): {words!r} missing"

    # what to say, of the kinds the situation needs, fitting the channel
    kinds = {p.kind for p in walk.phrases()}
    assert set(scenario.must_say) <= kinds, (scenario.id, sorted(kinds))
    assert all(p.fits(scenario.channel) for p in walk.phrases())

    # whom to call, in the order that fits the moment, and the numbers
    profile = scenario.profile or InstitutionProfile()
    contacts = resolve_contacts(leaf, profile, help_content(lang), scenario.when)  # type: ignore[arg-type]
    keys = [c.key for c in contacts]
    if scenario.first_contact is not None:
        assert keys[0] == scenario.first_contact, (scenario.id, keys)
    shown = text + "\n" + "\n".join(f"{c.number} {' '.join(c.details)}" for c in contacts)
    for number in scenario.numbers:
        assert number in shown, f"{scenario.id} ({lang}): number {number} not shown"
    if scenario.profile is None:
        assert all(not c.number for c in contacts if c.missing)
    else:
        assert not [c.key for c in contacts if c.missing], scenario.id

    # when to follow up
    if scenario.follow_up is not None:
        assert follow_up_date(leaf, scenario.when.date()) == scenario.follow_up


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_hint_of_suicide_reaches_the_suicide_guidance_in_two_answers(lang: str) -> None:
    tree = tree_content(lang)  # type: ignore[arg-type]
    for first in ("unsure", "no"):
        walk = Walk(tree)
        walk.choose(next(o.target for o in walk.options() if o.label == SAY[first][lang]))
        suicide = next(o for o in walk.options() if o.target == "ZELFDODING")
        walk.choose(suicide.target)
        assert walk.current.id == "ZELFDODING" and walk.answers_given() == 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_conversation_step_is_parked_and_resumed_at_the_need_question(lang: str) -> None:
    tree = tree_content(lang)  # type: ignore[arg-type]
    walk = Walk(tree, channel="via_other")
    for key in ("no", "no", "not_talked"):
        walk.choose(next(o.target for o in walk.options() if o.label == SAY[key][lang]))
    step = walk.current
    assert isinstance(step, StepNode) and step.id == "GESPREK"
    assert [a.id for a in walk.first_steps()] == ["zelf-contact", "melder"]
    saved = walk.route(["zelf-contact"]).model_dump(mode="json")
    resumed = Walk.resume(tree, saved)
    assert resumed.complete and resumed.continued
    assert resumed.walk.current.id == "behoefte" and resumed.walk.channel == "via_other"
    assert follow_up_date(step, date(2026, 11, 27)) == date(2026, 12, 4)  # Fri + a working week
