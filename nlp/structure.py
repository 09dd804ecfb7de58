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
        if document is not None and document.text == doc.text:
            blocks = list(document.blocks)
            meta = document.meta
        else:
            parsed = parse_text(doc.text)
            blocks = _align(parsed.blocks, parsed.text, doc.text)
            meta = {}
        doc._.kw_blocks = blocks
        group = []
        for b in blocks:
            span = doc.char_span(b.start, b.end, label=b.kind, alignment_mode="expand")
            if span is not None:
                group.append(span)
        doc.spans["kw_structure"] = SpanGroup(doc, name="kw_structure", spans=group)
        doc._.kw_title = find_title(doc.text, blocks, meta)
        return doc


def _align(blocks: list[Block], norm: str, text: str) -> list[Block]:
    """Map blocks of a normalised copy back onto the original text (loose Docs only)."""
    if norm == text:
        return blocks
    out, pos = [], 0
    for b in sorted(blocks, key=lambda b: b.start):
        first_line = norm[b.start:b.end].split("\n", 1)[0]
        i = text.find(first_line, pos if b.kind in {"article", "annex"} else max(0, pos - 2000))
        if i < 0:
            continue
        length = len(first_line) if b.kind not in {"article", "annex", "lid"} else None
        end = i + length if length else _find_end(text, norm[b.start:b.end], i)
        out.append(Block(b.kind, b.label, i, end))
        pos = i
    return out


def _find_end(text: str, block_text: str, start: int) -> int:
    last_line = block_text.rsplit("\n", 1)[-1]
    j = text.find(last_line, start)
    return j + len(last_line) if j >= 0 else start + len(block_text.split("\n", 1)[0])


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


CONTAINERS = ("article", "annex", "lid", "list_item", "definition")
LINE_KINDS = ("table_row", "definition", "list_item", "lid", "heading", "title", "paragraph")


def lines_with_context(text: str, blocks: list[Block]) -> list[Line]:
    """Sweep the lines and the (nested or disjoint) blocks once: O(lines + blocks)."""
    ordered = sorted(blocks, key=lambda b: (b.start, -b.end))
    out: list[Line] = []
    open_blocks: list[Block] = []
    k = 0
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        open_blocks = [b for b in open_blocks if b.end > start]
        starting = []
        while k < len(ordered) and ordered[k].start <= start:
            if ordered[k].end > start:
                starting.append(ordered[k])
            k += 1
        open_blocks.extend(starting)
        here = [b for b in open_blocks if b.start <= start < b.end]
        kind = next((kd for kd in LINE_KINDS for b in here if b.kind == kd and b.start == start), "paragraph")
        article = next((b for b in reversed(here) if b.kind == "article"), None)
        annex = next((b for b in reversed(here) if b.kind == "annex"), None)
        specific = [b for b in here if b.label and b.kind != "heading"]
        loc_block = min(specific, key=lambda b: b.end - b.start) if specific else None
        heading = ""
        if article is not None:
            first = text[article.start:article.end].split("\n", 1)[0]
            heading = first
        out.append(Line(start, end, kind, loc_block.label if loc_block else "",
                        article.label if article else "", heading, annex.label if annex else ""))
    return out


@Language.factory("kw_structure", default_config={})
def make_structure(nlp: Language, name: str) -> Structure:
    return Structure(nlp, name)
