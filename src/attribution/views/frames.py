"""pandas DataFrames with flat columns: one row per claim, source or attribution.

The chain is a string of names ("ANI ← CNN ← Police officials") beside its publisher,
originator and depth, so that ``frame.groupby("originator")`` works without unpacking
tuples. pandas comes with the ``views`` extra and is imported only here, when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import Analysis
from . import _rows
from ._optional import require

if TYPE_CHECKING:
    import pandas as pd


def _frame(rows: list[dict[str, Any]], columns: list[str], what: str) -> pd.DataFrame:
    pandas = require("pandas", what)
    return pandas.DataFrame(rows, columns=columns).set_index("id")


def _columns(sample: dict[str, Any]) -> list[str]:
    return list(sample)


def claims_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per claim, indexed by claim id, in document order."""
    rows = _rows.claim_rows(analysis)
    columns = _columns(_rows.claim_row(analysis, _EMPTY_CLAIM))
    return _frame(rows, columns, "claims_frame()")


def sources_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per source, indexed by source id, with claim counts."""
    rows = _rows.source_rows(analysis)
    columns = _columns(_rows.source_row(analysis, _EMPTY_SOURCE))
    return _frame(rows, columns, "sources_frame()")


def attributions_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per attribution link, indexed by its id; spans as text and offsets."""
    rows = _rows.attribution_rows(analysis)
    columns = _columns(_rows.attribution_row(analysis, _EMPTY_ATTRIBUTION))
    return _frame(rows, columns, "attributions_frame()")


# Stand-ins that give the column names of an empty frame, so that an analysis with no
# claims still has the same columns as one with many.
def _empty_models() -> tuple[Any, Any, Any]:
    from ..models import Attribution, Claim, Source, Span

    claim = Claim(id="", text="", start=0, end=0, kind="unattributed", chain=[])
    source = Source(id="", name="", type="article")
    empty = Span(start=0, end=0, text="")
    attribution = Attribution(
        id="", source=None, cue=None, content=empty, source_id=None, kind="direct", confidence=0
    )
    return claim, source, attribution


_EMPTY_CLAIM, _EMPTY_SOURCE, _EMPTY_ATTRIBUTION = _empty_models()
