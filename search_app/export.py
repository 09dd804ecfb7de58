"""Export of a result list: CSV for spreadsheets, RIS for reference managers (Zotero, EndNote).

Both carry per hit its identifier, title, body, date, legal status and official link, in the words
the pages use (labels); the CSV has each code beside its label (soortcode, statuscode, kanaalcodes)
for scripts. The whole list is exported, up to EXPORT_LIMIT hits.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from flask import Response

from kanaalwijzer import vocabulary
from kanaalwijzer.search.vocab import facet_label
from kanaalwijzer.store import Decision

from .citation import short_reference

EXPORT_LIMIT = 1000
PAGE = 100  # the backends' largest page

CSV_HEADER = ("id", "citeertitel", "titel", "organisatie", "code", "publicatie", "gepubliceerd", "soort",
              "soortcode", "status", "statuscode", "kanalen", "kanaalcodes", "officiële publicatie")


def all_hits(backend, request) -> list:
    """Every hit of the request (in its order), at most EXPORT_LIMIT."""
    hits, page = [], 1
    while len(hits) < EXPORT_LIMIT:
        result = backend.search(replace(request, page=page, per_page=PAGE))
        hits += result.hits
        if page * PAGE >= min(result.total, EXPORT_LIMIT) or not result.hits:
            break
        page += 1
    return hits[:EXPORT_LIMIT]


def statuses(store, hits, today: date) -> dict[str, str]:
    """The legal status of each hit's decision, as the registry knows it (by publication id): a code
    of vocabulary.LEGAL_STATUSES, 'unknown' (a designation whose start is unknown) or
    'not_designation'; status_label() names it."""
    by_publication = {}
    codes = {h.body_code for h in hits if h.body_code}
    for decision in store.decisions_of():  # one query, whatever the number of bodies
        if decision.body_code in codes:
            for pub_id in {decision.publication_id, *decision.manifestations}:
                by_publication[pub_id] = decision
    result = {}
    for hit in hits:
        decision = by_publication.get(hit.id)
        result[hit.id] = (_status(decision, today) or "unknown") if decision else "not_designation"
    return result


def status_label(code: str) -> str:
    if code == "not_designation":
        return vocabulary.regime_label(code, capital=True)
    table = vocabulary.BODY_STATUSES if code == "unknown" else vocabulary.LEGAL_STATUSES
    return vocabulary.label(table, code, capital=True)


def _status(decision: Decision, today: date) -> str | None:
    """A code of vocabulary.LEGAL_STATUSES, or None when the date it takes effect is unknown."""
    if decision.end_reason:
        return decision.end_reason
    if decision.valid_to and decision.valid_to < today.isoformat():
        return "expired"
    start = decision.effective_date
    if not start:
        return None
    return "in_force" if start <= today.isoformat() else "not_yet_in_force"


def row(hit, status: str) -> tuple:
    """One CSV row (CSV_HEADER); `status` is a code of statuses()."""
    return (hit.id, short_reference(hit.id), hit.title, hit.body_label, hit.body_code,
            hit.publication_name or facet_label("bron", hit.source), hit.published,
            facet_label("regime", hit.regime) if hit.regime else "", hit.regime or "", status_label(status), status,
            ", ".join(facet_label("kanaal", k) for k in hit.channel_kinds), ", ".join(hit.channel_kinds),
            hit.url_official)


def ris(hits, status: dict[str, str]) -> Response:
    """RIS records (TY GOVDOC): the body as author, the gazette as journal, the status as a note."""
    lines = []
    for hit in hits:
        fields = [("TY", "GOVDOC"), ("ID", hit.id), ("TI", hit.title or hit.id), ("AU", hit.body_label),
                  ("PB", hit.body_label), ("T2", hit.publication_name or facet_label("bron", hit.source)),
                  ("DA", (hit.published or "").replace("-", "/")), ("PY", (hit.published or "")[:4]),
                  ("M1", short_reference(hit.id)), ("N1", status_label(status[hit.id]) if hit.id in status else None),
                  ("KW", facet_label("regime", hit.regime) if hit.regime else None),
                  *(("KW", facet_label("kanaal", k)) for k in hit.channel_kinds),
                  ("UR", hit.url_official), ("LA", "nl")]
        lines += [f"{tag}  - {_one_line(value)}" for tag, value in fields if value]
        lines.append("ER  - ")
        lines.append("")
    return Response("\r\n".join(lines), mimetype="application/x-research-info-systems",
                    headers={"Content-Disposition": 'attachment; filename="zoekresultaten.ris"'})


def _one_line(value) -> str:
    return " ".join(str(value).split())
