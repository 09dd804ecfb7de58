"""`kanaalwijzer serve`: the web app; Flask's dev server by default, gunicorn with --production."""
from __future__ import annotations

import logging
import os
import sys

import click

from kanaalwijzer.chain import DEFAULT_HOST, DEFAULT_PORT, check_port

from ._home import warn_if_only_demo


def _plain_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    return handler


@click.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, envvar="KANAALWIJZER_HOST", show_envvar=True,
              metavar="ADRES", help="Adres om op te luisteren.")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True, envvar="KANAALWIJZER_PORT", show_envvar=True,
              help="Poort.")
@click.option("--production", is_flag=True, help="Draai onder gunicorn (productie) in plaats van de dev-server.")
@click.option("--workers", type=int, default=2, show_default=True, envvar="KANAALWIJZER_WORKERS", show_envvar=True,
              help="Aantal gunicorn-workers (alleen met --production).")
def command(host: str, port: int, production: bool, workers: int) -> None:
    """Start de webapplicatie (zoeken, gemeenten, besluiten, overzicht, API)."""
    check_port(host, port)  # a Dutch message and exit code 4, not werkzeug's English one
    warn_if_only_demo("serve")
    if production:
        if os.environ.get("KANAALWIJZER_DEMO_MAILBOX"):
            raise click.ClickException("KANAALWIJZER_DEMO_MAILBOX is gezet: de demo-postbus hoort bij `kanaalwijzer demo`, "
                                       "nooit bij een productie-app. Haal de variabele weg.")
        # exec: gunicorn becomes this process, so signals from a supervisor reach it directly.
        args = [sys.executable, "-m", "gunicorn", "--bind", f"{host}:{port}", "--workers", str(workers),
                "--access-logfile", "-", "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
                "search_app:create_app()"]
        os.execv(sys.executable, args)
    from werkzeug.serving import WSGIRequestHandler, make_server

    from search_app import create_app

    class PlainLog(WSGIRequestHandler):
        """The access log without werkzeug's colour codes when stderr is a log, not a terminal."""

        def log_request(self, code="-", size="-"):
            self.log("info", '"%s" %s %s', self.requestline, code, size)

    # werkzeug's own server, without app.run()'s English banner; its access log stays.
    try:
        server = make_server(host, port, create_app(), threaded=True,
                             request_handler=None if sys.stderr.isatty() else PlainLog)
    except OSError:
        check_port(host, port)  # taken since the check above: the same Dutch message
        raise
    access_log = logging.getLogger("werkzeug")  # its lines carry their own time: no second one in front
    access_log.addHandler(_plain_handler())
    access_log.setLevel(logging.INFO)
    access_log.propagate = False
    click.echo(f"De app draait op http://{host}:{port}/ (open dat adres in de browser; stoppen met Ctrl-C).",
               err=True)
    server.serve_forever()  # returns on Ctrl-C (werkzeug catches the KeyboardInterrupt) and closes
    click.echo("Gestopt.", err=True)
