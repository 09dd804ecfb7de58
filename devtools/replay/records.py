"""SRU responses and per-publication files, shaped like KOOP's real ones.

OP (repository.overheid.nl/sru): SRU 2.0, recordSchema gzd, prefixed namespaces as in the real
`sru_op_response_v2.0_*` samples. CVDR (zoekservice.overheid.nl/sru/Search?x-connection=cvdr):
SRU 1.2 with unprefixed SRU elements and a gzd record whose enrichedData carries
publicatieurl_xml / publicatieurl_xhtml / preferred_url. All URLs point back at the replay server.
"""
from __future__ import annotations

from html import escape as html_escape
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from .corpus import CVDR, CorpusItem

SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
SRU12 = "http://www.loc.gov/zing/srw/"
GZD_SCHEMA = "http://standaarden.overheid.nl/sru/"
OP_NAMESPACES = (
    'xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:cd="http://standaarden.overheid.nl/cup/data" xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" '
    'xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic" '
    'xmlns:facet="http://docs.oasis-open.org/ns/search-ws/facetedResults" xmlns:c="http://standaarden.overheid.nl/collectie/"'
)
CVDR_GZD_NAMESPACES = (
    'xmlns="http://standaarden.overheid.nl/sru" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" '
    'xmlns:overheidrg="http://standaarden.overheid.nl/cvdr/meta/"'
)
_SCHEME = {"gemeente": "Gemeente", "provincie": "Provincie", "waterschap": "Waterschap",
           "regionaal samenwerkingsorgaan": "RegionaalSamenwerkingsorgaan"}


def _e(value) -> str:
    return escape(str(value))


# ---- URLs ------------------------------------------------------------------------------

def urls(item: CorpusItem, base: str) -> dict[str, str]:
    """Manifestation URLs of an item on the replay server (the real services' path shapes)."""
    if item.source == CVDR:
        root = f"{base}/cvdr/{item.work_id}/{item.version}"
        return {"xml": f"{root}/xml/{item.id}.xml", "html": f"{root}/html/{item.id}.html",
                "preferred": f"{base}/lokaleregelgeving/{item.work_id}/{item.version}"}
    root = f"{base}/frbr/officielepublicaties/{item.prefix}/{item.year}/{item.id}/1"
    return {"html": f"{root}/html/{item.id}.html", "metadata": f"{root}/metadata/metadata.xml",
            "metadataowms": f"{root}/metadataowms/metadata_owms.xml", "xml": f"{root}/xml/{item.id}.xml",
            "preferred": f"{base}/zoek/{item.id}.html"}


# ---- records (pre-rendered once per item; the position is filled in per response) -------

