"""A real browser (Debian's headless Chromium, driven by Playwright) on the sample corpus as
harvested, extracted and indexed for real: search, filter, open a decision, see the evidence;
look up a municipality and read its channels; the digest page. axe-core checks each page.

Screenshots go to test-artifacts/. Skips, saying why, when Chromium or axe-core is missing
(`make browser-deps` installs both); under CI=true that is a failure (tests/support/browser.py).
"""
from __future__ import annotations

import json
import threading

import pytest

from tests.support import ROOT
from tests.support.browser import require_axe, require_chromium

ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.e2e,
]


@pytest.fixture(scope="module")
def live_url(sample_app):
    """The app on a real HTTP server on the loopback, in a thread."""
    import time_machine
    from werkzeug.serving import make_server

    from tests.support.web_store import FROZEN

    server = make_server("127.0.0.1", 0, sample_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    with time_machine.travel(FROZEN, tick=True):
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}"
        server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    executable = require_chromium()  # before live_url: no harvest when there is no browser
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda msg: page.csp_errors.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations (WCAG 2.1 A/AA rules) on the current page."""
    axe = require_axe()
    # Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays as it is.
    page.evaluate(axe.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def check_accessible(page, name: str) -> None:
    assert page.evaluate("document.documentElement.lang") == "nl"
    violations = axe_violations(page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.axe.json").write_text(json.dumps(violations, ensure_ascii=False, indent=2))
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=2)


def test_search_filter_open_decision_and_see_highlighted_evidence(page, live_url):
    page.goto(live_url + "/")
    check_accessible(page, "01-home")
    page.get_by_label("Zoek in besluiten").fill("elektronische kanalen")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken?**")
    total = page.locator("#resultaten").inner_text()
    assert int(total.split()[0]) > 5
    shot(page, "02-zoeken")
    check_accessible(page, "02-zoeken")

    facet = page.locator("section.facet", has=page.get_by_role("heading", name="Gemeente"))
    facet.get_by_role("link", name="Utrecht", exact=True).click()
    page.wait_for_url("**gemeente=GM0344**")
    metas = page.locator("li.hit p.meta").all_inner_texts()
    assert metas and all("Utrecht" in m for m in metas)
    assert facet.locator("a[aria-current='true']").inner_text().strip().endswith("Utrecht")
    shot(page, "03-gefilterd")

    page.locator("li.hit h3 a").first.click()
    page.wait_for_url("**/besluit/**")
    marks = page.locator(".doctext mark")
    assert marks.count() >= 1
    # the first channel row's link jumps to a mark that is visibly highlighted
    anchor = page.locator("table.channels td:nth-child(5) a").first.get_attribute("href")
    page.locator("table.channels td:nth-child(5) a").first.click()
    target = page.locator(anchor)
    assert target.is_visible() and target.evaluate("el => el.tagName") == "MARK"
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "geraadpleegd op" in page.locator("#citaat").input_value()
    shot(page, "04-besluit")
    check_accessible(page, "04-besluit")
    assert page.csp_errors == []


def test_look_up_a_municipality_and_read_its_channels(page, live_url):
    page.goto(live_url + "/")
    page.get_by_label("Naam van de gemeente").fill("Den Bosch")
    page.get_by_role("button", name="Toon kanalen").click()
    page.wait_for_url("**/gemeente/den-bosch")
    assert "Den Bosch" in page.locator("h1").inner_text()
    designated = page.locator("ul.designated > li").all_inner_texts()
    assert designated, page.content()[:2000]
    assert page.locator("p.answer .status").inner_text().strip()
    shot(page, "05-gemeente")
    check_accessible(page, "05-gemeente")

    page.goto(live_url + "/gemeente?naam=utrecht")
    page.wait_for_url("**/gemeente/utrecht")
    kinds = page.locator("ul.designated .kind").all_inner_texts()
    assert "Webformulier" in kinds and "E-mail" not in page.locator("section.process", has_text="Alle berichten")\
        .locator("ul.designated").all_inner_texts()
    assert page.csp_errors == []


@pytest.mark.parametrize("path, name", [("/overzicht", "06-overzicht"), ("/digest/2026-W25", "07-digest"),
                                        ("/abonneren", "08-abonneren"), ("/api/", "09-api")])
def test_other_pages_render_and_pass_axe(page, live_url, path, name):
    page.goto(live_url + path)
    assert page.locator("h1").inner_text()
    if path.startswith("/digest"):
        assert page.locator("li.event").count() > 0
    if path == "/overzicht":
        assert page.locator("svg.chart rect").count() >= 12
    shot(page, name)
    check_accessible(page, name)
    assert page.csp_errors == []


@pytest.fixture
def demo_url(sample_home, tmp_path, monkeypatch):
    """The app as `kanaalwijzer demo` serves it: demo mode, its mail going to a real local SMTP
    catcher (devtools.mailcatcher) whose Maildir the demo-only page /demo/post reads."""
    from werkzeug.serving import make_server

    from devtools.mailcatcher import MailCatcher
    from kanaalwijzer.config import load_config
    from search_app import create_app

    with MailCatcher(tmp_path / "post") as catcher:
        for name, value in catcher.smtp_env().items():
            monkeypatch.setenv(name, value)
        app = create_app({"TESTING": True, "KANAALWIJZER": load_config(home=sample_home,
                                                                       demo_mailbox=catcher.folder)})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}"
        server.shutdown()
        thread.join(timeout=10)


def test_demo_double_opt_in_through_the_demo_mailbox(page, demo_url):
    """Subscribe, read the confirmation mail the local catcher caught on /demo/post, follow its
    link: confirmed. The mailbox page passes axe and does not scroll sideways on a phone."""
    page.goto(demo_url + "/abonneren")
    page.get_by_label("E-mailadres").fill("nieuwkomer@example.org")
    page.locator("#gemeente").select_option("GM0344")
    page.get_by_role("button", name="Abonneren").click()
    assert "We hebben u een e-mail gestuurd" in page.locator("main").inner_text()
    page.get_by_role("link", name="lees de bevestigingsmail in de demo-postbus").click()
    page.wait_for_url("**/demo/post")
    mail = page.locator("article.demo-mail")
    assert mail.count() == 1 and "nieuwkomer@example.org" in mail.inner_text()
    assert mail.get_by_role("heading").inner_text() == "Bevestig uw abonnement op Kanaalwijzer"
    shot(page, "10-demo-postbus")
    check_accessible(page, "10-demo-postbus")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll at 390 px"

    mail.get_by_role("link", name="/abonneren/bevestigen/").click()
    page.wait_for_url("**/abonneren/bevestigen/**")
    assert "Uw abonnement is bevestigd" in page.locator("main").inner_text()
    assert page.csp_errors == []


def test_the_accessibility_check_can_fail(page):
    """The axe check is not vacuous: an unlabeled input and an image without alt are reported."""
    page.set_content('<html lang="nl"><body><main><input type="text"><img src="data:,"></main></body></html>')
    found = {v["id"] for v in axe_violations(page)}
    assert {"label", "image-alt"} <= found


def test_lawyer_search_dates_filters_facets_and_marked_words(page, live_url):
    """On the harvested sample corpus: 'email' meets 'E-mail', the date fields and the filter
    summary work with the keyboard and mouse, the Gemeente facet holds only municipalities, the
    decision page reached from a hit marks the words."""
    page.goto(live_url + "/zoeken")
    page.get_by_label("Zoek in besluiten").fill("email")
    page.get_by_label("van", exact=True).fill("2025-01-01")
    page.get_by_label("tot en met").fill("2025-12-31")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**van=2025-01-01**")
    assert int(page.locator("#resultaten").inner_text().split()[0]) > 3
    summary = page.locator("section.active-filters li").all_inner_texts()
    assert any(s.startswith("Gepubliceerd vanaf: 1 januari 2025") for s in summary)
    dates = [d for d in page.locator("li.hit p.meta").all_inner_texts()]
    assert all("2025" in d for d in dates)

    municipalities = page.locator("section.facet", has=page.get_by_role("heading", name="Gemeente", exact=True))
    names = " ".join(municipalities.locator("a").all_inner_texts())
    assert "Utrecht" in names and "Drenthe" not in names and "Rijnland" not in names
    others = page.locator("section.facet", has=page.get_by_role("heading", name="Andere overheid"))
    assert "Hoogheemraadschap van Rijnland" in " ".join(others.locator("a").all_inner_texts())
    years = page.locator("section.facet", has=page.get_by_role("heading", name="Jaar")).locator("a").all_inner_texts()
    assert years == sorted(years, reverse=True)
    shot(page, "10-zoeken-filters")
    check_accessible(page, "10-zoeken-filters")

    # remove the start date only: the end date stays, the summary shrinks
    page.get_by_role("link", name="Verwijder filter Gepubliceerd vanaf: 1 januari 2025").click()
    page.wait_for_load_state()
    assert "van=" not in page.url and "tot=2025-12-31" in page.url
    assert page.get_by_label("van", exact=True).input_value() == ""

    hit = page.locator("li.hit h3 a").first
    hit.click()
    page.wait_for_url("**/besluit/**q=email**")
    words = page.locator(".doctext mark.zoekterm")
    assert words.count() >= 1 and all("mail" in w.lower() for w in words.all_inner_texts())
    style = words.first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "underline" in style  # not colour alone
    page.get_by_role("link", name="Naar de eerste markering").click()
    assert page.locator("#zoekterm-1").is_visible()
    shot(page, "11-besluit-zoektermen")
    check_accessible(page, "11-besluit-zoektermen")

    page.goto(live_url + "/zoeken/hulp")
    check_accessible(page, "12-zoekhulp")
    assert page.csp_errors == []


def test_versions_timeline_and_a_readable_diff(page, live_url):
    page.goto(live_url + "/besluit/CVDR762001_1")
    page.get_by_role("link", name="Volgende versie (versie 2) →").click()
    page.wait_for_url("**/besluit/CVDR762001_2")
    assert page.locator("ol.timeline li[aria-current] strong").inner_text() == "Versie 2"
    check_accessible(page, "13-besluit-versie-2")
    page.get_by_role("link", name="Wijzigingen ten opzichte van versie 1").click()
    page.wait_for_url("**/besluit/verschil?**")
    removed, added = page.locator(".diff del").first, page.locator(".diff ins").first
    assert "line-through" in removed.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "underline" in added.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert removed.text_content().startswith("[verwijderd: ")  # read out, not told by colour alone
    shot(page, "14-verschil")
    check_accessible(page, "14-verschil")
    assert page.csp_errors == []
