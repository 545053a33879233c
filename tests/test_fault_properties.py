"""Property tests for bad input: batch files of odd lines, and rule files of odd shapes.

Batch: whatever the lines (odd ids, lone surrogates, duplicates, bad JSON, wrong
types), the batch ends with exit 0 and one output line per input line, and a run
resumed after a cut at any byte writes what an uninterrupted run writes.

Rule files: whatever the nesting, aliases and sizes, loading gives a RuleSet or one
RuleFileError of one bounded line, never another exception.

The default profile runs a modest number of examples; ``--hypothesis-profile thorough``
runs many more.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from attribution import RuleSet
from attribution.cli import main as cli
from attribution.errors import RuleFileError
from attribution.limits import MAX_RULE_CHARS, MAX_RULE_DEPTH
from attribution.rules.loader import parse_rules

runner = CliRunner()

# -------------------------------------------------------------------------- batch

SENTENCES = [
    "Police said the bridge was closed.",
    "“We will rebuild,” the mayor told reporters.",
    "The ministry denied that troops had crossed the border.",
    '"Stray mark. Officials said two people were hurt.',
    "",
    "   ",
]
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
ODD_TEXT = st.text(st.one_of(st.characters(), SURROGATES), max_size=12)
IDS = st.one_of(
    st.sampled_from(["a", "b", "ü", "a b", "0"]),  # a small pool: duplicates are common
    ODD_TEXT,
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
)
TEXTS = st.one_of(st.sampled_from(SENTENCES), ODD_TEXT, st.integers(), st.none())


@st.composite
def documents(draw: st.DrawFn) -> str:
    entry: dict[str, Any] = {}
    if draw(st.integers(0, 5)):
        entry["id"] = draw(IDS)
    if draw(st.integers(0, 4)):
        entry["text"] = draw(TEXTS)
    for field in ("title", "publisher"):
        if draw(st.integers(0, 3)) == 0:
            entry[field] = draw(st.one_of(ODD_TEXT, st.integers()))
    return json.dumps(entry)  # escapes surrogates as \\udXXX, as JSON may


LINES = st.one_of(
    documents(),
    documents(),
    st.sampled_from(["{not json", "[1, 2]", '"text"', "null", "{}", "", '{"id": "a"']),
    ODD_TEXT.map(lambda text: text.replace("\n", " ").replace("\r", " ")),
)


def _batch(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(cli.app, ["batch", str(source), "-o", str(out), *extra])


@pytest.fixture(scope="module", autouse=True)
def loaded() -> None:
    cli.load_analyzer(None, "speech")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=st.lists(LINES, min_size=1, max_size=6), cut=st.floats(0, 1))
def test_batch_input(tmp_path: Path, lines: list[str], cut: float) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(line.encode("utf-8", "surrogatepass") + b"\n" for line in lines))
    whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    whole.unlink(missing_ok=True)
    result = _batch(source, whole)
    assert result.exit_code == 0, result.output
    written = whole.read_bytes()
    entries = [json.loads(line) for line in written.splitlines()]
    counted = [n for n, line in enumerate(source.read_bytes().splitlines(), 1) if line.strip()]
    assert len(entries) == len(counted)
    for number, entry in zip(counted, entries, strict=True):
        if "error" in entry:
            assert entry["line"] == number
            assert "\n" not in entry["error"]
    ids = [entry["id"] for entry in entries if "error" not in entry]
    assert len(ids) == len(set(ids))

    part.write_bytes(written[: int(len(written) * cut)])  # killed at any byte
    again = _batch(source, part, "--resume")
    assert again.exit_code == 0, again.output
    assert part.read_bytes() == written


# --------------------------------------------------------------------- rule files

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.sampled_from(["say", "speech", "all", "x.y", "according to"]),
)
KEYS = st.one_of(
    st.sampled_from(["name", "cue_verbs", "key", "lemmas", "category", "examples", "text"]),
    st.text(min_size=1, max_size=8),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=30,
)


def assert_clean(text: str) -> None:
    """A RuleSet, or one RuleFileError of one line of bounded length."""
    try:
        rules = parse_rules(text)
    except RuleFileError as error:
        message = str(error)
        assert "\n" not in message
        assert len(message) < 600, message[:200]
    else:
        assert isinstance(rules, RuleSet)


@given(tree=st.dictionaries(KEYS, TREES, max_size=5))
def test_rule_file_trees(tree: dict[str, Any]) -> None:
    assert_clean(yaml.safe_dump(tree, allow_unicode=True))


@given(
    depth=st.integers(0, 3 * MAX_RULE_DEPTH),
    opener=st.sampled_from(["[", "{a: ", "- "]),
)
def test_rule_file_nesting(depth: int, opener: str) -> None:
    if opener == "- ":
        text = "name: x\nremove:\n" + "".join("  " * (i + 1) + "-\n" for i in range(depth))
    else:
        closer = "]" if opener == "[" else "}"
        text = "name: x\ndescription: " + opener * depth + "x" + closer * depth + "\n"
    too_deep = depth + 2 > MAX_RULE_DEPTH  # the top mapping and the field are two levels
    try:
        parse_rules(text)
    except RuleFileError as error:
        assert ("levels deep" in str(error)) == too_deep
    else:
        assert not too_deep


@given(
    size=st.integers(0, 200_000),
    repeats=st.integers(0, 4000),
    nested=st.booleans(),
)
def test_rule_file_aliases(size: int, repeats: int, nested: bool) -> None:
    value = "[&a " + "x" * size + "]" if nested else "&a " + "x" * size
    text = f"name: x\ndescription: {value}\nremove:\n" + "  - *a\n" * repeats
    expanded = size * (repeats + 1)
    try:
        parse_rules(text)
    except RuleFileError as error:
        message = str(error)
        assert "\n" not in message and len(message) < 600
        if expanded > MAX_RULE_CHARS:
            assert "aliases expand the file to more than" in message
    else:
        raise AssertionError("a remove list of unknown entries is never valid")


@given(data=st.binary(max_size=200))
def test_rule_file_bytes(data: bytes) -> None:
    assert_clean(data.decode("utf-8", "replace"))
