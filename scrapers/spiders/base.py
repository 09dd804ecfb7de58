"""What both harvest spiders share: date windows, SRU paging, incremental fetching, run records.

A run covers [since, until] in windows (a week by default) plus every window an earlier run
left failed or unfinished. For each window the spider pages through the SRU answer by
`nextRecordPosition`, hands every record to the pipeline as a PublicationItem, and fetches the
manifestations the record links to, unless the store already holds that publication with the
same `modified` date and a version. A window is recorded done only when its last page was read
and every file it asked for has been stored (or has failed: then the window is failed and the
next run retries it). A `<diagnostics>` answer fails the window; it is never an empty result.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import scrapy
from scrapy import signals

from kanaalwijzer.bodies import match_body
from kanaalwijzer.config import load_config
from kanaalwijzer.store import AMSTERDAM, Store

from .. import sru
from ..items import FileItem, PublicationItem

log = logging.getLogger(__name__)

DEFAULT_SINCE = date(2025, 1, 1)
FILE_PRIORITY = 10  # files before new pages: windows finish (and are recorded) sooner


@dataclass(eq=False)
class Window:
    id: int
    start: date
    end: date
    claimed: int | None = None      # numberOfRecords on the first page (an estimate)
    seen: int = 0
    pages: int = 0
    paging_done: bool = False
    pending: int = 0                # files and sub-queries still out
    failures: list[str] = field(default_factory=list)
    closed: bool = False


class SruHarvestSpider(scrapy.Spider):
    """Subclasses set `name`, `source` (sru.OP / sru.CVDR) and `sru_url_setting`."""

    source: str = ""
    sru_url_setting: str = ""

    def __init__(self, since: str | None = None, until: str | None = None, mode: str = "targeted",
                 body: str | None = None, page_size: int | str | None = None,
                 window_days: int | str | None = None, run_label: str | None = None, **kwargs):
        super().__init__(**kwargs)
        if mode not in ("targeted", "sweep"):
            raise ValueError(f"mode moet 'targeted' of 'sweep' zijn, niet {mode!r}")
        self.mode = mode
        self.since = date.fromisoformat(since) if since else None
        self.until = date.fromisoformat(until) if until else None
        self.body = body or None
        self._page_size = int(page_size) if page_size else None
        self._window_days = int(window_days) if window_days else None
        self.run_label = run_label or self.name
        self.windows: list[Window] = []
        self.windows_unopened = 0  # planned in start(), not yet opened: they count in progress()' total
        self.requested: set[str] = set()    # publication ids whose files this run asked for
        self.works_expanded: set[str] = set()
        self.counts = {"records": 0, "files": 0, "versions": 0, "errors": 0}
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        config = load_config()
        spider.store = Store(settings.get("KANAALWIJZER_DB") or config.db_path)
        spider.sru_url = settings.get(spider.sru_url_setting) or (
            config.op_sru_url if spider.source == sru.OP else config.cvdr_sru_url)
        spider.page_size = spider._page_size or settings.getint("HARVEST_PAGE_SIZE", 100)
        spider.window_days = spider._window_days or settings.getint("HARVEST_WINDOW_DAYS", 7)
        spider.split_at = settings.getint("HARVEST_SPLIT_AT", 4000)
        for handler, signal in ((spider._item_done, signals.item_scraped), (spider._item_done, signals.item_dropped),
                                (spider._item_failed, signals.item_error), (spider._closed, signals.spider_closed)):
            crawler.signals.connect(handler, signal=signal)
        return spider

    # ---- what subclasses decide ---------------------------------------------------------------
    def query(self, start: date, end: date) -> str:
        return sru.build_query(self.source, start, end, mode=self.mode, bodies=self.body_names())

    def files_to_fetch(self, fields: dict) -> list[tuple[str, str]]:
        """(kind, url) pairs to fetch for a record; only URLs the record itself gives."""
        return [("xml", fields["url_xml"])] if fields.get("url_xml") else []

    def body_names(self) -> tuple[str, ...]:
        """The creator names the body filter may appear under (ours and the source's forms)."""
        if not self.body:
            return ()
        body = match_body(self.body)
        names = [self.body]
        if body:
            names += [body.name, *(v for v in body.variants if not v.lower().startswith("gemeente "))]
        return tuple(dict.fromkeys(names))

    # ---- start: plan the run --------------------------------------------------------------------
    async def start(self):
        self._mark_dead_runs()
        today = _today()
        until = self.until or today
        since = self.since or self.resume_date() or DEFAULT_SINCE
        self.run_id = self.store.start_run(
            self.run_label, self.mode, since.isoformat(), until.isoformat(), self.body,
            params={"pid": os.getpid(), "page_size": self.page_size, "window_days": self.window_days,
                    "sru_url": self.sru_url})
        bounds = {(w.window_start, w.window_end)
                  for w in self.store.failed_windows(self.run_label, self.mode) if w.body_filter == self.body}
        day = since
        while day <= until:
            end = min(day + timedelta(days=self.window_days - 1), until)
            bounds.add((day.isoformat(), end.isoformat()))
            day = end + timedelta(days=1)
        log.info("%s: %d vensters van %s t/m %s (%s)", self.run_label, len(bounds), since, until, self.mode)
        self.windows_unopened = len(bounds)
        for start, end in sorted(bounds):
            self.windows_unopened -= 1
            yield self.open_window(date.fromisoformat(start), date.fromisoformat(end))

    def resume_date(self) -> date | None:
        """The end of the last window done for this source, mode and body (overlap one day: a day
        harvested while it was still going on may have grown since)."""
        last = self.store.resume_date(self.run_label, self.mode, self.body)
        return date.fromisoformat(last) if last else None

    def _mark_dead_runs(self) -> None:
        """Runs still 'running' whose process is gone were killed: say so (their windows stay
        unfinished, so failed_windows() hands them to this run)."""
        for run in self.store.running_runs():
            pid = run.params.get("pid")
            if pid and pid != os.getpid() and not _alive(pid):
                self.store.finish_run(run.id, "interrupted")

    def open_window(self, start: date, end: date) -> scrapy.Request:
        window = Window(self.store.start_window(self.run_id, self.run_label, self.mode, start.isoformat(),
                                                end.isoformat(), self.body), start, end)
        self.windows.append(window)
        return self.page_request(window, self.query(start, end), 1)

    def page_request(self, window: Window, query: str, start_record: int, work_id: str | None = None):
        url = sru.page_url(self.source, self.sru_url, query, start_record, self.page_size)
        return scrapy.Request(url, callback=self.parse_page, errback=self.page_failed, dont_filter=True,
                              cb_kwargs={"window": window, "query": query, "start_record": start_record,
                                         "work_id": work_id})

    # ---- SRU pages ------------------------------------------------------------------------------
    def parse_page(self, response, window: Window, query: str, start_record: int, work_id: str | None = None):
        """One SRU page: records become items, their files requests; then the next page."""
        try:
            page = sru.parse_page(response.body)
            if page.diagnostics:
                raise sru.SruError("SRU-diagnose: " + " | ".join(page.diagnostics))
        except sru.SruError as error:
            raw_id = self.store.save_raw(None, "sru", response.body, url=response.url, http_status=response.status,
                                         content_type=_content_type(response), error=str(error))
            self._fail(window, str(error), url=response.url, raw_response_id=raw_id)
            self._page_finished(window, work_id)
            return
        if work_id is None:
            window.pages += 1
            if start_record == 1:
                window.claimed = page.number_of_records
                if self._should_split(window):
                    yield from self.split(window)
                    return
        for record in page.records:
            yield from self.handle_record(record, window, response.url, from_work_query=work_id is not None)
        if page.next_position and page.records:
            if page.next_position <= start_record:
                self._fail(window, f"nextRecordPosition {page.next_position} gaat niet vooruit", url=response.url)
            else:
                yield self.page_request(window, query, page.next_position, work_id)
                return
        self._page_finished(window, work_id)

    def _page_finished(self, window: Window, work_id: str | None) -> None:
        if work_id is None:
            window.paging_done = True
        else:
            window.pending -= 1
        self._maybe_close(window)

    def _should_split(self, window: Window) -> bool:
        return bool(window.claimed and window.claimed >= self.split_at and window.end > window.start)

    def split(self, window: Window):
        """Too many hits for the paging limit: two half windows instead of this one."""
        middle = window.start + (window.end - window.start) // 2
        log.info("venster %s..%s claimt %s records: gesplitst", window.start, window.end, window.claimed)
        window.paging_done, window.closed = True, True
        self.store.update_window(window.id, status="done", number_of_records=window.claimed, pages=window.pages,
                                 error=f"gesplitst: {window.claimed} records geclaimd")
        yield self.open_window(window.start, middle)
        yield self.open_window(middle + timedelta(days=1), window.end)

    def handle_record(self, record, window: Window, page_url: str, from_work_query: bool = False):
        try:
            fields = sru.record_fields(self.source, record)
            raw = sru.record_bytes(record)
        except (sru.SruError, AttributeError, ValueError) as error:
            self._error(f"record onleesbaar: {error}", window=window, url=page_url)
            return
        if not from_work_query:  # records seen vs the window's numberOfRecords
            window.seen += 1
            self.counts["records"] += 1
        pub_id = fields["id"]
        known = self.store.held_text(pub_id)
        up_to_date = known is not None and known.modified == fields["modified"] and (
            known.has_text or not fields.get("url_xml"))
        publication = self.publication_fields(fields)
        if known and not up_to_date and fields.get("url_xml"):
            # `modified` says which state of the text we hold: it moves on only when the new
            # text is stored (pipeline), so a run killed in between fetches it again.
            publication["modified"] = known.modified
        yield PublicationItem(pub_id, publication, raw, page_url)
        if not from_work_query and self.source == sru.CVDR:
            yield from self.expand_work(fields, window)
        if up_to_date or pub_id in self.requested:
            return
        self.requested.add(pub_id)
        for kind, url in self.files_to_fetch(fields):
            window.pending += 1
            yield scrapy.Request(url, callback=self.parse_file, errback=self.file_failed, dont_filter=True,
                                 priority=FILE_PRIORITY,
                                 cb_kwargs={"window": window, "publication_id": pub_id, "kind": kind,
                                            "modified": fields["modified"]})

    def expand_work(self, fields: dict, window: Window):
        """A later CVDR version whose earlier versions we lack: ask for every version of the work."""
        work, version = fields.get("work_id"), fields.get("work_version") or 1
        if version <= 1 or work in self.works_expanded:
            return
        if self.store.earlier_work_versions_held(work, version) >= version - 1:
            return
        self.works_expanded.add(work)
        window.pending += 1
        yield self.page_request(window, sru.work_query(work), 1, work_id=work)

    def publication_fields(self, fields: dict) -> dict:
        body = match_body(fields.get("body_name"), fields.get("organisatietype"))
        out = {k: fields.get(k) for k in (
            "source", "publication_name", "work_id", "work_version", "title", "body_name", "rubriek",
            "published", "modified", "issued", "valid_from", "valid_to", "url_official", "url_xml",
            "url_metadata", "is_format_of")}
        out["body_type"] = body.type if body else None
        out["body_code"] = body.code if body else None
        out["meta_json"] = dict(fields.get("meta") or {}, organisatietype=fields.get("organisatietype"))
        return out

    def page_failed(self, failure):
        request = failure.request
        window = request.cb_kwargs["window"]
        self._fail(window, f"SRU-pagina niet opgehaald: {_failure_text(failure)}", url=request.url)
        self._page_finished(window, request.cb_kwargs.get("work_id"))

    # ---- files ------------------------------------------------------------------------------------
    def parse_file(self, response, window: Window, publication_id: str, kind: str, modified: str | None):
        self.counts["files"] += 1
        yield FileItem(publication_id, kind, response.url, response.body, response.status,
                       _content_type(response), modified, window.id)

    def file_failed(self, failure):
        request = failure.request
        kw = request.cb_kwargs
        self._fail(kw["window"], f"{kw['kind']} van {kw['publication_id']} niet opgehaald: {_failure_text(failure)}",
                   url=request.url, publication_id=kw["publication_id"])
        self.requested.discard(kw["publication_id"])
        kw["window"].pending -= 1
        self._maybe_close(kw["window"])

    def _item_done(self, item, response=None, spider=None, **kwargs):
        if isinstance(item, FileItem) and item.window_id is not None:
            if getattr(item, "new_version", False):
                self.counts["versions"] += 1
            if item.error:
                self.counts["errors"] += 1
            self._file_settled(item)

    def _item_failed(self, item, response=None, spider=None, failure=None, **kwargs):
        if isinstance(item, FileItem) and item.window_id is not None:
            window = self._window(item.window_id)
            if window:
                self._fail(window, f"opslaan van {item.kind} van {item.publication_id} mislukt: "
                                   f"{_failure_text(failure)}", publication_id=item.publication_id)
            self._file_settled(item)
        elif failure is not None:
            self._error(f"opslaan mislukt: {_failure_text(failure)}")

    def _file_settled(self, item: FileItem) -> None:
        window = self._window(item.window_id)
        if window:
            window.pending -= 1
            self._maybe_close(window)

    # ---- bookkeeping ----------------------------------------------------------------------------
    def _window(self, window_id: int) -> Window | None:
        return next((w for w in self.windows if w.id == window_id), None)

    def _error(self, message: str, window: Window | None = None, **where) -> None:
        self.counts["errors"] += 1
        log.error("%s", message)
        self.store.log_error(message, run_id=self.run_id, window_id=window.id if window else None, **where)

    def _fail(self, window: Window, message: str, **where) -> None:
        window.failures.append(message)
        self._error(message, window, **where)

    def _maybe_close(self, window: Window) -> None:
        if window.closed or not window.paging_done or window.pending > 0:
            return
        window.closed = True
        status = "failed" if window.failures else "done"
        if status == "done" and window.claimed is not None and window.seen < window.claimed:
            log.warning("venster %s..%s: %d records gezien, %d geclaimd (een schatting)",
                        window.start, window.end, window.seen, window.claimed)
        self.store.update_window(window.id, status=status, number_of_records=window.claimed,
                                 records_seen=window.seen, pages=window.pages,
                                 error="; ".join(window.failures[:5]) or None)

    def _closed(self, spider, reason):
        for window in self.windows:
            if not window.closed:
                window.closed = True
                self.store.update_window(window.id, status="failed", number_of_records=window.claimed,
                                         records_seen=window.seen, pages=window.pages,
                                         error=f"niet afgerond (crawl gestopt: {reason})")
        if self.run_id is not None:
            self.store.finish_run(self.run_id, self.run_status(), records_seen=self.counts["records"],
                                  documents_stored=self.counts["versions"], errors=self.counts["errors"])
        self.store.close()

    def run_status(self) -> str:
        done = sum(1 for w in self.windows if w.closed and not w.failures and w.paging_done)
        if not self.windows or done == len(self.windows):
            return "done"
        return "failed" if done == 0 else "partial"

    def progress(self) -> dict:
        done = sum(1 for w in self.windows if w.closed and not w.failures)
        failed = sum(1 for w in self.windows if w.closed and w.failures)
        return {"windows": len(self.windows) + self.windows_unopened, "windows_done": done, "windows_failed": failed,
                **self.counts}


def _today() -> date:
    return datetime.now(AMSTERDAM).date()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _content_type(response) -> str | None:
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None


def _failure_text(failure) -> str:
    if failure is None:
        return "onbekende fout"
    value = failure.value
    response = getattr(value, "response", None)
    if response is not None:
        return f"HTTP {response.status}"
    return f"{type(value).__name__}: {value}"
