"""One way to answer in every format: HTML page, JSON, CSV or Atom from the same data."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from flask import Response, jsonify, render_template, request

from .params import output_format


def wants_json() -> bool:
    return request.args.get("format") == "json" or request.path.startswith("/api/")


def respond(template: str, data: dict | Callable[[], dict], /, *, csv_table: tuple[Sequence[str], Iterable[Sequence]] | None = None,
            atom: Callable[[], bytes | str] | bool | None = None, filename: str = "kanaalwijzer", **context):
    """Render `template` with `context`, or serialise `data` (json; a callable is only called
    then), `csv_table` or `atom` (True: the view answers atom itself, by a redirect to a feed)."""
    allowed = ["html", "json"] + (["csv"] if csv_table else []) + (["atom"] if atom else [])
    fmt = output_format(tuple(allowed))
    if fmt == "json":
        return jsonify(data() if callable(data) else data)
    if fmt == "csv":
        header, rows = csv_table
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([_cell(value) for value in row] for row in rows)
        return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})
    if fmt == "atom":
        return Response(atom(), mimetype="application/atom+xml; charset=utf-8")
    return render_template(template, formats=allowed, **context)


def _cell(value):
    """Defuse spreadsheet formulas: a document title may start with '=' or '@'."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
