"""Quote spans from the marks alone: news sentences, typography and hostile input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from attribution.stages.parts import Quote
from attribution.stages.quotes import find_quotes

DATA = Path(__file__).parent / "data"
MARKS = "“”„«»\"‘’‚‹›'"


def contents(text: str) -> list[tuple[str, bool]]:
    return [(text[q.content_start : q.content_end], q.closed) for q in find_quotes(text)]


def assert_well_formed(text: str, quotes: list[Quote]) -> None:
    previous_end = 0
    for q in quotes:
        assert previous_end <= q.start < q.content_start <= q.content_end <= q.end <= len(text)
        assert text[q.start] in MARKS
        if q.closed:
            assert text[q.end - 1] in MARKS
        content = text[q.content_start : q.content_end]
        assert content and content == content.strip()
        previous_end = q.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"The city is calm," the mayor said.',
            [("The city is calm", True)],
            id="quote-before-cue",
        ),
        pytest.param(
            'She said, "We will return."',
            [("We will return.", True)],
            id="cue-before-quote",
        ),
        pytest.param(
            '"We are ready," he said. "The army is not."',
            [("We are ready", True), ("The army is not.", True)],
            id="split-quote",
        ),
        pytest.param(
            "“Most of the damages to the housing are in the Kyiv region,” he added.",
            [("Most of the damages to the housing are in the Kyiv region", True)],
            id="curly",
        ),
        pytest.param(
            'Officials said:"We have no more power." Others disagreed.',
            [("We have no more power.", True)],
            id="straight-after-colon",
        ),
        pytest.param(
            "“Troops targeted the city with an ‘Iskander-K’ missile. People may remain "
            "under the rubble,” CNN reported.",
            [
                (
                    "Troops targeted the city with an ‘Iskander-K’ missile. "
                    "People may remain under the rubble",
                    True,
                )
            ],
            id="single-nested-in-double",
        ),
        pytest.param(
            "\"It's the 'new normal' now,\" she said.",
            [("It's the 'new normal' now", True)],
            id="straight-single-nested-in-straight-double",
        ),
        pytest.param(
            "He called it a ‘special military operation’ on Tuesday.",
            [("special military operation", True)],
            id="top-level-single",
        ),
        pytest.param(
            "Ukraine’s army and the dogs’ owners don't remember the ’90s or the '90s.",
            [],
            id="apostrophes-are-not-quotes",
        ),
        pytest.param(
            "The dogs' bowls were empty in the '60s, and they don't care.",
            [],
            id="straight-apostrophes-are-not-quotes",
        ),
        pytest.param(
            "Kyiv’s mayor said “the city’s heating is back” on Monday.",
            [("the city’s heating is back", True)],
            id="apostrophes-around-and-inside",
        ),
        pytest.param(
            "“We have lost power in three regions.\n\n"
            "“Repair crews are working through the night.\n\n"
            "“We expect heating back by Friday,” the minister said.",
            [
                (
                    "We have lost power in three regions.\n\n"
                    "“Repair crews are working through the night.\n\n"
                    "“We expect heating back by Friday",
                    True,
                )
            ],
            id="multi-paragraph",
        ),
        pytest.param(
            "“We have connected 88 power generators, he said.\n\nThe strikes continued.",
            [],
            id="stray-opening-mark-dropped",
        ),
        pytest.param(
            "The minister added: “We will rebuild every house  \n",
            [],
            id="stray-opening-mark-at-text-end",
        ),
        pytest.param(
            "“Police said the road was closed, and “we will reopen it soon,” the mayor added.",
            [("we will reopen it soon", True)],
            id="stray-opening-mark-keeps-the-quote-inside",
        ),
        pytest.param(
            '"Police said so. He said "yes" and left.',
            [("yes", True)],
            id="stray-straight-mark-keeps-the-quote-inside",
        ),
        pytest.param(
            "“A storm came. “It hit hard,” she said. “Roofs “flew off,” he said.",
            [("It hit hard", True), ("flew off", True)],
            id="two-stray-marks-keep-the-outermost-pairs",
        ),
        pytest.param(
            "“The river rose overnight.\n\n“Nobody was hurt",
            [("The river rose overnight.\n\n“Nobody was hurt", False)],
            id="continued-quote-never-closed-kept",
        ),
        pytest.param(
            "The army said” nothing else. “Later,” it added.",
            [("Later", True)],
            id="stray-closing-mark",
        ),
        pytest.param(
            'The statement ended." Then "a new one" came.',
            [("a new one", True)],
            id="stray-straight-closing-mark",
        ),
        pytest.param("", [], id="empty"),
        pytest.param("“”‘’\"'„«»", [], id="only-marks"),
        pytest.param("He said “ ” and “,” and left.", [], id="empty-quotes-dropped"),
        pytest.param(
            "Kyiv\r\n“The city is calm,” the mayor said.\r\n“We will return.\r\n“Soon.”\r\n",
            [("The city is calm", True), ("We will return.\r\n“Soon.", True)],
            id="crlf",
        ),
        pytest.param(
            "Old Mac text\r“Calm here.\rNo close",
            [],
            id="cr-only",
        ),
        pytest.param(
            "„Wir schaffen das“, sagte sie. « Nous tiendrons », a-t-il dit.",
            [("Wir schaffen das", True), ("Nous tiendrons", True)],
            id="german-and-french",
        ),
        pytest.param(
            "She said “🙂 all good 🚀” and “שלום עכשיו” in Hebrew, “سلام” in Arabic.",
            [("🙂 all good 🚀", True), ("שלום עכשיו", True), ("سلام", True)],
            id="emoji-and-rtl",
        ),
        pytest.param(
            'A\x00“B\x00C” \x00"',
            [("B\x00C", True)],
            id="nul-characters",
        ),
        pytest.param(
            '"He called it "fake news" yesterday," she said.',
            [('He called it "fake news" yesterday', True)],
            id="nested-straight-double",
        ),
        pytest.param(
            "The ‘rebels’ ‘said’ “so”.",
            [("rebels", True), ("said", True), ("so", True)],
            id="adjacent-quotes",
        ),
        # a quote whose paragraph breaks mid-sentence (after a spacer line " ."): one quote
        pytest.param(
            '"Who is covered is up to the case manager.\n .\n based on the doctor\'s advice,"'
            " said Harlow.",
            [
                (
                    "Who is covered is up to the case manager.\n .\n based on the doctor's advice",
                    True,
                )
            ],
            id="wrapped-after-spacer-line",
        ),
        pytest.param(
            "“Rents will rise\nand tenants will leave,” she said.",
            [("Rents will rise\nand tenants will leave", True)],
            id="wrapped-line",
        ),
        pytest.param(
            "“The plan was drawn up in March\n\n .\n\n and nobody read it,” he said.",
            [("The plan was drawn up in March\n\n .\n\n and nobody read it", True)],
            id="wrapped-over-blank-and-spacer-lines",
        ),
        pytest.param(
            "“The plan was drawn up in March.\n .\nNobody read it,” he said.",
            [],
            id="new-paragraph-after-spacer-line-is-no-wrap",
        ),
        # two right single marks typed for a right double one close a curly double quote
        pytest.param(
            "“We bake every night,’’ says the founder.",
            [("We bake every night", True)],
            id="doubled-single-closer",
        ),
        pytest.param(
            "“It’s our shop,’’ she said. “One!” says the owner.",
            [("It’s our shop", True), ("One!", True)],
            id="doubled-single-closer-then-a-quote",
        ),
        pytest.param(
            "“The dogs’ bowls are empty’’ and the cats’ too.",
            [("The dogs’ bowls are empty", True)],
            id="doubled-single-closer-after-an-apostrophe",
        ),
    ],
)
def test_find_quotes(text: str, expected: list[tuple[str, bool]]) -> None:
    quotes = find_quotes(text)
    assert_well_formed(text, quotes)
    assert contents(text) == expected


def test_offsets_include_marks() -> None:
    text = 'She said, "We will return."'
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end] == '"We will return."'
    assert text[quote.content_start : quote.content_end] == "We will return."


def test_trailing_comma_is_left_out_of_content_not_of_span() -> None:
    text = "“This is the daily reality of our country,” he said."
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end] == "“This is the daily reality of our country,”"
    assert text[quote.content_start : quote.content_end] == (
        "This is the daily reality of our country"
    )


def test_reference_article() -> None:
    text = (DATA / "kramatorsk.txt").read_text(encoding="utf-8")
    quotes = find_quotes(text)
    assert_well_formed(text, quotes)
    assert [text[q.content_start : q.content_end] for q in quotes] == [
        "This is not a repetition of history; this is the daily reality of our country",
        "Russian troops targeted the residential area of the city with an ‘Iskander-K’ "
        "missile. At least 8 apartment buildings were damaged, one of them was completely "
        "destroyed. Preliminarily, it is known about 3 dead civilians and 20 wounded. "
        "People may remain under the rubble",
        "Most of the damages to the housing are in the Kyiv region",
        "We have connected 88 power generators in order to supply electricity to social "
        "facilities such as hospitals, etc.",
    ]
    assert all(q.closed for q in quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"' * 10_000, [], id="straight"),
        pytest.param("”" * 10_000, [], id="closing-only"),
        pytest.param("'" * 10_000, [], id="straight-single"),
        pytest.param("“" * 10_000, [], id="opening-only"),
        pytest.param("“a “b” " * 5_000, [("b", True)] * 5_000, id="strays-and-pairs"),
        pytest.param('"a" ' * 10_000, [("a", True)] * 10_000, id="balanced"),
        pytest.param("“a\n" * 10_000, [("\n".join(["a"] + ["“a"] * 9_999), False)], id="paras"),
    ],
)
def test_ten_thousand_marks(text: str, expected: list[tuple[str, bool]]) -> None:
    quotes = find_quotes(text)
    assert_well_formed(text, quotes)
    assert contents(text) == expected


@pytest.mark.parametrize("seed", range(20))
def test_random_text_never_raises(seed: int) -> None:
    alphabet = MARKS + "ab1 ,.-(\n\r\t\x00🙂ש" + "“”\"'"
    rng = random.Random(seed)
    text = "".join(rng.choice(alphabet) for _ in range(2_000))
    assert_well_formed(text, find_quotes(text))
