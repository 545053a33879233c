"""Claims from hand-built links: which text speaks, and through which chain."""

from __future__ import annotations

import pytest

from attribution.stages.claims import build_claims
from attribution.stages.parts import Link, Quote
from helpers import shared_analyzer


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def claims_for(text: str, links: list[Link], source_ids: list[str | None]):
    doc = shared_analyzer().nlp(text)  # the parse; the stage under test reads only that
    return build_claims(doc, links, source_ids, "pub")


def test_unattributed_sentences_carry_the_publisher_alone() -> None:
    text = "The minister said the talks had failed. The sky was grey."
    link = Link(
        span_of(text, "the talks had failed"),
        span_of(text, "The minister"),
        span_of(text, "said"),
        "speech",
    )
    claims = claims_for(text, [link], ["minister"])
    assert [(c.text, c.kind, c.chain) for c in claims] == [
        ("The minister said the talks had failed.", "indirect", ["pub", "minister"]),
        ("The sky was grey.", "unattributed", ["pub"]),
    ]


def test_the_inner_link_speaks_for_nested_content() -> None:
    text = "CNN reported that the police said three people died."
    outer = Link(
        span_of(text, "the police said three people died"),
        span_of(text, "CNN"),
        span_of(text, "reported"),
        "report",
    )
    inner = Link(
        span_of(text, "three people died"),
        span_of(text, "the police"),
        span_of(text, "said"),
        "speech",
        relayed_by=0,
    )
    claims = claims_for(text, [outer, inner], ["cnn", "police"])
    assert [(c.text, c.chain, c.attribution_ids) for c in claims] == [
        (
            "CNN reported that the police said three people died.",
            ["pub", "cnn", "police"],
            ["a1", "a2"],
        ),
    ]


def test_a_quoted_passage_gives_one_claim_per_sentence() -> None:
    text = "“The bridge is closed. The ferry still runs,” the mayor said."
    quote = Quote(0, text.index("”") + 1, 1, text.index(",”"))
    link = Link(
        (quote.content_start, quote.content_end),
        span_of(text, "the mayor"),
        span_of(text, "said"),
        "speech",
        kind="direct",
        quote=quote,
    )
    claims = claims_for(text, [link], ["mayor"])
    assert [(c.text, c.kind) for c in claims] == [
        ("“The bridge is closed.", "direct"),
        ("The ferry still runs,” the mayor said.", "direct"),
    ]


def test_inferred_and_channel_come_from_the_chain() -> None:
    text = "He said on Telegram that the city was calm."
    link = Link(
        span_of(text, "the city was calm"),
        span_of(text, "He"),
        span_of(text, "said"),
        "speech",
        channel=span_of(text, "Telegram"),
        channel_name="Telegram",
        inferred=True,
        reason="'He' resolved to the mayor",
    )
    (claim,) = claims_for(text, [link], ["mayor"])
    assert (claim.channel, claim.inferred) == ("Telegram", True)


# --- claims a fact-checker accepts as written: whole quotes, whole frames, no fragments ---

HEADLINE = "Town council meets on budget\n\n"


