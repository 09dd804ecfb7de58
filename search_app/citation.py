"""Paste-ready citations: 'Gmb. 2025, 552188' for gazette publications, the CVDR id otherwise."""
from __future__ import annotations

import re

from .templating import datum

ABBREVIATIONS = {"gmb": "Gmb.", "prb": "Prb.", "wsb": "Wsb.", "bgr": "Bgr.", "stcrt": "Stcrt."}
_GAZETTE_ID = re.compile(r"^(?P<prefix>[a-z]+)-(?P<year>\d{4})-(?P<number>\d+)$")


def short_reference(pub_id: str) -> str:
    match = _GAZETTE_ID.match(pub_id)
    if match and match["prefix"] in ABBREVIATIONS:
        return f"{ABBREVIATIONS[match['prefix']]} {match['year']}, {match['number']}"
    return pub_id


def citation(publication, retrieved: str | None) -> str:
    """'<title>, Gmb. 2025, 552188, <url> (geraadpleegd op 3 maart 2026)'."""
    parts = [publication.title or publication.id, short_reference(publication.id)]
    if publication.url_official:
        parts.append(publication.url_official)
    text = ", ".join(parts)
    return f"{text} (geraadpleegd op {datum(retrieved)})" if retrieved else text
