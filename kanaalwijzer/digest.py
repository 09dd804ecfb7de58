"""Weekly digests of change events: selection by filters, grouping per body, rendering.

A digest covers the events *seen* in one ISO week (when we learnt of them), grouped per body
and told in channel terms. Filters: bodies (codes), provinces (names), channel kinds, and a
saved search (a query string run through the search backend: only events about publications
it finds). Rendering uses the Jinja2 templates in `templates/digest/` (html, md, txt); json is
`to_json`.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date

from jinja2 import Environment, PackageLoader, select_autoescape

from . import events as ev
from . import vocabulary as vocab
from .bodies import PROVINCES, body_by_code
from .store import ChannelKindsInUse, Event, Store

FORMATS = ("html", "md", "txt", "json")
SEARCH_LIMIT = 5000  # publications a saved search may match for filtering (50 pages of 100)


def province_of(code: str | None) -> str | None:
    if not code:
        return None
    if code in PROVINCES:
        return PROVINCES[code]
    body = body_by_code(code)
    return body.province if body else None


# -- selection -------------------------------------------------------------------------------------
@dataclass
class Filters:
    bodies: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    channel_kinds: list[str] = field(default_factory=list)
    query: str | None = None

    @classmethod
    def of(cls, data: dict | None) -> "Filters":
        data = data or {}
        return cls(bodies=[b.upper() for b in data.get("bodies") or []], provinces=list(data.get("provinces") or []),
                   channel_kinds=list(data.get("channel_kinds") or []), query=(data.get("query") or None))

    def as_dict(self) -> dict:
        return {k: v for k, v in (("bodies", self.bodies), ("provinces", self.provinces),
                                  ("channel_kinds", self.channel_kinds), ("query", self.query)) if v}


def search_publications(query: str) -> set[str]:
    """Publication ids a saved search matches, through the configured search backend."""
    from .search import SearchRequest, get_backend
    backend, found, page = get_backend(), set(), 1
    while len(found) < SEARCH_LIMIT:
        result = backend.search(SearchRequest(q=query, page=page, per_page=100))
        found.update(hit.id for hit in result.hits)
        if not result.hits or page * 100 >= result.total:
            break
        page += 1
    return found


def select(store: Store, events: list[Event], filters: Filters | dict | None = None, *,
           search: Callable[[str], Iterable[str]] | None = None) -> list[Event]:
    """Those of `events` that match the filters, in their order."""
    filters = filters if isinstance(filters, Filters) else Filters.of(filters)
    found = events
    if filters.bodies:
        found = [e for e in found if e.body_code in filters.bodies]
    if filters.provinces:
        wanted = {p.casefold() for p in filters.provinces}
        found = [e for e in found if (province_of(e.body_code) or "").casefold() in wanted]
    if filters.channel_kinds and found:
        wanted, in_use = set(filters.channel_kinds), store.channel_kinds_in_use()
        found = [e for e in found if _channel_kinds(in_use, e) & wanted]
    if filters.query and found:
        hits = set((search or search_publications)(filters.query))
        manifestations = _manifestations(store)
        found = [e for e in found if _publications(manifestations, e) & hits]
    return found


def _channel_kinds(in_use: ChannelKindsInUse, event: Event) -> set[str]:
    """The channel kinds an event is about: its own, else those of its decision (or body)."""
    if event.channel_kind:
        return {event.channel_kind}
    if event.decision_id:
        return in_use.by_decision.get(event.decision_id, set())
    return in_use.by_body.get(event.body_code, set())


def _manifestations(store: Store) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Publication ids per decision and per body."""
    by_decision, by_body = {}, defaultdict(set)
    for d in store.decisions_of():
        by_decision[d.decision_id] = d.manifestations
        if d.body_code:
            by_body[d.body_code].update(d.manifestations)
    return by_decision, by_body


def _publications(manifestations: tuple[dict, dict], event: Event) -> set[str]:
    by_decision, by_body = manifestations
    if event.decision_id:
        return {event.publication_id, event.decision_id, *by_decision.get(event.decision_id, [])}
    return set(by_body.get(event.body_code, set()))


# -- the digest --------------------------------------------------------------------------------------
@dataclass
class BodyGroup:
    code: str | None
    name: str
    province: str | None
    events: list[Event]


@dataclass
class Digest:
    week: str
    start: date
    end: date
    filters: dict
    events: list[Event]

    @property
    def bodies(self) -> list[BodyGroup]:
        groups: dict[str | None, list[Event]] = {}
        for event in self.events:
            groups.setdefault(event.body_code, []).append(event)
        return sorted((BodyGroup(code, ev.body_label(code), province_of(code),
                                 sorted(items, key=lambda e: (e.effective_date or "9999", e.id)))
                       for code, items in groups.items()), key=lambda g: g.name)


def build_digest(store: Store, week: str, *, bodies=None, provinces=None, channel_kinds=None, query=None,
                 search: Callable[[str], Iterable[str]] | None = None) -> Digest:
    week = vocab.parse_week(week)
    start, end = vocab.week_bounds(week)
    filters = Filters(bodies=[b.upper() for b in bodies or []], provinces=list(provinces or []),
                      channel_kinds=list(channel_kinds or []), query=query or None)
    found = select(store, store.events_seen_in(week), filters, search=search)
    return Digest(week, start, end, filters.as_dict(), found)


def to_json(digest: Digest) -> dict:
    return {
        "week": digest.week, "start": digest.start.isoformat(), "end": digest.end.isoformat(),
        "filters": digest.filters, "count": len(digest.events),
        "events": [_public(e) for e in digest.events],
    }


def _public(event: Event) -> dict:
    keys = ("id", "kind", "summary", "body_code", "decision_id", "publication_id", "version", "channel_kind",
            "effective_date", "seen_at", "seen_week", "before", "after", "evidence")
    data = asdict(event)
    return {k: data[k] for k in keys} | {"body_name": ev.body_label(event.body_code)}


_env: Environment | None = None


def environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(loader=PackageLoader("kanaalwijzer", "templates"),
                           autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
        _env.filters["datum"] = vocab.dutch_date
        _env.filters["kanaal"] = vocab.channel_label
    return _env


def render(digest: Digest, fmt: str = "txt", *, base_url: str = "", unsubscribe_url: str | None = None,
           heading: str | None = None) -> str:
    """The digest as html, md, txt or json text."""
    if fmt == "json":
        return json.dumps(to_json(digest), ensure_ascii=False, indent=2)
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}")
    template = environment().get_template(f"digest/digest.{fmt}")
    return template.render(digest=digest, groups=digest.bodies, base_url=base_url.rstrip("/"),
                           unsubscribe_url=unsubscribe_url,
                           heading=heading or f"Kanaalwijzer: wijzigingen in week {digest.week}",
                           period=f"{vocab.dutch_date(digest.start)} t/m {vocab.dutch_date(digest.end)}")
