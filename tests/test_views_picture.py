"""The provenance picture: its layout in plain Python, and the drawing in a PNG."""

from __future__ import annotations

import pytest

from attribution import Analysis, Claim, Source
from attribution.views.picture import claim_ranges, layout


def test_layout_puts_publisher_then_relays_then_originators(seed: Analysis) -> None:
    plan = layout(seed)
    x = {source: position[0] for source, position in plan.sources.items()}
    assert x["ani"] < x["cnn"] < x["police-officials"]
    assert x["ani"] < x["volodymyr-zelensky"]
    assert set(plan.claims) == {claim.id for claim in seed.claims}
    hops = {(hop.source, hop.target): hop for hop in plan.hops}
    for originator in ("police-officials", "volodymyr-zelensky"):
        ids = [claim.id for claim in seed.claims if claim.chain[-1] == originator]
        told = [claim.id for claim in seed.claims if claim.id in ids and claim.channel]
        relay = "cnn" if originator == "police-officials" else "ani"
        label = f"{claim_ranges(ids)}\n{claim_ranges(told)} on Telegram"
        assert hops[(relay, originator)].label == label
    assert hops[("ani", "cnn")].channels == {}  # the channel is on the last hop only


def test_layout_survives_a_cycle_between_sources() -> None:
    sources = [Source(id=s, name=s.upper(), type="news_outlet") for s in ("p", "a", "b")]
    claims = [
        Claim(id="c1", text="One.", start=0, end=4, kind="indirect", chain=["p", "a", "b"]),
        Claim(id="c2", text="Two.", start=5, end=9, kind="indirect", chain=["p", "b", "a"]),
    ]
    plan = layout(Analysis(publisher="p", sources=sources, claims=claims))
    assert set(plan.sources) == {"p", "a", "b"}


def test_draw_writes_a_png_of_a_readable_size(seed: Analysis, tmp_path) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "chains.png"
    figure = seed.draw(path=path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 20_000
    width, height = figure.get_size_inches()
    assert height >= 0.3 * len(seed.claims)  # a row per claim, so 21 labels do not overlap
    assert width > height


def test_draw_into_given_axes() -> None:
    plt = pytest.importorskip("matplotlib.pyplot")
    figure, ax = plt.subplots()
    analysis = Analysis(publisher=None)
    assert Analysis.draw(analysis, ax=ax) is figure
    plt.close(figure)


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["c1"], "c1"),
        (["c2", "c9", "c10", "c11", "c12"], "c2, c9–c12"),
        (["c5", "c3", "c4"], "c3–c5"),
        (["c1", "x7"], "c1, x7"),
        ([], ""),
    ],
)
def test_claim_ranges(ids, expected) -> None:
    assert claim_ranges(ids) == expected
