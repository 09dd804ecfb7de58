"""Besluit: one publication with its metadata, full text with evidence highlighted, versions,
linked manifestations and a citation."""
from __future__ import annotations

from flask import Blueprint, abort, request

from kanaalwijzer.search.highlight import term_spans

from .. import serializers
from ..citation import citation, short_reference
from ..params import MAX_QUERY_LENGTH, positive_int
from ..render import respond
from ..resources import get_store
from ..snippets import highlight

bp = Blueprint("besluit", __name__)


@bp.get("/besluit/<path:pub_id>")
def show(pub_id: str):
    store = get_store()
    pub = store.publication(pub_id)
    if pub is None:
        abort(404)
    versions = store.versions(pub_id)
    if not versions:
        abort(404)
    wanted = positive_int("versie", versions[-1].version)
    current = next((v for v in versions if v.version == wanted), None)
    if current is None:
        abort(404)
    found = store.newest_extraction(pub_id, current.version)
    result = found.result if found and not found.breaks_contract else {}
    channels = serializers.channels_with_evidence(result.get("channels") or [], current.text)
    q = request.args.get("q", "")[:MAX_QUERY_LENGTH]  # from a search hit: mark the words it found
    terms = term_spans(q, current.text) if q.strip() else []
    text_html, anchors = highlight(current.text, [(c["evidence"].get("start"), c["evidence"].get("end"))
                                                  if c["located"] else (None, None) for c in channels], terms=terms)
    for channel, anchor in zip(channels, anchors):
        channel["anchor"] = anchor
    linked = store.linked_publications(pub_id)
    cite = citation(pub, current.fetched_at)
    data = {
        "publication": serializers.publication(pub),
        "reference": short_reference(pub_id),
        "citation": cite,
        "version": serializers.version(current) | {"text": current.text},
        "versions": [serializers.version(v) for v in versions],
        "extraction": serializers.extraction(found, result, channels),
        "linked": [serializers.publication(p) for p in linked],
    }
    return respond("besluit/show.html", data, title=pub.title or pub_id, pub=pub, versions=versions,
                   current=current, extraction=data["extraction"], channels=channels, text_html=text_html,
                   linked=linked, cite=cite, reference=data["reference"], permalink=request.base_url,
                   q=q, term_count=len(terms))
