"""`kanaalwijzer replay`: serve a corpus folder as KOOP's SRU services on localhost."""
from __future__ import annotations

import signal
import threading
from datetime import date
from pathlib import Path

import click


@click.command("replay")
@click.option("--corpus", "corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Corpusmap (standaard: het meegeleverde voorbeeldcorpus).")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADRES", help="Adres om op te luisteren.")
@click.option("--port", default=8765, show_default=True, help="0 kiest een vrije poort.")
@click.option("--synthetic", default=0, show_default=True, help="Aantal extra synthetische records.")
@click.option("--synthetic-period", default="2025-01-01:2025-12-31", show_default=True, metavar="VAN:TOT",
              help="Periode waarover de datums van synthetische records worden gespreid.")
@click.option("--fault", "faults", multiple=True, metavar="SOORT[:WAAR[:KEER]]",
              help="Storing injecteren: 429, 503, diagnostic, malformed, truncated, slow (herhaalbaar).")
@click.option("--slow-seconds", default=2.0, show_default=True, help="Vertraging van een 'slow'-storing.")
def command(corpus_dir, host, port, synthetic, synthetic_period, faults, slow_seconds):
    """Lokale SRU-server (Gemeenteblad en CVDR) over een corpusmap, tot Ctrl-C."""
    from devtools.replay import SAMPLE_CORPUS, Fault, ReplayServer

    try:
        parsed = [Fault.parse(spec, slow_seconds) for spec in faults]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--fault") from None
    try:
        period = tuple(date.fromisoformat(part) for part in synthetic_period.split(":"))
        assert len(period) == 2 and period[0] <= period[1]
    except (ValueError, AssertionError):
        raise click.BadParameter("verwacht JJJJ-MM-DD:JJJJ-MM-DD", param_hint="--synthetic-period") from None
    server = ReplayServer(corpus_dir or SAMPLE_CORPUS, host=host, port=port, synthetic=synthetic,
                          synthetic_period=period, faults=parsed)
    server.start()
    click.echo(f"Officiële publicaties SRU: {server.op_sru_url}")
    click.echo(f"CVDR SRU: {server.cvdr_sru_url}")
    click.echo(f"{len(server.items)} publicaties; verzoeken: {server.base_url}/_log; stoppen met Ctrl-C", err=True)
    # Explicit handlers: a process started in the background by a non-interactive shell inherits
    # SIGINT as ignored, and a supervisor stops it with SIGTERM.
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        stop.wait()
    finally:
        server.stop()
