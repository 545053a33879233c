"""What each view costs, beside the bare spaCy parse of the same article, in one run.

Rows: the bare parse (the pipeline without attribution), the analysis, then every view
and export of the analysis. Each is the median of ``--repeat`` runs, in milliseconds and
as a ratio to the bare parse. Views only read the analysis, so their cost should stay
small beside the parse, except the pictures, which matplotlib draws.

    python benchmarks/views.py [--repeat 5] [FILE]

Needs the ``views`` extra (pandas, matplotlib, prov).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from attribution import Analyzer, export
from attribution.views import FORMATS

ROOT = Path(__file__).resolve().parents[1]


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=ROOT / "examples" / "kramatorsk.txt")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = Path(args.file).read_text(encoding="utf-8")
    analyzer = Analyzer()
    analysis = analyzer.analyze(text)  # warm up: rules compiled, caches filled
    png = Path(tempfile.mkdtemp()) / "chains.png"
    with analyzer.nlp.select_pipes(disable=["attribution"]):
        parse = median_ms(lambda: analyzer.nlp(text), args.repeat)
    rows: list[tuple[str, Callable[[], object]]] = [
        ("analyze", lambda: analyzer.analyze(text)),
        ("repr", lambda: repr(analysis)),
        ("_repr_html_", analysis._repr_html_),
        ("claims_frame", analysis.claims_frame),
        ("sources_frame", analysis.sources_frame),
        ("attributions_frame", analysis.attributions_frame),
        ("render", lambda: analysis.render(text)),
        ("draw (PNG)", lambda: analysis.draw(path=png)),
    ]
    rows += [
        (f"export {name}", lambda name=name: export(analysis, name, text=text)) for name in FORMATS
    ]
    print(f"{len(text)} characters, {len(analysis.claims)} claims, median of {args.repeat}")
    print(f"{'':24}{'ms':>9}{'x parse':>9}")
    print(f"{'bare spaCy parse':24}{parse:9.1f}{1:9.2f}")
    for name, run in rows:
        ms = median_ms(run, args.repeat)
        print(f"{name:24}{ms:9.1f}{ms / parse:9.2f}")


if __name__ == "__main__":
    main()
