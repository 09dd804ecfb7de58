"""Retries that back off: Scrapy's RetryMiddleware decides *whether* to retry; this waits first.

The wait is the server's Retry-After when it sends one (seconds), else RETRY_BACKOFF_BASE
doubled per earlier attempt, capped at RETRY_BACKOFF_MAX. The wait holds the request's slot, so
the crawl as a whole slows down while the service is struggling, which is the point.
"""
from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

log = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 120.0)

    def delay_for(self, request, response=None) -> float:
        retry_after = response.headers.get(b"Retry-After") if response is not None else None
        if retry_after:
            try:
                return min(float(retry_after.decode()), self.backoff_max)
            except ValueError:
                pass  # an HTTP date: fall back to our own schedule
        attempt = request.meta.get("retry_times", 0)
        return min(self.backoff_base * (2 ** attempt), self.backoff_max)

    async def process_response(self, request, response, spider=None):
        result = super().process_response(request, response)
        if result is not response:  # a retry request: wait before handing it back
            await self._wait(self.delay_for(request, response), request, f"HTTP {response.status}")
        return result

    async def process_exception(self, request, exception, spider=None):
        result = super().process_exception(request, exception)
        if result is not None:
            await self._wait(self.delay_for(request), request, type(exception).__name__)
        return result

    async def _wait(self, seconds: float, request, reason: str) -> None:
        self.crawler.stats.inc_value("retry/backoff_count")
        self.crawler.stats.inc_value("retry/backoff_seconds", seconds)
        log.info("%s voor %s: opnieuw over %.1f s", reason, request.url, seconds)
        from twisted.internet import reactor  # the one Scrapy installed; never import it at module level

        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))
