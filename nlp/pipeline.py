"""Assembles the pipeline from nlp/config.cfg and offers `extract()`, the public entry.

`extract(data, name)` returns the public JSON contract (documented in README.md) for one file.
Unrelated texts are rejected by the prefilter before tokenisation, so they cost one regex search.
"""
from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kanaalwijzer.documents import Document, parse_document

from . import authority, channels, classifier, dates, extensions, legal, prefilter, structure  # noqa: F401  (factories)
from .patterns import PATTERNS_DIR

log = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).parent / "config.cfg"
RULES_VERSION = "0.1"
CONTRACT_KEYS = ("file", "classification", "confidence", "reasons", "title", "authority", "organs",
                 "decision_date", "effective_date", "effective_rule", "legal_basis", "channels",
                 "withdraws", "outside", "pipeline_version")
# per channel: the original keys, then the scope fields (scope-contract.md), in this order
CHANNEL_KEYS = ("kind", "status", "value", "scope", "auth", "evidence", "messages", "applies_to", "except_messages",
                "except_refs", "conditions", "organisation", "additional")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Rules version plus a digest of the code, config and pattern files: any rule change gives a
    new version, so `extract --pending` knows what to redo."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([CONFIG_PATH, *PATTERNS_DIR.glob("*.json*"), *here.glob("*.py")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{RULES_VERSION}+{digest.hexdigest()[:10]}"


def load(config_path: str | Path = CONFIG_PATH) -> Language:
    extensions.register()
    config = spacy.util.load_config(config_path)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    # spaCy's 1M-character guard protects the parser's memory; we only tokenise and run rules,
    # and a consolidated regulation with annexes can be long
    nlp.max_length = 50_000_000
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    return load()


def run(document: Document, nlp: Language | None = None, relevant: bool | None = None) -> Doc:
    """The pipeline on a normalised document (the prefilter runs inside unless `relevant` is
    already known)."""
    nlp = nlp or get_nlp()
    doc = nlp.make_doc(document.text)
    doc._.kw_document = document
    doc._.kw_text = document.text
    doc._.kw_relevant = relevant
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def extract(data: bytes | str, name: str = "", nlp: Language | None = None, facts: bool = True) -> dict:
    """The public JSON contract for one file's bytes. Never raises on bad input.

    facts=False is the bulk mode (store, gazette streams): a publication the prefilter rejects
    returns at once, without title/authority/dates (the store has its metadata already).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    nlp = nlp or get_nlp()
    if not facts and data and nlp.get_pipe("kw_prefilter").quick_reject(data):
        result = empty_result(name)
        result["confidence"] = 0.97
        result["reasons"] = [PREFILTER_REASON]
        return result
    document = parse_document(data, name)
    return extract_document(document, name, nlp)


PREFILTER_REASON = ("voorfilter: de tekst spreekt niet over elektronische kanalen, "
                    "elektronisch berichtenverkeer of artikel 2:13-2:15 Awb")


def extract_document(document: Document, name: str = "", nlp: Language | None = None,
                     facts: bool = True) -> dict:
    """The contract for a normalised document (e.g. a stored version); facts as in extract()."""
    nlp = nlp or get_nlp()
    result = empty_result(name)
    if document.error:
        result["error"] = document.error
    if not document.text:
        result["reasons"] = ["geen leesbare tekst"]
        return result
    try:
        gate = nlp.get_pipe("kw_prefilter")
        if not gate.is_relevant(document.text):
            # cheap path: no tokenisation and no channel rules; the facts about the file
            # itself (title, body, dates) still come from regular expressions on its head
            result["confidence"] = 0.97
            result["reasons"] = [PREFILTER_REASON]
            if facts:
                result.update(document_facts(document))
            return result
        doc = run(document, nlp, relevant=True)
    except Exception as exc:  # a rule bug must not lose the rest of a batch
        log.exception("extraction failed for %s", name)
        result["error"] = f"extractie mislukt: {type(exc).__name__}: {exc}"
        return result
    return to_result(doc, name, result.get("error"))


def document_facts(document: Document) -> dict:
    """Title, authority and dates of a document without running the pipeline."""
    head = document.text[:20000]
    title = structure.find_title(head, [b for b in document.blocks if b.start < 20000], document.meta)
    body = authority.find_authority(head, document.meta, title)
    found = dates.find_dates(document.text, document.meta, title)  # the final provisions stand last
    return {"title": title,
            "authority": authority.authority_json(body),
            **found}


def empty_result(name: str) -> dict:
    return {"file": name, "classification": "not_designation", "confidence": 0.0, "reasons": [],
            "title": None, "authority": None, "organs": [], "decision_date": None,
            "effective_date": None, "effective_rule": None, "legal_basis": [], "channels": [],
            "withdraws": [], "outside": [], "pipeline_version": pipeline_version()}


def to_result(doc: Doc, name: str, error: str | None = None) -> dict:
    result = {
        "file": name,
        "classification": doc._.kw_classification,
        "confidence": doc._.kw_confidence,
        "reasons": list(doc._.kw_reasons or []),
        "title": doc._.kw_title,
        "authority": doc._.kw_authority,
        "organs": list(doc._.kw_organs or []),
        "decision_date": doc._.kw_decision_date,
        "effective_date": doc._.kw_effective_date,
        "effective_rule": doc._.kw_effective_rule,
        "legal_basis": list(doc._.kw_legal_basis or []),
        "channels": [{k: ch.get(k) for k in CHANNEL_KEYS} for ch in (doc._.kw_channels or [])],
        "withdraws": list(doc._.kw_withdraws or []),
        "outside": list(doc._.kw_outside or []) if doc._.kw_channels else [],
        "pipeline_version": pipeline_version(),
    }
    if error:
        result["error"] = error
    return result
