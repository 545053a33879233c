"""The ``attribution`` command: one article to a table or JSON, or many in a batch.

Exit codes: 0 done (a batch counts as done even when some documents failed, since each
failure is recorded in its output line), 1 an unexpected internal error, 2 bad input, a
missing or unsuitable model, or an output that cannot be written (a full disk: a batch
then keeps every line it finished and can --resume), 130 interrupted (143 on SIGTERM).
Errors print as one ``error: ...`` line, never as a traceback; set ATTRIBUTION_DEBUG=1
to see the traceback of an internal error.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, NamedTuple

import click
import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..analyzer import Analyzer
from ..errors import AnalysisTimeout, AttributionError, InputError
from ..limits import MAX_INPUT_BYTES
from ..metadata import METADATA_FIELDS
from ..models import Analysis, Claim, Source
from .checks import checkworthy, findings_table
from .corpus import corpus as corpus_command
from .evaluate import evaluate
from .reading import (
    IS_DIRECTORY,
    STDIN_NAME,
    Decoded,
    check_readable_file,
    extract_html,
    looks_like_html,
    read_decoded,
    read_stdin,
)
from .rules import app as rules_app
from .terminal import chain_arrow, stdout_console

# -------------------------------------------------------------------- the messages

EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

DEBUG_ENV = "ATTRIBUTION_DEBUG"

ERROR = "error: {message}"
INTERNAL = "internal error ({detail}); set " + DEBUG_ENV + "=1 to see the traceback"
HTML_WARNING = (
    "warning: {name} looks like HTML, not article text; pass --html to extract the "
    "article from the page (needs: pip install 'news-attribution[html]'). "
    "Analysing it as plain text."
)
ENCODING_NOTE = "note: {name} is not UTF-8; decoded it as {encoding}"
OUT_EXISTS = "{out}: already exists; pass --resume to continue it or --force to overwrite it"
OUT_IS_IN = "the output file must not be the input file"
RESUME_NEEDS_FILE = "--resume reads what an earlier run wrote: it needs -o FILE, not -o -"
CANNOT_WRITE = "{out}: cannot write ({reason})"
STDOUT = "standard output"
STDOUT_CLOSED = "standard output is closed; redirect it to a file"
NOT_UTF8_OPTION = "{option} holds a byte that is not UTF-8 (0x{byte:02x}); give it as UTF-8 text"
TRUNCATED_NOTE = "note: dropped an unfinished last line from {out}"
STOPPED = "stopped: {summary}; run again with --resume to continue"
SUMMARY = "{analysed} analysed, {failed} failed"
SKIPPED = ", {skipped} skipped (already in {out})"
INTERRUPTED = "interrupted: {summary}; run again with --resume to continue"

# Per-line batch errors, written into the output line's "error" field.
NOT_JSON = "not valid JSON: {reason}"
NOT_OBJECT = "not a JSON object"
NO_FIELD = 'no "{field}" field'
BAD_ID = '"id" must be a string or an integer'
SURROGATE = '"{field}" holds a lone surrogate ({code}), which is not Unicode text'
TOO_LONG = "the line is longer than {limit} bytes"
NOT_STRING = '"{field}" must be a string'
DUPLICATE_ID = 'duplicate id "{id}" (first on line {first})'
ANALYSIS_FAILED = "analysis failed: {detail}"

#: Longest claim text shown in the table; the JSON always has all of it.
MAX_CLAIM_CHARS = 200
#: Marks a claim whose chain has an inferred link (a pronoun resolved, a quote adjoined).
INFERRED_MARK = "*"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"
    prov_json = "prov-json"
    provn = "provn"
    prov_xml = "prov-xml"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"


class ScopeChoice(StrEnum):
    speech = "speech"
    all = "all"


#: The errors of a write that cannot happen: a full disk, a closed descriptor.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF})


class _GuardedApp(typer.Typer):
    """The app with a last guard: output that cannot be written under any command (say
    `attribution rules show > /dev/full`) is one line, never a traceback. Commands read
    their files through InputError, so such an error escaping one is from writing."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except OSError as exc:
            if os.environ.get(DEBUG_ENV) or exc.errno not in _WRITE_ERRNOS:
                raise
            _silence_stdout()
            message = CANNOT_WRITE.format(out="the output", reason=exc.strerror or exc)
            with contextlib.suppress(OSError, ValueError):
                typer.echo(ERROR.format(message=message), err=True)
            sys.exit(EXIT_INPUT)


