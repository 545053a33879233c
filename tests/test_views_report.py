"""The HTML report: one self-contained file, checked as text and in a real browser.

The browser test drives headless Chromium (the system package ``chromium``) with
``--dump-dom`` and asserts that the rendered page holds every claim with its chain, and,
from Chromium's own network log, that the page asked for nothing. It is skipped, with the
reason, where Chromium is absent; CI installs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from attribution import Analysis, Finding
from attribution.views import _rows
from attribution.views.report import CSP

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM = next((path for name in BROWSERS if (path := shutil.which(name))), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (apt-get install -y chromium); CI installs it",
)
#: Attributes through which a page could fetch something.
FETCHING = ("src", "href", "srcset", "action", "data", "poster", "xlink:href")


class Page(HTMLParser):
    """Claim rows' text, claim titles in the article, and every fetching attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.links: list[str] = []
        self.csp: str | None = None
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.links += [value or "" for name, value in attrs if name in FETCHING]
        if tag == "tr" and (values.get("id") or "").startswith("claim-"):
            self._row = values["id"].removeprefix("claim-")  # type: ignore[union-attr]
            self.rows[self._row] = ""
        if values.get("data-claim"):
            self.titles[values["data-claim"]] = values.get("title") or ""  # type: ignore[index]
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._row is not None:
            self.rows[self._row] += data + " "


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def assert_every_claim_and_chain(page: Page, analysis: Analysis) -> None:
    for claim in analysis.claims:
        row = " ".join(page.rows[claim.id].split())
        assert " ".join(claim.text.split()) in row, claim.id
        chain = _rows.chain_text(analysis, claim)
        assert chain in row, claim.id
        assert chain in page.titles[claim.id], claim.id


def assert_fetches_nothing(page: Page) -> None:
    assert page.csp == CSP and "default-src 'none'" in page.csp
    for link in page.links:
        assert link.startswith(("#", "data:")), link


@pytest.fixture(scope="module")
def report(seed: Analysis, seed_text: str) -> str:
    return seed.to_html(seed_text)


def test_report_holds_every_claim_and_chain(report: str, seed: Analysis) -> None:
    assert_every_claim_and_chain(parse(report), seed)


def test_report_is_self_contained(report: str) -> None:
    assert_fetches_nothing(parse(report))
    assert "<script" not in report
    assert "<svg" in report  # the picture is inline


def test_report_without_text_still_has_the_claims(seed: Analysis) -> None:
    """An analysis read from JSON without its text still reports every claim."""
    page = parse(seed.model_copy(update={"text": ""}).to_html())
    assert set(page.rows) == {claim.id for claim in seed.claims}
    assert page.titles == {}


def test_report_shows_the_article_from_the_analysis_itself(seed: Analysis) -> None:
    page = parse(seed.to_html())
    assert set(page.titles) == {claim.id for claim in seed.claims}


def test_report_without_matplotlib_says_what_is_missing(seed: Analysis, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    html = seed.to_html()
    assert "<svg" not in html and "news-attribution[views]" in html


def run_chromium(page: Path, workdir: Path, *extra: str) -> str:
    """Load ``page`` in headless Chromium with a fresh profile; its stdout."""
    profile = workdir / "profile"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # were anything to go out, it resolves nowhere
        f"--user-data-dir={profile}",
        *extra,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for, from Chromium's network log.

    The browser's own background requests carry no origin ("not an origin"); a page's
    requests carry the page's origin, which for a file is "null".
    """
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and event.get("params", {}).get("initiator") != "not an origin"
        and not event["params"].get("url", "file:").startswith(("file:", "data:"))
    ]


@needs_chromium
def test_report_in_a_browser(report: str, seed: Analysis, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report, encoding="utf-8")
    netlog = tmp_path / "net.json"
    dom = run_chromium(page, tmp_path, "--dump-dom", f"--log-net-log={netlog}")
    rendered = parse(dom)
    assert_every_claim_and_chain(rendered, seed)
    assert_fetches_nothing(rendered)
    assert page_requests(netlog) == []
    screenshot = tmp_path / "report.png"
    run_chromium(page, tmp_path, f"--screenshot={screenshot}", "--window-size=1280,2400")
    assert screenshot.stat().st_size > 50_000  # a page with text and colour, not blank


@needs_chromium
def test_the_network_check_catches_a_page_that_fetches(tmp_path: Path) -> None:
    """The check above is only worth something if it sees a fetch when there is one."""
    page = tmp_path / "leaky.html"
    page.write_text('<p>x</p><img src="http://example.invalid/pixel.png">', encoding="utf-8")
    netlog = tmp_path / "net.json"
    run_chromium(page, tmp_path, "--dump-dom", f"--log-net-log={netlog}")
    assert page_requests(netlog) == ["http://example.invalid/pixel.png"]


def test_report_lists_findings(seed: Analysis) -> None:
    finding = Finding(
        id="f1",
        kind="second_hand",
        claims=["c10"],
        sources=["police-officials"],
        message="The police's words reached ANI through CNN.",
    )
    html = seed.model_copy(update={"findings": [finding]}).to_html()
    assert "second_hand" in html and "reached ANI through CNN" in html
    assert "No findings." not in html
    assert "No findings." in seed.model_copy(update={"findings": []}).to_html()