def op_record(item: CorpusItem, base: str) -> tuple[str, str]:
    """The `sru:record` of an OP item, split around its recordPosition value."""
    m, u = item.meta, urls(item, base)
    scheme = f"OVERHEID.{_SCHEME.get(m['organisatietype'], 'Gemeente')}"
    mantel = [f"<dcterms:available>{_e(m['available'])}</dcterms:available>",
              f"<dcterms:date>{_e(m.get('issued') or m['available'])}</dcterms:date>",
              f'<dcterms:hasVersion resourceIdentifier={quoteattr(u["preferred"])}>1</dcterms:hasVersion>']
    if m.get("issued"):
        mantel.append(f"<dcterms:issued>{_e(m['issued'])}</dcterms:issued>")
    if m.get("subject"):
        mantel.append(f'<dcterms:subject scheme="OVERHEID.TaxonomieBeleidsagendaDecentraal">{_e(m["subject"])}</dcterms:subject>')
    mantel.append(f'<dcterms:publisher scheme="{scheme}">{_e(m["creator"])}</dcterms:publisher>')
    tp = ["<c:product-area>officielepublicaties</c:product-area>",
          f"<c:content-area>officielepublicaties/{item.prefix}/{item.year}</c:content-area>",
          f"<overheidwetgeving:jaargang>{item.year}</overheidwetgeving:jaargang>",
          f'<overheidwetgeving:organisatietype scheme="OVERHEID.Organisatietype">{_e(m["organisatietype"])}</overheidwetgeving:organisatietype>',
          f"<overheidwetgeving:publicatienummer>{item.id.split('-')[-1]}</overheidwetgeving:publicatienummer>",
          f"<overheidwetgeving:publicatienaam>{_e(m['publicatienaam'])}</overheidwetgeving:publicatienaam>"]
    if m.get("betreft_regeling"):
        tp.append(f"<overheidwetgeving:betreftRegeling>{_e(m['betreft_regeling'])}</overheidwetgeving:betreftRegeling>")
    tp.append(f"<cd:datumTijdstipWijzigingWork>{m['modified']}T09:00:00+01:00</cd:datumTijdstipWijzigingWork>")
    tp.append(f"<cd:datumTijdstipWijzigingExpression>{m['modified']}T09:00:00+01:00</cd:datumTijdstipWijzigingExpression>")
    items = "".join(f'<gzd:itemUrl manifestation="{k}">{_e(u[k])}</gzd:itemUrl>'
                    for k in ("html", "metadata", "metadataowms", "xml"))
    head = (
        "<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>"
        "<sru:recordPacking>xml</sru:recordPacking><sru:recordData><gzd:gzd><gzd:originalData>"
        "<overheidwetgeving:meta><overheidwetgeving:owmskern>"
        f"<dcterms:identifier>{_e(item.id)}</dcterms:identifier><dcterms:title>{_e(m['title'])}</dcterms:title>"
        "<dcterms:language>nl</dcterms:language>"
        f'<dcterms:type scheme="OVERHEIDop.Rubriek">{_e(m["rubriek"])}</dcterms:type>'
        f'<dcterms:creator scheme="{scheme}">{_e(m["creator"])}</dcterms:creator>'
        f"<dcterms:modified>{_e(m['modified'])}</dcterms:modified>"
        f'<overheid:authority xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" scheme="{scheme}">{_e(m["creator"])}</overheid:authority>'
        "</overheidwetgeving:owmskern><overheidwetgeving:owmsmantel>" + "".join(mantel) +
        "</overheidwetgeving:owmsmantel><overheidwetgeving:tpmeta>" + "".join(tp) +
        "</overheidwetgeving:tpmeta></overheidwetgeving:meta></gzd:originalData><gzd:enrichedData>"
        f"<gzd:url>{_e(u['xml'])}</gzd:url><gzd:preferredUrl>{_e(u['preferred'])}</gzd:preferredUrl>{items}"
        f"<gzd:timestamp>{m['modified']}T10:00:00+01:00</gzd:timestamp></gzd:enrichedData></gzd:gzd>"
        "</sru:recordData><sru:recordPosition>"
    )
    return head, "</sru:recordPosition></sru:record>"


