"""How building a corpus grows with the number of articles: 1,000 against 10,000.

Articles are generated as analyses (no text is parsed: the corpus stage reads analyses),
shaped like a news day: events carried by two to six outlets each, some relayed through
agencies, with tolls that change and quotes that get reworded, among sentences that only
one article has. Each size is built once after a warm-up; time is wall-clock for
``Corpus.from_analyses`` plus the findings, peak memory is tracemalloc's peak in a
second build. Near-linear grouping means 10x the articles cost about 10x; the target is
at most 12x the time, and memory growing with the claims, not with their square.

    python benchmarks/corpus.py                 # 1,000 and 10,000 articles
    python benchmarks/corpus.py --sizes 500 5000
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from attribution import Analysis, Claim, Corpus, Source

SIZES = (1_000, 10_000)
TARGET = 12.0
SYLLABLES = ["ka", "lo", "mi", "ser", "tan", "vol", "dri", "pen", "gor", "hul", "bex", "nor"]
OUTLETS_PER_EVENT = (2, 6)
FILLER_CLAIMS = (4, 8)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Generator:
    """A deterministic news day: events, outlets, agencies and officials."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = [_word(self.rng) for _ in range(20_000)]
        self.outlets = [f"{_word(self.rng).title()} Times" for _ in range(300)]
        self.agencies = ["Reuters", "AFP", "AP", "ANI", "CNN"]

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(self.vocabulary) for _ in range(count))

    def articles(self, count: int) -> list[Analysis]:
        made: list[Analysis] = []
        event = 0
        while len(made) < count:
            event += 1
            made.extend(self._event(event, count - len(made)))
        return made

    def _event(self, event: int, room: int) -> list[Analysis]:
        rng = self.rng
        place = _word(rng).title()
        fact = f"A {self.words(2)} in {place} killed {{n}} people and {self.words(5)}"
        quote = f"We {self.words(6)} in {place}"
        official = f"{_word(rng).title()} {_word(rng).title()}"
        body = f"{place} regional police"
        toll = rng.randint(2, 40)
        agency = rng.choice(self.agencies)
        outlets = rng.sample(self.outlets, min(room, rng.randint(*OUTLETS_PER_EVENT)))
        made = []
        for index, outlet in enumerate(outlets):
            revised = toll + (2 if rng.random() < 0.2 else 0)
            worded = quote if rng.random() < 0.8 else quote.replace("We ", "We will ", 1)
            relay = [agency] if rng.random() < 0.5 else []
            made.append(
                self._article(
                    f"e{event}-{index}",
                    outlet,
                    fact.format(n=revised),
                    worded,
                    official,
                    body,
                    relay,
                    f"2026-05-{1 + event % 28:02d}T{8 + index:02d}:00:00Z",
                )
            )
        return made

    def _article(
        self,
        doc_id: str,
        outlet: str,
        fact: str,
        quote: str,
        official: str,
        body: str,
        relay: list[str],
        published: str,
    ) -> Analysis:
        names = [(outlet, "news_outlet"), *((r, "news_agency") for r in relay)]
        names += [(body, "police"), (official, "person"), ("officials", "anonymous")]
        sources = [
            Source(id=f"s{i}", name=n, type=t, anonymous=t == "anonymous")  # type: ignore[arg-type]
            for i, (n, t) in enumerate(names)
        ]
        relays = [f"s{i + 1}" for i in range(len(relay))]
        police, person, anonymous = (f"s{len(names) - k}" for k in (3, 2, 1))
        texts = [
            (fact, "indirect", ["s0", *relays, police]),
            (quote, "direct", ["s0", *relays, person]),
        ]
        for _ in range(self.rng.randint(*FILLER_CLAIMS)):
            chain = ["s0"] if self.rng.random() < 0.6 else ["s0", anonymous]
            texts.append(
                (
                    self.words(self.rng.randint(6, 18)),
                    "unattributed" if len(chain) == 1 else "indirect",
                    chain,
                )
            )
        claims, offset = [], 0
        for index, (text, kind, chain) in enumerate(texts, start=1):
            claims.append(
                Claim(
                    id=f"c{index}",
                    text=text,
                    start=offset,
                    end=offset + len(text),
                    kind=kind,
                    chain=chain,
                )  # type: ignore[arg-type]
            )
            offset += len(text) + 1
        return Analysis(
            id=doc_id,
            publisher="s0",
            sources=sources,
            claims=claims,
            article={"published": published},
        )


def build(analyses: list[Analysis]) -> Corpus:
    corpus = Corpus.from_analyses(analyses)
    corpus.findings  # noqa: B018 - the merge runs on first access
    return corpus


def timed(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The best of ``repeat`` runs (the machine is shared), and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak(run: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    run()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=SIZES, metavar=("SMALL", "LARGE"))
    parser.add_argument("--repeat", type=int, default=3, help="Timed builds per size (best).")
    args = parser.parse_args()
    build(Generator(0).articles(200))  # warm-up: imports, word lists, caches
    rows = []
    for size in args.sizes:
        analyses = Generator(size).articles(size)
        claims = sum(len(a.claims) for a in analyses)
        seconds, built = timed(lambda analyses=analyses: build(analyses), args.repeat)
        found = len(built.findings)
        del built
        memory = peak(lambda analyses=analyses: build(analyses))
        rows.append((size, claims, seconds, memory, found))
    print(f"{'articles':>9} {'claims':>8} {'time s':>8} {'peak MiB':>9} {'findings':>9}")
    for size, claims, seconds, memory, found in rows:
        print(f"{size:>9,} {claims:>8,} {seconds:>8.2f} {memory / 2**20:>9.1f} {found:>9,}")
    (small, c1, t1, m1, _), (large, c2, t2, m2, _) = rows
    print(
        f"ratio {large // small}x articles ({c2 / c1:.1f}x claims): time {t2 / t1:.1f}x "
        f"(target <= {TARGET:.0f}x), peak memory {m2 / m1:.1f}x"
    )


if __name__ == "__main__":
    main()
