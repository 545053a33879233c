"""The stages of one article's analysis, in the order flow.py runs them.

article (headline, dateline, publisher) -> furniture (page furniture set aside) -> quotes
-> cues -> links (cue, source, content; relays, channels) -> sources (canonical sources)
-> claims (sentence-level claims and their chains) -> checks (check-worthiness,
quantities, findings) -> graph (the provenance graph).

Each stage takes plain data (the parsed Doc, the compiled rules and the records of
earlier stages, in ``parts``) and gives plain data; no stage imports another, so each is
tested on its own. ``syntax``, ``intervals`` and ``ids`` are helpers they share.
"""
