"""What was said: stance, negated cues, questions, speech senses, kinds, abbreviations,
publisher fallback and syndication, on sentences of our own in the shape of news."""

from __future__ import annotations

import pytest

from attribution import Analysis, Analyzer, default_rules
from helpers import KRAMATORSK, shared_analyzer


def attributed(analysis: Analysis) -> list[tuple[str, str]]:
    return [(a.cue.text if a.cue else "", a.content.text) for a in analysis.attributions]


def claim_with(analysis: Analysis, words: str):
    [claim] = [c for c in analysis.claims if words in c.text]
    return claim


@pytest.mark.parametrize(
    "text",
    [
        "The letters do not confirm that the two officials disagreed.",
        "The company did not say whether it had agreed to sell the plant.",
        "The White House would not confirm that the president had signed the order.",
        "The coach never said that the team would move to another city.",
        "A spokeswoman declined to comment on whether the talks had stalled.",
        "The senator refused to say whether he would run again.",
        "The coach won’t say who will start in goal on Saturday.",
        "The bank doesn’t say how many branches will close.",
        "The firm hasn’t confirmed that the factory will move.",
        "Neither the school board nor the teachers confirmed the new schedule.",
        "No official has confirmed that the bridge will close.",
        "Nobody at the agency said that the files were lost.",
        "The debt is far larger than the council says it is.",
        "The tunnel will cost more than the province claims it will.",
        "Turnout was lower than the pollsters predicted it would be.",
    ],
)
def test_a_negated_or_withheld_cue_attributes_nothing(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text, publisher="Daily Ledger")
    assert analysis.attributions == []
    [claim] = analysis.claims
    assert claim.kind == "unattributed"
    assert claim.text.rstrip(".") == text.rstrip(".")  # the negated cue stays visible


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry denied that its jets had entered Turkish airspace.", "its jets had"),
        ("The mayor's office rejected claims that the contract had been rigged.", "rigged"),
        ("Lawyers for the senator disputed that any money had changed hands.", "any money"),
        ("The campaign refuted reports that its chairman would resign.", "would resign"),
    ],
)
def test_a_denial_has_the_denies_stance(analyzer: Analyzer, text: str, content: str) -> None:
    analysis = analyzer.analyze(text, publisher="Daily Ledger")
    [attribution] = [a for a in analysis.attributions if content in a.content.text]
    assert attribution.stance == "denies"
    assert claim_with(analysis, content).stance == "denies"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks had failed.",
        "Officials confirmed that two soldiers were wounded.",
        "The union argued that the pay offer was too low.",
    ],
)
def test_other_cues_assert(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text, publisher="Daily Ledger")
    assert {a.stance for a in analysis.attributions} == {"asserts"}
    assert {c.stance for c in analysis.claims} == {"asserts"}


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        (
            'Asked whether he had encouraged the protesters, he said: "I hope not."',
            "he had encouraged the protesters",
            "I hope not",
        ),
        (
            "Asked whether the plant would close, the manager said the decision was months away.",
            "the plant would close",
            "the decision was months away",
        ),
        (
            "When asked about the missing funds, the treasurer replied that every dollar "
            "was accounted for.",
            "the missing funds",
            "every dollar was accounted for",
        ),
    ],
)
def test_a_question_is_no_claim_of_the_one_who_answers(
    analyzer: Analyzer, text: str, question: str, answer: str
) -> None:
    analysis = analyzer.analyze(text, publisher="Daily Ledger")
    answered = claim_with(analysis, answer)
    assert question not in answered.text
    assert len(answered.chain) == 2  # the publisher, then the one who answered
    asked = claim_with(analysis, question)
    assert asked.kind == "unattributed"


REPORTERS_QUESTIONS = [
    (
        "Asked whether the plant would close, the manager said the decision was months away.",
        "the plant would close",
    ),
    (
        "When asked on Friday whether he had misled voters, the mayor said the numbers were right.",
        "whether he had misled voters",
    ),
    (
        "The owner would not comment when asked if other branches would join the union.",
        "other branches would join the union",
    ),
]


