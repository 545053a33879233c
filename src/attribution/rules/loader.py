"""Reading rule files: safe YAML in, a validated RuleSet out, or one clear error.

Files are parsed with PyYAML's safe loader (no tags, no code), composed first so that
every validation error can point at the line of the offending field.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import RuleFileError
from .model import RuleSet

MAX_RULE_FILE_BYTES = 2_000_000


def _construct(node: yaml.Node) -> Any:
    """Plain Python data from a composed node, with example lines recorded."""
    if isinstance(node, yaml.MappingNode):
        data = {_construct(k): _construct(v) for k, v in node.value}
        if "text" in data and "line" not in data:
            data["line"] = node.start_mark.line + 1
        return data
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item) for item in node.value]
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the node a pydantic error location points at."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                key = next((k for k, _ in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def parse_rules(text: str, path: str = "<rules>") -> RuleSet:
    """Validate rule-file text; raise RuleFileError naming file, line and field."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(path, line, None, f"YAML syntax error: {problem}") from None
    if root is None:
        raise RuleFileError(path, 1, None, "the file is empty; a rule set needs at least a name")
    if not isinstance(root, yaml.MappingNode):
        raise RuleFileError(path, root.start_mark.line + 1, None, "the top level must be a mapping")
    try:
        data = _construct(root)
        rules = RuleSet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        field = ".".join(str(p) for p in loc) or None
        raise RuleFileError(path, _line_of(root, loc), field, first["msg"]) from None
    except (yaml.YAMLError, TypeError, ValueError) as exc:
        raise RuleFileError(path, 1, None, str(exc)) from None
    return rules


def load_rule_file(path: str | Path) -> RuleSet:
    """Read one rule file from disk."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise RuleFileError(str(path), None, None, "is a directory, not a rule file") from None
    except OSError as exc:
        raise RuleFileError(str(path), None, None, exc.strerror or str(exc)) from None
    if len(raw) > MAX_RULE_FILE_BYTES:
        raise RuleFileError(str(path), None, None, "rule file is larger than 2 MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RuleFileError(str(path), None, None, "rule files must be UTF-8 text") from None
    return parse_rules(text, str(path))


@cache
def default_rules() -> RuleSet:
    """The built-in English rule set, merged from the files in ``rules/data``."""
    folder = resources.files("attribution.rules") / "data"
    parts = [
        parse_rules(item.read_text(encoding="utf-8"), f"attribution/rules/data/{item.name}")
        for item in sorted(folder.iterdir(), key=lambda p: p.name)
        if item.name.endswith(".rules.yaml")
    ]
    rules = RuleSet(name="default", description="The built-in English rules.")
    for part in parts:
        rules = rules.merge(part)
    rules.check_categories()
    return rules
