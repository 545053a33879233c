"""Sources from hand-built links: merging, typing, pronouns, publisher."""

from __future__ import annotations

import pytest

from attribution import Analysis, Analyzer
from attribution.models import Article, Source
from attribution.stages.parts import Link
from attribution.stages.quotes import find_quotes
from attribution.stages.sources import resolve_sources
from helpers import assert_offsets_hold, shared_analyzer, sole_speaker


def resolve(text: str, sources: list[tuple[str, int]], publisher: str | None = None):
    """Links whose source is the n-th occurrence of each given phrase."""
    analyzer = shared_analyzer()
    doc = analyzer.nlp(text)
    links = []
    for phrase, nth in sources:
        at = -1
        for _ in range(nth + 1):
            at = text.index(phrase, at + 1)
        links.append(Link((len(text) - 1, len(text)), (at, at + len(phrase)), None, "speech"))
    article = Article(publisher=publisher)
    return resolve_sources(doc, links, article, find_quotes(text), analyzer.component.compiled)


def chain_of(analyzer: Analyzer, text: str, phrase: str) -> list[str]:
    """The chain of the first claim of the analysed text that holds ``phrase``."""
    return next(c for c in analyzer.analyze(text).claims if phrase in c.text).chain


def source_of(resolved, k: int) -> Source:
    """The source the k-th link resolves to."""
    return next(s for s in resolved.sources if s.id == resolved.source_ids[k])


def test_aliases_merge_into_one_person_with_a_role() -> None:
    text = "Ukrainian President Volodymyr Zelensky spoke. Zelensky said it was a crime."
    resolved = resolve(text, [("Ukrainian President Volodymyr Zelensky", 0), ("Zelensky", 1)])
    (person,) = [s for s in resolved.sources if s.type == "person"]
    assert person.name == "Volodymyr Zelensky"
    assert person.role == "Ukrainian President"
    assert len(person.mentions) == 2
    assert resolved.source_ids[0] == resolved.source_ids[1] == person.id


def test_member_nouns_merge_with_their_body() -> None:
    text = "Police officials spoke first. Then the police spoke again."
    resolved = resolve(text, [("Police officials", 0), ("the police", 0)])
    assert resolved.source_ids[0] == resolved.source_ids[1]
    assert resolved.sources[-1].type == "police"


def test_pronoun_takes_the_nearest_person_and_is_never_a_source() -> None:
    text = "Anna Petrova visited the town. The river rose. She spoke to residents."
    resolved = resolve(text, [("She", 0)])
    (source,) = [s for s in resolved.sources if s.type == "person"]
    assert source.name == "Anna Petrova"
    assert resolved.links[0].inferred
    assert "resolved to Anna Petrova" in resolved.links[0].reason


def test_unnamed_officials_are_anonymous() -> None:
    text = "Officials spoke on Monday."
    resolved = resolve(text, [("Officials", 0)])
    (source,) = [s for s in resolved.sources if s.id == resolved.source_ids[0]]
    assert (source.type, source.anonymous) == ("anonymous", True)


def test_gazetteer_types_and_the_publisher() -> None:
    text = "Reuters spoke first."
    resolved = resolve(text, [("Reuters", 0)], publisher="ANI")
    publisher = next(s for s in resolved.sources if s.id == resolved.publisher_id)
    reuters = source_of(resolved, 0)
    assert (publisher.name, publisher.type) == ("ANI", "news_agency")
    assert reuters.type == "news_agency"


def test_without_a_publisher_the_article_speaks() -> None:
    resolved = resolve("Nothing is attributed here.", [])
    (article,) = resolved.sources
    assert article.type == "article"


# --- end to end: who said it, as a fact-checker reads it ---------------------------------


def _speaker(analysis: Analysis, phrase: str) -> Source:
    """The originator of the one claim that holds the phrase."""
    found = [c for c in analysis.claims if phrase in c.text]
    assert len(found) == 1, (phrase, [(c.text, c.chain) for c in analysis.claims])
    assert len(found[0].chain) > 1, (phrase, "unattributed")
    return analysis.source(found[0].chain[-1])


def _said_by(analyzer: Analyzer, text: str, phrase: str, speaker: str) -> Analysis:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    source = _speaker(analysis, phrase)
    names = [source.name.lower(), *(a.lower() for a in source.aliases)]
    assert any(speaker.lower() in n for n in names), (speaker, source.name, source.aliases)
    return analysis


PRONOUN_AGREEMENT = [
    # "she" skips the nearest man
    (
        "Laura Finch met the finance minister, Peter Bond, on Monday. She said the budget "
        "would not pass.",
        "budget would not pass",
        "Laura Finch",
    ),
    (
        "Ms. Okafor spoke after Tom Reyes and his deputy, Carl Vance. She said the plan was "
        "reckless.",
        "plan was reckless",
        "Okafor",
    ),
    (
        "The spokeswoman stood beside Governor Mark Ellis. She said the schools would reopen.",
        "schools would reopen",
        "spokeswoman",
    ),
    # "he" skips the nearest woman
    (
        "David Kerr debated Maria Lund on the radio. He said the tax was unfair.",
        "tax was unfair",
        "David Kerr",
    ),
    # "it" skips a channel, a platform, a place
    (
        "The regulator posted the ruling on Telegram. It added that fines would follow.",
        "fines would follow",
        "regulator",
    ),
    (
        "The ministry said the plant was safe. It added on Facebook that inspectors would visit.",
        "inspectors would visit",
        "ministry",
    ),
    (
        "Acme Corp moved its offices to Toronto last year. It said profits had doubled.",
        "profits had doubled",
        "Acme",
    ),
    # "they" goes to a body or a plural mention, not to one person
    (
        "The nurses' union met the health minister, Carl Dunn. They said the talks had failed.",
        "talks had failed",
        "union",
    ),
    (
        "Two farmers sued Governor Ruth Hale over the levy. They said the levy was illegal.",
        "levy was illegal",
        "farmers",
    ),
    (
        "Residents met Mayor Ben Ortiz at the hall. They said the water tasted of rust.",
        "tasted of rust",
        "Residents",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), PRONOUN_AGREEMENT)
