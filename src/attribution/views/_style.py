"""Colours and CSS shared by the notebook display, the rendered article and the report.

Claims are coloured by kind; the marks inside them (source, cue, channel) by what they
are. The colours come from displaCy's own palette, so the pictures look like spaCy's.
"""

from __future__ import annotations

KIND_COLOURS = {
    "direct": "#7aecec",
    "indirect": "#feca74",
    "mixed": "#c887fb",
    "unattributed": "#dddddd",
}
MARK_COLOURS = {
    "SOURCE": "#ff9561",
    "CUE": "#aa9cfc",
    "CHANNEL": "#9cc9cc",
}
DEFAULT_COLOUR = "#ddd"


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, DEFAULT_COLOUR)


#: Styles for the tables of the notebook display and the report, scoped under a class so
#: that they never restyle the rest of a notebook page.
TABLE_CSS = """
.attribution-view table { border-collapse: collapse; margin: 0.4em 0 1em; font-size: 0.9em; }
.attribution-view th, .attribution-view td {
  border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
.attribution-view th { background: #f4f4f4; }
.attribution-view .kind { border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.attribution-view .chain { font-weight: bold; white-space: nowrap; }
.attribution-view .muted { color: #666; }
"""

#: displaCy's span style: words on a line, coloured bars under them, labels on the bars.
ARTICLE_CSS = """
.attribution-article { line-height: 2.6; font-family: sans-serif; max-width: 60em; }
.attribution-article p { margin: 0 0 1em; }
.attribution-article .w { display: inline-block; position: relative; font-weight: bold; }
.attribution-article .bar { position: absolute; left: -1px; width: calc(100% + 2px);
  height: 4px; }
.attribution-article .label { position: absolute; top: -0.5em; left: 0; z-index: 10;
  color: #000; padding: 2px 3px; font-size: 0.6em; font-weight: bold; line-height: 1;
  border-radius: 3px; white-space: nowrap; }
.attribution-article a.claim { color: inherit; text-decoration: none; }
"""
