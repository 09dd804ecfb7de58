"""kw_authority: the issuing body (matched to kanaalwijzer.bodies, CBS code for municipalities)
and the organ(s) that took the decision.

Sources, most reliable first: the file's own metadata (dcterms:creator, DC.creator), the CVDR
page furniture ("Organisatie ... Organisatietype ..."), the blad masthead ("Gemeenteblad van X",
"Officiële uitgave van de gemeente X"), "gemeente X" / "provincie X" / "waterschap X" in the
title, then the enacting formula ("Het college van burgemeester en wethouders van X").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kanaalwijzer.bodies import (
    RIJK,
    ZBO,
    Body,
    has_own_competence,
    match_body,
    minister,
    national_bodies,
    national_organ,
)

from . import extensions

NAME = (r"([A-Z'’][\w'’.\-]*(?:[ \-](?:[A-Z'’][\w'’.\-]*|aan|den|en|op|de|van|a/d|in|bij|ter))*"
        r"(?:\s\((?:NH|N-H|L|Gld|Ov|ZH|NB|Fr|U|Z|Dr)\.?\))?)")  # "Bergen (NH)"
ORGANISATIE = re.compile(r"^Organisatie(?!type)\s*:?\s*(.+)$", re.M)
ORGANISATIETYPE = re.compile(r"^Organisatietype\s*:?\s*(.+)$", re.M)
BLAD = re.compile(r"^(Gemeenteblad|Provinciaal blad|Waterschapsblad|Blad gemeenschappelijke regeling) van (.+)$", re.M | re.I)
UITGAVE = re.compile(r"Officiële uitgave van (?:de |het )?(gemeente|provincie|waterschap|gemeenschappelijke regeling)\s+(.+?)\.?$", re.M | re.I)
TYPED = re.compile(r"\b((?i:gemeente|provincie|waterschap|wetterskip|hoogheemraadschap(?:\s+van)?))\s+" + NAME)
ENACTING = re.compile(
    r"^(?:(?:het|de)\s+)?(?:college|raad|gemeenteraad|burgemeester|gedeputeerde|provinciale\s+staten|"
    r"dagelijks\s+bestuur|algemeen\s+bestuur|bestuur|commissaris|dijkgraaf)\b[^\n]{0,300}$", re.I | re.M)
# a joint body names itself by its kind of task: "Veiligheidsregio Zuid-Holland Zuid" is not the
# province Zuid-Holland; "Regionale Uitvoeringsdienst Drenthe" keeps its adjective
JOINT = re.compile(r"\b((?:(?:Regionale|Intergemeentelijke)\s+)?(?:Veiligheidsregio|Omgevingsdienst|GGD|Recreatieschap|Afvalschap|Belastingsamenwerking|"
                   r"Belastingkantoor|Werkorganisatie|Uitvoeringsdienst|Samenwerkingsverband|Gemeenschappelijke\s+regeling)"
                   r"\s+" + NAME[1:-1] + ")")
OF_NAME = re.compile(r"\b(?:van|in)\s+(?:de\s+gemeente\s+|het\s+waterschap\s+|de\s+provincie\s+)?" + NAME)
VASTGESTELD_DOOR = re.compile(r"^Vastgesteld door\s*:?\s*(.+)$", re.M | re.I)
TYPE_WORDS = {"gemeente": "gemeente", "provincie": "provincie", "waterschap": "waterschap",
              "wetterskip": "waterschap", "hoogheemraadschap": "waterschap",
              "gemeenteblad": "gemeente", "provinciaal blad": "provincie", "waterschapsblad": "waterschap",
              "blad gemeenschappelijke regeling": "gemeenschappelijke_regeling",
              "gemeenschappelijke regeling": "gemeenschappelijke_regeling"}
ORGANS = [  # (pattern, canonical organ)
    (re.compile(r"\b(?:college\s+van\s+)?burgemeester\s+en\s+wethouders\b|\bcollege\b(?!\s+van\s+gedeputeerde)", re.I),
     "college van burgemeester en wethouders"),
    (re.compile(r"\bburgemeester\b(?!\s+en\s+wethouders)", re.I), "burgemeester"),
    (re.compile(r"\b(?:gemeente)?raad\b", re.I), "raad"),
    (re.compile(r"\bgedeputeerde\s+staten\b", re.I), "gedeputeerde staten"),
    (re.compile(r"\bprovinciale\s+staten\b", re.I), "provinciale staten"),
    (re.compile(r"\bcommissaris\s+van\s+de\s+koning\b", re.I), "commissaris van de Koning"),
    (re.compile(r"\bdagelijks\s+bestuur\b", re.I), "dagelijks bestuur"),
    (re.compile(r"\balgemeen\s+bestuur\b", re.I), "algemeen bestuur"),
    (re.compile(r"\bdijkgraaf\b", re.I), "dijkgraaf"),
    (re.compile(r"\bvoorzitter\b", re.I), "voorzitter"),
]


# -- national bodies ------------------------------------------------------------------------------
# ministries as they have been named since the 1980s (longest first); an unknown portfolio is read
# as the capitalised words after "van"/"voor"
PORTFOLIOS = sorted([
    "Algemene Zaken", "Binnenlandse Zaken en Koninkrijksrelaties", "Binnenlandse Zaken", "Buitenlandse Zaken",
    "Defensie", "Economische Zaken, Landbouw en Innovatie", "Economische Zaken en Klimaat", "Economische Zaken",
    "Financiën", "Infrastructuur en Milieu", "Infrastructuur en Waterstaat", "Verkeer en Waterstaat",
    "Justitie en Veiligheid", "Veiligheid en Justitie", "Justitie", "Landbouw, Natuur en Voedselkwaliteit",
    "Landbouw, Natuurbeheer en Visserij", "Landbouw, Visserij, Voedselzekerheid en Natuur", "Klimaat en Groene Groei",
    "Onderwijs, Cultuur en Wetenschap", "Onderwijs, Cultuur en Wetenschappen", "Onderwijs en Wetenschappen",
    "Sociale Zaken en Werkgelegenheid", "Volksgezondheid, Welzijn en Sport", "Welzijn, Volksgezondheid en Cultuur",
    "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "Volkshuisvesting en Ruimtelijke Ordening",
    "Asiel en Migratie", "Wonen en Rijksdienst", "Jeugd en Gezin", "Ontwikkelingssamenwerking",
    "Buitenlandse Handel en Ontwikkelingssamenwerking", "Vreemdelingenzaken en Integratie", "Rechtsbescherming",
    "Medische Zorg", "Primair en Voortgezet Onderwijs", "Wonen, Wijken en Integratie", "Immigratie en Asiel",
    "Immigratie, Integratie en Asiel", "Koninkrijksrelaties",
], key=len, reverse=True)
CAP = r"[A-Z][\w'’\-]*"
MINISTER_RE = re.compile(
    r"\b([Mm]inister|[Ss]taatssecretaris)\s+(van|voor)\s+("
    + "|".join(re.escape(p) for p in PORTFOLIOS)
    + rf"|{CAP}(?:(?:,\s+|\s+en\s+|\s+)(?!Minister\b|Staatssecretaris\b){CAP})*)")
ROYAL = re.compile(r"\bWij\s+[A-Z][\w\-]+\s*,\s*bij\s+de\s+gratie\s+Gods\b")
LEGISLATOR = re.compile(r"\bgemeen\s+overleg\s+(?:der|met\s+de)\s+Staten-Generaal", re.I)


def _national_names() -> tuple[re.Pattern, dict[str, Body]]:
    forms: dict[str, Body] = {}
    for body in national_bodies():
        for form in (body.name, *body.variants):
            forms[form.replace("'", "’")] = body
            forms[form.replace("’", "'")] = body
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # a capital may follow: layouts glue words ("Raad voor Rechtsbijstand ’s-HertogenboschGezien:")
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![a-z0-9_-])"), forms


NATIONAL_NAMES, NATIONAL_FORMS = _national_names()
ALIAS = re.compile(r"\(hierna(?:\s+te\s+noemen)?\s*:?\s*(?:de|het)?\s*([A-Za-z][\w\- ]{1,40}?)\)")


def _minister(m: re.Match) -> Body:
    portfolio = m.group(3)
    return minister(m.group(1), f"{m.group(2)} {portfolio}")


def _named(source: str) -> Body | None:
    """The first minister or national body named in source."""
    found = []
    m = MINISTER_RE.search(source) if ("inister" in source or "taatssecretaris" in source) else None
    if m:
        found.append((m.start(), _minister(m)))
    n = NATIONAL_NAMES.search(source)
    if n:
        found.append((n.start(), NATIONAL_FORMS[n.group(0)]))
    return min(found, key=lambda f: f[0])[1] if found else None


def enacting_lines(text: str) -> list[str]:
    """The lines before the considerations ("Gelet op", "Besluit:", the first article): the
    enacting formula of a national decision ("De Staatssecretaris van Financiën,")."""
    out = []
    for line in text[:3000].split("\n")[1:8]:
        if re.match(r"(?:gelet|gezien|besluit|artikel|hoofdstuk|§|paragraaf|\d)", line, re.I):
            break
        out.append(line)
    return out


def find_national(text: str, title: str | None = None) -> Body | None:
    """The issuer of a national decision: the enacting formula ("De Minister van X," / "Het bestuur
    van het Faunafonds," / "Wij Beatrix ... Op de voordracht van" = the government, "... met gemeen
    overleg der Staten-Generaal" = the legislator), else the issuer in the title ("Regeling van de
    Staatssecretaris van Financiën van ..."), else the signature."""
    head = text[:6000]
    royal = ROYAL.search(head)
    if royal:
        return national_organ("wetgever" if LEGISLATOR.search(head) else "regering")
    for line in enacting_lines(head):
        body = _named(line[:300])
        if body:
            return body
    if title:
        own = re.match(r"^\S+\s+van\s+(?:de|het)\s+(.{3,200}?)(?:\s+van\s+\d|,|\s+(?:houdende|tot|inzake|betreffende|ter)\b|$)", title)
        body = _named(own.group(1)) if own else None
        if body:
            return body
    tail = text[-1500:]
    m = MINISTER_RE.search(tail) if ("inister" in tail or "taatssecretaris" in tail) else None
    if m:
        return _minister(m)
    return None


def aliases(text: str) -> dict[str, Body]:
    """Short names a text defines for national bodies: "de Dienst voor het kadaster en de openbare
    registers (hierna: de Dienst)" -> {"Dienst": Kadaster}."""
    out = {}
    for m in ALIAS.finditer(text[:20000]):
        before = text[max(0, m.start() - 120):m.start()]
        names = list(NATIONAL_NAMES.finditer(before))
        if names and before[names[-1].end():].strip(" ,") == "":
            out[m.group(1).strip()] = NATIONAL_FORMS[names[-1].group(0)]
    return out


ADDRESSED = re.compile(r"\b(?:aan|bij|tot)\s+(?:de|het|Onze)\s+(minister|staatssecretaris)\b", re.I)


def addressee(text: str, issuer: Body | None, clauses: list[str]) -> Body | None:
    """(For a national or unattributed text.) The body to which the messages a national decision opens a route for are addressed: a body with
    competences of its own named as the subject of those provisions or in the title ("De Belastingdienst
    stelt e-mail open", "Regeling elektronisch berichtenverkeer Belastingdienst"), else the minister
    (a staatssecretaris acts for the minister; messages "aan de minister" go to the minister)."""
    if issuer is not None and issuer.type not in (RIJK, ZBO):
        return issuer
    short = aliases(text)
    for clause in clauses:
        candidates = [(m.start(), NATIONAL_FORMS[m.group(0)]) for m in NATIONAL_NAMES.finditer(clause)]
        candidates += [(m.start(), body) for name, body in short.items()
                       for m in re.finditer(rf"\b(?:de|het)\s+{re.escape(name)}\b", clause)]
        own = [b for _, b in sorted(candidates, key=lambda c: c[0]) if has_own_competence(b)]
        if own and not ADDRESSED.search(clause):
            return own[0]
    if issuer is None:
        return None
    if issuer.name == "regering" and re.search(r"\b(?:bij|aan|tot)\s+Onze\s+Minister\b", text):
        m = re.search(r"\bOp\s+de\s+voordracht\s+van\s+Onze\s+(Minister\s+(?:van|voor)\s+[^\n]{3,120})", text[:6000])
        named = MINISTER_RE.search(m.group(1)) if m else None
        if named:  # a royal decree: messages "bij Onze Minister" go to the minister who proposed it
            return _minister(named)
    if issuer.name.startswith("staatssecretaris "):
        return minister("minister", issuer.name.split(" ", 1)[1])
    return issuer


def national_issuer_organ(body: Body | None, text: str) -> list[str]:
    """The issuing organ of a national decision as the text names it."""
    if body is None or body.type not in (RIJK, ZBO):
        return []
    if body.name in ("regering", "wetgever"):
        return [body.name]
    for line in enacting_lines(text[:6000]):
        m = re.match(r"^(?:De|Het)\s+((?:raad\s+van\s+bestuur|bestuur|college|commissie|directeur|voorzitter)\b[^,;]{0,80}?)\s*(?:,|;|\bbesluit|\bheeft|$)", line, re.I)
        if m:
            return [m.group(1).strip()]
    return [body.name]


def _match_prefixes(name: str, type_: str | None) -> Body | None:
    """Try 'Hardinxveld-Giessendam 2021 ...' -> longest leading word sequence that is a body."""
    words = re.sub(r"[,;:()]", " ", name).split()
    for n in range(min(len(words), 6), 0, -1):
        cand = " ".join(words[:n]).rstrip(".’'")  # keep the leading ' of 's-Hertogenbosch
        body = match_body(cand, type_) if type_ != "gemeenschappelijke_regeling" or n == len(words) else None
        if body:
            return body
    return None


def find_authority(text: str, meta: dict | None = None, title: str | None = None) -> Body | None:
    meta = meta or {}
    head = text[:8000]
    creator = meta.get("creator") or meta.get("DC.creator") or meta.get("OVERHEID.authority")
    if creator:
        type_ = meta.get("OVERHEID.organisationType")
        body = match_body(creator, type_) or _match_prefixes(creator, None)
        if body:
            return body
    m = ORGANISATIE.search(head)
    if m:
        t = ORGANISATIETYPE.search(head)
        body = match_body(m.group(1).strip(), t.group(1).strip() if t else None)
        if body:
            return body
    for rx in (BLAD, UITGAVE):
        m = rx.search(head)
        if m:
            body = _match_prefixes(m.group(2), TYPE_WORDS.get(m.group(1).lower()))
            if body:
                return body
    if meta.get("subtitle"):
        m = UITGAVE.search(meta["subtitle"])
        if m:
            body = _match_prefixes(m.group(2), TYPE_WORDS.get(m.group(1).lower()))
            if body:
                return body
    national = find_national(text, title)
    if national:
        return national
    for source in [title or ""] + ENACTING.findall(head)[:2]:
        m = JOINT.search(source)
        if m:
            return match_body(m.group(1).strip(), "gemeenschappelijke_regeling")
    for source in (title or "", head):
        for m in TYPED.finditer(source):
            body = _match_prefixes(m.group(2), TYPE_WORDS.get(m.group(1).split()[0].lower()))
            if body:
                return body
    for line in ENACTING.findall(head)[:3]:
        for m in OF_NAME.finditer(line):
            body = _match_prefixes(m.group(1), None)
            if body:
                return body
    if title:  # "Regeling elektronisch bestuurlijk verkeer Gouda 2026": a bare name in the title
        words = re.findall(r"[A-Z'’][\w'’\-]*(?:\s+(?:aan|den|en|op|de|van|a/d)\s+[A-Z][\w'’\-]*)*", title)
        for w in words:
            body = match_body(w)
            if body:
                return body
    return None


def authority_json(body: Body | None) -> dict | None:
    """The contract's authority object. A body is named as it officially names itself:
    "'s-Hertogenbosch", not the colloquial "Den Bosch"; "Hoogheemraadschap van Rijnland", not "Rijnland"."""
    if body is None:
        return None
    name = body.name
    if body.type == "gemeente" and body.official_name:
        name = re.sub(r"^Gemeente\s+", "", body.official_name)
    elif body.type == "waterschap" and body.official_name:
        name = body.official_name
    return {"name": name, "type": body.type, "code": body.code}


def find_organs(text: str, meta: dict | None = None, body: Body | None = None) -> list[str]:
    meta = meta or {}
    national = national_issuer_organ(body, text)
    if national:
        return national
    head = text[:8000]
    lines = ENACTING.findall(head)
    m = VASTGESTELD_DOOR.search(head)
    sources = lines[:1] or ([m.group(1)] if m else []) or ([meta["isRatifiedBy"]] if meta.get("isRatifiedBy") else [])
    found: list[tuple[int, str]] = []
    for src in sources:
        taken: list[tuple[int, int]] = []
        for pat, organ in ORGANS:
            for om in pat.finditer(src):
                if any(om.start() < e and s < om.end() for s, e in taken):
                    continue
                taken.append(om.span())
                if organ not in [o for _, o in found]:
                    found.append((om.start(), organ))
    return [o for _, o in sorted(found)]


class Authority:
    def __init__(self, nlp: Language, name: str):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.kw_document.meta if doc._.kw_document is not None else {}
        body = find_authority(extensions.text(doc), meta, doc._.kw_title)
        doc._.kw_issuer = body
        doc._.kw_authority = authority_json(body)
        doc._.kw_organs = find_organs(extensions.text(doc), meta, body) if doc._.kw_relevant is not False else []
        return doc


@Language.factory("kw_authority", default_config={})
def make_authority(nlp: Language, name: str) -> Authority:
    return Authority(nlp, name)
