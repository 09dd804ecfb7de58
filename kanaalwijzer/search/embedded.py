"""The embedded backend: a tantivy index in a folder beside the store, no server.

Two analyses of the text: `title`/`text` (and `names`, every name of the publishing body) with the
Dutch analyzer (stop words, accent folding, stemming) for words and phrases, and `exact` (title,
text and identifiers, split only at spaces and sentence punctuation, not stemmed) so
"gmb-2025-552188" and "artikel 2:13" match as written; `own_ids` holds the forms of the
publication's own identifier ('540118' for gmb-2025-540118), to rank it before documents citing it.
A word or phrase also matches its spelling variants (analysis.Variants: "email" finds "e-mail").

A full rebuild writes a new generation folder and then points CURRENT at it, the embedded twin of
the Elasticsearch alias swap: searches keep working on the old generation until the swap.
"""
from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import tantivy
from tantivy import Occur
from tantivy import Query as TQ

from .analysis import (IDENTIFIER_PATTERN, Variants, all_identifiers, body_names, dutch_analyzer,  # noqa: F401
                       exact_analyzer, own_identifiers)
from .model import SearchRequest, SearchResult, check_request
from .query import AnyOf, Query, Text, parse_query
from .results import SNIPPET_CHARS, facet_values, hit_from_fields, marked_html, opening_snippet
from .vocab import (FACET_FIELDS, body_label, canonical_filters, facet_counts, field_facets, field_size,
                    selected_fields)

log = logging.getLogger(__name__)

NL = "nl_text"
EXACT = "exact"
KEYWORDS = ("source", "publication_name", "body_name", "body_code", "body_type", "province", "regime",
            "classification", "year", "published", "modified", "url_official", "is_format_of")
MULTI = ("organs", "channel_kinds")
FAST = {"body_code", "province", "regime", "source", "year", "organs", "channel_kinds"}
# A multi-valued column aggregates ~10x slower than a single-valued one, so each multi-valued facet
# is also kept as one key per document (its sorted values joined); counts per value are summed from
# those combinations, exactly, since every document has one combination.
COMBINED = {"organs": "organs_set", "channel_kinds": "channel_kinds_set"}
JOIN = "\x1f"
COMBINATIONS = 10_000  # more distinct combinations than this: count the multi-valued column itself
TITLE_BOOST = 2.0
ID_BOOST = 10.0
REBUILD_HEAP = 1_000_000_000  # bytes for the whole writer: fewer, larger segments, fewer merges
PREFIX_HIGHLIGHT_TERMS = 30


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("title", stored=True, tokenizer_name=NL)
    builder.add_text_field("text", stored=True, tokenizer_name=NL)
    builder.add_text_field("names", stored=False, tokenizer_name=NL)
    builder.add_text_field("exact", stored=False, tokenizer_name=EXACT)
    builder.add_text_field("own_ids", stored=False, tokenizer_name=EXACT)
    for name in (*KEYWORDS, *MULTI):
        builder.add_text_field(name, stored=True, tokenizer_name="raw", fast=name in FAST)
    for name in COMBINED.values():
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    builder.add_integer_field("day", stored=False, indexed=True, fast=True)  # YYYYMMDD, 0 = unknown
    return builder.build()


