"""The library beside a peer on PolNeAR dev: scores and time, in one run.

Rows: the bare spaCy parse (time only); textacy's ``extract.triples.direct_quotations``
over the same parsed docs (speaker -> source, cue -> cue, content -> content); and this
library at ``--scope all`` and ``--scope speech``. Every system is scored with
:func:`attribution.evaluate.score` (the shared reference metrics), and timed against
the bare parse of the same articles with the same model. PolNeAR is read from
../shared/eval at run time and never copied.

    python benchmarks/peers.py [--limit 100] [--gold ../shared/eval/polnear_dev.jsonl]

textacy comes with the ``bench`` extra: pip install 'news-attribution[bench]'.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from attribution import Analyzer
from attribution.evaluate import load_gold, predictions, score
from attribution.language import load_language

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_dev.jsonl"
BATCH_SIZE = 16
WARM_UP = 3
COLUMNS = ("content_lenient", "content_strict", "source", "cue", "full")


def _span(doc: Doc, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": doc.text[start:end]}


def _tokens_span(doc: Doc, tokens: Sequence[Token]) -> dict[str, Any] | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return _span(doc, start, end)


def textacy_attributions(doc: Doc, direct_quotations) -> list[dict[str, Any]] | None:
    """textacy's direct-quotation triples as attributions in the contract's shape.

    None when textacy declines the doc (it bails out on an odd number of quote marks).
    """
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    found = []
    for triple in triples:
        content = triple.content
        found.append(
            {
                "source": _tokens_span(doc, triple.speaker),
                "cue": _tokens_span(doc, triple.cue),
                "content": _span(doc, content.start_char, content.end_char),
                "kind": "direct",
            }
        )
    return found


def timed(function, *args, **kwargs) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def bare_parse(nlp, texts: list[str]) -> list[Doc]:
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE))


def run_textacy(
    direct_quotations, docs: list[Doc], gold: list[dict]
) -> tuple[list[dict], set[str]]:
    """Predictions per article, and the ids of those textacy declined (scored as empty)."""
    predicted, declined = [], set()
    for g, doc in zip(gold, docs, strict=True):
        found = textacy_attributions(doc, direct_quotations)
        if found is None:
            declined.add(g["id"])
        predicted.append({"id": g["id"], "attributions": found or []})
    return predicted, declined


def run_library(analyzer: Analyzer, gold: list[dict]) -> list[dict]:
    items = [(g["text"], {"id": g["id"]}) for g in gold]
    return [
        {"id": g["id"], "attributions": predictions(analysis, g["text"])}
        for g, analysis in zip(gold, analyzer.pipe(items, batch_size=BATCH_SIZE), strict=True)
    ]


def row(name: str, metrics: dict | None, seconds: float | None, bare: float) -> str:
    cells = [f"{metrics[c]['f1']:.3f}" if metrics else "-" for c in COLUMNS]
    times = f" {seconds:>8.1f} {seconds / bare:>7.2f}" if seconds is not None else ""
    return f"{name:<28} " + " ".join(f"{c:>8}" for c in cells) + times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=POLNEAR)
    parser.add_argument("--limit", type=int, default=None, help="first N articles (default all)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: English small)")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"error: no gold file at {args.gold}", file=sys.stderr)
        return 2

    gold = load_gold(args.gold, args.limit)
    texts = [g["text"] for g in gold]
    nlp = load_language(args.model)
    print(
        f"{len(gold)} articles, {sum(len(g['attributions']) for g in gold)} gold attributions; "
        f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        flush=True,
    )

    bare_parse(nlp, texts[:WARM_UP])
    docs, bare = timed(bare_parse, nlp, texts)
    results: list[tuple[str, dict | None, float]] = [("bare spaCy parse", None, bare)]
    notes: list[str] = []
    subsets: dict[str, list[dict]] = {}
    accepted: list[dict] = []
    print(f"  bare parse: {bare:.1f}s", file=sys.stderr, flush=True)

    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy not installed: pip install 'news-attribution[bench]' (row skipped)")
    else:
        textacy_attributions(docs[0], direct_quotations)  # warm up
        (textacy_pred, declined), extract = timed(run_textacy, direct_quotations, docs, gold)
        results.append(("textacy direct_quotations", score(gold, textacy_pred), bare + extract))
        accepted = [g for g in gold if g["id"] not in declined]
        notes.append(
            f"textacy declined {len(declined)} of {len(gold)} articles (odd number of quote "
            "marks): scored as empty; its time is the bare parse plus the extraction; "
            f"rows marked * score only the {len(accepted)} articles it accepted"
        )
        subsets["textacy direct_quotations"] = textacy_pred
        print(f"  textacy: {extract:.1f}s after the parse", file=sys.stderr, flush=True)
    del docs

    for scope in ("all", "speech"):
        analyzer = Analyzer(args.model, scope=scope)
        run_library(analyzer, gold[:WARM_UP])
        predicted, seconds = timed(run_library, analyzer, gold)
        results.append((f"attribution --scope {scope}", score(gold, predicted), seconds))
        subsets[f"attribution --scope {scope}"] = predicted
        print(f"  attribution {scope}: {seconds:.1f}s", file=sys.stderr, flush=True)
        del analyzer

    labels = ("content", "strict", "source", "cue", "full")
    header = (
        f"{'system (F1)':<28} "
        + " ".join(f"{c:>8}" for c in labels)
        + f" {'time s':>8} {'x bare':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, metrics, seconds in results:
        print(row(name, metrics, seconds, bare))
    if accepted and len(accepted) < len(gold):
        for name, predicted in subsets.items():
            print(row(f"{name[:26]} *", score(accepted, predicted), None, bare))
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
