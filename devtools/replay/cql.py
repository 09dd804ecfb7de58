"""A small CQL parser and evaluator for the subset our spiders (and KOOP's clients) send.

Grammar (CQL 1.2, booleans of equal precedence, left-associative, as the CQL spec says):

    query      := scoped [ "sortBy" sortkeys... ]
    scoped     := clause ( ("and" | "or" | "not") clause )*
    clause     := "(" scoped ")" | index relation term | term
    relation   := "==" | "=" | ">=" | "<=" | ">" | "<" | "<>" | "any" | "all" | "adj"
    term       := "quoted string" | bare-word

`a not b` means `a and not b` (CQL's binary NOT). A bare term searches `cql.serverChoice`.
`sortBy ...` is parsed and ignored (KOOP does not document that it is honoured).
Errors raise CQLError with the SRU diagnostic number to answer with.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Callable, Union

RELATIONS = ("==", "=", ">=", "<=", ">", "<", "<>", "any", "all", "adj")
BOOLEANS = ("and", "or", "not")

_TOKEN = re.compile(r'\s*(?:(?P<quoted>"(?:[^"\\]|\\.)*")|(?P<sym>==|>=|<=|<>|[=<>()])|(?P<word>[^\s()=<>"]+))')
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CQLError(ValueError):
    """A query we cannot answer; `code` is the SRU diagnostic number (info:srw/diagnostic/1/<code>)."""

    def __init__(self, code: int, message: str, details: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details


@dataclass(frozen=True)
class Clause:
    index: str        # lower-cased index name, "cql.serverchoice" for a bare term
    relation: str
    term: str


@dataclass(frozen=True)
class Boolean:
    op: str           # and | or | not
    left: "Node"
    right: "Node"


Node = Union[Clause, Boolean]


def _tokenize(query: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    query = query.rstrip()
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise CQLError(10, f"line 1:{pos} token recognition error at: '{query[pos:pos + 10]}'")
        if m.group("quoted") is not None:
            raw = m.group("quoted")[1:-1]
            tokens.append(("term", re.sub(r"\\(.)", r"\1", raw)))
        elif m.group("sym") is not None:
            tokens.append(("sym", m.group("sym")))
        else:
            tokens.append(("word", m.group("word")))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, query: str):
        self.query = query
        self.tokens = _tokenize(query)
        self.pos = 0

    def peek(self, offset: int = 0):
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def error(self, expected: str):
        kind, value = self.peek()
        found = "<EOF>" if kind is None else f"'{value}'"
        raise CQLError(10, f"line 1:{self._offset()} mismatched input {found} expecting {expected}")

    def _offset(self) -> int:  # rough character offset of the current token, for messages
        return sum(len(v) + 1 for _, v in self.tokens[: self.pos])

    def parse(self) -> Node:
        if not self.tokens:
            raise CQLError(10, "Query syntax error: empty query")
        node = self.scoped()
        kind, value = self.peek()
        if kind == "word" and value.lower() == "sortby":
            self.pos = len(self.tokens)  # sort keys are accepted and ignored
        elif kind is not None:
            self.error("{<EOF>, AND, OR, NOT, PROX, SORTBY}")
        return node

    def scoped(self) -> Node:
        node = self.clause()
        while True:
            kind, value = self.peek()
            if kind == "word" and value.lower() in BOOLEANS:
                self.take()
                node = Boolean(value.lower(), node, self.clause())
            else:
                return node

    def clause(self) -> Node:
        kind, value = self.peek()
        if kind == "sym" and value == "(":
            self.take()
            node = self.scoped()
            if self.peek() != ("sym", ")"):
                self.error("')'")
            self.take()
            return node
        if kind not in ("word", "term"):
            self.error("a search term or '('")
        first = self.take()[1]
        rkind, rvalue = self.peek()
        is_relation = (rkind == "sym" and rvalue in RELATIONS) or (
            rkind == "word" and rvalue.lower() in ("any", "all", "adj") and self.peek(1)[0] in ("word", "term"))
        if kind == "word" and is_relation:
            self.take()
            tkind, term = self.peek()
            if tkind not in ("word", "term"):
                self.error("a search term")
            self.take()
            return Clause(first.lower(), rvalue.lower(), term)
        if rkind == "sym" and rvalue not in (")",):
            self.error("a relation")
        return Clause("cql.serverchoice", "=", first)


def parse(query: str) -> Node:
    return _Parser(query).parse()


def indexes_used(node: Node) -> set[str]:
    if isinstance(node, Clause):
        return {node.index}
    return indexes_used(node.left) | indexes_used(node.right)


# ---- evaluation -------------------------------------------------------------------------

def norm(text: str) -> str:
    """Case-folded, whitespace-collapsed: the form both field values and terms are compared in."""
    return " ".join(text.casefold().split())


def _match_text(value: str, word: str) -> bool:
    """Case-insensitive substring match, with CQL masking (`*`, `?`) when present."""
    if "*" in word or "?" in word:
        return fnmatch.fnmatchcase(value, word) or any(fnmatch.fnmatchcase(tok, word) for tok in value.split())
    return word in value


def _compare(values: list[str], relation: str, term: str, kind: str) -> bool:
    """Does one field (possibly multi-valued) satisfy `relation term`?"""
    term_n = norm(term)
    words = term_n.split()
    for value in values:  # field values arrive normalised (see corpus.CorpusItem.fields)
        if relation == "==":
            ok = _match_text(value, term_n) if kind == "text" else (
                fnmatch.fnmatchcase(value, term_n) if "*" in term_n else value == term_n)
        elif relation in ("=", "adj"):
            ok = value == term_n if kind == "date" else _match_text(value, term_n)
        elif relation == "any":
            ok = any(_match_text(value, w) for w in words)
        elif relation == "all":
            ok = all(_match_text(value, w) for w in words)
        elif relation == "<>":
            ok = value != term_n
        elif relation == ">=":
            ok = value >= term_n
        elif relation == "<=":
            ok = value <= term_n
        elif relation == ">":
            ok = value > term_n
        else:  # "<"
            ok = value < term_n
        if ok:
            return True
    return False


def compile_query(node: Node, fields: dict[str, str]) -> Callable[[Callable[[str], list]], bool]:
    """Check the query against the index table `fields` (index -> 'date'|'string'|'text'|'all')
    and return a predicate taking a field getter (index -> list of values).

    Raises CQLError 16 for an unknown index and 36 for a date index given a non-date term.
    """
    if isinstance(node, Boolean):
        left, right = compile_query(node.left, fields), compile_query(node.right, fields)
        if node.op == "and":
            return lambda get: left(get) and right(get)
        if node.op == "or":
            return lambda get: left(get) or right(get)
        return lambda get: left(get) and not right(get)
    kind = fields.get(node.index)
    if kind is None:
        raise CQLError(16, f"Unsupported index: {node.index}", node.index)
    if kind == "all":  # cql.allRecords
        return lambda get: True
    if kind == "date" and not _DATE.match(node.term.strip()):
        raise CQLError(36, f"Term in invalid format for index or relation: {node.term}", node.term)
    index, relation, term = node.index, node.relation, node.term
    return lambda get: _compare(get(index), relation, term, kind)
