"""API: the pages' JSON under /api/ (same views, JSON by default) and their OpenAPI description."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from ..openapi import spec
from . import besluit, digest, gemeente, overzicht, zoeken

bp = Blueprint("api", __name__, url_prefix="/api")

bp.add_url_rule("/zoeken", "search", zoeken.search)
bp.add_url_rule("/gemeenten", "find", gemeente.find)
bp.add_url_rule("/gemeenten/<key>", "gemeente", gemeente.show)
bp.add_url_rule("/besluiten/<path:pub_id>", "besluit", besluit.show)
bp.add_url_rule("/overzicht", "overview", overzicht.overview)
bp.add_url_rule("/digest/<week>", "digest", digest.week)


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec(request.url_root.rstrip("/")))


@bp.get("/")
def docs():
    return render_template("api/docs.html", title="API", spec=spec(request.url_root.rstrip("/")))
