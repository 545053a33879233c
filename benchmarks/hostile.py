"""Hostile input: no text may make the analysis slow or huge.

Each adversarial family (``hostile_families.py``) is generated at 1x (2,500 characters)
and 8x (20,000 characters); each text is analysed and, side by side in the same run,
parsed by the bare spaCy pipeline. The target: at 8x, no family costs more than 3x the
bare parse of the same text. Then ordinary articles of 100 KB, 1 MB and 5 MB (the seed
article's body repeated), and one 1 MB line that opens a quote and never closes it, are
analysed each in a fresh subprocess, which reports its time and peak resident memory.
Targets: peak memory at most 1.2 GB at 1 MB and 5 MB, and 5 MB in at most 5.5x the time
of 1 MB.

    python benchmarks/hostile.py                 # everything (about 10 minutes)
    python benchmarks/hostile.py --no-memory     # the families only
    python benchmarks/hostile.py --family "said that" --profile   # cProfile one at 8x
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hostile_families import FAMILIES, huge_line  # noqa: E402
from scaling import profile, scaled_text  # noqa: E402

from attribution import Analyzer  # noqa: E402
from attribution.language import load_language  # noqa: E402

BASE_CHARS = 2_500
FACTORS = (1, 8)
RATIO_TARGET = 3.0
MEMORY_SIZES = (100_000, 1_000_000, 5_000_000)
MEMORY_TARGET_MB = 1_200.0
GROWTH_TARGET = 5.5


def best_time(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def families(names: list[str], repeat: int) -> float:
    """Time each family at 1x and 8x beside the bare parse; return the worst 8x ratio."""
    analyzer = Analyzer()
    bare = load_language()  # the same default pipeline, without the attribution components
    warm = scaled_text(1)
    analyzer.analyze(warm)
    bare(warm)
    print(f"{'family':<20} {'x':>2} {'chars':>7} {'bare s':>8} {'analysis s':>10} {'ratio':>6}")
    worst = 0.0
    for name in names:
        for factor in FACTORS:
            text = FAMILIES[name](BASE_CHARS * factor)
            bare_s = best_time(lambda t=text: bare(t), repeat)
            ours = best_time(lambda t=text: analyzer.analyze(t), repeat)
            ratio = ours / bare_s
            if factor == FACTORS[-1]:
                worst = max(worst, ratio)
            row = f"{name:<20} {factor:>2} {len(text):>7} {bare_s:>8.3f} {ours:>10.3f}"
            print(f"{row} {ratio:>5.2f}x")
    met = "met" if worst <= RATIO_TARGET else "MISSED"
    print(f"worst ratio at 8x: {worst:.2f}x the bare parse (target {RATIO_TARGET:g}x) -> {met}")
    return worst


def article(chars: int) -> str:
    """An ordinary article of about ``chars`` characters: the seed body repeated."""
    body = len(scaled_text(2)) - len(scaled_text(1))
    return scaled_text(chars // body + 2)[:chars]


def memory_child(kind: str, chars: int) -> None:
    """Run in a fresh process: analyse one long text, print time and peak memory as JSON."""
    analyzer = Analyzer()
    analyzer.analyze(scaled_text(1))
    text = article(chars) if kind == "article" else huge_line(chars)
    start = time.perf_counter()
    analysis = analyzer.analyze(text)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    result = {"chars": len(text), "seconds": seconds, "peak_mb": peak_mb}
    result["claims"] = len(analysis.claims)
    print(json.dumps(result))


def measure_memory(rows: list[tuple[str, int]]) -> bool:
    """Each row in a subprocess, so that one run's peak is not another's."""
    print(f"\n{'text':<16} {'chars':>9} {'claims':>7} {'seconds':>9} {'peak MB':>9}")
    seconds: dict[tuple[str, int], float] = {}
    ok = True
    for kind, chars in rows:
        command = [sys.executable, __file__, "--memory-child", kind, str(chars)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{kind:<16} {chars:>9} failed: {done.stderr.strip().splitlines()[-1:]}")
            ok = False
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        seconds[(kind, chars)] = result["seconds"]
        line = f"{kind:<16} {result['chars']:>9} {result['claims']:>7}"
        print(f"{line} {result['seconds']:>9.1f} {result['peak_mb']:>9.0f}")
        if chars >= 1_000_000 and result["peak_mb"] > MEMORY_TARGET_MB:
            ok = False
    one, five = seconds.get(("article", 1_000_000)), seconds.get(("article", 5_000_000))
    if one and five:
        growth = five / one
        ok = ok and growth <= GROWTH_TARGET
        print(f"5 MB / 1 MB time: {growth:.2f}x (target {GROWTH_TARGET:g}x)")
    print(f"peak memory target {MEMORY_TARGET_MB:g} MB at 1 MB and 5 MB, growth -> ", end="")
    print("met" if ok else "MISSED")
    return ok


def profile_family(name: str) -> None:
    """cProfile the family at its longest length."""
    profile(Analyzer(), FAMILIES[name](BASE_CHARS * FACTORS[-1]), order="tottime", lines=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES))
    parser.add_argument("--repeat", type=int, default=2, help="runs per text (best counts)")
    parser.add_argument("--no-memory", action="store_true", help="skip the long texts")
    parser.add_argument("--no-families", action="store_true", help="only the long texts")
    parser.add_argument("--profile", action="store_true", help="cProfile the family at 8x")
    parser.add_argument(
        "--memory-child", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return
    names = args.family or list(FAMILIES)
    if args.profile:
        profile_family(names[0])
        return
    ok = True
    if not args.no_families:
        ok = families(names, args.repeat) <= RATIO_TARGET
    if not args.no_memory:
        rows = [("article", chars) for chars in MEMORY_SIZES] + [("one huge line", 1_000_000)]
        ok = measure_memory(rows) and ok
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
