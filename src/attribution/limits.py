"""The hard limits on what the library reads, in one place.

Each limit keeps a hostile or broken input from costing unbounded memory or time: past
it, the input is refused with a one-line error that names the limit. docs/limits.md
states them for users, and a test keeps that page and these numbers in step.
"""

from __future__ import annotations

#: The largest article read from a file, from standard input, or as one line of a batch
#: input file (bytes). Longer texts are refused before they are decoded.
MAX_INPUT_BYTES = 10_000_000

#: The largest rule file (bytes on disk, or characters of rule text given as a string).
MAX_RULE_FILE_BYTES = 2_000_000
#: The most YAML nodes a rule file may hold, counting each alias as the whole node tree
#: it repeats.
MAX_RULE_NODES = 200_000
#: The most characters of text a rule file may hold once its aliases are expanded.
MAX_RULE_CHARS = 2_000_000
#: The deepest nesting of YAML lists and mappings in a rule file. Real rule files nest
#: four levels deep (section, entry, examples, example).
MAX_RULE_DEPTH = 32
#: The longest a rule error message quotes a value from the file (characters).
MAX_QUOTED_CHARS = 80

#: Seconds one rule example may take in ``attribution rules test`` and under pytest.
EXAMPLE_TIME_LIMIT = 10.0
