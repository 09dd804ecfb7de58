"""Jinja filters and globals (Dutch dates, labels, links that keep the query), and error pages."""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import Flask, g, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from kanaalwijzer import vocabulary
from kanaalwijzer.search.vocab import facet_label

from .params import BadParameter, url_args
from .snippets import snippet

log = logging.getLogger(__name__)

FACET_VALUES_SHOWN = 12


def datum(value) -> str:
    """'2026-01-01' -> '1 januari 2026'; None -> 'onbekend'; what is no date is shown as it is."""
    if not value:
        return "onbekend"
    return vocabulary.dutch_date(value) or str(value)


def tijdstip(value) -> str:
    """A stored timestamp shown in Amsterdam time: '29 november 2026, 22:10'."""
    if not value:
        return "onbekend"
    return vocabulary.dutch_datetime(value) or str(value)


def sentence(value) -> str:
    """First letter upper case, the rest untouched (process names come lower-cased)."""
    return vocabulary.capfirst(str(value or ""))


def http_url(value) -> str | None:
    """The value when it is an http(s) URL, else None: a document can hold 'javascript:' links."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


def toggle_url(facet: str, value: str) -> str:
    """The current search with one facet value switched on or off (back to page 1). Built by hand
    rather than with url_for: a results page holds hundreds of these links."""
    if "_kw_search_path" not in g:
        g._kw_search_path = url_for(request.endpoint, **(request.view_args or {}))
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", facet)]
    selected = request.args.getlist(facet)
    values = [v for v in selected if v != value] if value in selected else [*selected, value]
    query = urlencode(pairs + [(facet, v) for v in values])
    return f"{g._kw_search_path}?{query}" if query else g._kw_search_path


def shown_facet_values(values, limit: int = FACET_VALUES_SHOWN):
    """The most frequent values plus every selected one (so a selection can always be undone)."""
    top = list(values[:limit])
    return top + [v for v in values[limit:] if v.selected]


def active_filters(result) -> list[dict]:
    """Every selected facet value and date bound, labelled as the facets label it, with the
    link that removes just that one."""
    items = [{"name": vocabulary.label(vocabulary.FACETS, name, capital=True), "label": value.label,
              "remove": toggle_url(name, value.value)}
             for name, values in result.facets.items() for value in values if value.selected]
    for key, name in (("van", "Gepubliceerd vanaf"), ("tot", "Gepubliceerd tot en met")):
        if request.args.get(key, "").strip():
            items.append({"name": name, "label": datum(request.args[key]),
                          "remove": url_for(request.endpoint, **url_args(**{key: None, "page": None}))})
    return items


def clear_filters_url() -> str:
    keep = {key: request.args.getlist(key) for key in ("q", "sort", "per_page") if key in request.args}
    return url_for(request.endpoint, **keep)


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
        vocab=vocabulary, label=vocabulary.label, channel_list=vocabulary.channel_list, facet_label=facet_label,
        active_filters=active_filters, clear_filters_url=clear_filters_url, toggle_url=toggle_url,
        shown_facet_values=shown_facet_values, page_url=page_url, format_url=format_url,
    )
    app.register_error_handler(BadParameter, _error)
    app.register_error_handler(HTTPException, _error)
    app.register_error_handler(Exception, _error)