def cvdr_meta_xml(item: CorpusItem) -> str:
    """owmskern/owmsmantel/cvdripm of a CVDR item (used in the SRU record)."""
    m = item.meta
    scheme = f"overheid:{_SCHEME.get(m['organisatietype'].lower(), 'Gemeente')}"
    kern = (f"<owmskern><dcterms:identifier>{_e(item.id)}</dcterms:identifier><dcterms:title>{_e(m['title'])}</dcterms:title>"
            '<dcterms:language>nl</dcterms:language><dcterms:type scheme="overheid:Informatietype">regeling</dcterms:type>'
            f'<dcterms:type scheme="overheidop:Rubriek">{_e(m["rubriek"])}</dcterms:type>'
            f'<dcterms:creator scheme="{scheme}">{_e(m["creator"])}</dcterms:creator>'
            f"<dcterms:modified>{_e(m['modified'])}</dcterms:modified></owmskern>")
    mantel = ["<owmsmantel>"]
    if m.get("is_format_of"):
        ref = f"https://zoek.officielebekendmakingen.nl/{m['is_format_of']}"
        mantel.append(f"<dcterms:isFormatOf resourceIdentifier={quoteattr(ref)}>{_e(m['is_format_of'])}</dcterms:isFormatOf>")
    mantel.append(f"<dcterms:alternative>{_e(m['title'])}</dcterms:alternative>")
    if m.get("is_ratified_by"):
        mantel.append(f'<overheid:isRatifiedBy scheme="overheid:Bestuursorgaan{_SCHEME.get(m["organisatietype"].lower(), "Gemeente")}">'
                      f"{_e(m['is_ratified_by'])}</overheid:isRatifiedBy>")
    if m.get("issued"):
        mantel.append(f"<dcterms:issued>{_e(m['issued'])}</dcterms:issued>")
    mantel.append("</owmsmantel>")
    ipm = ["<cvdripm>"]
    if m.get("in_force_from"):
        ipm.append(f"<overheidrg:inwerkingtredingDatum>{_e(m['in_force_from'])}</overheidrg:inwerkingtredingDatum>")
    if m.get("in_force_to"):
        ipm.append(f"<overheidrg:uitwerkingtredingDatum>{_e(m['in_force_to'])}</overheidrg:uitwerkingtredingDatum>")
    if m.get("betreft"):
        ipm.append(f"<overheidrg:betreft>{_e(m['betreft'])}</overheidrg:betreft>")
    ipm.append("</cvdripm>")
    return kern + "".join(mantel) + "".join(ipm)


def cvdr_record(item: CorpusItem, base: str) -> tuple[str, str]:
    u = urls(item, base)
    head = (
        "<record><recordSchema>http://standaarden.overheid.nl/sru/</recordSchema><recordPacking>xml</recordPacking>"
        f"<recordData><gzd {CVDR_GZD_NAMESPACES}><originalData><meta>{cvdr_meta_xml(item)}</meta></originalData>"
        f"<enrichedData><organisatietype>{_e(item.meta['organisatietype'])}</organisatietype>"
        f"<publicatieurl_xhtml>{_e(u['html'])}</publicatieurl_xhtml><publicatieurl_xml>{_e(u['xml'])}</publicatieurl_xml>"
        f"<preferred_url>{_e(u['preferred'])}</preferred_url></enrichedData></gzd></recordData><recordPosition>"
    )
    return head, "</recordPosition></record>"


def render_record(item: CorpusItem, base: str) -> tuple[str, str]:
    return cvdr_record(item, base) if item.source == CVDR else op_record(item, base)


# ---- responses ---------------------------------------------------------------------------

def search_response(source: str, records: list[str], total: int, start: int, maximum: int, query: str,
                    next_position: int | None) -> bytes:
    echo_common = (f"<{{p}}query>{_e(query)}</{{p}}query><{{p}}startRecord>{start}</{{p}}startRecord>"
                   f"<{{p}}maximumRecords>{maximum}</{{p}}maximumRecords>")
    if source == CVDR:
        parts = ['<?xml version="1.0" encoding="UTF-8"?>', f'<searchRetrieveResponse xmlns="{SRU12}">',
                 f"<version>1.2</version><numberOfRecords>{total}</numberOfRecords>"]
        if records:
            parts += ["<records>", *records, "</records>"]
        if next_position:
            parts.append(f"<nextRecordPosition>{next_position}</nextRecordPosition>")
        parts.append("<echoedSearchRetrieveRequest><version>1.2</version>" + echo_common.format(p="") +
                     "</echoedSearchRetrieveRequest></searchRetrieveResponse>")
    else:
        parts = ['<?xml version="1.0" encoding="UTF-8"?>', f"<sru:searchRetrieveResponse {OP_NAMESPACES}>",
                 f"<sru:version>2.0</sru:version><sru:numberOfRecords>{total}</sru:numberOfRecords>"]
        if records:
            parts += ["<sru:records>", *records, "</sru:records>"]
        if next_position:
            parts.append(f"<sru:nextRecordPosition>{next_position}</sru:nextRecordPosition>")
        parts.append("<sru:echoedSearchRetrieveRequest>" + echo_common.format(p="sru:") +
                     "<sru:recordXMLEscaping>xml</sru:recordXMLEscaping>"
                     f"<sru:recordSchema>{GZD_SCHEMA}</sru:recordSchema></sru:echoedSearchRetrieveRequest>"
                     "<sru:resultCountPrecision>info:srw/vocabulary/resultCountPrecision/1/estimate</sru:resultCountPrecision>"
                     "</sru:searchRetrieveResponse>")
    return "".join(parts).encode("utf-8")


