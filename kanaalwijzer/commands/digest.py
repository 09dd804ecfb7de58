"""`kanaalwijzer digest`: the weekly overview of changes, printed or mailed to subscribers."""
from __future__ import annotations

import sys

import click

from kanaalwijzer import digest as digests
from kanaalwijzer import vocabulary as vocab

from ._home import warn_if_only_demo


def _week(ctx, param, value):
    if value is None:
        return None
    try:
        return vocab.parse_week(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.option("--week", callback=_week, metavar="JJJJ-Www", help="ISO-week, bv. 2026-W10 (standaard: deze week).")
@click.option("--format", "fmt", type=click.Choice(digests.FORMATS), default="txt", show_default=True,
              help="Uitvoerformaat.")
@click.option("--body", "bodies", multiple=True, metavar="CODE", help="Alleen dit bestuursorgaan (code, bv. GM0344); herhaalbaar.")
@click.option("--province", "provinces", multiple=True, metavar="NAAM", help="Alleen deze provincie (naam); herhaalbaar.")
@click.option("--channel-kind", "channel_kinds", multiple=True, metavar="SOORT", help="Alleen dit kanaal (bv. email); herhaalbaar.")
@click.option("--query", metavar="ZOEKVRAAG", help="Alleen publicaties die deze zoekvraag vindt (opgeslagen zoekopdracht).")
@click.option("--send", is_flag=True, help="Verstuur de digest per e-mail naar alle bevestigde abonnees.")
def command(week, fmt, bodies, provinces, channel_kinds, query, send):
    """Wijzigingen per week als html/md/txt/json, of per e-mail naar de abonnees (--send).

    Met --send krijgt iedere abonnee één bericht met alle wijzigingen die hij nog niet kreeg
    (tot en met de gekozen week); een tweede --send verstuurt niets opnieuw.
    """
    from kanaalwijzer.config import load_config
    from kanaalwijzer.store import open_store

    warn_if_only_demo("digest")

    unknown = set(channel_kinds) - set(vocab.CHANNEL_KINDS)
    if unknown:
        raise click.BadParameter(f"onbekend kanaal {', '.join(sorted(unknown))}; kies uit "
                                 + ", ".join(f"{k} ({name})" for k, name in vocab.CHANNEL_KINDS.items()),
                                 param_hint="--channel-kind")
    config = load_config()
    with open_store(config) as store:
        if send:
            from kanaalwijzer import mailer
            settings = mailer.SmtpSettings()
            if not settings.host:
                raise click.ClickException("Geen SMTP-server ingesteld (KANAALWIJZER_SMTP_HOST).")
            report = mailer.send_digests(store, settings, week=week, base_url=config.base_url,
                                         progress=lambda d: click.echo(f"verstuurd: {d['email']} "
                                                                       f"({len(d['events'])} wijzigingen)", err=True))
            click.echo(f"{report.sent} verstuurd ({report.retried} na onderbreking), {report.failed} mislukt, "
                       f"{report.skipped} zonder nieuws")
            if report.failed:
                sys.exit(1)
            return
        built = digests.build_digest(store, week or vocab.iso_week(), bodies=bodies, provinces=provinces,
                                     channel_kinds=channel_kinds, query=query)
        click.echo(digests.render(built, fmt, base_url=config.base_url), nl=False)
