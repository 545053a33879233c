"""How analysis time and memory grow with the length of the text.

The seed article's body (tests/data/kramatorsk.txt, headline and dateline kept once at
the top) is repeated to 1x, 4x, 16x and 64x its length; each text is analysed after a
warm-up, and the best of a few runs is compared with 1x. Linear growth means 64x costs
about 64 times as much; the target is at most 70x.

    python benchmarks/scaling.py                   # time and peak memory
    python benchmarks/scaling.py --profile 64      # cProfile of the flow at 64x
    python benchmarks/scaling.py --stages          # time each stage after parsing

Memory is the peak of Python allocations (tracemalloc) during one analysis; it includes
spaCy's arrays allocated through Python but not thinc's own buffers.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attribution import Analyzer
from attribution.language import load_language
from attribution.stages.article import read_article

SEED = Path(__file__).resolve().parent.parent / "tests" / "data" / "kramatorsk.txt"
FACTORS = (1, 4, 16, 64)
TARGET = 70.0


def scaled_text(factor: int) -> str:
    """The seed article with its body repeated ``factor`` times."""
    text = SEED.read_text(encoding="utf-8")
    body_start = read_article(text).body_start
    head, body = text[:body_start], text[body_start:].strip()
    return head + "\n\n".join([body] * factor) + "\n"


def best_time(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(run: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def measure(analyzer: Analyzer, factors: tuple[int, ...], repeat: int, memory: bool) -> bool:
    analyzer.analyze(scaled_text(1))  # warm-up: rule compilation, first allocations
    bare = load_language()  # the same default pipeline, without the attribution components
    bare(scaled_text(1))
    print(f"{'factor':>6} {'chars':>9} {'claims':>7} {'seconds':>9} {'ratio':>7}", end="")
    print(f" {'bare s':>8} {'ratio':>7}", end="")
    print(f" {'peak MiB':>9} {'ratio':>7}" if memory else "")
    base_time = base_memory = base_bare = 0.0
    ok = True
    for factor in factors:
        text = scaled_text(factor)
        claims = len(analyzer.analyze(text).claims)
        seconds = best_time(lambda t=text: analyzer.analyze(t), repeat if factor < 64 else 1)
        base_time = base_time or seconds
        ratio = seconds / base_time
        line = f"{factor:>6} {len(text):>9} {claims:>7} {seconds:>9.3f} {ratio:>6.1f}x"
        bare_seconds = best_time(lambda t=text: bare(t), repeat if factor < 64 else 1)
        base_bare = base_bare or bare_seconds
        line += f" {bare_seconds:>8.3f} {bare_seconds / base_bare:>6.1f}x"  # spaCy's own growth
        if memory:
            peak = peak_memory(lambda t=text: analyzer.analyze(t))
            base_memory = base_memory or peak
            line += f" {peak / 2**20:>9.1f} {peak / base_memory:>6.1f}x"
        print(line)
        if factor == 64 and ratio > TARGET:
            ok = False
    print(f"target: 64x costs at most {TARGET:.0f}x the time of 1x -> {'met' if ok else 'MISSED'}")
    return ok


def stage_times(analyzer: Analyzer, factors: tuple[int, ...]) -> None:
    """Time parsing and each stage of the flow separately, to find a super-linear one."""
    from attribution import flow

    names = [
        "read_article",
        "find_quotes",
        "find_cues",
        "find_links",
        "resolve_sources",
        "build_claims",
        "build_graph",
        "graph_data",
    ]
    originals = {name: getattr(flow, name) for name in names}
    spent: dict[str, float] = {}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    analyzer.analyze(scaled_text(1))
    rows: dict[int, dict[str, float]] = {}
    try:
        for name, function in originals.items():
            setattr(flow, name, timed(name, function))
        for factor in factors:
            text = scaled_text(factor)
            spent.clear()
            start = time.perf_counter()
            analyzer.analyze(text)
            total = time.perf_counter() - start
            spent["(spaCy and the rest)"] = total - sum(spent.values())
            rows[factor] = dict(spent)
    finally:
        for name, function in originals.items():
            setattr(flow, name, function)
    first = rows[factors[0]]
    print(f"{'stage':<22}" + "".join(f"{f'{f}x s':>10}" for f in factors) + f"{'ratio':>8}")
    for name in first:
        cells = "".join(f"{rows[f][name]:>10.4f}" for f in factors)
        ratio = rows[factors[-1]][name] / max(first[name], 1e-9)
        print(f"{name:<22}{cells}{ratio:>7.0f}x")


def profile(analyzer: Analyzer, text: str, order: str = "cumulative", lines: int = 40) -> None:
    """cProfile one analysis of ``text``, after a warm-up on the 1x seed body."""
    analyzer.analyze(scaled_text(1))
    profiler = cProfile.Profile()
    profiler.enable()
    analyzer.analyze(text)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(order).print_stats(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (best counts)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--profile", type=int, metavar="FACTOR", help="cProfile one size")
    parser.add_argument("--stages", action="store_true", help="time each stage")
    args = parser.parse_args()
    analyzer = Analyzer()
    if args.profile:
        profile(analyzer, scaled_text(args.profile))
    elif args.stages:
        stage_times(analyzer, FACTORS)
    else:
        ok = measure(analyzer, FACTORS, args.repeat, memory=not args.no_memory)
        raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
