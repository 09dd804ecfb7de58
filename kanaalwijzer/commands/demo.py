"""`kanaalwijzer demo`: every stage offline, the real spiders crawling the local replay server."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click


@click.command("demo")
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=Path("data/demo"),
              show_default=True, help="Map voor de demo-store en -index (los van de echte gegevens).")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Daarna de webapp starten.")
@click.option("--port", default=5000, show_default=True)
def command(home: Path, serve: bool, port: int) -> None:
    """Alles offline op het voorbeeldcorpus: replay-server, oogst, extractie, index, app."""
    from kanaalwijzer.chain import run_chain
    from devtools.replay import SAMPLE_CORPUS, ReplayServer

    with ReplayServer(SAMPLE_CORPUS) as replay:
        click.echo(f"Replay-server: {replay.base_url} ({len(replay.items)} publicaties)", err=True)
        env = {
            "KANAALWIJZER_HOME": str(home),
            "KANAALWIJZER_OP_SRU_URL": replay.op_sru_url,
            "KANAALWIJZER_CVDR_SRU_URL": replay.cvdr_sru_url,
        }
        harvest = ["--source", "all", "--mode", "targeted", "--publication", "all", "--since", "2024-01-01",
                   "--until", date.today().isoformat(), "--window-days", "31", "--no-probe",
                   "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]
        run_chain(harvest, env=env, serve=serve, port=port)
