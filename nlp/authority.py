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

from kanaalwijzer.bodies import Body, match_body

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


def find_organs(text: str, meta: dict | None = None) -> list[str]:
    meta = meta or {}
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
        doc._.kw_authority = authority_json(body)
        doc._.kw_organs = find_organs(extensions.text(doc), meta) if doc._.kw_relevant is not False else []
        return doc


@Language.factory("kw_authority", default_config={})
def make_authority(nlp: Language, name: str) -> Authority:
    return Authority(nlp, name)
