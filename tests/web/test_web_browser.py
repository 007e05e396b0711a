"""In a real browser (Debian's chromium driven by Playwright), against a real server.

Every request that is not to the test server is blocked and recorded: the pages must
work offline. With NEWSCLAIMS_SCREENSHOTS=1 the main pages are saved as screenshots
under docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from web_reports import COUNTER_SENTENCE, SCRIPT_HEADLINE, TOLL_SENTENCE

CHROMIUM = Path(os.environ.get("NEWSCLAIMS_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


class Visit:
    """A page that may only reach the test server; what it tried elsewhere and its errors."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._only_local)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.on("dialog", self._dialog)

    def _only_local(self, route) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _console(self, message) -> None:
        # Errors only (a CSP violation is one); Vega's warnings about empty scales are not.
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str):
        self.page.goto(self.base + path)
        return self.page

    def screenshot(self, name: str) -> None:
        if os.environ.get("NEWSCLAIMS_SCREENSHOTS") == "1":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


@pytest.fixture
def visit(browser, live_server: str) -> Iterator[Visit]:
    opened = Visit(browser, live_server)
    yield opened
    opened.context.close()
    assert opened.blocked == [], f"the page reached outside: {opened.blocked}"
    assert opened.errors == [], f"script errors: {opened.errors}"


def test_article_highlights_are_each_items_exact_characters(visit: Visit) -> None:
    page = visit.open("/articles/toll-1")
    report = page.request.get(visit.base + "/api/v1/articles/toll-1").json()["articles"][0][
        "report"
    ]
    spans = {quote["id"]: quote["content"] for quote in report["quotes"]}
    spans |= {item["id"]: item["span"] for kind in ("figures", "events") for item in report[kind]}
    assert len(spans) == 3
    for item_id, span in spans.items():
        shown = page.eval_on_selector_all(
            f'#text mark[data-item="{item_id}"]', "marks => marks.map(m => m.textContent).join('')"
        )
        assert shown == span["text"] == report["text"][span["start"] : span["end"]]
    colours = page.eval_on_selector_all(
        "#text mark.quote",
        "marks => [...new Set(marks.map(m => getComputedStyle(m).backgroundColor))]",
    )
    assert len(colours) == 2  # two speakers, two colours
    visit.screenshot("article")


def test_selecting_a_quote_shows_its_speaker(visit: Visit) -> None:
    page = visit.open("/articles/toll-1")
    assert "Ashraf al-Qudra" not in page.inner_text("#detail")
    page.click('#text mark.quote:has-text("counting the dead")')
    detail = page.inner_text("#detail")
    assert "a ministry spokesman → Ashraf al-Qudra" in detail
    assert "direct" in detail
    visit.screenshot("article-selected")


def test_a_link_from_evidence_selects_its_item(visit: Visit) -> None:
    page = visit.open("/search?kind=figures&where=Gaza")
    visit.screenshot("search")
    page.click("a.check >> nth=0")
    page.wait_for_url("**/articles/**")
    assert "figure" in page.inner_text("#detail")
    assert page.locator("#text mark.active").count() >= 1


def test_timeline_chart_draws_its_points_offline(visit: Visit) -> None:
    page = visit.open("/timeline?what=people&where=Gaza")
    page.wait_for_selector("#chart[data-drawn=true]", timeout=20_000)
    points = page.locator("#chart g.mark-symbol.role-mark path").count()
    assert points == 3
    visit.screenshot("timeline")
    page.locator("#chart g.mark-symbol.role-mark path").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("#text mark.active").count() >= 1
    assert "figure" in page.inner_text("#detail")


def test_contradictions_page_shows_both_sentences(visit: Visit) -> None:
    page = visit.open("/contradictions?where=Gaza")
    pair = page.locator("li.pair").first
    shown = pair.locator("blockquote.sentence").all_inner_texts()
    assert sorted(shown) == sorted([TOLL_SENTENCE, COUNTER_SENTENCE])
    visit.screenshot("contradictions")


def test_analyze_page_round_trips(visit: Visit) -> None:
    page = visit.open("/analyze")
    text = 'Port reopens\n\nThe port will reopen on Monday, harbour master Tom Reed said. "Ships are waiting," he said.'
    page.fill("#input-text", text)
    page.click("form.analyze button")
    page.wait_for_selector("section.analysed")
    assert page.input_value("#input-text") == text
    assert page.inner_text("section.analysed #text") == text  # LF kept: offsets as pasted
    assert "not stored" in page.inner_text("section.analysed .meta")
    page.click('#text mark.quote:has-text("Ships are waiting")')
    assert "Tom Reed" in page.inner_text("#detail")
    visit.screenshot("analyze")


def test_a_script_in_a_report_shows_as_text(visit: Visit) -> None:
    page = visit.open("/articles/script-1")
    assert "<script>document.title='pwned';alert(1)</script>" in page.inner_text("#text")
    assert "<img src=x onerror=alert(2)>" in page.inner_text("#text")
    assert SCRIPT_HEADLINE in page.inner_text("h1")
    assert page.title() == f"{SCRIPT_HEADLINE} · newsclaims"  # as text: the script never ran
    assert visit.dialogs == []
    assert page.locator("#text script, #text img, h1 script").count() == 0


def test_home_and_negotiation_pages(visit: Visit) -> None:
    page = visit.open("/")
    assert "7 articles" in page.inner_text(".counts")
    visit.screenshot("home")
    page = visit.open("/negotiation")
    assert page.locator("section.actor").count() == 1  # only moves naming the other party
    page.check("input[name=unaddressed]")
    page.click("form.filters button")
    page.wait_for_load_state()
    assert page.locator("section.actor").count() == 3
    visit.screenshot("negotiation")
