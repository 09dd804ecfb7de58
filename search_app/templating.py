"""Jinja filters and globals (Dutch dates, labels, links that keep the query), and error pages."""
from __future__ import annotations

import logging
from datetime import date, datetime

from flask import Flask, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from kanaalwijzer.store import AMSTERDAM

from . import labels
from .params import BadParameter, url_args
from .snippets import snippet

log = logging.getLogger(__name__)


def datum(value) -> str:
    """'2026-01-01' -> '1 januari 2026'; None -> 'onbekend'."""
    if not value:
        return "onbekend"
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {labels.MONTHS[day.month - 1]} {day.year}"


def tijdstip(value) -> str:
    """A stored timestamp shown in Amsterdam time: '29 november 2026, 22:10'."""
    if not value:
        return "onbekend"
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(AMSTERDAM)
    return f"{datum(moment.date().isoformat())}, {moment:%H:%M}"


def sentence(value) -> str:
    """First letter upper case, the rest untouched (process names come lower-cased)."""
    text = str(value or "")
    return text[:1].upper() + text[1:]


def http_url(value) -> str | None:
    """The value when it is an http(s) URL, else None: a document can hold 'javascript:' links."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


def toggle_url(facet: str, value: str) -> str:
    """The current search with one facet value switched on or off (back to page 1)."""
    selected = request.args.getlist(facet)
    values = [v for v in selected if v != value] if value in selected else [*selected, value]
    return url_for(request.endpoint, **url_args(**{facet: values or None, "page": None}))


def page_url(page: int) -> str:
    return url_for(request.endpoint, **url_args(page=str(page)))


def format_url(fmt: str) -> str:
    return url_for(request.endpoint, **(request.view_args or {}), **url_args(format=fmt, page=None))


def _error(error):
    from .render import wants_json
    if isinstance(error, BadParameter):
        status, title, message = 400, "Ongeldige invoer", error.message
    elif isinstance(error, HTTPException):
        status, title = error.code or 500, {404: "Niet gevonden", 405: "Methode niet toegestaan"}.get(
            error.code, "Fout")
        message = {404: "Deze pagina bestaat niet (meer)."}.get(error.code, error.description)
    else:
        log.exception("unhandled error on %s", request.path)
        status, title, message = 500, "Interne fout", "Er ging iets mis aan onze kant. Probeer het later opnieuw."
    if wants_json():
        return {"error": message, "status": status}, status
    return render_template("fout.html", title=title, message=message, status=status), status


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(datum=datum, tijdstip=tijdstip, http_url=http_url, snippet=snippet, sentence=sentence)
    app.jinja_env.globals.update(
        labels=labels, label=labels.label, toggle_url=toggle_url, page_url=page_url, format_url=format_url,
    )
    app.register_error_handler(BadParameter, _error)
    app.register_error_handler(HTTPException, _error)
    app.register_error_handler(Exception, _error)