@pytest.mark.parametrize(("text", "question"), REPORTERS_QUESTIONS)
def test_a_question_by_no_one_is_no_attribution_in_speech(
    analyzer: Analyzer, text: str, question: str
) -> None:
    """In 'speech' scope the reporter's question asserts nothing: no attribution lists it,
    and claims still keep it out of the answer's frame; the broad scope lists it."""
    analysis = analyzer.analyze(text)
    assert not [a for a in analysis.attributions if a.source is None]
    assert all(question not in a.content.text for a in analysis.attributions)
    ids = [a.id for a in analysis.attributions]
    assert ids == [f"a{k + 1}" for k in range(len(ids))]  # numbered without gaps
    assert all(i in ids for claim in analysis.claims for i in claim.attribution_ids)
    broad = Analyzer(nlp=analyzer.nlp, scope="all").analyze(text)
    assert [a for a in broad.attributions if a.source is None and question in a.content.text]


@pytest.mark.parametrize(
    "text",
    [
        "The landlord charged $600 a month for rent.",
        "The airline charged passengers a fee for every checked bag.",
        "The county maintained the roads through the winter.",
        "The family has maintained the farm for three generations.",
        "The senator showed reporters a copy of the letter.",
        "The museum showed the paintings for the first time.",
    ],
)
def test_a_cue_verb_outside_a_speech_frame_is_no_cue(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text).attributions == []


# A content is a proposition or quoted words: an object that only names whom or what the
# speech was about (a pronoun, a name, a party, a topic, the thing written) is none.
NO_PROPOSITION = [
    ("The council proposes a budget and the opposition criticizes it.", "criticizes"),
    ("At the dinner the senator praised him.", "praised"),
    ("Critics have long dismissed anyone who disagrees with the plan.", "dismissed"),
    ("Several of the clubs are now writing Harbour City Council.", "writing"),
    ("After the loss the new coach defended Maria Lopez.", "defended"),
    ("In the speech she talked about Ottawa.", "talked"),
    ("The lawyers went over what the agency had told the media.", "told"),
    ("The old captain told a story about the flood of 1950.", "told"),
    ("The coach told the players the plan for the second half.", "told"),
    ("Officials discussed the new budget and the hiring plan.", "discussed"),
    ("The two leaders discussed trade at a dinner on Friday.", "discussed"),
    ("The coach mentioned the injury only in passing.", "mentioned"),
    ("A group of scholars wrote a letter to the prime minister.", "wrote"),
    ("The small press will publish anything by anyone.", "publish"),
    ("The singer posted a video of the concert on Sunday.", "posted"),
    ("This spring the province added the drug to its list of monitored medicines.", "added"),
    ("The city added two bus routes to the east end.", "added"),
    ("New rules let owners add suites to their own homes.", "add"),
    ('The list includes "grapple," which refers to a hard struggle.', "refers"),
    ('Also on the list: "ghosting," which refers to a sudden silence.', "refers"),
    ('The word "optics," which refers to how things look, made the list.', "refers"),
]


