"""kw_structure: articles, lids, list items, definitions and annex rows as spans.

Uses the blocks of the kanaalwijzer.documents.Document the text came from (XML structure when
available); a Doc made from loose text is structured by the plain-text rules of the normaliser.
Also finds the document title. Results: doc.spans["kw_structure"] (label = block kind),
doc._.kw_blocks (blocks with their human location), doc._.kw_title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from kanaalwijzer.documents import Block, parse_text

from . import extensions

DECISION_TITLE = re.compile(
    r"^(?:aanwijzingsbesluit|besluit|regeling|verordening|reglement|beleidsregel|mandaat\w*|"
    r"instructie|nadere regels|aanwijzing|openstelling)\b", re.I)
FURNITURE = re.compile(r"^(?:ziet u een fout|gemeenteblad van|provinciaal blad van|waterschapsblad van|"
                       r"blad gemeenschappelijke regeling van|geldend van|intitul|permanente link|naar de)", re.I)
ENACT_OBJECT = re.compile(r"vast\s+te\s+stellen\s*(?:het|de)?\s*(?:navolgende|volgende)?\s*:?\s*[‘'\"“]?([^\n’'\"”]{8,200}?)[’'\"”]?\s*(?::|;|$|\bals volgt\b)", re.I | re.M)
OBJECT_BEFORE = re.compile(r"^(?:de|het)\s+([^\n]{8,200}?)\s+vast\s+te\s+stellen\b", re.I | re.M)
OFFICIAL_NAME = re.compile(r"^Officiële naam regeling\s*:?\s*(.+)$", re.I | re.M)


class Structure:
    def __init__(self, nlp: Language, name: str):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.kw_document
        if document is not None and document.text == extensions.text(doc):
            blocks = list(document.blocks)
            meta = document.meta
        else:
            parsed = parse_text(extensions.text(doc))
            blocks = _align(parsed.blocks, parsed.text, extensions.text(doc))
            meta = {}
        doc._.kw_blocks = blocks
        group = []
        for b in blocks:
            if b.kind == "paragraph":
                continue  # plain lines: not worth a span each (doc._.kw_blocks keeps them)
            span = doc.char_span(b.start, b.end, label=b.kind, alignment_mode="expand")
            if span is not None:
                group.append(span)
        doc.spans["kw_structure"] = SpanGroup(doc, name="kw_structure", spans=group)
        doc._.kw_title = find_title(extensions.text(doc), blocks, meta)
        return doc


def _align(blocks: list[Block], norm: str, text: str) -> list[Block]:
    """Map blocks of a normalised copy back onto the original text (loose Docs only): each
    block's first and last line are searched with any whitespace between their words."""
    if norm == text:
        return blocks
    out, pos = [], 0
    for b in sorted(blocks, key=lambda b: (b.start, -b.end)):
        lines = norm[b.start:b.end].split("\n")
        first = _find_loose(text, lines[0], pos)
        if first is None:
            continue
        last = _find_loose(text, lines[-1], first[0]) if len(lines) > 1 else first
        if last is None:
            continue
        out.append(Block(b.kind, b.label, first[0], last[1]))
        pos = first[0]
    return out


def _find_loose(text: str, line: str, pos: int) -> tuple[int, int] | None:
    words = line.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(map(re.escape, words))).search(text, pos)
    return m.span() if m else None


def find_title(text: str, blocks: list[Block], meta: dict) -> str | None:
    for key in ("title", "DC.title", "dcterms:title"):
        if meta.get(key) and not meta[key].isupper():
            return meta[key]
    titles = [text[b.start:b.end] for b in blocks if b.kind == "title"]
    head = text[:6000]
    lines = head.split("\n")
    for i, line in enumerate(lines[:-1]):  # CVDR pages: "Intitulé" then the title
        if line.strip().lower().startswith("intitul") and lines[i + 1].strip():
            return lines[i + 1].strip()
    m = OFFICIAL_NAME.search(head)
    if m:
        return m.group(1).strip()
    for line in lines[:60]:
        if DECISION_TITLE.match(line) and len(line) < 250 and not line.endswith((";", ",")):
            return line.strip()
    for rx in (OBJECT_BEFORE, ENACT_OBJECT):
        m = rx.search(head)
        if m:
            return m.group(1).strip(" :‘’'\"")
    for t in titles:
        if not FURNITURE.match(t):
            return t
    for line in lines[:5]:
        if line.strip() and not FURNITURE.match(line):
            return line.strip()[:250]
    return None


@dataclass
class Line:
    """One line of the normalised text with its structural context."""
    start: int
    end: int
    kind: str            # kind of the most specific block starting on this line (or 'paragraph')
    location: str        # "Artikel 2 lid 1", "Bijlage 1, rij 4", "" in the preamble
    article: str = ""    # enclosing article label
    article_heading: str = ""
    annex: str = ""      # enclosing annex label
    block_start: int = 0  # span of that block on this line (differs from the line in loose Docs)
    block_end: int = 0


CONTAINERS = ("article", "annex", "lid", "list_item", "definition")
LINE_KINDS = ("table_row", "definition", "list_item", "lid", "heading", "title", "paragraph")


def lines_with_context(text: str, blocks: list[Block]) -> list[Line]:
    """Sweep the lines and the (nested or disjoint) blocks once: O(lines + blocks)."""
    ordered = sorted(blocks, key=lambda b: (b.start, -b.end))
    rank = {kd: i for i, kd in enumerate(LINE_KINDS)}
    out: list[Line] = []
    open_blocks: list[Block] = []
    headings: dict[int, str] = {}  # id(article block) -> its first line, computed once per article
    k = 0
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        limit = max(end, start + 1)
        open_blocks = [b for b in open_blocks if b.end > start]
        while k < len(ordered) and ordered[k].start < limit:
            if ordered[k].end > start:
                open_blocks.append(ordered[k])
            k += 1
        # every open block starts before `limit` (earlier lines end before this one starts),
        # so the open blocks are exactly the blocks this line lies in
        # the block that gives the line its kind: the first LINE_KINDS kind among the blocks that
        # begin on this line (a loose Doc's block may start after a "| " or bullet), earliest first
        kind_block = None
        for b in open_blocks:
            if b.start >= start and b.kind in rank and (kind_block is None or rank[b.kind] < rank[kind_block.kind]):
                kind_block = b
        article = annex = loc_block = None
        for b in open_blocks:  # the innermost article and annex, the smallest labelled block
            if b.kind == "article":
                article = b
            elif b.kind == "annex":
                annex = b
            if b.label and b.kind != "heading" and (loc_block is None or b.end - b.start < loc_block.end - loc_block.start):
                loc_block = b
        heading = ""
        if article is not None:
            heading = headings.get(id(article))
            if heading is None:
                nl = text.find("\n", article.start, article.end)
                heading = headings[id(article)] = text[article.start:nl if nl >= 0 else article.end]
        if kind_block is not None:
            kind, bs, be = kind_block.kind, kind_block.start, min(kind_block.end, end)
        else:
            kind, bs, be = "paragraph", start, end
        out.append(Line(start, end, kind, loc_block.label if loc_block else "",
                        article.label if article else "", heading, annex.label if annex else "", bs, be))
    return out


@Language.factory("kw_structure", default_config={})
def make_structure(nlp: Language, name: str) -> Structure:
    return Structure(nlp, name)