def diagnostic_response(source: str, code: int, message: str, details: str = "") -> bytes:
    """An SRU diagnostic (sent at HTTP 200, as the real services do); 2.0 form copied in shape
    from the live diagnostic quoted in sources.md §1.1."""
    if source == CVDR:
        body = (f'<searchRetrieveResponse xmlns="{SRU12}"><version>1.2</version><numberOfRecords>0</numberOfRecords>'
                '<diagnostics><diagnostic xmlns="http://www.loc.gov/zing/srw/diagnostic/">'
                f"<uri>info:srw/diagnostic/1/{code}</uri><details>{_e(details)}</details><message>{_e(message)}</message>"
                "</diagnostic></diagnostics></searchRetrieveResponse>")
    else:
        body = (f'<searchRetrieveResponse xmlns="{SRU2}" xmlns:ns3="http://docs.oasis-open.org/ns/search-ws/diagnostic">'
                "<version>2.0</version><diagnostics><ns3:diagnostic>"
                f"<ns3:uri>info:srw/diagnostic/1/{code}</ns3:uri><ns3:details>{_e(details)}</ns3:details>"
                f"<ns3:message>{_e(message)}</ns3:message></ns3:diagnostic></diagnostics></searchRetrieveResponse>")
    return ('<?xml version="1.0" encoding="UTF-8"?>' + body).encode("utf-8")


def metadata_xml(item: CorpusItem) -> bytes:
    """`metadata/metadata.xml` of an OP item, in the flat form of the real sample."""
    m = item.meta
    scheme = f"OVERHEID.{_SCHEME.get(m['organisatietype'], 'Gemeente')}"
    rows = [("OVERHEID.organisationType", "OVERHEID.Organisatietype", m["organisatietype"]),
            ("OVERHEIDop.publicationName", "", m["publicatienaam"]),
            ("OVERHEIDop.doctype", "", "Officiële Publicaties, versie 1.1"),
            ("DC.creator", scheme, m["creator"]),
            ("DC.type", "OVERHEID.Informatietype", "officiële publicatie"),
            ("DCTERMS.publisher", scheme, m["creator"]),
            ("OVERHEID.authority", scheme, m["creator"])]
    if m.get("subject"):
        rows.append(("OVERHEID.category", "OVERHEID.TaxonomieBeleidsagendaDecentraal", m["subject"]))
    rows += [("DC.type", "OVERHEIDop.Rubriek", m["rubriek"]), ("DCTERMS.language", "DCTERMS.RFC4646", "nl"),
             ("DC.title", "", m["title"]), ("DCTERMS.available", "DCTERMS.W3CDTF", m["available"]),
             ("DCTERMS.modified", "DCTERMS.W3CDTF", m["modified"])]
    if m.get("issued"):
        rows.append(("DCTERMS.issued", "DCTERMS.W3CDTF", m["issued"]))
    if m.get("betreft_regeling"):
        rows.append(("OVERHEIDop.betreftRegeling", "", m["betreft_regeling"]))
    rows += [("OVERHEIDop.jaargang", "DCTERMS.W3CDTF", item.year),
             ("OVERHEIDop.publicationIssue", "", item.id.split("-")[-1]),
             ("DC.identifier", f"OVERHEIDop.{item.prefix.capitalize()}ID", item.id)]
    lines = "\n".join(f"  <metadata name={quoteattr(n)} scheme={quoteattr(s)} content={quoteattr(str(c))} />"
                      for n, s, c in rows)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens>\n{lines}\n</metadata_gegevens>\n'.encode()


