"""Attribution forms, end to end: real sentences in, claims with the right chain out.

Each table row is (text, phrase of the claim, expected chain after the publisher, and
optional kind / channel / inferred). Chain entries are matched case-insensitively
against the source's name and aliases.
"""

from __future__ import annotations

import pytest

from attribution import Analysis, Analyzer, Claim
from helpers import assert_offsets_hold, shared_analyzer, sole_speaker


def _claim(analysis: Analysis, phrase: str) -> Claim:
    found = [c for c in analysis.claims if phrase in c.text]
    assert len(found) == 1, (phrase, [(c.text, c.chain) for c in analysis.claims])
    return found[0]


def _names(analysis: Analysis, source_id: str) -> list[str]:
    source = analysis.source(source_id)
    return [source.name.lower(), *(a.lower() for a in source.aliases)]


def check(analyzer: Analyzer, text: str, phrase: str, chain: list[str], **expected) -> Analysis:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    claim = _claim(analysis, phrase)
    actual = claim.chain[1:]
    shown = [analysis.source(s).name for s in actual]
    assert len(actual) == len(chain), (chain, shown)
    for want, source_id in zip(chain, actual, strict=True):
        assert any(want.lower() in name for name in _names(analysis, source_id)), (chain, shown)
    for key, value in expected.items():
        assert getattr(claim, key) == value, (key, claim)
    return analysis


DIRECT = [
    ('Mayor Anna Petrova said, "The water is safe to drink."', "safe to drink", ["Petrova"]),
    ('"We will not surrender," the commander said.', "not surrender", ["commander"]),
    (
        "“The bridge is closed,” said Anna Kovalenko, a city spokeswoman.",
        "bridge is closed",
        ["Kovalenko"],
    ),
    (
        "The mayor said: “They called it a ‘routine’ check, but nobody believed them.”",
        "routine",
        ["mayor"],
    ),
    ('"We are ready," the general said. "The army is not."', "army is not", ["general"]),
    ("“We will hold the line.” — Commissioner Maria Lopez", "hold the line", ["Lopez"]),
    ("“There is no food, no water.”\n— Amina Idris, a nurse in Omdurman", "no food", ["Idris"]),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), DIRECT)
def test_direct_quotes(analyzer: Analyzer, text: str, phrase: str, chain: list[str]) -> None:
    check(analyzer, text, phrase, chain, kind="direct")


def test_multi_paragraph_quote(analyzer: Analyzer) -> None:
    text = (
        "The minister spoke to parliament on Tuesday. She said:\n\n"
        "“The first convoy reached the city at dawn.\n\n"
        "“The second convoy was turned back at the border.\n\n"
        "“A third convoy will leave on Friday.”\n\n"
        "Parliament adjourned after the speech."
    )
    for phrase in ("first convoy", "second convoy", "third convoy"):
        check(analyzer, text, phrase, ["minister"], kind="direct")
    check(analyzer, text, "Parliament adjourned", [], kind="unattributed")


def test_unbalanced_quote_is_read_best_effort(analyzer: Analyzer) -> None:
    text = '"We will rebuild the school, the mayor said.\n\nThe school opened in 1962.'
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert _claim(analysis, "opened in 1962").kind == "unattributed"


