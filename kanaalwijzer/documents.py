"""Document normaliser shared by harvest and extraction.

Turns raw bytes (Gemeenteblad / Provinciaal blad / BGR content XML, CVDR XML, HTML pages or
plain text) into one normalised text with structural blocks (articles, lids, list items,
definitions, annex table rows) so every later fact can point at "Artikel 2 lid 1" or
"Bijlage 1, rij 4". Never raises on bad input: problems are recorded in `Document.error`.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from .vocabulary import GAZETTES

log = logging.getLogger(__name__)

BLOCK_KINDS = ("title", "heading", "article", "lid", "list_item", "definition",
               "table_row", "annex", "paragraph")
FORMATS = ("gemeenteblad_xml", "cvdr_xml", "html", "text")

# Roots of the officiele-publicaties content XML (Gemeenteblad, Provinciaal blad, Waterschapsblad,
# Blad gemeenschappelijke regeling, Staatscourant) and of the standalone regeling XML.
OP_ROOTS = {"officiele-publicatie", "regeling", *(g.element for g in GAZETTES.values())}
# Elements whose subtree is not document text.
SKIP_XML = {"metadata", "meta", "colspec", "gebiedsmarkering", "geometrie", "enrichedData",
            "enriched", "tpmeta"}
MAX_DEPTH = 200  # deeper XML subtrees are flattened rather than walked (no recursion blow-up)
# libxml2 stops at 256 levels (and an HTML page silently loses what is deeper); huge_tree lets it
# go to 2048, so a deep document keeps its text and MAX_DEPTH, not the parser, bounds the walk.
# Entities stay unresolved and the network off, so this opens no entity-expansion attack.
XML_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": True}

_WS = re.compile(r"[^\S\n]+")  # whitespace except newline, incl. nbsp and narrow nbsp


@dataclass
class Block:
    kind: str    # one of BLOCK_KINDS
    label: str   # human location: "Artikel 2", "Artikel 2 lid 1", "Bijlage 1, rij 4"
    start: int   # character offsets into Document.text
    end: int


@dataclass
class Document:
    text: str
    blocks: list[Block]
    format: str
    meta: dict = field(default_factory=dict)
    error: str | None = None


def content_hash(text: str) -> str:
    """sha256 hex of the text with all whitespace runs (incl. non-breaking spaces) collapsed."""
    collapsed = " ".join(text.replace("\u200b", "").split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()


def clean_line(s: str) -> str:
    return _WS.sub(" ", s.replace("\u200b", "").replace("\ufeff", "")).strip()


# --------------------------------------------------------------------------------------------
# Output builder: lines of text plus blocks over them
# --------------------------------------------------------------------------------------------
class _Builder:
    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.line_starts: list[int] = []

    def line(self, s: str, kind: str | None = None, label: str = "", clean: bool = False) -> tuple[int, int] | None:
        if not clean:  # clean=True: the caller already passed the line through clean_line()
            s = clean_line(s)
        if not s:
            return None
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        self.line_starts.append(start)
        self.parts.append(s)
        self.pos += len(s)
        if kind:
            self.blocks.append(Block(kind, label, start, self.pos))
        return start, self.pos

    def open(self, kind: str, label: str) -> Block:
        """Start a block covering everything emitted until close(); start fixed at next line."""
        b = Block(kind, label, -1, -1)
        self.blocks.append(b)
        return b

    def close(self, b: Block, start_pos: int):
        # start_pos is the position before the first child line: the block starts at the first
        # line emitted since then (found by bisection: no re-joining of the text, stays linear)
        i = bisect.bisect_left(self.line_starts, start_pos)
        if i >= len(self.line_starts):
            self.blocks.remove(b)
            return
        b.start, b.end = self.line_starts[i], self.pos

    def document(self, fmt: str, meta: dict, error: str | None) -> Document:
        blocks = sorted(self.blocks, key=lambda b: (b.start, -b.end))
        return Document("".join(self.parts), blocks, fmt, meta, error)


# --------------------------------------------------------------------------------------------
# Sniffing and entry point
# --------------------------------------------------------------------------------------------
def parse_document(data: bytes, name: str = "") -> Document:
    """Normalise raw bytes into a Document; sniffs the format from the bytes and the name hint."""
    try:
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not data or not data.strip():
            return Document("", [], "text", {}, "leeg document: geen inhoud")
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        lname = name.lower()
        if head.startswith(b"<!doctype html") or head.startswith(b"<html") or (
                lname.endswith((".html", ".htm")) and head.startswith(b"<")):
            return _parse_html(data)
        if head.startswith(b"<?xml") or head.startswith(b"<") and not lname.endswith(".txt"):
            if b"<html" in head:  # also XHTML with an XML declaration
                return _parse_html(data)
            return _parse_xml(data)
        text, error = _decode(data)  # decoded once (a failed UTF-8 attempt is not cheap either)
        return _parse_text(text, "text", {}, error)
    except Exception as exc:  # last resort: bad input must never crash a run, but a bug of ours is logged
        log.exception("document %r niet te lezen", name)
        return Document("", [], "text", {}, f"onleesbaar document: {type(exc).__name__}: {exc}")


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        # Older municipal pages are often Windows-1252; decoding never fails with replacement.
        return data.decode("cp1252", errors="replace"), "tekst is geen geldige UTF-8; als Windows-1252 gelezen"


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1]


# --------------------------------------------------------------------------------------------
# XML (Gemeenteblad family and CVDR)
# --------------------------------------------------------------------------------------------
def _parse_xml(data: bytes) -> Document:
    error = None
    parser = etree.XMLParser(recover=False, **XML_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        rparser = etree.XMLParser(recover=True, **XML_PARSER_OPTIONS)
        try:
            root = etree.fromstring(data, rparser)
        except etree.XMLSyntaxError:
            root = None
        if root is not None and not any(t.strip() for t in root.itertext() if isinstance(t, str)):
            root = None  # nothing recovered (e.g. nested past the parser's limit): the text, untagged
        error = f"XML niet welgevormd ({exc}); " + (
            "tekst gedeeltelijk hersteld" if root is not None else "als platte tekst gelezen")
        if root is None:
            text, _ = _decode(data)
            stripped = re.sub(r"<[^>]*>", "\n", text)
            doc = _parse_text(stripped, "text", {}, None)
            doc.error = error
            return doc
    except ValueError as exc:  # e.g. unicode string with encoding declaration
        return Document("", [], "text", {}, f"onleesbare XML: {exc}")
    root_name = _local(root.tag)
    if root_name == "cvdr":
        fmt, meta = "cvdr_xml", _cvdr_meta(root)
    else:
        fmt, meta = "gemeenteblad_xml", _op_meta(root)
        if root_name not in OP_ROOTS:
            msg = f"onbekend XML-type <{root_name}>; tekst generiek gelezen"
            error = f"{error}; {msg}" if error else msg
    b = _Builder()
    _XmlWalker(b).walk(root, ctx={"article": "", "annex": "", "rows": 0, "depth": 0, "top": True})
    doc = b.document(fmt, meta, error)
    if not doc.text and root is not None:
        # an XML vocabulary we do not know: keep its text, one line per text node
        doc = _parse_text("\n".join(t for t in root.itertext() if isinstance(t, str)), fmt, meta, error)
    if doc.text and not any(bl.kind == "article" for bl in doc.blocks):
        # Many publications write "Artikel 1" inside <al> paragraphs: recover the structure
        # from the lines we produced, as for plain text.
        doc = _parse_text(doc.text, fmt, meta, error)
    if not doc.text and error is None:
        doc.error = "XML bevat geen tekst"
    return doc


def _cvdr_meta(root) -> dict:
    meta: dict = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if parent is None or _local(parent.tag) not in {"owmskern", "owmsmantel", "cvdripm"}:
            continue
        key, val = _local(el.tag), clean_line("".join(el.itertext()))
        if not val:
            continue
        if key == "source":
            meta.setdefault("source", []).append(val)
        else:
            meta.setdefault(key, val)
    return meta


def _op_meta(root) -> dict:
    meta: dict = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = _local(el.tag)
        if name == "meta" and el.get("name"):
            meta[el.get("name")] = el.get("content", "")
        elif name == "subtitel" and "subtitle" not in meta:
            meta["subtitle"] = clean_line("".join(el.itertext()))
        elif name in {"identifier", "title", "creator", "issued", "modified", "available"}:
            meta.setdefault(name, clean_line("".join(el.itertext())))
    return meta


def _text_of(el) -> str:
    return clean_line(" ".join(t for t in el.itertext() if isinstance(t, str)))


class _XmlWalker:
    """Walks the shared OP/CVDR element vocabulary: kop/label/nr/titel, artikel, lid/lidnr,
    lijst/li/li.nr, al, table/row/entry, bijlage, begrippenlijst/begrip."""

    def __init__(self, b: _Builder):
        self.b = b

    def kop_text(self, kop) -> str:
        parts = [_text_of(c) for c in kop if isinstance(c.tag, str)]
        return clean_line(" ".join(p for p in parts if p)) or _text_of(kop)

    def kop_label(self, kop, default: str) -> str:
        label = nr = ""
        for c in kop:
            n = _local(c.tag)
            if n == "label":
                label = _text_of(c)
            elif n == "nr":
                nr = _text_of(c).rstrip(".")
        if not label and nr:
            label = default
        return clean_line(f"{label} {nr}") if (label or nr) else ""

    def walk(self, el, ctx: dict):
        b = self.b
        name = _local(el.tag)
        if not name or name in SKIP_XML:
            return
        if ctx["depth"] > MAX_DEPTH:
            b.line(_text_of(el), "paragraph", ctx["article"] or ctx["annex"])
            return
        ctx = dict(ctx, depth=ctx["depth"] + 1)
        where = ctx["article"] or ctx["annex"]

        if name == "kop":
            kind = "heading"
            parent = el.getparent()
            pname = _local(parent.tag) if parent is not None else ""
            if pname in OP_ROOTS - {"officiele-publicatie", "regeling"} or pname == "regeling" and not ctx["article"]:
                kind = "title"
            elif ctx.get("top") and pname == "officiele-publicatie":
                kind = "paragraph"  # blad masthead: "GEMEENTEBLAD / Officiële uitgave van ..."
            b.line(self.kop_text(el), kind, where)
            return
        if name in {"intitule", "citeertitel"}:
            b.line(_text_of(el), "title", "")
            return
        if name in {"artikel", "bijlage", "lid", "li", "begrip", "row"}:
            self.structural(el, name, ctx)
            return
        if name in {"al", "al-groep", "tussenkop", "entry", "term", "definitie"} and not any(
                _local(c.tag) in {"lijst", "table", "al"} for c in el):
            b.line(_text_of(el), "paragraph", where)
            return
        self.children(el, ctx)

    def children(self, el, ctx):
        for c in el:
            if isinstance(c.tag, str):
                self.walk(c, ctx)

    def structural(self, el, name: str, ctx: dict):
        b = self.b
        if name == "row":
            cells = [_text_of(c) for c in el if _local(c.tag) == "entry"]
            if not any(cells):
                return
            base = ctx["annex"] or ctx["article"] or "Tabel"
            parent = el.getparent()
            if parent is not None and _local(parent.tag) == "thead":
                b.line(" | ".join(cells), "table_row", f"{base}, kop")  # header: not a numbered row
                return
            ctx_rows = ctx.setdefault("rowcounter", [0])
            ctx_rows[0] += 1
            b.line(" | ".join(cells), "table_row", f"{base}, rij {ctx_rows[0]}")
            return
        start = b.pos
        if name == "artikel":
            kop = next((c for c in el if _local(c.tag) == "kop"), None)
            label = self.kop_label(kop, "Artikel") if kop is not None else ""
            if label and not label.lower().startswith("artikel"):
                label = f"Artikel {label}"
            label = label or "Artikel"
            blk = b.open("article", label)
            self.children(el, dict(ctx, article=label, rowcounter=[0]))
        elif name == "bijlage":
            kop = next((c for c in el if _local(c.tag) == "kop"), None)
            label = self.kop_label(kop, "Bijlage") if kop is not None else ""
            label = label or "Bijlage"
            if not label.lower().startswith("bijlage"):
                label = f"Bijlage {label}"
            blk = b.open("annex", label)
            self.children(el, dict(ctx, annex=label, article="", rowcounter=[0]))
        elif name == "lid":
            nr = next((_text_of(c).rstrip(".") for c in el if _local(c.tag) == "lidnr"), "")
            label = clean_line(f"{ctx['article']} lid {nr}") if nr else (ctx["article"] or "lid")
            blk = b.open("lid", label)
            self.numbered(el, "lidnr", dict(ctx, article=label))
        elif name == "begrip":
            blk = b.open("definition", ctx["article"] or "begrip")
            parts = [_text_of(c) for c in el if _local(c.tag) in {"term", "definitie"}]
            b.line(": ".join(p for p in parts if p), None)
        else:  # li
            nr = next((_text_of(c) for c in el if _local(c.tag) == "li.nr"), "")
            base = ctx["article"] or ctx["annex"]
            nr_clean = nr.rstrip(".):")
            label = clean_line(f"{base} onder {nr_clean}") if nr_clean and nr_clean not in "-•*–" and base else base
            blk = b.open("list_item", label)
            self.numbered(el, "li.nr", dict(ctx, article=label if ctx["article"] else ""))
        b.close(blk, start)

    def numbered(self, el, nr_tag: str, ctx: dict):
        """Emit the number and the first paragraph on one line ("1. Voor berichten ...")."""
        nr = ""
        first = True
        for c in el:
            n = _local(c.tag)
            if n == nr_tag:
                nr = _text_of(c)
            elif n == "al" and first and nr:
                self.b.line(f"{nr} {_text_of(c)}", "paragraph", ctx["article"] or ctx["annex"])
                first = False
            elif isinstance(c.tag, str):
                if first and nr:
                    self.b.line(nr)
                    first = False
                self.walk(c, ctx)
        if first and nr:
            self.b.line(nr)


# --------------------------------------------------------------------------------------------
# HTML: to lines (tables as " | " rows), then the plain-text structurer
# --------------------------------------------------------------------------------------------
HTML_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "button",
             "select", "input", "svg", "template", "iframe"}
HTML_BLOCK = {"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr",
              "table", "section", "article", "main", "blockquote", "pre", "ul", "ol", "dl",
              "caption", "figcaption", "address", "hr", "title"}


def _parse_html(data: bytes) -> Document:
    error = None
    try:
        root = lxml_html.document_fromstring(data, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        text, _ = _decode(data)
        doc = _parse_text(re.sub(r"<[^>]*>", "\n", text), "html", {}, None)
        doc.error = f"HTML onleesbaar ({exc}); als platte tekst gelezen"
        return doc
    meta = {}
    for m in root.iter("meta"):
        if m.get("name") and m.get("content") is not None:
            meta.setdefault(m.get("name"), m.get("content"))
    title_el = root.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        # "Besluit X | Gemeenteblad": the site name after the bar is not part of the title
        meta.setdefault("title", re.split(r"\s[|–]\s", clean_line(title_el.text_content()))[0])
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        s = clean_line("".join(buf))
        if s:
            lines.append(s)
        buf.clear()

    def walk(el, depth=0):
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag.lower() in HTML_SKIP or tag.lower() == "head":
            if el.tail:
                buf.append(el.tail)
            return
        tag = tag.lower()
        if tag == "tr":
            flush()
            cell_els = [c for c in el if isinstance(c.tag, str) and c.tag.lower() in {"td", "th"}]
            cells = [clean_line(c.text_content()) for c in cell_els]
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
                if all(c.tag.lower() == "th" for c in cell_els):
                    lines.append("|---|")  # header row, as in Markdown tables
        elif depth > MAX_DEPTH:
            buf.append(el.text_content())
        else:
            if tag in HTML_BLOCK:
                flush()
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                buf.append("\x00H")  # heading marker, resolved below
            if el.text:
                buf.append(el.text)
            for c in el:
                walk(c, depth + 1)
            if tag in HTML_BLOCK:
                flush()
        if el.tail:
            buf.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    headings = {i for i, line in enumerate(lines) if line.startswith("\x00H")}
    lines = [line.replace("\x00H", "").strip() for line in lines]
    doc = _parse_text("\n".join(lines), "html", meta, error, heading_lines=headings)
    if not doc.text:
        doc.error = "HTML bevat geen tekst"
    return doc


# --------------------------------------------------------------------------------------------
# Plain text (also the target of HTML): recover structure from layout
# --------------------------------------------------------------------------------------------
ARTICLE_RE = re.compile(r"^(?:artikel|art\.)\s+([0-9]+[a-z]?(?:[.:][0-9]+[a-z]?)*|[IVXLC]+)\b\.?\s*(.*)$", re.I)
ANNEX_RE = re.compile(r"^bijlage\s*([0-9]+|[IVXLC]+|[A-Z])?\b\.?\s*(.*)$", re.I)
ANNEX_OF_RE = re.compile(r"(?:behorende\s+|horende\s+)?bij\s+(?:artikel|het\s+besluit|dit\s+besluit|de\s+regeling)\b", re.I)  # "Bijlage bij artikel 1"
HEADING_RE = re.compile(r"^(hoofdstuk|paragraaf|afdeling|titel|§)\s*[0-9IVXLC]+", re.I)
LID_RE = re.compile(r"^([0-9]{1,2})[.)]?\s+(\S.*)$")
ITEM_RE = re.compile(r"^(?:[•·\-–*]\s*)?([a-z]{1,2}|[ivx]{1,4}|[0-9]{1,2}°)[.)]\s+(\S.*)$")
BULLET_RE = re.compile(r"^[•·\-–*▪◦]\s*(\S.*)$")
MARKER_ONLY_RE = re.compile(r"^(?:[•·\-–*▪◦]\s*)?((?:[a-z]{1,2}|[ivx]{1,4}|[0-9]{1,2})[.)]|[•·\-–*▪◦])$")
BULLET_BEFORE_MARKER_RE = re.compile(r"^[•·▪◦]\s*(?=(?:[a-z]{1,2}|[ivx]{1,4}|[0-9]{1,2})[.)]\s)")
SEPARATOR_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
DEFINITION_RE = re.compile(r"^(?:[a-z0-9]{1,2}[.)]\s+)?([^:;]{2,60}?)\s*[:;]\s+\S")
# Markdown renderings of national regulations (the BWB as markdown): "##Title", "### Artikel  2",
# sections numbered without the word Artikel ("### 1.1" then "####Inleiding"), [text](link), *emphasis*
MD_HEADING = re.compile(r"^#{1,6}\s*(.*?)\s*$")
MD_META = re.compile(r"^<meta\b[^>]*>$", re.I)
MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
MD_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=[^\s*])([^*\n]*?[^\s*])\*{1,2}(?![\w*])")
MD_NUMBERED = re.compile(r"^(?:(?:artikel|hoofdstuk|afdeling|paragraaf|titel|bijlage)\s*|§\s*)?"
                         r"(?:[0-9]+[a-z]?(?:[.:][0-9]+[a-z]?)*|[IVXLC]+)\.?$", re.I)
SECTION_RE = re.compile(r"^([0-9]+[a-z]?(?:\.[0-9]+[a-z]?)*)\.?(?:\s+(.*))?$")


def _is_markdown(raw: str) -> bool:
    head = raw.lstrip()[:200].lower()
    return head.startswith("<meta http-equiv") or len(re.findall(r"^#{2,6}\s*\S", raw[:20000], re.M)) >= 2


def _markdown_lines(raw_lines: list[str]) -> tuple[list[str], set[int], set[int], str | None]:
    """Plain lines from Markdown: heading marks become heading hints, a bare number heading is merged
    with the heading text under it ("### 1" + "####Inleiding" -> "1 Inleiding", a section), links keep
    their text. Returns (lines, heading line indexes, section line indexes, the "##" title)."""
    out: list[str] = []
    headings: set[int] = set()
    sections: set[int] = set()
    title = None
    for line in raw_lines:
        s = clean_line(line)
        if not s or MD_META.match(s):
            continue
        if "](" in s:
            s = MD_LINK.sub(r"\1", s)
        if "*" in s:
            s = MD_EMPHASIS.sub(r"\1", s)
        m = MD_HEADING.match(s) if s.startswith("#") else None
        if m is None:
            out.append(s)
            continue
        text = clean_line(m.group(1))
        if not text:
            continue
        if title is None and not out and s.startswith("##") and not s.startswith("###"):
            title = text
        prev = len(out) - 1
        if (prev in headings and MD_NUMBERED.match(out[prev]) and not MD_NUMBERED.match(text)
                and prev == max(headings)):
            out[prev] = f"{out[prev]} {text}"  # "Artikel 1" + "Definities", "1" + "Inleiding"
            continue
        out.append(text)
        headings.add(len(out) - 1)
        if SECTION_RE.match(text) and not text[:1].isalpha():
            sections.add(len(out) - 1)
    return out, headings, sections, title


def _parse_text(raw: str, fmt: str, meta: dict, error: str | None,
                heading_lines: set[int] | None = None) -> Document:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    raw_lines = raw.split("\n")
    section_hints: set[int] = set()
    if fmt == "text" and heading_lines is None and _is_markdown(raw):
        raw_lines, heading_lines, section_hints, md_title = _markdown_lines(raw_lines)
        if md_title:
            meta = {**meta, "title": md_title}
    lines: list[tuple[str, bool]] = []  # (clean line, is_heading_hint)
    header_rows: set[int] = set()       # indexes into lines of table header rows
    sections: set[int] = set()          # indexes into lines of numbered sections (no "Artikel")
    pending_marker = ""
    for i, line in enumerate(raw_lines):
        s = clean_line(line)
        if s and SEPARATOR_RE.match(s):
            if lines and (lines[-1][0].startswith("|") or " | " in lines[-1][0]):
                header_rows.add(len(lines) - 1)  # Markdown: the row above "|---|" is a header
            continue
        if not s:
            continue
        m = MARKER_ONLY_RE.match(s)
        if m:  # CVDR layout: the list marker stands alone on its line, the text follows
            marker = m.group(1)
            pending_marker = "" if marker in "•·-–*▪◦" else marker
            continue
        s = BULLET_BEFORE_MARKER_RE.sub("", s)  # "• 1. tekst" -> "1. tekst"
        if pending_marker:
            s = f"{pending_marker} {s}"
            pending_marker = ""
        if i in section_hints:
            sections.add(len(lines))
        lines.append((s, bool(heading_lines and i in heading_lines)))

    b = _Builder()  # the lines above are clean_line()d already: b.line(..., clean=True) skips redoing it
    article = annex = ""
    art_blk = annex_blk = lid_blk = None
    art_start = annex_start = lid_start = 0
    in_definitions = False
    rows = 0

    def close_lid():
        nonlocal lid_blk
        if lid_blk is not None:
            b.close(lid_blk, lid_start)
            lid_blk = None

    def close_article():
        nonlocal art_blk, article
        close_lid()
        if art_blk is not None:
            b.close(art_blk, art_start)
            art_blk = None
        article = ""

    for idx, (s, is_heading) in enumerate(lines):
        low = s.lower()
        first = low[:1]  # headings start with a/b: skip their patterns for other lines
        am = ARTICLE_RE.match(s) if first == "a" else None
        xm = ANNEX_RE.match(s) if first == "b" else None
        label = f"Artikel {am.group(1)}" if am and not _continues_sentence(am.group(2)) else None
        if label is None and idx in sections:  # "1.1 Gebruikte afkortingen": a section of a national text
            label = f"Onderdeel {SECTION_RE.match(s).group(1)}"
        if label:
            close_article()
            article = label
            art_start = b.pos
            art_blk = b.open("article", article)
            in_definitions = bool(re.search(r"begrip|definitie", low[:80]))
            # a long line is heading and text glued together (broken layouts): keep it as text
            b.line(s, "heading" if len(s) < 160 else "paragraph", article, clean=True)
            continue
        if xm and len(s) < 160 and (xm.group(1) or not xm.group(2) or ANNEX_OF_RE.match(xm.group(2))) \
                and not _continues_sentence(xm.group(2)):
            close_article()
            if annex_blk is not None:
                b.close(annex_blk, annex_start)
            annex = f"Bijlage {xm.group(1)}" if xm.group(1) else "Bijlage"
            annex_start = b.pos
            annex_blk = b.open("annex", annex)
            rows = 0
            b.line(s, "heading", annex, clean=True)
            in_definitions = False
            continue
        where = article or annex
        if s.startswith("|") or (" | " in s and _pipe_row(s, rows)):
            cells = [c.strip() for c in s.strip("|").split("|")]
            if idx in header_rows:
                label = f"{where or 'Tabel'}, kop"
            else:
                rows += 1
                label = f"{where}, rij {rows}" if where else f"Tabel, rij {rows}"
            b.line(" | ".join(cells), "table_row", label)
            continue
        if is_heading or (HEADING_RE.match(s) and len(s) < 120):
            close_lid()
            b.line(s, "heading", where, clean=True)
            continue
        if article:
            if re.search(r"wordt verstaan onder|verstaat onder|in (?:dit|deze) \w+ wordt verstaan", low):
                in_definitions = True
            lm = LID_RE.match(s)
            im = ITEM_RE.match(s)
            if in_definitions and DEFINITION_RE.match(s):
                b.line(s, "definition", f"{lid_blk.label if lid_blk else article}", clean=True)
                continue
            if lm:
                close_lid()
                lid_start = b.pos
                lid_blk = b.open("lid", f"{article} lid {lm.group(1)}")
                b.line(s, "paragraph", f"{article} lid {lm.group(1)}", clean=True)
                continue
            if im or BULLET_RE.match(s):
                base = lid_blk.label if lid_blk else article
                label = f"{base} onder {im.group(1)}" if im else base
                b.line(s, "list_item", label, clean=True)
                continue
            b.line(s, "paragraph", lid_blk.label if lid_blk else article, clean=True)
            continue
        if not article and not annex and idx == 0 and len(s) < 250 and fmt != "html":
            b.line(s, "title", "", clean=True)
            continue
        if not article and not annex:
            # web layouts lose the "Artikel 1" line: definitions then follow "verstaan onder"
            if re.search(r"verstaan onder|verstaat onder", low):
                in_definitions = True
            elif in_definitions and DEFINITION_RE.match(s):
                b.line(s, "definition", "begripsbepalingen", clean=True)
                continue
        b.line(s, "paragraph", where, clean=True)
    close_article()
    if annex_blk is not None:
        b.close(annex_blk, annex_start)
    return b.document(fmt, meta, error)


def _pipe_row(s: str, rows_so_far: int) -> bool:
    """A flattened table row without a leading pipe ("Bezwaar | webformulier | DigiD"), not a sentence that
    quotes a page title ("... op de pagina 'Contact | Gemeente Tilburg' (www.tilburg.nl/contact).")."""
    sentence = s.rstrip().endswith((".", ";", ":", ",")) and len(s.split()) > 8
    return not sentence and (s.count(" | ") >= 2 or rows_so_far > 0)


def _continues_sentence(rest: str) -> bool:
    """'Artikel 2 van de wet ...' in running text is a reference, not a heading."""
    return bool(re.match(r"^(?:,|van\b|lid\b|tweede|eerste|derde|vierde|vijfde|zesde|onder\b|en\b|of\b|is\b|wordt\b|bepaalt\b|als\b)", rest.strip(), re.I))



def parse_text(text: str) -> Document:
    """Structure for text that is already a string (a spaCy Doc's text, a pasted fragment)."""
    try:
        return _parse_text(text, "text", {}, None)
    except Exception as exc:  # as parse_document: never raise, but log the bug
        log.exception("tekst niet te structureren")
        return Document("", [], "text", {}, f"onleesbare tekst: {type(exc).__name__}: {exc}")
