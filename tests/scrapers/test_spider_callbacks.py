"""Spider callbacks and the store pipeline on saved responses (bytes in, items/requests/rows out),
without a network or a running crawl."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
import scrapy
from scrapy.http import HtmlResponse, XmlResponse
from scrapy.utils.test import get_crawler

from scrapers.items import FileItem, PublicationItem
from scrapers.pipelines import StorePipeline
from scrapers.spiders.cvdr import CvdrSpider
from scrapers.spiders.gemeenteblad import GemeentebladSpider
from tests.support import FILES

SRU = FILES / "sru"
PAGE_URL = "https://repository.overheid.nl/sru?operation=searchRetrieve&startRecord=1"


def make_spider(cls, db, **kwargs):
    crawler = get_crawler(cls, {"KANAALWIJZER_DB": str(db), "KANAALWIJZER_OP_SRU_URL": "https://repository.overheid.nl/sru",
                                "KANAALWIJZER_CVDR_SRU_URL": "https://zoekservice.overheid.nl/sru/Search"})
    spider = cls.from_crawler(crawler, **kwargs)
    spider.run_id = spider.store.start_run(spider.run_label, spider.mode)
    return spider


def response(name: str, url: str = PAGE_URL, cls=XmlResponse):
    return cls(url=url, body=(SRU / name).read_bytes(), encoding="utf-8", request=scrapy.Request(url))


@pytest.fixture
def db(tmp_path):
    return tmp_path / "kw.db"


@pytest.fixture
def op_spider(db):
    spider = make_spider(GemeentebladSpider, db, publication="Gemeenteblad,Waterschapsblad,Provinciaal blad")
    yield spider
    spider.store.close()


def first_page(spider, name="op_page1_next3.xml"):
    window = spider.open_window(date(2025, 3, 10), date(2025, 3, 16)).cb_kwargs["window"]
    query = spider.query(window.start, window.end)
    out = list(spider.parse_page(response(name), window=window, query=query, start_record=1))
    return window, out


def test_page_yields_one_publication_item_per_record(op_spider):
    _, out = first_page(op_spider)
    assert [i.id for i in out if isinstance(i, PublicationItem)] == ["gmb-2025-104233", "wsb-2025-2210"]


def test_page_requests_the_files_the_record_names(op_spider):
    _, out = first_page(op_spider)
    files = {(r.cb_kwargs["publication_id"], r.cb_kwargs["kind"]): r.url
             for r in out if isinstance(r, scrapy.Request) and r.callback == op_spider.parse_file}
    assert files == {
        ("gmb-2025-104233", "xml"): "https://repository.overheid.nl/frbr/officielepublicaties/gmb/2025/gmb-2025-104233/1/xml/gmb-2025-104233.xml",
        ("gmb-2025-104233", "metadata"): "https://repository.overheid.nl/frbr/officielepublicaties/gmb/2025/gmb-2025-104233/1/metadata/metadata.xml",
        ("wsb-2025-2210", "metadata"): "https://repository.overheid.nl/frbr/officielepublicaties/wsb/2025/wsb-2025-2210/1/metadata/metadata.xml",
    }


def test_page_follows_next_record_position(op_spider):
    _, out = first_page(op_spider)
    pages = [r for r in out if isinstance(r, scrapy.Request) and r.callback == op_spider.parse_page]
    assert len(pages) == 1
    assert parse_qs(urlsplit(pages[0].url).query)["startRecord"] == ["3"]


def test_body_is_matched_to_a_code(op_spider):
    _, out = first_page(op_spider)
    codes = {i.id: (i.fields["body_code"], i.fields["body_type"]) for i in out if isinstance(i, PublicationItem)}
    assert codes == {"gmb-2025-104233": ("GM1900", "gemeente"), "wsb-2025-2210": ("waterschap:rijnland", "waterschap")}


def test_last_page_closes_the_window_when_no_file_is_pending(op_spider):
    window, out = first_page(op_spider, "op_page2_last.xml")
    assert window.paging_done and window.pending == 2  # xml + metadata still out
    for request in [r for r in out if isinstance(r, scrapy.Request)]:
        op_spider._file_settled(FileItem(request.cb_kwargs["publication_id"], request.cb_kwargs["kind"], request.url,
                                         b"", window_id=window.id))
    stored = op_spider.store.window(window.id)
    assert (stored.status, stored.records_seen, stored.number_of_records) == ("done", 1, 4)


def test_diagnostic_fails_the_window_and_yields_nothing(op_spider):
    window, out = first_page(op_spider, "op_diagnostic.xml")
    assert out == []
    stored = op_spider.store.window(window.id)
    assert stored.status == "failed" and "info:srw/diagnostic/1/10" in stored.error
    assert op_spider.store.failed_windows("officielepublicaties:gmb+prb+wsb")[0].id == window.id


def test_html_error_page_fails_the_window_and_is_kept_raw(op_spider):
    window = op_spider.open_window(date(2025, 3, 10), date(2025, 3, 16)).cb_kwargs["window"]
    resp = response("service_unavailable.html", cls=HtmlResponse)
    assert list(op_spider.parse_page(resp, window=window, query="q", start_record=1)) == []
    raw = op_spider.store.raw_responses(None, "sru")[0]
    assert raw.body == (SRU / "service_unavailable.html").read_bytes() and raw.error


def test_up_to_date_publication_is_not_fetched_again(op_spider):
    store = op_spider.store
    store.upsert_publication("gmb-2025-104233", source="officielepublicaties", modified="2025-03-12")
    store.add_version("gmb-2025-104233", "tekst")
    _, out = first_page(op_spider)
    fetched = {r.cb_kwargs["publication_id"] for r in out if isinstance(r, scrapy.Request) and "kind" in r.cb_kwargs}
    assert fetched == {"wsb-2025-2210"}


def test_changed_modified_date_is_fetched_again(op_spider):
    store = op_spider.store
    store.upsert_publication("gmb-2025-104233", source="officielepublicaties", modified="2025-03-01")
    store.add_version("gmb-2025-104233", "tekst")
    _, out = first_page(op_spider)
    assert "gmb-2025-104233" in {r.cb_kwargs.get("publication_id") for r in out if isinstance(r, scrapy.Request)}


def test_changed_record_keeps_the_old_modified_until_its_text_is_stored(op_spider, db):
    store = op_spider.store
    store.upsert_publication("gmb-2025-104233", source="officielepublicaties", modified="2025-03-01")
    store.add_version("gmb-2025-104233", "oude tekst")
    _, out = first_page(op_spider)
    item = next(i for i in out if isinstance(i, PublicationItem) and i.id == "gmb-2025-104233")
    assert item.fields["modified"] == "2025-03-01"  # a kill now leaves it to be fetched again
    pipeline = StorePipeline(db)
    pipeline.open_spider()
    pipeline.process_item(item)
    pipeline.process_item(FileItem("gmb-2025-104233", "xml", "https://x/gmb-2025-104233.xml",
                                   (SRU / "op_document.xml").read_bytes(), 200, "application/xml", "2025-03-12"))
    pipeline.close_spider()
    assert store.publication("gmb-2025-104233").modified == "2025-03-12"


def test_record_without_xml_is_up_to_date_without_a_text(op_spider):
    op_spider.store.upsert_publication("wsb-2025-2210", source="officielepublicaties", modified="2025-03-13")
    _, out = first_page(op_spider)
    assert "wsb-2025-2210" not in {r.cb_kwargs.get("publication_id") for r in out if isinstance(r, scrapy.Request)}


def test_window_claiming_too_much_is_split(op_spider):
    op_spider.split_at = 3  # the fixture claims 4
    window, out = first_page(op_spider)
    children = [(r.cb_kwargs["window"].start, r.cb_kwargs["window"].end) for r in out]
    assert children == [(date(2025, 3, 10), date(2025, 3, 13)), (date(2025, 3, 14), date(2025, 3, 16))]
    assert not any(isinstance(i, PublicationItem) for i in out)


def test_cvdr_later_version_asks_for_the_whole_work(db):
    spider = make_spider(CvdrSpider, db)
    window = spider.open_window(date(2025, 11, 17), date(2025, 11, 23)).cb_kwargs["window"]
    out = list(spider.parse_page(response("cvdr_page.xml"), window=window, query="q", start_record=1))
    work_queries = [parse_qs(urlsplit(r.url).query)["query"][0] for r in out
                    if isinstance(r, scrapy.Request) and r.cb_kwargs.get("work_id")]
    assert work_queries == ['workid=="CVDR701234"']  # CVDR699000_1 is a first version: nothing to add
    spider.store.close()


def test_cvdr_publication_fields(db):
    spider = make_spider(CvdrSpider, db)
    window = spider.open_window(date(2025, 11, 17), date(2025, 11, 23)).cb_kwargs["window"]
    item = next(i for i in spider.parse_page(response("cvdr_page.xml"), window=window, query="q", start_record=1)
                if isinstance(i, PublicationItem))
    f = item.fields
    assert (f["body_code"], f["is_format_of"], f["work_id"], f["work_version"], f["valid_from"]) == \
        ("GM0518", "gmb-2025-488123", "CVDR701234", 2, "2026-01-01")
    spider.store.close()


# ---- pipeline ------------------------------------------------------------------------------------

@pytest.fixture
def pipeline(db):
    p = StorePipeline(db)
    p.open_spider()
    p.store.upsert_publication("gmb-2025-104233", source="officielepublicaties", modified="2025-03-12")
    yield p
    p.close_spider()


def file_item(body: bytes, kind="xml"):
    return FileItem("gmb-2025-104233", kind, "https://example.invalid/gmb-2025-104233.xml", body, 200,
                    "application/xml", "2025-03-12")


def test_pipeline_stores_text_and_structure_as_a_version(pipeline):
    item = pipeline.process_item(file_item((SRU / "op_document.xml").read_bytes()))
    version = pipeline.store.latest_version("gmb-2025-104233")
    assert (item.version, item.new_version, version.version) == (1, True, 1)
    assert "digitale formulier" in version.text and "Artikel 1 lid 2" in [b["label"] for b in version.structure]


def test_pipeline_same_content_makes_no_new_version(pipeline):
    body = (SRU / "op_document.xml").read_bytes()
    pipeline.process_item(file_item(body))
    again = pipeline.process_item(file_item(body.replace(b"<al>E-mail", b"<al>  E-mail")))  # whitespace only
    assert (again.version, again.new_version) == (1, False)
    assert len(pipeline.store.versions("gmb-2025-104233")) == 1


def test_pipeline_changed_content_is_version_two_and_one_is_kept(pipeline):
    body = (SRU / "op_document.xml").read_bytes()
    pipeline.process_item(file_item(body))
    pipeline.process_item(file_item(body.replace(b"1 januari 2026", b"1 februari 2026")))
    v1, v2 = pipeline.store.versions("gmb-2025-104233")
    assert "1 januari 2026" in v1.text and "1 februari 2026" in v2.text


def test_pipeline_keeps_malformed_document_raw_with_error_and_no_version(pipeline):
    body = (SRU / "op_document.xml").read_bytes()[:700]
    item = pipeline.process_item(file_item(body))
    raw = pipeline.store.raw_responses("gmb-2025-104233")[0]
    assert item.error and raw.error == item.error and raw.body == body
    assert pipeline.store.versions("gmb-2025-104233") == []
    assert len(pipeline.store.harvest_errors("gmb-2025-104233")) == 1


def test_pipeline_drops_a_second_publication_item_with_the_same_id(pipeline):
    from scrapy.exceptions import DropItem

    item = PublicationItem("gmb-2025-1", {"source": "officielepublicaties", "title": "x"})
    pipeline.process_item(item)
    with pytest.raises(DropItem):
        pipeline.process_item(item)


def test_pipeline_metadata_kept_raw(pipeline):
    pipeline.process_item(file_item((SRU / "op_metadata.xml").read_bytes(), kind="metadata"))
    raw = pipeline.store.raw_responses("gmb-2025-104233")
    assert [(r.kind, r.error) for r in raw] == [("metadata", None)]
