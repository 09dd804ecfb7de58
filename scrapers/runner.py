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

from kanaalwijzer import vocabulary as vocab
from kanaalwijzer.config import Config, load_config

from . import sru
from .settings import base
from .spiders.cvdr import CvdrSpider
from .spiders.gemeenteblad import GemeentebladSpider

SOURCES = (vocab.OP, vocab.CVDR)
# Scrapy settings modules under scrapers/settings/: `base` (polite defaults) and `prod` (only what differs).
SETTINGS_PROFILES = ("base", "prod")
PROBE_TIMEOUT = 10.0   # seconds per service; both are probed at once, so a dead network costs ~10 s

UNREACHABLE_MESSAGE = (
    "De KOOP-diensten zijn niet bereikbaar ({details}).\n"
    "Zonder internet draait `make demo` alles offline op het voorbeeldcorpus."
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
    profile: str = "base"                           # one of SETTINGS_PROFILES
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
    return {s: config.op_sru_url if s == vocab.OP else config.cvdr_sru_url for s in sources}


def probe_services(urls: dict[str, str], timeout: float = PROBE_TIMEOUT) -> None:
    """One small query per service, in parallel; raises ServicesUnreachable naming `make demo`."""
    def probe(item):
        source, url = item
        query = f'c.product-area=="{vocab.OP}"' if source == vocab.OP else "dcterms.modified>=2025-01-01"
        request = urllib.request.Request(sru.page_url(source, url, query, 1, 1),
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


def scrapy_settings(config: Config, overrides: dict | None = None, log_level: str | None = None,
                    profile: str = "base"):
    """The settings module of `profile`, our endpoints and store, then the log level and overrides."""
    if profile not in SETTINGS_PROFILES:
        raise ValueError(f"onbekend instellingenprofiel {profile!r}; kies uit {', '.join(SETTINGS_PROFILES)}")
    settings = Settings()
    settings.setmodule(f"{__package__}.settings.{profile}", priority="project")
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
    settings = scrapy_settings(config, options.settings, log_level, options.profile)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))  # Scrapy's dictConfig set it to DEBUG
    spiders = {vocab.OP: GemeentebladSpider, vocab.CVDR: CvdrSpider}
    crawlers = []
    for source in options.sources:
        kwargs = {"since": options.since, "until": options.until, "mode": options.mode, "body": options.body,
                  "page_size": options.page_size, "window_days": options.window_days}
        if source == vocab.OP and options.publications:
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
    lines = ["Samenvatting:"]
    for s in summaries:
        lines.append(
            f"  {vocab.capfirst(vocab.harvest_label(s.source))}: {vocab.label(vocab.HARVEST_STATUSES, s.status)}"
            f" · vensters {s.windows_done}/{s.windows}"
            f"{f' ({s.windows_failed} mislukt)' if s.windows_failed else ''} · {s.records} records"
            f" · {s.files} bestanden · {s.versions} nieuwe versies · {s.errors} fouten"
            f" · {s.records_per_second:.1f} records/s · run {s.run_id}")
    return "\n".join(lines)


def everything_failed(summaries: list[SourceSummary]) -> bool:
    return bool(summaries) and all(s.status == "failed" for s in summaries)


class _Progress:
    """Live progress on stderr while the crawl runs: windows done/total, records, records/s, errors.

    On a terminal one line is rewritten in place, twice a second. Anywhere else (a pipe, a log file)
    there are no control characters: a plain line when the counts moved, every second during the
    first ten seconds and every ten seconds after that, and always the final state, so even a short
    harvest shows its progress and a long one does not flood its log.
    """

    TTY_INTERVAL = 0.5
    LOG_INTERVALS = ((10.0, 1.0), (float("inf"), 10.0))  # (until elapsed seconds, interval)

    def __init__(self, crawlers, stream, started: float):
        self.crawlers, self.stream, self.started = crawlers, stream, started
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="harvest-progress", daemon=True)
        self._shown: tuple | None = None  # the counts last written

    def start(self):
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=2)
        self._show()
        if self.tty and self._shown is not None:
            self.stream.write("\n")
        self.stream.flush()

    def _counts(self) -> list[tuple[str, dict]]:
        out = []
        for source, crawler in self.crawlers:
            spider = getattr(crawler, "spider", None)
            if spider is not None and hasattr(spider, "progress"):
                out.append((vocab.label(vocab.SOURCES, source, capital=True), spider.progress()))
        return out

    def line(self, counts: list[tuple[str, dict]] | None = None) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return " | ".join(
            f"{label}: vensters {p['windows_done'] + p['windows_failed']}/{p['windows']} · {p['records']} records"
            f" ({p['records'] / elapsed:.1f}/s) · {p['errors']} fouten"
            for label, p in (self._counts() if counts is None else counts))

    def _show(self):
        counts = self._counts()
        key = tuple((label, tuple(sorted(p.items()))) for label, p in counts)
        if not counts or (not self.tty and key == self._shown):
            return
        text = self.line(counts)
        self.stream.write("\r" + text + "\x1b[K" if self.tty else text + "\n")
        self.stream.flush()
        self._shown = key

    def _interval(self) -> float:
        if self.tty:
            return self.TTY_INTERVAL
        elapsed = time.monotonic() - self.started
        return next(interval for until, interval in self.LOG_INTERVALS if elapsed < until)

    def _run(self):
        while not self._stop.wait(self._interval()):
            self._show()
