"""Claims that say the same thing, found without comparing every pair.

MinHash signatures of each claim's content words (quantities masked) go through
locality-sensitive hashing: claims that share a band of their signature land in one
bucket, and only claims in a bucket are compared. A bucket compares each claim with at
most a few representatives, so the work grows with the number of claims, not with its
square. Compared pairs are then checked with rapidfuzz and joined with union-find.

Two relations come out: *facts* (same content words once quantities are masked: "3
dead" and "4 dead" are one fact) and *quote variants* (direct quotes of one originator
in different articles, worded alike but not the same).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz

#: Hash functions per signature, and rows per band: 16 bands of 3 rows find pairs whose
#: content words overlap by half 88 times in a hundred, and by 60% 98 times in a hundred,
#: while claims that share one word in twenty rarely meet.
PERMUTATIONS = 48
ROWS = 3
#: Representatives a claim is compared with in one bucket.
LEADERS = 8
#: A word in more claims than this says little about which fact a claim states ("killed",
#: "people"): it is left out of the signature, not out of the comparison, so that
#: unrelated claims do not meet in buckets through it. The cap is fixed, not a share of
#: the corpus, so that the claims one word brings together stay as many in a big corpus as
#: in a small one. A claim keeps at least KEEP of its rarest words.
COMMON_CLAIMS = 50
KEEP = 3
#: Thresholds: share of content words in common (more for short claims, where one word
#: changed, "killed" for "injured", changes the fact), and rapidfuzz's token-sort ratio.
FACT_JACCARD = 0.5
SHORT_JACCARD = 0.7
SHORT = 8
#: Two different words count as one form ("raise", "raising") when they share a prefix
#: this long, covering this much of the shorter word.
STEM = 4
STEM_SHARE = 0.6
FACT_RATIO = 72.0
QUOTE_RATIO = 60.0

_SEEDS = np.random.default_rng(20260201).integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_CHUNK = 4096  # claims per vectorised signature step, to bound memory


class Item(NamedTuple):
    """What the grouping needs of one claim."""

    content: frozenset[str]  # content words, quantities masked
    text: str  # the masked content words in order, for the ratio
    words: str  # the unmasked words in order, for quote wording


class Groups(NamedTuple):
    """Union-find roots per claim index: facts, and quote variants (None where none)."""

    facts: list[int]
    quotes: list[int]


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller index is the root, so roots do not depend on order
            self.parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> list[int]:
        return [self.find(i) for i in range(len(self.parent))]


_token_hashes: dict[str, int] = {}


def _token_hash(token: str) -> int:
    """A stable 64-bit hash (Python's own hash changes between processes)."""
    value = _token_hashes.get(token)
    if value is None:
        value = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest())
        if len(_token_hashes) < 1_000_000:
            _token_hashes[token] = value
    return value


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: one independent-looking hash function per seed (a bare
    multiply-add makes the permutations agree on which word is smallest)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def signatures(sets: Sequence[frozenset[str]]) -> np.ndarray:
    """MinHash signatures, one row per set (an empty set gives the maximum everywhere)."""
    out = np.full((len(sets), PERMUTATIONS), np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(sets), _CHUNK):
        chunk = sets[start : start + _CHUNK]
        sizes = np.array([len(s) for s in chunk], dtype=np.int64)
        hashes = np.fromiter(
            (_token_hash(t) for s in chunk for t in sorted(s)), dtype=np.uint64, count=sizes.sum()
        )
        if not len(hashes):
            continue
        mixed = _mix(hashes[:, None] ^ _SEEDS[None, :])
        filled = np.flatnonzero(sizes)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
        out[start + filled] = np.minimum.reduceat(mixed, starts, axis=0)
    return out


def buckets(sigs: np.ndarray, usable: np.ndarray) -> Iterator[np.ndarray]:
    """Runs of claim indices that share a band, each run in index order."""
    for band in range(PERMUTATIONS // ROWS):
        rows = sigs[usable, band * ROWS : (band + 1) * ROWS]
        keys = rows[:, 0]
        for row in range(1, ROWS):
            keys = _mix(keys ^ rows[:, row])
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        cuts = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
        for run in np.split(order, cuts):
            if len(run) > 1:
                yield np.sort(usable[run])


def _forms(a: str, b: str) -> bool:
    """Two forms of one word, by shared prefix alone (no word list): raise / raising."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= STEM and shared >= STEM_SHARE * min(len(a), len(b))


def telling_words(sets: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """Each set without the words that too many claims share (its rarest KEEP stay)."""
    counts = Counter(word for words in sets for word in words)
    kept = []
    for words in sets:
        rare = frozenset(w for w in words if counts[w] <= COMMON_CLAIMS)
        if len(rare) < KEEP and len(words) > len(rare):
            rare = frozenset(sorted(words, key=lambda w: (counts[w], w))[:KEEP])
        kept.append(rare)
    return kept


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Words in common over words in all, counting two forms of one word as one."""
    if not a and not b:
        return 0.0
    by_prefix: dict[str, list[str]] = {}
    for word in b - a:
        by_prefix.setdefault(word[:STEM], []).append(word)
    matched = sum(1 for w in a - b if any(_forms(w, v) for v in by_prefix.get(w[:STEM], ())))
    return (len(a & b) + matched) / (len(a | b) - matched)


def same_fact(a: Item, b: Item) -> bool:
    """Same content words once quantities are masked, in much the same order."""
    short = min(len(a.content), len(b.content)) < SHORT
    needed = SHORT_JACCARD if short else FACT_JACCARD
    sizes = sorted((len(a.content), len(b.content)))
    if sizes[0] < needed * sizes[1]:  # even if every word paired up: too few in common
        return False
    return (
        fuzz.token_sort_ratio(a.text, b.text) >= FACT_RATIO
        and jaccard(a.content, b.content) >= needed
    )


def group(items: Sequence[Item], quotable: Callable[[int, int], bool]) -> Groups:
    """Fact groups and quote-variant groups; ``quotable(i, j)`` says whether two claims
    may be variants of one quote (direct, one originator, different articles)."""
    facts, quotes = _UnionFind(len(items)), _UnionFind(len(items))
    usable = np.array([i for i, item in enumerate(items) if item.content], dtype=np.int64)
    if len(usable) > 1:
        sigs = signatures(telling_words([item.content for item in items]))
        for run in buckets(sigs, usable):
            _compare_run(run.tolist(), items, facts, quotes, quotable)
    return Groups(facts.roots(), quotes.roots())


def _compare_run(
    run: list[int],
    items: Sequence[Item],
    facts: _UnionFind,
    quotes: _UnionFind,
    quotable: Callable[[int, int], bool],
) -> None:
    """Each claim against at most LEADERS representatives of the bucket."""
    leaders: list[int] = []
    for index in run:
        joined = False
        for leader in leaders:
            if facts.find(index) == facts.find(leader) or same_fact(items[index], items[leader]):
                facts.union(index, leader)
                joined = True
            if quotable(index, leader) and _quote_variant(items[index], items[leader]):
                quotes.union(index, leader)
        if not joined and len(leaders) < LEADERS:
            leaders.append(index)


def _quote_variant(a: Item, b: Item) -> bool:
    return fuzz.token_sort_ratio(a.words, b.words) >= QUOTE_RATIO