@pytest.mark.parametrize(("text", "cue"), NO_PROPOSITION)
def test_an_object_that_only_names_a_topic_is_no_content(
    analyzer: Analyzer, text: str, cue: str
) -> None:
    contents = [content for c, content in attributed(analyzer.analyze(text)) if c == cue]
    assert all(" " in content and content not in text.split('"') for content in contents), contents
    if cue not in {"refers"}:
        assert contents == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The old captain told a story about the flood of 1950.", "a story about the flood"),
        ("The two leaders discussed trade at a dinner on Friday.", "trade"),
        ("At the dinner the senator praised him.", "him"),
        ("The singer posted a video of the concert on Sunday.", "a video of the concert"),
    ],
)
def test_the_broad_scope_keeps_topics_as_content(text: str, content: str) -> None:
    analysis = shared_analyzer("all").analyze(text)
    assert any(content in a.content.text for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor mentioned that the pool would reopen in June.", "mentioned", "the pool"),
        ("The coach told reporters that the team was tired.", "told", "the team was tired"),
        ("The union wrote that the offer was an insult.", "wrote", "the offer was an insult"),
        ("The chief added that no one was hurt.", "added", "no one was hurt"),
        ("Rights groups condemned the arrests.", "condemned", "the arrests"),
        ("The mayor criticized the plan as reckless.", "criticized", "the plan as reckless"),
        ("“We are not done,” the coach told reporters on Friday.", "told", "We are not done"),
        ("“It will reopen,” Ana Ruiz told the crowd.", "told", "It will reopen"),
        ("“Nobody was hurt,” the chief told journalists at the scene.", "told", "Nobody was hurt"),
    ],
)
def test_a_proposition_or_a_thing_judged_stays_content(
    analyzer: Analyzer, text: str, cue: str, content: str
) -> None:
    assert any(c == cue and content in found for c, found in attributed(analyzer.analyze(text)))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('In the "ghost fee" case, the firm threatened to sue the families.', "ghost fee"),
        ('At the "open house" event, the mayor said the pool would reopen.', "open house"),
        ('After the "town hall" meeting, the senator promised to return in May.', "town hall"),
    ],
)
def test_a_quoted_term_in_a_modifier_is_no_content(analyzer: Analyzer, text: str, term: str):
    contents = [content for _, content in attributed(analyzer.analyze(text))]
    assert contents and not any(term in content for content in contents)


@pytest.mark.parametrize(
    ("text", "cue", "term"),
    [
        (
            "Lee called the plan “a joke.” She also blasted the council for the delay.",
            "blasted",
            "a joke",
        ),
        (
            "Ruiz called it “a mess.” Ruiz also criticized the board over the audit.",
            "criticized",
            "a mess",
        ),
        (
            "Fans say it was “a robbery.” The coach praised the referee all the same.",
            "praised",
            "a robbery",
        ),
    ],
)
def test_a_quote_before_a_cue_with_its_own_object_is_not_its_content(
    analyzer: Analyzer, text: str, cue: str, term: str
) -> None:
    assert not any(
        c == cue and term in content for c, content in attributed(analyzer.analyze(text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ours is a hard system: the council proposes a budget and the mayor signs it.",
        "Shortly after the store opened in May, dozens of workers posted photos of the line.",
        "Soon after the polls closed, the two parties posted their results online.",
        "Long before the storm hit, residents wrote letters to the council.",
        "Combined with the fear of a slowdown, the new taxes only add to the gloom.",
        "Ours is a small town: the mayor knows everyone and the clerk says hello.",
    ],
)
def test_a_heading_clause_or_a_setting_is_no_leading_content(analyzer: Analyzer, text: str) -> None:
    head = text.split(":")[0].split(",")[0]
    assert not any(head in a.content.text for a in analyzer.analyze(text).attributions)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The opposition charged that the election had been stolen.", "charged"),
        ("The governor maintained that the budget was balanced.", "maintained"),
        ("The audit showed that the agency had overspent by $4 million.", "showed"),
    ],
)
def test_the_same_verbs_in_a_speech_frame_are_cues(analyzer: Analyzer, text: str, cue: str) -> None:
    assert cue in [c for c, _ in attributed(analyzer.analyze(text))]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('The senator called the plan a "dumping ground" for old laws.', "mixed"),
        ('The mayor said the new stadium was "a gift to the city" and would open soon.', "mixed"),
        ('Critics said the bill was "rushed" and "badly drafted."', "mixed"),
        ("The mayor said the stadium would open soon.", "indirect"),
    ],
)
def test_quoted_words_inside_reported_speech_make_it_mixed(
    analyzer: Analyzer, text: str, kind: str
) -> None:
    [attribution] = analyzer.analyze(text).attributions
    assert attribution.kind == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The plan was backed by Sens. Ted Cruz and Marco Rubio, who said it was fair.", "Sens."),
        ("The march ended on St. Charles Ave. near the courthouse, police said.", "Ave."),
        ("The bill was signed by Gov. Ray Diaz and Rep. Ann Cole on Friday.", "Gov."),
        ("The order came from Lt. Gen. Mark Hale, the commander said.", "Lt."),
    ],
)
def test_an_abbreviation_does_not_end_a_sentence(analyzer: Analyzer, text: str, name: str) -> None:
    doc = analyzer.nlp(text)
    assert len(list(doc.sents)) == 1, [s.text for s in doc.sents]


