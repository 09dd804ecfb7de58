"""Security: escaping of everything from documents and queries, headers, hostile input never a 500."""
from __future__ import annotations

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_app.security import HEADERS
from search_app.snippets import highlight, snippet
from tests.support.web_store import HOSTILE_TITLE

PAGES = ["/", "/zoeken?q=parkeerbesluit", "/gemeente/amersfoort", "/besluit/gmb-2025-9999", "/overzicht",
         "/abonneren", "/api/", "/api/openapi.json", "/gemeente/atlantis", "/zoeken?q=%22open"]


def no_script_from_documents(html: bytes) -> None:
    tree = lxml.html.fromstring(html)
    # the only script is our own external file; no element carries an event handler
    assert [s.get("src") for s in tree.xpath("//script")] == ["/static/app.js"]
    assert not tree.xpath("//img[@onerror] | //*[@onerror] | //*[@onload]")
    assert not [a for a in tree.xpath("//a/@href") if a.strip().lower().startswith("javascript:")]


@pytest.mark.parametrize("url", PAGES)
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_script_in_title_and_text_is_shown_escaped(client):
    for url in ("/besluit/gmb-2025-9999", "/zoeken?q=parkeerbesluit", "/gemeente/amersfoort"):
        response = client.get(url)
        assert response.status_code == 200
        no_script_from_documents(response.data)
        assert b"&lt;script&gt;alert(" in response.data
    tree = lxml.html.fromstring(client.get("/besluit/gmb-2025-9999").data)
    assert tree.xpath("//h1")[0].text_content() == HOSTILE_TITLE
    assert '<img src=x onerror=alert(1)>' in tree.xpath("//div[@class='doctext']")[0].text_content()


def test_javascript_url_from_a_document_is_never_a_link(client):
    tree = lxml.html.fromstring(client.get("/besluit/gmb-2025-9999").data)
    assert not tree.xpath("//a[contains(@href, 'javascript')]")


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                                   "gemeente:<script>", "kanaal:\"><svg onload=alert(1)>"])
def test_query_is_reflected_escaped(client, query):
    response = client.get("/zoeken", query_string={"q": query})
    assert response.status_code in (200, 400)
    no_script_from_documents(response.data)
    tree = lxml.html.fromstring(response.data)
    assert tree.xpath("//input[@id='q']/@value") == [query]


def test_csv_defuses_formulas(client, web_store):
    web_store.upsert_publication("gmb-2025-9999", source="officielepublicaties", title="=HYPERLINK(\"http://evil\")")
    from kanaalwijzer.search import get_backend, index_documents
    get_backend(client.application.config["KANAALWIJZER"]).upsert(index_documents(web_store, ["gmb-2025-9999"]))
    body = client.get("/zoeken?q=&format=csv").get_data(as_text=True)
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_snippet_filter_keeps_only_mark():
    assert snippet("a <mark>b</mark> <script>x</script>") == "a <mark>b</mark> &lt;script&gt;x&lt;/script&gt;"
    assert snippet("<mark>open") == "<mark>open</mark>"
    assert snippet("</mark>x") == "x"


def test_highlight_escapes_pieces_and_ignores_bad_offsets():
    text = "<b>één</b> & kanaal"
    html, ids = highlight(text, [(11, 12)])
    assert str(html) == '&lt;b&gt;één&lt;/b&gt; <mark id="bewijs-1">&amp;</mark> kanaal' and ids == ["bewijs-1"]
    html, ids = highlight(text, [(50, 60), (3, 1), (None, None)])
    assert str(html) == "&lt;b&gt;één&lt;/b&gt; &amp; kanaal" and ids == [None, None, None]


def test_overlapping_evidence_shares_one_mark():
    text = "Fax, sociale media en WhatsApp zijn geen aangewezen kanalen."
    html, ids = highlight(text, [(0, 3), (0, 30), (22, 30), (36, 40)])
    assert ids == ["bewijs-1", "bewijs-1", "bewijs-1", "bewijs-2"]
    assert str(html).count("<mark") == 2 and '<mark id="bewijs-1">Fax, sociale media en WhatsApp</mark>' in str(html)


def test_no_endpoint_proxies_elasticsearch(app):
    rules = [rule.rule for rule in app.url_map.iter_rules()]
    assert not [r for r in rules if any(word in r.lower() for word in ("_search", "elastic", "_cat", "_bulk", "proxy"))]


HOSTILE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80) | st.sampled_from(
    ['"', "*", "-", "OR", "kanaal:", "gemeente:\"", "((", "a OR OR b", "jaar:abc", "datum:2025-13-40..x",
     "\x00", "%", "\\", "NOT NOT x", "a* OR -b"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=HOSTILE, facet=st.sampled_from(["gemeente", "kanaal", "jaar", "regime", "bron", "onzin"]),
       value=HOSTILE, page=st.sampled_from(["1", "0", "-1", "x", "999999999", "100001"]),
       sort=st.sampled_from(["relevance", "date", "", "<x>"]), van=st.sampled_from(["", "2025-01-01", "2025-02-30"]))
def test_hostile_query_strings_never_500(client, q, facet, value, page, sort, van):
    params = {"q": q, facet: value, "page": page, "sort": sort, "van": van}
    for url in ("/zoeken", "/api/zoeken"):
        response = client.get(url, query_string=params)
        assert response.status_code in (200, 400), (params, response.data[:300])
    response = client.get("/gemeente", query_string={"naam": q})
    assert response.status_code in (200, 302)
