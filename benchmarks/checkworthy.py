"""What check-worthiness scoring costs on top of the spaCy parse it reads.

In one run, on the same sentences and the same loaded pipeline, this times the bare
parse (``nlp.pipe``) and the path ``attribution checkworthy`` takes (``score_texts``:
the parse plus the questions), interleaved ``--repeats`` times after a warm-up pass
over all of them, each repeat alternating which goes first, and reports the medians
and their ratio (the target is at most 1.3).

The sentences are the ClaimBuster ones, read at run time from ../shared/eval (never
copied into the repository) and cycled up to ``--count``; without that file, the seed
article's sentences are cycled instead.

    python benchmarks/checkworthy.py [--sentences PATH] [--count 10000] [--repeats 1]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attribution.cli.checks import score_texts  # noqa: E402
from attribution.language import load_language  # noqa: E402
from attribution.rules.loader import default_rules  # noqa: E402
from attribution.stages.checkworthy import scorer_for  # noqa: E402

CLAIMBUSTER = ROOT.parent / "shared" / "eval" / "claimbuster.jsonl"
SEED = ROOT / "tests" / "data" / "kramatorsk.txt"
BATCH_SIZE = 256


def sentences(path: Path, count: int, nlp) -> list[str]:
    if path.is_file():
        with path.open(encoding="utf-8") as lines:
            pool = [json.loads(line)["text"] for line in lines if line.strip()]
    else:
        pool = [s.text for s in nlp(SEED.read_text(encoding="utf-8")).sents]
    return list(itertools.islice(itertools.cycle(pool), count))


def seconds(run: Callable[[], Iterable[object]]) -> float:
    start = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=Path, default=CLAIMBUSTER)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    nlp = load_language(args.model)
    scorer = scorer_for(default_rules())
    texts = sentences(args.sentences, args.count, nlp)
    # The first pass over new text grows the vocabulary; warm up on all of it, untimed.
    seconds(lambda: nlp.pipe(texts, batch_size=BATCH_SIZE))
    seconds(lambda: score_texts(nlp, scorer, texts[:200], batch_size=BATCH_SIZE))

    bare, scored = [], []
    for repeat in range(args.repeats):  # alternate which goes first, against drift
        runs = [
            (bare, lambda: nlp.pipe(texts, batch_size=BATCH_SIZE)),
            (scored, lambda: score_texts(nlp, scorer, texts, batch_size=BATCH_SIZE)),
        ]
        for times, run in runs[:: 1 if repeat % 2 == 0 else -1]:
            times.append(seconds(run))
    report = {
        "sentences": len(texts),
        "source": args.sentences.name if args.sentences.is_file() else SEED.name,
        "bare_parse_s": round(statistics.median(bare), 2),
        "checkworthy_s": round(statistics.median(scored), 2),
        "ratio": round(statistics.median(scored) / statistics.median(bare), 3),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
