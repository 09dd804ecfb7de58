"""Run the harvest spiders in this process: pre-flight probe, live progress, summary.

`kanaalwijzer harvest` (and through it `run` and `demo`) calls `run_harvest`; the command imports
this module lazily, so `kanaalwijzer --help` stays fast. One process runs one crawl: the Twisted
reactor cannot be restarted, so tests and schedulers start a new process per run.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from kanaalwijzer.config import Config, load_config

from . import sru
from .settings import base
from .spiders.cvdr import CvdrSpider
from .spiders.gemeenteblad import GemeentebladSpider

SOURCES = ("gemeenteblad", "cvdr")
PROBE_TIMEOUT = 10.0   # seconds per service; both are probed at once, so a dead network costs ~10 s

UNREACHABLE_MESSAGE = (
    "De KOOP-diensten zijn niet bereikbaar ({details}).\n"
    "The KOOP services cannot be reached ({details}).\n"
    "Zonder internet: `make demo` draait alles offline op het voorbeeldcorpus. / "
    "Offline: `make demo` runs everything on the sample corpus."
)


class ServicesUnreachable(RuntimeError):
    pass


@dataclass
class HarvestOptions:
    sources: tuple[str, ...] = SOURCES
    since: str | None = None
    until: str | None = None
    mode: str = "targeted"
    body: str | None = None
    page_size: int | None = None
    window_days: int | None = None
    publications: tuple[str, ...] = ()
    settings: dict = field(default_factory=dict)   # Scrapy setting overrides (tests: short delays)
    probe: bool = True


@dataclass
class SourceSummary:
    source: str
    run_id: int | None
    status: str
    windows: int
    windows_done: int
    windows_failed: int
    records: int
    files: int
    versions: int
    errors: int
    seconds: float

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0


def sru_urls(config: Config, sources: tuple[str, ...]) -> dict[str, str]:
    return {s: config.op_sru_url if s == "gemeenteblad" else config.cvdr_sru_url for s in sources}


def probe_services(urls: dict[str, str], timeout: float = PROBE_TIMEOUT) -> None:
    """One small query per service, in parallel; raises ServicesUnreachable naming `make demo`."""
    def probe(item):
        source, url = item
        kind = sru.OP if source == "gemeenteblad" else sru.CVDR
        query = 'c.product-area=="officielepublicaties"' if kind == sru.OP else "dcterms.modified>=2025-01-01"
        request = urllib.request.Request(sru.page_url(kind, url, query, 1, 1),
                                         headers={"Accept": "application/xml", "User-Agent": base.USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(512)
            return None
        except urllib.error.HTTPError as error:
            return None if error.code < 500 or error.code == 503 else f"{source}: HTTP {error.code}"
        except (urllib.error.URLError, OSError, ValueError) as error:
            return f"{source}: {getattr(error, 'reason', error)}"

    with ThreadPoolExecutor(max_workers=len(urls) or 1) as pool:
        problems = [p for p in pool.map(probe, urls.items()) if p]
    if problems:
        raise ServicesUnreachable(UNREACHABLE_MESSAGE.format(details="; ".join(problems)))


def scrapy_settings(config: Config, overrides: dict | None = None, log_level: str | None = None):
    settings = Settings()
    settings.setmodule("scrapers.settings", priority="project")
    settings.set("KANAALWIJZER_DB", str(config.db_path), priority="project")
    settings.set("KANAALWIJZER_OP_SRU_URL", config.op_sru_url, priority="project")
    settings.set("KANAALWIJZER_CVDR_SRU_URL", config.cvdr_sru_url, priority="project")
    if log_level:
        settings.set("LOG_LEVEL", log_level, priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_harvest(options: HarvestOptions, config: Config | None = None, stream=None,
                log_level: str = "WARNING") -> list[SourceSummary]:
    """Crawl the chosen sources (at once, in one process) and return one summary per source."""
    config = config or load_config()
    stream = stream or sys.stderr
    if options.probe:
        probe_services(sru_urls(config, options.sources))
    # Logging stays as the caller configured it: Scrapy's dictConfig resets its loggers to DEBUG,
    # so the caller's handlers are pinned to the root level and the scrapy logger is set back.
    for handler in logging.root.handlers:
        if handler.level == logging.NOTSET:
            handler.setLevel(logging.root.level)
    settings = scrapy_settings(config, options.settings, log_level)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))  # Scrapy's dictConfig set it to DEBUG
    spiders = {"gemeenteblad": GemeentebladSpider, "cvdr": CvdrSpider}
    crawlers = []
    for source in options.sources:
        kwargs = {"since": options.since, "until": options.until, "mode": options.mode, "body": options.body,
                  "page_size": options.page_size, "window_days": options.window_days}
        if source == "gemeenteblad" and options.publications:
            kwargs["publication"] = list(options.publications)
        crawler = process.create_crawler(spiders[source])
        process.crawl(crawler, **{k: v for k, v in kwargs.items() if v is not None})
        crawlers.append((source, crawler))
    started = time.monotonic()
    reporter = _Progress(crawlers, stream, started)
    reporter.start()
    try:
        process.start()
    finally:
        reporter.stop()
    seconds = time.monotonic() - started
    summaries = []
    for source, crawler in crawlers:
        spider = crawler.spider
        p = spider.progress() if spider else {}
        summaries.append(SourceSummary(
            source=getattr(spider, "run_label", source), run_id=getattr(spider, "run_id", None),
            status=spider.run_status() if spider else "failed",
            windows=p.get("windows", 0), windows_done=p.get("windows_done", 0),
            windows_failed=p.get("windows_failed", 0), records=p.get("records", 0), files=p.get("files", 0),
            versions=p.get("versions", 0), errors=p.get("errors", 0), seconds=seconds))
    return summaries


def format_summary(summaries: list[SourceSummary]) -> str:
    lines = ["Samenvatting / summary:"]
    for s in summaries:
        lines.append(
            f"  {s.source:<14} {s.status:<8} vensters {s.windows_done}/{s.windows}"
            f"{f' ({s.windows_failed} mislukt)' if s.windows_failed else ''} · {s.records} records"
            f" · {s.files} bestanden · {s.versions} nieuwe versies · {s.errors} fouten"
            f" · {s.records_per_second:.1f} records/s · run {s.run_id}")
    return "\n".join(lines)


def everything_failed(summaries: list[SourceSummary]) -> bool:
    return bool(summaries) and all(s.status == "failed" for s in summaries)


class _Progress:
    """Prints windows done/total, records/s and errors to stderr while the crawl runs
    (one rewritten line on a terminal, a line every few seconds otherwise)."""

    def __init__(self, crawlers, stream, started: float):
        self.crawlers, self.stream, self.started = crawlers, stream, started
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.interval = 1.0 if self.tty else 5.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="harvest-progress", daemon=True)

    def start(self):
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=2)
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        parts = []
        for source, crawler in self.crawlers:
            spider = getattr(crawler, "spider", None)
            if spider is None or not hasattr(spider, "progress"):
                continue
            p = spider.progress()
            parts.append(f"{source}: vensters {p['windows_done'] + p['windows_failed']}/{p['windows']}"
                         f" · {p['records']} records ({p['records'] / elapsed:.1f}/s) · {p['errors']} fouten")
        return " | ".join(parts)

    def _run(self):
        while not self._stop.wait(self.interval):
            text = self.line()
            if text:
                self.stream.write(("\r" + text + "\x1b[K") if self.tty else text + "\n")
                self.stream.flush()
