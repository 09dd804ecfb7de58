"""Gemeente: the answer a citizen needs for one municipality, and the finder behind the home box."""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, redirect, request, url_for

from kanaalwijzer import registry
from kanaalwijzer.store import AMSTERDAM

from .. import lookup, serializers
from ..params import output_format
from ..queries import last_looked
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
    store = get_store()
    today = datetime.now(AMSTERDAM).date()
    status = registry.body_status(store, body.code, today)
    in_force = registry.designations_on(store, body.code, today)
    upcoming = [(day, registry.designations_on(store, body.code, day)) for day in _upcoming_dates(store, body.code, today)]
    answer = serializers.municipality_answer(body, status, today, in_force, upcoming, last_looked(store, body))
    ids = set(answer["in_force"]["decisions"]) | {d["decision_id"] for u in answer["upcoming"]
                                                   for p in u["processes"] for d in p["designated"] + p["excluded"]}
    answer["decisions"] = _decisions(store, ids)
    publications = store.publications("body_code = ?", (body.code,))
    return respond("gemeente/show.html", answer, title=f"Gemeente {body.name}", body=body, answer=answer,
                   publications=publications, today=today)


def _upcoming_dates(store, body_code: str, today) -> list:
    """Dates on which a decided but not yet effective designation takes effect."""
    rows = store.query("SELECT DISTINCT valid_from FROM designations WHERE body_code = ? AND valid_from > ?"
                       " ORDER BY valid_from", (body_code, today.isoformat()))
    from datetime import date
    return [date.fromisoformat(row["valid_from"]) for row in rows]


def _decisions(store, ids) -> dict[str, dict]:
    """Title, dates and official link of the decisions the answer cites."""
    result = {}
    for decision_id in sorted(i for i in ids if i):
        row = store.db.execute("SELECT * FROM decisions WHERE decision_id = ?", (decision_id,)).fetchone()
        if row is None:
            continue
        pub = store.publication(row["publication_id"])
        result[decision_id] = {
            "decision_id": decision_id, "title": row["title"], "publication_id": row["publication_id"],
            "regime": row["regime"], "published": row["published"], "effective_date": row["effective_date"],
            "effective_rule": row["effective_rule"], "valid_to": row["valid_to"],
            "url_official": pub["url_official"] if pub else None,
            "url": url_for("besluit.show", pub_id=row["publication_id"]),
        }
    return result
