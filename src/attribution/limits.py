"""The hard limits on what the library reads, in one place.

Each limit keeps a hostile or broken input from costing unbounded memory or time: past
it, the input is refused with a one-line error that names the limit. docs/limits.md
states them for users, and a test keeps that page and these numbers in step.

The settings that bound what one document costs to analyse:

A service that analyses text from the web will be sent hostile text. Three settings
bound what one document can cost; each is an ``Analyzer`` argument, and an analysis that
hits a limit says so in its ``warnings`` (the time budget ends it with an error instead):

* ``max_cues_per_sentence`` (:data:`MAX_CUES_PER_SENTENCE`): linking reads the parse
  around each cue, and a cue's clause can hold the rest of its sentence, so a sentence
  made of cues ("he said he said ...") would cost the square of its length. News
  sentences hold a handful of cues; beyond the limit, a sentence's later cues are not
  linked.
* ``max_chunk_chars`` (:data:`CHUNK_CHARS`): spaCy's parser needs memory in proportion
  to what it is given (about 3 GB for its 1,000,000-character ``max_length``), so a
  longer text is parsed in chunks of at most this many characters (see
  :mod:`.chunking`). Peak memory is then one chunk's parse plus the whole document's
  tokens and analysis: about 0.5 GB at 1 MB of text and 0.9 GB at 5 MB.
* ``timeout`` (seconds, default none): a budget per document. The analysis checks it
  between chunks, between pipeline components and stages, and inside the linking loop,
  and raises :class:`~attribution.errors.AnalysisTimeout` once it is spent; one chunk's
  parse (C code, bounded by the chunk size) is the longest step it cannot interrupt.
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

#: Cue words linked per sentence; later ones in a sentence with more are left unlinked.
MAX_CUES_PER_SENTENCE = 24
#: Longest text parsed in one piece; the parser's memory grows with it.
CHUNK_CHARS = 100_000

CUES_DROPPED = (
    "{sentences} sentence(s) held more than {limit} cue words (max_cues_per_sentence); "
    "{dropped} later cue word(s) in them were not linked"
)
