"""The public bodies we track, and matching of the names KOOP writes to them.

Municipalities come from the packaged copy of the national list (CBS/TOOI codes, name variants);
provinces carry their CBS codes (PV20..PV31). Water boards and joint bodies have no CBS code: they
get a stable slug key ("waterschap:rijnland") so every body still has one identifier. National
bodies (Staatscourant) are of two types: `rijk` (ministers, the government, the legislator, and
agencies without competences of their own, such as Agentschap Telecom, DUO and the IND, which decide
in mandate of their minister) and `zbo` (zelfstandige bestuursorganen: UWV, SVB, RDW, Kadaster, ...),
keyed "rijk:<slug>" / "zbo:<slug>".
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .vocabulary import GEMEENSCHAPPELIJKE_REGELING, GEMEENTE, ORGANISATION_TYPES, PROVINCIE, RIJK, WATERSCHAP, ZBO

__all__ = ["GEMEENSCHAPPELIJKE_REGELING", "GEMEENTE", "PROVINCIE", "RIJK", "WATERSCHAP", "ZBO", "Body", "PROVINCES",
           "NATIONAL_BODIES", "all_bodies", "body_by_code", "body_type", "has_own_competence", "match_body", "minister",
           "municipalities", "national_bodies", "national_organ", "normalise_name", "slug"]

PROVINCES = {  # CBS province codes
    "PV20": "Groningen", "PV21": "Fryslân", "PV22": "Drenthe", "PV23": "Overijssel",
    "PV24": "Flevoland", "PV25": "Gelderland", "PV26": "Utrecht", "PV27": "Noord-Holland",
    "PV28": "Zuid-Holland", "PV29": "Zeeland", "PV30": "Noord-Brabant", "PV31": "Limburg",
}
PROVINCE_ALIASES = {"Fryslân": ["Friesland"], "Noord-Brabant": ["Brabant"]}

WATER_BOARDS = [  # the 21 water boards, with the forms their names take in publications
    ("Aa en Maas", []), ("Amstel, Gooi en Vecht", ["AGV"]), ("Brabantse Delta", []),
    ("De Dommel", ["Dommel"]), ("Delfland", ["Hoogheemraadschap van Delfland"]),
    ("Drents Overijsselse Delta", []), ("Fryslân", ["Wetterskip Fryslân"]),
    ("Hollandse Delta", []), ("Hollands Noorderkwartier", ["Hoogheemraadschap Hollands Noorderkwartier"]),
    ("Hunze en Aa's", []), ("Limburg", ["Waterschap Limburg"]), ("Noorderzijlvest", []),
    ("Rijn en IJssel", []), ("Rijnland", ["Hoogheemraadschap van Rijnland"]), ("Rivierenland", []),
    ("Schieland en de Krimpenerwaard", ["Hoogheemraadschap van Schieland en de Krimpenerwaard"]),
    ("Scheldestromen", []), ("De Stichtse Rijnlanden", ["Hoogheemraadschap De Stichtse Rijnlanden", "HDSR"]),
    ("Vallei en Veluwe", []), ("Vechtstromen", []), ("Zuiderzeeland", []),
]

# National bodies by the name they use for themselves, with the forms their names take in texts.
# `own` marks a rijk body with competences of its own in law (the Belastingdienst's inspecteur and
# ontvanger): messages are addressed to it, not to the minister. Every zbo has competences of its own.
NATIONAL_BODIES = [  # (name, type, variants, own)
    ("Belastingdienst", RIJK, ("Belastingdienst/Toeslagen", "Belastingdienst/Douane"), True),
    ("Douane", RIJK, (), True),
    ("Agentschap Telecom", RIJK, (), False),
    ("Rijksinspectie Digitale Infrastructuur", RIJK, ("RDI",), False),
    ("Rijksdienst voor Ondernemend Nederland", RIJK, ("RVO", "RVO.nl"), False),
    ("Dienst Uitvoering Onderwijs", RIJK, ("DUO", "IB-Groep", "Informatie Beheer Groep"), False),
    ("Immigratie- en Naturalisatiedienst", RIJK, ("IND",), False),
    ("Centraal Justitieel Incassobureau", RIJK, ("CJIB",), False),
    ("Rijkswaterstaat", RIJK, (), False),
    ("Nederlandse Voedsel- en Warenautoriteit", RIJK, ("NVWA",), False),
    ("Staatstoezicht op de Mijnen", RIJK, ("SodM",), False),
    ("Rijksdienst voor Identiteitsgegevens", RIJK, ("RvIG",), False),
    ("Logius", RIJK, (), False),
    ("UWV", ZBO, ("Uitvoeringsinstituut werknemersverzekeringen",), True),
    ("SVB", ZBO, ("Sociale Verzekeringsbank",), True),
    ("RDW", ZBO, ("Dienst Wegverkeer", "Rijksdienst voor het Wegverkeer"), True),
    ("Kadaster", ZBO, ("Dienst voor het kadaster en de openbare registers",), True),
    ("CBR", ZBO, ("Centraal Bureau Rijvaardigheidsbewijzen",), True),
    ("CAK", ZBO, ("Centraal Administratie Kantoor",), True),
    ("College voor examens", ZBO, ("CvE",), True),
    ("College voor Toetsen en Examens", ZBO, ("CvTE",), True),
    ("Commissie Eindtermen Accountantsopleiding", ZBO, ("CEA",), True),
    ("Faunafonds", ZBO, (), True),
    ("Nederlandse Zorgautoriteit", ZBO, ("NZa",), True),
    ("Zorginstituut Nederland", ZBO, ("College voor zorgverzekeringen", "CVZ"), True),
    ("OPTA", ZBO, ("Onafhankelijke Post en Telecommunicatie Autoriteit",), True),
    ("Autoriteit Consument en Markt", ZBO, ("ACM",), True),
    ("Autoriteit Persoonsgegevens", ZBO, ("College bescherming persoonsgegevens",), True),
    ("Autoriteit Financiële Markten", ZBO, ("AFM",), True),
    ("De Nederlandsche Bank", ZBO, ("DNB",), True),
    ("Nederlandse Emissieautoriteit", ZBO, ("NEa",), True),
    ("Kansspelautoriteit", ZBO, ("Ksa",), True),
    ("Centraal Orgaan opvang asielzoekers", ZBO, ("COA",), True),
    ("Kamer van Koophandel", ZBO, ("KvK",), True),
    ("Kiesraad", ZBO, (), True),
    ("Commissariaat voor de Media", ZBO, (), True),
    ("Staatsbosbeheer", ZBO, (), True),
    ("Nederlands Letterenfonds", ZBO, ("Letterenfonds",), True),
    ("Mondriaan Fonds", ZBO, (), True),
    ("Fonds Podiumkunsten", ZBO, (), True),
    ("Nederlands Filmfonds", ZBO, (), True),
    ("Stimuleringsfonds Creatieve Industrie", ZBO, (), True),
    ("Nederlandse Organisatie voor Wetenschappelijk Onderzoek", ZBO, ("NWO",), True),
    ("Raad voor Rechtsbijstand", ZBO, (), True),
    *[(f"Raad voor Rechtsbijstand {place}", ZBO, (), True)
      for place in ("Amsterdam", "Arnhem", "Den Haag", "'s-Hertogenbosch", "Leeuwarden")],
]

_PREFIXES = re.compile(
    r"^(gemeente|provincie|waterschap|wetterskip|hoogheemraadschap( van)?|"
    r"gemeenschappelijke regeling|openbaar lichaam)\s+"
)


@dataclass(frozen=True)
class Body:
    code: str                    # GM0513, PV28, waterschap:rijnland, gr:regio-achterhoek
    name: str                    # short display name
    type: str                    # one of vocabulary.BODY_TYPES
    province: str | None = None  # for municipalities
    official_name: str | None = None
    variants: tuple[str, ...] = field(default=(), compare=False)

    @property
    def display_name(self) -> str:
        return self.official_name or self.name


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key; strips 'gemeente', 'provincie', ... prefixes."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.casefold().replace("’", "'").strip()
    text = re.sub(r"[()\.,\-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _PREFIXES.sub("", text).strip()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(name)).strip("-")


@lru_cache(maxsize=1)
def municipalities() -> tuple[Body, ...]:
    with resources.files("kanaalwijzer").joinpath("data/gemeenten.csv").open(encoding="utf-8") as fh:
        return tuple(
            Body(
                code=row["code"], name=row["name"], type=GEMEENTE, province=row["province"],
                official_name=row["official_name"],
                variants=tuple(v for v in row["name_variants"].split("|") if v),
            )
            for row in csv.DictReader(fh)
        )


@lru_cache(maxsize=1)
def all_bodies() -> tuple[Body, ...]:
    provinces = tuple(
        Body(code=code, name=name, type=PROVINCIE, official_name=f"Provincie {name}",
             variants=tuple(PROVINCE_ALIASES.get(name, [])))
        for code, name in PROVINCES.items()
    )
    boards = tuple(
        Body(code=f"waterschap:{slug(name)}", name=name, type=WATERSCHAP,
             official_name=aliases[0] if aliases and " " in aliases[0] else f"Waterschap {name}",
             variants=tuple(aliases))
        for name, aliases in WATER_BOARDS
    )
    return municipalities() + provinces + boards + national_bodies()


@lru_cache(maxsize=1)
def national_bodies() -> tuple[Body, ...]:
    return tuple(Body(code=f"{type_}:{slug(name)}", name=name, type=type_, variants=tuple(variants))
                 for name, type_, variants, _ in NATIONAL_BODIES)


def has_own_competence(body: Body) -> bool:
    """A national body to which messages are addressed in its own right (not its minister's)."""
    return body.type == ZBO or any(name == body.name and own for name, _, _, own in NATIONAL_BODIES)


def minister(role: str, portfolio: str) -> Body:
    """A minister or staatssecretaris as a body: "minister van Economische Zaken" (rijk:minister-van-economische-zaken)."""
    name = f"{role.lower()} {portfolio.strip()}"
    return Body(code=f"{RIJK}:{slug(name)}", name=name, type=RIJK)


def national_organ(name: str) -> Body:
    """The government (royal decrees) or the legislator (acts) as a body."""
    return Body(code=f"{RIJK}:{slug(name)}", name=name, type=RIJK)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], Body]:
    index: dict[tuple[str, str], Body] = {}
    for body in all_bodies():
        for name in (body.name, body.official_name or "", *body.variants):
            if name:
                index.setdefault((body.type, normalise_name(name)), body)
    return index


def body_type(organisatietype: str | None) -> str | None:
    """Our body type for an organisatietype of either KOOP source."""
    return ORGANISATION_TYPES.get((organisatietype or "").strip().casefold())


def match_body(name: str | None, type: str | None = None) -> Body | None:
    """The body a creator name denotes, or None when we do not know it.

    `type` (one of our body types, or a KOOP organisatietype) disambiguates names shared by
    kinds of body: 'Utrecht' the municipality or the province, 'Limburg' province or water board.
    A joint body (gemeenschappelijke regeling) we do not list is still returned, keyed by slug.
    """
    if not name or not name.strip():
        return None
    wanted = body_type(type) or type
    key = normalise_name(name)
    index = _index()
    for kind in ([wanted] if wanted else [GEMEENTE, PROVINCIE, WATERSCHAP]):
        body = index.get((kind, key))
        if body:
            return body
    if wanted == GEMEENSCHAPPELIJKE_REGELING:
        return Body(code=f"gr:{slug(name)}", name=name.strip(), type=GEMEENSCHAPPELIJKE_REGELING)
    return None


def body_by_code(code: str) -> Body | None:
    for body in all_bodies():
        if body.code == code:
            return body
    return None