def test_pronouns_agree_in_kind_gender_and_number(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


PRONOUN_SALIENCE = [
    # an aside or a relative clause names a second person
    (
        "Frank Moss, who succeeded Peter Lang as chairman, said the bank was sound. He added "
        "that no jobs would go.",
        "no jobs would go",
        "Frank Moss",
    ),
    (
        "Karen Diaz, whose rival Anna Webb lost the vote, thanked her staff. She said the "
        "result was fair.",
        "result was fair",
        "Karen Diaz",
    ),
    (
        "Carlos Mendes, a friend of the late Joe Park, spoke at the service. He said the town "
        "had lost a hero.",
        "lost a hero",
        "Carlos Mendes",
    ),
    (
        'Marco Silva keeps the letter that Peter Hahn sent him in 2012. "It means a lot," he said.',
        "It means a lot",
        "Marco Silva",
    ),
    # the pronoun's own sentence rules out the man it talks about
    (
        "Sam Ortiz met reporters. Asked about Victor Lane, he said the deal was dead.",
        "deal was dead",
        "Sam Ortiz",
    ),
    # the subject of the last attribution
    (
        "Senator Ruth Okafor said the bill was flawed. Paul Grant, her aide, nodded. She said "
        "amendments were coming.",
        "amendments were coming",
        "Okafor",
    ),
    # a person first named in a plain narrative sentence
    (
        "Darla Kent is the youth ambassador for the council. She said the job had changed her.",
        "job had changed her",
        "Darla Kent",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), PRONOUN_SALIENCE)
def test_pronouns_prefer_the_salient_mention(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


def test_a_resolved_pronoun_is_inferred_with_a_reason_and_a_contested_confidence(
    analyzer: Analyzer,
) -> None:
    alone = analyzer.analyze("Laura Finch spoke first. She said the budget would not pass.")
    contested = analyzer.analyze(
        "Laura Finch met Nora Quinn on Monday. She said the budget would not pass."
    )
    for analysis in (alone, contested):
        (link,) = [a for a in analysis.attributions if a.source and a.source.text == "She"]
        assert link.inferred and link.reason and "resolved to" in link.reason
    (alone_link,) = [a for a in alone.attributions if a.source and a.source.text == "She"]
    (contested_link,) = [a for a in contested.attributions if a.source and a.source.text == "She"]
    assert contested_link.confidence < alone_link.confidence
    assert "over" in contested_link.reason


ONE_SOURCE_PER_SPEAKER = [
    # full name, surname and title
    (
        "Mayor Doug Kiley opened the rink. Kiley said the city would pay. The mayor said the "
        "rink would open in May.",
        "open in May",
        "Doug Kiley",
    ),
    # appositive after the name
    (
        "Ann Kessler, the governor, signed the order. Later, the governor said taxes would "
        "stay flat.",
        "stay flat",
        "Ann Kessler",
    ),
    # appositive before the name
    (
        "The governor, Ann Kessler, signed the order. The governor said taxes would stay flat.",
        "stay flat",
        "Ann Kessler",
    ),
    # a role merged with a name given two paragraphs earlier
    (
        "Police Chief Ray Dunn called the meeting.\n\nResidents filled the hall.\n\n"
        "The chief said patrols would double.",
        "patrols would double",
        "Ray Dunn",
    ),
    # a possessive role names the holder
    (
        "Hale's spokeswoman, Dana Ortiz, said the senator would vote no.",
        "would vote no",
        "Dana Ortiz",
    ),
    (
        "The minister's spokesman, Paul Reed, said the talks were over.",
        "talks were over",
        "Paul Reed",
    ),
    # a compound role before a name
    (
        "Obama spokesman Robert Gibbs said the figures were wrong.",
        "figures were wrong",
        "Robert Gibbs",
    ),
    (
        "Council spokeswoman Jane Holt said the road would reopen.",
        "road would reopen",
        "Jane Holt",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), ONE_SOURCE_PER_SPEAKER)
def test_one_source_per_real_world_speaker(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    people = [s for s in analysis.sources if s.type == "person"]
    assert len(people) == 1, [(s.name, s.aliases) for s in people]


def test_possessive_and_compound_roles_name_the_owner_in_the_role(analyzer: Analyzer) -> None:
    for text, speaker, role in [
        (
            "Hale's spokeswoman, Dana Ortiz, said the vote was delayed.",
            "Dana Ortiz",
            "spokeswoman for Hale",
        ),
        (
            "Obama spokesman Robert Gibbs said the figures were wrong.",
            "Robert Gibbs",
            "spokesman for Obama",
        ),
        ("Mr. Alvarez said the plant would close.", "Alvarez", None),
    ]:
        analysis = analyzer.analyze(text)
        (person,) = [s for s in analysis.sources if s.type == "person"]
        assert (person.name, person.role) == (speaker, role)


KEPT_APART = [
    (
        "Mary Nicholson said she wrote to the ministry. Trevor Nicholson said the letter was "
        "ignored.",
        "letter was ignored",
        "Trevor Nicholson",
        2,
    ),
    (
        "President Lee met President Osei. The president said trade would grow.",
        "trade would grow",
        "president",
        None,
    ),
    (
        "Senator Ruth Hale and Senator Amy Cole voted no. Cole said the bill was rushed.",
        "bill was rushed",
        "Amy Cole",
        None,
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker", "people"), KEPT_APART)
def test_different_people_stay_apart(
    analyzer: Analyzer, text: str, phrase: str, speaker: str, people: int | None
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    if people is not None:
        assert len([s for s in analysis.sources if s.type == "person"]) == people


COMPANY_AND_GROUPS = [
    (
        "Northwind Energy raised prices in March. The company said costs had risen.",
        "costs had risen",
        "Northwind",
        "organisation",
    ),
    (
        "Stella's owners, Tore Lund and Mia Berg, met the staff. They said the vote was fair.",
        "vote was fair",
        "Mia Berg",
        "person",
    ),
    (
        "Local 832 of the Food Workers Union won the vote. The union said talks would start soon.",
        "talks would start",
        "Union",
        "organisation",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker", "kind"), COMPANY_AND_GROUPS)
def test_the_company_and_coordinated_speakers(
    analyzer: Analyzer, text: str, phrase: str, speaker: str, kind: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    assert _speaker(analysis, phrase).type == kind


TYPES = [
    # a surname-only person is a person
    ("Tom Garvey spoke to the crowd. Garvey said the strike would go on.", "strike", "person"),
    (
        "Carole Laurin lost her job. Laurin said the pension saved her.",
        "pension saved her",
        "person",
    ),
    ("Dr. Allan Marsh led the study. Marsh said the results were clear.", "results", "person"),
    # a document with no author named stays a document, never a person
    ("The memo said the plant would close.", "plant would close", "document"),
    ("A leaked letter said the deal was off.", "deal was off", "document"),
    ("The statement said no data had been lost.", "no data had been lost", "document"),
]


@pytest.mark.parametrize(("text", "phrase", "kind"), TYPES)
def test_source_types(analyzer: Analyzer, text: str, phrase: str, kind: str) -> None:
    analysis = analyzer.analyze(text)
    assert _speaker(analysis, phrase).type == kind


DOCUMENTS_WITH_AUTHORS = [
    (
        "A report by the Fiscal Policy Institute said the tax cut would cost billions.",
        "cost billions",
        "Fiscal Policy Institute",
    ),
    (
        "The union's statement said members would strike on Monday.",
        "strike on Monday",
        "union",
    ),
    (
        "A study from Harland University found the drug was safe. The study said side "
        "effects were rare.",
        "side effects were rare",
        "Harland University",
    ),
    # an issuing participle the parser hung on the noun of the report's topic phrase
    (
        "A study released in May by the Dorsey Institute found that rents had doubled. A "
        "report about wages issued over the summer by the Harbour Labour Council noted that "
        "pay was flat.",
        "pay was flat",
        "Harbour Labour Council",
    ),
    (
        "A study released in May by the Dorsey Institute found that rents had doubled. A "
        "report about the training of new nurses issued in June by the Royal Nursing Board "
        "noted that a third of them quit.",
        "a third of them quit",
        "Royal Nursing Board",
    ),
    (
        "A survey on housing published last week by the Tenants Union said most renters "
        "were behind on payments.",
        "behind on payments",
        "Tenants Union",
    ),
    (
        "A review of the hospital's records released on Monday by the Health Quality Board "
        "said wait times had grown.",
        "wait times had grown",
        "Health Quality Board",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "author"), DOCUMENTS_WITH_AUTHORS)
def test_a_document_with_its_author_names_the_author_through_the_document(
    analyzer: Analyzer, text: str, phrase: str, author: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, author)
    assert _speaker(analysis, phrase).type != "document"
    claim = next(c for c in analysis.claims if phrase in c.text)
    assert claim.channel  # the document is where the author said it


ANONYMITY = [
    "A city engineer, asking for anonymity, said the bridge had failed two inspections.",
    "One aide, who spoke on condition of anonymity, said the speech had been rewritten.",
    "A person familiar with the talks said the deal was close.",
    "An officer who asked not to be named said the suspect had fled.",
]


@pytest.mark.parametrize("text", ANONYMITY)
def test_anonymity_phrases_make_the_source_anonymous(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    (link,) = [a for a in analysis.attributions if a.source_id]
    assert analysis.source(link.source_id).anonymous


HONORIFICS = [
    ("Mr. Alvarez said the factory would stay open.", "Alvarez"),
    ("Ms. Patel said the clinic would close.", "Patel"),
    ("Mrs. Dunne said the school had no heating.", "Dunne"),
]


@pytest.mark.parametrize(("text", "name"), HONORIFICS)
def test_honorifics_are_no_roles_and_no_part_of_the_name(
    analyzer: Analyzer, text: str, name: str
) -> None:
    (person,) = [s for s in analyzer.analyze(text).sources if s.type == "person"]
    assert (person.name, person.role) == (name, None)


EPITHETS = [
    (
        'Alfonso Espinos runs the shop on King Street. "We only sell local comics," says the '
        "affable proprietor.",
        "local comics",
        "Alfonso Espinos",
    ),
    (
        "Andre Campbell draws every night. The bow-tied cartoonist said the work never ends.",
        "work never ends",
        "Andre Campbell",
    ),
    (
        "Mike Dale ran the tour for a decade. The embattled veteran said he would not quit.",
        "would not quit",
        "Mike Dale",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), EPITHETS)
def test_a_definite_description_names_the_person_just_named(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    assert len([s for s in analysis.sources if s.type == "person"]) == 1


def test_a_new_unnamed_source_stays_its_own() -> None:
    analysis = shared_analyzer().analyze("The analyst said prices would fall.")
    (source,) = [s for s in analysis.sources if s.type != "article"]
    assert source.name == "analyst"


@pytest.mark.parametrize(
    ("text", "mention", "name", "type_"),
    [
        (
            "The group Border Fairness said the camps were full.",
            "The group Border Fairness",
            "Border Fairness",
            "organisation",
        ),
        (
            "The union Harbour Workers United called the offer an insult.",
            "The union Harbour Workers United",
            "Harbour Workers United",
            "organisation",
        ),
        (
            "The charity Warm Meals Trust said demand had doubled.",
            "The charity Warm Meals Trust",
            "Warm Meals Trust",
            "organisation",
        ),
    ],
)
def test_a_kind_of_body_before_a_name_makes_it_that_body(
    text: str, mention: str, name: str, type_: str
) -> None:
    resolved = resolve(text, [(mention, 0)])
    source = source_of(resolved, 0)
    assert (source.name, source.type) == (name, type_)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "An aide to Briggs, who spoke on condition of anonymity because the talks were "
            "private, said a vote was near.",
            "An aide to Briggs",
            "aide to Briggs",
        ),
        (
            "A lawyer for Ms. Hale, who asked not to be named because the case is sealed, said "
            "the charges would be dropped.",
            "A lawyer for Ms. Hale",
            "lawyer for Ms. Hale",
        ),
        (
            "A staffer for Mayor Odell, who spoke on condition of anonymity, said the plan was "
            "dead.",
            "A staffer for Mayor Odell",
            "staffer for Mayor Odell",
        ),
    ],
)
def test_a_source_named_through_someone_else_stays_anonymous(
    text: str, mention: str, name: str
) -> None:
    """The name in "an aide to Briggs" is the aide's boss; the aide is unnamed."""
    resolved = resolve(text, [(mention, 0)])
    source = source_of(resolved, 0)
    assert source.name == name
    assert source.anonymous and source.type == "anonymous"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Nordline, the regional rail operator, said services would stop.", "Nordline"),
        ("Brightwave, the internet provider, said the outage was over.", "Brightwave"),
        ("Kelso, a small carmaker, said it would cut 300 jobs.", "Kelso"),
    ],
)
def test_an_apposition_naming_a_kind_of_body_makes_a_name_a_body(text: str, mention: str) -> None:
    resolved = resolve(text, [(mention, 0)])
    source = source_of(resolved, 0)
    assert (source.name, source.type) == (mention, "organisation")


# --- who said it: the forms issue 9 names ------------------------------------------------

NOT_ANTECEDENTS = [
    # a name that only modifies a thing is nobody "she" or "he" could be, not even a runner-up
    (
        "Kevin Vale sits on the youth council. The council meets monthly. It opposed the "
        'Kinder Morgan pipeline in June. "We will live with it," he said.',
        "live with it",
        "Kevin Vale",
        "Kinder Morgan",
    ),
    (
        "Union head Kiran Vale spoke on Friday. The union has 400 members. It grew fast this "
        "year. Workers at the Martha's Bakery location voted to join. He said the vote was "
        "overdue.",
        "vote was overdue",
        "Kiran Vale",
        "Martha",
    ),
    (
        "Union head Omar Bakri spoke on Friday. The union has 900 members. It grew fast this "
        "year. Cooks at the Stella's Cafe branch voted to join. He said more votes would follow.",
        "more votes would follow",
        "Omar Bakri",
        "Cafe",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker", "modifier"), NOT_ANTECEDENTS)
def test_a_name_that_modifies_a_thing_is_no_antecedent(
    analyzer: Analyzer, text: str, phrase: str, speaker: str, modifier: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert modifier not in (link.reason or "")


NAMED_ANTECEDENTS = [
    # a lone surname of someone named in full, even where the parser tags no person
    (
        "Councillor Josh Pellow spoke to tenants on Monday. Pellow backs a cap on rents. "
        "Ben Styles of the landlords' group disagreed. Pellow wants the province to act. "
        '"We cannot wait another year," he said.',
        "wait another year",
        "Josh Pellow",
    ),
    # a name with a person in apposition: "Yuni, a resident of Lampung"
    (
        "Sutopo Nugroho led the rescue. Yuni, a resident of the coast, was at home when the "
        'wave came. "I heard a roar and ran," she said.',
        "heard a roar",
        "Yuni",
    ),
    (
        "Governor Paul Dent toured the valley. Omar, a witness to the flood, lost his barn. "
        '"Everything is gone," he said.',
        "Everything is gone",
        "Omar",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), NAMED_ANTECEDENTS)
def test_lone_surnames_and_apposed_residents_are_antecedents(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


SPACER_LINES = [
    # a line holding only " ." is no sentence: the speaker stays in reach
    (
        "Union president Carl Reddin said the vote passed.\n .\n The chain has nine cafes.\n .\n"
        " The tips were pooled.\n .\n Managers met on Friday.\n .\n The owners, "
        "Ida Lunn and Rosa Vell, said they respected the vote.\n .\n The campaign began in "
        "May.\n .\n Its account went up in June.\n .\n Dozens of posts followed.\n .\n "
        "He said the union would meet managers in January.",
        "meet managers in January",
        "Carl Reddin",
    ),
    (
        "Coach Martin Gale said the team was ready.\n .\n The arena seats 9,000.\n .\n "
        "Tickets sold out.\n .\n Fans queued all night.\n .\n The mayor, Ruth Anders, "
        "cut the ribbon.\n .\n Vendors sold scarves.\n .\n Buses ran late.\n .\n Rain fell "
        "at noon.\n .\n He said the players had trained hard.",
        "players had trained hard",
        "Martin Gale",
    ),
    (
        "Professor Helen Marsh said the reef was recovering.\n .\n Divers counted fish.\n .\n"
        " The boat left at dawn.\n .\n The water was clear.\n .\n Tom Reyes, the captain, "
        "steered.\n .\n The survey took a week.\n .\n Samples went to the lab.\n .\n "
        "Results came back in May.\n .\n She said the coral was spawning again.",
        "coral was spawning",
        "Helen Marsh",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), SPACER_LINES)
def test_lines_without_words_do_not_push_the_speaker_away(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


QUOTED_AS_SAYING = [
    # a passive "he was quoted as saying" still stands for someone
    (
        "Police chief Omar Hadid warned the public on Monday. He was quoted as saying that "
        "officers had received several threats.",
        "received several threats",
        "Omar Hadid",
    ),
    (
        "Judge Ellen Price adjourned the case. She was quoted as saying that the evidence "
        "was incomplete.",
        "evidence was incomplete",
        "Ellen Price",
    ),
    (
        "Senator Ray Colby left the chamber early. He was later quoted as saying that the bill "
        "was dead.",
        "bill was dead",
        "Ray Colby",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), QUOTED_AS_SAYING)
def test_a_passive_personal_pronoun_is_someone(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


BODY_WORDS = [
    # "the agency", "the firm", "the company": the body just named, or just speaking
    (
        "The mayor said a study by the Harbour Transit Authority had backed the plan. The "
        "agency told reporters it had done no such study.",
        "no such study",
        "Harbour Transit",
    ),
    (
        "Norwell Steel's threat unit said in a statement that the emails came from one gang. "
        "The unit traced the servers. Hundreds of people wrote in. "
        '"We have seen this actor before," the security firm wrote.',
        "seen this actor before",
        "threat unit",
    ),
    (
        "Greenfield Energy said the plant would close. Workers gathered at the gate on "
        "Monday. Some of them cried. The company said 40 jobs would go.",
        "40 jobs would go",
        "Greenfield Energy",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), BODY_WORDS)
def test_a_body_word_stands_for_the_body_named_before_it(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert link.inferred and "stands for" in (link.reason or "")


def test_a_body_named_by_its_country_stays_its_own() -> None:
    analysis = shared_analyzer().analyze(
        "Huawei said its executive was innocent. The Canadian government said the arrest "
        "was lawful."
    )
    source = _speaker(analysis, "arrest was lawful")
    assert "Canadian government" in source.name


APPOSED_NAMES = [
    # a lone given name beside a relation names the person
    (
        '"He works harder than anyone I know," says Lund\'s dad, Darrin.',
        "works harder",
        "Darrin",
    ),
    (
        '"We never missed a match," says Tran\'s mother, Mary.',
        "never missed a match",
        "Mary",
    ),
    # a name far after the mention, past a relative clause, is not its name
    (
        'Xander Wise is sixteen. "It takes months," says the self-taught Cambridge resident, '
        "who sold 40 copies of his comic Grunt: The Undead Soldier, inspired by old films.",
        "It takes months",
        "Xander Wise",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), APPOSED_NAMES)
def test_an_apposed_name_stands_beside_its_mention(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


PLACE_EPITHETS = [
    # a place that says where someone lives keeps a description a description
    (
        "Maria Lopez paints murals downtown. The Toronto native said the city needs more colour.",
        "needs more colour",
        "Maria Lopez",
    ),
    (
        'Luis Ortega fixed bikes in Winnipeg for 30 years. "I never wanted a boss," says the '
        "genial Ottawa mechanic.",
        "never wanted a boss",
        "Luis Ortega",
    ),
    (
        "Anika Sorensen swam the strait in June. The Danish athlete said the cold was brutal.",
        "cold was brutal",
        "Anika Sorensen",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), PLACE_EPITHETS)
def test_a_place_in_a_description_keeps_it_an_epithet(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


DOCUMENT_AUTHORS_FURTHER = [
    # the author named on the verb that sent the document: "a release sent from X"
    (
        "A release sent to reporters from the Grain Workers Union said most members voted yes.",
        "most members voted yes",
        "Grain Workers Union",
        False,
    ),
    (
        "A report released by the Fraser Institute on Monday said rents would rise.",
        "rents would rise",
        "Fraser Institute",
        False,
    ),
    # "the report": the document just named, whatever word it goes by
    (
        "A study by the Norwell Policy Institute looked at 13 transit lines. It found three "
        'that cost more than they saved. "Few projects get real scrutiny," the report said.',
        "Few projects get real scrutiny",
        "Norwell Policy Institute",
        True,
    ),
    (
        "An audit by Greenfield Energy reviewed five years of spending. Auditors met staff "
        "in March. The document said two contracts broke the rules.",
        "two contracts broke the rules",
        "Greenfield Energy",
        True,
    ),
]


@pytest.mark.parametrize(("text", "phrase", "author", "inferred"), DOCUMENT_AUTHORS_FURTHER)
def test_a_document_names_its_author_through_its_verb_or_an_earlier_mention(
    analyzer: Analyzer, text: str, phrase: str, author: str, inferred: bool
) -> None:
    analysis = _said_by(analyzer, text, phrase, author)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert link.inferred == inferred
    assert link.channel is not None


def test_an_earlier_document_by_nobody_lends_no_author() -> None:
    analysis = shared_analyzer().analyze(
        "A leaked memo reached reporters on Friday. The letter said the plant would close."
    )
    assert _speaker(analysis, "plant would close").type == "document"


SURNAMES_OF_MORE_WORDS = [
    # the last words of a full name given before are that person, however many they are
    (
        "Emeric Van Doorn said the port would expand. Van Doorn said work would start in May.",
        "Van Doorn",
    ),
    (
        "Gareth Lloyd Webber said the theatre would reopen. Lloyd Webber said tickets were gone.",
        "Lloyd Webber",
    ),
    (
        "Omar Abu Bakr said the port would expand. Abu Bakr said work would start in May.",
        "Abu Bakr",
    ),
]


@pytest.mark.parametrize(("text", "short"), SURNAMES_OF_MORE_WORDS)
def test_a_surname_of_several_words_is_the_person_named_in_full(text: str, short: str) -> None:
    analysis = shared_analyzer().analyze(text)
    (person,) = [s for s in analysis.sources if s.type == "person"]
    assert short in person.aliases
    assert len({a.source_id for a in analysis.attributions}) == 1


ISSUED_DOCUMENTS = [
    # who issued the document named before is its author
    (
        "Norwell Steel released a report on Monday. The report said the mill would close.",
        "mill would close",
        "Norwell Steel",
    ),
    (
        "The Harbour Transit Authority issued a statement late on Friday. The statement said "
        "service would resume.",
        "service would resume",
        "Harbour Transit Authority",
    ),
    (
        "Greenfield Energy published a study in May. Experts read it for weeks. The study said "
        "emissions had fallen.",
        "emissions had fallen",
        "Greenfield Energy",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "author"), ISSUED_DOCUMENTS)
def test_who_issued_a_document_is_its_author(
    analyzer: Analyzer, text: str, phrase: str, author: str
) -> None:
    _said_by(analyzer, text, phrase, author)


def test_who_obtained_a_document_is_not_its_author() -> None:
    analysis = shared_analyzer().analyze(
        "Police obtained a letter on Monday. The letter said the deal was off."
    )
    assert _speaker(analysis, "deal was off").type == "document"


@pytest.mark.parametrize(
    "text",
    [
        "The deal was signed in 2009, according to court documents reported earlier by The "
        "Post, and the firm grew fast.",
        "The mayor backed the plan, according to records reported last year by The Post.",
        "A review of the memo by the report said the figures were wrong.",
    ],
)
def test_documents_that_name_each_other_as_author_end(text: str) -> None:
    """A newspaper named like a document ("The Post") may be its own earlier author."""
    analysis = shared_analyzer().analyze(text)
    assert_offsets_hold(text, analysis)


@pytest.mark.parametrize(
    ("text", "first", "later", "name"),
    [
        (
            "Board president Alicia Moreno spoke first. Later the board president spoke again.",
            "Board president Alicia Moreno",
            "the board president",
            "Alicia Moreno",
        ),
        (
            "Council chairman Omar Haddad opened the meeting. The council chairman then left.",
            "Council chairman Omar Haddad",
            "The council chairman",
            "Omar Haddad",
        ),
        (
            "Team captain Lena Moss met the press. The team captain said little.",
            "Team captain Lena Moss",
            "The team captain",
            "Lena Moss",
        ),
    ],
)
def test_an_office_held_in_a_body_is_its_one_holder(
    text: str, first: str, later: str, name: str
) -> None:
    """ "the board president" is a person, the one the article names as board president."""
    resolved = resolve(text, [(first, 0), (later, 0)])
    assert resolved.source_ids[0] == resolved.source_ids[1]
    source = source_of(resolved, 1)
    assert (source.name, source.type) == (name, "person")


@pytest.mark.parametrize(
    ("text", "mention", "role"),
    [
        (
            "Majority Leader Paul Grant said the vote would wait.",
            "Majority Leader Paul Grant",
            "Majority Leader",
        ),
        (
            "Board president Alicia Moreno said the vote was close.",
            "Board president Alicia Moreno",
            "Board president",
        ),
        (
            "Pentagon spokesman John Kirby said the drill was over.",
            "Pentagon spokesman John Kirby",
            "spokesman for Pentagon",
        ),
    ],
)
def test_an_office_keeps_its_words_and_a_named_body_owns_its_spokesman(
    text: str, mention: str, role: str
) -> None:
    resolved = resolve(text, [(mention, 0)])
    source = source_of(resolved, 0)
    assert source.role == role


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The Coastal Ferry Company cancelled its sailings. Islanders said the council would "
            "act.",
            "the council",
        ),
        ("Harbor Foods recalled its salsa. Residents said the ministry knew.", "the ministry"),
        ("Brightwave said the outage was over. Critics said the agency was slow.", "the agency"),
    ],
)
def test_a_body_word_never_stands_for_a_body_of_another_kind(text: str, mention: str) -> None:
    """A council, a ministry or an agency is no company named before it."""
    resolved = resolve(text, [(mention, 0)])
    source = source_of(resolved, 0)
    assert source.type == "government"
    assert not resolved.links[0].inferred


@pytest.mark.parametrize(
    ("text", "mention", "role"),
    [
        (
            "The island's council chair, Robert Quinn, spoke.",
            "The island's council chair",
            "island council chair",
        ),
        (
            "The company's chief executive, Nina Patel, spoke.",
            "The company's chief executive",
            "company chief executive",
        ),
        (
            "The city's police chief, Ray Dunn, spoke.",
            "The city's police chief",
            "city police chief",
        ),
    ],
)
def test_a_role_keeps_a_space_where_a_possessive_mark_was_left_out(
    text: str, mention: str, role: str
) -> None:
    resolved = resolve(text, [(mention, 0)])
    source = source_of(resolved, 0)
    assert source.role == role


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        (
            "Minister Claire Dubois toured the site. The railway, Northline Freight, said the "
            "cause was unknown.",
            "The railway",
            "Northline Freight",
            "organisation",
        ),
        (
            "Mayor Ian Shaw spoke first. The carrier, Bluejay Air, said no flights were lost.",
            "The carrier",
            "Bluejay Air",
            "organisation",
        ),
        (
            "Senator Ruth Okafor asked for a review. The agency, Coastwatch, said it would comply.",
            "The agency",
            "Coastwatch",
            "government",
        ),
    ],
)
def test_a_body_named_in_apposition_is_that_body_not_the_person_before(
    text: str, mention: str, name: str, kind: str
) -> None:
    """ "The railway, Northline Freight," names its body; it never stands for the person
    named in the sentence before, as "the affable engineer" would."""
    source = source_of(resolve(text, [(mention, 0)]), 0)
    assert (source.name, source.type) == (name, kind)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Dr. Lena Park ran the clinic. The affable doctor said it was full.",
            "The affable doctor",
            "Lena Park",
        ),
        (
            "Tom Reyes fixed the roof. The retired welder said it took a week.",
            "The retired welder",
            "Tom Reyes",
        ),
        (
            "Maria Delgado grows almonds. The longtime grower said the wells were dry.",
            "The longtime grower",
            "Maria Delgado",
        ),
    ],
)
def test_a_description_without_a_name_still_stands_for_the_person_just_named(
    text: str, mention: str, name: str
) -> None:
    source = source_of(resolve(text, [(mention, 0)]), 0)
    assert source.name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Sen. Laura Whitcomb defended the bill. Her rival, Sen. Dale Ostrander, called it "
            "costly. The senator said farms would close.",
            "The senator",
            "Dale Ostrander",
        ),
        (
            "Gov. Ann Kessler met Gov. Ray Diaz in Denver. Diaz left early. Later, Gov. Ann "
            "Kessler spoke to the press. The governor said the talks had gone well.",
            "The governor",
            "Ann Kessler",
        ),
        (
            "Mayor Ian Shaw opened the session. Mayor Lena Park of Oakdale spoke next. The mayor "
            "said her town needed buses.",
            "The mayor",
            "Lena Park",
        ),
    ],
)
def test_a_title_that_several_hold_is_the_holder_just_named(
    text: str, mention: str, name: str
) -> None:
    """Two senators in one story: "the senator" is the one named last, close before it."""
    resolved = resolve(text, [(mention, 0)])
    assert source_of(resolved, 0).name == name
    assert resolved.links[0].inferred


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Sen. Ann Cole filed the bill. The senator said it would pass.",
            "The senator",
            "Ann Cole",
        ),
        (
            "Gov. Ray Diaz signed the order. The governor said it was overdue.",
            "The governor",
            "Ray Diaz",
        ),
        (
            "Supt. Mark Hale led the search. The superintendent said it was over.",
            "The superintendent",
            "Mark Hale",
        ),
    ],
)
def test_an_abbreviated_title_names_the_office(text: str, mention: str, name: str) -> None:
    """ "Sen. Ann Cole" holds the office "the senator" names."""
    assert source_of(resolve(text, [(mention, 0)]), 0).name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Halden Health will close three rural clinics, the company said on Thursday.",
            "the company",
            "Halden Health",
        ),
        (
            "Quorra Bikes recalled 4,000 frames this week. The company said no one was hurt.",
            "The company",
            "Quorra Bikes",
        ),
        (
            "Tindle Foods will cut 200 jobs in Moncton, the company announced.",
            "the company",
            "Tindle Foods",
        ),
    ],
)
def test_the_company_is_a_subject_name_the_parser_did_not_tag(
    text: str, mention: str, name: str
) -> None:
    """The parser tags no entity on some company names; the subject just before still is one."""
    assert source_of(resolve(text, [(mention, 0)]), 0).name == name


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "A nurse at one of the clinics said staff were told to keep quiet.",
            "A nurse at one of the clinics",
        ),
        (
            "A driver for the bus company said the brakes had failed.",
            "A driver for the bus company",
        ),
        (
            "A teacher at the school, who asked not to be named, said classes were cut.",
            "A teacher at the school",
        ),
    ],
)
def test_a_person_at_a_body_is_a_person_not_the_body(text: str, mention: str) -> None:
    """The head says what the source is: a nurse at a clinic is a person, not a clinic."""
    source = source_of(resolve(text, [(mention, 0)]), 0)
    assert source.type == "anonymous"