@pytest.mark.parametrize(
    ("metadata", "publisher"),
    [
        ({}, None),
        ({"url": "https://www.dailyledger.com/politics/story-1"}, "dailyledger.com"),
        ({"publisher": "Daily Ledger"}, "Daily Ledger"),
        ({"title": "Mayor-vows-new-bridge", "url": None}, None),
    ],
)
def test_the_publisher_comes_from_metadata_or_a_url_and_never_a_headline(
    analyzer: Analyzer, metadata: dict, publisher: str | None
) -> None:
    text = "Mayor vows new bridge\n\nThe mayor said the bridge would open in May."
    analysis = analyzer.analyze(text, **metadata)
    if publisher is None:
        assert analysis.publisher is None
        head = analysis.source(analysis.claims[-1].chain[0])
        assert (head.type, head.name) == ("article", "the article")
        assert any("no publisher" in w for w in analysis.warnings)
    else:
        assert analysis.source(analysis.publisher).name == publisher
        assert not any("no publisher" in w for w in analysis.warnings)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("WASHINGTON (Reuters) - The senator said the vote would be close.", "Reuters"),
        ("NEW DELHI, March 3 (IANS) The minister said the rail line would open.", "IANS"),
        (
            "The senator said the vote would be close.\n\n"
            "(Reporting by Anna Ivanova for Reuters; Editing by Tom Hale)",
            "Reuters",
        ),
        ("The mayor said the bridge was safe.\n\nThis story was produced by the AP.", "AP"),
    ],
)
def test_the_agency_stays_right_after_another_publisher(
    analyzer: Analyzer, text: str, agency: str
) -> None:
    analysis = analyzer.analyze(text, publisher="Daily Ledger")
    claim = next(c for c in analysis.claims if len(c.chain) > 2)
    names = analysis.chain_names(claim)
    assert names[0] == "Daily Ledger"
    assert agency.lower() in names[1].lower() or names[1].lower() in agency.lower()


def test_the_seed_published_by_the_hindu_keeps_ani(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(KRAMATORSK, publisher="The Hindu")
    for claim in analysis.claims:
        assert analysis.chain_names(claim)[:2] == ["The Hindu", "ANI"], claim.text


def test_the_same_publisher_as_the_dateline_adds_no_agency(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(KRAMATORSK, publisher="ANI")
    assert all(analysis.chain_names(c)[1:2] != ["ANI"] for c in analysis.claims)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The senator said the agency tried to bury the report, but a judge refused.",
            "the agency tried to bury the report, but a judge refused",
        ),
        (
            "Aides said the governor was tired after the trip, despite the early night.",
            "the governor was tired after the trip, despite the early night",
        ),
        (
            "The coach said the team had trained hard; the owner was less sure.",
            "the team had trained hard",
        ),
        (
            "The mayor said the road was closed, and the police said it would reopen.",
            "the road was closed",
        ),
    ],
)
def test_reported_clause_runs_to_the_end_of_its_sentence(
    analyzer: Analyzer, text: str, content: str
) -> None:
    first = analyzer.analyze(text).attributions[0]
    assert first.content.text.rstrip(",") == content


ABBREVIATION_SENTENCES = [s for entry in default_rules().abbreviations for s in entry.sentences]


@pytest.mark.parametrize("text", ABBREVIATION_SENTENCES)
def test_the_rule_data_abbreviation_sentences_stay_whole(analyzer: Analyzer, text: str) -> None:
    assert len(list(analyzer.nlp(text).sents)) == 1
