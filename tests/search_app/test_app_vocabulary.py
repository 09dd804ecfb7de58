"""One name per channel kind, everywhere a reader meets it (issue 8, point 3).

Over the sample corpus as harvested, extracted and indexed for real, this renders the search
facets, hits and CSV export, every municipality page with a decision, the decision pages, the
overview (page and CSV), the subscription form, the weekly digest (page, html, md, txt, json) and
the Atom feed, and collects, per channel kind
code, the names those surfaces show for it. Each kind must come out under exactly one name
(the capital at the start of a list item aside). A label table that drifts from the others, in
any of these surfaces, shows up as a second name.
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from urllib.parse import parse_qs, urlsplit

import lxml.etree
import lxml.html
import pytest

from kanaalwijzer import digest as digests
from kanaalwijzer.config import load_config
from kanaalwijzer.store import Store
from tests.support.web_store import FROZEN

pytestmark = pytest.mark.e2e  # the sample corpus harvested, extracted and indexed for real (sample_home)

ATOM = "{http://www.w3.org/2005/Atom}"
WEEK = "2026-W25"  # the week of FROZEN: when the sample corpus was harvested, so its events were seen


@pytest.fixture(scope="module")
def names(sample_app, sample_home):
    """{kind code: {surface: {name as shown}}} over all surfaces."""
    import time_machine

    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def saw(kind: str, surface: str, name: str):
        name = " ".join(name.split())
        assert name, (kind, surface)
        found[kind][surface].add(name[:1].lower() + name[1:])  # 'E-mail' heads a list item, 'e-mail' a sentence

    with time_machine.travel(FROZEN, tick=True):
        client = sample_app.test_client()
        _search(client, saw)
        overview = client.get("/overzicht?format=json").get_json()
        codes = [m["code"] for m in overview["municipalities"] if m["channel_kinds"]]
        assert len(codes) >= 5
        for code in codes:
            _kind_spans(client.get(f"/gemeente/{code}"), f"gemeente {code}", saw)
        for hit in client.get("/zoeken?q=&per_page=100&format=json").get_json()["hits"]:
            if hit["channel_kinds"]:
                _kind_spans(client.get(f"/besluit/{hit['id']}"), f"besluit {hit['id']}", saw)
        _overview(client, overview, saw)
        _exports(client, overview, saw)
        for option in lxml.html.fromstring(client.get("/abonneren").data).xpath("//select[@id='kanaal']/option"):
            saw(option.get("value"), "abonneren: keuzelijst", _text(option))
        events = client.get(f"/digest/{WEEK}?format=json").get_json()["events"]
        _digests(client, sample_home, events, saw)
        _feed(client, saw)
    return found


def _text(node) -> str:
    return " ".join(node.text_content().split())


def _search(client, saw):
    """The 'Kanaal' facet (HTML links and JSON labels) and each hit's 'Kanalen:' line."""
    page = lxml.html.fromstring(client.get("/zoeken?q=&per_page=100").data)
    links = page.xpath("//section[@class='facet'][h3='Kanaal']//a")
    assert len(links) >= 6, "the sample corpus designates at least six kinds"
    for link in links:
        kind = parse_qs(urlsplit(link.get("href")).query)["kanaal"][0]
        saw(kind, "zoeken: facet", _text(link))
    data = client.get("/zoeken?q=&per_page=100&format=json").get_json()
    for value in data["facets"]["kanaal"]:
        saw(value["value"], "zoeken: facet (json)", value["label"])
    hits = page.xpath("//li[@class='hit']")
    assert len(hits) == len(data["hits"])
    for hit, item in zip(hits, data["hits"]):
        if item["channel_kinds"]:
            line = _text(hit.xpath(".//p[@class='kinds']")[0]).removeprefix("Kanalen: ")
            _split_list(line, item["channel_kinds"], "zoeken: hit", saw)


def _split_list(text: str, kinds: list[str], surface: str, saw):
    """A rendered list of kind names, in the order of `kinds` (no name holds ', ')."""
    parts = text.split(", ")
    assert len(parts) == len(kinds), (surface, text, kinds)
    for kind, name in zip(kinds, parts):
        saw(kind, surface, name)


def _kind_spans(response, surface, saw):
    assert response.status_code == 200, surface
    for span in lxml.html.fromstring(response.data).xpath("//span[contains(@class, 'kind-')]"):
        kind = next(c[5:] for c in span.get("class").split() if c.startswith("kind-"))
        saw(kind, surface, _text(span))


def _overview(client, overview, saw):
    page = lxml.html.fromstring(client.get("/overzicht").data)
    rows = {row.xpath("th/a")[0].get("href").rsplit("/", 1)[-1]: row for row in page.xpath("//table[@class='bodies']/tbody/tr")}
    for municipality in overview["municipalities"]:
        if municipality["channel_kinds"]:
            cell = rows[municipality["code"]].xpath("td")[2]
            _split_list(_text(cell), municipality["channel_kinds"], "overzicht: tabel", saw)


