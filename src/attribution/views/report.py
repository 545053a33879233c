"""A self-contained HTML report: one file to open offline or send by e-mail.

The article with its claims highlighted by kind (hover a claim for its chain, click it
for its row), the claims with their chains, the sources, the findings and the provenance
picture as inline SVG. Everything is inline; a Content-Security-Policy forbids the page
any fetch at all, so a stray link could not load anything either.

The page is built from sections (:func:`page` takes any list of them), so that a report
over many articles can reuse the frame and the tables.
"""

from __future__ import annotations

from html import escape

from ..models import Analysis
from . import _rows
from ._optional import MissingExtraError
from ._style import ARTICLE_CSS, KIND_COLOURS, MARK_COLOURS, TABLE_CSS
from .article import render_article
from .notebook import claims_table, findings_table, kind_badge, sources_table

#: No fetch of any kind; inline styles and data: images only.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"

PAGE_CSS = """
body { font-family: sans-serif; margin: 1.5em auto; max-width: 78em; padding: 0 1em;
  color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.legend span { margin-right: 0.8em; }
tr:target { outline: 2px solid #c47a00; background: #fff7e6; }
.picture svg { max-width: 100%; height: auto; }
"""


def page(title: str, sections: list[tuple[str, str]], *, summary: str = "") -> str:
    """A whole HTML document: a heading, a summary line and (heading, html) sections."""
    body = "".join(
        f'<section id="{escape(_anchor(name))}"><h2>{escape(name)}</h2>{html}</section>'
        for name, html in sections
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f"<style>{PAGE_CSS}{TABLE_CSS}{ARTICLE_CSS}</style></head>"
        f'<body><div class="attribution-view"><h1>{escape(title)}</h1>'
        f"<p>{escape(summary)}</p>{body}</div></body></html>\n"
    )


def _anchor(name: str) -> str:
    return name.lower().replace(" ", "-")


def article_section(analysis: Analysis, text: str | None) -> str:
    if text is None:
        return '<p class="muted">The article text was not given; the claims are below.</p>'
    badges = [kind_badge(kind) for kind in KIND_COLOURS]
    badges += [
        f'<span class="kind" style="background:{colour}">{escape(name.lower())}</span>'
        for name, colour in MARK_COLOURS.items()
    ]
    legend = (
        f'<p class="legend">{" ".join(badges)}<br><span class="muted">Hover a claim for '
        "its chain (publisher first); click it for its row below.</span></p>"
    )
    return legend + render_article(analysis, text, links=True)


def findings_section(analysis: Analysis) -> str:
    if not analysis.findings:
        return '<p class="muted">No findings.</p>'
    return findings_table(analysis)


def picture_section(analysis: Analysis) -> str:
    from .picture import svg

    try:
        return f'<div class="picture">{svg(analysis)}</div>'
    except MissingExtraError as exc:
        return f'<p class="muted">{escape(str(exc))}</p>'


def report_html(analysis: Analysis, text: str | None = None) -> str:
    """The report of one article as a complete HTML document; ``text`` is the article's
    own text (without it, the article section is left out)."""
    title = analysis.article.title or analysis.id or "Attribution report"
    sections = [
        ("Article", article_section(analysis, text)),
        ("Claims", claims_table(analysis, limit=10_000, anchors=True)),
        ("Sources", sources_table(analysis)),
        ("Findings", findings_section(analysis)),
        ("Provenance", picture_section(analysis)),
    ]
    return page(title, sections, summary=_rows.summary(analysis))