def _day(iso: str | None) -> int:
    return int(iso.replace("-", "")) if iso else 0


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.schema = build_schema()
        self.nl = dutch_analyzer()
        self.exact = exact_analyzer()
        self.variants = Variants(self.nl)
        self._lock = threading.Lock()
        self._index: tantivy.Index | None = None
        self._generation: str | None = None
        self._meta_stamp: int | None = None

    # -- generations ------------------------------------------------------------------------
    def _current_name(self) -> str | None:
        try:
            return (self.root / "CURRENT").read_text().strip() or None
        except FileNotFoundError:
            return None

    def _open(self, name: str) -> tantivy.Index:
        index = tantivy.Index(self.schema, path=str(self.root / name), reuse=True)
        index.register_tokenizer(NL, self.nl)
        index.register_tokenizer(EXACT, self.exact)
        return index

    def _new_generation(self) -> str:
        name = f"gen-{time.time_ns()}"
        (self.root / name).mkdir(parents=True)
        return name

    def _point_to(self, name: str) -> None:
        tmp = self.root / "CURRENT.tmp"
        tmp.write_text(name)
        os.replace(tmp, self.root / "CURRENT")

    def index(self) -> tantivy.Index:
        """The current generation, reopened when another process swapped it; created when absent."""
        with self._lock:
            name = self._current_name()
            if name is None:
                self.root.mkdir(parents=True, exist_ok=True)
                name = self._new_generation()
                self._open(name)  # writes an empty index's meta.json
                self._point_to(name)
            if name != self._generation:
                self._index, self._generation = self._open(name), name
            # another process may have committed: tantivy's own reload lags, a stat is cheap
            try:
                stamp = (self.root / name / "meta.json").stat().st_mtime_ns
            except FileNotFoundError:  # swapped and removed by a rebuild meanwhile: the next call reopens
                return self._index
            if stamp != self._meta_stamp:
                self._index.reload()
                self._meta_stamp = stamp
            return self._index

    # -- writing ----------------------------------------------------------------------------
    def _document(self, doc: dict) -> tantivy.Document:
        fields = {"id": doc["id"], "title": doc.get("title") or "", "text": doc.get("text") or "",
                  "day": _day(doc.get("published"))}
        fields["exact"] = "\n".join([fields["title"], fields["text"], *all_identifiers(doc)])
        fields["own_ids"] = own_identifiers(doc)
        fields["names"] = body_names(doc)
        for name in KEYWORDS:
            if doc.get(name) not in (None, ""):
                fields[name] = str(doc[name])
        for name in MULTI:
            if doc.get(name):
                fields[name] = [str(v) for v in doc[name]]
                fields[COMBINED[name]] = JOIN.join(sorted(set(fields[name])))
        return tantivy.Document(**fields)

    def rebuild(self, docs: Iterable[dict]) -> int:
        self.root.mkdir(parents=True, exist_ok=True)
        name = self._new_generation()
        index = self._open(name)
        writer = index.writer(heap_size=REBUILD_HEAP)
        count = 0
        try:
            for doc in docs:
                writer.add_document(self._document(doc))
                count += 1
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            shutil.rmtree(self.root / name, ignore_errors=True)
            raise
        old = self._current_name()
        self._point_to(name)
        if old and old != name:
            shutil.rmtree(self.root / old, ignore_errors=True)  # open readers keep their mapped files
        return count

    def upsert(self, docs: Iterable[dict]) -> int:
        index = self.index()
        writer = index.writer(heap_size=128_000_000)
        count = 0
        try:
            for doc in docs:
                writer.delete_documents_by_term("id", doc["id"])
                writer.add_document(self._document(doc))
                count += 1
            writer.commit()
        except BaseException:
            writer.rollback()  # nothing of a failed batch becomes visible
            raise
        finally:
            writer.wait_merging_threads()  # also releases the writer lock
        index.reload()
        return count

    def delete(self, ids: Iterable[str]) -> int:
        index = self.index()
        index.reload()
        searcher = index.searcher()
        writer = index.writer(heap_size=32_000_000)
        count = 0
        for pub_id in ids:
            count += min(1, searcher.doc_freq("id", pub_id))
            writer.delete_documents_by_term("id", pub_id)
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        return count

    def count(self) -> int:
        return self.index().searcher().num_docs

    # -- queries ----------------------------------------------------------------------------
    def _tokens(self, analyzer, field: str, text: str) -> TQ | None:
        tokens = analyzer.pre_tokenize(text).tokens
        if not tokens:
            return None
        if len(tokens) == 1:
            return TQ.term_query(self.schema, field, tokens[0].text)
        first = tokens[0].position
        return TQ.phrase_query(self.schema, field, [(t.position - first, t.text) for t in tokens])

    def _prefix_pattern(self, text: str) -> str | None:
        words = self.exact.analyze(text.rstrip("-:./"))
        if len(words) != 1:
            return None
        return words[0].replace(".", r"\.")  # tokens hold letters, digits and -:./ only

    def _text(self, node: Text) -> TQ | None:
        """One word, phrase or prefix, on the fields where it can match."""
        if node.kind == "prefix":
            pattern = self._prefix_pattern(node.text)
            if pattern is None:  # "kanalen van*" or "*" after punctuation only
                words = self.exact.analyze(node.text)
                return TQ.phrase_prefix_query(self.schema, "exact", words) if words else None
            options = [TQ.regex_query(self.schema, "exact", pattern + ".*")]
            if pattern.isalnum():  # stems too: "elektronisc*"
                options += [TQ.regex_query(self.schema, "text", pattern + ".*"),
                            TQ.boost_query(TQ.regex_query(self.schema, "title", pattern + ".*"), TITLE_BOOST)]
            return TQ.boolean_query([(Occur.Should, q) for q in options])
        if node.exact:
            exact = self._tokens(self.exact, "exact", node.text)
            if exact is None:
                return None
            # the publication itself before the documents that cite it
            own = TQ.boost_query(self._tokens(self.exact, "own_ids", node.text), ID_BOOST)
            return TQ.boolean_query([(Occur.Must, exact), (Occur.Should, own)])
        sequences = self.variants.sequences(node.text)
        if not sequences:
            return None  # only stop words
        options = []
        for sequence in sequences:
            options += [(Occur.Should, self._sequence("text", sequence)), (Occur.Should, self._sequence("names", sequence)),
                        (Occur.Should, TQ.boost_query(self._sequence("title", sequence), TITLE_BOOST))]
        return TQ.boolean_query(options)

    def _sequence(self, field: str, sequence: list[tuple[int, str]]) -> TQ:
        """A term, or a phrase of analysed tokens at their positions."""
        if len(sequence) == 1:
            return TQ.term_query(self.schema, field, sequence[0][1])
        return TQ.phrase_query(self.schema, field, sequence)

    def _node(self, node: Text | AnyOf) -> TQ | None:
        if isinstance(node, Text):
            return self._text(node)
        options = [self._text(option) for option in node.options]
        if any(option is None for option in options):
            return None  # one option matches everything
        return TQ.boolean_query([(Occur.Should, q) for q in options])

    def _values(self, facet: str, values: list[str]) -> TQ:
        return self._field_values(FACET_FIELDS[facet], values)

    def _field_values(self, field: str, values: list[str]) -> TQ:
        if not values:
            return TQ.empty_query()
        return TQ.term_set_query(self.schema, field, values)

    def _base(self, query: Query, request: SearchRequest) -> list[tuple[Occur, TQ]]:
        clauses = []
        for node in query.must:
            compiled = self._node(node)
            if compiled is not None:
                clauses.append((Occur.Must, compiled))
        for node in query.must_not:
            compiled = self._node(node)
            if compiled is not None:
                clauses.append((Occur.MustNot, compiled))
        for facet, values in query.filters.items():
            clauses.append((Occur.Must, self._values(facet, values)))
        for facet, values in query.excluded.items():
            clauses.append((Occur.MustNot, self._values(facet, values)))
        start = max(filter(None, (query.date_from, request.date_from)), default=None)
        end = min(filter(None, (query.date_to, request.date_to)), default=None)
        if start or end:
            clauses.append((Occur.Must, TQ.range_query(
                self.schema, "day", tantivy.FieldType.Integer,
                lower_bound=int(start.strftime("%Y%m%d")) if start else 1,
                upper_bound=int(end.strftime("%Y%m%d")) if end else 99991231)))
        return clauses

    @staticmethod
    def _all(clauses: list[tuple[Occur, TQ]]) -> TQ:
        if not any(occur == Occur.Must for occur, _ in clauses):
            clauses = [(Occur.Must, TQ.all_query()), *clauses]
        return TQ.boolean_query(clauses)

    def _highlight_query(self, query: Query, searcher) -> TQ | None:
        """The positive words on the stored `text` field, for the snippet generator."""
        parts = []
        for node in query.must:
            for text in (node.options if isinstance(node, AnyOf) else (node,)):
                if text.kind == "prefix":
                    stem = self.nl.analyze(text.text)
                    if stem:
                        terms = searcher.terms_with_prefix("text", stem[0], limit=PREFIX_HIGHLIGHT_TERMS)
                        parts += [TQ.term_query(self.schema, "text", term) for term, _ in terms]
                elif not text.exact:
                    parts += [self._sequence("text", sequence) for sequence in self.variants.sequences(text.text)]
                else:
                    compiled = self._tokens(self.nl, "text", text.text)
                    if compiled is not None:
                        parts.append(compiled)
        return TQ.boolean_query([(Occur.Should, q) for q in parts]) if parts else None

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        page, per_page = check_request(request)
        query = parse_query(request.q)
        selected = canonical_filters(request.filters)
        index = self.index()
        searcher = index.searcher()
        base = self._base(query, request)
        selections = {field: (Occur.Must, self._field_values(field, values))
                      for field, values in selected_fields(selected).items()}
        hits_query = self._all([*base, *selections.values()])

        by_score = query.has_text and request.sort == "relevance"
        result = searcher.search(hits_query, limit=per_page, offset=(page - 1) * per_page, count=True,
                                 **({} if by_score else {"order_by_field": "day", "order": tantivy.Order.Desc}))
        highlight = self._highlight_query(query, searcher)
        snippets = tantivy.SnippetGenerator.create(searcher, highlight, self.schema, "text") if highlight else None
        if snippets:
            snippets.set_max_num_chars(SNIPPET_CHARS)
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            fields = {name: doc.get_first(name) for name in ("id", "title", "text", *KEYWORDS)}
            fields.update({name: doc.get_all(name) for name in MULTI})
            hits.append(hit_from_fields(fields, [self._snippet(snippets, doc, fields["text"])],
                                        score if by_score else 0.0))
        facets = self._facets(searcher, base, selections, selected)
        return SearchResult(total=result.count, hits=hits, facets=facets, page=page, per_page=per_page,
                            took_ms=(time.perf_counter() - started) * 1000)

    def _facets(self, searcher, base, selections, selected) -> dict:
        """Counts per facet with every OTHER field's selection applied, so selected values keep theirs.
        One aggregation per index field: body_code serves both 'gemeente' and 'organisatie'."""
        def terms(fields, combined=True):
            return {field: {"terms": {"field": COMBINED[field], "size": COMBINATIONS}} if combined and field in COMBINED
                    else {"terms": {"field": field, "size": field_size(field)}} for field in fields}

        counts: dict[str, dict[str, int]] = {}
        unselected = [field for field in field_facets() if field not in selections]
        requests = [(unselected, list(selections.values()))] if unselected else []
        requests += [([field], [c for g, c in selections.items() if g != field]) for field in selections]
        for fields, clauses in requests:
            query = self._all([*base, *clauses])
            answer = searcher.aggregate(query, terms(fields))
            for field in fields:
                buckets = answer[field]["buckets"]
                if field not in COMBINED:
                    counts[field] = {str(b["key"]): int(b["doc_count"]) for b in buckets}
                elif answer[field].get("sum_other_doc_count"):  # too many combinations: count directly
                    buckets = searcher.aggregate(query, terms([field], combined=False))[field]["buckets"]
                    counts[field] = {str(b["key"]): int(b["doc_count"]) for b in buckets}
                else:
                    counts[field] = {}
                    for bucket in buckets:
                        for value in str(bucket["key"]).split(JOIN):
                            counts[field][value] = counts[field].get(value, 0) + int(bucket["doc_count"])
        names = {code: self._body_name(searcher, code) for code in counts.get("body_code", {})
                 if body_label(code) is None}
        return {f: facet_values(f, facet_counts(f, counts.get(FACET_FIELDS[f], {})), selected.get(f, []), names)
                for f in FACET_FIELDS}

    def _body_name(self, searcher, code: str) -> str | None:
        """The name a document gives a body our list does not know (a joint body)."""
        hits = searcher.search(TQ.term_query(self.schema, "body_code", code), 1).hits
        return searcher.doc(hits[0][1]).get_first("body_name") if hits else None

    @staticmethod
    def _snippet(generator, doc, text: str | None) -> str:
        if generator is not None:
            snippet = generator.snippet_from_doc(doc)
            fragment = snippet.fragment()
            ranges = snippet.highlighted()
            if fragment and ranges:
                # tantivy gives byte offsets into the UTF-8 fragment
                raw = fragment.encode("utf-8")
                chars = [(len(raw[:r.start].decode("utf-8", "ignore")), len(raw[:r.end].decode("utf-8", "ignore")))
                         for r in ranges]
                start, end = snippet.fragment_range().start, snippet.fragment_range().end
                cut_before = start > 0
                cut_after = end < len((text or "").encode("utf-8"))
                return ("… " if cut_before else "") + marked_html(fragment, chars) + (" …" if cut_after else "")
        return opening_snippet(text or "")