PRONOUN_TEXT_GENDER = [
    # a pronoun whose clause governs the name's clause is someone else: "When X left, he"
    (
        "Tomas Reyes ran the bakery. When Lena Brandt called, he closed the shop. He said "
        "flour prices had doubled.",
        "flour prices had doubled",
        "Tomas Reyes",
    ),
    (
        "Greta Holm led the inquiry. After Omar Price resigned, she took his seat. She said "
        "the inquiry would finish in June.",
        "inquiry would finish in June",
        "Greta Holm",
    ),
    (
        "Victor Salas coached the team. Once Helen Marsh arrived, he moved to defence. He said "
        "the move had paid off.",
        "move had paid off",
        "Victor Salas",
    ),
    # relatives share a surname, not a gender
    (
        "Ruth Okafor said she was proud of the school. Daniel Okafor taught there for years. "
        "He said the roof still leaked.",
        "roof still leaked",
        "Daniel Okafor",
    ),
    (
        "Paul Brandt said he would sell the farm. Anna Brandt kept the books. She said the "
        "debts were small.",
        "debts were small",
        "Anna Brandt",
    ),
    # counter-examples: the name's own clause governs the pronoun, so the text tells it
    (
        "Kiran Vale said she was pleased with the vote. Kiran Vale met Ali Dorn later. She "
        "said the count was fair.",
        "count was fair",
        "Kiran Vale",
    ),
    (
        "Greta Lund trained on Friday. Kiran Vale told reporters he would run again. She said "
        "the track was wet.",
        "track was wet",
        "Greta Lund",
    ),
    (
        "Kiran Vale told reporters he would run again. Sasha Obi and Kiran Vale met on "
        "Friday. He said the race was open.",
        "race was open",
        "Kiran Vale",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), PRONOUN_TEXT_GENDER)
