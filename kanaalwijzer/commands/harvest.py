"""`kanaalwijzer harvest`: run the Scrapy spiders for the official publications and/or the CVDR."""
from __future__ import annotations

import logging
import sys
from datetime import date

import click

from kanaalwijzer import vocabulary as vocab


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is geen datum (JJJJ-MM-DD)") from None


def _settings(ctx, param, values):
    out = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep:
            raise click.BadParameter(f"{value!r}: gebruik NAAM=WAARDE")
        out[name.strip()] = setting.strip()
    return out


@click.command(name="harvest")
@click.option("--source", type=click.Choice([*vocab.SOURCES, "all"]), default="all", show_default=True,
              help="Welke bron: de officiële publicaties (Gemeenteblad e.a.), de CVDR of beide.")
@click.option("--since", callback=_iso_date, metavar="JJJJ-MM-DD", help="Vanaf (JJJJ-MM-DD); standaard waar de vorige run ophield, anders 2025-01-01.")
@click.option("--until", callback=_iso_date, metavar="JJJJ-MM-DD", help="Tot en met (JJJJ-MM-DD); standaard vandaag.")
@click.option("--mode", type=click.Choice(["targeted", "sweep"]), default="targeted", show_default=True,
              help="targeted: zoektermen voor aanwijzingsbesluiten; sweep: alles in het venster.")
@click.option("--body", metavar="NAAM", help="Alleen dit bestuursorgaan (naam, bv. 'Utrecht').")
@click.option("--page-size", type=click.IntRange(1, 1000), help="Records per SRU-pagina.")
@click.option("--window-days", type=click.IntRange(1, 366), help="Dagen per datumvenster (standaard 7).")
@click.option("--publication", multiple=True,
              type=click.Choice([*(g.name for g in vocab.DECENTRAL_GAZETTES), "all"]),
              help="Publicatie(s) voor de bron officielepublicaties (herhaalbaar; 'all' = alle vier); "
                   "standaard Gemeenteblad.")
@click.option("--set", "overrides", multiple=True, callback=_settings, metavar="NAAM=WAARDE",
              help="Scrapy-instelling overschrijven (herhaalbaar), bv. DOWNLOAD_DELAY=0.")
@click.option("--settings", "profile", type=click.Choice(["base", "prod"]), default="base", show_default=True,
              envvar="KANAALWIJZER_SCRAPY_SETTINGS", show_envvar=True,
              help="Scrapy-instellingen: base (voorzichtige standaard) of prod (grotere SRU-pagina's, stillere logs).")
@click.option("--no-probe", is_flag=True, help="De bereikbaarheidstest vooraf overslaan.")
def command(source, since, until, mode, body, page_size, window_days, publication, overrides, profile, no_probe):
    """Haal publicaties op bij KOOP (Gemeenteblad via repository.overheid.nl, CVDR via zoekservice)."""
    from scrapers.runner import HarvestOptions, ServicesUnreachable, everything_failed, format_summary, run_harvest

    if since and until and since > until:
        raise click.BadParameter("--since ligt na --until", param_hint="--since")
    if "all" in publication:
        publication = tuple(g.name for g in vocab.DECENTRAL_GAZETTES)
    options = HarvestOptions(
        sources=tuple(vocab.SOURCES) if source == "all" else (source,), since=since, until=until, mode=mode,
        body=body, page_size=page_size, window_days=window_days, publications=tuple(publication),
        settings=overrides, profile=profile, probe=not no_probe)
    level = logging.getLevelName(max(logging.getLogger().getEffectiveLevel(), logging.DEBUG))
    try:
        summaries = run_harvest(options, log_level=level)
    except ServicesUnreachable as error:
        click.echo(str(error), err=True)
        sys.exit(3)
    click.echo(format_summary(summaries), err=True)
    if everything_failed(summaries):
        click.echo("Alles is mislukt: zie `kanaalwijzer status`.", err=True)
        sys.exit(1)
