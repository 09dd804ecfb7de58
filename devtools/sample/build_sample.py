"""Writes the sample corpus (`officielepublicaties/`, `cvdr/`) from the document specs below.

The texts are our own, written for this project in the style of real Gemeenteblad / CVDR
publications (no text copied from any real decision). Each spec holds the structure of one
publication (aanhef, artikelen with leden and lijsten, bijlage tables, sluiting) and, for
designations, the channels it designates or excludes, attached to the lid or table row whose
words do it, so `<id>.expected.json` gets exact quotes and locations. Run from the repo root:

    .venv/bin/python devtools/sample/build_sample.py

The script checks every quote occurs in its lid/row and rewrites all corpus files.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from kanaalwijzer.bodies import match_body
from kanaalwijzer.vocabulary import CVDR, GAZETTES, OP

HERE = Path(__file__).resolve().parent


# ---- structure ---------------------------------------------------------------------------

@dataclass
class Ch:
    """A channel the text designates or excludes; `quote` must occur verbatim in its lid/row."""
    kind: str
    quote: str
    scope: str = "alle berichten"
    status: str = "designated"
    auth: tuple = ()
    value: str | None = None


@dataclass
class Lijst:
    items: list  # (nr, text)


@dataclass
class Lid:
    nr: str | None
    parts: list          # str (an <al>) or Lijst
    channels: list = field(default_factory=list)


@dataclass
class Art:
    nr: str
    titel: str
    leden: list          # Lid, or plain str/Lijst for an artikel without leden


@dataclass
class Row:
    cells: list
    channels: list = field(default_factory=list)


@dataclass
class Bijlage:
    nr: str
    titel: str
    intro: list
    header: list
    rows: list


@dataclass
class Doc:
    id: str
    meta: dict
    aanhef: list = field(default_factory=list)
    artikelen: list = field(default_factory=list)
    sluiting: list = field(default_factory=list)
    bijlagen: list = field(default_factory=list)
    tekst: list = field(default_factory=list)   # zakelijke mededeling instead of a regeling
    classification: str = "not_designation"
    effective_date: str | None = None
    effective_rule: str | None = None
    toelichting: list = field(default_factory=list)

    @property
    def source(self):
        return CVDR if self.id.startswith("CVDR") else OP


def L(nr, *parts, ch=()):
    return Lid(nr, list(parts), list(ch))


def A(nr, titel, *leden):
    """An artikel; plain text and lijsten given directly (no leden) form one unnumbered Lid."""
    if all(isinstance(x, Lid) for x in leden):
        return Art(nr, titel, list(leden))
    assert not any(isinstance(x, Lid) for x in leden), "mix of leden and loose text"
    return Art(nr, titel, [Lid(None, list(leden))])


def lijst(*items):
    return Lijst(list(items))


# ---- XML writing -------------------------------------------------------------------------

def _al(parent, text, tag="al"):
    el = etree.SubElement(parent, tag)
    el.text = text
    return el


def _parts(parent, parts):
    for part in parts:
        if isinstance(part, Lijst):
            lst = etree.SubElement(parent, "lijst")
            for nr, text in part.items:
                li = etree.SubElement(lst, "li")
                _al(li, nr, "li.nr")
                _al(li, text)
        else:
            _al(parent, part)


def _regeling(parent, doc: Doc, ns: str = ""):
    q = lambda tag: f"{{{ns}}}{tag}" if ns else tag  # noqa: E731
    regeling = etree.SubElement(parent, q("regeling"))
    pre = etree.SubElement(etree.SubElement(regeling, q("aanhef")), q("preambule"))
    _parts(pre, doc.aanhef)
    tekst = etree.SubElement(regeling, q("regeling-tekst"))
    for art in doc.artikelen:
        a = etree.SubElement(tekst, q("artikel"))
        kop = etree.SubElement(a, q("kop"))
        _al(kop, "Artikel", q("label"))
        _al(kop, art.nr, q("nr"))
        _al(kop, art.titel, q("titel"))
        for lid in art.leden:
            if lid.nr is None:
                _parts(a, lid.parts)
            else:
                el = etree.SubElement(a, q("lid"))
                _al(el, lid.nr, q("lidnr"))
                _parts(el, lid.parts)
    if doc.sluiting:
        _parts(etree.SubElement(regeling, q("regeling-sluiting")), doc.sluiting)
    for bijlage in doc.bijlagen:
        b = etree.SubElement(regeling, q("bijlage"))
        kop = etree.SubElement(b, q("kop"))
        _al(kop, "Bijlage", q("label"))
        _al(kop, bijlage.nr, q("nr"))
        _al(kop, bijlage.titel, q("titel"))
        _parts(b, bijlage.intro)
        tgroup = etree.SubElement(etree.SubElement(b, q("table")), q("tgroup"), cols=str(len(bijlage.header)))
        head = etree.SubElement(etree.SubElement(tgroup, q("thead")), q("row"))
        for cell in bijlage.header:
            _al(etree.SubElement(head, q("entry")), cell)
        body = etree.SubElement(tgroup, q("tbody"))
        for row in bijlage.rows:
            r = etree.SubElement(body, q("row"))
            for cell in row.cells:
                _al(etree.SubElement(r, q("entry")), cell)
    if doc.toelichting:
        t = etree.SubElement(regeling, q("toelichting"))
        _al(etree.SubElement(t, q("kop")), "Toelichting", q("titel"))
        _parts(t, doc.toelichting)


def op_xml(doc: Doc) -> bytes:
    prefix = doc.id.split("-")[0]
    blad_kop, blad_tag = GAZETTES[prefix].name.upper(), GAZETTES[prefix].element
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element("officiele-publicatie", nsmap={"xsi": xsi})
    root.set(f"{{{xsi}}}noNamespaceSchemaLocation", "http://technische-documentatie.oep.overheid.nl/schema/op-xsd-2012-3")
    etree.SubElement(etree.SubElement(root, "metadata"), "meta", name="OVERHEIDop.externMetadataRecord",
                     content=f"https://zoek.officielebekendmakingen.nl/{doc.id}/metadata.xml", scheme="")
    kop = etree.SubElement(root, "kop")
    _al(kop, blad_kop, "titel")
    _al(kop, f"Officiële uitgave van {doc.meta['uitgever']}", "subtitel")
    blad = etree.SubElement(root, blad_tag)
    _al(etree.SubElement(blad, "kop"), doc.meta["title"], "titel")
    if doc.tekst:
        _parts(etree.SubElement(etree.SubElement(etree.SubElement(blad, "zakelijke-mededeling"),
                                                 "zakelijke-mededeling-tekst"), "tekst"), doc.tekst)
    else:
        _regeling(blad, doc)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


CVDR_NS = "http://standaarden.overheid.nl/cvdr/terms/"
NSMAP = {None: CVDR_NS, "dcterms": "http://purl.org/dc/terms/", "overheid": "http://standaarden.overheid.nl/owms/terms/",
         "overheidrg": "http://standaarden.overheid.nl/cvdr/meta/", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
SCHEME = {"Gemeente": "Gemeente", "Provincie": "Provincie", "Waterschap": "Waterschap",
          "Regionaal samenwerkingsorgaan": "RegionaalSamenwerkingsorgaan"}


def cvdr_xml(doc: Doc) -> bytes:
    m = doc.meta
    c = lambda tag: f"{{{CVDR_NS}}}{tag}"  # noqa: E731
    d = lambda tag: f"{{{NSMAP['dcterms']}}}{tag}"  # noqa: E731
    rg = lambda tag: f"{{{NSMAP['overheidrg']}}}{tag}"  # noqa: E731
    root = etree.Element(c("cvdr"), nsmap=NSMAP)
    root.set(f"{{{NSMAP['xsi']}}}schemaLocation", f"{CVDR_NS}  http://decentrale.regelgeving.overheid.nl/cvdr/xsd/cvdr.xsd")
    meta = etree.SubElement(root, c("meta"))
    kern = etree.SubElement(meta, c("owmskern"))
    scheme = SCHEME[m["organisatietype"]]
    for tag, value, attrs in [("identifier", doc.id, {}), ("title", m["title"], {}), ("language", "nl", {}),
                              ("type", "regeling", {"scheme": "overheid:Informatietype"}),
                              ("creator", m["creator"], {"scheme": f"overheid:{scheme}"}),
                              ("modified", m["modified"], {})]:
        _al(kern, value, d(tag)).attrib.update(attrs)
    mantel = etree.SubElement(meta, c("owmsmantel"))
    if m.get("is_format_of"):
        _al(mantel, m["is_format_of"], d("isFormatOf")).set(
            "resourceIdentifier", f"https://zoek.officielebekendmakingen.nl/{m['is_format_of']}")
    _al(mantel, m["title"], d("alternative"))
    for label, ref in m.get("sources", []):
        _al(mantel, label, d("source")).set("resourceIdentifier", ref)
    _al(mantel, m["is_ratified_by"], f"{{{NSMAP['overheid']}}}isRatifiedBy").set(
        "scheme", f"overheid:Bestuursorgaan{scheme}")
    if m.get("subject"):
        _al(mantel, m["subject"], d("subject"))
    _al(mantel, m["issued"], d("issued"))
    _al(mantel, "De tekst in dit document is vrij van auteursrecht en databankrecht", d("rights"))
    ipm = etree.SubElement(meta, c("cvdripm"))
    _al(ipm, m["in_force_from"], rg("inwerkingtredingDatum"))
    if m.get("in_force_to"):
        _al(ipm, m["in_force_to"], rg("uitwerkingtredingDatum"))
    _al(ipm, m["betreft"], rg("betreft"))
    _al(ipm, m.get("kenmerk") or "Onbekend.", rg("kenmerk"))
    body = etree.SubElement(root, c("body"))
    _al(body, m["title"], c("intitule"))
    _regeling(body, doc, CVDR_NS)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---- expected extraction -------------------------------------------------------------------

def _text(parts) -> str:
    out = []
    for part in parts:
        out += [f"{nr} {t}" for nr, t in part.items] if isinstance(part, Lijst) else [part]
    return " ".join(out)


def expected(doc: Doc) -> dict:
    if doc.classification == "not_designation":
        return {"classification": "not_designation", "channels": []}
    channels = []

    def add(ch: Ch, location: str, text: str):
        assert ch.quote in text, f"{doc.id} {location}: quote {ch.quote!r} not in {text!r}"
        entry = {"kind": ch.kind, "status": ch.status, "quote": ch.quote, "location": location,
                 "scope": ch.scope, "auth": list(ch.auth)}
        if ch.value:
            assert ch.value in text, f"{doc.id} {location}: value {ch.value!r} not in text"
            entry["value"] = ch.value
        channels.append(entry)

    for art in doc.artikelen:
        for lid in art.leden:
            for ch in lid.channels:
                add(ch, f"Artikel {art.nr}" + (f" lid {lid.nr.rstrip('.')}" if lid.nr else ""), _text(lid.parts))
    for bijlage in doc.bijlagen:
        for n, row in enumerate(bijlage.rows, 1):
            for ch in row.channels:
                add(ch, f"Bijlage {bijlage.nr}, rij {n}", " ".join(row.cells))
    body = match_body(doc.meta["creator"], doc.meta["organisatietype"])
    assert body, f"{doc.id}: creator {doc.meta['creator']!r} matches no body"
    all_text = " ".join(_text(lid.parts) for a in doc.artikelen for lid in a.leden)
    if doc.effective_rule:
        assert doc.effective_rule in all_text, f"{doc.id}: effective_rule not in text"
    return {"classification": doc.classification, "authority_code": body.code,
            "effective_date": doc.effective_date, "effective_rule": doc.effective_rule, "channels": channels}


def metadata(doc: Doc) -> dict:
    keep_op = ("id", "publicatienaam", "organisatietype", "title", "creator", "rubriek", "available", "modified",
               "issued", "subject", "betreft_regeling")
    keep_cvdr = ("id", "work_id", "version", "title", "creator", "organisatietype", "rubriek", "modified", "issued",
                 "is_format_of", "in_force_from", "in_force_to", "is_ratified_by", "betreft", "subject")
    m = dict(doc.meta, id=doc.id)
    if doc.source == OP:
        prefix = doc.id.split("-")[0]
        m.setdefault("publicatienaam", GAZETTES[prefix].name)
        m.setdefault("organisatietype", GAZETTES[prefix].organisation_type)
        return {k: m.get(k) for k in keep_op if k in m or k in ("issued", "subject", "betreft_regeling")}
    work, version = doc.id.rsplit("_", 1)
    m.update(work_id=work, version=int(version))
    m.setdefault("in_force_to", None)
    m.setdefault("is_format_of", None)
    return {k: m.get(k) for k in keep_cvdr}


def write(docs: list[Doc], out: Path = HERE) -> None:
    for source in (OP, CVDR):
        shutil.rmtree(out / source, ignore_errors=True)
        (out / source).mkdir(parents=True)
    seen = set()
    for doc in docs:
        assert doc.id not in seen, doc.id
        seen.add(doc.id)
        if doc.source == OP:
            prefix = doc.id.split("-")[0]
            doc.meta.setdefault("organisatietype", GAZETTES[prefix].organisation_type)
        folder = out / doc.source
        data = op_xml(doc) if doc.source == OP else cvdr_xml(doc)
        (folder / f"{doc.id}.xml").write_bytes(data)
        (folder / f"{doc.id}.json").write_text(json.dumps(metadata(doc), ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
        (folder / f"{doc.id}.expected.json").write_text(
            json.dumps(expected(doc), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def cvdr_of(doc: Doc, cvdr_id: str, **meta) -> Doc:
    """The CVDR consolidation of a published decision: same text, CVDR metadata."""
    m = {k: doc.meta[k] for k in ("title", "rubriek", "subject") if doc.meta.get(k)}
    m.update(creator=doc.meta["creator"], issued=doc.meta.get("issued"), is_format_of=doc.id,
             organisatietype={"gemeente": "Gemeente", "provincie": "Provincie", "waterschap": "Waterschap",
                              "regionaal samenwerkingsorgaan": "Regionaal samenwerkingsorgaan"}[
                 doc.meta.get("organisatietype") or GAZETTES[doc.id.split("-")[0]].organisation_type])
    m.update(meta)
    return Doc(cvdr_id, m, aanhef=doc.aanhef, artikelen=doc.artikelen, sluiting=doc.sluiting,
               bijlagen=doc.bijlagen, classification=doc.classification, effective_date=doc.effective_date,
               effective_rule=doc.effective_rule, toelichting=doc.toelichting)


# =========================================================================================
# The documents. Dates: designations mostly late 2025 / early 2026.
# =========================================================================================

WOO_RUBRIEK = "Overige besluiten van algemene strekking"
DOCS: list[Doc] = []


def add(doc: Doc) -> Doc:
    DOCS.append(doc)
    return doc


def mededeling(id, creator, uitgever, title, rubriek, available, *tekst, subject=None):
    return add(Doc(id, dict(title=title, creator=creator, uitgever=uitgever, rubriek=rubriek, available=available,
                            modified=available, subject=subject), tekst=list(tekst)))


# ---- Den Haag ('s-Gravenhage): joint organs, annex table, exclusions, fixed date ---------------

denhaag = add(Doc(
    "gmb-2025-498211",
    dict(title="Aanwijzingsbesluit elektronische kanalen gemeente Den Haag 2026", creator="'s-Gravenhage",
         uitgever="de gemeente Den Haag", rubriek=WOO_RUBRIEK, available="2025-12-11", modified="2025-12-11",
         issued="2025-12-02", subject="Organisatie en beleid", betreft_regeling="CVDR760112_1"),
    aanhef=[
        "De raad, het college van burgemeester en wethouders en de burgemeester van Den Haag, ieder voor zover het zijn of haar bevoegdheid betreft;",
        "overwegende dat op grond van de Wet modernisering elektronisch bestuurlijk verkeer iedereen het recht heeft berichten elektronisch aan een bestuursorgaan te zenden via een kanaal dat dat bestuursorgaan daarvoor heeft aangewezen;",
        "overwegende dat de bestuursorganen van de gemeente per soort bericht bekend moeten maken welk elektronisch kanaal daarvoor openstaat;",
        "gelet op artikel 2:13, tweede lid, en artikel 2:14 van de Algemene wet bestuursrecht;",
        "besluiten:",
        "vast te stellen het Aanwijzingsbesluit elektronische kanalen gemeente Den Haag 2026.",
    ],
    artikelen=[
        A("1", "Begripsbepalingen", "In dit besluit wordt verstaan onder:", lijst(
            ("a.", "bericht: een bericht als bedoeld in artikel 2:13, eerste lid, van de Algemene wet bestuursrecht;"),
            ("b.", "kanaal: een elektronische weg waarlangs een bericht aan een bestuursorgaan van de gemeente kan worden verzonden;"),
            ("c.", "webformulier: een digitaal formulier op www.denhaag.nl waarmee een bericht over een bepaald onderwerp kan worden verzonden;"),
            ("d.", "Mijn Den Haag: de persoonlijke internetpagina van de gemeente, toegankelijk na inloggen met DigiD."))),
        A("2", "Aanwijzing kanalen",
          L("1", "Voor de berichten die in bijlage 1 bij dit besluit zijn genoemd, wordt het daar vermelde kanaal aangewezen."),
          L("2", "Voor berichten waarvoor in bijlage 1 geen kanaal is vermeld, wordt het algemeen contactformulier op https://www.denhaag.nl/contact aangewezen.",
            ch=[Ch("contact_form", "wordt het algemeen contactformulier op https://www.denhaag.nl/contact aangewezen",
                   "berichten waarvoor in bijlage 1 geen kanaal is vermeld", value="https://www.denhaag.nl/contact")]),
          L("3", "Voor een bericht dat op verzoek van een bestuursorgaan van de gemeente wordt verzonden, is het kanaal aangewezen dat in dat verzoek is vermeld.",
            ch=[Ch("as_invited", "is het kanaal aangewezen dat in dat verzoek is vermeld", "berichten op verzoek van de gemeente")])),
        A("3", "Omgevingswet",
          L(None, "Voor berichten die bij of krachtens de Omgevingswet langs elektronische weg worden ingediend, is het Omgevingsloket als bedoeld in artikel 20.21 van de Omgevingswet aangewezen.",
            ch=[Ch("omgevingsloket", "is het Omgevingsloket als bedoeld in artikel 20.21 van de Omgevingswet aangewezen",
                   "berichten op grond van de Omgevingswet", value="Omgevingsloket")])),
        A("4", "Niet aangewezen kanalen",
          L("1", "E-mail is geen aangewezen kanaal voor het verzenden van berichten aan de bestuursorganen van de gemeente.",
            ch=[Ch("email", "E-mail is geen aangewezen kanaal", status="excluded")]),
          L("2", "Berichten via sociale media, WhatsApp of andere chatdiensten worden niet aangemerkt als berichten als bedoeld in artikel 2:13 van de Algemene wet bestuursrecht.",
            ch=[Ch("other", "Berichten via sociale media, WhatsApp of andere chatdiensten worden niet aangemerkt als berichten",
                   status="excluded", value="sociale media, WhatsApp of andere chatdiensten")])),
        A("5", "Inwerkingtreding en citeertitel",
          L("1", "Dit besluit treedt in werking op 1 januari 2026."),
          L("2", "Dit besluit wordt aangehaald als: Aanwijzingsbesluit elektronische kanalen gemeente Den Haag 2026.")),
    ],
    sluiting=["Aldus besloten door de raad in zijn openbare vergadering van 27 november 2025.",
              "De griffier, mr. E.M. Zwanenburg", "De voorzitter, J.P. Terlouw",
              "Aldus besloten door het college van burgemeester en wethouders op 2 december 2025.",
              "De secretaris, drs. H. van Oostveen", "De burgemeester, J.P. Terlouw"],
    bijlagen=[Bijlage("1", "Overzicht van berichten en aangewezen kanalen",
                      ["Deze bijlage hoort bij artikel 2, eerste lid."],
                      ["Bericht", "Aangewezen kanaal", "Link"], [
        Row(["Aanvraag parkeervergunning bewoners", "webformulier, na inloggen met DigiD", "https://www.denhaag.nl/parkeervergunning-aanvragen"],
            [Ch("web_form", "webformulier, na inloggen met DigiD", "aanvraag parkeervergunning bewoners", auth=("digid",),
                value="https://www.denhaag.nl/parkeervergunning-aanvragen")]),
        Row(["Bezwaarschrift", "webformulier bezwaar maken", "https://www.denhaag.nl/bezwaar-maken"],
            [Ch("web_form", "webformulier bezwaar maken", "bezwaarschrift", value="https://www.denhaag.nl/bezwaar-maken")]),
        Row(["Melding openbare ruimte", "app Meld Den Haag of webformulier melding openbare ruimte", "https://www.denhaag.nl/melding-openbare-ruimte"],
            [Ch("other", "app Meld Den Haag", "melding openbare ruimte", value="app Meld Den Haag"),
             Ch("web_form", "webformulier melding openbare ruimte", "melding openbare ruimte",
                value="https://www.denhaag.nl/melding-openbare-ruimte")]),
        Row(["Aanvraag omgevingsvergunning", "Omgevingsloket", "https://omgevingswet.overheid.nl"],
            [Ch("omgevingsloket", "Omgevingsloket", "aanvraag omgevingsvergunning", value="https://omgevingswet.overheid.nl")]),
        Row(["Aanvraag bijzondere bijstand", "Mijn Den Haag, na inloggen met DigiD", "https://www.denhaag.nl/mijn-den-haag"],
            [Ch("portal", "Mijn Den Haag, na inloggen met DigiD", "aanvraag bijzondere bijstand", auth=("digid",),
                value="https://www.denhaag.nl/mijn-den-haag")]),
        Row(["Klacht over gedraging van de gemeente", "webformulier klacht indienen", "https://www.denhaag.nl/klacht-indienen"],
            [Ch("web_form", "webformulier klacht indienen", "klacht", value="https://www.denhaag.nl/klacht-indienen")]),
        Row(["Zienswijze op een ontwerpbesluit", "het kanaal dat in de kennisgeving van het ontwerpbesluit is vermeld", "-"],
            [Ch("as_invited", "het kanaal dat in de kennisgeving van het ontwerpbesluit is vermeld", "zienswijze op een ontwerpbesluit")]),
    ])],
    classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
))
add(cvdr_of(denhaag, "CVDR760112_1", modified="2025-12-15", in_force_from="2026-01-01",
            is_ratified_by="gemeenteraad", betreft="Nieuwe regeling", rubriek="overige besluiten van algemene strekking",
            sources=[("artikel 2:13, tweede lid, van de Algemene wet bestuursrecht", "1.0:c:BWBR0005537&artikel=2:13&lid=2")]))

mededeling("gmb-2025-301877", "'s-Gravenhage", "de gemeente Den Haag",
           "Verkeersbesluit instellen laad- en losplaats Prinsegracht", "verkeersbesluit of -mededeling", "2025-06-24",
           "Het college van burgemeester en wethouders van Den Haag heeft besloten een laad- en losplaats in te stellen op de Prinsegracht ter hoogte van huisnummer 41, door het plaatsen van bord E07 met onderbord 'laden en lossen 07.00-11.00 uur'.",
           "Het besluit is genomen om bevoorrading van de winkels mogelijk te maken zonder dat de rijbaan wordt geblokkeerd.",
           "Tegen dit besluit kunnen belanghebbenden binnen zes weken na de dag van bekendmaking bezwaar maken bij het college van burgemeester en wethouders.",
           subject="Verkeer")

# ---- 's-Hertogenbosch: title without 'aanwijzing', portal with DigiD/eHerkenning, dag na bekendmaking ----

add(Doc(
    "gmb-2025-533020",
    dict(title="Regeling elektronisch bestuurlijk verkeer 's-Hertogenbosch 2026", creator="'s-Hertogenbosch",
         uitgever="de gemeente 's-Hertogenbosch", rubriek=WOO_RUBRIEK, available="2025-12-18", modified="2025-12-18",
         issued="2025-12-09", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders en de burgemeester van 's-Hertogenbosch, ieder voor zover het zijn bevoegdheid betreft;",
            "gelet op afdeling 2.3 van de Algemene wet bestuursrecht, in het bijzonder artikel 2:13, tweede lid;",
            "overwegende dat inwoners en ondernemers duidelijkheid moeten hebben over de digitale wegen waarlangs zij formele berichten aan de gemeente kunnen sturen;",
            "besluiten vast te stellen de volgende regeling:"],
    artikelen=[
        A("1", "Begrippen", "In deze regeling wordt verstaan onder:", lijst(
            ("a.", "Mijn Den Bosch: de beveiligde persoonlijke omgeving op de website van de gemeente;"),
            ("b.", "digitaal formulier: een formulier op de website van de gemeente voor een bepaald product of een bepaalde dienst;"),
            ("c.", "contactformulier: het algemene formulier op www.s-hertogenbosch.nl/contact."))),
        A("2", "Elektronische kanalen",
          L("1", "Berichten aan het college of de burgemeester kunnen elektronisch worden verzonden via het digitale formulier dat op www.s-hertogenbosch.nl voor het betreffende product of de betreffende dienst beschikbaar is.",
            ch=[Ch("web_form", "kunnen elektronisch worden verzonden via het digitale formulier", "berichten over een product of dienst met een eigen formulier",
                   value="www.s-hertogenbosch.nl")]),
          L("2", "Is er geen specifiek formulier beschikbaar, dan kan het bericht worden verzonden via het contactformulier op www.s-hertogenbosch.nl/contact.",
            ch=[Ch("contact_form", "kan het bericht worden verzonden via het contactformulier", "berichten zonder specifiek formulier",
                   value="www.s-hertogenbosch.nl/contact")]),
          L("3", "Aanvragen en meldingen waarvoor persoonsgegevens moeten worden gecontroleerd, worden verzonden via Mijn Den Bosch, na inloggen met DigiD of, voor ondernemers, met eHerkenning op ten minste betrouwbaarheidsniveau EH3.",
            ch=[Ch("portal", "worden verzonden via Mijn Den Bosch", "aanvragen en meldingen met controle van persoonsgegevens",
                   auth=("digid", "eherkenning"), value="Mijn Den Bosch")])),
        A("3", "Uitzonderingen",
          L("1", "Het verzenden van berichten per e-mail is uitgesloten, behalve wanneer een medewerker van de gemeente de verzender uitdrukkelijk heeft gevraagd een bericht per e-mail te sturen.",
            ch=[Ch("email", "Het verzenden van berichten per e-mail is uitgesloten", status="excluded"),
                Ch("as_invited", "wanneer een medewerker van de gemeente de verzender uitdrukkelijk heeft gevraagd een bericht per e-mail te sturen",
                   "berichten op uitdrukkelijk verzoek van een medewerker")]),
          L("2", "Berichten via WhatsApp, Facebook, Instagram, X of LinkedIn worden niet als formeel bericht in behandeling genomen.",
            ch=[Ch("other", "Berichten via WhatsApp, Facebook, Instagram, X of LinkedIn worden niet als formeel bericht in behandeling genomen",
                   status="excluded", value="WhatsApp, Facebook, Instagram, X of LinkedIn")])),
        A("4", "Inwerkingtreding", "Deze regeling treedt in werking op de dag na die van de bekendmaking."),
        A("5", "Citeertitel", "Deze regeling wordt aangehaald als: Regeling elektronisch bestuurlijk verkeer 's-Hertogenbosch 2026."),
    ],
    sluiting=["'s-Hertogenbosch, 9 december 2025", "Burgemeester en wethouders van 's-Hertogenbosch,",
              "de secretaris, M.C. Wagenaar", "de burgemeester, L.H. Staal",
              "De burgemeester van 's-Hertogenbosch, L.H. Staal"],
    classification="wmebv_designation", effective_date=None,
    effective_rule="treedt in werking op de dag na die van de bekendmaking",
))

add(Doc(
    "gmb-2025-210455",
    dict(title="Aanwijzingsbesluit toezichthouders Algemene plaatselijke verordening 's-Hertogenbosch 2025",
         creator="'s-Hertogenbosch", uitgever="de gemeente 's-Hertogenbosch", rubriek=WOO_RUBRIEK,
         available="2025-05-08", modified="2025-05-08", issued="2025-04-29", subject="Openbare orde en veiligheid"),
    aanhef=["De burgemeester en het college van burgemeester en wethouders van 's-Hertogenbosch, ieder voor zover bevoegd;",
            "gelet op artikel 5:11 van de Algemene wet bestuursrecht;", "besluiten:"],
    artikelen=[
        A("1", "Aanwijzing", "Als toezichthouder belast met het toezicht op de naleving van het bepaalde bij of krachtens de Algemene plaatselijke verordening 's-Hertogenbosch worden aangewezen de ambtenaren die werkzaam zijn in de functie van boa openbare ruimte, handhaver bijzondere wetten of toezichthouder evenementen."),
        A("2", "Legitimatie", "De toezichthouder draagt bij de uitoefening van zijn taak een legitimatiebewijs als bedoeld in artikel 5:12 van de Algemene wet bestuursrecht bij zich."),
        A("3", "Intrekking en inwerkingtreding",
          L("1", "Het Aanwijzingsbesluit toezichthouders APV 's-Hertogenbosch 2019 wordt ingetrokken."),
          L("2", "Dit besluit treedt in werking op de dag na bekendmaking.")),
    ],
    sluiting=["'s-Hertogenbosch, 29 april 2025", "De burgemeester, L.H. Staal", "Burgemeester en wethouders van 's-Hertogenbosch"],
))

# ---- Súdwest-Fryslân: DigiD / eHerkenning / eIDAS, Omgevingsloket, Dienstenwet, exclusions -------

swf = add(Doc(
    "gmb-2025-560310",
    dict(title="Besluit aanwijzing digitale kanalen gemeente Súdwest-Fryslân 2026", creator="Súdwest-Fryslân",
         uitgever="de gemeente Súdwest-Fryslân", rubriek=WOO_RUBRIEK, available="2025-12-22", modified="2025-12-22",
         issued="2025-12-16", subject="Organisatie en beleid", betreft_regeling="CVDR761540_1"),
    aanhef=["De raad, het college en de burgemeester van de gemeente Súdwest-Fryslân, ieder voor zover bevoegd;",
            "overwegende dat met ingang van 1 januari 2026 eenieder het recht heeft berichten langs elektronische weg aan een bestuursorgaan te verzenden;",
            "dat het bestuursorgaan daarvoor een of meer elektronische kanalen aanwijst en die bekendmaakt;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;",
            "besluiten:",
            "vast te stellen het Besluit aanwijzing digitale kanalen gemeente Súdwest-Fryslân 2026."],
    artikelen=[
        A("1", "Definities", "In dit besluit wordt verstaan onder:", lijst(
            ("a.", "bestuursorgaan: de raad, het college of de burgemeester van de gemeente Súdwest-Fryslân;"),
            ("b.", "Mijn Súdwest: het digitale loket van de gemeente waarin de verzender na inloggen berichten kan verzenden en de voortgang kan volgen;"),
            ("c.", "verzender: een natuurlijke persoon of rechtspersoon die een bericht aan een bestuursorgaan zendt."))),
        A("2", "Algemeen aangewezen kanaal",
          L("1", "Voor het elektronisch verzenden van berichten aan een bestuursorgaan is het digitale loket Mijn Súdwest aangewezen, bereikbaar via https://mijn.sudwestfryslan.nl.",
            ch=[Ch("portal", "is het digitale loket Mijn Súdwest aangewezen", auth=("digid", "eherkenning", "eidas"),
                   value="https://mijn.sudwestfryslan.nl")]),
          L("2", "Voor het gebruik van Mijn Súdwest logt een natuurlijke persoon in met DigiD; ondernemers en rechtspersonen loggen in met eHerkenning. Verzenders uit een andere lidstaat van de Europese Unie kunnen inloggen met een middel dat is erkend op grond van de eIDAS-verordening."),
          L("3", "Berichten waarvoor geen inlogmiddel nodig is, kunnen worden verzonden via het webformulier 'Vraag of melding' op https://www.sudwestfryslan.nl/vraag-of-melding.",
            ch=[Ch("web_form", "kunnen worden verzonden via het webformulier 'Vraag of melding'",
                   "berichten waarvoor geen inlogmiddel nodig is", value="https://www.sudwestfryslan.nl/vraag-of-melding")])),
        A("3", "Omgevingsloket", "Berichten die op grond van de Omgevingswet moeten of kunnen worden ingediend, verzendt de verzender via het Omgevingsloket, bedoeld in artikel 20.21 van de Omgevingswet."),
        A("4", "Dienstenwet", "Een dienstverrichter als bedoeld in de Dienstenwet kan berichten over vergunningen en procedures die onder die wet vallen ook verzenden via het centraal loket, bedoeld in artikel 6 van de Dienstenwet."),
        A("5", "Niet aangewezen kanalen", "Berichten die per e-mail, via WhatsApp, via sociale media of via een chatfunctie worden verzonden, gelden niet als berichten die langs elektronische weg zijn ontvangen."),
        A("6", "Inwerkingtreding en citeertitel",
          L("1", "Dit besluit treedt in werking op 1 januari 2026."),
          L("2", "Dit besluit wordt aangehaald als: Besluit aanwijzing digitale kanalen gemeente Súdwest-Fryslân 2026.")),
    ],
    sluiting=["Aldus vastgesteld in de openbare raadsvergadering van 11 december 2025, de griffier, A.J. Hoekstra, de voorzitter, R. de Boer.",
              "Aldus vastgesteld door het college van burgemeester en wethouders op 16 december 2025, de secretaris, T. Wijnia, de burgemeester, R. de Boer."],
    classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
))
# channels stated in artikelen without leden
swf.artikelen[2].leden[0].channels = [Ch("omgevingsloket", "verzendt de verzender via het Omgevingsloket",
                                         "berichten op grond van de Omgevingswet", value="Omgevingsloket")]
swf.artikelen[3].leden[0].channels = [Ch("dienstenwet_loket", "ook verzenden via het centraal loket, bedoeld in artikel 6 van de Dienstenwet",
                                         "berichten van dienstverrichters onder de Dienstenwet", value="centraal loket")]
swf.artikelen[4].leden[0].channels = [
    Ch("email", "Berichten die per e-mail, via WhatsApp, via sociale media of via een chatfunctie worden verzonden, gelden niet als berichten die langs elektronische weg zijn ontvangen", status="excluded"),
    Ch("other", "Berichten die per e-mail, via WhatsApp, via sociale media of via een chatfunctie worden verzonden, gelden niet als berichten die langs elektronische weg zijn ontvangen",
       status="excluded", value="WhatsApp, via sociale media of via een chatfunctie")]
add(cvdr_of(swf, "CVDR761540_1", modified="2025-12-29", in_force_from="2026-01-01", is_ratified_by="gemeenteraad",
            betreft="Nieuwe regeling", rubriek="overige besluiten van algemene strekking"))

mededeling("gmb-2025-140022", "Súdwest-Fryslân", "de gemeente Súdwest-Fryslân",
           "Verleende evenementenvergunning Merke Wommels 2025", "evenementenvergunning", "2025-03-27",
           "De burgemeester van Súdwest-Fryslân heeft een evenementenvergunning verleend voor de Merke in Wommels van 8 tot en met 10 augustus 2025, met een feesttent op het terrein aan de Tsjerkebuorren.",
           "Tijdens het evenement gelden een tijdelijke verkeersmaatregel en een aangepaste route voor de bus.",
           "Belanghebbenden kunnen binnen zes weken na de datum van verzending van het besluit bezwaar maken bij de burgemeester.",
           subject="Openbare orde en veiligheid")

# ---- Bergen (NH): a designation replaced by a newer one that withdraws it -----------------------

add(Doc(
    "gmb-2025-118904",
    dict(title="Aanwijzingsbesluit elektronische kanalen Bergen (NH) 2025", creator="Bergen (NH)",
         uitgever="de gemeente Bergen (NH)", rubriek=WOO_RUBRIEK, available="2025-06-19", modified="2025-06-19",
         issued="2025-06-10", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders van de gemeente Bergen (NH);",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht zoals dat luidt na de inwerkingtreding van de Wet modernisering elektronisch bestuurlijk verkeer;",
            "besluit:"],
    artikelen=[
        A("1", "Aangewezen kanalen",
          L("1", "Voor berichten aan het college zijn de webformulieren op www.bergen-nh.nl aangewezen.",
            ch=[Ch("web_form", "zijn de webformulieren op www.bergen-nh.nl aangewezen", value="www.bergen-nh.nl")]),
          L("2", "Daarnaast is het e-mailadres info@bergen-nh.nl aangewezen voor alle berichten aan het college.",
            ch=[Ch("email", "is het e-mailadres info@bergen-nh.nl aangewezen voor alle berichten aan het college",
                   value="info@bergen-nh.nl")])),
        A("2", "Inwerkingtreding", "Dit besluit treedt in werking op 1 januari 2026."),
        A("3", "Citeertitel", "Dit besluit wordt aangehaald als Aanwijzingsbesluit elektronische kanalen Bergen (NH) 2025."),
    ],
    sluiting=["Bergen, 10 juni 2025", "Burgemeester en wethouders van Bergen,", "de secretaris, P. Kramer", "de burgemeester, W. Rijkhoff"],
    classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
))

add(Doc(
    "gmb-2026-014477",
    dict(title="Aanwijzingsbesluit elektronische kanalen gemeente Bergen (NH) 2026", creator="Bergen (NH)",
         uitgever="de gemeente Bergen (NH)", rubriek=WOO_RUBRIEK, available="2026-02-05", modified="2026-02-05",
         issued="2026-01-27", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders van de gemeente Bergen (NH);",
            "overwegende dat het college in 2025 naast de webformulieren ook e-mail als kanaal heeft aangewezen, en dat e-mail niet de waarborgen biedt die nodig zijn voor een goede registratie van formele berichten;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;",
            "besluit:"],
    artikelen=[
        A("1", "Aangewezen kanalen",
          L("1", "Voor een aanvraag, melding of bezwaarschrift waarvoor op www.bergen-nh.nl een webformulier beschikbaar is, is dat webformulier aangewezen.",
            ch=[Ch("web_form", "is dat webformulier aangewezen", "aanvraag, melding of bezwaarschrift met een eigen webformulier",
                   value="www.bergen-nh.nl")]),
          L("2", "Voor andere berichten is het algemene contactformulier op www.bergen-nh.nl/contact aangewezen.",
            ch=[Ch("contact_form", "is het algemene contactformulier op www.bergen-nh.nl/contact aangewezen", "andere berichten",
                   value="www.bergen-nh.nl/contact")])),
        A("2", "E-mail", "E-mail is met ingang van dit besluit geen aangewezen kanaal meer voor berichten aan het college."),
        A("3", "Intrekking", "Het Aanwijzingsbesluit elektronische kanalen Bergen (NH) 2025 (Gemeenteblad 2025, 118904) wordt ingetrokken."),
        A("4", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
        A("5", "Citeertitel", "Dit besluit wordt aangehaald als Aanwijzingsbesluit elektronische kanalen gemeente Bergen (NH) 2026."),
    ],
    sluiting=["Bergen, 27 januari 2026", "Burgemeester en wethouders van Bergen,", "de secretaris, P. Kramer", "de burgemeester, W. Rijkhoff"],
    classification="wmebv_designation", effective_rule="treedt in werking op de dag na bekendmaking",
))
DOCS[-1].artikelen[1].leden[0].channels = [Ch("email", "E-mail is met ingang van dit besluit geen aangewezen kanaal meer", status="excluded")]


# ---- Utrecht: a CVDR regulation with two versions; v2 adds e-mail for zienswijzen ------------------

def utrecht(version: int) -> Doc:
    zienswijze = Row(["Zienswijze op een ontwerpbesluit", "webformulier zienswijze indienen", "geen", "https://www.utrecht.nl/zienswijze"],
                     [Ch("web_form", "webformulier zienswijze indienen", "zienswijze op een ontwerpbesluit",
                         value="https://www.utrecht.nl/zienswijze")])
    if version == 2:
        zienswijze = Row(["Zienswijze op een ontwerpbesluit", "webformulier zienswijze indienen of e-mail aan zienswijzen@utrecht.nl",
                          "geen", "https://www.utrecht.nl/zienswijze"],
                         [Ch("web_form", "webformulier zienswijze indienen", "zienswijze op een ontwerpbesluit",
                             value="https://www.utrecht.nl/zienswijze"),
                          Ch("email", "e-mail aan zienswijzen@utrecht.nl", "zienswijze op een ontwerpbesluit",
                             value="zienswijzen@utrecht.nl")])
    art3 = (A("3", "Niet aangewezen kanalen",
              L(None, "E-mail, fax, sociale media en WhatsApp zijn geen aangewezen kanalen.",
                ch=[Ch("email", "E-mail, fax, sociale media en WhatsApp zijn geen aangewezen kanalen", status="excluded"),
                    Ch("other", "E-mail, fax, sociale media en WhatsApp zijn geen aangewezen kanalen", status="excluded",
                       value="fax, sociale media en WhatsApp")]))
            if version == 1 else
            A("3", "Niet aangewezen kanalen",
              L("1", "Fax, sociale media en WhatsApp zijn geen aangewezen kanalen.",
                ch=[Ch("other", "Fax, sociale media en WhatsApp zijn geen aangewezen kanalen", status="excluded",
                       value="Fax, sociale media en WhatsApp")]),
              L("2", "Voor andere berichten dan zienswijzen is e-mail geen aangewezen kanaal.",
                ch=[Ch("email", "Voor andere berichten dan zienswijzen is e-mail geen aangewezen kanaal",
                       "andere berichten dan zienswijzen", status="excluded")])))
    return Doc(
        f"CVDR762001_{version}",
        dict(title="Aanwijzingsbesluit elektronische kanalen Utrecht 2026", creator="Utrecht", organisatietype="Gemeente",
             rubriek="overige besluiten van algemene strekking", subject="bestuur en recht",
             modified="2025-12-19" if version == 1 else "2026-03-30", issued="2025-12-09" if version == 1 else "2026-03-17",
             is_format_of="gmb-2025-540118" if version == 1 else "gmb-2026-088310",
             in_force_from="2026-01-01" if version == 1 else "2026-04-01",
             in_force_to="2026-03-31" if version == 1 else None,
             is_ratified_by="college van burgemeester en wethouders",
             betreft="Nieuwe regeling" if version == 1 else "wijziging artikel 3 en bijlage 1"),
        aanhef=["Het college van burgemeester en wethouders van Utrecht en de burgemeester van Utrecht, ieder voor zover het zijn bevoegdheid betreft;",
                "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;", "besluiten:",
                "vast te stellen het Aanwijzingsbesluit elektronische kanalen Utrecht 2026."],
        artikelen=[
            A("1", "Aanwijzing per proces", "Voor de processen die zijn opgenomen in bijlage 1 is het daarbij vermelde kanaal aangewezen, met de daarbij vermelde inlogvoorwaarde."),
            A("2", "Overige berichten",
              L("1", "Voor berichten die niet onder een proces uit bijlage 1 vallen, is het contactformulier op https://www.utrecht.nl/contact aangewezen.",
                ch=[Ch("contact_form", "is het contactformulier op https://www.utrecht.nl/contact aangewezen",
                       "berichten buiten de processen van bijlage 1", value="https://www.utrecht.nl/contact")]),
              L("2", "Verzoekt de gemeente om een bericht, dan geldt het kanaal dat in dat verzoek wordt genoemd.",
                ch=[Ch("as_invited", "dan geldt het kanaal dat in dat verzoek wordt genoemd", "berichten op verzoek van de gemeente")])),
            art3,
            A("4", "Inwerkingtreding en citeertitel",
              L("1", "Dit besluit treedt in werking op 1 januari 2026."),
              L("2", "Dit besluit wordt aangehaald als: Aanwijzingsbesluit elektronische kanalen Utrecht 2026.")),
        ],
        sluiting=["Utrecht, 9 december 2025", "Burgemeester en wethouders van Utrecht, de secretaris, K. Schouten, de burgemeester, S.A.M. Dijksma",
                  "De burgemeester van Utrecht, S.A.M. Dijksma"],
        bijlagen=[Bijlage("1", "Processen en aangewezen kanalen", [], ["Proces", "Kanaal", "Inloggen", "Adres"], [
            Row(["Aanvraag parkeervergunning", "webformulier parkeervergunning", "DigiD", "https://www.utrecht.nl/parkeervergunning"],
                [Ch("web_form", "webformulier parkeervergunning", "aanvraag parkeervergunning", auth=("digid",),
                    value="https://www.utrecht.nl/parkeervergunning")]),
            Row(["Bezwaarschrift", "webformulier bezwaar", "DigiD of eHerkenning", "https://www.utrecht.nl/bezwaar"],
                [Ch("web_form", "webformulier bezwaar", "bezwaarschrift", auth=("digid", "eherkenning"),
                    value="https://www.utrecht.nl/bezwaar")]),
            Row(["Melding openbare ruimte", "app Slim Melden of webformulier melding", "geen", "https://www.utrecht.nl/melding"],
                [Ch("other", "app Slim Melden", "melding openbare ruimte", value="app Slim Melden"),
                 Ch("web_form", "webformulier melding", "melding openbare ruimte", value="https://www.utrecht.nl/melding")]),
            zienswijze,
            Row(["Aanvraag omgevingsvergunning", "Omgevingsloket", "DigiD of eHerkenning", "https://omgevingswet.overheid.nl"],
                [Ch("omgevingsloket", "Omgevingsloket", "aanvraag omgevingsvergunning", auth=("digid", "eherkenning"),
                    value="https://omgevingswet.overheid.nl")]),
        ])],
        classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
    )


utrecht1, utrecht2 = add(utrecht(1)), add(utrecht(2))
add(Doc("gmb-2025-540118",
        dict(utrecht1.meta, organisatietype="gemeente", uitgever="de gemeente Utrecht", rubriek=WOO_RUBRIEK,
             available="2025-12-17", modified="2025-12-17", subject="Organisatie en beleid", betreft_regeling="CVDR762001_1"),
        aanhef=utrecht1.aanhef, artikelen=utrecht1.artikelen, sluiting=utrecht1.sluiting, bijlagen=utrecht1.bijlagen,
        classification=utrecht1.classification, effective_date=utrecht1.effective_date, effective_rule=utrecht1.effective_rule))
add(Doc(
    "gmb-2026-088310",
    dict(title="Besluit tot wijziging van het Aanwijzingsbesluit elektronische kanalen Utrecht 2026 (zienswijzen per e-mail)",
         creator="Utrecht", uitgever="de gemeente Utrecht", rubriek=WOO_RUBRIEK, available="2026-03-26", modified="2026-03-26",
         issued="2026-03-17", subject="Organisatie en beleid", betreft_regeling="CVDR762001_2"),
    aanhef=["Het college van burgemeester en wethouders van Utrecht;",
            "overwegende dat bij de terinzagelegging van ontwerpbesluiten gebleken is dat veel indieners een zienswijze per e-mail willen sturen;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;", "besluit:"],
    artikelen=[
        A("I", "Wijziging", "Het Aanwijzingsbesluit elektronische kanalen Utrecht 2026 wordt als volgt gewijzigd:", lijst(
            ("A.", "Artikel 3 komt te luiden: 1. Fax, sociale media en WhatsApp zijn geen aangewezen kanalen. 2. Voor andere berichten dan zienswijzen is e-mail geen aangewezen kanaal."),
            ("B.", "In bijlage 1 wordt in de rij 'Zienswijze op een ontwerpbesluit' in de kolom Kanaal na 'webformulier zienswijze indienen' ingevoegd: of e-mail aan zienswijzen@utrecht.nl."))),
        A("II", "Inwerkingtreding", "Dit besluit treedt in werking op 1 april 2026."),
    ],
    sluiting=["Utrecht, 17 maart 2026", "Burgemeester en wethouders van Utrecht, de secretaris, K. Schouten, de burgemeester, S.A.M. Dijksma"],
    classification="wmebv_designation", effective_date="2026-04-01", effective_rule="treedt in werking op 1 april 2026",
))
DOCS[-1].artikelen[0].leden[0].channels = [
    Ch("email", "of e-mail aan zienswijzen@utrecht.nl", "zienswijze op een ontwerpbesluit", value="zienswijzen@utrecht.nl"),
    Ch("email", "Voor andere berichten dan zienswijzen is e-mail geen aangewezen kanaal", "andere berichten dan zienswijzen",
       status="excluded"),
    Ch("other", "Fax, sociale media en WhatsApp zijn geen aangewezen kanalen", status="excluded", value="Fax, sociale media en WhatsApp")]

# ---- Pre-Wmebv (old Awb 2:15): Apeldoorn (CVDR, later withdrawn), Tilburg (Gemeenteblad 2024) --------

add(Doc(
    "CVDR104455_1",
    dict(title="Besluit elektronisch verkeer gemeente Apeldoorn", creator="Apeldoorn", organisatietype="Gemeente",
         rubriek="overige besluiten van algemene strekking", subject="bestuur en recht", modified="2026-01-05",
         issued="2012-03-06", in_force_from="2012-04-01", in_force_to="2025-12-31",
         is_ratified_by="college van burgemeester en wethouders", betreft="Nieuwe regeling"),
    aanhef=["Burgemeester en wethouders van Apeldoorn;",
            "gelet op artikel 2:15, eerste lid, van de Algemene wet bestuursrecht, op grond waarvan een bestuursorgaan kenbaar maakt dat het langs elektronische weg bereikbaar is;",
            "besluiten vast te stellen het Besluit elektronisch verkeer gemeente Apeldoorn."],
    artikelen=[
        A("1", "Openstelling elektronische weg",
          L("1", "De elektronische weg is open voor berichten die worden verzonden met de formulieren van het digitaal loket op www.apeldoorn.nl.",
            ch=[Ch("web_form", "De elektronische weg is open voor berichten die worden verzonden met de formulieren van het digitaal loket",
                   value="www.apeldoorn.nl")]),
          L("2", "Voor andere berichten dan aanvragen en bezwaarschriften is de elektronische weg tevens open via het e-mailadres informatie@apeldoorn.nl.",
            ch=[Ch("email", "is de elektronische weg tevens open via het e-mailadres informatie@apeldoorn.nl",
                   "andere berichten dan aanvragen en bezwaarschriften", value="informatie@apeldoorn.nl")])),
        A("2", "Bezwaar", "Een bezwaarschrift kan langs elektronische weg uitsluitend worden ingediend met het digitale bezwaarformulier, na inloggen met DigiD. Een bezwaarschrift per e-mail wordt niet in behandeling genomen."),
        A("3", "Inwerkingtreding", "Dit besluit treedt in werking op 1 april 2012."),
    ],
    sluiting=["Apeldoorn, 6 maart 2012", "Burgemeester en wethouders van Apeldoorn"],
    classification="pre_wmebv_designation", effective_date="2012-04-01", effective_rule="treedt in werking op 1 april 2012",
))
DOCS[-1].artikelen[1].leden[0].channels = [
    Ch("web_form", "uitsluitend worden ingediend met het digitale bezwaarformulier, na inloggen met DigiD", "bezwaarschrift", auth=("digid",)),
    Ch("email", "Een bezwaarschrift per e-mail wordt niet in behandeling genomen", "bezwaarschrift", status="excluded")]

add(Doc(
    "gmb-2025-569114",
    dict(title="Besluit tot intrekking van het Besluit elektronisch verkeer gemeente Apeldoorn", creator="Apeldoorn",
         uitgever="de gemeente Apeldoorn", rubriek=WOO_RUBRIEK, available="2025-12-23", modified="2025-12-23",
         issued="2025-12-16", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders van Apeldoorn;",
            "overwegende dat artikel 2:15 van de Algemene wet bestuursrecht met ingang van 1 januari 2026 vervalt en dat het Besluit elektronisch verkeer gemeente Apeldoorn daarmee zijn grondslag verliest;",
            "besluit:"],
    artikelen=[
        A("1", "Intrekking", "Het Besluit elektronisch verkeer gemeente Apeldoorn, vastgesteld op 6 maart 2012, wordt ingetrokken."),
        A("2", "Inwerkingtreding", "Dit besluit treedt in werking op 1 januari 2026."),
    ],
    sluiting=["Apeldoorn, 16 december 2025", "Burgemeester en wethouders van Apeldoorn"],
))

add(Doc(
    "gmb-2024-187330",
    dict(title="Besluit elektronisch berichtenverkeer gemeente Tilburg 2024", creator="Tilburg", uitgever="de gemeente Tilburg",
         rubriek=WOO_RUBRIEK, available="2024-05-02", modified="2024-05-02", issued="2024-04-23", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders, de burgemeester en de raad van de gemeente Tilburg, ieder voor zover het zijn bevoegdheid betreft;",
            "gelet op afdeling 2.3 van de Algemene wet bestuursrecht, in het bijzonder artikel 2:15;",
            "overwegende dat de gemeente langs elektronische weg bereikbaar wil zijn voor inwoners en ondernemers, onder voorwaarden die een betrouwbare en vertrouwelijke afhandeling waarborgen;",
            "besluiten:"],
    artikelen=[
        A("1", "Elektronische weg",
          L("1", "Berichten aan de bestuursorganen van de gemeente kunnen langs elektronische weg worden verzonden via de webformulieren op www.tilburg.nl.",
            ch=[Ch("web_form", "kunnen langs elektronische weg worden verzonden via de webformulieren op www.tilburg.nl",
                   value="www.tilburg.nl")]),
          L("2", "Aanvragen waarvoor de identiteit van de aanvrager moet vaststaan, worden verzonden via MijnTilburg, na inloggen met DigiD of eHerkenning.",
            ch=[Ch("portal", "worden verzonden via MijnTilburg", "aanvragen waarvoor de identiteit moet vaststaan",
                   auth=("digid", "eherkenning"), value="MijnTilburg")])),
        A("2", "Uitsluiting e-mail", "Aanvragen, bezwaarschriften en klachten die per e-mail worden verzonden, worden niet in behandeling genomen. De verzender wordt hierop gewezen."),
        A("3", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Tilburg, 23 april 2024", "Het college van burgemeester en wethouders van Tilburg", "De burgemeester van Tilburg", "De raad van de gemeente Tilburg"],
    classification="pre_wmebv_designation", effective_rule="treedt in werking op de dag na bekendmaking",
))
DOCS[-1].artikelen[1].leden[0].channels = [
    Ch("email", "Aanvragen, bezwaarschriften en klachten die per e-mail worden verzonden, worden niet in behandeling genomen",
       "aanvragen, bezwaarschriften en klachten", status="excluded")]

# ---- Groningen: articles only, Berichtenbox explicitly not a channel for incoming messages ----------

add(Doc(
    "gmb-2025-455670",
    dict(title="Aanwijzingsbesluit heffingsambtenaar gemeente Groningen 2025", creator="Groningen",
         uitgever="de gemeente Groningen", rubriek=WOO_RUBRIEK, available="2025-10-09", modified="2025-10-09",
         issued="2025-09-30", subject="Financiën"),
    aanhef=["Het college van burgemeester en wethouders van de gemeente Groningen;",
            "gelet op artikel 231, tweede lid, onderdeel b, van de Gemeentewet;", "besluit:"],
    artikelen=[
        A("1", "Aanwijzing", "Als heffingsambtenaar als bedoeld in artikel 231, tweede lid, onderdeel b, van de Gemeentewet wordt aangewezen de teamleider Belastingen van de directie Financiën."),
        A("2", "Vervanging", "Bij afwezigheid van de heffingsambtenaar treedt de senior medewerker Belastingen als zodanig op."),
        A("3", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking en werkt terug tot en met 1 januari 2025."),
    ],
    sluiting=["Groningen, 30 september 2025", "Burgemeester en wethouders van Groningen"],
))

groningen = add(Doc(
    "gmb-2026-021904",
    dict(title="Aanwijzingsbesluit digitale kanalen gemeente Groningen 2026", creator="Groningen",
         uitgever="de gemeente Groningen", rubriek=WOO_RUBRIEK, available="2026-01-15", modified="2026-01-15",
         issued="2026-01-06", subject="Organisatie en beleid"),
    aanhef=["De raad, het college van burgemeester en wethouders en de burgemeester van de gemeente Groningen, ieder voor zover het hun bevoegdheid betreft;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;",
            "overwegende dat de gemeente eenvoudig digitaal bereikbaar wil zijn en tegelijk wil voorkomen dat formele berichten zoekraken in kanalen die daarvoor niet geschikt zijn;",
            "besluiten:"],
    artikelen=[
        A("1", "Webformulieren",
          L("1", "Een aanvraag, melding, klacht of bezwaarschrift wordt verzonden via het webformulier dat daarvoor op gemeente.groningen.nl beschikbaar is.",
            ch=[Ch("web_form", "wordt verzonden via het webformulier dat daarvoor op gemeente.groningen.nl beschikbaar is",
                   "aanvraag, melding, klacht of bezwaarschrift", value="gemeente.groningen.nl")]),
          L("2", "Is voor een bericht geen webformulier beschikbaar, dan wordt het verzonden via het algemene contactformulier op gemeente.groningen.nl/contact.",
            ch=[Ch("contact_form", "dan wordt het verzonden via het algemene contactformulier", "berichten zonder eigen webformulier",
                   value="gemeente.groningen.nl/contact")])),
        A("2", "Berichten op uitnodiging", "Vraagt de gemeente om een reactie of om aanvullende stukken, dan kan de verzender die sturen langs de weg die in de brief of het bericht van de gemeente is aangegeven."),
        A("3", "Geen aangewezen kanalen",
          L("1", "De Berichtenbox van MijnOverheid is geen aangewezen kanaal voor berichten aan de gemeente; de gemeente gebruikt de Berichtenbox alleen om berichten te versturen.",
            ch=[Ch("berichtenbox", "De Berichtenbox van MijnOverheid is geen aangewezen kanaal voor berichten aan de gemeente", status="excluded")]),
          L("2", "E-mail, sociale media en chatdiensten zijn geen aangewezen kanalen, tenzij de gemeente op grond van artikel 2 uitdrukkelijk om een e-mail heeft gevraagd.",
            ch=[Ch("email", "E-mail, sociale media en chatdiensten zijn geen aangewezen kanalen", status="excluded"),
                Ch("other", "E-mail, sociale media en chatdiensten zijn geen aangewezen kanalen", status="excluded",
                   value="sociale media en chatdiensten")])),
        A("4", "Slotbepalingen",
          L("1", "Dit besluit treedt in werking met ingang van de dag na bekendmaking."),
          L("2", "Dit besluit wordt aangehaald als: Aanwijzingsbesluit digitale kanalen gemeente Groningen 2026.")),
    ],
    sluiting=["Aldus vastgesteld in de openbare vergadering van de raad van 17 december 2025.",
              "Aldus vastgesteld door burgemeester en wethouders en de burgemeester op 6 januari 2026."],
    classification="wmebv_designation", effective_rule="treedt in werking met ingang van de dag na bekendmaking",
))
groningen.artikelen[1].leden[0].channels = [Ch("as_invited", "langs de weg die in de brief of het bericht van de gemeente is aangegeven",
                                               "reacties en aanvullende stukken op verzoek van de gemeente")]

# ---- Provincie Drenthe: three organs, Berichtenbox for replies, Digipoort, Omgevingsloket ------------

drenthe = add(Doc(
    "prb-2025-9120",
    dict(title="Aanwijzingsbesluit elektronische kanalen provincie Drenthe 2026", creator="Drenthe",
         uitgever="de provincie Drenthe", rubriek=WOO_RUBRIEK, available="2025-12-12", modified="2025-12-12",
         issued="2025-12-02", subject="Organisatie en beleid", betreft_regeling="CVDR763300_1"),
    aanhef=["Provinciale Staten, Gedeputeerde Staten en de Commissaris van de Koning van Drenthe, ieder voor zover het zijn bevoegdheid betreft;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;", "besluiten:",
            "vast te stellen het Aanwijzingsbesluit elektronische kanalen provincie Drenthe 2026."],
    artikelen=[
        A("1", "Begrippen", "In dit besluit wordt verstaan onder:", lijst(
            ("a.", "subsidieportaal: de beveiligde omgeving op www.provincie.drenthe.nl/subsidies waarin subsidieaanvragen worden ingediend;"),
            ("b.", "Berichtenbox: de Berichtenbox van MijnOverheid of de Berichtenbox voor bedrijven."))),
        A("2", "Aangewezen kanalen",
          L("1", "Een aanvraag om subsidie, een verzoek tot vaststelling en een wijzigingsverzoek worden verzonden via het subsidieportaal, na inloggen met eHerkenning of DigiD.",
            ch=[Ch("portal", "worden verzonden via het subsidieportaal", "subsidieaanvragen, vaststellings- en wijzigingsverzoeken",
                   auth=("eherkenning", "digid"), value="subsidieportaal")]),
          L("2", "Een bezwaarschrift wordt verzonden via het webformulier bezwaar op www.provincie.drenthe.nl/bezwaar.",
            ch=[Ch("web_form", "wordt verzonden via het webformulier bezwaar", "bezwaarschrift",
                   value="www.provincie.drenthe.nl/bezwaar")]),
          L("3", "Een reactie op een bericht dat de provincie via de Berichtenbox heeft verzonden, kan via de Berichtenbox worden verzonden als de Berichtenbox die mogelijkheid biedt.",
            ch=[Ch("berichtenbox", "kan via de Berichtenbox worden verzonden", "reacties op berichten van de provincie in de Berichtenbox")]),
          L("4", "Gegevens die ondernemers systeem-tot-systeem aanleveren in het kader van provinciale heffingen worden verzonden via Digipoort.",
            ch=[Ch("digipoort", "worden verzonden via Digipoort", "systeem-tot-systeem aanlevering provinciale heffingen", value="Digipoort")]),
          L("5", "Voor alle overige berichten is het contactformulier op www.provincie.drenthe.nl/contact aangewezen.",
            ch=[Ch("contact_form", "is het contactformulier op www.provincie.drenthe.nl/contact aangewezen", "overige berichten",
                   value="www.provincie.drenthe.nl/contact")])),
        A("3", "Omgevingswet", "Voor berichten waarvoor bij of krachtens de Omgevingswet het Omgevingsloket is voorgeschreven, is het Omgevingsloket aangewezen."),
        A("4", "Inwerkingtreding", "Dit besluit treedt in werking op 1 januari 2026."),
    ],
    sluiting=["Assen, 2 december 2025", "Gedeputeerde Staten van Drenthe, de secretaris, J. Lubbers, de voorzitter, M. Bos",
              "Provinciale Staten van Drenthe, de griffier, H. Tiemens", "De Commissaris van de Koning in de provincie Drenthe, M. Bos"],
    classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
))
drenthe.artikelen[2].leden[0].channels = [Ch("omgevingsloket", "is het Omgevingsloket aangewezen", "berichten op grond van de Omgevingswet",
                                             value="Omgevingsloket")]
add(cvdr_of(drenthe, "CVDR763300_1", modified="2025-12-18", in_force_from="2026-01-01", is_ratified_by="Gedeputeerde Staten",
            betreft="Nieuwe regeling", rubriek="overige besluiten van algemene strekking"))

add(Doc(
    "prb-2025-7733",
    dict(title="Mandaat-, volmacht- en machtigingsbesluit Gedeputeerde Staten van Drenthe 2025", creator="Drenthe",
         uitgever="de provincie Drenthe", rubriek=WOO_RUBRIEK, available="2025-09-25", modified="2025-09-25",
         issued="2025-09-16", subject="Organisatie en beleid"),
    aanhef=["Gedeputeerde Staten van Drenthe;", "gelet op afdeling 10.1.1 van de Algemene wet bestuursrecht en artikel 176 van de Provinciewet;", "besluiten:"],
    artikelen=[
        A("1", "Mandaat", "Aan de directeuren wordt mandaat verleend om namens Gedeputeerde Staten te beslissen over de aangelegenheden die in de bijlage bij hun organisatieonderdeel zijn vermeld."),
        A("2", "Ondermandaat", "Een directeur kan ondermandaat verlenen aan een afdelingshoofd, met uitzondering van de bevoegdheid om bezwaarschriften af te handelen."),
        A("3", "Ondertekening", "Besluiten die krachtens mandaat worden genomen, worden ondertekend met: Gedeputeerde Staten van Drenthe, namens dezen, gevolgd door naam en functie."),
        A("4", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Assen, 16 september 2025", "Gedeputeerde Staten van Drenthe"],
))

# ---- Hoogheemraadschap van Rijnland (water board) ------------------------------------------------

add(Doc(
    "wsb-2025-16602",
    dict(title="Aanwijzingsbesluit elektronische kanalen Hoogheemraadschap van Rijnland 2026", creator="Hoogheemraadschap van Rijnland",
         uitgever="Hoogheemraadschap van Rijnland", rubriek=WOO_RUBRIEK, available="2025-12-04", modified="2025-12-04",
         issued="2025-11-25", subject="Organisatie en beleid"),
    aanhef=["Het college van dijkgraaf en hoogheemraden van het Hoogheemraadschap van Rijnland;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht en artikel 83 van de Waterschapswet;", "besluit:"],
    artikelen=[
        A("1", "Aanwijzing", "Voor de berichten die in de bijlage bij dit besluit zijn genoemd, zijn de daar vermelde kanalen aangewezen."),
        A("2", "Inloggen", "Bedrijven en organisaties die een bericht via een webformulier van Rijnland verzenden, loggen in met eHerkenning op betrouwbaarheidsniveau EH2+ of hoger."),
        A("3", "E-mail", "E-mail is niet aangewezen voor het indienen van aanvragen, meldingen, zienswijzen en bezwaarschriften."),
        A("4", "Inwerkingtreding", "Dit besluit treedt in werking op 1 januari 2026."),
    ],
    sluiting=["Leiden, 25 november 2025", "Het college van dijkgraaf en hoogheemraden, de secretaris-directeur, drs. A. Mulder, de dijkgraaf, ir. G. Zonneveld"],
    bijlagen=[Bijlage("1", "Berichten en kanalen", [], ["Bericht", "Kanaal"], [
        Row(["Aanvraag watervergunning of melding op grond van de Omgevingswet", "Omgevingsloket"],
            [Ch("omgevingsloket", "Omgevingsloket", "aanvraag watervergunning of melding Omgevingswet", value="Omgevingsloket")]),
        Row(["Melding wateroverlast of calamiteit", "webformulier melding op www.rijnland.net/melden"],
            [Ch("web_form", "webformulier melding op www.rijnland.net/melden", "melding wateroverlast of calamiteit",
                value="www.rijnland.net/melden")]),
        Row(["Bezwaarschrift tegen een besluit van Rijnland", "webformulier bezwaar op www.rijnland.net/bezwaar, met eHerkenning voor bedrijven"],
            [Ch("web_form", "webformulier bezwaar op www.rijnland.net/bezwaar", "bezwaarschrift", auth=("eherkenning",),
                value="www.rijnland.net/bezwaar")]),
        Row(["Overige berichten", "contactformulier op www.rijnland.net/contact"],
            [Ch("contact_form", "contactformulier op www.rijnland.net/contact", "overige berichten", value="www.rijnland.net/contact")]),
    ])],
    classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
))
DOCS[-1].artikelen[2].leden[0].channels = [Ch("email", "E-mail is niet aangewezen", "aanvragen, meldingen, zienswijzen en bezwaarschriften",
                                              status="excluded")]

add(Doc(
    "wsb-2025-13310",
    dict(title="Besluit aanwijzing toezichthouders en handhavers Hoogheemraadschap van Rijnland 2025", creator="Hoogheemraadschap van Rijnland",
         uitgever="Hoogheemraadschap van Rijnland", rubriek=WOO_RUBRIEK, available="2025-08-28", modified="2025-08-28",
         issued="2025-08-19", subject="Natuur en milieu"),
    aanhef=["Het college van dijkgraaf en hoogheemraden van het Hoogheemraadschap van Rijnland;",
            "gelet op artikel 5:11 van de Algemene wet bestuursrecht en artikel 18.4 van de Omgevingswet;", "besluit:"],
    artikelen=[
        A("1", "Toezichthouders", "Als toezichthouder op de naleving van de waterschapsverordening en de Omgevingswet worden aangewezen de medewerkers met de functie inspecteur watersystemen of handhaver vergunningverlening."),
        A("2", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Leiden, 19 augustus 2025", "Het college van dijkgraaf en hoogheemraden"],
))

# ---- Waterschap Vallei en Veluwe: an electronic publication regulation (not a designation) ----------

add(Doc(
    "wsb-2024-8811",
    dict(title="Verordening elektronische bekendmaking Waterschap Vallei en Veluwe 2024", creator="Waterschap Vallei en Veluwe",
         uitgever="Waterschap Vallei en Veluwe", rubriek="Verordeningen", available="2024-06-13", modified="2024-06-13",
         issued="2024-05-29", subject="Organisatie en beleid"),
    aanhef=["Het algemeen bestuur van Waterschap Vallei en Veluwe;",
            "gelet op artikel 73 van de Waterschapswet en de Wet elektronische publicaties;", "besluit vast te stellen:"],
    artikelen=[
        A("1", "Elektronische bekendmaking", "Besluiten van algemene strekking en andere mededelingen van het waterschap worden bekendgemaakt in het Waterschapsblad."),
        A("2", "Terinzagelegging", "Stukken die ter inzage worden gelegd, worden tevens elektronisch beschikbaar gesteld op de website van het waterschap."),
        A("3", "Kennisgeving", "Het waterschap kan belanghebbenden per e-mail attenderen op een bekendmaking als zij zich daarvoor hebben aangemeld."),
        A("4", "Inwerkingtreding", "Deze verordening treedt in werking op 1 juli 2024."),
    ],
    sluiting=["Apeldoorn, 29 mei 2024", "Het algemeen bestuur van Waterschap Vallei en Veluwe"],
))

# ---- Omgevingsdienst regio Utrecht (joint body, Blad gemeenschappelijke regeling) -----------------

add(Doc(
    "bgr-2025-1412",
    dict(title="Aanwijzingsbesluit elektronische kanalen Omgevingsdienst regio Utrecht", creator="Omgevingsdienst regio Utrecht",
         uitgever="de gemeenschappelijke regeling Omgevingsdienst regio Utrecht", rubriek=WOO_RUBRIEK,
         available="2025-12-17", modified="2025-12-17", issued="2025-12-08", subject="Natuur en milieu"),
    aanhef=["Het dagelijks bestuur van de Omgevingsdienst regio Utrecht;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;",
            "overwegende dat de omgevingsdienst namens de deelnemende gemeenten en de provincie berichten ontvangt over vergunningen, meldingen en klachten over milieuhinder;",
            "besluit:"],
    artikelen=[
        A("1", "Omgevingsloket", "Aanvragen, meldingen en aanvullende gegevens op grond van de Omgevingswet worden verzonden via het Omgevingsloket."),
        A("2", "Klachten over milieuhinder", "Een klacht over geluid, geur, stof of licht wordt verzonden via het klachtenformulier op www.odru.nl/klacht-melden."),
        A("3", "Overige berichten", "Voor alle overige berichten is het contactformulier op www.odru.nl/contact aangewezen."),
        A("4", "E-mail", "Berichten per e-mail worden niet aangemerkt als langs elektronische weg ingediend."),
        A("5", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Utrecht, 8 december 2025", "Het dagelijks bestuur van de Omgevingsdienst regio Utrecht, de secretaris, de voorzitter"],
    classification="wmebv_designation", effective_rule="treedt in werking op de dag na bekendmaking",
))
odru = DOCS[-1]
odru.artikelen[0].leden[0].channels = [Ch("omgevingsloket", "worden verzonden via het Omgevingsloket", "berichten op grond van de Omgevingswet",
                                          value="Omgevingsloket")]
odru.artikelen[1].leden[0].channels = [Ch("web_form", "wordt verzonden via het klachtenformulier op www.odru.nl/klacht-melden",
                                          "klacht over milieuhinder", value="www.odru.nl/klacht-melden")]
odru.artikelen[2].leden[0].channels = [Ch("contact_form", "is het contactformulier op www.odru.nl/contact aangewezen", "overige berichten",
                                          value="www.odru.nl/contact")]
odru.artikelen[3].leden[0].channels = [Ch("email", "Berichten per e-mail worden niet aangemerkt als langs elektronische weg ingediend",
                                          status="excluded")]

add(Doc(
    "bgr-2025-1200",
    dict(title="Mandaatregeling Omgevingsdienst regio Utrecht 2025", creator="Omgevingsdienst regio Utrecht",
         uitgever="de gemeenschappelijke regeling Omgevingsdienst regio Utrecht", rubriek=WOO_RUBRIEK,
         available="2025-11-06", modified="2025-11-06", issued="2025-10-27", subject="Organisatie en beleid"),
    aanhef=["Het dagelijks bestuur en de voorzitter van de Omgevingsdienst regio Utrecht, ieder voor zover bevoegd;",
            "gelet op afdeling 10.1.1 van de Algemene wet bestuursrecht;", "besluiten:"],
    artikelen=[
        A("1", "Mandaat directeur", "Aan de directeur wordt mandaat verleend tot het nemen van besluiten over de bedrijfsvoering van de omgevingsdienst, binnen de vastgestelde begroting."),
        A("2", "Ondermandaat", "De directeur kan ondermandaat verlenen aan de managers van de afdelingen Vergunningverlening en Toezicht en handhaving."),
        A("3", "Inwerkingtreding", "Deze regeling treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Utrecht, 27 oktober 2025", "Het dagelijks bestuur, de voorzitter"],
))

# ---- Rotterdam: other aanwijzingsbesluit, mandate, and a designation with a three-column annex --------

add(Doc(
    "gmb-2025-390021",
    dict(title="Aanwijzingsbesluit parkeerterreinen Rotterdam 2025", creator="Rotterdam", uitgever="de gemeente Rotterdam",
         rubriek=WOO_RUBRIEK, available="2025-08-14", modified="2025-08-14", issued="2025-08-05", subject="Verkeer"),
    aanhef=["Het college van burgemeester en wethouders van Rotterdam;",
            "gelet op artikel 2 van de Parkeerverordening Rotterdam 2023;", "besluit:"],
    artikelen=[
        A("1", "Aanwijzing parkeerterreinen", "Als parkeerterrein waar tegen betaling mag worden geparkeerd, worden aangewezen:", lijst(
            ("a.", "het terrein aan de Kralingse Plaslaan, tussen de Oudedijk en de Lange Hilleweg;"),
            ("b.", "het terrein bij sportpark Varkenoord, tijdens wedstrijden en evenementen;"),
            ("c.", "het terrein aan de Schiedamseweg bij metrostation Marconiplein."))),
        A("2", "Tijden", "Op de aangewezen terreinen geldt betaald parkeren van maandag tot en met zaterdag van 09.00 tot 23.00 uur."),
        A("3", "Inwerkingtreding", "Dit besluit treedt in werking op 1 september 2025."),
    ],
    sluiting=["Rotterdam, 5 augustus 2025", "Burgemeester en wethouders van Rotterdam"],
))

add(Doc(
    "gmb-2025-402230",
    dict(title="Mandaatbesluit Publiekszaken Rotterdam 2025", creator="Rotterdam", uitgever="de gemeente Rotterdam",
         rubriek=WOO_RUBRIEK, available="2025-08-21", modified="2025-08-21", issued="2025-08-12", subject="Organisatie en beleid"),
    aanhef=["De burgemeester en het college van burgemeester en wethouders van Rotterdam, ieder voor zover bevoegd;",
            "gelet op afdeling 10.1.1 van de Algemene wet bestuursrecht;", "besluiten:"],
    artikelen=[
        A("1", "Mandaat", "Aan de directeur Publiekszaken wordt mandaat verleend voor de besluiten over reisdocumenten, rijbewijzen, de basisregistratie personen en verklaringen omtrent het gedrag."),
        A("2", "Ondermandaat", "De directeur Publiekszaken kan ondermandaat verlenen aan de afdelingsmanagers en de teamleiders van de stadswinkels."),
        A("3", "Elektronische ondertekening", "Besluiten krachtens dit mandaat kunnen elektronisch worden ondertekend."),
        A("4", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Rotterdam, 12 augustus 2025", "De burgemeester van Rotterdam", "Burgemeester en wethouders van Rotterdam"],
))

add(Doc(
    "gmb-2025-515876",
    dict(title="Aanwijzingsbesluit elektronische kanalen Rotterdam 2026", creator="Rotterdam", uitgever="de gemeente Rotterdam",
         rubriek=WOO_RUBRIEK, available="2025-12-04", modified="2025-12-04", issued="2025-11-25", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders van Rotterdam en de burgemeester van Rotterdam, ieder voor zover het zijn bevoegdheid betreft;",
            "gelet op de artikelen 2:13, tweede lid, en 2:14 van de Algemene wet bestuursrecht;", "besluiten:"],
    artikelen=[
        A("1", "Aanwijzing", "Een verzender kan een bericht elektronisch verzenden langs het kanaal dat in bijlage 1 voor het onderwerp van dat bericht is vermeld, onder de daar genoemde voorwaarde."),
        A("2", "Vangnet", "Valt een bericht onder geen van de onderwerpen van bijlage 1, dan is het algemene contactformulier op www.rotterdam.nl/contact het aangewezen kanaal."),
        A("3", "Uitgezonderde kanalen",
          L("1", "Berichten via WhatsApp, Facebook Messenger, Instagram of andere sociale media zijn geen berichten langs een aangewezen kanaal.",
            ch=[Ch("other", "Berichten via WhatsApp, Facebook Messenger, Instagram of andere sociale media zijn geen berichten langs een aangewezen kanaal",
                   status="excluded", value="WhatsApp, Facebook Messenger, Instagram of andere sociale media")]),
          L("2", "E-mail is uitgesloten als kanaal voor aanvragen, bezwaarschriften, klachten en zienswijzen.",
            ch=[Ch("email", "E-mail is uitgesloten als kanaal", "aanvragen, bezwaarschriften, klachten en zienswijzen", status="excluded")])),
        A("4", "Inwerkingtreding", "Dit besluit treedt in werking op 1 januari 2026."),
    ],
    sluiting=["Rotterdam, 25 november 2025", "Burgemeester en wethouders van Rotterdam", "De burgemeester van Rotterdam"],
    bijlagen=[Bijlage("1", "Onderwerpen, kanalen en voorwaarden", [], ["Onderwerp", "Kanaal", "Voorwaarde"], [
        Row(["Aanvraag of wijziging parkeervergunning", "Mijn Loket op www.rotterdam.nl/mijnloket", "inloggen met DigiD"],
            [Ch("portal", "Mijn Loket op www.rotterdam.nl/mijnloket", "aanvraag of wijziging parkeervergunning", auth=("digid",),
                value="www.rotterdam.nl/mijnloket")]),
        Row(["Bezwaarschrift", "e-formulier bezwaar op www.rotterdam.nl/bezwaar", "inloggen met DigiD of eHerkenning"],
            [Ch("web_form", "e-formulier bezwaar op www.rotterdam.nl/bezwaar", "bezwaarschrift", auth=("digid", "eherkenning"),
                value="www.rotterdam.nl/bezwaar")]),
        Row(["Melding openbare ruimte", "app BuitenBeter of e-formulier op www.rotterdam.nl/melden", "geen"],
            [Ch("other", "app BuitenBeter", "melding openbare ruimte", value="app BuitenBeter"),
             Ch("web_form", "e-formulier op www.rotterdam.nl/melden", "melding openbare ruimte", value="www.rotterdam.nl/melden")]),
        Row(["Aanvraag omgevingsvergunning", "Omgevingsloket", "inloggen met DigiD of eHerkenning"],
            [Ch("omgevingsloket", "Omgevingsloket", "aanvraag omgevingsvergunning", auth=("digid", "eherkenning"), value="Omgevingsloket")]),
        Row(["Aanvraag vergunning als dienstverrichter", "Ondernemersplein, het centraal loket Dienstenwet", "inloggen met eHerkenning"],
            [Ch("dienstenwet_loket", "Ondernemersplein, het centraal loket Dienstenwet", "aanvraag vergunning als dienstverrichter",
                auth=("eherkenning",), value="Ondernemersplein")]),
    ])],
    classification="wmebv_designation", effective_date="2026-01-01", effective_rule="treedt in werking op 1 januari 2026",
))
DOCS[-1].artikelen[1].leden[0].channels = [Ch("contact_form", "dan is het algemene contactformulier op www.rotterdam.nl/contact het aangewezen kanaal",
                                              "berichten buiten de onderwerpen van bijlage 1", value="www.rotterdam.nl/contact")]

# ---- Unrelated publications (short notices) -------------------------------------------------------

mededeling("gmb-2025-277001", "Eindhoven", "de gemeente Eindhoven", "Verleende omgevingsvergunning Kanaaldijk-Noord 113",
           "omgevingsvergunning", "2025-07-03",
           "Burgemeester en wethouders van Eindhoven hebben een omgevingsvergunning verleend voor het verbouwen van een bedrijfshal tot vijf appartementen op het adres Kanaaldijk-Noord 113.",
           "Tegen dit besluit kunnen belanghebbenden binnen zes weken na de dag van verzending bezwaar maken. U kunt uw bezwaarschrift digitaal indienen via www.eindhoven.nl/bezwaar.",
           subject="Ruimte en infrastructuur")
mededeling("gmb-2025-351002", "Amsterdam", "de gemeente Amsterdam", "Verkeersbesluit eenrichtingsverkeer Tweede Jan Steenstraat",
           "verkeersbesluit of -mededeling", "2025-07-31",
           "Het dagelijks bestuur van stadsdeel Zuid heeft namens het college besloten eenrichtingsverkeer in te stellen in de Tweede Jan Steenstraat, in de richting van de Ferdinand Bolstraat naar de Van Woustraat.",
           "Het besluit draagt bij aan de verkeersveiligheid voor fietsers en voetgangers rond de schoolingang.",
           "Belanghebbenden kunnen binnen zes weken na bekendmaking bezwaar maken bij het college van burgemeester en wethouders.",
           subject="Verkeer")
mededeling("gmb-2025-366540", "Amsterdam", "de gemeente Amsterdam", "Evenementenvergunning Lichtjesroute Westerpark 2025",
           "evenementenvergunning", "2025-08-07",
           "De burgemeester heeft een evenementenvergunning verleend aan Stichting Lichtjesroute voor een lichtwandeling in het Westerpark van 12 tot en met 21 december 2025, dagelijks van 16.30 tot 22.00 uur.",
           "Belanghebbenden kunnen binnen zes weken na de dag van bekendmaking bezwaar maken bij de burgemeester.",
           subject="Cultuur en recreatie")
mededeling("gmb-2025-240115", "Leeuwarden", "de gemeente Leeuwarden", "Aanvraag omgevingsvergunning Oldehoofsterkerkhof 2",
           "omgevingsvergunning", "2025-05-22",
           "Burgemeester en wethouders van Leeuwarden hebben een aanvraag omgevingsvergunning ontvangen voor het plaatsen van een terrasoverkapping op het adres Oldehoofsterkerkhof 2.",
           "Dit is nog geen besluit. Tegen een aanvraag kunt u geen bezwaar maken.",
           subject="Ruimte en infrastructuur")

add(Doc(
    "gmb-2024-301455",
    dict(title="Mandaatregeling gemeente Eindhoven 2024", creator="Eindhoven", uitgever="de gemeente Eindhoven",
         rubriek=WOO_RUBRIEK, available="2024-07-11", modified="2024-07-11", issued="2024-07-02", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders van Eindhoven;", "gelet op artikel 10:3 van de Algemene wet bestuursrecht;", "besluit:"],
    artikelen=[
        A("1", "Mandaat", "De bevoegdheden die zijn opgenomen in het mandaatregister worden gemandateerd aan de functionarissen die daarin zijn vermeld."),
        A("2", "Register", "Het mandaatregister wordt elektronisch bijgehouden en ligt ter inzage op het stadhuis en op www.eindhoven.nl."),
        A("3", "Inwerkingtreding", "Deze regeling treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Eindhoven, 2 juli 2024", "Burgemeester en wethouders van Eindhoven"],
))

# ---- Leeuwarden: pre-Wmebv CVDR regulation, no longer in force -------------------------------------

add(Doc(
    "CVDR700812_1",
    dict(title="Besluit elektronisch berichtenverkeer Leeuwarden 2017", creator="Leeuwarden", organisatietype="Gemeente",
         rubriek="overige besluiten van algemene strekking", subject="bestuur en recht", modified="2026-01-02",
         issued="2017-05-16", in_force_from="2017-06-01", in_force_to="2025-12-31",
         is_ratified_by="college van burgemeester en wethouders", betreft="Nieuwe regeling"),
    aanhef=["Het college van burgemeester en wethouders en de burgemeester van Leeuwarden, ieder voor zover bevoegd;",
            "gelet op artikel 2:15 van de Algemene wet bestuursrecht;", "besluiten:"],
    artikelen=[
        A("1", "Elektronische weg",
          L("1", "De bestuursorganen zijn langs elektronische weg bereikbaar via de e-formulieren op www.leeuwarden.nl.",
            ch=[Ch("web_form", "langs elektronische weg bereikbaar via de e-formulieren op www.leeuwarden.nl", value="www.leeuwarden.nl")]),
          L("2", "Berichten die per e-mail worden verzonden aan gemeente@leeuwarden.nl worden aanvaard, met uitzondering van bezwaarschriften en aanvragen om een vergunning.",
            ch=[Ch("email", "Berichten die per e-mail worden verzonden aan gemeente@leeuwarden.nl worden aanvaard", "alle berichten behalve bezwaarschriften en vergunningaanvragen",
                   value="gemeente@leeuwarden.nl"),
                Ch("email", "met uitzondering van bezwaarschriften en aanvragen om een vergunning", "bezwaarschriften en vergunningaanvragen",
                   status="excluded")])),
        A("2", "Inwerkingtreding", "Dit besluit treedt in werking op 1 juni 2017."),
    ],
    sluiting=["Leeuwarden, 16 mei 2017", "Burgemeester en wethouders van Leeuwarden"],
    classification="pre_wmebv_designation", effective_date="2017-06-01", effective_rule="treedt in werking op 1 juni 2017",
))

# ---- Zwolle: later fixed date, Dienstenwet via Ondernemersplein, annex by category ---------------------

zwolle = add(Doc(
    "gmb-2025-548870",
    dict(title="Aanwijzingsbesluit elektronische kanalen gemeente Zwolle", creator="Zwolle", uitgever="de gemeente Zwolle",
         rubriek=WOO_RUBRIEK, available="2025-12-19", modified="2025-12-19", issued="2025-12-16", subject="Organisatie en beleid",
         betreft_regeling="CVDR764410_1"),
    aanhef=["Het college van burgemeester en wethouders van Zwolle;",
            "gelet op artikel 2:13, tweede lid, van de Algemene wet bestuursrecht;",
            "overwegende dat de nieuwe digitale dienstverlening van de gemeente pas vanaf februari 2026 volledig beschikbaar is;",
            "besluit:"],
    artikelen=[
        A("1", "Aanwijzing", "De kanalen voor het elektronisch verzenden van berichten aan het college zijn per categorie aangewezen in de bijlage."),
        A("2", "Ondernemers", "Dienstverrichters kunnen berichten over procedures en formaliteiten die onder de Dienstenwet vallen ook indienen via het Ondernemersplein als centraal loket."),
        A("3", "Inwerkingtreding", "Dit besluit treedt in werking op 1 februari 2026."),
    ],
    sluiting=["Zwolle, 16 december 2025", "Burgemeester en wethouders van Zwolle"],
    bijlagen=[Bijlage("1", "Categorieën van berichten", ["De kanalen gelden voor berichten aan het college van burgemeester en wethouders."],
                      ["Categorie", "Aangewezen kanaal"], [
        Row(["Aanvragen en meldingen voor producten en diensten", "het digitale formulier bij het product op www.zwolle.nl, inloggen met DigiD of eHerkenning"],
            [Ch("web_form", "het digitale formulier bij het product op www.zwolle.nl", "aanvragen en meldingen voor producten en diensten",
                auth=("digid", "eherkenning"), value="www.zwolle.nl")]),
        Row(["Bezwaarschriften en klachten", "het formulier bezwaar en klacht op www.zwolle.nl/bezwaar"],
            [Ch("web_form", "het formulier bezwaar en klacht op www.zwolle.nl/bezwaar", "bezwaarschriften en klachten",
                value="www.zwolle.nl/bezwaar")]),
        Row(["Berichten die niet onder een andere categorie vallen", "het contactformulier op www.zwolle.nl/contact; e-mail is niet aangewezen"],
            [Ch("contact_form", "het contactformulier op www.zwolle.nl/contact", "overige berichten", value="www.zwolle.nl/contact"),
             Ch("email", "e-mail is niet aangewezen", "overige berichten", status="excluded")]),
    ])],
    classification="wmebv_designation", effective_date="2026-02-01", effective_rule="treedt in werking op 1 februari 2026",
))
zwolle.artikelen[1].leden[0].channels = [Ch("dienstenwet_loket", "ook indienen via het Ondernemersplein als centraal loket",
                                            "berichten van dienstverrichters onder de Dienstenwet", value="Ondernemersplein")]
add(cvdr_of(zwolle, "CVDR764410_1", modified="2025-12-23", in_force_from="2026-02-01",
            is_ratified_by="college van burgemeester en wethouders", betreft="Nieuwe regeling",
            rubriek="overige besluiten van algemene strekking"))

# ---- Nijmegen: toezichthouders, and a 2024 pre-Wmebv opening of the electronic way -------------------

add(Doc(
    "gmb-2025-199800",
    dict(title="Aanwijzingsbesluit toezichthouders Alcoholwet Nijmegen 2025", creator="Nijmegen", uitgever="de gemeente Nijmegen",
         rubriek=WOO_RUBRIEK, available="2025-04-24", modified="2025-04-24", issued="2025-04-15", subject="Openbare orde en veiligheid"),
    aanhef=["De burgemeester van Nijmegen;", "gelet op artikel 41 van de Alcoholwet;", "besluit:"],
    artikelen=[
        A("1", "Aanwijzing", "Als toezichthouder op de naleving van de Alcoholwet worden aangewezen de medewerkers van het team Toezicht Bijzondere Wetten die de daarvoor vereiste opleiding hebben afgerond."),
        A("2", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Nijmegen, 15 april 2025", "De burgemeester van Nijmegen"],
))

add(Doc(
    "gmb-2024-262514",
    dict(title="Besluit openstelling elektronische weg gemeente Nijmegen 2024", creator="Nijmegen", uitgever="de gemeente Nijmegen",
         rubriek=WOO_RUBRIEK, available="2024-06-20", modified="2024-06-20", issued="2024-06-11", subject="Organisatie en beleid"),
    aanhef=["Het college van burgemeester en wethouders van Nijmegen;",
            "gelet op artikel 2:15, eerste lid, van de Algemene wet bestuursrecht;", "besluit:"],
    artikelen=[
        A("1", "Openstelling",
          L("1", "Het college is langs elektronische weg bereikbaar via de webformulieren op www.nijmegen.nl en via het e-mailadres gemeente@nijmegen.nl.",
            ch=[Ch("web_form", "langs elektronische weg bereikbaar via de webformulieren op www.nijmegen.nl", value="www.nijmegen.nl"),
                Ch("email", "via het e-mailadres gemeente@nijmegen.nl", value="gemeente@nijmegen.nl")]),
          L("2", "Een bezwaarschrift kan niet per e-mail worden ingediend; daarvoor is uitsluitend het webformulier bezwaar beschikbaar.",
            ch=[Ch("email", "Een bezwaarschrift kan niet per e-mail worden ingediend", "bezwaarschrift", status="excluded"),
                Ch("web_form", "daarvoor is uitsluitend het webformulier bezwaar beschikbaar", "bezwaarschrift")])),
        A("2", "Inwerkingtreding", "Dit besluit treedt in werking op 1 juli 2024."),
    ],
    sluiting=["Nijmegen, 11 juni 2024", "Burgemeester en wethouders van Nijmegen"],
    classification="pre_wmebv_designation", effective_date="2024-07-01", effective_rule="treedt in werking op 1 juli 2024",
))

# ---- Tilburg: an aanwijzingsbesluit that has nothing to do with channels ---------------------------

add(Doc(
    "gmb-2025-329977",
    dict(title="Aanwijzingsbesluit gebieden cameratoezicht Tilburg 2025", creator="Tilburg", uitgever="de gemeente Tilburg",
         rubriek=WOO_RUBRIEK, available="2025-07-17", modified="2025-07-17", issued="2025-07-08", subject="Openbare orde en veiligheid"),
    aanhef=["De burgemeester van Tilburg;", "gelet op artikel 151c van de Gemeentewet;", "besluit:"],
    artikelen=[
        A("1", "Aanwijzing", "Voor cameratoezicht worden aangewezen het stationsgebied, de Piusstraat met omliggende straten en het uitgaansgebied rond de Korte Heuvel."),
        A("2", "Duur", "De aanwijzing geldt tot en met 31 december 2026."),
        A("3", "Inwerkingtreding", "Dit besluit treedt in werking op de dag na bekendmaking."),
    ],
    sluiting=["Tilburg, 8 juli 2025", "De burgemeester van Tilburg"],
))


if __name__ == "__main__":
    write(DOCS)
    print(f"{len(DOCS)} publications written to {HERE}")
