"""Paste-ready citations: 'Gmb. 2025, 552188' for gazette publications, the CVDR id otherwise."""
from __future__ import annotations

from kanaalwijzer.vocabulary import short_reference

from .templating import datum


def citation(publication, retrieved: str | None) -> str:
    """'<title>, Gmb. 2025, 552188, <url> (geraadpleegd op 3 maart 2026)'."""
    parts = [publication.title or publication.id, short_reference(publication.id)]
    if publication.url_official:
        parts.append(publication.url_official)
    text = ", ".join(parts)
    return f"{text} (geraadpleegd op {datum(retrieved)})" if retrieved else text
