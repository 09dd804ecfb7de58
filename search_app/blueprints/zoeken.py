"""Zoeken: the home page (search box + municipality finder) and the search results with facets."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from .. import serializers
from ..params import output_format, search_request
from ..render import respond
from ..resources import get_search

bp = Blueprint("zoeken", __name__)

FORMATS = ("html", "json", "csv", "atom")


@bp.get("/")
def home():
    return respond("zoeken/home.html", {"search": url_for("zoeken.search"), "gemeente": url_for("gemeente.find")},
                   title="Welk kanaal geldt bij uw gemeente?")


@bp.get("/zoeken")
def search():
    from kanaalwijzer.search import QueryError

    req = search_request()
    fmt = output_format(FORMATS)
    if fmt == "atom":  # a search as a feed = the changes to what it finds (a saved search)
        return redirect(url_for("digest.feed_search", q=req.q) if req.q.strip() else url_for("digest.feed_all"))
    try:
        result = get_search().search(req)
    except QueryError as exc:
        # The message says what to change; the page keeps the query so it can be corrected.
        if fmt != "html":
            return {"error": exc.message, "status": 400}, 400
        return render_template("zoeken/results.html", title="Zoeken", req=req, result=None, error=exc.message,
                               formats=["html"]), 400
    return respond("zoeken/results.html", lambda: serializers.search_result(req, result),
                   csv_table=(serializers.HIT_CSV_HEADER, map(serializers.hit_row, result.hits)), atom=True,
                   filename="zoekresultaten", title=f"Zoeken: {req.q}" if req.q else "Zoeken",
                   req=req, result=result, error=None)
