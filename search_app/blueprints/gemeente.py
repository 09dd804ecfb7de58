"""Gemeente: the answer a citizen needs for one municipality, and the finder behind the home box."""
from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint, abort, redirect, request, url_for

from kanaalwijzer import registry
from kanaalwijzer.store import AMSTERDAM

from .. import lookup, serializers
from ..params import output_format
from ..render import respond
from ..resources import get_store

bp = Blueprint("gemeente", __name__)


@bp.get("/gemeente")
def find():
    """?naam=... : one match goes straight to its page, several are listed to choose from."""
    query = request.args.get("naam", "")
    found = lookup.find(query)
    if len(found) == 1 and output_format() == "html":
        return redirect(url_for("gemeente.show", key=lookup.canonical_slug(found[0])))
    data = {"query": query, "matches": [serializers.body(b) | {"url": url_for("gemeente.show", key=b.code)}
                                        for b in found]}
    return respond("gemeente/find.html", data, title="Gemeente zoeken", query=query, found=found)


@bp.get("/gemeente/<key>")
def show(key: str):
    body = lookup.by_key(key)
    if body is None:
        abort(404)
    if output_format(("html", "json", "atom")) == "atom":  # the municipality's changes
        return redirect(url_for("digest.feed_body", code=body.code))
    store = get_store()
    today = datetime.now(AMSTERDAM).date()
    decisions = store.decisions_of(body.code)
    # Decisions taking effect later: show what applies from that day, next to what applies now.
    upcoming_days = sorted({d.effective_date for d in decisions
                            if d.effective_date and d.effective_date > today.isoformat()})
    answer = serializers.municipality_answer(
        body, registry.body_status(store, body.code, today), today,
        store.designations_on(body.code, today.isoformat()),
        [(date.fromisoformat(day), store.designations_on(body.code, day)) for day in upcoming_days],
        store.last_looked().at(body.code),
        {d.decision_id: serializers.decision(d, store.publication(d.publication_id)) for d in decisions},
    )
    publications = store.publications_of_body(body.code)
    return respond("gemeente/show.html", answer, atom=True, title=f"Gemeente {body.name}", body=body, answer=answer,
                   publications=publications, today=today)
