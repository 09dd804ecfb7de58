"""The replay server: a local HTTP stand-in for KOOP's two SRU services and their document files.

See README.md beside this file for the URL shapes, the CQL subset and the fault kinds.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from . import records
from .corpus import CVDR, OP, SAMPLE_CORPUS, CorpusItem, load_corpus, synthesize
from .cql import CQLError, compile_query, parse

log = logging.getLogger(__name__)

MAX_START_RECORD = 5000      # beyond this the real service answers 503 (sources.md §1.1)
MAX_PAGE = 1000              # largest maximumRecords honoured; larger requests are capped
DEFAULT_PAGE = {OP: 10, CVDR: 50}
FAULT_KINDS = ("429", "503", "diagnostic", "malformed", "truncated", "slow")

OP_INDEXES = {name: kind for kind, names in {
    "string": "c.product-area c.content-area w.publicatienaam w.organisatietype w.jaargang w.publicatienummer "
              "w.betreftregeling dt.identifier dt.title dt.type dt.creator dt.subject",
    "date": "dt.modified dt.available dt.issued dt.date",
    "text": "cql.textandindexes cql.serverchoice cql.allindexes",
    "all": "cql.allrecords",
}.items() for name in names.split()}
CVDR_INDEXES = {name: kind for kind, names in {
    "string": "dcterms.identifier dcterms.title dcterms.creator dcterms.isformatof dcterms.subject workid "
              "organisatietype overheidrg.betreft",
    "date": "dcterms.modified dcterms.issued overheidrg.inwerkingtredingdatum overheidrg.uitwerkingtredingdatum",
    "text": "keyword overheidrg.keyword cql.textandindexes cql.serverchoice cql.allindexes",
    "all": "cql.allrecords",
}.items() for name in names.split()}

_OP_FILE = re.compile(r"^/frbr/officielepublicaties/[a-z]+/[^/]+/(?P<id>[^/]+)/\d+/"
                      r"(?P<kind>xml|html|metadata|metadataowms)/(?P<file>[^/]+)$")
_CVDR_FILE = re.compile(r"^/cvdr/(?P<work>[^/]+)/(?P<version>\d+)/(?P<kind>xml|html)/(?P<file>[^/]+)$", re.I)
_ZOEK = re.compile(r"^/zoek/(?P<id>[^/]+?)(?:\.html|/(?P<meta>metadata)\.xml)$")
_LOKALE = re.compile(r"^/lokaleregelgeving/(?P<work>CVDR\d+)(?:/(?P<version>\d+))?$")

HTML_503 = (b"<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>"
            b"<h1>Service Unavailable</h1><p>The server is temporarily unable to service your request due to "
            b"maintenance downtime or capacity problems. Please try again later.</p></body></html>")


@dataclass
class Fault:
    """An injected failure. `match`: None/'*' = any request; 'path:X', 'id:X', 'query:X' select by
    path substring, publication id, or CQL-query substring; a bare string matches any of the three.
    `times`: how many matching requests are hit (None = all of them)."""
    kind: str
    match: str | None = None
    times: int | None = 1
    seconds: float = 2.0           # for kind 'slow'
    hits: int = 0

    def __post_init__(self):
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; choose from {', '.join(FAULT_KINDS)}")

    def matches(self, path: str, publication_id: str | None, query: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        m = self.match
        if m in (None, "", "*"):
            return True
        scope, _, value = m.partition(":")
        if scope == "path":
            return value in path
        if scope == "id":
            return value == publication_id
        if scope == "query":
            return value in query
        return m in path or m == publication_id or (bool(query) and m in query)

    @classmethod
    def parse(cls, spec: str, seconds: float = 2.0) -> "Fault":
        """CLI form `KIND[:MATCH[:TIMES]]`; TIMES is an integer or '*' (always). MATCH may hold ':'."""
        kind, _, rest = spec.partition(":")
        times: int | None = 1
        head, sep, tail = rest.rpartition(":")
        if sep and (tail.isdigit() or tail == "*"):
            rest, times = head, (None if tail == "*" else int(tail))
        elif rest.isdigit() or rest == "*":       # KIND:TIMES without a match
            rest, times = "", (None if rest == "*" else int(rest))
        return cls(kind, rest or None, times, seconds)


@dataclass
class _Answer:
    status: int
    body: bytes
    content_type: str = "application/xml; charset=utf-8"
    headers: dict = field(default_factory=dict)
    truncate: bool = False


def _field_getter(fields: dict):
    """What a compiled CQL predicate reads: the values of one index of one record."""
    return lambda index: fields.get(index, [])


class ReplayServer:
    """Serves a corpus folder as KOOP's SRU services. Use as a context manager or start()/stop().

    >>> with ReplayServer(corpus_dir) as server:
    ...     requests.get(server.op_sru_url, params={...})
    """

    def __init__(self, corpus_dir: str | Path = SAMPLE_CORPUS, host: str = "127.0.0.1", port: int = 0,
                 synthetic: int = 0, synthetic_period: tuple[date, date] = (date(2025, 1, 1), date(2025, 12, 31)),
                 faults: list[Fault | str] = ()):
        self.corpus_dir = Path(corpus_dir)
        self.host, self.port = host, port
        self.synthetic = synthetic
        self.synthetic_period = synthetic_period
        self.requests: list[dict] = []
        self.faults: list[Fault] = [f if isinstance(f, Fault) else Fault.parse(f) for f in faults]
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._items: dict[str, CorpusItem] = {}
        self._ordered: dict[str, list[CorpusItem]] = {OP: [], CVDR: []}
        self._rendered: dict[str, tuple[str, str]] = {}
        self._query_cache: dict[tuple[str, str], list[int]] = {}

    # ---- lifecycle ---------------------------------------------------------------------------
    def start(self) -> "ReplayServer":
        self._httpd = ThreadingHTTPServer((self.host, self.port), _handler(self))
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.reload()
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="replay-server", daemon=True)
        self._thread.start()
        log.info("replay server on %s (%d items)", self.base_url, len(self._items))
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "ReplayServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def op_sru_url(self) -> str:
        return f"{self.base_url}/sru"

    @property
    def cvdr_sru_url(self) -> str:
        return f"{self.base_url}/zoekservice/sru/Search"

    # ---- corpus ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the corpus folder (and rebuild the synthetic records and the pre-rendered records)."""
        items = load_corpus(self.corpus_dir)
        items += synthesize(items, self.synthetic, *self.synthetic_period)
        ordered = {OP: [], CVDR: []}
        for item in items:
            ordered[item.source].append(item)
        for source in ordered:  # stable order: oldest change first, then id
            ordered[source].sort(key=lambda i: (i.meta["modified"], i.id))
        rendered = {item.id: records.render_record(item, self.base_url) for item in items}
        with self._lock:
            self._items = {item.id: item for item in items}
            self._ordered = ordered
            self._rendered = rendered
            self._query_cache = {}

    @property
    def items(self) -> list[CorpusItem]:
        return list(self._items.values())

    # ---- faults and log ----------------------------------------------------------------------
    def add_fault(self, kind: str, match: str | None = None, times: int | None = 1, seconds: float = 2.0) -> Fault:
        fault = Fault(kind, match, times, seconds)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def _log_copy(self) -> list[dict]:
        with self._lock:
            return list(self.requests)

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()

    def _take_fault(self, path: str, publication_id: str | None, query: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.matches(path, publication_id, query):
                    fault.hits += 1
                    return fault
        return None

    # ---- request handling --------------------------------------------------------------------
    def handle(self, method: str, raw_path: str, headers) -> tuple[_Answer, dict]:
        split = urlsplit(raw_path)
        path = unquote(split.path)
        params = {k: v[0] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        kind, publication_id, answer_fn = self._route(path, params)
        entry = {"time": time.time(), "method": method, "path": path, "params": params, "kind": kind,
                 "publication_id": publication_id, "accept": headers.get("Accept"),
                 "user_agent": headers.get("User-Agent"), "fault": None}
        fault = self._take_fault(path, publication_id, params.get("query", "")) if kind != "log" else None
        if fault:
            entry["fault"] = fault.kind
            if fault.kind == "slow":
                time.sleep(fault.seconds)
            elif fault.kind == "429":
                return _Answer(429, b"Too Many Requests", "text/plain", {"Retry-After": "1"}), entry
            elif fault.kind == "503":
                return _Answer(503, HTML_503, "text/html; charset=utf-8"), entry
            elif fault.kind == "diagnostic":
                source = CVDR if path.startswith("/zoekservice") else OP
                return _Answer(200, records.diagnostic_response(source, 1, "General system error",
                                                                "injected fault")), entry
        answer = answer_fn()
        if fault and fault.kind == "malformed" and answer.status == 200:
            answer.body = answer.body[: len(answer.body) // 2] + b"<<</broken & not xml"
        if fault and fault.kind == "truncated" and answer.status == 200:
            answer.truncate = True
        return answer, entry

    def _route(self, path: str, params: dict):
        if path == "/sru":
            return "sru", None, lambda: self._search(OP, params)
        if path.lower() == "/zoekservice/sru/search":
            return "sru", None, lambda: self._search(CVDR, params)
        if path == "/_log":
            return "log", None, lambda: _Answer(200, json.dumps(self._log_copy(), default=str).encode(),
                                                "application/json")
        if path == "/robots.txt":
            return "other", None, lambda: _Answer(200, b"User-agent: *\nDisallow: /zoeken/resultaat\n", "text/plain")
        if m := _OP_FILE.match(path):
            ident, what = m["id"], m["kind"]
            expected = {"xml": f"{ident}.xml", "html": f"{ident}.html", "metadata": "metadata.xml",
                        "metadataowms": "metadata_owms.xml"}[what]
            kind = "metadata" if what.startswith("metadata") else "document"
            if m["file"] != expected:
                return kind, ident, self._not_found
            return kind, ident, lambda: self._file(ident, what, OP)
        if m := _CVDR_FILE.match(path):
            ident = f"{m['work']}_{m['version']}"
            if m["file"] != f"{ident}.{m['kind']}":
                return "document", ident, self._not_found
            return "document", ident, lambda: self._file(ident, m["kind"], CVDR)
        if m := _ZOEK.match(path):
            what = "metadata" if m["meta"] else "html"
            return ("metadata" if m["meta"] else "document"), m["id"], lambda: self._file(m["id"], what, OP)
        if m := _LOKALE.match(path):
            ident = f"{m['work']}_{m['version']}" if m["version"] else self._latest_version(m["work"])
            return "document", ident, lambda: self._file(ident, "html", CVDR)
        return "other", None, self._not_found

    def _latest_version(self, work: str) -> str | None:
        versions = [i for i in self._ordered[CVDR] if i.work_id == work]
        return max(versions, key=lambda i: int(i.version)).id if versions else None

    def _not_found(self) -> _Answer:
        return _Answer(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html; charset=utf-8")

    def _file(self, ident: str | None, what: str, source: str) -> _Answer:
        item = self._items.get(ident or "")
        if item is None or item.source != source:
            return self._not_found()
        if what == "xml":
            return _Answer(200, item.xml)
        if what == "metadata":
            return _Answer(200, records.metadata_xml(item))
        if what == "metadataowms":
            return _Answer(200, records.metadata_owms_xml(item))
        return _Answer(200, records.html_page(item), "text/html; charset=utf-8")

    def _search(self, source: str, params: dict) -> _Answer:
        def diagnostic(code, message, details=""):
            return _Answer(200, records.diagnostic_response(source, code, message, details))

        if source == CVDR and params.get("x-connection", "").lower() != "cvdr":
            return diagnostic(1, "x-connection ontbreekt of is onbekend; gebruik x-connection=cvdr",
                              params.get("x-connection", ""))
        operation = params.get("operation", "searchRetrieve")
        if operation != "searchRetrieve":
            return diagnostic(4, f"Unsupported operation: {operation}", operation)
        query = params.get("query")
        if not query:
            return diagnostic(7, "Mandatory parameter not supplied: query", "query")
        try:
            start = int(params.get("startRecord", "1"))
            maximum = int(params.get("maximumRecords", str(DEFAULT_PAGE[source])))
            if start < 1 or maximum < 0:
                raise ValueError
        except ValueError:
            return diagnostic(6, "Unsupported parameter value: startRecord/maximumRecords",
                              f"{params.get('startRecord')}/{params.get('maximumRecords')}")
        if start > MAX_START_RECORD:
            return _Answer(503, HTML_503, "text/html; charset=utf-8")
        maximum = min(maximum, MAX_PAGE)
        try:
            ordered, rendered, hits = self._matching(source, query)
        except CQLError as error:
            return diagnostic(error.code, error.message, error.details)
        page = hits[start - 1: start - 1 + maximum]
        out = []
        for position, index in enumerate(page, start):
            head, tail = rendered[ordered[index].id]
            out.append(f"{head}{position}{tail}")
        end = start - 1 + len(page)
        next_position = end + 1 if end < len(hits) and page else None
        return _Answer(200, records.search_response(source, out, len(hits), start, maximum, query, next_position))

    def _matching(self, source: str, query: str) -> tuple[list[CorpusItem], dict, list[int]]:
        """The items and rendered records of one corpus generation, and the positions matching `query`."""
        with self._lock:  # take one consistent generation; reload() may swap them meanwhile
            ordered, rendered, cache = self._ordered[source], self._rendered, self._query_cache
        hits = cache.get((source, query))
        if hits is None:
            predicate = compile_query(parse(query), OP_INDEXES if source == OP else CVDR_INDEXES)
            hits = [n for n, item in enumerate(ordered) if predicate(_field_getter(item.fields()))]
            cache[(source, query)] = hits
        return ordered, rendered, hits


def _handler(server: ReplayServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "KanaalwijzerReplay/1.0"
        disable_nagle_algorithm = True  # header and body go out as separate writes; avoid 40 ms ACK stalls

        def do_GET(self):
            answer, entry = server.handle("GET", self.path, self.headers)
            self._send(answer, entry)

        def do_HEAD(self):
            answer, entry = server.handle("HEAD", self.path, self.headers)
            self._send(answer, entry, head=True)

        def _send(self, answer: _Answer, entry: dict, head: bool = False):
            entry["status"] = answer.status
            if entry["kind"] != "log":
                with server._lock:
                    server.requests.append(entry)
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.truncate:
                self.send_header("Connection", "close")
            self.end_headers()
            if head:
                return
            if answer.truncate:  # declared length, half the bytes, then hang up
                self.wfile.write(answer.body[: len(answer.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(answer.body)

        def log_message(self, fmt, *args):  # the request log replaces stderr noise
            log.debug("%s " + fmt, self.address_string(), *args)

    return Handler
