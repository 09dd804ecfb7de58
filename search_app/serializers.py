"""Plain dicts for JSON (and rows for CSV) from search results, decisions, municipalities.

Views pass these dicts to `respond`; templates get the richer objects. Keep keys stable:
they are the public API described in /api/openapi.json.
"""
from __future__ import annotations

from dataclasses import asdict

from kanaalwijzer import vocabulary as vocab


def hit(h) -> dict:
    data = asdict(h)
    data["score"] = round(float(data.get("score") or 0), 4)
    return data


def facet_value(v) -> dict:
    return {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}


def search_result(req, result) -> dict:
    return {
        "query": {"q": req.q, "filters": req.filters, "date_from": _iso(req.date_from), "date_to": _iso(req.date_to),
                  "sort": req.sort, "page": req.page, "per_page": req.per_page},
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "took_ms": round(result.took_ms, 2),
        "hits": [hit(h) for h in result.hits],
        "facets": {name: [facet_value(v) for v in values] for name, values in result.facets.items()},
    }


def _iso(value):
    return value.isoformat() if value else None


def channel_names(kinds) -> str:
    """Channel kinds in one CSV cell: 'webformulier; e-mail' (names hold commas)."""
    return "; ".join(vocab.channel_label(kind) for kind in kinds or ())


def channel_codes(kinds) -> str:
    """The same kinds as codes, for machines: 'web_form; email'."""
    return "; ".join(kinds or ())


def publication(pub) -> dict:
    keys = ("id", "source", "publication_name", "work_id", "work_version", "title", "body_name", "body_type",
            "body_code", "rubriek", "published", "modified", "issued", "valid_from", "valid_to", "url_official",
            "is_format_of", "first_seen", "last_seen")
    return {key: getattr(pub, key) for key in keys}


def version(v) -> dict:
    return {"version": v.version, "fetched_at": v.fetched_at, "source_modified": v.source_modified,
            "content_hash": v.content_hash}


def step(s) -> dict:
    return {"version": s.number, "id": s.pub_id, "revision": s.revision, "valid_from": s.valid_from,
            "valid_to": s.valid_to, "fetched_at": s.fetched_at, "current": s.current}


def channels_with_evidence(channels: list[dict], text: str) -> list[dict]:
    """Each channel with whether its evidence offsets really point at its quoted
    words in this text. When they do not (text changed), the quote is looked up once; if it is
    not found uniquely, the channel is shown without a highlight rather than at a wrong place."""
    result = []
    for channel in channels:
        evidence = dict(channel.get("evidence") or {})
        quote = evidence.get("text") or ""
        start, end = evidence.get("start"), evidence.get("end")
        located = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) \
            and (not quote or text[start:end] == quote)
        if not located and quote and text.count(quote) == 1:
            evidence["start"] = text.index(quote)
            evidence["end"] = evidence["start"] + len(quote)
            located = True
        result.append({**channel, "evidence": evidence, "anchor": None, "located": located})
    return result


def extraction(found, result: dict, channels: list[dict]) -> dict | None:
    if found is None:
        return None
    return {
        "pipeline_version": found.pipeline_version,
        "extracted_at": found.extracted_at,
        "classification": found.classification,
        "confidence": found.confidence,
        "error": found.error,
        "reasons": result.get("reasons") or [],
        "authority": result.get("authority"),
        "organs": result.get("organs") or [],
        "decision_date": result.get("decision_date"),
        "effective_date": result.get("effective_date"),
        "effective_rule": result.get("effective_rule"),
        "legal_basis": result.get("legal_basis") or [],
        "withdraws": result.get("withdraws") or [],
        "channels": [{key: c.get(key) for key in ("kind", "status", "value", "scope", "auth", "evidence")}
                     | {"anchor": c["anchor"], "evidence_located": c["located"]} for c in channels],
    }


def body(b) -> dict:
    from .lookup import canonical_slug
    return {"code": b.code, "name": b.name, "official_name": b.display_name, "type": b.type,
            "province": b.province, "slug": canonical_slug(b)}


def designation(g) -> dict:
    return {"decision_id": g.decision_id, "process": g.process, "kind": g.channel_kind, "value": g.channel_value,
            "status": g.status, "auth": g.auth, "valid_from": g.valid_from, "valid_to": g.valid_to,
            "evidence": g.evidence, "publication_id": g.publication_id, "version": g.version}


def by_process(designations: list[dict]) -> list[dict]:
    """Group channels per process ('' = alle berichten first), designated apart from excluded."""
    groups: dict[str, dict] = {}
    for d in designations:
        group = groups.setdefault(d["process"], {"process": d["process"], "designated": [], "excluded": []})
        group["excluded" if d["status"] == "excluded" else "designated"].append(d)
    return [groups[key] for key in sorted(groups, key=lambda p: (p != "", p.casefold()))]


def decision(d, pub) -> dict:
    from flask import url_for
    keys = ("decision_id", "title", "regime", "publication_id", "published", "decision_date", "effective_date",
            "effective_rule", "valid_to", "end_reason", "ended_by")
    return {key: getattr(d, key) for key in keys} | {
        "url_official": pub.url_official if pub else None,
        "url": url_for("besluit.show", pub_id=d.publication_id),
    }


def municipality_answer(b, status, today, in_force, upcoming, looked, decisions) -> dict:
    current = [designation(r) for r in in_force]
    return {
        "body": body(b),
        "date": today.isoformat(),
        "status": status,
        "in_force": {"processes": by_process(current), "decisions": sorted({d["decision_id"] for d in current})},
        "upcoming": [{"from": day.isoformat(), "processes": by_process([designation(r) for r in rows])}
                     for day, rows in upcoming],
        "last_looked": looked,
        "decisions": decisions,
    }
