"""`kanaalwijzer demo`: every stage offline, the real spiders crawling the local replay server."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kanaalwijzer.chain import DEFAULT_PORT, check_port, run_chain

from ._home import DEMO_HOME


@click.command("demo")
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=DEMO_HOME,
              show_default=True, help="Map voor de demo-store en -index (los van de echte gegevens).")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Daarna de webapp starten.")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True, envvar="KANAALWIJZER_PORT",
              show_envvar=True, help="Poort van de app (op 127.0.0.1).")
def command(home: Path, serve: bool, port: int) -> None:
    """Alles offline op het voorbeeldcorpus: replay-server, oogst, extractie, index, app.

    E-mail (de bevestiging van een abonnement) gaat naar een lokale demo-postbus en is te lezen
    op /demo/post; er verlaat niets de machine.
    """
    from devtools.mailcatcher import MailCatcher
    from devtools.replay import SAMPLE_CORPUS, ReplayServer

    if serve:
        check_port("127.0.0.1", port, "demo")  # before the replay server and the mail catcher say anything
    with ReplayServer(SAMPLE_CORPUS) as replay, MailCatcher(home / "post") as post:
        click.echo(f"Replay-server: {replay.base_url} ({len(replay.items)} publicaties)", err=True)
        click.echo(f"Demo-postbus: SMTP op {post.host}:{post.port}; wat de app mailt staat op "
                   f"http://127.0.0.1:{port}/demo/post", err=True)
        env = {
            "KANAALWIJZER_HOME": str(home),
            "KANAALWIJZER_OP_SRU_URL": replay.op_sru_url,
            "KANAALWIJZER_CVDR_SRU_URL": replay.cvdr_sru_url,
            "KANAALWIJZER_BASE_URL": f"http://127.0.0.1:{port}",  # links in mails and feeds
            **post.smtp_env(),
        }
        harvest = ["--source", "all", "--mode", "targeted", "--publication", "all", "--since", "2024-01-01",
                   "--until", date.today().isoformat(), "--window-days", "31", "--no-probe",
                   "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]
        note = (f"De demo-gegevens staan in {home}/ (los van data/); andere commando's lezen ze met "
                f"KANAALWIJZER_HOME={home}, bv. `KANAALWIJZER_HOME={home} .venv/bin/kanaalwijzer status`.")
        run_chain(harvest, env=env, serve=serve, port=port, command="demo", note=note)
