"""Text analysis both backends share: analyzers, spelling variants, identifier and name forms.

The spelling variants live in `es_index.json`, where Elasticsearch applies them in its analyzers:
a `joined_words` char filter writes "e-mail", "e mail" and "e‑mail" as "email" (also "web-formulier",
"e-herkenning", ...) and a `spelling_variants` synonym filter lets "webformulier", "e-formulier" and
"digitaal formulier" (and "Awb" and "Algemene wet bestuursrecht") meet at search time. tantivy has
neither filter, so the embedded backend reads the same rules here and expands each query word into
the token sequences it stands for (`Variants.sequences`): the index is analysed as written.
"""
from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from importlib import resources

import tantivy

from .. import vocabulary
from .vocab import bodies_by_code

IDENTIFIER_PATTERN = r"[\p{L}\p{N}]+(?:[-:./][\p{L}\p{N}]+)*"  # same pattern as es_index.json
JOIN_SEPARATOR = r"[-\u2010\u2011 ]"  # hyphen, Unicode hyphen, non-breaking hyphen, space
MAX_SEQUENCES = 32  # spelling combinations of one query text, beyond which only the text as typed counts


@lru_cache(maxsize=1)
def index_definition() -> dict:
    """Elasticsearch settings (analysis) and mappings, as kept in the repository."""
    text = resources.files("kanaalwijzer.search").joinpath("es_index.json").read_text(encoding="utf-8")
    return json.loads(text)


def dutch_analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stopword("dutch")).filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer("dutch")).build())


def exact_analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(IDENTIFIER_PATTERN))
            .filter(tantivy.Filter.remove_long(80)).filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold()).build())


# -- spelling variants ----------------------------------------------------------------------------
def variant_rules() -> tuple[str, list[str]]:
    """The join pattern (a regex valid in Java and Python) and the synonym rules of es_index.json."""
    analysis = index_definition()["settings"]["analysis"]
    return analysis["char_filter"]["joined_words"]["pattern"], analysis["filter"]["spelling_variants"]["synonyms"]


Sequence = tuple[str, ...]  # analysed tokens in a row


class Variants:
    """The spellings a query text stands for, as token sequences of one analyzer."""

    def __init__(self, analyzer: tantivy.TextAnalyzer):
        pattern, rules = variant_rules()
        self.analyzer = analyzer
        self._join = re.compile(pattern)
        self._split = re.compile(pattern.replace(JOIN_SEPARATOR, "", 1))
        self._groups: dict[Sequence, frozenset[Sequence]] = {}
        for rule in rules:
            members = [m.strip() for m in rule.split(",") if m.strip()]
            forms = frozenset(form for member in members for form in self._word_forms(member))
            for member in members:
                self._groups[self._analyse(self.join(member))] = forms
        self._longest = max((len(key) for key in self._groups), default=1)

    def join(self, text: str) -> str:
        return self._join.sub(r"\1", text)

    def _analyse(self, text: str) -> Sequence:
        return tuple(self.analyzer.analyze(text))

    def _word_forms(self, text: str) -> set[Sequence]:
        """A text joined ('email') and split ('e mail'): the index holds what the document wrote."""
        joined = self.join(text)
        return {form for form in (self._analyse(joined), self._analyse(self._split.sub(r"\1 ", joined))) if form}

    def sequences(self, text: str) -> list[list[tuple[int, str]]]:
        """(position, token) lists, one per spelling of `text`; the text as typed comes first.
        Positions keep the gaps stop words leave, so a phrase stays a phrase."""
        joined = self.join(text)
        tokens = [(t.position, t.text, joined[t.char_offset_from:t.char_offset_to])
                  for t in self.analyzer.pre_tokenize(joined).tokens]
        if not tokens:
            return []
        slots: list[tuple[int, int, list[Sequence]]] = []  # (first position, last position, spellings)
        i = 0
        while i < len(tokens):
            for length in range(min(self._longest, len(tokens) - i), 0, -1):
                key = tuple(token for _, token, _ in tokens[i:i + length])
                if key in self._groups:
                    spellings = [key, *sorted(self._groups[key] - {key})]
                    break
            else:
                length = 1
                key = (tokens[i][1],)
                spellings = [key, *sorted(self._word_forms(tokens[i][2]) - {key})]
            slots.append((tokens[i][0], tokens[i + length - 1][0], spellings))
            i += length
        combinations = list(itertools.islice(itertools.product(*(s for _, _, s in slots)), MAX_SEQUENCES + 1))
        if len(combinations) > MAX_SEQUENCES:
            combinations = combinations[:1]
        result = []
        for combination in combinations:
            sequence, position, previous_end = [], 0, None
            for (start, end, _), spelling in zip(slots, combination):
                position += 0 if previous_end is None else start - previous_end
                sequence += [(position + k, token) for k, token in enumerate(spelling)]
                position += len(spelling) - 1
                previous_end = end
            result.append(sequence)
        return result


# -- identifiers and names ------------------------------------------------------------------------
def identifier_forms(pub_id: str | None) -> list[str]:
    """What a publication id is also cited as: 'gmb-2025-540118' as '540118', 'CVDR762001_2'
    as its work 'CVDR762001' and '762001'."""
    if not pub_id:
        return []
    forms = [pub_id]
    if match := vocabulary.GAZETTE_ID.match(pub_id):
        forms.append(match["number"])
    elif match := vocabulary.CVDR_ID.match(pub_id):
        forms += [f"CVDR{match['work']}", match["work"]]
    return forms


def own_identifiers(doc: dict) -> list[str]:
    return identifier_forms(doc.get("id"))


def all_identifiers(doc: dict) -> list[str]:
    """Its own forms, those of the publication it consolidates, and its body's code."""
    return [*own_identifiers(doc), *identifier_forms(doc.get("is_format_of")), *filter(None, [doc.get("body_code")])]


def body_names(doc: dict) -> list[str]:
    """Every name of the publishing body: as the source wrote it, our name, its official name and
    variants ('Den Haag' and "'s-Gravenhage")."""
    names = [doc.get("body_name") or ""]
    body = bodies_by_code().get(doc["body_code"].casefold()) if doc.get("body_code") else None
    if body is not None:
        names += [body.name, body.display_name, *body.variants]
    unique: list[str] = []
    for name in names:
        if name and name not in unique:
            unique.append(name)
    return unique