def metadata_owms_xml(item: CorpusItem) -> bytes:
    m = item.meta
    scheme = f"OVERHEID.{_SCHEME.get(m['organisatietype'], 'Gemeente')}"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<owms-metadata xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" xmlns:overheidop="http://standaarden.overheid.nl/oep/meta/">'
        f"<owmskern><dcterms:identifier>{_e(item.id)}</dcterms:identifier><dcterms:title>{_e(m['title'])}</dcterms:title>"
        f'<dcterms:language>nl</dcterms:language><dcterms:type scheme="OVERHEIDop.Rubriek">{_e(m["rubriek"])}</dcterms:type>'
        f'<dcterms:creator scheme="{scheme}">{_e(m["creator"])}</dcterms:creator><dcterms.modified>{m["modified"]}</dcterms.modified></owmskern>'
        f"<owmsmantel><dcterms:available>{m['available']}</dcterms:available>"
        f'<dcterms:publisher scheme="{scheme}">{_e(m["creator"])}</dcterms:publisher></owmsmantel>'
        f"<oep><overheid:organisationType>{_e(m['organisatietype'])}</overheid:organisationType>"
        f"<overheidop:publicationName>{_e(m['publicatienaam'])}</overheidop:publicationName>"
        f"<overheidop:jaargang>{item.year}</overheidop:jaargang>"
        f"<overheidop:publicationIssue>{item.id.split('-')[-1]}</overheidop:publicationIssue></oep></owms-metadata>\n"
    ).encode()


def _dutch(iso: str) -> str:
    return "-".join(reversed(iso.split("-")))


def html_page(item: CorpusItem) -> bytes:
    """A plain HTML rendering (one paragraph per `al`) with the page furniture of the real sites:
    the 'Gemeenteblad van X' heading and metadata table for OP, the validity line for CVDR."""
    try:
        root = etree.fromstring(item.xml)
        paragraphs = ["".join(el.itertext()) for el in root.iter("{*}al", "{*}titel", "{*}entry")]
    except etree.XMLSyntaxError:
        paragraphs = [item.text]
    m = item.meta
    if item.source == CVDR:
        until = f"t/m {_dutch(m['in_force_to'])}" if m.get("in_force_to") else "t/m heden"
        furniture = (f"<p>Geldend van {_dutch(m['in_force_from'])} {until}</p><h2>Intitulé</h2>"
                     if m.get("in_force_from") else "")
    else:
        furniture = (f"<h2>{html_escape(m['publicatienaam'])} van {html_escape(m['creator'])}</h2>"
                     "<table><tr><th>Datum publicatie</th><th>Organisatie</th><th>Jaargang en nummer</th><th>Rubriek</th></tr>"
                     f"<tr><td>{_dutch(m['available'])}</td><td>{html_escape(m['creator'])}</td>"
                     f"<td>{html_escape(m['publicatienaam'])} {item.year}, {item.id.split('-')[-1]}</td>"
                     f"<td>{html_escape(m['rubriek'])}</td></tr></table>")
    body = "\n".join(f"<p>{html_escape(p)}</p>" for p in paragraphs if p.strip())
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html_escape(item.title)}</title>'
            f'<meta name="DC.identifier" content="{html_escape(item.id)}"></head><body>'
            f"<h1>{html_escape(item.title)}</h1>{furniture}\n{body}\n</body></html>\n").encode()
