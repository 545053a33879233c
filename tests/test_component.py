"""The spaCy side: the registered factory, doc extensions, spans and multiprocessing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from spacy import displacy

from attribution import Analyzer


def test_factory_is_found_through_the_entry_point() -> None:
    """A spaCy user who never imports attribution can still add the pipe by name."""
    code = (
        "import json, spacy\n"
        "from attribution.language import load_language\n"
        "nlp = load_language()\n"
        "nlp.add_pipe('attribution')\n"
        "doc = nlp('The minister said the talks had failed.')\n"
        "print(json.dumps([c.chain for c in doc._.attribution.claims]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [["the-article", "minister"]]


def test_doc_carries_the_analysis_and_spans(analyzer: Analyzer, seed_text: str) -> None:
    doc = analyzer.nlp(seed_text)
    analysis = doc._.attribution
    assert analysis.publisher == "ani"
    labels = {span.label_ for span in doc.spans["attribution"]}
    assert labels == {"CLAIM", "SOURCE", "CUE"}
    claims = [s for s in doc.spans["attribution"] if s.label_ == "CLAIM"]
    assert len(claims) == len(analysis.claims)


def test_displacy_renders_offline(analyzer: Analyzer) -> None:
    doc = analyzer.nlp("According to Reuters, the ceasefire collapsed overnight.")
    html = displacy.render(doc, style="span", options={"spans_key": "attribution"})
    assert "Reuters" in html and "http" not in html.split("<style")[0][:200]


def test_pipe_in_two_processes_matches_one(analyzer: Analyzer, seed_text: str) -> None:
    texts = [seed_text, "Officials said the bridge would reopen.", "No quotes here."]
    one = [a.model_dump_json() for a in analyzer.pipe(texts)]
    two = [a.model_dump_json() for a in analyzer.pipe(texts, n_process=2, batch_size=1)]
    assert one == two


def test_metadata_reaches_the_analysis(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(
        "The minister said the talks had failed.", id="doc-7", publisher="Reuters"
    )
    assert analysis.id == "doc-7"
    assert analysis.chain_names(analysis.claims[0]) == ["Reuters", "minister"]


def test_scope_all_adds_beliefs(analyzer: Analyzer) -> None:
    text = "Critics fear the law will silence the press."
    assert analyzer.analyze(text).claims[0].kind == "unattributed"
    assert Analyzer(scope="all").analyze(text).claims[0].chain[-1] == "critics"


def test_unknown_scope_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="scope must be one of speech, all"):
        Analyzer(scope="everything")


HELD_IN = [
    "Kyiv [Ukraine], February 2 (ANI): Police said three people were hurt.",
    "Talks stall again\n\nWASHINGTON (Reuters) - The senator said the bill was dead.\n\n"
    '"We are not giving up," she added.',
    "According to the ministry, the bridge will reopen on Monday.",
]


@pytest.mark.parametrize("text", ["seed", *HELD_IN], ids=["seed", "ani", "reuters", "according"])
def test_the_spacy_route_equals_analyze(text: str, seed_text: str) -> None:
    """`nlp.add_pipe("attribution")` alone gives analyze()'s JSON, segmenter included."""
    from attribution import analyze, load_pipeline

    text = seed_text if text == "seed" else text
    nlp = load_pipeline()
    nlp.add_pipe("attribution")
    assert nlp.pipe_names.index("attribution_segmenter") < nlp.pipe_names.index("parser")
    assert nlp(text)._.attribution.model_dump() == analyze(text).model_dump()


def test_the_analysis_is_read_once_per_doc(analyzer: Analyzer) -> None:
    doc = analyzer.nlp("The minister said the talks had failed.")
    assert doc._.attribution is doc._.attribution


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Clinic cuts\n\nBy Lee Ang, Health Reporter\n\nHalden Health will close three "
            "clinics by spring, the company said on Thursday.",
            "Halden Health will close",
        ),
        (
            "Port strike\n\nBy Ana Ruiz\n\nBrightwater Logistics Group said its ships would wait "
            "offshore.",
            "Brightwater Logistics Group said",
        ),
        (
            "Mill closing\n\nNorthfield Paper Mill Workers voted on Sunday to accept the offer.",
            "Northfield Paper Mill Workers voted",
        ),
    ],
)
def test_a_name_at_the_start_of_a_paragraph_stays_in_one_sentence(
    analyzer: Analyzer, text: str, name: str
) -> None:
    """Two capitalised words with a space between never end a sentence between them."""
    doc = analyzer.nlp(text)
    start = text.index(name)
    (sentence,) = {t.sent.start_char for t in doc if start <= t.idx < start + len(name)}
    assert sentence <= start


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Toy sales will fall next year, according to ad agency MediaHub.", "MediaHub"),
        ("The audit of the city's books was done by PwC.", "PwC"),
        ("Phone bills rose again, said the carrier AT&T.", "AT&T"),
        ("The survey of 2,000 renters was run by the pollster HomeVoteUK.", "HomeVoteUK"),
    ],
)
def test_a_camel_case_name_loses_the_sentence_stop(
    analyzer: Analyzer, text: str, word: str
) -> None:
    """'according to GroupM.': the name is a word of its own, the stop is punctuation."""
    words = [t.text for t in analyzer.nlp.tokenizer(text)]
    assert word in words


@pytest.mark.parametrize("word", ["U.S.", "Ph.D.", "Inc."])
def test_an_abbreviation_keeps_its_stop(analyzer: Analyzer, word: str) -> None:
    words = [t.text for t in analyzer.nlp.tokenizer(f"She moved to the {word} office")]
    assert word in words


def test_the_company_named_after_its_description_speaks_again(analyzer: Analyzer) -> None:
    """'according to research firm DataWorksX.': the firm's name ends the sentence, and
    'the firm' in the next sentence is the same body."""
    text = (
        "Car sales will fall by 3 per cent in 2021, according to research firm AutoDataX. "
        "Prices climbed by 5 per cent this year, the firm wrote in a report."
    )
    analysis = analyzer.analyze(text)
    names = {s.id: s.name for s in analysis.sources}
    speakers = [names[a.source_id] for a in analysis.attributions if a.source_id in names]
    assert speakers == ["research firm AutoDataX", "research firm AutoDataX"]
