"""``attribution rules``: check, test, show and schema, through typer's CliRunner.

Errors are one line on stderr, ``error: FILE:LINE: message (field X)``, with exit 2;
failing examples exit 1; nothing ever prints a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from attribution import default_rules
from attribution.cli.rules import app
from attribution.rules import parse_rules
from attribution.rules.model import schema_text

ROOT = Path(__file__).resolve().parent.parent
NEWSDESK = ROOT / "examples" / "newsdesk" / "newsdesk.rules.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def _write(tmp_path: Path, text: str | bytes, name: str = "team.rules.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def _last_line(result: Result) -> str:
    return result.stdout.strip().splitlines()[-1]


# -- check ------------------------------------------------------------------------------


def test_check_accepts_a_valid_file() -> None:
    result = run("check", NEWSDESK)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ok: {NEWSDESK} (4 entries, 6 examples)\n"


BAD_FILES = [
    ("yaml-syntax", "name: x\ncue_verbs:\n  - key: [a\n    lemmas: [x]\n", 4, None),
    (
        "unknown-field",
        "name: x\ncue_verbs:\n  - key: a\n    lemas: [a]\n    category: speech\n",
        4,
        "cue_verbs.0.lemas",
    ),
    (
        "wrong-type",
        "name: x\ncue_verbs:\n  - key: a\n    lemmas: say\n    category: speech\n",
        4,
        "cue_verbs.0.lemmas",
    ),
    ("empty", "", 1, None),
    (
        "unknown-category",
        "name: x\ncue_verbs:\n  - key: a\n    lemmas: [gossip]\n    category: gossip\n",
        5,
        "cue_verbs.0.category",
    ),
    ("non-utf8", b"name: x\ndescription: caf\xe9\n", 2, None),
    ("python-tag", 'name: x\ndescription: !!python/object/apply:os.system ["true"]\n', 2, None),
    ("remove-unknown", "name: x\nremove: [cue_verbs.gossip]\n", 2, "remove.0"),
]


@pytest.mark.parametrize(
    ("text", "line", "field"), [pytest.param(*case[1:], id=case[0]) for case in BAD_FILES]
)
def test_check_reports_one_line_with_file_and_line(
    tmp_path: Path, text: str | bytes, line: int, field: str | None
) -> None:
    path = _write(tmp_path, text)
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"error: {path}:{line}: ")
    if field:
        assert result.stderr.rstrip().endswith(f"(field {field})")
    assert "Traceback" not in result.output


def test_check_reports_a_directory(tmp_path: Path) -> None:
    result = run("check", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: is a directory, not a rule file\n"


def test_check_reports_a_missing_file(tmp_path: Path) -> None:
    result = run("check", tmp_path / "absent.rules.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'absent.rules.yaml'}: ")


def test_check_uses_default_categories_and_the_files_own(tmp_path: Path) -> None:
    text = (
        "name: t\ncategories:\n  - {key: rumour, scope: all}\n"
        "cue_verbs:\n  - {key: a, lemmas: [a], category: rumour}\n"
        "  - {key: b, lemmas: [b], category: speech}\n"
    )
    result = run("check", _write(tmp_path, text))
    assert result.exit_code == 0, result.output
    assert "(3 entries, 0 examples)" in result.stdout


# -- test -------------------------------------------------------------------------------


def test_test_runs_a_files_examples_on_top_of_the_defaults() -> None:
    result = run("test", NEWSDESK)
    assert result.exit_code == 0, result.output
    assert _last_line(result) == "6 passed, 0 failed"


FAILING = """\
name: team
cue_verbs:
  - key: blurt
    lemmas: [blurt]
    category: speech
    examples:
      - text: The striker blurted that the coach had resigned.
        cue: blurted
      - text: The striker blurted that the coach had resigned.
        source: The coach
"""


def test_test_prints_each_failure_and_exits_1(tmp_path: Path) -> None:
    path = _write(tmp_path, FAILING)
    result = run("test", path)
    assert result.exit_code == 1
    assert f"{path}:9: example cue_verbs.blurt[1] failed" in result.stdout
    assert "expected: source='The coach'" in result.stdout
    assert "The striker (= striker) | blurted | that the coach had resigned | striker | -" in (
        result.stdout
    )
    assert _last_line(result) == "1 passed, 1 failed"


def test_test_lists_known_failures_without_failing(tmp_path: Path) -> None:
    text = FAILING.replace(
        "        source: The coach\n",
        "        source: The coach\n        known_failure: a demonstration\n",
    )
    result = run("test", _write(tmp_path, text))
    assert result.exit_code == 0, result.output
    assert "known failure: " in result.stdout
    assert "cue_verbs.blurt[1]: a demonstration" in result.stdout
    assert _last_line(result) == "1 passed, 0 failed"


def test_test_without_a_file_runs_the_default_examples() -> None:
    result = run("test")
    assert result.exit_code == 0, result.output
    match = re.fullmatch(r"(\d+) passed, 0 failed", _last_line(result))
    assert match and int(match[1]) >= 80


def test_test_reports_a_malformed_file(tmp_path: Path) -> None:
    result = run("test", _write(tmp_path, "name: [\n"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


# -- show and schema --------------------------------------------------------------------


def test_show_prints_the_default_rules_as_a_loadable_file() -> None:
    result = run("show")
    assert result.exit_code == 0, result.output
    shown = parse_rules(result.stdout)
    assert shown.model_dump() == default_rules().model_dump()


def test_show_applies_extensions_in_order(tmp_path: Path) -> None:
    removal = _write(tmp_path, "name: less\nremove: [cue_verbs.blurt]\n")
    result = run("show", "--rules", NEWSDESK, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["name"] == "default+newsdesk"
    assert "blurt" in {entry["key"] for entry in data["cue_verbs"]}

    result = run("show", "--rules", NEWSDESK, "--rules", removal)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert data["name"] == "default+newsdesk+less"
    assert "blurt" not in {entry["key"] for entry in data["cue_verbs"]}
    assert "whatsapp" in {entry["key"] for entry in data["channels"]}


def test_show_reports_a_bad_extension(tmp_path: Path) -> None:
    result = run("show", "--rules", _write(tmp_path, "name: x\nremove: [cue_verbs.gossip]\n"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")


def test_schema_prints_the_committed_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert json.loads(result.stdout)["title"] == "attribution rule set"
