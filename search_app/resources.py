"""Per-request store connection and the per-process search backend.

A SQLite connection belongs to one thread, so each request opens its own and closes it on
teardown; the search backend (an index reader) is built once per process and reused.
"""
from __future__ import annotations

from flask import Flask, current_app, g

from kanaalwijzer.store import Store


def config():
    return current_app.config["KANAALWIJZER"]


def get_store() -> Store:
    if "store" not in g:
        g.store = Store(config().db_path)
    return g.store


def get_search():
    backend = current_app.extensions.get("kanaalwijzer_search")
    if backend is None:
        from kanaalwijzer.search import get_backend
        backend = get_backend(config())
        current_app.extensions["kanaalwijzer_search"] = backend
    return backend


def _close_store(exc=None) -> None:
    store = g.pop("store", None)
    if store is not None:
        store.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(_close_store)
