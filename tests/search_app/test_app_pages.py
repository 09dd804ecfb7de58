"""The pages through the app factory's test client, on decisions written for these tests."""
from __future__ import annotations

import csv
import io

import lxml.html
import pytest

from tests.support.web_store import DEN_BOSCH_TEXT, den_bosch_channels


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.data[:500]
    return lxml.html.fromstring(response.data)


def texts(tree, xpath) -> list[str]:
    return [" ".join(el.text_content().split()) for el in tree.xpath(xpath)]


# -- every page: Dutch, labelled inputs --------------------------------------------------------
PAGES = ["/", "/zoeken?q=elektronische+kanalen", "/zoeken/hulp", "/gemeente/den-bosch", "/gemeente/amersfoort",
         "/gemeente?naam=berg", "/besluit/gmb-2025-552188", "/overzicht", "/abonneren", "/api/"]


@pytest.mark.parametrize("url", PAGES)
def test_page_is_dutch_and_every_input_has_a_label(client, url):
    tree = page(client, url)
    assert tree.get("lang") == "nl"
    labelled = set(tree.xpath("//label/@for"))
    fields = tree.xpath("//input[not(@type='hidden')] | //select | //textarea")
    assert fields or url in ("/overzicht", "/api/", "/gemeente/den-bosch", "/gemeente/amersfoort")
    for field in fields:
        assert field.get("id") in labelled, lxml.html.tostring(field)


# -- zoeken --------------------------------------------------------------------------------------
def test_search_shows_hits_with_marked_snippets_and_facet_counts(client):
    tree = page(client, "/zoeken?q=elektronische+kanalen")
    titles = texts(tree, "//li[@class='hit']/h3")
    assert any("'s-Hertogenbosch 2026" in t for t in titles)
    assert tree.xpath("//p[@class='snippet']/mark")
    facet = {t.split()[0]: t for t in texts(tree, "//section[@class='facet'][h3='Gemeente']//li")}
    assert facet["Den"].endswith("2")  # gazette + CVDR manifestation of the Den Bosch decision


def test_facet_link_filters_and_keeps_its_count(client):
    tree = page(client, "/zoeken?q=elektronische+kanalen")
    link = tree.xpath("//section[@class='facet'][h3='Gemeente']//a[contains(., 'Den Bosch')]/@href")[0]
    filtered = page(client, link)
    hits = filtered.xpath("//li[@class='hit']//h3/a/@href")
    assert sorted(hits) == ["/besluit/CVDR700001_1?q=elektronische+kanalen",
                            "/besluit/gmb-2025-552188?q=elektronische+kanalen"]  # the page marks the words
    selected = filtered.xpath("//section[@class='facet'][h3='Gemeente']//a[@aria-current='true']")
    assert len(selected) == 1 and "Den Bosch" in selected[0].text_content()
    # the selected value keeps its count, the others still show theirs (to widen the selection)
    counts = texts(filtered, "//section[@class='facet'][h3='Gemeente']//span[@class='count']")
    assert "2" in counts and "1" in counts
    # toggling the same link again removes the filter
    unfilter = filtered.xpath("//section[@class='facet'][h3='Gemeente']//a[@aria-current='true']/@href")[0]
    assert "gemeente=" not in unfilter


