"""Search over the publications: one interface, an embedded (tantivy) and an Elasticsearch backend.

The web app codes against what this module exports; `get_backend()` picks the backend from the
configuration (KANAALWIJZER_SEARCH_BACKEND, default 'embedded').
"""
from __future__ import annotations

from ..config import Config, load_config
from .documents import index_documents
from .model import FacetValue, Hit, QueryError, SearchBackend, SearchRequest, SearchResult
from .query import Query, parse_query

BACKENDS = ("embedded", "elasticsearch")

__all__ = [
    "BACKENDS", "FacetValue", "Hit", "Query", "QueryError", "SearchBackend", "SearchRequest", "SearchResult",
    "get_backend", "index_documents", "parse_query",
]


def get_backend(config: Config | None = None, backend: str | None = None) -> SearchBackend:
    config = config or load_config()
    name = backend or config.search_backend
    if name == "embedded":
        from .embedded import EmbeddedBackend
        return EmbeddedBackend(config.index_dir)
    if name == "elasticsearch":
        from .elastic import ElasticBackend
        if not config.es_url:
            raise ValueError("Elasticsearch is gekozen maar KANAALWIJZER_ES_URL is niet gezet.")
        return ElasticBackend.from_url(config.es_url)
    raise ValueError(f"Onbekende zoekbackend {name!r}; kies uit {', '.join(BACKENDS)}.")
