"""Overzicht: every municipality's status, channel kinds in use, per province, with a chart, and
how fresh each source is."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from flask import Blueprint, url_for

from kanaalwijzer import registry
from kanaalwijzer import vocabulary as vocab
from kanaalwijzer.bodies import municipalities
from kanaalwijzer.store import AMSTERDAM

from .. import serializers
from ..chart import STATUSES, stacked_bars
from ..queries import source_freshness
from ..render import respond
from ..resources import get_store

bp = Blueprint("overzicht", __name__)

CSV_HEADER = ("code", "gemeente", "provincie", "status", "statuscode", "kanalen", "kanaalcodes")  # names, codes beside


@bp.get("/overzicht")
def overview():
    store = get_store()
    today = datetime.now(AMSTERDAM).date()
    day = today.isoformat()
    bodies = municipalities()
    # A fixed number of queries, whatever the number of bodies (tests/search_app count them).
    statuses = registry.body_statuses(store, [body.code for body in bodies], today)
    in_force = store.designations_on_per_body(day)
    rows = []
    for body in bodies:
        kinds = sorted({g.channel_kind for g in in_force.get(body.code, []) if g.status == "designated"})
        rows.append({"code": body.code, "name": body.name, "province": body.province, "status": statuses[body.code],
                     "channel_kinds": kinds, "url": url_for("gemeente.show", key=body.code)})
    per_province: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        per_province[row["province"]][row["status"]] += 1
    totals = Counter(row["status"] for row in rows)
    kinds_in_use = Counter(kind for row in rows for kind in row["channel_kinds"])
    data = {
        "date": today.isoformat(),
        "totals": {status: totals.get(status, 0) for status in STATUSES},
        "per_province": {p: {s: c.get(s, 0) for s in STATUSES} for p, c in sorted(per_province.items())},
        "channel_kinds": dict(kinds_in_use.most_common()),
        "freshness": source_freshness(store),
        "municipalities": rows,
    }
    return respond("overzicht/show.html", data,
                   csv_table=(CSV_HEADER, [(r["code"], r["name"], r["province"],
                                            vocab.label(vocab.BODY_STATUSES, r["status"]), r["status"],
                                            serializers.channel_names(r["channel_kinds"]),
                                            serializers.channel_codes(r["channel_kinds"])) for r in rows]),
                   filename="overzicht-gemeenten", title="Overzicht van alle gemeenten", data=data,
                   chart=stacked_bars(data["per_province"]), statuses=STATUSES)
