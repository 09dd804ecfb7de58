"""Besluit: one publication with its metadata, full text with evidence (and the search words of the
hit it was reached from) highlighted, its versions as a timeline with the previous and next one and
the differences between two of them, linked manifestations and a citation."""
from __future__ import annotations

from flask import Blueprint, abort, request

from kanaalwijzer.search.highlight import term_spans

from .. import serializers, versions as timelines
from ..citation import citation, short_reference
from ..params import MAX_QUERY_LENGTH, BadParameter, positive_int
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
    steps = timelines.timeline(store, pub, versions, current)
    previous, following = timelines.neighbours(steps)
    cite = citation(pub, current.fetched_at)
    data = {
        "publication": serializers.publication(pub),
        "reference": short_reference(pub_id),
        "citation": cite,
        "version": serializers.version(current) | {"text": current.text},
        "versions": [serializers.version(v) for v in versions],
        "timeline": [serializers.step(step) for step in steps],
        "extraction": serializers.extraction(found, result, channels),
        "linked": [serializers.publication(p) for p in linked],
    }
    return respond("besluit/show.html", data, title=pub.title or pub_id, pub=pub, versions=versions,
                   current=current, extraction=data["extraction"], channels=channels, text_html=text_html,
                   linked=linked, cite=cite, reference=data["reference"], permalink=request.base_url,
                   q=q, term_count=len(terms), steps=steps, previous=previous, following=following)


@bp.get("/besluit/verschil")
def compare():
    """What changed between two versions of one decision: ?van=CVDR762001_1&naar=CVDR762001_2 (CVDR
    versions) or ?van=gmb-…&vanversie=1&naar=gmb-…&naarversie=2 (two stored texts)."""
    store = get_store()
    ids = {side: request.args.get(side, "").strip() for side in ("van", "naar")}
    if not all(ids.values()):
        raise BadParameter("Geef twee versies: ?van=…&naar=….")
    pubs = {side: store.publication(pub_id) for side, pub_id in ids.items()}
    if None in pubs.values():
        abort(404)
    same_work = pubs["van"].work_id and pubs["van"].work_id == pubs["naar"].work_id
    if ids["van"] != ids["naar"] and not same_work:
        raise BadParameter("Alleen versies van hetzelfde besluit zijn te vergelijken.")
    texts = {}
    for side, pub_id in ids.items():
        stored = store.versions(pub_id)
        wanted = positive_int(f"{side}versie", stored[-1].version) if stored else None
        texts[side] = next((v for v in stored if v.version == wanted), None)
        if texts[side] is None:
            abort(404)
    blocks, counts = timelines.diff(texts["van"].text, texts["naar"].text)
    steps = timelines.timeline(store, pubs["naar"], store.versions(ids["naar"]), texts["naar"])
    label = {side: _step_label(steps, ids[side], texts[side].version) for side in ids}
    data = {"van": {"id": ids["van"], "version": texts["van"].version, "label": label["van"]},
            "naar": {"id": ids["naar"], "version": texts["naar"].version, "label": label["naar"]},
            "counts": counts, "blocks": [{"kind": b.kind, "html": str(b.html), "lines": b.lines} for b in blocks]}
    return respond("besluit/verschil.html", data, title=f"Wijzigingen in {pubs['naar'].title or ids['naar']}",
                   pub=pubs["naar"], blocks=blocks, counts=counts, label=label, ids=ids, texts=texts)


def _step_label(steps, pub_id: str, revision: int) -> str:
    step = next((s for s in steps if s.pub_id == pub_id and s.revision in (None, revision)), None)
    return f"versie {step.number}" if step else f"{pub_id}, versie {revision}"
