"""The codes the data uses and the one Dutch name of each.

Names are written as they stand in the middle of a sentence ("webformulier", "Omgevingsloket");
`label(table, code, capital=True)` gives the form that starts a list item, heading or cell.
Codes are English and never change (they are stored, indexed and part of the JSON contract);
the names are what a citizen reads, on every page, digest, feed, mail, export and CLI.
"""
from __future__ import annotations

# -- channels (docs/domain.md §4) ------------------------------------------------------------------
CHANNEL_KINDS = {
    "web_form": "webformulier",
    "contact_form": "algemeen contactformulier",
    "portal": "persoonlijke internetomgeving",          # MijnGemeente, Mijn Omgeving, PIP, Mijn Loket
    "email": "e-mail",
    "omgevingsloket": "Omgevingsloket",
    "berichtenbox": "Berichtenbox van MijnOverheid",     # the citizens' box, never the one for businesses
    "dienstenwet_loket": "ondernemersloket (Dienstenwet)",  # incl. the Berichtenbox voor Bedrijven
    "as_invited": "kanaal uit de uitnodiging of het verzoek",
    "digipoort": "Digipoort",
    "other": "ander kanaal",
}
# Other words a searcher or subscriber may use for a kind, in the folded form of
# `search.vocab._key` (lower case, no accents, spaces or hyphens).
CHANNEL_KIND_ALIASES = {
    "webformulier": "web_form", "eformulier": "web_form", "formulier": "web_form",
    "contactformulier": "contact_form", "portaal": "portal", "mijngemeente": "portal",
    "persoonlijkeomgeving": "portal", "internetomgeving": "portal",
    "mail": "email", "berichtenbox": "berichtenbox", "mijnoverheid": "berichtenbox",
    "dienstenwet": "dienstenwet_loket", "dienstenwetloket": "dienstenwet_loket",
    "ondernemersloket": "dienstenwet_loket", "berichtenboxvoorbedrijven": "dienstenwet_loket",
    "uitnodiging": "as_invited", "opverzoek": "as_invited", "overig": "other", "anders": "other",
}

CHANNEL_STATUSES = {"designated": "aangewezen", "excluded": "uitgesloten"}

# -- the answer to "which channel for this message on this date" (kanaalwijzer.answer) -------------
ANSWER_STATUSES = {
    "answered": "beantwoord",
    "no_designation_in_force": "geen aanwijzing van kracht",
    "not_a_designation": "geen aanwijzingsbesluit",
    "unknown": "onbekend",
}

AUTH_METHODS = {"digid": "DigiD", "eherkenning": "eHerkenning", "eidas": "eIDAS"}

# -- what a document is (the classifier's codes) and the search index's regime values -------------
REGIMES = {
    "wmebv_designation": "Wmebv-aanwijzing (art. 2:13 lid 2 Awb)",
    "pre_wmebv_designation": "oude regeling (art. 2:15 Awb)",
    "not_designation": "geen aanwijzingsbesluit",
}
DESIGNATION_REGIMES = ("wmebv_designation", "pre_wmebv_designation")
INDEX_REGIME = {"wmebv_designation": "wmebv", "pre_wmebv_designation": "pre_wmebv"}  # classification -> index
INDEX_REGIMES = {index: REGIMES[code] for code, index in INDEX_REGIME.items()}
REGIME_ALIASES = {"prewmebv": "pre_wmebv", "oud": "pre_wmebv", "voorwmebv": "pre_wmebv",
                  "ouderegeling": "pre_wmebv", "215": "pre_wmebv", "213": "wmebv"}

# -- the legal status of one decision (issue 9: "geldend, gewijzigd door, ...") ---------------------
# `end_reason` in the registry is one of replaced / withdrawn / expired.
LEGAL_STATUSES = {
    "in_force": "geldend",
    "not_yet_in_force": "nog niet in werking",
    "amended": "gewijzigd",
    "replaced": "vervangen",
    "withdrawn": "ingetrokken",
    "expired": "vervallen",
}
LEGAL_STATUSES_BY = {"amended": "gewijzigd door", "replaced": "vervangen door", "withdrawn": "ingetrokken door"}

# -- what we know of one body (its coverage) ---------------------------------------------------------
BODY_STATUSES = {
    "in_force": "aanwijzing van kracht",
    "future": "aanwijzing vastgesteld, nog niet van kracht",
    "unknown": "besluit gevonden, datum van inwerkingtreding onbekend",
    "none": "geen aanwijzing van kracht",
    "not_harvested": "nog niet doorzocht",
    # issue 10 (coverage of every body type); nothing produces these codes yet
    "old_regime_only": "alleen een besluit onder de oude regeling (art. 2:15 Awb)",
    "source_stale": "bron niet actueel",
}

