"""SRU answers of KOOP's two services, read namespace-agnostically with lxml.

repository.overheid.nl answers SRU 2.0 with prefixed namespaces, zoekservice answers SRU 1.2
with default namespaces, and saved copies sometimes have none at all; every lookup here uses
`{*}` wildcards so all three read the same. Paging follows `nextRecordPosition` only:
`numberOfRecords` is an estimate (resultCountPrecision .../estimate) and is only reported.

Also here: the CQL the spiders send (one place for the query language) and page URLs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from lxml import etree

from kanaalwijzer.vocabulary import CVDR, OP

# Words and phrases that find designation decisions (Awb 2:13 lid 2, Wmebv) with high recall.
# Deliberately broad: pre-Wmebv decisions ("elektronische weg", Awb 2:15) and other
# aanwijzingsbesluiten come along and are sorted out by the classifier, never by the harvest.
TARGET_TERMS = (
    "aanwijzingsbesluit", "aanwijzing", "elektronische kanalen", "elektronisch kanaal",
    "digitale kanalen", "digitaal kanaal", "elektronisch verkeer", "elektronisch bestuurlijk verkeer",
    "berichtenverkeer", "elektronische weg", "2:13", "2:15", "Wmebv",
)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class SruError(Exception):
    """A page we cannot use: not XML, not an SRU answer, or a <diagnostics> answer."""


@dataclass
class SruPage:
    number_of_records: int | None          # the service's claim (an estimate)
    next_position: int | None              # where the next page starts; None = last page
    records: list = field(default_factory=list)   # the record elements
    diagnostics: list[str] = field(default_factory=list)


def parse_page(body: bytes) -> SruPage:
    """Read one searchRetrieve answer. Raises SruError when it is not one."""
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as error:
        raise SruError(f"SRU-antwoord is geen XML: {error}") from error
    if etree.QName(root).localname != "searchRetrieveResponse":
        raise SruError(f"geen SRU searchRetrieveResponse maar <{etree.QName(root).localname}>")
    diagnostics = [
        " ".join(filter(None, [_text(d, "{*}uri"), _text(d, "{*}message"), _text(d, "{*}details")]))
        for d in root.iterfind("{*}diagnostics/{*}diagnostic")
    ]
    return SruPage(
        number_of_records=_int(_text(root, "{*}numberOfRecords")),
        next_position=_int(_text(root, "{*}nextRecordPosition")),
        records=root.findall("{*}records/{*}record"),
        diagnostics=diagnostics,
    )


# ---- records ------------------------------------------------------------------------------

def op_record(record) -> dict:
    """The fields of an officielepublicaties gzd record (Gemeenteblad and the other blads)."""
    gzd = _gzd(record)
    meta = gzd.find("{*}originalData/{*}meta")
    kern, mantel, tp = (meta.find(f"{{*}}{part}") for part in ("owmskern", "owmsmantel", "tpmeta"))
    enriched = gzd.find("{*}enrichedData")
    items = {el.get("manifestation"): (el.text or "").strip() for el in enriched.iterfind("{*}itemUrl")}
    pub_id = _text(kern, "{*}identifier")
    if not pub_id:
        raise SruError("record zonder dcterms:identifier")
    return {
        "id": pub_id,
        "source": OP,
        "publication_name": _text(tp, "{*}publicatienaam"),
        "title": _text(kern, "{*}title"),
        "body_name": _text(kern, "{*}creator"),
        "organisatietype": _text(tp, "{*}organisatietype"),
        "rubriek": _scheme_text(kern, "{*}type", "Rubriek"),
        "published": _date(_text(mantel, "{*}available")),
        "modified": _date(_text(kern, "{*}modified")),
        "issued": _date(_text(mantel, "{*}issued")),
        "url_official": _text(enriched, "{*}preferredUrl"),
        "url_xml": items.get("xml"),
        "url_metadata": items.get("metadata"),
        "meta": _compact({
            "betreft_regeling": _text(tp, "{*}betreftRegeling"),
            "subject": _text(mantel, "{*}subject"),
            "jaargang": _text(tp, "{*}jaargang"),
            "publicatienummer": _text(tp, "{*}publicatienummer"),
            "url_pdf": items.get("pdf"),
            "url_html": items.get("html"),
        }),
    }


def cvdr_record(record) -> dict:
    """The fields of a CVDR gzd record: one version (expression) of a regulation."""
    gzd = _gzd(record)
    meta = gzd.find("{*}originalData/{*}meta")
    kern, mantel, ipm = (meta.find(f"{{*}}{part}") for part in ("owmskern", "owmsmantel", "cvdripm"))
    enriched = gzd.find("{*}enrichedData")
    pub_id = _text(kern, "{*}identifier")
    if not pub_id:
        raise SruError("record zonder dcterms:identifier")
    work_id, _, version = pub_id.rpartition("_")
    issued = _date(_text(mantel, "{*}issued"))
    return {
        "id": pub_id,
        "source": CVDR,
        "publication_name": "CVDR",
        "work_id": work_id or pub_id,
        "work_version": int(version) if version.isdigit() else None,
        "title": _text(kern, "{*}title"),
        "body_name": _text(kern, "{*}creator"),
        "organisatietype": _text(enriched, "{*}organisatietype"),
        "rubriek": _scheme_text(kern, "{*}type", "Rubriek"),
        "published": issued,
        "modified": _date(_text(kern, "{*}modified")),
        "issued": issued,
        "valid_from": _date(_text(ipm, "{*}inwerkingtredingDatum")),
        "valid_to": _date(_text(ipm, "{*}uitwerkingtredingDatum")),
        "url_official": _text(enriched, "{*}preferred_url"),
        "url_xml": _text(enriched, "{*}publicatieurl_xml"),
        "url_metadata": None,
        "is_format_of": _gazette_id(mantel),
        "meta": _compact({
            "betreft": _text(ipm, "{*}betreft"),
            "is_ratified_by": _text(mantel, "{*}isRatifiedBy"),
            "url_html": _text(enriched, "{*}publicatieurl_xhtml"),
        }),
    }


def record_fields(source: str, record) -> dict:
    return cvdr_record(record) if source == CVDR else op_record(record)


def record_bytes(record) -> bytes:
    """The record's gzd content as bytes (without its position on the page), for keeping raw."""
    return etree.tostring(_gzd(record), encoding="utf-8")


