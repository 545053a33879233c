"""The command line: analyze (table, JSON, stdin, errors, HTML) and batch (failure
isolation, resume, and surviving a kill)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from attribution.analyzer import Analyzer
from attribution.cli import main as cli
from attribution.models import Analysis

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "kramatorsk.txt"
CONTRACT_KEYS = {"id", "publisher", "sources", "attributions", "claims", "graph"}

runner = CliRunner(env={"COLUMNS": "100"})


@pytest.fixture(scope="module", autouse=True)
def analyzer() -> Analyzer:
    """Loaded once: the command line reuses it through load_analyzer's cache."""
    return cli.load_analyzer(None, "speech")


def run(*args: str | Path, input: str | bytes | None = None) -> Any:
    return runner.invoke(cli.app, [str(arg) for arg in args], input=input)


def spans_of(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span in an analysis document, wherever it sits."""
    for source in document["sources"]:
        yield from source["mentions"]
    for link in document["attributions"]:
        for key in ("source", "cue", "content", "channel"):
            if link.get(key):
                yield link[key]
    for claim in document["claims"]:
        yield {"start": claim["start"], "end": claim["end"], "text": claim["text"]}
    for key in ("headline", "dateline"):
        if document["article"].get(key):
            yield document["article"][key]


def assert_offsets(text: str, document: dict[str, Any]) -> None:
    spans = list(spans_of(document))
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


# ------------------------------------------------------------------------ analyze


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "Usage" in result.output
    assert "analyze" in result.output and "batch" in result.output


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("attribution ")


def test_analyze_table() -> None:
    result = run("analyze", ARTICLE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Claims" in out and "Sources" in out
    assert "ANI ← CNN ← Police officials" in out
    assert "ANI ← Volodymyr Zelensky  on Telegram" in out
    assert "state-emergency-service-" in out  # a source id, folded in its column
    assert "kramatorsk: publisher ANI" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_analyze_json_is_the_contract(analyzer: Analyzer) -> None:
    result = run("analyze", ARTICLE, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document.keys() >= CONTRACT_KEYS
    assert document["id"] == "kramatorsk"
    text = ARTICLE.read_text(encoding="utf-8")
    assert_offsets(text, document)
    expected = analyzer.analyze(text, id="kramatorsk").model_dump(mode="json")
    assert document == expected
    assert result.stdout == Analysis.model_validate(expected).model_dump_json(indent=2) + "\n"


def test_analyze_stdin_with_metadata() -> None:
    text = 'The mayor said "the road is closed".'
    result = run("analyze", "-", "-f", "json", "--publisher", "Reuters", "--id", "x1", input=text)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["id"], document["publisher"]) == ("x1", "reuters")
    assert document["article"]["publisher"] == "Reuters"
    assert_offsets(text, document)


def test_analyze_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_bytes(b"The caf\xe9 owner said \x93we are open again\x94 on Monday.")
    result = run("analyze", path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"note: {path} is not UTF-8; decoded it as cp1252\n"
    text = "The café owner said “we are open again” on Monday."
    document = json.loads(result.stdout)
    assert_offsets(text, document)
    assert any("we are open again" in claim["text"] for claim in document["claims"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "error: {path}: no such file\n"),
        ("folder", "dir", "error: {path}: is a directory, not a file\n"),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "error: {path}: looks like a binary file, not text\n",
        ),
        (
            "junk.txt",
            bytes(range(0x80, 0x100)),
            "error: {path}: is not UTF-8 and its encoding could not be detected; "
            "convert it to UTF-8\n",
        ),
    ],
)
def test_analyze_input_errors(
    tmp_path: Path, name: str, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = run("analyze", path)
    assert result.exit_code == 2
    assert result.stderr == message.format(path=path)
    assert result.stdout == ""


def test_analyze_binary_stdin() -> None:
    result = run("analyze", "-", input=b"\x00\x01\x02binary")
    assert result.exit_code == 2
    assert result.stderr == "error: <stdin>: looks like a binary file, not text\n"


def test_analyze_missing_model() -> None:
    result = run("analyze", ARTICLE, "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: spaCy pipeline 'no_such_pipeline_xyz' is not installed. Install it as a "
        "Python package, or choose an installed one with --model / Analyzer(model=...).\n"
    )


def test_analyze_internal_error_has_no_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(model: str | None, scope: str) -> Analyzer:
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(cli, "load_analyzer", broken)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    result = run("analyze", "-", input="Bob said hi.")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: internal error (RuntimeError: something broke); "
        "set ATTRIBUTION_DEBUG=1 to see the traceback\n"
    )


HTML_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Strike</title></head><body>"
    "<p>A missile strike killed 3 people, CNN reported citing police.</p></body></html>"
)


def test_html_without_flag_warns_and_analyses() -> None:
    result = run("analyze", "-", "--format", "json", input=HTML_PAGE)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "warning: <stdin> looks like HTML, not article text; pass --html"
    )
    assert "pip install 'news-attribution[html]'" in result.stderr
    assert_offsets(HTML_PAGE, json.loads(result.stdout))


def test_html_flag_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    result = run("analyze", "-", "--html", input=HTML_PAGE)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --html needs trafilatura, which is not installed: "
        "pip install 'news-attribution[html]'\n"
    )


def test_html_flag_extracts(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    fake = types.ModuleType("trafilatura")
    fake.extract = lambda html, **options: "A missile strike killed 3, CNN reported."  # type: ignore[attr-defined]
    fake.extract_metadata = lambda html: {"title": "Strike", "date": "2023-02-02"}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    result = run("analyze", "-", "--html", "--format", "json", input=HTML_PAGE)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["article"]["title"] == "Strike"
    assert document["article"]["published"] == "2023-02-02"
    assert_offsets("A missile strike killed 3, CNN reported.", document)


# -------------------------------------------------------------------------- batch


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def short_docs(count: int) -> list[dict[str, str]]:
    return [
        {"id": f"d{i:02d}", "text": f'Officer {i} told CNN that "{i} cars were stolen".'}
        for i in range(count)
    ]


def test_batch_isolates_bad_lines(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": 'Bob said "hi".', "publisher": "Reuters"},
            "{not json",
            {"id": "b"},
            "",
            {"id": 7, "text": "The mayor told CNN the road was closed."},
            {"id": "a", "text": "again"},
            {"text": "no id"},
            {"id": "c", "text": 5},
            {"id": "d", "text": "ok", "title": ["not", "a", "string"]},
        ],
    )
    out = tmp_path / "out.jsonl"
    result = run("batch", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == "2 analysed, 6 failed\n"
    lines = read_jsonl(out)
    errors = [(line["id"], line.get("line"), line.get("error")) for line in lines]
    assert errors == [
        ("a", None, None),
        (None, 2, "not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ("b", 3, 'no "text" field'),
        ("7", None, None),
        ("a", 6, 'duplicate id "a" (first on line 1)'),
        (None, 7, 'no "id" field'),
        ("c", 8, '"text" must be a string'),
        ("d", 9, '"title" must be a string'),
    ]
    assert lines[0].keys() >= CONTRACT_KEYS
    assert lines[0]["publisher"] == "reuters"


class FlakyAnalyzer:
    """Fails on any text with BOOM in it, in pipe and in analyze alike."""

    def __init__(self, real: Analyzer, interrupt_on: str | None = None) -> None:
        self.real = real
        self.interrupt_on = interrupt_on

    def _check(self, text: str) -> None:
        if self.interrupt_on and self.interrupt_on in text:
            raise KeyboardInterrupt
        if "BOOM" in text:
            raise ValueError("cannot\nanalyse this")

    def pipe(self, items: Any, batch_size: int = 16) -> Iterator[Analysis]:
        items = list(items)
        for text, _ in items:
            self._check(text)
        yield from self.real.pipe(items, batch_size=batch_size)

    def analyze(self, text: str, **metadata: Any) -> Analysis:
        self._check(text)
        return self.real.analyze(text, **metadata)


def test_batch_falls_back_one_by_one(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = short_docs(7)
    docs[3]["text"] = "BOOM " + docs[3]["text"]
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(cli, "load_analyzer", lambda model, scope: FlakyAnalyzer(analyzer))
    result = run("batch", source, "-o", out, "--batch-size", "3")
    assert result.exit_code == 0, result.output
    assert result.stderr == "6 analysed, 1 failed\n"
    lines = read_jsonl(out)
    assert [line["id"] for line in lines] == [doc["id"] for doc in docs]
    assert lines[3] == {
        "id": "d03",
        "line": 4,
        "error": "analysis failed: ValueError: cannot analyse this",
    }
    expected = analyzer.analyze(docs[4]["text"], id="d04").model_dump(mode="json")
    assert lines[4] == expected


def test_batch_keyboard_interrupt(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = short_docs(5)
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    flaky = FlakyAnalyzer(analyzer, interrupt_on="Officer 2 ")
    monkeypatch.setattr(cli, "load_analyzer", lambda model, scope: flaky)
    result = run("batch", source, "-o", out, "--batch-size", "1")
    assert result.exit_code == 130
    assert result.stderr == (
        "interrupted: 2 analysed, 0 failed; run again with --resume to continue\n"
    )
    assert [line["id"] for line in read_jsonl(out)] == ["d00", "d01"]


def test_batch_refuses_to_overwrite(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", short_docs(2))
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n')
    result = run("batch", source, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {out}: already exists; pass --resume to continue it or --force to overwrite it\n"
    )
    assert run("batch", source, "-o", out, "--force").exit_code == 0
    assert [line["id"] for line in read_jsonl(out)] == ["d00", "d01"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: (d / "nope.jsonl", d / "out.jsonl"), "error: {input}: no such file\n"),
        (lambda d: (d, d / "out.jsonl"), "error: {input}: is a directory, not a file\n"),
        (
            lambda d: (write_jsonl(d / "in.jsonl", []), d / "in.jsonl"),
            "error: the output file must not be the input file\n",
        ),
        (
            lambda d: (write_jsonl(d / "in.jsonl", []), d / "no" / "out.jsonl"),
            "error: {out}: cannot write (No such file or directory)\n",
        ),
    ],
)
def test_batch_path_errors(tmp_path: Path, setup: Any, message: str) -> None:
    source, out = setup(tmp_path)
    result = run("batch", source, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == message.format(input=source, out=out)


def test_batch_resume_after_partial_output(tmp_path: Path) -> None:
    docs = short_docs(6)
    source = write_jsonl(tmp_path / "in.jsonl", [*docs[:2], "{broken", *docs[2:]])
    full = tmp_path / "full.jsonl"
    assert run("batch", source, "-o", full).exit_code == 0
    complete = full.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(complete) == 7

    out = tmp_path / "out.jsonl"  # three whole lines, then half of the fourth
    out.write_text("".join(complete[:3]) + complete[3][: len(complete[3]) // 2])
    result = run("batch", source, "-o", out, "--resume")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"note: dropped an unfinished last line from {out}\n"
        f"4 analysed, 0 failed, 3 skipped (already in {out})\n"
    )
    assert out.read_text(encoding="utf-8") == "".join(complete)

    again = run("batch", source, "-o", out, "--resume")  # nothing left to do
    assert again.stderr == f"0 analysed, 0 failed, 7 skipped (already in {out})\n"
    assert out.read_text(encoding="utf-8") == "".join(complete)


def _wait_for_first_line(path: Path, process: subprocess.Popen[bytes]) -> None:
    """Until OUT has a whole line or the process ended (bounded, so a hang fails)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and b"\n" in path.read_bytes():
            return
        time.sleep(0.005)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_batch_survives_a_kill(tmp_path: Path, signum: signal.Signals) -> None:
    text = ARTICLE.read_text(encoding="utf-8")[:900]
    docs = [{"id": f"k{i:02d}", "text": f"{text} Item {i}."} for i in range(30)]
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "attribution.cli", "batch", str(source), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "--batch-size", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _wait_for_first_line(out, process)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=300)
    if process.returncode == 143:  # SIGTERM caught: a clean stop that says how to go on
        assert b"run again with --resume to continue" in stderr
    else:  # killed outright, or done before the signal came
        assert process.returncode in (0, -signal.SIGKILL), stderr

    result = run("batch", source, "-o", out, "--resume")
    assert result.exit_code == 0, result.output
    lines = read_jsonl(out)
    assert sorted(line["id"] for line in lines) == [doc["id"] for doc in docs]
    for line in lines:
        assert line.keys() >= CONTRACT_KEYS, line
        assert_offsets(docs[int(line["id"][1:])]["text"], line)


