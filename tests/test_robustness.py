"""Any str in, an Analysis out: odd, broken, huge and foreign inputs, one behaviour each."""

from __future__ import annotations

import cProfile
import pstats

import pytest

import attribution
from attribution import Analysis, Analyzer
from attribution.language_check import BLANK, EMPTY, NO_WORDS
from helpers import KRAMATORSK, assert_consistent

NOT_ENGLISH_PREFIX = "the text may not be English ("
NOT_ENGLISH_SUFFIX = "); the analysis is best-effort"


def signature(analysis: Analysis, drop: str = "") -> tuple[list, list]:
    """What the analysis found, as text (minus the ``drop`` characters), without offsets."""

    def clean(value: str | None) -> str | None:
        return None if value is None else value.translate({ord(c): None for c in drop})

    links = [
        (
            clean(a.source and a.source.text),
            clean(a.cue and a.cue.text),
            clean(a.content.text),
            a.source_id,
            a.kind,
        )
        for a in analysis.attributions
    ]
    claims = [(clean(c.text), c.kind, c.chain) for c in analysis.claims]
    return links, claims


# --- empty and near-empty -------------------------------------------------------------


def test_empty_text_gives_an_empty_analysis_with_a_warning(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("")
    assert analysis.warnings == [EMPTY] == ["the text is empty"]
    assert analysis.claims == []
    assert analysis.attributions == []
    assert [s.type for s in analysis.sources] == ["article"]  # the article speaks for itself
    assert_consistent("", analysis)


@pytest.mark.parametrize("text", [" ", "  \n\t\r\n ", "\u200b\ufeff", "\x00\x00", "\u2028\u2029"])
def test_blank_text_gives_no_claims_and_says_it_is_blank(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.warnings == [BLANK]
    assert BLANK == "the text is blank: it holds only whitespace or invisible characters"
    assert analysis.claims == []
    assert analysis.attributions == []
    assert_consistent(text, analysis)


def test_the_module_level_analyze_is_total_too() -> None:
    assert attribution.analyze("").warnings == ["the text is empty"]


def test_a_single_letter_is_one_unattributed_claim(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("x")
    assert analysis.warnings == []
    assert [(c.text, c.start, c.end, c.kind) for c in analysis.claims] == [
        ("x", 0, 1, "unattributed")
    ]
    assert analysis.publisher is None  # nothing names one: the article heads the chain
    assert [analysis.source(i).type for i in analysis.claims[0].chain] == ["article"]
    assert_consistent("x", analysis)


@pytest.mark.parametrize("text", [".", "—", "😀"])
def test_a_single_symbol_has_no_claims_and_no_words(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.warnings == [NO_WORDS] == ["the text has no letters or digits"]
    assert analysis.claims == []
    assert_consistent(text, analysis)


@pytest.mark.parametrize(
    "text",
    ['""', "“”", "\"“”‘’«»''„‚‹›", "' ' \" \" “ ” «»\n\n„“"],
    ids=["straight-pair", "curly-pair", "every-mark", "spaced-marks"],
)
def test_text_of_only_quote_marks_has_no_claims(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.warnings == [NO_WORDS]
    assert analysis.claims == []
    assert analysis.attributions == []
    assert_consistent(text, analysis)


@pytest.mark.parametrize("mark", ['"', "“", "”", "'", "«"])
def test_ten_thousand_unbalanced_quote_marks(analyzer: Analyzer, mark: str) -> None:
    text = mark * 10_000
    analysis = analyzer.analyze(text)
    assert analysis.warnings == [NO_WORDS]
    assert analysis.claims == []
    assert analysis.attributions == []
    assert_consistent(text, analysis)


def test_unbalanced_quotes_around_words_keep_every_word(analyzer: Analyzer) -> None:
    text = "“" * 5_000 + " The mayor said the city is safe. " + "”" * 3_000
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert "the city is safe" in " ".join(c.text for c in analysis.claims)


# --- line endings ---------------------------------------------------------------------


def test_crlf_line_endings_read_like_lf(analyzer: Analyzer) -> None:
    text = KRAMATORSK.replace("\n", "\r\n")
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert analysis.warnings == []
    assert analysis.article.publisher == "ANI"
    assert signature(analysis, drop="\r") == signature(analyzer.analyze(KRAMATORSK))


def test_cr_line_endings_keep_the_same_attributions(analyzer: Analyzer) -> None:
    text = KRAMATORSK.replace("\n", "\r")
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert analysis.article.publisher == "ANI"
    links, _ = signature(analysis, drop="\r")
    assert links == signature(analyzer.analyze(KRAMATORSK))[0]


def test_cr_line_endings_keep_the_same_claims(analyzer: Analyzer) -> None:
    text = KRAMATORSK.replace("\n", "\r")
    assert signature(analyzer.analyze(text), drop="\r") == signature(analyzer.analyze(KRAMATORSK))


def test_unicode_paragraph_separators_read_like_newlines(analyzer: Analyzer) -> None:
    text = KRAMATORSK.replace("\n", "\u2029")
    analysis = analyzer.analyze(text)
    assert analysis.article.publisher == "ANI"
    assert signature(analysis, drop="\u2029") == signature(analyzer.analyze(KRAMATORSK))


# --- invisible, bidirectional, emoji, right-to-left and NUL characters -------------------


@pytest.mark.parametrize("prefix", ["\ufeff", "\u200b", "\u200e", "\u202b"])
def test_an_invisible_prefix_only_shifts_the_offsets(analyzer: Analyzer, prefix: str) -> None:
    text = prefix + KRAMATORSK
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert analysis.warnings == []
    assert analysis.article.headline is not None
    assert analysis.article.publisher == "ANI"
    plain = analyzer.analyze(KRAMATORSK)
    assert [(a.content.start + 1, a.content.end + 1) for a in plain.attributions] == [
        (a.content.start, a.content.end) for a in analysis.attributions
    ]


def test_zero_width_and_bidi_controls_inside_the_text(analyzer: Analyzer) -> None:
    text = (
        "Police said\u200b that the city is safe.\n\n"
        "The\u200d police\u2060 said that \u202eeveryone\u202c was evacuated.\n\n"
        "\u202bThe mayor said “we are safe.”\u2069\u202c"
    )
    analysis = analyzer.analyze(text, publisher="Test Wire")
    assert_consistent(text, analysis)
    assert analysis.warnings == []
    contents = [(a.content.text, a.kind) for a in analysis.attributions]
    assert ("that \u202eeveryone\u202c was evacuated", "indirect") in contents
    assert ("we are safe.", "direct") in contents


@pytest.mark.parametrize("mark", ["\u2066", "\u200b", "\u200e"])
def test_an_invisible_character_before_a_quote_mark_keeps_the_quote(
    analyzer: Analyzer, mark: str
) -> None:
    text = f"The mayor said {mark}“we are safe.”"
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert [(a.content.text, a.kind) for a in analysis.attributions] == [("we are safe.", "direct")]


def test_emoji_right_to_left_scripts_and_nul(analyzer: Analyzer) -> None:
    text = (
        "The mayor 😀 said: “שלום עולם 🙂, we are safe.” مرحبا, Ahmed said.\n\n"
        "The police said that\x00 two people died 👩‍👩‍👧 in the attack."
    )
    analysis = analyzer.analyze(text, publisher="Test Wire")
    assert_consistent(text, analysis)
    assert analysis.warnings == []
    contents = [a.content.text for a in analysis.attributions]
    assert "שלום עולם 🙂, we are safe." in contents  # astral characters count one each
    assert any("two people died 👩‍👩‍👧" in c for c in contents)


def test_nul_characters_lose_no_text(analyzer: Analyzer) -> None:
    text = "The police said\x00 that two\x00 people died.\x00\n\n\x00Nothing else."
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert analysis.warnings == []
    assert "".join(c.text for c in analysis.claims).count("\x00") >= 2


def test_lone_surrogates_are_read_as_replacement_characters(analyzer: Analyzer) -> None:
    text = "The police said that \ud800 two people died.\udfff"
    analysis = analyzer.analyze(text, publisher="Test Wire")
    assert analysis.warnings == [
        "the text holds 2 lone surrogate code point(s), which are not Unicode characters; "
        "they were read as U+FFFD (the replacement character), offsets unchanged"
    ]
    readable = text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert_consistent(readable, analysis)  # same offsets, and the JSON is valid UTF-8
    assert [a.content.text for a in analysis.attributions] == ["that \ufffd two people died"]


# --- size -----------------------------------------------------------------------------


def test_a_hundred_thousand_character_sentence(analyzer: Analyzer) -> None:
    text = "The police said that " + "the city is calm and the people are safe and " * 2_300
    text += "the mayor agrees."
    assert len(text) > 100_000
    whole = Analyzer(nlp=analyzer.nlp, max_chunk_chars=200_000)  # one piece: no cut in it
    analysis = whole.analyze(text, publisher="Test Wire")
    assert_consistent(text, analysis)
    assert analysis.warnings == []
    [link] = analysis.attributions
    assert link.source is not None and link.source.text == "The police"
    content = (len("The police said "), len(text) - 1)  # "that" and on, less the full stop
    assert (link.content.start, link.content.end) == content
    # one claim: the content, with its cue frame "The police said that" and its full stop
    assert [(c.start, c.end, c.kind) for c in analysis.claims] == [(0, len(text), "indirect")]


# --- language -------------------------------------------------------------------------

FRENCH = (
    "Le président de la République a déclaré mardi que la situation restait sous contrôle, "
    "selon l'AFP. Les secours sont arrivés sur place dans la nuit et ont évacué les "
    "habitants vers une école voisine, a indiqué la police."
)
RUSSIAN = "Президент заявил во вторник, что ситуация находится под контролем, сообщает ТАСС."
ARABIC = "قال المتحدث باسم الشرطة إن شخصين قتلا في الهجوم على المدينة ليلة الأربعاء."


def test_french_gives_a_best_effort_answer_and_a_warning(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(FRENCH)
    assert_consistent(FRENCH, analysis)
    assert analysis.claims  # best effort: the sentences are still there
    [warning] = analysis.warnings
    assert warning.startswith(NOT_ENGLISH_PREFIX + "only ")
    assert warning.endswith("% of its words are common English words" + NOT_ENGLISH_SUFFIX)


@pytest.mark.parametrize("text", [RUSSIAN, ARABIC], ids=["cyrillic", "arabic"])
def test_non_latin_scripts_give_a_warning(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert_consistent(text, analysis)
    assert analysis.claims
    assert analysis.warnings == [
        NOT_ENGLISH_PREFIX + "100% of its letters are not Latin" + NOT_ENGLISH_SUFFIX
    ]


@pytest.mark.parametrize(
    "text",
    [KRAMATORSK, "Police said three people died.", "Kyiv Moscow Berlin Paris"],
    ids=["article", "short", "too-short-to-judge"],
)
def test_english_and_short_texts_give_no_language_warning(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text, publisher="Test Wire").warnings == []


# --- what is not text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            b"Police said so.",
            "analyze() takes article text as str, not bytes "
            "(decode bytes first, e.g. data.decode('utf-8'))",
        ),
        (None, "analyze() takes article text as str, not NoneType"),
        (42, "analyze() takes article text as str, not int"),
        (["Police said so."], "analyze() takes article text as str, not list"),
    ],
    ids=["bytes", "none", "int", "list"],
)
def test_non_text_is_a_type_error(analyzer: Analyzer, value: object, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        analyzer.analyze(value)  # type: ignore[arg-type]
    assert str(raised.value) == message
    with pytest.raises(TypeError, match="takes article text as str"):
        attribution.analyze(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes article text as str"):
        list(analyzer.pipe([value]))  # type: ignore[list-item]


def test_pipe_refuses_a_single_string(analyzer: Analyzer) -> None:
    with pytest.raises(TypeError, match="not one text; use analyze"):
        list(analyzer.pipe("Police said so."))  # type: ignore[arg-type]


def test_pipe_refuses_metadata_that_is_not_a_mapping(analyzer: Analyzer) -> None:
    with pytest.raises(TypeError, match="metadata must be a mapping, not str"):
        list(analyzer.pipe([("Police said so.", "id-1")]))  # type: ignore[list-item]


@pytest.mark.parametrize("size", [0, -1, 1.5, True])
def test_max_chunk_chars_must_be_a_positive_int(analyzer: Analyzer, size: object) -> None:
    with pytest.raises(ValueError, match="max_chunk_chars must be a positive int"):
        Analyzer(nlp=analyzer.nlp, max_chunk_chars=size)  # type: ignore[arg-type]


# --- determinism ----------------------------------------------------------------------


def test_the_same_input_gives_byte_identical_json(analyzer: Analyzer) -> None:
    first = analyzer.analyze(KRAMATORSK, id="k1").model_dump_json()
    second = analyzer.analyze(KRAMATORSK, id="k1").model_dump_json()
    other = Analyzer().analyze(KRAMATORSK, id="k1").model_dump_json()
    assert first == second == other
    analysis = Analysis.model_validate_json(first)
    assert analysis.model_dump_json() == first
    assert_consistent(KRAMATORSK, analysis)


def test_pipe_keeps_order_across_short_and_long_texts(analyzer: Analyzer) -> None:
    chunked = Analyzer(nlp=analyzer.nlp, max_chunk_chars=1_000)
    texts = ["Police said so.", KRAMATORSK, "", ("The mayor said it.", {"id": "m"}), KRAMATORSK]
    results = list(chunked.pipe(texts, batch_size=2))
    assert [r.id for r in results] == [None, None, None, "m", None]
    assert [len(r.warnings) for r in results] == [0, 1, 1, 0, 1]
    assert results[1] == results[4]
    assert results[0] == analyzer.analyze("Police said so.")


# --- work that grows with the text (counted, never timed) -------------------------------


def _profile(run) -> dict:
    """cProfile's stats of one call: key -> (calls, ..., cumulative time, callers)."""
    profiler = cProfile.Profile()
    profiler.runcall(run)
    return pstats.Stats(profiler).stats  # type: ignore[attr-defined]


def _property_key(analyzer: Analyzer, read) -> tuple:
    """cProfile's key for a spaCy property getter: the outermost compiled call of a read."""
    doc = analyzer.nlp("Police said so.")
    stats = {k: v for k, v in _profile(lambda: read(doc)).items() if k[0].endswith(".pyx")}
    if not stats:
        pytest.skip("spaCy is not compiled with profiling hooks")
    return max(stats, key=lambda k: stats[k][3])


def _count(analyzer: Analyzer, key: tuple, text: str) -> int:
    stats = _profile(lambda: analyzer.analyze(text))
    return stats[key][1] if key in stats else 0


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(lambda doc: doc.text, id="Doc.text"),
        pytest.param(
            lambda doc: doc.ents,
            id="Doc.ents",
        ),
    ],
)
def test_whole_doc_reads_do_not_grow_with_the_text(analyzer: Analyzer, read) -> None:
    """Each read rebuilds the property from every token: per-item reads make a stage quadratic."""
    key = _property_key(analyzer, read)
    once = _count(analyzer, key, KRAMATORSK)
    four_times = _count(analyzer, key, "\n\n".join([KRAMATORSK] * 4))
    assert four_times <= once + 2, f"{once} reads at 1x, {four_times} at 4x"


def test_paragraph_marking_does_not_rescan_the_doc(analyzer: Analyzer) -> None:
    from attribution.component import mark_paragraphs

    key = _property_key(analyzer, lambda doc: doc.has_annotation("DEP"))

    def scans(text: str) -> int:
        doc = analyzer.nlp.make_doc(text)
        stats = _profile(lambda: mark_paragraphs(doc))
        return stats[key][1] if key in stats else 0

    once, four_times = scans(KRAMATORSK), scans("\n\n".join([KRAMATORSK] * 4))
    assert four_times <= once + 2, f"{once} scans at 1x, {four_times} at 4x"
