"""Openings of the electronic route: operative provisions by which messages can reach the body
electronically ("De aanvraag kan langs elektronische weg worden ingediend", "Aanmelding geschiedt
digitaal via de internetsite", "De Belastingdienst stelt e-mail open voor ...", "wijzigingen worden per
e-mail doorgegeven").

This is what makes a decision of the old regime (Awb 2:15: the body opens the electronic route) a
designation even when it names no channel, or when it is one paragraph of a regulation about
something else. A provision counts only when it is operative (not a definition, consideration,
heading, rechtsmiddelenclausule or explanatory note) and when the electronic means goes with the
sending of a message *to* the body. It does not count when the means only makes something available
("het formulier is te downloaden op de website", "langs elektronische weg ter beschikking gestelde
formulier ... per post toezenden"), when it is a power not used ("het bestuur kan besluiten dat ...
digitaal kan worden ingediend"), when it is negated, when the body itself sends, or when the messages
are invoices (private law, not bestuurlijk verkeer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import load_json, rx
from .structure import lines_with_context

ROUTE = re.compile(
    r"\b(?:langs\s+(?:de\s+)?elektronische\s+weg|"
    r"elektronisch(?:e)?(?!\s+(?:ondertekend|handtekening|duplicaat|vorm\s+van\s+bekendmaking))|"
    r"digita(?:al|le)\b(?!\s+(?:te\s+raadplegen|beschikbaar|ondertekend))|per\s+e-?mail|via\s+(?:de\s+|het\s+)?e-?mail\w*|"
    r"e-?mail(?:adres)?\b|elektronische\s+post|(?:inter|web)site|internet|webformulier|e-formulier|online)", re.I)
# sending a message to the body (not bekendmaken, verstrekken, ondertekenen: the body's own acts)
SUBMIT = re.compile(
    r"\b(?:indienen|indient|indiening|ingediend|in\s+te\s+dienen|dien(?:t|en)\s+(?:\w+\s+){0,6}?in\s+(?:via|bij|per|langs|met|door)|aan(?:ge)?meld(?:en|t|d)?|aanmelding|aanvragen|aangevraagd|aan\s+te\s+vragen|verzonden|verzenden|"
    r"verstuurd|versturen|ingezonden|inzenden|insturen|ingestuurd|doorgeven|doorgegeven|door\s+te\s+geven|"
    r"(?:worden|wordt|kan|kunnen)\s+gedaan|geschiedt|vindt\s+plaats|plaatsvind(?:t|en)|melden|aangeboden|aanbieden|"
    r"communiceren|verzoeken)\b", re.I)
# verbs that say nothing of sending by themselves: only with a message as their subject
# ("Aanmelding geschiedt digitaal", not "De beschikbaarstelling vindt plaats via internet")
GENERIC_VERB = re.compile(r"^(?:geschiedt|vindt|plaatsvind|worden|wordt|kan|kunnen|aangeboden|aanbieden)", re.I)
MESSAGE = re.compile(r"\b\w*(?:aanvra(?:ag|gen)|aanmelding\w*|indiening|melding\w*|verzoek\w*|mededeling\w*|"
                     r"bericht\w*|opgave\w*|wijziging\w*|bezwaar\w*|klacht\w*|zienswijze\w*|aangifte\w*|stukken)\b", re.I)
OPEN_VERB = re.compile(r"\bopent\b|\bopen\s+te\s+stellen\b|\bopengesteld\b|\bstel(?:t|len)\b[^.;]{0,80}?\bopen\b(?!baar)|"
                       r"\b(?:staat|is)\b[^.;]{0,40}?\bopen\b(?!baar)", re.I)
NEGATED = re.compile(r"\b(?:niet|g[eé][eé]n|nimmer|nooit|uitgesloten)\b(?!\s+(?:alleen|uitsluitend|meer\s+dan))|\banders\s+dan\b", re.I)
POWER = re.compile(r"\b(?:kan|kunnen|mag|mogen)\s+(?:\w+\s+){0,3}?(?:besluiten|bepalen|beslissen|toestaan|toelaten)\b|\bbevoegd\b", re.I)
AVAILABLE = re.compile(r"\b(?:ter\s+beschikking|beschikbaar|downloaden|raadplegen|gepubliceerd|publiceert|"
                       r"publicatie|bekend\s*gemaakt|geplaatst|te\s+vinden|verkrijgbaar|"
                       r"informatie\s+(?:geven|verstrekken|verstrekt))\b", re.I)
# messages to a court, or to other bodies through a common facility (the Dienstenwet loket's own rules):
# no route to the body that issued the text
ELSEWHERE = re.compile(r"\b(?:bij|aan|naar)\s+(?:de|het|een)\s+(?:bevoegde\s+instanties?|bevoegd\s+gezag|"
                       r"(?:\w+\s+)?(?:rechtbank|rechter|bestuursrechter|gerechtshof|griffie|griffier)\w*)\b|\bRechtspraak\b", re.I)
PRIVATE_LAW = re.compile(r"\b(?:e-?)?factu(?:ur|ren)\b|\bofferte|\baanbesteding", re.I)
SENT_BY_BODY = re.compile(r"\baan\s+(?:de|het|hem|haar)\s+(?:aanvrager|belanghebbende|betrokkene|verzoeker|kandidaat|"
                          r"deelnemer|cliënt|burger|indiener|melder|ondernemer|bedrijf|werkgever|werknemer)\b|"
                          r"\baan\s+(?:externe|derden\b)|\b(?:beschikkingen|aanslagen)\b", re.I)
CONSIDERATION = re.compile(r"^\W*(?:dat|overwegende|gelet|gezien|gelezen|gehoord|mede\s+gelet)\b", re.I)
EXPLANATION = re.compile(r"^\W*(?:(?:algemene|artikelsgewijze|nota\s+van)\s+)?toelichting\b[^.:;]{0,60}$", re.I)
CLAUSE = re.compile(r"(?:[^.;]|[.;](?!\s|$))+(?:[.;]|$)")  # "www.duo.nl" does not end a clause
NEAR = 80  # characters between the electronic means and the verb of sending


@dataclass
class Opening:
    start: int
    end: int
    text: str
    location: str


class OpeningFinder:
    def __init__(self, cues_file: str = "cues.json", patterns_dir: str = ""):
        cues = load_json(cues_file, patterns_dir)
        self.rechtsmiddel = rx(cues["rechtsmiddel"])
        self.outgoing = rx(cues["outgoing"])

    def find(self, text: str, blocks, title: str | None = None) -> list[Opening]:
        out: list[Opening] = []
        explanation = False
        for line in lines_with_context(text, blocks):
            s = text[line.start:line.end]
            if len(s) <= 60 and EXPLANATION.match(s):
                explanation = True  # notes explain, they open nothing (until an annex)
            elif line.annex:
                explanation = False
            if explanation or line.kind in ("heading", "title", "definition", "table_row") or not s or s == title:
                continue
            low = s.lower()
            if not ROUTE.search(s) or CONSIDERATION.match(s):
                continue
            if ("bezwaar" in low or "beroep" in low) and self.rechtsmiddel.search(s):
                continue
            for m in CLAUSE.finditer(s):
                clause = m.group(0)
                if self.opens(clause):
                    start = line.start + m.start() + (len(clause) - len(clause.lstrip()))
                    end = line.start + m.end()
                    out.append(Opening(start, end, text[start:end], line.location))
        return out

    def opens(self, clause: str) -> bool:
        """Does this clause let a message reach the body by electronic means?"""
        if elsewhere(clause) or POWER.search(clause) or self.outgoing.search(clause):
            return False
        for route in ROUTE.finditer(clause):
            for verb in (*SUBMIT.finditer(clause), *OPEN_VERB.finditer(clause)):
                lo = min(route.start(), verb.start())
                if max(route.start(), verb.start()) - min(route.end(), verb.end()) > NEAR:
                    continue
                between = clause[min(route.end(), verb.end()):max(route.start(), verb.start())]
                window = clause[max(0, lo - 30):max(route.end(), verb.end())]
                after_route = clause[route.end():route.end() + 40]
                if AVAILABLE.search(between) or AVAILABLE.search(after_route) or NEGATED.search(window):
                    continue
                if GENERIC_VERB.match(verb.group(0)) and (not MESSAGE.search(clause) or AVAILABLE.search(clause)):
                    continue
                if verb.group(0).lower().startswith(("verzon", "verzend", "verstu")) and SENT_BY_BODY.search(clause):
                    continue  # the body sends to the applicant
                return True
        return False


def elsewhere(clause: str) -> bool:
    """Messages that are no bestuurlijk verkeer with the body: invoices and tenders (private law),
    documents for a court, applications that a common facility passes on to other bodies."""
    return bool(PRIVATE_LAW.search(clause) or ELSEWHERE.search(clause))
