"""Check-worthiness: every question's rule examples, and the score's shape on real sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from attribution.rules.loader import default_rules
from attribution.rules.model import CheckExample
from attribution.stages.checkworthy import Scorer, scorer_for
from helpers import shared_analyzer

RULES = default_rules()
QUESTION_EXAMPLES = [
    pytest.param(key, example, id=f"{key}[{index}]")
    for section, key, index, example in RULES.check_examples()
    if section == "checkworthy"
]


def parse(text: str) -> Doc:
    """The parse alone: the scorer reads tokens, not the attribution flow."""
    return shared_analyzer().nlp(text, disable=["attribution"])


def test_every_question_has_three_examples_with_a_counter_example() -> None:
    for question in RULES.checkworthy:
        if question.test == "always":
            continue
        assert len(question.examples) >= 3, question.key
        assert any(not example.expect for example in question.examples), question.key


@pytest.mark.parametrize(("key", "example"), QUESTION_EXAMPLES)
def test_question_answers_its_examples(key: str, example: CheckExample) -> None:
    answers = scorer_for(RULES).answers(parse(example.text))
    assert answers[key] is example.expect, f"{example.file}:{example.line}: {example.text}"


@pytest.mark.parametrize(
    ("worth", "less"),
    [
        # a figure stated as fact, and an opinion with a number
        (
            "The county paid $1.8 million for the new fire station in 2021.",
            "I think $1.8 million is far too much for a fire station.",
        ),
        # a past event, and a prediction about it
        (
            "The storm destroyed 400 homes along the coast.",
            "The storm will probably destroy hundreds of homes along the coast.",
        ),
        # a statistic, and a question about it
        (
            "Youth unemployment rose to 14 percent last year.",
            "Did youth unemployment rise last year?",
        ),
    ],
)
def test_factual_claims_outrank_their_look_alikes(worth: str, less: str) -> None:
    scorer = scorer_for(RULES)
    assert scorer.score(parse(worth)).score > 0.5 > scorer.score(parse(less)).score


def test_reasons_put_what_speaks_for_checking_first() -> None:
    result = scorer_for(RULES).score(parse("I think we cut the deficit by 40 percent."))
    assert 0.0 <= result.score <= 1.0
    against = [i for i, reason in enumerate(result.reasons) if reason.startswith("against:")]
    assert against and all(i >= len(result.reasons) - len(against) for i in against)
    assert "gives a number" in result.reasons


def test_a_rule_set_without_questions_scores_zero() -> None:
    empty = RULES.model_copy(update={"checkworthy": []})
    assert Scorer(empty).score(parse("The plant closed in 2019.")).score == 0.0


def test_the_scorer_is_built_once_per_rule_set() -> None:
    assert scorer_for(RULES) is scorer_for(RULES)


def test_an_extension_reweights_and_removes_questions() -> None:
    from attribution.rules.loader import parse_rules

    extension = parse_rules(
        "name: desk\n"
        "remove: [checkworthy.short]\n"
        "checkworthy:\n"
        "  - key: quantity\n"
        "    ask: Does it give a number?\n"
        "    reason: gives a number\n"
        "    test: quantity\n"
        "    weight: 3.0\n",
        base=RULES,
    )
    merged = RULES.extend(extension)
    keys = [q.key for q in merged.checkworthy]
    assert "short" not in keys
    assert next(q for q in merged.checkworthy if q.key == "quantity").weight == 3.0
    text = "Prices rose 4 percent."
    assert scorer_for(merged).score(parse(text)).score > scorer_for(RULES).score(parse(text)).score


def test_an_unknown_test_shape_names_its_line() -> None:
    from attribution.errors import RuleFileError
    from attribution.rules.loader import parse_rules

    with pytest.raises(RuleFileError) as error:
        parse_rules(
            "name: desk\n"
            "checkworthy:\n"
            "  - key: odd\n"
            "    ask: Is it odd?\n"
            "    reason: is odd\n"
            "    test: oddness\n"
            "    weight: 1.0\n",
            "desk.rules.yaml",
        )
    assert "desk.rules.yaml:6" in str(error.value)
