"""The gazettes and their identifiers: prefixes (gmb, prb, wsb, bgr, stcrt), names, citation
abbreviations, the body type behind each, and CVDR ids. One table; everything else derives from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import CVDR, GEMEENSCHAPPELIJKE_REGELING, GEMEENTE, OP, PROVINCIE, RIJK, SOURCES, WATERSCHAP, label, list_of


@dataclass(frozen=True)
class Gazette:
    prefix: str              # the identifier prefix: gmb-2025-552188
    name: str                # the publicatienaam KOOP uses: Gemeenteblad
    abbreviation: str        # in a citation: Gmb. 2025, 552188
    body_type: str           # who publishes in it
    organisation_type: str   # the organisatietype KOOP gives its publishers

    @property
    def element(self) -> str:
        """Root element of its content XML, and its folder name: 'provinciaalblad'."""
        return self.name.lower().replace(" ", "")


GAZETTES = {g.prefix: g for g in (
    Gazette("gmb", "Gemeenteblad", "Gmb.", GEMEENTE, "gemeente"),
    Gazette("prb", "Provinciaal blad", "Prb.", PROVINCIE, "provincie"),
    Gazette("wsb", "Waterschapsblad", "Wsb.", WATERSCHAP, "waterschap"),
    Gazette("bgr", "Blad gemeenschappelijke regeling", "Bgr.", GEMEENSCHAPPELIJKE_REGELING,
            "regionaal samenwerkingsorgaan"),
    Gazette("stcrt", "Staatscourant", "Stcrt.", RIJK, "ministerie"),
)}
# The gazettes of the decentral bodies, the ones the official-publications spider harvests today.
DECENTRAL_GAZETTES = tuple(g for g in GAZETTES.values() if g.prefix != "stcrt")
GAZETTE_BY_NAME = {g.name: g for g in GAZETTES.values()}
# The words a citation names a gazette by ('Gmb. 2025, 540118', 'Gemeenteblad 2025 nr. 540118'), lower case.
GAZETTE_WORDS = {**{g.prefix: g.prefix for g in GAZETTES.values()}, **{g.name.lower(): g.prefix for g in GAZETTES.values()}}

_PREFIXES = "|".join(GAZETTES)
# A publication id anywhere in a text: gmb-2025-552188, stcrt-2026-1234, CVDR754606_1, CVDR754606.
PUBLICATION_ID = re.compile(rf"\b((?:{_PREFIXES})-\d{{4}}-\d+|CVDR\d+(?:_\d+)?)\b", re.IGNORECASE)
GAZETTE_ID = re.compile(rf"^(?P<prefix>{_PREFIXES})-(?P<year>\d{{4}})-(?P<number>\d+)$")
CVDR_ID = re.compile(r"^CVDR(?P<work>\d+)(?:_(?P<version>\d+))?$", re.IGNORECASE)


def gazette_of(pub_id: str) -> Gazette | None:
    match = GAZETTE_ID.match(pub_id or "")
    return GAZETTES[match["prefix"]] if match else None


def source_of(pub_id: str) -> str:
    """The source an identifier belongs to (CVDR ids start with CVDR, gazette ids with a prefix)."""
    return CVDR if (pub_id or "").upper().startswith("CVDR") else OP


def short_reference(pub_id: str) -> str:
    """'gmb-2025-552188' -> 'Gmb. 2025, 552188'; a CVDR id (or anything else) stays as it is."""
    match = GAZETTE_ID.match(pub_id or "")
    if not match:
        return pub_id
    return f"{GAZETTES[match['prefix']].abbreviation} {match['year']}, {match['number']}"


# -- harvest runs --------------------------------------------------------------------------------
# A harvest run is kept per source and selection of gazettes ('officielepublicaties:gmb+prb', 'cvdr'),
# so a Provinciaal blad run never marks Gemeenteblad windows done.
_SELECTION = OP + ":"


def harvest_key(gazettes: tuple[Gazette, ...]) -> str:
    """The run key of an official-publications harvest over these gazettes."""
    return _SELECTION + "+".join(g.prefix for g in gazettes)


def harvest_label(key: str | None) -> str:
    """What a harvest run key means, in words: 'Gemeenteblad', 'officiële publicaties (Provinciaal blad
    en Waterschapsblad)', 'lokale regelgeving (CVDR)'."""
    if key and key.startswith(_SELECTION):
        names = [GAZETTES[p].name if p in GAZETTES else p for p in key[len(_SELECTION):].split("+")]
        return names[0] if len(names) == 1 else f"{SOURCES[OP]} ({list_of(names)})"
    return label(SOURCES, key)
