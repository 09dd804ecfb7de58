"""Polite defaults for KOOP's services (sources.md §4: no published rate limit; others use
0.5-2 s between requests, back off on 429/503, and identify themselves)."""
import os

BOT_NAME = "kanaalwijzer"
SPIDER_MODULES = ["scrapers.spiders"]
NEWSPIDER_MODULE = "scrapers.spiders"

CONTACT_URL = os.environ.get("KANAALWIJZER_CONTACT_URL", "https://github.com/kanaalwijzer/kanaalwijzer")
USER_AGENT = f"Kanaalwijzer/0.1 (+{CONTACT_URL}; open-source register van aanwijzingsbesluiten)"
ROBOTSTXT_OBEY = True
# The services content-negotiate: without this they may answer JSON (sources.md §1.1).
DEFAULT_REQUEST_HEADERS = {"Accept": "application/xml", "Accept-Language": "nl"}

CONCURRENT_REQUESTS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 60
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# 429 and 5xx are retried, each time after a longer wait (Retry-After wins when given).
RETRY_ENABLED = True
RETRY_TIMES = 5
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0      # seconds before the first retry; doubles per attempt
RETRY_BACKOFF_MAX = 120.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapers.middlewares.BackoffRetryMiddleware": 550,
}

# Our callbacks yield a handful of items per response; Scrapy starts CONCURRENT_ITEMS asyncio
# workers for every response, so the default of 100 mostly costs task churn (measured: ~1.6x
# faster full crawls with 8 in benchmarks/harvest.py).
CONCURRENT_ITEMS = 8

ITEM_PIPELINES = {"scrapers.pipelines.StorePipeline": 300}
CLOSESPIDER_ERRORCOUNT = 50   # a crawl producing this many exceptions stops instead of hammering on

# Harvest windows: a week, split when the service claims close to its ~5,000 paging limit.
HARVEST_WINDOW_DAYS = 7
HARVEST_SPLIT_AT = 4000
HARVEST_PAGE_SIZE = 100

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
