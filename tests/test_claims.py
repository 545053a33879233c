"""Claims from hand-built links: which text speaks, and through which chain."""

from __future__ import annotations

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