def test_search_sort_by_date_and_pagination(client):
    data = client.get("/zoeken?q=&sort=date&format=json").get_json()
    dates = [h["published"] for h in data["hits"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 4
    first = page(client, "/zoeken?sort=date&per_page=1")
    assert texts(first, "//nav[@class='pagination']/span") == ["Pagina 1 van 4"]
    nxt = first.xpath("//a[@rel='next']/@href")[0]
    second = client.get(nxt + "&format=json").get_json()
    assert second["page"] == 2 and second["hits"][0]["published"] == dates[1]


def test_search_json_and_csv(client):
    data = client.get("/zoeken?q=omgevingsloket&format=json").get_json()
    assert data["total"] == 2 and {h["id"] for h in data["hits"]} == {"gmb-2025-552188", "CVDR700001_1"}
    assert "gemeente" in data["facets"]
    response = client.get("/zoeken?q=omgevingsloket&format=csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][0] == "id" and {r[0] for r in rows[1:]} == {"gmb-2025-552188", "CVDR700001_1"}


def test_hint_advertises_what_works_and_the_help_explains_it(client):
    hint = texts(page(client, "/"), "//p[@id='q-hulp']")[0]
    assert "OF" in hint and "NIET" in hint and "Gmb. 2025, 540118" in hint
    data = client.get("/zoeken?q=omgevingsloket+OF+contactformulier&format=json").get_json()
    assert {h["id"] for h in data["hits"]} == {"gmb-2025-552188", "CVDR700001_1", "gmb-2026-1234"}
    help_ = page(client, "/zoeken/hulp")
    terms = " ".join(texts(help_, "//dt"))
    for example in ("bezwaar OF klacht", "NIET", "artikel 2:13 lid 2", "Gmb. 2025, 540118", "organisatie:"):
        assert example in terms


def test_date_range_fields_show_the_range_and_filters_are_summarised_with_removal_links(client):
    tree = page(client, "/zoeken?q=kanalen&gemeente=GM0796&kanaal=web_form&van=2025-12-01&tot=2025-12-31")
    assert tree.xpath("//input[@id='van']/@value") == ["2025-12-01"]
    assert tree.xpath("//input[@id='tot']/@value") == ["2025-12-31"]
    assert tree.xpath("//label[@for='van']") and tree.xpath("//label[@for='tot']")
    # a new search from this form keeps the selections
    assert sorted(tree.xpath("//form[@role='search']//input[@type='hidden']/@value")) == ["GM0796", "web_form"]
    items = tree.xpath("//section[@class='active-filters']//li")
    summary = [" ".join(li.text_content().split()) for li in items]
    assert summary[0].startswith("Gemeente: Den Bosch") and summary[1].startswith("Kanaal: Webformulier")
    assert summary[2].startswith("Gepubliceerd vanaf: 1 december 2025")
    assert summary[3].startswith("Gepubliceerd tot en met: 31 december 2025")
    removals = [li.xpath(".//a/@href")[0] for li in items]
    assert "gemeente=" not in removals[0] and "kanaal=web_form" in removals[0] and "van=2025-12-01" in removals[0]
    assert "van=" not in removals[2] and "tot=2025-12-31" in removals[2] and "gemeente=GM0796" in removals[2]
    clear = tree.xpath("//section[@class='active-filters']//p/a/@href")[0]
    assert clear == "/zoeken?q=kanalen"
    assert {h["id"] for h in client.get(removals[2] + "&format=json").get_json()["hits"]} == {
        "gmb-2025-552188", "CVDR700001_1"}
    assert not page(client, "/zoeken?q=kanalen").xpath("//section[@class='active-filters']")


def test_hits_use_the_labels_of_the_facets(client):
    tree = page(client, "/zoeken?q=omgevingsloket")
    facet_labels = set(texts(tree, "//section[@class='facet'][h3='Gemeente']//a"))
    metas = texts(tree, "//li[@class='hit']/p[@class='meta']")
    assert facet_labels == {"Den Bosch"} and all("Den Bosch" in m for m in metas)
    kinds = set(texts(tree, "//section[@class='facet'][h3='Kanaal']//a"))
    shown = {k.strip() for line in texts(tree, "//p[@class='kinds']") for k in line.split(":", 1)[1].split(",")}
    assert shown <= kinds, (shown, kinds)
    regimes = set(texts(tree, "//section[@class='facet'][h3='Soort besluit']//a"))
    assert regimes
    assert any(m.endswith(tuple(regimes)) for m in metas)


def test_export_of_the_whole_result_list_as_csv_and_ris(client):
    tree = page(client, "/zoeken?q=&per_page=1")
    links = tree.xpath("//p[@class='export']//a/@href")
    assert [link.split("format=")[1] for link in links] == ["csv", "ris"]
    rows = list(csv.reader(io.StringIO(client.get(links[0]).get_data(as_text=True))))
    header = rows[0]
    assert header[:4] == ["id", "citeertitel", "titel", "organisatie"] and "status" in header
    by_id = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert len(by_id) == 4  # every hit, not the one on the page
    bosch = by_id["gmb-2025-552188"]
    assert bosch["citeertitel"] == "Gmb. 2025, 552188" and bosch["organisatie"] == "Den Bosch"
    assert bosch["status"] == "Geldend" and bosch["gepubliceerd"] == "2025-12-10"
    assert bosch["officiële publicatie"] == "https://zoek.officielebekendmakingen.nl/gmb-2025-552188.html"
    assert "Webformulier" in bosch["kanalen"] and "web_form" not in bosch["kanalen"]
    assert by_id["gmb-2026-1234"]["status"] == "Nog niet in werking"
    assert by_id["gmb-2025-9999"]["status"] == "Geen aanwijzingsbesluit"
    response = client.get(links[1])
    assert response.mimetype == "application/x-research-info-systems"
    records = response.get_data(as_text=True).split("ER  - ")
    assert len([r for r in records if r.strip()]) == 4
    first = next(r for r in records if "ID  - gmb-2025-552188" in r)
    for line in ("TY  - GOVDOC", "TI  - Aanwijzingsbesluit elektronische kanalen gemeente 's-Hertogenbosch 2026",
                 "AU  - Den Bosch", "DA  - 2025/12/10", "N1  - Geldend", "M1  - Gmb. 2025, 552188",
                 "UR  - https://zoek.officielebekendmakingen.nl/gmb-2025-552188.html"):
        assert line + "\r\n" in first


@pytest.mark.parametrize("query", ['"elektronische kanalen', "kanaal:", "webformulier OR", "a*"])
def test_invalid_query_gets_a_helpful_message_not_a_500(client, query):
    response = client.get("/zoeken", query_string={"q": query})
    assert response.status_code == 400
    tree = lxml.html.fromstring(response.data)
    assert texts(tree, "//div[@class='error']/p")[0]  # the backend's Dutch explanation
    assert tree.xpath("//input[@id='q']/@value") == [query]  # kept for correction
    api = client.get("/api/zoeken", query_string={"q": query})
    assert api.status_code == 400 and api.get_json()["error"]


def test_bad_parameters_are_400(client):
    assert client.get("/zoeken?page=nul").status_code == 400
    assert client.get("/zoeken?van=gisteren&format=json").get_json()["error"].startswith("'van' is geen datum")
    assert client.get("/zoeken?format=pdf").status_code == 400


# -- gemeente ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Den Bosch", "'s-Hertogenbosch", "s-hertogenbosch", "Gemeente 's-Hertogenbosch",
                                  "hertogenb", "DEN BOSCH"])
def test_finder_takes_names_variants_and_parts(client, name):
    response = client.get("/gemeente", query_string={"naam": name})
    assert response.status_code == 302 and response.headers["Location"] == "/gemeente/den-bosch"


def test_finder_lists_several_matches_and_says_when_none(client):
    tree = page(client, "/gemeente?naam=berg")
    names = texts(tree, "//ul[@class='bodies']/li/a")
    assert len(names) > 5 and all("berg" in n.casefold() for n in names[:5])
    assert "Geen gemeente gevonden" in page(client, "/gemeente?naam=Atlantis").text_content()
    assert client.get("/api/gemeenten?naam=den+bosch").get_json()["matches"][0]["code"] == "GM0796"


def test_municipality_in_force_shows_channels_per_process_conditions_and_article(client):
    tree = page(client, "/gemeente/den-bosch")
    assert "Aanwijzing van kracht" in texts(tree, "//p[@class='answer']")[0]
    processes = {t: s for s in tree.xpath("//section[@class='process']") for t in texts(s, "h3")}
    general = processes["Alle berichten"]
    designated = " ".join(texts(general, ".//ul[@class='designated']/li"))
    assert "Webformulier" in designated and "DigiD" in designated and "eHerkenning" in designated
    assert "sinds 1 januari 2026" in designated and "Artikel 2 lid 1" in designated
    # excluded e-mail is listed as excluded and never among the designated channels
    assert "E-mail" in " ".join(texts(general, ".//ul[@class='excluded']/li"))
    assert not any("E-mail" in t for t in texts(tree, "//ul[@class='designated']/li/span[1]"))
    assert "Bijlage 1, rij 1" in " ".join(texts(processes["Bezwaarschrift"], ".//li"))
    assert tree.xpath("//a[@href='https://lokaleregelgeving.overheid.nl/CVDR700001/1']")


def test_municipality_json_answer(client):
    data = client.get("/gemeente/GM0796?format=json").get_json()
    assert data["status"] == "in_force" and data["body"]["code"] == "GM0796"
    by_process = {p["process"]: p for p in data["in_force"]["processes"]}
    assert [d["kind"] for d in by_process[""]["excluded"]] == ["email"]
    assert "email" not in {d["kind"] for p in by_process.values() for d in p["designated"]}
    web = next(d for d in by_process[""]["designated"] if d["kind"] == "web_form")
    assert web["auth"] == ["digid", "eherkenning"] and web["valid_from"] == "2026-01-01"
    assert DEN_BOSCH_TEXT[web["evidence"]["start"]:web["evidence"]["end"]] == web["evidence"]["text"]


def test_municipality_with_a_future_decision(client):
    tree = page(client, "/gemeente/utrecht")
    assert "nog niet van kracht" in texts(tree, "//p[@class='answer']")[0]
    assert "Vanaf 1 maart 2027" in texts(tree, "//h2")
    assert "Algemeen contactformulier" in tree.text_content()


def test_municipality_without_decision_says_when_we_last_looked(client):
    tree = page(client, "/gemeente/amersfoort")
    assert "Geen aanwijzing van kracht" in texts(tree, "//p[@class='answer']")[0]
    assert "Laatst gekeken: 15 juni 2026" in tree.text_content()
    data = client.get("/gemeente/amersfoort?format=json").get_json()
    assert data["status"] == "none" and data["last_looked"].startswith("2026-06-15")


def test_municipality_never_harvested_says_so(client):
    tree = page(client, "/gemeente/aalsmeer")
    assert "Nog niet doorzocht" in texts(tree, "//p[@class='answer']")[0]
    assert "nog niet doorzocht" in tree.text_content()


def test_unknown_municipality_is_404(client):
    assert client.get("/gemeente/atlantis").status_code == 404
    assert client.get("/api/gemeenten/atlantis").get_json()["status"] == 404


# -- besluit -------------------------------------------------------------------------------------
def test_decision_highlights_each_channels_evidence_at_its_offsets(client):
    tree = page(client, "/besluit/gmb-2025-552188")
    marks = {m.get("id"): m.text_content() for m in tree.xpath("//div[@class='doctext']/mark")}
    expected = [c["evidence"]["text"] for c in den_bosch_channels()]
    assert list(marks.values()) == expected
    # each channel row links to its mark, and the full text is intact around the marks
    assert tree.xpath("//table[@class='channels']//td[5]/a/@href") == [f"#{i}" for i in marks]
    assert tree.xpath("//div[@class='doctext']")[0].text_content() == DEN_BOSCH_TEXT
    row = texts(tree, "//table[@class='channels']//tr[contains(@class, 'status-excluded')]")[0]
    assert "E-mail" in row and "uitgesloten" in row


def test_decision_reached_from_a_hit_marks_the_search_words(client):
    hit = page(client, "/zoeken?q=email+OF+webformulier").xpath("//li[@class='hit']//h3/a/@href")[0]
    assert "q=email+OF+webformulier" in hit
    tree = page(client, hit)
    marked = texts(tree, "//div[@class='doctext']//mark[@class='zoekterm']")
    assert {m.casefold() for m in marked} >= {"e-mail", "webformulier"}  # 'email' found 'E-mail'
    assert tree.xpath("//mark[@id='zoekterm-1']") and "gemarkeerd" in texts(tree, "//p[@class='zoektermen']")[0]
    # nested inside an evidence mark where they meet it, never breaking it
    evidence = tree.xpath("//div[@class='doctext']//mark[@id='bewijs-1']")[0]
    assert "webformulier" in evidence.text_content()
    assert evidence.xpath(".//mark[@class='zoekterm']")
    plain = page(client, hit.split("?")[0])
    assert not plain.xpath("//mark[@class='zoekterm']") and plain.xpath("//mark[@id='bewijs-1']")
    assert texts(plain, "//div[@class='doctext']") == texts(tree, "//div[@class='doctext']")  # text unchanged


def test_decision_metadata_citation_versions_and_linked_sources(client, web_store):
    tree = page(client, "/besluit/gmb-2025-552188")
    citation = tree.xpath("//textarea[@id='citaat']")[0].text_content()
    assert "Gmb. 2025, 552188" in citation and "https://zoek.officielebekendmakingen.nl/gmb-2025-552188.html" in citation
    assert "geraadpleegd op 15 juni 2026" in citation
    assert tree.xpath("//section[@aria-labelledby='bronnen']//a/@href") == ["/besluit/CVDR700001_1"]
    assert page(client, "/besluit/CVDR700001_1").xpath("//section[@aria-labelledby='bronnen']//a/@href") == [
        "/besluit/gmb-2025-552188"]
    # a second version: both listed, the old one still readable
    web_store.add_version("gmb-2025-552188", DEN_BOSCH_TEXT.replace("1 januari 2026", "1 februari 2026"))
    tree = page(client, "/besluit/gmb-2025-552188")
    assert len(tree.xpath("//ol[@class='timeline']/li")) == 2
    assert texts(tree, "//ol[@class='timeline']/li[@aria-current]/strong") == ["Versie 2"]
    old = page(client, "/besluit/gmb-2025-552188?versie=1")
    assert "1 januari 2026" in old.xpath("//div[@class='doctext']")[0].text_content()
    assert old.xpath("//nav[@class='version-nav']/a[@rel='next']/@href") == ["/besluit/gmb-2025-552188?versie=2"]
    assert not old.xpath("//a[@rel='prev']")
    assert tree.xpath("//nav[@class='version-nav']/a[@rel='prev']/@href") == ["/besluit/gmb-2025-552188?versie=1"]
    diff = page(client, tree.xpath("//a[@class='diff-link']/@href")[0])
    assert texts(diff, "//div[contains(@class, 'diff')]//del") == ["[verwijderd: januari]"]
    assert texts(diff, "//div[contains(@class, 'diff')]//ins") == ["[toegevoegd: februari]"]
    assert "1 regel gewijzigd" in texts(diff, "//p[@class='diff-summary']")[0]
    assert client.get("/besluit/gmb-2025-552188?versie=9").status_code == 404


def test_versions_of_different_decisions_are_not_compared(client):
    response = client.get("/besluit/verschil?van=gmb-2025-552188&naar=gmb-2026-1234")
    assert response.status_code == 400 and "hetzelfde besluit" in response.get_data(as_text=True)
    assert client.get("/besluit/verschil?van=gmb-2025-552188").status_code == 400
    assert client.get("/besluit/verschil?van=gmb-2025-552188&naar=gmb-2099-1").status_code == 404


def test_decision_json_has_the_extract_contract_and_citation(client):
    data = client.get("/api/besluiten/gmb-2025-552188").get_json()
    assert data["reference"] == "Gmb. 2025, 552188"
    assert data["extraction"]["classification"] == "wmebv_designation"
    assert [c["kind"] for c in data["extraction"]["channels"]] == ["web_form", "omgevingsloket", "email", "portal"]
    assert all(c["evidence_located"] for c in data["extraction"]["channels"])
    assert [p["id"] for p in data["linked"]] == ["CVDR700001_1"]


def test_evidence_offsets_that_do_not_match_are_not_highlighted_at_a_wrong_place():
    from search_app.serializers import channels_with_evidence
    text = "Artikel 2: het webformulier wordt aangewezen. Artikel 3: geen e-mail."
    moved = {"kind": "web_form", "evidence": {"start": 0, "end": 5, "text": "het webformulier"}}
    missing = {"kind": "email", "evidence": {"start": 0, "end": 5, "text": "per fax"}}
    found, lost = channels_with_evidence([moved, missing], text)
    assert found["located"] and text[found["evidence"]["start"]:found["evidence"]["end"]] == "het webformulier"
    assert not lost["located"]


def test_missing_decision_is_404(client):
    assert client.get("/besluit/gmb-1900-1").status_code == 404


# -- overzicht -----------------------------------------------------------------------------------
def test_overview_covers_all_342_municipalities_with_chart_and_freshness(client):
    tree = page(client, "/overzicht")
    assert len(tree.xpath("//table[@class='bodies']/tbody/tr")) == 342
    assert len(tree.xpath("//svg[@class='chart']//rect")) >= 12
    assert "laatst geoogst 15 juni 2026" in tree.text_content()
    data = client.get("/overzicht?format=json").get_json()
    assert data["totals"]["in_force"] == 1 and data["totals"]["future"] == 1 and data["totals"]["none"] == 2
    assert data["totals"]["not_harvested"] == 338 and sum(data["totals"].values()) == 342
    assert data["per_province"]["Noord-Brabant"]["in_force"] == 1
    bosch = next(m for m in data["municipalities"] if m["code"] == "GM0796")
    assert bosch["channel_kinds"] == ["omgevingsloket", "portal", "web_form"]  # e-mail is excluded there
    rows = list(csv.reader(io.StringIO(client.get("/overzicht?format=csv").get_data(as_text=True))))
    assert len(rows) == 343 and rows[0] == ["code", "gemeente", "provincie", "status", "statuscode", "kanalen",
                                            "kanaalcodes"]
