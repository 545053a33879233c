"""Attribution knowledge as data: the RuleSet model, its loader and the built-in files."""

from .loader import default_rules, load_rule_file, parse_rules
from .model import Example, RuleSet

__all__ = ["Example", "RuleSet", "default_rules", "load_rule_file", "parse_rules"]
