"""kw_dates: decision date, entry into force, and relative entry-into-force rules.

Only explicit dates become dates: a relative rule such as "met ingang van de dag na bekendmaking"
is kept as `effective_rule`, and the date stays null; nothing is ever computed.
Entry into force, in order: retroactive force ("met terugwerkende kracht vanaf", "werkt terug tot"),
the decision's own provision ("Dit besluit / Deze regeling treedt in werking op ..."), any other
"treedt in werking op" (not the consolidation notes of single articles, "Treedt in werking per ..."),
CVDR metadata, the CVDR version table ("Overzicht van in de tekst verwerkte wijzigingen"), then the
page furniture "Geldend van(af) ...".
Decision date: CVDR metadata (issued), the version table's signature date, the date in a national
title ("Regeling van de Minister van ... van 18 oktober 2009", "Besluit van 18 december 2006"), then
the signature lines, one per organ, of which the latest completes a joint decision: "Aldus
vastgesteld in de vergadering van ...", "Vastgesteld door de burgemeester op ...", "is op ... door ...
vastgesteld", and a place with a date ("Hulst, 28 oktober 2025"; nationally "Den Haag" above "2 juli 2007").
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import dateparser
from spacy.language import Language
from spacy.tokens import Doc

from kanaalwijzer.vocabulary import MONTH_NUMBERS

from . import extensions

MONTHS = "(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"  # 'januari', 'jan', 'sept.'
DATE = rf"(?:\d{{1,2}}(?:e|ste|de)?\s+{MONTHS}\s+\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
DATE_RE = re.compile(DATE, re.I)

RETROACTIVE = re.compile(rf"(?:terugwerkende\s+kracht\s+(?:tot\s+en\s+met|vanaf|tot)|werkt\s+terug\s+(?:tot\s+en\s+met|tot|vanaf))\s+({DATE})", re.I)
GELDEND = re.compile(rf"Geldend\s+van(?:af)?\s+({DATE})", re.I)
IN_FORCE = re.compile(
    rf"(?:treedt|treden|trad)\s+in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+({DATE})|"
    rf"(?:met\s+ingang\s+van|per|vanaf)\s+({DATE})\s*(?:\(|,)?\s*in\s+werking|"
    rf"in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+({DATE})", re.I)
# the decision's own entry into force: "Dit besluit treedt in werking op", "Deze regeling treedt
# onmiddellijk in werking met ingang van" (not an inserted article's, not the Wmebv's)
OWN_IN_FORCE = re.compile(
    rf"\b(?:dit|deze)\s+(?:[\w-]+\s+){{0,2}}?[\w-]*(?:besluit|regeling|beleidsregels?|reglement|verordening|wet|"
    rf"circulaire|aanwijzing|beschikking|instructie|procedure|bepalingen)\s+(?:[^.;\n]{{0,80}}?\s)?"
    rf"(?:treedt|treden|trad)\s+(?:\w+\s+){{0,2}}?in\s+werking\s+(?:\w+\s+){{0,2}}?(?:op|met\s+ingang\s+van|per|vanaf)\s+({DATE})",
    re.I)
# consolidation notes of the BWB: "Treedt in werking per 01-01-2016" above an inserted article
ARTICLE_NOTE = re.compile(rf"^(?:treedt\s+in\s+werking|vervallen|materieel\s+uitgewerkt)\s+per\s+{DATE}$", re.I | re.M)
RELATIVE = re.compile(
    r"(?:treedt|treden)\s+in\s+werking\s+(?:met\s+ingang\s+van\s+|op\s+)?"
    r"((?:de\s+(?:eerste\s+)?dag\s+(?:na|volgend\s+op)|de\s+eerste\s+dag\s+van\s+de\s+(?:tweede\s+)?maand\s+(?:na|volgend\s+op)|"
    r"het\s+moment\s+van|de\s+dag\s+van)\s+(?:die\s+van\s+)?(?:de\s+|het\s+|zijn\s+|haar\s+)?"
    r"(?:datum\s+van\s+)?(?:dag\s+van\s+)?(?:bekendmaking|publicatie|uitgifte|afkondiging|plaatsing)[^.;\n]{0,80}?)(?=[.;,\n]|\s+(?:en|of|met)\s|$)", re.I)
ORGAN_WORDS = r"[^.;:\n\d]{0,120}?"  # "van het dagelijks bestuur", "door de burgemeester van Tilburg"
DECIDED = re.compile(
    rf"(?:aldus\s+)?(?:vastgesteld|besloten|gedaan|genomen)\s+(?:door\s+{ORGAN_WORDS}\s+)?"
    rf"(?:in\s+(?:de|zijn|haar)\s+(?:openbare\s+)?(?:raads)?vergadering\s+(?:van\s+{ORGAN_WORDS},?\s+(?:gehouden\s+)?(?=(?:van|op|d\.d\.)\s+\d))?)?"
    rf"(?:bij\s+besluit\s+)?(?:van|op|d\.d\.)\s+({DATE})|"
    rf"\bvergadering\s+van\s+{ORGAN_WORDS},?\s+gehouden\s+op\s+({DATE})|"
    rf"Datum\s+(?:ondertekening|besluit|vaststelling)\s*:?\s*({DATE})", re.I)
# "De procedure is op 1 oktober 2013 door het College voor examens vastgesteld": read backwards
# from each "vastgesteld" (the match starts with a word too common to search for)
PASSIVE_DECIDED = re.compile(rf"\b(?:is|zijn|werd|werden)\s+op\s+({DATE})\s+(?:door\s+{ORGAN_WORDS}\s+)?vastgesteld$", re.I)
# a decision that refers to an earlier one: "het Reglement X, vastgesteld op 24 maart 2006, te vervallen"
EARLIER = re.compile(r"^\W{0,3}(?:te\s+vervallen|vervalt|wordt\s+ingetrokken|in\s+te\s+trekken|komt\s+te\s+vervallen)", re.I)
# "Besluit van 18 december 2006, houdende", "Regeling van de Staatssecretaris van Financiën van 23 oktober 2015"
TITLE_DATE = re.compile(
    rf"^(?:[\w-]*(?:regeling|besluit|beschikking|reglement|circulaire|instructie|beleidsregels?|wet))\s+"
    rf"(?:van\s+(?:de|het)\s+[^\n\d]{{3,150}}?\s+)?van\s+({DATE})", re.I | re.M)
# signature lines: "Hulst, 28 oktober 2025"; nationally the place stands on the line above the date
PLACE = r"(?:['’]s[-\s]{1,2})?[A-Z][\w'’.\-]*(?:[\s-]+(?:[A-Z][\w'’.\-]*|aan|den|de|op|en|van|bij|ter|a/d))*"
PLACE_DATE = re.compile(rf"^{PLACE},\s+(?:de\s+)?({DATE})[.,]?$", re.M)
PLACE_LINE = re.compile(rf"^{PLACE}[.,]?$")
LONE = re.compile(rf"^[^\S\n]*(?:de\s+)?({DATE})[.,]?[^\S\n]*$", re.I | re.M)
# the line under a lone date: the signing organ, or a name with initials ("W.M.C. de Vrey")
SIGNER = re.compile(r"^(?:(?i:(?:de|het)\s+(?:\w+\s+){0,3}?(?:minister|staatssecretaris|bestuur|voorzitter|directeur|"
                    r"secretaris|college|burgemeester|raad|dijkgraaf|commissaris))|[A-Z]\.(?:\s?[A-Z]\.)*\s+\w)")
TABLE_START = re.compile(r"Overzicht van in de tekst verwerkte wijzigingen", re.I)
TABLE_END = re.compile(r"Tekst van de regeling|Intitul", re.I)
ROW = re.compile(rf"^({DATE})\s*({DATE})?\s*({DATE})?\s*(.*)$", re.I)
LONE_DATE = re.compile(rf"^({DATE})$", re.I)


NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
WRITTEN = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", re.I)


@lru_cache(maxsize=4096)
def to_iso(text: str) -> str | None:
    """A Dutch date as ISO string, or None if it is not a complete, plausible date.

    The two forms that make up nearly all dates in decisions (01-01-2026, 1 januari 2026) are
    read directly, which is exact and fast; any other form goes to dateparser."""
    text = re.sub(r"(\d)(?:e|ste|de)\s", r"\1 ", text.strip())
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    n = NUMERIC.fullmatch(text)
    w = WRITTEN.fullmatch(text)
    try:
        if m:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif n:
            d = date(int(n.group(3)), int(n.group(2)), int(n.group(1)))
        elif w and w.group(2).lower() in MONTH_NUMBERS:
            d = date(int(w.group(3)), MONTH_NUMBERS[w.group(2).lower()], int(w.group(1)))
        else:
            parsed = dateparser.parse(text, languages=["nl"], settings={
                "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
            if parsed is None:
                return None
            d = parsed.date()
    except (ValueError, OverflowError):
        return None
    return d.isoformat() if 1800 <= d.year <= 2100 else None


def version_table(text: str) -> tuple[str | None, str | None]:
    """(effective, decision) from CVDR's version table as it appears in page text.

    Rows read "<inwerkingtreding>[<tweede datum>] <betreft>", the signature date on its own
    line after. The first row is the version shown; a row that only changed an annex does not
    change when the text itself took effect, so the next row is used then.
    """
    m = TABLE_START.search(text)
    if not m:
        return None, None
    end = TABLE_END.search(text, m.end())
    lines = [s.strip() for s in text[m.end(): end.start() if end else m.end() + 3000].split("\n") if s.strip()]
    rows: list[list] = []  # [effective, signed, betreft]
    for line in lines:
        if LONE_DATE.match(line):
            if rows and rows[-1][1] is None:
                rows[-1][1] = line
            continue
        r = ROW.match(line)
        if r:
            rows.append([r.group(1), None, (r.group(4) or "").strip()])
    for eff, signed, betreft in rows:
        if re.fullmatch(r"(?:wijziging\s+)?bijlage(?:n)?\s*[0-9IVX, en]*", betreft, re.I):
            continue
        return to_iso(eff), to_iso(signed) if signed else None
    return None, None


# every DECIDED match begins with one of these words ("aldus" alone makes no match)
DECIDED_WORDS = ("aldus", "vastgesteld", "besloten", "gedaan", "genomen", "datum")


def _first_of(low: str, text: str, words: tuple[str, ...]) -> int:
    """Where in text the first of words occurs, to start a search there rather than scanning the
    text before it in vain; 0 when low's offsets do not map onto text's (lower() changed a length)."""
    if len(low) != len(text):
        return 0
    found = [i for i in (low.find(w) for w in words) if i >= 0]
    return min(found) if found else 0


def _own_in_force(text: str) -> str | None:
    """The decision's own entry into force; the last such provision wins (the final provisions
    come last; an earlier one may be quoted in a transitional article)."""
    found = [to_iso(m.group(1)) for m in OWN_IN_FORCE.finditer(text)]
    found = [f for f in found if f]
    return found[-1] if found else None


def _any_in_force(text: str) -> str | None:
    """"treedt in werking op <datum>" with another subject, but not a consolidation note."""
    for m in IN_FORCE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if ARTICLE_NOTE.match(text[line_start:line_end if line_end >= 0 else len(text)].strip()):
            continue
        iso = to_iso(next(g for g in m.groups() if g))
        if iso:
            return iso
    return None


def title_date(text: str, title: str | None = None) -> str | None:
    """The date a national (or formally titled) decision carries in its title."""
    for source in (title or "", text[:3000]):
        m = TITLE_DATE.search(source)
        if m:
            return to_iso(m.group(1))
    return None


def signature_dates(text: str) -> list[str]:
    """Dates of the signature lines and adoption formulas, in text order (one per organ)."""
    out: list[str] = []
    low = text.lower()
    if any(w in low for w in DECIDED_WORDS[1:]) or "vergadering" in low:
        for m in DECIDED.finditer(text, _first_of(low, text, DECIDED_WORDS + ("vergadering",))):
            if EARLIER.match(text, m.end(), m.end() + 40):
                continue
            iso = to_iso(next(g for g in m.groups() if g))
            if iso:
                out.append(iso)
    if "vastgesteld" in low and len(low) == len(text):
        pos = low.find("vastgesteld")
        while pos >= 0:
            m = PASSIVE_DECIDED.search(text, max(0, pos - 160), pos + len("vastgesteld"))
            iso = to_iso(m.group(1)) if m else None
            if iso:
                out.append(iso)
            pos = low.find("vastgesteld", pos + 1)
    for m in PLACE_DATE.finditer(text):
        iso = to_iso(m.group(1))
        if iso:
            out.append(iso)
    for m in LONE.finditer(text):
        prev_end = m.start() - 1
        before = text[text.rfind("\n", 0, max(prev_end, 0)) + 1:prev_end].strip() if prev_end > 0 else ""
        next_end = text.find("\n", m.end() + 1)
        after = text[m.end() + 1:next_end if next_end >= 0 else len(text)].strip()
        if (before and len(before) <= 40 and PLACE_LINE.match(before)) or SIGNER.match(after):
            iso = to_iso(m.group(1))
            if iso:
                out.append(iso)
    return out


def find_dates(text: str, meta: dict | None = None, title: str | None = None) -> dict:
    meta = meta or {}
    effective = decision = rule = None
    low = text.lower()  # cheap word tests first: most patterns need a word most texts lack
    head = text[:8000]
    if "terugwerkende" in low or "werkt terug" in low:
        m = RETROACTIVE.search(text)
        if m:
            effective = to_iso(m.group(1))
    in_force = "werking" in low
    if not effective and in_force:  # the decision's own words on its entry into force
        effective = _own_in_force(text) or _any_in_force(text)
    if not effective and meta.get("inwerkingtredingDatum"):
        effective = to_iso(meta["inwerkingtredingDatum"])
    if meta.get("issued"):
        decision = to_iso(meta["issued"])
    if "verwerkte wijzigingen" in low:
        t_eff, t_dec = version_table(text)
        effective = effective or t_eff
        decision = decision or t_dec
    if not effective and "geldend van" in low:
        m = GELDEND.search(head)
        if m:
            effective = to_iso(m.group(1))
    if in_force:
        m = RELATIVE.search(text)
        if m:
            rule = re.sub(r"\s+", " ", m.group(1)).strip()
    if not decision:
        decision = title_date(text, title)
    if not decision:
        signed = signature_dates(text)
        decision = max(signed) if signed else None
    return {"decision_date": decision, "effective_date": effective, "effective_rule": rule}


class Dates:
    def __init__(self, nlp: Language, name: str):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.kw_document.meta if doc._.kw_document is not None else {}
        found = find_dates(extensions.text(doc), meta, doc._.kw_title)
        doc._.kw_decision_date = found["decision_date"]
        doc._.kw_effective_date = found["effective_date"]
        doc._.kw_effective_rule = found["effective_rule"]
        return doc


@Language.factory("kw_dates", default_config={})
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(nlp, name)
