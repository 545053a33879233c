"""The limits: docs/limits.md states each one as attribution.limits has it, and each is
enforced with the message the page shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from attribution import limits
from attribution.cli import _lines
from attribution.errors import InputError, RuleFileError
from attribution.reading import read_file_bytes
from attribution.rules import loader
from attribution.rules.loader import load_rule_file, parse_rules

DOC = Path(__file__).resolve().parent.parent / "docs" / "limits.md"
_ROW_RE = re.compile(r"^\| `([A-Z_]+)` \| ([\d,.]+) (\w+) \|", re.MULTILINE)
_UNITS = {"bytes": int, "nodes": int, "characters": int, "levels": int, "seconds": float}


def documented() -> dict[str, float]:
    rows = _ROW_RE.findall(DOC.read_text(encoding="utf-8"))
    return {name: _UNITS[unit](value.replace(",", "")) for name, value, unit in rows}


def test_the_docs_state_every_limit_as_the_code_has_it() -> None:
    in_code = {name: value for name, value in vars(limits).items() if name.isupper()}
    assert documented() == in_code


def test_the_docs_messages_quote_the_limits() -> None:
    """The example messages on the page carry the numbers the code prints."""
    page = DOC.read_text(encoding="utf-8")
    for value in (limits.MAX_INPUT_BYTES, limits.MAX_RULE_FILE_BYTES, limits.MAX_RULE_NODES):
        assert f"more than {value} " in page or f"larger than {value} " in page
    assert f"more than {limits.MAX_RULE_DEPTH} levels deep" in page
    assert f"longer than {limits.EXAMPLE_TIME_LIMIT:g} s" in page


def test_an_article_file_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attribution.reading as reading

    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "long.txt"
    path.write_text("Police said so. " * 10, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_file_bytes(path)
    assert str(error.value) == f"{path}: is larger than 100 bytes, the limit for one article"
    path.write_text("Police said so.", encoding="utf-8")
    assert read_file_bytes(path) == b"Police said so."


def test_a_batch_line_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attribution.cli as cli

    monkeypatch.setattr(cli, "MAX_INPUT_BYTES", 50)
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a"}\n' + b"x" * 400 + b"\n" + b'{"id": "b"}\n' + b"y" * 60)
    with path.open("rb") as handle:
        assert list(_lines(handle)) == [
            (1, b'{"id": "a"}\n'),
            (2, None),
            (3, b'{"id": "b"}\n'),
            (4, None),
        ]
    assert cli._parse_line(2, None).error == "the line is longer than 50 bytes"


def test_a_rule_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULE_FILE_BYTES", 30)
    path = tmp_path / "x.rules.yaml"
    path.write_text("name: x\ndescription: " + "long " * 10 + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_rule_file(path)
    assert str(error.value) == f"{path}: rule file is larger than 30 bytes, the limit"
    with pytest.raises(RuleFileError) as error:
        parse_rules(path.read_text(encoding="utf-8"))
    assert str(error.value) == "<rules>: rule file is larger than 30 bytes, the limit"


@pytest.mark.parametrize(
    ("depth", "ok"), [(limits.MAX_RULE_DEPTH - 2, True), (limits.MAX_RULE_DEPTH - 1, False)]
)
def test_the_depth_limit_is_exact(depth: int, ok: bool) -> None:
    text = "name: x\ndescription: " + "[" * depth + "x" + "]" * depth + "\n"
    with pytest.raises(RuleFileError) as error:
        parse_rules(text)
    assert ("levels deep" not in str(error.value)) == ok


def test_the_text_limit_counts_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULE_CHARS", 1000)
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: x\ndescription: &a " + "x" * 400 + "\nremove: [*a, *a]\n")
    assert str(error.value) == (
        "<rules>: YAML aliases expand the file to more than 1000 characters of text, the limit"
    )
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: x\ndescription: " + "x" * 1200 + "\n")
    assert str(error.value) == (
        "<rules>: the file holds more than 1000 characters of text, the limit for a rule file"
    )


def test_a_self_referring_alias() -> None:
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: &a [*a]\n")
    assert str(error.value) == "<rules>:1: a YAML alias refers to itself"
