"""Writes the sample corpus (`officielepublicaties/`, `cvdr/`) from the document specs below.

The texts are our own, written for this project in the style of real Gemeenteblad / CVDR
publications (no text copied from any real decision). Each spec holds the structure of one
publication (aanhef, artikelen with leden and lijsten, bijlage tables, sluiting) and, for
designations, the channels it designates or excludes, attached to the lid or table row whose
words do it, so `<id>.expected.json` gets exact quotes and locations. Run from the repo root:

    .venv/bin/python kanaalwijzer/corpus/sample/build_sample.py

The script checks every quote occurs in its lid/row and rewrites all corpus files.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from kanaalwijzer.bodies import match_body

HERE = Path(__file__).resolve().parent
OP, CVDR = "officielepublicaties", "cvdr"
BLAD = {"gmb": ("Gemeenteblad", "GEMEENTEBLAD", "gemeenteblad"),
        "prb": ("Provinciaal blad", "PROVINCIAAL BLAD", "provinciaalblad"),
        "wsb": ("Waterschapsblad", "WATERSCHAPSBLAD", "waterschapsblad"),
        "bgr": ("Blad gemeenschappelijke regeling", "BLAD GEMEENSCHAPPELIJKE REGELING", "bladgemeenschappelijkeregeling")}
ORGTYPE = {"gmb": "gemeente", "prb": "provincie", "wsb": "waterschap", "bgr": "regionaal samenwerkingsorgaan"}


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
    return Art(nr, titel, [x if isinstance(x, Lid) else Lid(None, [x]) for x in leden])


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
    _, blad_kop, blad_tag = BLAD[prefix]
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
    all_text = " ".join(_text(l.parts) for a in doc.artikelen for l in a.leden)
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
        m.setdefault("publicatienaam", BLAD[prefix][0])
        m.setdefault("organisatietype", ORGTYPE[prefix])
        return {k: m.get(k) for k in keep_op if k in m or k in ("issued", "subject", "betreft_regeling")}
    work, version = doc.id.rsplit("_", 1)
    m.update(work_id=work, version=int(version))
    m.setdefault("in_force_to", None)
    m.setdefault("is_format_of", None)
    return {k: m.get(k) for k in keep_cvdr}


def write(docs: list[Doc]) -> None:
    for source in (OP, CVDR):
        shutil.rmtree(HERE / source, ignore_errors=True)
        (HERE / source).mkdir()
    seen = set()
    for doc in docs:
        assert doc.id not in seen, doc.id
        seen.add(doc.id)
        if doc.source == OP:
            prefix = doc.id.split("-")[0]
            doc.meta.setdefault("organisatietype", ORGTYPE[prefix])
        folder = HERE / doc.source
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
                 doc.meta.get("organisatietype") or ORGTYPE[doc.id.split("-")[0]]])
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
