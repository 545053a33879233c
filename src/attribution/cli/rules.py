"""``attribution rules ...``: check, test and inspect rule files from the shell.

A rule file is always read as an extension of the default rules, the way an Analyzer
uses it, so ``check`` accepts a cue naming a default category and ``test`` runs a
team's examples against the default rules plus the team's additions. Errors are one
line, ``error: FILE:LINE: message (field X)``, with exit status 2; failing examples
give exit status 1.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
import yaml

from ..errors import AttributionError, RuleFileError
from ..limits import EXAMPLE_TIME_LIMIT
from ..rules.loader import default_rules, load_extension, load_rule_file
from ..rules.model import RuleSet, schema_text
from ..testing import AnalyzerPool, ExampleResult, example_cases, example_location, run_examples

app = typer.Typer(
    name="rules",
    help="Check, test and inspect attribution rule files.",
    no_args_is_help=True,
    add_completion=False,
)


class Format(StrEnum):
    yaml = "yaml"
    json = "json"


def _fail(exc: Exception) -> NoReturn:
    """One line on stderr and exit 2: a usage or data problem, not a failing example."""
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(2)


def _counts(rules: RuleSet) -> tuple[int, int]:
    entries = list(rules.entries())
    return len(entries), sum(len(entry.examples) for _, entry in entries)


@app.command()
def check(file: Annotated[Path, typer.Argument(help="The rule file to validate.")]) -> None:
    """Validate a rule file as an extension of the default rules."""
    try:
        rules = load_rule_file(file)
        load_extension(file)
    except RuleFileError as exc:
        _fail(exc)
    entries, examples = _counts(rules)
    typer.echo(f"ok: {file} ({entries} entries, {examples} examples)")


def _summary(results: list[ExampleResult]) -> str:
    passed = sum(result.outcome == "passed" for result in results)
    failed = sum(not result.ok for result in results)
    return f"{passed} passed, {failed} failed"


def _print_results(results: list[ExampleResult]) -> None:
    for result in results:
        if not result.ok:
            typer.echo(result.report() + "\n")
    known = [r for r in results if r.outcome == "known failure"]
    for result in known:
        note = result.example.known_failure
        typer.echo(f"known failure: {example_location(result.example)} {result.label}: {note}")
    typer.echo(_summary(results))


@app.command()
def test(
    file: Annotated[
        Path | None,
        typer.Argument(help="The rule file whose examples to run; default: the default rules."),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="The spaCy pipeline to use (default: the English one).")
    ] = None,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            min=0,
            metavar="SECONDS",
            help="Fail an example whose analysis takes longer (0: no limit).",
        ),
    ] = EXAMPLE_TIME_LIMIT,
) -> None:
    """Run a rule file's examples against the default rules extended by the file."""
    try:
        own = load_rule_file(file) if file is not None else default_rules()
        rules = load_extension(file) if file is not None else default_rules()
        label = str(file or "default")
        pool = AnalyzerPool(model)
        results = run_examples(example_cases(own), rules, pool, label=label, seconds=time_limit)
    except AttributionError as exc:
        _fail(exc)
    _print_results(results)
    if not all(result.ok for result in results):
        raise typer.Exit(1)


@app.command()
def show(
    rules_files: Annotated[
        list[Path] | None,
        typer.Option("--rules", help="A rule file extending the set; repeat to stack them."),
    ] = None,
    format: Annotated[Format, typer.Option(help="Output format.")] = Format.yaml,
) -> None:
    """Print the effective rule set: the default rules with the given files applied in order."""
    rules = default_rules()
    try:
        for path in rules_files or []:
            rules = load_extension(path, base=rules)
    except RuleFileError as exc:
        _fail(exc)
    data = rules.model_dump(mode="json", exclude_defaults=True)
    if format is Format.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        typer.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of rule files, for editors that validate YAML."""
    typer.echo(schema_text(), nl=False)
