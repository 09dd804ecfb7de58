"""The replay server, exercised over real HTTP on the loopback interface."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from urllib.parse import urlsplit

import pytest
import requests
from lxml import etree

from devtools.replay import CVDR, OP, SAMPLE_CORPUS, Fault, ReplayServer, load_corpus

CORPUS = load_corpus(SAMPLE_CORPUS)
OP_ITEMS = [i for i in CORPUS if i.source == OP]
CVDR_ITEMS = [i for i in CORPUS if i.source == CVDR]
SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
SRU12 = "http://www.loc.gov/zing/srw/"


@pytest.fixture
def server():
    with ReplayServer(SAMPLE_CORPUS) as srv:
        yield srv


def op_search(server, query, **params):
    response = requests.get(server.op_sru_url, params={"query": query, "operation": "searchRetrieve",
                                                       "version": "2.0", "recordSchema": "gzd", **params},
                            headers={"Accept": "application/xml"}, timeout=10)
    return response


def cvdr_search(server, query, **params):
    return requests.get(server.cvdr_sru_url, params={"query": query, "x-connection": "cvdr", "version": "1.2",
                                                     "operation": "searchRetrieve", **params}, timeout=10)


def ids(response) -> list[str]:
    root = etree.fromstring(response.content)
    return root.xpath("//*[local-name()='owmskern']/*[local-name()='identifier']/text()")


def all_ids(server, query, page=100, cvdr=False) -> list[str]:
    """Follow nextRecordPosition to the end, as a spider does."""
    found, start = [], 1
    while True:
        response = (cvdr_search if cvdr else op_search)(server, query, startRecord=start, maximumRecords=page)
        assert response.status_code == 200
        found += ids(response)
        nxt = etree.fromstring(response.content).xpath("//*[local-name()='nextRecordPosition']/text()")
        if not nxt:
            return found
        start = int(nxt[0])


def diagnostic_uri(response) -> str | None:
    uris = etree.fromstring(response.content).xpath("//*[local-name()='diagnostic']/*[local-name()='uri']/text()")
    return uris[0] if uris else None


# ---- OP SRU -----------------------------------------------------------------------------------

def test_op_response_is_namespaced_sru2_with_gzd_records_pointing_back(server):
    response = op_search(server, 'c.product-area=="officielepublicaties"', maximumRecords=1000)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{SRU2}}}searchRetrieveResponse"
    assert root.findtext(f"{{{SRU2}}}version") == "2.0"
    assert int(root.findtext(f"{{{SRU2}}}numberOfRecords")) == len(OP_ITEMS)
    assert root.find(f"{{{SRU2}}}nextRecordPosition") is None
    record = root.find(f"{{{SRU2}}}records/{{{SRU2}}}record")
    assert record.findtext(f"{{{SRU2}}}recordSchema") == "http://standaarden.overheid.nl/sru/"
    assert record.findtext(f"{{{SRU2}}}recordPosition") == "1"
    gzd = "http://standaarden.overheid.nl/sru"
    enriched = record.find(f".//{{{gzd}}}enrichedData")
    manifestations = {el.get("manifestation"): el.text for el in enriched.findall(f"{{{gzd}}}itemUrl")}
    assert set(manifestations) >= {"xml", "metadata", "html"}
    assert all(url.startswith(server.base_url) for url in manifestations.values())
    ident = record.findtext(".//{http://purl.org/dc/terms/}identifier")
    item = next(i for i in OP_ITEMS if i.id == ident)
    assert requests.get(manifestations["xml"], timeout=10).content == item.xml
    assert enriched.findtext(f"{{{gzd}}}url") == manifestations["xml"]
    assert record.findtext(".//{http://standaarden.overheid.nl/wetgeving/}publicatienaam") == item.meta["publicatienaam"]
    assert record.findtext(".//{http://purl.org/dc/terms/}creator") == item.meta["creator"]


def test_paging_follows_next_record_position_and_covers_every_record_once(server):
    query = 'c.product-area=="officielepublicaties"'
    first = op_search(server, query, startRecord=1, maximumRecords=4)
    root = etree.fromstring(first.content)
    assert root.xpath("//*[local-name()='recordPosition']/text()") == ["1", "2", "3", "4"]
    assert root.findtext(f"{{{SRU2}}}nextRecordPosition") == "5"
    paged = all_ids(server, query, page=4)
    assert sorted(paged) == sorted(i.id for i in OP_ITEMS) and len(set(paged)) == len(paged)
    assert paged == all_ids(server, query, page=1000)  # stable order
    last_start = len(OP_ITEMS) - 1
    last = etree.fromstring(op_search(server, query, startRecord=last_start, maximumRecords=4).content)
    assert last.xpath("//*[local-name()='recordPosition']/text()") == [str(last_start), str(last_start + 1)]
    assert last.find(f"{{{SRU2}}}nextRecordPosition") is None


@pytest.mark.parametrize("query, expected", [
    ('w.publicatienaam=="Gemeenteblad"', lambda i: i.id.startswith("gmb-")),
    ('c.product-area=="officielepublicaties" and (w.publicatienaam=="Provinciaal blad" or w.publicatienaam==Waterschapsblad)',
     lambda i: i.id[:3] in ("prb", "wsb")),
    ('w.organisatietype=="gemeente" and dt.available>="2025-12-01" and dt.available<="2025-12-31"',
     lambda i: i.meta["organisatietype"] == "gemeente" and "2025-12-01" <= i.meta["available"] <= "2025-12-31"),
    ('dt.modified>2026-01-01', lambda i: i.meta["modified"] > "2026-01-01"),
    ('dt.creator=="\'s-Gravenhage"', lambda i: i.meta["creator"] == "'s-Gravenhage"),
    ('dt.type=="verkeersbesluit of -mededeling"', lambda i: i.meta["rubriek"] == "verkeersbesluit of -mededeling"),
    ('cql.textAndIndexes="WhatsApp"', lambda i: "whatsapp" in i.text.lower()),
    ('cql.textAndIndexes="aanwijzing" and cql.textAndIndexes="elektronisch"',
     lambda i: "aanwijzing" in (i.title + i.text).lower() and "elektronisch" in (i.title + i.text).lower()),
    ('dt.title any "aanwijzingsbesluit regeling"', lambda i: any(w in i.title.lower() for w in ("aanwijzingsbesluit", "regeling"))),
    ('dt.title all "aanwijzingsbesluit kanalen"', lambda i: all(w in i.title.lower() for w in ("aanwijzingsbesluit", "kanalen"))),
    ('w.publicatienaam=="Gemeenteblad" not dt.title any aanwijzing', lambda i: i.id.startswith("gmb-") and "aanwijzing" not in i.title.lower()),
    ('dt.identifier any gmb-2026', lambda i: i.id.startswith("gmb-2026")),
    ('elektronische', lambda i: "elektronische" in (i.title + " " + i.text).lower()),
])
def test_cql_filters(server, query, expected):
    want = sorted(i.id for i in OP_ITEMS if expected(i))
    assert want, "the filter must select something in the sample corpus"
    assert sorted(all_ids(server, query)) == want


def test_identifier_lookup_quoted_and_unquoted(server):
    item = OP_ITEMS[0]
    assert ids(op_search(server, f'dt.identifier=="{item.id}"')) == [item.id]
    assert ids(op_search(server, f"dt.identifier=={item.id}")) == [item.id]


@pytest.mark.parametrize("query, uri", [
    ('c.product-area=="officielepublicaties" c.product-area=="x"', "info:srw/diagnostic/1/10"),
    ('(dt.modified>=2025-01-01', "info:srw/diagnostic/1/10"),
    ('dt.modified>=', "info:srw/diagnostic/1/10"),
    ('w.onbekend=="x"', "info:srw/diagnostic/1/16"),
    ('dt.modified>="gisteren"', "info:srw/diagnostic/1/36"),
])
def test_query_errors_are_diagnostics_at_http_200(server, query, uri):
    response = op_search(server, query)
    assert response.status_code == 200
    assert diagnostic_uri(response) == uri
    assert etree.fromstring(response.content).find(f"{{{SRU2}}}numberOfRecords") is None


def test_deep_paging_answers_503_with_html(server):
    response = op_search(server, "cql.allRecords=1", startRecord=5001)
    assert response.status_code == 503 and response.headers["Content-Type"].startswith("text/html")
    assert b"<html>" in response.content
    assert op_search(server, "cql.allRecords=1", startRecord=5000).status_code == 200


def test_metadata_and_html_manifestations(server):
    item = next(i for i in OP_ITEMS if i.id.startswith("prb-"))
    root = etree.fromstring(op_search(server, f'dt.identifier=="{item.id}"').content)
    urls = {el.get("manifestation"): el.text for el in root.iter("{http://standaarden.overheid.nl/sru}itemUrl")}
    meta = etree.fromstring(requests.get(urls["metadata"], timeout=10).content)
    values = {(m.get("name"), m.get("scheme")): m.get("content") for m in meta.iter("metadata")}
    assert values[("DC.identifier", "OVERHEIDop.PrbID")] == item.id
    assert values[("DC.creator", "OVERHEID.Provincie")] == item.meta["creator"]
    assert values[("DCTERMS.available", "DCTERMS.W3CDTF")] == item.meta["available"]
    html = requests.get(urls["html"], timeout=10)
    assert html.status_code == 200 and item.title.encode() in html.content
    assert requests.get(f"{server.base_url}/zoek/{item.id}/metadata.xml", timeout=10).content == \
        requests.get(urls["metadata"], timeout=10).content
    assert requests.get(urls["xml"].replace(item.id, "gmb-1999-1"), timeout=10).status_code == 404


# ---- CVDR SRU ---------------------------------------------------------------------------------

def test_cvdr_response_is_sru12_with_enriched_urls(server):
    response = cvdr_search(server, "workid==CVDR762001")
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{SRU12}}}searchRetrieveResponse" and root.findtext(f"{{{SRU12}}}version") == "1.2"
    assert sorted(ids(response)) == ["CVDR762001_1", "CVDR762001_2"]
    gzd = "http://standaarden.overheid.nl/sru"
    for record in root.iter(f"{{{SRU12}}}record"):
        ident = record.findtext(".//{http://purl.org/dc/terms/}identifier")
        item = next(i for i in CVDR_ITEMS if i.id == ident)
        assert record.findtext(".//{http://purl.org/dc/terms/}isFormatOf") == item.meta["is_format_of"]
        xml_url = record.findtext(f".//{{{gzd}}}publicatieurl_xml")
        assert xml_url == f"{server.base_url}/cvdr/CVDR762001/{item.version}/xml/{ident}.xml"
        assert requests.get(xml_url, timeout=10).content == item.xml
        assert requests.get(record.findtext(f".//{{{gzd}}}publicatieurl_xhtml"), timeout=10).status_code == 200
        assert requests.get(record.findtext(f".//{{{gzd}}}preferred_url"), timeout=10).status_code == 200
        assert record.findtext(f".//{{{gzd}}}organisatietype") == "Gemeente"
    v1 = root.xpath("//*[local-name()='identifier' and text()='CVDR762001_1']/ancestor::*[local-name()='meta']")[0]
    assert v1.findtext(".//{http://standaarden.overheid.nl/cvdr/meta/}uitwerkingtredingDatum") == "2026-03-31"


@pytest.mark.parametrize("query, expected", [
    ("dcterms.modified>=2026-01-01", lambda i: i.meta["modified"] >= "2026-01-01"),
    ('dcterms.modified>=2025-12-01 and dcterms.modified<=2025-12-31 and organisatieType==Gemeente',
     lambda i: "2025-12-01" <= i.meta["modified"] <= "2025-12-31" and i.meta["organisatietype"] == "Gemeente"),
    ('dcterms.creator=="Utrecht"', lambda i: i.meta["creator"] == "Utrecht"),
    ("dcterms.isFormatOf==gmb-2025-498211", lambda i: i.meta["is_format_of"] == "gmb-2025-498211"),
    ('dcterms.title any "aanwijzingsbesluit besluit"', lambda i: "besluit" in i.title.lower()),
    ('keyword="e-mail"', lambda i: "e-mail" in i.text.lower()),
    ("dcterms.identifier=CVDR762001_*", lambda i: i.id.startswith("CVDR762001_")),
])
def test_cvdr_filters(server, query, expected):
    want = sorted(i.id for i in CVDR_ITEMS if expected(i))
    assert want
    assert sorted(all_ids(server, query, page=2, cvdr=True)) == want


def test_cvdr_diagnostics(server):
    assert diagnostic_uri(cvdr_search(server, 'c.product-area=="cvdr"')) == "info:srw/diagnostic/1/16"
    no_connection = requests.get(server.cvdr_sru_url, params={"query": "workid==CVDR762001"}, timeout=10)
    assert no_connection.status_code == 200 and diagnostic_uri(no_connection) == "info:srw/diagnostic/1/1"
    upper = requests.get(server.cvdr_sru_url, params={"query": "workid==CVDR762001", "x-connection": "CVDR"}, timeout=10)
    assert len(ids(upper)) == 2


# ---- faults -----------------------------------------------------------------------------------

def test_fault_429_has_retry_after_and_is_used_up(server):
    server.add_fault("429", match="path:/sru", times=2)
    statuses = [op_search(server, "cql.allRecords=1") for _ in range(3)]
    assert [r.status_code for r in statuses] == [429, 429, 200]
    assert statuses[0].headers["Retry-After"] == "1"


def test_fault_503_html_and_diagnostic(server):
    server.add_fault("503", match="query:dt.modified")
    server.add_fault("diagnostic", match="query:dt.available")
    assert op_search(server, "cql.allRecords=1").status_code == 200  # neither fault matches
    failed = op_search(server, "dt.modified>=2025-01-01")
    assert failed.status_code == 503 and failed.content.startswith(b"<!DOCTYPE html>")
    diag = op_search(server, "dt.available>=2025-01-01")
    assert diag.status_code == 200 and diagnostic_uri(diag) == "info:srw/diagnostic/1/1"
    assert ids(op_search(server, "dt.available>=2025-01-01"))


def test_fault_malformed_document_by_publication_id(server):
    item = OP_ITEMS[0]
    server.add_fault("malformed", match=f"id:{item.id}")
    url = f"{server.base_url}/frbr/officielepublicaties/gmb/{item.year}/{item.id}/1/xml/{item.id}.xml"
    other = OP_ITEMS[1]
    other_url = f"{server.base_url}/frbr/officielepublicaties/{other.prefix}/{other.year}/{other.id}/1/xml/{other.id}.xml"
    assert requests.get(other_url, timeout=10).content == other.xml
    broken = requests.get(url, timeout=10)
    assert broken.status_code == 200
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(broken.content)
    assert requests.get(url, timeout=10).content == item.xml  # times=1: the next fetch is good


def test_fault_truncated_body_loses_data(server):
    server.add_fault("truncated", match="/sru")
    parts = urlsplit(server.op_sru_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/sru?query=cql.allRecords%3D1&maximumRecords=50")
    response = conn.getresponse()
    assert response.status == 200
    declared = int(response.getheader("Content-Length"))
    with pytest.raises(http.client.IncompleteRead) as error:
        response.read()
    assert 0 < len(error.value.partial) < declared
    conn.close()
    assert op_search(server, "cql.allRecords=1").status_code == 200


def test_fault_slow_delays_then_answers(server):
    server.add_fault("slow", match="*", seconds=0.6)
    started = time.monotonic()
    response = op_search(server, "cql.allRecords=1")
    assert time.monotonic() - started >= 0.6 and response.status_code == 200 and ids(response)
    started = time.monotonic()
    op_search(server, "cql.allRecords=1")
    assert time.monotonic() - started < 0.6


def test_fault_always_and_spec_parsing():
    assert Fault.parse("429") == Fault("429", None, 1)
    assert Fault.parse("503:/sru:3") == Fault("503", "/sru", 3)
    assert Fault.parse("malformed:id:gmb-2025-498211") == Fault("malformed", "id:gmb-2025-498211", 1)
    assert Fault.parse("diagnostic:query:dt.modified:*") == Fault("diagnostic", "query:dt.modified", None)
    assert Fault.parse("slow:2") == Fault("slow", None, 2)
    with pytest.raises(ValueError):
        Fault.parse("teapot")
    with ReplayServer(SAMPLE_CORPUS, faults=["503:path:/zoekservice:*"]) as srv:
        assert [cvdr_search(srv, "workid==CVDR762001").status_code for _ in range(3)] == [503] * 3
        assert op_search(srv, "cql.allRecords=1").status_code == 200


# ---- log, reload, synthetic ----------------------------------------------------------------

def test_request_log_records_kind_id_status_and_accept(server):
    item = CVDR_ITEMS[0]
    op_search(server, "cql.allRecords=1")
    requests.get(f"{server.base_url}/cvdr/{item.work_id}/{item.version}/xml/{item.id}.xml", timeout=10)
    requests.get(f"{server.base_url}/nergens", timeout=10)
    log = server.requests
    assert [(e["kind"], e["status"]) for e in log] == [("sru", 200), ("document", 200), ("other", 404)]
    assert log[0]["accept"] == "application/xml" and log[0]["params"]["query"] == "cql.allRecords=1"
    assert log[1]["publication_id"] == item.id and log[1]["path"].endswith(f"{item.id}.xml")
    served = requests.get(f"{server.base_url}/_log", timeout=10).json()
    assert [e["kind"] for e in served] == ["sru", "document", "other"]
    server.clear_log()
    assert server.requests == [] and requests.get(f"{server.base_url}/_log", timeout=10).json() == []


def test_reload_serves_an_edited_publication(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, corpus, ignore=shutil.ignore_patterns("*.py"))
    item = OP_ITEMS[0]
    with ReplayServer(corpus) as srv:
        assert ids(op_search(srv, "dt.modified>=2026-06-01")) == []
        meta_path = corpus / OP / f"{item.id}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["modified"] = "2026-06-15"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        xml_path = corpus / OP / f"{item.id}.xml"
        xml_path.write_bytes(xml_path.read_bytes().replace(b"</al>", b" Gewijzigd.</al>", 1))
        assert ids(op_search(srv, "dt.modified>=2026-06-01")) == []  # not before reload
        srv.reload()
        assert ids(op_search(srv, "dt.modified>=2026-06-01")) == [item.id]
        root = etree.fromstring(op_search(srv, "dt.modified>=2026-06-01").content)
        xml_url = root.findtext(".//{http://standaarden.overheid.nl/sru}url")
        assert b"Gewijzigd." in requests.get(xml_url, timeout=10).content


def test_synthetic_records_page_and_resolve():
    period = (date(2025, 3, 1), date(2025, 3, 31))
    with ReplayServer(SAMPLE_CORPUS, synthetic=300, synthetic_period=period) as srv:
        found = all_ids(srv, 'dt.identifier any "-2030-"', page=100)
        synthetic_op = [i for i in srv.items if i.synthetic_of and i.source == OP]
        assert sorted(found) == sorted(i.id for i in synthetic_op) and len(found) > 200
        assert all(i.meta["available"][:7] == "2025-03" for i in synthetic_op)
        march = all_ids(srv, "dt.available>=2025-03-01 and dt.available<=2025-03-31")
        assert set(found) <= set(march)
        clone = synthetic_op[0]
        root = etree.fromstring(op_search(srv, f'dt.identifier=="{clone.id}"').content)
        xml = requests.get(root.findtext(".//{http://standaarden.overheid.nl/sru}url"), timeout=10).content
        assert clone.id.encode() in xml and clone.synthetic_of.encode() not in xml
        assert etree.fromstring(xml) is not None
        cvdr_clones = all_ids(srv, "dcterms.identifier=CVDR9*", page=100, cvdr=True)
        assert len(cvdr_clones) == sum(1 for i in srv.items if i.synthetic_of and i.source == CVDR) > 0


# ---- CLI ----------------------------------------------------------------------------------------

def test_cli_prints_urls_serves_and_stops_on_ctrl_c():
    process = subprocess.Popen([sys.executable, "-m", "kanaalwijzer.cli", "replay", "--port", "0",
                                "--fault", "429:path:/sru:1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines = [process.stdout.readline() for _ in range(2)]
        urls = dict(line.strip().split(": ", 1) for line in lines)
        op_url = urls["Officiële publicaties SRU"]
        assert urls["CVDR SRU"].endswith("/zoekservice/sru/Search")
        assert requests.get(op_url, params={"query": "cql.allRecords=1"}, timeout=10).status_code == 429
        assert ids(requests.get(op_url, params={"query": "cql.allRecords=1"}, timeout=10))
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()  # never leave a server behind; the test still fails
            raise
    assert process.returncode == 0


def test_html_pages_carry_the_real_sites_furniture(server):
    v1 = next(i for i in CVDR_ITEMS if i.id == "CVDR762001_1")
    page = requests.get(f"{server.base_url}/lokaleregelgeving/CVDR762001/1", timeout=10).text
    assert "Geldend van 01-01-2026 t/m 31-03-2026" in page and v1.title in page
    newest = requests.get(f"{server.base_url}/lokaleregelgeving/CVDR762001", timeout=10).text
    assert "Geldend van 01-04-2026 t/m heden" in newest
    op = requests.get(f"{server.base_url}/zoek/gmb-2025-498211.html", timeout=10).text
    assert "Gemeenteblad van &#x27;s-Gravenhage" in op and "Gemeenteblad 2025, 498211" in op


def test_cli_rejects_a_bad_fault_spec():
    result = subprocess.run([sys.executable, "-m", "kanaalwijzer.cli", "replay", "--fault", "teapot"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "unknown fault kind" in result.stderr
