"""Wijzigingen: the weekly digest page, Atom feeds, and e-mail subscriptions (subscribe, confirm,
one-click unsubscribe). Events, digests, feeds and subscriptions are the registry engineer's
modules (kanaalwijzer.events / digest / feeds / mailer); these views only parse and present."""
from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, request, url_for

from kanaalwijzer import vocabulary

from ..params import BadParameter, digest_filters, iso_week
from ..render import respond
from ..resources import get_search, get_store

bp = Blueprint("digest", __name__)

ATOM = "application/atom+xml; charset=utf-8"
SAVED_SEARCH_PAGES = 50  # a saved search follows at most 5,000 publications


@bp.get("/digest")
def current():
    return redirect(url_for("digest.week", week=vocabulary.iso_week(), **request.args))


@bp.get("/digest/<week>")
def week(week: str):
    from kanaalwijzer import digest as digests
    week = iso_week(week)
    filters = digest_filters()
    built = digests.build_digest(get_store(), week, **filters, search=_saved_search)
    return respond("digest/week.html", digests.to_json(built), atom=lambda: _feed(title="Wijzigingen", **filters),
                   title=f"Wijzigingen in week {week}", digest=built, week=week, filters=filters,
                   previous=vocabulary.shift_week(week, -1), next=vocabulary.shift_week(week, 1))


def _saved_search(query: str) -> set[str]:
    """Publication ids a saved search matches, through this app's search backend."""
    from kanaalwijzer.search import QueryError, SearchRequest
    found, page = set(), 1
    try:
        while True:
            result = get_search().search(SearchRequest(q=query, page=page, per_page=100))
            found.update(hit.id for hit in result.hits)
            if not result.hits or page * 100 >= result.total or page >= SAVED_SEARCH_PAGES:
                return found
            page += 1
    except QueryError as exc:
        raise BadParameter(f"De opgeslagen zoekvraag is ongeldig: {exc.message}") from None


def _feed(**kwargs) -> bytes:
    from kanaalwijzer import feeds
    return feeds.atom_feed(get_store(), self_url=request.url, base_url=request.url_root, search=_saved_search,
                           **kwargs)


@bp.get("/feeds/alles.atom")
def feed_all():
    return Response(_feed(title="Alle wijzigingen"), mimetype=ATOM)


@bp.get("/feeds/gemeente/<code>.atom")
def feed_body(code: str):
    from kanaalwijzer.bodies import body_by_code
    body = body_by_code(code.upper())
    if body is None:
        abort(404)
    return Response(_feed(title=f"Wijzigingen {body.display_name}", bodies=[body.code]), mimetype=ATOM)


@bp.get("/feeds/provincie/<name>.atom")
def feed_province(name: str):
    from kanaalwijzer.bodies import PROVINCES
    match = next((p for p in PROVINCES.values() if p.casefold() == name.casefold()), None)
    if match is None:
        abort(404)
    return Response(_feed(title=f"Wijzigingen provincie {match}", provinces=[match]), mimetype=ATOM)


@bp.get("/feeds/zoeken.atom")
def feed_search():
    query = request.args.get("q", "")
    if not query.strip():
        raise BadParameter("Geef een zoekvraag op met ?q=...")
    return Response(_feed(title=f"Wijzigingen voor ‘{query}’", query=query.strip()), mimetype=ATOM)


@bp.route("/abonneren", methods=["GET", "POST"])
def subscribe():
    if request.method == "GET":
        return respond("digest/subscribe.html", {}, title="Abonneren op wijzigingen", filters=digest_filters(),
                       sent=False, error=None, **_choices())
    from kanaalwijzer import mailer
    email = request.form.get("email", "").strip()
    filters = digest_filters(request.form)
    try:
        mailer.subscribe(get_store(), email, filters, confirm_url=url_for("digest.confirm", token="TOKEN",
                                                                          _external=True))
    except ValueError as exc:
        return respond("digest/subscribe.html", {}, title="Abonneren op wijzigingen", filters=filters, sent=False,
                       error=str(exc), **_choices()), 400
    return respond("digest/subscribe.html", {}, title="Bevestig uw abonnement", filters=filters, sent=True,
                   error=None, **_choices())


@bp.get("/abonneren/bevestigen/<token>")
def confirm(token: str):
    from kanaalwijzer import mailer
    ok = mailer.confirm(get_store(), token)
    return respond("digest/confirmed.html", {"confirmed": bool(ok)}, title="Abonnement bevestigd" if ok else
                   "Link ongeldig", confirmed=bool(ok)), 200 if ok else 404


@bp.route("/abonneren/opzeggen/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """GET shows a button (mail scanners follow links); POST unsubscribes: the one-click
    List-Unsubscribe-Post target of RFC 8058."""
    from kanaalwijzer import mailer
    if request.method == "GET":
        return respond("digest/unsubscribe.html", {}, title="Abonnement opzeggen", token=token, done=False)
    ok = mailer.unsubscribe(get_store(), token)
    return respond("digest/unsubscribe.html", {"unsubscribed": bool(ok)}, title="Afgemeld" if ok else "Link ongeldig",
                   token=token, done=True, ok=bool(ok)), 200 if ok else 404


def _choices() -> dict:
    from kanaalwijzer.bodies import PROVINCES, municipalities
    return {"municipalities": municipalities(), "provinces": sorted(PROVINCES.values())}