def claim_texts(text: str) -> list[str]:
    """The claims of an article made of a headline and ``text``, headline left out."""
    analysis = shared_analyzer().analyze(HEADLINE + text, publisher="Valley Herald")
    for claim in analysis.claims:
        assert (HEADLINE + text)[claim.start : claim.end] == claim.text
    return [c.text for c in analysis.claims if c.start >= len(HEADLINE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a quote before its cue: both marks with it
            '"We will not close the library this year," Councillor Ada Moss told reporters.',
            ['"We will not close the library this year," Councillor Ada Moss told reporters.'],
        ),
        (  # a quote after its cue: the closing mark too
            'The mayor said: "The roads will be cleared by Friday."',
            ['The mayor said: "The roads will be cleared by Friday."'],
        ),
        (  # curly marks, a quote split by its cue: each part with its own marks
            "\u201cWe are ready,\u201d she said. \u201cThe plan is done.\u201d",
            ["\u201cWe are ready,\u201d she said.", "\u201cThe plan is done.\u201d"],
        ),
        (  # a quote over two paragraphs: the first left open, the second opened again
            '"The river rose by two metres in a week. Many farms are under water.\n\n'
            '"We need help now," the governor said.',
            [
                '"The river rose by two metres in a week.',
                "Many farms are under water.",
                '"We need help now," the governor said.',
            ],
        ),
        (  # single marks
            "'We have no more beds,' a nurse told the radio station.",
            ["'We have no more beds,' a nurse told the radio station."],
        ),
    ],
)
def test_a_claim_holds_both_marks_of_its_quote(text: str, expected: list[str]) -> None:
    assert claim_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a relative clause on a relay's source is part of that frame, no claim of its own
            '"Two people are missing," the radio reported citing the police, that posted '
            "the news on Facebook.",
            [
                '"Two people are missing," the radio reported citing the police, that posted '
                "the news on Facebook."
            ],
        ),
        (  # the same when the relay is no link of its own
            '"Three boats sank," the agency reported citing the coast guard, which gave no '
            "further details.",
            [
                '"Three boats sank," the agency reported citing the coast guard, which gave no '
                "further details."
            ],
        ),
        (  # "..., he said, adding that ...": two claims, each whole, each with its frame
            "The bridge will cost 4 million euros, the mayor said, adding that the work "
            "would start in May.",
            [
                "The bridge will cost 4 million euros, the mayor said,",
                "adding that the work would start in May.",
            ],
        ),
        (  # the full stop stays with the claim it ends
            "The treasurer said the accounts were in order.",
            ["The treasurer said the accounts were in order."],
        ),
        (  # a partial quote closing a reported claim keeps its closing mark
            'The minister said the report was "a disgrace".',
            ['The minister said the report was "a disgrace".'],
        ),
    ],
)
def test_no_claim_is_a_fragment_of_a_frame(text: str, expected: list[str]) -> None:
    assert claim_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "content", "frame", "expected"),
    [
        (
            "The deal is bad, he said of the plan, \u201cNobody wants it.\u201d",
            "The deal is bad",
            "he said",
            ["The deal is bad, he said of the plan,", "\u201cNobody wants it.\u201d"],
        ),
        (
            'Rents will rise, she wrote of the city, "It is too late."',
            "Rents will rise",
            "she wrote",
            ["Rents will rise, she wrote of the city,", '"It is too late."'],
        ),
    ],
)
def test_an_opening_mark_goes_with_the_quote_it_opens(
    text: str, content: str, frame: str, expected: list[str]
) -> None:
    speaker = frame.split()[0]
    at = text.index(frame)
    link = Link(
        span_of(text, content),
        (at, at + len(speaker)),
        (at + len(speaker) + 1, at + len(frame)),
        "speech",
    )
    claims = claims_for(text, [link], ["speaker"])
    assert [c.text for c in claims] == expected
    assert all(text[c.start : c.end] == c.text for c in claims)


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "Harbor Foods is recalling 9,000 jars of salsa after inspectors found glass in a "
            "batch, the company said Friday.",
            "recalling 9,000 jars",
            "glass in a batch",
        ),
        (
            "The school will close for a week because tests showed lead in the water, the "
            "district said.",
            "close for a week",
            "lead in the water",
        ),
        (
            "Ticket prices will rise in March, after an audit found the line was losing money, "
            "the transit agency said.",
            "Ticket prices will rise",
            "the line was losing money",
        ),
    ],
)
def test_what_an_outer_source_says_besides_a_nested_report_stays_theirs(
    text: str, outer: str, inner: str
) -> None:
    """Only the nested report is relayed; the rest is still the outer speaker's word,
    never the publisher's own."""
    analysis = shared_analyzer().analyze(text, publisher="Valley Herald")
    said = next(c for c in analysis.claims if outer in c.text)
    nested = next(c for c in analysis.claims if inner in c.text)
    assert said.chain[:2] == nested.chain[:2]
    assert len(said.chain) == 2 and said.kind != "unattributed"


@pytest.mark.parametrize(
    "text",
    [
        "The plan, he said later, would cost millions.",
        "The bridge, the mayor said on Monday, will reopen by June.",
        "Too often, she says, the patients get nothing.",
        "The vote, officials said in a statement, was close.",
        "The ferry, the operator said on Twitter, will not sail today.",
    ],
)
def test_one_statement_around_its_cue_is_one_claim(text: str) -> None:
    """Both sides of a cue set off mid-sentence are one claim, with both links."""
    analysis = shared_analyzer().analyze(text)
    (claim,) = analysis.claims
    assert claim.text == text
    assert len(claim.attribution_ids) == 2


def test_two_speakers_around_one_sentence_stay_two_claims() -> None:
    text = '"We will win," the mayor said. "We will not," her rival said.'
    analysis = shared_analyzer().analyze(text)
    assert len(analysis.claims) == 2
