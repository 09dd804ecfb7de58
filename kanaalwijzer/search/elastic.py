"""The Elasticsearch backend (official client, 8.x/9.x): the scale-out twin of the embedded one.

Mappings and the Dutch analyzer live in `es_index.json`, applied by `ensure_index` only. Writes go
to a versioned index (`kanaalwijzer-v<ns>`) behind an alias; a full rebuild fills a fresh index and
then swaps the alias in one atomic call. Request bodies are built by pure functions so tests can
check them without a server.
"""
from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable

from elasticsearch import Elasticsearch, NotFoundError, helpers

from .analysis import all_identifiers, body_names, index_definition, own_identifiers
from .model import SearchRequest, SearchResult, check_request
from .query import AnyOf, Query, Text, parse_query
from .results import SNIPPET_CHARS, facet_values, hit_from_fields, opening_snippet
from .vocab import (FACET_FIELDS, canonical_filters, facet_counts, field_facets, field_size, fold,
                    selected_fields)

DEFAULT_ALIAS = "kanaalwijzer"
SOURCE_FIELDS = ("id", "title", "text", "source", "publication_name", "body_name", "body_code", "body_type",
                 "province", "published", "regime", "channel_kinds", "url_official")
_IDENTIFIER = re.compile(r"[^\W_]+(?:[-:./][^\W_]+)*")  # Python twin of the 'identifier' tokenizer


def ensure_index(client: Elasticsearch, name: str, replicas: int | None = None) -> bool:
    """Create index `name` with our settings and mappings, or bring its mappings up to date.

    Idempotent: calling it again changes nothing. Returns True when the index was created.
    """
    definition = index_definition()
    if client.indices.exists(index=name):
        client.indices.put_mapping(index=name, **definition["mappings"])
        return False
    settings = json.loads(json.dumps(definition["settings"]))
    if replicas is not None:
        settings["index"]["number_of_replicas"] = replicas
    try:
        client.indices.create(index=name, settings=settings, mappings=definition["mappings"])
    except Exception as error:  # a concurrent creator won the race: fine, it used the same definition
        if "resource_already_exists_exception" not in str(error):
            raise
        return False
    return True


def es_source(doc: dict) -> dict:
    """The stored document: index fields plus `ids` for identifier search."""
    source = {name: doc.get(name) for name in (
        "id", "title", "text", "source", "publication_name", "body_name", "body_code", "body_type", "province",
        "regime", "classification", "published", "modified", "url_official", "is_format_of")}
    source["organs"] = list(doc.get("organs") or [])
    source["channel_kinds"] = list(doc.get("channel_kinds") or [])
    source["year"] = str(doc["year"]) if doc.get("year") else None
    source["ids"] = " ".join(all_identifiers(doc))
    source["own_ids"] = " ".join(own_identifiers(doc))
    source["names"] = body_names(doc)
    return source


# -- query bodies ---------------------------------------------------------------------------------
def text_clause(node: Text, zero_terms: str = "all") -> dict:
    if node.kind == "prefix":
        words = _IDENTIFIER.findall(fold(node.text))
        if len(words) != 1:
            return {"match_phrase_prefix": {"text.exact": {"query": " ".join(words)}}}
        value = words[0]
        should = [{"prefix": {"text.exact": {"value": value}}},
                  {"prefix": {"title.exact": {"value": value, "boost": 2.0}}},
                  {"prefix": {"ids": {"value": value}}}]
        if value.isalnum():
            should.append({"prefix": {"text": {"value": value}}})
        return {"bool": {"should": should, "minimum_should_match": 1}}
    if node.exact:  # identifiers; the publication itself before the documents that cite it
        match = {"multi_match": {"query": node.text, "fields": ["title.exact^2", "text.exact", "ids"],
                                 "type": "phrase", "zero_terms_query": zero_terms}}
        own = {"match_phrase": {"own_ids": {"query": node.text, "boost": 10.0}}}
        return {"bool": {"must": [match], "should": [own]}}
    # spelling variants ("email" and "e-mail") meet in the analyzers of es_index.json
    return {"multi_match": {"query": node.text, "fields": ["title^2", "text", "names"], "type": "phrase",
                            "zero_terms_query": zero_terms}}


def node_clause(node: Text | AnyOf, zero_terms: str = "all") -> dict:
    if isinstance(node, Text):
        return text_clause(node, zero_terms)
    return {"bool": {"should": [text_clause(option, zero_terms) for option in node.options],
                     "minimum_should_match": 1}}


def values_clause(facet: str, values: list[str]) -> dict:
    return field_clause(FACET_FIELDS[facet], values)


def field_clause(field: str, values: list[str]) -> dict:
    return {"terms": {field: values}} if values else {"match_none": {}}


def base_query(query: Query, request: SearchRequest) -> dict:
    must = [node_clause(node) for node in query.must] or [{"match_all": {}}]
    must_not = [node_clause(node, "none") for node in query.must_not]
    must_not += [values_clause(f, v) for f, v in query.excluded.items()]
    filters = [values_clause(f, v) for f, v in query.filters.items()]
    start = max(filter(None, (query.date_from, request.date_from)), default=None)
    end = min(filter(None, (query.date_to, request.date_to)), default=None)
    if start or end:
        bounds = {}
        if start:
            bounds["gte"] = start.isoformat()
        if end:
            bounds["lte"] = end.isoformat()
        filters.append({"range": {"published": bounds}})
    return {"bool": {"must": must, "must_not": must_not, "filter": filters}}


