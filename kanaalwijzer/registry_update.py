"""Bringing the registry up to date: extract what is pending, rebuild, record what changed.

The registry (kanaalwijzer.registry: decisions and designations from extractions) and the change
events (kanaalwijzer.events: what changed between two registry snapshots) know nothing of this
runner; it calls them in order, in one transaction per update.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from . import events, registry
from .documents import Block, Document
from .store import Event, Store

log = logging.getLogger(__name__)


def document_for(store: Store, publication_id: str, version: int) -> Document:
    """The stored version as a Document (text + structural blocks), for the extractor."""
    pub = store.publication(publication_id)
    stored = store.version(publication_id, version)
    blocks = [Block(b["kind"], b.get("label", ""), b["start"], b["end"])
              for b in stored.structure if isinstance(b, dict)]
    # The publication's metadata under the names the document parser gives XML metadata.
    meta = {"id": publication_id, "title": pub.title, "creator": pub.body_name,
            "OVERHEID.organisationType": pub.body_type, "issued": pub.issued, "available": pub.published,
            "modified": pub.modified, "inwerkingtredingDatum": pub.valid_from if pub.source == "cvdr" else None}
    meta = {k: v for k, v in meta.items() if v}
    fmt = "cvdr_xml" if pub.source == "cvdr" else "gemeenteblad_xml"
    return Document(stored.text, blocks, fmt, meta)


@dataclass
class PendingResult:
    extracted: int = 0
    failed: int = 0
    events: list[Event] = field(default_factory=list)


def extract_pending(store: Store, pipeline_version: str, extract_fn: Callable[[Document], dict], *,
                    today: date | None = None, limit: int | None = None) -> PendingResult:
    """Extract every version not yet extracted by this pipeline version, then update the registry.

    Each extraction is committed on its own, so a killed run resumes where it stopped. A version
    the extractor cannot handle, or whose result breaks the extract contract, is stored with its
    error (and logged); the run goes on.
    """
    result = PendingResult()
    for publication_id, version in store.unextracted_versions(pipeline_version)[:limit]:
        try:
            extracted = extract_fn(document_for(store, publication_id, version))
            error = extracted.get("error") if isinstance(extracted, dict) else "extractor gaf geen JSON-object"
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            extracted, error = {}, f"{type(exc).__name__}: {exc}"
        error = store.record_extraction(publication_id, version, pipeline_version,
                                        extracted if isinstance(extracted, dict) else {}, error)
        if error:
            log.error("extractie mislukt voor %s versie %s: %s", publication_id, version, error)
            result.failed += 1
        else:
            result.extracted += 1
    result.events = update(store, pipeline_version, today=today)
    return result


def update(store: Store, pipeline_version: str | None = None, *, today: date | None = None) -> list[Event]:
    """Rebuild the registry and record the change events it implies; returns the new events."""
    with store.transaction():
        before = events.snapshot(store)
        registry.rebuild(store, pipeline_version)
        after = events.snapshot(store)
        return events.record_changes(store, before, after, today=today)
