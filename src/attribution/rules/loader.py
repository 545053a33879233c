"""Reading rule files: safe YAML in, a validated RuleSet out, or one clear error.

Files are composed with PyYAML's safe loader and then turned into plain data node by
node, so that every error, from a YAML typo to an unknown category, can point at the
line of the offending field. Only plain YAML is accepted: a tag such as
``!!python/object`` is an error, never a constructor call.

A rule file is inert and bounded (the numbers are in :mod:`attribution.limits`): only a
regular file is read, and no more of it than the size limit; nesting deeper than the
depth limit is refused while composing, before Python's recursion limit is near; and the
node tree is measured with each alias counted as the whole tree it repeats, so a small
file that would expand into gigabytes is refused before anything is built.
"""

from __future__ import annotations

import re
import stat
from difflib import get_close_matches
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import RuleFileError
from ..limits import (
    MAX_RULE_CHARS,
    MAX_RULE_DEPTH,
    MAX_RULE_FILE_BYTES,
    MAX_RULE_NODES,
)
from .model import (
    Abbreviation,
    AnonymityPhrases,
    Category,
    Channel,
    CheckExample,
    CueVerb,
    Evidential,
    Example,
    Finding,
    Furniture,
    GenderWords,
    Hedge,
    Organisation,
    Pronoun,
    Qualifier,
    Question,
    Relay,
    RuleSet,
    WordClass,
)

#: Kept under its old name: the most YAML nodes a rule file may expand to.
MAX_NODES = MAX_RULE_NODES
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
        if self.count > MAX_NODES:  # pragma: no cover - _check_size refuses such a tree first
            raise self.error(node, f"more than {MAX_NODES} YAML nodes")
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


# Formatted when raised, with the limits as they are then.
_TOO_DEEP = "lists and mappings nest more than {limit} levels deep, the limit"
_TOO_MANY = "the file holds more than {limit} YAML nodes, the limit for a rule file"
_TOO_LONG = "the file holds more than {limit} characters of text, the limit for a rule file"
_ALIASES_TOO_MANY = "YAML aliases expand the file to more than {limit} nodes, the limit"
_ALIASES_TOO_LONG = (
    "YAML aliases expand the file to more than {limit} characters of text, the limit"
)


class _OverLimit(Exception):
    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing nesting deeper than MAX_RULE_DEPTH and more than
    MAX_RULE_NODES nodes as it composes (its composer recurses once per level, so a
    deep file would exhaust the stack)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        self.nodes += 1
        try:
            if self.depth > MAX_RULE_DEPTH:
                problem = _TOO_DEEP.format(limit=MAX_RULE_DEPTH)
                raise _OverLimit(self.peek_event().start_mark.line + 1, problem)
            if self.nodes > MAX_RULE_NODES:
                problem = _TOO_MANY.format(limit=MAX_RULE_NODES)
                raise _OverLimit(self.peek_event().start_mark.line + 1, problem)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _compose(text: str, path: str) -> yaml.MappingNode:
    if len(text) > MAX_RULE_FILE_BYTES:
        raise RuleFileError(path, None, None, _TOO_LARGE.format(limit=MAX_RULE_FILE_BYTES))
    try:
        loader = _BoundedLoader(text)  # the reader checks the characters here
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    except _OverLimit as exc:
        raise RuleFileError(path, exc.line, None, exc.problem) from None
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
    checks = (CheckExample, Question, Hedge, Qualifier)
    return frozenset(
        name
        for model in (
            *models,
            *checks,
            Organisation,
            Pronoun,
            GenderWords,
            AnonymityPhrases,
            Furniture,
            Abbreviation,
        )
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


class _Size:
    """The size of a node tree with every alias expanded, measured without expanding:
    each distinct node is measured once and its size reused wherever it is repeated."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.sizes: dict[int, tuple[int, int]] = {}
        self.open: set[int] = set()
        self.repeated = False

    def of(self, node: yaml.Node) -> tuple[int, int]:
        """(nodes, characters of scalar text) under ``node``, aliases expanded."""
        key = id(node)
        if key in self.sizes:
            self.repeated = True
            return self.sizes[key]
        if key in self.open:
            raise RuleFileError(self.path, _line(node), None, "a YAML alias refers to itself")
        self.open.add(key)
        nodes, chars = 1, 0
        if isinstance(node, yaml.ScalarNode):
            chars = len(node.value)
        else:
            for child in node.value:  # nodes of a list, (key, value) pairs of a mapping
                for part in child if isinstance(child, tuple) else (child,):
                    more_nodes, more_chars = self.of(part)
                    nodes, chars = nodes + more_nodes, chars + more_chars
                if nodes > MAX_RULE_NODES or chars > MAX_RULE_CHARS:
                    break  # over a limit already: no need to measure the rest
        self.open.discard(key)
        self.sizes[key] = (nodes, chars)
        return nodes, chars


def _check_size(root: yaml.Node, path: str) -> None:
    """Refuse a tree that is too large, saying whether aliases made it so."""
    size = _Size(path)
    nodes, chars = size.of(root)
    if nodes > MAX_RULE_NODES:
        problem = _ALIASES_TOO_MANY if size.repeated else _TOO_MANY
        raise RuleFileError(path, None, None, problem.format(limit=MAX_RULE_NODES))
    if chars > MAX_RULE_CHARS:
        problem = _ALIASES_TOO_LONG if size.repeated else _TOO_LONG
        raise RuleFileError(path, None, None, problem.format(limit=MAX_RULE_CHARS))


def parse_rules(text: str, path: str = "<rules>", *, base: RuleSet | None = None) -> RuleSet:
    """Validate rule-file text; raise RuleFileError naming file, line and field.

    With ``base``, the text is also checked as an extension of it: every category a cue
    names must be defined here or in ``base``, and every removal must name a base entry.
    """
    root = _compose(text, path)
    _check_size(root, path)
    data = _Builder(path).build(root)
    _mark_examples(root, data, path)
    rules = _validate(root, data, path)
    findings = rules.findings()
    if base is not None:
        known = [category.key for category in base.categories]
        findings += rules.unknown_categories(known) + rules.missing_removals(base)
    _raise_first(root, findings, path)
    return rules


_TOO_LARGE = "rule file is larger than {limit} bytes, the limit"


def _read_text(path: Path) -> str:
    """The file's text: a regular file only (a device or a FIFO would never end), and
    never more of it than the size limit, whatever its size says."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise RuleFileError(str(path), None, None, "is a directory, not a rule file")
        if not stat.S_ISREG(mode):
            problem = "is not a regular file (a device, FIFO or socket); rule files are files"
            raise RuleFileError(str(path), None, None, problem)
        with path.open("rb") as handle:
            raw = handle.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as exc:
        raise RuleFileError(str(path), None, None, exc.strerror or str(exc)) from None
    if len(raw) > MAX_RULE_FILE_BYTES:
        raise RuleFileError(str(path), None, None, _TOO_LARGE.format(limit=MAX_RULE_FILE_BYTES))
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
