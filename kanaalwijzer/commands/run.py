"""`kanaalwijzer run`: the main job against the live KOOP services."""
from __future__ import annotations

import click

from kanaalwijzer.chain import DEFAULT_PORT


@click.command("run")
@click.option("--since", metavar="JJJJ-MM-DD", help="Vanaf (JJJJ-MM-DD); standaard waar de vorige run ophield.")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Daarna de webapp starten.")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True, envvar="KANAALWIJZER_PORT",
              show_envvar=True, help="Poort van de app (op 127.0.0.1).")
def command(since: str | None, serve: bool, port: int) -> None:
    """Oogst Gemeenteblad en CVDR, extraheer, indexeer en start de app.

    Zonder verbinding met de KOOP-diensten stopt dit binnen 30 seconden met een melding;
    `make demo` draait dan alles offline.
    """
    from kanaalwijzer.chain import run_chain

    harvest = ["--source", "all", "--mode", "targeted", "--publication", "all"]
    if since:
        harvest += ["--since", since]
    run_chain(harvest, serve=serve, port=port)