def parse_metadata_xml(body: bytes) -> dict[str, str]:
    """metadata.xml of an OP item: the flat <metadata name=.. content=..> list as a dict."""
    root = etree.fromstring(body, _PARSER)
    found: dict[str, str] = {}
    for el in root.iter("{*}metadata"):
        name, content = el.get("name"), el.get("content")
        if name and content is not None:
            key = f"{name}[{el.get('scheme')}]" if name in found or name == "DC.type" else name
            found.setdefault(key, content)
    return found


# ---- queries and URLs ---------------------------------------------------------------------

def _quote(term: str) -> str:
    return '"' + term.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_query(source: str, start: date, end: date, *, mode: str = "targeted",
                publication_names: tuple[str, ...] = ("Gemeenteblad",), bodies: tuple[str, ...] = ()) -> str:
    """The CQL for one date window. CQL booleans have equal precedence, so every OR group is
    parenthesised. Both windows select on the modification date: it covers new publications and
    corrected ones, which is what an incremental harvest needs. `bodies`: the name forms of one
    body (creator values vary: 'Den Haag', "'s-Gravenhage"), OR-ed."""
    if source == OP:
        names = " or ".join(f"w.publicatienaam=={_quote(n)}" for n in publication_names)
        clauses = ['c.product-area=="officielepublicaties"', f"({names})",
                   f'dt.modified>="{start.isoformat()}"', f'dt.modified<="{end.isoformat()}"']
        if bodies:
            clauses.append("(" + " or ".join(f"dt.creator=={_quote(b)}" for b in bodies) + ")")
        text_index = "cql.textAndIndexes"
    else:
        clauses = [f'dcterms.modified>="{start.isoformat()}"', f'dcterms.modified<="{end.isoformat()}"']
        if bodies:
            clauses.append("(" + " or ".join(f"dcterms.creator=={_quote(b)}" for b in bodies) + ")")
        text_index = "keyword"
    if mode == "targeted":
        clauses.append("(" + " or ".join(f"{text_index}={_quote(t)}" for t in TARGET_TERMS) + ")")
    elif mode != "sweep":
        raise ValueError(f"unknown mode {mode!r}: targeted or sweep")
    return " and ".join(clauses)


def work_query(work_id: str) -> str:
    """Every version (expression) of one CVDR work."""
    return f"workid=={_quote(work_id)}"


def page_url(source: str, base_url: str, query: str, start_record: int, page_size: int) -> str:
    params = {"operation": "searchRetrieve", "version": "2.0" if source == OP else "1.2", "query": query,
              "startRecord": start_record, "maximumRecords": page_size}
    if source == OP:
        params["recordSchema"] = "gzd"
    else:
        params["x-connection"] = "cvdr"   # zoekservice rejects a recordSchema parameter; records are gzd anyway
    return f"{base_url}?{urlencode(params)}"


# ---- helpers ------------------------------------------------------------------------------

def _gzd(record):
    gzd = record.find("{*}recordData/{*}gzd")
    if gzd is None:
        raise SruError("record zonder recordData/gzd")
    return gzd


def _text(el, path: str) -> str | None:
    if el is None:
        return None
    found = el.find(path)
    if found is None:
        return None
    value = " ".join("".join(found.itertext()).split())
    return value or None


def _scheme_text(el, path: str, scheme_word: str) -> str | None:
    """The value of the element whose @scheme names `scheme_word` (dcterms:type comes twice in CVDR)."""
    if el is None:
        return None
    candidates = el.findall(path)
    for found in candidates:
        if scheme_word.lower() in (found.get("scheme") or "").lower():
            return " ".join("".join(found.itertext()).split()) or None
    return None


def _gazette_id(mantel) -> str | None:
    """isFormatOf holds the gazette id as text, its URL in @resourceIdentifier; accept either."""
    if mantel is None:
        return None
    el = mantel.find("{*}isFormatOf")
    if el is None:
        return None
    value = (el.text or "").strip() or (el.get("resourceIdentifier") or "")
    value = value.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"\.html?$", "", value) or None


def _date(value: str | None) -> str | None:
    """ISO date from an ISO date or timestamp; None when there is no date (never a guess)."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    return m.group(0) if m else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _compact(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "")}
