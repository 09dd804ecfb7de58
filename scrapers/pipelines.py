"""Everything the spiders find goes into the store here, and only here.

- PublicationItem: upserted by id; a second item with an id already handled in this crawl is
  dropped (a record can turn up in two windows or in a work query). Its record XML is kept raw.
- FileItem 'xml': the bytes are kept raw, then normalised (kanaalwijzer.documents) into text +
  structure and added as a version (same content hash: no new version); the publication's
  `modified` then moves to the date this text belongs to. A document that does not
  parse cleanly is kept raw with its error and logged; it never becomes a version, because a
  half-read text must not pass for what was published.
- FileItem 'metadata': kept raw; an unreadable one gets its error recorded.
"""
from __future__ import annotations

import logging
from dataclasses import asdict

from scrapy.exceptions import DropItem

from kanaalwijzer.config import load_config
from kanaalwijzer.documents import parse_document
from kanaalwijzer.store import Store

from . import sru
from .items import FileItem, PublicationItem

log = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, db_path):
        self.db_path = db_path
        self.store: Store | None = None
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("KANAALWIJZER_DB") or load_config().db_path)

    def open_spider(self, spider=None):
        self.store = Store(self.db_path)

    def close_spider(self, spider=None):
        if self.store:
            self.store.close()

    def process_item(self, item, spider=None):
        if isinstance(item, PublicationItem):
            return self.store_publication(item)
        if isinstance(item, FileItem):
            return self.store_file(item, getattr(spider, "run_id", None))
        raise DropItem(f"onbekend item {type(item).__name__}")

    def store_publication(self, item: PublicationItem) -> PublicationItem:
        if item.id in self.seen:
            # expected (overlapping windows, CVDR work queries): not worth a warning
            raise DropItem(f"publicatie {item.id} al verwerkt in deze run", log_level="DEBUG")
        self.seen.add(item.id)
        with self.store.transaction():
            self.store.upsert_publication(item.id, **item.fields)
            if item.record:
                self.store.save_raw(item.id, "record", item.record, url=item.url, content_type="application/xml")
        return item

    def store_file(self, item: FileItem, run_id: int | None) -> FileItem:
        if item.kind == "xml":
            doc = parse_document(item.body, name=item.url)
            item.error = doc.error or (None if doc.text.strip() else "document zonder tekst")
        else:
            item.error = _metadata_error(item.body)
        with self.store.transaction():
            raw_id = self.store.save_raw(item.publication_id, item.kind, item.body, url=item.url,
                                         http_status=item.http_status, content_type=item.content_type,
                                         error=item.error)
            if item.error:
                self.store.log_error(f"{item.kind} van {item.publication_id}: {item.error}", run_id=run_id,
                                     publication_id=item.publication_id, url=item.url, raw_response_id=raw_id)
            elif item.kind == "xml":
                result = self.store.add_version(
                    item.publication_id, doc.text, [asdict(block) for block in doc.blocks],
                    source_modified=item.source_modified)
                item.version, item.new_version = result.version, result.created
                # the text of this modification date is now held (see the spider's incremental check)
                self.store.mark_text_modified(item.publication_id, item.source_modified)
        if item.error:
            log.warning("%s van %s bewaard met fout: %s", item.kind, item.publication_id, item.error)
        return item


def _metadata_error(body: bytes) -> str | None:
    try:
        sru.parse_metadata_xml(body)
    except Exception as error:  # lxml raises several kinds; any means: not usable
        return f"metadata.xml onleesbaar: {error}"
    return None
