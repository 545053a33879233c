"""Fit the check-worthiness weights on ClaimBuster, with 5-fold cross-validation.

    python benchmarks/fit_checkworthy.py ../shared/eval/claimbuster.jsonl \
        [--scores CV_SCORES.jsonl] [--write] [--docs CACHE.spacy]

Each sentence is parsed once; the rule set's questions (``checkworthy`` in
``src/attribution/rules/data/checks.rules.yaml``) are answered on it exactly as
``attribution checkworthy`` answers them; a logistic regression (Newton's method, L2)
fits one weight per question and the prior. The prior is then shifted so that the
score 0.5 is the threshold with the best F1 on the training sentences.

It prints the out-of-fold average precision and F1 (each fold scored by weights fitted
on the other four); ``--scores`` writes those out-of-fold scores, for
``score_checkworthy.py``. ``--write`` puts the weights fitted on all sentences into the
rule file. Only the weights are shipped: never the sentences.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attribution.language import load_language  # noqa: E402
from attribution.rules.loader import default_rules  # noqa: E402
from attribution.stages.checkworthy import Scorer  # noqa: E402

RULE_FILE = ROOT / "src" / "attribution" / "rules" / "data" / "checks.rules.yaml"
FOLDS = 5
L2 = 1.0
SEED = 0


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def parse(rows: list[dict], cache: Path | None, model: str | None) -> list:
    nlp = load_language(model)
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((row["text"] for row in rows), batch_size=256))
    if cache is not None:
        bin_ = DocBin(docs=docs, store_user_data=False)
        bin_.to_disk(cache)
    return docs


def features(docs: list, scorer: Scorer) -> tuple[np.ndarray, list[str], str]:
    """One column per question that is not the prior; the prior's key apart."""
    prior = next(q.key for q in scorer.questions if q.prior)
    keys = [q.key for q in scorer.questions if not q.prior]
    rows = []
    for doc in docs:
        answers = scorer.answers(doc)
        rows.append([float(answers[key]) for key in keys])
    return np.array(rows), keys, prior


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights [prior, *questions] by Newton's method on the L2-penalised log loss."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = L2 * np.diag(np.r_[0.0, np.ones(xb.shape[1] - 1)])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    p = 1.0 / (1.0 + np.exp(-xb @ w))
    best = max(np.linspace(0.05, 0.95, 91), key=lambda t: f1(p, y, t))
    w[0] -= np.log(best / (1 - best))  # now 0.5 is the best-F1 threshold
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))


def f1(scores: np.ndarray, y: np.ndarray, threshold: float = 0.5) -> float:
    chosen = scores >= threshold
    tp = float((chosen & (y == 1)).sum())
    fp = float((chosen & (y == 0)).sum())
    fn = float((~chosen & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def average_precision(scores: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(-scores, kind="stable")
    hits = y[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / hits.sum())


def cross_validate(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    folds = np.random.default_rng(SEED).permutation(len(y)) % FOLDS
    scores = np.zeros(len(y))
    for k in range(FOLDS):
        train = folds != k
        scores[~train] = predict(fit(x[train], y[train]), x[~train])
    return scores


def write_weights(weights: dict[str, float], path: Path = RULE_FILE) -> None:
    """Replace each question's ``weight:`` line in the rule file, keeping the rest."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    key = None
    for i, line in enumerate(lines):
        if match := re.match(r"  - key: (\S+)", line):
            key = match.group(1)
        elif key in weights and re.match(r"    weight: ", line):
            lines[i] = f"    weight: {weights[key]:.4f}\n"
    path.write_text("".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--scores", type=Path, help="Write out-of-fold scores here (JSONL).")
    parser.add_argument("--write", action="store_true", help="Write the weights to the rules.")
    parser.add_argument("--docs", type=Path, help="Cache the parsed sentences here.")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    rows = read_rows(args.gold)
    y = np.array([int(row["label"]) for row in rows])
    x, keys, prior = features(parse(rows, args.docs, args.model), Scorer(default_rules()))
    scores = cross_validate(x, y)
    print(
        json.dumps(
            {
                "sentences": len(y),
                "folds": FOLDS,
                "cv_ap": round(average_precision(scores, y), 4),
                "cv_f1": round(f1(scores, y), 4),
            }
        )
    )
    if args.scores:
        with args.scores.open("w", encoding="utf-8") as out:
            for row, score in zip(rows, scores, strict=True):
                out.write(json.dumps({"id": row["id"], "score": round(float(score), 4)}) + "\n")
    w = fit(x, y)
    weights = {prior: float(w[0]), **{k: float(v) for k, v in zip(keys, w[1:], strict=True)}}
    print(json.dumps({k: round(v, 4) for k, v in weights.items()}))
    if args.write:
        write_weights(weights)
        print(f"wrote {len(weights)} weights to {RULE_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