app = _GuardedApp(
    name="attribution",
    help="Claims, sources and attribution chains from news articles: who said what, through whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


# ----------------------------------------------------------------- shared options

ModelOption = Annotated[
    str | None,
    typer.Option("--model", "-m", help="spaCy pipeline package to load (default: en_core_web_sm)."),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0.001,
        metavar="SECONDS",
        help="Time budget per article; an article that overruns it fails alone.",
    ),
]
ScopeOption = Annotated[
    ScopeChoice,
    typer.Option(
        "--scope",
        help="speech: what was said, reported or written; all: also beliefs and perceptions.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"attribution {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Claims, sources and attribution chains from news articles."""
    _tolerant_streams()


def _tolerant_streams() -> None:
    """A terminal that cannot show a character gets a stand-in for it, not a crash:
    tables and messages print everywhere, and JSON is written as UTF-8 bytes anyway."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and encoding not in ("utf8", "utf8sig"):
            with contextlib.suppress(ValueError, OSError, TypeError):
                reconfigure(errors="replace")


@functools.lru_cache(maxsize=4)
def load_analyzer(model: str | None, scope: str) -> Analyzer:
    """One Analyzer per (model, scope) per process: loading a pipeline takes seconds."""
    return Analyzer(model=model, scope=scope)  # type: ignore[arg-type]


def _fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    typer.echo(ERROR.format(message=message), err=True)
    return typer.Exit(code)


def _one_line(exc: BaseException) -> str:
    """An exception as one line, naming its type unless it is one of ours."""
    text = " ".join(str(exc).split())
    if isinstance(exc, AttributionError):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


#: Exceptions that already are the command line's own way out (typer's are not click's).
_CLI_EXITS = (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException, click.Abort)


@contextmanager
def _clean_errors(*passed: type[Exception]) -> Iterator[None]:
    """Turn the errors a user can cause into ``error: ...`` and an exit code; the
    ``passed`` exceptions go through, for the caller to report."""
    try:
        yield
    except (*_CLI_EXITS, *passed):
        raise
    except AttributionError as exc:  # InputError, ModelNotFoundError, RuleFileError
        raise _fail(str(exc)) from None
    except BrokenPipeError:  # e.g. `attribution analyze x | head`: the reader had enough
        _silence_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        raise _fail(INTERNAL.format(detail=_one_line(exc)), EXIT_INTERNAL) from None


def _silence_stdout() -> None:
    """After a closed pipe, send the interpreter's final flush to /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor, as under a test runner
        pass


# ----------------------------------------------------------------------- analyze


@app.command()
def analyze(
    file: Annotated[
        str, typer.Argument(metavar="FILE|-", help="Article text file, or - for stdin.")
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for reading, json for the contract, html for a report; "
            "prov-json, provn, prov-xml, jsonld, graphml, gexf for other tools.",
        ),
    ] = OutputFormat.table,
    model: ModelOption = None,
    scope: ScopeOption = ScopeChoice.speech,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher, when the text has no dateline.")
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="Headline, when the text does not start with one.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where the article was published.")] = None,
    published: Annotated[str | None, typer.Option(help="When it was published (ISO date).")] = None,
    doc_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Id for the analysis (default: the file name without its suffix)."
        ),
    ] = None,
    html: Annotated[
        bool,
        typer.Option("--html", help="Extract the article from an HTML page first (html extra)."),
    ] = False,
    timeout: TimeoutOption = None,
) -> None:
    """Analyse one article: its claims, their sources and attribution chains.

    With --html, offsets in the JSON refer to the extracted article text.
    """
    with _clean_errors():
        options = {"--title": title, "--publisher": publisher, "--url": url}
        _check_options({**options, "--published": published, "--id": doc_id})
        if sys.stdout is None:
            raise InputError(STDOUT_CLOSED)
        name = STDIN_NAME if file == "-" else file
        text, metadata = _article_input(file, name, html)
        metadata.update(_given(title=title, publisher=publisher, url=url, published=published))
        metadata["id"] = doc_id if doc_id is not None else _default_id(file)
        analysis = load_analyzer(model, scope.value).analyze(text, timeout=timeout, **metadata)
        with _stdout_errors():
            if output_format is OutputFormat.json:
                _write_json(analysis)
            elif output_format is not OutputFormat.table:
                _write_text(analysis.export(output_format.value, text=text))
            else:
                _print_tables(analysis, stdout_console(highlight=False))
            sys.stdout.flush()


def _check_options(options: dict[str, str | None]) -> None:
    """Text options must be text: a non-UTF-8 byte arrives as a lone surrogate, which no
    JSON can hold, so it is refused here, where the option can be named."""
    for option, value in options.items():
        found = _SURROGATE_RE.search(value) if value else None
        if found:
            byte = ord(found.group()) - 0xDC00 if found.group() >= "\udc80" else 0
            raise InputError(NOT_UTF8_OPTION.format(option=option, byte=byte))


@contextmanager
def _stdout_errors() -> Iterator[None]:
    """A full or closed standard output is a one-line error, and the interpreter's own
    last flush is sent to /dev/null so that it does not fail again."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise InputError(CANNOT_WRITE.format(out=STDOUT, reason=exc.strerror or exc)) from None


def _article_input(file: str, name: str, html: bool) -> tuple[str, dict[str, Any]]:
    """The text to analyse and any metadata found in the file itself."""
    decoded = read_stdin() if file == "-" else read_decoded(file)
    _note_encoding(decoded, name)
    if html:
        page = extract_html(decoded.text, name)
        found = _given(title=page.title, url=page.url, published=page.published)
        return page.text, found
    if looks_like_html(decoded.text):
        typer.echo(HTML_WARNING.format(name=name), err=True)
    return decoded.text, {}


def _note_encoding(decoded: Decoded, name: str) -> None:
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        typer.echo(ENCODING_NOTE.format(name=name, encoding=decoded.encoding), err=True)


def _given(**values: str | None) -> dict[str, str]:
    """Only the metadata that was actually given, so the text's own can show through."""
    return {key: value for key, value in values.items() if value is not None}


def _default_id(file: str) -> str | None:
    """The file's name without its suffix; a byte of the name that is not UTF-8 becomes
    U+FFFD, since an id must be text."""
    if file == "-":
        return None
    stem = Path(file).stem
    return os.fsencode(stem).decode("utf-8", "replace") if _SURROGATE_RE.search(stem) else stem


def _write_json(analysis: Analysis) -> None:
    """The JSON contract, as UTF-8 whatever the terminal's encoding."""
    _write_text(analysis.model_dump_json(indent=2))


def _write_text(document: str) -> None:
    """A document on stdout, as UTF-8 bytes whatever the terminal's encoding."""
    sys.stdout.flush()  # anything printed before goes first
    out = sys.stdout.buffer
    out.write(document.encode("utf-8") + (b"" if document.endswith("\n") else b"\n"))
    out.flush()


# ------------------------------------------------------------------------- tables


def _print_tables(analysis: Analysis, console: Console) -> None:
    """Two tables, each row a short header line over the long text, to suit 80 columns."""
    arrow = chain_arrow(console)
    console.print(_summary(analysis))
    console.print(_claims_table(analysis, arrow))
    if (findings := findings_table(analysis)) is not None:
        console.print(findings)
    console.print(_sources_table(analysis))
    for warning in analysis.warnings:
        typer.echo(f"warning: {warning}", err=True)


def _summary(analysis: Analysis) -> Text:
    publisher = analysis.source(analysis.publisher).name if analysis.publisher else "unknown"
    line = Text()
    if analysis.id:
        line.append(analysis.id, style="bold").append(": ")
    line.append(
        f"publisher {publisher}, {_plural(len(analysis.claims), 'claim')}, "
        f"{_plural(len(analysis.sources), 'source')}"
    )
    return line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=True, pad_edge=False)
    table.add_column(columns[0], max_width=24, overflow="fold")  # ids: long slugs fold
    for name in columns[1:-1]:
        table.add_column(name, no_wrap=True)
    table.add_column(columns[-1], ratio=1, overflow="fold")
    return table


def _claims_table(analysis: Analysis, arrow: str) -> Table:
    table = _table("Claims", "id", "kind", f"chain (publisher first){arrow}originator / claim")
    if any(claim.inferred for claim in analysis.claims):
        table.caption = f"{INFERRED_MARK} a link of the chain was inferred, not read in the text"
    for claim in analysis.claims:
        table.add_row(claim.id, claim.kind, _claim_cell(analysis, claim, arrow))
    return table


def _claim_cell(analysis: Analysis, claim: Claim, arrow: str) -> Text:
    cell = Text(arrow.join(analysis.chain_names(claim)), style="bold")
    if claim.channel:
        cell.append(f"  on {claim.channel}", style="cyan")
    if claim.inferred:
        cell.append(f"  {INFERRED_MARK}", style="yellow")
    return cell.append("\n").append(_shorten(claim.text, MAX_CLAIM_CHARS))


def _sources_table(analysis: Analysis) -> Table:
    table = _table("Sources", "id", "mentions", "name (type), role / aliases")
    for source in analysis.sources:
        table.add_row(source.id, str(len(source.mentions)), _source_cell(source))
    return table


def _source_cell(source: Source) -> Text:
    cell = Text(source.name, style="bold").append(f" ({source.type})")
    if source.role:
        cell.append(f", {source.role}")
    if source.aliases:
        cell.append("\naliases: " + "; ".join(source.aliases), style="dim")
    return cell


def _shorten(text: str, limit: int) -> str:
    """One line of at most limit characters; the JSON always has the whole text."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -------------------------------------------------------------------------- batch


class Record(NamedTuple):
    """One input line: either something to analyse or the reason it cannot be."""

    line: int
    id: str | None
    text: str
    metadata: dict[str, str]
    error: str | None = None


class Done(NamedTuple):
    """What an earlier run already wrote: ids of analyses, and input line numbers of
    error lines (every error line carries its line, so a duplicate's is found too)."""

    ids: set[str]
    lines: set[int]


class WriteFailed(Exception):
    """OUT could not take a line (a full disk); every whole line before it is kept."""

    def __init__(self, out: str, exc: OSError) -> None:
        super().__init__(CANNOT_WRITE.format(out=out, reason=exc.strerror or exc))


@dataclass
class Tally:
    """Counts for the closing summary line."""

    out: str
    analysed: int = 0
    failed: int = 0
    skipped: int = 0

    def summary(self) -> str:
        text = SUMMARY.format(analysed=self.analysed, failed=self.failed)
        return text + (SKIPPED.format(skipped=self.skipped, out=self.out) if self.skipped else "")


class Writer:
    """Writes each outcome to OUT the moment it is known, counts it, moves the bar."""

    def __init__(self, sink: IO[bytes], tally: Tally, progress: Progress, total: int) -> None:
        self.sink = sink
        self.tally = tally
        self.progress = progress
        self.task = progress.add_task("analysing", total=total)
        #: Where the last whole line ends: a failed write is cut back to it.
        self.good = sink.seek(0, os.SEEK_END) if sink.seekable() else 0

    def skip(self) -> None:
        self.tally.skipped += 1
        self.progress.advance(self.task)

    def outcome(self, record: Record, outcome: Analysis | str) -> None:
        if isinstance(outcome, str):
            self.error(record, outcome)
            return
        try:
            line = outcome.model_dump_json()
        except Exception as exc:  # e.g. a value pydantic cannot write as JSON
            self.error(record, ANALYSIS_FAILED.format(detail=_one_line(exc)))
            return
        self._line(line)
        self.tally.analysed += 1

    def error(self, record: Record, error: str) -> None:
        entry = {"id": record.id, "line": record.line, "error": error}
        try:
            line = json.dumps(entry, ensure_ascii=False)
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: escaped, it is still valid JSON
            line = json.dumps(entry)
        self._line(line)
        self.tally.failed += 1

    def _line(self, line: str) -> None:
        """One whole line, written at once: a killed run loses at most what is in flight,
        and a failed write (a full disk) is cut back so that no torn line is left."""
        data = memoryview((line + "\n").encode("utf-8"))
        try:
            while data:
                data = data[self.sink.write(data) or 0 :]
        except OSError as exc:
            self._cut_back()
            raise WriteFailed(self.tally.out, exc) from None
        self.good += len(line.encode("utf-8")) + 1
        self.progress.advance(self.task)

    def _cut_back(self) -> None:
        if self.sink.seekable():
            with contextlib.suppress(OSError):
                self.sink.truncate(self.good)


class _Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that the output file closes cleanly."""


@app.command()
def batch(
    input_path: Annotated[Path, typer.Argument(metavar="IN.jsonl", help="One JSON object a line.")],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="OUT.jsonl|-", help="Where to write; - for stdout."),
    ],
    model: ModelOption = None,
    scope: ScopeOption = ScopeChoice.speech,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size", min=1, help="Documents per spaCy batch; a kill loses at most one batch."
        ),
    ] = 16,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip ids already in OUT and append the rest.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
    timeout: TimeoutOption = None,
) -> None:
    """Analyse many articles: IN has lines {"id", "text", optional title, publisher,
    url, published}; OUT gets one analysis (or {"id", "line", "error"}) a line.

    Each line is written as soon as it is done, so an interrupted run can --resume.
    """
    tally = Tally(out=str(out))
    try:
        with _clean_errors(WriteFailed), _stop_on_sigterm():
            _check_paths(input_path, out, resume=resume, force=force)
            done = _read_done(out) if resume else Done(set(), set())
            analyzer = load_analyzer(model, scope.value)
            total = _count_lines(input_path)
            with _open_out(out, append=resume) as sink, _progress() as progress:
                writer = Writer(sink, tally, progress, total)
                _run(_records(input_path, done), analyzer, writer, batch_size, timeout)
    except KeyboardInterrupt:
        raise _interrupted(tally, EXIT_INTERRUPTED) from None
    except _Terminated:
        raise _interrupted(tally, EXIT_TERMINATED) from None
    except WriteFailed as exc:
        typer.echo(ERROR.format(message=exc), err=True)
        typer.echo(STOPPED.format(summary=tally.summary()), err=True)
        raise typer.Exit(EXIT_INPUT) from None
    typer.echo(tally.summary(), err=True)


def _interrupted(tally: Tally, code: int) -> typer.Exit:
    typer.echo(INTERRUPTED.format(summary=tally.summary()), err=True)
    return typer.Exit(code)


def _check_paths(input_path: Path, out: Path, *, resume: bool, force: bool) -> None:
    check_readable_file(input_path)
    if _is_stdout(out):
        if resume:
            raise InputError(RESUME_NEEDS_FILE)
        return
    if out.exists() and out.resolve() == input_path.resolve():
        raise InputError(OUT_IS_IN)
    if out.is_dir():
        raise InputError(IS_DIRECTORY.format(name=out))
    if out.exists() and out.stat().st_size and not (resume or force):
        raise InputError(OUT_EXISTS.format(out=out))


@contextmanager
def _open_out(out: Path, *, append: bool) -> Iterator[IO[bytes]]:
    """OUT unbuffered, so that each line reaches the file (or fails) when written; ``-``
    is standard output, left open for the interpreter."""
    if _is_stdout(out):
        yield sys.stdout.buffer
        return
    try:
        handle = out.open("ab" if append else "wb", buffering=0)
    except OSError as exc:
        raise InputError(CANNOT_WRITE.format(out=out, reason=exc.strerror or exc)) from None
    with handle:
        yield handle


def _is_stdout(out: Path) -> bool:
    """``-o -``: write the analyses to standard output, as ``analyze -`` reads stdin."""
    return str(out) == "-"


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Let SIGTERM unwind like Ctrl-C, so that the last line written stays whole."""

    def handler(signum: int, frame: Any) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _progress() -> AbstractContextManager[Progress]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )
    return progress if console.is_terminal else nullcontext(progress)


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _, raw in _lines(handle) if raw is None or raw.strip())


# Our own output lines start with the id, so resuming need not parse whole analyses.
_ID_PREFIX_RE = re.compile(rb'^\{"id":\s*("(?:[^"\\]|\\.)*"|null)')


def _read_done(out: Path) -> Done:
    """Ids already in OUT; an unfinished last line (from a kill) is cut off first."""
    done = Done(set(), set())
    if not out.exists():
        return done
    keep = 0
    with out.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            keep += len(raw)
            _note_done(raw, done)
    if keep < out.stat().st_size:
        try:
            with out.open("r+b") as handle:
                handle.truncate(keep)
        except OSError as exc:
            raise InputError(CANNOT_WRITE.format(out=out, reason=exc.strerror or exc)) from None
        typer.echo(TRUNCATED_NOTE.format(out=out), err=True)
    return done


# Error lines are short and ours alone: {"id": ..., "line": N, "error": ...}.
_ERROR_LINE_RE = re.compile(
    rb'^\{"id":\s*(?:"(?:[^"\\]|\\.)*"|null),\s*"line":\s*(\d+),\s*"error":'
)


def _note_done(raw: bytes, done: Done) -> None:
    error = _ERROR_LINE_RE.match(raw)
    if error:
        done.lines.add(int(error.group(1)))
        return
    match = _ID_PREFIX_RE.match(raw)
    try:
        if match and match.group(1) != b"null":
            done.ids.add(str(json.loads(match.group(1))))
            return
        entry = json.loads(raw)
    except ValueError:  # a line some other program wrote: not ours to judge
        return
    if not isinstance(entry, dict):
        return
    if isinstance(entry.get("line"), int) and "error" in entry:
        done.lines.add(entry["line"])
    elif entry.get("id") is not None:
        done.ids.add(str(entry["id"]))


def _records(path: Path, done: Done) -> Iterator[Record | None]:
    """Input lines as Records, in order; None for a line an earlier run already did.

    Every line goes through the duplicate check, skipped or not, so that a resumed run
    fails the same lines as an uninterrupted one would.
    """
    seen: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, raw in _lines(handle):
            if raw is not None and not raw.strip():
                continue
            record = _check_duplicate(_parse_line(number, raw), seen)
            if number in done.lines or (record.error is None and record.id in done.ids):
                yield None
                continue
            yield record


def _lines(handle: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line longer than MAX_INPUT_BYTES, which is skipped
    in pieces rather than read whole into memory."""
    number = 0
    while raw := handle.readline(MAX_INPUT_BYTES + 1):
        number += 1
        if len(raw) <= MAX_INPUT_BYTES or raw.endswith(b"\n"):
            yield number, raw
            continue
        while (rest := handle.readline(MAX_INPUT_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield number, None


def _parse_line(number: int, raw: bytes | None) -> Record:
    """One input line, or the one-line reason it cannot be analysed."""
    if raw is None:
        return _bad(number, None, TOO_LONG.format(limit=MAX_INPUT_BYTES))
    try:
        entry = json.loads(raw)
    except ValueError as exc:
        reason = (
            f"{exc.msg} (column {exc.colno})"
            if isinstance(exc, json.JSONDecodeError)
            else _one_line(exc)
        )
        return _bad(number, None, NOT_JSON.format(reason=reason))
    if not isinstance(entry, dict):
        return _bad(number, None, NOT_OBJECT)
    doc_id = entry.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str):
        return _bad(number, None, NO_FIELD.format(field="id") if doc_id is None else BAD_ID)
    problem = _field_problem(entry) or _surrogate_problem(entry, doc_id)
    if problem:
        return _bad(number, doc_id, problem)
    metadata = {key: entry[key] for key in METADATA_FIELDS if entry.get(key) is not None}
    return Record(number, doc_id, entry["text"], {"id": doc_id, **metadata})


def _field_problem(entry: dict[str, Any]) -> str | None:
    if "text" not in entry:
        return NO_FIELD.format(field="text")
    for key in ("text", *METADATA_FIELDS):
        value = entry.get(key)
        if (value is not None or key == "text") and not isinstance(value, str):
            return NOT_STRING.format(field=key)
    return None


def _surrogate_problem(entry: dict[str, Any], doc_id: str) -> str | None:
    """Ids and metadata go into the output as they are, so they must be Unicode text;
    the text may hold lone surrogates (the analysis reads them as U+FFFD)."""
    for key, value in (("id", doc_id), *((key, entry.get(key)) for key in METADATA_FIELDS)):
        found = _SURROGATE_RE.search(value) if isinstance(value, str) else None
        if found:
            return SURROGATE.format(field=key, code=f"U+{ord(found.group()):04X}")
    return None


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _bad(number: int, doc_id: str | None, error: str) -> Record:
    return Record(number, doc_id, "", {}, error)


def _check_duplicate(record: Record, seen: dict[str, int]) -> Record:
    """A second line with an id already used fails, so each id has one output line."""
    if record.id is None:
        return record
    first = seen.setdefault(record.id, record.line)
    if first == record.line:
        return record
    return record._replace(error=DUPLICATE_ID.format(id=record.id, first=first))


def _run(
    records: Iterable[Record | None],
    analyzer: Analyzer,
    writer: Writer,
    batch_size: int,
    timeout: float | None = None,
) -> None:
    """Analyse in chunks of batch_size, in input order, writing each line when ready."""
    for chunk in _chunks(records, batch_size):
        todo = [record for record in chunk if record is not None and record.error is None]
        results = _analyse_isolated(analyzer, todo, batch_size, timeout)
        for record in chunk:
            if record is None:
                writer.skip()
            elif record.error is not None:
                writer.error(record, record.error)
            else:
                writer.outcome(*next(results))


def _chunks(items: Iterable[Record | None], size: int) -> Iterator[list[Record | None]]:
    chunk: list[Record | None] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analyse_isolated(
    analyzer: Analyzer, records: list[Record], batch_size: int, timeout: float | None = None
) -> Iterator[tuple[Record, Analysis | str]]:
    """Analyses in order, through Analyzer.pipe for speed; when the pipe raises, the
    rest of the chunk goes one by one, so that one bad document fails alone.

    With a timeout the pipe takes one document at a time, so the one that overran is
    known: it fails alone, at once, and the pipe goes on with the next.
    """
    done = 0
    try:
        items = ((record.text, record.metadata) for record in records)
        for analysis in analyzer.pipe(items, batch_size=batch_size, timeout=timeout):
            yield records[done], analysis
            done += 1
    except AnalysisTimeout as exc:
        yield records[done], ANALYSIS_FAILED.format(detail=_one_line(exc))
        yield from _analyse_isolated(analyzer, records[done + 1 :], batch_size, timeout)
    except Exception:
        for record in records[done:]:
            yield record, _analyse_one(analyzer, record, timeout)


def _analyse_one(
    analyzer: Analyzer, record: Record, timeout: float | None = None
) -> Analysis | str:
    try:
        return analyzer.analyze(record.text, timeout=timeout, **record.metadata)
    except Exception as exc:
        return ANALYSIS_FAILED.format(detail=_one_line(exc))


# ------------------------------------------------------------ other sub-commands
# `attribution rules ...` and `attribution evaluate ...` live in their own modules.
app.add_typer(rules_app, name="rules")
app.command("evaluate")(evaluate)
app.command("checkworthy")(checkworthy)
app.command("corpus")(corpus_command)