def test_a_pronoun_tells_a_name_gender_only_in_a_clause_the_name_governs(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


NAME_FORMS = [
    # a surname with a capital inside it, or an apostrophe, is still a name
    (
        "Elder Ha'nuuk spoke at the longhouse on Sunday. He said the river was sacred.",
        "river was sacred",
        "Ha'nuuk",
    ),
    (
        "Chief Ta'kaiya stood by the road. He said the land was never ceded.",
        "land was never ceded",
        "Ta'kaiya",
    ),
    (
        "Mayor Dale DeWitt opened the bridge. DeWitt said traffic would ease by spring.",
        "traffic would ease",
        "Dale DeWitt",
    ),
    # a hyphenated surname is one surname
    (
        "Health Minister Carla Diaz-Moreno spoke in Ottawa. Diaz-Moreno said the plan was sound.",
        "plan was sound",
        "Carla Diaz-Moreno",
    ),
    (
        "The lawyer, Peter Lund-Hansen, filed the appeal. Lund-Hansen said the judge erred.",
        "judge erred",
        "Peter Lund-Hansen",
    ),
    # a given name that one person named in full bears
    (
        "Maya Torvik, 12, was found safe on Sunday. Maya told police the car was blue.",
        "car was blue",
        "Maya Torvik",
    ),
    (
        "The winner, Lorna Birch, thanked the crew. Lorna said the judges were fair.",
        "judges were fair",
        "Lorna Birch",
    ),
    (
        "Officers found Jayden Okoro near the lake. Jayden told them he had been lost.",
        "had been lost",
        "Jayden Okoro",
    ),
    # counter-examples: the surname wins over a given name, two people share one
    (
        "Grant Pike met Ellen Grant at the mill. Grant said the mill would close.",
        "mill would close",
        "Ellen Grant",
    ),
    (
        "Carla Diaz met Tom Moreno-Bell on Monday. Diaz said the talks went well.",
        "talks went well",
        "Carla Diaz",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), NAME_FORMS)
def test_name_forms_name_the_person_named_in_full(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


@pytest.mark.parametrize(
    ("text", "mention", "nth"),
    [
        ("Tom Hale and Tom Ricci ran the race. Tom said the course was hard.", "Tom", 2),
        ("Ana Ruiz met Ana Vidal on Monday. Ana said the deal was done.", "Ana", 2),
        ("Leo Park met Mia Stone. Leo Grant said the deal was done.", "Leo Grant", 0),
    ],
)
def test_a_given_name_two_people_bear_names_neither(text: str, mention: str, nth: int) -> None:
    resolved = resolve(text, [(mention, nth)])
    assert source_of(resolved, 0).name == mention


@pytest.mark.parametrize(
    ("text", "first", "second", "same"),
    [
        (
            "The ABL commissioner declined to comment. ABL commissioner Ron Robb said later "
            "that the league would review it.",
            "The ABL commissioner",
            "ABL commissioner Ron Robb",
            True,
        ),
        (
            "The Oilers coach spoke on Monday. Oilers coach Ivan Sorokin said the team was tired.",
            "The Oilers coach",
            "Oilers coach Ivan Sorokin",
            True,
        ),
        (
            "The Acme chairman spoke first. Later, Acme chairman Hugo Brandt said the plant "
            "would stay.",
            "The Acme chairman",
            "Acme chairman Hugo Brandt",
            True,
        ),
        # counter-examples: another body's holder, a person's name before the title
        (
            "The NHL commissioner declined to comment. ABL commissioner Ron Robb said later "
            "that the league would review it.",
            "The NHL commissioner",
            "ABL commissioner Ron Robb",
            False,
        ),
        (
            "The Harper spokesman spoke on Monday. Senate spokesman Ivan Sorokin said the "
            "talks were over.",
            "The Harper spokesman",
            "Senate spokesman Ivan Sorokin",
            False,
        ),
    ],
)
def test_a_title_of_a_named_body_stands_for_its_one_named_holder(
    text: str, first: str, second: str, same: bool
) -> None:
    resolved = resolve(text, [(first, 0), (second, 0)])
    assert (resolved.source_ids[0] == resolved.source_ids[1]) is same


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        (
            "The charity Safe Harbour said two of its staff were hurt. A statement said the "
            "office would close for a week.",
            "office would close",
            "Safe Harbour",
        ),
        (
            "Norcast Airlines said its flights were delayed by the storm. The statement added "
            "that refunds would follow.",
            "refunds would follow",
            "Norcast",
        ),
        (
            "The Ministry of Health said the outbreak was contained. A statement said three "
            "clinics would stay open overnight.",
            "three clinics would stay open",
            "Ministry of Health",
        ),
    ],
)
def test_a_statement_with_no_author_is_the_body_that_just_spoke(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    link = next(a for a in analysis.attributions if phrase in a.content.text)
    assert link.inferred and "spoke just before it" in (link.reason or "")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # too far back
        (
            "Norcast Airlines said its flights were delayed. Storms hit the coast on Monday. "
            "Crews worked through the night. A statement said refunds would follow.",
            "refunds would follow",
        ),
        # a person spoke last, not a body
        (
            "Mayor Ann Ross said the pool would reopen. A statement said repairs were done.",
            "repairs were done",
        ),
        # the statement names its own author
        (
            "Norcast Airlines said its flights were delayed. A statement from the pilots' "
            "union said crews were tired.",
            "crews were tired",
        ),
    ],
)
def test_a_statement_is_not_taken_for_a_body_far_back_or_a_person(
    analyzer: Analyzer, text: str, phrase: str
) -> None:
    analysis = analyzer.analyze(text)
    assert "Norcast" not in _speaker(analysis, phrase).name
    link = next(a for a in analysis.attributions if phrase in a.content.text)
    assert "spoke just before it" not in (link.reason or "")


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Her lawyers, Carl Boyd and Rita Jonas, said the verdict was unjust.",
            "Her lawyers",
            "Carl Boyd and Rita Jonas",
        ),
        (
            "The two founders, Ada Moss and Lee Chan, said the firm would grow.",
            "The two founders",
            "Ada Moss and Lee Chan",
        ),
        (
            "His coaches, Ivan Petrov and Mila Stone, told reporters he was ready.",
            "His coaches",
            "Ivan Petrov and Mila Stone",
        ),
        # counter-examples: no names beside it, one name beside a singular noun
        ("Her lawyers said the verdict was unjust.", "Her lawyers", "lawyers"),
        ("Her lawyer, Carl Boyd, said the verdict was unjust.", "Her lawyer", "Carl Boyd"),
    ],
)
def test_people_named_beside_a_plural_description_are_the_group(
    text: str, mention: str, name: str
) -> None:
    resolved = resolve(text, [(mention, 0)])
    assert source_of(resolved, 0).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "speaker", "through"),
    [
        (
            "Local farmers met in Halifax on Monday. Their research shows voters fear the cost.",
            "voters fear the cost",
            "farmers",
            True,
        ),
        (
            "The airline apologised on Monday. Its statement said the delays were caused by "
            "a storm.",
            "delays were caused",
            "airline",
            True,
        ),
        (
            "Maria Lopez spoke on Monday. Her study shows the reef is dying.",
            "reef is dying",
            "Maria Lopez",
            True,
        ),
        # counter-examples: a person the pronoun owns speaks, a named owner is the author
        (
            "Maria Lopez spoke on Monday. Her lawyer said the reef is dying.",
            "reef is dying",
            "lawyer",
            False,
        ),
        (
            "Maria Lopez met Norcast Airlines. The airline's statement said the delays were "
            "caused by a storm.",
            "delays were caused",
            "Norcast",
            False,
        ),
    ],
)
def test_a_document_a_pronoun_owns_is_by_whom_the_pronoun_stands_for(
    analyzer: Analyzer, text: str, phrase: str, speaker: str, through: bool
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    link = next(a for a in analysis.attributions if phrase in a.content.text)
    assert link.inferred is through
    assert link.channel is not None or not through


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        (
            "Leo Marsh's father, Ravi, says his son loved maths. His father said the boy "
            "worked hard.",
            "boy worked hard",
            "Ravi",
        ),
        (
            "Omar Beck's attorney, Dana Price, said the charges were false. His attorney "
            "said an appeal would follow.",
            "appeal would follow",
            "Dana Price",
        ),
        (
            "Sara Voss's mother, Ingrid, said the girl was brave. Her mother said the family "
            "was grateful.",
            "family was grateful",
            "Ingrid",
        ),
        # counter-examples: no one named in that role, another role
        (
            "Leo Marsh spoke on Monday. His father said the boy worked hard.",
            "boy worked hard",
            "father",
        ),
        (
            "Omar Beck's attorney, Dana Price, spoke on Monday. His brother said the charges "
            "were false.",
            "charges were false",
            "brother",
        ),
    ],
)
def test_a_pronoun_and_a_role_stand_for_the_person_named_in_that_role(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


@pytest.mark.parametrize(
    ("text", "mention", "nth", "name"),
    [
        (
            "Police Chief Ravi Singh spoke first. Leo Marsh's father, Ravi, said the boy was kind.",
            "Leo Marsh's father",
            0,
            "Ravi",
        ),
        (
            "Judge Ingrid Holt ruled on Monday. Sara Voss's mother, Ingrid, said she was relieved.",
            "Sara Voss's mother",
            0,
            "Ingrid",
        ),
        # counter-example: a lone given name that is no apposition names the one bearer
        (
            "Police found Lena Torvik on Sunday. Lena said the car was blue.",
            "Lena",
            1,
            "Lena Torvik",
        ),
    ],
)
def test_a_relative_given_by_a_given_name_is_someone_new(
    text: str, mention: str, nth: int, name: str
) -> None:
    resolved = resolve(text, [(mention, nth)])
    assert source_of(resolved, 0).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "chain"),
    [
        (
            "The health minister, Raj Dhillon, said in a statement that he had asked for a delay. "
            "The ministry would review the licence, the statement said.",
            "review the licence",
            ["the-article", "raj-dhillon"],
        ),
        (
            "Coach Mia Stone said in a letter that she would step down. The letter said the "
            "board had been told in May.",
            "the board had been told",
            ["the-article", "mia-stone"],
        ),
        (
            "Dale Ruiz wrote in an email that the plant was safe. The email said inspectors had "
            "found no leaks.",
            "inspectors had found no leaks",
            ["the-article", "dale-ruiz"],
        ),
    ],
)
def test_the_document_a_person_just_spoke_in_is_theirs(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    """ "X said in a statement ... the statement said": the same statement, so X's."""
    assert chain_of(analyzer, text, phrase) == chain


def test_a_statement_named_further_back_is_not_the_persons(analyzer: Analyzer) -> None:
    text = (
        "Raj Dhillon said in a statement that he had asked for a delay. Crews worked all night. "
        "Roads reopened on Friday. Traffic was light. The statement said the review would go on."
    )
    assert chain_of(analyzer, text, "review would go on") != ["the-article", "raj-dhillon"]


@pytest.mark.parametrize(
    ("text", "phrase", "chain"),
    [
        (
            "Her lawyer, Paul Greer, said she would plead not guilty. "
            '"My client has served this town for years," he said.',
            "served this town",
            ["the-article", "paul-greer"],
        ),
        (
            'His agent, Karen Holt, said he would sign on Monday. "The deal is done," she said.',
            "The deal is done",
            ["the-article", "karen-holt"],
        ),
        (
            "The coach, David Lyle, said she had earned her place. "
            '"Nobody worked harder," he said.',
            "Nobody worked harder",
            ["the-article", "david-lyle"],
        ),
    ],
)
def test_a_pronoun_in_what_someone_reports_does_not_override_their_given_name(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    """ "Paul Greer said she would plead": "she" is his client, so Greer stays a man."""
    assert chain_of(analyzer, text, phrase) == chain


@pytest.mark.parametrize(
    ("text", "phrase", "chain"),
    [
        (
            "Jordan Pike said she would run again. Tom Hale backed her. "
            '"The work is not finished," she said.',
            "The work is not finished",
            ["the-article", "jordan-pike"],
        ),
        (
            "Paul Greer proved himself in the primary. Ann Roy said the race was close. "
            '"I am ready," he said.',
            "I am ready",
            ["the-article", "paul-greer"],
        ),
    ],
)
def test_a_pronoun_still_tells_the_gender_the_name_does_not(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    assert chain_of(analyzer, text, phrase) == chain


@pytest.mark.parametrize(
    ("text", "phrase", "chain"),
    [
        (
            "The treasurer was charged with theft, according to court documents filed by the "
            "county prosecutor.",
            "charged with theft",
            ["the-article", "county-prosecutor"],
        ),
        (
            "A report by the agency said costs had doubled since 2019.",
            "costs had doubled",
            ["the-article", "agency"],
        ),
        (
            "A letter signed by the mayor said the budget was balanced.",
            "the budget was balanced",
            ["the-article", "mayor"],
        ),
    ],
)
def test_a_document_by_someone_named_only_by_office_is_theirs(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    """ "filed by the county prosecutor": a person in office or a body can author a document."""
    assert chain_of(analyzer, text, phrase) == chain


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Dora Finch wrote in a new report for the Westbrook Institute that the roads "
            "were neglected. Spending on bridges fell by 3 per cent, the report said.",
            "the report",
            "Dora Finch",
        ),
        (
            "Governor Ella Mars said in a statement that the roads would reopen. "
            "The statement added that crews worked all night.",
            "The statement",
            "Ella Mars",
        ),
        (
            "Marta Quill wrote in a blog post that the bridge was unsafe. "
            "The post said repairs were late.",
            "The post",
            "Marta Quill",
        ),
        # counter-examples: a document not written in by a named subject keeps no author
        (
            "Critics wrote in a report that the plan failed. The report said costs doubled.",
            "The report",
            "report",
        ),
        (
            "A bill was filed in the house by Tom Reyes. Costs will rise, the report said.",
            "the report",
            "report",
        ),
    ],
)
def test_who_wrote_or_spoke_in_a_document_is_its_author(text: str, mention: str, name: str) -> None:
    resolved = resolve(text, [(mention, 0)])
    assert source_of(resolved, 0).name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "The mayor said the plan had been checked by Northrail. "
            "The agency told reporters it had done no such check.",
            "The agency",
            "Northrail",
        ),
        (
            "The campaign was run by Brightwell Media. The agency said it was proud of the ads.",
            "The agency",
            "Brightwell Media",
        ),
        (
            "The Ministry of Transport hired Ventra Holdings. The agency said the deal was fair.",
            "The agency",
            "Ministry of Transport",
        ),
        # counter-examples: other words for public bodies keep to bodies of their own kind
        (
            "Acme Foods sued the city in May. The court said the case would go ahead.",
            "The court",
            "court",
        ),
        (
            "The port was sold to Ventra Holdings. The authority said the sale was legal.",
            "The authority",
            "authority",
        ),
    ],
)
def test_the_agency_stands_for_a_named_body_of_any_kind(text: str, mention: str, name: str) -> None:
    resolved = resolve(text, [(mention, 0)])
    assert source_of(resolved, 0).name == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Fans cheered when Lena Holt walked in. The Star Wars actor said she was tired.",
            "The Star Wars actor",
            "Lena Holt",
        ),
        (
            "Milo Tran joined the club in May. The Chelsea striker said he was happy.",
            "The Chelsea striker",
            "Milo Tran",
        ),
        (
            "Having Tom Berger show up was a surprise. The Cooking in the Dark star said he "
            "was tired.",
            "The Cooking in the Dark star",
            "Tom Berger",
        ),
        # counter-examples: a body's word or a name of its own keeps the mention apart
        (
            "Milo Tran joined the club in May. The Chelsea board said it was happy.",
            "The Chelsea board",
            "Chelsea board",
        ),
        (
            "Milo Tran joined the club in May. Chelsea striker Omar Diaz said he was happy.",
            "Chelsea striker Omar Diaz",
            "Omar Diaz",
        ),
    ],
)
def test_a_person_known_by_their_work_is_the_person_just_named(
    text: str, mention: str, name: str
) -> None:
    analysis = shared_analyzer().analyze(text)
    (attribution,) = analysis.attributions
    assert text[attribution.source.start : attribution.source.end] == mention
    source = next(s for s in analysis.sources if s.id == attribution.source_id)
    assert source.name == name


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        (
            "A study by researchers at Lakehead University found that the lake was warming.",
            "A study by researchers at Lakehead University",
            "researchers at Lakehead University",
            "anonymous",
        ),
        (
            "A report by the agency said the roads were unsafe.",
            "A report by the agency",
            "agency",
            "government",
        ),
        (
            "A letter from residents said the plant was too loud.",
            "A letter from residents",
            "residents",
            "anonymous",
        ),
        # counter-example: "by" a thing names no author
        (
            "A report left by the door said the plant was too loud.",
            "A report left by the door",
            "report left by door",
            "document",
        ),
    ],
)
def test_a_document_by_people_or_a_body_named_by_a_noun_is_theirs(
    text: str, mention: str, name: str, kind: str
) -> None:
    resolved = resolve(text, [(mention, 0)])
    assert (source_of(resolved, 0).name, source_of(resolved, 0).type) == (name, kind)


