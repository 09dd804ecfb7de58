"""All request parsing in one place: output format, search requests, page numbers.

Bad parameters raise `BadParameter` with a Dutch message; the app turns it into HTTP 400.
"""
from __future__ import annotations

from datetime import date

from flask import request

from kanaalwijzer import vocabulary
from kanaalwijzer.search.vocab import FACETS

FORMATS = ("html", "json", "csv", "atom")
MAX_PER_PAGE = 100
MAX_QUERY_LENGTH = 1000


class BadParameter(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def output_format(allowed=("html", "json")) -> str:
    default = "json" if request.path.startswith("/api/") else "html"  # the API is the pages in JSON
    fmt = request.args.get("format", default).strip().lower() or default
    if fmt not in allowed:
        raise BadParameter(f"Onbekend formaat '{fmt}'. Kies uit: {', '.join(allowed)}.")
    return fmt


def positive_int(name: str, default: int, maximum: int | None = None) -> int:
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadParameter(f"'{name}' moet een positief geheel getal zijn.")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadParameter(f"'{name}' mag hoogstens {maximum} zijn.")
    return value


def iso_date(name: str) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"'{name}' is geen datum; gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2026-01-01.") from None


def facet_filters() -> dict[str, list[str]]:
    """Selected facet values: ?gemeente=GM0513&kanaal=email&kanaal=portal."""
    return {name: values for name in FACETS if (values := [v for v in request.args.getlist(name) if v.strip()])}


def search_request():
    from kanaalwijzer.search import SearchRequest

    q = request.args.get("q", "")
    if len(q) > MAX_QUERY_LENGTH:
        raise BadParameter(f"De zoekvraag is te lang (hoogstens {MAX_QUERY_LENGTH} tekens).")
    sort = request.args.get("sort", "relevance") or "relevance"
    if sort not in ("relevance", "date"):
        raise BadParameter("Sorteer op 'relevance' (relevantie) of 'date' (datum).")
    return SearchRequest(
        q=q, filters=facet_filters(), date_from=iso_date("van"), date_to=iso_date("tot"), sort=sort,
        page=positive_int("page", 1, maximum=100_000), per_page=positive_int("per_page", 20, maximum=MAX_PER_PAGE),
    )


def url_args(**changes) -> dict:
    """The current query arguments with some changed (None removes); for links that keep state."""
    args = {key: request.args.getlist(key) for key in request.args}
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [value]
    return args


def iso_week(value: str) -> str:
    """'2026-W10' (also '2026-w10', '2026W10') normalised; anything else is a BadParameter."""
    try:
        return vocabulary.parse_week(value)
    except ValueError as exc:
        raise BadParameter(str(exc)) from None


def digest_filters(source=None) -> dict[str, list[str]]:
    """Digest/subscription filters from query args or a form: gemeente, provincie, kanaal, q."""
    source = source if source is not None else request.args
    filters = {
        "bodies": [v.strip().upper() for v in source.getlist("gemeente") if v.strip()],
        "provinces": [v.strip() for v in source.getlist("provincie") if v.strip()],
        "channel_kinds": [v.strip() for v in source.getlist("kanaal") if v.strip()],
    }
    query = (source.get("q") or "").strip()
    if query:
        filters["query"] = query
    return {key: value for key, value in filters.items() if value}
