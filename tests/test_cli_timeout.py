"""``--timeout`` on the command line: a runaway article fails alone, with its id, and a
batch goes on with the next one."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from attribution import flow
from attribution.analyzer import Analyzer
from attribution.cli import main as cli

runner = CliRunner(env={"COLUMNS": "100"})
BUDGET = "1.5"


@pytest.fixture(scope="module", autouse=True)
def analyzer() -> Analyzer:
    return cli.load_analyzer(None, "speech")


@pytest.fixture(autouse=True)
def runaway(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linking that takes far longer than the budget on texts that ask for it."""
    original = flow.find_links

    def slow(doc: Any, *args: Any) -> Any:
        if "RUNAWAY" in doc.text:
            time.sleep(2.5)
        return original(doc, *args)

    monkeypatch.setattr(flow, "find_links", slow)


def run(*args: str | Path) -> Any:
    return runner.invoke(cli.app, [str(arg) for arg in args])


def test_analyze_stops_a_runaway_article_with_one_line(tmp_path: Path) -> None:
    article = tmp_path / "runaway.txt"
    article.write_text("RUNAWAY. The mayor said the bridge was safe.\n", encoding="utf-8")
    result = run("analyze", article, "--timeout", BUDGET)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: the analysis took longer than its time budget of {BUDGET} s and was stopped\n"
    )


def test_analyze_within_its_budget(tmp_path: Path) -> None:
    article = tmp_path / "calm.txt"
    article.write_text("The mayor said the bridge was safe.\n", encoding="utf-8")
    result = run("analyze", article, "--timeout", "60", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["claims"]


@pytest.mark.parametrize("value", ["0", "-2", "soon"])
def test_a_bad_timeout_is_a_usage_error(tmp_path: Path, value: str) -> None:
    article = tmp_path / "calm.txt"
    article.write_text("The mayor said the bridge was safe.\n", encoding="utf-8")
    assert run("analyze", article, "--timeout", value).exit_code == 2


@pytest.mark.parametrize("batch_size", ["1", "16"])
def test_batch_reports_each_runaway_by_id_and_goes_on(tmp_path: Path, batch_size: str) -> None:
    entries = [
        {"id": "calm-1", "text": "The mayor said the bridge was safe."},
        {"id": "wild-1", "text": "RUNAWAY. The clerk told CNN the vote was late."},
        {"id": "calm-2", "text": "Officials said the road would open, according to AP."},
        {"id": "wild-2", "text": "RUNAWAY again. He said so."},
        {"id": "calm-3", "text": "“It is over,” the coach told reporters."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("batch", source, "-o", out, "--timeout", BUDGET, "--batch-size", batch_size)
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith("3 analysed, 2 failed\n")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [e["id"] for e in entries]
    failed = {line["id"]: line["error"] for line in lines if "error" in line}
    assert set(failed) == {"wild-1", "wild-2"}
    assert all("time budget of 1.5 s" in error for error in failed.values())
    assert all(line["claims"] for line in lines if "error" not in line)
