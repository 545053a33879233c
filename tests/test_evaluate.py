"""The scorer agrees with the shared reference scorer; the runner and its command work.

The fixtures in tests/data/eval_fixture*.jsonl are made up by hand: four short
articles with gold attributions, and a predictions file that exercises every case of
the scorer (exact pairs, loose content, wrong and missing sources, false alarms, a
discontinuous content, an article without predictions, a prediction for no article).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from attribution import (
    Analysis,
    Analyzer,
    Attribution,
    InputError,
    Span,
    default_rules,
)
from attribution.cli import evaluate as evaluate_cli
from attribution.evaluate import (
    CueLexicon,
    diagnose,
    load_gold,
    match_doc,
    match_docs,
    pair_greedy,
    predictions,
    run,
    score,
)
from helpers import shared_analyzer

DATA = Path(__file__).parent / "data"
GOLD = DATA / "eval_fixture.jsonl"
PRED = DATA / "eval_fixture_pred.jsonl"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    if not REFERENCE.is_file():
        pytest.skip(f"reference scorer not found at {REFERENCE}")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return shared_analyzer("all")


# --- the scorer ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [None, "direct", "indirect", "mixed"])
def test_score_agrees_with_reference(reference: ModuleType, kind: str | None) -> None:
    gold, pred = reference.load(GOLD), reference.load(PRED)
    keep = (lambda doc, a: a.get("kind") == kind) if kind else None
    expected = reference.score(gold, pred, keep)
    ours = score(read_jsonl(GOLD), read_jsonl(PRED), kind=kind)
    assert ours.keys() == expected.keys()
    for metric, values in expected.items():
        for key in ("tp", "pred", "gold"):
            assert ours[metric][key] == values[key], (metric, key)
        for key in ("p", "r", "f1"):
            assert ours[metric][key] == pytest.approx(values[key], abs=5e-4), (metric, key)


def test_score_counts_on_fixture() -> None:
    result = score(read_jsonl(GOLD), read_jsonl(PRED))
    counts = {m: (v["tp"], v["pred"], v["gold"]) for m, v in result.items()}
    assert counts == {
        "content_lenient": (7, 9, 10),
        "content_strict": (5, 9, 10),
        "source": (5, 7, 9),
        "cue": (6, 7, 10),
        "full": (5, 9, 10),
    }
    assert result["content_lenient"]["p"] == round(7 / 9, 4)


def test_kind_sets_aside_predictions_over_other_kinds_only() -> None:
    result = score(read_jsonl(GOLD), read_jsonl(PRED), kind="direct")
    # one direct gold; kept: the quote's prediction and the two that overlap no gold
    assert result["content_lenient"]["gold"] == 1
    assert result["content_lenient"]["pred"] == 3
    mixed = score(read_jsonl(GOLD), read_jsonl(PRED), kind="mixed")
    assert (mixed["content_strict"]["tp"], mixed["content_strict"]["gold"]) == (1, 1)


def test_documents_may_come_as_mapping_or_list() -> None:
    gold, pred = read_jsonl(GOLD), read_jsonl(PRED)
    by_id = {d["id"]: d for d in pred}
    assert score(gold, pred) == score({d["id"]: d for d in gold}, by_id)


def span(start: int, end: int) -> dict:
    return {"start": start, "end": end}


def test_pairing_is_greedy_one_to_one_with_reference_ties() -> None:
    gold = [{"content": span(0, 10)}, {"content": span(10, 20)}]
    pred = [{"content": span(5, 15)}]
    (pair,) = pair_greedy(gold, pred)
    assert (pair.gold, pair.pred, pair.overlap) == (1, 0, 5)  # equal overlap: later gold
    pred = [{"content": span(0, 12)}, {"content": span(8, 20)}]
    pairs = pair_greedy(gold, pred)
    assert {(p.gold, p.pred) for p in pairs} == {(1, 1), (0, 0)}


def test_discontinuous_content_counts_fragment_by_fragment() -> None:
    gold = [{"content": span(0, 30), "content_spans": [span(0, 10), span(20, 30)]}]
    pred = [{"content": span(0, 30)}]
    match = match_doc("d", gold, pred)
    (pair,) = match.pairs
    assert pair.overlap == 20
    assert pair.dice == pytest.approx(2 * 20 / (20 + 30))
    assert pair.full_ok  # neither side has a source


def test_attributions_without_content_are_not_scored() -> None:
    match = match_doc("d", [{"content": None, "source": span(0, 2)}], [{"content": span(0, 4)}])
    assert (len(match.gold), len(match.pred), match.pairs) == (0, 1, [])


# --- predictions from an analysis -------------------------------------------------------------

TEXT = "CNN reported, citing police, that the bridge fell. It was old, the mayor said."


def part(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start=start, end=start + len(piece), text=piece)


def link(id_: str, source: str, cue: str, content: str, relayed_by: str | None = None):
    return Attribution(
        id=id_,
        source=part(TEXT, source),
        cue=part(TEXT, cue),
        content=part(TEXT, content),
        source_id=None,
        kind="indirect",
        confidence=0.9,
        relayed_by=relayed_by,
    )


def test_predictions_keep_the_innermost_link_of_a_relay() -> None:
    analysis = Analysis(
        attributions=[
            link("a1", "CNN", "reported", "the bridge fell"),
            link("a2", "police", "citing", "the bridge fell", relayed_by="a1"),
            link("a3", "the mayor", "said", "It was old", relayed_by="a1"),
        ]
    )
    kept = predictions(analysis)
    assert [a["id"] for a in kept] == ["a2", "a3"]
    assert kept[0]["source"]["text"] == "police"
    assert kept[0]["content"] == {"start": 34, "end": 49, "text": "the bridge fell"}


def test_predictions_follow_a_chain_of_three_in_any_order() -> None:
    analysis = Analysis(
        attributions=[
            link("a1", "police", "citing", "the bridge fell", relayed_by="a3"),
            link("a2", "the mayor", "said", "the bridge fell", relayed_by="a1"),
            link("a3", "CNN", "reported", "the bridge fell"),
        ]
    )
    assert [a["id"] for a in predictions(analysis)] == ["a2"]


def test_predictions_of_an_empty_analysis() -> None:
    assert predictions(Analysis()) == []


# --- error analysis ---------------------------------------------------------------------------


def test_diagnose_names_each_kind_of_error() -> None:
    gold = {d["id"]: d for d in read_jsonl(GOLD)}
    matches = match_docs(gold, read_jsonl(PRED))
    lexicon = CueLexicon.from_rules(default_rules())
    lemmas = {"fear": ("fear",), "wants": ("want",), "It was reported": ("it", "be", "report")}
    records = [r for m in matches for r in diagnose(m, gold[m.id]["text"], lexicon, lemmas)]
    found = {(r["doc"], r["type"], r["category"]) for r in records}
    assert ("fixture/storm", "miss", "missed_link") in found  # "It was reported": known cue
    assert ("fixture/storm", "miss", "intention") in found  # "wants"
    assert ("fixture/council", "wrong_source", "missing_source") in found
    assert ("fixture/council", "false_alarm", "false_alarm") in found
    assert ("fixture/harbour", "wrong_source", "wrong_source") in found
    assert ("fixture/museum", "false_alarm", "false_alarm") in found
    for record in records:
        assert record["context"]
        assert record["gold"] or record["pred"]


def test_lexicon_reads_categories_from_the_rules() -> None:
    lexicon = CueLexicon.from_rules(default_rules())
    assert lexicon.evidential("According to") == "according_to"
    assert lexicon.category(["believe"]) == "belief"
    assert lexicon.category(["cite"]) == "relay"
    assert "belief" in lexicon.wide_categories and "speech" not in lexicon.wide_categories
    assert lexicon.is_pronoun("He") and not lexicon.is_pronoun("the mayor")


# --- loading gold -----------------------------------------------------------------------------


def test_load_gold_limit_keeps_the_first_articles() -> None:
    assert [d["id"] for d in load_gold(GOLD, limit=2)] == ["fixture/harbour", "fixture/council"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "text": "t", "attributions": []}\n{not json\n', ":2: not valid JSON"),
        ('{"id": "x", "attributions": []}\n', "needs text"),
        ("[1, 2]\n", "a JSON object"),
        ("\n\n", "no articles"),
    ],
)
def test_load_gold_rejects_bad_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(path)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "absent.jsonl")


# --- the runner and the command ---------------------------------------------------------------


def test_run_analyses_and_writes_errors(analyzer: Analyzer, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    seen: list[tuple[int, int]] = []
    report = run(GOLD, analyzer, errors_path=errors, on_doc=lambda d, t: seen.append((d, t)))
    assert report.docs == 4 and seen[-1] == (4, 4)
    assert report.scope == "all"
    lenient = report.metrics["content_lenient"]
    assert lenient["gold"] == 10 and lenient["tp"] >= 6
    records = read_jsonl(errors)
    assert sum(report.errors.values()) == len(records)
    for record in records:
        assert {"doc", "type", "category", "tags", "gold", "pred", "context"} <= record.keys()


def test_run_with_kind_and_limit(analyzer: Analyzer) -> None:
    report = run(GOLD, analyzer, limit=1, kind="direct")
    assert report.docs == 1
    assert report.metrics["content_lenient"]["gold"] == 1
    with pytest.raises(ValueError, match="kind"):
        run(GOLD, analyzer, kind="quoted")


@pytest.fixture
def cli(analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(evaluate_cli, "load_analyzer", lambda model, scope: analyzer)
    return CliRunner()


def test_cli_prints_a_table(cli: CliRunner, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    result = cli.invoke(evaluate_cli.app, [str(GOLD), "--scope", "all", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    for row in ("content (lenient)", "content (strict)", "source", "cue", "full"):
        assert row in result.stdout
    assert errors.is_file()


def test_cli_json_agrees_with_run(cli: CliRunner, analyzer: Analyzer) -> None:
    result = cli.invoke(evaluate_cli.app, [str(GOLD), "--json", "--kind", "indirect"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["docs"] == 4 and data["kind"] == "indirect"
    assert data["metrics"] == run(GOLD, analyzer, kind="indirect").metrics


@pytest.mark.parametrize("content", [None, "{broken\n"])
def test_cli_bad_gold_is_an_error_not_a_traceback(
    cli: CliRunner, tmp_path: Path, content: str | None
) -> None:
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    result = cli.invoke(evaluate_cli.app, [str(gold)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_predictions_prefer_the_nearer_cue_when_two_claim_one_content() -> None:
    text = 'Asked who leads, he said Ryan. "I would say Paul," he said.'
    content = part(text, "I would say Paul")
    far = Attribution(
        id="a1",
        source=part(text, "he"),
        cue=part(text, "said"),
        content=content,
        source_id=None,
        kind="direct",
        confidence=0.8,
    )
    start = text.rindex("said")
    near = far.model_copy(update={"id": "a2", "cue": Span(start=start, end=start + 4, text="said")})
    assert [a["id"] for a in predictions(Analysis(attributions=[far, near]))] == ["a2"]


# (text, the first link's content and kind, the cue-less quotes after it, how many of them
# join the first link): a quote that goes on the speaker's words joins them in the same
# paragraph, and at the start of the next one right after a quote and its cue.
GOES_ON = [
    ('"We are ready," she said. "The roads are clear."', "We are ready,", "direct", 1),
    ('"We are ready," she said.\n\n"The roads are clear."', "We are ready,", "direct", 1),
    (
        '"We are ready," she said.\n\n"The roads are clear." Later, "Schools open Monday."',
        "We are ready,",
        "direct",
        2,
    ),
    (
        '"We are ready," she said.\n\nThe mayor agreed. "The roads are clear."',
        "We are ready,",
        "direct",
        0,
    ),
    ('"We are ready," she said.\n\nNo.\n\n"The roads are clear."', "We are ready,", "direct", 0),
    ('She said the town was ready.\n\n"The roads are clear."', "the town was ready", "indirect", 0),
]


@pytest.mark.parametrize(("text", "first", "kind", "joined"), GOES_ON)
def test_predictions_join_a_quote_that_goes_on_the_speakers_words(
    text: str, first: str, kind: str, joined: int
) -> None:
    quotes = re.findall(r'"([^"]+)"', text)
    rest = [q for q in quotes if q != first.strip('"')]
    links = [
        Attribution(
            id="a0",
            source=part(text, "She" if "She" in text else "she"),
            cue=part(text, "said"),
            content=part(text, first),
            source_id="she",
            kind=kind,
            confidence=0.8,
        )
    ]
    for k, piece in enumerate(rest, 1):
        links.append(
            Attribution(
                id=f"a{k}",
                source=None,
                cue=None,
                content=part(text, piece),
                source_id="she",
                kind="direct",
                confidence=0.6,
            )
        )
    analysis = Analysis(attributions=links)
    assert len(predictions(analysis)) == len(links)  # no text, nothing joined
    records = predictions(analysis, text)
    assert len(records) == len(links) - joined
    assert len(records[0].get("content_spans", [records[0]["content"]])) == 1 + joined


def test_predictions_leave_a_nested_link_to_the_outer_one() -> None:
    text = "Cook told reporters that Carter believes the email was a mistake."

    def nested(id_: str, source: str, cue: str, content: str) -> Attribution:
        return Attribution(
            id=id_,
            source=part(text, source),
            cue=part(text, cue),
            content=part(text, content),
            source_id=None,
            kind="indirect",
            confidence=0.9,
        )

    analysis = Analysis(
        attributions=[
            nested("a1", "Cook", "told", "Carter believes the email was a mistake"),
            nested("a2", "Carter", "believes", "the email was a mistake"),
        ]
    )
    assert [a["id"] for a in predictions(analysis)] == ["a1"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "before", "after"),
    [
        (
            "The plan, he said, would cost millions.",
            "he",
            "said",
            "The plan",
            "would cost millions",
        ),
        (
            "Rents, the mayor warned, will rise again.",
            "the mayor",
            "warned",
            "Rents",
            "will rise again",
        ),
        (
            "Too often, she says, they get it wrong.",
            "she",
            "says",
            "Too often",
            "they get it wrong",
        ),
    ],
)
def test_predictions_join_both_sides_of_one_cue(
    text: str, speaker: str, cue: str, before: str, after: str
) -> None:
    """One statement around its cue is two links with one cue and one source; PolNeAR
    marks it as one attribution in two fragments, and it is scored as one."""

    def side(id_: str, piece: str) -> Attribution:
        return Attribution(
            id=id_,
            source=part(text, speaker),
            cue=part(text, cue),
            content=part(text, piece),
            source_id="speaker",
            kind="indirect",
            confidence=0.8,
        )

    (joined,) = predictions(Analysis(attributions=[side("a1", before), side("a2", after)]))
    assert [s["text"] for s in joined["content_spans"]] == [before, after]


# (text, the content of the attribution whose cue is "said", the pieces it is scored as):
# a quote after the sentence of a quote and its cue goes on those quoted words, also when
# the sentence adds a clause of the speaker's ("adding that ...") or the words only end in
# a quote; another speaker's quote, or no quote, joins nothing.
SAID_PIECES = [
    (
        "“The roads are clear,” she said, adding that crews had worked all night. “Schools"
        " will open on time.”",
        "The roads are clear",
        ["The roads are clear", "Schools will open on time."],
    ),
    (
        "“Take a smaller loan,” the clerk said, apparently suggesting that the bank was"
        " cautious. “Nobody gets that much on day one.”",
        "Take a smaller loan",
        ["Take a smaller loan", "Nobody gets that much on day one."],
    ),
    (
        "Yet the plan is also “a fair start,” Moreno said. “That is what the town needs.”",
        "Yet the plan is also “a fair start,”",
        ["Yet the plan is also “a fair start,”", "That is what the town needs."],
    ),
    (
        "The mayor said the roads were clear, adding that crews had worked all night. The"
        " buses ran late.",
        "the roads were clear",
        ["the roads were clear"],
    ),
    (
        "“The roads are clear,” she said. “Schools will open late,” the principal said.",
        "The roads are clear",
        ["The roads are clear"],
    ),
    (
        "Moreno said the plan was fair. “That is what the town needs,” said the mayor.",
        "the plan was fair",
        ["the plan was fair"],
    ),
]


@pytest.mark.parametrize(("text", "content", "pieces"), SAID_PIECES)
def test_a_quote_goes_on_the_quoted_words_of_its_speaker(
    analyzer: Analyzer, text: str, content: str, pieces: list[str]
) -> None:
    records = predictions(analyzer.analyze(text), text)
    said = [r for r in records if r["cue"] and r["content"]["text"] == content]
    assert len(said) == 1, records
    found = said[0].get("content_spans", [said[0]["content"]])
    assert [s["text"] for s in found] == pieces