@pytest.mark.parametrize(
    ("text", "body", "mention", "name"),
    [
        (
            "Norcast Airlines said flights were late. The pilots' union said crews were tired.",
            "Norcast Airlines",
            "The pilots' union",
            "pilots' union",
        ),
        (
            "Halvey Foods said the plant would close. The workers' group said it would appeal.",
            "Halvey Foods",
            "The workers' group",
            "workers' group",
        ),
        (
            "Norcast Airlines said flights were late. A statement from the pilots' union said "
            "crews were tired.",
            "Norcast Airlines",
            "A statement from the pilots' union",
            "pilots' union",
        ),
        # counter-example: a bare body word still stands for the body named before it
        (
            "Norcast Airlines said flights were late. The company said crews were tired.",
            "Norcast Airlines",
            "The company",
            "Norcast Airlines",
        ),
    ],
)
def test_a_body_word_with_a_possessive_is_its_own_body(
    text: str, body: str, mention: str, name: str
) -> None:
    resolved = resolve(text, [(body, 0), (mention, 0)])
    assert source_of(resolved, 1).name == name


@pytest.mark.parametrize(
    ("text", "phrase", "chain"),
    [
        (
            "While Obama drew young voters, that has not happened for Clinton, which is "
            "something that worries Henry Crespo, president of the Miami Black Caucus.\n\n"
            '"No one is writing songs for her," he said.',
            "No one is writing songs",
            ["the-article", "henry-crespo"],
        ),
        (
            "The mayor opened the fair, an event that delights Rosa Lind, head of the farmers' "
            'market.\n\n"It is our best week," she said.',
            "our best week",
            ["the-article", "rosa-lind"],
        ),
        (
            "Ticket sales fell again, a trend that alarms Tom Ruiz, director of the festival.\n\n"
            '"We need a new plan," he said.',
            "We need a new plan",
            ["the-article", "tom-ruiz"],
        ),
    ],
)
def test_a_newcomer_introduced_with_a_role_in_narration_is_salient(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    """News introduces a person by name and role, then quotes them: the next "he" is
    that person, even where the name sits in a relative clause about something else."""
    assert chain_of(analyzer, text, phrase) == chain


def test_a_person_named_within_someone_elses_report_stays_an_aside(analyzer: Analyzer) -> None:
    text = (
        '"We will not change the law," Ana Ruiz said, rejecting a plea from Jo Park, a nurse '
        'in Halifax.\n\n"We are confident in it."'
    )
    assert chain_of(analyzer, text, "confident in it") == ["the-article", "ana-ruiz"]


# "They" after "their efforts were rejected": a noun that names no one who can speak (the
# rule set's non-agents) is never what a pronoun stands for; the people before it are.
PRONOUNS_PAST_A_NON_AGENT = [
    (
        "The nurses met the board on Monday. Their efforts were rejected. "
        "They said the talks were over.",
        "nurses",
    ),
    (
        "Shop owners watched the flood waters rise. Their losses mounted quickly. "
        "They said the city had ignored the warnings.",
        "Shop owners",
    ),
    (
        "The growers marched to the capital. Their needs were plain. They said prices had to rise.",
        "growers",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUNS_PAST_A_NON_AGENT)
def test_a_pronoun_never_stands_for_a_non_agent(
    analyzer: Analyzer, text: str, speaker: str
) -> None:
    assert sole_speaker(analyzer, text) == speaker


SURNAME_BEARERS = [
    # a lone surname names the first person the text names in full with it ...
    (
        "Maria Okafor, a retired judge, spoke first. Her nephew, Daniel Okafor, waited. "
        '"The ruling was fair," Ms. Okafor said.',
        "ruling was fair",
        "Maria Okafor",
    ),
    (
        "George Lindqvist founded the firm in 1990. His son, Erik Lindqvist, runs it now. "
        '"We never borrowed a cent," Mr. Lindqvist said.',
        "never borrowed a cent",
        "George Lindqvist",
    ),
    (
        "Donald J. Ferris built the tower in 1980. Years later his brother, Freddy Ferris, "
        "joined the firm. Mr. Ferris said the tower had never lost money.",
        "tower had never lost money",
        "Donald J. Ferris",
    ),
    (
        "Robert E. Lang ran the bank for years. His cousin, Peter Lang, sat on the board. "
        "Mr. Lang said the loans were sound.",
        "loans were sound",
        "Robert E. Lang",
    ),
    # ... unless the honorific says another gender: then the first who agrees
    (
        "Bill Carver stepped down in May. Helen Carver chairs the board now. "
        "Mrs. Carver said the sale would close in June.",
        "sale would close in June",
        "Helen Carver",
    ),
    (
        "Donald Ferris built the tower. His first wife, Ivana Ferris, sold her stake later. "
        "Mr. Ferris said the tower had never lost money.",
        "tower had never lost money",
        "Donald Ferris",
    ),
    (
        "Susan Pike sued the city. Her husband, Tom Pike, was not a party. "
        "Mr. Pike said the family would appeal.",
        "family would appeal",
        "Tom Pike",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), SURNAME_BEARERS)
def test_a_lone_surname_names_the_first_full_name_its_honorific_allows(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    """Relatives share a surname: "Mr. Trump" is not his ex-wife Ivana, "Mrs. Clinton" is
    not Bill Clinton, and a brother named later does not take over the subject's name."""
    _said_by(analyzer, text, phrase, speaker)


NAMED_AFTER_A_MODIFIER = [
    # a name set off after the head's own participle or prepositional phrase names the head
    (
        "A lawyer representing the family, Tom Vance of Vance and Ruiz, said the case was strong.",
        "case was strong",
        "Tom Vance",
    ),
    (
        "One pastor backing the senator, Ann Hale of the First Church in Ames, said she had "
        "made 150 calls.",
        "made 150 calls",
        "Ann Hale",
    ),
    (
        "One volunteer supporting Mr. Ortiz, Darren Walsh of the Elm Street club, said the "
        "phones never stopped ringing.",
        "phones never stopped",
        "Darren Walsh",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), NAMED_AFTER_A_MODIFIER)
def test_a_name_set_off_after_a_modifier_names_the_head(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# --- issue 9: named speakers that stand behind a document, a description or a role ------

FILED_DOCUMENTS = [
    # a court paper with no author of its own is the filers', named anywhere in the article
    (
        "Prosecutors charged Dale Ferris with arson on Monday.\n\nAccording to the complaint, "
        "Ferris bought two cans of fuel the night before.",
        "bought two cans of fuel",
        "Prosecutors",
    ),
    (
        "Ferris stole a truck and drove it to the marina, the indictment said.\n\nProsecutors "
        "want him held without bail.",
        "drove it to the marina",
        "Prosecutors",
    ),
    (
        "The neighbour heard two shots before midnight, according to the affidavit. A county "
        "prosecutor asked the judge for a delay.",
        "heard two shots",
        "prosecutor",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "filer"), FILED_DOCUMENTS)
def test_a_court_paper_with_no_author_is_its_filers(
    analyzer: Analyzer, text: str, phrase: str, filer: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, filer)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert link.inferred and link.channel is not None


def test_a_court_paper_stays_a_document_when_no_filer_is_named(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(
        "According to the complaint, the landlord ignored six repair orders."
    )
    assert _speaker(analysis, "six repair orders").type == "document"


DOCUMENTS_BY_THEIR_WRITER = [
    # who wrote in a body's post is its author, not the body the possessive names
    (
        "Lena Brooks, a researcher at Veltra, wrote in the firm's blog post that the attacks "
        "came from known servers. According to the post, the senders later asked for money.",
        "senders later asked for money",
        "Lena Brooks",
    ),
    (
        "Economist Ravi Mehta said in the bank's quarterly report that growth would slow. The "
        "report said housing starts had fallen for a year.",
        "housing starts had fallen",
        "Ravi Mehta",
    ),
    (
        "Dr. Ana Lutz stated in the hospital's memo that beds were running short. Nurses "
        "worked double shifts all week. The memo said surgeries would be delayed.",
        "surgeries would be delayed",
        "Ana Lutz",
    ),
    # a body or people named before the document's head wrote it
    (
        "The police report said the driver had been speeding.",
        "had been speeding",
        "police",
    ),
    (
        "A union memo said talks would resume on Thursday.",
        "talks would resume",
        "union",
    ),
    (
        "The Halbrook memo said the depot would close in June.",
        "depot would close",
        "Halbrook",
    ),
    # the platform a post went up on is where it was said, not who wrote it
    (
        "In a Facebook post, Mayor Ken Sim said the park would reopen. The post said crews "
        "had cleared the trails.",
        "cleared the trails",
        "Ken Sim",
    ),
    (
        "Coach Dana Fry wrote in an Instagram post that the team was healthy. The post said "
        "two players would return on Friday.",
        "two players would return",
        "Dana Fry",
    ),
    (
        "Senator Amir Cole said in a Twitter post that the vote was close. The post added "
        "that talks would go on all night.",
        "talks would go on all night",
        "Amir Cole",
    ),
    # the person called a document's author wrote it
    (
        "Dr. Omar Said, the lead author of the study, spoke on Monday. According to the "
        "study, one in five teens vapes daily.",
        "one in five teens vapes daily",
        "Omar Said",
    ),
    (
        "The study's lead author, Lena Fisk, presented it in Paris. The study found that "
        "most patients recovered.",
        "most patients recovered",
        "Lena Fisk",
    ),
    (
        "Marc Dube is the author of the report. The report says the bridge needs new cables.",
        "needs new cables",
        "Marc Dube",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "author"), DOCUMENTS_BY_THEIR_WRITER)
def test_a_document_is_its_writers(analyzer: Analyzer, text: str, phrase: str, author: str) -> None:
    analysis = _said_by(analyzer, text, phrase, author)
    assert _speaker(analysis, phrase).type != "document"


COUNTED_DESCRIPTIONS = [
    # a number before the head describes one person, the one just named
    (
        "I am talking about Marta Quill, who moved here from Lisbon to open a bakery. "
        '"We sell only local flour," says the 41-year-old founder of Crumb Collective.',
        "only local flour",
        "Marta Quill",
    ),
    (
        "Jonas Berg has coached the Harbour Hawks since 2011. The 58-year-old coach said the "
        "team would rebuild.",
        "team would rebuild",
        "Jonas Berg",
    ),
    (
        "Priya Nair won her third title on Sunday. The two-time champion said the final was "
        "her hardest match.",
        "her hardest match",
        "Priya Nair",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), COUNTED_DESCRIPTIONS)
def test_a_counted_description_names_the_person_just_named(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


NAMED_NEXT = [
    # an unnamed role, then a speaker named for the first time right after: the same person
    (
        "A spokeswoman for the premier said she would not back down.\n\n"
        '"Voters rejected the old plan," said Ada Kerr. "The premier will keep saying so."',
        "would not back down",
        "Ada Kerr",
    ),
    (
        'An aide to the mayor said the budget would pass.\n\n"We have the votes," said Tom Ibsen.',
        "budget would pass",
        "Tom Ibsen",
    ),
    # a description in the lead, with no one before it: the person the next sentence names
    (
        'The busiest referee in hockey finally said "enough."\n\n'
        "Paul Garver has announced that he will step back from officiating.",
        "enough",
        "Paul Garver",
    ),
    (
        "The most talked-about chef in town says she is done with television.\n\n"
        "Nadia Roux announced on Monday that her show would end in May.",
        "done with television",
        "Nadia Roux",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), NAMED_NEXT)
def test_a_role_or_description_is_the_speaker_named_next(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, speaker)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert link.inferred and "next speaker" in (link.reason or "")


NOT_NAMED_NEXT = [
    # the next speaker comes with a role of their own, was named before, or is of another
    # gender: the role stays its own source
    (
        "A spokeswoman for the premier said she would not back down.\n\n"
        '"The plan is sound," said Councillor Ada Kerr.',
        "would not back down",
        "Kerr",
    ),
    (
        "Tom Ibsen met the council on Monday. An aide to the mayor said the budget would "
        'pass.\n\n"We have the votes," said Tom Ibsen.',
        "budget would pass",
        "Ibsen",
    ),
    (
        'A spokeswoman for the ministry said the clinic would reopen.\n\n"It is safe," said '
        "Michael Grant.",
        "clinic would reopen",
        "Grant",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "other"), NOT_NAMED_NEXT)
def test_a_role_stays_its_own_when_the_next_speaker_is_someone_else(
    analyzer: Analyzer, text: str, phrase: str, other: str
) -> None:
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    assert other not in _speaker(analysis, phrase).name
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert "next speaker" not in (link.reason or "")


ROLE_WITH_NAME_EARLIER = [
    # a title merged with its holder's name, and the bare title two paragraphs later
    (
        "Retired General Tom Hadley has criticised the plan for months.\n\n"
        "Veterans groups met in Ottawa on Friday.\n\n"
        '"We are not ready for this," the general said.',
        "not ready for this",
        "Tom Hadley",
    ),
    (
        "Fire Chief Lena Marsh toured the burned block on Sunday.\n\n"
        "Crews worked through the night to clear the debris.\n\n"
        "The chief said three buildings could not be saved.",
        "could not be saved",
        "Lena Marsh",
    ),
    (
        "An NBC reporter, Lisa Moreno, covered the summit all week.\n\n"
        "Delegates left Geneva on Saturday.\n\n"
        "The reporter said the talks had stalled.",
        "talks had stalled",
        "Lisa Moreno",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), ROLE_WITH_NAME_EARLIER)
def test_a_role_merged_with_a_name_is_that_person_paragraphs_later(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


IT_GOES_ON_CITING = [
    # "it" right after a document was cited goes on citing it, and so its author
    (
        "The lawsuit, filed by Tara Quinn in March, alleges that the clinic ignored her "
        "complaints. It says she lost her job.",
        "she lost her job",
        "Tara Quinn",
    ),
    (
        "The review, written by retired judge Carl Amos, found the board broke its own rules. "
        "It recommends that the chair resign.",
        "the chair resign",
        "Carl Amos",
    ),
    (
        "A report by the Harbour Health Authority found that wait times doubled. It also says "
        "nurses are leaving the province.",
        "nurses are leaving",
        "Harbour Health Authority",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "author"), IT_GOES_ON_CITING)
def test_it_after_a_cited_document_is_that_document(
    analyzer: Analyzer, text: str, phrase: str, author: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, author)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert link.inferred and link.channel is not None


THE_COMPANY = [
    # the named body the sentence before was about (its subject), not the last one named
    (
        "Hydro One sold its stake in the venture to Brookfield Asset Management in March. "
        "The company said the sale would cut its debt.",
        "cut its debt",
        "Hydro One",
    ),
    (
        "Air Canada bought six jets from Airbus last year. The company said the planes would "
        "fly to Asia.",
        "fly to Asia",
        "Air Canada",
    ),
    (
        "Suncor Energy signed a supply deal with Magna International on Monday. The "
        "producer said the plant would hire 500 workers.",
        "hire 500 workers",
        "Suncor Energy",
    ),
    # a lone name typed a person for want of a better guess is the body that spoke
    (
        "Workers at Magna International voted to strike, according to Unifor. The union said "
        "talks with the company had failed.",
        "talks with the company had failed",
        "Unifor",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "body"), THE_COMPANY)
def test_a_body_word_is_the_body_the_text_was_just_about(
    analyzer: Analyzer, text: str, phrase: str, body: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, body)
    assert _speaker(analysis, phrase).type != "person"
    assert body in _speaker(analysis, phrase).name  # "the company" never renames it


def _paragraphs(n: int) -> str:
    """Filler paragraphs of plain narration, none naming a document."""
    return "".join(f"Crews worked on section {k} of the line all week.\n\n" for k in range(n))


FAR_BACK_DOCUMENTS = [
    # a document named by the same word anywhere before, with its author, is the same one
    (
        "Statistics Canada released a report on rents on Monday.\n\n"
        + _paragraphs(12)
        + "The report also found that vacancy rates fell in every city.",
        "vacancy rates fell",
        "Statistics Canada",
    ),
    (
        "A study by the Harbour Research Council looked at 40 reefs.\n\n"
        + _paragraphs(14)
        + "According to the study, most reefs are recovering.",
        "most reefs are recovering",
        "Harbour Research Council",
    ),
    (
        "Mayor Ada Kerr sent a letter to the premier on Friday.\n\n"
        + _paragraphs(15)
        + "The letter says the city needs more money for transit.",
        "needs more money for transit",
        "Ada Kerr",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "author"), FAR_BACK_DOCUMENTS)
def test_a_document_named_far_back_by_the_same_word_keeps_its_author(
    analyzer: Analyzer, text: str, phrase: str, author: str
) -> None:
    analysis = _said_by(analyzer, text, phrase, author)
    (link,) = [a for a in analysis.attributions if phrase in a.content.text]
    assert link.inferred and link.channel is not None


# "the affable proprietor" stands for the person just named; a word for a statement, an
# event or a government never does, however close the last person is.
NO_DESCRIPTION_OF_A_PERSON = [
    (
        'Beth Tran runs an inn. "They run it like a museum," Tran said. '
        "The province has said it will not pay for a new engine.",
        "will not pay",
        ["the-article", "province"],
    ),
    (
        'Anita Desai is his lawyer. "He wants the truth," Desai said. '
        "According to the claim, the coach was pressured by team owners.",
        "pressured by team owners",
        ["the-article", "claim"],
    ),
    (
        'Omar Reyes owns the lot. "It was never for sale," Reyes said. '
        "The warning said the lot would flood by spring.",
        "would flood by spring",
        ["the-article", "warning"],
    ),
    (
        'Lena Ortiz coaches the team. "We are ready," Ortiz said. '
        "The state said the arena would open in June.",
        "arena would open",
        ["the-article", "state"],
    ),
]


@pytest.mark.parametrize(("text", "phrase", "chain"), NO_DESCRIPTION_OF_A_PERSON)
def test_a_statement_or_a_government_is_no_description_of_a_person(
    analyzer: Analyzer, text: str, phrase: str, chain: list[str]
) -> None:
    assert chain_of(analyzer, text, phrase) == chain


# A narrative "he" or "she" ("But she persisted.") keeps the person it stands for in focus:
# a later "she said" goes on with that person, not with a nearer noun in between.
NARRATIVE_PRONOUNS = [
    (
        "Rosa Lind said she would keep fighting. But she persisted for years. She felt the "
        "landlord who evicted her should pay. That is why I went to court, she says.",
        "That is why I went to court",
        "Rosa Lind",
    ),
    (
        "Nadia Ferris said the clinic had failed her son. She wrote to the minister twice. "
        "She believed the nurse on duty should answer for it. We were ignored, she said.",
        "We were ignored",
        "Nadia Ferris",
    ),
    (
        "Omar Hale said the mill was his life. He kept every pay stub. He thought the "
        "foreman who fired him was a coward. I gave them 30 years, he said.",
        "I gave them 30 years",
        "Omar Hale",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), NARRATIVE_PRONOUNS)
def test_a_narrative_pronoun_keeps_its_person_in_focus(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# A relation set beside a name ("Her nephew, Dale Pritchard") tells that person's gender,
# so a "she" skips the nearest man and a "he" the nearest woman.
APPOSED_RELATIONS = [
    (
        "Ines Varga has run the bakery for 30 years. Her nephew, Dale Pruitt, joined her "
        'last spring. "I never planned to stay this long," she said.',
        "never planned to stay",
        "Ines Varga",
    ),
    (
        "Rupert Cole opened the shop in 1990. His niece, Robin Tamm, runs it now. "
        '"The town kept us alive," he said.',
        "town kept us alive",
        "Rupert Cole",
    ),
    (
        "Gwen Ortiz chairs the tenants group. The building's owner, Kim Sato, a widower, met "
        "her on Monday. She said the repairs were overdue.",
        "repairs were overdue",
        "Gwen Ortiz",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), APPOSED_RELATIONS)
def test_an_apposed_relation_tells_the_gender(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# A role phrase first, then the name in apposition: the name holds the role, even where
# the parser set the name beside the role's own last noun.
ROLE_THEN_NAME = [
    (
        "Chief economist at Northgate Bank, Priya Nair, said rates would fall. "
        '"We expect two cuts," she said.',
        "We expect two cuts",
        "Priya Nair",
    ),
    (
        "Keeper of the provincial archive, Omar Siddiqui Aziz, said the files were safe. "
        "He said in a statement that the move would take a year.",
        "move would take a year",
        "Omar Siddiqui Aziz",
    ),
    (
        "The utility said the outage began at noon. Manager, public affairs at the utility "
        "firm Hydro North, Mark Crane, agreed with the estimate. "
        '"We think the storm did most of it," he said.',
        "storm did most of it",
        "Mark Crane",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), ROLE_THEN_NAME)
def test_a_role_before_an_apposed_name_is_that_persons(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# A speaker or subject in an adverbial clause ("Although X has said ...") is background:
# a later pronoun goes on with the main speaker of the story.
BACKGROUNDED = [
    (
        "College spokesman Ian Brock said the list drew 3,000 votes. Although Senator Ray "
        "Mott has said the list is biased, its makers meant no politics. Rather, voters were "
        "just tired of the word, he said.",
        "voters were just tired",
        "Ian Brock",
    ),
    (
        "Coach Tim Olsen said the team had earned the win. While the owner, Gary Pratt, "
        "has called the season a failure, the players never doubted it. He said the team "
        "would be back.",
        "team would be back",
        "Tim Olsen",
    ),
    (
        "Dr. Lena Ruiz said the ward was full. Because her colleague Maria Diaz has said "
        "the beds are safe, the board did nothing. She said patients waited for hours.",
        "patients waited for hours",
        "Lena Ruiz",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), BACKGROUNDED)
def test_a_speaker_in_an_adverbial_clause_is_background(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# An "it" skips a channel the body spoke on; "the opposition" is a body of its own.
BODIES_AND_CHANNELS = [
    (
        "The transit agency announced the cuts on Facebook on Monday. It said a shortage of "
        "crew left it no choice.",
        "shortage of crew",
        "transit agency",
    ),
    (
        "The school board posted the new calendar on Instagram. It added that classes would "
        "start a week late.",
        "classes would start",
        "school board",
    ),
    (
        "Premier Ada Kerr defended the plan, a day after the opposition called it a tax "
        "grab. The opposition said the rebate was a trick.",
        "rebate was a trick",
        "opposition",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), BODIES_AND_CHANNELS)
def test_it_skips_a_channel_and_the_opposition_is_a_body(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# A title-led place ("Prince George", "Port Hope") is nobody a "he" stands for; a name in
# apposition stays a person's name even where the parser took a word of it for a noun
# ("Trevor Banks": "banks").
PLACES_AND_APPOSED_NAMES = [
    (
        "Police in Prince George made two arrests on Monday. The company's spokesperson, "
        "Trevor Banks, said crews were safe.\n\n"
        '"Our priority is safety," he said.',
        "Our priority is safety",
        "Trevor Banks",
    ),
    (
        "The mill in Prince Rupert closed in May. Its manager, Paul Fields, said the orders "
        "had dried up.\n\nHe said the owners would sell the site.",
        "owners would sell the site",
        "Paul Fields",
    ),
    (
        "A storm hit Port Hope on Friday. Its mayor, Ray Woods, said roads were flooded. He "
        "said crews worked all night.",
        "crews worked all night",
        "Ray Woods",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), PLACES_AND_APPOSED_NAMES)
def test_a_title_led_place_is_no_person_and_an_apposed_name_stays_a_name(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)


# A newspaper named with its article ("The Star") is no woman called Star; a person
# brought in with a description ("Robin Tate, who ran the clinic") is the one heard next.
NEWCOMERS = [
    (
        "Mayor Tom Reid said the arena would be rebuilt.\n\nThe Star spoke to Dana Kowal, who "
        "has coached hockey in the town for 20 years. She said the children had nowhere to "
        "skate.",
        "nowhere to skate",
        "Dana Kowal",
    ),
    (
        "Dana Kowal said the rink was unsafe.\n\nThe inquiry heard from Robin Tate, who ran "
        "the clinic until 2019. She said the files were lost.",
        "files were lost",
        "Robin Tate",
    ),
    (
        "Coach Al Berg said the team was tired.\n\nThe league then called Jordan Pike, who "
        "refereed the game. He said the ice was too soft.",
        "ice was too soft",
        "Jordan Pike",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), NEWCOMERS)
def test_a_described_newcomer_is_heard_next(
    analyzer: Analyzer, text: str, phrase: str, speaker: str
) -> None:
    _said_by(analyzer, text, phrase, speaker)