def search_body(query: Query, request: SearchRequest, selected: dict[str, list[str]],
                page: int, per_page: int) -> dict:
    """The whole request: hits after post_filter (the facet selections), aggregations that apply
    every selection except their own, so a selected value keeps its count."""
    selections = {field: field_clause(field, values) for field, values in selected_fields(selected).items()}
    aggs = {}  # one per index field: body_code serves both 'gemeente' and 'organisatie'
    for field in field_facets():
        others = [clause for other, clause in selections.items() if other != field]
        aggs[field] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": field, "size": field_size(field)}}},
        }
    # the name documents give a body our list does not know (joint bodies)
    aggs["body_code"]["aggs"]["values"]["aggs"] = {"name": {"terms": {"field": "body_name", "size": 1}}}
    by_score = query.has_text and request.sort == "relevance"
    sort = ([{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}] if by_score else
            [{"published": {"order": "desc", "missing": "_last"}}, {"id": {"order": "asc"}}])
    body = {
        "query": base_query(query, request),
        "aggs": aggs,
        "sort": sort,
        "from": (page - 1) * per_page,
        "size": per_page,
        "track_total_hits": True,
        "_source": list(SOURCE_FIELDS),
    }
    if selections:
        body["post_filter"] = {"bool": {"filter": list(selections.values())}}
    if query.has_text:
        field = {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1}
        body["highlight"] = {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                             "fields": {"text": dict(field), "text.exact": dict(field)}}
    return body


class ElasticBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch, alias: str = DEFAULT_ALIAS, *, refresh: bool = False,
                 replicas: int | None = None):
        self.client = client
        self.alias = alias
        self.refresh = refresh  # tests: make every write visible before returning
        self.replicas = replicas

    @classmethod
    def from_url(cls, url: str, alias: str | None = None, **kwargs) -> "ElasticBackend":
        options = {"request_timeout": 60}
        if os.environ.get("KANAALWIJZER_ES_CA_CERTS"):
            options["ca_certs"] = os.environ["KANAALWIJZER_ES_CA_CERTS"]
        if os.environ.get("KANAALWIJZER_ES_API_KEY"):
            options["api_key"] = os.environ["KANAALWIJZER_ES_API_KEY"]
        client = Elasticsearch(url, **options)
        return cls(client, alias or os.environ.get("KANAALWIJZER_ES_INDEX") or DEFAULT_ALIAS, **kwargs)

    def _aliased(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def _write_index(self) -> str:
        """The index behind the alias; a first write creates a versioned index and the alias."""
        current = self._aliased()
        if current:
            return current[-1]
        name = f"{self.alias}-v{time.time_ns()}"
        ensure_index(self.client, name, self.replicas)
        self.client.indices.put_alias(index=name, name=self.alias)
        return name

    def _bulk(self, actions) -> tuple[int, list]:
        return helpers.bulk(self.client, actions, chunk_size=500, raise_on_error=False,
                            refresh="wait_for" if self.refresh else False)

    def rebuild(self, docs: Iterable[dict]) -> int:
        name = f"{self.alias}-v{time.time_ns()}"
        ensure_index(self.client, name, self.replicas)
        count, errors = self._bulk({"_op_type": "index", "_index": name, "_id": doc["id"], "_source": es_source(doc)}
                                   for doc in docs)
        if errors:
            self.client.indices.delete(index=name)
            raise RuntimeError(f"{len(errors)} documenten konden niet worden geïndexeerd: {errors[:3]}")
        self.client.indices.refresh(index=name)
        old = self._aliased()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index)
        return count

    def upsert(self, docs: Iterable[dict]) -> int:
        target = self._write_index()
        count, errors = self._bulk({"_op_type": "index", "_index": target, "_id": doc["id"],
                                    "_source": es_source(doc)} for doc in docs)
        if errors:
            raise RuntimeError(f"{len(errors)} documenten konden niet worden geïndexeerd: {errors[:3]}")
        return count

    def delete(self, ids: Iterable[str]) -> int:
        target = self._write_index()
        count, _missing = self._bulk({"_op_type": "delete", "_index": target, "_id": pub_id} for pub_id in ids)
        return count

    def drop(self) -> None:
        """Delete every index of this alias, by name (clusters refuse wildcard deletes by default)."""
        try:
            names = list(self.client.indices.get(index=f"{self.alias}-v*").body)
        except NotFoundError:
            names = []
        for name in names:
            self.client.indices.delete(index=name)

    def count(self) -> int:
        if not self._aliased():
            return 0
        return self.client.count(index=self.alias)["count"]

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        page, per_page = check_request(request)
        query = parse_query(request.q)
        selected = canonical_filters(request.filters)
        if not self._aliased():
            self._write_index()
        body = search_body(query, request, selected, page, per_page)
        kwargs = {("from_" if key == "from" else key): value for key, value in body.items()}
        response = self.client.search(index=self.alias, **kwargs).body
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            highlight = hit.get("highlight", {})
            fragments = highlight.get("text") or highlight.get("text.exact")
            snippet = fragments[0] if fragments else opening_snippet(source.get("text") or "")
            hits.append(hit_from_fields(source, [snippet], hit.get("_score") or 0.0))
        aggregations = response.get("aggregations", {})
        facets = {}
        for facet, field in FACET_FIELDS.items():
            buckets = aggregations.get(field, {}).get("values", {}).get("buckets", [])
            names = {str(b["key"]): b["name"]["buckets"][0]["key"] for b in buckets if b.get("name", {}).get("buckets")}
            counts = facet_counts(facet, {str(b["key"]): b["doc_count"] for b in buckets})
            facets[facet] = facet_values(facet, counts, selected.get(facet, []), names)
        return SearchResult(total=response["hits"]["total"]["value"], hits=hits, facets=facets, page=page,
                            per_page=per_page, took_ms=(time.perf_counter() - started) * 1000)
