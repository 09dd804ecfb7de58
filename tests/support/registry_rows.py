"""Extraction JSON in the extract contract's shape, and publishing it through the store and the
registry: the builders the registry, events, digest and mail tests share."""
from __future__ import annotations

from kanaalwijzer.store import Store

PIPELINE = "test-1"
UTRECHT = "GM0344"
AMERSFOORT = "GM0307"


def channel(kind, status="designated", scope=None, value="", auth=(), text=None, location="Artikel 2"):
    words = text or f"{kind} {status}"
    return {"kind": kind, "status": status, "value": value, "scope": scope, "auth": list(auth),
            "evidence": {"start": 0, "end": len(words), "text": words, "location": location}}


def extraction(title, channels, *, classification="wmebv_designation", effective_date=None, effective_rule=None,
               withdraws=(), code=UTRECHT):
    return {"classification": classification, "confidence": 0.9, "reasons": ["test"], "title": title,
            "authority": {"name": "Utrecht", "type": "gemeente", "code": code}, "organs": [],
            "decision_date": None, "effective_date": effective_date, "effective_rule": effective_rule,
            "legal_basis": ["Awb 2:13 lid 2"], "channels": channels, "withdraws": list(withdraws),
            "pipeline_version": PIPELINE}


def publish(store: Store, pub_id: str, result: dict, *, text: str | None = None, published="2025-12-01",
            body=UTRECHT, pipeline=PIPELINE, **fields) -> int:
    """Store a publication, a version and its extraction; returns the version number."""
    source = "cvdr" if pub_id.startswith("CVDR") else "officielepublicaties"
    title = result["title"] if isinstance(result["title"], str) else "Titel van de publicatie"
    store.upsert_publication(pub_id, source=source, title=title, body_code=body,
                             body_type="gemeente", published=published, **fields)
    version = store.add_version(pub_id, text or f"{pub_id}\n{result}").version
    store.record_extraction(pub_id, version, pipeline, result)
    return version


OLD = extraction("Aanwijzingsbesluit elektronische kanalen Utrecht 2025", [
    channel("web_form", scope=None, value="https://utrecht.example/formulieren"),
    channel("email", scope="bezwaarschriften", value="bezwaar@utrecht.example", text="per e-mail: bezwaar@"),
], effective_date="2026-01-01")
NEW = extraction("Aanwijzingsbesluit elektronische kanalen Utrecht 2026", [
    channel("web_form", scope=None, value="https://utrecht.example/formulieren"),
    channel("email", status="excluded", scope="bezwaarschriften", text="E-mail is geen aangewezen kanaal"),
], effective_date="2026-03-01", withdraws=["Aanwijzingsbesluit elektronische kanalen Utrecht 2025"])
