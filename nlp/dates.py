"""kw_dates: decision date, entry into force, and relative entry-into-force rules.

Dates are parsed with dateparser (Dutch, day-month-year). Only explicit dates become dates: a
relative rule such as "met ingang van de dag na bekendmaking" is kept as `effective_rule`, and
the date stays null. Entry into force, in order: retroactive force ("met terugwerkende kracht vanaf"), the decision's
own words ("treedt in werking op"), CVDR metadata, the CVDR version table ("Overzicht van in de
tekst verwerkte wijzigingen"), then "Geldend van". Decision date: CVDR metadata (issued), the
version table's signature date, then "Aldus vastgesteld ... op".
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
GELDEND = re.compile(rf"Geldend\s+van\s+({DATE})", re.I)
IN_FORCE = re.compile(
    rf"(?:treedt|treden|trad)\s+in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+({DATE})|"
    rf"(?:met\s+ingang\s+van|per|vanaf)\s+({DATE})\s*(?:\(|,)?\s*in\s+werking|"
    rf"in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+({DATE})", re.I)
RELATIVE = re.compile(
    r"(?:treedt|treden)\s+in\s+werking\s+(?:met\s+ingang\s+van\s+|op\s+)?"
    r"((?:de\s+(?:eerste\s+)?dag\s+(?:na|volgend\s+op)|de\s+eerste\s+dag\s+van\s+de\s+(?:tweede\s+)?maand\s+(?:na|volgend\s+op)|"
    r"het\s+moment\s+van|de\s+dag\s+van)\s+(?:die\s+van\s+)?(?:de\s+|het\s+|zijn\s+|haar\s+)?"
    r"(?:datum\s+van\s+)?(?:dag\s+van\s+)?(?:bekendmaking|publicatie|uitgifte|afkondiging|plaatsing)[^.;\n]{0,80}?)(?=[.;,\n]|\s+(?:en|of|met)\s|$)", re.I)
DECIDED = re.compile(
    rf"(?:aldus\s+)?(?:vastgesteld|besloten|gedaan|genomen)\s+(?:in\s+de\s+(?:openbare\s+)?(?:raads)?vergadering\s+)?(?:bij\s+besluit\s+)?(?:van|op|d\.d\.)\s+({DATE})|"
    rf"Datum\s+(?:ondertekening|besluit|vaststelling)\s*:?\s*({DATE})", re.I)
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
    lines = [l.strip() for l in text[m.end(): end.start() if end else m.end() + 3000].split("\n") if l.strip()]
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


def find_dates(text: str, meta: dict | None = None) -> dict:
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
        m = IN_FORCE.search(text)
        if m:
            effective = to_iso(next(g for g in m.groups() if g))
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
    if not decision and any(w in low for w in DECIDED_WORDS[1:]):
        m = DECIDED.search(text, _first_of(low, text, DECIDED_WORDS))
        if m:
            decision = to_iso(next(g for g in m.groups() if g))
    return {"decision_date": decision, "effective_date": effective, "effective_rule": rule}


class Dates:
    def __init__(self, nlp: Language, name: str):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.kw_document.meta if doc._.kw_document is not None else {}
        found = find_dates(extensions.text(doc), meta)
        doc._.kw_decision_date = found["decision_date"]
        doc._.kw_effective_date = found["effective_date"]
        doc._.kw_effective_rule = found["effective_rule"]
        return doc


@Language.factory("kw_dates", default_config={})
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(nlp, name)
