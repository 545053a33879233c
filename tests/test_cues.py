"""Cue finding: verbs by lemma, phrases by the rule set's matchers."""

from __future__ import annotations

import pytest

from attribution import default_rules
from attribution.stages.cues import find_cues
from helpers import shared_analyzer


def cues_of(text: str, scope: str = "speech") -> list[tuple[str, str, str]]:
    analyzer = shared_analyzer(scope)
    doc = analyzer.nlp(text)
    compiled = analyzer.component.compiled
    return [(c.kind, c.key, doc[c.start : c.end].text) for c in find_cues(doc, compiled)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said the talks had failed.", [("verb", "say", "said")]),
        ("The ministry denied that troops had crossed.", [("verb", "deny", "denied")]),
        (
            "Three people died, according to the police.",
            [("evidential", "according_to", "according to")],
        ),
        (
            "CNN reported citing the police.",
            [("verb", "report", "reported"), ("relay", "cite", "citing")],
        ),
        (
            "He said on his Telegram channel that it was calm.",
            [("verb", "say", "said"), ("channel", "telegram", "Telegram")],
        ),
        (
            "She told a news conference that prices would fall.",
            [("verb", "tell", "told"), ("channel", "press_conference", "news conference")],
        ),
        (
            "The senator said on X that the vote was off.",
            [("verb", "say", "said"), ("channel", "x", "X")],
        ),
        ("An x marks the spot on the map.", []),
        (
            "The utility reminded customers to keep their freezers shut.",
            [("verb", "advise", "reminded")],
        ),
        ("Fire crews advised residents to leave early.", [("verb", "advise", "advised")]),
        ("The coroner cautioned the public not to guess.", [("verb", "warn", "cautioned")]),
        ('Hundreds of farmers chanted "No more cuts!"', [("verb", "reply", "chanted")]),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert cues_of(text) == expected


def test_beliefs_only_at_scope_all() -> None:
    text = "Critics fear the law will silence the press."
    assert cues_of(text, "speech") == []
    assert cues_of(text, "all") == [("verb", "belief", "fear")]


def test_cues_come_from_the_rule_data() -> None:
    """A verb the rules do not list is no cue, however speech-like."""
    assert cues_of("The minister blurted that the talks had failed.") == []


@pytest.mark.parametrize(
    ("text", "scope", "expected"),
    [
        (
            "The coach is confident that the team will reach the final.",
            "all",
            [("verb", "confident", "confident")],
        ),
        ("The coach is confident that the team will reach the final.", "speech", []),
        ("Confident players won the match on Sunday.", "speech", []),
        (
            "The senator's claim that the budget was balanced was false.",
            "speech",
            [("noun", "claim_noun", "claim")],
        ),
        (
            "The mayor claimed that the budget was balanced.",
            "speech",
            [("verb", "claim", "claimed")],
        ),
        ("The coach's decision to bench the captain surprised fans.", "speech", []),
    ],
)
def test_adjective_and_noun_cues(text: str, scope: str, expected: list) -> None:
    """A lemma is a cue only as the parts of speech its entry lists; nouns and verbs of one
    lemma ("claim") are separate entries."""
    assert cues_of(text, scope) == expected


def test_no_cue_lemma_is_listed_twice_for_one_part_of_speech() -> None:
    """A lemma's second entry would silently replace its first one's frames and category."""
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for entry in default_rules().cue_verbs:
        for lemma in entry.lemmas:
            for part in entry.parts:
                key = (lemma.lower(), "NOUN" if part == "NOUN" else "VERB")
                if key in seen and seen[key] != entry.key:
                    twice.append((lemma, seen[key], entry.key))
                seen.setdefault(key, entry.key)
    assert twice == []
