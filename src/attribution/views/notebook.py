"""What Jupyter shows when a cell ends with an analysis: a compact HTML summary.

Three short tables (claims with kind, chain, channel and the inferred mark; sources with
their types; findings when there are any), never the whole JSON. ``short_repr`` is the
one-line text form.
"""

from __future__ import annotations

from html import escape

from ..models import Analysis
from . import _rows
from ._style import TABLE_CSS, kind_colour

#: Longest claim text a notebook row shows; the frames and the JSON have all of it.
MAX_TEXT = 160
#: Most claims the notebook display lists; a long article's rest is one line.
MAX_ROWS = 60


def short_repr(analysis: Analysis) -> str:
    """``Analysis(id='x', publisher='ANI', 21 claims, 6 sources, ...)``."""
    return f"Analysis({_rows.summary(analysis)})"


def shorten(text: str, limit: int = MAX_TEXT) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def kind_badge(kind: str) -> str:
    return f'<span class="kind" style="background:{kind_colour(kind)}">{escape(kind)}</span>'


def _table(head: list[str], rows: list[list[str]], ids: list[str] | None = None) -> str:
    """A table of already-escaped cells; ``ids`` give rows an anchor to link to."""
    header = "".join(f"<th>{escape(name)}</th>" for name in head)
    body = "".join(
        (f'<tr id="{escape(ids[i])}">' if ids else "<tr>")
        + "".join(f"<td>{cell}</td>" for cell in row)
        + "</tr>"
        for i, row in enumerate(rows)
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def claims_table(
    analysis: Analysis,
    *,
    limit: int = MAX_TEXT,
    anchors: bool = False,
    max_rows: int | None = None,
) -> str:
    """Claims: id, kind, chain (publisher first), channel, inferred mark, text; at most
    ``max_rows`` of them, with a line saying how many more there are."""
    shown = analysis.claims if max_rows is None else analysis.claims[:max_rows]
    rows = []
    for claim in shown:
        cells = [
            escape(claim.id),
            kind_badge(claim.kind),
            f'<span class="chain">{escape(_rows.chain_text(analysis, claim))}</span>',
            escape(claim.channel or ""),
            _rows.INFERRED_MARK if claim.inferred else "",
            escape(shorten(claim.text, limit)),
        ]
        rows.append(cells)
    head = ["id", "kind", "chain (publisher first)", "channel", "inferred", "text"]
    ids = [claim_anchor(claim.id) for claim in shown] if anchors else None
    table = _table(head, rows, ids)
    hidden = len(analysis.claims) - len(shown)
    if hidden:
        table += f'<p class="muted">… and {hidden} more; claims_frame() has them all.</p>'
    return table


def claim_anchor(claim_id: str) -> str:
    """The element id of a claim's row, which the rendered article links to."""
    return f"claim-{claim_id}"


def sources_table(analysis: Analysis) -> str:
    """Sources: id, name, type, role, aliases, mentions and claim counts."""
    rows = [
        [
            escape(row["id"]),
            f"<b>{escape(row['name'])}</b>",
            escape(row["type"]),
            escape(row["role"] or ""),
            escape(row["aliases"]),
            str(row["mentions"]),
            str(row["claims"]),
        ]
        for row in _rows.source_rows(analysis)
    ]
    head = ["id", "name", "type", "role", "aliases", "mentions", "claims"]
    return _table(head, rows)


def findings_table(analysis: Analysis) -> str:
    """Findings: kind, message, the claims and sources they point at."""
    rows = [
        [
            escape(finding.kind),
            escape(finding.message),
            escape(", ".join(finding.claims)),
            escape(", ".join(_rows.source_name(analysis, s) or s for s in finding.sources)),
        ]
        for finding in analysis.findings
    ]
    return _table(["kind", "message", "claims", "sources"], rows)


def repr_html(analysis: Analysis) -> str:
    """The notebook display: a summary line and the three tables."""
    parts = [
        f"<style>{TABLE_CSS}</style>",
        '<div class="attribution-view">',
        f"<p><b>Analysis</b> {escape(_rows.summary(analysis))}</p>",
        "<details open><summary>Claims</summary>",
        claims_table(analysis, max_rows=MAX_ROWS),
        "</details><details><summary>Sources</summary>",
        sources_table(analysis),
        "</details>",
    ]
    if analysis.findings:
        parts += ["<details open><summary>Findings</summary>", findings_table(analysis)]
        parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)
