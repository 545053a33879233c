"""Reading rule files: safe YAML in, a validated RuleSet out, or one clear error.

Files are composed with PyYAML's safe loader and then turned into plain data node by
node, so that every error, from a YAML typo to an unknown category, can point at the
line of the offending field. Only plain YAML is accepted: a tag such as
``!!python/object`` is an error, never a constructor call.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import RuleFileError
from .model import (
    Abbreviation,
    Category,
    Channel,
    CueVerb,
    Evidential,
    Example,
    Finding,
    Furniture,
    Organisation,
    Pronoun,
    Relay,
    RuleSet,
    WordClass,
)

MAX_RULE_FILE_BYTES = 2_000_000
#: Aliases can make a small file expand into a huge tree; no real rule file comes close.
MAX_NODES = 200_000
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)
_LOADER_FIELDS = ("line", "file")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _one_line(text: str) -> str:
    """PyYAML's messages may span lines; an error here is always one line."""
    return " ".join(text.split())


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _tag_problem(tag: str) -> str:
    if tag == "tag:yaml.org,2002:merge":
        return "YAML merge keys (<<) are not supported; write the fields out"
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"YAML tag {shown} is not allowed; rule files hold plain data only"


class _Builder:
    """Plain Python data from composed nodes, refusing anything a rule file has no use for."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.count = 0
        self.open: set[int] = set()
        self.scalars = yaml.constructor.SafeConstructor()

    def error(self, node: yaml.Node, problem: str) -> RuleFileError:
        return RuleFileError(self.path, _line(node), None, problem)

    def build(self, node: yaml.Node) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.error(node, f"more than {MAX_NODES} YAML nodes (aliases expanding?)")
        if node.tag not in _PLAIN_TAGS:
            raise self.error(node, _tag_problem(node.tag))
        if id(node) in self.open:
            raise self.error(node, "a YAML alias refers to itself")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node)
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item) for item in node.value]
            return self._scalar(node)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "a field name must be a plain word")
            key = self.build(key_node)
            if not isinstance(key, str):
                raise self.error(key_node, f"a field name must be a word, not {key!r}")
            if key in data:
                raise self.error(key_node, f"field {key!r} appears twice")
            data[key] = self.build(value_node)
        return data

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            raise self.error(node, f"bad value: {_one_line(str(exc))}") from None
        if isinstance(value, str) and _SURROGATE.search(value):
            raise self.error(node, "a lone surrogate escape is not Unicode text")
        return value


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _mark_examples(root: yaml.MappingNode, data: dict[str, Any], path: str) -> None:
    """Record each example's file and line, so a failing example can point back to it."""
    for section, entries in data.items():
        if not isinstance(entries, list):
            continue
        for entry_node, entry in zip(_items(_child(root, section)), entries, strict=False):
            if not isinstance(entry, dict) or not isinstance(entry.get("examples"), list):
                continue
            example_nodes = _items(_child(entry_node, "examples"))
            for node, example in zip(example_nodes, entry["examples"], strict=False):
                if not isinstance(example, dict):
                    continue
                for name in _LOADER_FIELDS:
                    if name in example:
                        raise RuleFileError(
                            path, _line(node), None, f"{name!r} is filled in by the loader"
                        )
                example.update(line=_line(node), file=path)


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the node a pydantic error location points at."""
    line = _line(node) if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                key = next((k for k, _ in node.value if k.value == part), None)
                return _line(key) if key is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
        else:
            break
        line = _line(node)
    return line


def _syntax_error(exc: yaml.YAMLError, text: str, path: str) -> RuleFileError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    position = getattr(exc, "position", None)  # a ReaderError has a position, no mark
    if mark is not None:
        line = mark.line + 1
    else:
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
    problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    return RuleFileError(path, line, None, f"YAML syntax error: {_one_line(problem)}")


def _compose(text: str, path: str) -> yaml.MappingNode:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    if root is None:
        raise RuleFileError(path, 1, None, "the file is empty; a rule set needs at least a name")
    if root.tag not in _PLAIN_TAGS:
        raise RuleFileError(path, _line(root), None, _tag_problem(root.tag))
    if not isinstance(root, yaml.MappingNode):
        raise RuleFileError(path, _line(root), None, "the top level must be a mapping of sections")
    return root


@cache
def _field_names() -> frozenset[str]:
    """Every field a rule file may use, for "did you mean" hints."""
    models = (RuleSet, Example, Category, CueVerb, Evidential, Relay, Channel, WordClass)
    return frozenset(
        name
        for model in (*models, Organisation, Pronoun, Furniture, Abbreviation)
        for name, info in model.model_fields.items()
        if not info.exclude
    )


def _message(error: Any) -> str:
    """Pydantic's message, said the way a rule-file author thinks of it."""
    name = error["loc"][-1] if error["loc"] else None
    if error["type"] == "extra_forbidden":
        if name in _field_names():
            return f"field {name!r} does not belong here"
        close = get_close_matches(str(name), _field_names(), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown field {name!r}{hint}"
    if error["type"] == "missing":
        return f"missing field {name!r}"
    return error["msg"].removeprefix("Value error, ")


def _validate(root: yaml.MappingNode, data: dict[str, Any], path: str) -> RuleSet:
    try:
        return RuleSet.model_validate(data, context={"defer_checks": True})
    except ValidationError as exc:
        # A misspelt field also leaves a required one missing: name the misspelling.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        loc = tuple(errors[0]["loc"])
        field = ".".join(str(p) for p in loc) or None
        raise RuleFileError(path, _line_of(root, loc), field, _message(errors[0])) from None


def _raise_first(root: yaml.MappingNode, findings: list[Finding], path: str) -> None:
    if findings:
        loc, message = findings[0]
        field = ".".join(str(p) for p in loc) or None
        raise RuleFileError(path, _line_of(root, loc), field, message)


def parse_rules(text: str, path: str = "<rules>", *, base: RuleSet | None = None) -> RuleSet:
    """Validate rule-file text; raise RuleFileError naming file, line and field.

    With ``base``, the text is also checked as an extension of it: every category a cue
    names must be defined here or in ``base``, and every removal must name a base entry.
    """
    root = _compose(text, path)
    data = _Builder(path).build(root)
    _mark_examples(root, data, path)
    rules = _validate(root, data, path)
    findings = rules.findings()
    if base is not None:
        known = [category.key for category in base.categories]
        findings += rules.unknown_categories(known) + rules.missing_removals(base)
    _raise_first(root, findings, path)
    return rules


def _read_text(path: Path) -> str:
    if path.is_dir():
        raise RuleFileError(str(path), None, None, "is a directory, not a rule file")
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            raise RuleFileError(str(path), None, None, "rule file is larger than 2 MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(str(path), None, None, exc.strerror or str(exc)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); rule files must be UTF-8"
        raise RuleFileError(str(path), line, None, problem) from None


def load_rule_file(path: str | Path, *, base: RuleSet | None = None) -> RuleSet:
    """Read one rule file from disk, checked as an extension of ``base`` (default rules)."""
    path = Path(path)
    return parse_rules(_read_text(path), str(path), base=base or default_rules())


def load_extension(path: str | Path, base: RuleSet | None = None) -> RuleSet:
    """``base`` (default rules) extended by the file: what an Analyzer for the file uses."""
    base = base or default_rules()
    rules = load_rule_file(path, base=base)
    try:
        return base.extend(rules)
    except ValueError as exc:
        raise RuleFileError(str(path), None, None, str(exc)) from None


def _label(item: Any) -> str:
    """The file's real path where it has one (so file:line is clickable), else its name."""
    return str(item) if isinstance(item, Path) else f"attribution/rules/data/{item.name}"


@cache
def default_rules() -> RuleSet:
    """The built-in English rule set, merged from the files in ``rules/data``."""
    folder = resources.files("attribution.rules") / "data"
    parts = [
        parse_rules(item.read_text(encoding="utf-8"), _label(item))
        for item in sorted(folder.iterdir(), key=lambda p: p.name)
        if item.name.endswith(".rules.yaml")
    ]
    rules = RuleSet(name="default", description="The built-in English rules.")
    for part in parts:
        rules = rules.merge(part)
    rules.check_categories()
    return rules