def test_the_command_line_imports_without_the_test_tools() -> None:
    """The README's first command installs no test extra: nothing it runs may need pytest."""
    code = (
        "import sys; sys.modules['pytest'] = None; sys.modules['hypothesis'] = None; "
        "import attribution, attribution.cli, attribution.testing, attribution.cli.rules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_output_piped_into_head_exits_zero(fmt: str) -> None:
    """The reader closing the pipe early is no error: no traceback, status 0."""
    root = Path(__file__).resolve().parent.parent
    command = (
        f"{sys.executable} -m attribution.cli analyze examples/kramatorsk.txt --format {fmt}"
        " | head -n 1 >/dev/null; echo ${PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", command], cwd=root, capture_output=True, text=True)
    assert done.stdout.strip() == "0", done.stderr
    assert "Traceback" not in done.stderr


def test_batch_writes_to_stdout_with_dash(tmp_path: Path) -> None:
    """`batch -o -` writes what `-o FILE` writes, to stdout; the summary goes to stderr."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "Police said the bridge was closed."}\n'
        '{"id": "b", "text": 7}\n'
        '{"id": "c", "text": "The mayor said it rained."}\n',
        encoding="utf-8",
    )
    to_file = tmp_path / "out.jsonl"
    base = [sys.executable, "-m", "attribution.cli", "batch", str(source)]
    subprocess.run([*base, "-o", str(to_file)], check=True, capture_output=True)
    done = subprocess.run([*base, "-o", "-"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == to_file.read_text(encoding="utf-8")
    assert "2 analysed, 1 failed" in done.stderr


def test_batch_resume_needs_a_file() -> None:
    result = CliRunner().invoke(cli.app, ["batch", __file__, "-o", "-", "--resume"])
    assert result.exit_code == 2
    assert "--resume reads what an earlier run wrote: it needs -o FILE, not -o -" in result.output
