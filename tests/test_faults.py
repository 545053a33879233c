"""Faults and bad input, one reproducer each: nothing lost in a batch, rule files inert
and bounded, every error a clean one-line error with its exit code.

The numbers in the test names follow the points of the issue that asked for them.
"""

from __future__ import annotations

import datetime
import errno
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import spacy
from typer.testing import CliRunner

from attribution import Analyzer, RuleSet, default_rules
from attribution.cli import main as cli
from attribution.errors import PipelineError, RuleFileError
from attribution.rules import loader
from attribution.rules.loader import load_rule_file, parse_rules
from attribution.testing import ExampleTimeout, time_limit

runner = CliRunner(env={"COLUMNS": "100"})
SRC = Path(__file__).resolve().parent.parent / "src"


def run(*args: str | Path, input: str | bytes | None = None) -> Any:
    return runner.invoke(cli.app, [str(arg) for arg in args], input=input)


def write_lines(path: Path, lines: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child `attribution`, importing this checkout's code."""
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


ATTRIBUTION = [sys.executable, "-m", "attribution.cli"]


@pytest.fixture(scope="module", autouse=True)
def loaded(analyzer: Analyzer) -> Analyzer:
    """The command line's cached analyzer, loaded once for this module."""
    return cli.load_analyzer(None, "speech")


# ---------------------------------------------------------------------- 1. resume


def test_1_resume_writes_a_duplicates_error_line(tmp_path: Path) -> None:
    source = write_lines(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": "Police said so."}, {"id": "a", "text": "Duplicate."}],
    )
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert run("batch", source, "-o", full).exit_code == 0
    complete = full.read_bytes()
    part.write_bytes(complete.splitlines(keepends=True)[0])

    result = run("batch", source, "-o", part, "--resume")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"0 analysed, 1 failed, 1 skipped (already in {part})\n"
    assert part.read_bytes() == complete
    assert json.loads(complete.splitlines()[1]) == {
        "id": "a",
        "line": 2,
        "error": 'duplicate id "a" (first on line 1)',
    }

    again = run("batch", source, "-o", part, "--resume")
    assert again.stderr == f"0 analysed, 0 failed, 2 skipped (already in {part})\n"
    assert part.read_bytes() == complete


# ------------------------------------------------------------------- 2. surrogates


def test_2_a_lone_surrogate_id_fails_its_own_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id":"\\ud800","text":"Police said so."}\n'
        '{"id":"b","publisher":"\\udcff","text":"Police said so."}\n'
        '{"id":"c","text":"Police said so."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run("batch", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == "1 analysed, 2 failed\n"
    raw = out.read_text(encoding="utf-8").splitlines()
    assert raw[0] == (
        '{"id": "\\ud800", "line": 1, "error": "\\"id\\" holds a lone surrogate (U+D800), '
        'which is not Unicode text"}'
    )
    assert json.loads(raw[1])["error"] == (
        '"publisher" holds a lone surrogate (U+DCFF), which is not Unicode text'
    )
    assert json.loads(raw[2])["id"] == "c"

    again = run("batch", source, "-o", out, "--resume")
    assert again.exit_code == 0, again.output
    assert again.stderr == f"0 analysed, 0 failed, 3 skipped (already in {out})\n"


# -------------------------------------------------------------------- 3. full disk


class FullDisk(io.FileIO):
    """A file on a disk with ``room`` bytes left: a write past it is torn, then fails."""

    room = 0

    def write(self, data: Any) -> int:
        if FullDisk.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = super().write(bytes(data)[: FullDisk.room])
        FullDisk.room -= written
        return written


def test_3_a_full_disk_stops_cleanly_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [{"id": f"d{i}", "text": f"Officer {i} said the road was closed."} for i in range(6)]
    source = write_lines(tmp_path / "in.jsonl", docs)
    whole = tmp_path / "whole.jsonl"
    assert run("batch", source, "-o", whole).exit_code == 0
    lines = whole.read_bytes().splitlines(keepends=True)

    out = tmp_path / "out.jsonl"
    FullDisk.room = len(lines[0]) + len(lines[1]) + 100  # two lines and part of a third
    monkeypatch.setattr(cli, "_open_out", lambda out, append: FullDisk(out, "wb"))
    result = run("batch", source, "-o", out)
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {out}: cannot write (No space left on device)\n"
        "stopped: 2 analysed, 0 failed; run again with --resume to continue\n"
    )
    assert out.read_bytes() == lines[0] + lines[1]  # no torn line

    resumed = run("batch", source, "-o", out, "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert out.read_bytes() == whole.read_bytes()


def _mount_tmpfs(path: Path, size: str) -> bool:
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        return False
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", str(path)], capture_output=True)


def test_3_a_real_full_disk(tmp_path: Path) -> None:
    """On a 64 KB tmpfs, where the test runs as root and may mount one."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "64k"):
        pytest.skip("needs root and tmpfs to mount a small disk")
    try:
        text = "Police said the bridge was closed. The mayor told reporters it would reopen."
        docs = [{"id": f"d{i}", "text": text} for i in range(40)]
        source = write_lines(tmp_path / "in.jsonl", docs)
        out = disk / "out.jsonl"
        result = run("batch", source, "-o", out)
        assert result.exit_code == 2
        error, stopped = result.stderr.splitlines()
        assert error == f"error: {out}: cannot write (No space left on device)"
        assert stopped.startswith("stopped: ") and stopped.endswith(
            " analysed, 0 failed; run again with --resume to continue"
        )
        data = out.read_bytes()
        assert data.endswith(b"\n")
        assert all(json.loads(line)["id"] for line in data.splitlines())
    finally:
        _umount(disk)


def test_3_resume_on_a_read_only_file_with_a_torn_line(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [{"id": "a", "text": "Police said so."}])
    disk = tmp_path / "disk"
    if _mount_tmpfs(disk, "1m"):
        out = disk / "out.jsonl"
        out.write_bytes(b'{"id": "a", "line": 1, "error": "x"}\n{"id":"b","pub')
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    elif os.geteuid() != 0:
        out = tmp_path / "out.jsonl"
        out.write_bytes(b'{"id": "a", "line": 1, "error": "x"}\n{"id":"b","pub')
        out.chmod(0o444)
    else:
        pytest.skip("root without a tmpfs to make read-only")
    try:
        result = run("batch", source, "-o", out, "--resume")
        assert result.exit_code == 2
        reason = "Read-only file system" if disk.is_mount() else "Permission denied"
        assert result.stderr == f"error: {out}: cannot write ({reason})\n"
    finally:
        if disk.is_mount():
            _umount(disk)


# ----------------------------------------------------------------- 4. batch_size


@pytest.mark.parametrize("size", [0, -1, 1.5, True, "2"])
def test_4_pipe_refuses_a_bad_batch_size(analyzer: Analyzer, size: Any) -> None:
    with pytest.raises(ValueError) as error:
        list(analyzer.pipe(["Police said so."], batch_size=size))
    assert str(error.value) == f"batch_size must be a positive int, not {size!r}"


# ------------------------------------------------------------- 5-9. rule files


def write_rules(tmp_path: Path, text: str, name: str = "x.rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


DEEP = "name: " + "[" * 500 + "]" * 500 + "\n"
DEEP_MESSAGE = "{path}:1: lists and mappings nest more than 32 levels deep, the limit"


def test_5_deep_nesting_is_one_error_everywhere(tmp_path: Path) -> None:
    path = write_rules(tmp_path, DEEP)
    expected = DEEP_MESSAGE.format(path=path)
    with pytest.raises(RuleFileError) as error:
        RuleSet.load(path)
    assert str(error.value) == expected
    with pytest.raises(RuleFileError) as error:
        parse_rules(DEEP)
    assert str(error.value) == DEEP_MESSAGE.format(path="<rules>")
    for args in (["check", path], ["test", path], ["show", "--rules", path]):
        result = run("rules", *args)
        assert result.exit_code == 2, args
        assert result.stderr == f"error: {expected}\n", args


def test_6_aliases_of_a_large_string_are_refused_quickly(tmp_path: Path) -> None:
    big = "x" * 900_000
    text = f"name: x\ndescription: &a {big}\ncues:\n" + "  - *a\n" * 4000
    path = write_rules(tmp_path, text)
    started = time.monotonic()
    with pytest.raises(RuleFileError) as error:
        load_rule_file(path)
    assert time.monotonic() - started < 30  # not minutes, not gigabytes
    assert str(error.value) == (
        f"{path}: YAML aliases expand the file to more than 2000000 characters of text, the limit"
    )


def test_6_an_error_about_a_huge_value_does_not_quote_it() -> None:
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: big\n? " + "k" * 900_000 + "\n: 1\n")
    message = str(error.value)
    assert message == (
        "<rules>:3: unknown field 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk… (900002 characters) "
        "(field kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk… (900000 characters))"
    )


def test_7_a_device_file_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "z.rules.yaml"
    link.symlink_to("/dev/zero")
    problem = "is not a regular file (a device, FIFO or socket); rule files are files"
    message = f"error: {link}: {problem}\n"
    result = run("rules", "check", link)
    assert (result.exit_code, result.stderr) == (2, message)
    result = run("rules", "show", "--rules", "/dev/zero")
    assert result.exit_code == 2
    assert result.stderr == message.replace(str(link), "/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_7_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "f.rules.yaml"
    os.mkfifo(fifo)
    with pytest.raises(RuleFileError) as error:
        load_rule_file(fifo)
    assert str(error.value) == (
        f"{fifo}: is not a regular file (a device, FIFO or socket); rule files are files"
    )


SLOW_TEXT = "He said that " * 600 + "it rained."


def slow_rules(tmp_path: Path) -> Path:
    return write_rules(
        tmp_path,
        "name: slow\ncue_verbs:\n  - key: mutter\n    lemmas: [mutter]\n    category: speech\n"
        f'    examples:\n      - text: "{SLOW_TEXT}"\n        source: He\n'
        "      - text: The police muttered that the road was closed.\n        source: police\n",
        name="slow.rules.yaml",
    )


def test_8_a_slow_example_fails_at_the_time_limit(tmp_path: Path) -> None:
    path = slow_rules(tmp_path)
    started = time.monotonic()
    result = run("rules", "test", path, "--time-limit", "0.3")
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    assert (
        "  mismatch: the analysis took longer than 0.3 s, the time limit for one example; "
        "shorten the example's text\n"
    ) in result.stdout
    assert "  text:     He said that He said that" in result.stdout
    assert "… (7810 characters)" in result.stdout  # the text is not printed whole
    assert result.stdout.endswith("1 passed, 1 failed\n")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_5_and_8_under_pytest(tmp_path: Path) -> None:
    """One pytest run: a too-deep file is one collection error, a slow example fails
    at the time limit."""
    write_rules(tmp_path, DEEP)
    slow_rules(tmp_path)
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            *("--continue-on-collection-errors", "-o", "attribution_time_limit=0.3"),
            *("x.rules.yaml", "slow.rules.yaml"),
        ],
        cwd=tmp_path,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout
    assert "x.rules.yaml:1: lists and mappings nest more than 32 levels deep" in done.stdout
    assert "RecursionError" not in done.stdout + done.stderr
    assert "took longer than 0.3 s, the time limit for one example" in done.stdout
    assert "1 failed, 1 passed, 1 error" in done.stdout


def test_9_a_large_file_without_aliases_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULE_NODES", 1000)
    text = "name: big\ndescription: a list\nremove: [" + ", ".join(["x.y"] * 1200) + "]\n"
    with pytest.raises(RuleFileError) as error:
        parse_rules(text)
    assert str(error.value) == (
        "<rules>:3: the file holds more than 1000 YAML nodes, the limit for a rule file"
    )
    assert "alias" not in str(error.value)


# ------------------------------------------------------------ 10-11. the CLI


def test_10_a_pipeline_without_a_parser_is_refused() -> None:
    result = run(
        "analyze", "-", "--model", "blank:en", input="(ANI): Three people died, according to CNN."
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "error: spaCy pipeline 'blank:en' has no dependency parser (no component sets "
        "token.dep), and the analysis reads the parse: use a trained pipeline such as "
        "en_core_web_sm\n"
    )


def test_10_the_api_refuses_it_too() -> None:
    with pytest.raises(PipelineError, match="'en_pipeline' has no dependency parser"):
        Analyzer(nlp=spacy.blank("en"))
    nlp = spacy.blank("en")
    nlp.add_pipe("attribution")
    with pytest.raises(PipelineError) as error:
        nlp("Police said so.")
    assert str(error.value) == (
        "the Doc has no dependency parse: add the attribution component after a parser "
        "(a trained pipeline such as en_core_web_sm has one)"
    )


def test_11_a_terminal_that_is_not_utf8(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“The dam will hold,” the mayor’s aide said.", encoding="utf-8")
    done = subprocess.run(
        [*ATTRIBUTION, "analyze", str(article)],
        env=subprocess_env(PYTHONIOENCODING="ascii", COLUMNS="100"),
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert b"the article < mayor?s aide" in done.stdout  # a stand-in, and the ASCII arrow


def test_11_stdout_closed(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Police said so.", encoding="utf-8")
    done = subprocess.run(
        [*ATTRIBUTION, "analyze", str(article)],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
        timeout=300,
    )
    assert (done.returncode, done.stderr) == (
        2,
        b"error: standard output is closed; redirect it to a file\n",
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    ("args", "where"),
    [
        pytest.param(["analyze", "{article}", "--format", "json"], "standard output", id="analyze"),
        pytest.param(["rules", "schema"], "the output", id="rules-schema"),
    ],
)
def test_11_stdout_full(tmp_path: Path, args: list[str], where: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Police said so.", encoding="utf-8")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*ATTRIBUTION, *(arg.format(article=article) for arg in args)],
            env=subprocess_env(),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=300,
        )
    assert (done.returncode, done.stderr) == (
        2,
        f"error: {where}: cannot write (No space left on device)\n".encode(),
    )


def test_11_a_directory_as_the_model(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Police said so.", encoding="utf-8")
    result = run("analyze", article, "--model", "/etc")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: spaCy pipeline '/etc' could not be loaded: [E")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("option", ["--publisher", "--id", "--title", "--url", "--published"])
def test_11_a_non_utf8_byte_in_an_option(tmp_path: Path, option: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Police said so.", encoding="utf-8")
    value = os.fsdecode(b"Agence \xff")  # what Python makes of the byte in argv
    result = run("analyze", article, option, value)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {option} holds a byte that is not UTF-8 (0xff); give it as UTF-8 text\n"
    )


def test_11_a_non_utf8_file_name_still_gives_an_id(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    article = tmp_path / name
    article.write_text("Police said so.", encoding="utf-8")
    result = run("analyze", article, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "caf\ufffd"


def test_11_stdin_from_dev_zero_is_capped() -> None:
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [*ATTRIBUTION, "analyze", "-"],
            env=subprocess_env(),
            stdin=zero,
            capture_output=True,
            timeout=300,
        )
    assert (done.returncode, done.stderr) == (
        2,
        b"error: <stdin>: is larger than 10000000 bytes, the limit for one article\n",
    )


def test_11_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    result = run("analyze", tmp_path / "one")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'one'}: the symbolic links loop, so there is no file to read\n"
    )
    result = run("batch", tmp_path / "one", "-o", tmp_path / "out.jsonl")
    assert result.stderr == (
        f"error: {tmp_path / 'one'}: the symbolic links loop, so there is no file to read\n"
    )


# ------------------------------------------------------------- 12-14. the API


def test_12_rules_as_a_path(tmp_path: Path, analyzer: Analyzer) -> None:
    path = write_rules(
        tmp_path,
        "name: newsdesk\ncue_verbs:\n"
        "  - key: grumble\n    lemmas: [grumble]\n    category: speech\n",
    )
    own = Analyzer(nlp=analyzer.nlp, rules=str(path))
    assert own.rules.name == "default+newsdesk"
    assert Analyzer(nlp=analyzer.nlp, rules=path).rules.name == "default+newsdesk"
    text = "The mayor grumbled that the bridge was unsafe."
    assert [a.cue.text for a in own.analyze(text).attributions if a.cue] == ["grumbled"]
    assert analyzer.rules is default_rules()
    assert not [
        a for a in analyzer.analyze(text).attributions if a.cue and a.cue.text == "grumbled"
    ]


def test_12_a_bad_rules_argument_fails_at_once(tmp_path: Path, analyzer: Analyzer) -> None:
    missing = tmp_path / "x.rules.yaml"
    with pytest.raises(RuleFileError) as error:
        Analyzer(nlp=analyzer.nlp, rules=str(missing))
    assert str(error.value) == f"{missing}: No such file or directory"
    with pytest.raises(TypeError) as type_error:
        Analyzer(nlp=analyzer.nlp, rules=5)  # type: ignore[arg-type]
    assert str(type_error.value) == "rules must be a RuleSet or the path of a rule file, not int"
    assert analyzer.analyze("Police said the road was closed.").attributions  # unharmed


def test_13_a_shared_pipeline_keeps_each_analyzers_settings(analyzer: Analyzer) -> None:
    text = "Officials believe the dam will hold. Police said the road was closed."
    wide = Analyzer(nlp=analyzer.nlp, scope="all")
    assert len(wide.analyze(text).attributions) == 2
    narrow = Analyzer(nlp=analyzer.nlp)
    assert (wide.scope, narrow.scope) == ("all", "speech")
    assert len(wide.analyze(text).attributions) == 2
    assert len(narrow.analyze(text).attributions) == 1
    assert len(analyzer.analyze(text).attributions) == 1
    assert [len(a.attributions) for a in wide.pipe([text, text])] == [2, 2]
    assert len(list(analyzer.nlp(text)._.attribution.attributions)) == 1  # the nlp's own


@pytest.mark.parametrize(
    ("metadata", "field", "value"),
    [
        ({"id": 5}, "id", "5"),
        ({"published": datetime.date(2024, 3, 1)}, "published", "2024-03-01"),
        ({"published": datetime.datetime(2024, 3, 1, 9, 30)}, "published", "2024-03-01T09:30:00"),
        ({"publisher": None}, "publisher", None),
    ],
)
def test_14_metadata_that_converts(
    analyzer: Analyzer, metadata: dict[str, Any], field: str, value: Any
) -> None:
    analysis = analyzer.analyze("Police said so.", **metadata)
    got = analysis.id if field == "id" else getattr(analysis.article, field)
    assert got == value


@pytest.mark.parametrize(
    ("metadata", "error", "message"),
    [
        ({"publisher": 7}, TypeError, "metadata field 'publisher' must be a str, not int"),
        ({"id": True}, TypeError, "metadata field 'id' must be a str or an int, not bool"),
        ({"id": 1.5}, TypeError, "metadata field 'id' must be a str or an int, not float"),
        ({"title": ["a"]}, TypeError, "metadata field 'title' must be a str, not list"),
        (
            {"published": 2024},
            TypeError,
            "metadata field 'published' must be a str, a date or a datetime, not int",
        ),
        (
            {"url": "http://x/\udcff"},
            ValueError,
            "metadata field 'url' holds a lone surrogate (U+DCFF), which is not Unicode text "
            "(a non-UTF-8 byte?)",
        ),
    ],
)
def test_14_metadata_that_does_not(
    analyzer: Analyzer, metadata: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        analyzer.analyze("Police said so.", **metadata)
    assert type(raised.value) is error
    assert str(raised.value) == message


# -------------------------------------------------------------- 15. stray marks

FOUR = (
    "Police said the bridge was closed. The mayor told reporters that it would reopen "
    "on Monday. Officials said two people were hurt, according to the BBC. The governor "
    "added that help was coming."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“" + FOUR, id="curly-at-start"),
        pytest.param('"' + FOUR, id="straight-at-start"),
        pytest.param(FOUR.replace("The governor", "“The governor"), id="curly-in-the-middle"),
        pytest.param(FOUR.replace("reopen", '"reopen'), id="straight-in-the-middle"),
    ],
)
def test_15_a_stray_mark_costs_no_attribution(analyzer: Analyzer, text: str) -> None:
    expected = [(a.cue.text, a.content.text) for a in analyzer.analyze(FOUR).attributions]
    links = analyzer.analyze(text).attributions
    got = [(a.cue.text, a.content.text.replace('"', "").replace("“", "")) for a in links]
    assert len(expected) >= 4
    assert got == expected


def test_15_a_stray_mark_keeps_the_quote_after_it(analyzer: Analyzer) -> None:
    text = "“Police said the road was closed. “We will reopen it soon,” the mayor said."
    links = analyzer.analyze(text).attributions
    assert [(a.source.text, a.content.text, a.kind) for a in links if a.source] == [
        ("Police", "the road was closed", "indirect"),
        ("the mayor", "We will reopen it soon", "direct"),
    ]


# ------------------------------------------------------------------ the kill loop

#: Every kind of bad line beside good ones: bad JSON, not an object, no id, a bad id,
#: no text, text of the wrong type, lone surrogates in the id and in metadata, a
#: surrogate in the text (analysed, with a warning), duplicates, blank lines, an int id.
MIXED = [
    {"id": "a", "text": "Police said the bridge was closed."},
    "{not json",
    "[1, 2]",
    {"text": "no id"},
    {"id": ["x"], "text": "a list id"},
    {"id": "b"},
    {"id": "c", "text": 5},
    '{"id": "\\ud800", "text": "The mayor said so."}',
    '{"id": "d", "title": "\\udfff", "text": "The mayor said so."}',
    '{"id": "e", "text": "Officials said \\ud800 twice."}',
    {"id": "a", "text": "A duplicate of the first id."},
    "",
    {"id": 17, "text": "The governor told reporters that help was coming."},
    {"id": "f", "text": "“Stray mark. The army said the town was quiet."},
    {"id": "e", "text": "A duplicate of a line with a surrogate."},
    {"id": "ü-ñ", "text": "Die Polizei sagte, die Brücke sei gesperrt."},
]


#: A paragraph of reporting, so that each good line takes a few milliseconds to analyse.
PARAGRAPH = (
    " The regional governor told reporters that three schools had been damaged, and "
    "“We will rebuild every one of them,” she said. Emergency officials said the power "
    "was back in most districts, according to the state broadcaster."
)


def mixed_input(path: Path, copies: int) -> Path:
    """MIXED, ``copies`` times over, with fresh ids and longer texts in each copy."""
    lines = []
    for copy in range(copies):
        for line in MIXED:
            if isinstance(line, dict) and isinstance(line.get("id"), str):
                line = {**line, "id": f"{line['id']}-{copy}"}
                if isinstance(line.get("text"), str):
                    line["text"] += PARAGRAPH
            lines.append(line)
    return write_lines(path, lines)


def _batch_in_a_child(args: list[str]) -> int:
    """Fork a child that runs the batch command with the loaded pipeline (no start-up
    cost), so it can be killed at any point of its work."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            cli.app(args, prog_name="attribution", standalone_mode=False)
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    return pid


def _wait_for_output(out: Path, pid: int) -> None:
    """Until the child writes to OUT (past its start-up) or ends; bounded, so a hang fails."""
    before = out.stat().st_size if out.exists() else 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
        if out.exists() and out.stat().st_size > before:
            return
        time.sleep(0.002)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_kill_loop(tmp_path: Path) -> None:
    """Batch killed with SIGKILL at random points at least ten times, resumed each time:
    the output equals the uninterrupted run's, line for line, error lines included."""
    source = mixed_input(tmp_path / "in.jsonl", copies=6)
    whole = tmp_path / "whole.jsonl"
    started = time.monotonic()
    assert run("batch", source, "-o", whole, "--batch-size", "2").exit_code == 0
    span = time.monotonic() - started
    expected = whole.read_bytes().splitlines()
    assert len(expected) == 6 * (len(MIXED) - 1)

    out = tmp_path / "out.jsonl"
    chance = random.Random(1504)
    cut_short = 0  # kills that stopped a run with lines still to write
    for _ in range(60):
        resume = ["--resume"] if out.exists() else []
        pid = _batch_in_a_child(
            ["batch", str(source), "-o", str(out), "--batch-size", "2", *resume]
        )
        _wait_for_output(out, pid)
        time.sleep(chance.uniform(0, span / 40))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0
        whole_lines = out.read_bytes().count(b"\n") if out.exists() else 0
        if whole_lines >= len(expected):
            break
        cut_short += os.WIFSIGNALED(status)
    assert cut_short >= 10

    result = run("batch", source, "-o", out, "--batch-size", "2", "--resume")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().splitlines() == expected


def test_8_the_time_limit_rings_again_when_a_ring_is_lost() -> None:
    """A ring that lands where Python drops exceptions (a gc callback) is not the end."""
    caught = 0
    with pytest.raises(ExampleTimeout), time_limit(0.05) as alarm:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                while time.monotonic() < deadline:
                    pass
            except ExampleTimeout:
                caught += 1  # swallowed once, as a gc callback would
                if caught > 1:
                    raise
    assert alarm is not None and alarm.rang and caught == 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_8_no_time_limit() -> None:
    with time_limit(0) as alarm:
        assert alarm is None
    with time_limit(None) as alarm:
        assert alarm is None
