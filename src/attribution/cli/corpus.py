"""``attribution corpus IN.jsonl``: many articles merged, with findings across them.

IN has one JSON object a line: an article to analyse (``{"id", "text", "publisher"?,
"published"?, "url"?, "title"?}``), or an analysis that ``attribution batch`` wrote. A
line that cannot be used (no text, a duplicate id, an analysis of another contract
version, a batch error) is reported as a warning on stderr and in the document's
``warnings``; the other articles go on. Exit codes as for the other commands: 2 when the
input is unusable as a whole (missing file, no usable article).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, NamedTuple

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..analyzer import Analyzer
from ..corpus import Corpus, CorpusDocument
from ..errors import AttributionError, InputError
from ..metadata import METADATA_FIELDS
from .reading import check_readable_file
from .terminal import chain_arrow

# ------------------------------------------------------------------------ messages

NOT_JSON = "line {line}: not valid JSON ({reason}); skipped"
NOT_OBJECT = "line {line}: not a JSON object; skipped"
NO_TEXT = "line {line}{id}: no text to analyse; skipped"
NOT_STRING = 'line {line}{id}: "{field}" must be a string; skipped'
BAD_ID = 'line {line}: "id" must be a string or an integer; skipped'
NO_ID = 'line {line}: no "id"; skipped'
BATCH_ERROR = "line {line}{id}: the batch could not analyse it ({error}); skipped"
DUPLICATE = "line {line}: duplicate article id {id!r} (first on line {first}); skipped"
UNUSABLE = "line {line}: {problem}; skipped"
ANALYSIS_FAILED = "line {line}{id}: analysis failed ({detail}); skipped"
NOTHING = "{name}: no usable article; nothing to merge"
MAX_TEXT = 160
BATCH = 16  # documents per spaCy batch


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class Line(NamedTuple):
    """One usable input line: an article's text and metadata, or an analysis (a dict)."""

    line: int
    id: str
    text: str | None
    metadata: dict[str, str]
    analysis: dict[str, Any] | None


def load_analyzer(model: str | None) -> Analyzer:
    """The analyzer for lines with text; a seam for tests, which share one pipeline."""
    return Analyzer(model)


def corpus(
    input_path: Annotated[
        Path, typer.Argument(metavar="IN.jsonl", help="Articles or analyses, one a line.")
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="table for reading, json for the corpus contract."),
    ] = OutputFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="OUT", help="Write here, not stdout.")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="spaCy pipeline for lines with text.")
    ] = None,
) -> None:
    """Merge many articles: one identity per source, claims that say the same thing
    grouped, and findings across articles (circular reporting, corroboration, numeric
    conflicts, quote drift, attribution conflicts)."""
    stderr = Console(stderr=True, highlight=False)
    try:
        check_readable_file(input_path)
        warnings: list[str] = []
        built = build_corpus(input_path, model, warnings)
    except AttributionError as exc:
        stderr.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    warnings.extend(built.document().warnings)
    for warning in warnings:
        stderr.print(f"warning: {warning}", markup=False)
    document = built.document().model_copy(update={"warnings": warnings})
    try:
        handle = out.open("w", encoding="utf-8") if out else None
    except OSError as exc:
        stderr.print(f"error: {out}: cannot write ({exc.strerror or exc})", markup=False)
        raise typer.Exit(2) from None
    try:
        _write(document, built, output_format, handle)
    finally:
        if handle is not None:
            handle.close()


def build_corpus(path: Path, model: str | None, warnings: list[str]) -> Corpus:
    """The corpus of every usable line; each unusable one adds a warning."""
    lines = list(read_lines(path, warnings))
    result = Corpus()
    todo = [line for line in lines if line.analysis is None]
    analyses = _analyse(todo, model, warnings) if todo else {}
    for line in lines:
        analysis = line.analysis if line.analysis is not None else analyses.get(line.line)
        if analysis is None:
            continue
        try:
            result.add(analysis)
        except InputError as exc:
            warnings.append(UNUSABLE.format(line=line.line, problem=exc))
    if not len(result):
        raise InputError(NOTHING.format(name=path))
    return result


def _analyse(todo: list[Line], model: str | None, warnings: list[str]) -> dict[int, Any]:
    """Analyses by line number, through Analyzer.pipe for speed; when the pipe fails, the
    rest go one by one, so that a document that fails is a warning, not the end."""
    analyzer = load_analyzer(model)
    done: dict[int, Any] = {}
    try:
        items = ((line.text or "", {"id": line.id, **line.metadata}) for line in todo)
        for line, analysis in zip(todo, analyzer.pipe(items, batch_size=BATCH), strict=False):
            done[line.line] = analysis
    except Exception:
        for line in todo[len(done) :]:
            try:
                done[line.line] = analyzer.analyze(line.text or "", id=line.id, **line.metadata)
            except Exception as exc:
                detail = " ".join(str(exc).split()) or type(exc).__name__
                warnings.append(
                    ANALYSIS_FAILED.format(line=line.line, id=_id(line.id), detail=detail)
                )
    return done


