"""`kanaalwijzer index`: bring the search index up to date with the store."""
from __future__ import annotations

import sys
import time

import click

from ._home import warn_if_only_demo


@click.command()
@click.option("--rebuild", is_flag=True,
              help="Bouw de index helemaal opnieuw (nieuwe versie, daarna omschakelen).")
@click.option("--backend", type=click.Choice(["embedded", "elasticsearch"]), default=None,
              help="Zoekbackend (standaard KANAALWIJZER_SEARCH_BACKEND of embedded).")
def command(rebuild: bool, backend: str | None) -> None:
    """Indexeer alle publicaties uit de store voor het zoeken."""
    warn_if_only_demo("index")
    from ..config import load_config
    from ..search import get_backend
    from ..search.documents import count_documents, index_documents
    from ..store import open_store

    config = load_config()
    try:
        search = get_backend(config, backend)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    started = time.perf_counter()
    with open_store(config) as store:
        total = count_documents(store)
        with click.progressbar(index_documents(store), length=total, label="Indexeren",
                               file=sys.stderr) as docs:
            done = search.rebuild(docs) if rebuild else search.upsert(docs)
    seconds = time.perf_counter() - started
    rate = done / seconds if seconds else 0.0
    click.echo(f"{done} publicaties {'opnieuw ' if rebuild else ''}geïndexeerd in {seconds:.1f} s "
               f"({rate:.0f}/s) met backend {getattr(search, 'name', backend)}; de index bevat er nu "
               f"{search.count()}.")
