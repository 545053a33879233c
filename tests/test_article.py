"""Headline, dateline and publisher read from raw article text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from attribution.models import Article, Span
from attribution.stages.article import read_article

DATA = Path(__file__).parent / "data"
KRAMATORSK = (DATA / "kramatorsk.txt").read_text(encoding="utf-8")
KRAMATORSK_HEADLINE = (
    "Russian missile strike in Ukraine’s Kramatorsk kills 3, rescue operation underway"
)


def spans(article: Article) -> list[Span]:
    return [span for span in (article.headline, article.dateline) if span is not None]


def assert_offsets_hold(text: str, article: Article) -> None:
    for span in spans(article):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    assert 0 <= article.body_start <= len(text)


# text, caller publisher, dateline text, place, date, publisher, body begins with
DATELINES = [
    pytest.param(
        "Kyiv [Ukraine], February 2 (ANI): The conflict between Moscow and Kyiv continues.",
        None,
        "Kyiv [Ukraine], February 2 (ANI):",
        "Kyiv",
        "February 2",
        "ANI",
        "The conflict",
        id="ani",
    ),
    pytest.param(
        "New Delhi [India], March 14 (PTI): The government on Tuesday said it would act.",
        None,
        "New Delhi [India], March 14 (PTI):",
        "New Delhi",
        "March 14",
        "PTI",
        "The government",
        id="pti",
    ),
    pytest.param(
        "WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a stopgap funding bill.",
        None,
        "WASHINGTON (Reuters) -",
        "WASHINGTON",
        None,
        "Reuters",
        "The U.S. Senate",
        id="reuters",
    ),
    pytest.param(
        "PARIS, Jan 5 (Reuters) - France's prime minister said on Friday that talks would go on.",
        None,
        "PARIS, Jan 5 (Reuters) -",
        "PARIS",
        "Jan 5",
        "Reuters",
        "France's",
        id="reuters-date",
    ),
    pytest.param(
        "(Reuters) - Oil prices rose on Monday after OPEC+ signalled further cuts.",
        None,
        "(Reuters) -",
        None,
        None,
        "Reuters",
        "Oil prices",
        id="reuters-no-place",
    ),
    pytest.param(
        "LONDON (AP) — Britain's economy shrank in the third quarter, official figures showed.",
        None,
        "LONDON (AP) —",
        "LONDON",
        None,
        "AP",
        "Britain's",
        id="ap-em-dash",
    ),
    pytest.param(
        "KYIV, Ukraine (AP) – Russian drones struck the capital overnight, officials said.",
        None,
        "KYIV, Ukraine (AP) –",
        "KYIV",
        None,
        "AP",
        "Russian drones",
        id="ap-en-dash",
    ),
    pytest.param(
        "KYIV, Ukraine (AP) - Russian drones struck the capital overnight, officials said.",
        None,
        "KYIV, Ukraine (AP) -",
        "KYIV",
        None,
        "AP",
        "Russian drones",
        id="ap-hyphen",
    ),
    pytest.param(
        "NEW DELHI, March 3 (IANS) The Supreme Court on Friday issued notice to the Centre.",
        None,
        "NEW DELHI, March 3 (IANS)",
        "NEW DELHI",
        "March 3",
        "IANS",
        "The Supreme Court",
        id="ians",
    ),
    pytest.param(
        "KYIV, Ukraine — Russian forces pressed their attack on the eastern town on Sunday.",
        None,
        "KYIV, Ukraine —",
        "KYIV",
        None,
        None,
        "Russian forces",
        id="place-only",
    ),
    pytest.param(
        "LONDON (AP) — Britain's economy shrank in the third quarter, official figures showed.",
        "The Independent",
        "LONDON (AP) —",
        "LONDON",
        None,
        "The Independent",
        "Britain's",
        id="caller-publisher-wins",
    ),
    pytest.param(
        "The World Health Organization (WHO) warned on Monday of a rise in cases.",
        None,
        None,
        None,
        None,
        None,
        "The World Health",
        id="no-dateline-acronym",
    ),
    pytest.param(
        "Kyiv continues to face attacks, officials said on Monday.",
        None,
        None,
        None,
        None,
        None,
        "Kyiv continues",
        id="no-dateline",
    ),
    pytest.param(
        "Kramatorsk — a city of 150,000 — was struck again on Wednesday.",
        None,
        None,
        None,
        None,
        None,
        "Kramatorsk",
        id="place-not-in-capitals",
    ),
]


@pytest.mark.parametrize(
    ("body", "caller", "dateline", "place", "date", "publisher", "prose"), DATELINES
)
@pytest.mark.parametrize("headline", [None, "A short headline about the news"])
def test_dateline(
    headline: str | None,
    body: str,
    caller: str | None,
    dateline: str | None,
    place: str | None,
    date: str | None,
    publisher: str | None,
    prose: str,
) -> None:
    text = body if headline is None else f"{headline}\n\n{body}\n\nA second paragraph."
    article = read_article(text, publisher=caller)

    assert (article.dateline.text if article.dateline else None) == dateline
    assert (article.place, article.date, article.publisher) == (place, date, publisher)
    assert text[article.body_start :].startswith(prose)
    assert (article.headline.text if article.headline else None) == headline
    assert_offsets_hold(text, article)


def test_kramatorsk() -> None:
    article = read_article(KRAMATORSK)

    assert article.headline is not None
    assert article.headline.text == KRAMATORSK_HEADLINE
    assert article.title == KRAMATORSK_HEADLINE
    assert article.dateline is not None
    assert article.dateline.text == "Kyiv [Ukraine], February 2 (ANI):"
    assert (article.place, article.date, article.publisher) == ("Kyiv", "February 2", "ANI")
    assert KRAMATORSK[article.body_start :].startswith("The conflict between Moscow")
    assert_offsets_hold(KRAMATORSK, article)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_kramatorsk_other_line_endings(newline: str) -> None:
    text = KRAMATORSK.replace("\n", newline)
    article = read_article(text)

    assert article.headline is not None
    assert article.headline.text == KRAMATORSK_HEADLINE
    assert (article.place, article.date, article.publisher) == ("Kyiv", "February 2", "ANI")
    assert text[article.body_start :].startswith("The conflict")
    assert_offsets_hold(text, article)


@pytest.mark.parametrize("prefix", ["\ufeff", "  \n\n", "\ufeff \r\n\t"])
def test_leading_space_keeps_offsets(prefix: str) -> None:
    text = prefix + KRAMATORSK
    article = read_article(text)

    assert article.headline is not None
    assert article.headline.start == len(prefix)
    assert article.headline.text == KRAMATORSK_HEADLINE
    assert text[article.body_start :].startswith("The conflict")
    assert_offsets_hold(text, article)


def test_caller_values_win_and_pass_through() -> None:
    article = read_article(
        KRAMATORSK,
        title="My title",
        publisher="The Print",
        url="https://example.org/a",
        published="2023-02-02",
    )

    assert article.title == "My title"
    assert article.headline is not None
    assert article.headline.text == KRAMATORSK_HEADLINE
    assert article.publisher == "The Print"
    assert article.url == "https://example.org/a"
    assert article.published == "2023-02-02"


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        pytest.param("Short headline\n\nBody text.", "Short headline", id="simple"),
        pytest.param("Short headline  \n \t\nBody text.", "Short headline", id="trailing-space"),
        pytest.param("Short headline\nBody text.", None, id="no-blank-line"),
        pytest.param("Only a headline\n\n   ", None, id="nothing-after"),
        pytest.param("x" * 201 + "\n\nBody text.", None, id="too-long"),
        pytest.param("Line one\nline two\n\nBody text.", None, id="two-lines"),
        pytest.param("WASHINGTON (Reuters) - Short.\n\nMore text.", None, id="dateline-first"),
    ],
)
def test_headline(text: str, headline: str | None) -> None:
    article = read_article(text)

    assert (article.headline.text if article.headline else None) == headline
    assert article.title == headline
    assert_offsets_hold(text, article)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "x",
        "\n",
        "\r\n\r\n",
        "   \n\t\n  ",
        "\ufeff",
        "(",
        "(A) -",
        "KYIV —",
        "a" * 100_000,
        " " * 100_000,
        "\n" * 100_000,
        "A " * 50_000,
        "KYIV, " * 20_000,
        "(A " * 30_000,
        "[" * 100_000,
    ],
    ids=lambda text: repr(text[:12]) + f"/{len(text)}",
)
def test_never_raises(text: str) -> None:
    article = read_article(text)

    assert_offsets_hold(text, article)


def test_random_text_keeps_offsets() -> None:
    alphabet = ["A", "k", "7", " ", "\n", "\r", "\t", "(", ")", "[", "]", ",", ":", "-", "—"]
    alphabet += ["\ufeff", "KYIV", "(AP)", "Feb 2", "\n\n", "\r\n"]
    rng = random.Random(20230202)
    for _ in range(2_000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 40)))
        assert_offsets_hold(text, read_article(text))


@pytest.mark.parametrize(
    ("text", "publisher", "dateline"),
    [
        (
            "Governor vetoes water bill\n\nBy Marcus Hill\n\nSACRAMENTO, Calif. (AP) — The "
            "governor vetoed the bill.",
            "AP",
            "SACRAMENTO, Calif. (AP) —",
        ),
        (
            "Talks stall in Geneva\n\nBy Anna Berg and Tom Wills\nUpdated 5:03 PM\n\n"
            "GENEVA (Reuters) - Negotiators left without a deal.",
            "Reuters",
            "GENEVA (Reuters) -",
        ),
        (
            "Storm hits coast\n\nStaff and wire reports\n\nHALIFAX, Nova Scotia (CP) — "
            "Thousands lost power overnight.",
            "CP",
            "HALIFAX, Nova Scotia (CP) —",
        ),
    ],
)
def test_a_byline_before_the_dateline_does_not_hide_it(
    text: str, publisher: str, dateline: str
) -> None:
    article = read_article(text)
    assert_offsets_hold(text, article)
    assert article.publisher == publisher
    assert article.dateline is not None and article.dateline.text == dateline


@pytest.mark.parametrize(
    "text",
    [
        "Council meets\n\nThe mayor spoke first.\n\nPARIS (AP) — Nothing here is a dateline.",
        "Council meets\n\nA line that ends a sentence.\n\n(AP) - Late.",
        "Council meets\n\n" + "Menu\n" * 13 + "\n(AP) — Too far down to be a dateline.",
    ],
)
def test_only_short_lines_with_no_sentence_may_stand_before_a_dateline(text: str) -> None:
    assert read_article(text).dateline is None


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "Skip to content\nHome\nWorld\nPolitics\nSign in\n\nTown votes on a new bridge\n\n"
            "By Staff\n\nHALIFAX (CP) — The council voted 7-2 on Monday.",
            "HALIFAX (CP) —",
        ),
        (
            "Menu\nSearch\n\nMinister quits over audit\n\nOTTAWA (Reuters) - The minister quit.",
            "OTTAWA (Reuters) -",
        ),
        (
            "Home\nNews\nLocal\nSports\nOpinion\nWeather\n\n(AP) — Crews restored power overnight.",
            "(AP) —",
        ),
    ],
)
def test_a_pasted_page_menu_before_the_dateline_does_not_hide_it(text: str, dateline: str) -> None:
    article = read_article(text)
    assert_offsets_hold(text, article)
    assert article.dateline is not None and article.dateline.text == dateline
