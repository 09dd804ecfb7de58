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

from .authority import NATIONAL_NAMES
from .patterns import load_json, rx
from .structure import lines_with_context

ROUTE = re.compile(
    r"\b(?:langs\s+(?:de\s+)?elektronische\s+weg|"
    r"elektronisch(?:e)?(?!\s+(?:ondertekend|handtekening|duplicaat|vorm\s+van\s+bekendmaking))|"
    r"digita(?:al|le)\b(?!\s+(?:te\s+raadplegen|beschikbaar|ondertekend))|per\s+e-?mail|via\s+(?:de\s+|het\s+)?e-?mail\w*|"
    r"e-?mail(?:adres)?\b|elektronische\s+post|(?:inter|web)site|internet|webformulier|e-formulier|online|"
    r"www\.[\w.-]+|https?://\S+|e-?loket|\w*portaal|berichtenbox|digipoort|digid|eherkenning|(?-i:Mijn\s?[A-Z][\w-]+))", re.I)
# the electronic means names the form itself ("het elektronische formulier dat op de website staat"):
# where that form is made available does not make it a download
E_FORM = re.compile(r"(?:elektronisch(?:e)?|digita(?:al|le)|online)\s+(?:aanvraag|meld|aangifte)?formulier|(?:web|e-)formulier", re.I)
# sending a message to the body (not bekendmaken, ondertekenen: the body's own acts); "toezenden" and
# "verstrekken" only with the body as the recipient ("gegevens verstrekken aan UWV")
SUBMIT = re.compile(
    r"\b(?:indienen|indient|indiening|ingediend|in\s+te\s+dienen|dien(?:t|en)\s+(?:\w+\s+){0,6}?in\s+(?:via|bij|per|langs|met|door)|"
    r"aan(?:ge)?meld(?:en|t|d)?|aanmelding|aanvragen|aangevraagd|aan\s+te\s+vragen|verzonden|verzenden|"
    r"verstuurd|versturen|ingezonden|inzenden|insturen|ingestuurd|doorgeven|doorgegeven|door\s+te\s+geven|"
    r"(?:worden|wordt|kan|kunnen)\s+gedaan|geschiedt|vindt\s+plaats|plaatsvind(?:t|en)|melden|gemeld|aangeboden|aanbieden|"
    r"aanlever(?:en|t|ing)|aangeleverd|communiceren|verzoeken|"
    r"(?:toe)?(?:ge)?zond(?:en)?|(?:toe)?zend(?:t|en)|verstrek(?:t|ken)|(?:ge)?stuur(?:t|d)|sturen)\b"
    r"(?:[^.;]{0,80}?\saan\b)?", re.I)
SEND_VERB = re.compile(r"(?:toe)?(?:ge)?zond|(?:toe)?zend|verstrek|(?:ge)?stuur|sturen", re.I)
SECOND_PREDICATE = re.compile(r"\b(?:en|maar)\s+(?:wordt|worden|kan|kunnen|moet|moeten|dient|dienen|is|zijn)\b", re.I)
TO_BODY = re.compile(r"\baan\s+(?:de|het|Onze)\s+(?:minister|staatssecretaris|bestuur|college|commissie|raad|dienst|inspecteur|"
                     r"ontvanger|directeur|bestuursorgaan|\w*loket)\b", re.I)
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
                          r"\baan\s+(?:externe|derden\b|degenen?\b)|\b(?:beschikkingen|aanslagen)\b|"
                          # the body or its official is the one who sends
                          r"^\W*(?:\d+\.?\s+)?(?:de|een|het|onze)\s+(?:toezichthouder|heffingsambtenaar|invorderingsambtenaar|"
                          r"inspecteur|ontvanger|minister|staatssecretaris|bestuursorgaan|college|burgemeester|bestuur|"
                          r"directeur|griffier|ambtenaar)\b", re.I)
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
                after_route = "" if E_FORM.match(clause, route.start()) else clause[route.end():route.end() + 40]
                if AVAILABLE.search(between) or AVAILABLE.search(after_route) or NEGATED.search(window):
                    continue
                if SEND_VERB.match(verb.group(0)) and not (verb.group(0).lower().endswith(" aan") and (
                        TO_BODY.match(clause, verb.end() - 3) or _national_name_after(clause, verb.end()))):
                    continue  # "zendt ... toe aan de aanvrager": sent by the body, or to someone else
                if SECOND_PREDICATE.search(between) or AVAILABLE.search(clause, max(0, route.start() - 30), route.start()):
                    continue  # "is verkrijgbaar via www.x.nl en wordt per post ingediend": the route is another's
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



LEAD_ARTICLE = re.compile(r"\s*(?:de\s+|het\s+)?", re.I)


def _national_name_after(clause: str, pos: int) -> bool:
    """ "verstrekt aan UWV", "toegezonden aan de Sociale Verzekeringsbank": a national body as recipient."""
    return NATIONAL_NAMES.match(clause, LEAD_ARTICLE.match(clause, pos).end()) is not None
