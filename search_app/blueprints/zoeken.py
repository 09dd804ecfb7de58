"""Zoeken: the home page (search box + municipality finder), the search results with facets and
their export (CSV, RIS), and the search help."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from .. import export, serializers
from ..params import output_format, search_request
from ..render import respond
from ..resources import get_search, get_store

bp = Blueprint("zoeken", __name__)

FORMATS = ("html", "json", "csv", "atom", "ris")


@bp.get("/")
def home():
    return respond("zoeken/home.html", {"search": url_for("zoeken.search"), "gemeente": url_for("gemeente.find")},
                   title="Welk kanaal geldt bij uw gemeente?")


@bp.get("/zoeken/hulp")
def help():
    return respond("zoeken/help.html", {}, title="Zo zoekt u")


@bp.get("/zoeken")
def search():
    from kanaalwijzer.search import QueryError

    req = search_request()
    fmt = output_format(FORMATS)
    if fmt == "atom":  # a search as a feed = the changes to what it finds (a saved search)
        return redirect(url_for("digest.feed_search", q=req.q) if req.q.strip() else url_for("digest.feed_all"))
    try:
        if fmt in ("csv", "ris"):
            return _export(req, fmt)
        result = get_search().search(req)
    except QueryError as exc:
        # The message says what to change; the page keeps the query so it can be corrected.
        if fmt != "html":
            return {"error": exc.message, "status": 400}, 400
        return render_template("zoeken/results.html", title="Zoeken", req=req, result=None, error=exc.message,
                               formats=["html"]), 400
    return respond("zoeken/results.html", lambda: serializers.search_result(req, result),
                   title=f"Zoeken: {req.q}" if req.q else "Zoeken", atom=True,
                   req=req, result=result, error=None, export_limit=export.EXPORT_LIMIT)


def _export(req, fmt: str):
    """The whole result list (not just this page) as a download."""
    from datetime import date

    hits = export.all_hits(get_search(), req)
    status = export.statuses(get_store(), hits, date.today())
    if fmt == "ris":
        return export.ris(hits, status)
    return respond("zoeken/results.html", {}, csv_table=(export.CSV_HEADER, (export.row(h, status[h.id]) for h in hits)),
                   filename="zoekresultaten")