# -- sources and harvests ---------------------------------------------------------------------------
OP = "officielepublicaties"   # the official publications (all gazettes) on repository.overheid.nl
CVDR = "cvdr"                 # the consolidated local regulations
SOURCES = {OP: "officiële publicaties", CVDR: "lokale regelgeving (CVDR)"}
HARVEST_STATUSES = {  # of a harvest run or one of its date windows
    "running": "bezig", "done": "voltooid", "partial": "deels voltooid", "failed": "mislukt",
    "interrupted": "onderbroken",
}
SOURCE_ALIASES = {
    "op": OP, "gemeenteblad": OP, "gmb": OP, "officielebekendmakingen": OP, "officielepublicatie": OP,
    "lokaleregelgeving": CVDR,
}

# -- public bodies -------------------------------------------------------------------------------------
GEMEENTE = "gemeente"
PROVINCIE = "provincie"
WATERSCHAP = "waterschap"
GEMEENSCHAPPELIJKE_REGELING = "gemeenschappelijke_regeling"
RIJK = "rijk"   # ministries and other parts of the State (issue 10)
ZBO = "zbo"     # zelfstandige bestuursorganen: UWV, DUO, SVB, RDW, ... (issue 10)
BODY_TYPES = {
    GEMEENTE: "gemeente",
    PROVINCIE: "provincie",
    WATERSCHAP: "waterschap",
    GEMEENSCHAPPELIJKE_REGELING: "gemeenschappelijke regeling",
    RIJK: "rijksoverheid",
    ZBO: "zelfstandig bestuursorgaan",
}
BODY_TYPES_PLURAL = {
    GEMEENTE: "gemeenten", PROVINCIE: "provincies", WATERSCHAP: "waterschappen",
    GEMEENSCHAPPELIJKE_REGELING: "gemeenschappelijke regelingen", RIJK: "rijksorganen",
    ZBO: "zelfstandige bestuursorganen",
}
# The organisatietype values of both KOOP sources, on our body types.
ORGANISATION_TYPES = {
    "gemeente": GEMEENTE, "provincie": PROVINCIE, "waterschap": WATERSCHAP,
    "regionaal samenwerkingsorgaan": GEMEENSCHAPPELIJKE_REGELING,
    "gemeenschappelijke regeling": GEMEENSCHAPPELIJKE_REGELING,
    "ministerie": RIJK, "zelfstandig bestuursorgaan": ZBO,
}

# -- change events ---------------------------------------------------------------------------------
EVENT_KINDS = {
    "new_decision": "nieuw besluit",
    "new_version": "nieuwe versie",
    "channel_designated": "kanaal aangewezen",
    "channel_removed": "kanaal niet langer aangewezen",
    "channel_rescoped": "kanaal voor andere berichten",
    "channel_conditions": "andere voorwaarden",
    "decision_replaced": "besluit vervangen",
    "decision_withdrawn": "besluit ingetrokken",
    "decision_expired": "besluit vervallen",
    "body_status": "status gewijzigd",
}

# -- search filters (the facet names are Dutch codes themselves) -------------------------------------
FACETS = {
    "gemeente": "gemeente",
    "organisatie": "andere overheid",   # provinces, water boards, joint bodies: not in the 'gemeente' facet
    "provincie": "provincie",
    "orgaan": "bestuursorgaan",
    "kanaal": "kanaal",
    "regime": "soort besluit",
    "bron": "bron",
    "jaar": "jaar",
}

ALL_MESSAGES = "alle berichten"   # the scope of a channel designated without naming messages


def capfirst(text: str) -> str:
    """First letter upper case, the rest untouched: 'e-mail' -> 'E-mail'. A name written with a
    small first letter on purpose ('eHerkenning', 'eIDAS') stays as it is."""
    if text[1:2].isupper():
        return text
    return text[:1].upper() + text[1:]


def label(table: dict[str, str], code, *, capital: bool = False) -> str:
    """The Dutch name of a code; the code itself when we have none (never hide data)."""
    if code is None or code == "":
        name = "onbekend"
    else:
        name = table.get(code, str(code))
    return capfirst(name) if capital else name


def channel_label(kind: str | None, *, capital: bool = False) -> str:
    return label(CHANNEL_KINDS, kind, capital=capital)


def channel_list(kinds, *, capital: bool = False) -> str:
    """'webformulier, e-mail, Omgevingsloket' (capital: 'Webformulier, e-mail, ...')."""
    text = ", ".join(channel_label(kind) for kind in kinds or ())
    return capfirst(text) if capital else text


def regime_label(code: str | None, *, capital: bool = False) -> str:
    """A classification code or a search-index regime value."""
    return label({**REGIMES, **INDEX_REGIMES}, code, capital=capital)


def list_of(names: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    names = [n for n in names if n]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1] if names else ""