REPORTED = [
    ("The minister said the talks had failed.", "talks had failed", ["minister"]),
    ("Officials confirmed that two soldiers were wounded.", "soldiers were wounded", ["Officials"]),
    ("The company denied that customer data had been stolen.", "customer data", ["company"]),
    ("The president tweeted that the deal was done.", "deal was done", ["president"]),
    (
        "Oleksiy Reznikov, who replaced Andriy Taran as defence minister, said the army needed "
        "more shells.",
        "needed more shells",
        ["Reznikov"],
    ),
    ("The storm cut power to 5,000 homes, the utility said.", "cut power", ["utility"]),
    (
        "Senator Maria Ortiz, who said the vote was rigged, lost her seat.",
        "vote was rigged",
        ["Ortiz"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), REPORTED)
def test_reported_speech(analyzer: Analyzer, text: str, phrase: str, chain: list[str]) -> None:
    check(analyzer, text, phrase, chain, kind="indirect")


RELAYS = [
    ("Three people were killed, according to the police.", "Three people were killed", ["police"]),
    (
        "According to Reuters, the ceasefire collapsed overnight.",
        "ceasefire collapsed",
        ["Reuters"],
    ),
    ("The plant was shut down, as reported by the BBC.", "plant was shut down", ["BBC"]),
    (
        "At least 11 people died, CNN reported citing the State Emergency Service.",
        "11 people died",
        ["CNN", "Emergency"],
    ),
    (
        "Reuters, citing two diplomats, said the talks had collapsed.",
        "talks had collapsed",
        ["Reuters", "diplomats"],
    ),
    (
        "The BBC quoted the mayor as saying that the dam would hold.",
        "dam would hold",
        ["BBC", "mayor"],
    ),
    (
        "The mayor was quoted by the BBC as saying that the dam would hold.",
        "dam would hold",
        ["BBC", "mayor"],
    ),
    (
        "The minister told Reuters that exports would resume.",
        "exports would resume",
        ["Reuters", "minister"],
    ),
    (
        "The general said in an interview with the BBC that the front was stable.",
        "front was stable",
        ["BBC", "general"],
    ),
    (
        "The storm cut power to 5,000 homes, the utility said, according to AP.",
        "cut power",
        ["AP", "utility"],
    ),
    (
        "“The water keeps rising,” Leite told the broadcaster GloboNews.",
        "water keeps rising",
        ["GloboNews", "Leite"],
    ),
    (
        "Talks on a ceasefire stalled on Tuesday, two officials who spoke on condition of "
        "anonymity told The Associated Press.",
        "ceasefire stalled",
        ["AP", "officials"],
    ),
    (
        "Sources told Reuters that the talks would resume.",
        "talks would resume",
        ["Reuters", "Sources"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), RELAYS)
def test_evidentials_and_relays(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain)


CHANNELS = [
    (
        "“The city is calm,” the mayor said on his Telegram channel.",
        "city is calm",
        ["mayor"],
        "Telegram",
    ),
    (
        "The ministry said in a statement that the border was closed.",
        "border was closed",
        ["ministry"],
        "statement",
    ),
    (
        "In a statement, the ministry said: “The border is closed.”",
        "border is closed",
        ["ministry"],
        "statement",
    ),
    (
        "The senator said on X that the vote was delayed.",
        "vote was delayed",
        ["senator"],
        "X/Twitter",
    ),
    (
        "The ministry said in a Facebook post that schools would close.",
        "schools would close",
        ["ministry"],
        "Facebook",
    ),
    (
        "The minister told a press conference that prices would fall.",
        "prices would fall",
        ["minister"],
        "press conference",
    ),
    ("The coach told reporters that the team was ready.", "team was ready", ["coach"], "reporters"),
    (
        "“Nine people were hurt,” the agency said, citing the police, who posted the figures on "
        "Telegram.",
        "Nine people",
        ["agency", "police"],
        "Telegram",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain", "channel"), CHANNELS)
def test_channels(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str], channel: str
) -> None:
    check(analyzer, text, phrase, chain, channel=channel)


PRONOUNS = [
    (
        "Governor Kim Reynolds visited the flooded town on Monday. The river had risen by two "
        "metres overnight. “We will rebuild every home,” she said.",
        "rebuild every home",
        ["Reynolds"],
    ),
    (
        "Prime Minister Denys Shmyhal spoke in Kyiv on Friday. He said that the grid was stable.",
        "grid was stable",
        ["Shmyhal"],
    ),
    (
        "“The repairs will take weeks,” the engineer Petro Melnyk said.\n\n"
        "“We need more cables and more crews.”",
        "more cables",
        ["Melnyk"],
    ),
    (
        "The missiles hit 11 regions, Serhiy Kruk said, according to CNN. “Most of the damage is "
        "in the east,” he added.",
        "damage is in the east",
        ["CNN", "Kruk"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), PRONOUNS)
def test_pronouns_and_continuation(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    analysis = check(analyzer, text, phrase, chain, inferred=True)
    pronouns = {"he", "she", "they", "it"}
    assert not any(s.name.lower() in pronouns for s in analysis.sources)


ANONYMOUS = [
    ("Officials said the bridge would reopen.", "bridge would reopen", "Officials"),
    (
        "A source familiar with the matter told Reuters that the deal was off.",
        "deal was off",
        "source familiar",
    ),
    (
        "Two officials, who spoke on condition of anonymity, said the troops had withdrawn.",
        "troops had withdrawn",
        "officials",
    ),
    ("It was reported that the plant had been shut.", "plant had been shut", "it"),
]


@pytest.mark.parametrize(("text", "phrase", "name"), ANONYMOUS)
def test_anonymous_sources(analyzer: Analyzer, text: str, phrase: str, name: str) -> None:
    analysis = analyzer.analyze(text)
    claim = _claim(analysis, phrase)
    originator = analysis.source(claim.chain[-1])
    assert originator.type == "anonymous"
    assert originator.anonymous


SOURCES = [
    (
        "Ukrainian President Volodymyr Zelensky said the attack was a crime. Zelensky added that "
        "Russia would be held to account.",
        "Zelensky",
        "person",
        "Ukrainian President",
    ),
    (
        "Police officials said three people died. Later, the police said the toll had risen.",
        "police",
        "police",
        None,
    ),
    (
        "The State Emergency Service said 40 people were rescued. The service said later that "
        "the search was over.",
        "Emergency",
        "emergency_services",
        None,
    ),
    ("CNN reported that the airport was closed.", "CNN", "news_outlet", None),
]


@pytest.mark.parametrize(("text", "name", "type_", "role"), SOURCES)
def test_sources_merge_and_type(
    analyzer: Analyzer, text: str, name: str, type_: str, role: str | None
) -> None:
    analysis = analyzer.analyze(text)
    matching = [
        s for s in analysis.sources if any(name.lower() in n.lower() for n in [s.name, *s.aliases])
    ]
    assert len(matching) == 1, [(s.name, s.aliases) for s in analysis.sources]
    assert matching[0].type == type_
    if role is not None:
        assert matching[0].role == role


CUE_AFTER_THE_QUOTE = [
    (
        'Senator Ruth Okafor attacked the governor. "He is a pathetic figure!" she wrote.',
        "pathetic",
    ),
    (
        'Senator Ruth Okafor attacked the governor.\n"He is a pathetic figure!"\nshe wrote.',
        "pathetic",
    ),
    ('Senator Ruth Okafor faced the governor. "Who approved this budget?" she asked.', "budget"),
    ('Senator Ruth Okafor spoke last.\n\n"Is this a joke?"\nshe said.', "joke"),
]


@pytest.mark.parametrize(("text", "phrase"), CUE_AFTER_THE_QUOTE)
def test_a_cue_after_the_quote_wins_and_is_no_claim(
    analyzer: Analyzer, text: str, phrase: str
) -> None:
    analysis = check(analyzer, text, phrase, ["Okafor"], kind="direct")
    assert not [c for c in analysis.claims if c.text.strip().startswith("she ")]


CONTINUATION = [
    # a quote later in a quoted speaker's paragraph
    (
        'Mayor Dan Reilly defended the budget. "We will not raise taxes," he said. The council '
        'votes next week. "This is a fair plan."',
        "fair plan",
        ["Reilly"],
    ),
    # a quote paragraph with no cue, while the text stays with the speaker
    (
        '"The mine is safe," said Ana Cruz, the site manager.\n\n"We test the air every hour."',
        "test the air",
        ["Ana Cruz"],
    ),
    # ... and not once the narrative has turned to someone else
    (
        '"The mine is safe," said Ana Cruz, the site manager.\n\nPaul Diaz is a miner who '
        'worked there for 20 years.\n\n"Nobody tells us anything."',
        "Nobody tells us",
        ["Paul Diaz"],
    ),
    (
        '"Rents will rise," said the analyst Ben Myers.\n\nCouncillor Josh Matlow is a tenants '
        'advocate in the city.\n\n"The onus should not be on tenants."',
        "onus should not",
        ["Matlow"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), CONTINUATION)
def test_continuation_carries_the_speaker_only_while_the_text_stays_with_them(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct", inferred=True)


# A commitment verb's to-infinitive and a named preposition's object are content; an
# aspect verb's infinitive and a time after the preposition are not.
OBJECT_FRAMES = [
    (
        "The governor vowed on Friday to veto the spending bill.",
        "vowed",
        "to veto the spending bill",
    ),
    ("Both campaigns pledged to keep the debate civil.", "pledged", "to keep the debate civil"),
    (
        "The council member called for an inquiry into the contract.",
        "called",
        "an inquiry into the contract",
    ),
    ("The nominee spoke about the price of housing.", "spoke", "the price of housing"),
    ("The protesters railed against the new pipeline.", "railed", "the new pipeline"),
    ("Only a third of the voters said the same of the mayor.", "said", "the same of the mayor"),
]
# A gerund under a preposition speaks for the subject of the clause it modifies.
GERUNDS = [
    (
        "The senator held the seat by telling voters she would fix the roads.",
        "The senator",
        "she would fix the roads",
    ),
    (
        "After saying that the mill would close, the owners changed course.",
        "the owners",
        "that the mill would close",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), GERUNDS)
def test_gerund_cues_take_the_clause_subject(
    analyzer: Analyzer, text: str, source: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.source.text, a.content.text) for a in analysis.attributions if a.source}
    assert (source, content) in found


NO_OBJECT_FRAME = [
    "Fuel prices continued to climb through the summer.",
    "The governor spoke on Monday.",
    "The minister told reporters.",
    "The mayor did not vow to cut the fares.",
    "The chairman left the hearing without saying whether he would step down.",
]


@pytest.mark.parametrize(("text", "cue", "content"), OBJECT_FRAMES)
def test_infinitive_and_prepositional_content(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue and a.content}
    assert (cue, content) in found


@pytest.mark.parametrize("text", NO_OBJECT_FRAME)
def test_no_content_without_the_frame(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text).attributions == []


AFTER_A_PARTIAL_QUOTE = [
    (
        'Senator Tom Briggs spoke next. He said the bill "finally gives agents the tools they '
        'need" and accused Democrats of stalling.',
        "accused Democrats",
        'the bill "finally gives agents the tools they need"',
    ),
    (
        'The coach was blunt. She said the team "played without any heart" and blamed the '
        "schedule for the loss.",
        "blamed the schedule",
        'the team "played without any heart"',
    ),
    (
        'Mayor Lin Odell took questions. He said the budget "is balanced for the first time" and '
        "criticized the council for its delays.",
        "criticized the council",
        'the budget "is balanced for the first time"',
    ),
]


@pytest.mark.parametrize(("text", "act", "content"), AFTER_A_PARTIAL_QUOTE)
def test_a_verb_after_a_partial_quote_is_the_speakers_own_act(
    analyzer: Analyzer, text: str, act: str, content: str
) -> None:
    """The parser joins "accused" to the quoted verb; the speaker did the accusing, and
    the quote's frame ("He said") is no claim of its own."""
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    said = _claim(analysis, content)
    acted = _claim(analysis, act)
    assert said.chain[-1] == acted.chain[-1] != analysis.publisher
    assert said.text.startswith(("He said", "She said"))
    assert content in [a.content.text for a in analysis.attributions if a.content]


ISSUED_WITH_WORDS = [
    (
        "Sen. Dave Ruiz and Sen. Nora Patel issued a joint statement saying they would try to "
        "override the veto.",
        "override the veto",
        ["Ruiz"],
    ),
    (
        "The water board released a report warning that two dams could fail in a flood.",
        "two dams could fail",
        ["water board"],
    ),
    (
        "The carmaker published a notice saying the brakes on 12,000 vans were faulty.",
        "brakes on 12,000 vans",
        ["carmaker"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), ISSUED_WITH_WORDS)
def test_a_document_issued_with_words_speaks_for_its_issuer(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    """ "issued a statement saying ...": one claim, the issuer's, frame and all."""
    analysis = check(analyzer, text, phrase, chain)
    assert len(analysis.claims) == 1


COORDINATED = [
    "Sen. Dave Ruiz and Sen. Nora Patel said they had the votes.",
    "Mayor Lin Odell and Chief Ray Dunn told reporters the curfew would end.",
    "Ana Lopes and her brother Rui said the farm had been sold.",
]


@pytest.mark.parametrize("text", COORDINATED)
def test_coordinated_speakers_are_one_group_source(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    (claim,) = analysis.claims
    group = analysis.source(claim.chain[-1])
    assert " and " in group.name


ACCORDING_TO_INSIDE = [
    (
        "The former chief, according to two employees, had clashed with the board for months.",
        "The former chief",
        ["employees"],
    ),
    ("The plant, according to the company, will close in May.", "The plant", ["company"]),
    (
        "Turnout in the north, according to election officials, was the lowest since 1990.",
        "Turnout in the north",
        ["election officials"],
    ),
]


@pytest.mark.parametrize(("text", "subject", "chain"), ACCORDING_TO_INSIDE)
def test_according_to_inside_a_clause_vouches_for_all_of_it(
    analyzer: Analyzer, text: str, subject: str, chain: list[str]
) -> None:
    """The subject before the phrase is part of what the source vouches for, never a
    fragment in the publisher's voice."""
    analysis = check(analyzer, text, subject, chain)
    assert len(analysis.claims) == 1


# A paragraph signed at its end: an embedded post's footer, or a pull quote's credit.
SIGNED = [
    (
        "Crews restored power to most of the island overnight. The rest will wait until "
        "Monday. #IslandStorm pic.example.com/AbC123 — Coast Power (@coastpower) March 4, 2019",
        "Crews restored power",
        "Coast Power",
    ),
    (
        "Stop telling people what to think. Bring it on, if you dare. https://t.co/xyz "
        "— Dana Fields (@DanaFields) January 9, 2019",
        "Stop telling people",
        "Dana Fields",
    ),
    (
        "The vote is a win for every nurse in the province. "
        "https://t.co/q1w2e3 — Nurses United (@NursesUnited) June 2, 2019",
        "win for every nurse",
        "Nurses United",
    ),
    (
        "It is very hard on our older people if they have no heat at night. "
        "Maria Gomez, Port Alder mayor",
        "no heat at night",
        "Maria Gomez",
    ),
    (
        "Landlords will keep raising rents unless the province closes the loophole. "
        "Ben Okafor, Tenant Action",
        "keep raising rents",
        "Ben Okafor",
    ),
]
NOT_SIGNED = [
    "The harbour froze overnight for the first time in years. Darryl Dyck, The Canadian Press",
    "Residents lined up for water at the school gym. John Smith",
    "Crowds gathered outside the courthouse before dawn. Maria Lopez, Harbour Daily",
]


@pytest.mark.parametrize(("text", "phrase", "name"), SIGNED)
def test_a_signed_paragraph_is_its_signers(
    analyzer: Analyzer, text: str, phrase: str, name: str
) -> None:
    check(analyzer, text, phrase, [name])


@pytest.mark.parametrize("text", NOT_SIGNED)
def test_a_photo_credit_signs_nothing(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text).attributions == []


# Advice and warning: the to-infinitive is what was said, the listener is not.
ADVICE = [
    (
        "Fire officials advised homeowners never to leave a space heater running overnight.",
        "advised",
        "never to leave a space heater running overnight",
    ),
    (
        "The utility reminded customers to keep their freezers closed during the outage.",
        "reminded",
        "to keep their freezers closed during the outage",
    ),
    (
        "The police chief warned the public on Monday not to share the video.",
        "warned",
        "not to share the video",
    ),
    ("The mayor urged residents to boil their water.", "urged", "to boil their water"),
]
NO_ADVICE = [
    "The old photographs reminded him of home.",
    "The new tax credits encouraged investment in the north.",
]


@pytest.mark.parametrize(("text", "cue", "content"), ADVICE)
def test_advice_takes_the_infinitive_not_the_listener(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    check_content(analyzer, text, cue, content)


@pytest.mark.parametrize("text", NO_ADVICE)
def test_advice_verbs_need_a_clause_or_an_infinitive(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text).attributions == []


def check_content(analyzer: Analyzer, text: str, cue: str, content: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


# A cue set off by commas in mid-sentence reports both parts of the sentence.
AROUND_THE_CUE = [
    ("Too often, she says, the patients get nothing.", "she", ["Too often", "the patients get"]),
    (
        "The budget, the minister said, would be balanced within four years.",
        "the minister",
        ["The budget", "would be balanced within four years"],
    ),
    (
        "Trade is down sharply, the economist said, and is likely to fall further next year.",
        "the economist",
        ["Trade is down sharply", "and is likely to fall further next year"],
    ),
    (
        "What she learned, she says, is that the work is not hard.",
        "she",
        ["What she learned", "is that the work is not hard"],
    ),
    # an adverb or a date on the cue is still the cue's frame
    ("The plan, he said later, would cost millions.", "he", ["The plan", "would cost millions"]),
    (
        "The bridge, the mayor said on Monday, will reopen by June.",
        "the mayor",
        ["The bridge", "will reopen by June"],
    ),
    (
        "The talks, the envoy added on Tuesday night, had stalled.",
        "the envoy",
        ["The talks", "had stalled"],
    ),
    # so is the document or platform the speaker spoke in
    (
        "The vote, officials said in a statement, was close.",
        "officials",
        ["The vote", "was close"],
    ),
    (
        "The strike, the union said in a letter to members, will go on.",
        "the union",
        ["The strike", "will go on"],
    ),
    (
        "Too often, the mayor said on Facebook, the council ignores the north end.",
        "the mayor",
        ["Too often", "the council ignores the north end"],
    ),
]
NOT_AROUND_THE_CUE = [
    # a clause of the narrator's own after the cue
    (
        "The plant will close in March, he said, and about 300 workers were sent home.",
        "about 300 workers",
    ),
    # a setting before the cue
    ("On Monday, the governor said, the bridge will reopen.", "On Monday"),
]


@pytest.mark.parametrize(("text", "source", "parts"), AROUND_THE_CUE)
def test_a_cue_in_mid_sentence_reports_both_parts(
    analyzer: Analyzer, text: str, source: str, parts: list[str]
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    for part in parts:
        found = [a for a in analysis.attributions if part in a.content.text]
        assert found and found[0].source and found[0].source.text == source, (part, found)


@pytest.mark.parametrize(("text", "phrase"), NOT_AROUND_THE_CUE)
def test_a_part_that_is_not_said_stays_out(analyzer: Analyzer, text: str, phrase: str) -> None:
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if phrase in a.content.text]


# A quote that runs over paragraphs is one content per paragraph, each the speaker's.
RUN_ON = [
    (
        "“The process is broken,” Ruiz said Monday. “Most people do not have the facts.\n\n"
        "“So what you get is people guessing with poor information.\n\n"
        "“We do not want that.”",
        ["Most people do not", "So what you get", "We do not want"],
        "Ruiz",
    ),
    (
        "“We need to show that we are behind our workers,” Ana Lima said. “Without them we "
        "have nothing.\n\n“Our leaders have been faltering.”",
        ["Without them", "Our leaders"],
        "Ana Lima",
    ),
    (
        "“The first part of the plan is sound.\n\n“The second part is not,” the mayor said.",
        ["first part", "second part"],
        "mayor",
    ),
]


@pytest.mark.parametrize(("text", "phrases", "name"), RUN_ON)
def test_a_quote_over_paragraphs_is_one_content_per_paragraph(
    analyzer: Analyzer, text: str, phrases: list[str], name: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    for phrase in phrases:
        found = [a for a in analysis.attributions if phrase in a.content.text]
        assert len(found) == 1 and "\n" not in found[0].content.text, (phrase, found)
        check(analyzer, text, phrase, [name])


# A quote later in the sentence wins over an unquoted clause the parser also gave the cue;
# a quote found by "according to" is continued like any other.
QUOTED_FIRST = [
    (
        "When told of the agency's claim they had never done a study, he said, “I never said "
        "there was a study.”",
        "I never said there was a study.",
    ),
    (
        "Asked about the report that the mine had closed, she said, “Nobody has told us that.”",
        "Nobody has told us that.",
    ),
]


@pytest.mark.parametrize(("text", "content"), QUOTED_FIRST)
def test_the_quoted_clause_is_the_content(analyzer: Analyzer, text: str, content: str) -> None:
    analysis = analyzer.analyze(text)
    said = [a.content.text for a in analysis.attributions if a.cue and a.source]
    assert any(content in found for found in said), said


AFTER_ACCORDING_TO = [
    (
        '"This crisis has pulled back the curtain on a broken system," according to Dr. Lena '
        'Ortiz, a family doctor in Halifax. "In fact, the system is making things worse."',
        "the system is making things worse",
        ["Ortiz"],
    ),
    (
        '"The river has never been this low," according to Sam Price, the harbour master. '
        '"Boats are stuck at the dock."',
        "Boats are stuck",
        ["Price"],
    ),
    (
        '"We ran out of beds by noon," according to nurse Tom Reyes. "Patients waited in the '
        'hall."',
        "Patients waited",
        ["Reyes"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), AFTER_ACCORDING_TO)
def test_a_quote_after_an_according_to_quote_continues_it(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct")


# Parses built by hand (the parser's mistakes are not reproducible on demand): a name
# left in the sentence before its cue, or glued to a stray mark, still speaks.
ORPHANS = [
    # "Housing advocate Matlow" split off as a sentence of its own
    (
        ["Housing", "advocate", "Matlow", "said", "he", "likes", "the", "plan", "."],
        [1, 2, 2, 3, 5, 3, 7, 5, 3],
        ["compound", "compound", "ROOT", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct"],
        ["NOUN", "NOUN", "PROPN", "VERB", "PRON", "VERB", "DET", "NOUN", "PUNCT"],
        ["NN", "NN", "NNP", "VBD", "PRP", "VBZ", "DT", "NN", "."],
        "Matlow",
    ),
    # "Traeger\u200b" read as punctuation of the cue
    (
        ["Union", "leader", "Traeger\u200b", "said", "wages", "will", "rise", "."],
        [1, 6, 3, 3, 6, 6, 3, 3],
        ["compound", "npadvmod", "punct", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        ["NOUN", "NOUN", "PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"],
        ["NN", "NN", "NNP", "VBD", "NNS", "MD", "VB", "."],
        "Traeger",
    ),
    # "City Councillor Ana Ruiz" hung under the cue as a stray dependent
    (
        ["City", "Councillor", "Ana", "Ruiz", "told", "reporters", "rents", "will", "rise", "."],
        [1, 3, 3, 4, 4, 4, 8, 8, 4, 4],
        [
            "compound",
            "compound",
            "compound",
            "dep",
            "ROOT",
            "dative",
            "nsubj",
            "aux",
            "ccomp",
            "punct",
        ],
        ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "NOUN", "NOUN", "AUX", "VERB", "PUNCT"],
        ["NNP", "NNP", "NNP", "NNP", "VBD", "NNS", "NNS", "MD", "VB", "."],
        "Ruiz",
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "tags", "name"), ORPHANS)
def test_a_name_left_before_a_subjectless_cue_speaks(
    analyzer: Analyzer, words, heads, deps, pos, tags, name: str
) -> None:
    from spacy.tokens import Doc

    from attribution.stages.cues import find_cues
    from attribution.stages.links import find_links

    lemmas = [{"said": "say", "told": "tell"}.get(w, w.lower()) for w in words]
    doc = Doc(
        analyzer.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas
    )
    compiled = analyzer.component.compiled
    links = find_links(doc, [], find_cues(doc, compiled), compiled)
    sources = [doc.text[link.source[0] : link.source[1]] for link in links if link.source]
    assert sources and sources[0].endswith(name), sources


# '"...," points out the resident': a speaker the parser took for the cue's object.
INVERTED = [
    (
        "“You’re talking about one kind of comic only,” points out the laid-back resident, "
        "who moved here in 2004.",
        "one kind of comic",
        "the laid-back resident",
    ),
    (
        "“It is the only shop of its kind,” points out the longtime resident, who opened it "
        "in 2010.",
        "only shop of its kind",
        "the longtime resident",
    ),
    (
        "“The rules are clear,” notes the union's lawyer.",
        "rules are clear",
        "the union's lawyer",
    ),
    # a common noun the parser read as the cue's object (or attribute) after the quote
    ("“Stop the trucks,” shouted the protester.", "Stop the trucks", "the protester"),
    ("“Get out of the water,” yelled a lifeguard.", "out of the water", "a lifeguard"),
    ("“Give us a break,” pleaded the driver.", "Give us a break", "the driver"),
]


@pytest.mark.parametrize(("text", "phrase", "source"), INVERTED)
def test_an_inverted_speaker_after_a_quote(
    analyzer: Analyzer, text: str, phrase: str, source: str
) -> None:
    analysis = analyzer.analyze(text)
    found = [a for a in analysis.attributions if phrase in a.content.text]
    assert found and found[0].source and found[0].source.text == source, found


# A quote opened by a colon after a copula speaks for the clause's subject, if it is a
# named person or body or he/she/they; not for "it", nor after what someone did.
COLON_QUOTES = [
    (
        'Dr. Ana Lima, a surgeon in Halifax, is more blunt: "The system is failing the '
        'patients who need it most."',
        "system is failing",
        ["Lima"],
    ),
    (
        'Councillor Josh Ruiz was even more direct: "The landlords are winning."',
        "landlords",
        ["Ruiz"],
    ),
    (
        'Maria Gomez spent 30 years at the plant.\n\nShe was blunt: "Nobody listened to us."',
        "Nobody listened",
        ["Gomez"],
    ),
    # the subject is a common noun that a speaker owns: "Lee's message", "her advice"
    ("Pedro Alves’s message was simple: “Stay home.”", "Stay home", ["Alves"]),
    (
        "Joan Park, a nurse, said the ward was full. Her advice is blunt: “Don’t sign anything.”",
        "sign anything",
        ["Park"],
    ),
    ("Mayor Tom Reid’s answer was short: “Not this year.”", "Not this year", ["Reid"]),
]
NO_COLON_SPEAKER = [
    'It was simple: "Build more homes."',
    'Police found a note in the car: "Do not follow me."',
    'The plan is simple: "Build more homes."',
    "The city’s plan is simple: “Fix the roads first.”",
    "Its message was clear: “Stay away.”",
]


@pytest.mark.parametrize(("text", "phrase", "chain"), COLON_QUOTES)
def test_a_colon_after_a_copula_gives_the_quote_to_the_subject(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct")


@pytest.mark.parametrize("text", NO_COLON_SPEAKER)
def test_a_colon_alone_is_no_cue(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == ":"]


# Content edges as annotators draw them (PolNeAR's convention): the clause's own
# complementizer is content; a comma-set aside closing the clause is the writer's, not the
# speaker's; reported speech that opens a quotation runs to its closing mark; a quote inside
# a phrase of the frame is part of that phrase, not the whole of what was said.
CONTENT_EDGES = [
    (
        "The inspector said that the water had been safe all along.",
        "said",
        "that the water had been safe all along",
    ),
    (
        "The council noted that the library would stay open on Sundays.",
        "noted",
        "that the library would stay open on Sundays",
    ),
    (
        "The coach said the team would play without Marta Ruiz, who broke her wrist in training.",
        "said",
        "the team would play without Marta Ruiz",
    ),
    (
        "Officials said the money went to the Harbor Trust, a charity run by the mayor's cousin.",
        "said",
        "the money went to the Harbor Trust",
    ),
    (
        "The report said the fire began in the old mill, which had been empty for years.",
        "said",
        "the fire began in the old mill",
    ),
    (
        "Residents said the road was built by Delta Paving, a firm based in the next county.",
        "said",
        "the road was built by Delta Paving",
    ),
    (
        "The captain said the crew had been “tired and hungry for days. Nobody complained once.”",
        "said",
        "the crew had been “tired and hungry for days. Nobody complained once.”",
    ),
    (
        "Ms. Okafor told the board that the plan was “a gamble. It could still pay off.”",
        "told",
        "that the plan was “a gamble. It could still pay off.”",
    ),
    (
        "The farmer said his harvest was “the worst in memory. We lost half the wheat.”",
        "said",
        "his harvest was “the worst in memory. We lost half the wheat.”",
    ),
    (
        "The governor also called for more “patience” from city workers during the strike.",
        "called",
        "more “patience” from city workers during the strike",
    ),
    (
        "The pastor spoke about the “quiet” courage of the nurses in the ward.",
        "spoke",
        "the “quiet” courage of the nurses in the ward",
    ),
    (
        "The activists called for a “swift” inquiry into the shooting.",
        "called",
        "a “swift” inquiry into the shooting",
    ),
    ("The minister told reporters “We will not raise taxes.”", "told", "We will not raise taxes."),
    # a cue set off by commas inside the clause it reports: the predicate after it
    (
        "The new plan, the mayor said, would cut the deficit in half.",
        "said",
        "would cut the deficit in half",
    ),
    (
        "In her district, the senator said, most families rent their homes.",
        "said",
        "most families rent their homes",
    ),
    (
        "The bridge, officials said on Friday, will stay closed until spring.",
        "said",
        "will stay closed until spring",
    ),
    ("The vote, according to two aides, was delayed.", "according to", "was delayed"),
    # appositions in a series are a list, not an aside
    (
        "Exit polls showed that Smith was backed by a majority of women, young voters, those"
        " with college degrees.",
        "showed",
        "that Smith was backed by a majority of women, young voters, those with college degrees",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), CONTENT_EDGES)
def test_content_edges(analyzer: Analyzer, text: str, cue: str, content: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


# A speech verb conjoined to a cue's content clause ("said X and warned that Y") is the
# speaker going on: the first content stops before it, and it speaks for the same subject.
SECOND_CUES = [
    (
        "The manager told staff the store would close early and promised that wages would be paid.",
        [
            ("The manager", "told", "the store would close early"),
            ("The manager", "promised", "that wages would be paid"),
        ],
    ),
    (
        "The pilot said the engine had failed and added that nobody was hurt.",
        [
            ("The pilot", "said", "the engine had failed"),
            ("The pilot", "added", "that nobody was hurt"),
        ],
    ),
    (
        "The treasurer says the accounts are in order and denies that funds were moved.",
        [
            ("The treasurer", "says", "the accounts are in order"),
            ("The treasurer", "denies", "that funds were moved"),
        ],
    ),
    (
        "The chief told reporters the suspect had fled and urged residents to lock their doors.",
        [
            ("The chief", "told", "the suspect had fled"),
            ("The chief", "urged", "to lock their doors"),
        ],
    ),
]
# A second verb with a subject or a "that" of its own stays in the content.
ONE_CONTENT = [
    (
        "Analysts said that prices rose and stayed high all year.",
        "said",
        "that prices rose and stayed high all year",
    ),
    (
        "The clerk said that the files were lost and that nobody had copies.",
        "said",
        "that the files were lost and that nobody had copies",
    ),
    (
        "The nurse said the ward was full and the doctors were exhausted.",
        "said",
        "the ward was full and the doctors were exhausted",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_CUES)
def test_a_conjoined_speech_verb_is_a_second_statement(
    analyzer: Analyzer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {
        (a.source.text, a.cue.text, a.content.text)
        for a in analysis.attributions
        if a.source and a.cue
    }
    assert set(expected) <= found, found


@pytest.mark.parametrize(("text", "cue", "content"), ONE_CONTENT)
def test_a_coordinated_content_clause_stays_whole(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


RECENT_OVER_GENDERED = [
    (
        "Mayor Peter Lang has stood by the chief. But council member Sam Okoye said the chief "
        "had lost the public's trust. He said he would ask for an independent review.",
        "independent review",
        ["Okoye"],
    ),
    (
        "Police Chief Laura Vance spoke first. The video was filmed by a student, Jia Chen. She "
        "told the Herald that the crowd had been peaceful.",
        "crowd had been peaceful",
        ["Chen"],
    ),
    (
        "Governor Mary Holt left early. The report was written by an engineer, Kim Oduya. She "
        "said the dam was unsafe.",
        "dam was unsafe",
        ["Oduya"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), RECENT_OVER_GENDERED)
def test_a_pronoun_takes_the_last_speaker_or_the_doer_just_named(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    """A name whose gender the text does not tell still wins when it is the speaker just
    before, or the doer of a passive just before ("filmed by a student, Jia Chen"), over
    a person of known gender further back."""
    check(analyzer, text, phrase, chain)


# A verb conjoined to the content clause with no subject of its own, whose tense agrees
# with the cue's and cannot agree with the clause's, is the speaker going on: it stays out
# of the content. Where the tenses cannot tell (all past), the clause stays whole.
SPEAKERS_OWN_ACT = [
    (
        "The mayor said the bridge would reopen in May and thanked the crews for their patience.",
        "said",
        "the bridge would reopen in May",
    ),
    (
        "The minister said that the tax would rise next year and refused to answer questions.",
        "said",
        "that the tax would rise next year",
    ),
    (
        "The coach says his team can still win the title and praises the young players.",
        "says",
        "his team can still win the title",
    ),
]
# The same when the parser hangs the second verb on the cue itself, after the clause.
SPEAKERS_OWN_ACT += [
    (
        "The chief said that crime had fallen last year, but declined to give figures.",
        "said",
        "that crime had fallen last year",
    ),
    (
        "The union said that members would strike, and walked out of the talks.",
        "said",
        "that members would strike",
    ),
]
SHARED_TENSE_STAYS = [
    (
        "Witnesses said the driver was speeding and hit the barrier.",
        "said",
        "the driver was speeding and hit the barrier",
    ),
    (
        "The report says the river is rising and floods the lower town each spring.",
        "says",
        "the river is rising and floods the lower town each spring",
    ),
    (
        "She said the company had lost money and cut jobs.",
        "said",
        "the company had lost money and cut jobs",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), SPEAKERS_OWN_ACT + SHARED_TENSE_STAYS)
def test_a_conjoined_act_of_the_speaker_is_no_content(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


# In the broad scope, a date or time that closes a verb's object says when, not what:
# "endorsed the governor in March" endorsed the governor. A date inside the object, or a
# phrase that is no date, stays.
WHEN_NOT_WHAT = [
    ("The union endorsed the governor in March.", "endorsed", "the governor"),
    ("The council proposed a new tax in 2019.", "proposed", "a new tax"),
    ("The governor announced her candidacy in June 2021.", "announced", "her candidacy"),
    ("The group denied the charges on Tuesday.", "denied", "the charges"),
]
WHEN_INSIDE_STAYS = [
    (
        "The union accused the firm in 2019 of hiding losses.",
        "accused",
        "the firm in 2019 of hiding losses",
    ),
    (
        "The mayor praised the volunteers on Sunday for their courage.",
        "praised",
        "the volunteers on Sunday for their courage",
    ),
    ("The union accused the firm of hiding losses.", "accused", "the firm of hiding losses"),
]


@pytest.fixture(scope="module")
def broad(analyzer: Analyzer) -> Analyzer:
    return Analyzer(nlp=analyzer.nlp, scope="all")


@pytest.mark.parametrize(("text", "cue", "content"), WHEN_NOT_WHAT + WHEN_INSIDE_STAYS)
def test_a_closing_date_is_no_part_of_the_object(
    broad: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = broad.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


# A quote right after the sentence of a speaker's cue goes on that speaker: also when the
# words before the cue only end in a quote, and when the cue's sentence adds a clause of
# the speaker's ("adding that ..."). (text, the speaker, the quote that goes on)
GOES_ON_AFTER_THE_CUE = [
    (
        "Yet the plan is also “a fair start,” Moreno said. “That is what the town needs.”",
        "Moreno",
        "That is what the town needs.",
    ),
    (
        "“The roads are clear,” Ana Ruiz said, adding that crews had worked all night. “Schools"
        " will open on time.”",
        "Ana Ruiz",
        "Schools will open on time.",
    ),
    (
        "“Take a smaller loan,” the clerk Tom Hale said, apparently suggesting that the bank was"
        " cautious. “Nobody gets that much on day one.”",
        "Tom Hale",
        "Nobody gets that much on day one.",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "quote"), GOES_ON_AFTER_THE_CUE)
def test_a_quote_after_the_cue_sentence_goes_on_the_speaker(
    analyzer: Analyzer, text: str, speaker: str, quote: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = [a for a in analysis.attributions if a.content.text == quote]
    assert len(found) == 1, [(a.content.text, a.source_id) for a in analysis.attributions]
    assert found[0].cue is None and found[0].source_id is not None
    assert speaker.lower() in _names(analysis, found[0].source_id)


def _pairs(analyzer: Analyzer, text: str) -> set[tuple[str | None, str | None, str]]:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    return {
        (a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
        for a in analysis.attributions
    }


# "called for X to do Y": the infinitive clause with its own subject is the content.
CALL_FOR_CLAUSE = [
    (
        "The mayor is calling for the county to reopen the bridge before winter.",
        ("The mayor", "calling", "the county to reopen the bridge before winter"),
    ),
    (
        "The union has called for the board to be replaced by an elected panel.",
        ("The union", "called", "the board to be replaced by an elected panel"),
    ),
    ("Residents called for the mayor to resign.", ("Residents", "called", "the mayor to resign")),
]
NO_CALL_FOR_CLAUSE = [
    # "for" is no preposition of "speak": no content
    "The mayor spoke for ten minutes to calm the crowd.",
    "The teachers waited for the buses to arrive.",
]


@pytest.mark.parametrize(("text", "expected"), CALL_FOR_CLAUSE)
def test_a_call_for_someone_to_act_is_the_content(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(analyzer, text)


@pytest.mark.parametrize("text", NO_CALL_FOR_CLAUSE)
def test_a_for_clause_of_another_verb_is_no_content(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text).attributions == []


# A record (a poll, a memo, a study) "shows" an object: the object is what it reports; a
# participle that modifies the record ("a poll showing ...") speaks for the record.
EVIDENCE = [
    (
        "A new survey shows the mayor trailing her rival by nine points.",
        ("A new survey", "shows", "the mayor trailing her rival by nine points"),
    ),
    (
        "The leaked memos showed managers ignoring the safety warnings.",
        ("The leaked memos", "showed", "managers ignoring the safety warnings"),
    ),
    (
        "The city released a survey, which showed a sharp fall in burglaries.",
        ("which", "showed", "a sharp fall in burglaries"),
    ),
    (
        "The town hall was tense after a poll showing the tax plan losing badly.",
        ("a poll", "showing", "the tax plan losing badly"),
    ),
]
NO_EVIDENCE = [
    "The farmers showed the inspectors a flooded field.",
    "The museum showed the paintings for the first time.",
    "The players showed great courage in the final.",
]


@pytest.mark.parametrize(("text", "expected"), EVIDENCE)
def test_what_a_record_shows_is_its_content(
    broad: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(broad, text)


@pytest.mark.parametrize("text", NO_EVIDENCE)
def test_what_someone_shows_is_no_statement(broad: Analyzer, text: str) -> None:
    assert broad.analyze(text).attributions == []


# The subject of a passive cue is who was asked or spoken of, never the speaker; only the
# expletive "it" ("it was reported that ...") stands for a vague report.
PASSIVE_SUBJECTS = [
    ("He was asked whether he would run again.", "He"),
    ("She is expected to announce her decision on Friday.", "She"),
    ("They were told that the plant would close.", "They"),
]


@pytest.mark.parametrize(("text", "subject"), PASSIVE_SUBJECTS)
def test_a_passive_subject_is_not_the_speaker(analyzer: Analyzer, text: str, subject: str) -> None:
    assert not [s for s, _, _ in _pairs(analyzer, text) if s == subject]


# ... but a passive's subject does what a participle joined to it does.
PASSIVE_DOERS = [
    (
        "He was quoted as saying by local media that the roads were closed.",
        ("He", "saying", "that the roads were closed"),
    ),
    (
        "The mayor was quoted as saying that the budget was tight.",
        ("The mayor", "saying", "that the budget was tight"),
    ),
    (
        "She was asked about the plan, saying it would cost too much.",
        ("She", "saying", "it would cost too much"),
    ),
    (
        "He was criticized for saying that the war was over.",
        ("He", "saying", "that the war was over"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PASSIVE_DOERS)
def test_a_passive_subject_does_what_its_participle_does(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(analyzer, text)


def test_a_passive_question_verb_asks_nothing(analyzer: Analyzer) -> None:
    """ "if they are asked to leave" is no reporter's question ("Asked whether ...")."""
    text = "He said tenants should be paid if they are asked to leave before the lease ends."
    assert not [a for a in analyzer.analyze(text).attributions if a.cue and a.cue.text == "asked"]


def test_an_expletive_it_still_reports_vaguely(analyzer: Analyzer) -> None:
    text = "It was reported on Monday that the mine would close."
    pairs = _pairs(analyzer, text)
    assert ("It", "reported", "that the mine would close") in pairs


# "citing X", "cited X": what is cited, when it is no one who could speak, is the citer's
# statement of grounds; a cited person or body relays instead.
CITED_GROUNDS = [
    (
        '"It is a sign of anger," the senator said, citing low wages and rising rents.',
        ("the senator", "citing", "low wages and rising rents"),
    ),
    (
        "The council cited rising costs as the reason for the delay.",
        ("The council", "cited", "rising costs as the reason for the delay"),
    ),
    (
        "The airline cancelled forty flights, citing the storm over the Alps.",
        ("The airline", "citing", "the storm over the Alps"),
    ),
]
CITED_SPEAKERS = [
    ("CNN, citing two officials, reported that the deal was off.", "two officials"),
    ("Reuters reported, citing the Kremlin, that the talks would resume.", "the Kremlin"),
    ("The paper, citing a police spokesman, said nine people were hurt.", "a police spokesman"),
]


@pytest.mark.parametrize(("text", "expected"), CITED_GROUNDS)
def test_cited_grounds_are_the_citers_content(
    broad: Analyzer, analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(broad, text)
    assert expected not in _pairs(analyzer, text)  # a topic: content in 'all' only


@pytest.mark.parametrize(("text", "cited"), CITED_SPEAKERS)
def test_a_cited_speaker_is_a_source_not_content(broad: Analyzer, text: str, cited: str) -> None:
    pairs = _pairs(broad, text)
    assert not [c for _, _, c in pairs if c == cited]
    assert [s for s, _, _ in pairs if s == cited], pairs


# "In a statement to the Herald, her press secretary, Ana Ruiz, said ...": the parser hangs
# the speaker on the opening phrase as an apposition; the cue has no subject of its own.
SWALLOWED_SPEAKERS = [
    (
        "In a statement to the Herald, her press secretary, Ana Ruiz, said the budget was "
        "balanced.",
        ("Ana Ruiz", "said", "the budget was balanced"),
    ),
    (
        "In a letter to Mayor Dan Cole, the head of the union, said the strike would go ahead.",
        ("the head of the union", "said", "the strike would go ahead"),
    ),
    (
        'At a rally in Ohio, the senator\'s spokesman, Tom Ellis, said: "We are not done."',
        ("Tom Ellis", "said", "We are not done."),
    ),
]
NOT_SWALLOWED = [
    # the cue's own subject comes after the apposition
    (
        "In Paris, the capital, officials said the roads were closed.",
        ("officials", "said", "the roads were closed"),
    ),
    (
        "At the hearing in Salem, a former aide to the governor testified that she had "
        "seen the files.",
        ("a former aide to the governor", "testified", "that she had seen the files"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SWALLOWED_SPEAKERS + NOT_SWALLOWED)
def test_a_speaker_hung_on_the_opening_phrase_speaks(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(analyzer, text)


# A to-infinitive cue of speech speaks with the subject of the verb it completes or serves.
CONTROLLED = [
    (
        "The senator went on to say that the bill was dead.",
        ("The senator", "say", "that the bill was dead"),
    ),
    (
        "Most voters are likely to say that the economy is weak.",
        ("Most voters", "say", "that the economy is weak"),
    ),
    (
        "The mayor flew to Rome to announce that the deal was done.",
        ("The mayor", "announce", "that the deal was done"),
    ),
    (
        "The minister was quick to point out that prices had fallen.",
        ("The minister", "point", "that prices had fallen"),
    ),
]
NOT_CONTROLLED = [
    # no one in particular
    ("It is hard to say whether the bill will pass.", "It"),
    # the one urged is the one to speak, not the one who urges
    ("The chief urged residents to report that the water was brown.", "residents"),
    # a perception, not a statement
    ("She did not want to hear any more excuses.", "She"),
]


@pytest.mark.parametrize(("text", "expected"), CONTROLLED)
def test_an_infinitive_cue_speaks_with_its_controller(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(analyzer, text)


def test_an_infinitive_cue_with_an_object_speaks_in_the_broad_scope_only(
    broad: Analyzer, analyzer: Analyzer
) -> None:
    text = "The senator took to the radio to praise the new bridge."
    expected = ("The senator", "praise", "the new bridge")
    assert expected in _pairs(broad, text)
    assert expected not in _pairs(analyzer, text)


@pytest.mark.parametrize(("text", "subject"), NOT_CONTROLLED)
def test_no_controller_speaks_for_these(
    broad: Analyzer, analyzer: Analyzer, text: str, subject: str
) -> None:
    for scoped in (broad, analyzer):
        assert not [s for s, _, _ in _pairs(scoped, text) if s == subject]


# A lone noun-phrase object of a cue verb names a thing acted on, not a proposition: in
# 'speech' scope it is no content ("defended the new fees"); a clause, quoted words, a
# second complement ("accused X of Y") or a clause the parser split still are.
BARE_THINGS = [
    ("The club's owner suggested a different pricing model.", "suggested"),
    ("A rebel faction claimed responsibility for the bombing of the depot.", "claimed"),
    ("The young striker already boasts three league titles.", "boasts"),
    ("The premier rejected a federal offer of two billion dollars.", "rejected"),
    # the verb's own setting after the object is no clause the parser split off
    ("Residents called the hotline on Monday night.", "called"),
    ("The premier rejected the offer again on Friday.", "rejected"),
    ("The club's owner suggested a new model in March.", "suggested"),
]
NOT_BARE_THINGS = [
    (
        "Neighbours accused the landlord of ignoring their complaints.",
        "accused",
        "the landlord of ignoring their complaints",
    ),
    (
        "The senator called the bill “a betrayal of every worker.”",
        "called",
        "the bill “a betrayal of every worker.”",
    ),
    (
        "Coach Reyes said the decision of the referees and the league hurt his players.",
        "said",
        "the decision of the referees and the league hurt his players",
    ),
]


@pytest.mark.parametrize(("text", "cue"), BARE_THINGS)
def test_a_bare_noun_object_is_no_speech(analyzer: Analyzer, text: str, cue: str) -> None:
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == cue]


@pytest.mark.parametrize(("text", "cue"), BARE_THINGS[:2])
def test_a_bare_noun_object_is_content_in_the_broad_scope(text: str, cue: str) -> None:
    analysis = shared_analyzer("all").analyze(text)
    assert [a for a in analysis.attributions if a.cue and a.cue.text == cue]


@pytest.mark.parametrize(("text", "cue", "content"), NOT_BARE_THINGS)
def test_an_object_with_a_clause_or_quote_stays_content(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue and a.content}
    assert (cue, content) in found


# Capitalised labels that open lines: in a transcript the speakers take turns and come
# back; labels used once each, three or more, are a story's run-in headings.
RUN_IN_HEADINGS = [
    "Markets were mixed on Friday.\n\nSTOCKS: The main index rose 1 per cent by midday.\n\n"
    "GOLD: The metal slipped to its lowest level in a month.\n\n"
    "RATES: The central bank held its key rate steady for a third meeting.",
    "The storm moved east overnight.\n\nROADS: Two highways stayed closed until noon.\n\n"
    "SCHOOLS: Classes were cancelled across the north end.\n\n"
    "POWER OUTAGES: About 9,000 homes were still in the dark on Sunday.\n\n"
    "READ MORE: Five ways to get ready for the next storm",
    "The season opens next week.\n\nTHE PICK: The home side looks strongest up front.\n\n"
    "THE SLEEPER: A young keeper could steal the starting job.\n\n"
    "THE DOUBT: The back line lost two starters over the winter.",
]
TURNS = [
    (
        "HOST: What did you see that night?\n\nWARD: I saw smoke over the river and called "
        "the fire hall.\n\nHOST: And then what happened?\n\nWARD: We waited for the trucks "
        "for an hour.",
        "waited for the trucks",
        "WARD",
    ),
    (
        "MORALES: We will never accept this deal, not now and not later.",
        "never accept this deal",
        "MORALES",
    ),
    (
        "ANCHOR: Is the bridge safe?\n\nOKAFOR: I would not drive across it tonight.\n\n"
        "ANCHOR: Thank you for your time this evening.",
        "would not drive",
        "OKAFOR",
    ),
]


@pytest.mark.parametrize("text", RUN_IN_HEADINGS)
def test_run_in_headings_are_no_speakers(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == ":"]


@pytest.mark.parametrize(("text", "phrase", "name"), TURNS)
def test_a_transcript_turn_is_its_speakers(
    analyzer: Analyzer, text: str, phrase: str, name: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = [a.source.text for a in analysis.attributions if phrase in a.content.text and a.source]
    assert found == [name]


# A participle clause after a closing cue is the writer's gloss on what the statement did;
# a cue participle ("adding that ...") or a predicate after a mid-sentence cue is said.
GLOSS_AFTER_THE_CUE = [
    (
        "Four hikers were still missing on Sunday, the park service said, raising fears "
        "for their safety.",
        "Four hikers were still missing on Sunday",
        "raising fears",
    ),
    (
        "The plant will close in May, the company said, putting 300 jobs at risk.",
        "The plant will close in May",
        "putting 300 jobs",
    ),
    (
        "Two bridges were washed out, officials said, leaving the village cut off.",
        "Two bridges were washed out",
        "leaving the village",
    ),
]
SAID_AFTER_THE_CUE = [
    ("The market, she said, was never the problem.", "was never the problem"),
    ("The strike is over, the union said, adding that talks would resume.", "talks would resume"),
    ("Most of the money, the auditor said, went to consultants.", "went to consultants"),
]


@pytest.mark.parametrize(("text", "said", "gloss"), GLOSS_AFTER_THE_CUE)
def test_a_participle_after_the_cue_is_the_writers(
    analyzer: Analyzer, text: str, said: str, gloss: str
) -> None:
    analysis = analyzer.analyze(text)
    contents = [a.content.text for a in analysis.attributions]
    assert said in contents
    assert not [c for c in contents if gloss in c]


@pytest.mark.parametrize(("text", "said"), SAID_AFTER_THE_CUE)
def test_a_predicate_or_cue_after_the_cue_is_said(analyzer: Analyzer, text: str, said: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert [a for a in analysis.attributions if said in a.content.text]


# A negation inside the quote that the parser hung on the cue does not negate the cue.
QUOTED_NEGATION = [
    ("“Absolutely not,” he said.", "Absolutely not"),
    ("Asked if he would resign, the chief replied: “Certainly not.”", "Certainly not"),
    ("“Not a chance,” the coach said of a comeback.", "Not a chance"),
]
NEGATED_CUES = [
    "The mayor did not say when the road would reopen.",
    "The club never confirmed that the coach had been fired.",
    "“We will see,” the owner did not add.",
]


@pytest.mark.parametrize(("text", "content"), QUOTED_NEGATION)
def test_a_quoted_negation_leaves_the_cue_standing(
    analyzer: Analyzer, text: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert [a for a in analysis.attributions if content in a.content.text and a.source]


@pytest.mark.parametrize("text", NEGATED_CUES)
def test_a_negated_cue_attributes_nothing(analyzer: Analyzer, text: str) -> None:
    assert not [a for a in analyzer.analyze(text).attributions if a.cue and a.cue.text != "asked"]


# "X did A and, <aside>, said ...": the parser hangs the first conjunct on the cue as its
# clause; its subject speaks and the clause after the cue is the content.
FIRST_CONJUNCT = [
    (
        "He shook hands with the mayor and, to the surprise of many, said the plant would "
        "stay open.",
        "He",
        "the plant would stay open",
    ),
    (
        "She thanked the staff and, with a smile, told them she would be back.",
        "She",
        "she would be back",
    ),
    (
        "The coach sat down and, after a long pause, said the season was over.",
        "The coach",
        "the season was over",
    ),
]
NOT_FIRST_CONJUNCT = [
    (
        "The plant will close and, sadly, nothing can be done, the union said.",
        "the union",
        "The plant will close",
    ),
    (
        "Prices rose and, as a result, the bank said it would raise rates.",
        "the bank",
        "it would raise rates",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), FIRST_CONJUNCT + NOT_FIRST_CONJUNCT)
def test_a_first_conjunct_before_an_aside_is_no_content(
    analyzer: Analyzer, text: str, source: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = [a for a in analysis.attributions if a.source and a.source.text == source]
    assert found and all(a.content.text.startswith(content) for a in found)


# A quote of several sentences closed by an inverted cue: the parser takes the quote's last
# words for a second subject of the cue; the speaker is the one outside the quote.
LONG_QUOTE_THEN_CUE = [
    ("“The plan is late. Very late,” said Rosa Diaz, a council member.", "Rosa Diaz", "Very late"),
    (
        "“We waited. Nobody came,” said the farmer, who lives near the dam.",
        "the farmer",
        "Nobody came",
    ),
    ("“It is over. All over,” said Coach Ian Reed after the game.", "Coach Ian Reed", "All over"),
]


@pytest.mark.parametrize(("text", "speaker", "end"), LONG_QUOTE_THEN_CUE)
def test_a_cue_after_a_quote_of_several_sentences_names_its_speaker(
    analyzer: Analyzer, text: str, speaker: str, end: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    (link,) = [a for a in analysis.attributions if end in a.content.text]
    assert link.source is not None and link.source.text == speaker


# A passive cue joined to another verb is said to its subject, by someone else: it takes no
# speaker from the verb it is joined to.
PASSIVE_CONJUNCT = [
    "The board raised questions in 2022 but was told the figures were correct.",
    "The mayor asked for a delay and was told that the work could not wait.",
    "The union pressed for talks and was promised that no jobs would go.",
]


@pytest.mark.parametrize("text", PASSIVE_CONJUNCT)
def test_a_passive_cue_joined_to_a_verb_has_no_speaker(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert [a for a in analysis.attributions if a.source is not None] == []


def test_an_active_cue_joined_to_a_verb_keeps_its_subject(analyzer: Analyzer) -> None:
    text = "The mayor paused and added that the work could not wait."
    (link,) = analyzer.analyze(text).attributions
    assert link.source is not None and link.source.text == "The mayor"


# An indirect question asserts nothing: in 'speech' scope no content is linked to "asked
# whether ..." or "asked her how ..."; the broad scope keeps them (PolNeAR annotates
# questions). A quoted question, a request and the answer to a question stay.
QUESTIONS_ASSERT_NOTHING = [
    ("The committee asked whether the contract had been signed in time.", "asked"),
    ("The inspector asked the driver how fast he had been going.", "asked"),
    ("Several parents asked if the school would reopen after the flood.", "asked"),
    ("The coach kept asking his players why they had stopped running.", "asking"),
]
QUESTIONS_THAT_STAY = [
    ('"Who signed this cheque?" the auditor asked.', "asked", "Who signed this cheque?"),
    ("The mayor asked the council to delay the vote.", "asked", "the council to delay the vote"),
    (
        "Asked whether the mill would close, the manager said the decision was months away.",
        "said",
        "the decision was months away",
    ),
]


@pytest.mark.parametrize(("text", "cue"), QUESTIONS_ASSERT_NOTHING)
def test_an_indirect_question_asserts_nothing(analyzer: Analyzer, text: str, cue: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == cue]


@pytest.mark.parametrize(("text", "cue", "content"), QUESTIONS_THAT_STAY)
def test_a_quoted_question_a_request_and_the_answer_stay(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The committee asked whether the contract had been signed in time.",
            "asked",
            "whether the contract had been signed in time",
        ),
        ("The inspector asked the driver how fast he had been going.", "asked", "how fast"),
    ],
)
def test_the_broad_scope_keeps_questions(
    broad: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = broad.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert any(c == cue and content in t for c, t in found), found


# A reflexive object names the subject's own state or act, never words it said: in 'speech'
# scope "finds itself in a bind" or "defended herself against the charges" link no content.
# A clause after the reflexive's verb ("told himself that ...") and a reflexive inside the
# content stay.
REFLEXIVE_OBJECTS = [
    "Back home, the bakery finds itself in a similar position.",
    "The senator found herself at odds with her own party.",
    "The union defended itself against the charges.",
]
NOT_REFLEXIVE_OBJECTS = [
    ("The study found that prices had doubled.", "found", "that prices had doubled"),
    (
        "The mayor said she blamed herself for the delay.",
        "said",
        "she blamed herself for the delay",
    ),
    ("He told himself that the storm would pass.", "told", "that the storm would pass"),
    (
        "Mr. Ruiz describes himself as the most cautious member of the board.",
        "describes",
        "himself as the most cautious member of the board",
    ),
    ("The senator calls herself a moderate.", "calls", "herself a moderate"),
    (
        "The councillor describes herself as “the last fiscal hawk on the board.”",
        "describes",
        "herself as “the last fiscal hawk on the board.”",
    ),
]


@pytest.mark.parametrize("text", REFLEXIVE_OBJECTS)
def test_a_reflexive_object_is_no_speech(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not analysis.attributions, [a.content.text for a in analysis.attributions]


@pytest.mark.parametrize(("text", "cue", "content"), NOT_REFLEXIVE_OBJECTS)
def test_a_reflexive_elsewhere_keeps_the_content(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


# A date or a span of time as the verb's object is when, not what was said: "has contended
# several other years" (in a race), "argued three days" link no content. An object that
# only mentions a time, and a clause, stay.
TIME_OBJECTS = [
    "The veteran golfer has contended several other years at the same course.",
    "The two lawyers argued three days before the judge.",
    "The old champion has competed six seasons on this track.",
]
NOT_TIME_OBJECTS = [
    (
        "The club announced last week that the stadium would be sold.",
        "announced",
        "that the stadium would be sold",
    ),
    (
        "The coach said two years was too long to wait.",
        "said",
        "two years was too long to wait",
    ),
]


@pytest.mark.parametrize("text", TIME_OBJECTS)
def test_a_time_object_is_no_content(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not analysis.attributions, [a.content.text for a in analysis.attributions]


@pytest.mark.parametrize(("text", "cue", "content"), NOT_TIME_OBJECTS)
def test_a_clause_after_a_time_stays(analyzer: Analyzer, text: str, cue: str, content: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.cue.text, a.content.text) for a in analysis.attributions if a.cue}
    assert (cue, content) in found, found


# A noun that names no one who can speak (the rule set's non-agents: a want, an outcome,
# an event, a change, an ailment, a work) makes the writer's narration as a cue's subject.
NON_AGENT_SUBJECTS = [
    "The needs of a crowded city argue for a second ferry terminal.",
    "Those late wins speak volumes about how much the club loves this ground.",
    "Sunday's shooting showed that the gangs can still strike downtown.",
    "The sharp rise in fares suggests the operator is short of cash.",
    "Her efforts to save the library called for a new tax on hotels.",
    "The storm proved that the sea wall is far too low.",
    "The 2008 referendum showed that the province was split.",
]
# ... while people, bodies and the evidence a fact-checker cites stay sources.
AGENT_SUBJECTS = [
    ("The council argued for a second ferry terminal.", "The council"),
    ("The figures suggest the operator is short of cash.", "The figures"),
    ("Court records show that the firm paid the fine late.", "Court records"),
    ("The survey found that most tenants pay too much.", "The survey"),
]


@pytest.mark.parametrize("text", NON_AGENT_SUBJECTS)
def test_a_non_agent_subject_speaks_for_no_one(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not analysis.attributions, [a.source and a.source.text for a in analysis.attributions]


@pytest.mark.parametrize(("text", "source"), AGENT_SUBJECTS)
def test_people_bodies_and_records_still_speak(analyzer: Analyzer, text: str, source: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert [a.source.text for a in analysis.attributions if a.source] == [source]


# "who" after "people with a disease": the clause hangs on the ailment, but "who" stands
# for the people it describes, whether the parser hung "with" on them or on the verb.
RELATIVE_PAST_A_NON_AGENT = [
    (
        "The court is hearing a case brought by farmers with lung diseases who say the "
        "spraying made them sick.",
        "farmers",
    ),
    (
        "The clinic treats veterans with brain injuries who say the program has failed them.",
        "veterans",
    ),
    # a phrase naming no one is climbed past too: the parents, not their children
    (
        "Two suits were filed by parents of children with rare disorders who argue that the "
        "drug should be covered.",
        "parents",
    ),
    (
        "The union speaks for nurses with back injuries who say the lifts are broken.",
        "nurses",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), RELATIVE_PAST_A_NON_AGENT)
def test_who_stands_for_the_people_not_their_ailment(
    analyzer: Analyzer, text: str, speaker: str
) -> None:
    assert sole_speaker(analyzer, text).startswith(speaker)


# A clause whose subject is the relative "that" describes the noun before it, though the
# parser may hang it on the cue: "defend the levy on regions – Kent and Essex – that ...".
RELATIVE_CLAUSES_ON_A_CUE = [
    "The Liberals defend their decision to impose a carbon levy on regions – as of now Kent, "
    "Essex and Surrey – that don’t meet the new national targets.",
    "The ministers defend their plan to impose a levy on provinces – as of now Alberta, "
    "Ontario and Quebec – that don’t meet the new federal requirements.",
    "The Greens defend their plan to cut grants to cities – as of now Leeds, York and Hull – "
    "that don’t meet the new housing quotas.",
]


@pytest.mark.parametrize("text", RELATIVE_CLAUSES_ON_A_CUE)
def test_a_relative_clause_is_never_what_was_said(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not [a for a in analysis.attributions if a.content.text.startswith("that")]


# ... but right after the cue, "that" is a demonstrative subject, whatever its tag; and a
# "which" before the cue opens the cue's own relative clause, extracted from what was said.
DEMONSTRATIVE_THAT = [
    (
        "Some advocates for stem cell research said that overlooked the benefits of new cures.",
        "that overlooked the benefits of new cures",
    ),
    ("Critics said that ignored the cost to taxpayers.", "that ignored the cost to taxpayers"),
    (
        "Mayors fretted over the new line, which a transit study in 2017 concluded would cost "
        "twice as much.",
        "would cost twice as much",
    ),
]


@pytest.mark.parametrize(("text", "content"), DEMONSTRATIVE_THAT)
def test_a_demonstrative_that_after_the_cue_is_said(
    analyzer: Analyzer, text: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert content in {a.content.text for a in analysis.attributions}


# A phrase after a lone object that only sets the scene (by a margin, under the rubble, to
# the crowd) leaves the object a thing acted on, not a proposition, in 'speech' scope.
OBJECT_WITH_A_SETTING = [
    "Lawmakers rejected the deal by 432 votes to 202.",
    "Rescuers found two survivors under the rubble.",
    "Voters rejected the proposal in a referendum on Sunday.",
]
# ... while a complement that says something of the object stays.
OBJECT_WITH_A_COMPLEMENT = [
    (
        "The challenger blamed the incumbent for the budget shortfall.",
        "the incumbent for the budget shortfall",
    ),
    ("The mayor criticized the plan as reckless.", "the plan as reckless"),
    ("The senator called for an inquiry into the sale.", "an inquiry into the sale"),
]


@pytest.mark.parametrize("text", OBJECT_WITH_A_SETTING)
def test_an_object_with_a_setting_is_no_proposition(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not analysis.attributions, [a.content.text for a in analysis.attributions]


@pytest.mark.parametrize(("text", "content"), OBJECT_WITH_A_COMPLEMENT)
def test_an_object_with_a_complement_stays(analyzer: Analyzer, text: str, content: str) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert content in {a.content.text for a in analysis.attributions}


# A quote set inside a sentence of narration with no cue (a term, a billing, a label) is
# no continuation of the last speaker; a quote that opens its sentence still is.
QUOTES_SET_IN_NARRATION = [
    (
        '"We will not back down," the organizer said. The "yellow vest" protesters then marched '
        "to the legislature.",
        "yellow vest",
    ),
    (
        '"It was a mistake," he said. The show, which opens Friday, is billed as "a love letter '
        'to the city."',
        "a love letter to the city.",
    ),
    (
        '"Prices will rise," the analyst said. The bakery, known locally as "the bread shed," '
        "closed in May.",
        "the bread shed",
    ),
]
QUOTES_THAT_GO_ON = [
    (
        '"The plan is dead," Ruiz said on Monday. "Nobody wants it. Nobody will vote for it."',
        "Nobody wants it. Nobody will vote for it.",
    ),
    (
        'The mayor spoke for an hour. "This city deserves better," she said. "And we will '
        'deliver it."',
        "And we will deliver it.",
    ),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTES_SET_IN_NARRATION)
def test_a_quote_set_in_narration_continues_no_one(
    analyzer: Analyzer, text: str, quoted: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert quoted not in {a.content.text for a in analysis.attributions}


@pytest.mark.parametrize(("text", "quoted"), QUOTES_THAT_GO_ON)
def test_a_quote_that_opens_its_sentence_goes_on(
    analyzer: Analyzer, text: str, quoted: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert quoted in {a.content.text for a in analysis.attributions if a.cue is None}


SPEAKER_PHRASES = [
    # a relative "who" names the speaker, not the noun of a phrase before it
    (
        '"The talks are stuck," said one diplomat with knowledge of the minister\'s plans, who '
        'spoke on condition of anonymity. "Nobody will move first."',
        "Nobody will move first",
        ["diplomat"],
    ),
    (
        '"The count was wrong," said an official close to the election board\'s inquiry, who '
        'asked not to be named. "They knew it for weeks."',
        "knew it for weeks",
        ["official"],
    ),
    (
        "\"We are running out of beds,\" said a nurse at the hospital's children's ward, who "
        'spoke on condition of anonymity. "Some patients wait in the hall."',
        "wait in the hall",
        ["nurse"],
    ),
    # a focus adverb is no part of who speaks
    (
        "In an interview, Ms. Ortega admitted that even she found the tax code confusing.",
        "tax code confusing",
        ["Ortega"],
    ),
    (
        "Mayor Lena Hart conceded that only she could sign the order.",
        "could sign the order",
        ["Hart"],
    ),
    (
        "Coach Ray Dunn said that even he thought the referee was right.",
        "referee was right",
        ["Dunn"],
    ),
    # a hyphen inside a word joins it; a dash between phrases does not
    (
        "The Republican front-runner said the plan was a disaster.",
        "plan was a disaster",
        ["front-runner"],
    ),
    (
        "The co-founder said the app had ten million users.",
        "ten million users",
        ["co-founder"],
    ),
    (
        "Some fans want a new coach - a younger one - but others say the team is improving.",
        "team is improving",
        ["others"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), SPEAKER_PHRASES)
def test_who_speaks_is_the_whole_speaker_phrase(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    analysis = check(analyzer, text, phrase, chain)
    names = [s.name for s in analysis.sources]
    assert not any(n.lower().split()[0] in {"even", "only", "-"} for n in names), names


STRANDED_SPEAKERS = [
    # a long aside after the speaker: the parser joins the cue to the quote's verb
    (
        "The swap was criticised by hawks in Congress. ''If they had listened to the hawks, I "
        "would still be in prison,'' Mr. Dalton, now 80 and retired in Dover, Del., said by "
        "telephone this week.",
        "still be in prison",
        ["Dalton"],
    ),
    (
        "Rival coaches mocked the plan. ''If we had copied them, we would have lost every "
        "game,'' Ms. Ferrante, now 62 and living in Tampa, Fla., said on Friday.",
        "lost every game",
        ["Ferrante"],
    ),
    (
        "The board was attacked by shareholders. ''If I had sold in March, the company would "
        "be gone,'' Mr. Oduya, now 75 and retired in Leeds, England, said in an interview.",
        "company would be gone",
        ["Oduya"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), STRANDED_SPEAKERS)
def test_a_speaker_after_a_long_aside_keeps_the_quote(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct")


TWO_APOSTROPHE_QUOTES = [
    # a quote in '' marks whose "!" or "?" ends the sentence: the cue stands after it
    (
        "The vote was close.\n\n''If they think they can stop me, they are wrong!'' Mr. Hale "
        "wrote on Twitter on Monday.",
        "they are wrong",
        ["Hale"],
    ),
    (
        "The hearing ran late.\n\n''Who paid for this?'' Ms. Lund asked at the hearing.",
        "Who paid for this",
        ["Lund"],
    ),
    (
        "Mayor Ana Reyes met the council. The talks failed.\n\n''This is a disgrace!'' Senator "
        "Paul Greer said in a statement.",
        "This is a disgrace",
        ["Greer"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), TWO_APOSTROPHE_QUOTES)
def test_a_cue_after_a_two_apostrophe_quote_that_ends_its_sentence(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct")


TITLES_IN_NARRATION = [
    # a quoted title inside the cue's sentence is no quote going on from the speaker
    (
        "''It's nonsense,'' Mr. Hale said by telephone on NBC's ''Meet the Press.'' ''She "
        "lies about everything.''",
        "Meet the Press",
        "lies about everything",
    ),
    (
        "''We will win,'' Ms. Soto told viewers of ABC's ''This Week.'' ''The polls are wrong.''",
        "This Week",
        "polls are wrong",
    ),
    (
        "''The data are clear,'' said Dr. Ames, who wrote the book ''Cities of Glass.'' ''Rents "
        "follow wages.''",
        "Cities of Glass",
        "Rents follow wages",
    ),
]


@pytest.mark.parametrize(("text", "title", "phrase"), TITLES_IN_NARRATION)
def test_a_quoted_title_in_narration_is_not_a_continued_quote(
    analyzer: Analyzer, text: str, title: str, phrase: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert not [a for a in analysis.attributions if title in a.content.text]
    assert any(phrase in a.content.text for a in analysis.attributions)


NOT_THE_QUOTES_CUE = [
    # a sentence after a quote that ended in "." is narration, not the quote's cue
    (
        "Ana said the trip would be ''a good thing for him.'' But the rain continued, and "
        "the road closed.",
        "the rain",
    ),
    (
        "The coach called the win ''a new start.'' But the losses continued, and he was fired.",
        "the losses",
    ),
    (
        "Mr. Ruiz said he hoped for ''a quiet year.'' But the protests grew, and the mayor left.",
        "the protests",
    ),
]


@pytest.mark.parametrize(("text", "narration"), NOT_THE_QUOTES_CUE)
def test_narration_after_a_quote_that_ended_in_a_stop_is_no_cue(
    analyzer: Analyzer, text: str, narration: str
) -> None:
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if a.source and narration in a.source.text]


SPEAKERS_THE_PARSER_MISPLACED = [
    # a vocative that ends the quote taken for the subject, the speaker for its apposition
    (
        "The hall was full. ''That was a fine speech you gave last night, Madam Mayor,'' "
        "Councillor Tom Reyes, a member since 2010, told Ms. Lund as she left the stage.",
        "fine speech",
        ["Reyes"],
    ),
    (
        "The game ended late. ''You played the best match of your life, Coach,'' Ana Ortiz, "
        "the team's captain, told him at the gate.",
        "best match of your life",
        ["Ortiz"],
    ),
    (
        "The vote passed. ''You have done the city a great service, Mr. Speaker,'' Senator "
        "Paul Greer, a Democrat from Ely, told the chamber.",
        "great service",
        ["Greer"],
    ),
    # a cue after a name and its aside, read by the parser as the name's participle
    (
        "The issue came up on Friday. Mitt Romney, the 2012 Republican presidential nominee, "
        "tweeted in response: ''Important distinction: thugs jail reporters; we do not.''",
        "thugs jail reporters",
        ["Romney"],
    ),
    (
        "The bridge closed in March. Ana Diaz, the mayor of Ely, wrote on Facebook: ''The "
        "bridge will reopen in May.''",
        "reopen in May",
        ["Diaz"],
    ),
    (
        "The strike ended. Paul Greer, the union's leader, posted on Twitter: ''We won a fair "
        "deal for every driver.''",
        "fair deal for every driver",
        ["Greer"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), SPEAKERS_THE_PARSER_MISPLACED)
def test_speakers_the_parser_misplaced_after_a_quote_or_an_aside(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct")


NARRATORS_CLAUSES = [
    # a clause with its own subject joined after ", but" / ", and" to a clause above the cue
    # (the cue sits in the writer's clause) is the writer's, not the speaker's
    (
        "The sailors were freed, showing what many experts said was a sign of better ties, "
        "but the episode still gave critics new ammunition.",
        "sign of better ties",
        "gave critics new ammunition",
    ),
    (
        "The plant closed in May, in what union leaders said was an illegal move, but the "
        "company kept paying its workers.",
        "illegal move",
        "kept paying its workers",
    ),
    (
        "The bridge was closed, citing what engineers said were deep cracks, and traffic "
        "moved to the old road.",
        "deep cracks",
        "traffic moved",
    ),
]


@pytest.mark.parametrize(("text", "said", "narrated"), NARRATORS_CLAUSES)
def test_a_narrators_clause_after_the_content_stays_out(
    analyzer: Analyzer, text: str, said: str, narrated: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    contents = [a.content.text for a in analysis.attributions]
    assert any(said in c for c in contents), contents
    assert not any(narrated in c for c in contents), contents


# "Garland said unemployment and lost pay have ...": the parser took the reported clause's
# subject for the cue's object and its present-tense verb for a second act of the speaker.
SUBJECT_READ_AS_OBJECT = [
    (
        "Garland said unemployment and lost earning power due to common heart events have "
        "broad societal relevance.",
        "said",
        "unemployment and lost earning power due to common heart events have broad societal "
        "relevance",
    ),
    (
        "Haddad said drought and lost grazing land have pushed herders into the towns.",
        "said",
        "drought and lost grazing land have pushed herders into the towns",
    ),
    (
        "Moreau said flooding and lost crops have left many farmers deep in debt.",
        "said",
        "flooding and lost crops have left many farmers deep in debt",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), SUBJECT_READ_AS_OBJECT)
def test_a_subject_read_as_the_cues_object_opens_the_content(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    check_content(analyzer, text, cue, content)


def test_a_past_act_joined_to_the_cue_is_no_reported_clause(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("Ruiz said goodbye and left the room.")
    assert not any("left the room" in a.content.text for a in analysis.attributions)


# Parses built by hand: a role noun before the name read as a verb whose object is the
# name ("tenants advocate Josh Matlow told"); and a closing mark read as the cue's subject.
MISREAD_ROLE_VERB = [
    (
        ["Tenants", "advocate", "Dana", "Whitfield", "told", "CBC", "rents", "will", "rise", "."],
        [1, 4, 3, 1, 4, 4, 8, 8, 4, 4],
        ["nsubj", "ccomp", "compound", "dobj", "ROOT", "dative", "nsubj", "aux", "ccomp", "punct"],
        ["NOUN", "VERB", "PROPN", "PROPN", "VERB", "PROPN", "NOUN", "AUX", "VERB", "PUNCT"],
        ["NNS", "VBP", "NNP", "NNP", "VBD", "NNP", "NNS", "MD", "VB", "."],
        "Whitfield",
        "rents will rise",
    ),
    (
        ["Parents", "advocate", "Omar", "Reyes", "said", "schools", "need", "money", "."],
        [1, 4, 3, 1, 4, 6, 4, 6, 4],
        ["nsubj", "ccomp", "compound", "dobj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        ["NOUN", "VERB", "PROPN", "PROPN", "VERB", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["NNS", "VBP", "NNP", "NNP", "VBD", "NNS", "VBP", "NN", "."],
        "Reyes",
        "schools need money",
    ),
    (
        ["Patient", "advocate", "Lea", "Stone", "told", "us", "wards", "are", "full", "."],
        [1, 4, 3, 1, 4, 4, 7, 4, 7, 4],
        [
            "nsubj",
            "ccomp",
            "compound",
            "dobj",
            "ROOT",
            "dative",
            "nsubj",
            "ccomp",
            "acomp",
            "punct",
        ],
        ["NOUN", "VERB", "PROPN", "PROPN", "VERB", "PRON", "NOUN", "AUX", "ADJ", "PUNCT"],
        ["NN", "VBP", "NNP", "NNP", "VBD", "PRP", "NNS", "VBP", "JJ", "."],
        "Stone",
        "wards are full",
    ),
]


def _hand_built_links(analyzer: Analyzer, words, heads, deps, pos, tags):
    from spacy.tokens import Doc

    from attribution.stages.cues import find_cues
    from attribution.stages.links import find_links

    lemmas = [{"said": "say", "told": "tell", "says": "say"}.get(w, w.lower()) for w in words]
    doc = Doc(
        analyzer.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas
    )
    compiled = analyzer.component.compiled
    return doc, find_links(doc, [], find_cues(doc, compiled), compiled)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "tags", "name", "content"), MISREAD_ROLE_VERB
)
def test_a_name_held_by_a_misread_role_verb_speaks(
    analyzer: Analyzer, words, heads, deps, pos, tags, name: str, content: str
) -> None:
    doc, links = _hand_built_links(analyzer, words, heads, deps, pos, tags)
    found = [
        (doc.text[k.source[0] : k.source[1]], doc.text[k.content[0] : k.content[1]])
        for k in links
        if k.source
    ]
    assert any(s.endswith(name) and c == content for s, c in found), found


CLOSING_MARK_SUBJECTS = [
    (["“", "We", "bake", ",", "’’", "says", "the", "founder", "."], 7),
    (["“", "We", "print", ",", "’’", "says", "the", "owner", "."], 7),
    (["“", "Rents", "rise", ",", "’’", "says", "the", "planner", "."], 7),
]


@pytest.mark.parametrize(("words", "speaker"), CLOSING_MARK_SUBJECTS)
def test_a_closing_mark_is_never_the_subject(analyzer: Analyzer, words, speaker: int) -> None:
    heads = [5, 2, 5, 5, 5, 5, 7, 5, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "det", "nsubj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["``", "PRP", "VBP", ",", "''", "VBZ", "DT", "NN", "."]
    doc, links = _hand_built_links(analyzer, words, heads, deps, pos, tags)
    sources = [doc.text[k.source[0] : k.source[1]] for k in links if k.source]
    assert sources and sources[0].endswith(words[speaker]), sources


# A quote whose paragraph breaks mid-sentence, after a spacer line: both pieces are the
# speaker's, and the spacer line is no piece.
WRAPPED_QUOTES = [
    (
        "Tom Harlow, an analyst with the agency, outlined the policy.\n .\n "
        '"Who is covered is up to the case manager.\n .\n based on the advice of the '
        'doctor," said Harlow in an email.',
        ["Who is covered is up to the case manager.", "based on the advice of the doctor"],
    ),
    (
        "Rita Obi chairs the housing board.\n\n"
        "“Rents will rise this year\n\n .\n\n and tenants will leave the city,” Obi said.",
        ["Rents will rise this year", "and tenants will leave the city"],
    ),
    (
        "Sam Ortiz runs the food bank.\n .\n"
        '"We feed more families every month\n .\n and the shelves are empty," said Ortiz.',
        ["We feed more families every month", "and the shelves are empty"],
    ),
]


@pytest.mark.parametrize(("text", "pieces"), WRAPPED_QUOTES)
def test_a_quote_wrapped_over_a_spacer_line_is_the_speakers_in_pieces(
    analyzer: Analyzer, text: str, pieces: list[str]
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {a.content.text: a.source_id for a in analysis.attributions}
    assert all(found.get(p) for p in pieces), found
    assert len({found[p] for p in pieces}) == 1
    assert "." not in found


# "according to consulting firm Deloitte": the kind of firm read as a participle whose
# object is the name; the name (with its kind) is the source.
ACCORDING_TO_A_KIND_OF_FIRM = [
    (
        "According to consulting firm Deloitte, retail sales will grow 2 per cent next year.",
        "consulting firm Deloitte",
        "retail sales will grow 2 per cent next year",
    ),
    (
        "According to polling firm Nanos, support for the plan fell in every province.",
        "polling firm Nanos",
        "support for the plan fell in every province",
    ),
    (
        "According to accounting firm Grant Thornton, most small firms expect higher costs.",
        "accounting firm Grant Thornton",
        "most small firms expect higher costs",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), ACCORDING_TO_A_KIND_OF_FIRM)
def test_according_to_a_kind_of_firm_and_its_name(
    analyzer: Analyzer, text: str, source: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.source.text, a.content.text) for a in analysis.attributions if a.source}
    assert (source, content) in found, found


# "according to the statement": a document vouches for the clause (its author's, where
# named), though "statement" is also a channel phrase ("said in a statement").
ACCORDING_TO_A_DOCUMENT = [
    (
        "RCMP released a statement on Sunday. Investigators are still at the scene, "
        "according to the statement.",
        "the statement",
        "Investigators are still at the scene",
    ),
    (
        "The school board sent a letter to parents. Classes will resume on Monday, according "
        "to the letter.",
        "the letter",
        "Classes will resume on Monday",
    ),
    (
        "According to a news release from the city, the pool will close for repairs.",
        "a news release from the city",
        "the pool will close for repairs",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), ACCORDING_TO_A_DOCUMENT)
def test_according_to_a_document_that_is_also_a_channel_phrase(
    analyzer: Analyzer, text: str, source: str, content: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {(a.source.text, a.content.text) for a in analysis.attributions if a.source}
    assert (source, content) in found, found


# ", insists 16-year-old Mia Tran,": a cue set off by commas inside the sentence it
# reports, its speaker after it (read by the parser as the cue's object); both parts are hers.
INVERTED_ASIDES = [
    (
        "There is a particular satisfaction, insists 16-year-old Mia Tran, in seeing your "
        "vision through to completion.",
        "Mia Tran",
        ["There is a particular satisfaction", "in seeing your vision through to completion"],
    ),
    (
        "The shop is the heart of the street, insists owner Lucia Fern, because everyone "
        "stops there.",
        "Lucia Fern",
        ["The shop is the heart of the street", "because everyone stops there"],
    ),
    (
        "The rink is too small, argues longtime coach Dale Byers, and the ice is always wet.",
        "Dale Byers",
        ["The rink is too small"],
    ),
]


@pytest.mark.parametrize(("text", "speaker", "parts"), INVERTED_ASIDES)
def test_an_inverted_cue_set_off_in_mid_sentence(
    analyzer: Analyzer, text: str, speaker: str, parts: list[str]
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    found = {a.content.text: a.source.text for a in analysis.attributions if a.source}
    for part in parts:
        assert found.get(part, "").endswith(speaker), found


# A quote with no cue right after a narrative sentence of its paragraph is the words of
# the person that sentence is about; never of someone it does not name.
LEAD_IN_QUOTES = [
    (
        "Reporters reached Gail Munro, a nurse who takes the early boat. She was blunt. "
        '"They are cutting the one run that people like me depend on."',
        "cutting the one run",
        ["Munro"],
    ),
    (
        'Coach Darren Pike was fired on Sunday. He thanked the fans. "This city treated my '
        'family like its own."',
        "treated my family",
        ["Pike"],
    ),
    (
        "Councillor Pete Marr calls himself the most left-leaning member of council. "
        '"Why would I side with the landlords?"',
        "side with the landlords",
        ["Marr"],
    ),
    # the lead-in sentence ends on another clause with its own subject: that one's
    (
        "Paul Reyes expected to read his statement, but Judge Ann Clay stopped him. "
        '"Tell me why you did it."',
        "Tell me why you did it",
        ["Ann Clay"],
    ),
]
NO_LEAD_IN = [
    'The ferry left at noon. "Everyone was on time."',
    'It rained all week. "Nobody expected that."',
    # a quote that is no sentence of its own goes on in its sentence
    'Paul Reyes stood up. "All that you said," the judge added, "is true."',
]


@pytest.mark.parametrize(("text", "phrase", "chain"), LEAD_IN_QUOTES)
def test_a_quote_after_a_sentence_about_a_person_is_theirs(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct", inferred=True)


@pytest.mark.parametrize("text", NO_LEAD_IN)
def test_a_quote_after_a_sentence_about_no_one_has_no_lead_in_speaker(
    analyzer: Analyzer, text: str
) -> None:
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if a.source is not None and a.cue is None]


# A quote paragraph goes on with a speaker, never with words no one is said to speak
# ("Asked about ...").
SPEAKERLESS_BEFORE = [
    (
        '"You win or you go," said Darren Pike.\n\nCaptain Luc Roy was quiet after practice. '
        'Asked about Pike, he paused.\n\n"He gave me my first shot."',
        "first shot",
        ["Luc Roy"],
    ),
    (
        '"The mine is safe," said Ana Cruz.\n\nMiner Paul Diaz was less sure. Asked about '
        'the audit, he shrugged.\n\n"Nobody tells us anything."',
        "Nobody tells us",
        ["Paul Diaz"],
    ),
    (
        '"Rents will rise," said Ben Myers.\n\nTenant Rita Gale has lived there for years. '
        'Asked about the rent, she sighed.\n\n"We cannot pay more."',
        "cannot pay more",
        ["Rita Gale"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), SPEAKERLESS_BEFORE)
def test_a_quote_never_continues_words_no_one_speaks(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct", inferred=True)


# A quote with no cue, then a sentence that points back at it ("That was all ... would
# say") and has a cue with nothing else to say: that cue's speaker gave the quote.
CUE_IN_THE_NEXT_SENTENCE = [
    (
        'Board chair Doug Penner said the vote would go ahead.\n\n"Ask me in March." That was '
        "all his deputy, Carla Ross, would say.",
        "Ask me in March",
        ["Carla Ross"],
    ),
    (
        'Mayor Ellen Shaw said the city would help.\n\n"Nobody should have to leave town." '
        "That is what Councillor Mike Dyck told reporters after the meeting.",
        "Nobody should have to leave",
        ["Mike Dyck"],
    ),
    (
        'Premier Ada Kerr said the budget was balanced.\n\n"The numbers do not add up." This '
        "was what Finance critic Omar Haddad said in reply.",
        "numbers do not add up",
        ["Omar Haddad"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), CUE_IN_THE_NEXT_SENTENCE)
def test_a_sentence_pointing_back_at_a_quote_gives_its_speaker(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain, kind="direct", inferred=True)


# An absolute "with" phrase: "..., with one resident saying ...". Its noun says what the
# participle says, also when the parser hangs the participle on a noun inside the phrase.
ABSOLUTE_WITH = [
    (
        "The council passed the budget on Monday, with one landlord saying the new fees "
        "were far too high.",
        "fees were far too high",
        ["landlord"],
    ),
    (
        "Thousands marched to the legislature, with an organiser for the nurses describing "
        'the crowd as "angry but peaceful."',
        "angry but peaceful",
        ["organiser for the nurses"],
    ),
    (
        "Fuel prices climbed again in May, with two economists at Harwell Bank predicting that "
        "the rise would last into the autumn.",
        "the rise would last",
        ["economists at Harwell Bank"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), ABSOLUTE_WITH)
def test_the_noun_of_an_absolute_with_says_its_participle(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    analysis = check(analyzer, text, phrase, chain)
    names = {s.name for s in analysis.sources}
    assert not any(" saying" in n or " describing" in n or " predicting" in n for n in names)


# After a causative verb ("prompted", "led", "forced") its object, not its subject, says
# what the infinitive says; not after "asked" or "urged", whose object may never have.
CAUSED_SPEAKERS = [
    (
        "Heavy rain flooded the pumping station, prompting the town to urge residents to "
        "boil their water.",
        "boil their water",
        ["town"],
    ),
    (
        "A string of losses led the club's owner to announce that the manager would leave.",
        "the manager would leave",
        ["owner"],
    ),
    (
        "The audit forced the charity to admit that it had spent the grant on salaries.",
        "it had spent the grant",
        ["charity"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), CAUSED_SPEAKERS)
def test_the_object_of_a_causative_says_the_infinitive(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    check(analyzer, text, phrase, chain)


def test_the_object_of_a_request_says_nothing(analyzer: Analyzer) -> None:
    """'asked the mayor to confirm that ...': the mayor may never have confirmed it."""
    analysis = analyzer.analyze(
        "Reporters asked the mayor to confirm that the pool would close in June."
    )
    assert not any("mayor" in s.name for s in analysis.sources if s.type != "article")


# A channel phrase the parser hung inside a cue's object ('called him a "coward" on
# Twitter') ends the content there; the words before it are still what was said.
OBJECT_BEFORE_A_CHANNEL = [
    ("Senator Lena Moss called the minister a “coward” on Twitter.", "the minister a “coward”"),
    ("The mayor called the new budget a disaster on Facebook.", "the new budget a disaster"),
    (
        "Councillor Raj Patel called the stadium deal “a giveaway” on his Facebook page.",
        "the stadium deal “a giveaway”",
    ),
]


@pytest.mark.parametrize(("text", "content"), OBJECT_BEFORE_A_CHANNEL)
def test_a_channel_inside_the_object_ends_the_content(
    analyzer: Analyzer, text: str, content: str
) -> None:
    check_content(analyzer, text, "called", content)


# A closing cue clause with a subject of its own that the parser hung on the clause it
# reports as an adverbial ("..., a guard present during the attack told Reuters"): it is
# the frame of the clause before it, as a parenthetical cue would be.
TRAILING_FRAMES = [
    (
        "The second group climbed to the roof, where they set a fire in the stairwell, a "
        "firefighter present at the scene told the Star.",
        "The second group climbed to the roof",
        ["firefighter present at the scene"],
    ),
    (
        "Four men walked into the hotel lobby, where they opened fire, a guard present during "
        "the attack told Reuters.",
        "Four men walked into the hotel lobby",
        ["guard present during the attack"],
    ),
    (
        "Five men walked into the hotel lobby, where they opened fire, a porter present "
        "during the attack told Reuters.",
        "Five men walked into the hotel lobby",
        ["porter present during the attack"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), TRAILING_FRAMES)
def test_a_closing_cue_read_as_adverbial_frames_the_clause_before(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    speakers = {
        analysis.source(a.source_id).name
        for a in analysis.attributions
        if a.content.text.startswith(phrase) and a.source_id
    }
    assert chain[0] in speakers, speakers


def test_a_when_clause_with_a_cue_is_no_frame(analyzer: Analyzer) -> None:
    """'Prices rose in May, when the economist told reporters ...': the economist's own
    words, not a frame of the rise."""
    analysis = analyzer.analyze(
        "Prices rose in May, when the chief economist told reporters the worst was over."
    )
    assert not any(a.content.text.startswith("Prices rose") for a in analysis.attributions)
