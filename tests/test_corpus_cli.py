"""``attribution corpus IN.jsonl``: articles or analyses in, findings and sources out;
a bad line is a warning and the other articles go on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from attribution import CorpusDocument
from attribution.analyzer import Analyzer
from attribution.cli import corpus as corpus_cli
from attribution.cli import main as cli
from helpers import shared_analyzer

EXAMPLE = Path(__file__).parent.parent / "examples" / "corpus" / "breaking.jsonl"
runner = CliRunner(env={"COLUMNS": "120"})


@pytest.fixture(autouse=True)
def analyzer(monkeypatch: pytest.MonkeyPatch) -> Analyzer:
    shared = shared_analyzer()
    monkeypatch.setattr(corpus_cli, "load_analyzer", lambda model: shared)
    return shared


def write(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def run(*args: str | Path) -> Any:
    return runner.invoke(cli.app, ["corpus", *map(str, args)])


def articles() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]


def test_the_table_groups_findings_by_kind_and_lists_shared_sources() -> None:
    result = run(EXAMPLE)
    assert result.exit_code == 0, result.output
    for heading in ("circular_reporting", "numeric_conflict", "quote_drift"):
        assert heading in result.output
    assert "Sources in more than one article" in result.output
    assert "Lena Hartog (person)" in result.output
    assert "Tarnveld fire brigade" in result.output


def test_json_follows_the_corpus_contract_and_offsets_hold(tmp_path: Path) -> None:
    out = tmp_path / "corpus.json"
    result = run(EXAMPLE, "--format", "json", "-o", out)
    assert result.exit_code == 0, result.output
    document = CorpusDocument.model_validate_json(out.read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in articles()}
    assert [a.id for a in document.articles] == sorted(texts)
    for claim in document.claims:
        assert texts[claim.article][claim.start : claim.end] == claim.text
    kinds = {f.kind for f in document.findings}
    assert {"circular_reporting", "numeric_conflict", "quote_drift"} <= kinds
    circular = [f for f in document.findings if f.kind == "circular_reporting"]
    assert all(f.detail["origin"] in {s.id for s in document.sources} for f in circular)


def test_analyses_from_batch_give_the_same_document(tmp_path: Path, analyzer: Analyzer) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = []
    for article in articles():
        meta = {k: v for k, v in article.items() if k != "text"}
        lines.append(analyzer.analyze(article["text"], **meta).model_dump(mode="json"))
    write(batch, lines)
    from_text = json.loads(run(EXAMPLE, "--format", "json").stdout)
    from_analyses = json.loads(run(batch, "--format", "json").stdout)
    assert from_text == from_analyses


def test_bad_lines_are_warnings_and_the_rest_goes_on(tmp_path: Path, analyzer: Analyzer) -> None:
    good = articles()[:3]
    stale = analyzer.analyze(good[2]["text"], id="stale").model_dump(mode="json")
    stale["claims"][0]["speaker"] = stale["claims"][0].pop("chain")
    source = write(
        tmp_path / "in.jsonl",
        [
            good[0],
            {"id": "empty", "text": "   "},
            {"id": "notext", "publisher": "Somebody"},
            good[1],
            {**good[1], "text": "Another text with the same id."},
            stale,
            {"id": "failed", "line": 9, "error": "analysis failed: boom"},
            "{not json",
            good[2],
        ],
    )
    result = run(source, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [a["id"] for a in document["articles"]] == sorted(a["id"] for a in good)
    warnings = "\n".join(document["warnings"])
    assert "line 2 (id 'empty'): no text" in warnings
    assert "line 3 (id 'notext'): no text" in warnings
    assert "line 5: duplicate article id" in warnings
    assert "line 6: analysis 'stale' is not an analysis of this version of the contract" in (
        warnings
    )
    assert "line 7 (id 'failed'): the batch could not analyse it" in warnings
    assert "line 8: not valid JSON" in warnings
    assert result.stderr.count("warning: ") == 6


def test_no_usable_article_is_an_error(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", [{"id": "x", "text": ""}])
    result = run(source)
    assert result.exit_code == 2
    assert "error: " in result.stderr and "no usable article" in result.stderr


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    result = run(tmp_path / "missing.jsonl")
    assert result.exit_code == 2 and "error: " in result.stderr


def test_a_document_that_fails_is_a_warning(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Failing:
        """Fails on one text, in the pipe and alone, like a document that breaks spaCy."""

        def pipe(self, items, batch_size):
            for text, meta in items:
                yield self.analyze(text, **meta)

        def analyze(self, text, **meta):
            if "BOOM" in text:
                raise ValueError("boom")
            return analyzer.analyze(text, **meta)

    monkeypatch.setattr(corpus_cli, "load_analyzer", lambda model: Failing())
    good = articles()[:2]
    source = write(tmp_path / "in.jsonl", [good[0], {"id": "bad", "text": "BOOM"}, good[1]])
    result = run(source)
    assert result.exit_code == 0, result.output
    assert "line 2 (id 'bad'): analysis failed (boom)" in result.stderr
    assert "2 articles" in result.stdout


def test_no_finding_is_said_plainly(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", [{"id": "one", "text": "Police said the road was shut."}])
    result = run(source)
    assert result.exit_code == 0, result.output
    assert "No findings across articles." in result.stdout
    assert "No source appears in more than one article." in result.stdout
