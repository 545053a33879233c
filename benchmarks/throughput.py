"""How much the attribution flow costs on top of the spaCy parse it reads.

In one run, on the same texts, this times the bare parse (``nlp.pipe`` with the same
spaCy model and none of our components) and ``Analyzer.pipe``. Each is warmed up, then
timed ``--repeats`` times, interleaved, and the median is reported with the ratio
Analyzer/bare. The texts are the seed article (tests/data/kramatorsk.txt) in ``--docs``
variants (its paragraphs reordered), and, when ../shared/eval is there, the first
``--polnear`` PolNeAR articles, read from that folder at run time.

    python benchmarks/throughput.py [--docs 50] [--polnear 50] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from attribution import Analyzer
from attribution.language import load_language

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "kramatorsk.txt"
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_dev.jsonl"
BATCH_SIZE = 16
WARM_UP = 5


def seed_variants(count: int) -> list[str]:
    """The seed article ``count`` times, its body paragraphs in a different order each."""
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    head, body = paragraphs[:2], paragraphs[2:]  # headline and the dateline paragraph stay
    variants = []
    for i in range(count):
        shuffled = list(body)
        random.Random(i).shuffle(shuffled)
        variants.append("\n\n".join(head + shuffled))
    return variants


def polnear_texts(count: int) -> list[str]:
    if count <= 0 or not POLNEAR.is_file():
        return []
    texts = []
    with POLNEAR.open(encoding="utf-8") as lines:
        for line in lines:
            if len(texts) >= count:
                break
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def seconds(run: Callable[[], Iterable[object]]) -> float:
    started = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - started


def measure(bare, analyzer: Analyzer, texts: Sequence[str], repeats: int) -> tuple[float, float]:
    """Median seconds of the bare parse and of the analyzer, timed in turn."""
    seconds(lambda: bare.pipe(texts[:WARM_UP], batch_size=BATCH_SIZE))
    seconds(lambda: analyzer.pipe(texts[:WARM_UP], batch_size=BATCH_SIZE))
    bare_times, analyzer_times = [], []
    for _ in range(repeats):
        bare_times.append(seconds(lambda: bare.pipe(texts, batch_size=BATCH_SIZE)))
        analyzer_times.append(seconds(lambda: analyzer.pipe(texts, batch_size=BATCH_SIZE)))
    return statistics.median(bare_times), statistics.median(analyzer_times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=50, help="variants of the seed article")
    parser.add_argument("--polnear", type=int, default=50, help="PolNeAR articles (0: none)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--scope", choices=("speech", "all"), default="speech")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: English small)")
    args = parser.parse_args(argv)

    bare = load_language(args.model)
    analyzer = Analyzer(args.model, scope=args.scope)
    corpora = {"seed article variants": seed_variants(args.docs)}
    if texts := polnear_texts(args.polnear):
        corpora["PolNeAR dev (first articles)"] = texts
    elif args.polnear > 0:
        print(f"(no PolNeAR at {POLNEAR}: seed article only)")

    print(
        f"model {bare.meta['lang']}_{bare.meta['name']} {bare.meta['version']}, "
        f"scope {args.scope}, batch size {BATCH_SIZE}, median of {args.repeats}"
    )
    header = f"{'corpus':<30} {'docs':>5} {'chars':>9} {'bare s':>8} {'ours s':>8} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for name, texts in corpora.items():
        bare_s, ours_s = measure(bare, analyzer, texts, args.repeats)
        chars = sum(len(t) for t in texts)
        print(
            f"{name:<30} {len(texts):>5} {chars:>9} {bare_s:>8.2f} {ours_s:>8.2f} "
            f"{ours_s / bare_s:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
