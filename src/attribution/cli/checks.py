"""``attribution checkworthy IN.jsonl -o OUT.jsonl``: check-worthiness of sentences or passages.

Reads ``{"id", "text"}`` lines and writes ``{"id", "score", "reasons"}`` lines in the same
order, so the scorer can be measured on sentences (``shared/eval/score_checkworthy.py``)
as well as used on articles. Each text is scored as one unit with the questions of the
rule set's ``checkworthy`` section. The texts are only parsed (no attribution flow), so
the cost is the spaCy parse and little more.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text
from spacy.language import Language

from ..errors import AttributionError, InputError
from ..language import load_language
from ..models import Analysis
from ..rules import RuleSet
from ..rules.loader import default_rules, load_extension
from ..stages.checkworthy import Scorer, scorer_for

BAD_LINE = "{path}:{line}: {problem}"


def read_texts(path: Path) -> list[tuple[Any, str]]:
    """(id, text) for each line; a line that is not such an object is an InputError."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it as UTF-8 text ({exc})") from None
    rows = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(BAD_LINE.format(path=path, line=number, problem=exc.msg)) from None
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            problem = 'expected an object with a string "text"'
            raise InputError(BAD_LINE.format(path=path, line=number, problem=problem))
        rows.append((entry.get("id"), entry["text"]))
    return rows


def score_texts(
    nlp: Language, scorer: Scorer, texts: Iterable[str], batch_size: int = 256
) -> Iterator[dict[str, Any]]:
    """``{"score", "reasons"}`` for each text, parsed in batches."""
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield scorer.score(doc).model_dump()


def checkworthy(
    input_path: Annotated[Path, typer.Argument(metavar="IN.jsonl", help='{"id", "text"} lines.')],
    out: Annotated[
        Path, typer.Option("--out", "-o", help='Write {"id", "score", "reasons"} lines here.')
    ],
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="spaCy pipeline package (default: English small)."),
    ] = None,
    rules: Annotated[
        Path | None, typer.Option(help="A rule file extending the default rules.")
    ] = None,
) -> None:
    """Score sentences or passages for check-worthiness: a score in [0, 1] and reasons."""
    try:
        rows = read_texts(input_path)
        rule_set: RuleSet = load_extension(rules) if rules is not None else default_rules()
        nlp = load_language(model)
        scorer = scorer_for(rule_set)
        with out.open("w", encoding="utf-8") as sink:
            scored = score_texts(nlp, scorer, (text for _, text in rows))
            for (doc_id, _), result in zip(rows, scored, strict=True):
                sink.write(json.dumps({"id": doc_id, **result}, ensure_ascii=False) + "\n")
    except (AttributionError, OSError) as exc:  # input, rule file, model: one line
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"scored {len(rows)} texts into {out}", err=True)


def findings_table(analysis: Analysis) -> Table | None:
    """The findings for ``attribution analyze``: grouped by kind, each kind in check order."""
    if not analysis.findings:
        return None
    table = Table(title="Findings", box=box.SIMPLE_HEAD, show_lines=True, pad_edge=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("what to check", ratio=1, overflow="fold")
    kinds = list(dict.fromkeys(finding.kind for finding in analysis.findings))
    for kind in kinds:
        group = [finding for finding in analysis.findings if finding.kind == kind]
        for index, finding in enumerate(group):
            label = Text(kind.replace("_", " "), style="bold") if index == 0 else Text("")
            table.add_row(label, finding.id, finding.message)
    return table