def _exports(client, overview, saw):
    """The CSV exports: the overview ('; ' between names) and the search results (', ')."""
    rows = list(csv.DictReader(io.StringIO(client.get("/overzicht?format=csv").get_data(as_text=True))))
    assert len(rows) == len(overview["municipalities"])
    for row, municipality in zip(rows, overview["municipalities"]):
        if municipality["channel_kinds"]:
            names = row["kanalen"].split("; ")
            assert len(names) == len(municipality["channel_kinds"])
            for kind, name in zip(municipality["channel_kinds"], names):
                saw(kind, "overzicht: csv", name)
    hits = client.get("/zoeken?q=&per_page=100&format=json").get_json()["hits"]
    exported = {r["id"]: r for r in csv.DictReader(io.StringIO(client.get("/zoeken?q=&format=csv").get_data(as_text=True)))}
    for hit in hits:
        if hit["channel_kinds"]:
            _split_list(exported[hit["id"]]["kanalen"], hit["channel_kinds"], "zoeken: csv", saw)


def _digests(client, home, events, saw):
    """Each channel event's sentence, as the digest page and every digest format tell it."""
    channel_events = [e for e in events if e["channel_kind"]]
    assert len({e["channel_kind"] for e in channel_events}) >= 5, "the sample week tells of at least five kinds"
    page = _text(lxml.html.fromstring(client.get(f"/digest/{WEEK}").data))
    with Store(load_config(home=home).db_path) as store:
        built = digests.build_digest(store, WEEK)
        rendered = {fmt: digests.render(built, fmt) for fmt in ("html", "md", "txt")}
        as_json = {e["id"]: e for e in json.loads(digests.render(built, "json"))["events"]}
    rendered["html"] = _text(lxml.html.fromstring(rendered["html"]))
    for event in channel_events:
        name = _name_in_summary(event)
        saw(event["channel_kind"], "digest: samenvatting", name)
        assert event["summary"] in page, "digest page"
        for fmt, text in rendered.items():
            assert event["summary"] in " ".join(text.split()), fmt
        assert as_json[event["id"]]["summary"] == event["summary"]


def _name_in_summary(event: dict) -> str:
    """The channel's name in an event sentence: '<body>: <name> aangewezen voor ...',
    '<body>: andere voorwaarden voor <name> (...)'."""
    text = event["summary"].split(": ", 1)[1]
    for marker in (" nu ook aangewezen", " niet langer aangewezen", " aangewezen voor"):
        if event["kind"] != "channel_conditions" and marker in text:
            return text.split(marker, 1)[0]
    assert event["kind"] == "channel_conditions", event
    return text.removeprefix("andere voorwaarden voor ").split(" (", 1)[0].split(" per ", 1)[0]


def _feed(client, saw):
    """The Atom feed: each entry's kanaal category label, and its title (the event sentence)."""
    feed = lxml.etree.fromstring(client.get("/feeds/alles.atom").data)
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for category in entry.findall(f"{ATOM}category[@scheme='kanaal']"):
            saw(category.get("term"), "feed: categorie", category.get("label"))
            kind = entry.find(f"{ATOM}category").get("term")
            event = {"kind": kind, "summary": entry.find(f"{ATOM}title").text}
            saw(category.get("term"), "feed: titel", _name_in_summary(event))


def test_each_channel_kind_has_one_dutch_name_on_every_surface(names):
    assert len(names) >= 6
    conflicts = {kind: {surface: sorted(shown) for surface, shown in surfaces.items()}
                 for kind, surfaces in names.items() if len(set().union(*surfaces.values())) != 1}
    assert not conflicts, f"channel kinds under more than one name: {json.dumps(conflicts, ensure_ascii=False, indent=1)}"


def test_every_surface_names_most_kinds(names):
    """The comparison means something only where a surface shows kinds at all: each of them shows
    at least six of the ten in the sample corpus."""
    kinds_per_surface = defaultdict(set)
    for kind, surfaces in names.items():
        for surface in surfaces:
            kinds_per_surface[surface.split(" ", 1)[0] if surface.startswith(("gemeente ", "besluit ")) else surface].add(kind)
    expected = {"zoeken: facet", "zoeken: facet (json)", "zoeken: hit", "zoeken: csv", "gemeente", "besluit",
                "overzicht: tabel", "overzicht: csv", "abonneren: keuzelijst", "digest: samenvatting",
                "feed: categorie", "feed: titel"}
    assert expected <= set(kinds_per_surface)
    assert all(len(kinds_per_surface[surface]) >= 6 for surface in expected), dict(kinds_per_surface)


def test_no_surface_shows_a_bare_code(names):
    for kind, surfaces in names.items():
        for surface, shown in surfaces.items():
            assert kind not in shown or kind in ("omgevingsloket", "digipoort"), (kind, surface, shown)
