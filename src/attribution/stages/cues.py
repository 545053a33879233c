"""Cue finding: the words that signal attribution, looked up in the compiled rule set.

Cue verbs, predicate adjectives and nouns are found by lemma and part of speech, phrases
(evidentials, relays, channels) by the rule set's phrase matchers. Whether a cue really
attributes anything is decided later, by the links stage, from the parse around it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..rules.compiled import CompiledRules
from .parts import Cue

_CUE_PARTS = frozenset({"VERB", "ADJ", "NOUN"})
_PHRASE_KINDS = {"evidentials": "evidential", "relays": "relay", "channels": "channel"}


def find_cues(doc: Doc, rules: CompiledRules) -> list[Cue]:
    """All cue candidates in the doc, in text order."""
    cues = [*_verb_cues(doc, rules), *_phrase_cues(doc, rules)]
    return sorted(cues, key=lambda c: (c.start, c.end, c.kind))


def _verb_cues(doc: Doc, rules: CompiledRules) -> list[Cue]:
    cues: list[Cue] = []
    relay_verbs = {
        lemma: form for form in ("participle", "quote_as") for lemma in rules.relay_lemmas(form)
    }
    for token in doc:
        if token.pos_ not in _CUE_PARTS:
            continue
        lemma = token.lemma_.lower()
        verb = rules.verbs.get(lemma)
        if verb is not None and token.pos_ in verb.parts:
            cues.append(Cue("verb", token.i, token.i + 1, token.i, verb.key, verb.category))
        noun = rules.nouns.get(lemma) if token.pos_ == "NOUN" else None
        if noun is not None:
            cues.append(Cue("noun", token.i, token.i + 1, token.i, noun.key, noun.category))
        if lemma in relay_verbs and token.pos_ == "VERB":
            form = relay_verbs[lemma]
            category = rules.relay_categories.get(lemma)
            cues.append(Cue("relay", token.i, token.i + 1, token.i, lemma, category, form))
    return cues


def _phrase_cues(doc: Doc, rules: CompiledRules) -> list[Cue]:
    cues: list[Cue] = []
    for hit in rules.phrases(doc):
        kind = _PHRASE_KINDS[hit.section]
        head = doc[hit.start : hit.end].root.i
        if kind == "evidential":
            category = rules.evidential_categories[hit.key]
            cues.append(Cue(kind, hit.start, hit.end, head, hit.key, category))
        elif kind == "relay":
            form = rules.relay_phrase_forms[hit.key]
            category = rules.relay_categories.get(hit.key)
            cues.append(Cue(kind, hit.start, hit.end, head, hit.key, category, form))
        else:
            name = rules.channel_names[hit.key]
            cues.append(Cue(kind, hit.start, hit.end, head, hit.key, None, None, name))
    return _drop_nested(cues)


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """Keep the longest phrase where phrases of one kind overlap ("press conference")."""
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (c.kind, c.start, -(c.end - c.start))):
        if kept and kept[-1].kind == cue.kind and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept
