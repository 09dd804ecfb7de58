"""The query language, parsed once into a small tree that each backend compiles its own way.

    elektronische kanalen          all words (Dutch stemming: kanaal finds kanalen; EN/AND may stand between)
    "elektronische kanalen"        a phrase
    webformulier OF contactformulier   (also OR)
    -email  /  NIET email          exclusion (also NOT)
    aanwijz*                       prefix (at least 2 characters)
    gmb-2025-552188, "artikel 2:13", CVDR754606, 540118
                                   anything with a digit is matched exactly (identifiers)
    Gmb. 2025, 540118              a citation of a gazette publication: its identifier gmb-2025-540118
    artikel 2:13 lid 2             a legal reference: also "2:13, tweede lid" and "lid 2 van artikel 2:13"
    gemeente:"Den Haag" organisatie:Rijnland provincie:Utrecht orgaan:burgemeester kanaal:webformulier
    regime:wmebv bron:cvdr jaar:2025 jaar:2024..2026 datum:2025-01-01..2025-12-31
                                   filters; several values of one filter (or OR between them)
                                   mean any of them; -kanaal:email excludes
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .. import vocabulary
from .model import QueryError
from .vocab import FACETS, canonical_value

MAX_QUERY_LENGTH = 1000
MAX_CLAUSES = 64
MIN_PREFIX = 2
FILTER_NAMES = (*FACETS, "datum")

_FIELD = re.compile(r"^([A-Za-z]+):(.*)$", re.S)
OPERATORS = {"OR": "or", "OF": "or", "NOT": "not", "NIET": "not", "AND": "and", "EN": "and"}
# 'Gmb. 2025, 540118', 'Gemeenteblad 2025 nr. 540118', 'Stcrt. 2026, 1234': the gazette's id prefix
GAZETTES = vocabulary.GAZETTE_WORDS
_CITATION = re.compile(r"(?i)(?P<gazette>" + "|".join(sorted((g.replace(" ", r"\s+") for g in GAZETTES), key=len,
                                                            reverse=True))
                       + r")\.?\s+(?P<year>\d{4})\s*,?\s*(?:nr\.?\s*|nummer\s+)?(?P<number>\d+)(?=$|[\s,;.)])")
ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende")
# 'artikel 2:13 lid 2', 'art. 2:13, tweede lid', '2:13 lid 2'
_REFERENCE = re.compile(r"(?i)(?:(?:artikel|art\.?)\s+)?(?P<article>\d+(?::\d+)?[a-z]?)\s*,?\s+"
                        r"(?:lid\s+(?P<number>\d+)|(?P<ordinal>" + "|".join(ORDINALS) + r")\s+lid|(?P<nth>\d+)e\s+lid)"
                        r"(?=$|[\s,;.)])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Text:
    """A word or identifier, a "phrase", or a prefix*; the backends analyse `text` themselves."""
    text: str
    kind: str = "word"  # 'word' | 'phrase' | 'prefix'

    @property
    def exact(self) -> bool:
        """Identifiers (anything with a digit) are matched on the unstemmed, unsplit field."""
        return any(ch.isdigit() for ch in self.text)


@dataclass(frozen=True)
class AnyOf:
    """a OR b OR c."""
    options: tuple[Text, ...]


@dataclass
class Query:
    must: list[Text | AnyOf] = field(default_factory=list)
    must_not: list[Text | AnyOf] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)   # facet -> any of these ([] = none)
    excluded: dict[str, list[str]] = field(default_factory=dict)  # facet -> none of these values
    date_from: date | None = None
    date_to: date | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.must)


@dataclass
class _Token:
    kind: str  # 'word' | 'phrase' | 'filter' | 'or' | 'not'
    text: str
    position: int
    negated: bool = False
    name: str = ""  # filter name


def clean(q: str) -> str:
    """Lone surrogates and control characters become spaces: the engines need valid UTF-8."""
    q = q.encode("utf-8", "replace").decode("utf-8")
    return _CONTROL.sub(" ", q)


def parse_query(q: str) -> Query:
    if q is None:
        q = ""
    if not isinstance(q, str):
        raise QueryError("De zoekvraag moet tekst zijn.")
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError(f"De zoekvraag is te lang (meer dan {MAX_QUERY_LENGTH} tekens).")
    tokens = _lex(clean(q))
    query = Query()
    groups = _group(tokens)
    if len(groups) > MAX_CLAUSES:
        raise QueryError(f"Te veel zoektermen (meer dan {MAX_CLAUSES}).")
    for group in groups:
        _add(query, group)
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise QueryError("De begindatum ligt na de einddatum.")
    return query


def _lex(q: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(q)
    while i < n:
        if q[i].isspace():
            i += 1
            continue
        start = i
        negated = False
        if q[i] in "-+" and i + 1 < n and not q[i + 1].isspace():
            negated = q[i] == "-"
            i += 1
        if q[i] == '"':
            text, i = _quoted(q, i)
            tokens.append(_Token("phrase", text, start, negated))
            continue
        if match := _CITATION.match(q, i):
            gazette = GAZETTES[" ".join(match["gazette"].lower().split())]
            tokens.append(_Token("word", f"{gazette}-{match['year']}-{match['number']}", start, negated))
            i = match.end()
            continue
        if match := _REFERENCE.match(q, i):
            tokens.append(_Token("reference", match.group(0), start, negated, name=_paragraph(match)))
            i = match.end()
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] != '"':
            j += 1
        word = q[i:j]
        match = _FIELD.match(word)
        if match and match.group(1).lower() in FILTER_NAMES:
            name, value = match.group(1).lower(), match.group(2)
            if not value and j < n and q[j] == '"':
                value, j = _quoted(q, j)
            if not value.strip():
                raise QueryError(f"Geef een waarde na '{name}:', bijvoorbeeld {_example(name)}.", start)
            tokens.append(_Token("filter", value, start, negated, name))
        elif match and match.group(2) and not match.group(2).startswith("/"):
            raise QueryError(
                f"Onbekend filter '{match.group(1)}:'. Filters zijn: {', '.join(FILTER_NAMES)}. "
                f"Bedoelt u de tekst zelf, zet die dan tussen aanhalingstekens.", start)
        elif word in OPERATORS and not negated:
            if OPERATORS[word] != "and":  # words are combined with AND anyway
                tokens.append(_Token(OPERATORS[word], word, start))
        elif word == "-":
            raise QueryError("Een los minteken sluit niets uit; schrijf -woord.", start)
        else:
            tokens.append(_Token("word", word, start, negated))
        i = j
    return tokens


def _paragraph(match: re.Match) -> str:
    if match["number"]:
        return match["number"]
    if match["ordinal"]:
        return str(ORDINALS.index(match["ordinal"].lower()) + 1)
    return match["nth"]


def reference_phrases(article: str, paragraph: int) -> tuple[Text, ...]:
    """The ways a text cites paragraph `paragraph` of article `article`."""
    forms = [f"{article} lid {paragraph}", f"{article} {paragraph}e lid", f"lid {paragraph} van artikel {article}"]
    if paragraph <= len(ORDINALS):
        ordinal = ORDINALS[paragraph - 1]
        forms[1:1] = [f"{article} {ordinal} lid"]
        forms.append(f"{ordinal} lid van artikel {article}")
    return tuple(Text(form, "phrase") for form in forms)


def _quoted(q: str, i: int) -> tuple[str, int]:
    end = q.find('"', i + 1)
    if end < 0:
        raise QueryError("Er ontbreekt een afsluitend aanhalingsteken (\").", i)
    return q[i + 1:end], end + 1


def _example(name: str) -> str:
    return {"gemeente": 'gemeente:"Den Haag"', "organisatie": 'organisatie:"Provincie Drenthe"',
            "provincie": "provincie:Utrecht", "orgaan": "orgaan:burgemeester",
            "kanaal": "kanaal:webformulier", "regime": "regime:wmebv", "bron": "bron:cvdr", "jaar": "jaar:2025",
            "datum": "datum:2025-01-01..2025-12-31"}[name]


def _group(tokens: list[_Token]) -> list[list[_Token]]:
    """Operands joined by OR form one group; NOT negates the next operand."""
    groups: list[list[_Token]] = []
    pending_or = None
    negate_next = None
    for token in tokens:
        if token.kind == "or":
            if not groups or pending_or is not None or negate_next is not None:
                raise QueryError(f"{token.text} moet tussen twee zoektermen staan, zoals: webformulier "
                                 f"{token.text} contactformulier.", token.position)
            pending_or = token
            continue
        if token.kind == "not":
            if negate_next is not None:
                raise QueryError(f"Twee keer {token.text} achter elkaar.", token.position)
            negate_next = token
            continue
        if negate_next is not None:
            token.negated = True
            negate_next = None
        if pending_or is not None:
            groups[-1].append(token)
            pending_or = None
        else:
            groups.append([token])
    if pending_or is not None:
        raise QueryError(f"{pending_or.text} moet tussen twee zoektermen staan; er volgt niets meer.",
                         pending_or.position)
    if negate_next is not None:
        raise QueryError(f"Na {negate_next.text} moet een zoekterm volgen.", negate_next.position)
    return groups


def _add(query: Query, group: list[_Token]) -> None:
    if len(group) > 1 and any(t.negated for t in group):
        raise QueryError("Uitsluiten (-) kan niet binnen een OR; zet de uitsluiting apart.", group[0].position)
    kinds = {t.kind == "filter" for t in group}
    if len(kinds) > 1:
        raise QueryError("OR tussen een zoekterm en een filter kan niet; gebruik OR tussen gelijke filters "
                         "(kanaal:webformulier OR kanaal:portaal) of tussen zoektermen.", group[0].position)
    if group[0].kind == "filter":
        names = {t.name for t in group}
        if len(names) > 1:
            raise QueryError("OR kan alleen tussen waarden van hetzelfde filter.", group[0].position)
        _add_filter(query, group)
        return
    options = []
    for token in group:
        text = _text(token)
        if text is not None:
            options.append(text)
    if not options:
        return
    flat = tuple(text for option in options for text in (option.options if isinstance(option, AnyOf) else (option,)))
    node = flat[0] if len(flat) == 1 else AnyOf(flat)
    (query.must_not if group[0].negated else query.must).append(node)


def _text(token: _Token) -> Text | AnyOf | None:
    if token.kind == "reference":
        article = _REFERENCE.match(token.text)["article"]
        return AnyOf(reference_phrases(article, int(token.name)))
    if token.kind == "phrase":
        return Text(token.text, "phrase") if token.text.strip() else None
    word = token.text
    if word.strip("*") == "":
        return None  # a lone * asks for everything
    if word.endswith("*"):
        stem = word.rstrip("*")
        if "*" in stem:
            raise QueryError("Een * mag alleen aan het eind van een woord staan.", token.position)
        if len(stem) < MIN_PREFIX:
            raise QueryError(f"Voor een * zijn minstens {MIN_PREFIX} tekens nodig.", token.position)
        return Text(stem, "prefix")
    if "*" in word:
        raise QueryError("Een * mag alleen aan het eind van een woord staan.", token.position)
    return Text(word, "word")


def _add_filter(query: Query, group: list[_Token]) -> None:
    name = group[0].name
    if name == "datum":
        if len(group) > 1:
            raise QueryError("OR tussen datums kan niet; gebruik één bereik: datum:2025-01-01..2025-06-30.",
                             group[0].position)
        start, end = _date_range(group[0])
        if group[0].negated:
            raise QueryError("Een datumbereik uitsluiten kan niet; geef het bereik dat u wél zoekt.",
                             group[0].position)
        query.date_from = max(filter(None, (query.date_from, start)), default=None)
        query.date_to = min(filter(None, (query.date_to, end)), default=None)
        return
    values = []
    for token in group:
        try:
            if name == "jaar" and ".." in token.text:
                values.extend(_year_range(token.text))
            else:
                values.append(canonical_value(name, token.text))
        except QueryError as error:
            raise QueryError(error.message, token.position) from None
    target = query.excluded if group[0].negated else query.filters
    if name in target and not group[0].negated:
        # a second gemeente:... narrows to the values both allow; an empty list matches nothing
        target[name] = [v for v in target[name] if v in values]
    else:
        target.setdefault(name, [])
        target[name].extend(v for v in values if v not in target[name])


def _year_range(text: str) -> list[str]:
    low, _, high = text.partition("..")
    low, high = canonical_value("jaar", low or "1800"), canonical_value("jaar", high or "2200")
    if int(low) > int(high):
        raise QueryError("Het eerste jaar ligt na het tweede.")
    if int(high) - int(low) > 200:
        raise QueryError("Dat jaarbereik is te groot; gebruik datum:..2025-12-31 voor open bereiken.")
    return [str(y) for y in range(int(low), int(high) + 1)]


def _date_range(token: _Token) -> tuple[date | None, date | None]:
    text = token.text.strip()
    if ".." in text:
        low, _, high = text.partition("..")
        start = _date(low, token, end=False) if low else None
        end = _date(high, token, end=True) if high else None
        if start is None and end is None:
            raise QueryError("Geef ten minste één kant van het datumbereik.", token.position)
    else:
        start, end = _date(text, token, end=False), _date(text, token, end=True)
    if start and end and start > end:
        raise QueryError("De begindatum ligt na de einddatum.", token.position)
    return start, end


def _date(text: str, token: _Token, *, end: bool) -> date:
    """2025, 2025-03 or 2025-03-14 (also 14-03-2025); a partial date covers its whole year or month."""
    text = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})", text):
            year = int(m.group(1))
            return date(year, 12, 31) if end else date(year, 1, 1)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
            first = date(int(m.group(1)), int(m.group(2)), 1)
            if not end:
                return first
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        raise QueryError(f"'{text}' is geen bestaande datum.", token.position) from None
    raise QueryError(f"'{text}' is geen datum; schrijf bijvoorbeeld datum:2025-01-01..2025-12-31.", token.position)