def read_lines(path: Path, warnings: list[str]) -> Iterator[Line]:
    """Usable lines in file order; duplicates after the first are warned about."""
    seen: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            line = _parse(number, raw, warnings)
            if line is None:
                continue
            first = seen.setdefault(line.id, number)
            if first != number:
                warnings.append(DUPLICATE.format(line=number, id=line.id, first=first))
                continue
            yield line


def _id(value: str | None) -> str:
    return f" (id {value!r})" if value else ""


def _parse(number: int, raw: bytes, warnings: list[str]) -> Line | None:
    try:
        entry = json.loads(raw)
    except ValueError as exc:
        warnings.append(NOT_JSON.format(line=number, reason=" ".join(str(exc).split())))
        return None
    if not isinstance(entry, dict):
        warnings.append(NOT_OBJECT.format(line=number))
        return None
    doc_id = entry.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is not None and not isinstance(doc_id, str):
        warnings.append(BAD_ID.format(line=number))
        return None
    is_analysis = "claims" in entry or "sources" in entry  # an analysis keeps its text too
    if "error" in entry and not is_analysis:
        warnings.append(BATCH_ERROR.format(line=number, id=_id(doc_id), error=entry["error"]))
        return None
    if is_analysis:
        if doc_id is None:
            warnings.append(NO_ID.format(line=number))
            return None
        return Line(number, doc_id, None, {}, entry)
    return _article(number, doc_id, entry, warnings)


def _article(
    number: int, doc_id: str | None, entry: dict[str, Any], warnings: list[str]
) -> Line | None:
    text = entry.get("text")
    if text is not None and not isinstance(text, str):
        warnings.append(NOT_STRING.format(line=number, id=_id(doc_id), field="text"))
        return None
    if not text or not text.strip():
        warnings.append(NO_TEXT.format(line=number, id=_id(doc_id)))
        return None
    if doc_id is None:
        warnings.append(NO_ID.format(line=number))
        return None
    metadata: dict[str, str] = {}
    for field in METADATA_FIELDS:
        value = entry.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            warnings.append(NOT_STRING.format(line=number, id=_id(doc_id), field=field))
            return None
        metadata[field] = value
    return Line(number, doc_id, text, metadata, None)


# ------------------------------------------------------------------------- output


def _write(
    document: CorpusDocument, built: Corpus, output_format: OutputFormat, handle: IO[str] | None
) -> None:
    if output_format is OutputFormat.json:
        text = document.model_dump_json(indent=2) + "\n"
        if handle is not None:
            handle.write(text)
        else:
            typer.echo(text, nl=False)
        return
    console = Console(file=handle, highlight=False) if handle else Console(highlight=False)
    print_tables(built, console)


def print_tables(built: Corpus, console: Console) -> None:
    """The findings grouped by kind, each with its claims and chains; then the sources
    that appear in more than one article."""
    arrow = chain_arrow(console)
    shared = [s for s in built.sources if len(s.articles) > 1]
    console.print(
        f"{len(built.articles)} articles, {len(built.claims)} claims, {len(built.sources)} "
        f"sources ({len(shared)} in more than one article), {len(built.findings)} findings"
    )
    claims = {claim.id: claim for claim in built.claims}
    if not built.findings:
        console.print("No findings across articles.")
    kinds: dict[str, list[Any]] = {}
    for finding in built.findings:
        kinds.setdefault(finding.kind, []).append(finding)
    for kind, findings in kinds.items():
        table = _table(f"{kind} ({len(findings)})", "finding", "claims (chain, publisher first)")
        for finding in findings:
            cell = Text()
            for claim_id in finding.claims:
                claim = claims[claim_id]
                cell.append(claim_id, style="bold").append("  ")
                cell.append(arrow.join(built.chain_names(claim)), style="cyan").append("\n")
                cell.append("  " + _shorten(claim.text) + "\n")
            table.add_row(finding.message, cell.rstrip() or cell)
        console.print(table)
    if shared:
        table = _table("Sources in more than one article", "source (type)", "articles")
        for source in shared:
            name = Text(source.name, style="bold").append(f" ({source.type})")
            table.add_row(name, ", ".join(source.articles))
        console.print(table)
    else:
        console.print("No source appears in more than one article.")
    for merge in built.candidate_merges:
        console.print(f"kept apart: {', '.join(merge.sources)}: {merge.reason}", style="dim")


def _table(title: str, first: str, second: str) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=True, pad_edge=False)
    table.add_column(first, ratio=1, overflow="fold")
    table.add_column(second, ratio=2, overflow="fold")
    return table


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"
