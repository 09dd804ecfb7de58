"""The search interface shared by both backends and the web app: requests, results, errors."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable

MAX_PER_PAGE = 100
MAX_WINDOW = 1_000_000  # deepest result reachable by paging (Elasticsearch max_result_window)


class QueryError(ValueError):
    """An invalid query; `message` explains in Dutch what to change, `position` points into q."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet selections from the UI
    date_from: date | None = None  # on the publication date, inclusive
    date_to: date | None = None
    sort: str = "relevance"  # 'relevance' | 'date' (newest first); without search words always by date
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    id: str
    title: str
    source: str
    publication_name: str | None
    body_name: str | None
    body_code: str | None
    body_type: str | None
    province: str | None
    published: str | None  # ISO date
    regime: str | None
    channel_kinds: list[str]
    url_official: str | None
    snippets: list[str]  # HTML: only <mark>…</mark> is markup, everything else escaped
    score: float  # relevance; 0.0 when sorted by date
    body_label: str | None = None  # the body as its facet value is labelled (Den Haag, Provincie Drenthe)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    page: int
    per_page: int
    took_ms: float


@runtime_checkable
class SearchBackend(Protocol):
    def rebuild(self, docs: Iterable[dict]) -> int: ...
    def upsert(self, docs: Iterable[dict]) -> int: ...
    def delete(self, ids: Iterable[str]) -> int: ...
    def search(self, request: SearchRequest) -> SearchResult: ...
    def count(self) -> int: ...


def check_request(request: SearchRequest) -> tuple[int, int]:
    """Validated (page, per_page); nonsense in paging, sort or dates is a QueryError, not a crash."""
    try:
        page, per_page = int(request.page), int(request.per_page)
    except (TypeError, ValueError):
        raise QueryError("Pagina en aantal per pagina moeten hele getallen zijn.") from None
    if page < 1:
        raise QueryError("De paginanummering begint bij 1.")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"Kies tussen 1 en {MAX_PER_PAGE} resultaten per pagina.")
    if page * per_page > MAX_WINDOW:
        window = f"{MAX_WINDOW:_}".replace("_", ".")
        raise QueryError(f"Verder dan {window} resultaten bladeren kan niet; verfijn de zoekvraag.")
    if request.sort not in ("relevance", "date"):
        raise QueryError("Sorteer op 'relevance' (relevantie) of 'date' (nieuwste eerst).")
    if request.date_from and request.date_to and request.date_from > request.date_to:
        raise QueryError("De begindatum ligt na de einddatum.")
    return page, per_page
