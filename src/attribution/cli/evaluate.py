"""``attribution evaluate GOLD.jsonl``: score the analyzer against gold attributions.

The scores are those of ``shared/eval/score.py`` (see :mod:`attribution.evaluate`).
PolNeAR annotates beliefs and intentions as well as speech, so report it with
``--scope all``; the default ``--scope speech`` measures reported speech only.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..analyzer import Analyzer
from ..errors import AttributionError
from ..evaluate import METRICS, Report, load_gold, run
from .terminal import stdout_console

app = typer.Typer(add_completion=False, help=__doc__)


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class Scope(StrEnum):
    speech = "speech"
    all = "all"


_LABELS = {
    "content_lenient": "content (lenient)",
    "content_strict": "content (strict)",
    "source": "source",
    "cue": "cue",
    "full": "full",
}


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSONL: one article a line, with id, text, attributions.")
    ],
    kind: Annotated[
        Kind | None, typer.Option(help="Score only gold attributions of this kind.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Evaluate the first N articles only.")
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(help="Write every miss, false alarm and faulty pair here, as JSONL."),
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the scores as JSON instead of a table.")
    ] = False,
    scope: Annotated[
        Scope,
        typer.Option(help="speech, or all (also beliefs, intentions): use all for PolNeAR."),
    ] = Scope.speech,
    model: Annotated[
        str | None, typer.Option(help="An installed spaCy pipeline (default: English small).")
    ] = None,
) -> None:
    """Score the analyzer on a gold JSONL file: content, source, cue and full P/R/F1."""
    stderr = Console(stderr=True)
    try:
        load_gold(gold, limit=1)  # fail fast, before loading the model
        analyzer = load_analyzer(model, scope.value)
        with Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
        ) as progress:
            task = progress.add_task("analysing", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            report = run(
                gold,
                analyzer,
                limit=limit,
                kind=kind.value if kind else None,
                errors_path=errors,
                on_doc=advance,
            )
    except AttributionError as exc:
        stderr.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(json.dumps({"gold": str(gold), **report.as_dict()}, indent=1))
    else:
        stdout_console().print(_table(report, gold))
        if report.errors_path is not None:
            total = sum(report.errors.values())
            stdout_console().print(f"{total} error records written to {report.errors_path}")
            stdout_console().print(_error_summary(report))


def load_analyzer(model: str | None, scope: str) -> Analyzer:
    """The analyzer to evaluate; a seam for tests, which share one loaded pipeline."""
    return Analyzer(model, scope=scope)


def _table(report: Report, gold: Path) -> Table:
    title = f"{gold.name}: {report.docs} articles, scope {report.scope}"
    if report.kind:
        title += f", kind {report.kind}"
    table = Table(title=title)
    table.add_column("metric")
    for column in ("P", "R", "F1", "TP", "pred", "gold"):
        table.add_column(column, justify="right")
    for name in METRICS:
        m = report.metrics[name]
        table.add_row(
            _LABELS[name],
            f"{m['p']:.3f}",
            f"{m['r']:.3f}",
            f"{m['f1']:.3f}",
            str(m["tp"]),
            str(m["pred"]),
            str(m["gold"]),
        )
    return table


def _error_summary(report: Report) -> Table:
    table = Table()
    table.add_column("category")
    table.add_column("count", justify="right")
    for category, count in report.errors.most_common():
        table.add_row(category, str(count))
    return table


if __name__ == "__main__":  # pragma: no cover
    app()
